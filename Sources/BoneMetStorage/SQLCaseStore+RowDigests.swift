import PostgresKit
import SQLKit

/// The stored finding rows of changed cases on PostgreSQL, read by their digests (issue #12,
/// M0026): each row's position and `row_digest` first, then whole only the rows whose digest is
/// not that of the fresh row at their position (reworded, moved, gone, or written before M0026).
/// A row whose digest matches stands for the fresh row itself, so `findingRowChanges` leaves it.
///
/// Why: with every case's findings changed (a release rewording one rule's title), reading all
/// of a case's rows (some seventeen, eleven columns each, the two titles the longest) to find
/// the one that differs was the largest part of our process's work besides assessing — decoded
/// in PostgresNIO's threads and sent by the server.
extension SQLCaseStore {
    static func storedRowsByDigest(
        of fresh: [(caseId: String, rows: [StoredFinding])], on connection: PostgresConnection
    ) async throws -> [String: [Int: StoredRow]] {
        let freshByCase = Dictionary(fresh.map { ($0.caseId, $0.rows) }, uniquingKeysWith: { first, _ in first })
        var stored: [String: [Int: StoredRow]] = [:]
        var whole: (cases: [String], positions: [Int]) = ([], [])
        let digests = try await PostgresDirect.rows(
            "SELECT case_id, position, row_digest FROM findings WHERE case_id = ANY($1)", fresh.map(\.caseId), on: connection)
        for try await row in digests {
            var cells = row.makeIterator()
            guard let caseCell = cells.next(), let positionCell = cells.next(), let digestCell = cells.next() else { continue }
            let caseId = try caseCell.decode(String.self)
            let position = try positionCell.decode(Int.self)
            let digest = try digestCell.decode(Int64?.self)
            if let digest, let rows = freshByCase[caseId], position < rows.count, rowDigest(rows[position]) == digest {
                stored[caseId, default: [:]][position] = StoredRow(finding: rows[position], rowid: nil, digest: digest)
            } else {
                whole.cases.append(caseId)
                whole.positions.append(position)
            }
        }
        guard !whole.cases.isEmpty else { return stored }
        var binds = PostgresBindings(capacity: 2)
        binds.append(whole.cases)
        binds.append(whole.positions)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT f.case_id, f.position, \(storedFindingColumns.map { "f." + $0 }.joined(separator: ", ")), f.row_digest
            FROM findings f JOIN unnest($1::text[], $2::bigint[]) AS w(case_id, position) ON f.case_id = w.case_id AND f.position = w.position
            """, binds: binds), logger: connection.logger)
        for try await row in rows {
            // Its digest is not that of its row (or it has none): taken as none, so that an equal
            // row is given its right digest (`findingRowChanges`).
            let (caseId, position, storedRow) = try StoredRow.decodeWhole(row)
            stored[caseId, default: [:]][position] = StoredRow(finding: storedRow.finding, rowid: nil, digest: nil)
        }
        return stored
    }
}

extension SQLCaseStore.StoredRow {
    /// A row of case id, position, `storedFindingColumns` and `row_digest` as PostgreSQL sends it,
    /// decoded cell by cell (PostgresNIO's tuple decoding looks the tuple's type up anew for
    /// every row).
    static func decodeWhole(_ row: PostgresRow) throws -> (String, Int, Self) {
        var cells = row.makeIterator()
        func next<Value: PostgresDecodable>(_: Value.Type) throws -> Value {
            guard let cell = cells.next() else {
                throw DecodingError.valueNotFound(Value.self, .init(codingPath: [], debugDescription: "a finding row has fewer columns than read"))
            }
            return try cell.decode(Value.self)
        }
        let caseId = try next(String.self)
        let position = try next(Int.self)
        let finding = SQLCaseStore.StoredFinding(
            ruleId: try next(String.self), severity: try next(Int.self), duty: try next(String.self), specialty: try next(String.self),
            subjectKind: try next(String.self), subjectId: try next(String?.self), date: try next(String?.self), titleEn: try next(String.self),
            titleZh: try next(String.self), worklist: try next(String?.self))
        return (caseId, position, Self(finding: finding, rowid: nil, digest: try next(Int64?.self)))
    }
}
