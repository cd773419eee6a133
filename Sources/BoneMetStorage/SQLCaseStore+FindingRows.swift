import BoneMetDomain
import BoneMetRules
import SQLKit
import SQLiteKit

/// A re-assessed case's finding rows written where they differ from the stored ones (issue #12).
///
/// Why: a new rule set that rewords one rule's title changes the findings of every case that
/// has it — most cases, often — yet only that one row of each. Deleting and inserting all of a
/// case's sixteen-odd rows rewrote the table and its three indexes for every case, and the one
/// writing thread of SQLite was the bound of the whole re-assessment. Now an equal row is left
/// alone, a reworded one has its two titles updated (no indexed column changes), and only a
/// row whose rule, severity, subject or worklist changed is deleted and written again.
extension SQLCaseStore {
    /// A stored finding row, with SQLite's rowid when read there (the writes then find the row
    /// by it, not through an index on the case).
    struct StoredRow {
        let finding: StoredFinding
        let rowid: Int64?
        /// Its `row_digest` (M0026); nil for a row written before it.
        let digest: Int64?
    }

    /// What the findings table needs to become a case's fresh findings.
    struct FindingRowChanges {
        /// Rows to delete: replaced rows and those beyond the fresh findings.
        var deletes: [(caseId: String, position: Int, rowid: Int64?)] = []
        /// Rows to write (after the deletes): replaced rows and new positions.
        var inserts: [(caseId: String, updatedAt: Int64, position: Int, finding: Finding, digest: Int64?)] = []
        /// Rows whose titles alone changed, with the row's new digest.
        var titles: [(caseId: String, position: Int, rowid: Int64?, en: String, zh: String, digest: Int64)] = []
        /// Equal rows stored without a digest (before M0026): given one.
        var digests: [(caseId: String, position: Int, rowid: Int64?, digest: Int64)] = []

        var isEmpty: Bool { deletes.isEmpty && inserts.isEmpty && titles.isEmpty && digests.isEmpty }
    }

    /// The changes from the stored rows (by position) to each case's fresh findings (`rows`:
    /// the findings' `comparable` rows).
    static func findingRowChanges(
        stored: [String: [Int: StoredRow]], fresh: [(caseId: String, updatedAt: Int64, findings: [Finding], rows: [StoredFinding])]
    ) -> FindingRowChanges {
        var changes = FindingRowChanges()
        for (caseId, updatedAt, findings, rows) in fresh {
            let old = stored[caseId] ?? [:]
            for (position, finding) in findings.enumerated() {
                let row = rows[position]
                guard let was = old[position] else {
                    changes.inserts.append((caseId, updatedAt, position, finding, nil))
                    continue
                }
                if was.finding == row {
                    if was.digest == nil { changes.digests.append((caseId, position, was.rowid, rowDigest(row))) }
                    continue
                }
                if was.finding.sameButTitles(row) {
                    changes.titles.append((caseId, position, was.rowid, row.titleEn, row.titleZh, rowDigest(row)))
                } else {
                    changes.deletes.append((caseId, position, was.rowid))
                    changes.inserts.append((caseId, updatedAt, position, finding, nil))
                }
            }
            for (position, was) in old.sorted(by: { $0.key < $1.key }) where position >= findings.count { changes.deletes.append((caseId, position, was.rowid)) }
        }
        return changes
    }

    /// Rewrites the findings of these cases where they differ from the stored rows. Cases
    /// known to have no stored rows (`empty`) are not read.
    static func rewriteFindings(
        of fresh: [(caseId: String, updatedAt: Int64, findings: [Finding], rows: [StoredFinding])], empty: Set<String>, in db: any SQLDatabase
    ) async throws {
        let read = fresh.filter { !empty.contains($0.caseId) }
        let stored: [String: [Int: StoredRow]]
        if read.isEmpty {
            stored = [:]
        } else if let connection = PostgresDirect.connection(of: db) {
            stored = try await storedRowsByDigest(of: read.map { ($0.caseId, $0.rows) }, on: connection)
        } else {
            stored = try await storedRows(of: read.map(\.caseId), in: db)
        }
        let changes = findingRowChanges(stored: stored, fresh: fresh)
        guard !changes.isEmpty else { return }
        var deletes = changes.deletes
        var titles = changes.titles
        var digests = changes.digests
        if let direct = db as? DirectSQLiteTransaction {
            // Rows read on this connection carry their rowids: found by them, not through the
            // index on the case. Any other row takes the statements below.
            for case let (_, _, rowid?) in deletes {
                _ = try direct.connection.rows(deleteRowByRowid, [.integer(SQLiteInt64(rowid))])
            }
            for case let (_, _, rowid?, en, zh, digest) in titles {
                _ = try direct.connection.rows(updateTitlesByRowid, [.text(en), .text(zh), .integer(SQLiteInt64(digest)), .integer(SQLiteInt64(rowid))])
            }
            for case let (_, _, rowid?, digest) in digests {
                _ = try direct.connection.rows(updateDigestByRowid, [.integer(SQLiteInt64(digest)), .integer(SQLiteInt64(rowid))])
            }
            deletes.removeAll { $0.rowid != nil }
            titles.removeAll { $0.rowid != nil }
            digests.removeAll { $0.rowid != nil }
        }
        if let connection = PostgresDirect.connection(of: db) {
            try await rewriteFindingRowsOnPostgres(deletes: deletes, titles: titles, digests: digests, on: connection)
        } else {
            for (caseId, position, _) in deletes {
                try await db.delete(from: "findings").where("case_id", .equal, caseId).where("position", .equal, position).run()
            }
            for (caseId, position, _, en, zh, digest) in titles {
                try await db.update("findings").set("title_en", to: en).set("title_zh", to: zh).set("row_digest", to: digest)
                    .where("case_id", .equal, caseId).where("position", .equal, position).run()
            }
            for (caseId, position, _, digest) in digests {
                try await db.update("findings").set("row_digest", to: digest).where("case_id", .equal, caseId).where("position", .equal, position).run()
            }
        }
        try await insertFindingRows(changes.inserts, into: db)
    }

    static let deleteRowByRowid = "DELETE FROM findings WHERE rowid = ?"
    static let updateTitlesByRowid = "UPDATE findings SET title_en = ?, title_zh = ?, row_digest = ? WHERE rowid = ?"
    static let updateDigestByRowid = "UPDATE findings SET row_digest = ? WHERE rowid = ?"
    static let storedRowsByCase = "SELECT position, \(storedFindingColumns.joined(separator: ", ")), row_digest, rowid FROM findings WHERE case_id = ?"
}

extension SQLCaseStore.StoredRow {
    /// A row of `storedRowsByCase` (position, `storedFindingColumns`, row digest, rowid) read by position from
    /// SQLite's values; nil when a value is not of its column's type.
    static func positioned(_ values: [SQLiteData]) -> (Int, Self)? {
        func text(_ index: Int) -> String? {
            if case .text(let text) = values[index] { return text }
            return nil
        }
        func optional(_ index: Int) -> String?? {
            switch values[index] {
            case .text(let text): return .some(text)
            case .null: return .some(nil)
            default: return nil
            }
        }
        let digest: Int64?
        switch values.count == 13 ? values[11] : .null {
        case .integer(let value): digest = Int64(value)
        case .null: digest = nil
        default: return nil
        }
        guard values.count == 13, case .integer(let position) = values[0], case .integer(let rowid) = values[12], let ruleId = text(1), case .integer(let severity) = values[2],
            let duty = text(3), let specialty = text(4), let subjectKind = text(5), let subjectId = optional(6), let date = optional(7),
            let titleEn = text(8), let titleZh = text(9), let worklist = optional(10)
        else { return nil }
        let finding = SQLCaseStore.StoredFinding(
            ruleId: ruleId, severity: Int(severity), duty: duty, specialty: specialty, subjectKind: subjectKind, subjectId: subjectId, date: date,
            titleEn: titleEn, titleZh: titleZh, worklist: worklist)
        return (Int(position), Self(finding: finding, rowid: Int64(rowid), digest: digest))
    }
}

extension SQLCaseStore.StoredFinding {
    /// Equal but for the two titles (a reworded finding).
    func sameButTitles(_ other: Self) -> Bool {
        ruleId == other.ruleId && severity == other.severity && duty == other.duty && specialty == other.specialty
            && subjectKind == other.subjectKind && subjectId == other.subjectId && date == other.date && worklist == other.worklist
    }
}
