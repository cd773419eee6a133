@testable import BoneMetRules
import Testing

/// cb143-d (unseen record, 2026-12-07): no known primary, multiple lytic lesions, a man of 71,
/// 70 kg, creatinine 190 µmol/L (Cockcroft–Gault 31.2 mL/min), calcium 2.9 mmol/L with albumin
/// 32 g/L (corrected 3.06 mmol/L, 12.3 mg/dL), zoledronic acid 4 mg planned. The dose finding said
/// "Zoledronic acid 3.0 mg for CrCl 31.2 mL/min (ordered 4.0 mg)" as a warning beside the calcium
/// finding's "zoledronic acid 4 mg IV … no CrCl adjustment" — two findings contradicting each
/// other — and "No dental examination before zoledronic acid" as a warning, as if the emergency
/// waited for the dentist. The Zometa label: hypercalcaemia of malignancy 4 mg, no adjustment
/// while creatinine is < 4.5 mg/dL; the CrCl bands are SRE prevention's. Rule set 2026.12.388.
@Suite struct PlannedZoledronicInHypercalcaemiaTests {
    func record(calciumMmol: Double = 2.9, creatinine: (Double, String) = (190, "µmol/L"), kg: Double = 70, ordered: Double = 4) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.patient.birthDate = day("1954-04-01")
        r.patient.weights = [WeightRecord(date: day("2025-09-01"), kg: kg)]
        r.treatments = [Treatment(id: "Z", kind: .boneModifyingAgent, planned: true, agent: .zoledronicAcid, doseMg: ordered)]
        r.labs = [
            LabResult(date: day("2025-09-01"), test: .calcium, value: calciumMmol, unit: "mmol/L"),
            LabResult(date: day("2025-09-01"), test: .albumin, value: 32, unit: "g/L"),
            LabResult(date: day("2025-09-01"), test: .creatinine, value: creatinine.0, unit: creatinine.1),
        ]
        return r
    }

    func assessed(_ r: CaseRecord) -> Assessment { assess(r, asOf: day("2025-09-03")) }

    @Test func theFirstDoseIsTheHypercalcaemiasAndTheBandIsForTheDosesAfterIt() throws {
        let a = assessed(record())
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.title.en == "Zoledronic acid 4 mg for the hypercalcaemia, then 3.0 mg for CrCl 31.2 mL/min")
        #expect(dose.title.zhHans == "唑来膦酸：高钙血症时 4 mg，此后按肌酐清除率 31.2 mL/min 用 3.0 mg")
        #expect(dose.severity == .advisory)
        #expect(dose.detail.en.contains("for the hypercalcaemia on record (corrected calcium 12.3 mg/dL on 2025-09-01) the label's 4 mg needs no CrCl adjustment while creatinine is < 4.5 mg/dL"))
        #expect(dose.detail.en.contains("the doses after it, with calcium normal, are 3.0 mg."))
        #expect(dose.sources.contains(LabRules.zometaHypercalcaemia))
        let calcium = try #require(a.rule("labs.hypercalcaemia").first)
        #expect(calcium.detail.en.contains("zoledronic acid 4 mg IV"))
        let dental = try #require(a.rule("boneAgents.dentalExam").first)
        #expect(dental.severity == .advisory)
        #expect(dental.detail.en.contains("its first dose treats the hypercalcaemia on record, which does not wait for it"))
        #expect(dental.detail.zhHans.contains("首剂用于治疗病历中的高钙血症"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    /// Calcium normal: SRE prevention's dose, the order of 4 mg a warning, the teeth first.
    @Test func calciumNormalTheBandIsTheDose() throws {
        let a = assessed(record(calciumMmol: 2.3))
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.title.en == "Zoledronic acid 3.0 mg for CrCl 31.2 mL/min (ordered 4.0 mg)")
        #expect(dose.severity == .warning)
        #expect(try #require(a.rule("boneAgents.dentalExam").first).severity == .warning)
    }

    /// Below the label's 12 mg/dL (3.0 mmol/L) with no hypercalcaemia event the dose is SRE
    /// prevention's (rule set 2026.12.316): 2.85 mmol/L with albumin 32 g/L is 3.01 corrected —
    /// 12.05 mg/dL; 2.80 is 2.96 — 11.85 mg/dL.
    @Test func theLabelsTwelveIsTheBoundary() throws {
        #expect(try #require(assessed(record(calciumMmol: 2.85)).rule("boneAgents.zoledronic.dose").first).title.en.hasPrefix("Zoledronic acid 4 mg for the hypercalcaemia"))
        #expect(try #require(assessed(record(calciumMmol: 2.80)).rule("boneAgents.zoledronic.dose").first).title.en == "Zoledronic acid 3.0 mg for CrCl 31.2 mL/min (ordered 4.0 mg)")
    }

    /// An order above the label's 4 mg is a warning whatever the calcium; creatinine ≥ 4.5 mg/dL
    /// bars the hypercalcaemia dose (the calcium finding names denosumab), so the band speaks.
    @Test func aboveFourOrTheKidneysBarringIt() throws {
        let eight = try #require(assessed(record(ordered: 8)).rule("boneAgents.zoledronic.dose").first)
        #expect(eight.title.en == "Zoledronic acid 4 mg for the hypercalcaemia, then 3.0 mg for CrCl 31.2 mL/min (ordered 8.0 mg)")
        #expect(eight.severity == .warning)
        // 150 kg, creatinine 4.6 mg/dL: CrCl (140 − 71) × 150 ÷ (72 × 4.6) = 31.3 mL/min.
        let barred = try #require(assessed(record(creatinine: (4.6, "mg/dL"), kg: 150)).rule("boneAgents.zoledronic.dose").first)
        #expect(barred.title.en == "Zoledronic acid 3.0 mg for CrCl 31.3 mL/min (ordered 4.0 mg)")
        #expect(barred.severity == .warning)
    }
}

/// cb143-f (unseen record, 2026-12-07): a prostate cancer's lesion row noted "L3-L5椎体" (no
/// level: a span names no one vertebra) and a course "L3-L5 姑息放疗 30Gy/10F" with no lesions.
/// The course placed nothing — no radiotherapy to bone among the SREs, no "already irradiated"
/// on the spine finding. A course now covers a row standing for several vertebrae when it names
/// every one of them. Rule set 2026.12.388.
@Suite struct CourseOnARowOfSeveralVertebraeTests {
    let rows = [
        Lesion(id: "V", bone: .vertebra, note: "L3-L5椎体"),
        Lesion(id: "W", bone: .vertebra, note: "T12、L1椎体"),
        Lesion(id: "F", bone: .femur, laterality: .left, note: "左股骨近端"),
    ]

    @Test func aCourseNamingEveryVertebraOfTheRowPlacesIt() {
        #expect(Lesion.placed(by: "L3-L5 姑息放疗 30Gy/10F", among: rows) == ["V"])
        #expect(Lesion.placed(by: "L2-S1 放疗", among: rows) == ["V"])
        #expect(Lesion.placed(by: "T12-L1 30Gy/10F", among: rows) == ["W"])
        #expect(Lesion.placed(by: "胸11至腰5 放疗", among: rows) == ["V", "W"])
    }

    @Test func aCourseCoveringPartOfTheRowPlacesNothing() {
        #expect(Lesion.placed(by: "L4 SBRT 24Gy/3F", among: rows).isEmpty)
        #expect(Lesion.placed(by: "L3-L4 放疗", among: rows).isEmpty)
        #expect(Lesion.placed(by: "T12 放疗", among: rows).isEmpty)
    }

    @Test func theCourseIsRadiotherapyToBoneAndTheLesionIsIrradiated() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: "前列腺腺癌，mCRPC", diagnosed: day("2021-01"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, note: "L3-L5椎体")]
        r.studies = [ImagingStudy(id: "C1", date: day("2025-01-15"), modality: .ct, windows: [.bone], coverage: [.lumbarSpine], observations: [
            observation("V", .blastic) { $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
        ])]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "亮丙瑞林", start: day("2021-01-10")),
            Treatment(id: "R1", kind: .radiotherapy, name: "L3-L5 姑息放疗 30Gy/10F", start: day("2024-12-01"), end: day("2024-12-13")),
        ]
        let a = assess(r, asOf: day("2025-01-21"))
        let sre = try #require(a.rule("boneAgents.sreHistory").first)
        #expect(sre.detail.en.contains("2024-12-01 radiotherapy to bone, vertebra (L3-L5椎体)"), "\(sre.detail.en)")
        let spine = try #require(a.rule("surgery.spine.noms").first)
        #expect(spine.detail.en.contains("Already irradiated (L3-L5 姑息放疗 30Gy/10F 2024-12-01–2024-12-13 (radiotherapy); cumulative 30.0 Gy)"))
    }
}

/// cb145-c (unseen record, 2026-12-07): a lobular breast cancer of January 2021 on fulvestrant and
/// abemaciclib and denosumab 120 mg since May 2024 — its two latest monthly doses listed, no
/// interval — first imaged in May 2026 (C2, pelvis). The bone disease was known since the agent
/// began, yet the record read "Biopsy indicated: long disease-free interval (5 years)" and
/// "Myeloma in the differential". Denosumab 120 mg is the bone-metastasis dose (Xgeva; the
/// bone-loss dose is 60 mg every 6 months); doses on record ≤ 12 weeks apart are the metastatic
/// schedule. Rule set 2026.12.388.
@Suite struct MetastaticBoneScheduleWithoutIntervalTests {
    func agent(_ agent: BoneAgent, mg: Double, doses: [String], interval: Int? = nil) -> Treatment {
        Treatment(id: "D", kind: .boneModifyingAgent, start: day(doses[0]), agent: agent, doseMg: mg, intervalWeeks: interval, doses: doses.map(day))
    }

    @Test func theDoseOrTheGapsAreTheSchedule() {
        #expect(agent(.denosumab, mg: 120, doses: ["2024-05-05"]).isMetastaticBoneSchedule)
        #expect(!agent(.denosumab, mg: 60, doses: ["2024-05-05", "2024-11-05"]).isMetastaticBoneSchedule)
        #expect(agent(.zoledronicAcid, mg: 4, doses: ["2024-05-05", "2024-07-28"]).isMetastaticBoneSchedule)  // 84 days
        #expect(!agent(.zoledronicAcid, mg: 4, doses: ["2024-05-05", "2024-07-29"]).isMetastaticBoneSchedule)  // 85 days
        #expect(!agent(.zoledronicAcid, mg: 4, doses: ["2024-05-05", "2024-11-05"]).isMetastaticBoneSchedule)  // adjuvant, 6-monthly
        #expect(!agent(.zoledronicAcid, mg: 4, doses: ["2024-05-05"], interval: 26).isMetastaticBoneSchedule)
    }

    func record(mg: Double) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1966-09-01")
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性小叶癌 ER+ PR+ HER2-", diagnosed: day("2021-01-01"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("C2"))]
        r.studies = [ImagingStudy(id: "C1", date: day("2026-06-02"), modality: .ct, windows: [.bone], coverage: [.cervicalSpine], observations: [
            observation("V", .lytic) { $0.boneDestruction = true },
        ])]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "氟维司群+阿贝西利", start: day("2024-05-01")),
            Treatment(id: "D1", kind: .boneModifyingAgent, start: day("2024-05-05"), agent: .denosumab, doseMg: mg, doses: [day("2026-04-10"), day("2026-05-08")]),
        ]
        return r
    }

    @Test func theBoneDiseaseWasKnownSinceTheAgentBegan() {
        let a = assess(record(mg: 120), asOf: day("2026-06-04"))
        let interval = { (a: Assessment) in
            a.findings.contains { $0.ruleId.hasPrefix("diagnosis.biopsy") && ($0.title.en + $0.detail.en).contains("long disease-free interval") }
        }
        #expect(!interval(a))
        #expect(!a.has("diagnosis.differential.myeloma"))
        // The bone-loss dose says nothing of bone metastases: the interval stands.
        let loss = assess(record(mg: 60), asOf: day("2026-06-04"))
        #expect(interval(loss))
        #expect(loss.has("diagnosis.differential.myeloma"))
    }
}

/// cb146-b (unseen record, 2026-12-07): a prostate cancer's T8 graded ESCC 2 on the MRI of
/// 2025-09-10 with myelopathy recorded in 2025-09, and a course "T8 20Gy/5F" dated 2025-09 — no
/// day. The spine finding read the course as before the MRI ("already irradiated … a
/// re-irradiation decision") without a word that it may have been this compression's treatment.
/// The emergency stands (the earliest day the month can mean is before the study); the question
/// is asked. Rule set 2026.12.389.
@Suite struct CourseDatedByItsMonthBesideTheGradingTests {
    func record(start: String) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2024"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T8"))]
        r.studies = [ImagingStudy(id: "M1", date: day("2025-09-10"), modality: .mri, coverage: [.thoracicSpine], observations: [
            observation("V", .blastic) { $0.escc = .g2; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral },
        ])]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "goserelin + abiraterone", systemicClass: .endocrine, start: day("2024-03")),
            Treatment(id: "R1", kind: .radiotherapy, name: "T8 20Gy/5F", start: day(start)),
        ]
        r.neurology = [NeurologyRecord(date: day("2025-09"), status: .myelopathy, frankel: .D, lesion: "V")]
        return r
    }

    func noms(_ start: String) throws -> Finding {
        try #require(assess(record(start: start), asOf: day("2025-10-01")).rule("surgery.spine.noms").first)
    }

    @Test func theMonthHoldingTheStudyAsksForTheDay() throws {
        let f = try noms("2025-09")
        #expect(f.severity == .urgent)
        #expect(f.detail.en.contains("The course dated 2025-09 has no day: whether it began before the study of 2025-09-10 or after it is not on record — record its first day; begun after it, it is this compression's treatment."), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("该疗程仅记录到 2025-09：无法判断其开始于 2025-09-10 检查之前还是之后"))
    }

    /// A day before the study, or a month wholly before it: the course came first — no question.
    @Test func aCourseWhollyBeforeTheStudyIsNotAsked() throws {
        for start in ["2025-09-01", "2025-08"] {
            let f = try noms(start)
            #expect(f.detail.en.contains("Already irradiated"), "\(start)")
            #expect(!f.detail.en.contains("has no day"), "\(start)")
        }
    }
}

/// A generated record (g131, 2026-12-07): a bladder cancer of 2019 — a long disease-free
/// interval — with a blastic proximal femur first seen before cisplatin and gemcitabine, fixation
/// planned months into it. `diagnosis.differential.solitaryBeforeFixation` said "biopsy before
/// fixing … Obtain pathology first" (claim: biopsy first) beside the Mirels finding's "fix it …
/// tissue at the operation: a needle biopsy of blastic bone under systemic therapy would likely
/// sample reactive bone" (claim: fix now) — a contradiction of claims. Blastic under therapy, the
/// tissue is the operation's: frozen section before any implant. Rule set 2026.12.389.
@Suite struct FrozenSectionForABlasticLesionUnderTherapyTests {
    func record(_ character: LesionCharacter) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .bladder, diagnosed: day("2019-04-03"))]
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .proximal, laterality: .left)]
        r.studies = [
            ImagingStudy(id: "C0", date: day("2025-03-01"), modality: .ct, windows: [.bone], coverage: [.pelvis, .leftLowerLimb], observations: [
                observation("F", character) { $0.boneDestruction = character != .blastic },
            ]),
            ImagingStudy(id: "X0", date: day("2025-03-02"), modality: .xray, observations: [
                observation("F", character) { $0.fractionOfDiameter = 0.67 },
            ]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "cisplatin+gemcitabine", drugs: ["cisplatin", "gemcitabine"], start: day("2025-03-13")),
            Treatment(id: "S1", kind: .surgery, lesions: ["F"], planned: true, procedure: .prophylacticFixation),
        ]
        r.pain = [PainRecord(date: day("2025-03-02"), lesion: "F", mirels: .functional)]
        return r
    }

    @Test func blasticUnderTherapyTheTissueIsTheOperations() throws {
        let a = assess(record(.blastic), asOf: day("2025-08-30"))
        let f = try #require(a.rule("diagnosis.differential.solitaryBeforeFixation").first)
        #expect(f.title.en == "left femur, proximal: frozen section at the operation before fixing an undiagnosed lesion")
        #expect(f.title.zhHans == "左股骨近端：病灶未确诊，内固定前须行术中冰冻病理")
        #expect(f.severity == .warning)
        #expect(f.detail.en.contains("send tissue for frozen section at the operation and place no implant before it answers"))
        #expect(!f.detail.en.contains("Obtain pathology first"))
        #expect(f.claims == [Claim(.fixation, about: "F", "fixNow")])
        // The blastic lesion's finding knows surgery is proposed: it leaves the tissue to it.
        let blastic = try #require(a.rule("diagnosis.biopsy.blasticAfterTherapy").first)
        #expect(blastic.detail.en.contains("Surgery is proposed for this lesion: follow the surgical finding on tissue before fixation."))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    @Test func lyticTheBiopsyComesFirst() throws {
        let a = assess(record(.lytic), asOf: day("2025-08-30"))
        let f = try #require(a.rule("diagnosis.differential.solitaryBeforeFixation").first)
        #expect(f.title.en == "left femur, proximal: biopsy before fixing an undiagnosed lesion")
        #expect(f.severity == .urgent)
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }
}

/// Generated records (2026-12-07): an impending fracture at the fixation threshold with an
/// orthopaedic or MDT decision since its scoring study is a warning quoting the decision — yet its
/// title still said "urgent orthopaedic referral". The referral has happened: the title says the
/// decision is on record; a transfer or trial still to come keeps it urgent, and so its title.
/// Rule set 2026.12.390.
@Suite struct ImpendingFractureWithADecisionTitleTests {
    func record(decision: Bool, transfer: String? = nil) -> CaseRecord {
        var r = baseCase()
        r.studies.append(ImagingStudy(id: "X1", date: day("2023-03-21"), modality: .xray, observations: [
            observation("L1", .lytic) { $0.fractionOfDiameter = 0.7 },
        ]))
        r.pain = [PainRecord(date: day("2023-03-21"), lesion: "L1", mirels: .functional)]
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-06"), decalcification: .edta, result: .metastasis)]
        if decision { r.decisions = [MDTDecision(date: day("2023-03-25"), decision: "MDT：建议先行放疗，暂不手术", specialty: .orthopaedics)] }
        r.plans.transfer = transfer.map(day)
        return r
    }

    func mirels(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-03-28")).rule("surgery.mirels.impendingFracture").first)
    }

    @Test func theDecisionOnRecordIsTheTitlesWord() throws {
        let f = try mirels(record(decision: true))
        #expect(f.severity == .warning)
        #expect(f.title.en == "left femur, diaphysis: impending fracture (Mirels 11) — prophylactic fixation, decision on record (2023-03-25)", "\(f.title.en)")
        #expect(f.title.zhHans.hasSuffix("——预防性内固定，已有决定（2023-03-25）"), "\(f.title.zhHans)")
        #expect(f.detail.en.contains("«MDT：建议先行放疗，暂不手术»"))
    }

    @Test func noDecisionOrATransferToComeIsUrgent() throws {
        for r in [record(decision: false), record(decision: true, transfer: "2023-04-02")] {
            let f = try mirels(r)
            #expect(f.severity == .urgent)
            #expect(f.title.en.hasSuffix("— prophylactic fixation, urgent orthopaedic referral"), "\(f.title.en)")
        }
    }
}

/// cb147-a (unseen record, 2026-12-07): a 16-year-old's osteosarcoma relapsing in bone — a blastic
/// L4 beside a mixed ilium, lung nodules — read "unexplained pure blastic lesion with uptake —
/// pathology needed": "no treatment or history to explain it". Osteosarcoma forms tumour bone; its
/// bone metastases are often sclerotic (Crombé A et al. J Clin Med 2024;13:5710). Rule set
/// 2026.12.392.
@Suite struct OsteosarcomaBlasticMetastasisTests {
    func record(_ site: PrimarySite) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("2009-04-04")
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2025-01-10"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L4"))]
        r.studies = [
            survey("B1", "2026-02-20", ["V"]),
            ImagingStudy(id: "C1", date: day("2026-02-25"), modality: .ct, windows: [.bone], coverage: [.lumbarSpine], observations: [observation("V", .blastic)]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "MAP", drugs: ["methotrexate", "doxorubicin", "cisplatin"], start: day("2025-01-20"), end: day("2025-10-30"), stopReason: .completed)]
        return r
    }

    @Test func osteosarcomaExplainsTheSclerosis() throws {
        let a = assess(record(.osteosarcoma), asOf: day("2026-03-01"))
        let f = try #require(a.rule("diagnosis.blastic.explained").first)
        #expect(f.detail.en == "Osteosarcoma forms tumour bone (osteoid matrix): its bone metastases are often sclerotic (Crombé 2024); biopsy only if the picture is atypical.")
        #expect(f.sources.contains(DiagnosisRules.crombe2024))
        #expect(!a.has("diagnosis.blastic.uptakeBiopsy"))
        // Another sarcoma does not explain it.
        #expect(!assess(record(.sarcoma), asOf: day("2026-03-01")).has("diagnosis.blastic.explained"))
    }
}
