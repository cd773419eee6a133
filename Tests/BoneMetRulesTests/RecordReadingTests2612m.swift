@testable import BoneMetRules
import Testing

/// cb23-d (unseen record, 2026-12-03): a 69-year-old man, no known primary, cold lytic lesions of
/// the skull, humerus, T11 and a rib, calcium 2.92 mmol/L, creatinine 186 µmol/L, haemoglobin
/// 86 g/L — and a serum M protein of 3.1 g/dL. The myeloma differential listed the CRAB features
/// and asked to "order serum protein electrophoresis" without naming the M protein on record;
/// no rule read an M protein or a free light-chain ratio at all, and a 45-year-old's lytic lesion
/// beside a breast cancer with an M protein raised no differential. Rule set 2026.12.137: a clonal
/// protein is named among the reasons and raises the differential at any age and beside a known
/// primary when a lesion is lytic (IMWG, Rajkumar 2014: a free light-chain ratio ≥ 100 with the
/// involved chain ≥ 100 mg/L is myeloma-defining).
@Suite struct MonoclonalProteinRaisesTheMyelomaDifferentialTests {
    /// baseCase's breast cancer (2022) and lytic femur, in a woman of `born`.
    func record(born: String, labs: [LabResult]) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day(born)
        r.labs = labs
        return r
    }

    func mProtein(_ value: Double, unit: String = "g/dL") -> LabResult {
        LabResult(date: day("2023-03-18"), test: .mProtein, value: value, unit: unit)
    }

    func ratio(_ value: Double, lower: Double? = nil, upper: Double? = nil) -> LabResult {
        LabResult(date: day("2023-03-18"), test: .freeLightChainRatio, value: value, unit: "ratio", upperLimit: upper, lowerLimit: lower)
    }

    @Test func theMProteinOnRecordIsNamedInTheDifferential() throws {
        var r = record(born: "1957-02-14", labs: [mProtein(3.1)])
        r.primaries = []
        let finding = try #require(assess(r, asOf: day("2023-03-21")).rule("diagnosis.differential.myeloma").first)
        #expect(finding.detail.en.contains("a monoclonal (M) protein of 3.1 g/dL (2023-03-18)"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("血清 M 蛋白 3.1 g/dL（2023-03-18）"), "\(finding.detail.zhHans)")
        #expect(finding.inputs.contains(FindingInput("monoclonalProtein", "true")))
    }

    @Test func anMProteinRaisesItBesideAKnownPrimaryAtAnyAge() throws {
        // 43 years old, a breast cancer of 2022 and one lytic femoral lesion: without a clonal
        // protein no differential (the expected picture of metastasis, under the age setting).
        let without = assess(record(born: "1980-01-01", labs: []), asOf: day("2023-03-21"))
        #expect(without.rule("diagnosis.differential.myeloma").isEmpty)
        let with = assess(record(born: "1980-01-01", labs: [mProtein(12, unit: "g/L")]), asOf: day("2023-03-21"))
        let finding = try #require(with.rule("diagnosis.differential.myeloma").first)
        #expect(finding.detail.en.hasPrefix("Age 43 with a monoclonal (M) protein of 12 g/L (2023-03-18)."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.hasPrefix("年龄 43 岁，血清 M 蛋白 12 g/L"), "\(finding.detail.zhHans)")
    }

    @Test func anMProteinOfZeroIsNoSign() {
        let a = assess(record(born: "1980-01-01", labs: [mProtein(0)]), asOf: day("2023-03-21"))
        #expect(a.rule("diagnosis.differential.myeloma").isEmpty)
    }

    @Test func withoutALyticLesionAKnownPrimaryKeepsItsMetastases() {
        var r = record(born: "1980-01-01", labs: [mProtein(1.5)])
        r.studies = [ct("S1", "2023-01-05", [observation("L1", .blastic, [20, 20])])]
        #expect(assess(r, asOf: day("2023-03-21")).rule("diagnosis.differential.myeloma").isEmpty)
    }

    @Test func aKnownMyelomaIsNoDifferential() {
        var r = record(born: "1957-02-14", labs: [mProtein(3.1)])
        r.primaries = [PrimaryCancer(id: "P1", site: .myeloma, diagnosed: day("2022-06"))]
        #expect(assess(r, asOf: day("2023-03-21")).rule("diagnosis.differential.myeloma").isEmpty)
    }

    @Test func aLightChainRatioAtIMWGsLimitIsMyelomaDefining() throws {
        // ≥ 100 (κ) or ≤ 1/100 (λ) — the boundary itself counts (IMWG: "≥ 100").
        for value in [100.0, 0.01, 250] {
            let a = assess(record(born: "1980-01-01", labs: [ratio(value)]), asOf: day("2023-03-21"))
            let finding = try #require(a.rule("diagnosis.differential.myeloma").first, "ratio \(value)")
            #expect(finding.detail.en.contains("is myeloma-defining when the involved light chain is ≥ 100 mg/L (IMWG 2014)"), "\(finding.detail.en)")
        }
        // Just inside, with no laboratory range: no sign.
        for value in [99.9, 0.0101] {
            let a = assess(record(born: "1980-01-01", labs: [ratio(value)]), asOf: day("2023-03-21"))
            #expect(a.rule("diagnosis.differential.myeloma").isEmpty, "ratio \(value)")
        }
    }

    @Test func aRatioOutsideTheLaboratorysRangeIsClonal() throws {
        let a = assess(record(born: "1980-01-01", labs: [ratio(3.2, lower: 0.26, upper: 1.65)]), asOf: day("2023-03-21"))
        let finding = try #require(a.rule("diagnosis.differential.myeloma").first)
        #expect(finding.detail.en.contains("a free light-chain ratio of 3.2 outside the laboratory's range 0.26–1.65 (2023-03-18): clonal light chains"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("超出本实验室参考范围 0.26–1.65"), "\(finding.detail.zhHans)")
        let normal = assess(record(born: "1980-01-01", labs: [ratio(1.65, lower: 0.26, upper: 1.65)]), asOf: day("2023-03-21"))
        #expect(normal.rule("diagnosis.differential.myeloma").isEmpty)
    }

    @Test func aResultAfterTheDayAssessedIsNotRead() {
        let a = assess(record(born: "1980-01-01", labs: [mProtein(3.1)]), asOf: day("2023-03-17"))
        #expect(a.rule("diagnosis.differential.myeloma").isEmpty)
    }
}

/// cb23-e (unseen record, 2026-12-03): a thyroid cancer's T12 collapsed by more than half (SINS
/// 14, ESCC 2). The SRE finding counted "pathological fracture, T12 vertebra (seen on CT)" while
/// PATHFx's inputs said "fracture impending (not fractured)" — two findings of one assessment at
/// odds. PATHFx's fracture is that of the bone to be operated on (a vertebral collapse alone is
/// left out by design); the input now says the collapse is a vertebral fracture and that the
/// spine's model is SORG. Rule set 2026.12.138.
@Suite struct ACollapsedVertebraIsNotCalledUnbrokenTests {
    func record(collapse: SINS.Collapse?, fracture: Bool? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T12"))]
        r.studies = [ct("S1", "2023-01-05", [observation("L1", .lytic) { $0.boneDestruction = true; $0.collapse = collapse; $0.fracture = fracture }])]
        return r
    }

    func pathfx(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-01-10")).findings.first { $0.title.en.hasPrefix("PATHFx") })
    }

    @Test func aCollapseIsNamedAsAVertebralFracture() throws {
        let a = assess(record(collapse: .over50), asOf: day("2023-01-10"))
        #expect(a.findings.contains { $0.detail.en.contains("pathological fracture, T12 vertebra (seen on CT)") })
        let finding = try pathfx(record(collapse: .over50))
        #expect(finding.detail.en.contains("fracture impending (no long bone broken; the collapse of T12 vertebra is a vertebral fracture — for the spine use SORG)"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("T12 椎体塌陷属椎体骨折"), "\(finding.detail.zhHans)")
        #expect(!finding.detail.en.contains("not fractured"))
        #expect(finding.inputs.contains(FindingInput("fracture", "impending")))
    }

    @Test func noCollapseStaysNotFractured() throws {
        let finding = try pathfx(record(collapse: SINS.Collapse.none))
        #expect(finding.detail.en.contains("fracture impending (not fractured)"), "\(finding.detail.en)")
    }

    @Test func aReportedFractureIsPATHFxsFracture() throws {
        let finding = try pathfx(record(collapse: .under50, fracture: true))
        #expect(finding.detail.en.contains("fracture pathological"), "\(finding.detail.en)")
    }
}

/// cb23-g (unseen record, 2026-12-03): a 77-year-old's creatinine rose from 1.1 to 2.4 mg/dL on
/// zoledronic acid (CrCl now 21 mL/min). The hold offered denosumab "(no renal adjustment;
/// hypocalcaemia risk if eGFR < 30)" without saying that this patient is below 30. Rule set
/// 2026.12.139: the alternative is given as the kidneys stand now (Xgeva label: boxed warning of
/// severe hypocalcaemia at eGFR < 30 or dialysis).
@Suite struct TheHoldsAlternativeAsTheKidneysStandNowTests {
    func record(now creatinine: Double) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.patient.birthDate = day("1949-05-05")
        r.patient.weights = [WeightRecord(date: day("2023-01-01"), kg: 58)]
        r.treatments.append(Treatment(
            id: "Z1", kind: .boneModifyingAgent, name: "zoledronic acid", start: day("2023-01-12"), agent: .zoledronicAcid, doseMg: 3.3,
            intervalWeeks: 4, doses: [day("2023-01-12"), day("2023-02-09")]))
        r.labs = [
            LabResult(date: day("2023-01-10"), test: .creatinine, value: 1.1, unit: "mg/dL"),
            LabResult(date: day("2023-03-08"), test: .creatinine, value: creatinine, unit: "mg/dL"),
        ]
        return r
    }

    @Test func belowThirtyTheBoxedWarningIsSaid() throws {
        let hold = try #require(assess(record(now: 2.4), asOf: day("2023-03-09")).rule("boneAgents.zoledronic.renalHold").first)
        #expect(hold.detail.en.contains("denosumab needs no renal adjustment, but kidney function is now CrCl 22.5 mL/min (< 30): its boxed warning of severe hypocalcaemia applies"), "\(hold.detail.en)")
        #expect(hold.detail.zhHans.contains("当前肾功能 肌酐清除率 22.5 mL/min（< 30），适用其严重低钙血症黑框警告"), "\(hold.detail.zhHans)")
    }

    @Test func aboveThirtyTheWarningStaysConditional() throws {
        // 1.6 mg/dL: a rise of 0.5 withholds; CrCl (140 − 73) × 58 / (72 × 1.6) = 33.7.
        let hold = try #require(assess(record(now: 1.6), asOf: day("2023-03-09")).rule("boneAgents.zoledronic.renalHold").first)
        #expect(hold.detail.en.hasSuffix("Alternative during the hold: denosumab (no renal adjustment; hypocalcaemia risk if eGFR < 30)."), "\(hold.detail.en)")
    }
}

/// cb23-h (unseen record, 2026-12-03): a Mirels 10 femur with a planned, undated operation named
/// "右股骨近端病灶刮除+PFNA内固定" (curettage and PFNA fixation). A fixation of no stated kind is
/// read against the record from its date (2026.12.105); with no date it stayed "other", protected
/// nothing, and the femur read "impending fracture — prophylactic fixation, urgent orthopaedic
/// referral" beside its own planned fixation. Rule set 2026.12.140: a planned fixation without a
/// date is of its lesion's fracture when one is on record, else prophylactic.
@Suite struct APlannedFixationWithoutADateTests {
    func record(planned name: String, fracture: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .proximal, laterality: .right)]
        r.studies = [ct("S1", "2023-01-05", [observation("L1", .lytic, [30, 25]) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.5; $0.fracture = fracture ? true : nil }])]
        r.pain = [PainRecord(date: day("2023-01-06"), lesion: "L1", mirels: .functional)]
        r.treatments.append(Treatment(id: "S1", kind: .surgery, name: name, lesions: ["L1"], planned: true))
        return r
    }

    @Test func aPlannedFixationOfAnUnbrokenBoneIsProphylactic() throws {
        let a = assess(record(planned: "右股骨近端病灶刮除+PFNA内固定"), asOf: day("2023-01-10"))
        #expect(!a.has("surgery.mirels.impendingFracture"))
        let planned = try #require(a.rule("surgery.mirels.protected").first)
        #expect(planned.title.en == "right femur, proximal: Mirels 10 — fixation planned", "\(planned.title.en)")
        #expect(planned.title.zhHans.hasSuffix("已计划内固定"))
        #expect(CaseIndex(record(planned: "右股骨近端病灶刮除+PFNA内固定"), asOf: day("2023-01-10"), settings: .default).treatments.first { $0.id == "S1" }?.procedure == .prophylacticFixation)
    }

    @Test func aPlannedFixationOfABrokenBoneFixesTheFracture() {
        let r = record(planned: "right femoral intramedullary nailing", fracture: true)
        #expect(CaseIndex(r, asOf: day("2023-01-10"), settings: .default).treatments.first { $0.id == "S1" }?.procedure == .fractureFixation)
        // Still to be done: the fracture's finding stays urgent.
        let broken = assess(r, asOf: day("2023-01-10")).rule("surgery.mirels.fractured").first
        #expect(broken?.severity == .urgent)
    }

    @Test func aFractureLaterThanTheDayAssessedIsNotYetKnown() {
        var r = record(planned: "right femoral intramedullary nailing")
        r.events = [ClinicalEvent(date: day("2023-02-01"), kind: .pathologicalFracture, lesion: "L1")]
        #expect(CaseIndex(r, asOf: day("2023-01-10"), settings: .default).treatments.first { $0.id == "S1" }?.procedure == .prophylacticFixation)
        #expect(CaseIndex(r, asOf: day("2023-02-02"), settings: .default).treatments.first { $0.id == "S1" }?.procedure == .fractureFixation)
    }

    @Test func anUnreadNameStaysUnread() {
        // An open biopsy planned as surgery is no fixation.
        let a = assess(record(planned: "切开活检"), asOf: day("2023-01-10"))
        #expect(a.has("surgery.mirels.impendingFracture"))
    }
}

/// cb23-i (unseen record, 2026-12-03): an ALK lung cancer's T4 at ESCC 3 with myelopathy was
/// decompressed and fixed the next day, its radiotherapy (T4–5 30 Gy/10F) planned. The T4 finding
/// read "Treated: T4 后路减压内固定术" and said nothing of the radiotherapy NOMS follows a
/// decompression with (Laufer 2013; Patchell 2005: surgery plus radiotherapy); without a course
/// on record nothing asked for one. Rule set 2026.12.141.
@Suite struct RadiotherapyAfterADecompressionTests {
    func record(courses: [Treatment]) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2022-06"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T4"))]
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = .bilateral }]),
            ImagingStudy(id: "M1", date: day("2023-01-05"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("L1") { $0.escc = .g3 }]),
        ]
        r.neurology = [NeurologyRecord(date: day("2023-01-05"), status: .myelopathy, frankel: .C, lesion: "L1")]
        r.treatments = [Treatment(id: "OP", kind: .surgery, name: "T4 posterior decompression and fixation", lesions: ["L1"], start: day("2023-01-06"))] + courses
        return r
    }

    func noms(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-01-20")).findings.first { $0.subject == .lesion("L1") && $0.title.en.contains("NOMS") })
    }

    @Test func withoutACourseItIsAskedFor() throws {
        let finding = try noms(record(courses: []))
        #expect(finding.severity == .advisory)
        #expect(finding.detail.en.hasSuffix("Treated: T4 posterior decompression and fixation 2023-01-06 (surgery). No radiotherapy after it is on record: NOMS follows decompression with radiotherapy — stereotactic radiosurgery for this radioresistant histology."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("病历中无术后放疗"), "\(finding.detail.zhHans)")
    }

    @Test func aPlannedCourseIsNamed() throws {
        let planned = Treatment(id: "RT", kind: .radiotherapy, name: "T4 SBRT 24 Gy/2F", lesions: ["L1"], planned: true)
        let finding = try noms(record(courses: [planned]))
        #expect(finding.severity == .info)
        #expect(finding.detail.en.contains("Radiotherapy after it planned: T4 SBRT 24 Gy/2F"), "\(finding.detail.en)")
    }

    @Test func aCourseBeforeTheOperationMakesMoreAReirradiation() throws {
        let before = Treatment(id: "RT", kind: .radiotherapy, name: "T4 30 Gy/10F", lesions: ["L1"], start: day("2022-06-01"), end: day("2022-06-14"))
        let finding = try noms(record(courses: [before]))
        #expect(finding.severity == .info)
        #expect(finding.detail.en.contains("Irradiated before it (T4 30 Gy/10F 2022-06-01–2022-06-14 (radiotherapy)): radiotherapy after the operation would be a re-irradiation — radiation oncology decides."), "\(finding.detail.en)")
    }

    @Test func aCourseGivenSinceIsNamed() throws {
        let given = Treatment(id: "RT", kind: .radiotherapy, name: "T4 SBRT 24 Gy/2F", lesions: ["L1"], start: day("2023-01-18"), end: day("2023-01-19"))
        let finding = try noms(record(courses: [given]))
        #expect(finding.severity == .info)
        #expect(finding.detail.en.contains("Radiotherapy after it: T4 SBRT 24 Gy/2F"), "\(finding.detail.en)")
    }
}

/// cb23-f (unseen record, 2026-12-03): a PR between CTs of 20 December and 15 April read
/// "treatment window: anastrozole …–25 December; nab-paclitaxel 5 January–" — the anastrozole,
/// stopped for progression five days into the interval, named as if it shared the response.
/// Rule set 2026.12.142: a switch within the interval is said with the days each regimen ran in
/// it (the source hospital reads a regimen's effect over its own window).
@Suite struct ARegimenSwitchedWithinTheIntervalTests {
    func record(firstEnds end: String, secondStarts start: String) -> CaseRecord {
        var r = baseCase()
        r.treatments[0].end = day(end)
        r.treatments[0].stopReason = .progression
        r.treatments.append(Treatment(id: "T2", kind: .systemic, name: "capecitabine", systemicClass: .chemotherapy, start: day(start)))
        return r
    }

    func timePoint(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-03-21")).rule("boneHealth.mda.timePoint").first { $0.subject == .study("S2") })
    }

    @Test func theSwitchIsSaidWithTheDaysOfEach() throws {
        // 2023-01-05 → 2023-03-20: 74 days; letrozole from 01-10 to 02-01 (22), capecitabine from 02-05 (43).
        let finding = try timePoint(record(firstEnds: "2023-02-01", secondStarts: "2023-02-05"))
        #expect(finding.detail.en.contains("systemic therapy switched within this interval (of its 74 days: letrozole 22, capecitabine 43): the change between the two studies is not one regimen's alone"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("本区间内更换了全身治疗（共 74 天：letrozole 22 天，capecitabine 43 天）"), "\(finding.detail.zhHans)")
    }

    @Test func aRegimenAddedBeforeTheFirstStoppedIsNoSwitch() throws {
        let finding = try timePoint(record(firstEnds: "2023-03-01", secondStarts: "2023-02-05"))
        #expect(!finding.detail.en.contains("switched"), "\(finding.detail.en)")
    }

    @Test func aRegimenStoppedAfterTheStudyIsNoSwitch() throws {
        let finding = try timePoint(record(firstEnds: "2023-03-20", secondStarts: "2023-03-20"))
        #expect(!finding.detail.en.contains("switched"), "\(finding.detail.en)")
    }
}

/// cb23-t (unseen record, 2026-12-03): a renal-cell humerus for fixation on axitinib. The timing
/// finding said "Its label: elective surgery at least 1 day after the last dose" — but that
/// interval is the regulatory table's (Front Oncol 2021, table 3: axitinib 24 hours), the source
/// the finding cites, not axitinib's label. Rule set 2026.12.144: the table is named as the source
/// of its intervals; a label's interval is still "Its label".
@Suite struct AnIntervalIsNamedByItsSourceTests {
    func record(drug: String) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histologyType: .renalCellCarcinoma, diagnosed: day("2022-06"))]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: drug, start: day("2022-07-01"))]
        r.treatments.append(Treatment(id: "S1", kind: .surgery, lesions: ["L1"], planned: true, procedure: .prophylacticFixation))
        return r
    }

    @Test func theTablesIntervalIsTheTables() throws {
        let finding = try #require(assess(record(drug: "axitinib 5 mg bid"), asOf: day("2023-03-21")).rule("surgery.timing.antiAngiogenic").first)
        #expect(finding.detail.en.contains("The regulatory recommendation (Front Oncol 2021): elective surgery at least 1 day after the last dose"), "\(finding.detail.en)")
        #expect(!finding.detail.en.contains("Its label"))
        #expect(finding.detail.zhHans.contains("监管建议（Front Oncol 2021 汇总）："), "\(finding.detail.zhHans)")
        #expect(finding.sources.contains { $0.id == "frontOncol2021TKI" })
    }

    @Test func aLabelsIntervalIsTheLabels() throws {
        let finding = try #require(assess(record(drug: "sunitinib 50 mg"), asOf: day("2023-03-21")).rule("surgery.timing.antiAngiogenic").first)
        #expect(finding.detail.en.contains("Its label: elective surgery at least 21 days after the last dose"), "\(finding.detail.en)")
    }
}

/// cb23-u (unseen record, 2026-12-03): a breast cancer with bone metastases on weekly alendronate
/// for osteoporosis. Entered as a systemic therapy it was counted as an anticancer regimen in every
/// response window ("treatment window: 阿仑膦酸钠 … (systemic therapy)") and in the regimen switch;
/// entered as a bone agent ("other") it read "the alternative is denosumab" — an osteoporosis dose
/// passed for SRE prevention. Rule set 2026.12.145: alendronate, risedronate, etidronate (and
/// clodronate) are bone-modifying agents wherever they are entered; the three osteoporosis drugs
/// are said to be no SRE prevention (ESMO 2020: denosumab or zoledronic acid).
@Suite struct AnOsteoporosisBisphosphonateIsNoSREPreventionTests {
    func record(_ treatment: Treatment) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(treatment)
        r.dentalExams = []
        return r
    }

    @Test func enteredAsASystemicTherapyItIsABoneAgent() throws {
        let a = assess(record(Treatment(id: "A", kind: .systemic, name: "阿仑膦酸钠 70mg 每周一次", start: day("2022-01-01"))), asOf: day("2023-03-21"))
        let point = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("S2") })
        #expect(point.detail.en.contains("阿仑膦酸钠 70mg 每周一次 2022-01-01– (bone-modifying agent)"), "\(point.detail.en)")
        #expect(!point.detail.en.contains("阿仑膦酸钠 70mg 每周一次 2022-01-01– (systemic therapy)"))
        let choice = try #require(a.rule("boneAgents.choice").first)
        #expect(choice.severity == .warning)
        #expect(choice.title.en == "Alendronate treats osteoporosis: bone metastases need an SRE-prevention agent")
        #expect(choice.title.zhHans == "阿仑膦酸钠用于骨质疏松：骨转移需用预防 SRE 的药物")
        #expect(!a.has("boneAgents.indication"))
    }

    @Test func enteredAsAnOtherAgentItIsNamed() throws {
        let a = assess(record(Treatment(id: "A", kind: .boneModifyingAgent, name: "Fosamax 70 mg weekly", start: day("2022-01-01"), agent: .other)), asOf: day("2023-03-21"))
        let choice = try #require(a.rule("boneAgents.choice").first)
        #expect(choice.title.en.hasPrefix("Alendronate treats osteoporosis"), "\(choice.title.en)")
        #expect(choice.detail.en.contains("denosumab 120 mg every 4 weeks and zoledronic acid 4 mg (by CrCl) every 3–4 or 12 weeks (ESMO 2020)"))
        // No dental warning sourced to the SRE-prevention trials, no dose "due".
        #expect(!a.findings.contains { $0.title.en.contains("dental examination") })
        #expect(!a.findings.contains { $0.title.en.contains("dose due") })
    }

    @Test func withoutBoneMetastasesItIsNoWarning() throws {
        var r = record(Treatment(id: "A", kind: .boneModifyingAgent, name: "Alendronic acid 10 MG Oral Tablet", start: day("2022-01-01"), agent: .other))
        r.lesions = []
        r.studies = []
        let choice = try #require(assess(r, asOf: day("2023-03-21")).rule("boneAgents.choice").first)
        #expect(choice.severity == .info)
        #expect(choice.title.en == "Alendronate treats osteoporosis, not skeletal-related events")
        #expect(!choice.detail.en.contains("Review with medical oncology"))
    }

    @Test func anotherOtherAgentIsUnchanged() throws {
        let a = assess(record(Treatment(id: "A", kind: .boneModifyingAgent, name: "strontium ranelate", start: day("2022-01-01"), agent: .other)), asOf: day("2023-03-21"))
        #expect(!a.findings.contains { $0.title.en.contains("treats osteoporosis") })
    }

    @Test func clodronateIsABoneAgentNotARegimen() throws {
        let a = assess(record(Treatment(id: "A", kind: .systemic, name: "clodronate 1600 mg daily", start: day("2022-01-01"))), asOf: day("2023-03-21"))
        let point = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("S2") })
        #expect(point.detail.en.contains("(bone-modifying agent)"), "\(point.detail.en)")
        #expect(!a.findings.contains { $0.title.en.contains("treats osteoporosis") })
    }
}

/// cb23-w (unseen record, 2026-12-03): a breast cancer on adjuvant letrozole with denosumab 60 mg
/// every 6 months and no bone lesion anywhere read "Denosumab 60 mg is the bone-loss dose: bone
/// metastases need the SRE-prevention dose … The bone metastases on record indicate SRE
/// prevention" (warning) — and a zoledronic acid course "Breast cancer with bone metastases:
/// start". Rule set 2026.12.146: with no bone lesion on record no SRE-prevention indication is
/// said; the course's finding says that SRE prevention is not its indication here.
@Suite struct AnAgentWithoutABoneLesionTests {
    func record(_ agent: Treatment) -> CaseRecord {
        var r = baseCase()
        r.lesions = []
        r.studies = []
        r.treatments.append(agent)
        return r
    }

    @Test func theBoneLossDoseIsWhatTheCourseIsFor() throws {
        let a = assess(record(Treatment(id: "D", kind: .boneModifyingAgent, name: "Prolia", start: day("2023-01-15"), agent: .denosumab, doseMg: 60, intervalWeeks: 26)), asOf: day("2023-03-21"))
        let choice = try #require(a.rule("boneAgents.choice").first)
        #expect(choice.severity == .info)
        #expect(choice.title.en == "Denosumab 60 mg: the bone-loss dose — no bone metastasis on record")
        #expect(choice.title.zhHans == "地舒单抗 60 mg：为骨量丢失剂量——病历中无骨转移")
        #expect(!a.findings.contains { $0.detail.en.contains("with bone metastases: start") || $0.detail.en.contains("bone metastases on record indicate") })
    }

    @Test func aZoledronicCourseSaysNoIndicationOfSREPrevention() throws {
        // Every 4 weeks (every 26 is the adjuvant schedule of early breast cancer since 2026.12.156,
        // `AdjuvantZoledronicAcidTests`).
        let a = assess(record(Treatment(id: "Z", kind: .boneModifyingAgent, name: "zoledronic acid", start: day("2023-01-15"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4)), asOf: day("2023-03-21"))
        let choice = try #require(a.rule("boneAgents.choice").first)
        #expect(choice.detail.en.hasPrefix("No bone metastasis is on record: SRE prevention is not this course's indication here."), "\(choice.detail.en)")
        #expect(!choice.detail.en.contains("Breast cancer with bone metastases: start"))
    }

    @Test func withABoneLesionTheIndicationIsSaidAsBefore() throws {
        var r = record(Treatment(id: "D", kind: .boneModifyingAgent, name: "Prolia", start: day("2023-01-15"), agent: .denosumab, doseMg: 60, intervalWeeks: 26))
        r.lesions = baseCase().lesions
        r.studies = baseCase().studies
        let choice = try #require(assess(r, asOf: day("2023-03-21")).rule("boneAgents.choice").first)
        #expect(choice.severity == .warning)
        #expect(choice.title.en == "Denosumab 60 mg is the bone-loss dose: bone metastases need the SRE-prevention dose")
    }
}

/// cb23-x (unseen record, 2026-12-03): a castration-resistant prostate cancer on denosumab
/// 120 mg every 4 weeks, last dose three weeks before a corrected calcium of 13.6 mg/dL. The
/// hypercalcaemia finding advised "zoledronic acid … — denosumab when refractory" as if no agent
/// ran. Rule set 2026.12.147: the running denosumab and its last dose are said, and that the
/// choice of agent for this episode is medical oncology's.
@Suite struct HypercalcaemiaUnderDenosumabTests {
    func record(denosumab: Treatment?) -> CaseRecord {
        var r = baseCase()
        if let denosumab { r.treatments.append(denosumab) }
        r.labs = [
            LabResult(date: day("2023-03-18"), test: .calcium, value: 3.3, unit: "mmol/L"),
            LabResult(date: day("2023-03-18"), test: .albumin, value: 36, unit: "g/L"),
        ]
        return r
    }

    @Test func theRunningDenosumabIsSaid() throws {
        let course = Treatment(id: "D", kind: .boneModifyingAgent, name: "Xgeva", start: day("2023-01-20"), agent: .denosumab, doseMg: 120, intervalWeeks: 4,
                               doses: [day("2023-01-20"), day("2023-02-17")])
        let finding = try #require(assess(record(denosumab: course), asOf: day("2023-03-21")).rule("labs.hypercalcaemia").first)
        #expect(finding.detail.en.contains("Denosumab is running (last dose 2023-02-17): this hypercalcaemia arose under it — whether its next dose or zoledronic acid treats it is medical oncology's decision."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("地舒单抗正在使用（末次给药 2023-02-17）"), "\(finding.detail.zhHans)")
    }

    @Test func withoutItNothingIsSaid() throws {
        let finding = try #require(assess(record(denosumab: nil), asOf: day("2023-03-21")).rule("labs.hypercalcaemia").first)
        #expect(!finding.detail.en.contains("Denosumab is running"))
        // Stopped before the calcium: not running.
        var stopped = Treatment(id: "D", kind: .boneModifyingAgent, name: "Xgeva", start: day("2022-06-01"), agent: .denosumab, doseMg: 120, intervalWeeks: 4)
        stopped.end = day("2022-12-01")
        let after = try #require(assess(record(denosumab: stopped), asOf: day("2023-03-21")).rule("labs.hypercalcaemia").first)
        #expect(!after.detail.en.contains("Denosumab is running"))
    }
}

/// cb23-r (unseen record, 2026-12-03): an undiagnosed T9 (two candidate primaries) read "never
/// nail an undiagnosed lesion" — a nail is a long bone's. Rule set 2026.12.148: a spinal lesion's
/// biopsy-first text says "never instrument"; a long bone's still "never nail".
@Suite struct BiopsyFirstInTheSpinesWordsTests {
    @Test func aVertebraIsNotNailed() throws {
        var r = baseCase()
        r.primaries = []
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T9"))]
        r.studies = [ct("S1", "2023-01-05", [observation("V", .lytic) { $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral }])]
        r.pain = [PainRecord(date: day("2023-01-06"), lesion: "V", sins: .mechanical)]
        let noms = try #require(assess(r, asOf: day("2023-01-10")).rule("surgery.spine.noms").first)
        #expect(noms.detail.en.contains("never instrument an undiagnosed lesion"), "\(noms.detail.en)")
        #expect(!noms.detail.en.contains("nail"))
        #expect(noms.detail.zhHans.contains("绝不对未确诊病灶行内固定"), "\(noms.detail.zhHans)")
    }

    @Test func aFemurIsStillNotNailed() throws {
        var r = baseCase()
        r.primaries = []
        r.studies = [ct("S1", "2023-01-05", [observation("L1", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.7 }])]
        r.pain = [PainRecord(date: day("2023-01-06"), lesion: "L1", mirels: .functional)]
        let mirels = try #require(assess(r, asOf: day("2023-01-10")).rule("surgery.mirels.impendingFracture").first)
        #expect(mirels.detail.en.contains("never nail an undiagnosed lesion"), "\(mirels.detail.en)")
    }
}
