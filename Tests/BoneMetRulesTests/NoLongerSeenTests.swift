@testable import BoneMetRules
import Testing

/// cb85-k (unseen record, 2026-12-05): a HER2-positive breast cancer's femoral shaft, lytic on the
/// CT of January and recorded not seen on the bone-window CT of October (MDA: CR), still read
/// "Mirels 7–11 may reach the fixation threshold — complete it" from January. A lesion a later
/// X-ray, CT (bone window) or MRI looked for and did not see has no fracture risk or stability to
/// score (Hamaoka 2004: CR). Rule set 2026.12.318.
@Suite struct NoLongerSeenTests {
    func record(absentOn modality: Modality = .ct, windows: [CTWindow] = [.softTissue, .bone]) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .left), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L5"))]
        r.studies = [
            ct("C1", "2026-01-10", [
                observation("L1", .lytic, [25, 20]) { $0.boneDestruction = true },
                observation("L2", .lytic, [15, 12]) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
            ]),
            ImagingStudy(
                id: "C2", date: day("2026-10-10"), modality: modality, windows: modality == .ct ? windows : [],
                coverage: [.lumbarSpine, .pelvis, .leftLowerLimb],
                observations: [LesionObservation(lesion: "L1", present: false), LesionObservation(lesion: "L2", present: false)]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "paclitaxel + trastuzumab", systemicClass: .chemotherapy, start: day("2026-01-20"))]
        return r
    }

    @Test func aLesionNoLongerSeenOnABoneWindowCTIsNotScored() throws {
        let a = assess(record(), asOf: day("2026-12-05"))
        let femur = try #require(a.rule("surgery.mirels.noLongerSeen").first)
        #expect(femur.severity == .info && femur.subject == .lesion("L1") && femur.specialty == .orthopaedics)
        #expect(femur.title.en == "left femur, diaphysis: no longer seen on the CT of 2026-10-10 — no fracture risk to score", "\(femur.title.en)")
        #expect(femur.detail.en.contains("Last scored Mirels 7–11 on the CT of 2026-01-10"), "\(femur.detail.en)")
        #expect(femur.title.zhHans.contains("未再见病灶——无骨折风险可评"))
        #expect(!a.has("surgery.mirels.incomplete"))
        let spine = try #require(a.rule("surgery.spine.noLongerSeen").first)
        #expect(spine.subject == .lesion("L2") && spine.specialty == .spineSurgery && spine.severity == .info)
        #expect(!a.has("surgery.spine.noms", subject: .lesion("L2")))
        // The response says the same: CR.
        #expect(a.rule("boneHealth.mda.timePoint").contains { $0.detail.en.contains("CR — lesion no longer seen") })
    }

    /// Only a study that can vouch for the bone: not a CT whose windows are not recorded or
    /// leave out the bone window, nor a PET-CT (a cold lytic lesion is still a hole), nor a film
    /// when the lesion was seen on CT (a film misses it until 30–75 % of the bone is lost).
    @Test func notFromAStudyThatCannotVouchForTheBone() {
        for r in [record(windows: []), record(windows: [.softTissue]), record(absentOn: .petCt), record(absentOn: .xray)] {
            let a = assess(r, asOf: day("2026-12-05"))
            #expect(!a.has("surgery.mirels.noLongerSeen") && !a.has("surgery.spine.noLongerSeen"))
            #expect(a.has("surgery.mirels.incomplete", subject: .lesion("L1")))
        }
        // An MRI's marrow does.
        #expect(assess(record(absentOn: .mri), asOf: day("2026-12-05")).has("surgery.spine.noLongerSeen", subject: .lesion("L2")))
    }

    @Test func seenAgainItIsScoredAgain() {
        var r = record()
        r.studies.append(ct("C3", "2026-11-20", [observation("L1", .lytic, [20, 18]) { $0.boneDestruction = true }]))
        let a = assess(r, asOf: day("2026-12-05"))
        #expect(!a.has("surgery.mirels.noLongerSeen"))
        #expect(a.has("surgery.mirels.incomplete", subject: .lesion("L1")))
        // Before the absent study, the lesion is scored as ever.
        #expect(!assess(record(), asOf: day("2026-10-09")).has("surgery.mirels.noLongerSeen"))
    }

    /// Removed by an operation before the study that no longer shows it: the operation's
    /// findings speak, not healing.
    @Test func aLesionRemovedIsNotHealed() {
        var r = record()
        r.treatments.append(Treatment(id: "S1", kind: .surgery, name: "en bloc spondylectomy", lesions: ["L2"], start: day("2026-03-01"), procedure: .resection))
        r.treatments.append(Treatment(id: "S2", kind: .surgery, name: "femoral resection and endoprosthesis", lesions: ["L1"], start: day("2026-03-01"), procedure: .resection))
        let a = assess(r, asOf: day("2026-12-05"))
        #expect(!a.has("surgery.spine.noLongerSeen") && !a.has("surgery.mirels.noLongerSeen"))
        #expect(a.has("surgery.mirels.protected", subject: .lesion("L1")))
    }

    /// A deficit on record keeps the spine's emergency reading whatever the imaging says.
    @Test func aDeficitKeepsTheSpineFinding() {
        var r = record()
        r.neurology = [NeurologyRecord(date: day("2026-11-30"), status: .myelopathy, frankel: .C, lesion: "L2")]
        let a = assess(r, asOf: day("2026-12-05"))
        #expect(!a.has("surgery.spine.noLongerSeen"))
        #expect(a.has("surgery.spine.noms", subject: .lesion("L2")))
    }
}

/// cb85-n (unseen record): a breast cancer's T8, cemented (PKP) and irradiated at collapse < 50 %,
/// collapsed beyond 50 % six months later with mechanical pain, read "info — Treated: T8 PKP" at
/// SINS 9. Collapse or deformity graded worse after a spinal operation than before it, SINS ≥ 7
/// (Fisher 2010): the operation has not held — spine-surgery review (warning).
@Suite struct DeformityAfterSpinalOperationTests {
    func record(after collapse: SINS.Collapse, alignment: SINS.Alignment = .normal, pain: SINS.Pain = .mechanical) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T8"))]
        r.studies = [
            ct("C1", "2026-05-03", [observation("L1", .lytic) { $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none }]),
            ImagingStudy(id: "M2", date: day("2026-11-20"), modality: .mri, coverage: [.thoracicSpine], observations: [
                observation("L1") { $0.escc = .g1b; $0.collapse = collapse; $0.alignment = alignment; $0.posterolateral = SINS.Posterolateral.none },
            ]),
        ]
        r.pain = [PainRecord(date: day("2026-11-20"), lesion: "L1", sins: pain)]
        r.neurology = [NeurologyRecord(date: day("2026-11-20"), status: .intact, frankel: .E)]
        r.treatments = [Treatment(id: "S1", kind: .surgery, name: "T8 PKP", lesions: ["L1"], start: day("2026-05-10"), procedure: .cementAugmentation)]
        return r
    }

    func spine(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-12-05")).rule("surgery.spine.noms").first)
    }

    @Test func collapseBeyondHalfAfterCementIsReviewed() throws {
        let finding = try spine(record(after: .over50))
        #expect(finding.severity == .warning)
        #expect(finding.detail.en.contains("Since it: collapse < 50 % on the CT of 2026-05-03 → collapse > 50 % on the MRI of 2026-11-20; SINS is now 9 — what the operation was for has not held"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("手术目的未能维持"))
        // A new kyphosis too.
        #expect(try spine(record(after: .under50, alignment: .deNovoDeformity)).detail.en.contains("normal alignment on the CT of 2026-05-03 → de novo deformity"))
    }

    @Test func unchangedOrBelowSevenStaysTreated() throws {
        let same = try spine(record(after: .under50))
        #expect(same.severity == .info && !same.detail.en.contains("Since it"))
        // SINS 6 (pain-free): collapse progressed, but the score is stable.
        let stable = try spine(record(after: .over50, pain: .none))
        #expect(!stable.detail.en.contains("has not held"), "\(stable.detail.en)")
    }
}

/// cb85-g (unseen record): a man of 72 with three lytic lesions, no primary, creatinine 150 µmol/L
/// and no weight: the myeloma differential read the renal criterion "not met" — IMWG's is CrCl
/// < 40 mL/min or creatinine > 177 µmol/L (Rajkumar 2014), and the clearance cannot be computed.
@Suite struct CRABRenalUndeterminedTests {
    func record(creatinine: Double, unit: String = "µmol/L", weight: Double? = nil) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "g", sex: .male, birthDate: day("1954-05-05"), weights: weight.map { [WeightRecord(date: day("2026-11-21"), kg: $0)] } ?? [])
        r.primaries = []
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .left), Lesion(id: "L2", bone: .pelvis, laterality: .right)]
        r.studies = [ct("C1", "2026-11-20", [observation("L1", .lytic) { $0.boneDestruction = true }, observation("L2", .lytic) { $0.boneDestruction = true }])]
        r.treatments = []
        r.labs = [LabResult(date: day("2026-11-21"), test: .creatinine, value: creatinine, unit: unit)]
        return r
    }

    func differential(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-12-05")).rule("diagnosis.differential.myeloma").first)
    }

    @Test func undeterminedWithoutTheWeight() throws {
        let finding = try differential(record(creatinine: 150))
        #expect(finding.detail.en.contains("undetermined — renal function creatinine 150 µmol/L (1.7 mg/dL) — CrCl < 40 mL/min would meet it below 71.9 kg: record weight"), "\(finding.detail.en)")
        #expect(!finding.detail.en.contains("not met — renal"))
        #expect(finding.detail.zhHans.contains("未定——肾功能"))
        #expect(finding.inputs.contains(FindingInput("crab.renal function", "unknown")))
    }

    @Test func settledByTheWeightOrByTheCreatinineItself() throws {
        // 68 × 60 / (72 × 1.697) = 33.4 mL/min: met.
        let light = try differential(record(creatinine: 150, weight: 60))
        #expect(light.inputs.contains(FindingInput("crab.renal function", "abnormal")))
        // 80 kg: 44.5 mL/min, not met.
        #expect(try differential(record(creatinine: 150, weight: 80)).inputs.contains(FindingInput("crab.renal function", "normal")))
        // Above 177 µmol/L: met without a clearance.
        #expect(try differential(record(creatinine: 180)).inputs.contains(FindingInput("crab.renal function", "abnormal")))
        // Exactly 177 is not above it: undetermined.
        #expect(try differential(record(creatinine: 177)).inputs.contains(FindingInput("crab.renal function", "unknown")))
    }
}

/// cb85-c (unseen record): zoledronic acid from February, the only creatinine of November, no
/// weight: "record serum creatinine, weight" — the creatinine is on record, and the dose finding
/// reads it once the weight is ("latest — no creatinine before the first dose is on record").
@Suite struct ClearanceGapsAfterStartTests {
    @Test func aCreatinineAfterTheFirstDoseIsNotAskedFor() throws {
        var r = baseCase()
        r.patient.weights = []
        r.treatments.append(Treatment(id: "Z1", kind: .boneModifyingAgent, name: "zoledronic acid", start: day("2023-02-01"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4))
        r.labs = [LabResult(date: day("2023-03-01"), test: .creatinine, value: 0.9, unit: "mg/dL")]
        let finding = try #require(assess(r, asOf: day("2023-03-10")).rule("boneAgents.zoledronic.crclUnknown").first)
        #expect(finding.detail.en.hasPrefix("The dose depends on Cockcroft–Gault CrCl: record weight. Until then, at the creatinine of 2023-03-01 (0.9 mg/dL)"), "\(finding.detail.en)")
        #expect(finding.inputs.contains(FindingInput("missing", "weight")))
        // No creatinine at all: asked for.
        r.labs = []
        let none = try #require(assess(r, asOf: day("2023-03-10")).rule("boneAgents.zoledronic.crclUnknown").first)
        #expect(none.inputs.contains(FindingInput("missing", "serum creatinine,weight")))
    }
}

/// cb85-k variant: a solitary femoral lesion eleven years after the breast cancer, gone on the
/// bone-window CT under paclitaxel and trastuzumab, still read "biopsy indicated — lytic lesions
/// can be biopsied at any time" and "myeloma in the differential — osteolytic lesions 1". A lesion
/// no longer seen under systemic therapy has healed as far as imaging can tell: nothing to biopsy,
/// and no osteolytic lesion for CRAB.
@Suite struct NoLongerSeenDiagnosisTests {
    func record(absentOn modality: Modality = .ct) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2015-01"), hormoneDependent: false)]
        r.studies = [
            ct("C1", "2026-01-10", [observation("L1", .lytic, [25, 20]) { $0.boneDestruction = true }]),
            ImagingStudy(
                id: "C2", date: day("2026-10-10"), modality: modality, windows: modality == .ct ? [.bone] : [], coverage: [.leftLowerLimb],
                observations: [LesionObservation(lesion: "L1", present: false)]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "paclitaxel + trastuzumab", systemicClass: .chemotherapy, start: day("2026-01-20"))]
        return r
    }

    @Test func nothingLeftToBiopsy() throws {
        let a = assess(record(), asOf: day("2026-12-05"))
        let healed = try #require(a.rule("diagnosis.biopsy.healed").first)
        #expect(healed.title.en == "left femur, diaphysis: no longer seen under systemic therapy — biopsy no longer recommended", "\(healed.title.en)")
        #expect(healed.detail.en.contains("the CT of 2026-10-10, made while systemic therapy acted, no longer shows the lesion"), "\(healed.detail.en)")
        #expect(!a.has("boneHealth.recist.measurability", subject: .lesion("L1")))
        #expect(!a.has("diagnosis.biopsy.indicated"))
        #expect(!a.has("diagnosis.differential.myeloma"))
        // Gone only on a PET-CT: still a lesion to biopsy, still lytic for the differential.
        let pet = assess(record(absentOn: .petCt), asOf: day("2026-12-05"))
        #expect(pet.has("diagnosis.biopsy.indicated") && !pet.has("diagnosis.biopsy.healed"))
        #expect(pet.has("diagnosis.differential.myeloma"))
        // Before the CT that no longer shows it: indicated as ever.
        #expect(assess(record(), asOf: day("2026-10-09")).has("diagnosis.biopsy.indicated"))
    }
}
