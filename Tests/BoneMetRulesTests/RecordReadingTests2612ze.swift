@testable import BoneMetRules
import Testing

/// cb81-c (unseen record, 2026-12-05): a renal-cell humerus curetted, cemented and nailed in one
/// operation, entered as one row coded `prophylacticFixation` ("左肱骨病灶刮除骨水泥填充髓内钉内固定术").
/// The curettage was lost behind the code, and the next CT's smaller cavity read "PR — product
/// of diameters −60 %", credited to the regimen begun after the operation. What the follow-up
/// shows of a curetted or resected lesion is the operation (Hamaoka 2004 judges change under
/// treatment), whatever the row's coded procedure. Rule set 2026.12.315.
@Suite struct RemovalWrittenBesideFixationTests {
    func record(name: String?, procedure: SurgicalProcedure?) -> CaseRecord {
        var r = RemovedLesionTests().record(.prophylacticFixation)
        r.studies[1] = ct("C2", "2023-06-05", [observation("F", .lytic, [25, 20]) { $0.boneDestruction = true }, observation("V", .lytic, [16, 12])])
        r.treatments[0].name = name
        r.treatments[0].procedure = procedure
        return r
    }

    func femur(_ a: Assessment) -> LesionResponse? {
        a.timePoints.first { $0.study == "C2" }?.lesions.first { $0.lesion == "F" }
    }

    @Test func aCurettageWrittenBesideTheNailIsTheOperation() throws {
        for name in ["右股骨病灶刮除骨水泥填充髓内钉内固定术", "curettage, cementation and intramedullary nailing", "股骨肿瘤切除钢板内固定术"] {
            for procedure in [SurgicalProcedure.prophylacticFixation, nil] {
                let response = try #require(femur(assess(record(name: name, procedure: procedure), asOf: day("2023-06-10"))))
                #expect(response.category == .notEvaluable, "\(name), \(String(describing: procedure))")
                #expect(response.reasons.first?.en.hasSuffix("on 2023-02-01 — the operation, not a response") == true)
            }
        }
        let curetted = try #require(femur(assess(record(name: "右股骨病灶刮除骨水泥填充髓内钉内固定术", procedure: .prophylacticFixation), asOf: day("2023-06-10"))))
        #expect(curetted.reasons.first?.en == "curettage on 2023-02-01 — the operation, not a response")
        #expect(curetted.reasons.first?.zhHans == "2023-02-01 行刮除术——为手术所致，不是疗效")
        // The fixation is still the fixation: "fixed", not "curettage".
        let a = assess(record(name: "右股骨病灶刮除骨水泥填充髓内钉内固定术", procedure: .prophylacticFixation), asOf: day("2023-06-10"))
        #expect(a.rule("surgery.mirels.protected").first?.title.en.hasSuffix("— fixed") == true)
    }

    /// A nail alone leaves the lesion to be read; a laminectomy's "切除" is of the lamina; an
    /// implant taken out removes no tumour.
    @Test func aNailAloneOrALaminectomyIsNoRemoval() throws {
        for name in ["右股骨髓内钉内固定术", "椎板切除减压内固定术", "laminectomy and fixation", "股骨内固定取出术", nil] {
            let response = try #require(femur(assess(record(name: name, procedure: .prophylacticFixation), asOf: day("2023-06-10"))))
            #expect(response.category == .partialResponse, "\(String(describing: name))")
        }
        #expect(SurgicalProcedureText.removalWritten("T12全椎切除术") == .resection)
        #expect(SurgicalProcedureText.removalWritten("en bloc spondylectomy") == .resection)
        #expect(SurgicalProcedureText.removalWritten("T12椎板切除减压") == nil)
    }
}

/// cb81-h (unseen record, 2026-12-05): a breast cancer's L1, lytic with a collapse,
/// kyphoplastied a week later; the next CT read the cemented vertebra "blastic, no destruction"
/// and the response "PR — lytic-to-blastic conversion", credited to the capecitabine and
/// denosumab begun after the operation. The cement's density is not sclerosis (Hamaoka 2004
/// judges healing under treatment). Progression beside the cement stays progression. Rule set
/// 2026.12.315.
@Suite struct CementIsNotSclerosisTests {
    func record(operation: Treatment?, later: LesionObservation) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L1")), Lesion(id: "W", bone: .vertebra, level: VertebralLevel("T11"))]
        r.studies = [
            ct("C1", "2026-02-03", [observation("V", .lytic, [22, 18]) { $0.boneDestruction = true }, observation("W", .lytic, [15, 12]) { $0.boneDestruction = true }]),
            ct("C2", "2026-06-05", [later, observation("W", .lytic, [15, 12]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "卡培他滨", systemicClass: .chemotherapy, start: day("2026-02-20"))]
        if let operation { r.treatments.append(operation) }
        return r
    }

    let blastic = observation("V", .blastic) { $0.boneDestruction = false }

    func vertebra(_ a: Assessment) -> LesionResponse? {
        a.timePoints.first { $0.study == "C2" }?.lesions.first { $0.lesion == "V" }
    }

    @Test func aCementedVertebraIsNotALyticToBlasticConversion() throws {
        let operations = [
            Treatment(id: "S1", kind: .surgery, name: "L1椎体后凸成形术(PKP)", lesions: ["V"], start: day("2026-02-10")),
            Treatment(id: "S1", kind: .surgery, name: "percutaneous vertebroplasty", lesions: ["V"], start: day("2026-02-10")),
            Treatment(id: "S1", kind: .surgery, lesions: ["V"], start: day("2026-02-10"), procedure: .cementAugmentation),
            Treatment(id: "S1", kind: .surgery, name: "L1骨水泥强化椎弓根钉内固定术", lesions: ["V"], start: day("2026-02-10")),
        ]
        for operation in operations {
            let a = assess(record(operation: operation, later: blastic), asOf: day("2026-06-10"))
            let response = try #require(vertebra(a))
            #expect(response.category == .notEvaluable, "\(String(describing: operation.name))")
            #expect(response.reasons.first?.en == "cement augmentation on 2026-02-10 — the cement's density is not sclerosis: the operation, not a response")
            #expect(response.reasons.first?.zhHans == "2026-02-10 行骨水泥强化——骨水泥的高密度不是成骨硬化：为手术所致，不是疗效")
            // The other vertebra, unchanged, is the time point: stable, not a response.
            #expect(a.timePoints.first { $0.study == "C2" }?.overall == .stableDisease)
        }
        // Without the operation the conversion is the response it was.
        #expect(vertebra(assess(record(operation: nil, later: blastic), asOf: day("2026-06-10")))?.category == .partialResponse)
        // An operation after the CT does not reach back.
        let afterwards = Treatment(id: "S1", kind: .surgery, name: "PKP", lesions: ["V"], start: day("2026-06-08"))
        #expect(vertebra(assess(record(operation: afterwards, later: blastic), asOf: day("2026-06-10")))?.category == .partialResponse)
    }

    /// New growth beside the cement is the tumour's: progression stands.
    @Test func progressionBesideTheCementStands() throws {
        let grown = observation("V", .lytic, [35, 30]) { $0.boneDestruction = true }
        let pkp = Treatment(id: "S1", kind: .surgery, name: "PKP", lesions: ["V"], start: day("2026-02-10"))
        #expect(vertebra(assess(record(operation: pkp, later: grown), asOf: day("2026-06-10")))?.category == .progressiveDisease)
    }
}

/// cb81-l (unseen record, 2026-12-05): a HER2-positive breast cancer's T8, hot on the bone scan
/// with intact bone on the CT beside it (uptake without destruction: not yet a metastasis), lytic
/// 14 × 12 mm with destruction on the CT six months later under maintenance trastuzumab and
/// pertuzumab. The pair read "NE — size not measured": the CT before shows no lytic lesion where
/// this one is now — MDA's new lytic lesion, progression (Hamaoka 2004). Rule set 2026.12.315.
@Suite struct DestructionWhereThereWasNoneTests {
    let intact = observation("V") { $0.boneDestruction = false }

    @Test func destructionWhereTheBoneWasIntactIsProgression() {
        for now in [
            observation("V", .lytic, [14, 12]) { $0.boneDestruction = true },
            observation("V", .mixed),
            observation("V") { $0.boneDestruction = true },
        ] {
            let result = MDA.classify(prior: intact, current: now, modality: .ct)
            #expect(result.category == .progressiveDisease)
            #expect(result.reasons.first?.en == "bone destruction where there was none")
            #expect(result.reasons.first?.zhHans == "原无骨质破坏处出现骨质破坏")
        }
        // Sclerosis without destruction at a fracture, then destruction: progression too.
        let sclerosis = observation("V", .blastic) { $0.boneDestruction = false }
        #expect(MDA.classify(prior: sclerosis, current: observation("V", .lytic) { $0.boneDestruction = true }, modality: .ct).category == .progressiveDisease)
    }

    /// Intact still, or destruction on both: no new destruction.
    @Test func noNewDestructionIsNotThisProgression() {
        #expect(MDA.classify(prior: intact, current: intact, modality: .ct).category == .notEvaluable)
        #expect(MDA.classify(prior: intact, current: observation("V", .blastic) { $0.boneDestruction = false }, modality: .ct).category != .progressiveDisease)
        let lytic = observation("V", .lytic) { $0.boneDestruction = true }
        #expect(MDA.classify(prior: lytic, current: lytic, modality: .ct).category == .notEvaluable)
        // A prior that did not say (destruction not recorded) is no intact bone.
        #expect(MDA.classify(prior: observation("V"), current: lytic, modality: .ct).category == .notEvaluable)
    }

    /// The whole record: the CT pair is a progression under the maintenance regimen.
    @Test func theRecordsTimePointIsProgression() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性导管癌 ER- PR- HER2 3+", diagnosed: day("2025-06"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T8"))]
        var scan = survey("B1", "2026-01-10", ["V"])
        scan.observations = [observation("V") { $0.uptake = true }]
        r.studies = [scan, ct("C1", "2026-01-12", [intact]), ct("C2", "2026-07-12", [observation("V", .lytic, [14, 12]) { $0.boneDestruction = true }])]
        r.treatments = [Treatment(id: "T2", kind: .systemic, name: "曲妥珠单抗+帕妥珠单抗", systemicClass: .targeted, start: day("2025-12-20"))]
        let a = assess(r, asOf: day("2026-07-20"))
        let point = try #require(a.timePoints.first { $0.study == "C2" })
        #expect(point.overall == .progressiveDisease)
        // Before the second CT the lesion is uptake without destruction, no time point.
        #expect(assess(r, asOf: day("2026-02-01")).has("diagnosis.uptakeWithoutDestruction"))
    }
}

/// cb81-p (unseen record, 2026-12-05): a triple-negative breast cancer given zoledronic acid 4 mg
/// for a corrected calcium of 3.34 mmol/L with creatinine 88 µmol/L, then every 4 weeks with
/// calcium normal from a creatinine of 80 µmol/L; a dental examination between the two. The renal
/// hold measured the rise from the hypercalcaemia's creatinine while the dose was set from SRE
/// prevention's baseline — one finding named both ("Baseline 1 mg/dL (88 µmol/L)" beside "the
/// baseline CrCl 53.8") — and the examination, done before the SRE-prevention doses as the
/// emergency's finding asks, read "No dental examination before zoledronic acid" (warning).
/// The Zometa label measures renal deterioration from the baseline of SRE prevention's dosing.
/// Rule set 2026.12.315.
@Suite struct HypercalcaemiaStartedCourseBaselineTests {
    let base = SREPreventionBaselineAfterHypercalcaemiaTests()

    /// The myeloma record of cb20-l (creatinine 150 µmol/L in the hypercalcaemia, 110 before the
    /// first dose with calcium normal), then a rise to 170 µmol/L: 60 over the prevention
    /// baseline (1.24 mg/dL, normal: 0.5 withholds), 20 over the hypercalcaemia's.
    func record(later creatinine: Double) -> CaseRecord {
        var r = base.record()
        r.labs.append(LabResult(date: day("2023-03-05"), test: .creatinine, value: creatinine, unit: "µmol/L"))
        return r
    }

    @Test func theHoldIsMeasuredFromPreventionsBaseline() throws {
        let a = assess(record(later: 170), asOf: day("2023-03-06"))
        let hold = try #require(a.rule("boneAgents.zoledronic.renalHold").first)
        #expect(hold.detail.en.hasPrefix("Baseline 1.24 mg/dL (110 µmol/L), now 170 µmol/L"), "\(hold.detail.en)")
        // Below the line over that baseline: no hold.
        #expect(!assess(record(later: 150), asOf: day("2023-03-06")).has("boneAgents.zoledronic.renalHold"))
    }

    /// The examination after the hypercalcaemia dose and before the first prevention dose is in
    /// time; one after the prevention doses began is not.
    @Test func theDentalExaminationIsDueBeforePreventionBegins() throws {
        var r = base.record()
        r.dentalExams = [day("2023-01-20")]
        #expect(!assess(r, asOf: day("2023-02-10")).has("boneAgents.dentalExam"))
        r.dentalExams = [day("2023-02-09")]
        let late = try #require(assess(r, asOf: day("2023-02-10")).rule("boneAgents.dentalExam").first)
        #expect(late.severity == .warning)
        // Every dose so far in hypercalcaemia: the emergency's advisory, as before.
        var first = base.record(secondDose: false)
        first.dentalExams = []
        #expect(assess(first, asOf: day("2023-02-05")).rule("boneAgents.dentalExam").first?.severity == .advisory)
    }
}

/// cb81-q (unseen record, 2026-12-05): acceptance scenario 1 with CA 15-3 rising from 45 to 88
/// U/mL while capecitabine ran and the T10 gained a sclerotic rim; the capecitabine was stopped
/// for "progression". The finding said the imaging does not show it and never named the markers
/// the switch may have rested on. It now says what they did while the regimen ran, and that a
/// marker rise is not bone progression (MDA judges bone on imaging, Hamaoka 2004). Rule set
/// 2026.12.315.
@Suite struct MarkersBesideAnUnsupportedSwitchTests {
    func record(ca153: [Double]) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [
            ct("C1", "2022-01-10", [observation("V", .lytic, [20, 16]) { $0.boneDestruction = true }]),
            ct("C2", "2022-03-01", [observation("V", .mixed, [20, 16]) { $0.boneDestruction = true; $0.scleroticRim = true }]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "卡培他滨", systemicClass: .chemotherapy, start: day("2022-01-10"), end: day("2022-03-01"), stopReason: .progression),
            Treatment(id: "T2", kind: .systemic, name: "艾立布林", systemicClass: .chemotherapy, start: day("2022-03-05")),
        ]
        r.labs = zip(["2022-01-10", "2022-03-01"], ca153).map { LabResult(date: day($0), test: .ca153, value: $1, unit: "U/mL", upperLimit: 25) }
        return r
    }

    @Test func aRisingMarkerIsNamedAndToldApartFromBone() throws {
        let switchFinding = try #require(assess(record(ca153: [45, 88]), asOf: day("2022-03-06")).rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(switchFinding.detail.en.contains("While it ran, tumour markers: CA 15-3 45 → 88 (abnormal). A marker rise is not bone progression: where the switch rests on it, look for the disease it points to beyond bone."), "\(switchFinding.detail.en)")
        #expect(switchFinding.detail.zhHans.contains("标志物升高不等于骨进展"))
    }

    /// Falling or normal markers are named as evidence, without the clause.
    @Test func fallingOrNormalMarkersAreEvidenceOnly() throws {
        for values in [[88.0, 45.0], [18, 16]] {
            let finding = try #require(assess(record(ca153: values), asOf: day("2022-03-06")).rule("boneHealth.attribution.unsupportedSwitch").first)
            #expect(finding.detail.en.contains("While it ran, tumour markers: CA 15-3"))
            #expect(!finding.detail.en.contains("A marker rise"))
        }
        let none = try #require(assess(record(ca153: []), asOf: day("2022-03-06")).rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(!none.detail.en.contains("While it ran"))
    }
}

/// cb81-s (unseen record, 2026-12-05): acceptance scenario 8's case — a breast cancer seven years
/// on, L4 with cauda equina compression decompressed as an emergency, the pathology plasma-cell
/// myeloma — with L4 its only lesion. No lesion was a metastasis, so the bone-modifying-agent
/// section was empty: the myeloma bone disease's indication (Raje 2018) was never said. Rule
/// set 2026.12.315.
@Suite struct MyelomaOnTheOnlyLesionTests {
    @Test func theMyelomaBoneDiseaseIndicationIsSaid() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L4"))]
        r.studies = [ct("C1", "2026-10-02", [observation("V", .lytic) { $0.boneDestruction = true }])]
        r.treatments = [Treatment(id: "S1", kind: .surgery, name: "L4后路椎管减压+椎弓根钉棒内固定术", lesions: ["V"], start: day("2026-10-03"))]
        r.biopsies = [Biopsy(lesion: "V", date: day("2026-10-03"), result: .myeloma, histology: "浆细胞骨髓瘤")]
        let a = assess(r, asOf: day("2026-10-15"))
        let indication = try #require(a.rule("boneAgents.indication").first)
        #expect(indication.title.en == "Myeloma on biopsy: bone-modifying agent for myeloma bone disease")
        #expect(indication.specialty == .haematology)
        // Before the biopsy: the lesion awaits its diagnosis, as before.
        #expect(assess(r, asOf: day("2026-10-02")).has("boneAgents.afterDiagnosis"))
        // A benign result asks for no agent.
        r.biopsies[0].result = .benign
        #expect(!assess(r, asOf: day("2026-10-15")).has("boneAgents.indication"))
    }
}

/// cb81-ac2 (unseen record, 2026-12-05): a breast cancer of 2016 and a lung cancer of 2026, the
/// bone metastases first seen on a PET-CT of 2026-08-05, the only performance status on record an
/// ECOG 0 of 2024-03-01. Tokuhashi's general condition scored 2, Katagiri's ECOG 0 and PATHFx's
/// input "ECOG 0": the patient two and a half years before the metastatic disease. Tokuhashi
/// (2005), Katagiri (2014) and PATHFx score the patient assessed for the bone metastases. Rule set
/// 2026.12.315.
@Suite struct PerformanceBeforeTheMetastasesTests {
    func record(performance: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L2")), Lesion(id: "F", bone: .femur, segment: .diaphysis, laterality: .left)]
        r.studies = [ct("C1", "2026-08-05", [observation("V", .lytic) { $0.boneDestruction = true }, observation("F", .lytic) { $0.boneDestruction = true }])]
        r.performance = [PerformanceStatus(date: day(performance), ecog: 0)]
        return r
    }

    @Test func aGradeFromBeforeTheMetastasesIsLeftOpen() throws {
        let a = assess(record(performance: "2024-03-01"), asOf: day("2026-08-28"))
        let outdated = try #require(a.rule("surgery.prognosis.inputsOutdated").first)
        #expect(outdated.severity == .advisory)
        #expect(outdated.title.en == "Performance status predates the bone metastases — grade it now")
        #expect(outdated.detail.en.hasPrefix("Recorded before the bone metastases were first seen (2026-08-05), more than 4 weeks earlier: ECOG 0 (2024-03-01)."), "\(outdated.detail.en)")
        #expect(outdated.detail.zhHans.contains("以下记录早于首次发现骨转移（2026-08-05）4 周以上：ECOG 0（2024-03-01）"))
        let katagiri = try #require(a.katagiri?.components.first { $0.key == "ecog" })
        #expect(katagiri.points == nil)
        #expect(a.rule("surgery.prognosis.survivalModelInputs").first?.detail.en.contains("Missing: ECOG") == true)
    }

    /// Within 4 weeks before the metastases were seen (RECIST 1.1's baseline window), or after:
    /// the patient assessed for them.
    @Test func aGradeOfTheMetastasesTimeCounts() throws {
        for date in ["2026-07-08", "2026-08-20"] {
            let a = assess(record(performance: date), asOf: day("2026-08-28"))
            #expect(!a.has("surgery.prognosis.inputsOutdated"), "\(date)")
            #expect(a.katagiri?.components.first { $0.key == "ecog" }?.points == 0)
        }
        // 29 days before: out of the window.
        #expect(assess(record(performance: "2026-07-07"), asOf: day("2026-08-28")).has("surgery.prognosis.inputsOutdated"))
    }
}

/// cb81-ac3 (unseen record, 2026-12-05): the same record with a neurological examination of
/// 2024-03-01, "intact, Frankel E", two and a half years before the L2 metastasis was seen. Its
/// NOMS read "neurologically intact (2024-03-01)" and Tokuhashi scored the palsy 2 (Frankel E):
/// an examination before the lesion existed vouches for nothing about it. Rule set 2026.12.315.
@Suite struct NeurologyBeforeTheLesionTests {
    func record(examined: String) -> CaseRecord {
        var r = PerformanceBeforeTheMetastasesTests().record(performance: "2026-08-20")
        r.neurology = [NeurologyRecord(date: day(examined), status: .intact, frankel: .E)]
        return r
    }

    @Test func anIntactFromBeforeTheLesionIsNoExaminationOfIt() throws {
        let a = assess(record(examined: "2024-03-01"), asOf: day("2026-08-28"))
        let noms = try #require(a.rule("surgery.spine.noms").first)
        #expect(noms.detail.en.contains("last examined neurologically intact on 2024-03-01, before this lesion was first seen (2026-08-05) — examine now"), "\(noms.detail.en)")
        #expect(noms.detail.zhHans.contains("早于首次发现本病灶（2026-08-05）——请现在检查"))
        #expect(a.tokuhashi?.components.first { $0.key == "frankel" }?.points == nil)
    }

    @Test func anExaminationOfTheLesionsTimeCounts() throws {
        let a = assess(record(examined: "2026-08-10"), asOf: day("2026-08-28"))
        let noms = try #require(a.rule("surgery.spine.noms").first)
        #expect(noms.detail.en.contains("neurologically intact (2026-08-10), Frankel E"))
        #expect(a.tokuhashi?.components.first { $0.key == "frankel" }?.points == 2)
    }
}

/// cb81-ad (unseen record, 2026-12-05): the same record with an albumin of 3.2 g/dL and a
/// haemoglobin of 10.5 g/dL from 2024-05-01, two years before the bone metastases. New Katagiri's
/// laboratory item read "abnormal (albumin 3.2 g/dL < 3.7)" and PATHFx's input "haemoglobin
/// 10.5 g/dL": Katagiri (2014) and PATHFx take the values at the assessment of the bone
/// metastases. Rule set 2026.12.315.
@Suite struct LaboratoryBeforeTheMetastasesTests {
    func record(labDate: String) -> CaseRecord {
        var r = PerformanceBeforeTheMetastasesTests().record(performance: "2026-08-20")
        r.labs = [
            LabResult(date: day(labDate), test: .albumin, value: 3.2, unit: "g/dL"),
            LabResult(date: day(labDate), test: .hemoglobin, value: 10.5, unit: "g/dL"),
        ]
        return r
    }

    @Test func oldValuesAreLeftOpenAndNamed() throws {
        let a = assess(record(labDate: "2024-05-01"), asOf: day("2026-08-28"))
        let finding = try #require(a.rule("surgery.prognosis.inputsOutdated").first)
        #expect(finding.title.en == "Laboratory values predate the bone metastases — measure them now")
        #expect(finding.detail.en.contains("albumin 3.2 g/dL (2024-05-01); haemoglobin 10.5 g/dL (2024-05-01)"), "\(finding.detail.en)")
        #expect(a.katagiri?.components.first { $0.key == "labs" }?.valueLabel?.en.contains("albumin 3.2") != true)
        let inputs = a.rule("surgery.prognosis.survivalModelInputs").first?.detail.en ?? ""
        #expect(inputs.contains("Missing: ") && inputs.contains("haemoglobin") && !inputs.contains("haemoglobin 10.5"), "\(inputs)")
    }

    @Test func valuesOfTheMetastasesTimeCount() throws {
        let a = assess(record(labDate: "2026-08-01"), asOf: day("2026-08-28"))
        #expect(!a.has("surgery.prognosis.inputsOutdated"))
        #expect(a.rule("surgery.prognosis.survivalModelInputs").first?.detail.en.contains("haemoglobin 10.5 g/dL") == true)
    }
}

/// cb81-ae (unseen record, 2026-12-05): zoledronic acid every 4 weeks from 2026-05-05, the only
/// creatinine before it of 2023-02-01 (0.7 mg/dL). It set "4.0 mg for CrCl 68.8" and, against a
/// creatinine of 1.25 mg/dL in July, an urgent hold — nothing said of the baseline being three
/// years before the course. The label doses from the CrCl before treatment and asks for creatinine
/// before every dose: the old value still serves (a hold that may be real is not dropped), said
/// with its age and, beside the dose, what the latest creatinine gives. Rule set 2026.12.315.
@Suite struct OldBaselineCreatinineTests {
    func record(latest: Double?) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1950-05-05")
        r.patient.weights = [WeightRecord(date: day("2026-05-01"), kg: 60)]
        r.dentalExams = [day("2026-05-02")]
        r.labs = [LabResult(date: day("2023-02-01"), test: .creatinine, value: 0.7, unit: "mg/dL")]
        if let latest { r.labs.append(LabResult(date: day("2026-07-27"), test: .creatinine, value: latest, unit: "mg/dL")) }
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2026-05-05"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4,
            doses: [day("2026-05-05"), day("2026-06-02"), day("2026-06-30")]))
        return r
    }

    @Test func theHoldSaysItsBaselineIsOld() throws {
        let hold = try #require(assess(record(latest: 1.25), asOf: day("2026-08-05")).rule("boneAgents.zoledronic.renalHold").first)
        #expect(hold.detail.en.hasPrefix("Baseline 0.7 mg/dL of 2023-02-01, 3 years before the first dose — no nearer creatinine is on record, so the rise may predate the course; now 1.25 mg/dL"), "\(hold.detail.en)")
        #expect(hold.detail.zhHans.contains("早于首剂 3 年——病历中无更接近首剂的血肌酐），升高可能早于本疗程；当前"), "\(hold.detail.zhHans)")
    }

    @Test func theDoseSaysWhatTheLatestGives() throws {
        let dose = try #require(assess(record(latest: 1.0), asOf: day("2026-08-05")).rule("boneAgents.zoledronic.dose").first)
        // (140 − 76) × 60 / (72 × 1.0) × 0.85 = 45.3 mL/min: 40–49 → 3.3 mg (Zometa label).
        #expect(dose.detail.en.contains("baseline: 3 years before the first dose — no nearer creatinine is on record; the latest, of 2026-07-27, gives CrCl 45.3 mL/min: 3.3 mg"), "\(dose.detail.en)")
    }

    /// A baseline within a dose's span (4 weeks and two: 42 days) before the first dose is said as
    /// before; one day more is said with its age.
    @Test func aTimelyBaselineIsSaidAsBefore() throws {
        var r = record(latest: nil)
        r.labs = [LabResult(date: day("2026-03-24"), test: .creatinine, value: 0.7, unit: "mg/dL")]
        let dose = try #require(assess(r, asOf: day("2026-06-05")).rule("boneAgents.zoledronic.dose").first)
        #expect(dose.detail.en.contains("baseline (before the first dose)"), "\(dose.detail.en)")
        r.labs = [LabResult(date: day("2026-03-23"), test: .creatinine, value: 0.7, unit: "mg/dL")]
        let older = try #require(assess(r, asOf: day("2026-06-05")).rule("boneAgents.zoledronic.dose").first)
        #expect(older.detail.en.contains("baseline: 43 days before the first dose"), "\(older.detail.en)")
    }

    /// cb83-c (unseen record, 2026-12-05): a course begun 2023-09-15 that lists only its doses of
    /// 2026 began at its start: a creatinine five days before it is the timely baseline, not one "2
    /// years before the first dose". Rule set 2026.12.317.
    @Test func theCourseBeganAtItsStartWhenItsEarlyDosesAreNotListed() throws {
        var r = record(latest: nil)
        r.labs = [LabResult(date: day("2023-09-10"), test: .creatinine, value: 0.7, unit: "mg/dL")]
        r.treatments[1] = Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2023-09-15"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4,
            doses: [day("2026-04-07"), day("2026-05-05")])
        let dose = try #require(assess(r, asOf: day("2026-05-10")).rule("boneAgents.zoledronic.dose").first)
        #expect(dose.detail.en.contains("(2023-09-10; baseline (before the first dose))"), "\(dose.detail.en)")
        #expect(!dose.detail.en.contains("years before the first dose"))
    }
}

/// cb81-af, cb81-o (unseen records, 2026-12-05): a lesion completely filled in on one CT, read
/// "blastic, no destruction" on the next (the fill-in not written again), read "NE — size not
/// measured": the healed lesion stays healed, MDA's complete response continuing (Hamaoka 2004).
/// Rule set 2026.12.315.
@Suite struct HealedLesionStaysHealedTests {
    let filledIn = observation("P", .blastic) { $0.boneDestruction = false; $0.fillIn = .complete }

    @Test func stillSclerosedIsACompleteResponse() {
        let result = MDA.classify(prior: filledIn, current: observation("P", .blastic) { $0.boneDestruction = false }, modality: .ct)
        #expect(result.category == .completeResponse)
        #expect(result.reasons.map(\.en) == ["still sclerotic without destruction after complete fill-in"])
        #expect(result.reasons.map(\.zhHans) == ["完全硬化填充后仍为成骨性、无骨质破坏"])
    }

    /// Destruction not recorded either way, a lytic part again, or growth: not this.
    @Test func anythingElseIsReadAsBefore() {
        #expect(MDA.classify(prior: filledIn, current: observation("P", .blastic), modality: .ct).category == .notEvaluable)
        #expect(MDA.classify(prior: filledIn, current: observation("P", .mixed) { $0.boneDestruction = true }, modality: .ct).category == .progressiveDisease)
        let sized = observation("P", .blastic, [20, 20]) { $0.boneDestruction = false; $0.fillIn = .complete }
        #expect(MDA.classify(prior: sized, current: observation("P", .blastic, [26, 26]) { $0.boneDestruction = false }, modality: .ct).category == .progressiveDisease)
    }
}

/// cb81-ah (unseen record, 2026-12-05): a lymphoma's femur, lytic with "moderate" pain in March,
/// read "mixed" with its uptake gone on the PET-CT after six cycles of R-CHOP, scored "Mirels 8 —
/// prophylactic fixation, urgent" from the March pain. A regimen that has had time to act on bone
/// (`blasticLatencyWeeks`) since the pain was graded leaves that pain out: "grade the pain now".
/// A radiotherapy course does not (Mirels 1989 scored before it and followed the lesion through).
/// Rule set 2026.12.315.
@Suite struct PainBeforeTheRegimenTests {
    func record(regimenStart: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .diaphysis, laterality: .right)]
        r.studies = [
            xray("X1", "2026-03-03", [observation("F", .lytic) { $0.boneDestruction = true; $0.mirelsSize = .oneThirdToTwoThirds }]),
            xray("X2", "2026-06-10", [observation("F", .mixed) { $0.boneDestruction = true }]),
        ]
        r.pain = [PainRecord(date: day("2026-03-03"), lesion: "F", mirels: .moderate, nrs: 5)]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "R-CHOP", systemicClass: .chemotherapy, start: day(regimenStart))]
        return r
    }

    func xray(_ id: String, _ date: String, _ observations: [LesionObservation]) -> ImagingStudy {
        var study = ct(id, date, observations)
        study.modality = .xray
        study.windows = []
        return study
    }

    @Test func painBeforeARegimenThatHasActedIsLeftOut() throws {
        let a = assess(record(regimenStart: "2026-03-10"), asOf: day("2026-06-15"))
        let mirels = try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("F") })
        #expect(mirels.severity != .urgent)
        #expect(mirels.detail.en.contains("pain: unknown — not the pain record of 2026-03-03, graded before R-CHOP began (2026-03-10): grade the pain now"), "\(mirels.detail.en)")
        #expect(mirels.detail.zhHans.contains("2026-03-03 的疼痛记录早于R-CHOP开始（2026-03-10），不再采用"))
    }

    /// A regimen begun before the pain, or too recently to have acted (under 8 weeks before the
    /// film): the pain counts.
    @Test func painOfTheRegimensTimeCounts() throws {
        for start in ["2026-02-20", "2026-04-20"] {
            let a = assess(record(regimenStart: start), asOf: day("2026-06-15"))
            let mirels = try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("F") })
            #expect(mirels.detail.en.contains("pain: moderate"), "\(start): \(mirels.detail.en)")
        }
    }
}

/// cb81-ak (unseen record, 2026-12-05): a HER2-positive breast cancer on trastuzumab deruxtecan,
/// its only systemic therapy. New Katagiri read "previous chemotherapy no → 0": the conjugate is
/// classed by ATC with its antibody (targeted), but carries a cytotoxic payload, and Katagiri
/// 2014 predates it — the item is left open and said so. Rule set 2026.12.315.
@Suite struct ConjugateAsPreviousChemotherapyTests {
    func record(_ drugs: [String]) -> CaseRecord {
        var r = baseCase()
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: drugs.joined(separator: " + "), drugs: drugs, start: day("2023-01-10"))]
        return r
    }

    @Test func aConjugateLeavesPreviousChemotherapyOpen() throws {
        for drugs in [["trastuzumab deruxtecan"], ["T-DM1"], ["戈沙妥珠单抗"]] {
            let a = assess(record(drugs), asOf: day("2023-03-25"))
            let item = try #require(a.katagiri?.components.first { $0.key == "previousChemotherapy" })
            #expect(item.points == nil && item.possible == 0...1, "\(drugs)")
            #expect(a.rule("surgery.prognosis.katagiri").first?.detail.en.contains("an antibody–drug conjugate, classed with its antibody but carrying a cytotoxic payload") == true)
        }
        // Beside a cytotoxic drug: chemotherapy, settled.
        let both = assess(record(["trastuzumab deruxtecan", "capecitabine"]), asOf: day("2023-03-25"))
        #expect(both.katagiri?.components.first { $0.key == "previousChemotherapy" }?.points == 1)
        // The antibody alone: targeted, no chemotherapy.
        let antibody = assess(record(["trastuzumab", "pertuzumab"]), asOf: day("2023-03-25"))
        #expect(antibody.katagiri?.components.first { $0.key == "previousChemotherapy" }?.points == 0)
    }
}

/// cb81-ak2 (unseen record, 2026-12-05): a Mirels 11 femur with a transfer planned for
/// 2025-12-01 and trial enrolment for 2025-12-20, assessed on 2026-01-25: "Planned: transfer on
/// 2025-12-01; trial enrolment on 2025-12-20", as if still to come. Rule set 2026.12.315.
@Suite struct PlannedDayPassedTests {
    func record(transfer: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .peritrochanteric, laterality: .left)]
        r.studies = [ct("C1", "2026-01-05", [observation("F", .lytic, [30, 24]) { $0.boneDestruction = true; $0.mirelsSize = .oneThirdToTwoThirds }])]
        r.pain = [PainRecord(date: day("2026-01-05"), lesion: "F", mirels: .functional, nrs: 7)]
        r.plans.transfer = day(transfer)
        return r
    }

    @Test func aPlanWhoseDayHasPassedIsSaidSo() throws {
        let past = try #require(assess(record(transfer: "2025-12-01"), asOf: day("2026-01-25")).rule("surgery.mirels.impendingFracture").first)
        #expect(past.detail.en.contains("Planned: transfer on 2025-12-01 (that day has passed — record whether it took place)."), "\(past.detail.en)")
        #expect(past.detail.zhHans.contains("2025-12-01 转院（该日期已过——请记录是否已实施）"))
        let coming = try #require(assess(record(transfer: "2026-02-01"), asOf: day("2026-01-25")).rule("surgery.mirels.impendingFracture").first)
        #expect(coming.detail.en.contains("Planned: transfer on 2026-02-01."))
    }
}

/// cb81-o2 (unseen record, 2026-12-05): a calcium of 11.2 mg/dL 14 months before, zoledronic acid
/// every 12 weeks since (six doses), no calcium measured since. The hypercalcaemia finding advised
/// "still above normal 7 days or more after the dose, retreat (zoledronic acid 4 mg)" — the
/// retreatment of an episode the course has long gone past. It now asks to measure calcium and
/// act on that value, and stays a warning (the calcium may still be high). Rule set 2026.12.315.
@Suite struct CalciumUnmeasuredSinceDosesTests {
    func record(doses: [String]) -> CaseRecord {
        var r = baseCase()
        r.labs = [LabResult(date: day("2025-03-12"), test: .calcium, value: 11.2, unit: "mg/dL")]
        r.dentalExams = [day("2025-03-01")]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2025-03-15"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 12,
            doses: doses.map(day)))
        return r
    }

    @Test func severalDosesSinceAskForACalciumNotARetreatment() throws {
        let a = assess(record(doses: ["2025-03-15", "2025-06-07", "2025-08-30"]), asOf: day("2025-09-10"))
        let finding = try #require(a.rule("labs.hypercalcaemia").first)
        #expect(finding.severity == .warning)
        #expect(finding.detail.en.contains("3 doses have been given since this calcium and none measured: measure calcium (and albumin) now — act on the value measured."), "\(finding.detail.en)")
        #expect(!finding.detail.en.contains("retreat"))
        #expect(finding.detail.zhHans.contains("此次血钙后已给药 3 次且未再测血钙"))
    }

    /// One dose since, measured or not: the treated episode's advice, as before — at the CrCl's
    /// dose since 2026.12.429, the calcium (11.2 mg/dL) being below the label's hypercalcaemia of
    /// malignancy (≥ 12 mg/dL; `MildHypercalcaemiaRetreatmentDoseTests`).
    @Test func oneDoseSinceKeepsTheEpisodesAdvice() throws {
        let a = assess(record(doses: ["2025-03-15"]), asOf: day("2025-03-30"))
        let detail = a.rule("labs.hypercalcaemia").first?.detail.en ?? ""
        #expect(detail.contains("retreat (zoledronic acid at the dose for the CrCl"), "\(detail)")
    }
}
