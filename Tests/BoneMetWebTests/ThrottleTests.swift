import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import Testing

@testable import BoneMetWeb

/// Issue #11 (OWASP ASVS 2.2.1): sign-in throttling that holds under parallel requests (the
/// attempt is counted in the same transaction that checks the count) and backs off instead of
/// locking the account out.
@Suite struct ThrottleTests {
    /// 20 parallel wrong guesses at one clock instant: at most the 5 free attempts reach the
    /// password check; every other one is refused — with Retry-After, or, when the machine is
    /// overloaded, 503 (no database connection became free in time: on PostgreSQL the 20
    /// transactions queue on one advisory lock holding pooled connections; seen in CI as
    /// `[503, 503, 401, 401, 503, 401, 401, 429 …]`). Nobody is ever let in.
    @Test(arguments: TestDatabases.engines)
    func parallelGuessesCannotSlipPastTheCount(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for index in 0..<20 {
                    group.addTask {
                        var browser = Browser()
                        let response = try await browser.signIn(client, "doctor", "wrong guess \(index)")
                        return (response.status, response.headers[.retryAfter])
                    }
                }
                return try await group.reduce(into: [(HTTPResponse.Status, String?)]()) { $0.append($1) }
            }
            let codes = statuses.map(\.0)
            let refusedBusy = codes.filter { $0 == .serviceUnavailable }.count
            let unexpected = codes.filter { ![401, 429, 503].contains($0.code) }
            #expect(unexpected.isEmpty, "statuses: \(codes.map(\.code))")
            // The security property: never more password checks than free attempts.
            #expect(codes.filter { $0 == .unauthorized }.count <= AuthController.maxFailures, "statuses: \(codes.map(\.code))")
            // And the throttle, not overload, refused the rest (without overload: exactly 5 and 15).
            #expect(codes.filter { $0 == .tooManyRequests }.count >= 20 - AuthController.maxFailures - refusedBusy, "statuses: \(codes.map(\.code))")
            #expect(refusedBusy <= 20 - AuthController.maxFailures, "statuses: \(codes.map(\.code))")
            #expect(statuses.filter { $0.0 == .tooManyRequests }.allSatisfy { $0.1 == "1" })
        }
    }

    /// After the free attempts the wait doubles (1 s, 2 s, 4 s …) from the last failure, and the
    /// right password after the wait signs in — no lock-out.
    @Test(arguments: TestDatabases.engines)
    func failuresBackOffAndTheOwnerGetsInAfterTheWait(engine: SQLStore.Engine) async throws {
        let clock = NIOLockedValueBox<Int64>(WebHarness.time)
        let harness = try await WebHarness.make(engine, now: { clock.withLockedValue { $0 } })
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            var browser = Browser()
            for _ in 0..<AuthController.maxFailures { #expect(try await browser.signIn(client, "doctor", "wrong").status == .unauthorized) }
            let first = try await browser.signIn(client, "doctor", WebHarness.password)
            #expect(first.status == .tooManyRequests)
            #expect(first.headers[.retryAfter] == "1")
            #expect(String(buffer: first.body).contains("Try again in 1 seconds"))
            clock.withLockedValue { $0 += 1 }
            #expect(try await browser.signIn(client, "doctor", "wrong").status == .unauthorized)  // 6th failure: next wait 2 s
            clock.withLockedValue { $0 += 1 }
            let second = try await browser.signIn(client, "doctor", WebHarness.password)
            #expect(second.status == .tooManyRequests)
            #expect(second.headers[.retryAfter] == "1")
            clock.withLockedValue { $0 += 1 }
            #expect(try await browser.signIn(client, "doctor", WebHarness.password).status == .seeOther, "no lock-out")
            // Success clears the count: the next mistake is a plain 401.
            var later = Browser()
            #expect(try await later.signIn(client, "doctor", "wrong").status == .unauthorized)
        }
    }
}
