import Foundation
import Hummingbird
import NIOCore

/// A submitted `application/x-www-form-urlencoded` form.
struct FormData: Sendable {
    let fields: [String: String]

    subscript(_ name: String) -> String? { fields[name] }

    init(_ text: String) {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = parts.first.flatMap({ Self.decode(String($0)) }) else { continue }
            fields[key] = parts.count > 1 ? Self.decode(String(parts[1])) ?? "" : ""
        }
        self.fields = fields
    }

    static func decode(_ text: String) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Reads the body of a form post (at most 4 MB: a large case file fits).
    static func read(_ request: Request) async throws -> FormData {
        FormData(try await bodyText(request))
    }

    static func bodyText(_ request: Request, limit: Int = 4 * 1024 * 1024) async throws -> String {
        let buffer = try await request.body.collect(upTo: limit)
        return String(buffer: buffer)
    }
}
