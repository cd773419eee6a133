import BoneMetRules
import Testing

/// Rule set 2026.12.56, from a batch of unseen records (a myeloma on zoledronic acid, a breast
/// cancer without a birth date, a lung cancer with a fractured femoral neck, a breast cancer
/// switched after a four-month break).
@Suite struct ZoledronicHoldWithoutClearanceTests {
    /// Zometa label: withhold when creatinine rose ≥ 0.5 mg/dL over a normal baseline — a rule
    /// on creatinine alone. Without weight or birth date (no Cockcroft–Gault CrCl) the rise of
    /// 72 → 124 µmol/L (0.81 → 1.40 mg/dL) was never checked: only "CrCl cannot be computed".
    func record(birthDate: PartialDate?, weights: [WeightRecord], ordered: Double = 4) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = birthDate
        r.patient.weights = weights
        r.labs = [
            LabResult(date: day("2023-01-15"), test: .creatinine, value: 72, unit: "µmol/L"),
            LabResult(date: day("2023-04-01"), test: .creatinine, value: 124, unit: "µmol/L"),
        ]
        r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .zoledronicAcid, doseMg: ordered, doses: [day("2023-01-20")]))
        r.dentalExams = [day("2023-01-10")]
        return r
    }

    @Test func aRiseWithholdsEvenWithoutACreatinineClearance() throws {
        let a = assess(record(birthDate: nil, weights: []), asOf: day("2023-04-02"))
        let hold = try #require(a.rule("boneAgents.zoledronic.renalHold").first)
        #expect(hold.severity == .urgent)
        #expect(hold.detail.en.contains("at the dose for the baseline CrCl (it cannot be computed: record weight, sex and birth date)"))
        #expect(hold.detail.zhHans.contains("无法计算"))
        #expect(hold.inputs.contains(FindingInput("baselineCrclMlMin", "unknown")))
        #expect(!a.has("boneAgents.zoledronic.dose"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // Below the rise (0.81 → 1.2 mg/dL = 106 µmol/L: +0.39): no hold, the missing CrCl is said.
        var below = record(birthDate: nil, weights: [])
        below.labs[1] = LabResult(date: day("2023-04-01"), test: .creatinine, value: 106, unit: "µmol/L")
        let b = assess(below, asOf: day("2023-04-02"))
        #expect(!b.has("boneAgents.zoledronic.renalHold"))
        #expect(b.has("boneAgents.zoledronic.crclUnknown"))
    }

    /// A myeloma given 4 mg from a baseline CrCl of 33.7 mL/min (label: 3.0 mg) read "resume at
    /// the same dose as before (3.0 mg)": the course's dose and the label's are both said.
    @Test func aHoldNamesTheLabelDoseWhenTheCourseRecordsAnother() throws {
        // 53 years on 2023-01-20, 60 kg, female, 0.81 mg/dL: CrCl ≈ 76.9 → 4.0 mg; ordered 3.5.
        let a = assess(record(birthDate: day("1970-01-01"), weights: [WeightRecord(date: day("2023-01-01"), kg: 60)], ordered: 3.5), asOf: day("2023-04-02"))
        let hold = try #require(a.rule("boneAgents.zoledronic.renalHold").first)
        #expect(hold.detail.en.contains("at the label's dose for the baseline CrCl"))
        #expect(hold.detail.en.contains(": 4.0 mg — the course records 3.5 mg, which is not that dose"))
        #expect(!hold.detail.en.contains("same dose as before"))
        // The same dose as the label's: said as before.
        let same = assess(record(birthDate: day("1970-01-01"), weights: [WeightRecord(date: day("2023-01-01"), kg: 60)]), asOf: day("2023-04-02"))
        #expect(try #require(same.rule("boneAgents.zoledronic.renalHold").first).detail.en.contains("at the same dose as before: 4.0 mg, from the baseline CrCl"))
    }
}

@Suite struct FractureAgainstShortSurvivalTests {
    /// New Katagiri 7–10 (Katagiri 2014: 6-month survival 27 %) is weighed against fixing a bone
    /// that has broken, as against a prophylactic fixation; and the spinal scores say they are
    /// the spine's ("Tomita 10: terminal care — non-operative supportive care" stood beside
    /// "referral for fixation" of the femoral neck).
    func record(ecog: Int) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "squamous cell carcinoma", diagnosed: day("2022-06"))]
        r.lesions = [
            Lesion(id: "L1", bone: .femur, segment: .proximal, laterality: .left),
            Lesion(id: "T7", bone: .vertebra, level: VertebralLevel("T7")),
        ]
        r.studies = [
            survey("B1", "2023-01-02", ["L1", "T7"]),
            ct("S1", "2023-03-20", [observation("L1", .lytic) { $0.boneDestruction = true; $0.fracture = true }, observation("T7", .lytic) { $0.boneDestruction = true }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, drugs: ["carboplatin", "paclitaxel", "pembrolizumab"], systemicClass: .immunotherapy, start: day("2022-07-01"))]
        r.visceralMetastases = [VisceralMetastasis(organ: "pleura", date: day("2023-03-20"), removable: false, treatable: false, pattern: .disseminated)]
        r.performance = [PerformanceStatus(date: day("2023-03-20"), ecog: ecog)]
        r.labs = [LabResult(date: day("2023-03-20"), test: .platelets, value: 85, unit: "10^9/L")]
        return r
    }

    @Test func aFractureIsWeighedAgainstAShortSurvival() throws {
        // Katagiri: lung without targeted therapy 3, disseminated 2, platelets < 100 000 2,
        // ECOG 3 1, previous chemotherapy 1, multiple 1 = 10.
        let a = assess(record(ecog: 3), asOf: day("2023-03-21"))
        #expect(a.katagiri?.total.score == 10)
        let fracture = try #require(a.rule("surgery.mirels.fractured").first)
        #expect(fracture.severity == .urgent)
        #expect(fracture.detail.en.contains("Expected survival is short (New Katagiri 10"))
        #expect(fracture.detail.zhHans.contains("预计生存期短"))
        #expect(fracture.sources.contains(Sources.katagiri2014))
        let tomita = try #require(a.rule("surgery.prognosis.tomita").first)
        #expect(tomita.title.en.hasPrefix("Tomita (spinal metastases) "))
        #expect(tomita.title.zhHans.hasPrefix("Tomita 评分（脊柱转移）"))
        #expect(try #require(a.rule("surgery.prognosis.tokuhashi").first).title.en.hasPrefix("Revised Tokuhashi (spinal metastases) "))
        // ECOG 1, no visceral metastases, no laboratory values: 5–7, not settled high — no caution.
        var longer = record(ecog: 1)
        longer.visceralMetastases = []
        longer.labs = []
        let b = assess(longer, asOf: day("2023-03-21"))
        #expect(b.katagiri.map { $0.total.min < 7 } == true)
        #expect(try #require(b.rule("surgery.mirels.fractured").first).detail.en.contains("Expected survival is short") == false)
    }
}

@Suite struct SwitchAfterABreakTests {
    /// The source hospital's attribution: change in an untreated interval is natural history. A
    /// regimen stopped for "progression" with a PR in its window, and a CT four months later with
    /// no systemic therapy between: the CT's progression was counted as the regimen's window and
    /// the switch read as supported.
    func record(lastStudy: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left)]
        r.studies = [
            ct("S1", "2025-01-20", [observation("L1", .lytic, [25, 20]) { $0.boneDestruction = true }]),
            ct("S2", "2025-06-20", [observation("L1", .mixed, [24, 19]) { $0.boneDestruction = true; $0.fillIn = .partial }]),
            ct("S3", lastStudy, [observation("L1", .mixed, [30, 26]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [Treatment(
            id: "T1", kind: .systemic, name: "letrozole + ribociclib", systemicClass: .endocrine, start: day("2025-02-01"), end: day("2025-08-15"),
            stopReason: .progression)]
        return r
    }

    @Test func aStudyLongAfterTheStopIsNotTheRegimensWindow() throws {
        let a = assess(record(lastStudy: "2025-12-15"), asOf: day("2026-01-10"))
        let unsupported = try #require(a.rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(unsupported.severity == .warning)
        #expect(unsupported.detail.en.contains("Progression was first imaged on 2025-12-15, after it was stopped."))
        let point = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("S3") })
        #expect(point.detail.en.contains("then no systemic therapy from 2025-08-15 to 2025-12-15 (122 days)"))
        #expect(point.detail.zhHans.contains("无全身治疗（122 天）"))
        // regimenGapDays (56) after the stop: still its window — the growth happened under it.
        let near = assess(record(lastStudy: "2025-10-10"), asOf: day("2026-01-10"))
        #expect(!near.has("boneHealth.attribution.unsupportedSwitch"))
        #expect(near.rule("boneHealth.mda.timePoint").first { $0.subject == .study("S3") }?.detail.en.contains("then no systemic therapy") == false)
        // Radiotherapy to the lesion in the interval: its effect outlasts the course — no "off treatment".
        var irradiated = record(lastStudy: "2025-12-15")
        irradiated.treatments.append(Treatment(id: "RT", kind: .radiotherapy, lesions: ["L1"], start: day("2025-07-01"), end: day("2025-07-05"), doseGy: 20, fractions: 5))
        #expect(try #require(assess(irradiated, asOf: day("2026-01-10")).rule("boneHealth.mda.timePoint").first { $0.subject == .study("S3") }).detail.en.contains("then no systemic therapy") == false)
        // 57 days after: a break.
        #expect(assess(record(lastStudy: "2025-10-11"), asOf: day("2026-01-10")).has("boneHealth.attribution.unsupportedSwitch"))
    }
}

@Suite struct OpenBiopsyTests {
    /// A solitary lytic humerus without a known primary, biopsied with a necrotic, non-diagnostic
    /// sample: every biopsy finding asked for "a biopsy" as if none had been taken (and would
    /// have asked again while a result was pending).
    func record(_ result: BiopsyResult?) -> CaseRecord {
        var r = baseCase()
        r.primaries = []
        r.lesions = [Lesion(id: "H", bone: .humerus, segment: .proximal, laterality: .right)]
        r.treatments = []
        r.studies = [
            ImagingStudy(id: "X", date: day("2023-01-05"), modality: .xray, coverage: [.rightUpperLimb], observations: [observation("H", .lytic) { $0.fractionOfDiameter = 0.5 }]),
            survey("B", "2023-01-06", ["H"]),
        ]
        r.pain = [PainRecord(date: day("2023-01-05"), lesion: "H", mirels: .moderate)]
        r.biopsies = [Biopsy(lesion: "H", date: day("2023-01-10"), decalcification: .edta, result: result, histology: result == .nonDiagnostic ? "necrotic tissue" : nil)]
        return r
    }

    @Test func aNonDiagnosticBiopsyIsRepeatedAndAPendingOneAwaited() throws {
        let failed = assess(record(.nonDiagnostic), asOf: day("2023-01-20"))
        let indicated = try #require(failed.rule("diagnosis.biopsy.indicated").first)
        #expect(indicated.title.en == "right humerus, proximal: biopsy indicated — the last was not diagnostic, repeat it")
        #expect(indicated.detail.en.hasSuffix("The biopsy of 2023-01-10 was non-diagnostic (necrotic tissue): repeat the biopsy."))
        #expect(indicated.inputs.contains(FindingInput("previousBiopsy", "2023-01-10 nonDiagnostic")))
        #expect(try #require(failed.rule("diagnosis.biopsy.noKnownPrimary").first).detail.en.contains("was non-diagnostic"))
        // Mirels 1 + 2 + 3 + 2 = 8: the fixation waits for tissue, and says why.
        #expect(try #require(failed.rule("surgery.mirels.impendingFracture").first).detail.en.contains("repeat the biopsy"))

        let pending = assess(record(.pending), asOf: day("2023-01-20"))
        let awaited = try #require(pending.rule("diagnosis.biopsy.indicated").first)
        #expect(awaited.title.en.hasSuffix("biopsy indicated — result pending"))
        #expect(awaited.detail.en.contains("its result is pending — await it rather than biopsy again"))
        #expect(awaited.detail.zhHans.contains("结果待报告"))
        #expect(try #require(assess(record(nil), asOf: day("2023-01-20")).rule("diagnosis.biopsy.indicated").first).title.en.hasSuffix("result pending"))
        // Before the biopsy date: as before.
        #expect(try #require(assess(record(.pending), asOf: day("2023-01-09")).rule("diagnosis.biopsy.indicated").first).title.en == "right humerus, proximal: biopsy indicated")
        // Solitary only once the skeleton was surveyed; before, the only lesion known.
        #expect(indicated.detail.en.hasPrefix("solitary bone lesion of unknown nature."))
        var unsurveyed = record(.pending)
        unsurveyed.studies.removeLast()
        let only = try #require(assess(unsurveyed, asOf: day("2023-01-20")).rule("diagnosis.biopsy.indicated").first)
        #expect(only.detail.en.hasPrefix("bone lesion of unknown nature, the only one known (no whole-body survey yet)."))
        // A diagnostic biopsy closes it.
        #expect(!assess(record(.metastasis), asOf: day("2023-01-20")).has("diagnosis.biopsy.indicated"))
    }
}

@Suite struct LateStartWindowTests {
    /// A regimen begun 7 weeks after the study it is compared from: the time point named only the
    /// regimen for growth that may predate it. RECIST 1.1 (Eisenhauer 2009) takes a baseline no
    /// more than 4 weeks before treatment.
    func record(start: String) -> CaseRecord {
        var r = baseCase()
        r.studies = [
            ct("S1", "2023-01-01", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", "2023-03-10", [observation("L1", .lytic, [24, 24]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day(start))]
        return r
    }

    @Test func aBaselineLongBeforeTheRegimenIsSaid() throws {
        let a = assess(record(start: "2023-02-20"), asOf: day("2023-03-11"))
        let point = try #require(a.rule("boneHealth.mda.timePoint").first)
        #expect(point.detail.en.contains("the earlier study was 50 days before the first treatment began (2023-02-20; RECIST 1.1 takes a baseline no more than 4 weeks before treatment)"))
        #expect(point.detail.zhHans.contains("50 天"))
        #expect(point.sources.contains { $0.id == "eisenhauer2009" })
        // 28 days before: within RECIST's baseline window, nothing said.
        let within = try #require(assess(record(start: "2023-01-29"), asOf: day("2023-03-11")).rule("boneHealth.mda.timePoint").first)
        #expect(!within.detail.en.contains("the earlier study was"))
        #expect(try #require(assess(record(start: "2023-01-30"), asOf: day("2023-03-11")).rule("boneHealth.mda.timePoint").first).detail.en.contains("the earlier study was 29 days"))
        // Radiotherapy to the lesion soon after the earlier study: treated from then on.
        var irradiated = record(start: "2023-02-20")
        irradiated.treatments.append(Treatment(id: "RT", kind: .radiotherapy, lesions: ["L1"], start: day("2023-01-10"), end: day("2023-01-12"), doseGy: 24, fractions: 3))
        #expect(try #require(assess(irradiated, asOf: day("2023-03-11")).rule("boneHealth.mda.timePoint").first).detail.en.contains("the earlier study was") == false)
    }
}

@Suite struct IrradiatedResponseTests {
    /// A tamoxifen window read "PR" from a rib irradiated in it (no longer seen) while the
    /// unirradiated pelvis stood still: local radiotherapy acts on its own lesion only.
    func record(pelvis: [Double]) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "R", bone: .rib, laterality: .left), Lesion(id: "P", bone: .pelvis, laterality: .right)]
        r.studies = [
            ct("S1", "2023-01-05", [observation("R", .lytic, [15, 10]) { $0.boneDestruction = true }, observation("P", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", "2023-06-05", [observation("R") { $0.present = false }, observation("P", .lytic, pelvis) { $0.boneDestruction = true }]),
        ]
        r.treatments.append(Treatment(id: "RT", kind: .radiotherapy, lesions: ["R"], start: day("2023-02-01"), end: day("2023-02-01"), doseGy: 8, fractions: 1))
        return r
    }

    @Test func aResponseOnlyInIrradiatedLesionsIsSaidToBeTheirs() throws {
        let point = try #require(assess(record(pelvis: [20, 20]), asOf: day("2023-06-10")).rule("boneHealth.mda.timePoint").first)
        #expect(point.detail.en.contains("left rib: CR — lesion no longer seen (irradiated in this interval)"))
        #expect(point.detail.en.contains("Only irradiated lesions responded"))
        #expect(point.detail.zhHans.contains("仅接受放疗的病灶出现缓解"))
        // The pelvis responding too (−50 % or more): nothing to add.
        let both = try #require(assess(record(pelvis: [14, 14]), asOf: day("2023-06-10")).rule("boneHealth.mda.timePoint").first)
        #expect(!both.detail.en.contains("Only irradiated lesions responded"))
    }
}

@Suite struct AnotherCancerOnBiopsyTests {
    /// A breast cancer's femur biopsied as diffuse large B-cell lymphoma, a T9 not biopsied: no
    /// finding said what the femur was, a myeloma work-up was asked for, and the T9 was called
    /// "solitary".
    func record(_ result: BiopsyResult) -> CaseRecord {
        var r = baseCase()
        r.primaries[0].diagnosed = day("2013-05")
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .diaphysis, laterality: .right), Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T9"))]
        r.studies = [
            survey("P", "2023-01-01", ["F", "V"]),
            ct("C", "2023-01-03", [observation("F", .lytic) { $0.boneDestruction = true }, observation("V", .lytic) { $0.boneDestruction = true }]),
        ]
        r.treatments = []
        r.biopsies = [Biopsy(lesion: "F", date: day("2023-01-10"), decalcification: .edta, result: result, histology: "diffuse large B-cell lymphoma")]
        return r
    }

    @Test func aLymphomaOrMyelomaBiopsyInAnotherCancersPatientIsSaid() throws {
        let a = assess(record(.lymphoma), asOf: day("2023-01-20"))
        let finding = try #require(a.rule("diagnosis.biopsy.anotherCancer").first)
        #expect(finding.specialty == .haematology && finding.severity == .warning)
        #expect(finding.title.en == "right femur, diaphysis: biopsy shows lymphoma — a second cancer, refer to haematology")
        #expect(finding.detail.en.contains("not a metastasis of the breast cancer on record"))
        #expect(finding.detail.en.contains("The other bone lesions (T9 vertebra) may be either disease"))
        #expect(!a.has("diagnosis.differential.myeloma"))
        #expect(!a.findings.contains { $0.detail.en.contains("solitary bone lesion") })
        // Myeloma: said too, citing IMWG.
        let m = try #require(assess(record(.myeloma), asOf: day("2023-01-20")).rule("diagnosis.biopsy.anotherCancer").first)
        #expect(m.sources.contains { $0.id == "rajkumar2014" })
        // No cancer on record: the diagnosis itself, not a second cancer.
        var alone = record(.myeloma)
        alone.primaries = []
        let first = try #require(assess(alone, asOf: day("2023-01-20")).rule("diagnosis.biopsy.anotherCancer").first)
        #expect(first.title.en == "right femur, diaphysis: biopsy shows myeloma — refer to haematology")
        #expect(first.detail.en.contains("record it as a primary cancer so that"))
        // A metastasis: nothing of the kind.
        #expect(!assess(record(.metastasis), asOf: day("2023-01-20")).has("diagnosis.biopsy.anotherCancer"))
    }
}
