import BoneMetDomain
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BoneMetWeb

/// Issue #11: overload answers 503 with Retry-After, never 500 — also when the database has no
/// free connection in time (a pool timeout is `StorageError.busy`), in the reader's language.
@Suite struct OverloadTests {
    @Test func aBusyDatabaseIs503WithRetryAfter() async throws {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: LanguageMiddleware(clock: .utc))
        router.add(middleware: ErrorMiddleware(logger: Logger(label: "test")))
        router.get("/busy") { _, _ -> Response in throw StorageError.busy }
        try await Application(router: router).test(.router) { client in
            for (language, text) in [("en", "very busy"), ("zh-CN", "非常繁忙")] {
                let response = try await client.execute(uri: "/busy", method: .get, headers: [.acceptLanguage: language])
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                #expect(String(buffer: response.body).contains(text))
            }
        }
    }
}
