import BoneMetDomain
import PostgresKit
import SQLKit
import SQLiteNIO

/// The background re-assessment's side of the case store (worklists that stay true, issues #11
/// and #12): paging through stored cases, the cases whose day has come, and writing a batch's
/// fresh findings back — only where they changed (`FindingsDigest.swift` holds the digest).
extension SQLCaseStore {
    /// Cases after `id` in id order (keyset paging), with their version and stored record.
    public func page(after id: String?, limit: Int) async throws -> [(id: String, version: Int, json: String)] {
        try await store.read { db in
            var query = db.select().columns("id", "version", "record_json").from("cases")
                .join("case_records", on: SQLColumn("case_id", table: "case_records"), .equal, SQLColumn("id", table: "cases"))
            if let id { query = query.where(SQLColumn("id", table: "cases"), .greaterThan, SQLBind(id)) }
            return try await query.orderBy(SQLColumn("id", table: "cases")).limit(limit).all().map {
                (try $0.decode(column: "id", as: String.self), try $0.decode(column: "version", as: Int.self), try $0.decode(column: "record_json", as: String.self))
            }
        }
    }

    /// Cases whose stored findings can have changed by `day` (`reassess_on` ≤ day, M0020), after
    /// the cursor in (reassess_on, id) order — the index's own order, so each batch reads one
    /// range of it. A refreshed case moves past `day`, so it is never read twice in a run.
    public func duePage(
        onOrBefore day: Int64, after cursor: (reassessOn: Int64, id: String)?, limit: Int
    ) async throws -> [(id: String, version: Int, json: String, reassessOn: Int64)] {
        try await store.read { db in
            var query = db.select().columns("id", "version", "record_json", "reassess_on").from("cases")
                .join("case_records", on: SQLColumn("case_id", table: "case_records"), .equal, SQLColumn("id", table: "cases"))
                .where("reassess_on", .lessThanOrEqual, SQLBind(day))
            if let cursor {
                query = query.where(SQLQueryString("(reassess_on, id) > (\(bind: cursor.reassessOn), \(bind: cursor.id))"))
            }
            return try await query.orderBy("reassess_on").orderBy("id").limit(limit).all().map {
                (
                    try $0.decode(column: "id", as: String.self), try $0.decode(column: "version", as: Int.self),
                    try $0.decode(column: "record_json", as: String.self), try $0.decode(column: "reassess_on", as: Int64.self)
                )
            }
        }
    }

    /// How many cases are due by `day` (for the log and the benchmark).
    public func dueCount(onOrBefore day: Int64) async throws -> Int {
        try await store.read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("cases")
                .where("reassess_on", .lessThanOrEqual, SQLBind(day)).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// A fresh assessment of a stored case: its findings and the day they can next change.
    public struct Reassessed: Sendable {
        public let id: String
        public let version: Int
        public let findings: [Finding]
        public let reassessOn: Int64
        /// The findings as rows (`comparable`) and their digest, worked out where the case was
        /// assessed (on every core, not on the one writing thread, which compares them with the
        /// stored rows).
        let rows: [StoredFinding]
        let findingsDigest: String

        public init(id: String, version: Int, findings: [Finding], reassessOn: Int64) {
            self.id = id
            self.version = version
            self.findings = findings
            self.reassessOn = reassessOn
            rows = findings.map(SQLCaseStore.comparable)
            findingsDigest = SQLCaseStore.findingsDigest(of: rows)
        }
    }

    /// Replaces a case's stored findings (and the list's counts) with a fresh assessment, when
    /// the case is still at `version` — an edit in the meantime was assessed by its own write.
    /// The record, its version and `updated_at` are untouched: nothing clinical changed.
    @discardableResult
    public func refresh(id: String, version: Int, findings: [Finding], reassessOn: Int64 = 0) async throws -> Bool {
        try await refresh([Reassessed(id: id, version: version, findings: findings, reassessOn: reassessOn)]) == 1
    }

    /// The same for a batch of cases in one transaction (the background re-assessment: one
    /// write per batch, not per case); returns how many were still at their version.
    ///
    /// On SQLite the batch gives way to requests' writes (`SQLStore.quickWrite(count:inPartsOf:)`):
    /// written in parts of `refreshPart` cases, committed early when another write waits. Each
    /// part reads its cases' versions in the transaction that writes them, so a case edited in
    /// between is left as its edit stored it.
    public func refresh(_ batch: [Reassessed]) async throws -> Int {
        try await store.quickWrite(count: batch.count, inPartsOf: Self.refreshPart) { part, db in
            try await Self.refresh(batch[part], in: db)
        }.reduce(0, +)
    }

    /// Cases a part of a batch's transaction on SQLite (`refresh`): 1–3 ms of writing when
    /// every case's findings changed.
    static let refreshPart = 8

    /// The cases of one transaction (or of one part of it).
    static func refresh(_ batch: ArraySlice<Reassessed>, in db: any SQLDatabase) async throws -> Int {
        // Every statement below looks cases up by id (≤ 200 of them). Where the statistics
        // are missing or stale — findings written since the last autovacuum, as in the first
        // run after a load — PostgreSQL plans them as scans of the whole table, batch after
        // batch (seen with auto_explain). For this transaction only, it uses the indexes.
        if db.dialect.name == "postgresql" { try await db.raw("SET LOCAL enable_seqscan = off").run() }
        // One read for the whole part (the cases' versions and findings digests, read in the
        // transaction that writes them), then writes only for the cases whose findings changed.
        var current: [String: Current] = [:]
        if let direct = db as? DirectSQLiteTransaction {
            // On SQLite's writing thread: one prepared lookup a case (the statement below
            // through SQLKit was serialised with its 200 binds on that thread, issue #12).
            for item in batch {
                for row in try direct.connection.rows(Self.currentByID, [.text(item.id)]) { current[item.id] = try Current(row) }
            }
        } else if let connection = PostgresDirect.connection(of: db) {
            // Locked as read on PostgreSQL: a case saved meanwhile is either done (its new version
            // read here, and the case left alone) or waits for this batch — never rows of both.
            current = try await Self.currentOnPostgres(batch.map(\.id), on: connection)
        } else {
            let read = db.select().columns(Current.columns).from("cases").where("id", .in, SQLBind.group(batch.map(\.id)))
            for row in try await read.all() {
                current[try row.decode(column: "id", as: String.self)] = try Current(row)
            }
        }
        // Cases written before M0022 have no digest: their rows are read back (this once).
        let undigested = batch.map(\.id).filter { current[$0].map { $0.digest == nil } ?? false }
        let stored = undigested.isEmpty ? [:] : try await Self.storedFindings(of: undigested, in: db)
        var refreshed = 0
        // The digest only where the case had none.
        var moved: [(id: String, reassessOn: Int64, digest: String?)] = []
        var changed: [(item: Reassessed, current: Current)] = []
        for item in batch {
            guard let now = current[item.id], now.version == item.version else { continue }
            refreshed += 1
            // Most days — and for most cases after a new rule set — a case's findings are what
            // they were, row for row: only its next day (and the rule set it was assessed
            // under) moves.
            if (now.digest ?? Self.findingsDigest(of: stored[item.id] ?? [])) == item.findingsDigest {
                if now.reassessOn != item.reassessOn || now.ruleSet != RuleSet.version || now.digest == nil {
                    moved.append((item.id, item.reassessOn, now.digest == nil ? item.findingsDigest : nil))
                }
                continue
            }
            changed.append((item, now))
        }
        try await Self.rewrite(changed, in: db)
        if let direct = db as? DirectSQLiteTransaction {
            for item in moved {
                let digest: SQLiteData = item.digest.map { .text($0) } ?? .null
                _ = try direct.connection.rows(Self.moveCase, [.text(RuleSet.version), .integer(SQLiteInt64(item.reassessOn)), digest, .text(item.id)])
            }
            return refreshed
        }
        if let connection = PostgresDirect.connection(of: db) {
            try await Self.moveCasesOnPostgres(moved, on: connection)
            return refreshed
        }
        // The unchanged cases' next days in one statement per 200.
        for start in stride(from: 0, to: moved.count, by: 200) {
            let part = moved[start..<min(moved.count, start + 200)]
            let digests = part.compactMap { item in item.digest.map { (item.id, $0) } }
            let cases: SQLQueryString = "UPDATE cases SET rule_set_version = \(bind: RuleSet.version), "
                + Self.perCase("reassess_on", part.map { ($0.id, $0.reassessOn) })
                + (digests.isEmpty ? "" : ", " + Self.perCase("findings_digest", digests))
                + " WHERE id IN \(SQLBind.group(part.map(\.id)))"
            try await db.raw(cases).run()
        }
        return refreshed
    }

    /// New findings for cases whose record did not change, a few statements for the whole batch
    /// (issue #12: three statements a case were most of a re-assessment's write on PostgreSQL):
    /// the list's counts and key, the rule set and the next day in one UPDATE per 200 cases (on
    /// SQLite's writing thread one prepared UPDATE a case, the counts left alone when equal), then
    /// the finding rows that differ (`rewriteFindings`).
    static func rewrite(_ changed: [(item: Reassessed, current: Current)], in db: any SQLDatabase) async throws {
        let rows = changed.map { item, current in
            let counts = Self.counts(item.findings)
            return (
                id: item.id, reassessOn: item.reassessOn, urgent: counts.urgent, warnings: counts.warnings,
                key: Self.listKey(urgent: counts.urgent, warnings: counts.warnings, updatedAt: current.updatedAt, id: item.id), digest: item.findingsDigest,
                storedKey: current.listKey
            )
        }
        if let direct = db as? DirectSQLiteTransaction {
            // On SQLite's writing thread: two prepared statements a case, values bound as they
            // are — through SQLKit, the batch's UPDATE (2 400 binds) and DELETE were serialised
            // and every value converted from `Encodable` on that thread (issue #12).
            for row in rows {
                // The same counts (the key holds them): the list's columns and their indexes
                // are left alone — a reworded finding changes neither.
                if row.key == row.storedKey {
                    _ = try direct.connection.rows(Self.moveCase, [.text(RuleSet.version), .integer(SQLiteInt64(row.reassessOn)), .text(row.digest), .text(row.id)])
                    continue
                }
                _ = try direct.connection.rows(Self.rewriteCase, [
                    .text(RuleSet.version), .integer(SQLiteInt64(row.reassessOn)), .integer(row.urgent), .integer(row.warnings), .text(row.key), .text(row.digest),
                    .text(row.id),
                ])
            }
        } else if let connection = PostgresDirect.connection(of: db) {
            try await Self.rewriteCasesOnPostgres(rows.map { ($0.id, $0.reassessOn, $0.urgent, $0.warnings, $0.key, $0.digest) }, on: connection)
        } else {
            for start in stride(from: 0, to: rows.count, by: 200) {
                let part = rows[start..<min(rows.count, start + 200)]
                let ids = SQLBind.group(part.map(\.id))
                let update: SQLQueryString = "UPDATE cases SET rule_set_version = \(bind: RuleSet.version), "
                    + Self.perCase("reassess_on", part.map { ($0.id, $0.reassessOn) }) + ", "
                    + Self.perCase("urgent_count", part.map { ($0.id, $0.urgent) }) + ", "
                    + Self.perCase("warning_count", part.map { ($0.id, $0.warnings) }) + ", "
                    + Self.perCase("list_key", part.map { ($0.id, $0.key) }) + ", "
                    + Self.perCase("findings_digest", part.map { ($0.id, $0.digest) })
                    + " WHERE id IN \(ids)"
                try await db.raw(update).run()
            }
        }
        // A case whose stored digest is that of no findings has no rows to read (one filled
        // without an assessment, as a bulk load may).
        let empty = Set(changed.filter { $0.current.digest == Self.noFindingsDigest }.map(\.item.id))
        try await rewriteFindings(of: changed.map { ($0.item.id, $0.current.updatedAt, $0.item.findings, $0.item.rows) }, empty: empty, in: db)
    }

    static let noFindingsDigest = findingsDigest(of: [StoredFinding]())

    /// A changed case's row on SQLite's writing thread (the columns `rewrite` sets, then its id).
    static let rewriteCase =
        "UPDATE cases SET rule_set_version = ?, reassess_on = ?, urgent_count = ?, warning_count = ?, list_key = ?, findings_digest = ? WHERE id = ?"
    /// An unchanged case's next day there (a digest only where the case had none).
    static let moveCase = "UPDATE cases SET rule_set_version = ?, reassess_on = ?, findings_digest = COALESCE(?, findings_digest) WHERE id = ?"
    /// What `refresh` reads of a case there before deciding.
    static let currentByID = "SELECT \(Current.columns.joined(separator: ", ")) FROM cases WHERE id = ?"

    /// A stored case's row as `refresh` compares it with a fresh assessment.
    struct Current {
        static let columns = ["id", "version", "updated_at", "rule_set_version", "reassess_on", "findings_digest", "list_key"]
        let version: Int
        let updatedAt: Int64
        let ruleSet: String
        let reassessOn: Int64
        let digest: String?
        let listKey: String?

        init(version: Int, updatedAt: Int64, ruleSet: String, reassessOn: Int64, digest: String?, listKey: String?) {
            self.version = version
            self.updatedAt = updatedAt
            self.ruleSet = ruleSet
            self.reassessOn = reassessOn
            self.digest = digest
            self.listKey = listKey
        }

        init(_ row: any SQLRow) throws {
            version = try row.decode(column: "version", as: Int.self)
            updatedAt = try row.decode(column: "updated_at", as: Int64.self)
            ruleSet = try row.decode(column: "rule_set_version", as: String.self)
            reassessOn = try row.decode(column: "reassess_on", as: Int64.self)
            digest = try row.decode(column: "findings_digest", as: String?.self)
            listKey = try row.decode(column: "list_key", as: String?.self)
        }
    }

    /// `column = CASE id WHEN … THEN … ELSE column END`: each case's own value, many cases in
    /// one UPDATE.
    static func perCase<Value: Encodable & Sendable>(_ column: String, _ values: [(id: String, value: Value)]) -> SQLQueryString {
        var text: SQLQueryString = "\(ident: column) = CASE id"
        for (id, value) in values { text += " WHEN \(bind: id) THEN \(bind: value)" }
        text += " ELSE \(ident: column) END"
        return text
    }

    /// What a stored finding row holds apart from its case, position and list key (which follow
    /// from the case and the order): equal lists of these are equal rows.
    struct StoredFinding: Equatable {
        let ruleId: String
        let severity: Int
        let duty: String
        let specialty: String
        let subjectKind: String
        let subjectId: String?
        let date: String?
        let titleEn: String
        let titleZh: String
        /// The worklist is the code's mapping of a finding: a new rule set may move it.
        let worklist: String?
    }

    static func comparable(_ finding: Finding) -> StoredFinding {
        StoredFinding(
            ruleId: finding.ruleId, severity: rank(finding.severity), duty: finding.duty.rawValue, specialty: finding.specialty.rawValue,
            subjectKind: finding.subject.kind, subjectId: finding.subject.id, date: finding.date?.description, titleEn: finding.title.en,
            titleZh: finding.title.zhHans, worklist: Worklists.slug(of: finding))
    }

    static let storedFindingColumns = [
        "rule_id", "severity", "duty", "specialty", "subject_kind", "subject_id", "finding_date", "title_en", "title_zh", "worklist",
    ]

    /// The stored findings of these cases, each case's in order.
    static func storedFindings(of cases: [String], in db: any SQLDatabase) async throws -> [String: [StoredFinding]] {
        try await storedRows(of: cases, in: db).mapValues { rows in rows.sorted { $0.key < $1.key }.map(\.value.finding) }
    }

    /// The stored finding rows of these cases by position. On SQLite's writing thread one
    /// prepared lookup a case; on PostgreSQL decoded by PostgresNIO (`PostgresDirect`): ten
    /// columns of some sixteen findings a case through SQLKit's `Codable` decoding were a large
    /// part of a full re-assessment there (issue #12).
    static func storedRows(of cases: [String], in db: any SQLDatabase) async throws -> [String: [Int: StoredRow]] {
        var stored: [String: [Int: StoredRow]] = [:]
        if let direct = db as? DirectSQLiteTransaction {
            for caseId in cases {
                var rows: [Int: StoredRow] = [:]
                try direct.connection.eachRow(storedRowsByCase, [.text(caseId)]) { values in
                    guard let (position, row) = StoredRow.positioned(values) else {
                        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a finding row of case \(caseId) has values of unexpected types"))
                    }
                    rows[position] = row
                }
                stored[caseId] = rows
            }
            return stored
        }
        if let connection = PostgresDirect.connection(of: db) {
            let rows = try await PostgresDirect.rows(
                "SELECT case_id, position, \(storedFindingColumns.joined(separator: ", ")), row_digest FROM findings WHERE case_id = ANY($1)", cases, on: connection)
            for try await row in rows {
                let (caseId, position, storedRow) = try StoredRow.decodeWhole(row)
                stored[caseId, default: [:]][position] = storedRow
            }
            return stored
        }
        for row in try await db.select().column("case_id").column("position").columns(Self.storedFindingColumns).column("row_digest").from("findings")
            .where("case_id", .in, SQLBind.group(cases)).all()
        {
            stored[try row.decode(column: "case_id", as: String.self), default: [:]][try row.decode(column: "position", as: Int.self)] =
                StoredRow(finding: try Self.storedFinding(row), rowid: nil, digest: try row.decode(column: "row_digest", as: Int64?.self))
        }
        return stored
    }

    static func storedFinding(_ row: any SQLRow) throws -> StoredFinding {
        StoredFinding(
            ruleId: try row.decode(column: "rule_id", as: String.self), severity: try row.decode(column: "severity", as: Int.self),
            duty: try row.decode(column: "duty", as: String.self), specialty: try row.decode(column: "specialty", as: String.self),
            subjectKind: try row.decode(column: "subject_kind", as: String.self), subjectId: try row.decode(column: "subject_id", as: String?.self),
            date: try row.decode(column: "finding_date", as: String?.self), titleEn: try row.decode(column: "title_en", as: String.self),
            titleZh: try row.decode(column: "title_zh", as: String.self), worklist: try row.decode(column: "worklist", as: String?.self))
    }
}
