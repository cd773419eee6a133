import BoneMetDomain
import BoneMetRules
@testable import BoneMetStorage
import BoneMetTestSupport
import SQLKit
import Testing

/// Issue #12: the background re-assessment writes a batch in one transaction and leaves alone
/// the cases whose findings did not change — but every changed finding is written, and a case
/// edited since it was read keeps the findings of its own write.
@Suite struct RefreshTests {
    func finding(_ title: String, _ severity: Severity = .warning) -> Finding {
        Finding(
            ruleId: "test.rule", severity: severity, duty: .surgery, specialty: .orthopaedics, subject: .patient,
            title: LocalizedText(en: title, zh: title + "（中文）"), detail: LocalizedText(en: "d", zh: "d"), sources: [])
    }

    @Test(arguments: TestDatabases.engines)
    func unchangedFindingsStayAndChangedOnesAreWritten(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            try await check(SQLCaseStore(store), store)
        }
    }

    func check(_ cases: SQLCaseStore, _ store: SQLStore) async throws {
        let a = try await cases.create(CaseRecord(patient: Patient(id: "refresh-a")), findings: [finding("same")], by: "u", at: 10)
        let b = try await cases.create(CaseRecord(patient: Patient(id: "refresh-b")), findings: [finding("before")], by: "u", at: 11)
        let c = try await cases.create(CaseRecord(patient: Patient(id: "refresh-c")), findings: [finding("kept")], by: "u", at: 12)
        // A mark the comparison ignores (the list key follows from the case): it survives only
        // if a's unchanged row is left in place, not deleted and written again — so the stored
        // findings were read back exactly (on PostgreSQL by PostgresNIO's decoders).
        try await store.write { db in
            try await db.update("findings").set("list_key", to: SQLBind("untouched")).where("case_id", .equal, SQLBind(a.id)).run()
        }
        let refreshed = try await cases.refresh([
            .init(id: a.id, version: a.version, findings: [finding("same")], reassessOn: 20_500),  // unchanged
            .init(id: b.id, version: b.version, findings: [finding("after", .urgent), finding("second")], reassessOn: 20_600),  // changed
            .init(id: c.id, version: c.version + 1, findings: [finding("stale")], reassessOn: 20_700),  // edited since it was read
        ])
        #expect(refreshed == 2)
        // Each refreshed case keeps its next day, whether its findings changed or not; the one
        // edited meanwhile keeps its own write's (0: due at the next run).
        let due = try await cases.duePage(onOrBefore: Assessment.neverDue, after: nil, limit: 10)
        #expect(due.map(\.id) == [c.id, a.id, b.id])
        #expect(due.map(\.reassessOn) == [0, 20_500, 20_600])
        #expect(try await cases.duePage(onOrBefore: 20_500, after: nil, limit: 10).map(\.id) == [c.id, a.id])
        #expect(try await cases.duePage(onOrBefore: 20_600, after: (20_500, a.id), limit: 10).map(\.id) == [b.id])
        #expect(try await cases.dueCount(onOrBefore: 20_599) == 2)
        #expect(try await cases.findings(caseId: a.id).map(\.title.en) == ["same"])
        let marks = try await store.read { db in
            try await db.select().column("list_key").from("findings").where("case_id", .equal, SQLBind(a.id)).all()
                .map { try $0.decode(column: "list_key", as: String?.self) }
        }
        #expect(marks == ["untouched"])
        #expect(try await cases.findings(caseId: b.id).map(\.title.en) == ["after", "second"])
        #expect(try await cases.findings(caseId: c.id).map(\.title.en) == ["kept"])
        // The list's counts follow the new findings.
        let listed = try await cases.list(CaseListFilter(today: "2026-12-01"), limit: 10, offset: 0)
        #expect(listed.first?.id == b.id && listed.first?.urgent == 1)
    }

    /// Many changed cases in one batch: each gets its own findings, counts and next day.
    @Test(arguments: TestDatabases.engines)
    func everyChangedCaseOfABatchGetsItsOwnFindings(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let cases = SQLCaseStore(store)
            var batch: [SQLCaseStore.Reassessed] = []
            for index in 0..<250 {
                let stored = try await cases.create(CaseRecord(patient: Patient(id: "many-\(index)")), findings: [finding("old")], by: "u", at: Int64(index))
                let findings = (0...(index % 4)).map { finding("new \(index) #\($0)", $0 == 0 && index % 2 == 0 ? .urgent : .warning) }
                batch.append(.init(id: stored.id, version: stored.version, findings: findings, reassessOn: 20_000 + Int64(index)))
            }
            #expect(try await cases.refresh(batch) == 250)
            for (index, item) in batch.enumerated() where index % 37 == 0 || index == 249 {
                #expect(try await cases.findings(caseId: item.id).map(\.title.en) == (0...(index % 4)).map { "new \(index) #\($0)" })
            }
            let due = try await cases.duePage(onOrBefore: Assessment.neverDue, after: nil, limit: 300)
            #expect(due.map(\.reassessOn) == (0..<250).map { 20_000 + Int64($0) })
            let listed = try await cases.list(CaseListFilter(today: "2026-12-01"), limit: 300, offset: 0)
            #expect(listed.count == 250)
            for summary in listed {
                let index = try #require(Int(summary.patientId.dropFirst("many-".count)))
                #expect(summary.urgent == (index % 2 == 0 ? 1 : 0))
                #expect(summary.warnings == index % 4 + (index % 2 == 0 ? 0 : 1))
            }
        }
    }

    /// After a new rule set most cases' findings are what they were: such a case is marked as
    /// assessed under the new rule set without its findings being written again — but a finding
    /// whose row differs in anything (here its worklist, as an older rule set mapped it) is.
    @Test(arguments: TestDatabases.engines)
    func aNewRuleSetMarksUnchangedCasesAndRewritesChangedRows(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            try await checkNewRuleSet(store)
        }
    }

    func checkNewRuleSet(_ store: SQLStore) async throws {
        let cases = SQLCaseStore(store)
        let spine = Finding(
            ruleId: "surgery.spine.noms", severity: .urgent, duty: .surgery, specialty: .orthopaedics, subject: .patient,
            title: LocalizedText(en: "unstable", zh: "不稳定"), detail: LocalizedText(en: "d", zh: "d"), sources: [])
        let a = try await cases.create(CaseRecord(patient: Patient(id: "rules-a")), findings: [finding("same")], by: "u", at: 10)
        let b = try await cases.create(CaseRecord(patient: Patient(id: "rules-b")), findings: [spine], by: "u", at: 11)
        // Both were assessed under an older rule set; b's finding sat on no worklist then.
        try await store.write { db in
            try await db.update("cases").set("rule_set_version", to: SQLBind("2000.1.1")).run()
            try await db.update("findings").set("worklist", to: SQLBind(String?.none)).set("list_key", to: SQLBind(String?.none))
                .where("case_id", .equal, SQLBind(b.id)).run()
            // …and its write stored the digest of those rows (M0022) and of each row (M0026).
            let rows = try await SQLCaseStore.storedFindings(of: [b.id], in: db)[b.id] ?? []
            try await db.update("cases").set("findings_digest", to: SQLBind(SQLCaseStore.findingsDigest(of: rows))).where("id", .equal, SQLBind(b.id)).run()
            for (position, row) in rows.enumerated() {
                try await db.update("findings").set("row_digest", to: SQLBind(SQLCaseStore.rowDigest(row)))
                    .where("case_id", .equal, SQLBind(b.id)).where("position", .equal, SQLBind(position)).run()
            }
        }
        let slug = try #require(Worklists.slug(of: spine))
        #expect(try await cases.worklist(slug, viewer: nil, after: nil, limit: 10).isEmpty)
        let refreshed = try await cases.refresh([
            .init(id: a.id, version: a.version, findings: [finding("same")], reassessOn: 20_500),
            .init(id: b.id, version: b.version, findings: [spine], reassessOn: 20_500),
        ])
        #expect(refreshed == 2)
        #expect(try await cases.get(id: a.id)?.ruleSetVersion == RuleSet.version)
        #expect(try await cases.get(id: b.id)?.ruleSetVersion == RuleSet.version)
        #expect(try await cases.findings(caseId: a.id).map(\.title.en) == ["same"])
        #expect(try await cases.worklist(slug, viewer: nil, after: nil, limit: 10).map(\.caseId) == [b.id])
        #expect(try await cases.duePage(onOrBefore: 20_500, after: nil, limit: 10).map(\.reassessOn) == [20_500, 20_500])
    }
    /// A new rule set that rewords a finding changes one row of the case, not all of them: an
    /// equal row is left in place, a reworded one gets its titles (its list key stays), a row
    /// whose severity changed is written again with its own key, rows beyond the fresh findings
    /// go and new ones come — every case's rows then read as its fresh findings, in order.
    @Test(arguments: TestDatabases.engines)
    func onlyTheRowsThatDifferAreWritten(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            try await checkRowsThatDiffer(store)
        }
    }

    func checkRowsThatDiffer(_ store: SQLStore) async throws {
        let cases = SQLCaseStore(store)
        func spine(_ title: String, _ severity: Severity) -> Finding {
            Finding(
                ruleId: "surgery.spine.noms", severity: severity, duty: .surgery, specialty: .orthopaedics, subject: .lesion("T9"),
                title: LocalizedText(en: title, zh: title + "（中文）"), detail: LocalizedText(en: "d", zh: "d"), sources: [])
        }
        let before = [finding("a"), finding("b"), spine("c", .warning), finding("d", .urgent)]
        let a = try await cases.create(CaseRecord(patient: Patient(id: "rows-a")), findings: before, by: "u", at: 10)
        let b = try await cases.create(CaseRecord(patient: Patient(id: "rows-b")), findings: before, by: "u", at: 11)
        try await store.write { db in
            try await db.update("findings").set("list_key", to: SQLBind("untouched")).where("case_id", .in, SQLBind.group([a.id, b.id])).run()
        }
        let freshA = [finding("a"), finding("b reworded"), spine("c", .urgent), finding("d", .urgent), finding("e")]
        let freshB = [finding("a"), spine("b now spine", .warning)]
        #expect(try await cases.refresh([
            .init(id: a.id, version: a.version, findings: freshA, reassessOn: 20_500),
            .init(id: b.id, version: b.version, findings: freshB, reassessOn: 20_500),
        ]) == 2)
        let rows = try await store.read { db in
            try await SQLCaseStore.storedFindings(of: [a.id, b.id], in: db)
        }
        #expect(rows[a.id] == freshA.map(SQLCaseStore.comparable))
        #expect(rows[b.id] == freshB.map(SQLCaseStore.comparable))
        #expect(try await cases.findings(caseId: a.id).map(\.title.en) == ["a", "b reworded", "c", "d", "e"])
        #expect(try await cases.findings(caseId: a.id).map(\.severity) == [.warning, .warning, .urgent, .urgent, .warning])
        let keys = try await store.read { db in
            try await db.select().column("case_id").column("position").column("list_key").from("findings")
                .where("case_id", .in, SQLBind.group([a.id, b.id])).orderBy("case_id").orderBy("position").all()
                .map { (try $0.decode(column: "case_id", as: String.self), try $0.decode(column: "position", as: Int.self), try $0.decode(column: "list_key", as: String?.self)) }
        }
        let keysA = keys.filter { $0.0 == a.id }.map(\.2)
        // a, b (reworded) and d stayed; c was written again with the key of its new severity.
        #expect(keysA[0] == "untouched" && keysA[1] == "untouched" && keysA[3] == "untouched")
        #expect(keysA[2] == SQLCaseStore.findingKey(severity: .urgent, updatedAt: 10, caseId: a.id, position: 2))
        #expect(keysA[4] == nil)
        let keysB = keys.filter { $0.0 == b.id }.map(\.2)
        #expect(keysB == ["untouched", SQLCaseStore.findingKey(severity: .warning, updatedAt: 11, caseId: b.id, position: 1)])
        // The spine worklist holds a's urgent row and b's new one.
        let slug = try #require(Worklists.slug(of: spine("x", .urgent)))
        #expect(Set(try await cases.worklist(slug, viewer: nil, after: nil, limit: 10).map(\.caseId)) == [a.id, b.id])
    }
}
