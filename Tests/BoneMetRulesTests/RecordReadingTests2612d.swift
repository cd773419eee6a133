import BoneMetRules
import Testing

/// Rule set 2026.12.58, from a batch of unseen records: abiraterone with prednisone, a knee read
/// as osteoarthritis on X-ray after years of "progression" on bone scans, denosumab on dialysis,
/// cold lytic lesions with full CRAB three years after a breast cancer, a CRPC's blastic T10 and a
/// lung cancer at KPS 40.
@Suite struct SupportiveDrugTests {
    /// WHO ATC: glucocorticoids (H02AB), folic acid and vitamin B12 (B03B), folinate (V03AF) are
    /// no antineoplastic class. Given with a classed regimen they leave its class settled —
    /// New Katagiri's "previous chemotherapy" was 0–1 for abiraterone + prednisone.
    @Test func supportiveDrugsDoNotLeaveTheClassOpen() {
        func reading(_ drugs: [String]) -> DrugClasses.Reading {
            DrugClasses.reading(Treatment(id: "T", kind: .systemic, drugs: drugs, start: day("2023-01-01")))
        }
        #expect(reading(["abiraterone", "prednisone"]) == DrugClasses.Reading(classes: [.endocrine], complete: true, recorded: false))
        #expect(reading(["阿比特龙", "醋酸泼尼松片"]).complete)
        #expect(reading(["pemetrexed", "cisplatin", "folic acid", "vitamin B12"]).complete)
        #expect(reading(["docetaxel", "dexamethasone premedication"]).classes == [.chemotherapy])
        // A regimen of supportive drugs only, or beside an unclassed drug, stays open.
        #expect(!reading(["dexamethasone"]).complete)
        #expect(!reading(["selinexor", "dexamethasone"]).complete)
        #expect(!reading(["abiraterone", "unknown trial drug"]).complete)
    }

    @Test func katagiriScoresNoChemotherapyForAbirateroneWithPrednisone() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2022-06"))]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "abiraterone + prednisone", drugs: ["abiraterone", "prednisone"], start: day("2023-01-10"))]
        let katagiri = try #require(assess(r, asOf: day("2023-04-01")).rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("previous chemotherapy: no → 0"))
        #expect(!katagiri.detail.en.contains("previous chemotherapy unknown"))
    }
}

@Suite struct DegenerativeReadingTests {
    /// Scenario 9 at the knee: three bone scans with rising uptake at the tibial plateau, then an
    /// X-ray that names osteoarthritis and no lesion — "no destruction" not written.
    func record(xray: (inout LesionObservation) -> Void) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "K", bone: .tibia, segment: .proximal, laterality: .right)]
        r.studies = [
            study("B1", "2023-02-01", .boneScan, coverage: [.wholeBody], [observation("K") { $0.uptake = true }]),
            study("B2", "2023-08-01", .boneScan, coverage: [.wholeBody], [observation("K") { $0.uptake = true; $0.uptakeChangePercent = 30 }]),
            study("X1", "2023-09-01", .xray, coverage: [.rightLowerLimb], [observation("K", configure: xray)]),
        ]
        r.pain = [PainRecord(date: day("2023-09-01"), lesion: "K", mirels: .functional, nrs: 5)]
        return r
    }

    /// Source hospital: compare with X-ray before calling progression. An X-ray that read the
    /// hot spot as a degenerative joint excludes destruction under it: no metastasis diagnosis,
    /// no Mirels to complete, no "PD" from the bone scans.
    @Test func anXRayReadAsOsteoarthritisExcludesDestruction() throws {
        let a = assess(record { $0.jointSpaceNarrowing = true; $0.osteophytes = true }, asOf: day("2023-09-10"))
        #expect(a.has("diagnosis.differential.degenerative", subject: .lesion("K")))
        #expect(a.has("diagnosis.uptakeWithoutDestruction", subject: .lesion("K")))
        #expect(!a.findings.contains { $0.ruleId.hasPrefix("surgery.mirels") })
        #expect(!a.findings.contains { $0.ruleId == "boneHealth.mda.timePoint" && $0.title.en.contains("PD") })
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // Degenerative change beside a lytic lesion is no exclusion.
        let lytic = assess(record { $0.character = .lytic; $0.osteophytes = true }, asOf: day("2023-09-10"))
        #expect(!lytic.has("diagnosis.uptakeWithoutDestruction"))
        // Nor is an X-ray that recorded destruction, or one that named nothing.
        #expect(!assess(record { $0.boneDestruction = true; $0.osteophytes = true }, asOf: day("2023-09-10")).has("diagnosis.uptakeWithoutDestruction"))
        #expect(!assess(record { _ in }, asOf: day("2023-09-10")).has("diagnosis.uptakeWithoutDestruction"))
    }
}

@Suite struct DenosumabRenalAlternativeTests {
    func record(egfr: Double) -> CaseRecord {
        var r = baseCase()
        r.labs = [LabResult(date: day("2023-03-01"), test: .egfr, value: egfr, unit: "mL/min/1.73m2")]
        r.treatments.append(Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-03-05"), agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: [day("2023-03-05")]))
        return r
    }

    /// Zometa label: zoledronic acid is not recommended below CrCl 30 — "denosumab: the
    /// alternative is zoledronic acid" was said for a patient on dialysis. Boundary at 30.
    @Test func zoledronicAcidIsNoAlternativeBelow30() throws {
        let low = try #require(assess(record(egfr: 29.9), asOf: day("2023-03-10")).rule("boneAgents.choice").first)
        #expect(low.title.en == "Denosumab: zoledronic acid is no alternative at eGFR 29.9")
        #expect(low.title.zhHans.contains("不能作为替代"))
        #expect(low.detail.en.contains("zoledronic acid is not recommended for SRE prevention (Zometa label)"))
        #expect(low.sources.contains { $0.id == "zometaLabel" })
        let at30 = try #require(assess(record(egfr: 30), asOf: day("2023-03-10")).rule("boneAgents.choice").first)
        #expect(at30.title.en == "Denosumab: the alternative is zoledronic acid")
        #expect(!at30.detail.en.contains("not recommended for SRE prevention"))
    }
}

@Suite struct ColdLyticMyelomaTests {
    /// A 65-year-old three years after a breast cancer: lytic skull, humerus and T6 lesions, and a
    /// bone scan that does or does not take them up.
    func record(site: PrimarySite = .breast, uptake: Bool, lesions: Int = 3) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "t1", sex: .female, birthDate: day("1958-01-01"))
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2020-01"))]
        let all = [Lesion(id: "S", bone: .skull), Lesion(id: "H", bone: .humerus, segment: .diaphysis, laterality: .right),
                   Lesion(id: "T6", bone: .vertebra, level: VertebralLevel("T6"))].prefix(lesions)
        r.lesions = Array(all)
        r.studies = [
            ct("C1", "2023-03-01", all.map { lesion in observation(lesion.id, .lytic) { $0.boneDestruction = true } }),
            study("B1", "2023-03-02", .boneScan, coverage: [.wholeBody], all.map { lesion in observation(lesion.id) { $0.uptake = uptake } }),
        ]
        return r
    }

    /// IMWG (Dimopoulos 2009): myeloma's purely lytic lesions are often missed by bone
    /// scintigraphy. Multiple cold lytic lesions raise the myeloma work-up even with a recent
    /// primary; hot ones, a single one, or a renal or thyroid cancer's (often cold too) do not.
    @Test func coldLyticLesionsRaiseTheMyelomaWorkUp() throws {
        let cold = try #require(assess(record(uptake: false), asOf: day("2023-03-10")).rule("diagnosis.differential.myeloma").first)
        #expect(cold.detail.en.contains("lytic lesions without uptake on the bone scan (3)"))
        #expect(cold.detail.zhHans.contains("骨扫描无浓聚"))
        #expect(cold.sources.contains { $0.id == "dimopoulos2009" })
        #expect(!assess(record(uptake: true), asOf: day("2023-03-10")).has("diagnosis.differential.myeloma"))
        #expect(!assess(record(uptake: false, lesions: 1), asOf: day("2023-03-10")).has("diagnosis.differential.myeloma"))
        #expect(!assess(record(site: .kidney, uptake: false), asOf: day("2023-03-10")).has("diagnosis.differential.myeloma"))
        #expect(!assess(record(site: .thyroid, uptake: false), asOf: day("2023-03-10")).has("diagnosis.differential.myeloma"))
    }
}

@Suite struct BlasticWithoutBiopsyTests {
    /// A castration-resistant prostate cancer on enzalutamide: one T10 lesion, destroyed on the CT
    /// bone window, hot on the bone scan.
    func record(_ character: LesionCharacter) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2022-01"), castrationResistant: true)]
        r.lesions = [Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [
            ct("C1", "2023-03-01", [observation("T10", character) { $0.boneDestruction = true }]),
            survey("B1", "2023-03-02", ["T10"]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, drugs: ["enzalutamide"], start: day("2022-06-01"))]
        return r
    }

    /// The source hospital sends no blastic lesion of a prostate cancer (or under systemic
    /// therapy) for biopsy; "decide after diagnosis (awaiting biopsy)" waited for a biopsy nobody
    /// asked for. A solitary lytic lesion still waits for its tissue.
    @Test func aBlasticLesionNotSentForTissueDoesNotWaitForIt() throws {
        let blastic = assess(record(.blastic), asOf: day("2023-03-10"))
        #expect(!blastic.has("diagnosis.biopsy.indicated"))
        #expect(blastic.has("boneAgents.indication"))
        #expect(!blastic.has("boneAgents.afterDiagnosis"))
        let lytic = assess(record(.lytic), asOf: day("2023-03-10"))
        #expect(lytic.has("diagnosis.biopsy.indicated", subject: .lesion("T10")))
        #expect(lytic.has("boneAgents.afterDiagnosis"))
    }
}

@Suite struct BoneAgentShortSurvivalTests {
    /// A lung cancer (no targeted therapy) with disseminated pleural disease, platelets
    /// 80 × 10⁹/L and ECOG 3: New Katagiri at least 8 — high risk.
    func record(site: PrimarySite, poor: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2022-06"), hormoneDependent: site == .breast ? true : nil, targetedTherapy: site == .lung ? false : nil)]
        r.visceralMetastases = poor ? [VisceralMetastasis(organ: "pleura", date: day("2023-01-01"), pattern: .disseminated)] : []
        r.labs = poor ? [LabResult(date: day("2023-03-01"), test: .platelets, value: 80, unit: "10^9/L")] : []
        r.performance = [PerformanceStatus(date: day("2023-03-01"), ecog: poor ? 3 : 1)]
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-08"), result: .metastasis)]
        return r
    }

    /// ESMO 2020: in solid tumours other than breast and prostate, start when life expectancy is
    /// ≥ 3 months. A settled New Katagiri high-risk band (6-month survival 27 %) is said beside
    /// it; not for breast cancer (ESMO: start), nor at lower risk.
    @Test func aHighRiskKatagiriIsWeighedAgainstESMOsThreeMonths() throws {
        let poor = try #require(assess(record(site: .lung, poor: true), asOf: day("2023-03-21")).rule("boneAgents.indication").first)
        #expect(poor.detail.en.contains("(high risk: 6-month survival 27 %, 1-year 6 %; Katagiri 2014): weigh whether life expectancy reaches the 3 months ESMO asks for"))
        #expect(poor.detail.zhHans.contains("6 个月生存率 27%"))
        #expect(poor.sources.contains { $0.id == "katagiri2014" })
        let fair = try #require(assess(record(site: .lung, poor: false), asOf: day("2023-03-21")).rule("boneAgents.indication").first)
        #expect(!fair.detail.en.contains("Katagiri"))
        let breast = try #require(assess(record(site: .breast, poor: true), asOf: day("2023-03-21")).rule("boneAgents.indication").first)
        #expect(!breast.detail.en.contains("Katagiri"))
        // Boundary at the high-risk band's lower edge (Katagiri 2014: 7). Lung 3, disseminated 2,
        // ECOG 3–4 1: at least 6; an abnormal albumin (1) makes it at least 7.
        func boundary(albumin: Double?) -> CaseRecord {
            var r = record(site: .lung, poor: true)
            r.labs = albumin.map { [LabResult(date: day("2023-03-01"), test: .albumin, value: $0, unit: "g/dL")] } ?? []
            return r
        }
        let six = try #require(assess(boundary(albumin: nil), asOf: day("2023-03-21")).rule("boneAgents.indication").first)
        #expect(!six.detail.en.contains("Katagiri"))
        let seven = try #require(assess(boundary(albumin: 3.5), asOf: day("2023-03-21")).rule("boneAgents.indication").first)
        #expect(seven.detail.en.contains("New Katagiri 7–"))
    }
}

@Suite struct BloodCancerRestagingTests {
    /// Staged on CT, then an X-ray of the same femur under therapy (taken for Mirels).
    func record(site: PrimarySite) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2022-12"))]
        r.lesions.append(Lesion(id: "S", bone: .skull))
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [30, 24]) { $0.boneDestruction = true }, observation("S", .lytic) { $0.boneDestruction = true }]),
            study("X1", "2023-04-01", .xray, coverage: [.leftLowerLimb], [observation("L1", .lytic) { $0.fractionOfDiameter = 0.5 }]),
        ]
        return r
    }

    /// Myeloma's bone lesions are judged by IMWG (Kumar 2016), not an MDA time point: no "restage
    /// on CT" for them. A breast cancer's lesion in the same record is told so.
    @Test func aMyelomaLesionIsNotSentToRestageOnItsBaselineMethod() {
        #expect(!assess(record(site: .myeloma), asOf: day("2023-04-02")).has("boneHealth.mda.noComparableStudy"))
        #expect(assess(record(site: .breast), asOf: day("2023-04-02")).has("boneHealth.mda.noComparableStudy", subject: .study("X1")))
    }
}

@Suite struct SwitchBeforeNextRegimenActsTests {
    /// Chemotherapy 2023-01-10 → 2023-04-09, stopped for "progression"; the next regimen from
    /// 04-10; a CT with a new sclerotic rim (MDA: PR) on `restaging`.
    func record(restaging: String) -> CaseRecord {
        var r = baseCase()
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", restaging, [observation("L1", .mixed, [20, 20]) { $0.boneDestruction = true; $0.scleroticRim = true }]),
        ]
        r.treatments = [
            Treatment(id: "A", kind: .systemic, drugs: ["paclitaxel", "carboplatin"], start: day("2023-01-10"), end: day("2023-04-09"), stopReason: .progression),
            Treatment(id: "B", kind: .systemic, drugs: ["capecitabine"], start: day("2023-04-10")),
        ]
        return r
    }

    /// Treatment-window attribution (source hospital): a CT shortly after the stop, before the
    /// next regimen can show in bone (`blasticLatencyWeeks`, here 4), is the stopped regimen's
    /// evidence; from the latency on it is shared with the next regimen.
    @Test func aStudyBeforeTheNextRegimenCanActIsTheStoppedRegimens() throws {
        var settings = RuleSettings.default
        settings.blasticLatencyWeeks = 4
        let before = try #require(assess(record(restaging: "2023-05-07"), asOf: day("2023-05-10"), settings: settings)
            .rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(before.severity == .warning)
        #expect(before.detail.en.contains("Bone response in its own window: 2023-05-07 partial response (PR) (28 days after it was stopped, before the next regimen could show in bone)"))
        #expect(before.detail.zhHans.contains("停药后 28 天"))
        let shared = try #require(assess(record(restaging: "2023-05-08"), asOf: day("2023-05-10"), settings: settings)
            .rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(shared.severity == .info)
        #expect(shared.title.en.hasSuffix("no bone imaging while it ran"))
    }
}

@Suite struct OneBiopsyForSeveralBlasticLesionsTests {
    /// A lung adenocarcinoma staged before treatment: pure blastic L3 and pelvis (and a third,
    /// the femur, when asked), with or without a bone scan.
    func record(scan: Bool, lesions: Int = 2) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, diagnosed: day("2023-01"))]
        r.treatments = []
        let all = [Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L3")), Lesion(id: "PV", bone: .pelvis),
                   Lesion(id: "FE", bone: .femur, segment: .proximal, laterality: .left)].prefix(lesions)
        r.lesions = Array(all)
        r.studies = [ct("C1", "2023-01-05", all.map { observation($0.id, .blastic) })]
        if scan { r.studies.append(survey("B1", "2023-01-08", all.map(\.id))) }
        return r
    }

    /// Source hospital: pure blastic with uptake → biopsy; no bone scan yet → get one. One biopsy
    /// of the most accessible lesion and one whole-body scan answer for all: said once, naming
    /// the lesions, each lesion's claim kept (no contradiction with any other finding).
    @Test func severalLesionsAreAskedForOnce() throws {
        let a = assess(record(scan: true), asOf: day("2023-01-10"))
        let biopsy = try #require(a.rule("diagnosis.blastic.uptakeBiopsy").first)
        #expect(a.rule("diagnosis.blastic.uptakeBiopsy").count == 1)
        #expect(biopsy.subject == .patient)
        #expect(biopsy.title.en == "2 unexplained pure blastic lesions with uptake — biopsy one: L3 vertebra; pelvis")
        #expect(biopsy.title.zhHans.hasPrefix("2 处原因不明的单纯成骨性病灶伴浓聚——活检其中一处"))
        #expect(Set(biopsy.claims.map(\.about)) == ["L3", "PV"])
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        let scan = try #require(assess(record(scan: false, lesions: 3), asOf: day("2023-01-10")).rule("diagnosis.blastic.getBoneScan").first)
        #expect(scan.title.en.hasPrefix("3 unexplained pure blastic lesions — get a bone scan"))
        #expect(scan.detail.en.contains("One whole-body scan answers for every lesion."))
        // One lesion: said of the lesion, as before.
        let one = assess(record(scan: true, lesions: 1), asOf: day("2023-01-10"))
        #expect(one.has("diagnosis.blastic.uptakeBiopsy", subject: .lesion("L3")))
    }
}

@Suite struct SoftTissueWindowAbsenceTests {
    /// Letrozole from 2023-01-10; a chest CT on 2023-01-05 that read `windows`, then a CT with the
    /// bone window on 2023-04-01 showing a lytic T10.
    func record(windows: [CTWindow], explicit: Bool) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [
            ImagingStudy(id: "C0", date: day("2023-01-05"), modality: .ct, windows: windows, coverage: [.chest, .thoracicSpine],
                         observations: explicit ? [observation("T10") { $0.present = false }] : []),
            ImagingStudy(id: "C1", date: day("2023-04-01"), modality: .ct, windows: [.bone, .softTissue], coverage: [.chest, .thoracicSpine],
                         observations: [observation("T10", .lytic) { $0.boneDestruction = true }]),
        ]
        return r
    }

    /// Source hospital: the soft-tissue window alone misses bone destruction — read the bone
    /// window. A lesion not seen on a CT read without it was not excluded, so it is not "new"
    /// (MDA PD) on the next CT; read with the bone window it is.
    @Test func absenceWithoutTheBoneWindowMakesNoNewLesion() throws {
        for explicit in [true, false] {
            let soft = assess(record(windows: [.softTissue, .lung], explicit: explicit), asOf: day("2023-04-02"))
            let point = try #require(soft.timePoints.last)
            #expect(point.overall == .notEvaluable)
            #expect(point.newLesions.isEmpty)
            #expect(point.lesions.first?.reasons.first?.en.contains("the previous CT was read without the bone window") == true)
            let bone = assess(record(windows: [.softTissue, .bone], explicit: explicit), asOf: day("2023-04-02"))
            #expect(bone.timePoints.last?.overall == .progressiveDisease)
            #expect(bone.timePoints.last?.newLesions == ["T10"])
        }
    }
}

@Suite struct BoneAgentInARegimenTests {
    /// The seed's switch written as one row: "ibandronate + capecitabine", no drug list.
    @Test func theSeedsSwitchWrittenAsOneRowHoldsTheAgent() throws {
        var r = baseCase()
        r.treatments.append(Treatment(id: "T2", kind: .systemic, name: "ibandronate + capecitabine", start: day("2023-03-05")))
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-08"), result: .metastasis)]
        r.dentalExams = [day("2023-03-01")]
        let a = assess(r, asOf: day("2023-03-21"))
        let noted = try #require(a.rule("boneAgents.recordedAsSystemic").first)
        #expect(noted.subject == .treatment("T2-ibandronate"))
        #expect(noted.title.en == "ibandronate + capecitabine holds a bone-modifying agent (ibandronate): record it as one")
        // A current agent: not "without a bone-modifying agent".
        #expect(!a.has("boneAgents.indication"))
        // The regimen is capecitabine: chemotherapy, settled.
        #expect(a.katagiri?.components.first { $0.key == "previousChemotherapy" }?.points == 1)
        // A dose written after a comma or a slash is no second drug: the row is the agent's.
        for name in ["唑来膦酸，4mg，q4w", "Zometa 4 mg/100 mL"] {
            var one = baseCase()
            one.treatments.append(Treatment(id: "T2", kind: .systemic, name: name, start: day("2023-03-05")))
            let read = try #require(assess(one, asOf: day("2023-03-21")).rule("boneAgents.recordedAsSystemic").first)
            #expect(read.subject == .treatment("T2"))
        }
    }
}

@Suite struct CompressionEventTests {
    /// A breast cancer's T8, destroyed on CT (2023-03-01); "cord compression" recorded as an event
    /// on 2023-03-20, and what came after.
    func record(eventLesion: String? = "T8", neurologyAfter: NeurologicalStatus? = nil, mriAfter: Bool = false, irradiatedAfter: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T8", bone: .vertebra, level: VertebralLevel("T8"))]
        r.studies = [ct("C1", "2023-03-01", [observation("T8", .lytic) { $0.boneDestruction = true }])]
        if mriAfter { r.studies.append(study("M1", "2023-03-21", .mri, coverage: [.thoracicSpine], [observation("T8") { $0.escc = .g1a }])) }
        r.events = [ClinicalEvent(date: day("2023-03-20"), kind: .cordCompression, lesion: eventLesion)]
        if let neurologyAfter { r.neurology = [NeurologyRecord(date: day("2023-03-21"), status: neurologyAfter)] }
        if irradiatedAfter {
            r.treatments.append(Treatment(id: "R1", kind: .radiotherapy, lesions: ["T8"], start: day("2023-03-21"), end: day("2023-03-21"), doseGy: 8, fractions: 1))
        }
        return r
    }

    /// NICE NG234: metastatic spinal cord compression is an emergency — whole-spine MRI within
    /// 24 hours, dexamethasone 16 mg, definitive treatment. A compression recorded as an event and
    /// not followed by an examination, an MRI grade or treatment is that emergency.
    @Test func aRecordedCompressionIsTheEmergencyUntilSomethingFollowsIt() throws {
        let a = assess(record(), asOf: day("2023-03-21"))
        let spine = try #require(a.rule("surgery.spine.noms").first)
        #expect(spine.severity == .urgent)
        #expect(spine.detail.en.contains("spinal cord compression recorded (2023-03-20) — no neurological examination or MRI grade since"))
        #expect(spine.detail.en.contains("Spinal cord compression recorded — an emergency: examine the patient now; dexamethasone 16 mg"))
        #expect(spine.detail.zhHans.contains("已记录脊髓压迫"))
        #expect(spine.sources.contains { $0.id == "nice2023" })
        // Patient-level event with the one spinal lesion: the same.
        #expect(try #require(assess(record(eventLesion: nil), asOf: day("2023-03-21")).rule("surgery.spine.noms").first).severity == .urgent)
        // An examination, an MRI grade or radiotherapy since: the rules read those instead.
        #expect(try #require(assess(record(neurologyAfter: .intact), asOf: day("2023-03-22")).rule("surgery.spine.noms").first).severity < .urgent)
        #expect(try #require(assess(record(mriAfter: true), asOf: day("2023-03-22")).rule("surgery.spine.noms").first).severity < .urgent)
        #expect(!(try #require(assess(record(irradiatedAfter: true), asOf: day("2023-03-22")).rule("surgery.spine.noms").first).detail.en.contains("recorded — an emergency")))
        // An event of another lesion is not this one's.
        #expect(try #require(assess(record(eventLesion: "L9"), asOf: day("2023-03-21")).rule("surgery.spine.noms").first).severity < .urgent)
    }
}

@Suite struct HypercalcaemiaRecordedTests {
    func record(calciumAfter: Double? = nil, doseAfter: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.events = [ClinicalEvent(date: day("2023-03-18"), kind: .hypercalcaemia)]
        r.labs = [LabResult(date: day("2023-01-05"), test: .calcium, value: 9.4, unit: "mg/dL")]
        if let calciumAfter { r.labs.append(LabResult(date: day("2023-03-19"), test: .calcium, value: calciumAfter, unit: "mg/dL")) }
        if doseAfter {
            r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-03-19"), agent: .zoledronicAcid, doseMg: 4, doses: [day("2023-03-19")]))
        }
        return r
    }

    /// Stewart 2005 grades and treats hypercalcaemia of malignancy on the corrected calcium: a
    /// hypercalcaemia recorded with no calcium measured since asks for the measurement; a
    /// calcium on or after it is read as usual (normal: nothing; high: the graded finding).
    @Test func aRecordedHypercalcaemiaWithoutACalciumAsksForOne() throws {
        let f = try #require(assess(record(), asOf: day("2023-03-20")).rule("labs.hypercalcaemiaRecorded").first)
        #expect(f.severity == .warning)
        #expect(f.title.en == "Hypercalcaemia recorded on 2023-03-18 — no calcium result since: measure it now")
        #expect(f.detail.en.contains("start IV isotonic saline while the result is awaited"))
        #expect(f.title.zhHans.contains("此后无血钙结果"))
        let treated = try #require(assess(record(doseAfter: true), asOf: day("2023-03-20")).rule("labs.hypercalcaemiaRecorded").first)
        #expect(treated.severity == .advisory)
        #expect(treated.detail.en.contains("was given since: recheck calcium"))
        #expect(!assess(record(calciumAfter: 9.8), asOf: day("2023-03-20")).has("labs.hypercalcaemiaRecorded"))
        let high = assess(record(calciumAfter: 12.5), asOf: day("2023-03-20"))
        #expect(!high.has("labs.hypercalcaemiaRecorded"))
        #expect(high.has("labs.hypercalcaemia"))
    }
}

/// Rule set 2026.12.59: an event the record calls resolved (an EHR condition resolved, inactive,
/// in remission or abated) is history — it counts as a skeletal-related event, but asks for no
/// emergency, no measurement and no fixation of its own.
@Suite struct ResolvedEventTests {
    @Test func aResolvedCompressionIsNoEmergency() throws {
        var r = CompressionEventTests().record()
        r.events[0].resolved = true
        let a = assess(r, asOf: day("2023-03-21"))
        let spine = try #require(a.rule("surgery.spine.noms").first)
        #expect(spine.severity < .urgent)
        #expect(!spine.detail.en.contains("recorded — an emergency"))
        #expect(a.rule("boneAgents.sreHistory").first?.detail.en.contains("spinal cord compression") == true)
    }

    @Test func aResolvedHypercalcaemiaAsksForNoCalcium() {
        var r = HypercalcaemiaRecordedTests().record()
        r.events[0].resolved = true
        #expect(!assess(r, asOf: day("2023-03-20")).has("labs.hypercalcaemiaRecorded"))
        // A later current episode is asked for again.
        r.events.append(ClinicalEvent(date: day("2023-03-19"), kind: .hypercalcaemia))
        #expect(assess(r, asOf: day("2023-03-20")).has("labs.hypercalcaemiaRecorded"))
    }

    /// A femur whose pathological fracture of 2021 is recorded healed, no fracture on the latest
    /// imaging: scored for its risk again (Mirels), not sent for fixation as a broken bone.
    @Test func aHealedFractureIsScoredAgain() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "F1", bone: .femur, segment: .peritrochanteric, laterality: .left, primary: "P1")]
        r.studies = [ct("C1", "2023-03-01", [observation("F1", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.7 }])]
        r.pain = [PainRecord(date: day("2023-03-01"), lesion: "F1", mirels: .functional)]
        r.events = [ClinicalEvent(date: day("2021-05-01"), kind: .pathologicalFracture, lesion: "F1", resolved: true)]
        let healed = assess(r, asOf: day("2023-03-02"))
        #expect(!healed.has("surgery.mirels.fractured"))
        #expect(healed.findings.contains { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("F1") })
        r.events[0].resolved = nil
        #expect(assess(r, asOf: day("2023-03-02")).has("surgery.mirels.fractured"))
    }
}
