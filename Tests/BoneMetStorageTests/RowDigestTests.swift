import BoneMetDomain
import BoneMetRules
@testable import BoneMetStorage
import BoneMetTestSupport
import SQLKit
import Testing

/// Issue #12, M0026: a changed case's stored finding rows are compared with its fresh findings by
/// each row's `row_digest`, and read whole only where it differs. That is only safe if every
/// write of a row stores the digest of exactly that row, if the digest tells apart rows that
/// differ in anything compared, and if a row without one (written before M0026) is compared
/// whole and then given one.
@Suite struct RowDigestTests {
    /// The case digest's test findings (one maker of them for both suites).
    func finding(_ title: String, _ severity: Severity = .warning, subject: FindingSubject = .patient, zh: String? = nil) -> Finding {
        FindingsDigestTests().finding(title, severity, subject: subject, zh: zh)
    }

    func digest(_ finding: Finding) -> Int64 { SQLCaseStore.rowDigest(SQLCaseStore.comparable(finding)) }

    @Test func rowsThatDifferInAnythingComparedHaveDifferentDigests() {
        let one = finding("one")
        let variants = [
            finding("one", .urgent), finding("one", zh: "一"), finding("one", subject: .lesion("L1")), finding("on", zh: "eone（中文）"),
            Finding(
                ruleId: "test.other", severity: .warning, duty: .surgery, specialty: .orthopaedics, subject: .patient, title: one.title,
                detail: one.detail, sources: []),
            Finding(
                ruleId: "test.rule", severity: .warning, duty: .diagnosis, specialty: .orthopaedics, subject: .patient, title: one.title,
                detail: one.detail, sources: []),
            Finding(
                ruleId: "test.rule", severity: .warning, duty: .surgery, specialty: .radiology, subject: .patient, title: one.title,
                detail: one.detail, sources: []),
            Finding(
                ruleId: "test.rule", severity: .warning, duty: .surgery, specialty: .orthopaedics, subject: .patient, date: PartialDate("2026-11-30"),
                title: one.title, detail: one.detail, sources: []),
        ]
        let digests = [digest(one)] + variants.map(digest)
        #expect(Set(digests).count == digests.count)
        // The detail is not compared; the same row, the same digest.
        let otherDetail = Finding(
            ruleId: "test.rule", severity: .warning, duty: .surgery, specialty: .orthopaedics, subject: .patient, title: one.title,
            detail: LocalizedText(en: "other", zh: "其他"), sources: [])
        #expect(digest(one) == digest(otherDetail))
        #expect(digest(one) == digest(finding("one")))
    }

    /// Each stored row's digest, and the digest of the row as stored, by case and position.
    func rowDigests(_ ids: [String], _ store: SQLStore) async throws -> [(stored: Int64?, ofRow: Int64)] {
        try await store.read { db in
            let stored = try await SQLCaseStore.storedRows(of: ids, in: db)
            return stored.keys.sorted().flatMap { id in
                (stored[id] ?? [:]).sorted { $0.key < $1.key }.map { ($0.value.digest, SQLCaseStore.rowDigest($0.value.finding)) }
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func everyWriteStoresEachRowsDigest(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let cases = SQLCaseStore(store)
            let created = try await cases.create(CaseRecord(patient: Patient(id: "row-a")), findings: [finding("a"), finding("b")], by: "u", at: 10)
            let updated = try await cases.update(
                id: created.id, record: created.record, findings: [finding("b", .urgent), finding("c")], reassessOn: 0, expectedVersion: 1, by: "u", at: 11)
            let record = SyntheticCase.make(lesions: 3, studies: 4, treatments: 2, seed: 7)
            let findings = assess(record, asOf: PartialDate("2026-11-30")!, settings: .default).findings
            let many = try await cases.insertMany([.init(record: record, json: CaseFile.write(record), findings: findings, by: "u", at: 12)])
            var rows = try await rowDigests([created.id] + many, store)
            #expect(rows.count == 2 + findings.count)
            #expect(rows.allSatisfy { $0.stored == $0.ofRow })
            // A refresh that rewords one row, changes another's severity and adds one.
            #expect(try await cases.refresh([
                .init(id: created.id, version: updated.version, findings: [finding("b reworded", .urgent), finding("c", .urgent), finding("d")], reassessOn: 5)
            ]) == 1)
            rows = try await rowDigests([created.id], store)
            #expect(rows.map(\.ofRow) == [finding("b reworded", .urgent), finding("c", .urgent), finding("d")].map(digest))
            #expect(rows.allSatisfy { $0.stored == $0.ofRow })
        }
    }

    /// Rows written before M0026 have no digest, and a digest that is not its row's cannot be
    /// trusted: such rows are compared whole — an equal one stays in place and gets its digest,
    /// a different one is written — and the case then reads as its fresh findings.
    @Test(arguments: TestDatabases.engines)
    func rowsWithoutADigestAreComparedWholeAndGetOne(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let cases = SQLCaseStore(store)
            let before = [finding("a"), finding("b"), finding("c")]
            let old = try await cases.create(CaseRecord(patient: Patient(id: "row-old")), findings: before, by: "u", at: 10)
            let wrong = try await cases.create(CaseRecord(patient: Patient(id: "row-wrong")), findings: before, by: "u", at: 11)
            // Marks the comparison ignores: they survive only where the rows are left in place.
            try await store.write { db in
                try await db.update("findings").set("list_key", to: SQLBind("untouched")).run()
                try await db.update("findings").set("row_digest", to: SQLBind(Int64?.none)).where("case_id", .equal, SQLBind(old.id)).run()
                try await db.update("findings").set("row_digest", to: SQLBind(Int64(0))).where("case_id", .equal, SQLBind(wrong.id)).run()
            }
            let fresh = [finding("a"), finding("b", .urgent), finding("c reworded")]
            #expect(try await cases.refresh([
                .init(id: old.id, version: old.version, findings: fresh, reassessOn: 1),
                .init(id: wrong.id, version: wrong.version, findings: fresh, reassessOn: 1),
            ]) == 2)
            for id in [old.id, wrong.id] {
                #expect(try await cases.findings(caseId: id).map(\.title.en) == ["a", "b", "c reworded"])
                #expect(try await cases.findings(caseId: id).map(\.severity) == [.warning, .urgent, .warning])
                let marks = try await store.read { db in
                    try await db.select().column("position").from("findings").where("case_id", .equal, SQLBind(id))
                        .where("list_key", .equal, SQLBind("untouched")).orderBy("position").all().map { try $0.decode(column: "position", as: Int.self) }
                }
                // The equal row and the reworded one stay in place; the one whose severity changed
                // is written again with its own key.
                #expect(marks == [0, 2], "case \(id)")
            }
            let oldRows = try await rowDigests([old.id], store)
            #expect(oldRows.map(\.ofRow) == fresh.map(digest))
            #expect(oldRows.allSatisfy { $0.stored == $0.ofRow })
        }
    }

    /// Fewer rows than stored, and the same rows in another order: the server's comparison
    /// (PostgreSQL) and the rows read whole (SQLite) leave the same findings.
    @Test(arguments: TestDatabases.engines)
    func rowsGoneOrMovedAreRewritten(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let cases = SQLCaseStore(store)
            let shrink = try await cases.create(CaseRecord(patient: Patient(id: "row-shrink")), findings: [finding("a"), finding("b"), finding("c")], by: "u", at: 10)
            let swap = try await cases.create(CaseRecord(patient: Patient(id: "row-swap")), findings: [finding("a"), finding("b"), finding("c")], by: "u", at: 11)
            #expect(try await cases.refresh([
                .init(id: shrink.id, version: shrink.version, findings: [finding("a")], reassessOn: 1),
                .init(id: swap.id, version: swap.version, findings: [finding("c"), finding("b"), finding("a"), finding("e")], reassessOn: 1),
            ]) == 2)
            #expect(try await cases.findings(caseId: shrink.id).map(\.title.en) == ["a"])
            #expect(try await cases.findings(caseId: swap.id).map(\.title.en) == ["c", "b", "a", "e"])
            let rows = try await rowDigests([shrink.id, swap.id], store)
            #expect(rows.count == 5)
            #expect(rows.allSatisfy { $0.stored == $0.ofRow })
        }
    }
}
