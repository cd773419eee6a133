import BoneMetDomain
import BoneMetRules
@testable import BoneMetStorage
import BoneMetTestSupport
import SQLKit
import Testing

/// Issue #12: the re-assessment tells an unchanged case by `cases.findings_digest` (M0022)
/// instead of reading its finding rows back. That is only safe if every write of a case's
/// findings stores the digest of exactly the rows it wrote, and if the digest tells apart any
/// two different lists of rows.
@Suite struct FindingsDigestTests {
    func finding(_ title: String, _ severity: Severity = .warning, subject: FindingSubject = .patient, zh: String? = nil) -> Finding {
        Finding(
            ruleId: "test.rule", severity: severity, duty: .surgery, specialty: .orthopaedics, subject: subject,
            title: LocalizedText(en: title, zh: zh ?? title + "（中文）"), detail: LocalizedText(en: "d", zh: "d"), sources: [])
    }

    @Test func differentRowsGiveDifferentDigests() {
        let digest: ([Finding]) -> String = { SQLCaseStore.findingsDigest($0) }
        let one = finding("one")
        let two = finding("two")
        // Order, count, severity, a field's boundary, an absent value against an empty one.
        #expect(digest([one, two]) != digest([two, one]))
        #expect(digest([one]) != digest([one, one]))
        #expect(digest([]) != digest([finding("")]))
        #expect(digest([one]) != digest([finding("one", .urgent)]))
        #expect(digest([finding("ab", zh: "c")]) != digest([finding("a", zh: "bc")]))
        #expect(digest([finding("x", subject: .lesion(""))]) != digest([finding("x", subject: .study(""))]))
        #expect(digest([finding("x", subject: .patient)]) != digest([finding("x", subject: .lesion(""))]))
        // What the comparison ignores (the detail) does not count; the same rows, the same digest.
        let otherDetail = Finding(
            ruleId: "test.rule", severity: .warning, duty: .surgery, specialty: .orthopaedics, subject: .patient,
            title: one.title, detail: LocalizedText(en: "other", zh: "其他"), sources: [])
        #expect(digest([one]) == digest([otherDetail]))
        #expect(digest([one, two]) == digest([finding("one"), finding("two")]))
    }

    /// The digest made straight from the findings is the digest of their rows, on whole
    /// assessments (dated findings, lesions and studies, worklist rules).
    @Test func findingsAndTheirRowsGiveOneDigest() {
        var compared = 0
        for seed in 1...40 {
            let record = SyntheticCase.make(lesions: 1 + seed % 6, studies: 2 + seed % 7, treatments: 1 + seed % 5, seed: UInt64(seed))
            let findings = assess(record, asOf: PartialDate("2026-11-30")!, details: false).findings
            #expect(SQLCaseStore.findingsDigest(findings) == SQLCaseStore.findingsDigest(of: findings.map(SQLCaseStore.comparable)))
            compared += findings.count
        }
        #expect(compared > 200)
    }

    /// The digest stored with the case, and the one of its finding rows as stored.
    func digests(_ id: String, _ store: SQLStore) async throws -> (stored: String?, ofRows: String) {
        try await store.read { db in
            let stored = try await db.select().column("findings_digest").from("cases").where("id", .equal, SQLBind(id)).first()?
                .decode(column: "findings_digest", as: String?.self)
            let rows = try await SQLCaseStore.storedFindings(of: [id], in: db)[id] ?? []
            return (stored, SQLCaseStore.findingsDigest(of: rows))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func everyWriteStoresTheDigestOfTheRowsItWrote(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let cases = SQLCaseStore(store)
            let created = try await cases.create(CaseRecord(patient: Patient(id: "digest-a")), findings: [finding("a")], by: "u", at: 10)
            var check = try await digests(created.id, store)
            #expect(check.stored == check.ofRows)
            let updated = try await cases.update(
                id: created.id, record: created.record, findings: [finding("b", .urgent), finding("c")], reassessOn: 0, expectedVersion: 1, by: "u", at: 11)
            check = try await digests(created.id, store)
            #expect(check.stored == check.ofRows)
            let record = SyntheticCase.make(lesions: 3, studies: 4, treatments: 2, seed: 7)
            let findings = assess(record, asOf: PartialDate("2026-11-30")!, settings: .default).findings
            let many = try await cases.insertMany([.init(record: record, json: CaseFile.write(record), findings: findings, by: "u", at: 12)])
            check = try await digests(try #require(many.first), store)
            #expect(check.stored == check.ofRows)
            #expect(check.stored == SQLCaseStore.findingsDigest(findings))
            // A refresh that changes the findings, and one that only moves the next day.
            #expect(try await cases.refresh([.init(id: created.id, version: updated.version, findings: [finding("d")], reassessOn: 5)]) == 1)
            check = try await digests(created.id, store)
            #expect(check.stored == check.ofRows && check.stored == SQLCaseStore.findingsDigest([finding("d")]))
            #expect(try await cases.refresh([.init(id: created.id, version: updated.version, findings: [finding("d")], reassessOn: 6)]) == 1)
            check = try await digests(created.id, store)
            #expect(check.stored == check.ofRows)
        }
    }

    /// A case stored before M0022 has no digest: its rows are compared, and it gets one; a
    /// digest that does not match the new findings means they may have changed: the rows that
    /// differ are written.
    @Test(arguments: TestDatabases.engines)
    func aCaseWithoutADigestIsComparedRowByRowAndAWrongOneIsRewritten(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let cases = SQLCaseStore(store)
            let same = try await cases.create(CaseRecord(patient: Patient(id: "old-same")), findings: [finding("same")], by: "u", at: 10)
            let changed = try await cases.create(CaseRecord(patient: Patient(id: "old-changed")), findings: [finding("before")], by: "u", at: 11)
            let wrong = try await cases.create(CaseRecord(patient: Patient(id: "wrong-digest")), findings: [finding("kept")], by: "u", at: 12)
            // Marks the comparison ignores: they survive only where the rows are left in place.
            try await store.write { db in
                try await db.update("findings").set("list_key", to: SQLBind("untouched")).run()
                try await db.update("cases").set("findings_digest", to: SQLBind(String?.none)).where("id", .in, SQLBind.group([same.id, changed.id])).run()
                try await db.update("cases").set("findings_digest", to: SQLBind("0")).where("id", .equal, SQLBind(wrong.id)).run()
            }
            let refreshed = try await cases.refresh([
                .init(id: same.id, version: same.version, findings: [finding("same")], reassessOn: 1),
                .init(id: changed.id, version: changed.version, findings: [finding("after", .urgent)], reassessOn: 1),
                .init(id: wrong.id, version: wrong.version, findings: [finding("kept")], reassessOn: 1),
            ])
            #expect(refreshed == 3)
            let marks = try await store.read { db in
                try await db.select().column("case_id").from("findings").where("list_key", .equal, SQLBind("untouched")).all()
                    .map { try $0.decode(column: "case_id", as: String.self) }
            }
            // Only the row that differs is written again (here its severity); the wrong digest's
            // case compares equal row by row, and its row stays.
            #expect(Set(marks) == [same.id, wrong.id])
            #expect(try await cases.findings(caseId: changed.id).map(\.title.en) == ["after"])
            #expect(try await cases.findings(caseId: wrong.id).map(\.title.en) == ["kept"])
            for id in [same.id, changed.id, wrong.id] {
                let check = try await digests(id, store)
                #expect(check.stored == check.ofRows, "case \(id)")
            }
        }
    }
}
