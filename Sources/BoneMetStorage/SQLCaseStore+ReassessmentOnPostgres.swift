import BoneMetRules
import PostgresKit

/// The case rows of a re-assessment batch on PostgreSQL, bound as arrays (`unnest`) through
/// PostgresNIO (issue #12). Through SQLKit each batch of 200 cases was one UPDATE of
/// `column = CASE id WHEN … THEN …` for five columns — 1 200 values bound one by one through
/// `Codable` on the client, and on the server every row's CASE compared its id with up to 200
/// others per column — and the batch's read decoded every cell by column name. The rewording
/// run, where every case's findings change, was the one target left below 5 000 cases per
/// second on PostgreSQL.
extension SQLCaseStore {
    /// The batch's cases as `refresh` compares them, locked for this transaction.
    static func currentOnPostgres(_ ids: [String], on connection: PostgresConnection) async throws -> [String: Current] {
        var current: [String: Current] = [:]
        let rows = try await PostgresDirect.rows(
            "SELECT \(Current.columns.joined(separator: ", ")) FROM cases WHERE id = ANY($1) FOR UPDATE", ids, on: connection)
        for try await row in rows {
            let (id, version, updatedAt, ruleSet, reassessOn, digest, listKey) = try row.decode((String, Int, Int64, String, Int64, String?, String?).self)
            current[id] = Current(version: version, updatedAt: updatedAt, ruleSet: ruleSet, reassessOn: reassessOn, digest: digest, listKey: listKey)
        }
        return current
    }

    /// The changed cases' list columns, rule set, next day and digest in one statement.
    static func rewriteCasesOnPostgres(
        _ rows: [(id: String, reassessOn: Int64, urgent: Int, warnings: Int, key: String, digest: String)], on connection: PostgresConnection
    ) async throws {
        guard !rows.isEmpty else { return }
        var binds = PostgresBindings(capacity: 7)
        binds.append(RuleSet.version)
        binds.append(rows.map(\.id))
        binds.append(rows.map(\.reassessOn))
        binds.append(rows.map { Int64($0.urgent) })
        binds.append(rows.map { Int64($0.warnings) })
        binds.append(rows.map(\.key))
        binds.append(rows.map(\.digest))
        try await PostgresDirect.run("""
            UPDATE cases AS c SET rule_set_version = $1, reassess_on = v.reassess_on, urgent_count = v.urgent, warning_count = v.warnings,
                list_key = v.list_key, findings_digest = v.digest
            FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[]) AS v(id, reassess_on, urgent, warnings, list_key, digest)
            WHERE c.id = v.id
            """, binds, on: connection)
    }

    /// The unchanged cases' rule set and next day (and digest where they had none).
    static func moveCasesOnPostgres(_ moved: [(id: String, reassessOn: Int64, digest: String?)], on connection: PostgresConnection) async throws {
        guard !moved.isEmpty else { return }
        var binds = PostgresBindings(capacity: 4)
        binds.append(RuleSet.version)
        binds.append(moved.map(\.id))
        binds.append(moved.map(\.reassessOn))
        binds.append(NullableArrayBind(moved.map(\.digest)))
        try await PostgresDirect.run("""
            UPDATE cases AS c SET rule_set_version = $1, reassess_on = v.reassess_on, findings_digest = COALESCE(v.digest, c.findings_digest)
            FROM unnest($2::text[], $3::bigint[], $4::text[]) AS v(id, reassess_on, digest)
            WHERE c.id = v.id
            """, binds, on: connection)
    }
}

extension SQLCaseStore {
    /// The finding rows that differ, as arrays: deleted, then retitled or given their digest.
    static func rewriteFindingRowsOnPostgres(
        deletes: [(caseId: String, position: Int, rowid: Int64?)],
        titles: [(caseId: String, position: Int, rowid: Int64?, en: String, zh: String, digest: Int64)],
        digests: [(caseId: String, position: Int, rowid: Int64?, digest: Int64)],
        on connection: PostgresConnection
    ) async throws {
        if !deletes.isEmpty {
            var binds = PostgresBindings(capacity: 2)
            binds.append(deletes.map(\.caseId))
            binds.append(deletes.map { Int64($0.position) })
            try await PostgresDirect.run("""
                DELETE FROM findings f USING unnest($1::text[], $2::bigint[]) AS d(case_id, position)
                WHERE f.case_id = d.case_id AND f.position = d.position
                """, binds, on: connection)
        }
        // Retitled rows and rows given their digest alone, in one statement: a title left NULL
        // keeps the row's own.
        let rows = titles.map { ($0.caseId, Int64($0.position), Optional($0.en), Optional($0.zh), $0.digest) }
            + digests.map { ($0.caseId, Int64($0.position), String?.none, String?.none, $0.digest) }
        guard !rows.isEmpty else { return }
        var binds = PostgresBindings(capacity: 5)
        binds.append(rows.map(\.0))
        binds.append(rows.map(\.1))
        binds.append(NullableArrayBind(rows.map(\.2)))
        binds.append(NullableArrayBind(rows.map(\.3)))
        binds.append(rows.map(\.4))
        try await PostgresDirect.run("""
            UPDATE findings f SET title_en = COALESCE(u.title_en, f.title_en), title_zh = COALESCE(u.title_zh, f.title_zh), row_digest = u.row_digest
            FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[]) AS u(case_id, position, title_en, title_zh, row_digest)
            WHERE f.case_id = u.case_id AND f.position = u.position
            """, binds, on: connection)
    }
}

extension PostgresDirect {
    /// Runs `sql` with `binds` on the body's connection (its rows, if any, read and dropped).
    static func run(_ sql: String, _ binds: PostgresBindings, on connection: PostgresConnection) async throws {
        for try await _ in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: connection.logger) {}
    }
}
