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
                #expect(csp.contains("script-src 'none'") && csp.contains("frame-ancestors 'none'"), "\(path)")
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

    @Test func strictTransportOnlyWithSecureCookies() async throws {
        let middleware = SecurityHeadersMiddleware(strictTransport: true)
        #expect(middleware.strictTransport)
        #expect(AuthController.localPath("/cases/abc?x=1") == "/cases/abc?x=1")
        #expect(AuthController.localPath("//x") == nil)
        #expect(AuthController.localPath("cases") == nil)
    }
}
