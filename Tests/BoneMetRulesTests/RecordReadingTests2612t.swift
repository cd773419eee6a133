import BoneMetRules
import Testing

/// cb44-c (unseen record, 2026-12-04): an EGFR-mutant lung adenocarcinoma progressing on
/// osimertinib — a new lytic C2, a lytic peritrochanteric femur at Mirels 11 — with "molecular
/// tests wanted" on the record. No biopsy was advised (known primary, multiple lesions) and no
/// specimen was on record, so the EDTA rule (reference.md: molecular tests wanted → EDTA
/// decalcification) said nothing. Rule set 2026.12.216: where the bone tissue can come from —
/// lytic or mixed lesions at any time, the operation's tissue first — and EDTA for it.
@Suite struct TissueForMolecularTestsTests {
    func record(wanted: Bool? = true, biopsied: Bool = false, femurCharacter: LesionCharacter = .lytic) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌 EGFR 19del", diagnosed: day("2024-02"), targetedTherapy: true)]
        r.lesions = [Lesion(id: "C2", bone: .vertebra, level: VertebralLevel("C2")), Lesion(id: "F", bone: .femur, segment: .peritrochanteric, laterality: .right)]
        r.studies = [ct("S1", "2026-10-18", [
            observation("C2", .lytic, [24, 20]) { $0.boneDestruction = true },
            observation("F", femurCharacter, [30, 22]) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.6 },
        ])]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "奥希替尼", systemicClass: .targeted, start: day("2024-02-25"))]
        r.pain = [PainRecord(date: day("2026-10-19"), lesion: "F", mirels: .functional)]
        r.plans.molecularTestsWanted = wanted
        if biopsied { r.biopsies = [Biopsy(lesion: "C2", date: day("2026-10-19"), decalcification: .edta, result: .metastasis)] }
        return r
    }

    func tissue(_ r: CaseRecord) -> Finding? {
        assess(r, asOf: day("2026-10-20")).rule("diagnosis.biopsy.edta").first { $0.title.en.hasPrefix("Molecular tests wanted") }
    }

    @Test func wantedTestsWithoutASpecimenNameTheTissueAndEDTA() throws {
        let finding = try #require(tissue(record()))
        #expect(finding.detail.en.contains("a lytic or mixed lesion can be biopsied at any time (C2 vertebra; right femur, peritrochanteric)"), "\(finding.detail.en)")
        // The Mirels 11 femur is proposed for fixation: its tissue serves.
        #expect(finding.detail.en.contains("An operation is proposed or planned on right femur, peritrochanteric"))
        #expect(finding.detail.en.contains("EGFR, ALK"))
        #expect(finding.detail.zhHans.contains("EDTA"))
        #expect(finding.specialty == .pathology)
        #expect(Set(finding.claims.map(\.about)) == ["C2", "F"])
    }

    @Test func saidOnlyWhenWantedAndNoSpecimenIsOnRecord() {
        #expect(tissue(record(wanted: nil)) == nil)
        #expect(tissue(record(wanted: false)) == nil)
        #expect(tissue(record(biopsied: true)) == nil)
    }

    @Test func healedBlasticBoneIsNotOffered() throws {
        // The femur blastic under osimertinib (seen after the latency): not a lesion to biopsy.
        var r = record(femurCharacter: .blastic)
        r.studies.insert(ct("S0", "2024-02-20", [observation("C2", .lytic, [10, 10]) { $0.boneDestruction = true }, observation("F", .lytic, [30, 22]) { $0.boneDestruction = true }]), at: 0)
        let finding = try #require(tissue(r))
        #expect(finding.detail.en.contains("(C2 vertebra)"), "\(finding.detail.en)")
        #expect(!finding.claims.contains { $0.about == "F" })
    }
}

/// cb44-e (unseen record, 2026-12-04): a follicular thyroid cancer eleven years after
/// thyroidectomy and radioiodine, with lung nodules, a collapsed T6 and a lytic sternum found on
/// one staging CT. The lung metastases, dated the same day as the bone lesions, counted as
/// "cancer active before the first metastasis", so there was no long disease-free interval — no
/// biopsy, no second primary or myeloma in the differential. Rule set 2026.12.216: visceral
/// metastases end the interval only when found before the bone's first metastasis; those of the
/// same staging are the same recurrence.
@Suite struct VisceralSameStagingIntervalTests {
    func record(visceral: String) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .thyroid, histology: "甲状腺滤泡癌", diagnosed: day("2015-03"))]
        r.lesions = [Lesion(id: "T6", bone: .vertebra, level: VertebralLevel("T6")), Lesion(id: "St", bone: .sternum)]
        r.studies = [ct("S1", "2026-10-28", [
            observation("T6", .lytic, [35, 30]) { $0.boneDestruction = true },
            observation("St", .lytic, [28, 20]) { $0.boneDestruction = true },
        ])]
        r.treatments = []
        r.visceralMetastases = [VisceralMetastasis(organ: "lung", date: day(visceral))]
        return r
    }

    func longInterval(_ r: CaseRecord) -> Bool {
        assess(r, asOf: day("2026-11-02")).rule("diagnosis.biopsy.indicated").contains { $0.title.en.contains("long disease-free interval") }
    }

    @Test func visceralMetastasesOfTheSameStagingKeepTheInterval() {
        #expect(longInterval(record(visceral: "2026-10-28")))
        #expect(assess(record(visceral: "2026-10-28"), asOf: day("2026-11-02")).has("diagnosis.differential.myeloma"))
        // Found a day before the bone: the cancer was already back — no disease-free interval.
        #expect(!longInterval(record(visceral: "2026-10-27")))
        #expect(!longInterval(record(visceral: "2025-06-01")))
    }
}

/// cb45-a (unseen record, 2026-12-04): a breast cancer on zoledronic acid every 4 weeks whose
/// creatinine rose 72 → 118 µmol/L (0.81 → 1.33 mg/dL: a rise ≥ 0.5 over a normal baseline, the
/// Zometa label's hold), peaked at 125 and came back within 10 % of baseline (79) three months
/// later — three doses given meanwhile. Once the hold closed the course read only "4.0 mg for
/// CrCl 60.5". Rule set 2026.12.216: `boneAgents.givenDuringRenalHold` names them.
@Suite struct GivenDuringClosedHoldTests {
    func record(agent: BoneAgent = .zoledronicAcid, labs: [(String, Double)] = [("2026-03-03", 72), ("2026-06-23", 118), ("2026-07-21", 125), ("2026-08-18", 84), ("2026-09-15", 79)],
                doses: [String] = ["2026-03-05", "2026-04-02", "2026-06-25", "2026-07-23", "2026-08-20"]) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1958-02-14")
        r.patient.weights = [WeightRecord(date: day("2026-03-01"), kg: 58)]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, name: "bone agent", start: day("2026-03-05"), agent: agent,
            doseMg: agent == .pamidronate ? 90 : 4, intervalWeeks: 4, doses: doses.map(day)))
        r.labs = labs.map { LabResult(date: day($0.0), test: .creatinine, value: $0.1, unit: "µmol/L") }
        return r
    }

    func during(_ r: CaseRecord, asOf: String = "2026-09-16") -> Finding? {
        assess(r, asOf: day(asOf)).rule("boneAgents.givenDuringRenalHold").first
    }

    @Test func dosesGivenDuringAClosedHoldAreNamed() throws {
        let finding = try #require(during(record()))
        #expect(finding.detail.en.contains("rose from a baseline of 72 µmol/L (0.81 mg/dL) to 118 µmol/L (1.33 mg/dL) on 2026-06-23, up to 125 µmol/L"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("back within 10 % of baseline on 2026-09-15"))
        #expect(finding.detail.en.contains("given meanwhile: 2026-06-25, 2026-07-23, 2026-08-20"))
        #expect(finding.detail.en.contains("Now back: resume at the same dose"))
        #expect(finding.detail.zhHans.contains("期间仍给药：2026-06-25、2026-07-23、2026-08-20"))
        #expect(finding.severity == .warning)
        // The hold is over: no renal-hold finding beside it, the dose finding stands.
        let a = assess(record(), asOf: day("2026-09-16"))
        #expect(!a.has("boneAgents.zoledronic.renalHold"))
        #expect(a.has("boneAgents.zoledronic.dose"))
    }

    @Test func noDoseDuringTheHoldOrAHoldStillOpenSaysNothingHere() {
        #expect(during(record(doses: ["2026-03-05", "2026-04-02", "2026-09-17"]), asOf: "2026-09-20") == nil)
        // 84 µmol/L on 08-18 is not yet within 10 % (≤ 79.2): the hold's own finding names the doses.
        let open = record(labs: [("2026-03-03", 72), ("2026-06-23", 118), ("2026-08-18", 84)])
        #expect(during(open, asOf: "2026-08-25") == nil)
        #expect(assess(open, asOf: day("2026-08-25")).has("boneAgents.zoledronic.renalHold"))
    }

    @Test func aHoldOpenAgainLeavesWhatToDoToItsOwnFinding() throws {
        let again = record(labs: [("2026-03-03", 72), ("2026-06-23", 118), ("2026-09-15", 79), ("2026-10-13", 130)])
        let finding = try #require(during(again, asOf: "2026-10-15"))
        #expect(!finding.detail.en.contains("Now back"))
        #expect(assess(again, asOf: day("2026-10-15")).has("boneAgents.zoledronic.renalHold"))
    }

    @Test func pamidronateIsFollowedTheSameWay() throws {
        let finding = try #require(during(record(agent: .pamidronate)))
        #expect(finding.title.en.hasPrefix("Pamidronate given while the label withheld it"), "\(finding.title.en)")
    }
}

/// cb46-a (unseen record, 2026-12-04): a lobular breast cancer on anastrozole, CA 15-3 rising, L3
/// and the ilium hot on PET-CT with marrow replaced on MRI (T1 low, STIR high, restricted
/// diffusion) and no destruction on the CT bone window, read "uptake without bone destruction —
/// do not diagnose or treat it as a metastasis; follow up on the CT bone window". The source
/// hospital's rule is a bone scan's: its uptake is the bone's reaction. PET-CT and MRI against the
/// CT is imaging that cannot decide — pathology does. Rule set 2026.12.218: one warning for the
/// lesions so read, an image-guided biopsy, EDTA for the cancer's tests.
@Suite struct PETAndMRIAgainstTheBoneWindowTests {
    func record(tracer: Modality = .petCt, mriNormal: Bool? = false, lesions: [String] = ["L3", "Il"]) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性小叶癌 ER+ PR+ HER2-", diagnosed: day("2022-09"))]
        r.lesions = [Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L3")), Lesion(id: "Il", bone: .pelvis, laterality: .left)]
            .filter { lesions.contains($0.id) }
        r.studies = [
            ImagingStudy(id: "P", date: day("2026-06-02"), modality: tracer, observations: lesions.map { observation($0) { $0.uptake = true; $0.boneDestruction = false } }),
            ct("C", "2026-06-03", lesions.map { observation($0) { $0.boneDestruction = false } }),
        ]
        if let mriNormal {
            r.studies.append(ImagingStudy(
                id: "M", date: day("2026-06-05"), modality: .mri, coverage: [.lumbarSpine, .pelvis],
                observations: lesions.map { observation($0) { $0.normalSignal = mriNormal } }))
        }
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "阿那曲唑", systemicClass: .endocrine, start: day("2022-11-01"))]
        return r
    }

    @Test func petAndMRIAgainstTheCTAskForPathology() throws {
        let a = assess(record(), asOf: day("2026-06-08"))
        let findings = a.rule("diagnosis.uptakeWithoutDestruction")
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.subject == .patient)
        #expect(finding.title.en == "left pelvis; L3 vertebra: PET-CT and MRI abnormal, no bone destruction — pathology decides", "\(finding.title.en)")
        #expect(finding.detail.en.contains("an image-guided biopsy decides"))
        #expect(finding.detail.en.contains("One biopsy of the most accessible of them answers for all."))
        #expect(finding.detail.zhHans.contains("影像引导下活检"))
        #expect(!finding.detail.zhHans.contains("， CT"))
        #expect(Set(finding.claims.map(\.about)) == ["L3", "Il"])
        // The biopsy's specimen: a breast cancer's receptors are re-tested — EDTA.
        #expect(a.rule("diagnosis.biopsy.edta").contains { $0.title.en == "Ask pathology for EDTA decalcification" })
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    @Test func oneLesionIsItsOwnSubject() throws {
        let finding = try #require(assess(record(lesions: ["L3"]), asOf: day("2026-06-08")).rule("diagnosis.uptakeWithoutDestruction").first)
        #expect(finding.subject == .lesion("L3"))
        #expect(!finding.detail.en.contains("One biopsy"))
    }

    @Test func aBoneScanOrAnMRIThatAgreesKeepsTheFollowUp() throws {
        for r in [record(tracer: .boneScan), record(mriNormal: true), record(mriNormal: nil)] {
            let findings = assess(r, asOf: day("2026-06-08")).rule("diagnosis.uptakeWithoutDestruction")
            #expect(findings.count == 2)
            #expect(findings.allSatisfy { $0.severity == .advisory && $0.detail.en.contains("follow up on the CT bone window") })
        }
    }
}

/// cb47-c (unseen record, 2026-12-04): a breast cancer's denosumab stopped by the patient; nine
/// months later T9, L1 and L2 collapsed on one MRI, no destruction on the CT bone window. Six
/// findings — three "rebound fracture in the differential", three "collapse without bone
/// destruction" — said one thing three times each, and the bone-agent section read only "decide
/// after diagnosis". Rule set 2026.12.219: several vertebrae so broken are one finding (the
/// label's "multiple vertebral fractures"); lesions read alike, one collapse finding; the
/// antiresorptive against the rebound is named as not waiting for the diagnosis.
@Suite struct MultipleReboundFracturesTests {
    func record(levels: [String] = ["T9", "L1", "L2"], pelvis: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = levels.map { Lesion(id: $0, bone: .vertebra, level: VertebralLevel($0)) }
        r.studies = [
            ImagingStudy(id: "M1", date: day("2026-06-28"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: levels.map {
                observation($0) { $0.collapse = .under50; $0.normalSignal = false }
            }),
            ct("C3", "2026-06-30", levels.map { observation($0) { $0.boneDestruction = false; $0.collapse = .under50; $0.fracture = true } }),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2023-06-10")),
            Treatment(id: "D1", kind: .boneModifyingAgent, start: day("2023-06-15"), end: day("2025-09-15"), stopReason: .patientChoice, agent: .denosumab, doseMg: 120),
        ]
        if pelvis {
            // A lytic ilium of unknown nature beside them: the agent waits for its diagnosis.
            r.primaries[0].diagnosed = day("2026-01")
            r.lesions.append(Lesion(id: "Il", bone: .pelvis, laterality: .right))
            r.studies.append(ct("C4", "2026-06-30", [observation("Il", .lytic, [20, 15]) { $0.boneDestruction = true }]))
        }
        return r
    }

    @Test func severalVertebraeAreOneFinding() throws {
        let a = assess(record(), asOf: day("2026-07-01"))
        let rebound = a.rule("diagnosis.differential.fractureAfterDenosumab")
        #expect(rebound.count == 1)
        let finding = try #require(rebound.first)
        #expect(finding.subject == .patient)
        #expect(finding.title.en == "3 vertebral fractures after denosumab was stopped (2025-09-15): T9 vertebra; L1 vertebra; L2 vertebra — rebound fractures in the differential", "\(finding.title.en)")
        #expect(finding.detail.en.contains("first seen after denosumab was stopped on 2025-09-15 (all on 2026-06-28)"))
        #expect(finding.detail.en.contains("Before treating them as metastases"))
        let collapse = a.rule("diagnosis.collapseWithoutDestruction")
        #expect(collapse.count == 1)
        #expect(collapse.first?.title.en == "T9 vertebra; L1 vertebra; L2 vertebra: collapse without bone destruction — not a metastasis by imaging")
        #expect(collapse.first?.title.zhHans == "T9 椎体、L1 椎体、L2 椎体：椎体塌陷但无骨质破坏——影像不支持骨转移")
        let agent = try #require(assess(record(pelvis: true), asOf: day("2026-07-01")).rule("boneAgents.afterDiagnosis").first)
        #expect(agent.detail.en.contains("resuming denosumab or another antiresorptive against the rebound is medical oncology's decision now"))
    }

    @Test func oneVertebraKeepsItsOwnFinding() throws {
        let a = assess(record(levels: ["L1"]), asOf: day("2026-07-01"))
        #expect(a.has("diagnosis.differential.fractureAfterDenosumab", subject: .lesion("L1")))
        #expect(a.has("diagnosis.collapseWithoutDestruction", subject: .lesion("L1")))
        #expect(try #require(a.rule("diagnosis.differential.fractureAfterDenosumab").first).detail.en.contains("Before treating it as a metastasis (its scores"))
    }
}

/// A death dated before studies, doses and results of the living patient (an EHR merge, a typed
/// year): every finding after that day was replaced by "deceased — no action" and the entries
/// were silently unread (2026-12-04, a fault-injected unseen record). Rule set 2026.12.223:
/// `diagnosis.record.afterDeath` lists them for correction beside the death's finding.
@Suite struct EntriesAfterDeathTests {
    func record(death: String) -> CaseRecord {
        var r = baseCase()
        r.patient.deathDate = day(death)
        r.treatments.append(Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-01-12"), agent: .denosumab, doseMg: 120,
                                      doses: [day("2023-01-12"), day("2023-02-09")]))
        r.labs = [LabResult(date: day("2023-03-18"), test: .calcium, value: 2.3, unit: "mmol/L")]
        return r
    }

    @Test func entriesAfterTheDeathAreListedForCorrection() throws {
        let a = assess(record(death: "2023-02-01"), asOf: day("2023-04-01"))
        let conflict = try #require(a.rule("diagnosis.record.afterDeath").first)
        #expect(conflict.severity == .warning)
        #expect(conflict.title.en == "3 entries dated after the recorded death (2023-02-01)", "\(conflict.title.en)")
        #expect(conflict.detail.en.hasPrefix("denosumab dose 2023-02-09; serum calcium 2023-03-18; CT of 2023-03-20"), "\(conflict.detail.en)")
        #expect(conflict.detail.zhHans.contains("2023-03-20 CT 检查"))
        let deceased = try #require(a.rule("diagnosis.record.deceased").first)
        #expect(deceased.detail.en.contains("on no worklist but the record corrections"))
        #expect(a.findings.count == 2)
    }

    @Test func aDeathAfterEveryEntryIsTheDeathAlone() throws {
        let a = assess(record(death: "2023-03-25"), asOf: day("2023-04-01"))
        #expect(a.findings.map(\.ruleId) == ["diagnosis.record.deceased"])
        #expect(try #require(a.findings.first).detail.en.contains("the case is on no worklist."))
    }
}

/// cb48-c (unseen record, 2026-12-04): a calcium of 11.2 mg/dL with no albumin on record was
/// titled "corrected calcium 11.2" beside "uncorrected — no albumin on record"; a lumbar lesion
/// recorded as "腰椎多发", no single level, was named "vertebra" on every finding. Rule set
/// 2026.12.224: the title says "(uncorrected)"; a vertebra without a level is named by its note.
@Suite struct UncorrectedCalciumAndUnlevelledVertebraTests {
    @Test func anUncorrectedCalciumIsTitledSo() throws {
        var r = baseCase()
        r.labs = [LabResult(date: day("2023-03-18"), test: .calcium, value: 11.2, unit: "mg/dL")]
        let high = try #require(assess(r, asOf: day("2023-03-20")).rule("labs.hypercalcaemia").first)
        #expect(high.title.en == "Hypercalcaemia, mild: calcium (uncorrected) 11.2 mg/dL (2.79 mmol/L) on 2023-03-18", "\(high.title.en)")
        #expect(high.title.zhHans.contains("血钙（未校正）"))
        r.labs.append(LabResult(date: day("2023-03-18"), test: .albumin, value: 40, unit: "g/L"))
        #expect(try #require(assess(r, asOf: day("2023-03-20")).rule("labs.hypercalcaemia").first).title.en.contains("corrected calcium 11.2"))
    }

    @Test func aVertebraWithoutALevelIsNamedByItsNote() {
        #expect(Lesion(id: "V", bone: .vertebra, note: "腰椎多发").label.en == "vertebra (腰椎多发)")
        #expect(Lesion(id: "V", bone: .vertebra, note: "腰椎多发").label.zhHans == "椎体（腰椎多发）")
        // A note that names the one level gives the level.
        #expect(Lesion(id: "V", bone: .vertebra, note: "第三腰椎").label.en == "L3 vertebra")
        #expect(Lesion(id: "V", bone: .vertebra).label.en == "vertebra")
    }
}

/// cb48-d (unseen record, 2026-12-04): a humerus broken in June, orthopaedics recording "患者拒绝
/// 手术，吊带制动+放疗" and 20 Gy given, still read "urgent: orthopaedic referral for fixation". Rule
/// set 2026.12.225: an orthopaedic or MDT decision since the fracture, no operation on record, is
/// quoted as written and the finding is an advisory — record the operation, or the reason for none.
@Suite struct FractureDecisionTests {
    func record(decision: MDTDecision?, imaged: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "H", bone: .humerus, segment: .diaphysis, laterality: .right)]
        r.studies = imaged ? [ct("C", "2026-06-22", [observation("H", .lytic, [30, 20]) { $0.boneDestruction = true; $0.fracture = true }])] : []
        r.events = [ClinicalEvent(date: day("2026-06-18"), kind: .pathologicalFracture, lesion: "H")]
        r.decisions = decision.map { [$0] } ?? []
        return r
    }

    func fractured(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-07-03")).rule("surgery.mirels.fractured").first)
    }

    @Test func aDecisionSinceTheFractureIsQuotedAndTheReferralIsDone() throws {
        let decision = MDTDecision(date: day("2026-06-24"), decision: "患者拒绝手术，吊带制动+放疗", specialty: .orthopaedics)
        for imaged in [true, false] {
            let finding = try fractured(record(decision: decision, imaged: imaged))
            #expect(finding.severity == .advisory)
            #expect(finding.title.en == "right humerus, diaphysis: pathological fracture — decision on record, no operation recorded")
            #expect(finding.detail.en.contains("Decision on record (2026-06-24, Orthopaedic oncology): «患者拒绝手术，吊带制动+放疗»"), "\(finding.detail.en)")
            #expect(finding.detail.zhHans.contains("已有决定（2026-06-24，骨肿瘤科）"))
            #expect(finding.claims.isEmpty)
        }
    }

    @Test func aDecisionBeforeTheFractureOrOfAnotherSpecialtyLeavesTheReferral() throws {
        let before = MDTDecision(date: day("2026-06-01"), decision: "继续内分泌治疗", specialty: .orthopaedics)
        #expect(try fractured(record(decision: before)).severity == .urgent)
        let oncology = MDTDecision(date: day("2026-06-24"), decision: "继续内分泌治疗", specialty: .medicalOncology)
        #expect(try fractured(record(decision: oncology)).severity == .urgent)
        #expect(try fractured(record(decision: nil)).severity == .urgent)
    }

    /// An impending fracture (Mirels at the threshold) with a decision since the scoring study:
    /// prevention first, so a warning, not an advisory — the decision quoted.
    @Test func anImpendingFractureWithADecisionStaysAWarning() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .peritrochanteric, laterality: .left)]
        r.studies = [ct("C", "2026-06-22", [observation("F", .lytic, [30, 20]) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.7 }])]
        r.pain = [PainRecord(date: day("2026-06-22"), lesion: "F", mirels: .functional)]
        let urgent = try #require(assess(r, asOf: day("2026-07-03")).rule("surgery.mirels.impendingFracture").first)
        #expect(urgent.severity == .urgent)
        r.decisions = [MDTDecision(date: day("2026-06-25"), decision: "放疗后再评估手术", specialty: nil)]
        let decided = try #require(assess(r, asOf: day("2026-07-03")).rule("surgery.mirels.impendingFracture").first)
        #expect(decided.severity == .warning)
        #expect(decided.detail.en.contains("Decision on record (2026-06-25, MDT): «放疗后再评估手术»"), "\(decided.detail.en)")
        #expect(decided.detail.en.contains("if non-operative care was chosen, that decision stands"), "no operation named")
        // Rule set 2026.12.325: a transfer or trial enrolment still to come keeps it urgent — the
        // seed's patient left for a trial unfixed and fractured in transit (cb90-x); one already
        // past does not.
        for (transfer, trial, severity) in [
            ("2026-07-08", nil, Severity.urgent), (nil, "2026-07-03", .urgent), ("2026-07-01", nil, .warning),
        ] as [(String?, String?, Severity)] {
            r.plans = CarePlans(transfer: transfer.map { day($0) }, trialEnrolment: trial.map { day($0) })
            #expect(try #require(assess(r, asOf: day("2026-07-03")).rule("surgery.mirels.impendingFracture").first).severity == severity, "\(transfer ?? "") \(trial ?? "")")
        }
        r.plans = CarePlans()
        // A decision naming the operation (cb86-i: "拟行瘤段切除+人工肱骨头置换"): record it as planned.
        func detail(_ text: String) throws -> LocalizedText {
            r.decisions = [MDTDecision(date: day("2026-06-25"), decision: text, specialty: .orthopaedics)]
            return try #require(assess(r, asOf: day("2026-07-03")).rule("surgery.mirels.impendingFracture").first).detail
        }
        let nail = try detail("拟行PFNA内固定术")
        #expect(nail.en.contains("It names an operation (fixation) that is not on record: record it as a planned operation with its date"), "\(nail.en)")
        #expect(nail.zhHans.contains("其中提到的手术（内固定）尚未录入"))
        #expect(try detail("拟行瘤段切除+人工股骨头置换").en.contains("It names an operation (arthroplasty)"))
        // A refusal or deferral names none.
        #expect(try detail("患者拒绝内固定，行放疗").en.contains("that decision stands"))
        #expect(try detail("暂不手术，先行放疗").en.contains("that decision stands"))
    }
}

/// cb49-b (unseen record, 2026-12-04): a blastic T10 of a castration-resistant prostate cancer,
/// stable, ESCC 1a, no pain recorded for it, read "Stable, low-grade: conventional radiotherapy."
/// — a directive to irradiate a lesion nothing said needed treatment. NOMS chooses the technique
/// for a lesion that is treated (Laufer 2013); pain or neurological signs usually make it one.
/// Rule set 2026.12.227: with its pain not on record the technique is said as a condition.
@Suite struct UnknownPainLowGradeSpineTests {
    func finding(pain: SINS.Pain?) throws -> Finding {
        var r = baseCase()
        r.lesions.append(Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("T10")))
        r.studies[0].observations.append(observation("V1", .lytic, [15, 12]) {
            $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none; $0.escc = .g1a
        })
        r.neurology = [NeurologyRecord(date: day("2023-03-16"), status: .intact)]
        r.pain = pain.map { [PainRecord(date: day("2023-03-16"), lesion: "V1", sins: $0)] } ?? []
        return try #require(assess(r, asOf: day("2023-03-21")).rule("surgery.spine.noms").first { $0.subject == .lesion("V1") })
    }

    @Test func withoutItsPainTheTechniqueIsACondition() throws {
        let unknown = try finding(pain: nil)
        #expect(unknown.detail.en.contains("Stable, low-grade: if it is treated locally, conventional radiotherapy. Its pain is not on record"), "\(unknown.detail.en)")
        #expect(unknown.detail.zhHans.contains("如需局部治疗"))
        #expect(try finding(pain: .occasional).detail.en.contains("Stable, low-grade: conventional radiotherapy."))
    }
}

/// cb50-a (unseen record, 2026-12-04): a castration-resistant prostate cancer's bone disease
/// recorded as three rows, two of them "骨盆多发" and "多发肋骨": Tokuhashi counted two extraspinal
/// foci, the rows were named "pelvis" and "rib", and one such row alone would be a "solitary
/// lesion" sent to biopsy. Rule set 2026.12.229: a row whose note says it is several counts as at
/// least two sites (said so in the score), and a bone without side, segment or level is named by
/// its note.
@Suite struct SeveralLesionsInOneRowTests {
    @Test func aRowOfSeveralIsAtLeastTwoSites() throws {
        #expect(Lesion(id: "P", bone: .pelvis, note: "骨盆多发").namesSeveral)
        #expect(Lesion(id: "R", bone: .rib, note: "multiple rib lesions").namesSeveral)
        #expect(!Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L3"), note: "多发性骨髓瘤").namesSeveral)
        #expect(!Lesion(id: "P", bone: .pelvis, note: "右髂骨").namesSeveral)
        #expect(Lesion(id: "P", bone: .pelvis, note: "骨盆多发").label.en == "pelvis (骨盆多发)")
        #expect(Lesion(id: "P", bone: .pelvis, laterality: .right, note: "右髂骨").label.en == "right pelvis")
        // One row of several is no solitary lesion.
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2015-01"))]
        r.lesions = [Lesion(id: "P", bone: .pelvis, note: "骨盆多发")]
        r.studies = [survey("B", "2023-01-03", ["P"]), ct("C", "2023-01-05", [observation("P", .lytic, [20, 15]) { $0.boneDestruction = true }])]
        let a = assess(r, asOf: day("2023-01-10"))
        #expect(!a.rule("diagnosis.biopsy.indicated").contains { $0.detail.en.contains("solitary") })
        r.lesions = [Lesion(id: "P", bone: .pelvis, note: "右髂骨")]
        #expect(assess(r, asOf: day("2023-01-10")).rule("diagnosis.biopsy.indicated").contains { $0.detail.en.contains("solitary") })
    }

    @Test func tokuhashiCountsItAsAtLeastTwo() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L3")), Lesion(id: "P", bone: .pelvis, note: "骨盆多发"), Lesion(id: "R", bone: .rib, note: "多发肋骨")]
        r.studies = [survey("B", "2023-01-03", ["V", "P", "R"]), ct("C", "2023-01-05", [
            observation("V", .blastic), observation("P", .blastic), observation("R", .blastic),
        ])]
        let tokuhashi = try #require(assess(r, asOf: day("2023-01-10")).rule("surgery.prognosis.tokuhashi").first)
        #expect(tokuhashi.detail.en.contains("extraspinal bone metastasis foci: at least 4 (a record of several lesions counted as two) → 0"), "\(tokuhashi.detail.en)")
    }
}
