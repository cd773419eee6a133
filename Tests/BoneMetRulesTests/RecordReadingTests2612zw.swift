import Foundation
import BoneMetRules
import Testing

/// cb162-c (unseen record, 2026-12-08): a castration-resistant prostate cancer on enzalutamide
/// from 5 March; bone scans of 10 May (2 new lesions against the baseline), 10 June (2 more, only
/// 4½ weeks on — no confirmatory scan) and 25 July (≥ 6 weeks after May; none new against June).
/// The May lesions read "flare, not progression" — counted only on July's own report — beside
/// "whether they persist is not recorded" for June's. PCWG3 counts the confirmatory scan's new
/// lesions against the first post-baseline scan (Scher HI et al. J Clin Oncol 2016;34:1402-18):
/// lesions first seen in between count while still there. Rule set 2026.12.428.
@Suite struct PCWG3MoreLesionsBetweenScansTests {
    func record(june: ImagingStudy? = nil, july: ImagingStudy? = nil) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2022-01"), castrationResistant: true)]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L3")), Lesion(id: "L2", bone: .pelvis, laterality: .right)]
        func scan(_ id: String, _ date: String, new: Int?) -> ImagingStudy {
            var study = survey(id, date, ["L1", "L2"])
            study.unnamedNewLesions = new
            return study
        }
        r.studies = [
            scan("B0", "2026-03-01", new: nil), scan("B1", "2026-05-10", new: 2),
            june ?? scan("B2", "2026-06-10", new: 2), july ?? scan("B3", "2026-07-25", new: 0),
        ]
        r.treatments = [
            Treatment(id: "T0", kind: .systemic, name: "ADT", drugs: ["goserelin"], systemicClass: .endocrine, start: day("2022-01-15")),
            Treatment(id: "T1", kind: .systemic, name: "enzalutamide", drugs: ["enzalutamide"], systemicClass: .endocrine, start: day("2026-03-05")),
        ]
        return r
    }

    func firstScan(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-08-01")).rule("boneHealth.pcwg3.firstScan").first)
    }

    @Test func moreLesionsOfAScanInBetweenNotRecordedOnTheConfirmatoryScanLeaveItOpen() throws {
        let a = assess(record(), asOf: day("2026-08-01"))
        let first = try #require(a.rule("boneHealth.pcwg3.firstScan").first)
        #expect(first.severity == .advisory)
        #expect(first.title.en == "New lesions of 2026-05-10: whether the further new lesions persist on 2026-07-25 is not recorded (PCWG3)")
        #expect(first.detail.en.contains("records 0 more; 2 more seen on a scan in between are not recorded by name on it"), "\(first.detail.en)")
        #expect(first.title.zhHans.contains("其后新增的病灶"))
        #expect(!a.findings.contains { $0.title.en.contains("were flare") })
        let may = try #require(a.rule("boneHealth.mda.timePoint").first { $0.title.en.hasPrefix("Bone scan of 2026-05-10") })
        #expect(may.title.en.hasSuffix("— 2 new lesions await PCWG3 confirmation"), "\(may.title.en)")
    }

    @Test func namedAndStillThereTheyConfirmProgressionDatedToTheFirstScan() throws {
        var r = record()
        r.lesions += [Lesion(id: "L3", bone: .rib, laterality: .left), Lesion(id: "L4", bone: .femur, laterality: .left)]
        r.studies[2] = survey("B2", "2026-06-10", ["L1", "L2", "L3", "L4"])
        r.studies[3] = survey("B3", "2026-07-25", ["L1", "L2", "L3", "L4"])
        let first = try firstScan(r)
        #expect(first.title.en == "Bone-scan progression confirmed (PCWG3 2+2), dated to 2026-05-10", "\(first.title.en)")
    }

    @Test func namedAndGoneOnTheConfirmatoryScanItWasFlare() throws {
        var r = record()
        r.lesions += [Lesion(id: "L3", bone: .rib, laterality: .left), Lesion(id: "L4", bone: .femur, laterality: .left)]
        r.studies[2] = survey("B2", "2026-06-10", ["L1", "L2", "L3", "L4"])
        var july = survey("B3", "2026-07-25", ["L1", "L2"])
        july.observations += [observation("L3") { $0.present = false }, observation("L4") { $0.present = false }]
        r.studies[3] = july
        let first = try firstScan(r)
        #expect(first.title.en.hasPrefix("New lesions on the first post-baseline bone scan were flare"), "\(first.title.en)")
    }

    @Test func oneMoreInBetweenIsBelowTheTwoMore() throws {
        // One more on June's scan, none new in July: fewer than 2 more can be there — flare, as before.
        var june = survey("B2", "2026-06-10", ["L1", "L2"])
        june.unnamedNewLesions = 1
        let first = try firstScan(record(june: june))
        #expect(first.title.en.hasPrefix("New lesions on the first post-baseline bone scan were flare"), "\(first.title.en)")
        // Two more on the confirmatory scan itself confirm, whatever the scan in between showed.
        var july = survey("B3", "2026-07-25", ["L1", "L2"])
        july.unnamedNewLesions = 2
        #expect(try firstScan(record(june: june, july: july)).title.en.hasPrefix("Bone-scan progression confirmed"))
    }
}

/// cb162-h (unseen record, 2026-12-08): a myeloma staged by a CT whose description reads
/// "全身低剂量CT" (whole-body low-dose CT, IMWG's first imaging of myeloma — Hillengass J et al.
/// Lancet Oncol 2019;20:e302-12), recorded without a coverage as an EHR sends it: "no whole-body
/// screening on record", and revised Tokuhashi's counts of sites stayed lower bounds. An X-ray, CT
/// or MRI without a coverage now covers what its description names as a whole: the whole body or
/// the whole spine. Rule set 2026.12.428.
@Suite struct WholeBodyStudyDescriptionTests {
    func record(region: String?, modality: Modality = .ct, coverage: [BodyRegion] = []) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2026-09-01"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T9")), Lesion(id: "L2", bone: .skull)]
        r.studies = [ImagingStudy(
            id: "C1", date: day("2026-09-10"), modality: modality, windows: modality == .ct ? [.bone] : [], region: region, coverage: coverage,
            observations: [
                observation("L1", modality == .mri ? nil : .lytic) { $0.boneDestruction = modality == .mri ? nil : true },
                observation("L2", modality == .mri ? nil : .lytic) { $0.boneDestruction = modality == .mri ? nil : true },
            ])]
        return r
    }

    func tokuhashi(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-10-01")).rule("surgery.prognosis.tokuhashi").first)
    }

    @Test func aWholeBodyDescriptionIsAWholeBodySurvey() throws {
        for region in ["全身低剂量CT", "Whole-body low-dose CT", "WB-LDCT", "全身骨骼X线检查"] {
            let a = assess(record(region: region), asOf: day("2026-10-01"))
            #expect(!a.findings.contains { $0.title.en == "No whole-body screening on record" }, "\(region)")
            let t = try tokuhashi(record(region: region))
            #expect(t.detail.en.contains("extraspinal bone metastasis foci: 1 → 1"), "\(region): \(t.detail.en)")
            #expect(t.detail.en.contains("vertebral body metastases: 1 → 2"), "\(region)")
        }
    }

    @Test func otherDescriptionsProveNothingAsBefore() throws {
        for region in [nil, "胸部CT", "chest CT, bone window"] as [String?] {
            let a = assess(record(region: region), asOf: day("2026-10-01"))
            #expect(a.findings.contains { $0.title.en == "No whole-body screening on record" }, "\(String(describing: region))")
            let t = try tokuhashi(record(region: region))
            #expect(t.detail.en.contains("extraspinal bone metastasis foci: at least 1 (no whole-body survey)"), "\(t.detail.en)")
        }
        // A recorded coverage wins over the description.
        let chestOnly = assess(record(region: "全身低剂量CT", coverage: [.chest]), asOf: day("2026-10-01"))
        #expect(chestOnly.findings.contains { $0.title.en == "No whole-body screening on record" })
    }

    @Test func aWholeSpineDescriptionSettlesTheVertebralBodies() throws {
        let spine = try tokuhashi(record(region: "全脊柱MRI", modality: .mri))
        #expect(spine.detail.en.contains("vertebral body metastases: 1 → 2"), "\(spine.detail.en)")
        let lumbar = try tokuhashi(record(region: "胸椎MRI", modality: .mri))
        #expect(lumbar.detail.en.contains("vertebral body metastases: at least 1 (the whole spine not imaged)"), "\(lumbar.detail.en)")
    }
}

/// cb162-m (unseen record, 2026-12-08): a HER2-positive breast cancer on zoledronic acid every 4
/// weeks, baseline creatinine 1.5 mg/dL (abnormal); 2.5 mg/dL on 30 March withheld it (a rise of
/// 1.0 over an abnormal baseline, Zometa label), 1.7 kept it withheld, 1.64 on 10 May (≤ 1.65,
/// within 10 %) ended the hold. The dose read "due since 2026-03-31", a day inside the hold, and
/// the hold's text said "after a abnormal baseline". Rule set 2026.12.428.
@Suite struct RenalHoldOverDoseDueTests {
    func record(creatinines: [(String, Double)]) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .female
        r.patient.birthDate = day("1962-08-08")
        r.patient.weights = [WeightRecord(date: day("2026-01-01"), kg: 70)]
        r.treatments = [Treatment(
            id: "Z1", kind: .boneModifyingAgent, name: "zoledronic acid", start: day("2026-01-06"), agent: .zoledronicAcid, doseMg: 3.3,
            intervalWeeks: 4, doses: [day("2026-01-06"), day("2026-02-03"), day("2026-03-03")])]
        r.labs = [LabResult(date: day("2026-01-04"), test: .creatinine, value: 1.5, unit: "mg/dL")]
            + creatinines.map { LabResult(date: day($0.0), test: .creatinine, value: $0.1, unit: "mg/dL") }
        return r
    }

    @Test func aHoldOverSinceTheLastDoseMakesItDueFromTheDayCreatinineCameBack() throws {
        let a = assess(record(creatinines: [("2026-03-30", 2.5), ("2026-04-20", 1.7), ("2026-05-10", 1.64)]), asOf: day("2026-05-12"))
        let due = try #require(a.rule("boneAgents.doseDue").first)
        #expect(due.title.en == "Zoledronic acid dose due: renal hold over on 2026-05-10", "\(due.title.en)")
        #expect(due.detail.en.contains("Withheld since creatinine 2.5 mg/dL on 2026-03-30; 1.64 mg/dL on 2026-05-10 is back within 10 % of baseline"))
        #expect(due.title.zhHans.contains("肾功能暂停已解除"))
        #expect(due.sources.contains { $0.id == "zometaLabel" })
    }

    @Test func withoutAHoldTheDueDayIsTheIntervalsAsBefore() throws {
        let a = assess(record(creatinines: [("2026-03-30", 1.55)]), asOf: day("2026-04-05"))
        let due = try #require(a.rule("boneAgents.doseDue").first)
        #expect(due.title.en == "Zoledronic acid dose due since 2026-03-31", "\(due.title.en)")
        #expect(!due.detail.en.contains("Withheld"))
    }

    @Test func theHoldSaysAnAbnormalBaseline() throws {
        let a = assess(record(creatinines: [("2026-03-30", 2.5)]), asOf: day("2026-04-05"))
        let hold = try #require(a.findings.first { $0.title.en.hasPrefix("Withhold zoledronic acid") })
        #expect(hold.detail.en.contains("withholds it after an abnormal baseline"), "\(hold.detail.en)")
        let easing = assess(record(creatinines: [("2026-03-30", 2.5), ("2026-04-20", 1.7)]), asOf: day("2026-04-25"))
        let kept = try #require(easing.findings.first { $0.title.en.hasPrefix("Keep withholding zoledronic acid") })
        #expect(kept.detail.en.contains("withholds it after an abnormal baseline"))
    }
}

/// ehr10 (unseen bundle, 2026-12-08): a myeloma with corrected calcium 11.5 mg/dL (mild, below the
/// Zometa label's hypercalcaemia of malignancy, ≥ 12 mg/dL), zoledronic acid 4 mg four days later
/// at CrCl 41: the dose check read it as the SRE course's ("3.3 mg for CrCl 41, ordered 4.0"), the
/// hypercalcaemia finding advised "retreat (zoledronic acid 4 mg, label)". The retreatment's dose
/// is the label's 4 mg only for its hypercalcaemia (≥ 12, or an episode recorded as an event).
/// Rule set 2026.12.428.
@Suite struct MildHypercalcaemiaRetreatmentDoseTests {
    func record(calcium: Double, event: Bool = false, latest: (String, Double)? = nil) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1954-03-12")
        r.patient.weights = [WeightRecord(date: day("2026-09-18"), kg: 63)]
        r.primaries = [PrimaryCancer(id: "P1", site: .myeloma, histologyType: .myeloma, diagnosed: day("2026-09-14"))]
        r.treatments = [Treatment(
            id: "Z1", kind: .boneModifyingAgent, name: "zoledronic acid", start: day("2026-09-22"), agent: .zoledronicAcid, doseMg: 4,
            doses: [day("2026-09-22")])]
        r.labs = [
            LabResult(date: day("2026-09-18"), test: .creatinine, value: 1.45, unit: "mg/dL"),
            LabResult(date: day("2026-09-18"), test: .calcium, value: calcium, unit: "mg/dL", upperLimit: 10.1),
            LabResult(date: day("2026-09-18"), test: .albumin, value: 3.15, unit: "g/dL"),
        ] + (latest.map { [LabResult(date: day($0.0), test: .calcium, value: $0.1, unit: "mg/dL", upperLimit: 10.1)] } ?? [])
        if event { r.events = [ClinicalEvent(date: day("2026-09-18"), kind: .hypercalcaemia)] }
        return r
    }

    func detail(_ r: CaseRecord, asOf: String) throws -> String {
        try #require(assess(r, asOf: day(asOf)).rule("labs.hypercalcaemia").first).detail.en
    }

    @Test func belowTheLabelsLevelTheRetreatmentIsAtTheCrClDose() throws {
        let mild = try detail(record(calcium: 10.8), asOf: "2026-10-01")
        #expect(mild.contains("retreat (zoledronic acid at the dose for the CrCl: the label's 4 mg for hypercalcaemia is for corrected calcium ≥ 12 mg/dL) or give denosumab"), "\(mild)")
        let still = try detail(record(calcium: 10.8, latest: ("2026-10-01", 10.9)), asOf: "2026-10-02")
        #expect(still.contains("days after the dose: it may be given again (zoledronic acid at the dose for the CrCl"), "\(still)")
    }

    @Test func atTheLabelsLevelOrRecordedAsAnEventItIsTheLabels4mg() throws {
        // 11.5 + 0.8 × (4.0 − 3.15) = 12.18 mg/dL corrected: the label's hypercalcaemia.
        let moderate = try detail(record(calcium: 11.5), asOf: "2026-10-01")
        #expect(moderate.contains("retreat (zoledronic acid 4 mg, label)"), "\(moderate)")
        let event = try detail(record(calcium: 10.8, event: true), asOf: "2026-10-01")
        #expect(event.contains("retreat (zoledronic acid 4 mg, label)"), "\(event)")
    }
}

/// ehr10 (unseen bundle, 2026-12-08): the myeloma's whole-body low-dose CT came as its report
/// only (no lesion recorded on it): revised Tokuhashi's counts said "no whole-body survey" beside
/// the finding that asks for that study's lesions. Rule set 2026.12.428.
@Suite struct TokuhashiReportOnlySurveyTests {
    @Test func aSurveyOnRecordAsItsReportOnlyIsSaidSo() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2026-01-01"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T9")), Lesion(id: "L2", bone: .femur, segment: .diaphysis, laterality: .right)]
        r.studies = [
            ct("C0", "2026-09-01", [observation("L1", .lytic) { $0.boneDestruction = true }, observation("L2", .lytic) { $0.boneDestruction = true }]),
            ImagingStudy(id: "W1", date: day("2026-09-10"), modality: .ct, region: "全身低剂量CT", report: "多发溶骨性骨质破坏"),
        ]
        let detail = try #require(assess(r, asOf: day("2026-10-01")).rule("surgery.prognosis.tokuhashi").first).detail
        #expect(detail.en.contains("extraspinal bone metastasis foci: at least 1 (the whole-body study on record is its report only: record its lesions)"), "\(detail.en)")
        #expect(detail.en.contains("vertebral body metastases: at least 1 (the whole-body or whole-spine study on record is its report only"))
        #expect(detail.zhHans.contains("全身检查仅有报告文本：请录入其病灶"))
        // Without it: no survey, as before.
        r.studies.removeLast()
        let before = try #require(assess(r, asOf: day("2026-10-01")).rule("surgery.prognosis.tokuhashi").first).detail
        #expect(before.en.contains("extraspinal bone metastasis foci: at least 1 (no whole-body survey)"), "\(before.en)")
    }
}

/// cb162-r (unseen record, 2026-12-08): a breast cancer's T12, lytic with no soft-tissue component
/// (0 mm, as the measurability finding asks it recorded) on the CT of December, with a 14 mm
/// component, collapse over 50 % and ESCC 2 on the CT of June: "NE — size not measured". From
/// 0 mm RECIST 1.1's 20 % holds for any growth and its 5 mm decides (Eisenhauer EA et al. Eur J
/// Cancer 2009;45:228-47). Rule set 2026.12.430.
@Suite struct SoftTissueComponentFromNoneTests {
    func reason(before: Double, after: Double) -> String {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T12"))]
        r.studies = [
            ct("C0", "2025-12-01", [observation("L1", .lytic) { $0.boneDestruction = true; $0.softTissueMm = before }]),
            ct("C1", "2026-06-20", [observation("L1", .lytic) { $0.boneDestruction = true; $0.softTissueMm = after }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", drugs: ["letrozole"], systemicClass: .endocrine, start: day("2025-12-28"))]
        let point = assess(r, asOf: day("2026-06-23")).rule("boneHealth.mda.timePoint").first
        return point?.detail.en.components(separatedBy: "T12 vertebra: ").last ?? ""
    }

    @Test func aComponentOf5mmOrMoreWhereThereWasNoneIsProgression() {
        #expect(reason(before: 0, after: 14).hasPrefix("PD — soft-tissue component 0 → 14 mm (new; RECIST 1.1: ≥ 20 % and ≥ 5 mm)"), "\(reason(before: 0, after: 14))")
        #expect(reason(before: 0, after: 5).hasPrefix("PD — soft-tissue component 0 → 5 mm"))
    }

    @Test func underFiveMillimetresIsNotAndAMeasuredComponentReadsAsBefore() {
        #expect(!reason(before: 0, after: 4.9).hasPrefix("PD"), "\(reason(before: 0, after: 4.9))")
        #expect(reason(before: 10, after: 15).hasPrefix("PD — soft-tissue component 10 → 15 mm (+50.0 %"), "\(reason(before: 10, after: 15))")
        #expect(!reason(before: 10, after: 14).hasPrefix("PD"))
    }
}

/// cb162-s (unseen record, 2026-12-08): a HER2-positive breast cancer's L3 down 78 % on the MRI at
/// 13 weeks of THP, beside a new 8 mm T11 focus: "PD — new lesion", with no word that its
/// character — read on X-ray or CT — decides whether it is new sclerosis under therapy (not
/// progression by itself; seed, MDA — Hamaoka 2004) or a new metastasis. MDA's new bone metastasis
/// stands (as `MRINewLesionReadOnCTTests`); the reading now says where it is decided. And a new
/// lesion on CT whose character is not recorded but with epidural tumour or a soft-tissue mass is
/// clearly progressive: it no longer waits on its character. Rule set 2026.12.431.
@Suite struct NewLesionCharacterOnCTTests {
    func record(t11: LesionObservation, modality: Modality = .mri) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L3")), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("T11"))]
        let spine: [BodyRegion] = [.thoracicSpine, .lumbarSpine]
        r.studies = [
            ImagingStudy(id: "S0", date: day("2026-01-14"), modality: modality, windows: modality == .ct ? [.bone] : [], coverage: spine, observations: [
                observation("L1", modality == .ct ? .lytic : nil, [30, 25]), observation("L2") { $0.present = false },
            ]),
            ImagingStudy(id: "S1", date: day("2026-04-20"), modality: modality, windows: modality == .ct ? [.bone] : [], coverage: spine, observations: [
                observation("L1", modality == .ct ? .lytic : nil, [14, 12]), t11,
            ]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "THP", drugs: ["docetaxel", "trastuzumab", "pertuzumab"], systemicClass: .chemotherapy, start: day("2026-01-20"))]
        return r
    }

    func t11(_ r: CaseRecord) throws -> LesionResponse {
        let point = try #require(assess(r, asOf: day("2026-04-25")).timePoints.first { $0.study == "S1" })
        return try #require(point.lesions.first { $0.lesion == "L2" })
    }

    @Test func anMRIsNewLesionSaysItsCharacterIsReadOnCT() throws {
        let response = try t11(record(t11: observation("L2", nil, [8, 7])))
        #expect(response.category == .progressiveDisease)
        #expect(response.reasons.last?.en.hasPrefix("its character is read on CT (bone window)") == true, "\(response.reasons)")
        #expect(response.reasons.last?.zhHans.hasPrefix("其性质需以 CT（骨窗）判读") == true)
        // With epidural tumour it is clearly progressive: no such word.
        let epidural = try t11(record(t11: observation("L2", nil, [8, 7]) { $0.escc = .g1b }))
        #expect(epidural.category == .progressiveDisease && epidural.reasons.count == 1, "\(epidural.reasons)")
    }

    @Test func aNewLesionOnCTWithEpiduralTumourIsProgressionWhateverItsCharacter() throws {
        let pending = try t11(record(t11: observation("L2", nil, [8, 7]), modality: .ct))
        #expect(pending.category == .notEvaluable, "\(pending.reasons)")
        let epidural = try t11(record(t11: observation("L2", nil, [8, 7]) { $0.escc = .g2 }, modality: .ct))
        #expect(epidural.category == .progressiveDisease, "\(epidural.reasons)")
        let mass = try t11(record(t11: observation("L2", nil, [8, 7]) { $0.softTissueMm = 12 }, modality: .ct))
        #expect(mass.category == .progressiveDisease, "\(mass.reasons)")
    }
}

/// cb162-c (unseen record, 2026-12-08): PSA 12 on the baseline scan's day, 4.1 on the first
/// post-baseline scan's day (2026-05-10), none until 2026-07-25. The window 05-10 → 06-10 read
/// "PSA 12 (2026-03-01) → 4.1": the previous window's fall, as if it were this one's. A value of
/// the window's first day is where the window starts. Rule set 2026.12.432.
@Suite struct MarkerOnTheWindowsFirstDayTests {
    @Test func aValueOfTheFirstDayStartsTheWindow() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L3"))]
        r.studies = [
            ct("C0", "2026-03-01", [observation("L1", .lytic, [20, 18]) { $0.boneDestruction = true }]),
            ct("C1", "2026-05-10", [observation("L1", .lytic, [20, 18]) { $0.boneDestruction = true }]),
            ct("C2", "2026-06-10", [observation("L1", .lytic, [20, 18]) { $0.boneDestruction = true }]),
            ct("C3", "2026-07-25", [observation("L1", .lytic, [20, 18]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", drugs: ["letrozole"], systemicClass: .endocrine, start: day("2026-03-05"))]
        r.labs = [
            LabResult(date: day("2026-03-01"), test: .ca153, value: 60, unit: "U/mL", upperLimit: 25),
            LabResult(date: day("2026-05-10"), test: .ca153, value: 30, unit: "U/mL", upperLimit: 25),
            LabResult(date: day("2026-07-25"), test: .ca153, value: 20, unit: "U/mL", upperLimit: 25),
        ]
        let points = assess(r, asOf: day("2026-08-01")).rule("boneHealth.mda.timePoint")
        func markers(_ study: String) -> String {
            points.first { $0.title.en.hasPrefix("CT of \(study)") }?.detail.en.components(separatedBy: "tumour markers: ").last ?? ""
        }
        #expect(markers("2026-05-10") == "CA 15-3 60 → 30 (abnormal)", "\(markers("2026-05-10"))")
        #expect(markers("2026-06-10") == "CA 15-3 30 (2026-05-10), not measured since (abnormal)", "\(markers("2026-06-10"))")
        #expect(markers("2026-07-25") == "CA 15-3 30 (2026-05-10) → 20 (abnormal, now normal)", "\(markers("2026-07-25"))")
        let zh = points.first { $0.title.en.hasPrefix("CT of 2026-06-10") }?.detail.zhHans ?? ""
        #expect(zh.contains("此后未复查"), "\(zh)")
    }
}

/// cb162-y (unseen record, 2026-12-08): a DLBCL diagnosed in October, its T8 lytic and FDG-avid
/// on the staging PET-CT and linked to it; in November ESCC 3 with myelopathy. The lesion read
/// "biopsy indicated: solitary bone lesion of unknown nature" and the spine finding "decompression
/// first, tissue at the operation" — not the radiotherapy a very radiosensitive tumour's
/// compression is given (NOMS; Patchell 2005 left lymphoma out). A lesion whose every candidate
/// primary is a lymphoma on record is its bone involvement, as a myeloma's is its bone disease —
/// unless a long disease-free interval has passed since. Rule set 2026.12.433.
@Suite struct LymphomaBoneInvolvementTests {
    func record(diagnosed: String = "2026-10-01") -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lymphoma, histologyType: .lymphoma, diagnosed: day(diagnosed))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T8"), primary: "P1")]
        r.studies = [
            ImagingStudy(id: "P0", date: day("2026-10-05"), modality: .petCt, observations: [
                observation("L1", .lytic) { $0.uptake = true; $0.boneDestruction = true },
            ]),
            ImagingStudy(id: "M1", date: day("2026-11-20"), modality: .mri, coverage: [.cervicalSpine, .thoracicSpine, .lumbarSpine], observations: [
                observation("L1") { $0.escc = .g3; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = .unilateral },
            ]),
        ]
        r.treatments = []
        r.pain = [PainRecord(date: day("2026-11-20"), lesion: "L1", sins: .occasional)]
        r.neurology = [NeurologyRecord(date: day("2026-11-20"), status: .myelopathy, frankel: .C, lesion: "L1")]
        return r
    }

    @Test func itsBoneLesionIsNoLesionOfUnknownNatureAndRadiotherapyLeads() throws {
        let a = assess(record(), asOf: day("2026-11-20"))
        #expect(!a.findings.contains { $0.ruleId.hasPrefix("diagnosis.biopsy") }, "\(a.findings.map(\.title.en))")
        let spine = try #require(a.findings.first { $0.subject == .lesion("L1") && $0.duty == .surgery && $0.severity == .urgent })
        #expect(spine.title.en == "T8 vertebra: SINS 5, ESCC 3 — emergency radiotherapy and spine review", "\(spine.title.en)")
        // Nor does a bone-modifying agent wait on its "diagnosis": lymphoma's own word is said.
        #expect(!a.findings.contains { $0.ruleId == "boneAgents.afterDiagnosis" })
        #expect(a.findings.contains { $0.title.en == "Lymphoma in bone: no established indication for a bone-modifying agent" })
    }

    @Test func yearsAfterTheLymphomaANewLesionStillAsksForTissue() throws {
        let a = assess(record(diagnosed: "2018-01-01"), asOf: day("2026-11-20"))
        #expect(a.findings.contains { $0.title.en.contains("Biopsy") || $0.title.en.contains("biopsy") }, "\(a.findings.map(\.title.en))")
    }
}

/// cb162-z (unseen record, 2026-12-08): a 74-year-old, no known primary, three lytic lesions, an
/// M protein of 2.8 g/dL and corrected calcium 12.1 mg/dL: the myeloma differential named the
/// calcium as a CRAB feature, the hypercalcaemia finding sent its cause to "PTHrP, PTH, vitamin D,
/// bone metastases". Rule set 2026.12.434.
@Suite struct HypercalcaemiaWithAClonalProteinTests {
    func detail(mProtein: Double?) throws -> Finding {
        var r = baseCase()
        r.primaries = []
        r.lesions = [Lesion(id: "L1", bone: .humerus, segment: .proximal, laterality: .left), Lesion(id: "L2", bone: .skull)]
        r.studies = [ct("C1", "2026-11-03", [observation("L1", .lytic) { $0.boneDestruction = true }, observation("L2", .lytic) { $0.boneDestruction = true }])]
        r.labs = [
            LabResult(date: day("2026-11-02"), test: .calcium, value: 11.6, unit: "mg/dL"),
            LabResult(date: day("2026-11-02"), test: .albumin, value: 3.4, unit: "g/dL"),
        ] + (mProtein.map { [LabResult(date: day("2026-11-02"), test: .mProtein, value: $0, unit: "g/dL")] } ?? [])
        return try #require(assess(r, asOf: day("2026-11-05")).rule("labs.hypercalcaemia").first)
    }

    @Test func theCauseNamesTheMyelomaOfTheDifferential() throws {
        let clonal = try detail(mProtein: 2.8)
        #expect(clonal.detail.en.contains("Look for the cause: a monoclonal protein is on record — myeloma, in the differential"), "\(clonal.detail.en)")
        #expect(clonal.sources.contains { $0.id == "rajkumar2014" })
        let none = try detail(mProtein: nil)
        #expect(none.detail.en.contains("Look for the cause: PTHrP, PTH, vitamin D, bone metastases."))
        #expect(!none.sources.contains { $0.id == "rajkumar2014" })
    }
}
