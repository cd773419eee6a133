import BoneMetRules
import Foundation
import Testing

/// ehr36 (unseen US bundle, 2026-12-06): a castration-resistant prostate cancer's cord compression,
/// "dexamethasone 10 mg IV" administered the same evening (one MedicationAdministration: a course
/// of one day). The emergency read "dexamethasone 16 mg as soon as possible" as if none had been
/// given. A course begun for the compression and over by the day assessed is named, with the
/// question whether it goes on (NICE NG234's 16 mg asked for only if it does not). Rule set
/// 2026.12.340.
@Suite struct DexamethasoneGivenOnceTests {
    func detail(_ steroid: Treatment?, asOf: String = "2023-01-06") throws -> LocalizedText {
        var r = spineCompressionCase(
            primary: PrimaryCancer(id: "P1", site: .breast, histologyType: .ductalCarcinoma, diagnosed: day("2022-06")),
            performance: PerformanceStatus(date: day("2023-01-04"), ecog: 2), visceral: [])
        r.neurology = [NeurologyRecord(date: day("2023-01-04"), status: .myelopathy, frankel: .C, lesion: "L1")]
        r.treatments = steroid.map { [$0] } ?? []
        return try #require(assess(r, asOf: day(asOf)).rule("surgery.spine.noms").first).detail
    }

    func dexamethasone(start: String, end: String?) -> Treatment {
        Treatment(id: "DEX", kind: .systemic, name: "dexamethasone 10 mg IV", drugs: ["dexamethasone"], start: day(start), end: end.map(day))
    }

    @Test func aDoseGivenAndOverIsNamedWithTheQuestion() throws {
        let once = try detail(dexamethasone(start: "2023-01-04", end: "2023-01-04"))
        #expect(once.en.contains("an emergency: dexamethasone given on 2023-01-04 (dexamethasone 10 mg IV), none on record since — confirm it goes on (16 mg as soon as possible if not);"), "\(once.en)")
        #expect(once.zhHans.contains("地塞米松已于 2023-01-04 给予（dexamethasone 10 mg IV），此后无记录——请确认是否继续（如未继续，尽快给予 16 mg）；"), "\(once.zhHans)")
        #expect(!once.en.contains("dexamethasone on record since"))
        let course = try detail(dexamethasone(start: "2023-01-04", end: "2023-01-05"))
        #expect(course.en.contains("dexamethasone given 2023-01-04–2023-01-05 (dexamethasone 10 mg IV), none on record since"), "\(course.en)")
        // Still running on the day assessed: on record, no question.
        #expect(try detail(dexamethasone(start: "2023-01-04", end: "2023-01-10")).en.contains("dexamethasone on record since 2023-01-04"))
        // Begun more than a week before the deficit: not for it — asked for.
        #expect(try detail(dexamethasone(start: "2022-12-20", end: "2022-12-21")).en.contains("dexamethasone 16 mg as soon as possible"))
    }
}

/// ehr36: zoledronic acid administered on 2026-07-03 and 2026-10-02, its interval not sent. "Dose due
/// since 2026-10-30 (every 4 weeks assumed)" — a 12-weekly course (CALGB 70604) read as five weeks
/// late. Known doses all more than 8 weeks apart — nearer 12 weeks than 3–4 — make the 12-week
/// schedule the assumed one, said as assumed. Rule set 2026.12.340.
@Suite struct TwelveWeeklyByItsDosesTests {
    func due(_ doses: [String], interval: Int? = nil, asOf: String = "2027-02-01") -> Finding? {
        var r = baseCase()
        r.treatments.append(Treatment(
            id: "ZO", kind: .boneModifyingAgent, name: "zoledronic acid 4 mg IV", start: day(doses[0]), agent: .zoledronicAcid, doseMg: 4,
            intervalWeeks: interval, doses: doses.map(day)))
        r.labs = [LabResult(date: day("2026-06-25"), test: .creatinine, value: 0.8, unit: "mg/dL")]
        r.dentalExams = [day("2026-06-20")]
        return assess(r, asOf: day(asOf)).rule("boneAgents.doseDue").first
    }

    @Test func dosesTwelveWeeksApartAreATwelveWeekCourse() throws {
        let finding = try #require(due(["2026-07-03", "2026-10-02"]))
        #expect(finding.date == day("2026-12-25"))
        #expect(finding.detail.en.contains("interval not recorded — the doses on record stand 13 weeks apart, so every 12 weeks is assumed (CALGB 70604); record it"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("病历中各剂相隔 13 周，故按每 12 周计"))
        // Not yet due on a day before it.
        #expect(due(["2026-07-03", "2026-10-02"], asOf: "2026-12-01") == nil)
    }

    @Test func theBoundaryAndTheOtherCases() throws {
        // Exactly 8 weeks apart: the 4-week schedule, the earlier due day.
        #expect(try #require(due(["2026-08-07", "2026-10-02"])).date == day("2026-10-30"))
        // 8 weeks and a day: 12 weeks.
        #expect(try #require(due(["2026-08-06", "2026-10-02"])).date == day("2026-12-25"))
        // One gap of four weeks among them: not a 12-week course.
        #expect(try #require(due(["2026-06-05", "2026-07-03", "2026-10-02"])).date == day("2026-10-30"))
        // A single dose: nothing to read an interval from.
        #expect(try #require(due(["2026-10-02"])).detail.en.contains("every 4 weeks assumed"))
        // Recorded: the record's.
        #expect(try #require(due(["2026-07-03", "2026-10-02"], interval: 4)).date == day("2026-10-30"))
    }
}

/// cb97-d (unseen record, 2026-12-06): a renal-cell T12 decompressed and instrumented in May
/// ("T12后路减压+T10-L2椎弓根钉内固定术"), L1 clear on that month's MRI and destroyed, collapsed in
/// November. The span of the name placed the operation on L1 too: "Treated: … (surgery). No
/// radiotherapy after it is on record", an SRE "surgery to bone, T12, L1", and L1's tissue to be
/// found at the operation. A lesion looked for and not seen up to a treatment's day is not placed
/// on it by its name. Rule set 2026.12.341.
@Suite struct NotThereToBeTreatedTests {
    func record(l1InMay: Bool?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histologyType: .renalCellCarcinoma, diagnosed: day("2022-01"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T12")), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L1"))]
        var may = [observation("L1", .lytic) { $0.boneDestruction = true; $0.escc = .g2; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .bilateral }]
        if let l1InMay { may.append(observation("L2", l1InMay ? .lytic : nil) { $0.present = l1InMay; $0.boneDestruction = l1InMay ? true : nil }) }
        r.studies = [
            ct("C1", "2023-05-02", may),
            ct("C2", "2023-11-20", [
                observation("L1", .lytic) { $0.boneDestruction = true },
                observation("L2", .lytic) { $0.boneDestruction = true; $0.collapse = .over50; $0.alignment = .normal; $0.posterolateral = .unilateral },
            ]),
        ]
        r.treatments = [Treatment(id: "S1", kind: .surgery, name: "T12后路减压+T10-L2椎弓根钉内固定术", start: day("2023-05-09"))]
        r.performance = [PerformanceStatus(date: day("2023-11-20"), ecog: 1)]
        r.neurology = [NeurologyRecord(date: day("2023-11-20"), status: .intact)]
        r.pain = [PainRecord(date: day("2023-11-20"), lesion: "L2", sins: .mechanical, nrs: 7)]
        return r
    }

    func l1(_ r: CaseRecord) throws -> Finding {
        let a = assess(r, asOf: day("2023-11-29"))
        return try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("L2") }, "\(a.findings.map(\.ruleId))")
    }

    @Test func aVertebraClearBeforeTheOperationWasNotOperatedOn() throws {
        let absent = try l1(record(l1InMay: false))
        #expect(!absent.detail.en.contains("Treated: T12后路减压"), "\(absent.detail.en)")
        #expect(absent.detail.en.contains("spine-surgery consultation"), "\(absent.detail.en)")
        let sre = try #require(assess(record(l1InMay: false), asOf: day("2023-11-29")).rule("boneAgents.sreHistory").first)
        #expect(sre.detail.en.contains("2023-05-09 surgery to bone, T12 vertebra;"), "\(sre.detail.en)")
        // Seen in May, or never looked at before: the name places it, as before.
        #expect(try l1(record(l1InMay: true)).detail.en.contains("Treated: T12后路减压"))
        #expect(try l1(record(l1InMay: nil)).detail.en.contains("Treated: T12后路减压"))
    }

    @Test func theLatestReadingUpToTheDayDecides() throws {
        // Clear in May, seen on the day of the operation: there when it was operated on.
        var seenThatDay = record(l1InMay: false)
        seenThatDay.studies.append(ct("C3", "2023-05-09", [observation("L2", .lytic) { $0.boneDestruction = true }]))
        #expect(try l1(seenThatDay).detail.en.contains("Treated: T12后路减压"))
        // Seen in January, clear in May: the latest reading before the operation decides.
        var clearedSince = record(l1InMay: false)
        clearedSince.studies.insert(ct("C0", "2023-01-02", [observation("L2", .lytic) { $0.boneDestruction = true }]), at: 0)
        #expect(try !l1(clearedSince).detail.en.contains("Treated: T12后路减压"))
    }
}

/// cb98-a (unseen record, 2026-12-06): a breast cancer seven years from its primary, a femoral
/// lesion given a sclerotic rim under capecitabine and found filled in on the next CT — after the
/// capecitabine had stopped for toxicity and fulvestrant had run 80 days. "Answered by healing under
/// hormonal therapy, as only a hormone-sensitive cancer does — no biopsy on that account", while
/// the interval's own response said the change was not one regimen's alone. Healing answers the
/// question under hormonal therapy only when every regimen since the lesion's previous reading is
/// hormonal. Rule set 2026.12.342.
@Suite struct HealedUnderHormonalTherapyAloneTests {
    func record(between: [Treatment]) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2015-01"), hormoneDependent: true)]
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .right), Lesion(id: "L2", bone: .pelvis, laterality: .left)]
        r.studies = [
            ct("C0", "2023-01-05", [observation("L1", .lytic, [20, 15]) { $0.boneDestruction = true }, observation("L2", .lytic, [30, 25]) { $0.boneDestruction = true }]),
            ct("C1", "2023-06-01", [observation("L1", .mixed, [18, 14]) { $0.boneDestruction = true; $0.scleroticRim = true }, observation("L2", .lytic, [30, 25]) { $0.boneDestruction = true }]),
            ct("C2", "2024-01-10", [observation("L1", .blastic) { $0.boneDestruction = false; $0.fillIn = .complete }, observation("L2", .mixed, [38, 30]) { $0.boneDestruction = true }]),
        ]
        r.treatments = between
        return r
    }

    func answered(_ r: CaseRecord) -> Bool {
        assess(r, asOf: day("2024-01-20")).findings.contains { $0.title.en.contains("answered by healing under hormonal therapy") }
    }

    @Test func healedAfterChemotherapyIsNotHormonalHealing() {
        let capecitabine = Treatment(id: "T1", kind: .systemic, name: "capecitabine", drugs: ["capecitabine"], systemicClass: .chemotherapy, start: day("2023-01-10"), end: day("2023-09-20"), stopReason: .toxicity)
        let fulvestrant = Treatment(id: "T2", kind: .systemic, name: "fulvestrant", drugs: ["fulvestrant"], systemicClass: .endocrine, start: day("2023-10-20"))
        #expect(!answered(record(between: [capecitabine, fulvestrant])))
        // Hormonal therapy alone since the previous reading: answered, as before.
        let letrozole = Treatment(id: "T1", kind: .systemic, name: "letrozole", drugs: ["letrozole"], systemicClass: .endocrine, start: day("2023-01-10"))
        #expect(answered(record(between: [letrozole])))
        // A CDK4/6 inhibitor beside it is no chemotherapy.
        let palbociclib = Treatment(id: "T1", kind: .systemic, name: "letrozole + palbociclib", drugs: ["letrozole", "palbociclib"], systemicClass: .endocrine, start: day("2023-01-10"))
        #expect(answered(record(between: [palbociclib])))
    }
}

/// cb98-d (unseen record, 2026-12-06): a renal-cell cancer's denosumab, its last dose on
/// 2026-01-05 and no stop recorded, and T12 and L2 collapsed without destruction on the CT of
/// 2026-10-20. The course was read as running: no rebound fracture in the differential, and its
/// "dose due since 2026-02-02" an advisory naming no fracture. A course whose dose fell due and was
/// not given within `regimenGapDays` (56) of it had lapsed by then — as a stop, on its due day.
/// Rule set 2026.12.343.
@Suite struct LapsedDenosumabReboundTests {
    func record(fracturedOn: String, lastDose: String = "2026-01-05", end: String? = nil) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histologyType: .renalCellCarcinoma, diagnosed: day("2021-05"))]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .right), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("T12")), Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L2"))]
        r.studies = [
            ct("C0", "2025-09-01", [observation("L1", .lytic, [40, 35]) { $0.boneDestruction = true }, observation("L2") { $0.present = false }, observation("L3") { $0.present = false }]),
            ct("C1", fracturedOn, [
                observation("L1", .lytic, [41, 35]) { $0.boneDestruction = true },
                observation("L2") { $0.boneDestruction = false; $0.collapse = .under50; $0.fracture = true },
                observation("L3") { $0.boneDestruction = false; $0.collapse = .under50; $0.fracture = true },
            ]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "cabozantinib", drugs: ["cabozantinib"], systemicClass: .targeted, start: day("2024-06-01")),
            Treatment(id: "B1", kind: .boneModifyingAgent, name: "denosumab", start: day("2023-01-10"), end: end.map(day), agent: .denosumab, doseMg: 120,
                      intervalWeeks: 4, doses: [day("2025-11-10"), day("2025-12-08"), day(lastDose)]),
        ]
        return r
    }

    @Test func aLapsedCourseIsAStopForTheRebound() throws {
        let a = assess(record(fracturedOn: "2026-10-20"), asOf: day("2026-11-01"))
        let rebound = try #require(a.rule("diagnosis.differential.fractureAfterDenosumab").first)
        #expect(rebound.title.en == "2 vertebral fractures after denosumab lapsed (due 2026-02-02, not given): T12 vertebra; L2 vertebra — rebound fractures in the differential", "\(rebound.title.en)")
        #expect(rebound.title.zhHans.contains("地舒单抗中断（2026-02-02 应给药而未给）后"))
        let due = try #require(a.rule("boneAgents.doseDue").first)
        #expect(due.severity == .warning)
        #expect(due.detail.en.contains("T12 vertebra (2026-10-20), L2 vertebra (2026-10-20)"), "\(due.detail.en)")
        // A recorded stop is said as before.
        let stopped = assess(record(fracturedOn: "2026-10-20", end: "2026-01-05"), asOf: day("2026-11-01"))
        #expect(stopped.rule("diagnosis.differential.fractureAfterDenosumab").first?.title.en.contains("after denosumab was stopped (2026-01-05)") == true)
    }

    @Test func theGapIsTheBoundary() {
        // Due 2026-02-02; 56 days on is 2026-03-30: a fracture that day finds the course still running.
        #expect(!assess(record(fracturedOn: "2026-03-30"), asOf: day("2026-04-10")).has("diagnosis.differential.fractureAfterDenosumab"))
        #expect(assess(record(fracturedOn: "2026-03-31"), asOf: day("2026-04-10")).has("diagnosis.differential.fractureAfterDenosumab"))
        // Given on time: running.
        #expect(!assess(record(fracturedOn: "2026-10-20", lastDose: "2026-10-01"), asOf: day("2026-11-01")).has("diagnosis.differential.fractureAfterDenosumab"))
    }
}

/// cb99-c (unseen record, 2026-12-06): letrozole from 2026-01-08; on the CT of 2026-05-04 — the day
/// letrozole + palbociclib began — L1 gained a rim and a new sclerotic pelvic lesion appeared.
/// The regimen begun that day was taken as the therapy of the study: "new sclerosis is
/// osteoblastic flare — seen within 12 weeks of a new therapy" at 16½ weeks of letrozole. A regimen
/// begun on a study's day was begun after it; the study is read under the regimen before, as its
/// treatment window already showed. Rule set 2026.12.344.
@Suite struct RegimenBegunOnTheStudysDayTests {
    func record(ctOn: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L1")), Lesion(id: "L3", bone: .pelvis, laterality: .right)]
        r.studies = [
            ct("C0", "2026-01-05", [observation("L1", .lytic, [20, 18]) { $0.boneDestruction = true }, observation("L3") { $0.present = false }]),
            ct("C2", ctOn, [
                observation("L1", .mixed, [19, 17]) { $0.boneDestruction = true; $0.scleroticRim = true },
                observation("L3", .blastic, [10, 9]) { $0.boneDestruction = false },
            ]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "letrozole", drugs: ["letrozole"], systemicClass: .endocrine, start: day("2026-01-08"), end: day(ctOn)),
            Treatment(id: "T2", kind: .systemic, name: "letrozole + palbociclib", drugs: ["letrozole", "palbociclib"], systemicClass: .endocrine, start: day(ctOn)),
        ]
        return r
    }

    func pelvis(_ r: CaseRecord, asOf: String) -> (flareFinding: Bool, reason: String) {
        let a = assess(r, asOf: day(asOf))
        let point = a.findings.first { $0.ruleId == "boneHealth.mda.timePoint" && $0.detail.en.contains("right pelvis:") }
        let reason = point?.detail.en.components(separatedBy: "right pelvis: ").last ?? ""
        return (a.findings.contains { $0.title.en.contains("new sclerosis is osteoblastic flare") }, reason)
    }

    @Test func theStudyIsReadUnderTheRegimenBefore() {
        // 16½ weeks of letrozole: past the flare window — new sclerosis under therapy, not flare.
        let late = pelvis(record(ctOn: "2026-05-04"), asOf: "2026-05-10")
        #expect(!late.flareFinding)
        #expect(late.reason.hasPrefix("SD — new sclerotic (blastic) lesion, new sclerosis under therapy is not progression by itself"), "\(late.reason)")
        // 10 weeks of letrozole, the new regimen begun that day: flare under letrozole, as before it would not have been.
        let inWindow = pelvis(record(ctOn: "2026-03-19"), asOf: "2026-03-25")
        #expect(inWindow.flareFinding)
        #expect(inWindow.reason.hasPrefix("PR"), "\(inWindow.reason)")
    }

    /// PCWG3 judges no scan under a regimen left on its day: enzalutamide's scan of the switch,
    /// two new foci, was "confirmed" by docetaxel's first scan — beside that scan's own "await
    /// confirmation" (cb99-d).
    @Test func aScanOfTheSwitchIsNoPCWG3ScanOfTheRegimenLeft() {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2018-01"), castrationResistant: true)]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L2")), Lesion(id: "L2", bone: .pelvis, laterality: .left)]
        func scan(_ id: String, _ date: String, new: Int?) -> ImagingStudy {
            var study = survey(id, date, ["L1", "L2"])
            study.unnamedNewLesions = new
            return study
        }
        r.studies = [scan("B0", "2026-01-08", new: nil), scan("B1", "2026-03-20", new: 2), scan("B2", "2026-05-15", new: 3)]
        r.treatments = [
            Treatment(id: "T0", kind: .systemic, name: "ADT", drugs: ["leuprorelin"], systemicClass: .endocrine, start: day("2018-02-01")),
            Treatment(id: "T1", kind: .systemic, name: "enzalutamide", drugs: ["enzalutamide"], systemicClass: .endocrine, start: day("2026-01-10"), end: day("2026-03-20"), stopReason: .progression),
            Treatment(id: "T2", kind: .systemic, name: "docetaxel", drugs: ["docetaxel", "prednisone"], systemicClass: .chemotherapy, start: day("2026-03-20")),
        ]
        let a = assess(r, asOf: day("2026-05-20"))
        #expect(!a.findings.contains { $0.title.en.contains("progression confirmed (PCWG3") }, "\(a.findings.map(\.title.en))")
        #expect(a.findings.contains { $0.title.en.contains("3 new lesions on the bone scan of 2026-05-15 await confirmation") })
    }
}

/// cb99-e (unseen record, 2026-12-06): zoledronic acid since 2020, a subtrochanteric fracture
/// without destruction in 2026 — the atypical-fracture differential said "fracture of the femoral
/// shaft". Rule set 2026.12.344.
@Suite struct AtypicalFemurSiteWordsTests {
    func detail(_ segment: BoneSegment) throws -> LocalizedText {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: segment, laterality: .right)]
        r.studies = [
            ct("C0", "2020-03-01", [observation("L1") { $0.present = false }]),
            ImagingStudy(id: "X1", date: day("2026-10-10"), modality: .xray, observations: [observation("L1") { $0.fracture = true; $0.boneDestruction = false }]),
        ]
        r.treatments = [Treatment(id: "B1", kind: .boneModifyingAgent, name: "zoledronic acid", start: day("2020-03-15"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 12, doses: [day("2026-09-01")])]
        return try #require(assess(r, asOf: day("2026-10-20")).rule("diagnosis.differential.atypicalFemoralFracture").first).detail
    }

    @Test func theFractureIsNamedWhereItIs() throws {
        let sub = try detail(.peritrochanteric)
        #expect(sub.en.hasPrefix("Subtrochanteric femoral fracture (2026-10-10)"), "\(sub.en)")
        #expect(sub.zhHans.hasPrefix("2026-10-10 股骨转子下骨折"))
        #expect(try detail(.diaphysis).en.hasPrefix("Fracture of the femoral shaft (2026-10-10)"))
    }
}

/// cb99-f (unseen record, 2026-12-06): a 27-year-old with no cancer on record, an eccentric lytic
/// epiphyseal lesion of the distal radius — the giant cell tumour differential said "a cancer
/// history does not make it a metastasis". Said only where a cancer is on record. Rule set 2026.12.344.
@Suite struct GiantCellTumourHistoryWordsTests {
    func detail(primary: Bool) throws -> LocalizedText {
        var r = baseCase()
        r.patient.birthDate = day("1999-07-07")
        if !primary { r.primaries = [] }
        r.lesions = [Lesion(id: "L1", bone: .radius, segment: .distal, laterality: .right)]
        r.studies = [ImagingStudy(id: "X1", date: day("2026-11-01"), modality: .xray, observations: [
            observation("L1", .lytic) { $0.boneDestruction = true; $0.epiphyseal = true; $0.eccentric = true },
        ])]
        r.treatments = []
        return try #require(assess(r, asOf: day("2026-11-20")).rule("diagnosis.differential.giantCellTumour").first).detail
    }

    @Test func theHistoryIsNamedWhereThereIsOne() throws {
        let none = try detail(primary: false)
        #expect(!none.en.contains("cancer history") && none.en.hasSuffix("Obtain pathology before treating."), "\(none.en)")
        #expect(!none.zhHans.contains("肿瘤病史"))
        #expect(try detail(primary: true).en.contains("A cancer history does not make it a metastasis"))
    }
}
