import BoneMetDomain
@testable import BoneMetStorage
import BoneMetTestSupport
import Foundation
import SQLKit
import Testing

/// M0023 (issue #12): each case's record lives in `case_records`, so the re-assessment's small
/// updates of a case row no longer copy its record. Records stored before it move there
/// unchanged, and every path that writes or reads a record uses the new table.
@Suite struct CaseRecordsTableTests {
    static let engines = TestDatabases.engines

    @Test(arguments: engines)
    func recordsStoredBeforeTheMoveAreReadAsTheyWere(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine, migrate: false) { store in
            try await Migrator(Array(Migrations.all.prefix { $0.id != "M0023_case_records" })).migrate(store, at: 1)
            let records: [String: CaseRecord] = Dictionary(uniqueKeysWithValues: (0..<3).map { index in
                var record = SyntheticCase.make(lesions: 1 + index, studies: 2 + index, treatments: 1 + index, seed: UInt64(40 + index))
                record.patient.id = "before-\(index)"
                return ("c-\(index)", record)
            })
            try await store.write { db in
                for (id, record) in records {
                    // The row as the schema before M0023 held it, record and all.
                    try await db.insert(into: "cases")
                        .columns("id", "patient_id", "fictional", "record_json", "version", "rule_set_version", "created_at", "updated_at", "updated_by")
                        .values(
                            SQLBind(id), SQLBind(record.patient.id), SQLBind(0), SQLBind(CaseFile.write(record)), SQLBind(2), SQLBind("2026.11.4"),
                            SQLBind(1), SQLBind(2), SQLBind("dr-before"))
                        .run()
                }
            }
            try await Migrator().migrate(store, at: 2)
            let cases = SQLCaseStore(store)
            for (id, record) in records {
                let stored = try #require(try await cases.get(id: id))
                #expect(stored.record == record && stored.version == 2 && stored.updatedBy == "dr-before")
            }
            let moved = try await store.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM case_records").first()?.decode(column: "n", as: Int.self)
            }
            #expect(moved == records.count)
            // The column is gone from the case row (nothing can read a stale copy there).
            await #expect(throws: (any Error).self) {
                try await store.read { db in _ = try await db.raw("SELECT record_json FROM cases").all() }
            }
            // The re-assessment's pages carry the records.
            let page = try await cases.page(after: nil, limit: 10)
            #expect(page.map(\.id) == records.keys.sorted())
            #expect(try page.allSatisfy { try CaseFile.read($0.json) == records[$0.id] })
        }
    }

    /// Create, update, bulk insert: one record row per case, always the latest record.
    @Test(arguments: engines)
    func everyWriteKeepsOneRecordRowPerCase(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let cases = SQLCaseStore(store)
            var record = SyntheticCase.typical
            let created = try await cases.create(record, findings: [], by: "u1", at: 100)
            record.patient.weights = [WeightRecord(date: PartialDate("2024-02-01")!, kg: 61.5)]
            _ = try await cases.update(id: created.id, record: record, findings: [], expectedVersion: 1, by: "u2", at: 200)
            var other = SyntheticCase.large
            other.patient.id = "bulk-1"
            let bulk = try await cases.insertMany([.init(record: other, json: CaseFile.write(other), findings: [], by: "u3", at: 300)])
            #expect(try await cases.get(id: created.id)?.record == record)
            #expect(try await cases.get(id: try #require(bulk.first))?.record == other)
            let rows = try await store.read { db in
                try await db.raw("SELECT case_id FROM case_records ORDER BY case_id").all().map { try $0.decode(column: "case_id", as: String.self) }
            }
            #expect(rows == [created.id, try #require(bulk.first)].sorted())
        }
    }

    /// M0025 (issue #12): on PostgreSQL the cases table leaves a fifth of each page for the next
    /// version of its rows (HOT updates), and case files are compressed with LZ4 where the server
    /// has it; SQLite's schema is unchanged.
    @Test(arguments: engines)
    func postgresStorageParameters(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let cases = SQLCaseStore(store)
            let created = try await cases.create(SyntheticCase.large, findings: [], by: "u1", at: 100)
            guard engine == .postgres else {
                #expect(try await cases.get(id: created.id)?.record == SyntheticCase.large)
                return
            }
            let options = try await store.read { db in
                try await db.raw("SELECT array_to_string(reloptions, ',') AS o FROM pg_class WHERE relname = 'cases'").first()?.decode(column: "o", as: String?.self)
            }
            #expect(options == "fillfactor=80")
            let lz4 = try await store.read { db in
                try await db.raw("SELECT 1 AS ok FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)").first() != nil
            }
            let compression = try await store.read { db in
                try await db.raw("SELECT pg_column_compression(record_json) AS c FROM case_records").first()?.decode(column: "c", as: String?.self)
            }
            // A case file of this size is compressed (TOAST, ≥ 2 kB); with LZ4 where the server has it.
            #expect(compression == (lz4 ? "lz4" : "pglz"), "\(String(describing: compression))")
            #expect(try await cases.get(id: created.id)?.record == SyntheticCase.large)
        }
    }
}
