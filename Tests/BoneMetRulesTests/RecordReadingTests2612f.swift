import BoneMetRules
import Testing

/// Rule set 2026.12.68, from a batch of unseen records (cb16).
@Suite struct HealedSpinalLesionTests {
    /// A breast cancer's T10, lytic at baseline, filled in completely under endocrine therapy;
    /// neurologically intact, no pain recorded for it. Neither radiotherapy nor surgery is in
    /// question: the NOMS finding says so instead of asking for an ESCC grade as an advisory.
    /// A complete sclerotic fill-in is the MDA complete response (Hamaoka 2004).
    func record(fillIn: FillIn, pain: SINS.Pain? = nil, neurology: NeurologicalStatus? = .intact) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [
            ct("S1", "2023-01-05", [observation("T10", .lytic, [18, 15]) {
                $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none
            }]),
            ct("S2", "2023-09-20", [observation("T10", fillIn == .complete ? .blastic : .mixed) { $0.fillIn = fillIn }]),
        ]
        r.neurology = neurology.map { [NeurologyRecord(date: day("2023-09-20"), status: $0, frankel: $0 == .intact ? .E : .D)] } ?? []
        r.pain = pain.map { [PainRecord(date: day("2023-09-20"), lesion: "T10", sins: $0)] } ?? []
        return r
    }

    @Test func aCompletelyHealedIntactLesionAsksForNothing() throws {
        let noms = try #require(assess(record(fillIn: .complete), asOf: day("2023-09-25")).rule("surgery.spine.noms").first)
        #expect(noms.severity == .info)
        #expect(noms.detail.en.contains("Stable, healed (complete sclerotic fill-in on the CT of 2023-09-20) and neurologically intact"))
        #expect(noms.detail.zhHans.contains("2023-09-20 CT 检查示完全硬化填充"))
    }

    @Test func partialFillInPainOrNoNeurologyStillAsksForTheGrade() throws {
        for r in [record(fillIn: .partial), record(fillIn: .complete, pain: .mechanical), record(fillIn: .complete, neurology: nil)] {
            let noms = try #require(assess(r, asOf: day("2023-09-25")).rule("surgery.spine.noms").first)
            #expect(noms.severity == .advisory)
            #expect(noms.detail.en.contains("grade ESCC on axial T2 MRI before choosing radiotherapy or surgery"))
        }
    }
}

@Suite struct FixedWithoutTissueTests {
    /// A femur nailed without tissue, long after the primary: "obtain pathology first" cannot be
    /// done for a fixation already made — the tissue of the operation is looked for, or taken now.
    /// A fixation still planned keeps "biopsy first" (reference.md: never nail an undiagnosed
    /// solitary lesion).
    func record(planned: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries[0].diagnosed = day("2016-06")
        r.treatments.append(planned
            ? Treatment(id: "S1", kind: .surgery, lesions: ["L1"], planned: true, procedure: .prophylacticFixation)
            : Treatment(id: "S1", kind: .surgery, lesions: ["L1"], start: day("2023-02-01"), procedure: .prophylacticFixation))
        return r
    }

    @Test func aFixationDoneAsksForItsTissue() throws {
        let done = try #require(assess(record(planned: false), asOf: day("2023-04-01")).rule("diagnosis.differential.solitaryBeforeFixation").first)
        #expect(done.severity == .warning)
        #expect(done.detail.en.contains("Record the pathology of any tissue taken at the operation; if none was sent, biopsy now"))
        #expect(!done.detail.en.contains("Obtain pathology first"))
        #expect(done.detail.zhHans.contains("请补录术中所取组织的病理结果"))
        let planned = try #require(assess(record(planned: true), asOf: day("2023-04-01")).rule("diagnosis.differential.solitaryBeforeFixation").first)
        #expect(planned.severity == .urgent)
        #expect(planned.detail.en.hasSuffix("Obtain pathology first."))
    }
}

@Suite struct UnimagedEHRLesionTests {
    /// An EHR's femur metastasis (a Condition with its onset, no imaging exported), broken on
    /// 2024-06-20. It was "fracture risk cannot be assessed — no X-ray/CT reading" whatever had
    /// been done, and its radiotherapy and nail were no skeletal-related events.
    func record(fracture: Bool = true, resolved: Bool? = nil, surgery: SurgicalProcedure? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "F", bone: .femur, laterality: .right)]
        r.lesions[0].diagnosed = day("2024-05-02")
        r.studies = []
        if fracture { r.events = [ClinicalEvent(date: day("2024-06-20"), kind: .pathologicalFracture, lesion: "F", resolved: resolved)] }
        if let surgery { r.treatments.append(Treatment(id: "S", kind: .surgery, lesions: ["F"], start: day("2024-06-23"), procedure: surgery)) }
        r.treatments.append(Treatment(id: "R", kind: .radiotherapy, lesions: ["F"], start: day("2024-07-15"), end: day("2024-07-19"), doseGy: 20, fractions: 5))
        return r
    }

    @Test func aBrokenFemurWithoutReadingIsSaidBroken() throws {
        let unfixed = assess(record(), asOf: day("2024-08-01"))
        let broken = try #require(unfixed.rule("surgery.mirels.fractured").first)
        #expect(broken.severity == .urgent)
        #expect(broken.detail.en.contains("Pathological fracture recorded on 2024-06-20; no X-ray or CT reading of it on record"))
        #expect(broken.detail.en.contains("No fixation on record: orthopaedic referral for fixation."))
        #expect(!unfixed.has("surgery.lesion.notAssessable"))
        let fixed = try #require(assess(record(surgery: .fractureFixation), asOf: day("2024-08-01")).rule("surgery.mirels.fractured").first)
        #expect(fixed.severity == .info)
        #expect(fixed.detail.en.contains("Treated: "))
        let unnamed = try #require(assess(record(surgery: .other), asOf: day("2024-08-01")).rule("surgery.mirels.fractured").first)
        #expect(unnamed.severity == .advisory)
        #expect(unnamed.title.en.hasSuffix("record what its operation did"))
        #expect(unnamed.detail.zhHans.contains("请按“骨折内固定”记录"))
        // Healed (resolved) or never broken: the risk of a fracture is the question again.
        for r in [record(resolved: true), record(fracture: false)] {
            let a = assess(r, asOf: day("2024-08-01"))
            #expect(a.has("surgery.lesion.notAssessable") && !a.has("surgery.mirels.fractured"))
        }
    }

    @Test func itsRadiotherapyAndSurgeryAreSkeletalRelatedEvents() throws {
        let history = try #require(assess(record(surgery: .fractureFixation), asOf: day("2024-08-01")).rule("boneAgents.sreHistory").first)
        #expect(history.title.en == "3 skeletal-related event(s) on record")
        #expect(history.detail.en.contains("2024-06-23 surgery to bone, right femur; 2024-07-15 radiotherapy to bone, right femur"))
        // Not before its diagnosis is known.
        var undiagnosed = record(fracture: false, surgery: .fractureFixation)
        undiagnosed.lesions[0].diagnosed = nil
        #expect(!assess(undiagnosed, asOf: day("2024-08-01")).has("boneAgents.sreHistory"))
    }

    /// The same lesion with nothing else: a diagnosis the record dates, no imaging, no agent. The
    /// diagnosis and bone-agent rules said nothing at all — now it asks for its imaging and, the
    /// primary seven years back, for tissue before the agent (source hospital: long disease-free
    /// interval); two years back, with two of them, the agent is indicated (ESMO 2020, breast cancer).
    @Test func aDiagnosisWithoutImagingIsAskedAbout() throws {
        var r = record(fracture: false)
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2024-05-10"))]
        r.primaries[0].diagnosed = day("2017-03")
        let late = assess(r, asOf: day("2024-08-01"))
        #expect(late.rule("diagnosis.imaging.diagnosticImaging").map(\.title.en) == ["right femur: no X-ray or CT bone-window read"])
        #expect(late.has("diagnosis.imaging.wholeBodyScreening"))
        #expect(late.rule("diagnosis.biopsy.indicated").first?.detail.en.contains("long disease-free interval (7 years") == true)
        #expect(late.has("boneAgents.afterDiagnosis") && !late.has("boneAgents.indication"))
        // Two years from the primary, two such lesions (one alone would be a solitary lesion of
        // unknown nature: biopsy first, as an imaged one).
        r.primaries[0].diagnosed = day("2022-06")
        r.lesions.append(Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L3")))
        r.lesions[1].diagnosed = day("2024-05-02")
        let early = assess(r, asOf: day("2024-08-01"))
        #expect(early.rule("boneAgents.indication").first?.title.en == "Bone metastases without a bone-modifying agent")
        #expect(!early.has("diagnosis.biopsy.indicated") || early.rule("diagnosis.biopsy.indicated").allSatisfy { !$0.detail.en.contains("disease-free") })
    }
}

@Suite struct LymphNodeMetastasisTests {
    /// Lymph-node metastases are no viscus: Tokuhashi (2005) counts metastases to the major
    /// internal organs, Tomita (2001) visceral ones, New Katagiri (2014) visceral or brain ones.
    /// A breast cancer with axillary nodes only (an EHR's C77.3) scored "unremovable visceral
    /// metastases" and "nodular visceral metastases"; PATHFx asks for nodes apart.
    func record(_ organs: [String]) -> CaseRecord {
        var r = baseCase()
        r.visceralMetastases = organs.map { VisceralMetastasis(organ: $0, date: day("2023-01-05"), removable: false, treatable: false, pattern: .nodular) }
        r.performance = [PerformanceStatus(date: day("2023-03-20"), ecog: 1)]
        return r
    }

    @Test func nodesAreNotVisceralMetastases() throws {
        let nodes = assess(record(["lymph nodes (axilla)"]), asOf: day("2023-03-21"))
        let katagiri = try #require(nodes.rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("visceral or brain metastases: no visceral or brain metastases → 0"))
        let pathfx = try #require(nodes.rule("surgery.prognosis.survivalModels").first ?? nodes.findings.first { $0.title.en.hasPrefix("PATHFx") })
        #expect(pathfx.detail.en.contains("visceral metastases no, lymph-node metastases yes"))
        let zh = assess(record(["腋窝淋巴结"]), asOf: day("2023-03-21")).rule("surgery.prognosis.katagiri").first
        #expect(zh?.detail.en.contains("no visceral or brain metastases → 0") == true)
        // Lymphangitic spread is the lung's, not a node's.
        #expect(!VisceralMetastasis(organ: "lymphangitic carcinomatosis").isLymphNode)
        #expect(VisceralMetastasis(organ: "Mediastinal lymph nodes").isLymphNode && VisceralMetastasis(organ: "nodal disease").isLymphNode)
        // A liver beside them counts.
        let liver = try #require(assess(record(["lymph nodes", "liver"]), asOf: day("2023-03-21")).rule("surgery.prognosis.katagiri").first)
        #expect(liver.detail.en.contains("nodular visceral or brain metastases → 1"))
    }
}

@Suite struct DenosumabLapseTests {
    /// A denosumab course months past its due day read only "dose due": left to lapse it is a
    /// stop, and stopping is followed by rebound bone turnover with multiple vertebral fractures
    /// described in its label (reference.md; Xgeva prescribing information). Zoledronic acid's
    /// due dose says nothing of the kind.
    @Test func anOverdueDenosumabSaysWhatStoppingMeans() throws {
        for agent in [BoneAgent.denosumab, .zoledronicAcid] {
            var r = baseCase()
            r.dentalExams = [day("2023-01-08")]
            r.treatments.append(Treatment(
                id: "B", kind: .boneModifyingAgent, start: day("2023-01-15"), agent: agent, doseMg: agent == .denosumab ? 120 : 4,
                intervalWeeks: 4, doses: [day("2023-01-15"), day("2023-02-12")]))
            let due = try #require(assess(r, asOf: day("2023-08-01")).rule("boneAgents.doseDue").first)
            #expect(due.detail.en.contains("decide on another agent rather than let it lapse") == (agent == .denosumab))
            #expect(due.detail.zhHans.contains("而非任其中断") == (agent == .denosumab))
        }
    }
}

extension PSAProgressionTests {
    /// Rule set 2026.12.74: the latest PSA already the size of PCWG3 progression (≥ 25 % and
    /// ≥ 2 ng/mL above the nadir, ≥ 12 weeks in) with nothing since asks for the confirming value
    /// ≥ 3 weeks later (Scher 2016, table 2); confirmed, it is PSA progression and the ask goes.
    @Test func anUnconfirmedRiseAsksForItsConfirmation() throws {
        let unconfirmed = Array(Self.declineThenRise.prefix(3))  // nadir 3.1 → 5.6 on 2023-05-10
        let a = assess(record(unconfirmed), asOf: day("2023-05-20"))
        let ask = try #require(a.rule("boneHealth.pcwg3.psaRise").first)
        #expect(ask.severity == .advisory && ask.subject == .treatment("ENZ"))
        #expect(ask.title.en.hasSuffix("confirm from 2023-05-31 (PCWG3)"))
        #expect(ask.detail.en.hasPrefix("PSA nadir 3.1 ng/mL (2023-03-10) → 5.6 (2023-05-10; +81 %, +2.5 ng/mL)"))
        #expect(ask.detail.zhHans.contains("请于 2023-05-31 或之后复查 PSA"))
        #expect(!a.has("boneHealth.pcwg3.psaProgression"))
        let confirmed = assess(record(Self.declineThenRise), asOf: day("2023-07-20"))
        #expect(confirmed.has("boneHealth.pcwg3.psaProgression") && !confirmed.has("boneHealth.pcwg3.psaRise"))
        // Below the size (+1.9 ng/mL), or before 12 weeks: nothing to confirm.
        #expect(!assess(record([("2023-01-08", 12.0), ("2023-03-10", 3.1), ("2023-05-10", 5.0)]), asOf: day("2023-05-20")).has("boneHealth.pcwg3.psaRise"))
        #expect(!assess(record([("2023-01-08", 12.0), ("2023-02-10", 3.1), ("2023-03-20", 5.6)]), asOf: day("2023-03-25")).has("boneHealth.pcwg3.psaRise"))
    }
}

@Suite struct ZoledronicBarredInHypercalcaemiaTests {
    /// A myeloma at CrCl 28 with hypercalcaemia on record, zoledronic acid given twice: "not
    /// recommended: CrCl < 30" (SRE prevention's table) stood beside the calcium finding's "no
    /// repeat dose before …, and only if calcium does not return to normal" (the label's
    /// hypercalcaemia dose, 4 mg without CrCl adjustment below creatinine 4.5 mg/dL). It now says
    /// which table it is; with calcium normal it says nothing of hypercalcaemia.
    func record(calcium: Double) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1955-02-02")
        r.patient.weights = [WeightRecord(date: day("2023-01-01"), kg: 70)]
        r.patient.sex = .male
        r.labs = [
            LabResult(date: day("2023-01-05"), test: .creatinine, value: 2.5, unit: "mg/dL"),
            LabResult(date: day("2023-01-05"), test: .calcium, value: calcium, unit: "mg/dL"),
            LabResult(date: day("2023-01-05"), test: .albumin, value: 3.2, unit: "g/dL"),
        ]
        r.dentalExams = [day("2023-01-06")]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2023-01-08"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4,
            doses: [day("2023-01-08"), day("2023-02-05")]))
        return r
    }

    @Test func theBarSaysItIsSREPreventions() throws {
        let high = try #require(assess(record(calcium: 11.8), asOf: day("2023-02-10")).rule("boneAgents.zoledronic.notRecommended").first)
        #expect(high.detail.en.hasSuffix("This is SRE prevention's dose table: for the hypercalcaemia still on record the label's 4 mg needs no CrCl adjustment while creatinine is < 4.5 mg/dL (the calcium finding says when)."))
        #expect(high.detail.zhHans.contains("此为预防 SRE 的剂量表"))
        // The CrCl with what it was worked out from, as the dose finding says it (rule set 2026.12.77).
        // The first dose was given in hypercalcaemia, the second with no calcium since: SRE
        // prevention's baseline is before the second (rule set 2026.12.106) — the same creatinine.
        #expect(high.detail.en.hasPrefix("Cockcroft–Gault from creatinine 2.5 mg/dL (2023-01-05; baseline of SRE prevention: before its first dose, 2023-02-05 — the doses before it were given in hypercalcaemia, dosed without CrCl adjustment), weight 70 kg (2023-01-01), age 67: do not give zoledronic acid"))
        let normal = try #require(assess(record(calcium: 9.0), asOf: day("2023-02-10")).rule("boneAgents.zoledronic.notRecommended").first)
        #expect(!normal.detail.en.contains("SRE prevention's dose table"))
    }
}
