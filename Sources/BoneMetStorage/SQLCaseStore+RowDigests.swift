import PostgresKit
import SQLKit

/// The stored finding rows of changed cases on PostgreSQL, compared by their digests (issue #12,
/// M0026) on the server: only the rows whose digest is not that of the fresh row at their position
/// (reworded, moved, gone, or written before M0026) come back, whole. A row whose digest matches
/// stands for the fresh row itself, so `findingRowChanges` leaves it.
///
/// Why: with every case's findings changed (a release rewording one rule's title), reading all
/// of a case's rows (some seventeen, eleven columns each, the two titles the longest) to find
/// the one that differs was the largest part of our process's work besides assessing — decoded
/// in PostgresNIO's threads and sent by the server.
extension SQLCaseStore {
    static func storedRowsByDigest(
        of fresh: [(caseId: String, rows: [StoredFinding])], on connection: PostgresConnection
    ) async throws -> [String: [Int: StoredRow]] {
        // The fresh rows' digests go to the server as arrays; it answers with the stored rows
        // whose digest differs (or that have no fresh row at their position), whole, and the
        // fresh positions that have no stored row. Every other fresh position has a stored row of
        // its digest. (Thirty-sixth round: reading every changed case's ≈ 17 digests back —
        // 175 000 rows per 10 000 cases, decoded row by row in PostgresNIO — was what the
        // rewording run did beyond the unchanged one.)
        var caseIds: [String] = [], positions: [Int64] = [], digests: [Int64] = []
        var freshByCase: [String: (rows: [StoredFinding], digests: Range<Int>)] = [:]
        for (caseId, rows) in fresh where freshByCase[caseId] == nil {
            let first = digests.count
            for (position, row) in rows.enumerated() {
                caseIds.append(caseId)
                positions.append(Int64(position))
                digests.append(rowDigest(row))
            }
            freshByCase[caseId] = (rows, first..<digests.count)
        }
        var binds = PostgresBindings(capacity: 4)
        binds.append(caseIds)
        binds.append(positions)
        binds.append(digests)
        binds.append(Array(freshByCase.keys))
        let columns = storedFindingColumns.map { "f." + $0 }.joined(separator: ", ")
        let nulls = storedFindingColumns.map { _ in "NULL" }.joined(separator: ", ")
        let rows = try await connection.query(PostgresQuery(unsafeSQL: """
            WITH n AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS n(case_id, position, digest))
            SELECT f.case_id, f.position, \(columns), f.row_digest
            FROM findings f LEFT JOIN n ON f.case_id = n.case_id AND f.position = n.position
            WHERE f.case_id = ANY($4) AND (n.digest IS NULL OR f.row_digest IS DISTINCT FROM n.digest)
            UNION ALL
            SELECT n.case_id, n.position, \(nulls), NULL
            FROM n WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.case_id = n.case_id AND f.position = n.position)
            """, binds: binds), logger: connection.logger)
        var differing: [String: [Int: StoredRow]] = [:]
        var missing: [String: Set<Int>] = [:]
        for try await row in rows {
            if let (caseId, position) = try StoredRow.decodeMissing(row) {
                missing[caseId, default: []].insert(position)
                continue
            }
            // Its digest is not that of its row (or it has none): taken as none, so that an equal
            // row is given its right digest (`findingRowChanges`).
            let (caseId, position, storedRow) = try StoredRow.decodeWhole(row)
            differing[caseId, default: [:]][position] = StoredRow(finding: storedRow.finding, rowid: nil, digest: nil)
        }
        var stored: [String: [Int: StoredRow]] = [:]
        for (caseId, (rows, rowDigests)) in freshByCase {
            var byPosition = differing[caseId] ?? [:]
            let absent = missing[caseId] ?? []
            for (position, (row, digest)) in zip(rows, digests[rowDigests]).enumerated() where byPosition[position] == nil && !absent.contains(position) {
                byPosition[position] = StoredRow(finding: row, rowid: nil, digest: digest)
            }
            if !byPosition.isEmpty { stored[caseId] = byPosition }
        }
        return stored
    }
}

extension SQLCaseStore.StoredRow {
    /// A row of case id, position, `storedFindingColumns` and `row_digest` as PostgreSQL sends it,
    /// decoded cell by cell (PostgresNIO's tuple decoding looks the tuple's type up anew for
    /// every row).
    /// A row of the fresh positions without a stored row: its rule id (the first finding column) is
    /// NULL, which no stored finding's is.
    static func decodeMissing(_ row: PostgresRow) throws -> (String, Int)? {
        var cells = row.makeIterator()
        guard let caseCell = cells.next(), let positionCell = cells.next(), let ruleCell = cells.next() else { return nil }
        guard try ruleCell.decode(String?.self) == nil else { return nil }
        return (try caseCell.decode(String.self), try positionCell.decode(Int.self))
    }

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
