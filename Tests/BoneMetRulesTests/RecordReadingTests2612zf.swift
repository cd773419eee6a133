import BoneMetRules
import Testing

/// cb91-b and cb91-c (unseen records, 2026-12-06): a myeloma's pamidronate 90 mg every 4 weeks
/// with no serum creatinine on record, and the same course on a creatinine of six months before,
/// drew nothing about the kidneys. The Aredia label: serum creatinine before each treatment; not
/// recommended for bone metastases in severe renal impairment (CrCl < 30); withheld when creatinine
/// rose 0.5 mg/dL over a normal baseline, 1.0 over an abnormal one. Rule set 2026.12.328.
@Suite struct PamidronateCreatinineTests {
    func record(creatinine: [(String, Double)] = [], egfr: Double? = nil, planned: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.labs = creatinine.map { LabResult(date: day($0.0), test: .creatinine, value: $0.1, unit: "mg/dL") }
        if let egfr { r.labs.append(LabResult(date: day("2023-03-01"), test: .egfr, value: egfr, unit: "mL/min/1.73m2")) }
        r.treatments.append(planned
            ? Treatment(id: "P1", kind: .boneModifyingAgent, planned: true, agent: .pamidronate, doseMg: 90, intervalWeeks: 4)
            : Treatment(
                id: "P1", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .pamidronate, doseMg: 90, intervalWeeks: 4,
                doses: [day("2023-01-20"), day("2023-02-17"), day("2023-03-17")]))
        return r
    }

    @Test func noCreatinineOnRecordIsAWarningNamingTheLabel() throws {
        let a = assess(record(), asOf: day("2023-03-21"))
        let finding = try #require(a.rule("boneAgents.pamidronate.creatinineUnknown").first)
        #expect(finding.severity == .warning && finding.specialty == .medicalOncology && finding.subject == .treatment("P1"))
        #expect(finding.title.en == "Pamidronate: no serum creatinine on record — check it before the next dose")
        #expect(finding.title.zhHans == "帕米膦酸二钠：无血肌酐记录——下次给药前请检查")
        #expect(finding.detail.en.contains("severe renal impairment (CrCl < 30 mL/min)"))
        #expect(finding.sources.map(\.id) == ["aredia", "arediaRenal"])
        #expect(!a.has("boneAgents.pamidronate.creatinineDue"))
        // Planned: before the first dose.
        let planned = try #require(assess(record(planned: true), asOf: day("2023-03-21")).rule("boneAgents.pamidronate.creatinineUnknown").first)
        #expect(planned.title.en.hasSuffix("check it before the first dose"))
    }

    @Test func anEGFRBelowThirtyIsNamedButIsNotTheCreatinine() throws {
        let finding = try #require(assess(record(egfr: 25), asOf: day("2023-03-21")).rule("boneAgents.pamidronate.creatinineUnknown").first)
        #expect(finding.detail.en.contains("The eGFR on record (25 mL/min/1.73 m², 2023-03-01) is not the label's measure: its withholding rule compares serum creatinine with its baseline."), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("Below 30 it points to severe renal impairment"))
        let above = try #require(assess(record(egfr: 30), asOf: day("2023-03-21")).rule("boneAgents.pamidronate.creatinineUnknown").first)
        #expect(!above.detail.en.contains("Below 30"))
    }

    /// The creatinine is due once one interval (4 weeks) and two weeks have passed since the
    /// later of the creatinine and the course's start — the day before, nothing.
    @Test func aCreatinineOlderThanOneIntervalAndTwoWeeksIsDue() throws {
        let a = assess(record(creatinine: [("2023-02-01", 0.8)]), asOf: day("2023-03-15"))
        let due = try #require(a.rule("boneAgents.pamidronate.creatinineDue").first)
        #expect(due.severity == .advisory)
        #expect(due.title.en == "Pamidronate: no serum creatinine on record since 2023-02-01 — check it before the next dose")
        #expect(due.title.zhHans == "帕米膦酸二钠：2023-02-01 后无血肌酐记录——下次给药前请复查")
        #expect(due.sources.map(\.id) == ["arediaRenal"])
        #expect(!a.has("boneAgents.pamidronate.creatinineUnknown") && !a.has("boneAgents.zoledronic.creatinineDue"))
        #expect(!assess(record(creatinine: [("2023-02-01", 0.8)]), asOf: day("2023-03-14")).has("boneAgents.pamidronate.creatinineDue"))
    }

    @Test func zoledronicAcidsOwnFindingKeepsItsName() throws {
        var r = record(creatinine: [("2023-01-15", 0.8)])
        r.treatments[r.treatments.count - 1].agent = .zoledronicAcid
        r.treatments[r.treatments.count - 1].doseMg = 4
        let due = try #require(assess(r, asOf: day("2023-03-15")).rule("boneAgents.zoledronic.creatinineDue").first)
        #expect(due.title.en == "Zoledronic acid: no serum creatinine on record since 2023-01-15 — check it before the next dose")
        #expect(due.title.zhHans == "唑来膦酸：2023-01-15 后无血肌酐记录——下次给药前请复查")
    }
}

/// cb91-a and cb91-d (unseen records, 2026-12-06): a lung cancer's destructive distal phalanx at
/// NRS 7 and a renal cancer's calcaneus with a soft-tissue mass had no surgical finding — Mirels
/// was derived on the long bones of the limbs. Rule set 2026.12.328: the hand and foot have the
/// unscored bones' "orthopaedic oncology to judge".
@Suite struct HandFootUnscoredTests {
    func record(_ bone: Bone, fracture: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "G", bone: bone, laterality: .right)]
        r.studies = [ct("C1", "2025-10-16", [observation("G", .lytic, [15, 10]) { $0.boneDestruction = true; $0.fracture = fracture ? true : nil }])]
        r.pain = [PainRecord(date: day("2025-10-16"), lesion: "G", nrs: 7)]
        return r
    }

    @Test func aDestroyedPhalanxIsJudgedByOrthopaedicOncology() throws {
        let finding = try #require(assess(record(.hand), asOf: day("2025-10-20")).rule("surgery.handFoot.noValidatedScore").first)
        #expect(finding.severity == .advisory && finding.specialty == .orthopaedics)
        #expect(finding.title.en == "right hand: bone destruction — no validated score; orthopaedic oncology to judge")
        #expect(finding.title.zhHans == "右手骨：骨质破坏——无经验证的评分，由骨肿瘤科判断")
        #expect(finding.detail.en.contains("protection from load, radiotherapy or surgery"))
        #expect(finding.detail.en.contains("Pain on record: NRS 7 (2025-10-16)."))
    }

    @Test func theFootCarriesWeight() throws {
        let intact = try #require(assess(record(.foot), asOf: day("2025-10-20")).rule("surgery.handFoot.noValidatedScore").first)
        #expect(intact.detail.en.contains("protected weight bearing, radiotherapy or surgery"))
        let broken = try #require(assess(record(.foot, fracture: true), asOf: day("2025-10-20")).rule("surgery.handFoot.noValidatedScore").first)
        #expect(broken.severity == .warning && broken.title.en == "right foot: pathological fracture — orthopaedic assessment")
        #expect(broken.detail.en.contains("treated with protected weight bearing"))
        let hand = try #require(assess(record(.hand, fracture: true), asOf: day("2025-10-20")).rule("surgery.handFoot.noValidatedScore").first)
        #expect(hand.detail.en.contains("treated with immobilisation"))
    }

    @Test func notWithoutDestruction() {
        var r = record(.hand)
        r.studies = [ct("C1", "2025-10-16", [observation("G", .blastic, [15, 10]) { $0.boneDestruction = false }])]
        #expect(!assess(r, asOf: day("2025-10-20")).has("surgery.handFoot.noValidatedScore"))
    }
}

/// ehr25 (unseen bundle, 2026-12-06): zoledronic acid 4 mg once for a corrected calcium of 12.2
/// mg/dL, denosumab begun a month later for SRE prevention, read "two bone-modifying agents on
/// record at once — confirm the switch". A bisphosphonate given only to treat hypercalcaemia (every
/// dose a hypercalcaemia dose, no interval recorded) before the other agent began is a treatment
/// done, not an open course. Rule set 2026.12.329.
@Suite struct HypercalcaemiaDoseBeforeASwitchTests {
    func record(calcium: Double, interval: Int? = nil) -> CaseRecord {
        var r = baseCase()
        r.labs = [
            LabResult(date: day("2023-02-01"), test: .calcium, value: calcium, unit: "mg/dL"),
            LabResult(date: day("2023-02-01"), test: .albumin, value: 4.0, unit: "g/dL"),
            LabResult(date: day("2023-02-01"), test: .creatinine, value: 0.8, unit: "mg/dL"),
            LabResult(date: day("2023-03-01"), test: .calcium, value: 9.4, unit: "mg/dL"),
        ]
        r.dentalExams = [day("2023-01-20")]
        r.treatments += [
            Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-02-02"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: interval, doses: [day("2023-02-02")]),
            Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-03-02"), agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: [day("2023-03-02")]),
        ]
        return r
    }

    @Test func aHypercalcaemiaDoseThenDenosumabIsNoConcurrentCourse() {
        // Corrected calcium 12.0 mg/dL: the Zometa label's hypercalcaemia of malignancy.
        let a = assess(record(calcium: 12.0), asOf: day("2023-03-20"))
        #expect(!a.has("boneAgents.concurrent"))
        // The zoledronic acid is set aside all the same: no dose due, no "alternative" for it.
        #expect(!a.findings.contains { $0.subject == .treatment("Z") })
    }

    @Test func aCourseOrANormalCalciumStillAsksToConfirmTheSwitch() {
        // Just under 12 with no hypercalcaemia recorded: SRE prevention's dose.
        #expect(assess(record(calcium: 11.9), asOf: day("2023-03-20")).has("boneAgents.concurrent"))
        // A monthly course is a course, whatever its first dose treated.
        #expect(assess(record(calcium: 12.0, interval: 4), asOf: day("2023-03-20")).has("boneAgents.concurrent"))
    }
}

/// cb91-b (unseen record, 2026-12-06): "Pamidronate: the alternative is denosumab" beside a
/// monthly course under way said "Myeloma bone disease: start a bone-modifying agent". Beside a
/// course already given the indication is said as one ("indicated"); a planned course keeps
/// "start". Rule set 2026.12.330.
@Suite struct IndicationBesideAGivenCourseTests {
    @Test func aGivenCourseIsIndicatedAPlannedOneStarts() throws {
        var r = baseCase()
        r.treatments.append(Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: [day("2023-01-20")]))
        let given = try #require(assess(r, asOf: day("2023-02-01")).rule("boneAgents.choice").first)
        #expect(given.detail.en.hasPrefix("Breast cancer with bone metastases: indicated (ESMO 2020)."), "\(given.detail.en)")
        #expect(given.detail.zhHans.hasPrefix("乳腺癌骨转移：有适应证（ESMO 2020）。"))
        r.treatments[r.treatments.count - 1] = Treatment(id: "D", kind: .boneModifyingAgent, planned: true, agent: .denosumab, doseMg: 120, intervalWeeks: 4)
        let planned = try #require(assess(r, asOf: day("2023-02-01")).rule("boneAgents.choice").first)
        #expect(planned.detail.en.hasPrefix("Breast cancer with bone metastases: start (ESMO 2020)."), "\(planned.detail.en)")
    }
}

/// cb91-w2 (unseen record, 2026-12-06): a breast cancer's "伊班膦酸片 50mg 每日口服" was read by no
/// rule — the ibandronate dose finding covered the intravenous course only. The Bondronat tablets
/// SmPC: 50 mg daily at CrCl ≥ 50 mL/min, every other day at 30–< 50, once weekly below 30. Rule
/// set 2026.12.333.
@Suite struct IbandronateTabletTests {
    /// baseCase: a woman born 1970, 60 kg; assessed 2023-03-21 (age 53): CrCl = 87 × 60 × 0.85 /
    /// (72 × creatinine).
    func finding(creatinine: Double, weekly: Bool = false) -> Finding? {
        var r = baseCase()
        r.labs = [LabResult(date: day("2023-03-01"), test: .creatinine, value: creatinine, unit: "mg/dL")]
        r.treatments.append(Treatment(
            id: "I1", kind: .boneModifyingAgent, start: day("2023-02-01"), agent: .ibandronate, doseMg: 50, intervalWeeks: weekly ? 1 : nil))
        return assess(r, asOf: day("2023-03-21")).rule("boneAgents.ibandronate.dose").first
    }

    @Test func dailyFromFiftyEveryOtherDayFromThirtyWeeklyBelow() throws {
        // 87 × 60 × 0.85 / (72 × 1.23) = 50.1; / (72 × 1.24) = 49.7.
        let daily = try #require(finding(creatinine: 1.23))
        #expect(daily.severity == .info && daily.title.en == "Ibandronate tablets 50 mg daily for CrCl 50.1 mL/min", "\(daily.title.en)")
        let other = try #require(finding(creatinine: 1.24))
        #expect(other.severity == .advisory && other.title.en.hasPrefix("Ibandronate tablets 50 mg every other day"))
        #expect(other.title.zhHans.contains("伊班膦酸片 50 mg 隔日一次"))
        // / (72 × 2.05) = 30.06; / (72 × 2.06) = 29.9.
        #expect(try #require(finding(creatinine: 2.05)).title.en.contains("every other day"))
        let weekly = try #require(finding(creatinine: 2.06))
        #expect(weekly.title.en.contains("once weekly") && weekly.severity == .advisory)
        #expect(try #require(finding(creatinine: 2.06, weekly: true)).severity == .info)
        #expect(weekly.sources.map(\.id) == ["cockcroftGault1976", "bondronatTablets"])
    }
}
