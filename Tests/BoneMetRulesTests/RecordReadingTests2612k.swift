@testable import BoneMetRules
import Testing

@Suite struct NoUptakeIsNoSightingTests {
    /// cb21-c (unseen record, 2026-12-03): an EGFR-mutant lung adenocarcinoma, osimertinib from
    /// 2026-08-01, zoledronic acid. Baseline bone scan 07-22: T12 and ilium hot, L3 read "no
    /// uptake"; CT 07-25: T12 and ilium lytic, L3 absent. CT 10-20: rims on both, L3 newly
    /// sclerotic (flare, MDA PR). Bone scan 10-25 — 12 weeks and a day after the start: L3 hot,
    /// two more foci. The record read L3 "first seen 07-22, before osimertinib began to act"
    /// (the cold reading counted as a sighting), its uptake "SD — uptake without ≥ 50 % decrease",
    /// and the scan PD for the foci whose flare the CT five days before had shown.
    func record(scanDate: String = "2026-10-25", ctL3: LesionCharacter = .blastic) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1972-09-30")
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌 EGFR 19del", diagnosed: day("2026-07"), targetedTherapy: true)]
        r.lesions = [
            Lesion(id: "T12", bone: .vertebra, level: VertebralLevel("T12")),
            Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L3")),
            Lesion(id: "IL", bone: .pelvis, laterality: .right),
        ]
        var baselineScan = survey("BS0", "2026-07-22", ["T12", "IL"])
        baselineScan.observations.append(observation("L3") { $0.uptake = false })
        var scan = survey("BS1", scanDate, ["T12", "IL", "L3"])
        scan.unnamedNewLesions = 2
        r.studies = [
            baselineScan,
            ct("CT0", "2026-07-25", [
                observation("T12", .lytic, [22, 18]) { $0.boneDestruction = true },
                observation("IL", .lytic, [30, 25]) { $0.boneDestruction = true },
                observation("L3") { $0.present = false },
            ]),
            ct("CT1", "2026-10-20", [
                observation("T12", .mixed, [21, 17]) { $0.scleroticRim = true },
                observation("IL", .mixed, [28, 22]) { $0.scleroticRim = true },
                observation("L3", ctL3) { $0.boneDestruction = ctL3 != .blastic },
            ]),
            scan,
        ]
        r.treatments = [Treatment(id: "OSI", kind: .systemic, name: "奥希替尼 80mg qd", start: day("2026-08-01"))]
        return r
    }

    @Test func aColdReadingWhereNothingWasSeenIsNoSighting() throws {
        let a = assess(record(), asOf: day("2026-11-05"))
        let blastic = try #require(a.findings.first { $0.ruleId == "diagnosis.biopsy.blasticAfterTherapy" && $0.subject == .lesion("L3") })
        #expect(blastic.detail.en.contains("First seen 2026-10-20"), "\(blastic.detail.en)")
        #expect(!blastic.detail.en.contains("2026-07-22"), "\(blastic.detail.en)")
        let scan = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("BS1") })
        #expect(scan.detail.en.contains("L3 vertebra: NE — new since 2026-07-22; first seen on the CT of 2026-10-20"), "\(scan.detail.en)")
    }

    @Test func aScanAfterTheCTsFlareIsNotProgression() throws {
        let a = assess(record(), asOf: day("2026-11-05"))
        let scan = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("BS1") })
        #expect(scan.title.en.contains("stable disease (SD)"), "\(scan.title.en)")
        #expect(scan.severity == .info)
        #expect(scan.detail.en.contains("2 new lesion(s) not itemised — the CT of 2026-10-20 read osteoblastic flare: flare not excluded"), "\(scan.detail.en)")
        #expect(scan.detail.zhHans.contains("2026-10-20 CT 检查已示成骨性闪烁：不能排除闪烁现象"))
        let ct = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("CT1") })
        #expect(ct.title.en.contains("partial response (PR)"))
        // Within the window the scan says so.
        let early = assess(record(scanDate: "2026-10-22"), asOf: day("2026-11-05"))
        let earlyScan = try #require(early.rule("boneHealth.mda.timePoint").first { $0.subject == .study("BS1") })
        #expect(earlyScan.title.en.contains("stable disease (SD)"))
        #expect(earlyScan.detail.en.contains("within the flare window: flare not excluded"), "\(earlyScan.detail.en)")
    }

    /// The CT's flare must be flare: where the CT read the new L3 lytic, progression is not
    /// excluded, and the scan's foci are progression once past the window.
    @Test func aCTThatShowsProgressionLeavesTheScanProgression() throws {
        let a = assess(record(ctL3: .lytic), asOf: day("2026-11-05"))
        let ct = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("CT1") })
        #expect(ct.title.en.contains("progressive disease (PD)"))
        let scan = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("BS1") })
        #expect(scan.title.en.contains("progressive disease (PD)"), "\(scan.title.en)")
        #expect(!scan.detail.en.contains("flare not excluded"))
    }

    /// A lesion known on CT, cold on one scan and hot on the next, is a hotter lesion (MDA: PD
    /// once flare is excluded); cold on both, the scan cannot follow it.
    @Test func aKnownColdLesionThatTakesUpIsHotter() {
        var prior = observation("L1") { $0.uptake = false }
        let hot = observation("L1") { $0.uptake = true }
        #expect(MDA.classify(prior: prior, current: hot, modality: .boneScan).category == .progressiveDisease)
        #expect(MDA.classify(prior: prior, current: prior, modality: .boneScan).category == .notEvaluable)
        prior.uptake = true
        #expect(MDA.classify(prior: prior, current: hot, modality: .boneScan).category == .stableDisease)
        // In a record: a lytic femur known on CT, cold on the first scan, hot a year later.
        var r = baseCase()
        r.studies.append(ImagingStudy(id: "B1", date: day("2023-01-06"), modality: .boneScan, observations: [observation("L1") { $0.uptake = false }]))
        r.studies.append(ImagingStudy(id: "B2", date: day("2024-01-06"), modality: .boneScan, observations: [observation("L1") { $0.uptake = true }]))
        let a = assess(r, asOf: day("2024-02-01"))
        let scan = a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("B2") }
        #expect(scan?.detail.en.contains("uptake where there was none") == true, "\(scan?.detail.en ?? "none")")
    }
}

@Suite struct AFractureInTheDifferentialIsNotCountedTests {
    /// cb21-d (unseen record, 2026-12-03): a breast cancer whose denosumab stopped on 2025-12-01;
    /// eleven months later the MRI shows T8 (> 50 %, mechanical pain) and L4 collapsed, no
    /// destruction. The rebound-fracture differential said "before treating it as a metastasis
    /// (its scores, surgery or radiotherapy) …"; the same assessment counted two pathological
    /// fractures as skeletal-related events, gave PATHFx "fracture pathological" and advised
    /// "radiotherapy by histology" for T8 with nothing of the differential.
    func record(destruction: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L2")),
            Lesion(id: "T8", bone: .vertebra, level: VertebralLevel("T8")),
        ]
        r.studies = [
            ct("C0", "2022-05-10", [observation("L2", .lytic, [18, 15]) { $0.boneDestruction = true }]),
            ct("C1", "2024-05-10", [observation("L2", .blastic) { $0.fillIn = .complete }, observation("T8") { $0.present = false }]),
            ImagingStudy(id: "M2", date: day("2026-10-28"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: [
                observation("T8") {
                    $0.collapse = .over50; $0.fracture = true; $0.boneDestruction = destruction; $0.escc = .g0
                    $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none
                },
            ]),
        ]
        r.treatments.append(Treatment(
            id: "D1", kind: .boneModifyingAgent, start: day("2022-05-25"), end: day("2025-12-01"), stopReason: .patientChoice, agent: .denosumab,
            doseMg: 120, doses: [day("2025-11-03")]))
        r.pain = [PainRecord(date: day("2026-10-28"), lesion: "T8", sins: .mechanical, nrs: 7)]
        return r
    }

    @Test func theFractureIsNamedApartAndTheSpineAdviceWaitsForATumour() throws {
        let a = assess(record(), asOf: day("2026-11-02"))
        #expect(a.has("diagnosis.differential.fractureAfterDenosumab", subject: .lesion("T8")))
        // No skeletal-related event but that fracture: none is counted.
        #expect(!a.has("boneAgents.sreHistory"))
        let noms = try #require(a.rule("surgery.spine.noms").first { $0.subject == .lesion("T8") })
        #expect(noms.detail.en.contains("No tumour has been seen at this fracture and a rebound fracture after denosumab was stopped (2025-12-01) is in the differential"), "\(noms.detail.en)")
        #expect(noms.detail.zhHans.contains("需鉴别地舒单抗停药（2025-12-01）后反弹性骨折"))
        let pathfx = try #require(a.rule("surgery.prognosis.survivalModelInputs").first)
        #expect(pathfx.detail.en.contains("fracture impending (not fractured)"), "\(pathfx.detail.en)")
        // With radiotherapy to bone on record, the fracture is named apart from the events counted.
        var withRadiotherapy = record()
        withRadiotherapy.treatments.append(Treatment(id: "RT", kind: .radiotherapy, name: "L2 30Gy/10F", lesions: ["L2"], start: day("2022-06-01")))
        let sre = try #require(assess(withRadiotherapy, asOf: day("2026-11-02")).rule("boneAgents.sreHistory").first)
        #expect(sre.title.en.hasPrefix("1 skeletal-related event"), "\(sre.title.en)")
        #expect(sre.detail.en.contains("Not counted until a metastasis is seen there — fractures where no tumour was seen: 2026-10-28 T8 vertebra (rebound fracture after denosumab was stopped (2025-12-01) in the differential)"), "\(sre.detail.en)")
    }

    /// Destruction seen at the fracture: a pathological fracture through a metastasis, counted.
    @Test func destructionMakesItAPathologicalFracture() throws {
        let a = assess(record(destruction: true), asOf: day("2026-11-02"))
        #expect(!a.has("diagnosis.differential.fractureAfterDenosumab"))
        let sre = try #require(a.rule("boneAgents.sreHistory").first)
        #expect(sre.detail.en.contains("pathological fracture, T8 vertebra (seen on MRI)"), "\(sre.detail.en)")
        let noms = try #require(a.rule("surgery.spine.noms").first { $0.subject == .lesion("T8") })
        #expect(!noms.detail.en.contains("No tumour has been seen"))
    }
}

@Suite struct TheLastScoreIsBeforeTheFractureTests {
    /// cb21-h (unseen record, 2026-12-03): a femoral neck, lytic on the PET-CT of 08-10, broke on
    /// 08-11; the X-ray of 08-12 shows the fracture. "Mirels … no longer applies (last score 7–11,
    /// 2026-08-12)" named a score read from the film of the fracture, not of its risk.
    @Test func theFilmOfTheFractureIsNoScore() throws {
        var r = baseCase()
        r.studies.append(ImagingStudy(id: "X3", date: day("2023-03-26"), modality: .xray, observations: [
            observation("L1", .lytic) { $0.fracture = true; $0.mirelsSize = .moreThanTwoThirds },
        ]))
        r.events = [ClinicalEvent(date: day("2023-03-25"), kind: .pathologicalFracture, lesion: "L1")]
        let broken = try #require(assess(r, asOf: day("2023-04-01")).rule("surgery.mirels.fractured").first)
        #expect(broken.detail.en.hasPrefix("Pathological fracture: Mirels scores the risk of one and no longer applies (last score before it, 7–11, 2023-03-20)."), "\(broken.detail.en)")
        #expect(broken.detail.zhHans.contains("（骨折前最近评分 7–11 分，2023-03-20）"))
        // Broken before any reading of it: no score to name.
        r.events = [ClinicalEvent(date: day("2023-01-02"), kind: .pathologicalFracture, lesion: "L1")]
        let early = try #require(assess(r, asOf: day("2023-04-01")).rule("surgery.mirels.fractured").first)
        #expect(early.detail.en.hasPrefix("Pathological fracture: Mirels scores the risk of one and no longer applies. "), "\(early.detail.en)")
    }
}

@Suite struct PainWithoutASiteTests {
    /// cb20-t (unseen record): a triple-negative breast cancer's left femoral shaft, lytic, 1/3–2/3
    /// of the diameter; the only pain record is the patient's ("functional", NRS 7, no lesion).
    /// The femur read "pain unknown" and nothing of that record.
    @Test func theScoreSaysWhatThePainWouldMakeIt() throws {
        var r = baseCase()
        r.studies.append(ImagingStudy(id: "X1", date: day("2023-03-21"), modality: .xray, observations: [
            observation("L1", .lytic) { $0.mirelsSize = .oneThirdToTwoThirds },
        ]))
        r.pain = [PainRecord(date: day("2023-03-21"), mirels: .functional, nrs: 7)]
        let mirels = try #require(assess(r, asOf: day("2023-04-01")).findings.first { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("L1") })
        #expect(mirels.detail.en.contains("pain: unknown"), "\(mirels.detail.en)")
        #expect(mirels.detail.en.contains("A pain record names no site (2023-03-21: functional (with limb use)): if it is this limb's pain, Mirels is 10 — record the pain at its lesion."), "\(mirels.detail.en)")
        #expect(mirels.detail.zhHans.contains("若为此肢体疼痛，Mirels 为 10 分"))
        // Never scored as the limb's: the total stays a range.
        #expect(mirels.title.en.contains("8–10"), "\(mirels.title.en)")
        // Pain recorded at the lesion: the score has it, and nothing more is said.
        r.pain.append(PainRecord(date: day("2023-03-21"), lesion: "L1", mirels: .moderate, nrs: 4))
        let scored = try #require(assess(r, asOf: day("2023-04-01")).findings.first { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("L1") })
        #expect(!scored.detail.en.contains("names no site"))
    }
}

@Suite struct UnknownPrimaryWithABiopsyTests {
    /// cb21-j (unseen record, 2026-12-03): a man with lytic T4, rib and ilium on PET-CT and no
    /// known primary; the iliac biopsy showed "metastatic adenocarcinoma, CK7+, TTF-1+, NapsinA+".
    /// The T4's NOMS read "O: radiosensitivity unknown (histology needed)" — the histology was on
    /// record; what was missing is the primary.
    @Test func theBiopsysHistologyIsNamedAndThePrimaryAskedFor() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .unknown)]
        r.lesions = [Lesion(id: "T4", bone: .vertebra, level: VertebralLevel("T4")), Lesion(id: "IL", bone: .pelvis, laterality: .right)]
        r.studies = [
            ct("C1", "2026-11-02", [
                observation("T4", .lytic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = .unilateral },
                observation("IL", .lytic) { $0.boneDestruction = true },
            ]),
        ]
        r.treatments = []
        r.biopsies = [Biopsy(lesion: "IL", date: day("2026-11-08"), result: .metastasis, histology: "转移性腺癌，CK7+，TTF-1+，NapsinA+")]
        let noms = try #require(assess(r, asOf: day("2026-11-15")).rule("surgery.spine.noms").first)
        #expect(noms.detail.en.contains("O: radiosensitivity unknown — primary not identified (转移性腺癌，CK7+，TTF-1+，NapsinA+)"), "\(noms.detail.en)")
        #expect(!noms.detail.en.contains("histology needed"))
        // No biopsy: the histology is what is needed.
        r.biopsies = []
        let open = try #require(assess(r, asOf: day("2026-11-15")).rule("surgery.spine.noms").first)
        #expect(open.detail.en.contains("O: radiosensitivity unknown (histology needed)"), "\(open.detail.en)")
    }
}

@Suite struct OneExaminationOneMirelsScoreTests {
    /// cb21-l (unseen record, 2026-12-03): a DLBCL of the distal femur, MRI and X-ray on the same
    /// morning. The history read "2026-09-25 7–11, 2026-09-25 7": the MRI scored alone (no film
    /// size, and before that day's pain), then the film.
    @Test func studiesOfOneDayScoreOnce() throws {
        var r = baseCase()
        r.studies = [
            ImagingStudy(id: "M0", date: day("2023-01-05"), modality: .mri, observations: [observation("L1", .lytic, [60, 40])]),
            ImagingStudy(id: "X0", date: day("2023-01-05"), modality: .xray, observations: [observation("L1", .mixed) { $0.fractionOfDiameter = 0.5 }]),
            ImagingStudy(id: "X1", date: day("2023-03-05"), modality: .xray, observations: [observation("L1", .mixed) { $0.fractionOfDiameter = 0.5 }]),
        ]
        r.pain = [PainRecord(date: day("2023-01-05"), lesion: "L1", mirels: .moderate, nrs: 5), PainRecord(date: day("2023-03-05"), lesion: "L1", mirels: .mild, nrs: 2)]
        let mirels = try #require(assess(r, asOf: day("2023-03-10")).findings.first { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("L1") })
        // 2023-01-05: lower limb 2 + moderate 2 + mixed 2 + 1/3–2/3 2 = 8; 2023-03-05: mild 1 → 7.
        #expect(mirels.detail.en.contains("History: 2023-01-05 8, 2023-03-05 7."), "\(mirels.detail.en)")
    }
}

@Suite struct ASolitaryLesionHealedUnderTherapyTests {
    /// cb21-n (unseen record, 2026-12-03): a breast cancer's T11, lytic in March 2024, the only
    /// lesion known, never biopsied; letrozole and abemaciclib since; completely filled in on the
    /// CT of 2026-03-01 (MDA CR). It read "biopsy indicated … lytic or mixed lesions can be
    /// biopsied at any time" beside that CR.
    func record(planned: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T11", bone: .vertebra, level: VertebralLevel("T11"))]
        r.studies = [
            ct("C0", "2024-03-01", [observation("T11", .lytic, [20, 16]) { $0.boneDestruction = true }]),
            ct("C2", "2026-03-01", [observation("T11", .blastic) { $0.fillIn = .complete }]),
        ]
        r.treatments = [Treatment(id: "AI", kind: .systemic, name: "来曲唑+阿贝西利", start: day("2024-03-10"))]
        if planned { r.treatments.append(Treatment(id: "OP", kind: .surgery, name: "T11 椎体成形", lesions: ["T11"], planned: true)) }
        return r
    }

    @Test func theHealedLesionIsNotSentForBiopsy() throws {
        let a = assess(record(), asOf: day("2026-05-20"))
        #expect(!a.has("diagnosis.biopsy.indicated"))
        let healed = try #require(a.rule("diagnosis.biopsy.healed").first)
        #expect(healed.subject == .lesion("T11") && healed.severity == .info && healed.date == day("2026-03-01"))
        #expect(healed.title.en == "T11 vertebra: healed under systemic therapy — biopsy no longer recommended")
        #expect(healed.detail.en.contains("A biopsy was indicated (bone lesion of unknown nature, the only one known"), "\(healed.detail.en)")
        #expect(healed.title.zhHans == "T11 椎体：已在全身治疗中成骨修复——不再建议活检")
        // Before it healed, the indication stands.
        #expect(assess(record(), asOf: day("2024-04-01")).has("diagnosis.biopsy.indicated", subject: .lesion("T11")))
        // An operation planned on it: tissue is confirmed at it.
        #expect(assess(record(planned: true), asOf: day("2026-05-20")).has("diagnosis.biopsy.indicated", subject: .lesion("T11")))
    }
}

@Suite struct OneSiteTwoRecordsTests {
    /// cb21-n (unseen record, 2026-12-03): a breast cancer's T11, lytic on the CT of 2024-03-01
    /// (record "T11"); the next CT's report was entered as a lesion of its own, "T11b" (outside
    /// report). A stable lytic T11b read "PD — new lytic lesion" though the advisory asked
    /// whether the two records are one lesion.
    func record(follow: LesionObservation) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "T11", bone: .vertebra, level: VertebralLevel("T11")),
            Lesion(id: "T11b", bone: .vertebra, level: VertebralLevel("T11"), note: "外院报告"),
        ]
        r.studies = [
            ct("C0", "2024-03-01", [observation("T11", .lytic, [20, 16]) { $0.boneDestruction = true }]),
            ct("C1", "2025-03-01", [follow]),
        ]
        r.treatments = [Treatment(id: "AI", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2024-03-10"))]
        return r
    }

    @Test func theFollowUpIsComparedWithTheOtherRecord() throws {
        let stable = assess(record(follow: observation("T11b", .lytic, [20, 16]) { $0.boneDestruction = true }), asOf: day("2025-04-01"))
        let point = try #require(stable.rule("boneHealth.mda.timePoint").first { $0.subject == .study("C1") })
        #expect(point.title.en.contains("stable disease (SD)"), "\(point.title.en)")
        #expect(point.detail.en.contains("compared with the same site's record T11 on the CT of 2024-03-01"), "\(point.detail.en)")
        #expect(point.detail.zhHans.contains("与同一部位的病灶记录 T11（2024-03-01 CT 检查）比较"))
        #expect(stable.has("diagnosis.record.sameSite"))
        // Growth across the records is still progression.
        let grown = assess(record(follow: observation("T11b", .lytic, [30, 24]) { $0.boneDestruction = true }), asOf: day("2025-04-01"))
        let grownPoint = try #require(grown.rule("boneHealth.mda.timePoint").first { $0.subject == .study("C1") })
        #expect(grownPoint.title.en.contains("progressive disease (PD)"))
        #expect(!grownPoint.detail.en.contains("new lytic lesion"), "\(grownPoint.detail.en)")
    }
}

@Suite struct ColdBlasticFocusIsNoMetastasisYetTests {
    /// cb21-s (unseen record, 2026-12-03): a lung squamous-cell carcinoma, lytic T5 with a
    /// soft-tissue component; an 8 mm sclerotic focus of the ilium, no destruction, cold on the
    /// PET-CT. "Follow up" (the source hospital's rule for an unexplained pure blastic lesion
    /// without uptake) — yet every score counted it: "multiple" bone metastases, Tomita 6
    /// instead of 5, Tokuhashi's extraspinal foci 1, and T5 was not the solitary lesion it is.
    func record(prostate: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: prostate ? .prostate : .lung, histology: prostate ? "腺癌" : "鳞癌", diagnosed: day("2026-10"))]
        r.lesions = [Lesion(id: "IL", bone: .pelvis, laterality: .right), Lesion(id: "T5", bone: .vertebra, level: VertebralLevel("T5"))]
        r.studies = [
            ct("CT", "2026-10-20", [
                observation("IL", .blastic, [8, 6]) { $0.boneDestruction = false },
                observation("T5", .lytic) { $0.boneDestruction = true; $0.softTissueMm = 12 },
            ]),
            ImagingStudy(id: "PET", date: day("2026-10-25"), modality: .petCt, observations: [
                observation("IL") { $0.uptake = false }, observation("T5") { $0.uptake = true },
            ]),
        ]
        r.treatments = []
        return r
    }

    @Test func theFocusFollowedUpIsNotCountedAndT5IsSolitary() throws {
        let a = assess(record(), asOf: day("2026-11-01"))
        #expect(a.has("diagnosis.blastic.noUptakeFollowUp", subject: .lesion("IL")))
        let tomita = try #require(a.rule("surgery.prognosis.tomita").first)
        #expect(tomita.detail.en.contains("solitary or isolated bone metastasis → 1"), "\(tomita.detail.en)")
        let katagiri = try #require(a.rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("multiple skeletal metastases: no → 0"), "\(katagiri.detail.en)")
        #expect(a.has("diagnosis.biopsy.indicated", subject: .lesion("T5")))
        // In prostate cancer a blastic focus is the typical metastasis: counted.
        let prostate = assess(record(prostate: true), asOf: day("2026-11-01"))
        let counted = try #require(prostate.rule("surgery.prognosis.tomita").first)
        #expect(counted.detail.en.contains("multiple bone metastases → 2"), "\(counted.detail.en)")
    }
}

@Suite struct NewSclerosisOnAPETCTTests {
    /// cb21-u (unseen record, 2026-12-03): a castration-sensitive prostate cancer on goserelin and
    /// apalutamide from 2026-06-01; on the PSMA PET-CT of 09-20 (16 weeks, past the flare window)
    /// L1 and the ischium took up 65–70 % less, PSA 85 → 0.8, and a new rib focus read blastic on
    /// the PET-CT's CT. "PD — new focus of uptake": the seed's "new sclerosis under therapy is
    /// response, not progression" held on CT but not on the CT of a PET-CT.
    func record(character: LesionCharacter) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2026-05"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L1")), Lesion(id: "R7", bone: .rib, laterality: .right)]
        r.studies = [
            ImagingStudy(id: "PS0", date: day("2026-05-20"), modality: .petCt, observations: [
                observation("L1", .blastic) { $0.uptake = true }, observation("R7") { $0.uptake = false },
            ]),
            ImagingStudy(id: "PS1", date: day("2026-09-20"), modality: .petCt, observations: [
                observation("L1") { $0.uptake = true; $0.uptakeChangePercent = -70 },
                observation("R7", character) { $0.uptake = true; $0.boneDestruction = character == .lytic },
            ]),
        ]
        r.treatments = [Treatment(id: "ADT", kind: .systemic, name: "戈舍瑞林+阿帕他胺", start: day("2026-06-01"))]
        return r
    }

    @Test func newSclerosisUnderTherapyIsNotProgressionOnThePETCTEither() throws {
        let a = assess(record(character: .blastic), asOf: day("2026-09-25"))
        let point = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("PS1") })
        #expect(point.title.en.contains("partial response (PR)"), "\(point.title.en)")
        #expect(point.detail.en.contains("right rib: SD — new focus of uptake, new sclerosis under therapy is not progression by itself"), "\(point.detail.en)")
        // A new lytic lesion on it is progression.
        let lytic = assess(record(character: .lytic), asOf: day("2026-09-25"))
        let lyticPoint = try #require(lytic.rule("boneHealth.mda.timePoint").first { $0.subject == .study("PS1") })
        #expect(lyticPoint.title.en.contains("progressive disease (PD)"), "\(lyticPoint.title.en)")
    }
}

@Suite struct TissueAtTheOperationInAnEmergencyTests {
    /// cb21-v (unseen record, 2026-12-03): a hepatocellular carcinoma (AFP 1 200), T11 lytic with
    /// ESCC 3, myelopathy, Frankel C, no whole-body survey. "Emergency spine referral, tissue
    /// diagnosis first" — while the same finding asks for definitive treatment within 24 hours
    /// (NICE NG234): the decompression does not wait for a biopsy; tissue is taken at it.
    func record(deficit: Bool) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .liver, histology: "肝细胞癌", diagnosed: day("2025-08"))]
        r.lesions = [Lesion(id: "T11", bone: .vertebra, level: VertebralLevel("T11"))]
        r.studies = [
            ImagingStudy(id: "MR", date: day("2026-11-10"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: [
                observation("T11", .lytic) {
                    $0.boneDestruction = true; $0.collapse = .under50; $0.posterolateral = .bilateral; $0.alignment = .normal; $0.escc = .g3
                },
            ]),
        ]
        r.treatments = []
        r.neurology = [NeurologyRecord(date: day("2026-11-10"), status: deficit ? .myelopathy : .intact, frankel: deficit ? .C : .E)]
        return r
    }

    @Test func theEmergencyTakesTissueAtTheOperation() throws {
        let noms = try #require(assess(record(deficit: true), asOf: day("2026-11-11")).rule("surgery.spine.noms").first)
        #expect(noms.title.en.hasSuffix("emergency spine referral, tissue at the operation"), "\(noms.title.en)")
        #expect(noms.title.zhHans.hasSuffix("术中取病理"))
        #expect(noms.detail.en.contains("with a neurological deficit the decompression does not wait for a biopsy: send tissue for frozen section"), "\(noms.detail.en)")
        #expect(!noms.detail.en.contains("Biopsy first"))
        // Without a deficit the biopsy comes first.
        let intact = try #require(assess(record(deficit: false), asOf: day("2026-11-11")).rule("surgery.spine.noms").first)
        #expect(intact.title.en.hasSuffix("tissue diagnosis first"), "\(intact.title.en)")
        #expect(intact.detail.en.contains("Biopsy first: no tissue diagnosis yet"))
    }
}
