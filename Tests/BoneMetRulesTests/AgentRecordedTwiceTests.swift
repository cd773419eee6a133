@testable import BoneMetRules
import Testing

/// cb82-q (unseen record, 2026-12-05): zoledronic acid entered twice — Z1 with doses to May, Z2
/// with the same doses and June's. Read apart: "dose due since 2026-06-04" from Z1 while Z2
/// recorded that dose, and every finding of the course twice. One agent and dose class over
/// overlapping spans is one course (rule set 2026.12.316).
@Suite struct AgentRecordedTwiceTests {
    func zoledronic(_ id: String, _ doses: [String], end: String? = nil, doseMg: Double = 4) -> Treatment {
        Treatment(
            id: id, kind: .boneModifyingAgent, start: day(doses[0]), end: end.map(day), agent: .zoledronicAcid, doseMg: doseMg, intervalWeeks: 4,
            doses: doses.map(day))
    }

    func record(_ courses: [Treatment]) -> CaseRecord {
        var r = baseCase()
        r.treatments += courses
        r.dentalExams = [day("2023-01-05")]
        r.labs = [LabResult(date: day("2023-01-06"), test: .creatinine, value: 0.8, unit: "mg/dL")]
        return r
    }

    @Test func overlappingRowsAreOneCourse() throws {
        let a = assess(record([
            zoledronic("Z1", ["2023-01-12", "2023-02-09", "2023-03-09"]),
            zoledronic("Z2", ["2023-01-12", "2023-02-09", "2023-03-09", "2023-04-06"]),
        ]), asOf: day("2023-04-20"))
        let twice = try #require(a.rule("boneAgents.recordedTwice").first)
        #expect(twice.title.en == "Zoledronic acid recorded as 2 courses over the same time (Z1, Z2) — read as one")
        #expect(twice.detail.en.contains("2023-01-12, 2023-02-09, 2023-03-09, 2023-04-06"))
        #expect(twice.detail.zhHans.contains("按一个疗程（Z1）读取"))
        // June's dose is the last: nothing due on 2023-04-20; one dose finding, one choice.
        #expect(!a.has("boneAgents.doseDue"))
        #expect(a.rule("boneAgents.zoledronic.dose").count == 1)
        #expect(a.rule("boneAgents.choice").count == 1)
        // Either row may come first.
        let b = assess(record([
            zoledronic("Z2", ["2023-01-12", "2023-02-09", "2023-03-09", "2023-04-06"]),
            zoledronic("Z1", ["2023-01-12", "2023-02-09", "2023-03-09"]),
        ]), asOf: day("2023-04-20"))
        #expect(!b.has("boneAgents.doseDue") && b.has("boneAgents.recordedTwice"))
    }

    /// A course ended, and one begun after it, are two courses; a bone-loss dose beside the
    /// SRE-prevention dose is another regimen.
    @Test func aCourseAfterAnEndedOneOrAnotherDoseClassStaysApart() {
        let apart = assess(record([
            zoledronic("Z1", ["2023-01-12", "2023-02-09"], end: "2023-02-09"),
            zoledronic("Z2", ["2023-03-20"]),
        ]), asOf: day("2023-04-20"))
        #expect(!apart.has("boneAgents.recordedTwice"))
        let classes = assess(record([
            Treatment(id: "D60", kind: .boneModifyingAgent, start: day("2023-01-12"), agent: .denosumab, doseMg: 60, intervalWeeks: 26, doses: [day("2023-01-12")]),
            Treatment(id: "D120", kind: .boneModifyingAgent, start: day("2023-03-01"), agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: [day("2023-03-01")]),
        ]), asOf: day("2023-03-10"))
        #expect(!classes.has("boneAgents.recordedTwice"))
    }
}

/// cb82-r: letrozole from 2025-12 and "来曲唑 2.5mg qd (续方)" from 2026-03, both open — a renewed
/// order, the first never closed — were listed as two regimens in every response window. One
/// regimen; not when another regimen began in between (a restart) or the later row has an end
/// (rule set 2026.12.316).
@Suite struct RenewedOrderTests {
    func window(_ treatments: [Treatment]) throws -> [String] {
        var r = baseCase()
        r.treatments = treatments
        let a = assess(r, asOf: day("2023-04-01"))
        let point = try #require(a.timePoints.first { $0.study == "S2" })
        return point.treatments
    }

    func letrozole(_ id: String, _ start: String, end: String? = nil) -> Treatment {
        Treatment(id: id, kind: .systemic, name: id == "T1" ? "来曲唑" : "来曲唑 2.5mg qd (续方)", drugs: ["letrozole"], systemicClass: .endocrine, start: day(start), end: end.map(day))
    }

    @Test func aRenewedOpenOrderContinuesTheRegimen() throws {
        #expect(try window([letrozole("T1", "2023-01-10"), letrozole("T2", "2023-02-20")]) == ["T1"])
        // The later row closed: kept apart (which end holds is not on record).
        #expect(try window([letrozole("T1", "2023-01-10"), letrozole("T2", "2023-02-20", end: "2023-03-10")]).count == 2)
        // Another regimen in between: a restart, kept apart.
        let capecitabine = Treatment(id: "C", kind: .systemic, name: "卡培他滨", drugs: ["capecitabine"], start: day("2023-02-01"), end: day("2023-02-15"))
        #expect(try window([letrozole("T1", "2023-01-10"), capecitabine, letrozole("T2", "2023-02-20")]).contains("T2"))
    }
}
