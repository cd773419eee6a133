import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BoneMetWeb

/// Issue #11: security headers on every response, and a language switch that is under CSRF
/// and can only come back to a page of ours (no open redirect).
@Suite struct SecurityHeadersTests {
    @Test func everyResponseCarriesTheHeadersAndTheSwitchIsSafe() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            var browser = Browser()
            for path in ["/login", "/healthz", "/cases", "/no/such/page"] {
                let response = try await browser.get(client, path)
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("frame-ancestors 'none'"), "\(path)")
                // No inline script and no script from anywhere else: only 'self' in script-src.
                let scriptSources = csp.split(separator: ";").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("script-src") }
                #expect(scriptSources?.trimmingCharacters(in: .whitespaces) == "script-src 'self'", "\(path)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(response.headers[.referrerPolicy] == "no-referrer", "\(path)")
                #expect(response.headers[.strictTransportSecurity] == nil, "\(path): no HSTS without secure cookies")
            }
            #expect(try await browser.signIn(client, "doctor", WebHarness.password).status == .seeOther)
            _ = try await browser.get(client, "/calculators")
            // Signed in, the switch needs the CSRF token.
            #expect(try await browser.post(client, "/language", form: ["lang": "zh", "next": "/calculators"]).status == .forbidden)
            let token = browser.csrf ?? ""
            for (next, expected) in [
                ("/calculators", "/calculators"), ("//evil.example/x", "/cases"), ("/\\evil.example", "/cases"), ("https://evil.example", "/cases"),
                ("/cases\r\nSet-Cookie: x=1", "/cases"), ("javascript:alert(1)", "/cases"),
            ] {
                let response = try await browser.post(client, "/language", form: ["_csrf": token, "lang": "zh", "next": next])
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == expected, "\(next)")
            }
        }
    }

    /// ASVS 2.1: passwords of at least 12 characters; bcrypt's 72-byte limit refused, not cut.
    @Test func passwordLengthRules() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.signIn(client, "doctor", WebHarness.password)
            _ = try await browser.get(client, "/password")
            func change(_ new: String) async throws -> TestResponse {
                try await browser.post(client, "/password", form: ["_csrf": browser.csrf ?? "", "current": WebHarness.password, "new": new, "repeat": new])
            }
            let short = try await change("eleven char")
            #expect(short.status == .unprocessableContent)
            #expect(String(buffer: short.body).contains("at least 12 characters"))
            let long = try await change(String(repeating: "骨转移", count: 9))  // 27 characters, 81 bytes
            #expect(long.status == .unprocessableContent)
            #expect(String(buffer: long.body).contains("at most 72 bytes"))
            #expect(try await change("twelve chars").status == .seeOther)
        }
    }

    /// ASVS 3.3.3 / 3.2.1: a password change ends the user's other sessions (a second browser
    /// is sent to sign in) and continues this one under a new session id.
    @Test(arguments: TestDatabases.engines)
    func passwordChangeEndsOtherSessionsAndRotatesTheId(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            var laptop = Browser()
            var ward = Browser()
            _ = try await laptop.signIn(client, "doctor", WebHarness.password)
            _ = try await ward.signIn(client, "doctor", WebHarness.password)
            #expect(try await ward.get(client, "/cases").status == .ok)
            _ = try await laptop.get(client, "/password")
            let before = laptop.cookies[SessionMiddleware.cookie]
            let new = "a much longer password"
            let changed = try await laptop.post(client, "/password", form: ["_csrf": laptop.csrf ?? "", "current": WebHarness.password, "new": new, "repeat": new])
            #expect(changed.status == .seeOther)
            let after = laptop.cookies[SessionMiddleware.cookie]
            #expect(after != nil && after != before, "the session id is rotated")
            #expect(try await laptop.get(client, "/cases").status == .ok, "this browser continues")
            let stale = try await ward.get(client, "/cases")
            #expect(stale.status == .seeOther && stale.headers[.location] == "/login", "the other browser must sign in again")
            var replay = Browser()
            replay.cookies[SessionMiddleware.cookie] = before
            #expect(try await replay.get(client, "/cases").status == .seeOther, "the old id is dead")
        }
    }

    @Test func strictTransportOnlyWithSecureCookies() async throws {
        let middleware = SecurityHeadersMiddleware(strictTransport: true)
        #expect(middleware.strictTransport)
        #expect(AuthController.localPath("/cases/abc?x=1") == "/cases/abc?x=1")
        #expect(AuthController.localPath("//x") == nil)
        #expect(AuthController.localPath("cases") == nil)
    }
}
