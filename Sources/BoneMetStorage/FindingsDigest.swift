import BoneMetDomain
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
        // Straight from the findings (the re-assessment's every case): the same bytes as their
        // `comparable` rows give, without making the rows first.
        var digest = DigestBytes(rows: findings.count)
        for finding in findings {
            digest.row(
                finding.ruleId, rank(finding.severity), finding.duty.rawValue, finding.specialty.rawValue, finding.subject.kind,
                finding.subject.id, finding.date?.description, finding.title.en, finding.title.zhHans, Worklists.slug(of: finding))
        }
        return digest.hex
    }

    static func findingsDigest(of rows: [StoredFinding]) -> String {
        var digest = DigestBytes(rows: rows.count)
        for row in rows {
            digest.row(
                row.ruleId, row.severity, row.duty, row.specialty, row.subjectKind, row.subjectId, row.date, row.titleEn, row.titleZh,
                row.worklist)
        }
        return digest.hex
    }
}

/// The digest's bytes: `v1`, the row count, then each row's fields, each length-prefixed (and
/// marked when absent).
private struct DigestBytes {
    var bytes: [UInt8] = Array("v1".utf8)

    init(rows: Int) {
        bytes.reserveCapacity(64 + rows * 160)
        put(rows)
    }

    mutating func row(
        _ ruleId: String, _ severity: Int, _ duty: String, _ specialty: String, _ subjectKind: String, _ subjectId: String?,
        _ date: String?, _ titleEn: String, _ titleZh: String, _ worklist: String?
    ) {
        put(ruleId)
        put(severity)
        put(duty)
        put(specialty)
        put(subjectKind)
        put(subjectId)
        put(date)
        put(titleEn)
        put(titleZh)
        put(worklist)
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
}
