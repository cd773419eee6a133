import Foundation
import Hummingbird
import NIOCore

/// A submitted `application/x-www-form-urlencoded` form.
struct FormData: Sendable {
    let fields: [String: String]

    subscript(_ name: String) -> String? { fields[name] }

    /// A field whose percent-encoding is not UTF-8 is refused (400 naming the field), never
    /// silently emptied (issue #11).
    init(_ text: String) throws {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = parts.first.flatMap({ Self.decode(String($0)) }) else { throw AppError.notUTF8(field: nil) }
            guard parts.count > 1 else { fields[key] = ""; continue }
            guard let value = Self.decode(String(parts[1])) else { throw AppError.notUTF8(field: key) }
            fields[key] = value
        }
        self.fields = fields
    }

    static func decode(_ text: String) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Reads the body of a form post (at most 4 MB: a large case file fits).
    static func read(_ request: Request) async throws -> FormData {
        try FormData(try await bodyText(request))
    }

    static func bodyText(_ request: Request, limit: Int = 4 * 1024 * 1024) async throws -> String {
        // Over the limit NIO throws NIOTooManyBytesError, which was answered 500: it is a 413.
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw AppError.tooLarge(limit: limit)
        }
        // Invalid UTF-8 is a 400, not text with replacement characters stored in a record.
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else { throw AppError.notUTF8(field: nil) }
        return text
    }
}
