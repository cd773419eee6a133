import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// HTTP GET with Foundation's URLSession: short timeouts and a size cap, because the
/// other end is outside our control and an EHR waits on our answer.
public struct URLSessionFetcher: HTTPFetching {
    public struct Failure: Error, Sendable {
        public let status: Int?
        public init(status: Int?) { self.status = status }
    }

    let session: URLSession
    let maxBytes: Int

    public init(timeoutSeconds: Double = 5, maxBytes: Int = 8 * 1024 * 1024) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.timeoutIntervalForResource = timeoutSeconds * 2
        session = URLSession(configuration: configuration)
        self.maxBytes = maxBytes
    }

    public func get(_ url: String, bearer: String?) async throws -> String {
        guard let target = URL(string: url), target.scheme == "https" || target.scheme == "http" else { throw Failure(status: nil) }
        var request = URLRequest(url: target)
        request.setValue("application/fhir+json, application/json", forHTTPHeaderField: "Accept")
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode
        guard status == 200, data.count <= maxBytes else { throw Failure(status: status) }
        return String(decoding: data, as: UTF8.self)
    }
}
