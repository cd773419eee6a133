@testable import BoneMetRules
import Testing

/// cb103-d (unseen record, 2026-12-06): a 26-year-old with no cancer on record, one eccentric
/// epiphyseal lytic lesion of the distal femur (giant cell tumour in the differential), Mirels 9.
/// The prognosis scores waited for the pathology (rule set .212), but the Mirels finding read
/// "biopsy first, then prophylactic fixation … fix before radiotherapy, before transfer or trial
/// enrolment" — a metastasis's answer (Mirels derived his score in bone metastases, Mirels 1989)
/// for a lesion whose treatment, if it is the tumour it looks like, is bone-tumour surgery's and
/// never a nail (reference.md). Rule set 2026.12.350.
@Suite struct MirelsOfAGiantCellPictureTests {
    func record(birth: String = "2000-03-03", primary: Bool = false, fracture: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "g", sex: .female, birthDate: day(birth))
        r.primaries = primary ? [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2024-01"))] : []
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .distal, laterality: .left)]
        r.studies = [ct("X", "2026-11-01", [observation("F", .lytic) {
            $0.epiphyseal = true; $0.eccentric = true; $0.boneDestruction = true; $0.fractionOfDiameter = 0.5
            $0.fracture = fracture ? true : nil
        }])]
        r.pain = [PainRecord(date: day("2026-11-01"), lesion: "F", mirels: .moderate)]
        r.treatments = []
        return r
    }

    func mirels(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-12-06")).findings.first { $0.ruleId.hasPrefix("surgery.mirels") })
    }

    @Test func theTreatmentIsBoneTumourSurgerysNotAProphylacticNail() throws {
        let f = try mirels(record())
        #expect(f.ruleId == "surgery.mirels.impendingFracture")
        #expect(f.severity == .urgent)
        #expect(f.title.en == "left femur, distal: impending fracture (Mirels 9) — biopsy first, then bone-tumour surgery; urgent orthopaedic oncology referral", "\(f.title.en)")
        #expect(f.title.zhHans.contains("先活检，再由骨肿瘤外科治疗"), "\(f.title.zhHans)")
        #expect(f.detail.en.contains("the picture here is a giant cell tumour's in a young adult with no cancer on record: protect the limb from load meanwhile"), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("切勿髓内钉固定"))
        #expect(!f.detail.en.contains("fix before radiotherapy"))
        #expect(!f.title.en.contains("prophylactic fixation"))
        // Biopsy first stays, with its claims.
        #expect(f.claims.contains(Claim(.fixation, about: "F", "biopsyFirst")))
    }

    /// A cancer on record: a metastasis is the reading, and the answer is a metastasis's — biopsy
    /// first, then prophylactic fixation. An age outside the giant-cell range with no cancer on
    /// record and no other lesion is no giant cell tumour's picture, but still the lone undiagnosed
    /// lesion: surgery by the biopsy's result (rule set 2026.12.373, `LoneUndiagnosedLesionTests`).
    @Test func aPossibleMetastasisKeepsTheFixation() throws {
        let f = try mirels(record(primary: true))
        #expect(f.title.en.contains("then prophylactic fixation"), "\(f.title.en)")
        #expect(f.detail.en.contains("fix before radiotherapy"))
        #expect(!f.detail.en.contains("giant cell tumour's"))
        let older = try mirels(record(birth: "1950-01-01"))
        #expect(older.title.en.hasSuffix("biopsy first, then surgery by its result; urgent orthopaedic oncology referral"), "\(older.title.en)")
        #expect(!older.detail.en.contains("giant cell tumour's"))
        #expect(!older.detail.en.contains("fix before radiotherapy"))
    }

    @Test func aBrokenBoneWithThePictureGoesToBoneTumourSurgeryToo() throws {
        let f = try mirels(record(fracture: true))
        #expect(f.ruleId == "surgery.mirels.fractured")
        #expect(f.title.en == "left femur, distal: pathological fracture — tissue diagnosis first, then bone-tumour surgery", "\(f.title.en)")
        #expect(f.detail.en.contains("The bone has broken through, but Mirels's answer — prophylactic fixation — is a metastasis's"), "\(f.detail.en)")
        #expect(!f.detail.en.contains("orthopaedic referral for fixation"))
        let metastasis = try mirels(record(primary: true, fracture: true))
        #expect(metastasis.title.en.hasSuffix("tissue diagnosis first, then fixation"), "\(metastasis.title.en)")
    }
}

/// cb103-f (unseen record, 2026-12-06): a castration-sensitive prostate cancer given zoledronic acid
/// 4 mg every 4 weeks from 09-05 (doses 09-05, 10-03, 10-31) and denosumab 60 mg for bone loss on
/// 09-10. "Two bone-modifying agents on record at once — confirm the switch to denosumab … taken as
/// a switch": zoledronic acid was given twice after denosumab began — both given, no switch.
/// Rule set 2026.12.351.
@Suite struct BothBoneAgentsGivenTests {
    func record(zoledronicAfter: Bool) -> CaseRecord {
        var r = baseCase()
        let doses = zoledronicAfter ? ["2026-09-05", "2026-10-03", "2026-10-31"] : ["2026-08-05", "2026-09-02"]
        r.treatments += [
            Treatment(id: "Z", kind: .boneModifyingAgent, start: day(doses[0]), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4, doses: doses.map(day)),
            Treatment(id: "D", kind: .boneModifyingAgent, start: day("2026-09-10"), agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: [day("2026-09-10")]),
        ]
        r.dentalExams = [day("2026-08-01")]
        return r
    }

    @Test func dosesOfTheOlderAgentAfterTheNewBeganAreBothGiven() throws {
        let a = assess(record(zoledronicAfter: true), asOf: day("2026-11-20"))
        let f = try #require(a.rule("boneAgents.concurrent").first)
        #expect(f.severity == .warning)
        #expect(f.title.en == "Two bone-modifying agents given at once — stop one", "\(f.title.en)")
        #expect(f.title.zhHans == "同时使用两种骨改良药物——请停用其一")
        #expect(f.detail.en.hasPrefix("Zoledronic acid given 2026-10-03, 2026-10-31 after denosumab began (2026-09-10): both are being given, not a switch."), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("2026-10-03、2026-10-31"))
        #expect(!f.detail.en.contains("Taken as a switch"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    /// Every older dose before the new agent began: an old order left open — the switch reading stays.
    @Test func everyOlderDoseBeforeItIsStillASwitch() throws {
        let f = try #require(assess(record(zoledronicAfter: false), asOf: day("2026-11-20")).rule("boneAgents.concurrent").first)
        #expect(f.title.en == "Two bone-modifying agents on record at once — confirm the switch to denosumab")
        #expect(f.detail.en.contains("Taken as a switch to denosumab"))
    }
}

/// cb103-k (unseen record, 2026-12-06): a HER2-positive breast cancer's left ilium, lytic on the CT
/// of January 2025, irradiated, "not seen" on the bone-window CTs of July 2025 and July 2026 (the
/// response read CR). The surgery section still read "left pelvis: bone destruction — no validated
/// score; orthopaedic oncology to judge" (advisory, on the impending-fracture worklist) from the
/// January CT — as Mirels and SINS had until rule set .318. Rule set 2026.12.352.
@Suite struct UnscoredBoneNoLongerSeenTests {
    func record(seenAgain: Bool = false, fractured: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "P", bone: .pelvis, laterality: .left)]
        r.studies = [
            ct("C0", "2025-01-10", [observation("P", .lytic, [30, 20]) { $0.boneDestruction = true; $0.fracture = fractured ? true : nil }]),
            ct("C1", "2025-07-10", [LesionObservation(lesion: "P", present: false)]),
            ct("C2", "2026-07-10", [seenAgain ? observation("P", .lytic, [12, 10]) { $0.boneDestruction = true } : LesionObservation(lesion: "P", present: false)]),
        ]
        return r
    }

    @Test func aHealedPelvisWaitsOnNoDecision() throws {
        let a = assess(record(), asOf: day("2026-12-06"))
        let f = try #require(a.rule("surgery.pelvis.noValidatedScore").first)
        #expect(f.severity == .info)
        #expect(f.title.en == "left pelvis: no longer seen on the CT of 2026-07-10 — no decision waits on it now", "\(f.title.en)")
        #expect(f.title.zhHans == "左骨盆：2026-07-10 CT 检查未再见病灶——目前无需处理", "\(f.title.zhHans)")
        #expect(f.detail.en.hasPrefix("Last seen on the CT of 2025-01-10."), "\(f.detail.en)")
        #expect(!f.detail.en.contains("bone destruction"))
    }

    /// Seen again on the latest CT, or broken: judged by orthopaedic oncology as before.
    @Test func seenAgainOrBrokenIsJudgedAsBefore() throws {
        let again = try #require(assess(record(seenAgain: true), asOf: day("2026-12-06")).rule("surgery.pelvis.noValidatedScore").first)
        #expect(again.severity == .advisory)
        #expect(again.title.en.contains("bone destruction — no validated score"))
        let broken = try #require(assess(record(fractured: true), asOf: day("2026-12-06")).rule("surgery.pelvis.noValidatedScore").first)
        #expect(broken.severity == .warning)
        #expect(broken.title.en.hasSuffix("pathological fracture — orthopaedic assessment"))
    }
}

/// ehr38 (unseen bundle, 2026-12-06): a breast cancer on zoledronic acid 4 mg every 12 weeks, the
/// last dose 4 days before creatinine 1.6 mg/dL (baseline 0.9) and a corrected calcium of 12.3
/// mg/dL. "Withhold zoledronic acid: creatinine rose by 0.7 mg/dL" stood beside the calcium
/// finding's "retreat (zoledronic acid 4 mg, label)" with nothing to reconcile them: the hold is
/// SRE prevention's (the label's renal deterioration), the retreatment of hypercalcaemia is dosed
/// by the label's own rule (no CrCl adjustment below creatinine 4.5 mg/dL). Rule set 2026.12.353.
@Suite struct RenalHoldBesideHypercalcaemiaTests {
    func record(calcium: Double) -> CaseRecord {
        var r = baseCase()
        r.patient.weights = [WeightRecord(date: day("2026-11-02"), kg: 61.2)]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2025-03-20"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 12,
            doses: [day("2025-03-20"), day("2026-08-06"), day("2026-10-29")]))
        r.dentalExams = [day("2025-03-01")]
        r.labs = [
            LabResult(date: day("2025-03-12"), test: .creatinine, value: 0.9, unit: "mg/dL"),
            LabResult(date: day("2026-11-02"), test: .creatinine, value: 1.6, unit: "mg/dL"),
            LabResult(date: day("2026-11-02"), test: .calcium, value: calcium, unit: "mg/dL", upperLimit: 10.3, lowerLimit: 8.6),
            LabResult(date: day("2026-11-02"), test: .albumin, value: 2.9, unit: "g/dL"),
        ]
        return r
    }

    @Test func theHoldSaysTheRetreatmentIsTheLabelsOwn() throws {
        let a = assess(record(calcium: 11.4), asOf: day("2026-11-20"))
        let hold = try #require(a.rule("boneAgents.zoledronic.renalHold").first)
        #expect(hold.detail.en.hasSuffix("The hold is SRE prevention's (the label's renal deterioration): for the hypercalcaemia still on record the label's 4 mg needs no CrCl adjustment while creatinine is < 4.5 mg/dL (the calcium finding says when)."), "\(hold.detail.en)")
        #expect(hold.detail.zhHans.contains("该暂停针对预防 SRE（说明书的肾功能恶化标准）：对病历中仍存在的高钙血症"))
        #expect(a.has("labs.hypercalcaemia"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // Calcium normal: the hold alone.
        let normal = try #require(assess(record(calcium: 9.0), asOf: day("2026-11-20")).rule("boneAgents.zoledronic.renalHold").first)
        #expect(!normal.detail.en.contains("hypercalcaemia"))
    }
}

/// cb105-g (unseen record, 2026-12-06): an EGFR lung cancer on osimertinib from 08-20; on the CT
/// of 10-02 (43 days) the known T11 and ilium gain a rim and fill-in and a new sclerotic rib focus
/// appears. The response read it "osteoblastic flare: the known lesions heal on the same study, so
/// the therapy acts on bone already", while its no-biopsy finding said "first seen before
/// osimertinib began to act on bone" — two findings disagreeing on one question. The no-biopsy
/// finding now gives the flare reading. Rule set 2026.12.354.
@Suite struct NoBiopsyOfAFlareLesionTests {
    func record(grows: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2026-08"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T11")), Lesion(id: "R", bone: .rib, laterality: .right)]
        r.studies = [
            ct("C0", "2026-08-11", [observation("L1", .lytic, [16, 12]) { $0.boneDestruction = true }, LesionObservation(lesion: "R", present: false)]),
            ct("C1", "2026-10-02", [observation("L1", .mixed, [16, 12]) { $0.boneDestruction = true; $0.scleroticRim = true }, observation("R", .blastic, [8, 6]) { $0.boneDestruction = false }]),
        ] + (grows ? [ct("C2", "2026-11-20", [observation("L1", .mixed, [16, 12]) { $0.boneDestruction = true }, observation("R", .blastic, [14, 12]) { $0.boneDestruction = false }])] : [])
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "奥希替尼", drugs: ["osimertinib"], systemicClass: .targeted, start: day("2026-08-20"))]
        return r
    }

    func noBiopsy(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-12-06")).findings.first { $0.subject == .lesion("R") && $0.ruleId == "diagnosis.biopsy.blasticAfterTherapy" })
    }

    @Test func theNoBiopsyFindingGivesTheFlareReading() throws {
        let f = try noBiopsy(record())
        #expect(f.title.en.hasSuffix("do not biopsy"), "\(f.title.en)")
        #expect(f.detail.en.hasPrefix("First seen 2026-10-02, 43 days into 奥希替尼: the CT of 2026-10-02 reads it as osteoblastic flare — the known lesions heal on the same study, so the therapy acts on bone already"), "\(f.detail.en)")
        #expect(!f.detail.en.contains("before 奥希替尼 began to act on bone"))
        #expect(f.detail.zhHans.contains("判为成骨性闪烁"))
    }

    /// Read progressing later: the flare is not its last word, and the finding says what it said.
    @Test func aLaterProgressionKeepsTheLatencyWording() throws {
        let f = try noBiopsy(record(grows: true))
        #expect(!f.detail.en.contains("reads it as osteoblastic flare"), "\(f.detail.en)")
    }
}

/// cb104-f varied (2026-12-06): a breast cancer's letrozole recorded as ended "2025-10" and
/// fulvestrant + palbociclib as begun "2025-10", the CT of 2025-10-05 between the two intervals.
/// The PD before it listed fulvestrant in its window and the PR after it letrozole, with nothing
/// said; with the days recorded the switch is said. The month-only boundary is now named.
/// Rule set 2026.12.355.
@Suite struct MonthOnlyRegimenAtAStudyTests {
    func record(days: Bool) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L2"))]
        r.studies = [
            ct("C0", "2025-04-05", [observation("V", .lytic, [20, 15]) { $0.boneDestruction = true }]),
            ct("C1", "2025-10-05", [observation("V", .lytic, [28, 22]) { $0.boneDestruction = true }]),
            ct("C2", "2026-04-05", [observation("V", .mixed, [26, 20]) { $0.boneDestruction = true; $0.scleroticRim = true }]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "来曲唑", systemicClass: .endocrine, start: day("2025-01-10"), end: day(days ? "2025-10-10" : "2025-10")),
            Treatment(id: "T2", kind: .systemic, name: "氟维司群+哌柏西利", systemicClass: .endocrine, start: day(days ? "2025-10-15" : "2025-10")),
        ]
        return r
    }

    func point(_ r: CaseRecord, _ date: String) throws -> Finding {
        try #require(assess(r, asOf: day("2026-12-06")).rule("boneHealth.mda.timePoint").first { $0.title.en.hasPrefix("CT of \(date)") })
    }

    @Test func theUndatedBoundaryIsNamed() throws {
        for date in ["2025-10-05", "2026-04-05"] {
            let f = try point(record(days: false), date)
            #expect(f.detail.en.contains("来曲唑 ended in 2025-10 (no day recorded): before or after the study of 2025-10-05 is not known; 氟维司群+哌柏西利 began in 2025-10 (no day recorded): before or after the study of 2025-10-05 is not known — record the day to say whose interval this is"), "\(f.detail.en)")
            #expect(f.detail.zhHans.contains("请补录具体日期，以确定本区间的疗效归属"))
        }
    }

    @Test func daysRecordedSayNothingOfIt() throws {
        for date in ["2025-10-05", "2026-04-05"] {
            #expect(!(try point(record(days: true), date)).detail.en.contains("no day recorded"))
        }
    }
}

/// cb106-c (unseen record, 2026-12-06): a triple-negative breast cancer on zoledronic acid 4 mg
/// every 4 weeks, last dose 24 days before a corrected calcium of 12.2 mg/dL (11.2 mg/dL with
/// albumin 28 g/L). "Treat now: … zoledronic acid 4 mg … — denosumab when refractory" read as if
/// no agent ran. The running course is now named, as a running denosumab is (.147). Rule set
/// 2026.12.356.
@Suite struct HypercalcaemiaUnderABisphosphonateTests {
    func record(doses: [String], end: String? = nil, interval: Int? = 4, agent: BoneAgent = .zoledronicAcid) -> CaseRecord {
        var r = baseCase()
        var course = Treatment(id: "Z", kind: .boneModifyingAgent, name: "zoledronic acid", start: day(doses[0]), agent: agent,
                               doseMg: agent == .pamidronate ? 90 : 4, intervalWeeks: interval, doses: doses.map(day))
        course.end = end.map(day)
        r.treatments.append(course)
        r.labs = [
            LabResult(date: day("2023-03-01"), test: .creatinine, value: 0.9, unit: "mg/dL"),
            LabResult(date: day("2023-06-01"), test: .calcium, value: 11.2, unit: "mg/dL"),
            LabResult(date: day("2023-06-01"), test: .albumin, value: 28, unit: "g/L"),
        ]
        return r
    }

    func finding(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-06-03")).rule("labs.hypercalcaemia").first)
    }

    @Test func theRunningCourseIsNamed() throws {
        let f = try finding(record(doses: ["2023-04-10", "2023-05-08"]))
        #expect(f.title.en.hasPrefix("Hypercalcaemia, moderate: corrected calcium 12.2 mg/dL"), "\(f.title.en)")
        #expect(f.detail.en.contains("Zoledronic acid is running (last dose 2023-05-08, every 4 weeks, 24 days before this calcium): this hypercalcaemia arose under it — a hypercalcaemia dose of it (the label allows one 7 days or more after the last) or denosumab, as for hypercalcaemia refractory to a bisphosphonate; medical oncology decides."), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("唑来膦酸正在使用（末次给药 2023-05-08，每 4 周，在本次血钙前 24 天）"), "\(f.detail.zhHans)")
        let pamidronate = try finding(record(doses: ["2023-04-10", "2023-05-08"], agent: .pamidronate))
        #expect(pamidronate.detail.en.contains("Pamidronate is running (last dose 2023-05-08"), "\(pamidronate.detail.en)")
    }

    @Test func boundaries() throws {
        // Exactly 7 days before: running, named.
        #expect(try finding(record(doses: ["2023-05-25"])).detail.en.contains("7 days before this calcium): this hypercalcaemia arose under it"))
        // 6 days before: the dose of the week before the episode, said by its own text.
        let sixDays = try finding(record(doses: ["2023-05-26"]))
        #expect(!sixDays.detail.en.contains("is running"))
        #expect(sixDays.detail.en.contains("was given on 2023-05-26, 6 days before this calcium"), "\(sixDays.detail.en)")
        // Due 4 weeks after the last dose; lapsed once regimenGapDays (56) more have passed.
        // Last 2023-02-06: due 03-06, + 56 = 05-01 < 06-01 → lapsed.
        #expect(try !finding(record(doses: ["2023-02-06"])).detail.en.contains("is running"))
        // Last 2023-03-08: due 04-05, + 56 = 05-31 < 06-01 → lapsed; 03-09: 06-01 → running.
        #expect(try !finding(record(doses: ["2023-03-08"])).detail.en.contains("is running"))
        #expect(try finding(record(doses: ["2023-03-09"])).detail.en.contains("is running (last dose 2023-03-09"))
        // Ended before the calcium: not running.
        #expect(try !finding(record(doses: ["2023-04-10", "2023-05-08"], end: "2023-05-20")).detail.en.contains("is running"))
        // Without an interval recorded the label's 4 weeks; the text says none.
        #expect(try finding(record(doses: ["2023-05-08"], interval: nil)).detail.en.contains("(last dose 2023-05-08, 24 days before this calcium)"))
    }

    @Test func withoutABisphosphonateNothingIsSaid() throws {
        var r = record(doses: ["2023-05-08"])
        r.treatments.removeAll { $0.kind == .boneModifyingAgent }
        let f = try finding(r)
        #expect(!f.detail.en.contains("is running"))
        #expect(f.detail.en.contains("then zoledronic acid 4 mg IV over ≥ 15 min"))
    }
}

/// cb107-f (unseen record, 2026-12-06): a lytic L1 on a bone-window CT, recorded "not seen" on the
/// lumbar MRI two days later, read "the vertebra has healed (MDA complete response)" and lost its
/// SINS; a CT two days later read "CR — lesion no longer seen". A bone does not heal in days
/// (Hamaoka 2004; the latency setting): the readings disagree. Rule set 2026.12.357.
@Suite struct AbsentTooSoonTests {
    func record(absentOn date: String, modality: Modality = .mri) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L1")), Lesion(id: "F", bone: .femur, segment: .diaphysis, laterality: .right)]
        r.studies = [
            ct("C0", "2026-11-10", [
                observation("V", .lytic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
                observation("F", .lytic, [25, 15]) { $0.boneDestruction = true },
            ]),
            modality == .mri
                ? ImagingStudy(id: "M0", date: day(date), modality: .mri, coverage: [.lumbarSpine], observations: [observation("V") { $0.present = false }])
                : ct("C1", date, [observation("V") { $0.present = false }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2025-06-01"))]
        return r
    }

    @Test func daysAfterTheReadingsDisagreeAndTheLesionIsStillScored() throws {
        let a = assess(record(absentOn: "2026-11-12"), asOf: day("2026-12-06"))
        let f = try #require(a.rule("diagnosis.record.absentTooSoon").first)
        #expect(f.subject == .lesion("V"))
        #expect(f.severity == .advisory)
        #expect(f.specialty == .radiology)
        #expect(f.title.en == "L1 vertebra: not seen on the MRI of 2026-11-12, 2 days after the CT of 2026-11-10 showed it — the readings disagree", "\(f.title.en)")
        #expect(f.title.zhHans.contains("两份读片不一致"))
        #expect(f.detail.en.contains("A bone lesion does not heal in 2 days"))
        // Not healed: no "no longer seen"; SINS and NOMS still given from the CT.
        #expect(!a.has("surgery.spine.noLongerSeen"))
        let spine = try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("V") && $0.title.en.contains("SINS") })
        #expect(spine.title.en.contains("SINS 5–8"), "\(spine.title.en)")
    }

    @Test func theResponseIsNotEvaluableNotCR() throws {
        let a = assess(record(absentOn: "2026-11-12", modality: .ct), asOf: day("2026-12-06"))
        let point = try #require(a.timePoints.first { $0.study == "C1" })
        let lesion = try #require(point.lesions.first { $0.lesion == "V" })
        #expect(lesion.category == .notEvaluable)
        #expect(lesion.reasons.first?.en == "not seen 2 days after the CT of 2026-11-10 showed it — too soon to have healed: one of the readings is wrong", "\(lesion.reasons)")
        #expect(point.overall != .completeResponse)
    }

    @Test func atTheLatencyItIsNoLongerSeen() throws {
        // 55 days after: too soon; 56 days (8 weeks) after: healed, as before.
        let early = assess(record(absentOn: "2027-01-04"), asOf: day("2027-01-10"))
        #expect(early.has("diagnosis.record.absentTooSoon"))
        #expect(!early.has("surgery.spine.noLongerSeen"))
        let late = assess(record(absentOn: "2027-01-05"), asOf: day("2027-01-10"))
        #expect(!late.has("diagnosis.record.absentTooSoon"))
        #expect(late.has("surgery.spine.noLongerSeen"))
        // The setting moves it: at 4 weeks 30 days is enough.
        var settings = RuleSettings()
        settings.blasticLatencyWeeks = 4
        let set = assess(record(absentOn: "2026-12-10"), asOf: day("2026-12-20"), settings: settings)
        #expect(!set.has("diagnosis.record.absentTooSoon"))
        #expect(set.has("surgery.spine.noLongerSeen"))
    }
}

/// Review of .357 (2026-12-06): a lesion only MRI has shown (marrow signal), recorded "not seen" on
/// a bone-window CT months later, read "healed (MDA complete response)". CT sees destruction, and
/// marrow disease precedes it (Hamaoka 2004): the CT excludes nothing. Rule set 2026.12.358.
@Suite struct CTDoesNotExcludeAnMRIOnlyLesionTests {
    func record(shownOnCT: Bool) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L2"))]
        var studies = [ImagingStudy(id: "M0", date: day("2026-03-01"), modality: .mri, coverage: [.lumbarSpine],
                                    observations: [observation("V") { $0.escc = .g0 }])]
        if shownOnCT {
            studies.append(ct("C0", "2026-03-02", [observation("V", .lytic) { $0.boneDestruction = true }]))
        }
        studies.append(ct("C1", "2026-09-01", [observation("V") { $0.present = false }]))
        r.studies = studies
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2026-03-10"))]
        return r
    }

    @Test func aCTDoesNotHealAnMRIOnlyLesion() {
        let a = assess(record(shownOnCT: false), asOf: day("2026-09-10"))
        #expect(!a.has("surgery.spine.noLongerSeen"))
        #expect(!a.has("diagnosis.record.absentTooSoon"))
        #expect(a.findings.contains { $0.subject == .lesion("V") && $0.ruleId.hasPrefix("surgery.spine") })
    }

    @Test func onceACTShowedItACTCanSayItIsGone() {
        let a = assess(record(shownOnCT: true), asOf: day("2026-09-10"))
        #expect(a.has("surgery.spine.noLongerSeen"))
    }
}

/// cb111-a (unseen record, 2026-12-06): a breast cancer's T10, ESCC 0, its MRI signal normal again
/// under letrozole and abemaciclib (MDA complete response), NRS 0, no neurological row: "Stable,
/// low-grade: conventional radiotherapy" beside the complete response. What is missing is the
/// examination, not radiotherapy. Rule set 2026.12.359.
@Suite struct QuietSpineWithoutAnExaminationTests {
    func record(neurology: Bool = false, pain: Int? = 0, healed: Bool = true, solitary: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T10"))]
            + (solitary ? [] : [Lesion(id: "F", bone: .femur, segment: .diaphysis, laterality: .left)])
        r.studies = [
            survey("B0", "2025-01-09", solitary ? ["V"] : ["V", "F"]),
            ct("C0", "2025-01-10", [observation("V", .lytic) {
                $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral
            }] + (solitary ? [] : [observation("F", .lytic, [20, 15]) { $0.boneDestruction = true }])),
            ImagingStudy(id: "M0", date: day("2025-01-12"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("V") { $0.escc = .g1a }]),
            ImagingStudy(id: "M1", date: day("2026-10-01"), modality: .mri, coverage: [.thoracicSpine],
                         observations: [observation("V") { $0.escc = .g0; $0.normalSignal = healed ? true : nil }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2025-01-20"))]
        r.pain = pain.map { [PainRecord(date: day("2026-10-01"), lesion: "V", nrs: $0)] } ?? []
        r.neurology = neurology ? [NeurologyRecord(date: day("2026-10-01"), status: .intact)] : []
        return r
    }

    func spine(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-12-06")).findings.first { $0.ruleId == "surgery.spine.noms" && $0.subject == .lesion("V") })
    }

    @Test func healedAndPainFreeWithoutAnExaminationAsksForIt() throws {
        let f = try spine(record())
        #expect(f.severity == .info)
        #expect(f.detail.en.contains("Stable, low-grade (ESCC 0) and healed (normal signal on the MRI of 2026-10-01): no treatment decision waits on it now if the neurological examination is normal — none is on record since the lesion was found; record it. If pain or neurological signs appear: conventional radiotherapy."), "\(f.detail.en)")
        #expect(!f.detail.en.contains("Stable, low-grade: conventional radiotherapy"))
        #expect(f.detail.zhHans.contains("发现该病灶后无神经系统查体记录，请补充"))
    }

    @Test func painFreeNotHealedAsksForItToo() throws {
        let f = try spine(record(healed: false))
        #expect(f.detail.en.contains("Stable, low-grade (ESCC 0) and pain-free: no treatment decision waits on it now if the neurological examination is normal"), "\(f.detail.en)")
    }

    /// cb111-b: the same T10 as the only lesion — undiagnosed, so a biopsy was indicated; its MRI
    /// normal again under therapy, there is no tumour to sample (MDA complete response), and the
    /// spine finding no longer says "tissue diagnosis first" against it.
    @Test func aSolitaryLesionNormalOnMRIIsNotBiopsied() throws {
        let a = assess(record(solitary: true), asOf: day("2026-12-06"))
        let healed = try #require(a.rule("diagnosis.biopsy.healed").first)
        #expect(healed.title.en == "T10 vertebra: MRI signal normal again under systemic therapy — biopsy no longer recommended", "\(healed.title.en)")
        #expect(healed.detail.en.contains("the lesion's marrow signal is normal again (MDA complete response): there is no tumour left to sample"))
        #expect(!a.findings.contains { $0.ruleId.hasPrefix("diagnosis.biopsy.indicated") })
        let noms = try spine(record(solitary: true))
        #expect(!noms.detail.en.contains("tissue diagnosis first"), "\(noms.detail.en)")
        // Not normal on the MRI: undiagnosed and solitary, tissue first as before.
        #expect(try spine(record(healed: false, solitary: true)).detail.en.contains("tissue diagnosis first"))
    }

    @Test func examinedIsQuietAsBeforeAndPainStillCallsForRadiotherapy() throws {
        let examined = try spine(record(neurology: true))
        #expect(examined.detail.en.contains("and neurologically intact: no treatment decision waits on it now"), "\(examined.detail.en)")
        // In pain (NRS 6, not graded): not calm — the technique is said, as before.
        var painful = record(pain: 6, healed: false)
        painful.pain = [PainRecord(date: day("2026-10-01"), lesion: "V", sins: .mechanical, nrs: 6)]
        #expect(try !spine(painful).detail.en.contains("no treatment decision waits on it now"))
    }
}

/// Review of .357: studies dated to the month only. A CT of 2026-10 and an MRI of 2026-11 may be 1
/// or 60 days apart: the finding says the range and asks for the days, not "does not heal in 1 days".
@Suite struct AbsentTooSoonWithMonthDatesTests {
    @Test func monthOnlyDatesGiveTheirRange() throws {
        var r = AbsentTooSoonTests().record(absentOn: "2026-11-12")
        r.studies[0].date = day("2026-10")
        r.studies[1].date = day("2026-11")
        let f = try #require(assess(r, asOf: day("2026-12-06")).rule("diagnosis.record.absentTooSoon").first)
        #expect(f.title.en == "L1 vertebra: not seen on the MRI of 2026-11, 1–60 days after the CT of 2026-10 showed it — the readings disagree", "\(f.title.en)")
        #expect(f.detail.en.hasPrefix("Their dates, recorded without the day, allow 1–60 days between the studies"), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("请补全日期"))
        // One day apart, both days recorded: "1 day".
        let close = try #require(assess(AbsentTooSoonTests().record(absentOn: "2026-11-11"), asOf: day("2026-12-06")).rule("diagnosis.record.absentTooSoon").first)
        #expect(close.title.en.contains(", 1 day after the CT of 2026-11-10"), "\(close.title.en)")
        #expect(close.detail.en.hasPrefix("A bone lesion does not heal in 1 day:"))
    }
}

/// Rule set .361 (with .359): a lesion whose MRI signal is normal again under hormonal therapy
/// alone healed as only a hormone-sensitive cancer does — as a complete fill-in does — and so
/// answers a long disease-free interval's question (second primary or myeloma?).
@Suite struct NormalOnMRIUnderHormonalTherapyTests {
    func record(normal: Bool) -> CaseRecord {
        var r = IntervalLesionsHealedTests().record(sacrumHealed: false)
        r.studies[1] = ImagingStudy(id: "M2", date: day("2024-03-20"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine, .sacrum], observations: [
            observation("T11") { $0.normalSignal = normal ? true : false },
            observation("SA", .mixed) { $0.normalSignal = false },
        ])
        return r
    }

    @Test func normalOnMRIAnswersTheInterval() throws {
        let a = assess(record(normal: true), asOf: day("2024-03-21"))
        let healed = try #require(a.rule("diagnosis.biopsy.intervalHealed").first)
        #expect(healed.detail.en.contains("T11 vertebra (2024-03-20)"), "\(healed.detail.en)")
        #expect(!a.has("diagnosis.biopsy.indicated"))
        // Still abnormal on MRI: the interval's biopsy stands.
        #expect(assess(record(normal: false), asOf: day("2024-03-21")).has("diagnosis.biopsy.indicated"))
    }
}
