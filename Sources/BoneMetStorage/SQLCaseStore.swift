import BoneMetDomain
import Foundation
import PostgresKit
import SQLKit
import SQLiteKit

/// Cases and their findings on SQL. Every write re-stores the findings in the same transaction
/// as the record, so worklists (plain indexed SQL over `findings`) never disagree with a case.
public struct SQLCaseStore: CaseStore {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    static func rank(_ severity: Severity) -> Int { severity.rank }

    /// Sort keys as text in fixed-width fields, so one ascending index serves each list and a
    /// page after a cursor is one index range (issue #12). Most urgent first, then the latest
    /// change, then the case id (and, for findings, their order in the assessment). The same
    /// expressions are in migration M0018.
    static func listKey(urgent: Int, warnings: Int, updatedAt: Int64, id: String) -> String {
        "\(199_999 - urgent)|\(199_999 - warnings)|\(9_999_999_999 - updatedAt)|\(id)"
    }

    static func findingKey(severity: Severity, updatedAt: Int64, caseId: String, position: Int) -> String {
        "\(9 - rank(severity))|\(9_999_999_999 - updatedAt)|\(caseId)|\(10_000 + position)"
    }
    static func severity(_ rank: Int) -> Severity { Severity.allCases.indices.contains(rank) ? Severity.allCases[rank] : .info }

    public func create(_ record: CaseRecord, findings: [Finding], reassessOn: Int64, by user: String, at time: Int64) async throws -> StoredCase {
        try await create(record, findings: findings, reassessOn: reassessOn, by: user, at: time, sourceKey: nil)
    }

    /// Creates a case, with the key of its import source when it has one (same transaction).
    func create(
        _ record: CaseRecord, findings: [Finding], reassessOn: Int64, by user: String, at time: Int64, sourceKey: String?
    ) async throws -> StoredCase {
        let id = UUID().uuidString.lowercased()
        try await store.write { [store] db in
            // One patient, one case (issue #11), atomic under racing writers.
            try await store.lock(record.patient.id, in: db)
            if let existing = try await db.select().column("id").from("cases").where("patient_id", .equal, SQLBind(record.patient.id))
                .first()?.decode(column: "id", as: String.self)
            {
                throw StorageError.patientExists(caseId: existing)
            }
            try await Self.insertCase(id: id, record, findings: findings, reassessOn: reassessOn, by: user, at: time, sourceKey: sourceKey, into: db)
        }
        return StoredCase(id: id, record: record, version: 1, updatedAt: time, updatedBy: user, ruleSetVersion: RuleSet.version)
    }

    /// A case to store with `insertMany`: its record already written as JSON, and its findings.
    public struct NewCase: Sendable {
        public let record: CaseRecord
        public let json: String
        public let findings: [Finding]
        public let reassessOn: Int64
        public let by: String
        public let at: Int64

        public init(record: CaseRecord, json: String, findings: [Finding], reassessOn: Int64 = 0, by: String, at: Int64) {
            self.record = record
            self.json = json
            self.findings = findings
            self.reassessOn = reassessOn
            self.by = by
            self.at = at
        }
    }

    /// Stores many new cases in one transaction, with multi-row inserts (benchmark fills, bulk
    /// loads): no check for an existing case of the patient — the caller guarantees new
    /// patients. Their ids.
    @discardableResult
    public func insertMany(_ cases: [NewCase]) async throws -> [String] {
        let rows = await cases.mapOnEveryCore { NewRow(id: UUID().uuidString.lowercased(), $0) }
        try await store.quickWrite { db in try await Self.insert(rows, into: db) }
        return rows.map(\.id)
    }

    /// A new case row as `insert(_:into:)` writes it (with its import source, if any). The
    /// columns that follow from the record and findings (the list's, the counts, the key, the
    /// digest) are worked out where the row is made — on every core for an import — not inside
    /// the transaction, which on SQLite runs on the one writing thread (issue #12).
    struct NewRow: Sendable {
        let id: String
        let record: CaseRecord
        let json: String
        let findings: [Finding]
        let reassessOn: Int64
        let by: String
        let at: Int64
        var sourceKey: String? = nil
        var sourceHash: String? = nil
        let list: ListColumns
        let urgent: Int
        let warnings: Int
        let listKey: String
        let findingsDigest: String
        /// Each finding row's digest (M0026), made here with the case's, not on the writing thread.
        let rowDigests: [Int64]

        init(id: String, _ new: NewCase) {
            self.id = id
            (record, json, findings, reassessOn, by, at) = (new.record, new.json, new.findings, new.reassessOn, new.by, new.at)
            list = SQLCaseStore.listColumns(record)
            (urgent, warnings) = SQLCaseStore.counts(findings)
            listKey = SQLCaseStore.listKey(urgent: urgent, warnings: warnings, updatedAt: at, id: id)
            let rows = findings.map(SQLCaseStore.comparable)
            findingsDigest = SQLCaseStore.findingsDigest(of: rows)
            rowDigests = rows.map(SQLCaseStore.rowDigest)
        }
    }

    /// New cases and their findings as multi-row inserts, inside the caller's transaction
    /// (bulk loads and import batches, issue #12). An imported case is marked imported at
    /// version 1 in the same row.
    static func insert(_ rows: [NewRow], into db: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        if db.dialect.name == "postgresql" {
            try await insertOnPostgres(rows, into: db)
            try await insertFindings(of: rows.map { ($0.id, $0.at, $0.findings, $0.rowDigests) }, into: db)
            return
        }
        for start in stride(from: 0, to: rows.count, by: 50) {
            let part = rows[start..<min(start + 50, rows.count)]
            var insert = db.insert(into: "cases").columns(
                "id", "patient_id", "fictional", "version", "rule_set_version", "created_at", "updated_at", "updated_by", "source_key",
                "primary_sites", "sex", "birth_date", "created_by", "urgent_count", "warning_count", "list_key", "reassess_on", "source_hash",
                "source_version", "findings_digest", "death_date")
            var records = db.insert(into: "case_records").columns("case_id", "record_json")
            for row in part {
                records = records.values(SQLBind(row.id), SQLBind(row.json))
                insert = insert.values(
                    SQLBind(row.id), SQLBind(row.record.patient.id), SQLBind(row.record.patient.fictional ? 1 : 0), SQLBind(1),
                    SQLBind(RuleSet.version), SQLBind(row.at), SQLBind(row.at), SQLBind(row.by), SQLBind(row.sourceKey),
                    SQLBind(row.list.primarySites), SQLBind(row.list.sex), SQLBind(row.list.birthDate), SQLBind(row.by), SQLBind(row.urgent),
                    SQLBind(row.warnings), SQLBind(row.listKey), SQLBind(row.reassessOn), SQLBind(row.sourceHash),
                    SQLBind(row.sourceHash == nil ? nil : 1), SQLBind(row.findingsDigest), SQLBind(row.list.deathDate))
            }
            try await insert.run()
            try await records.run()
        }
        try await insertFindings(of: rows.map { ($0.id, $0.at, $0.findings, $0.rowDigests) }, into: db)
    }

    /// PostgreSQL: the rows as one statement of one array per column (`unnest`) — one plan
    /// for the batch, not one bind per value (a 50-row insert had 1 000; parsing and planning
    /// them was a tenth of the server's work in an import, binding them a tenth of ours; issue #12),
    /// and their records (`case_records`, M0023) in a second.
    static func insertOnPostgres(_ rows: [NewRow], into db: any SQLDatabase) async throws {
        let lists = rows.map(\.list)
        try await db.raw("""
            INSERT INTO cases (id, patient_id, fictional, version, rule_set_version, created_at, updated_at, updated_by, source_key,
                primary_sites, sex, birth_date, created_by, urgent_count, warning_count, list_key, reassess_on, source_hash, source_version, findings_digest,
                death_date)
            SELECT id, patient_id, fictional, 1, \(bind: RuleSet.version), at, at, author, source_key,
                primary_sites, sex, birth_date, author, urgent, warnings, list_key, reassess_on, source_hash, CASE WHEN source_hash IS NULL THEN NULL ELSE 1 END,
                findings_digest, death_date
            FROM unnest(\(bind: rows.map(\.id)), \(bind: rows.map(\.record.patient.id)), \(bind: rows.map { $0.record.patient.fictional ? 1 : 0 }),
                \(bind: rows.map(\.at)), \(bind: rows.map(\.by)), \(bind: NullableArrayBind(rows.map(\.sourceKey))),
                \(bind: lists.map { $0.primarySites }), \(bind: NullableArrayBind(lists.map { $0.sex })), \(bind: NullableArrayBind(lists.map { $0.birthDate })),
                \(bind: rows.map(\.urgent)), \(bind: rows.map(\.warnings)), \(bind: rows.map(\.listKey)), \(bind: rows.map(\.reassessOn)),
                \(bind: NullableArrayBind(rows.map(\.sourceHash))), \(bind: rows.map(\.findingsDigest)), \(bind: NullableArrayBind(lists.map { $0.deathDate })))
            AS r (id, patient_id, fictional, at, author, source_key, primary_sites, sex, birth_date, urgent, warnings, list_key, reassess_on, source_hash,
                findings_digest, death_date)
            """).run()
        try await db.raw("""
            INSERT INTO case_records (case_id, record_json) SELECT * FROM unnest(\(bind: rows.map(\.id)), \(bind: rows.map(\.json)))
            """).run()
    }

    /// Several cases' findings as multi-row inserts of 200 rows (13 binds a row: far below
    /// SQLite's and PostgreSQL's bind limits); on PostgreSQL one `unnest` statement.
    static func insertFindings(
        of cases: [(caseId: String, updatedAt: Int64, findings: [Finding], digests: [Int64]?)], into db: any SQLDatabase
    ) async throws {
        try await insertFindingRows(cases.flatMap { item in
            item.findings.enumerated().map { (item.caseId, item.updatedAt, $0.offset, $0.element, item.digests?[$0.offset]) }
        }, into: db)
    }

    /// Finding rows at the positions given.
    /// `digest`: the row's digest where made already (`NewRow`), else made here.
    static func insertFindingRows(
        _ findings: [(caseId: String, updatedAt: Int64, position: Int, finding: Finding, digest: Int64?)], into db: any SQLDatabase
    ) async throws {
        guard !findings.isEmpty else { return }
        if db.dialect.name == "postgresql" {
            let worklists = findings.map { Worklists.slug(of: $0.3) }
            let keys = zip(findings, worklists).map { item, worklist in
                worklist.map { _ in findingKey(severity: item.3.severity, updatedAt: item.1, caseId: item.0, position: item.2) }
            }
            try await db.raw("""
                INSERT INTO findings (case_id, position, rule_id, severity, duty, specialty, subject_kind, subject_id, finding_date, title_en, title_zh, worklist, list_key, row_digest)
                SELECT * FROM unnest(\(bind: findings.map { $0.0 }), \(bind: findings.map { $0.2 }), \(bind: findings.map { $0.3.ruleId }),
                    \(bind: findings.map { rank($0.3.severity) }), \(bind: findings.map { $0.3.duty.rawValue }), \(bind: findings.map { $0.3.specialty.rawValue }),
                    \(bind: findings.map { $0.3.subject.kind }), \(bind: NullableArrayBind(findings.map { $0.3.subject.id })),
                    \(bind: NullableArrayBind(findings.map { $0.3.date?.description })), \(bind: findings.map { $0.3.title.en }),
                    \(bind: findings.map { $0.3.title.zhHans }), \(bind: NullableArrayBind(worklists)), \(bind: NullableArrayBind(keys)),
                    \(bind: findings.map { $0.4 ?? rowDigest(comparable($0.3)) }))
                """).run()
            return
        }
        if let direct = db as? DirectSQLiteTransaction {
            // On the writing thread (`quickWrite`): the values bound as they are. Through SQLKit,
            // serialising 200 rows of 13 values and converting each value from `Encodable` was
            // a quarter of that thread's work in a full re-assessment (issue #12).
            for start in stride(from: 0, to: findings.count, by: 200) {
                let part = findings[start..<min(start + 200, findings.count)]
                var binds: [SQLiteData] = []
                binds.reserveCapacity(part.count * 14)
                for (caseId, at, position, finding, digest) in part {
                    binds += findingValues(finding, caseId: caseId, updatedAt: at, position: position, digest: digest)
                }
                _ = try direct.connection.rows(Self.findingsInsert(rows: part.count), binds)
            }
            return
        }
        for start in stride(from: 0, to: findings.count, by: 200) {
            var insert = db.insert(into: "findings").columns(
                "case_id", "position", "rule_id", "severity", "duty", "specialty", "subject_kind", "subject_id", "finding_date",
                "title_en", "title_zh", "worklist", "list_key", "row_digest")
            for (caseId, at, position, finding, digest) in findings[start..<min(start + 200, findings.count)] {
                insert = insert.values(Self.findingRow(finding, caseId: caseId, updatedAt: at, position: position, digest: digest))
            }
            try await insert.run()
        }
    }

    /// `INSERT INTO findings` of `rows` rows of `?` (the columns of `findingValues`).
    static func findingsInsert(rows: Int) -> String {
        "INSERT INTO findings (case_id, position, rule_id, severity, duty, specialty, subject_kind, subject_id, finding_date, title_en, title_zh, "
            + "worklist, list_key, row_digest) VALUES " + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }

    typealias ListColumns = (primarySites: String, sex: String?, birthDate: String?, deathDate: String?)

    /// The patient list's columns of a record (M0012; the death, M0024: its date, or "unknown").
    static func listColumns(_ record: CaseRecord) -> ListColumns {
        let death = record.patient.deathDate?.description ?? (record.patient.deceased == true ? "unknown" : nil)
        return (record.primaries.map(\.site.rawValue).joined(separator: ","), record.patient.sex?.rawValue, record.patient.birthDate?.description, death)
    }

    static func counts(_ findings: [Finding]) -> (urgent: Int, warnings: Int) {
        (findings.filter { $0.severity == .urgent }.count, findings.filter { $0.severity == .warning }.count)
    }

    /// The insert itself, for callers that already hold a write transaction.
    static func insertCase(
        id: String, _ record: CaseRecord, json: String? = nil, findings: [Finding], reassessOn: Int64, by user: String, at time: Int64,
        sourceKey: String?, into db: any SQLDatabase
    ) async throws {
        var row = NewRow(id: id, NewCase(record: record, json: json ?? CaseFile.write(record), findings: findings, reassessOn: reassessOn, by: user, at: time))
        row.sourceKey = sourceKey
        try await insert([row], into: db)
    }

    public func update(
        id: String, record: CaseRecord, findings: [Finding], reassessOn: Int64, expectedVersion: Int, by user: String, at time: Int64
    ) async throws -> StoredCase {
        let version = try await store.write { db -> Int in
            try await Self.updateCase(
                id: id, record: record, findings: findings, reassessOn: reassessOn, expectedVersion: expectedVersion, by: user, at: time, in: db)
        }
        return StoredCase(id: id, record: record, version: version, updatedAt: time, updatedBy: user, ruleSetVersion: RuleSet.version)
    }

    /// The update itself, for callers that already hold a write transaction; returns the new version.
    static func updateCase(
        id: String, record: CaseRecord, json: String? = nil, findings: [Finding], reassessOn: Int64, expectedVersion: Int, by user: String,
        at time: Int64, in db: any SQLDatabase
    ) async throws -> Int {
        // On PostgreSQL the row is locked as it is read (READ COMMITTED: two saves of the same
        // version could both pass the check, the second overwriting the first); the second
        // waits, then reads the first's version and is refused. SQLite's writes are serialised.
        var read = db.select().column("version").from("cases").where("id", .equal, SQLBind(id))
        if db.dialect.name == "postgresql" { read = read.for(.update) }
        guard let row = try await read.first() else {
            throw StorageError.notFound
        }
        let current = try row.decode(column: "version", as: Int.self)
        guard current == expectedVersion else { throw StorageError.versionConflict(current: current) }
        let list = listColumns(record)
        let counts = counts(findings)
        try await db.update("cases")
            .set("patient_id", to: SQLBind(record.patient.id))
            .set("fictional", to: SQLBind(record.patient.fictional ? 1 : 0))
            .set("version", to: SQLBind(current + 1))
            .set("rule_set_version", to: SQLBind(RuleSet.version))
            .set("updated_at", to: SQLBind(time))
            .set("updated_by", to: SQLBind(user))
            .set("primary_sites", to: SQLBind(list.primarySites))
            .set("sex", to: SQLBind(list.sex))
            .set("birth_date", to: SQLBind(list.birthDate))
            .set("death_date", to: SQLBind(list.deathDate))
            .set("urgent_count", to: SQLBind(counts.urgent))
            .set("warning_count", to: SQLBind(counts.warnings))
            .set("list_key", to: SQLBind(listKey(urgent: counts.urgent, warnings: counts.warnings, updatedAt: time, id: id)))
            .set("reassess_on", to: SQLBind(reassessOn))
            .set("findings_digest", to: SQLBind(findingsDigest(findings)))
            .where("id", .equal, SQLBind(id))
            .run()
        try await db.update("case_records").set("record_json", to: SQLBind(json ?? CaseFile.write(record)))
            .where("case_id", .equal, SQLBind(id)).run()
        try await db.delete(from: "findings").where("case_id", .equal, SQLBind(id)).run()
        try await insertFindings(of: [(id, time, findings, nil)], into: db)
        return current + 1
    }

    /// One row of `findings` (in the column order of `findingsInsert`): its worklist and key
    /// there. The values as SQLite binds them; `findingRow` binds the same through SQLKit.
    static func findingValues(_ finding: Finding, caseId: String, updatedAt: Int64, position: Int, digest: Int64? = nil) -> [SQLiteData] {
        let worklist = Worklists.slug(of: finding)
        let key = worklist.map { _ in findingKey(severity: finding.severity, updatedAt: updatedAt, caseId: caseId, position: position) }
        return [
            .text(caseId), .integer(position), .text(finding.ruleId), .integer(rank(finding.severity)), .text(finding.duty.rawValue),
            .text(finding.specialty.rawValue), .text(finding.subject.kind), finding.subject.id.map(SQLiteData.text) ?? .null,
            finding.date.map { .text($0.description) } ?? .null, .text(finding.title.en), .text(finding.title.zhHans),
            worklist.map(SQLiteData.text) ?? .null, key.map(SQLiteData.text) ?? .null, .integer(SQLiteInt64(digest ?? rowDigest(comparable(finding)))),
        ]
    }

    /// `findingValues` as SQLKit binds (the pooled SQLite connections).
    static func findingRow(_ finding: Finding, caseId: String, updatedAt: Int64, position: Int, digest: Int64? = nil) -> [any SQLExpression] {
        findingValues(finding, caseId: caseId, updatedAt: updatedAt, position: position, digest: digest).map { value -> any SQLExpression in
            switch value {
            case .text(let text): SQLBind(text)
            case .integer(let number): SQLBind(number)
            case .float(let number): SQLBind(number)
            case .blob, .null: SQLBind(String?.none)
            }
        }
    }

    public func version(id: String) async throws -> Int? {
        try await store.row("SELECT version FROM cases WHERE id = ?", [.text(id)])?.decode(column: "version", as: Int.self)
    }

    public func get(id: String) async throws -> StoredCase? {
        let row = try await store.read { db in
            try await db.select().columns("record_json", "version", "updated_at", "updated_by", "rule_set_version").from("cases")
                .join("case_records", on: SQLColumn("case_id", table: "case_records"), .equal, SQLColumn("id", table: "cases"))
                .where(SQLColumn("id", table: "cases"), .equal, SQLBind(id)).first()
        }
        guard let row else { return nil }
        // A stored record that no longer reads is a storage fault, not user input: surface it.
        let record = try CaseFile.readStored(try row.decode(column: "record_json", as: String.self))
        return StoredCase(
            id: id, record: record, version: try row.decode(column: "version", as: Int.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self),
            updatedBy: try row.decode(column: "updated_by", as: String.self),
            ruleSetVersion: try row.decode(column: "rule_set_version", as: String.self))
    }

    public func list(search: String?, limit: Int, offset: Int) async throws -> [CaseSummary] {
        try await list(CaseListFilter(search: search), limit: limit, offset: offset)
    }

    public func list(_ filter: CaseListFilter, limit: Int, offset: Int) async throws -> [CaseSummary] {
        // A page of an index (keyset): a quick read (issue #12).
        try await store.quickRead { db in
            // The next undecided MDT meeting of the case from today on (scheduled_for is "YYYY-MM-DD HH:MM").
            let next = SQLQueryString("""
                (SELECT MIN(m.scheduled_for) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
                 WHERE a.case_id = cases.id AND a.decision IS NULL AND m.scheduled_for >= \(bind: filter.today))
                """)
            var query = db.select()
                .columns(
                    "id", "patient_id", "fictional", "version", "updated_at", "urgent_count", "warning_count", "primary_sites", "sex", "birth_date", "created_by",
                    "list_key", "death_date")
                .column(next, as: "next_meeting")
                .from("cases")
            if let search = filter.search, !search.isEmpty {
                let pattern = "%" + search.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
                if db.dialect.name == "sqlite", search.count >= 3 {
                    // The trigram index (M0019): a quoted phrase matches any part of the id,
                    // whatever its case; the LIKE keeps the meaning exact.
                    let phrase = "\"" + search.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    query = query.where(SQLQueryString("id IN (SELECT case_id FROM cases_search WHERE cases_search MATCH \(bind: phrase))"))
                }
                // LIKE with an explicit escape character: SQLite has none by default.
                // (PostgreSQL answers it from the pg_trgm index of M0019.)
                query = query.where(SQLQueryString("LOWER(patient_id) LIKE \(bind: pattern) ESCAPE '\\'"))
            }
            if let primary = filter.primary {
                // Comma-separated site codes: match a whole code.
                query = query.where(SQLQueryString("(',' || primary_sites || ',') LIKE \(bind: "%," + primary.rawValue + ",%")"))
            }
            switch filter.urgency {
            case .urgent: query = query.where("urgent_count", .greaterThan, SQLBind(0))
            case .urgentOrWarning: query = query.where(SQLQueryString("(urgent_count > 0 OR warning_count > 0)"))
            case nil: break
            }
            if let owner = filter.owner { query = query.where("created_by", .equal, SQLBind(owner)) }
            if let viewer = filter.viewer { query = query.where(SQLCaseAccess.visible(viewer, id: "cases.id", on: db)) }
            if filter.onAgenda { query = query.where(SQLQueryString("\(next) IS NOT NULL")) }
            if let after = filter.after { query = query.where("list_key", .greaterThan, SQLBind(after)) }
            // Most urgent patients first (urgent, then warning findings), then the latest change:
            // the order of `list_key`, one index.
            var page = try await query.orderBy("list_key").limit(limit).offset(offset).all().map { row in
                    var summary = CaseSummary(
                        id: try row.decode(column: "id", as: String.self), patientId: try row.decode(column: "patient_id", as: String.self),
                        fictional: try row.decode(column: "fictional", as: Int.self) != 0, version: try row.decode(column: "version", as: Int.self),
                        updatedAt: try row.decode(column: "updated_at", as: Int64.self), urgent: try row.decode(column: "urgent_count", as: Int?.self) ?? 0,
                        warnings: try row.decode(column: "warning_count", as: Int?.self) ?? 0)
                    summary.primarySites = (try row.decode(column: "primary_sites", as: String?.self) ?? "").split(separator: ",").compactMap { PrimarySite(rawValue: String($0)) }
                    summary.sex = try row.decode(column: "sex", as: String?.self).flatMap(CockcroftGault.Sex.init(rawValue:))
                    summary.birthDate = try row.decode(column: "birth_date", as: String?.self).flatMap { PartialDate($0) }
                    let death = try row.decode(column: "death_date", as: String?.self)
                    summary.deceased = death != nil
                    summary.deathDate = death.flatMap { PartialDate($0) }
                    summary.owner = try row.decode(column: "created_by", as: String?.self)
                    summary.nextMeeting = try row.decode(column: "next_meeting", as: String?.self)
                    summary.cursor = try row.decode(column: "list_key", as: String?.self)
                    return summary
                }
            let top = try await Self.topFindings(of: page.map(\.id), in: db)
            for index in page.indices { page[index].topFinding = top[page[index].id] }
            return page
        }
    }

    /// Each page case's first urgent or warning finding in the assessment's order (most severe
    /// first, then hours to act, duty and date — `assess`; the case page's "to do first"): one
    /// read of the page's finding rows by the case index, after the page is chosen. As a
    /// correlated subquery in the list's columns it was worked out for every candidate row
    /// before the sort — a care team's list of 200 went from 0.9 to 2.3–3.6 ms (issue #12:
    /// a page touches O(page) rows).
    static func topFindings(of ids: [String], in db: any SQLDatabase) async throws -> [String: LocalizedText] {
        guard !ids.isEmpty else { return [:] }
        var first: [String: (position: Int, title: LocalizedText)] = [:]
        // One row a case from the server (a synthetic case has eight urgent or warning rows:
        // decoding them all cost PostgreSQL's list 2.5–3 ms a page): SQLite's MIN takes its row's
        // other columns with it; PostgreSQL's DISTINCT ON keeps each case's first by position.
        let warning = Self.rank(.warning)
        let query: SQLQueryString = db.dialect.name == "postgresql"
            ? """
                SELECT DISTINCT ON (case_id) case_id, position, title_en, title_zh FROM findings
                WHERE case_id IN \(SQLBind.group(ids)) AND severity >= \(bind: warning) ORDER BY case_id, position
                """
            : """
                SELECT case_id, MIN(position) AS position, title_en, title_zh FROM findings
                WHERE case_id IN \(SQLBind.group(ids)) AND severity >= \(bind: warning) GROUP BY case_id
                """
        let rows = try await db.raw(query).all()
        for row in rows {
            let id = try row.decode(column: "case_id", as: String.self)
            let position = try row.decode(column: "position", as: Int.self)
            guard first[id].map({ position < $0.position }) ?? true else { continue }
            first[id] = (position, LocalizedText(en: try row.decode(column: "title_en", as: String.self), zh: try row.decode(column: "title_zh", as: String.self)))
        }
        return first.mapValues(\.title)
    }

    public func worklist(_ slug: String, viewer: CaseViewer?, after: String?, limit: Int) async throws -> [WorklistEntry] {
        // A page of the worklist's index: a quick read (issue #12).
        try await store.quickRead { db in
            var query = Self.findingsQuery(db).column(SQLColumn("list_key", table: "f"))
            if let viewer {
                // A clinician sees a care team's worth of cases, however many the hospital has:
                // start from those cases (their findings by case) and sort what is left,
                // rather than walk the whole worklist looking for theirs (`SQLCaseAccess.visible`;
                // M0021's index gives each case's findings of one worklist). `+` keeps SQLite
                // from reading the worklist's own index here.
                let unindexed = db.dialect.name == "sqlite" ? "+" : ""
                query = query.where(SQLQueryString("\(unsafeRaw: unindexed)f.worklist = \(bind: slug)"))
                    .where(SQLCaseAccess.visible(viewer, id: "f.case_id", on: db))
            } else {
                query = query.where(SQLColumn("worklist", table: "f"), .equal, SQLBind(slug))
            }
            if let after { query = query.where(SQLColumn("list_key", table: "f"), .greaterThan, SQLBind(after)) }
            return try await query.orderBy(SQLColumn("list_key", table: "f")).limit(limit).all().map { row in
                var entry = try Self.entry(row)
                entry.cursor = try row.decode(column: "list_key", as: String?.self)
                return entry
            }
        }
    }

    public func worklist(rules: [String], minimumSeverity: Severity, viewer: CaseViewer?, limit: Int, offset: Int) async throws -> [WorklistEntry] {
        guard !rules.isEmpty else { return [] }
        // A defined worklist reads its own index.
        if offset == 0, let list = Worklists.all.first(where: { Set($0.rules) == Set(rules) && $0.minimumSeverity == minimumSeverity }) {
            return try await worklist(list.slug, viewer: viewer, after: nil, limit: limit)
        }
        return try await store.read { db in
            var query = Self.findingsQuery(db)
            if let viewer { query = query.where(SQLCaseAccess.visible(viewer, id: "c.id", on: db)) }
            return try await query
                .where(SQLColumn("rule_id", table: "f"), .in, SQLGroupExpression(SQLList(rules.map { SQLBind($0) })))
                .where(SQLColumn("severity", table: "f"), .greaterThanOrEqual, SQLBind(Self.rank(minimumSeverity)))
                .orderBy(SQLOrderBy(expression: SQLColumn("severity", table: "f"), direction: SQLDirection.descending))
                .orderBy(SQLOrderBy(expression: SQLColumn("updated_at", table: "c"), direction: SQLDirection.descending))
                .orderBy(SQLColumn("case_id", table: "f")).orderBy(SQLColumn("position", table: "f"))
                .limit(limit).offset(offset).all().map(Self.entry)
        }
    }

    public func findings(caseId: String) async throws -> [WorklistEntry] {
        try await store.read { db in
            try await Self.findingsQuery(db).where(SQLColumn("case_id", table: "f"), .equal, SQLBind(caseId))
                .orderBy(SQLColumn("position", table: "f")).all().map(Self.entry)
        }
    }

    static func findingsQuery(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            .column(SQLColumn("case_id", table: "f")).column(SQLColumn("rule_id", table: "f")).column(SQLColumn("severity", table: "f"))
            .column(SQLColumn("specialty", table: "f")).column(SQLColumn("subject_id", table: "f")).column(SQLColumn("finding_date", table: "f"))
            .column(SQLColumn("title_en", table: "f")).column(SQLColumn("title_zh", table: "f"))
            .column(SQLColumn("patient_id", table: "c")).column(SQLColumn("fictional", table: "c"))
            .from(SQLAlias(SQLIdentifier("findings"), as: SQLIdentifier("f")))
            .join(SQLAlias(SQLIdentifier("cases"), as: SQLIdentifier("c")), on: SQLColumn("id", table: "c"), .equal, SQLColumn("case_id", table: "f"))
    }

    static func entry(_ row: any SQLRow) throws -> WorklistEntry {
        WorklistEntry(
            caseId: try row.decode(column: "case_id", as: String.self), patientId: try row.decode(column: "patient_id", as: String.self),
            fictional: try row.decode(column: "fictional", as: Int.self) != 0, ruleId: try row.decode(column: "rule_id", as: String.self),
            severity: severity(try row.decode(column: "severity", as: Int.self)),
            specialty: Specialty(rawValue: try row.decode(column: "specialty", as: String.self)) ?? .orthopaedics,
            subjectId: try row.decode(column: "subject_id", as: String?.self), date: try row.decode(column: "finding_date", as: String?.self),
            title: LocalizedText(en: try row.decode(column: "title_en", as: String.self), zh: try row.decode(column: "title_zh", as: String.self)))
    }
}
