import Crypto
import BoneMetDomain
import Foundation
import PostgresKit
import SQLKit

public struct SQLFHIRStaging: FHIRStagingStore {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    /// One transaction per batch (on SQLite committed in parts when another write waits); a
    /// resource staged again replaces its earlier copy. Multi-row upserts (100 rows a
    /// statement): one statement per resource made the import wait on a thread hand-over per
    /// row (docs/performance.md).
    public func stage(_ resources: [(type: String, id: String, patient: String?, json: String)]) async throws {
        guard !resources.isEmpty else { return }
        // The last copy of a resource in the batch wins; PostgreSQL refuses one upsert that
        // touches the same row twice.
        var seen: Set<String> = []
        let unique = resources.reversed().filter { seen.insert($0.type + "/" + $0.id).inserted }.reversed()
        let rows = Array(unique)
        if store.engine == .postgres {
            // One statement of four array binds: PostgreSQL spent the batch waiting on the round
            // trips and per-value binds of five 100-row statements (issue #12).
            try await store.write { db in
                try await db.raw("""
                    INSERT INTO fhir_staging (resource_type, resource_id, patient_id, json)
                    SELECT t, i, p, j FROM unnest(\(bind: rows.map { $0.type }), \(bind: rows.map { $0.id }), \(bind: NullableArrayBind(rows.map { $0.patient })), \(bind: rows.map { $0.json })) AS staged (t, i, p, j)
                    ON CONFLICT (resource_type, resource_id) DO UPDATE SET patient_id = excluded.patient_id, json = excluded.json
                    """).run()
            }
            return
        }
        // Raw multi-row upserts: SQLKit building a 100-row statement cost 5 % of an import
        // (issue #12). SQLite 3.24+ (PostgreSQL took the branch above). A statement a part: the
        // batch gives way to requests' writes (`quickWrite(count:inPartsOf:)`) — each row is an
        // upsert of its own, so parts committed apart leave nothing half-done.
        _ = try await store.quickWrite(count: rows.count, inPartsOf: 100) { part, db in
            var statement: SQLQueryString = "INSERT INTO fhir_staging (resource_type, resource_id, patient_id, json) VALUES "
            for (offset, resource) in rows[part].enumerated() {
                if offset > 0 { statement += ", " }
                statement += "(\(bind: resource.type), \(bind: resource.id), \(bind: resource.patient), \(bind: resource.json))"
            }
            statement += " ON CONFLICT (resource_type, resource_id) DO UPDATE SET patient_id = excluded.patient_id, json = excluded.json"
            try await db.raw(statement).run()
        }
    }

    /// PostgreSQL: `ANALYZE` of the tables an import fills (a few hundred milliseconds at a
    /// million findings: it samples). SQLite plans without statistics by assuming an index is
    /// selective, which is what BoneMet's queries want, so nothing is run there.
    public func bulkLoaded() async throws {
        guard store.engine == .postgres else { return }
        try await store.read { db in try await db.raw("ANALYZE cases, findings").run() }
    }

    /// PostgreSQL: two. With one batch's insert in flight, a third of the import's first pass
    /// left a core idle waiting for the server (issue #12); a second connection inserts the
    /// next batch meanwhile. SQLite has one writer: one.
    public var stagingWritesInFlight: Int { store.engine == .postgres ? 2 : 1 }

    public func purge(patient: String) async throws {
        try await store.write { db in
            try await db.delete(from: "fhir_staging").where("patient_id", .equal, SQLBind(patient))
                .orWhere { $0.where("resource_type", .equal, SQLBind("Patient")).where("resource_id", .equal, SQLBind(patient)) }
                .run()
        }
    }

    public func stagedPatients() async throws -> [String] {
        try await store.read { db in
            try await db.select().column("resource_id").from("fhir_staging").where("resource_type", .equal, SQLBind("Patient"))
                .orderBy("resource_id").all().map { try $0.decode(column: "resource_id", as: String.self) }
        }
    }

    public func staged(patient: String) async throws -> [(type: String, json: String)] {
        try await store.read { db in
            try await db.select().columns("resource_type", "json").from("fhir_staging")
                .where("patient_id", .equal, SQLBind(patient))
                .orWhere { $0.where("resource_type", .equal, SQLBind("Patient")).where("resource_id", .equal, SQLBind(patient)) }
                .orderBy("resource_type").orderBy("resource_id").all()
                .map { (try $0.decode(column: "resource_type", as: String.self), try $0.decode(column: "json", as: String.self)) }
        }
    }

    public func upsertCase(
        sourceKey: String, record: CaseRecord, findings: [Finding], reassessOn: Int64, by user: String, at time: Int64
    ) async throws -> UpsertOutcome {
        let item = CaseUpsert(sourceKey: sourceKey, record: record, findings: findings, reassessOn: reassessOn)
        // One transaction: read, decide, write — a concurrent edit cannot slip in between.
        return try await store.write { db -> UpsertOutcome in
            try await Self.upsert(item, hash: SQLTokenStore.hash(item.json), by: user, at: time, in: db)
        }
    }

    /// Many patients' cases in one transaction, and their staged resources purged in it
    /// (issue #12: a bulk import writes per batch of patients, not per patient). Each case is
    /// decided as `upsertCase` decides it; the outcomes are those of the patients with a case,
    /// in the order given. On SQLite the batch gives way to requests' writes
    /// (`SQLStore.quickWrite(count:inPartsOf:)`, parts of `upsertPart` patients): a patient's
    /// case and the purge of its staged resources are always in the same part.
    public func upsertCases(_ patients: [ImportedPatient], by user: String, at time: Int64) async throws -> [UpsertOutcome] {
        // The case files were written with the upserts; their hashes, and each new case's row
        // (its list columns, counts, key and findings digest), are made on every core before
        // the transaction — on SQLite it runs on the one writing thread. A row goes unused when
        // its case turns out to exist.
        let prepared = await patients.mapOnEveryCore { patient in
            patient.upsert.map { item in
                let hash = SQLTokenStore.hash(item.json)
                return Prepared(item: item, hash: hash, row: Self.newRow(item, hash: hash, by: user, at: time))
            }
        }
        return try await store.quickWrite(count: patients.count, inPartsOf: Self.upsertPart) { part, db in
            try await Self.upsertCases(prepared[part].compactMap { $0 }, purging: patients[part].compactMap(\.purge), by: user, at: time, in: db)
        }.flatMap { $0 }
    }

    /// Patients a part of an import's transaction on SQLite (`upsertCases`): ≈ 5 ms of writing
    /// (an import's 50-patient transactions held the lock 21–40 ms).
    static let upsertPart = 8

    /// An import's case with what is made for it before its transaction.
    struct Prepared: Sendable {
        let item: CaseUpsert
        let hash: String
        let row: SQLCaseStore.NewRow
    }

    /// The cases of one transaction (or of one part of it), and the purge of these patients'
    /// staged resources.
    static func upsertCases(
        _ items: [Prepared], purging patients: [String], by user: String, at time: Int64, in db: any SQLDatabase
    ) async throws -> [UpsertOutcome] {
        // The cases these sources already have, in one read; the new ones are inserted
        // together (multi-row), the others decided one by one as `upsertCase` does.
        var known: Set<String> = []
        for start in stride(from: 0, to: items.count, by: 200) {
            let part = items[start..<min(items.count, start + 200)]
            let keys = SQLBind.group(part.map(\.item.sourceKey))
            let ids = SQLBind.group(part.map { $0.item.sourceKey.hasPrefix("case:") ? String($0.item.sourceKey.dropFirst("case:".count)) : "-" })
            for row in try await db.raw("SELECT id, source_key FROM cases WHERE source_key IN \(keys) OR id IN \(ids)").all() {
                known.insert("id:" + (try row.decode(column: "id", as: String.self)))
                if let key = try row.decode(column: "source_key", as: String?.self) { known.insert("key:" + key) }
            }
        }
        var outcomes: [UpsertOutcome] = []
        outcomes.reserveCapacity(items.count)
        var fresh: [SQLCaseStore.NewRow] = []
        var claimed: Set<String> = []
        for prepared in items {
            let item = prepared.item
            let ownId = item.sourceKey.hasPrefix("case:") ? String(item.sourceKey.dropFirst("case:".count)) : nil
            let exists = known.contains("key:" + item.sourceKey) || ownId.map { known.contains("id:" + $0) } == true
            // A source named twice in one batch: the second is decided against the first.
            if exists || claimed.contains(item.sourceKey) {
                if !fresh.isEmpty {
                    try await SQLCaseStore.insert(fresh, into: db)
                    fresh.removeAll()
                }
                outcomes.append(try await Self.upsert(item, hash: prepared.hash, by: user, at: time, in: db))
                continue
            }
            claimed.insert(item.sourceKey)
            fresh.append(prepared.row)
            outcomes.append(.created)
        }
        try await SQLCaseStore.insert(fresh, into: db)
        for start in stride(from: 0, to: patients.count, by: 200) {
            let part = SQLBind.group(Array(patients[start..<min(patients.count, start + 200)]))
            try await db.raw("""
                DELETE FROM fhir_staging WHERE patient_id IN \(part) OR (resource_type = 'Patient' AND resource_id IN \(part))
                """).run()
        }
        return outcomes
    }

    /// A new imported case, marked imported (its source's hash, version 1) in its own row.
    static func newRow(_ item: CaseUpsert, hash: String, by user: String, at time: Int64) -> SQLCaseStore.NewRow {
        var row = SQLCaseStore.NewRow(
            id: UUID().uuidString.lowercased(),
            SQLCaseStore.NewCase(record: item.record, json: item.json, findings: item.findings, reassessOn: item.reassessOn, by: user, at: time))
        row.sourceKey = item.sourceKey
        row.sourceHash = hash
        return row
    }

    /// One case of an import, inside the caller's transaction; `hash` is its case file's
    /// (`SQLTokenStore.hash(item.json)`, made before the transaction where there are many).
    static func upsert(_ item: CaseUpsert, hash: String, by user: String, at time: Int64, in db: any SQLDatabase) async throws -> UpsertOutcome {
        let json = item.json
        let sourceKey = item.sourceKey
        let record = item.record
        let findings = item.findings
        let reassessOn = item.reassessOn
        // `case:<id>` names a case of this installation (our own export coming back), else a source.
        let caseId = sourceKey.hasPrefix("case:") ? String(sourceKey.dropFirst("case:".count)) : nil
        let existing = try await db.select().columns("id", "version", "record_json", "source_hash", "source_version").from("cases")
            .join("case_records", on: SQLColumn("case_id", table: "case_records"), .equal, SQLColumn("id", table: "cases"))
            .where("source_key", .equal, SQLBind(sourceKey))
            .orWhere(SQLColumn("id", table: "cases"), .equal, SQLBind(caseId ?? "-")).first()
        guard let existing else {
            try await SQLCaseStore.insert([Self.newRow(item, hash: hash, by: user, at: time)], into: db)
            return .created
        }
        let id = try existing.decode(column: "id", as: String.self)
        let version = try existing.decode(column: "version", as: Int.self)
        let lastHash = try existing.decode(column: "source_hash", as: String?.self)
        // Cases imported before M0008 have no hash: compare with the record as before.
        let storedJSON = try existing.decode(column: "record_json", as: String.self)
        if lastHash == hash || (lastHash == nil && storedJSON == json) { return .unchanged }
        // Edited in BoneMet since its last import (MDT imaging reads, decisions …): the
        // source must not silently overwrite that work. Left as it is and reported.
        let importedVersion = try existing.decode(column: "source_version", as: Int?.self) ?? version
        if importedVersion != version { return .keptLocalEdits }
        let newVersion = try await SQLCaseStore.updateCase(
            id: id, record: record, json: json, findings: findings, reassessOn: reassessOn, expectedVersion: version, by: user, at: time, in: db)
        try await Self.markImported(id: id, hash: hash, version: newVersion, in: db)
        return .updated
    }

    public func staged(patients: [String]) async throws -> [String: [(type: String, json: String)]] {
        guard !patients.isEmpty else { return [:] }
        return try await store.read { db in
            var out: [String: [(type: String, json: String)]] = [:]
            if let connection = PostgresDirect.connection(of: db) {
                // PostgreSQL: one statement, the rows decoded by PostgresNIO (`PostgresDirect`).
                let rows = try await PostgresDirect.rows(
                    """
                    SELECT resource_type, resource_id, patient_id, json FROM fhir_staging
                    WHERE patient_id = ANY($1) OR (resource_type = 'Patient' AND resource_id = ANY($1))
                    ORDER BY resource_type, resource_id
                    """, patients, on: connection)
                for try await (type, id, patient, json) in rows.decode((String, String, String?, String).self) {
                    out[type == "Patient" ? id : patient ?? "", default: []].append((type, json))
                }
                return out
            }
            for start in stride(from: 0, to: patients.count, by: 200) {
                let part = SQLBind.group(Array(patients[start..<min(patients.count, start + 200)]))
                let rows = try await db.raw("""
                    SELECT resource_type, resource_id, patient_id, json FROM fhir_staging
                    WHERE patient_id IN \(part) OR (resource_type = 'Patient' AND resource_id IN \(part))
                    ORDER BY resource_type, resource_id
                    """).all()
                for row in rows {
                    let type = try row.decode(column: "resource_type", as: String.self)
                    let owner = type == "Patient"
                        ? try row.decode(column: "resource_id", as: String.self) : try row.decode(column: "patient_id", as: String?.self) ?? ""
                    out[owner, default: []].append((type, try row.decode(column: "json", as: String.self)))
                }
            }
            return out
        }
    }

    static func markImported(id: String, hash: String, version: Int, in db: any SQLDatabase) async throws {
        try await db.update("cases").set("source_hash", to: SQLBind(hash)).set("source_version", to: SQLBind(version))
            .where("id", .equal, SQLBind(id)).run()
    }

    public func caseVersion(sourceKey: String) async throws -> (id: String, version: Int)? {
        // On every CDS call: a direct read (`SQLStore.rows`, issue #12).
        guard let row = try await store.row("SELECT id, version FROM cases WHERE source_key = ?", [.text(sourceKey)]) else { return nil }
        return (try row.decode(column: "id", as: String.self), try row.decode(column: "version", as: Int.self))
    }

    public func caseId(sourceKey: String) async throws -> String? {
        try await store.read { db in
            try await db.select().column("id").from("cases").where("source_key", .equal, SQLBind(sourceKey)).first()?
                .decode(column: "id", as: String.self)
        }
    }
}
