import BoneMetDomain
import BoneMetRules
@testable import BoneMetStorage
import BoneMetTestSupport
import Foundation
import PostgresKit
import Testing

/// Issue #12: on PostgreSQL a batch of new cases and their findings is one `unnest` statement of
/// array binds (`SQLCaseStore.insertOnPostgres`, `NullableArrayBind`), on SQLite multi-row
/// inserts. Both must store every column exactly — NULL stays NULL, an empty text stays empty,
/// Chinese text and the largest integers come back unchanged.
@Suite struct BulkInsertColumnsTests {
    @Test(arguments: TestDatabases.engines.filter { $0 == .postgres })
    func nullableArraysKeepNullsEmptyTextAndEveryValue(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine, migrate: false) { store in
            let texts: [String?] = [nil, "", "骨转移 bone", nil, "x"]
            let numbers: [Int64?] = [Int64.max, nil, 0, -1, Int64.min]
            let rows = try await store.read { db in
                try await db.raw("""
                    SELECT t, t IS NULL AS t_null, n, n IS NULL AS n_null, position FROM unnest(\(bind: NullableArrayBind(texts)), \(bind: NullableArrayBind(numbers)))
                    WITH ORDINALITY AS r (t, n, position) ORDER BY position
                    """).all()
            }
            #expect(try rows.map { try $0.decode(column: "t", as: String?.self) } == texts)
            #expect(try rows.map { try $0.decode(column: "t_null", as: Bool.self) } == texts.map { $0 == nil })
            #expect(try rows.map { try $0.decode(column: "n", as: Int64?.self) } == numbers)
            #expect(try rows.map { try $0.decode(column: "n_null", as: Bool.self) } == numbers.map { $0 == nil })
            // The bulk reads find the connection under SQLKit's database (else they fall back to SQLKit's decoding).
            let direct = try await store.read { db in PostgresDirect.connection(of: db) != nil }
            #expect(direct)
            // An empty array is an empty array, not NULL.
            let empty = try await store.read { db in
                try await db.raw("SELECT cardinality(\(bind: NullableArrayBind([String?]()))) AS n").first()?.decode(column: "n", as: Int.self)
            }
            #expect(empty == 0)
        }
    }

    /// One case's row as the lists read it, and its findings' rows, in a form to compare.
    struct Stored: Equatable {
        var caseRow: [String?]
        var findingRows: [[String?]]
    }

    static func stored(_ id: String, in store: SQLStore) async throws -> Stored {
        try await store.read { db in
            let columns = [
                "patient_id", "fictional", "record_json", "version", "rule_set_version", "created_at", "updated_at", "updated_by", "source_key",
                "primary_sites", "sex", "birth_date", "created_by", "urgent_count", "warning_count", "list_key", "reassess_on", "source_hash",
                "source_version", "findings_digest", "death_date",
            ]
            // The record is in its own table (M0023), one row per case.
            let row = try #require(try await db.raw("SELECT \(unsafeRaw: columns.map { "CAST(\($0) AS TEXT) AS \($0)" }.joined(separator: ", ")) FROM cases JOIN case_records ON case_records.case_id = cases.id WHERE id = \(bind: id)").first())
            let findingColumns = [
                "position", "rule_id", "severity", "duty", "specialty", "subject_kind", "subject_id", "finding_date", "title_en", "title_zh", "worklist", "list_key",
            ]
            let findings = try await db.raw("SELECT \(unsafeRaw: findingColumns.map { "CAST(\($0) AS TEXT) AS \($0)" }.joined(separator: ", ")) FROM findings WHERE case_id = \(bind: id) ORDER BY findings.position").all()
            return Stored(
                caseRow: try columns.map { try row.decode(column: $0, as: String?.self) },
                findingRows: try findings.map { finding in try findingColumns.map { try finding.decode(column: $0, as: String?.self) } })
        }
    }

    /// What the columns must hold for a new case (M0012, M0018: list columns and sort keys).
    static func expected(_ item: SQLCaseStore.NewCase, id: String) -> Stored {
        let urgent = item.findings.filter { $0.severity == .urgent }.count
        let warnings = item.findings.filter { $0.severity == .warning }.count
        let caseRow: [String?] = [
            item.record.patient.id, item.record.patient.fictional ? "1" : "0", item.json, "1", RuleSet.version, "\(item.at)", "\(item.at)", item.by, nil,
            item.record.primaries.map { $0.site.rawValue }.joined(separator: ","), item.record.patient.sex?.rawValue, item.record.patient.birthDate?.description,
            item.by, "\(urgent)", "\(warnings)", SQLCaseStore.listKey(urgent: urgent, warnings: warnings, updatedAt: item.at, id: id),
            "\(item.reassessOn)", nil, nil, SQLCaseStore.findingsDigest(item.findings),
            item.record.patient.deathDate?.description ?? (item.record.patient.deceased == true ? "unknown" : nil),
        ]
        let findingRows: [[String?]] = item.findings.enumerated().map { position, finding in
            let worklist = Worklists.slug(of: finding)
            return [
                "\(position)", finding.ruleId, "\(SQLCaseStore.rank(finding.severity))", finding.duty.rawValue, finding.specialty.rawValue, finding.subject.kind,
                finding.subject.id, finding.date?.description, finding.title.en, finding.title.zhHans, worklist,
                worklist.map { _ in SQLCaseStore.findingKey(severity: finding.severity, updatedAt: item.at, caseId: id, position: position) },
            ]
        }
        return Stored(caseRow: caseRow, findingRows: findingRows)
    }

    @Test(arguments: TestDatabases.engines)
    func aBatchOfNewCasesStoresEveryColumn(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let asOf = PartialDate("2026-11-30")!
            var items: [SQLCaseStore.NewCase] = []
            for index in 0..<6 {
                var record = SyntheticCase.make(lesions: 1 + index % 4, studies: 2 + index, treatments: 1 + index % 3, seed: UInt64(index + 1))
                record.patient.id = "bulk-\(index)"
                // Every other case without sex and birth date: those columns are NULL, not "".
                if index % 2 == 1 {
                    record.patient.sex = nil
                    record.patient.birthDate = nil
                }
                record.patient.fictional = index == 2
                // A death with a date, one without, and the living (M0024).
                if index == 4 { record.patient.deathDate = PartialDate("2026-10-01") }
                if index == 5 { record.patient.deceased = true }
                var findings = assess(record, asOf: asOf, settings: .default).findings
                // The rules date every finding today; a finding without a date is stored too.
                if index == 3 {
                    findings.append(Finding(
                        ruleId: "test.undated", severity: .info, duty: .diagnosis, specialty: .orthopaedics, subject: .patient,
                        title: LocalizedText(en: "", zh: "无日期"), detail: LocalizedText(en: "undated", zh: "无日期"), sources: []))
                }
                items.append(.init(record: record, json: CaseFile.write(record), findings: findings, reassessOn: Int64(index * 1_000), by: "用户-\(index)", at: Int64(1_700_000_000 + index)))
            }
            // The batch holds findings with and without a subject id, a date and a worklist.
            let all = items.flatMap(\.findings)
            #expect(all.contains { $0.subject.id == nil } && all.contains { $0.subject.id != nil })
            #expect(all.contains { $0.date == nil } && all.contains { $0.date != nil })
            #expect(all.contains { Worklists.slug(of: $0) == nil } && all.contains { Worklists.slug(of: $0) != nil })
            let ids = try await SQLCaseStore(store).insertMany(items)
            for (item, id) in zip(items, ids) {
                let stored = try await Self.stored(id, in: store)
                let expected = Self.expected(item, id: id)
                #expect(stored.caseRow == expected.caseRow, "case \(item.record.patient.id)")
                #expect(stored.findingRows == expected.findingRows, "findings of \(item.record.patient.id)")
            }
        }
    }
}
