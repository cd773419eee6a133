import BoneMetRules
import Testing

/// Rule set 2026.12.2: what whole records written from scratch (examples 15–19) showed the
/// rules reading wrongly, each pinned here at its class with the source of the fact.
@Suite struct RecordReadingTests {
    /// A spinal lesion on CT, then collapsed on MRI.
    func collapsing(_ collapse: SINS.Collapse?, fracture: Bool? = nil, event: ClinicalEvent? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T12")), Lesion(id: "L2", bone: .pelvis, laterality: .left)]
        r.studies = [
            ct("S1", "2023-01-05", [
                observation("L1", .lytic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none },
                observation("L2", .lytic, [20, 15]) { $0.boneDestruction = true },
            ]),
            ct("S2", "2023-04-05", [
                observation("L1", .lytic) { $0.boneDestruction = true; $0.collapse = collapse; $0.fracture = fracture },
                observation("L2", .lytic, [20, 15]) { $0.boneDestruction = true },
            ]),
        ]
        if let event { r.events = [event] }
        return r
    }

    func sre(_ r: CaseRecord) -> Finding? { assess(r, asOf: day("2023-05-01")).rule("boneAgents.sreHistory").first }

    /// A vertebral body that collapses under a metastasis is a pathological fracture, an SRE
    /// whether or not an event was recorded (Stopeck 2010 counted radiographic vertebral
    /// fractures); PATHFx is told it fractured.
    @Test func aCollapseOrFractureOnImagingIsAnSRE() throws {
        #expect(sre(collapsing(SINS.Collapse.none)) == nil)
        #expect(sre(collapsing(SINS.Collapse.noCollapseOver50Involved)) == nil)
        for collapse in [SINS.Collapse.under50, .over50] {
            let finding = try #require(sre(collapsing(collapse)))
            #expect(finding.detail.en.hasPrefix("2023-04-05 pathological fracture, T12 vertebra (seen on CT)"))
            #expect(finding.inputs.contains(FindingInput("count", "1")))
        }
        #expect(try #require(sre(collapsing(nil, fracture: true))).inputs.contains(FindingInput("count", "1")))
        // PATHFx asks whether the bone to operate on has broken: a reported fracture, yes; a
        // vertebral collapse alone is the spine's question (SORG), not PATHFx's.
        func pathfx(_ r: CaseRecord) -> Finding? {
            assess(r, asOf: day("2023-05-01")).rule("surgery.prognosis.survivalModelInputs").first
        }
        #expect(try #require(pathfx(collapsing(nil, fracture: true))).inputs.contains(FindingInput("fracture", "pathological")))
        #expect(try #require(pathfx(collapsing(.over50))).inputs.contains(FindingInput("fracture", "impending")))
    }

    /// Recorded as an event of the lesion, or as an event naming no lesion (it may be the same
    /// fracture), it is counted once.
    @Test func aRecordedFractureIsNotCountedTwice() throws {
        for lesion in ["L1", nil] as [String?] {
            let r = collapsing(.over50, event: ClinicalEvent(date: day("2023-04-02"), kind: .pathologicalFracture, lesion: lesion))
            #expect(try #require(sre(r)).inputs.contains(FindingInput("count", "1")))
        }
        let other = collapsing(.over50, event: ClinicalEvent(date: day("2023-04-02"), kind: .pathologicalFracture, lesion: "L2"))
        #expect(try #require(sre(other)).inputs.contains(FindingInput("count", "2")))
    }

    /// Reference.md (treatment-window attribution): a switch justified by "progression" is
    /// checked against the response observed in that regimen's window — by the day it was
    /// stopped. Progression first imaged months later, under the next regimen, was not known
    /// when it was stopped.
    @Test func aSwitchIsJudgedOnTheImagingBeforeTheStop() throws {
        var r = baseCase()
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", "2023-03-20", [observation("L1", .lytic, [20, 21]) { $0.boneDestruction = true }]),
            ct("S3", "2023-07-01", [observation("L1", .lytic, [28, 26]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2023-01-10"), end: day("2023-04-01"), stopReason: .progression),
            Treatment(id: "T2", kind: .systemic, name: "capecitabine", systemicClass: .chemotherapy, start: day("2023-04-10")),
        ]
        let a = assess(r, asOf: day("2023-07-02"))
        #expect(a.timePoints.last?.overall == .progressiveDisease)
        let flagged = try #require(a.rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(flagged.detail.en.contains("before it was stopped: 2023-03-20 stable disease (SD)"))
        #expect(flagged.detail.en.contains("Progression was first imaged on 2023-07-01, after it was stopped."))
        #expect(flagged.detail.zhHans.contains("2023-03-20 疾病稳定（SD）"))
        // Imaged before the stop, the same progression supports it.
        r.treatments[0].end = day("2023-07-05")
        r.treatments[1].start = day("2023-07-10")
        #expect(!assess(r, asOf: day("2023-07-20")).has("boneHealth.attribution.unsupportedSwitch"))
    }

    /// Chinese laboratories report creatinine in µmol/L: the findings show it as reported, with
    /// mg/dL, rounded as a laboratory rounds — not 0.7239819004524887.
    @Test func creatinineIsShownAsReportedAndRounded() throws {
        var r = baseCase()
        r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .zoledronicAcid, doseMg: 4, doses: [day("2023-01-20")]))
        r.dentalExams = [day("2023-01-15")]
        r.labs = [LabResult(date: day("2023-01-15"), test: .creatinine, value: 64, unit: "µmol/L")]
        let dose = try #require(assess(r, asOf: day("2023-02-01")).rule("boneAgents.zoledronic.dose").first)
        #expect(dose.detail.en.contains("creatinine 64 µmol/L (0.72 mg/dL)"))
        #expect(!dose.detail.en.contains("before every dose. Check creatinine"))
        r.labs.append(LabResult(date: day("2023-02-10"), test: .creatinine, value: 118, unit: "µmol/L"))
        let hold = try #require(assess(r, asOf: day("2023-02-11")).rule("boneAgents.zoledronic.renalHold").first)
        #expect(hold.title.en == "Withhold zoledronic acid: creatinine rose by 0.61 mg/dL (54 µmol/L)")
        #expect(hold.detail.en.contains("Resume when creatinine is ≤ 0.79 mg/dL (70.4 µmol/L)"))
        for text in [hold.title.en, hold.detail.en, dose.detail.en] { #expect(!text.contains("00000")) }
    }

    /// An operation is a day: "nail 2023-02-01 (surgery)", not a course still running.
    @Test func anOperationIsADayNotACourse() {
        let surgery = Treatment(id: "S", kind: .surgery, name: "intramedullary nail", start: day("2023-02-01"), procedure: .prophylacticFixation)
        #expect(surgery.label.en == "intramedullary nail 2023-02-01 (surgery)")
        let course = Treatment(id: "T", kind: .systemic, name: "letrozole", start: day("2023-02-01"))
        #expect(course.label.en == "letrozole 2023-02-01– (systemic therapy)")
    }

    /// Katagiri 2014 scores lung cancer on molecular targeted therapy as moderate growth; the
    /// older Tokuhashi and Tomita scores count the organ alone, and say so for such a patient.
    @Test func olderScoresSayTheyPredateTargetedTherapy() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, diagnosed: day("2022-06"), targetedTherapy: true)]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T9")), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = [ct("S1", "2023-01-05", [
            observation("L1", .lytic) { $0.boneDestruction = true }, observation("L2", .lytic) { $0.boneDestruction = true },
        ])]
        let a = assess(r, asOf: day("2023-02-01"))
        for rule in ["surgery.prognosis.tokuhashi", "surgery.prognosis.tomita"] {
            let finding = try #require(a.rule(rule).first)
            #expect(finding.detail.en.contains("predates molecular targeted therapy"))
            #expect(finding.sources.contains { $0.id == "katagiri2014" })
        }
        r.primaries[0].targetedTherapy = false
        #expect(assess(r, asOf: day("2023-02-01")).rule("surgery.prognosis.tomita").first?.detail.en.contains("targeted") == false)
    }

    /// Castration-sensitive prostate cancer: the agent is not indicated for SRE prevention
    /// (CALGB 90202), so its next dose is not announced as due — the not-indicated finding
    /// names the day to review it by.
    @Test func aDoseIsNotDueForAnAgentThatIsNotIndicated() throws {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2022-06"), castrationResistant: false)]
        r.lesions.append(Lesion(id: "L2", bone: .pelvis, laterality: .right))
        r.studies[1].observations.append(observation("L2", .blastic, [15, 12]))
        r.treatments.append(Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-02-01"), agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: [day("2023-02-01")]))
        r.dentalExams = [day("2023-01-20")]
        let a = assess(r, asOf: day("2023-03-10"))
        #expect(!a.has("boneAgents.doseDue"))
        let choice = try #require(a.rule("boneAgents.choice").first)
        #expect(choice.detail.en.contains("due since 2023-03-01: review the indication"))
        r.primaries[0].castrationResistant = true
        #expect(assess(r, asOf: day("2023-03-10")).has("boneAgents.doseDue"))
    }

    /// A whole-body CT (or MRI) is a whole-body survey; for myeloma it is the survey, and a bone
    /// scan — which misses myeloma's lytic lesions — is not what is asked for (Hillengass 2019,
    /// IMWG). Myeloma is named once, not "myeloma (myeloma)".
    @Test func wholeBodyImagingAndMyelomasOwnSurvey() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .myeloma, histologyType: .myeloma, diagnosed: day("2022-12"))]
        r.lesions.append(Lesion(id: "L2", bone: .skull))
        r.studies[1].observations.append(observation("L2", .lytic, [10, 9]) { $0.boneDestruction = true })
        var a = assess(r, asOf: day("2023-04-01"))
        let survey = try #require(a.rule("diagnosis.imaging.wholeBodyScreening").first)
        #expect(survey.detail.en.contains("whole-body low-dose CT, PET-CT or whole-body MRI — a bone scan misses"))
        #expect(survey.sources.contains { $0.id == "hillengass2019" })
        #expect(r.primaries[0].label.en == "myeloma" && r.primaries[0].label.zhHans == "骨髓瘤")
        // The organ once in Chinese: 肝细胞癌, not 肝肝细胞癌; 肺 + 腺癌 stays 肺腺癌.
        #expect(PrimaryCancer(id: "H", site: .liver, histologyType: .hepatocellularCarcinoma).label.zhHans == "肝细胞癌")
        #expect(PrimaryCancer(id: "K", site: .kidney, histologyType: .renalCellCarcinoma).label.zhHans == "肾细胞癌")
        #expect(PrimaryCancer(id: "A", site: .lung, histologyType: .adenocarcinoma).label.zhHans == "肺腺癌")
        r.studies[1].coverage = [.wholeBody]
        a = assess(r, asOf: day("2023-04-01"))
        #expect(!a.has("diagnosis.imaging.wholeBodyScreening"))
        // A solid tumour without any whole-body study is asked for a bone scan or PET-CT.
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2022-12"))]
        r.studies[1].coverage = [.pelvis]
        let solid = try #require(assess(r, asOf: day("2023-04-01")).rule("diagnosis.imaging.wholeBodyScreening").first)
        #expect(solid.detail.en.hasPrefix("Whole-body screening for other bone lesions: bone scan (ECT) or PET-CT."))
    }

    /// Hamaoka 2004 / MDA: sclerosis of a lesion not seen before, on an interval scan with other
    /// signs of response, is flare (PR). A focus first seen on the 8-week bone scan is first seen
    /// as bone on the CT two days later: the CT's time point reads it (it was left out).
    @Test func aLesionFirstSeenAsUptakeIsReadOnTheNextCT() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T6")), Lesion(id: "L3", bone: .pelvis, laterality: .right)]
        let absent = { (lesion: String) in observation(lesion) { $0.present = false } }
        r.studies = [
            ImagingStudy(id: "B1", date: day("2024-03-01"), modality: .boneScan, observations: [observation("L1") { $0.uptake = true }, absent("L3")]),
            ct("C1", "2024-03-02", [observation("L1", .lytic, [18, 15]) { $0.boneDestruction = true }, absent("L3")]),
            ImagingStudy(id: "B2", date: day("2024-05-10"), modality: .boneScan, observations: [observation("L1") { $0.uptake = true }, observation("L3") { $0.uptake = true }]),
            ct("C2", "2024-05-12", [observation("L1", .mixed, [17, 15]) { $0.scleroticRim = true }, observation("L3", .blastic, [8, 6])]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2024-03-05"))]
        let a = assess(r, asOf: day("2024-05-13"))
        let onCT = try #require(a.timePoints.first { $0.study == "C2" })
        let pelvis = try #require(onCT.lesions.first { $0.lesion == "L3" })
        #expect(pelvis.isNew && pelvis.flare && pelvis.category == .partialResponse)
        #expect(onCT.overall == .partialResponse)
        #expect(a.rule("boneHealth.mda.flare").contains { $0.subject == .lesion("L3") })
        // Untreated, the same lesion lytic on the CT is progression there too.
        r.treatments = []
        r.studies[3].observations[1] = observation("L3", .lytic, [8, 6]) { $0.boneDestruction = true }
        let untreated = try #require(assess(r, asOf: day("2024-05-13")).timePoints.first { $0.study == "C2" })
        #expect(untreated.newLesions == ["L3"] && untreated.overall == .progressiveDisease)
        // Once seen on a CT, a later CT compares with it and never calls it new again.
        r.studies.append(ct("C3", "2024-08-12", [observation("L1", .mixed, [17, 15]), observation("L3", .lytic, [8, 6]) { $0.boneDestruction = true }]))
        let later = try #require(assess(r, asOf: day("2024-08-13")).timePoints.first { $0.study == "C3" })
        #expect(later.newLesions.isEmpty)
    }

    /// Reference.md (treatment-window attribution): radiotherapy and surgery act only on their
    /// lesions. A humerus nail is not part of the window of a comparison of the femur alone, and
    /// does not make its interval "treated".
    @Test func anOperationOnAnotherLesionIsNotPartOfTheWindow() throws {
        var r = baseCase()
        r.lesions.append(Lesion(id: "L2", bone: .humerus, segment: .diaphysis, laterality: .right))
        r.studies[0].observations.append(observation("L2", .lytic, [30, 25]) { $0.boneDestruction = true })
        r.studies[1].observations[0].diametersMm = [26, 26]
        r.treatments = [Treatment(id: "S", kind: .surgery, name: "humeral nail", lesions: ["L2"], start: day("2023-02-01"), procedure: .prophylacticFixation)]
        let a = assess(r, asOf: day("2023-04-01"))
        let point = try #require(a.timePoints.first { $0.study == "S2" })
        #expect(point.treatments.isEmpty && point.untreated)
        #expect(a.has("boneHealth.attribution.naturalHistory"))
        // Observed at the same study, the nailed humerus brings its operation into the window.
        r.studies[1].observations.append(observation("L2", .lytic, [30, 25]) { $0.boneDestruction = true })
        #expect(assess(r, asOf: day("2023-04-01")).timePoints.first { $0.study == "S2" }?.treatments == ["S"])
    }

    /// NOMS (Laufer 2013): every spinal recommendation is gated by the systemic status — now
    /// shown from the record (Tokuhashi and Katagiri bands, performance status), and when the
    /// settled scores say survival is short (Tokuhashi 0–8, Katagiri 7–10) a proposed operation
    /// says so (Patchell 2005 enrolled patients expected to live ≥ 3 months).
    @Test func theSystemicStatusGatesSpinalSurgery() throws {
        var r = spineCompressionCase(
            primary: PrimaryCancer(id: "P1", site: .liver, histologyType: .hepatocellularCarcinoma, diagnosed: day("2022-06")),
            performance: PerformanceStatus(date: day("2023-01-04"), ecog: 3, kps: 40),
            visceral: [VisceralMetastasis(organ: "lung", removable: false, treatable: false, pattern: .disseminated)])
        let poor = try #require(assess(r, asOf: day("2023-01-10")).rule("surgery.spine.noms").first)
        #expect(poor.severity == .urgent)
        #expect(poor.detail.en.contains("S: revised Tokuhashi 5 (0–8: expected survival < 6 months), New Katagiri 7–9 (high risk (7–10))"))
        #expect(poor.detail.en.contains("KPS 40, ECOG 3"))
        #expect(poor.detail.en.contains("Expected survival is short by the prognosis scores"))
        #expect(poor.detail.zhHans.contains("预后评分提示预计生存期短"))
        #expect(poor.sources.contains { $0.id == "patchell2005" })
        // A fit patient with a slow primary: the same compression, no caution.
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2022-06"), hormoneDependent: true)]
        r.performance = [PerformanceStatus(date: day("2023-01-04"), ecog: 0, kps: 90)]
        r.visceralMetastases = []
        let fit = try #require(assess(r, asOf: day("2023-01-10")).rule("surgery.spine.noms").first)
        #expect(fit.detail.en.contains("S: revised Tokuhashi"))
        #expect(!fit.detail.en.contains("Expected survival is short"))
    }

    /// Reference.md (lesions judged otherwise are not assessed as metastases; never nail a
    /// primary bone tumour): a femoral lesion whose biopsy says non-ossifying fibroma was asked
    /// to "complete Mirels — may reach the fixation threshold". Benign and degenerative lesions,
    /// primary bone tumours and giant cell tumours get no Mirels or SINS; the tumours go to
    /// bone-tumour surgery. Myeloma keeps them (malignant bone disease).
    @Test func aLesionTheBiopsyCallsSomethingElseIsNotScoredAsAMetastasis() throws {
        func assessed(_ result: BiopsyResult) -> Assessment {
            var r = baseCase()
            r.lesions.append(Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("L3")))
            r.studies[1].observations.append(observation("V1", .lytic) { $0.boneDestruction = true })
            r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-20"), result: result), Biopsy(lesion: "V1", date: day("2023-01-21"), result: result)]
            return assess(r, asOf: day("2023-04-01"))
        }
        for result in [BiopsyResult.benign, .degenerative, .primaryBoneTumour, .giantCellTumour] {
            let a = assessed(result)
            #expect(a.mirels.isEmpty, "\(result)")
            #expect(!a.findings.contains { $0.ruleId.hasPrefix("surgery.mirels.") || $0.ruleId == "surgery.spine.noms" }, "\(result)")
            let said = a.rule("diagnosis.biopsy.notMetastasis")
            #expect(said.count == 2, "\(result)")
            let tumour = result == .primaryBoneTumour || result == .giantCellTumour
            #expect(said.allSatisfy { $0.severity == (tumour ? .warning : .info) })
            #expect(said.first?.detail.en.contains("never intramedullary nailing") == tumour)
            #expect(Claim.contradictions(in: a.findings).isEmpty)
        }
        let myeloma = assessed(.myeloma)
        #expect(!myeloma.mirels.isEmpty && myeloma.has("surgery.spine.noms") && !myeloma.has("diagnosis.biopsy.notMetastasis"))
    }

    /// An SRE recorded as an event of a lesion is named with it.
    @Test func aRecordedEventNamesItsLesion() throws {
        var r = baseCase()
        r.events = [ClinicalEvent(date: day("2023-02-01"), kind: .pathologicalFracture, lesion: "L1")]
        let sre = try #require(assess(r, asOf: day("2023-04-01")).rule("boneAgents.sreHistory").first)
        #expect(sre.detail.en.hasPrefix("2023-02-01 pathological fracture, left femur, diaphysis."))
        #expect(sre.detail.zhHans.hasPrefix("2023-02-01 病理性骨折，左股骨骨干"))
    }

    /// Katagiri 2014: lung cancer treated with molecular targeted drugs grows as "moderate" (2),
    /// without them "rapid" (3). A targeted regimen on record settles it when the primary does
    /// not say (an EHR import gives the class from the ATC code, not the primary's flag).
    @Test func aTargetedRegimenOnRecordSettlesKatagirisLungCancer() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2022-06"))]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "osimertinib", systemicClass: .targeted, start: day("2023-01-10"))]
        func primaryPoints(_ r: CaseRecord) -> ClosedRange<Int>? {
            assess(r, asOf: day("2023-04-01")).katagiri?.components.first { $0.key == "primaryGrowth" }?.possible
        }
        #expect(primaryPoints(r) == 2...2)
        // Every regimen's class known and none targeted: not on targeted therapy (2026.12.39).
        r.treatments[0].systemicClass = .chemotherapy
        #expect(primaryPoints(r) == 3...3)
        // A regimen of unknown class leaves it open.
        r.treatments.append(Treatment(id: "T2", kind: .systemic, name: "study drug", start: day("2023-02-10")))
        #expect(primaryPoints(r) == 2...3)
        r.treatments.removeLast()
        r.primaries[0].targetedTherapy = false
        r.treatments[0].systemicClass = .targeted
        #expect(primaryPoints(r) == 3...3)
    }

    /// Reference.md (biopsy after a long disease-free interval): the interval ends with the
    /// patient's first metastasis. Lesions 6 years after the primary, none biopsied, are all
    /// open; once a biopsy has diagnosed the bone disease, a lesion found later is not. Lesions
    /// 4 years after (a prostate cancer progressing on therapy) are never "after a long
    /// interval", however many years have passed when the next ones appear.
    @Test func theDiseaseFreeIntervalEndsWithTheFirstMetastasis() throws {
        var r = baseCase()
        r.primaries[0].diagnosed = day("2017-01")
        r.lesions.append(Lesion(id: "L2", bone: .pelvis, laterality: .right))
        r.studies.append(ct("S3", "2023-05-20", [
            observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }, observation("L2", .lytic, [15, 12]) { $0.boneDestruction = true },
        ]))
        // The interval is the patient's: one finding names the lesions a biopsy can take
        // (rule set 2026.12.12; one biopsy answers it).
        func biopsied(_ r: CaseRecord, asOf: String = "2023-06-01") -> Set<String> {
            Set(assess(r, asOf: day(asOf)).rule("diagnosis.biopsy.indicated").flatMap { finding -> [String] in
                if case .lesion(let id) = finding.subject { return [id] }
                return finding.inputs.first { $0.name == "lesions" }?.value.split(separator: ",").map(String.init) ?? []
            })
        }
        #expect(biopsied(r) == ["L1", "L2"])
        #expect(assess(r, asOf: day("2023-06-01")).rule("diagnosis.biopsy.indicated").map(\.subject) == [.patient])
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-02-01"), result: .metastasis)]
        #expect(biopsied(r).isEmpty)
        #expect(!assess(r, asOf: day("2023-06-01")).has("diagnosis.differential.myeloma"))
        // First metastasis 4 years after the primary: the later lesion, 6 years after, is not open.
        r.biopsies = []
        r.primaries[0].diagnosed = day("2019-01")
        r.studies[2].date = day("2025-03-01")
        #expect(biopsied(r, asOf: "2025-04-01").isEmpty)
    }

    /// Mirels 1989 scores the risk of a fracture: once the bone has broken, the finding says so
    /// and asks for fixation, without the impending-fracture score's band and caveats (it led
    /// with "Mirels 9–11 … high risk … specificity is low" for a fractured femur).
    @Test func aFracturedBoneIsNotScoredForTheRiskOfOne() throws {
        var r = baseCase()
        r.events = [ClinicalEvent(date: day("2023-03-25"), kind: .pathologicalFracture, lesion: "L1")]
        let broken = try #require(assess(r, asOf: day("2023-04-01")).rule("surgery.mirels.fractured").first)
        #expect(broken.severity == .urgent)
        #expect(broken.detail.en.hasPrefix("Pathological fracture: Mirels scores the risk of one and no longer applies (last score before it, 7–11, 2023-03-20). No fixation on record"))
        #expect(!broken.detail.en.contains("specificity") && !broken.sources.contains { $0.id == "damron2003" })
        #expect(broken.detail.zhHans.hasPrefix("已发生病理性骨折：Mirels 评估的是骨折风险，已不再适用"))
        #expect(!broken.detail.en.hasSuffix(" "))
        // A fracture the imaging reports is the same, recorded as an event or not.
        var imaged = baseCase()
        imaged.studies[1].observations[0].fracture = true
        #expect(assess(imaged, asOf: day("2023-04-01")).rule("surgery.mirels.fractured").first?.severity == .urgent)
        r.treatments.append(Treatment(id: "F", kind: .surgery, name: "nail", lesions: ["L1"], start: day("2023-03-27"), procedure: .fractureFixation))
        let fixed = try #require(assess(r, asOf: day("2023-04-01")).rule("surgery.mirels.fractured").first)
        #expect(fixed.severity == .info && fixed.detail.en.hasSuffix("Treated: nail 2023-03-27 (surgery)."))
    }
}
