import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BoneMetWeb

/// Issue #11: a method the API does not offer on a path it serves is 405 with `Allow` naming
/// exactly the methods of that path (a literal path is not mistaken for a template), and
/// `PUT` without If-Match is 428 — both declared in the OpenAPI document.
@Suite struct MethodNotAllowedTests {
    @Test func allowNamesTheMethodsOfThatPath() async throws {
        #expect(MethodNotAllowedMiddleware.methods(for: "/api/v1/cases") == ["GET", "POST"])
        #expect(MethodNotAllowedMiddleware.methods(for: "/api/v1/cases/search") == ["POST"])
        #expect(MethodNotAllowedMiddleware.methods(for: "/api/v1/cases/abc") == ["GET", "PUT"])
        #expect(MethodNotAllowedMiddleware.methods(for: "/api/v1/nothing").isEmpty)
        let harness = try await WebHarness.make(.sqlite)
        try await harness.run { client in
            for (method, path, allow) in [(HTTPRequest.Method.delete, "/api/v1/cases", "GET, POST"), (.trace, "/api/v1/cases/search", "POST"), (.patch, "/api/v1/cases/x", "GET, PUT")] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow)
                #expect(String(buffer: response.body).contains("allowed"))
            }
            // An unknown API path stays 404.
            #expect(try await client.execute(uri: "/api/v1/nothing", method: .delete).status == .notFound)
        }
        let document = OpenAPIDocument.json().serialized()
        #expect(document.contains(#""428""#) && document.contains("405 with an Allow header"))
    }
}
