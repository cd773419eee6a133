import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BoneMetWeb

/// Issue #11: throttling per client address as well as per account, and the client address
/// taken from X-Forwarded-For only when the connection comes from a trusted proxy.
@Suite struct ClientAddressTests {
    static func forwarded(_ address: String) -> HTTPFields {
        var fields = HTTPFields()
        fields[.xForwardedFor] = address
        return fields
    }

    @Test func theClientIsTheRightMostUntrustedHopOfATrustedProxy() {
        let proxies: Set<String> = ["10.0.0.5", "10.0.0.6"]
        // A direct client: its header is not believed.
        #expect(ClientAddress.resolve(peer: "198.51.100.9", forwardedFor: ["203.0.113.7"], trusted: proxies) == "198.51.100.9")
        // Through the proxy: the address the proxy saw (right-most), not what the client wrote (left).
        #expect(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["1.2.3.4, 203.0.113.7"], trusted: proxies) == "203.0.113.7")
        // Two trusted proxies in a row, the header split over two lines.
        #expect(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["1.2.3.4, 203.0.113.7", "10.0.0.6"], trusted: proxies) == "203.0.113.7")
        #expect(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["2001:db8::1"], trusted: proxies) == "2001:db8::1")
        // Not an address, or no header: the proxy itself.
        #expect(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["evil<script>"], trusted: proxies) == "10.0.0.5")
        #expect(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: [], trusted: proxies) == "10.0.0.5")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: ["203.0.113.7"], trusted: proxies) == nil)
    }

    /// One address trying passwords across many accounts is slowed down once it has failed
    /// `maxFailuresPerAddress` times, whichever account it tries next; another address is not;
    /// a colleague's successful sign-in from the same address takes only its own attempt back.
    @Test(arguments: TestDatabases.engines)
    func oneAddressIsThrottledAcrossAccounts(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine, trustedProxies: ["127.0.0.1"])
        try await harness.user("doctor", role: .orthopaedics)
        let attacker = Self.forwarded("203.0.113.7")
        try await harness.run(live: true) { client in
            var browser = Browser()
            // Each account only once (its own throttle never starts), from one address.
            for index in 0..<(AuthController.maxFailuresPerAddress - 1) {
                #expect(try await browser.signIn(client, "user\(index)", "guess", headers: attacker).status == .unauthorized)
            }
            // A colleague behind the same address signs in: that attempt is taken back.
            var colleague = Browser()
            #expect(try await colleague.signIn(client, "doctor", WebHarness.password, headers: attacker).status == .seeOther)
            #expect(try await browser.signIn(client, "last-free", "guess", headers: attacker).status == .unauthorized)
            let refused = try await browser.signIn(client, "fresh-account", "guess", headers: attacker)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "1")
            // Another client address is not slowed down by it.
            #expect(try await browser.signIn(client, "fresh-account", "guess", headers: Self.forwarded("203.0.113.8")).status == .unauthorized)
            let audit = try await harness.services.audit.entries(limit: 200, offset: 0)
            #expect(audit.contains { $0.action == "login.throttled" && $0.client == "203.0.113.7" })
            #expect(audit.contains { $0.action == "login.failed" && $0.client == "203.0.113.8" })
        }
    }

    /// Without a trusted proxy, a client writing a new X-Forwarded-For on every request does
    /// not escape the throttle of its real address.
    @Test func aForgedForwardingHeaderDoesNotEscapeTheThrottle() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.run(live: true) { client in
            var browser = Browser()
            for index in 0..<AuthController.maxFailuresPerAddress {
                #expect(try await browser.signIn(client, "user\(index)", "guess", headers: Self.forwarded("203.0.113.\(index)")).status == .unauthorized)
            }
            let refused = try await browser.signIn(client, "fresh-account", "guess", headers: Self.forwarded("198.51.100.1"))
            #expect(refused.status == .tooManyRequests)
            let audit = try await harness.services.audit.entries(limit: 200, offset: 0)
            #expect(audit.filter { $0.action == "login.failed" }.allSatisfy { $0.client == "127.0.0.1" })
        }
    }
}
