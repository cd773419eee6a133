import Crypto
import Foundation

/// The audit log's hash chain (issue #11: append-only and tamper-evident). Each entry's hash
/// covers its sequence number, time, user, action, case and detail, and the previous entry's
/// hash; changing, removing or reordering any entry breaks every hash after it, which
/// `bonemet audit-verify` finds.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)

    public struct Entry: Sendable, Hashable {
        public let seq: Int64
        public let at: Int64
        public let userId: String
        public let action: String
        public let caseId: String?
        public let detail: String
        public var client: String? = nil
    }

    /// SHA-256 over the previous hash and the entry's fields, each length-prefixed so that no
    /// two different entries serialise alike.
    public static func hash(_ entry: Entry, previous: String) -> String {
        var fields = [previous, String(entry.seq), String(entry.at), entry.userId, entry.action, entry.caseId ?? "\u{0}", entry.detail]
        // The client address joined the chain with M0015; entries without one hash as before.
        if let client = entry.client { fields.append(client) }
        let text = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return hex(SHA256.hash(data: Data(text.utf8)))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex without Foundation's `String(format:)` (a formatter per byte, on every
    /// audited request).
    static func hex(_ digest: SHA256.Digest) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The result of checking the whole chain.
    public enum Verdict: Sendable, Equatable {
        case intact(entries: Int)
        /// The first entry whose hash does not follow from the one before (or a gap in the sequence).
        case broken(atSequence: Int64)
    }
}
