import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import BoneMetWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// An in-process BoneMet on a fresh database of one engine, with a fixed clock and a cheap
/// bcrypt cost, and a tiny cookie jar for browser-like requests.
struct WebHarness {
    let services: AppServices
    let adminPassword: String
    let cleanup: @Sendable () async -> Void

    static let time: Int64 = 1_700_000_000 // 2023-11-14

    static func make(
        _ engine: SQLStore.Engine, cds: CDSConfiguration? = nil, http: any HTTPFetching = HTTPFetcher(deadlineSeconds: 120), now: @escaping @Sendable () -> Int64 = { time },
        passwordLimits: PasswordGate.Limits = .default, metricsToken: String? = nil, logger custom: Logger? = nil, clock: HospitalClock = .utc,
        trustedProxies: Set<String> = [], caseAccess: CaseAccessPolicy = .careTeam
    ) async throws -> WebHarness {
        let (store, cleanup) = try await TestDatabases.make(engine, migrate: false)
        var logger = Logger(label: "bonemet.test")
        logger.logLevel = .warning
        if let custom { logger = custom }
        let services = AppServices(store: store, now: now, bcryptCost: 4, logger: logger, cds: cds, http: http, passwordLimits: passwordLimits, metricsToken: metricsToken, clock: clock,
            trustedProxies: trustedProxies, caseAccess: caseAccess)
        let password = try #require(try await Bootstrap.prepare(services))
        return WebHarness(services: services, adminPassword: password, cleanup: cleanup)
    }

    /// Runs the test against the router, or (`live`) a real server on 127.0.0.1, where
    /// requests have a client address.
    func run(live: Bool = false, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: buildRouter(services), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        do {
            try await app.test(live ? .live : .router, test)
        } catch {
            await cleanup()
            throw error
        }
        await cleanup()
    }

    static let password = "correct horse battery"

    /// Creates a user who needs no password change.
    func user(_ name: String, role: Role) async throws {
        _ = try await services.users.create(
            username: name, displayName: name, role: role, passwordHash: try await PasswordHashing.hash(Self.password, cost: 4),
            mustChangePassword: false, at: Self.time)
    }
}

/// Cookies, CSRF token and helpers for one browser session against the test client.
struct Browser {
    var cookies: [String: String] = [:]
    var csrf: String?

    var cookieHeader: HTTPFields {
        var fields = HTTPFields()
        if !cookies.isEmpty { fields[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return fields
    }

    mutating func absorb(_ response: TestResponse) {
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty { cookies.removeValue(forKey: parts[0]) } else { cookies[parts[0]] = parts[1] }
        }
    }

    mutating func get(_ client: any TestClientProtocol, _ uri: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = cookieHeader
        headers.append(contentsOf: extra)
        let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
        absorb(response)
        if let token = Self.csrf(in: String(buffer: response.body)) { csrf = token }
        return response
    }

    /// Posts a form; `raw` sends a body exactly as given (for malformed encodings).
    mutating func post(
        _ client: any TestClientProtocol, _ uri: String, form: [String: String], raw: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers.append(contentsOf: extra)
        let body = raw ?? form.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        absorb(response)
        if let token = Self.csrf(in: String(buffer: response.body)) { csrf = token }
        return response
    }

    mutating func api(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, body: String? = nil, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = cookieHeader
        headers[.contentType] = "application/json"
        if let csrf { headers[.csrfToken] = csrf }
        headers.append(contentsOf: extra)
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// The CSRF token of a page's forms.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Signs in through the real form (login CSRF token and cookie included).
    mutating func signIn(_ client: any TestClientProtocol, _ username: String, _ password: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        _ = try await get(client, "/login", headers: headers)
        let token = csrf ?? ""
        return try await post(client, "/login", form: ["username": username, "password": password, "_csrf": token], headers: headers)
    }
}

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token") ?? .cookie
}
