import BoneMetRules
import Testing

/// Rule set 2026.12.11: what a second batch of whole records written from scratch (a
/// periacetabular lesion, a zoledronic acid renal hold easing off, castration-resistant prostate
/// cancer first imaged years into ADT, an EGFR lung cancer with a sacral lesion) showed the rules
/// reading wrongly, each pinned at its class with the source of the fact.
@Suite struct RenalHoldStateTests {
    /// Baseline 0.8 mg/dL before the first dose (resume line 0.88), then the creatinines given.
    func record(_ later: [(String, Double)]) -> CaseRecord {
        var r = baseCase()
        r.labs = [LabResult(date: day("2023-01-15"), test: .creatinine, value: 0.8, unit: "mg/dL")]
            + later.map { LabResult(date: day($0.0), test: .creatinine, value: $0.1, unit: "mg/dL") }
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4,
            doses: [day("2023-01-20"), day("2023-02-17")]))
        r.dentalExams = [day("2023-01-10")]
        return r
    }

    /// Zometa label: withheld after a rise of ≥ 0.5 mg/dL over a normal baseline, resumed only when
    /// creatinine is back within 10 % of baseline. A creatinine that fell below the rise line but
    /// not to the resume line kept nothing on hold before, and the dose was "due".
    @Test func aHoldLastsUntilCreatinineIsBackWithinTenPercent() throws {
        let rising = [("2023-03-10", 1.4)]
        let easing = rising + [("2023-04-01", 0.95)]
        let back = easing + [("2023-04-20", 0.88)]
        let again = back + [("2023-05-10", 1.3)]
        let held = assess(record(easing), asOf: day("2023-04-02"))
        let hold = try #require(held.rule("boneAgents.zoledronic.renalHold").first)
        #expect(hold.title.en == "Keep withholding zoledronic acid: creatinine 0.95 mg/dL, not yet ≤ 0.88 mg/dL")
        #expect(hold.detail.en.contains("withheld since 1.4 mg/dL on 2023-03-10"))
        #expect(hold.title.zhHans.contains("继续暂停唑来膦酸"))
        #expect(!held.has("boneAgents.doseDue"))
        #expect(Claim.contradictions(in: held.findings).isEmpty)
        // Within 10 % (0.88 ≤ 0.88): resumed at the baseline dose, and the next dose is due.
        let resumed = assess(record(back), asOf: day("2023-04-21"))
        #expect(!resumed.has("boneAgents.zoledronic.renalHold"))
        #expect(try #require(resumed.rule("boneAgents.zoledronic.dose").first).title.en.contains("4.0 mg"))
        #expect(resumed.has("boneAgents.doseDue"))
        // A new rise after resuming withholds it again, as a rise (not an easing).
        let rewithheld = try #require(assess(record(again), asOf: day("2023-05-11")).rule("boneAgents.zoledronic.renalHold").first)
        #expect(rewithheld.title.en == "Withhold zoledronic acid: creatinine rose by 0.5 mg/dL")
        // The first rise itself is still worded as a rise.
        let first = try #require(assess(record(rising), asOf: day("2023-03-11")).rule("boneAgents.zoledronic.renalHold").first)
        #expect(first.title.en == "Withhold zoledronic acid: creatinine rose by 0.6 mg/dL")
    }
}

@Suite struct BlasticUnderTherapyTests {
    /// A prostate-like picture: blastic lesion first imaged long after systemic therapy started.
    func record(priorStudy: Bool) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left)]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2021-03-01"))]
        let later = ct("S2", "2023-01-05", [observation("L1", .blastic) { $0.boneDestruction = true }])
        r.studies = priorStudy ? [ct("S1", "2022-06-01", []), later] : [later]
        return r
    }

    /// Seed scenario 4 ("blastic lesion appearing after systemic therapy started: do not biopsy;
    /// likely response") needs the lesion to have appeared: an earlier study of its region that
    /// did not show it. First imaged years into therapy, when it appeared is unknown and its
    /// sclerosis is not called a response — still no biopsy (reactive bone or necrosis).
    @Test func onlyALesionSeenToAppearIsCalledALikelyResponse() throws {
        let undated = try #require(assess(record(priorStudy: false), asOf: day("2023-01-10")).rule("diagnosis.biopsy.blasticAfterTherapy").first)
        #expect(undated.title.en == "left pelvis: blastic lesion under systemic therapy — do not biopsy")
        #expect(!undated.detail.en.contains("likely response"))
        #expect(undated.detail.en.contains("no earlier imaging of this region"))
        #expect(!undated.detail.zhHans.contains("多为治疗反应"))
        #expect(undated.claims.contains(Claim(.biopsy, about: "L1", "noBiopsy")))
        let dated = try #require(assess(record(priorStudy: true), asOf: day("2023-01-10")).rule("diagnosis.biopsy.blasticAfterTherapy").first)
        #expect(dated.title.en == "left pelvis: blastic lesion after systemic therapy started — do not biopsy")
        #expect(dated.detail.en.contains("likely response"))
    }
}

@Suite struct PelvicLesionTests {
    func record(_ bone: Bone, _ character: LesionCharacter, destruction: Bool, biopsy: BiopsyResult? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: bone, laterality: .right), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L3"))]
        r.studies = [ct("S1", "2023-01-05", [
            observation("L1", character, [40, 30]) { $0.boneDestruction = destruction },
            observation("L2", .lytic, [15, 10]) { $0.boneDestruction = true },
        ])]
        r.pain = [PainRecord(date: day("2023-01-06"), lesion: "L1", nrs: 7)]
        if let biopsy { r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-08"), result: biopsy)] }
        return r
    }

    /// Mirels is for limb long bones (Mirels 1989) and SINS for the spine (Fisher 2010); there is
    /// no validated score for the pelvis in reference.md. A lytic periacetabular metastasis with
    /// weight-bearing pain had no surgical finding at all: it is said plainly, without a score.
    @Test func aDestructivePelvicLesionGoesToOrthopaedicJudgementWithoutAScore() throws {
        let a = assess(record(.acetabulum, .lytic, destruction: true), asOf: day("2023-01-10"))
        let finding = try #require(a.rule("surgery.pelvis.noValidatedScore").first)
        #expect(finding.subject == .lesion("L1"))
        #expect(finding.severity == .advisory)
        #expect(finding.specialty == .orthopaedics)
        #expect(finding.title.en == "right acetabulum: bone destruction at the hip joint — no validated score; orthopaedic oncology to judge")
        #expect(finding.detail.en.contains("Pain on record: NRS 7 (2023-01-06)."))
        #expect(finding.detail.zhHans.contains("髋臼承担髋关节负重"))
        #expect(!finding.detail.en.contains("Mirels 1") && finding.claims.isEmpty)
        #expect(assess(record(.pelvis, .mixed, destruction: true), asOf: day("2023-01-10")).has("surgery.pelvis.noValidatedScore"))
        // Blastic without destruction, or not a metastasis on biopsy: nothing to judge here.
        #expect(!assess(record(.pelvis, .blastic, destruction: false), asOf: day("2023-01-10")).has("surgery.pelvis.noValidatedScore"))
        #expect(!assess(record(.acetabulum, .lytic, destruction: true, biopsy: .benign), asOf: day("2023-01-10")).has("surgery.pelvis.noValidatedScore"))
        // Long bones and the spine keep their own scores.
        #expect(!assess(baseCase(), asOf: day("2023-04-01")).has("surgery.pelvis.noValidatedScore"))
    }
}

@Suite struct SpinalCountTests {
    /// Revised Tokuhashi counts metastases to the vertebral bodies and extraspinal foci; the
    /// sacrum belongs to the spine (SINS scores S1–S5). A sacral lesion beside a vertebral one
    /// was counted as neither, which raised the score (fewer metastases, longer survival).
    @Test func aSacralLesionCountsAsSpinalInTokuhashi() throws {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "V", bone: .vertebra, level: VertebralLevel("C7")), Lesion(id: "S", bone: .sacrum, level: VertebralLevel("S1")),
            Lesion(id: "P", bone: .pelvis, laterality: .right),
        ]
        r.studies = [
            survey("B0", "2023-01-04", ["V", "S", "P"]),
            ct("S1", "2023-01-05", ["V", "S", "P"].map { id in observation(id, .lytic, [20, 15]) { $0.boneDestruction = true } }),
        ]
        let tokuhashi = try #require(assess(r, asOf: day("2023-01-10")).rule("surgery.prognosis.tokuhashi").first)
        #expect(tokuhashi.inputs.contains(FindingInput("vertebralBodyMets", "2")))
        #expect(tokuhashi.inputs.contains(FindingInput("extraspinalBoneMets", "1")))
    }
}

@Suite struct KatagiriLabTextTests {
    /// A tier still open says what is already known and what is missing: "unknown" read as if
    /// nothing was on record (LDH 310 and albumin 3.6 g/dL were).
    @Test func anOpenLabTierNamesWhatIsKnownAndWhatIsMissing() throws {
        let label = try #require(Katagiri.evaluate(Katagiri.Input(
            primaryGrowth: .slow, visceralMets: Katagiri.VisceralMets.none, labValues: Katagiri.LabValues(ldhIuL: 310, albuminGDl: 3.6), ecog: 1,
            previousChemotherapy: false, multipleSkeletalMets: true
        )).components.first { $0.key == "labs" }?.valueLabel)
        #expect(label.en == "abnormal (LDH 310 IU/L ≥ 250; albumin 3.6 g/dL < 3.7); not recorded: platelets, corrected calcium, total bilirubin")
        #expect(label.zhHans == "异常（LDH 310 IU/L ≥250；白蛋白 3.6 g/dL <3.7）；未记录：血小板、校正血钙、总胆红素")
        let normal = try #require(Katagiri.evaluate(Katagiri.Input(labValues: Katagiri.LabValues(ldhIuL: 180))).components.first { $0.key == "labs" }?.valueLabel)
        #expect(normal.en.hasPrefix("no abnormal or critical value so far; not recorded: platelets"))
    }
}

@Suite struct UptakeWithNothingUnderItTests {
    /// A rib hot spot whose region a bone-window CT read and found nothing (`present: false`).
    func record(ctSees: Bool?, xrayOnly: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "R", bone: .rib, laterality: .left), Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T8"))]
        let scan = ImagingStudy(id: "B1", date: day("2023-01-02"), modality: .boneScan, observations: [
            observation("R") { $0.uptake = true }, observation("V") { $0.uptake = true },
        ])
        let rib: LesionObservation? = ctSees.map { sees in sees ? observation("R", .lytic) { $0.boneDestruction = true } : observation("R") { $0.present = false } }
        let xray = ImagingStudy(id: "X1", date: day("2023-01-03"), modality: .xray, coverage: [.chest], observations: [observation("R") { $0.boneDestruction = false }])
        let spine = ct("C1", "2023-01-05", [observation("V", .lytic, [20, 15]) { $0.boneDestruction = true }] + (xrayOnly ? [] : [rib].compactMap { $0 }))
        r.studies = xrayOnly ? [scan, xray, spine] : [scan, spine]
        return r
    }

    /// Reference.md: bone-scan uptake without CT destruction is not a metastasis. A bone-window
    /// CT that looked and found no lesion at all (`present: false`) excludes destruction too — the
    /// rib was called "no X-ray or CT bone-window read" and counted as a metastasis in Tokuhashi.
    @Test func aCTThatFindsNothingUnderAHotSpotExcludesIt() throws {
        let a = assess(record(ctSees: false), asOf: day("2023-01-10"))
        let finding = try #require(a.rule("diagnosis.uptakeWithoutDestruction").first)
        #expect(finding.subject == .lesion("R"))
        #expect(finding.detail.en.hasPrefix("Tracer uptake, but the CT bone window (2023-01-05) shows no bone destruction — no lesion at all."))
        #expect(!unreadLesions(a).contains("R"))
        #expect(try #require(a.rule("surgery.prognosis.tokuhashi").first).inputs.contains(FindingInput("extraspinalBoneMets", "0")))
        // Destruction on the CT: a metastasis.
        #expect(!assess(record(ctSees: true), asOf: day("2023-01-10")).has("diagnosis.uptakeWithoutDestruction"))
        // Ribs are poorly seen on X-ray (reference.md): a film without destruction excludes nothing.
        let film = assess(record(ctSees: nil, xrayOnly: true), asOf: day("2023-01-10"))
        #expect(!film.has("diagnosis.uptakeWithoutDestruction"))
        #expect(film.has("diagnosis.imaging.ribOnXray", subject: .lesion("R")))
    }
}

@Suite struct MeasurabilityEvidenceTests {
    /// RECIST 1.1: a lytic or mixed lesion is measurable by a soft-tissue component ≥ 10 mm on
    /// CT/MRI. Each fact from its most recent evidence — an MRI read only for ESCC erased a 12 mm
    /// component — and a component never measured (an X-ray only) is unknown, not absent.
    @Test func measurabilityTakesEachFactFromItsLatestEvidence() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T8")), Lesion(id: "F", bone: .femur, segment: .proximal, laterality: .right)]
        r.studies = [
            ImagingStudy(id: "X1", date: day("2023-01-03"), modality: .xray, coverage: [.rightLowerLimb], observations: [observation("F", .mixed)]),
            ct("C1", "2023-01-05", [observation("V", .lytic, [22, 18]) { $0.boneDestruction = true; $0.softTissueMm = 12 }]),
            ImagingStudy(id: "M1", date: day("2023-01-07"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("V") { $0.escc = .g1b }]),
        ]
        let a = assess(r, asOf: day("2023-01-10"))
        let spine = try #require(a.rule("boneHealth.recist.measurability").first { $0.subject == .lesion("V") })
        #expect(spine.title.en == "T8 vertebra: RECIST-measurable")
        #expect(spine.inputs.contains(FindingInput("softTissueMm", "12.0")))
        let femur = try #require(a.rule("boneHealth.recist.measurability").first { $0.subject == .lesion("F") })
        #expect(femur.title.en == "right femur, proximal: RECIST measurability undetermined")
        #expect(femur.detail.en.hasPrefix("seen only on X-ray, which cannot measure bone lesions"))
        #expect(femur.title.zhHans.hasSuffix("RECIST 可测量性未定"))
        // Measured below 10 mm later under the regimen begun after it: measurable at baseline
        // (rule set .427, RECIST 1.1's baseline); with no regimen, the latest reading decides.
        r.studies.append(ct("C2", "2023-03-05", [observation("V", .lytic, [20, 18]) { $0.softTissueMm = 6 }]))
        let smaller = try #require(assess(r, asOf: day("2023-03-10")).rule("boneHealth.recist.measurability").first { $0.subject == .lesion("V") })
        #expect(smaller.title.en == "T8 vertebra: RECIST-measurable (at baseline)")
        r.treatments = []
        let untreated = try #require(assess(r, asOf: day("2023-03-10")).rule("boneHealth.recist.measurability").first { $0.subject == .lesion("V") })
        #expect(untreated.title.en == "T8 vertebra: not RECIST-measurable")
    }
}

@Suite struct CordCompressionSRETests {
    func record(_ grade: ESCC.Grade, event: ClinicalEvent? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T12")), Lesion(id: "F", bone: .femur, segment: .diaphysis, laterality: .left)]
        r.studies = [
            ct("C1", "2023-01-05", [observation("V", .lytic, [30, 28]) { $0.boneDestruction = true }, observation("F", .lytic, [20, 15]) { $0.boneDestruction = true }]),
            ImagingStudy(id: "M1", date: day("2023-01-07"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("V") { $0.escc = grade }]),
        ]
        r.treatments.append(Treatment(id: "RT", kind: .radiotherapy, name: "RT femur", lesions: ["F"], start: day("2023-01-20"), doseGy: 8, fractions: 1))
        if let event { r.events = [event] }
        return r
    }

    func sre(_ r: CaseRecord) -> Finding? { assess(r, asOf: day("2023-02-01")).rule("boneAgents.sreHistory").first }

    /// The SRE "spinal cord compression" (Stopeck 2010) is what ESCC 2 and 3 grade — "cord
    /// compressed" (Bilsky 2010) — recorded as an event or not; ESCC 3 with myelopathy was not
    /// counted. 1c (abutted) is not compression. Radiotherapy and surgery name their lesions.
    @Test func aCordCompressedOnMRIIsAnSRE() throws {
        for grade in [ESCC.Grade.g2, .g3] {
            let finding = try #require(sre(record(grade)))
            #expect(finding.detail.en.contains("2023-01-07 spinal cord compression, T12 vertebra (ESCC \(grade.rawValue) on MRI)"))
            #expect(finding.detail.zhHans.contains("脊髓压迫，T12 椎体"))
            #expect(finding.detail.en.contains("2023-01-20 radiotherapy to bone, left femur, diaphysis"))
            #expect(finding.inputs.contains(FindingInput("count", "2")))
        }
        #expect(try #require(sre(record(.g1c))).inputs.contains(FindingInput("count", "1")))
        // Recorded as an event, it is counted once.
        let recorded = ClinicalEvent(date: day("2023-01-07"), kind: .cordCompression, lesion: "V")
        #expect(try #require(sre(record(.g3, event: recorded))).inputs.contains(FindingInput("count", "2")))
    }
}

@Suite struct IntervalBiopsyTests {
    /// Three lesions five years after a breast primary (reference.md: biopsy after a long
    /// disease-free interval).
    func record() -> CaseRecord {
        var r = baseCase()
        r.primaries[0].diagnosed = day("2017-06")
        r.lesions = [
            Lesion(id: "A", bone: .acetabulum, laterality: .right), Lesion(id: "H", bone: .humerus, segment: .diaphysis, laterality: .left),
            Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L3")),
        ]
        r.studies = [ct("C1", "2023-01-05", [
            observation("A", .lytic, [40, 30]) { $0.boneDestruction = true }, observation("H", .lytic, [20, 15]) { $0.boneDestruction = true },
            observation("V", .blastic, [15, 10]),
        ])]
        r.treatments = []
        return r
    }

    /// The interval is the patient's: one biopsy answers it (a lesion seen after a diagnostic
    /// biopsy is not open on its account, rule set 2026.12.8). Three lesions gave three identical
    /// "biopsy indicated" findings; now one names the lytic or mixed lesions a biopsy can take.
    @Test func aLongIntervalAsksForOneBiopsyOfThePatient() throws {
        let a = assess(record(), asOf: day("2023-01-10"))
        let biopsy = a.rule("diagnosis.biopsy.indicated")
        #expect(biopsy.count == 1)
        let finding = try #require(biopsy.first)
        #expect(finding.subject == .patient)
        #expect(finding.title.en == "Biopsy indicated: long disease-free interval")
        #expect(finding.detail.en.contains("the most accessible lytic or mixed lesion (right acetabulum; left humerus, diaphysis)"))
        #expect(finding.detail.zhHans.contains("右髋臼、左肱骨骨干"))
        // The blastic L3 follows the blastic rules (no treatment: get a bone scan), not this one.
        #expect(finding.inputs.contains(FindingInput("lesions", "A,H")))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // A lesion with a reason of its own (planned for surgery) takes the biopsy, and the
        // interval is said there; no second finding.
        var planned = record()
        planned.treatments = [Treatment(id: "S", kind: .surgery, lesions: ["H"], planned: true, procedure: .prophylacticFixation)]
        let own = assess(planned, asOf: day("2023-01-10")).rule("diagnosis.biopsy.indicated")
        #expect(own.map(\.subject) == [.lesion("H")])
        #expect(own.first?.detail.en.contains("long disease-free interval") == true)
    }
}

@Suite struct HypercalcaemiaRenalChoiceTests {
    /// A 77-year-old, 55 kg woman with corrected calcium 12.2 mg/dL and the creatinine given.
    func record(creatinine: Double, hold: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1946-01-01")
        r.patient.weights = [WeightRecord(date: day("2023-01-01"), kg: 55)]
        r.labs = [
            LabResult(date: day("2023-03-01"), test: .calcium, value: 11.6, unit: "mg/dL"),
            LabResult(date: day("2023-03-01"), test: .albumin, value: 3.2, unit: "g/dL"),
            LabResult(date: day("2023-03-01"), test: .creatinine, value: creatinine, unit: "mg/dL"),
        ]
        if hold {
            r.labs.insert(LabResult(date: day("2023-01-15"), test: .creatinine, value: 0.9, unit: "mg/dL"), at: 0)
            r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .zoledronicAcid, doseMg: 4, doses: [day("2023-01-20")]))
            r.dentalExams = [day("2023-01-10")]
        }
        return r
    }

    func advice(_ r: CaseRecord) throws -> String {
        try #require(assess(r, asOf: day("2023-03-02")).rule("labs.hypercalcaemia").first).detail.en
    }

    /// Zometa label: in hypercalcaemia of malignancy 4 mg with no dose adjustment while creatinine
    /// is < 4.5 mg/dL — the CrCl bands are for SRE prevention. At CrCl ≈ 21 (creatinine 1.9) the
    /// finding named denosumab alone "for renal function", whose boxed warning is severe
    /// hypocalcaemia at eGFR < 30 (reference.md). Both are now shown with their risks.
    @Test func atACrClBelow30BothAgentsAreShownWithTheirRisks() throws {
        let low = try advice(record(creatinine: 1.9))
        #expect(low.contains("either zoledronic acid 4 mg IV over ≥ 15 min — CrCl "))
        #expect(low.contains("the hypercalcaemia label sets no CrCl limit while creatinine is < 4.5 mg/dL"))
        #expect(low.contains("or denosumab (no renal adjustment; severe hypocalcaemia risk at eGFR < 30"))
        // Creatinine ≥ 4.5 mg/dL: outside the label's trials — denosumab, with its warning.
        let high = try advice(record(creatinine: 4.6))
        #expect(high.contains("then denosumab (no renal adjustment; severe hypocalcaemia risk"))
        #expect(high.contains("zoledronic acid is withheld for renal function — creatinine ≥ 4.5 mg/dL"))
        // A course on renal hold (0.9 → 1.9 mg/dL) keeps zoledronic acid withheld.
        #expect(try advice(record(creatinine: 1.9, hold: true)).contains("zoledronic acid is withheld for renal function — a renal hold"))
        // Normal renal function: zoledronic acid 4 mg as before.
        #expect(try advice(record(creatinine: 0.8)).contains("then zoledronic acid 4 mg IV over ≥ 15 min (in hypercalcaemia no CrCl adjustment"))
    }
}

@Suite struct StartAdviceKidneyTests {
    /// Zometa label (CrCl < 30: not recommended) and Xgeva label (boxed warning: severe
    /// hypocalcaemia with eGFR < 30): advice to start an agent at CrCl ≈ 21 said neither.
    @Test func startAdviceAtCrClBelow30NamesBothLabels() throws {
        var r = baseCase()
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2023-01-10"))]
        r.patient.birthDate = day("1946-01-01")
        r.patient.weights = [WeightRecord(date: day("2023-01-01"), kg: 55)]
        r.labs = [LabResult(date: day("2023-03-01"), test: .creatinine, value: 1.9, unit: "mg/dL")]
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-07"), result: .metastasis)]
        let start = try #require(assess(r, asOf: day("2023-03-02")).rule("boneAgents.indication").first)
        #expect(start.detail.en.contains("Kidney function CrCl 21.5 mL/min (< 30): zoledronic acid is not recommended; denosumab needs no renal adjustment but carries a boxed warning of severe hypocalcaemia"))
        #expect(start.detail.zhHans.contains("不推荐唑来膦酸"))
        #expect(start.sources.contains { $0.id == "xgevaLabel" })
        r.labs = [LabResult(date: day("2023-03-01"), test: .creatinine, value: 0.8, unit: "mg/dL")]
        #expect(try #require(assess(r, asOf: day("2023-03-02")).rule("boneAgents.indication").first).detail.en.contains("Kidney function") == false)
    }
}

@Suite struct StoppedAgentTests {
    /// Reference.md (denosumab: rebound bone turnover on stopping) and the Xgeva label (multiple
    /// vertebral fractures after discontinuation): four years of denosumab, stopped at the
    /// patient's choice two months ago, read "Bone metastases without a bone-modifying agent".
    @Test func aStoppedCourseIsNamedWithWhatStoppingItMeans() throws {
        var r = baseCase()
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-07"), result: .metastasis)]
        r.treatments.append(Treatment(
            id: "D", kind: .boneModifyingAgent, start: day("2023-01-20"), end: day("2023-05"), stopReason: .patientChoice, agent: .denosumab, doseMg: 120))
        r.dentalExams = [day("2023-01-10")]
        let finding = try #require(assess(r, asOf: day("2023-07-01")).rule("boneAgents.indication").first)
        #expect(finding.title.en == "Bone-modifying agent stopped (denosumab, 2023-05) — decide whether to resume")
        #expect(finding.detail.en.hasPrefix("Denosumab was given 2023-01-20–2023-05, stopped (patient's choice). Stopping denosumab is followed by rebound bone turnover"))
        #expect(finding.detail.zhHans.hasPrefix("地舒单抗曾用于 2023-01-20–2023-05，因患者意愿停用。"))
        #expect(finding.sources.contains { $0.id == "xgevaDiscontinuation" })
        #expect(finding.claims == [Claim(.boneAgentIndication, about: "patient", "start")])
        // Zoledronic acid stopped: named, without denosumab's rebound.
        r.treatments[1].agent = .zoledronicAcid
        let zoledronic = try #require(assess(r, asOf: day("2023-07-01")).rule("boneAgents.indication").first)
        #expect(zoledronic.detail.en.hasPrefix("Zoledronic acid was given 2023-01-20–2023-05, stopped (patient's choice). Breast cancer"))
    }
}

@Suite struct FixationAndSurvivalTests {
    /// A lytic tibial lesion at Mirels 9 in a patient whose New Katagiri is settled high (the
    /// skeletal-metastasis score: 7–10, 6-month survival 27 %, Katagiri 2014).
    func record(disseminated: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .colon, diagnosed: day("2021-01"))]
        r.lesions = [Lesion(id: "T", bone: .tibia, segment: .proximal, laterality: .right), Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L4"))]
        r.studies = [
            ImagingStudy(id: "X1", date: day("2023-01-05"), modality: .xray, coverage: [.rightLowerLimb], observations: [observation("T", .lytic) { $0.fractionOfDiameter = 0.5 }]),
            ct("C1", "2023-01-05", [observation("V", .lytic, [20, 15]) { $0.boneDestruction = true }]),
        ]
        r.pain = [PainRecord(date: day("2023-01-04"), lesion: "T", mirels: .moderate)]
        r.performance = [PerformanceStatus(date: day("2023-01-04"), ecog: disseminated ? 3 : 1)]
        r.visceralMetastases = [VisceralMetastasis(organ: "peritoneum", date: day("2022-10"), pattern: disseminated ? .disseminated : .nodular)]
        r.treatments = [Treatment(id: "C", kind: .systemic, name: "FOLFOX", systemicClass: .chemotherapy, start: day("2021-02"), end: day("2022-06"))]
        return r
    }

    /// The urgent fixation advice said nothing of it, while the Katagiri finding said "prefer the
    /// least invasive effective palliation".
    @Test func aSettledHighKatagiriIsWeighedAgainstFixation() throws {
        let short = try #require(assess(record(disseminated: true), asOf: day("2023-01-10")).rule("surgery.mirels.impendingFracture").first)
        #expect(short.detail.en.hasSuffix("Expected survival is short (New Katagiri 8–10: high risk, 6-month survival 27 %): weigh the operation against it — the least invasive effective palliation may serve better (Katagiri 2014); decide with the patient and family at the MDT."))
        #expect(short.sources.contains { $0.id == "katagiri2014" })
        #expect(short.detail.zhHans.contains("预计生存期短（新 Katagiri"))
        // Nodular, ECOG 1 — Katagiri 6–8, not settled high: no such sentence.
        let open = try #require(assess(record(disseminated: false), asOf: day("2023-01-10")).rule("surgery.mirels.impendingFracture").first)
        #expect(!open.detail.en.contains("Expected survival is short"))
        #expect(!open.detail.en.hasSuffix(" "))
    }
}

@Suite struct SpinalDeficitTests {
    /// Myeloma (very radiosensitive), myelopathy recorded for the patient, T5 at ESCC 3 and T6 at
    /// ESCC 1a; a PET-CT and its CT read apart on the same day.
    func record(t5: SINS.Collapse = .under50, alignment: SINS.Alignment = .normal, primary: PrimaryCancer? = nil) -> CaseRecord {
        var r = baseCase()
        r.primaries = [primary ?? PrimaryCancer(id: "P1", site: .myeloma, histologyType: .myeloma, diagnosed: day("2022-12"))]
        r.lesions = [
            Lesion(id: "T5", bone: .vertebra, level: VertebralLevel("T5")), Lesion(id: "T6", bone: .vertebra, level: VertebralLevel("T6")),
            Lesion(id: "R", bone: .rib, laterality: .left),
        ]
        r.studies = [
            ImagingStudy(id: "P1", date: day("2023-01-02"), modality: .petCt, observations: [observation("T5") { $0.uptake = true }, observation("R") { $0.uptake = true }]),
            ImagingStudy(id: "C0", date: day("2023-01-02"), modality: .petCt, windows: [.bone], observations: [observation("R") { $0.boneDestruction = true }]),
            ImagingStudy(id: "M1", date: day("2023-03-01"), modality: .mri, coverage: [.thoracicSpine], observations: [
                observation("T5", .lytic) { $0.escc = .g3; $0.collapse = t5; $0.alignment = alignment; $0.posterolateral = .bilateral },
                observation("T6", .lytic) { $0.escc = .g1a; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
            ]),
        ]
        r.pain = [PainRecord(date: day("2023-03-01"), lesion: "T5", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2023-03-01"), status: .myelopathy, frankel: .B)]
        r.treatments = [Treatment(id: "EP", kind: .systemic, name: "etoposide + carboplatin", systemicClass: .chemotherapy, start: day("2023-01-10"))]
        return r
    }

    func noms(_ a: Assessment, _ id: String) throws -> Finding {
        try #require(a.rule("surgery.spine.noms").first { $0.subject == .lesion(id) })
    }

    /// A deficit recorded without a level is explained by the level compressing the cord: T6 at
    /// 1a was sent to emergency decompression for T5's myelopathy. NOMS (Laufer 2013): a
    /// radiosensitive tumour gets conventional radiotherapy whatever the grade; with a deficit,
    /// radiotherapy leads for the very radiosensitive tumours Patchell 2005 left out (lymphoma,
    /// leukaemia, myeloma, germ-cell) unless the spine is unstable — it read "decompression /
    /// separation surgery" for a myeloma. Small-cell lung cancer was enrolled: surgery stays first.
    @Test func aDeficitBelongsToTheCompressingLevelAndRadiotherapyLeadsInASensitiveTumour() throws {
        let a = assess(record(), asOf: day("2023-03-02"))
        let t5 = try noms(a, "T5")
        #expect(t5.severity == .urgent)
        #expect(t5.title.en == "T5 vertebra: SINS 11, ESCC 3 — emergency radiotherapy and spine review")
        #expect(t5.detail.en.contains("Compression with a neurological deficit in a very radiosensitive tumour: urgent conventional radiotherapy, whatever the ESCC grade (NOMS)"))
        #expect(t5.detail.en.contains("dexamethasone 16 mg"))
        #expect(!t5.detail.en.contains("Decompression plus radiotherapy keeps more patients walking"))
        #expect(t5.claims.isEmpty)
        let t6 = try noms(a, "T6")
        #expect(t6.severity == .info)
        #expect(t6.detail.en.contains("Frankel B — explained by the cord compression at T5 vertebra, not by this low-grade level"))
        #expect(t6.detail.zhHans.contains("由T5 椎体的脊髓压迫所致"))
        // Small-cell lung cancer (radiosensitive, but in Patchell's trial): decompression first.
        let sclc = PrimaryCancer(id: "P1", site: .lung, histologyType: .smallCellCarcinoma, diagnosed: day("2022-12"))
        let lung = try noms(assess(record(primary: sclc), asOf: day("2023-03-02")), "T5")
        #expect(lung.title.en.hasSuffix("— emergency spine referral"))
        #expect(lung.detail.en.contains("Decompression plus radiotherapy keeps more patients walking"))
        // Unstable (SINS ≥ 13): decompression and stabilisation first.
        let unstable = try noms(assess(record(t5: .over50, alignment: .subluxation), asOf: day("2023-03-02")), "T5")
        #expect(unstable.title.en.hasSuffix("— emergency spine referral"))
        #expect(unstable.detail.en.contains("Urgent spine-surgery referral: decompression / separation surgery"))
        // Same-day PET-CT reads are one examination, not an interval; a PET-CT's bone window is a
        // CT bone-window read.
        #expect(!a.timePoints.contains { $0.from == $0.to })
        #expect(!unreadLesions(a).contains("R"))
    }
}

@Suite struct MyelomaFlagTests {
    /// Reference.md (myeloma red flags: age > 50–60 with multiple lytic lesions or no primary):
    /// after a long disease-free interval with a known primary, the flag needs a lytic lesion —
    /// a 75-year-old's bone-scan foci of prostate cancer, none read as lytic and responding to
    /// ADT, raised a myeloma work-up. The biopsy finding still names myeloma as possible.
    @Test func aLongIntervalRaisesMyelomaOnlyWithALyticLesion() throws {
        var r = baseCase()
        r.patient.birthDate = day("1950-01-01")
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2016-01"), hormoneDependent: true)]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .right), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L2"))]
        r.studies = [ImagingStudy(id: "B1", date: day("2023-01-05"), modality: .boneScan, observations: [
            observation("L1") { $0.uptake = true }, observation("L2") { $0.uptake = true },
        ])]
        var a = assess(r, asOf: day("2023-02-01"))
        #expect(!a.has("diagnosis.differential.myeloma"))
        #expect(a.rule("diagnosis.biopsy.indicated").first?.detail.en.contains("a second primary or myeloma is possible") == true)
        // A lytic lesion on CT: the work-up is asked for.
        r.studies.append(ct("C1", "2023-01-08", [observation("L1", .lytic, [20, 15]) { $0.boneDestruction = true }]))
        a = assess(r, asOf: day("2023-02-01"))
        #expect(a.has("diagnosis.differential.myeloma"))
    }
}

/// The lesions `diagnosis.imaging.diagnosticImaging` names (one finding for all of them).
func unreadLesions(_ a: Assessment) -> Set<String> {
    Set(a.rule("diagnosis.imaging.diagnosticImaging").flatMap { $0.inputs.first { $0.name == "lesions" }?.value.split(separator: ",").map(String.init) ?? [] })
}

@Suite struct UnreadLesionsTests {
    /// Reference.md (imaging by purpose: diagnosis and response on X-ray + CT): six bone-scan foci
    /// gave six identical advisories; one finding names them all, one lesion keeps its own title.
    @Test func lesionsWithoutABoneWindowReadAreNamedInOneFinding() throws {
        var r = baseCase()
        r.lesions = ["A", "B", "C"].map { Lesion(id: $0, bone: .rib, laterality: $0 == "A" ? .left : .right, note: $0) } + [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = [
            ImagingStudy(id: "B1", date: day("2023-01-02"), modality: .boneScan, observations: ["A", "B", "C", "V"].map { id in observation(id) { $0.uptake = true } }),
            ct("C1", "2023-01-03", [observation("V", .lytic, [20, 15]) { $0.boneDestruction = true }]),
        ]
        var a = assess(r, asOf: day("2023-01-10"))
        let findings = a.rule("diagnosis.imaging.diagnosticImaging")
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.subject == .patient)
        #expect(finding.title.en.hasPrefix("3 lesions without an X-ray or CT bone-window read: "))
        #expect(unreadLesions(a) == ["A", "B", "C"])
        r.studies[1].observations += [observation("B", .lytic) { $0.boneDestruction = true }, observation("C", .lytic) { $0.boneDestruction = true }]
        a = assess(r, asOf: day("2023-01-10"))
        #expect(a.rule("diagnosis.imaging.diagnosticImaging").map(\.subject) == [.lesion("A")])
    }
}

@Suite struct RemovedLesionTests {
    /// A femoral metastasis resected with reconstruction between two CTs, a vertebra irradiated.
    func record(_ procedure: SurgicalProcedure) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .proximal, laterality: .right), Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = [
            ct("C1", "2023-01-05", [
                observation("F", .lytic, [50, 40]) { $0.boneDestruction = true; $0.softTissueMm = 20 },
                observation("V", .lytic, [15, 12]) { $0.boneDestruction = true },
            ]),
            ct("C2", "2023-06-05", [observation("F") { $0.present = false }, observation("V", .lytic, [16, 12])]),
        ]
        r.biopsies = [Biopsy(lesion: "F", date: day("2023-01-20"), result: .metastasis)]
        r.treatments = [
            Treatment(id: "S", kind: .surgery, lesions: ["F"], start: day("2023-02-01"), procedure: procedure),
            Treatment(id: "T1", kind: .systemic, name: "cabozantinib", systemicClass: .targeted, start: day("2023-03-01")),
        ]
        return r
    }

    /// MDA reads a lesion's change under treatment; a resected lesion "no longer seen" is the
    /// operation. It read "CR — lesion no longer seen" and made the time point a partial response
    /// credited to the systemic therapy. Fixation leaves the lesion to be read.
    @Test func aRemovedLesionIsNotAResponse() throws {
        let a = assess(record(.resection), asOf: day("2023-06-10"))
        let point = try #require(a.timePoints.first { $0.study == "C2" })
        let femur = try #require(point.lesions.first { $0.lesion == "F" })
        #expect(femur.category == .notEvaluable)
        #expect(femur.reasons.first?.en == "resection and reconstruction on 2023-02-01 — the operation, not a response")
        #expect(point.overall == .stableDisease)
        #expect(!a.rule("boneHealth.recist.measurability").contains { $0.subject == .lesion("F") })
        #expect(a.rule("surgery.mirels.protected").first?.title.en.hasSuffix("— resection and reconstruction") == true)
        for procedure in [SurgicalProcedure.arthroplasty, .curettage] {
            #expect(assess(record(procedure), asOf: day("2023-06-10")).timePoints.first { $0.study == "C2" }?.overall == .stableDisease)
        }
        // A nail leaves the lesion in place: its disappearance is read as before.
        let nailed = assess(record(.prophylacticFixation), asOf: day("2023-06-10")).timePoints.first { $0.study == "C2" }
        #expect(nailed?.lesions.first { $0.lesion == "F" }?.category == .completeResponse)
    }
}

@Suite struct PlannedOperationTests {
    /// A humerus at Mirels 10 with a fixation planned, in hepatocellular carcinoma (hypervascular:
    /// pre-operative embolisation, Pazionis 2014 via the surgical context) with New Katagiri settled
    /// high (7: bilirubin 2.1 and platelets 85 are critical). The planned operation said neither.
    @Test func aPlannedOperationCarriesEmbolisationAndSurvival() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .liver, histologyType: .hepatocellularCarcinoma, diagnosed: day("2021-11"))]
        r.lesions = [Lesion(id: "H", bone: .humerus, segment: .proximal, laterality: .left, primary: "P1"), Lesion(id: "P", bone: .pelvis, laterality: .right, primary: "P1")]
        r.studies = [
            ImagingStudy(id: "X1", date: day("2023-01-04"), modality: .xray, coverage: [.leftUpperLimb], observations: [observation("H", .lytic) { $0.mirelsSize = .moreThanTwoThirds }]),
            ct("C1", "2023-01-05", [observation("P", .lytic, [70, 50]) { $0.boneDestruction = true }]),
        ]
        r.pain = [PainRecord(date: day("2023-01-04"), lesion: "H", mirels: .functional)]
        r.labs = [
            LabResult(date: day("2023-01-04"), test: .bilirubin, value: 2.1, unit: "mg/dL"),
            LabResult(date: day("2023-01-04"), test: .platelets, value: 85, unit: "10^9/L"),
        ]
        r.performance = [PerformanceStatus(date: day("2023-01-04"), ecog: 1)]
        r.visceralMetastases = [VisceralMetastasis(organ: "lung", pattern: .nodular)]
        r.treatments = [
            Treatment(id: "L", kind: .systemic, name: "lenvatinib", systemicClass: .targeted, start: day("2022-01")),
            Treatment(id: "OP", kind: .surgery, lesions: ["H"], planned: true, procedure: .prophylacticFixation),
        ]
        let a = assess(r, asOf: day("2023-01-10"))
        // A limb needs MRI for its extent; cord compression is the spine's question.
        #expect(a.rule("diagnosis.imaging.preoperativeMRI").first?.detail.en == "MRI shows the pre-operative extent in the marrow and soft tissue.")
        let planned = try #require(a.rule("surgery.mirels.protected").first)
        #expect(planned.detail.en.contains("Planned: prophylactic fixation (surgery). Hypervascular metastasis possible"))
        #expect(planned.detail.en.contains("consider pre-operative embolisation"))
        #expect(planned.detail.en.contains("Expected survival is short (New Katagiri 7: high risk"))
        #expect(planned.detail.zhHans.contains("已计划："))
        // Done: the operation is history, nothing more to weigh.
        r.treatments[1] = Treatment(id: "OP", kind: .surgery, lesions: ["H"], start: day("2023-01-08"), procedure: .prophylacticFixation)
        let done = try #require(assess(r, asOf: day("2023-01-10")).rule("surgery.mirels.protected").first)
        #expect(done.detail.en.hasSuffix("Done: prophylactic fixation 2023-01-08 (surgery)."))
    }
}

@Suite struct PlannedSpinalSurgeryTests {
    /// NICE NG234 (definitive treatment within 24 hours of the confirming MRI): a separation
    /// surgery planned for ESCC 3 with myelopathy made the finding "info — Treated", off the
    /// first screen before anyone had operated. Planned, it stays an emergency and says so.
    @Test func aPlannedSpinalOperationIsNotATreatment() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T12"))]
        r.studies = [ImagingStudy(id: "M1", date: day("2023-01-05"), modality: .mri, coverage: [.thoracicSpine], observations: [
            observation("V", .lytic) { $0.escc = .g3; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .bilateral }
        ])]
        r.neurology = [NeurologyRecord(date: day("2023-01-05"), status: .myelopathy, frankel: .C)]
        // Done, with no radiotherapy after it on record: an advisory asking for it (2026.12.141).
        let (planned, done) = try plannedThenDone(r, lesion: "V", .separationSurgery, rule: "surgery.spine.noms", on: "2023-01-06", done: .advisory)
        #expect(done.detail.en.hasSuffix("No radiotherapy after it is on record: NOMS follows decompression with radiotherapy."), "\(done.detail.en)")
        #expect(planned.detail.en.contains("dexamethasone 16 mg"))
    }
}

/// The finding of `rule` with the operation planned (as of `on`), then done on `on` (as of the
/// day after): planned stays urgent and says "Planned: …", done is `done` (info) and says "Treated: …".
func plannedThenDone(
    _ record: CaseRecord, lesion: String, _ procedure: SurgicalProcedure, rule: String, on date: String, done severity: Severity = .info
) throws -> (planned: Finding, done: Finding) {
    var r = record
    r.treatments.append(Treatment(id: "OP", kind: .surgery, lesions: [lesion], planned: true, procedure: procedure))
    let planned = try #require(assess(r, asOf: day(date)).rule(rule).first)
    #expect(planned.severity == .urgent)
    #expect(planned.detail.en.contains("Planned: \(procedure.label.en)"))
    r.treatments[r.treatments.count - 1] = Treatment(id: "OP", kind: .surgery, lesions: [lesion], start: day(date), procedure: procedure)
    let next = day(date).adding(days: 1)
    let done = try #require(assess(r, asOf: next).rule(rule).first)
    #expect(done.severity == severity)
    #expect(done.detail.en.contains("Treated: \(procedure.label.en) \(date) (surgery)."))
    return (planned, done)
}

@Suite struct PlannedFractureFixationTests {
    /// A fractured femur with its fixation only planned read "info — Treated": it stays urgent
    /// until the operation is done.
    @Test func aPlannedFixationOfABrokenBoneStaysUrgent() throws {
        var r = baseCase()
        r.events = [ClinicalEvent(date: day("2023-03-01"), kind: .pathologicalFracture, lesion: "L1")]
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-07"), result: .metastasis)]
        _ = try plannedThenDone(r, lesion: "L1", .fractureFixation, rule: "surgery.mirels.fractured", on: "2023-03-21")
    }
}

@Suite struct ReappearanceTests {
    /// MDA (new or clearly progressive lytic lesions are progression): a femoral lesion resected,
    /// not seen on the next CT, then lytic again — a local recurrence — had no time point at all.
    @Test func aLyticLesionSeenAgainIsProgression() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .proximal, laterality: .left)]
        r.studies = [
            ct("C1", "2023-01-05", [observation("F", .lytic, [40, 30]) { $0.boneDestruction = true }]),
            ct("C2", "2023-06-05", [observation("F") { $0.present = false }]),
            ct("C3", "2024-03-05", [observation("F", .lytic, [25, 20]) { $0.boneDestruction = true }]),
        ]
        r.biopsies = [Biopsy(lesion: "F", date: day("2023-01-12"), result: .metastasis)]
        r.treatments = [Treatment(id: "S", kind: .surgery, lesions: ["F"], start: day("2023-02-01"), procedure: .resection)]
        let a = assess(r, asOf: day("2024-03-10"))
        let point = try #require(a.timePoints.first { $0.study == "C3" })
        #expect(point.overall == .progressiveDisease)
        #expect(point.lesions.first?.reasons.first?.en == "lytic lesion again after resection and reconstruction on 2023-02-01")
        // Seen again as sclerosis only: not called progression, confirm on follow-up.
        r.studies[2] = ct("C3", "2024-03-05", [observation("F", .blastic, [10, 8])])
        let sclerotic = try #require(assess(r, asOf: day("2024-03-10")).timePoints.first { $0.study == "C3" })
        #expect(sclerotic.lesions.first?.category == .notEvaluable)
        #expect(sclerotic.lesions.first?.reasons.first?.en.hasSuffix("— confirm on follow-up") == true)
    }
}

@Suite struct MarkerBaselineTests {
    /// Tumour markers in a window start from the value the window began with: CA 15-3 falling from
    /// 95 to 18 under letrozole read "18 (normal throughout)", hiding the response it showed.
    @Test func aMarkerIsShownFromItsValueBeforeTheWindow() throws {
        var r = baseCase()
        r.labs = [
            LabResult(date: day("2023-01-03"), test: .ca153, value: 95, unit: "U/mL", upperLimit: 25),
            LabResult(date: day("2023-03-15"), test: .ca153, value: 18, unit: "U/mL", upperLimit: 25),
        ]
        let detail = try #require(assess(r, asOf: day("2023-04-01")).rule("boneHealth.mda.timePoint").first).detail
        #expect(detail.en.hasSuffix("tumour markers: CA 15-3 95 (2023-01-03) → 18 (abnormal, now normal)"))
        #expect(detail.zhHans.contains("由异常转为正常"))
        r.labs[0] = LabResult(date: day("2023-01-03"), test: .ca153, value: 20, unit: "U/mL", upperLimit: 25)
        let normal = try #require(assess(r, asOf: day("2023-04-01")).rule("boneHealth.mda.timePoint").first).detail
        #expect(normal.en.hasSuffix("CA 15-3 20 (2023-01-03) → 18 (normal throughout)"))
    }
}
