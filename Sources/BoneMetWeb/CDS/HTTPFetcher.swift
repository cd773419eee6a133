import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// HTTP GET for what CDS Hooks makes BoneMet fetch (an EHR's key set, FHIR resources from
/// `fhirServer`), with AsyncHTTPClient: redirects are never followed — a redirect would carry
/// the EHR's access token to wherever the other end points (CDS Hooks 2.0 §Security; issue
/// #11) — the body is streamed and cut at `maxBytes`, and the connect and read timeouts are
/// short because the EHR waits on our answer.
public struct HTTPFetcher: HTTPFetching {
    public struct Failure: Error, Sendable, Equatable {
        /// The status the other end answered, nil when there was no answer.
        public let status: Int?
        public let reason: String
        public init(status: Int?, reason: String) {
            self.status = status
            self.reason = reason
        }
    }

    /// One client for the process, kept for its lifetime (a static is never de-initialised,
    /// so AsyncHTTPClient's shut-down check never fires): connections to an EHR are reused.
    static let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(5))))

    /// For a fetcher given a deadline longer than the default's: bounded by that deadline alone
    /// (no 5-second read timeout). The tests' EHR servers answer from the same two cores as
    /// several hundred parallel tests, and a FHIR read of 5 s there was a 412 (the CDS
    /// endpoint's live-server test failed so on a loaded run).
    static let unhurriedClient = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5))))

    let maxBytes: Int
    let deadlineSeconds: Int64

    /// The whole request's deadline unless a caller sets another.
    public static let defaultDeadlineSeconds: Int64 = 10

    public init(maxBytes: Int = 8 * 1024 * 1024, deadlineSeconds: Int64 = defaultDeadlineSeconds) {
        self.maxBytes = maxBytes
        self.deadlineSeconds = deadlineSeconds
    }

    public func get(_ url: String, bearer: String?) async throws -> String {
        guard CDSConfiguration.origin(of: url) != nil else { throw Failure(status: nil, reason: "not an http(s) URL") }
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/fhir+json, application/json")
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        let client = deadlineSeconds > Self.defaultDeadlineSeconds ? Self.unhurriedClient : Self.client
        let response = try await client.execute(request, timeout: .seconds(deadlineSeconds))
        guard response.status == .ok else {
            throw Failure(status: Int(response.status.code), reason: (300..<400).contains(response.status.code) ? "redirect not followed" : "status")
        }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw Failure(status: 200, reason: "larger than \(maxBytes) bytes")
        }
        return String(decoding: body.readableBytesView, as: UTF8.self)
    }
}
