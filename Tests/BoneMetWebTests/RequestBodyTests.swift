import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import BoneMetWeb

/// Issue #11: bodies over the limit get 413; invalid UTF-8 (raw, or percent-encoded in a form
/// field) gets 400 naming the field, rather than being stored with replacement characters.
@Suite struct RequestBodyTests {
    @Test(arguments: TestDatabases.engines)
    func oversizedAndInvalidBodiesAreRefused(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .orthopaedics)
        let user = try #require(try await harness.services.users.credentials(username: "doctor")?.user)
        let token = try await harness.services.tokens.create(userId: user.id, name: "test", at: WebHarness.time)
        let valid = try WebFlowTests.example("06-impending-femoral-fracture.json")
        try await harness.run { client in
            func post(_ uri: String, _ bytes: [UInt8], contentType: String) async throws -> TestResponse {
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                headers[.contentType] = contentType
                return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
            }
            // A valid case file with one byte of a Latin-1 "é" (0xE9) inside a note.
            var bytes = Array(valid.utf8)
            let at = try #require(bytes.firstIndex(of: UInt8(ascii: "{"))) + 1
            bytes.insert(contentsOf: Array(#""note": "caf"#.utf8) + [0xE9] + Array(#"","#.utf8), at: at)
            let invalid = try await post("/api/v1/cases", bytes, contentType: "application/json")
            #expect(invalid.status == .badRequest)
            #expect(String(buffer: invalid.body).contains("not valid UTF-8"))
            #expect(try await harness.services.cases.list(search: nil, limit: 10, offset: 0).isEmpty, "nothing was stored")

            let oversized = try await post("/api/v1/cases", Array(repeating: UInt8(ascii: " "), count: 4 * 1024 * 1024 + 1), contentType: "application/json")
            #expect(oversized.status == .contentTooLarge)

            var browser = Browser()
            _ = try await browser.get(client, "/login")
            let form = try await browser.post(client, "/login", form: [:], raw: "username=%FF%FE&password=x&_csrf=\(browser.csrf ?? "")")
            #expect(form.status == .badRequest)
            #expect(String(buffer: form.body).contains("The field username is not valid UTF-8"))
        }
    }
}

/// Issue #11: the same patient id created twice answers 409 with the existing case — over the
/// API (`existingCase` and Content-Location) and in the form (what was typed kept, a link to
/// the case).
@Suite struct OnePatientOneCaseTests {
    @Test(arguments: TestDatabases.engines)
    func aSecondCaseForOnePatientIsAConflict(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .orthopaedics)
        let text = try WebFlowTests.example("06-impending-femoral-fracture.json")
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.signIn(client, "doctor", WebHarness.password)
            _ = try await browser.get(client, "/cases/new")
            let first = try await browser.post(client, "/cases", form: ["_csrf": browser.csrf ?? "", "record": text])
            #expect(first.status == .seeOther)
            let caseURL = try #require(first.headers[.location])
            let second = try await browser.post(client, "/cases", form: ["_csrf": browser.csrf ?? "", "record": text])
            #expect(second.status == .conflict)
            let page = String(buffer: second.body)
            #expect(page.contains("already has a case"))
            #expect(page.contains("href=\"\(caseURL)\""))
            #expect(page.contains("impending"), "what was typed is kept")
            let api = try await browser.api(client, .post, "/api/v1/cases", body: text)
            #expect(api.status == .conflict)
            let id = String(caseURL.dropFirst("/cases/".count))
            #expect(String(buffer: api.body).contains(#""existingCase":"\#(id)""#) || String(buffer: api.body).contains(#""existingCase": "\#(id)""#))
            #expect(api.headers[.contentLocation] == "/api/v1/cases/\(id)")
            #expect(try await harness.services.cases.list(search: nil, limit: 10, offset: 0).count == 1)
        }
    }
}
