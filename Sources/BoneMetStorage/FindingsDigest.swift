import BoneMetRules
import Crypto

/// Issue #12: the re-assessment after a new rule set reads every case, and for most of them the
/// findings come out as they were. Reading each case's stored finding rows back to see that
/// was a sixth of the run's CPU (some seventeen rows of ten columns a case). Every write of a
/// case's findings now also stores a digest of exactly what the comparison compares
/// (`SQLCaseStore.comparable`: the rows apart from position and list key) in
/// `cases.findings_digest` (M0022), so the comparison is one column of the row already read.
/// A case without a digest (written before M0022) is compared row by row, and gets one.
extension SQLCaseStore {
    /// SHA-256 over the comparable rows, each field length-prefixed (and marked when absent), so
    /// different lists of rows cannot give the same bytes; hex. `v1` names this layout: a change
    /// to it or to `comparable` makes every stored digest differ, so the next run rewrites every
    /// case's findings once — never wrongly equal.
    static func findingsDigest(_ findings: [Finding]) -> String {
        // Row by row as they are made (the re-assessment's every case), without an array of them.
        var digest = DigestBytes(rows: findings.count)
        for finding in findings { digest.row(comparable(finding)) }
        return digest.hex
    }

    static func findingsDigest(of rows: [StoredFinding]) -> String {
        var digest = DigestBytes(rows: rows.count)
        for row in rows { digest.row(row) }
        return digest.hex
    }

    /// One finding row's digest (`findings.row_digest`, M0026): the first 8 bytes of SHA-256
    /// over `r1` and the row's fields in the case digest's layout. Why: when a case's findings
    /// changed, the re-assessment on PostgreSQL read all of its stored rows (eleven columns,
    /// some seventeen rows) to find the one or two that differ — the largest part of the client's
    /// work when every case changes (issue #12). Now it reads each row's digest, and the whole
    /// row only where the digests differ. 64 bits: two different rows of one case at one
    /// position are taken for equal with a chance of 2⁻⁶⁴ per comparison.
    static func rowDigest(_ row: StoredFinding) -> Int64 {
        var digest = DigestBytes(prefix: "r1")
        digest.row(row)
        return digest.leading64
    }
}

/// The digest's bytes: `v1`, the row count, then each row's fields, each length-prefixed (and
/// marked when absent).
private struct DigestBytes {
    var bytes: [UInt8]

    init(rows: Int) {
        bytes = Array("v1".utf8)
        bytes.reserveCapacity(64 + rows * 160)
        put(rows)
    }

    /// One row's bytes (`rowDigest`) after `prefix`, without a count.
    init(prefix: String) {
        bytes = Array(prefix.utf8)
        bytes.reserveCapacity(256)
    }

    mutating func row(_ row: SQLCaseStore.StoredFinding) {
        put(row.ruleId)
        put(row.severity)
        put(row.duty)
        put(row.specialty)
        put(row.subjectKind)
        put(row.subjectId)
        put(row.date)
        put(row.titleEn)
        put(row.titleZh)
        put(row.worklist)
    }

    mutating func put(_ value: Int) {
        var value = UInt32(truncatingIfNeeded: value)
        for _ in 0..<4 {
            bytes.append(UInt8(value & 0xFF))
            value >>= 8
        }
    }

    mutating func put(_ text: String?) {
        guard let text else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        put(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    var hex: String { AuditChain.hex(SHA256.hash(data: bytes)) }

    /// The first 8 bytes of the SHA-256, little-endian, as a signed 64-bit integer (PostgreSQL's
    /// BIGINT, SQLite's INTEGER).
    var leading64: Int64 {
        var value: UInt64 = 0
        for (index, byte) in SHA256.hash(data: bytes).prefix(8).enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
        return Int64(bitPattern: value)
    }
}
