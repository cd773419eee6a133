import BoneMetRules
import Testing

/// cb28-b (unseen record, 2026-12-04): a 68-year-old (64 in the test record)'s IgG-κ myeloma with a corrected calcium of
/// 12.6 mg/dL and creatinine 2.5 mg/dL (Cockcroft–Gault 28 mL/min), given zoledronic acid 4 mg
/// every 4 weeks from the day after. The first dose is the hypercalcaemia dose (Zometa label:
/// 4 mg, no CrCl adjustment below creatinine 4.5 mg/dL), but the course goes on, and its next
/// doses are SRE prevention, which the label does not recommend below CrCl 30. It read "— no CrCl
/// adjustment" as information only, its detail naming denosumab's hypocalcaemia warning twice.
/// Rule set 2026.12.187: the title says no further doses, advisory.
@Suite struct HypercalcaemiaCourseAtLowClearanceTests {
    func record(end: String? = nil, creatinine: Double = 2.5) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "t1", sex: .male, birthDate: day("1958-02-10"), weights: [WeightRecord(date: day("2023-01-01"), kg: 70)])
        r.labs = [
            LabResult(date: day("2023-01-03"), test: .creatinine, value: creatinine, unit: "mg/dL"),
            LabResult(date: day("2023-01-03"), test: .calcium, value: 11.8, unit: "mg/dL"),
            LabResult(date: day("2023-01-03"), test: .albumin, value: 3.0, unit: "g/dL"),
        ]
        r.treatments.append(Treatment(
            id: "Z1", kind: .boneModifyingAgent, start: day("2023-01-09"), end: end.map(day), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4))
        r.dentalExams = [day("2023-01-02")]
        return r
    }

    func dose(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-01-20")).rule("boneAgents.zoledronic.dose").first)
    }

    @Test func aRunningCourseAtClearanceBelowThirtyStopsAfterTheHypercalcaemiaDose() throws {
        let finding = try dose(record())
        #expect(finding.title.en.hasSuffix("for hypercalcaemia — no further doses for SRE prevention at CrCl 29.6 mL/min"), "\(finding.title.en)")
        #expect(finding.title.zhHans.hasSuffix("用于高钙血症——肌酐清除率 29.6 mL/min 时不再用于预防 SRE"), "\(finding.title.zhHans)")
        #expect(finding.severity == .advisory)
        // Denosumab's hypocalcaemia warning is said once (in the recommendation).
        #expect(finding.detail.en.ranges(of: "boxed warning for severe hypocalcaemia").count == 1, "\(finding.detail.en)")
        #expect(!finding.detail.en.contains("denosumab instead carries"), "\(finding.detail.en)")
        #expect(!finding.detail.zhHans.contains("改用地舒单抗则"), "\(finding.detail.zhHans)")
    }

    /// One dose and the course ended: nothing further to stop.
    @Test func aCourseThatEndedWithTheDoseIsNotToldToStop() {
        let findings = assess(record(end: "2023-01-09"), asOf: day("2023-01-20")).findings
        #expect(!findings.contains { $0.title.en.contains("no further doses") })
    }

    /// At CrCl 30 or more the next dose has a band: the title stays, the next dose is named.
    @Test func aClearanceWithABandKeepsTheTitle() throws {
        let finding = try dose(record(creatinine: 2.2))
        #expect(finding.title.en.hasSuffix("for hypercalcaemia — no CrCl adjustment"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("For SRE prevention from the next dose: 3.0 mg for CrCl"), "\(finding.detail.en)")
    }
}

/// cb28-d (unseen record, 2026-12-04): a breast cancer on anastrozole, a bone scan hot at the left
/// proximal tibia and a left rib; the chest CT shows an old rib fracture without destruction and
/// does not reach the tibia. The tibia read "biopsy indicated — solitary bone lesion of unknown
/// nature; unusual site … lytic or mixed lesions can be biopsied at any time" with no reading of
/// its character: uptake is not a diagnosis (the source hospital: bone destruction on the CT bone
/// window is the key evidence). Rule set 2026.12.187: X-ray and CT of it first, biopsy if they show
/// a lesion.
@Suite struct UptakeOnlyBiopsyTests {
    func record(tibiaOnCT: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .tibia, segment: .proximal, laterality: .left)]
        var scan = survey("B1", "2023-01-03", ["L1"])
        scan.coverage = [.wholeBody]
        r.studies = [scan]
        if tibiaOnCT { r.studies.append(ct("C1", "2023-01-05", [observation("L1", .lytic) { $0.boneDestruction = true }])) }
        return r
    }

    @Test func uptakeAloneAsksForTheXrayAndCTBeforeTheNeedle() throws {
        let a = assess(record(), asOf: day("2023-01-10"))
        let finding = try #require(a.rule("diagnosis.biopsy.indicated").first { $0.subject == .lesion("L1") })
        #expect(finding.title.en.hasSuffix("X-ray and CT bone window first — biopsy if they show a lesion"), "\(finding.title.en)")
        #expect(finding.title.zhHans.hasSuffix("先行 X 线和 CT 骨窗检查——如见病灶再活检"), "\(finding.title.zhHans)")
        #expect(finding.detail.en.contains("solitary bone lesion of unknown nature"))
        #expect(!finding.detail.en.contains("can be biopsied at any time"))
        #expect(finding.inputs.contains { $0.name == "anatomicRead" && $0.value == "false" })
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    @Test func destructionOnTheCTMakesItABiopsyAsBefore() throws {
        let a = assess(record(tibiaOnCT: true), asOf: day("2023-01-10"))
        let finding = try #require(a.rule("diagnosis.biopsy.indicated").first { $0.subject == .lesion("L1") })
        #expect(finding.title.en.hasSuffix("biopsy indicated"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("can be biopsied at any time"))
    }
}

/// cb28-g (unseen record, 2026-12-04): a prostate cancer on goserelin and bicalutamide for two
/// years, PSA 3.1 → 12 → 45; the bone scan shows one new focus at L3, and CT and MRI the same week
/// show it destroying bone with an epidural tumour (ESCC 3) compressing the cauda equina. The
/// PCWG3 finding read "1 new lesion … not progression by PCWG3 (needs ≥ 2) — confirm a solitary
/// new focus on CT or MRI", and the PSA finding "radiographic progression is not shown", beside the
/// emergency for that very lesion. Rule set 2026.12.188: a new lesion the CT/MRI confirms is said
/// to be a new metastasis under the regimen (still not the 2+2 rule's bone-scan progression).
@Suite struct NewMetastasisConfirmedOnAnatomyTests {
    func record(seenBefore: Bool = false, destruction: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "t1", sex: .male, birthDate: day("1955-12-01"), weights: [WeightRecord(date: day("2023-01-01"), kg: 75)])
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2022-01-10"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L3")), Lesion(id: "L2", bone: .pelvis)]
        var baseline = survey("B1", "2022-01-20", ["L2"])
        baseline.coverage = [.wholeBody]
        var later = survey("B2", "2023-08-25", ["L1", "L2"])
        later.coverage = [.wholeBody]
        var anatomy = ct("C2", "2023-09-02", [observation("L1", .mixed) { $0.boneDestruction = destruction }, observation("L2", .blastic)])
        anatomy.coverage = [.lumbarSpine, .pelvis]
        r.studies = [baseline, later, anatomy]
        if seenBefore {
            r.studies.append(ct("C1", "2022-01-18", [observation("L1", .blastic), observation("L2", .blastic)]))
        }
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "goserelin + bicalutamide", systemicClass: .endocrine, start: day("2022-01-25"))]
        return r
    }

    func pcwg3(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-09-03")).findings.first { $0.ruleId.hasPrefix("boneHealth.pcwg3.") && $0.subject == .study("B2") })
    }

    @Test func aNewLesionTheCTConfirmsIsANewMetastasis() throws {
        let finding = try pcwg3(record())
        #expect(finding.title.en.hasPrefix("New metastasis under goserelin + bicalutamide"), "\(finding.title.en)")
        #expect(finding.title.en.hasSuffix("confirmed on CT/MRI — not bone-scan progression by PCWG3 (needs ≥ 2)"))
        #expect(finding.title.zhHans.contains("CT/MRI 已证实"), "\(finding.title.zhHans)")
        #expect(finding.detail.en.contains("L3 vertebra — CT of 2023-09-02 (bone destruction)"), "\(finding.detail.en)")
        #expect(finding.severity == .advisory)
        #expect(finding.claims.contains(Claim(.progression, about: "B2", "notProgression")))
    }

    @Test func aLesionSeenOnCTBeforeTheBaselineIsNotNew() throws {
        let finding = try pcwg3(record(seenBefore: true))
        #expect(finding.title.en.hasSuffix("not progression by PCWG3 (needs ≥ 2)"), "\(finding.title.en)")
        #expect(!finding.title.en.contains("New metastasis"))
    }

    @Test func aCTWithoutDestructionConfirmsNothing() throws {
        let finding = try pcwg3(record(destruction: false))
        #expect(finding.title.en.contains("new lesion on the bone scan of 2023-08-25: not progression by PCWG3"), "\(finding.title.en)")
        #expect(finding.severity == .info)
    }
}

/// cb28-h (unseen record, 2026-12-04): "高负荷转移性激素敏感性前列腺癌 (mHSPC)", zoledronic acid every
/// 4 weeks from the first week of leuprorelin and apalutamide, read only "record the castration
/// status": the diagnosis text says it. Rule set 2026.12.189 reads the castration status from the
/// prostate primary's text where it is not coded, as ER and PR are read from a breast cancer's.
@Suite struct CastrationStatusFromTextTests {
    func primary(_ text: String?, coded: Bool? = nil) -> PrimaryCancer {
        PrimaryCancer(id: "P1", site: .prostate, histology: text, diagnosed: day("2022-06"), castrationResistant: coded)
    }

    @Test func theTextsThatNameTheStatus() {
        #expect(primary("高负荷转移性激素敏感性前列腺癌 (mHSPC)").effectiveCastrationResistant == false)
        #expect(primary("mCSPC, Gleason 4+5").effectiveCastrationResistant == false)
        #expect(primary("castration-sensitive prostate adenocarcinoma").effectiveCastrationResistant == false)
        #expect(primary("去势抵抗性前列腺癌").effectiveCastrationResistant == true)
        #expect(primary("mCRPC after docetaxel").effectiveCastrationResistant == true)
        // Resistance follows sensitivity: a text naming both reads resistant.
        #expect(primary("mHSPC 2021 → 2024 进展为 mCRPC").effectiveCastrationResistant == true)
        // Not a name, or negated: nothing read.
        #expect(primary("前列腺腺癌 Gleason 4+4").effectiveCastrationResistant == nil)
        #expect(primary("非去势抵抗").effectiveCastrationResistant == nil)
        #expect(primary("ACRPCX").effectiveCastrationResistant == nil)
        // The coded field wins; other sites are not read.
        #expect(primary("mCRPC", coded: false).effectiveCastrationResistant == false)
        #expect(PrimaryCancer(id: "P1", site: .breast, histology: "CRPC").effectiveCastrationResistant == nil)
    }

    @Test func zoledronicAcidInATextuallySensitiveCancerIsNotIndicated() throws {
        var r = baseCase()
        r.patient = Patient(id: "t1", sex: .male, birthDate: day("1950-05-05"), weights: [WeightRecord(date: day("2023-01-01"), kg: 68)])
        r.primaries = [primary("转移性激素敏感性前列腺癌 (mHSPC)")]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "亮丙瑞林+阿帕他胺", start: day("2023-01-10")),
            Treatment(id: "Z1", kind: .boneModifyingAgent, start: day("2023-01-12"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4),
        ]
        r.dentalExams = [day("2023-01-11")]
        let finding = try #require(assess(r, asOf: day("2023-02-01")).rule("boneAgents.choice").first)
        #expect(finding.title.en == "Zoledronic acid for SRE prevention is not indicated in castration-sensitive prostate cancer", "\(finding.title.en)")
        #expect(finding.severity == .warning)
        r.primaries = [primary("前列腺腺癌")]
        let unknown = try #require(assess(r, asOf: day("2023-02-01")).rule("boneAgents.choice").first)
        #expect(unknown.severity == .info)
    }
}

/// cb28-j (unseen record, 2026-12-04): a renal-cell carcinoma eight years after nephrectomy, a
/// solitary lytic right acetabulum with a 45 mm soft-tissue mass, curettage, cement and a hip
/// replacement planned, no biopsy. It read "biopsy before fixing … nailing it spreads the tumour
/// along the canal" — there is no canal — and nothing said embolisation for the planned open
/// operation on a hypervascular metastasis. Rule set 2026.12.190.
@Suite struct AcetabulumPlannedOperationTests {
    func record(bone: Bone = .acetabulum, site: PrimarySite = .kidney) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2014-05-10"))]
        r.lesions = [Lesion(id: "L1", bone: bone, segment: bone == .femur ? .diaphysis : nil, laterality: .right)]
        r.studies = [survey("B1", "2023-01-03", ["L1"]), ct("S1", "2023-01-05", [observation("L1", .lytic) { $0.boneDestruction = true; $0.softTissueMm = 45 }])]
        r.treatments = [Treatment(id: "T2", kind: .surgery, name: "刮除+骨水泥+全髋关节置换", lesions: ["L1"], planned: true, procedure: .resection)]
        return r
    }

    @Test func anAcetabulumHasNoCanal() throws {
        let a = assess(record(), asOf: day("2023-01-20"))
        let finding = try #require(a.rule("diagnosis.differential.solitaryBeforeFixation").first)
        #expect(finding.title.en.hasSuffix("biopsy before operating on an undiagnosed lesion"), "\(finding.title.en)")
        #expect(!finding.detail.en.contains("canal"))
        #expect(finding.detail.en.contains("contaminates the field"))
        #expect(finding.detail.zhHans.contains("污染术野"))
    }

    @Test func aFemurKeepsItsNail() throws {
        let a = assess(record(bone: .femur), asOf: day("2023-01-20"))
        let finding = try #require(a.rule("diagnosis.differential.solitaryBeforeFixation").first)
        #expect(finding.title.en.hasSuffix("biopsy before fixing an undiagnosed lesion"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("nailing it spreads the tumour along the canal"))
    }

    @Test func aPlannedOperationOnAHypervascularMetastasisNamesEmbolisation() throws {
        let a = assess(record(), asOf: day("2023-01-20"))
        let finding = try #require(a.rule("surgery.pelvis.noValidatedScore").first)
        #expect(finding.detail.en.contains("consider pre-operative embolisation"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("术前考虑行栓塞"))
        #expect(finding.sources.contains { $0.id == "pazionis2014" })
        // A breast cancer's acetabulum: no embolisation.
        let breast = try #require(assess(record(site: .breast), asOf: day("2023-01-20")).rule("surgery.pelvis.noValidatedScore").first)
        #expect(!breast.detail.en.contains("embolisation"))
    }
}

/// cb28-l (unseen record, 2026-12-04): a breast cancer on letrozole + palbociclib (PR at five
/// months), stopped for toxicity in November; 82 days without systemic therapy; fulvestrant from
/// 20 February; the CT of 15 March — 23 days into fulvestrant, nine months after the previous CT —
/// shows L2 growing and a new lytic femur lesion; fulvestrant stopped on 1 April for
/// "progression", capecitabine since. Nothing questioned the stop, and the time point's window did
/// not name the 82 days without treatment. Rule set 2026.12.191.
@Suite struct ProgressionBeforeTheRegimenCouldActTests {
    /// CTs on 2023-01-05 (baseline) and 2023-06-10, letrozole 2023-01-10 to 2023-11-30, a break,
    /// fulvestrant from `secondStart` to 2024-04-01 (progression), the CT of `progressionCT` with L1
    /// grown, capecitabine from 2024-04-05.
    func record(secondStart: String = "2024-02-20", progressionCT: String = "2024-03-15", previousCT: String = "2023-06-10") -> CaseRecord {
        var r = baseCase()
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", previousCT, [observation("L1", .mixed, [20, 20]) { $0.scleroticRim = true }]),
            ct("S3", progressionCT, [observation("L1", .lytic, [30, 25]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2023-01-10"), end: day("2023-11-30"), stopReason: .toxicity),
            Treatment(id: "T2", kind: .systemic, name: "fulvestrant", systemicClass: .endocrine, start: day(secondStart), end: day("2024-04-01"), stopReason: .progression),
            Treatment(id: "T3", kind: .systemic, name: "capecitabine", systemicClass: .chemotherapy, start: day("2024-04-05")),
        ]
        return r
    }

    func switchFinding(_ r: CaseRecord) -> Finding? {
        assess(r, asOf: day("2024-04-20")).rule("boneHealth.attribution.unsupportedSwitch").first { $0.subject == .treatment("T2") }
    }

    @Test func aProgressionImagedBeforeTheRegimenCouldActDoesNotSupportItsStop() throws {
        let finding = try #require(switchFinding(record()))
        #expect(finding.title.en.hasSuffix("was stopped for a progression imaged 24 days into it — before it could act"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("the CT of 2024-03-15, 24 days into it, against the study of 2023-06-10, 255 days before it began"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("该次检查是其基线"))
        #expect(finding.severity == .warning)
    }

    @Test func theTimePointNamesTheBreakBetweenTheRegimens() throws {
        let point = try #require(assess(record(), asOf: day("2024-04-20")).findings.first { $0.subject == .study("S3") && $0.title.en.contains("bone response") })
        #expect(point.detail.en.contains("no systemic therapy from 2023-11-30 to 2024-02-20 (82 days) — change then is natural history"), "\(point.detail.en)")
        #expect(point.detail.zhHans.contains("其间2023-11-30 至 2024-02-20（82 天）无全身治疗"), "\(point.detail.zhHans)")
    }

    /// A baseline within 4 weeks of the start and growth seven weeks on: the regimen's own
    /// progression, the stop supported.
    @Test func aProgressionOverTheRegimensOwnWindowSupportsTheStop() {
        #expect(switchFinding(record(secondStart: "2024-01-20", progressionCT: "2024-03-10", previousCT: "2024-01-10")) == nil)
    }

    /// The same CT eight weeks or more into the regimen is its own.
    @Test func aStudyAfterTheLatencyIsTheRegimens() {
        #expect(switchFinding(record(secondStart: "2024-01-15", progressionCT: "2024-03-15")) == nil)
    }
}

/// cb28-l too: zoledronic acid every 12 weeks for twenty months on the creatinine of its first
/// week. The label asks for serum creatinine before every dose (withhold on a rise of ≥ 0.5 mg/dL
/// from a normal baseline); it read only "check serum creatinine before every dose". Rule set
/// 2026.12.192: a running course whose latest creatinine is older than one interval and two weeks
/// asks for it.
@Suite struct CreatinineBeforeEveryDoseTests {
    func record(interval: Int? = 12, end: String? = nil) -> CaseRecord {
        var r = baseCase()
        r.labs = [LabResult(date: day("2023-01-03"), test: .creatinine, value: 55, unit: "µmol/L")]
        r.treatments.append(Treatment(
            id: "Z1", kind: .boneModifyingAgent, start: day("2023-01-20"), end: end.map(day), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: interval))
        r.dentalExams = [day("2023-01-10")]
        return r
    }

    func due(_ r: CaseRecord, asOf: String) -> Finding? {
        assess(r, asOf: day(asOf)).rule("boneAgents.zoledronic.creatinineDue").first
    }

    @Test func aCourseRunningPastAnIntervalWithoutCreatinineAsksForIt() throws {
        // From the course's start (2023-01-20): 12 weeks and 14 days is 98 days — 2023-04-28.
        let finding = try #require(due(record(), asOf: "2023-04-28"))
        #expect(finding.title.en == "Zoledronic acid: no serum creatinine on record since 2023-01-03 — check it before the next dose")
        #expect(finding.title.zhHans == "唑来膦酸：2023-01-03 后无血肌酐记录——下次给药前请复查")
        #expect(finding.detail.en.contains("every 12 weeks; the latest creatinine on record is 55 µmol/L (0.62 mg/dL) of 2023-01-03"), "\(finding.detail.en)")
        #expect(finding.severity == .advisory)
        #expect(due(record(), asOf: "2023-04-27") == nil)
    }

    @Test func aRecentCreatinineAnEndedCourseOrNoScheduleSayNothing() {
        var fresh = record()
        fresh.labs.append(LabResult(date: day("2023-04-20"), test: .creatinine, value: 60, unit: "µmol/L"))
        #expect(due(fresh, asOf: "2023-05-01") == nil)
        #expect(due(record(end: "2023-03-01"), asOf: "2023-06-01") == nil)
        #expect(due(record(interval: nil), asOf: "2023-06-01") == nil)
    }

    /// The day it turns is the re-assessment horizon's: the finding appears on the day, not at the
    /// next unrelated change.
    @Test func theDayItTurnsIsOnTheHorizon() throws {
        let a = assess(record(), asOf: day("2023-04-27"))
        let next = try #require(a.nextChange)
        #expect(next <= day("2023-04-28"), "\(next)")
    }
}

/// cb28-l seen on the case page in December 2026: "what must be done first" led with the CT of
/// March 2025 — progressive disease under fulvestrant — though the CT of September 2025 under
/// capecitabine was a PR. A progression followed by a later time point of the same method that is
/// not progression is history: information, its title naming what followed (rule set 2026.12.193).
@Suite struct ProgressionFollowedByResponseTests {
    func record(lastCharacter: LesionCharacter = .mixed, lastSize: [Double] = [22, 20]) -> CaseRecord {
        var r = baseCase()
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", "2023-04-10", [observation("L1", .lytic, [30, 25]) { $0.boneDestruction = true }]),
            ct("S3", "2023-08-10", [observation("L1", lastCharacter, lastSize) { $0.scleroticRim = lastCharacter == .mixed }]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2023-01-10"), end: day("2023-04-15"), stopReason: .progression),
            Treatment(id: "T2", kind: .systemic, name: "capecitabine", systemicClass: .chemotherapy, start: day("2023-04-20")),
        ]
        return r
    }

    func point(_ r: CaseRecord, _ study: String) throws -> Finding {
        try #require(assess(r, asOf: day("2023-09-01")).rule("boneHealth.mda.timePoint").first { $0.subject == .study(study) })
    }

    @Test func aProgressionFollowedByAResponseIsHistory() throws {
        let finding = try point(record(), "S2")
        // The PR came under the regimen begun since (rule set 2026.12.207, cb35-a): named.
        #expect(finding.title.en == "CT of 2023-04-10: bone response progressive disease (PD) (MDA) — followed by PR on 2023-08-10 under capecitabine", "\(finding.title.en)")
        #expect(finding.title.zhHans.hasSuffix("——其后 2023-08-10 为 PR（capecitabine治疗下）"), "\(finding.title.zhHans)")
        #expect(finding.severity == .info)
    }

    /// The same regimen throughout: nothing begun since to name.
    @Test func aResponseUnderTheSameRegimenNamesNone() throws {
        var r = record()
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2023-01-10"))]
        let finding = try point(r, "S2")
        #expect(finding.title.en.hasSuffix("— followed by PR on 2023-08-10"), "\(finding.title.en)")
    }

    @Test func aProgressionFollowedByProgressionStaysAWarning() throws {
        let finding = try point(record(lastCharacter: .lytic, lastSize: [40, 35]), "S2")
        #expect(finding.severity == .warning)
        #expect(!finding.title.en.contains("followed by"))
    }
}

/// cb28-g again: its PSA progression under goserelin + bicalutamide read "with testosterone at
/// castrate levels this is castration-resistant disease — check testosterone and record the
/// status", and a record had no place for the testosterone. Rule set 2026.12.194: testosterone is
/// a lab (LOINC 2986-8; ng/dL, nmol/L × 28.84, ng/mL × 100), and one measured under the androgen
/// deprivation settles it — castrate (< 50 ng/dL, PCWG3: Scher 2016) is castration resistance.
@Suite struct CastrateTestosteroneTests {
    func record(testosterone: LabResult?) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "t1", sex: .male, birthDate: day("1955-12-01"), weights: [WeightRecord(date: day("2023-01-01"), kg: 75)])
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2022-01-10"))]
        // Blastic, hot on the bone scan: a prostate cancer's metastasis, diagnosed by imaging.
        r.studies = [survey("B1", "2022-01-12", ["L1"]), ct("S1", "2022-01-13", [observation("L1", .blastic)])]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "goserelin + bicalutamide", systemicClass: .endocrine, start: day("2022-01-25"))]
        r.labs = [
            LabResult(date: day("2022-09-01"), test: .psa, value: 3.1, unit: "ng/mL"),
            LabResult(date: day("2023-01-01"), test: .psa, value: 12, unit: "ng/mL"),
            LabResult(date: day("2023-03-01"), test: .psa, value: 45, unit: "ng/mL"),
        ] + [testosterone].compactMap { $0 }
        return r
    }

    func indication(_ r: CaseRecord) throws -> Finding { try indicationFinding(r, asOf: "2023-03-10") }

    @Test func castrateTestosteroneSettlesCastrationResistance() throws {
        let finding = try indication(record(testosterone: LabResult(date: day("2023-03-01"), test: .testosterone, value: 0.6, unit: "nmol/L")))
        #expect(finding.title.en == "Bone metastases without a bone-modifying agent", "\(finding.title.en)")
        #expect(finding.detail.en.contains("Castration-resistant prostate cancer (PCWG3)"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("testosterone at castrate level (0.6 nmol/L (17.3 ng/dL), 2023-03-01; < 50 ng/dL)"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("睾酮处于去势水平"))
    }

    @Test func fiftyIsNotCastrate() throws {
        let finding = try indication(record(testosterone: LabResult(date: day("2023-03-01"), test: .testosterone, value: 50, unit: "ng/dL")))
        #expect(finding.detail.en.contains("testosterone is not at castrate level (50 ng/dL, 2023-03-01"), "\(finding.detail.en)")
        #expect(!finding.detail.en.contains("Castration-resistant prostate cancer (PCWG3)"))
        let below = try indication(record(testosterone: LabResult(date: day("2023-03-01"), test: .testosterone, value: 49.9, unit: "ng/dL")))
        #expect(below.detail.en.contains("Castration-resistant prostate cancer (PCWG3)"))
    }

    @Test func aTestosteroneBeforeTheDeprivationSettlesNothing() throws {
        let finding = try indication(record(testosterone: LabResult(date: day("2022-01-05"), test: .testosterone, value: 20, unit: "ng/dL")))
        #expect(finding.detail.en.contains("measure testosterone (record it as a lab) or record the status"), "\(finding.detail.en)")
    }

    @Test func testosteroneUnitsConvert() {
        #expect(LabTest.testosterone.factor(for: "nmol/L") == 28.84)
        #expect(LabTest.testosterone.factor(for: "ng/mL") == 100)
        #expect(LabTest.testosterone.label.zhHans == "血清睾酮")
    }
}

/// cb28-v (unseen record, 2026-12-04): no primary on record, a femur biopsy "转移性腺癌，TTF-1(+)，
/// NapsinA(+)，提示肺来源", acid-decalcified. Reference.md: molecular tests are wanted for receptor
/// re-testing in breast cancer and NGS in lung cancer — EDTA, as acid ruins them. No warning,
/// because no plan said "molecular tests wanted". Rule set 2026.12.195 reads the need from the
/// cancer itself unless the record says no tests are wanted.
@Suite struct MolecularTestsImpliedByTheCancerTests {
    func record(primaries: [PrimaryCancer] = [], histology: String? = "转移性腺癌，TTF-1(+)，NapsinA(+)，提示肺来源", result: BiopsyResult = .metastasis,
                decalcification: Decalcification = .acid, wanted: Bool? = nil) -> CaseRecord {
        var r = baseCase()
        r.primaries = primaries
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-08"), decalcification: decalcification, result: result, histology: histology)]
        r.plans = CarePlans(molecularTestsWanted: wanted)
        return r
    }

    func finding(_ r: CaseRecord, _ rule: String) -> Finding? {
        assess(r, asOf: day("2023-01-20")).rule(rule).first
    }

    @Test func anAcidDecalcifiedLungAdenocarcinomaIsWarned() throws {
        let acid = try #require(finding(record(), "diagnosis.biopsy.acidDecalcified"))
        #expect(acid.detail.en.contains("EGFR, ALK and other driver-gene tests"), "\(acid.detail.en)")
        #expect(acid.severity == .warning)
    }

    @Test func aBreastCancersBiopsyNeedsItsReceptors() throws {
        let breast = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2020-01-01"))]
        let acid = try #require(finding(record(primaries: breast, histology: "转移性癌"), "diagnosis.biopsy.acidDecalcified"))
        #expect(acid.detail.en.contains("ER/PR/HER2"), "\(acid.detail.en)")
        // Still at the laboratory, its decalcification not recorded: EDTA asked for.
        let pending = try #require(finding(record(primaries: breast, histology: nil, result: .pending, decalcification: .unknown), "diagnosis.biopsy.edta"))
        #expect(pending.detail.en.hasPrefix("Its cancer's metastases are tested for ER/PR/HER2"), "\(pending.detail.en)")
    }

    /// A biopsy advised for a breast cancer's bone, none taken yet: EDTA on the request form.
    @Test func anAdvisedBiopsyAsksForEDTABeforeItIsTaken() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .left)]
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2015-01-01"), hormoneDependent: true)]
        let a = assess(r, asOf: day("2023-03-25"))
        #expect(a.has("diagnosis.biopsy.indicated"))
        let edta = try #require(a.rule("diagnosis.biopsy.edta").first)
        #expect(edta.detail.en.hasPrefix("The cancer's bone metastases are tested for ER/PR/HER2"), "\(edta.detail.en)")
        // Once a specimen is on record its decalcifier was chosen: not asked again.
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-03-22"), decalcification: .edta, result: .pending)]
        #expect(!assess(r, asOf: day("2023-03-25")).has("diagnosis.biopsy.edta"))
    }

    @Test func noneWhenTheRecordSaysNoneOrTheCancerIsNotTestedSo() {
        #expect(finding(record(wanted: false), "diagnosis.biopsy.acidDecalcified") == nil)
        #expect(finding(record(result: .benign), "diagnosis.biopsy.acidDecalcified") == nil)
        #expect(finding(record(histology: "小细胞癌，TTF-1(+)，肺来源"), "diagnosis.biopsy.acidDecalcified") == nil)
        #expect(finding(record(histology: "转移性鳞癌"), "diagnosis.biopsy.acidDecalcified") == nil)
        let prostate = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2020-01-01"))]
        #expect(finding(record(primaries: prostate, histology: "前列腺腺癌转移"), "diagnosis.biopsy.acidDecalcified") == nil)
    }
}

/// cb28-z (unseen record, 2026-12-04): a breast cancer on letrozole, a bone scan hot at the left
/// tibial plateau; its X-ray shows joint-space narrowing, osteophytes and subchondral cysts (the
/// cyst recorded "lytic"), no destruction. It read "degenerative joint disease in the
/// differential" beside "impending fracture (Mirels 9–11) — biopsy first, then prophylactic
/// fixation; urgent orthopaedic referral". Reference.md names the three as degenerative disease.
/// Rule set 2026.12.196: with all three and nothing of a tumour it is not scored as a metastasis.
@Suite struct DegenerativePictureTests {
    func record(destruction: Bool? = nil, features: Int = 3, softTissue: Double? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .tibia, segment: .proximal, laterality: .left)]
        var film = ImagingStudy(id: "X1", date: day("2023-01-05"), modality: .xray, coverage: [.leftLowerLimb], observations: [
            observation("L1", .lytic) { o in
                o.jointSpaceNarrowing = true
                o.osteophytes = features >= 2
                o.subchondralCysts = features >= 3
                o.boneDestruction = destruction
                o.softTissueMm = softTissue
            },
        ])
        film.windows = []
        r.studies = [survey("B1", "2023-01-03", ["L1"]), film]
        r.pain = [PainRecord(date: day("2023-01-04"), lesion: "L1", mirels: .functional)]
        return r
    }

    @Test func theWholePictureIsNotScoredAsAMetastasis() throws {
        let a = assess(record(), asOf: day("2023-01-10"))
        #expect(a.rule("surgery.mirels.impendingFracture").isEmpty)
        #expect(a.rule("diagnosis.biopsy.indicated").isEmpty)
        let degenerative = try #require(a.rule("diagnosis.differential.degenerative").first)
        #expect(degenerative.detail.en.contains("it is not scored as a metastasis"), "\(degenerative.detail.en)")
        #expect(degenerative.detail.zhHans.contains("不按转移灶评分"))
    }

    @Test func destructionAMassOrAnIncompletePictureKeepTheScores() {
        #expect(!assess(record(destruction: true), asOf: day("2023-01-10")).rule("surgery.mirels.impendingFracture").isEmpty)
        #expect(!assess(record(softTissue: 15), asOf: day("2023-01-10")).rule("surgery.mirels.impendingFracture").isEmpty)
        let two = assess(record(features: 2), asOf: day("2023-01-10"))
        #expect(!two.rule("surgery.mirels.impendingFracture").isEmpty)
        #expect(two.rule("diagnosis.differential.degenerative").first.map { !$0.detail.en.contains("not scored as a metastasis") } ?? false)
    }
}

/// cb28-bb (unseen record, 2026-12-04): ECOG 4, disseminated liver and pleural metastases, three
/// long-bone lesions at Mirels 9–11, each "prophylactic fixation, urgent". New Katagiri was 6–7
/// for want of platelets, calcium and bilirubin, and the fixation findings said nothing of
/// survival (their short-survival line needs a settled 7). Rule set 2026.12.198: a band that
/// reaches high risk only through items not on record names them, to be completed before the
/// operation is decided.
@Suite struct KatagiriOpenHighBandBeforeFixationTests {
    func record(platelets: Double?) -> CaseRecord {
        var r = baseCase()
        r.studies = [survey("B1", "2023-01-03", ["L1"]), ct("S1", "2023-01-05", [observation("L1", .lytic) { $0.boneDestruction = true; $0.mirelsSize = .moreThanTwoThirds }])]
        r.lesions.append(Lesion(id: "L2", bone: .rib))
        r.studies[0] = survey("B1", "2023-01-03", ["L1", "L2"])
        r.pain = [PainRecord(date: day("2023-01-04"), lesion: "L1", mirels: .functional)]
        r.performance = [PerformanceStatus(date: day("2023-01-04"), ecog: 4)]
        r.visceralMetastases = [VisceralMetastasis(organ: "liver", date: day("2023-01-05"), pattern: .disseminated)]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "capecitabine", systemicClass: .chemotherapy, start: day("2022-12-01"))]
        r.labs = [LabResult(date: day("2023-01-04"), test: .albumin, value: 28, unit: "g/L")]
            + (platelets.map { [LabResult(date: day("2023-01-04"), test: .platelets, value: $0, unit: "10^9/L"),
                                LabResult(date: day("2023-01-04"), test: .calcium, value: 2.3, unit: "mmol/L"),
                                LabResult(date: day("2023-01-04"), test: .bilirubin, value: 10, unit: "µmol/L")] } ?? [])
        return r
    }

    func fixation(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-01-10")).rule("surgery.mirels.impendingFracture").first)
    }

    @Test func anOpenHighBandNamesWhatIsMissing() throws {
        let finding = try fixation(record(platelets: nil))
        #expect(finding.detail.en.contains("whether it reaches high risk (7 or more: 6-month survival 27 %) depends on the items not on record (laboratory data)"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("取决于未记录的项目"))
    }

    @Test func aSettledBandSaysWhatItIs() throws {
        let settled = try fixation(record(platelets: 250))
        #expect(!settled.detail.en.contains("depends on the items not on record"), "\(settled.detail.en)")
    }
}

/// cb28-cc (unseen record, 2026-12-04): a breast cancer on letrozole five years, blastic T12 and
/// L1, denosumab stopped, then fresh collapses. T12's diagnosis finding said "blastic lesion under
/// systemic therapy — do not biopsy" while its spine finding said "Biopsy first: no tissue
/// diagnosis yet (long disease-free interval)". Rule set 2026.12.199: an operation on blastic bone
/// under therapy takes its tissue at the operation (frozen section), not a needle biopsy first.
@Suite struct BlasticUnderTherapyTissueAtOperationTests {
    func record(character: LesionCharacter = .blastic) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2016-01-01"), hormoneDependent: true)]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T12"))]
        r.studies = [ct("S1", "2023-03-20", [observation("L1", character) { $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral }])]
        r.pain = [PainRecord(date: day("2023-03-19"), lesion: "L1", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2023-03-19"), status: .intact, frankel: .E)]
        return r
    }

    @Test func blasticBoneUnderTherapyIsNotBiopsiedFirst() throws {
        let a = assess(record(), asOf: day("2023-03-25"))
        let spine = try #require(a.rule("surgery.spine.noms").first)
        #expect(spine.detail.en.contains("Tissue at the operation: no tissue diagnosis yet ("), "\(spine.detail.en)")
        #expect(spine.detail.en.contains("long disease-free interval (7 years)), but a needle biopsy of blastic bone"))
        #expect(!spine.detail.en.contains("Biopsy first"))
        #expect(spine.detail.zhHans.contains("术中取病理"))
        // The consultation proposes the stabilisation (rule set 2026.12.396): the diagnosis
        // finding defers to its tissue at the operation rather than say "do not biopsy" beside it.
        #expect(a.rule("diagnosis.biopsy.blasticAfterTherapy").first?.title.en.hasSuffix("surgery proposed") == true)
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    @Test func aLyticLesionStillAsksForTheBiopsyFirst() throws {
        let spine = try #require(assess(record(character: .lytic), asOf: day("2023-03-25")).rule("surgery.spine.noms").first)
        #expect(spine.detail.en.contains("Biopsy first: no tissue diagnosis yet"), "\(spine.detail.en)")
    }
}
