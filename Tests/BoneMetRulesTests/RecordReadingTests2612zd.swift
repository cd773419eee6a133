@testable import BoneMetRules
import Testing

/// cb79-g (unseen record, 2026-12-05): a castration-resistant prostate cancer with L2 and the
/// left ilium on record; two follow-up bone scans each with two new hot spots, not itemised
/// (`unnamedNewLesions`). Tokuhashi counted "vertebral body metastases 1 → 2" and "extraspinal
/// foci 1 → 1" as if the four new lesions were nowhere, and one recorded lesion beside such a
/// scan would have been "solitary" for Tomita, Katagiri and PATHFx. Where the new lesions are
/// is not on record: the counts are lower bounds, and no lesion is known to be the only one
/// (Tokuhashi 2005, Tomita 2001 and Katagiri 2014 count the metastases there are). Rule set
/// 2026.12.314.
@Suite struct UnitemisedNewLesionsCountTests {
    let base = SkeletonSurveyTests()

    func scan(_ id: String, _ date: String, _ lesions: [String], new: Int?) -> ImagingStudy {
        var study = survey(id, date, lesions)
        study.unnamedNewLesions = new
        return study
    }

    func record(lesions: [Lesion], newOnLaterScan: Int?) -> CaseRecord {
        var r = base.record([
            scan("B1", "2025-06-01", lesions.map(\.id), new: nil), base.thoracicCT(lesions.map(\.id)),
            scan("B2", "2025-10-01", lesions.map(\.id), new: newOnLaterScan),
        ], lesions: lesions)
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: "前列腺腺癌", diagnosed: day("2024-06"), castrationResistant: true)]
        return r
    }

    let two = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T8")), Lesion(id: "L2", bone: .rib, laterality: .left)]

    @Test func newLesionsNotItemisedLeaveTokuhashisCountsOpen() throws {
        let a = assess(record(lesions: two, newOnLaterScan: 2), asOf: day("2025-10-20"))
        let vertebral = try #require(base.component(a.tokuhashi?.components, "vertebralBodyMets"))
        #expect(vertebral.points == nil && vertebral.possible == 0...2, "one vertebra known, more possible: 2, 1 or 0")
        #expect(vertebral.valueLabel?.en == "at least 1 (new lesions on imaging not itemised)")
        #expect(vertebral.valueLabel?.zhHans == "至少 1 处（影像所示新发病灶未逐一记录）")
        let extraspinal = try #require(base.component(a.tokuhashi?.components, "extraspinalBoneMets"))
        #expect(extraspinal.points == nil && extraspinal.possible == 0...1)
        #expect(extraspinal.valueLabel?.en == "at least 1 (new lesions on imaging not itemised)")
    }

    /// The same scans without new lesions: the survey settles the counts (as before).
    @Test func withoutThemTheSurveySettlesTheCounts() throws {
        let a = assess(record(lesions: two, newOnLaterScan: nil), asOf: day("2025-10-20"))
        #expect(base.component(a.tokuhashi?.components, "vertebralBodyMets")?.points == 2)
        #expect(base.component(a.tokuhashi?.components, "extraspinalBoneMets")?.points == 1)
        // Zero written is none.
        let zero = assess(record(lesions: two, newOnLaterScan: 0), asOf: day("2025-10-20"))
        #expect(base.component(zero.tokuhashi?.components, "vertebralBodyMets")?.points == 2)
    }

    /// Before the scan that shows them, they are not yet known.
    @Test func theScanNotYetMadeCountsNothing() throws {
        let a = assess(record(lesions: two, newOnLaterScan: 2), asOf: day("2025-09-20"))
        #expect(base.component(a.tokuhashi?.components, "vertebralBodyMets")?.points == 2)
    }

    /// One lesion recorded beside new ones not itemised is not "solitary": Tomita, Katagiri and
    /// PATHFx leave it open, and the biopsy reason says the lesion is the only one recorded.
    @Test func oneRecordedLesionBesideThemIsNotSolitary() throws {
        let one = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T8"))]
        let a = assess(record(lesions: one, newOnLaterScan: 3), asOf: day("2025-10-20"))
        let tomita = try #require(base.component(a.tomita?.components, "boneMets"))
        #expect(tomita.points == nil && tomita.possible == 1...2)
        #expect(base.component(a.katagiri?.components, "multipleSkeletalMets")?.points == nil)
        #expect(a.rule("surgery.prognosis.survivalModelInputs").first?.inputs.contains(FindingInput("boneMetastases", "unknown")) == true)
        let solitary = assess(record(lesions: one, newOnLaterScan: nil), asOf: day("2025-10-20"))
        #expect(base.component(solitary.tomita?.components, "boneMets")?.value == "solitary")
        let biopsy = try #require(a.rule("diagnosis.biopsy.indicated").first)
        #expect(biopsy.detail.en.contains("the only one recorded (the bone scan of 2025-10-01 shows new lesions not itemised)"), "\(biopsy.detail.en)")
        #expect(biopsy.detail.zhHans.contains("2025-10-01 骨扫描（ECT）所示新发病灶未逐一记录"), "\(biopsy.detail.zhHans)")
        let before = try #require(solitary.rule("diagnosis.biopsy.indicated").first)
        #expect(before.detail.en.contains("solitary bone lesion of unknown nature"))
    }
}

/// cb79-f (unseen record, 2026-12-05): a 72-year-old without a known primary, lytic skull, ribs
/// and pelvis, calcium 11.4 mg/dL, creatinine 2.3, haemoglobin 88 g/L and a serum M protein of
/// 32 g/L. The myeloma differential still ordered "serum and urine protein electrophoresis with
/// immunofixation and serum free light chains" — the serum electrophoresis is what found the M
/// protein. The work-up asks for what is not on record (IMWG: electrophoresis with
/// immunofixation of serum and urine, serum free light chains; Rajkumar 2014). Rule set
/// 2026.12.314.
@Suite struct MyelomaWorkUpOnRecordTests {
    func record(labs: [LabResult]) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "cb79-f", sex: .male, birthDate: day("1954-04-04"))
        r.primaries = []
        r.lesions = [Lesion(id: "L1", bone: .skull, note: "颅骨多发"), Lesion(id: "L2", bone: .rib, laterality: .left), Lesion(id: "L3", bone: .pelvis, laterality: .right)]
        r.studies = [ct("C1", "2026-11-21", ["L1", "L2", "L3"].map { observation($0, .lytic) { $0.boneDestruction = true } })]
        r.treatments = []
        r.labs = [
            LabResult(date: day("2026-11-21"), test: .hemoglobin, value: 8.8, unit: "g/dL"),
            LabResult(date: day("2026-11-21"), test: .creatinine, value: 2.3, unit: "mg/dL"),
        ] + labs
        return r
    }

    func detail(_ labs: [LabResult]) throws -> LocalizedText {
        try #require(assess(record(labs: labs), asOf: day("2026-11-29")).rule("diagnosis.differential.myeloma").first).detail
    }

    @Test func anMProteinOnRecordIsNotOrderedAgain() throws {
        let text = try detail([LabResult(date: day("2026-11-22"), test: .mProtein, value: 32, unit: "g/L")])
        #expect(!text.en.contains("Order serum and urine protein electrophoresis"), "\(text.en)")
        #expect(text.en.contains("Serum protein electrophoresis on record: type the M protein by immunofixation if not done, and order urine protein electrophoresis with immunofixation and serum free light chains"), "\(text.en)")
        #expect(text.zhHans.contains("已有血清蛋白电泳结果：如未做免疫固定电泳，请行免疫固定电泳分型 M 蛋白"), "\(text.zhHans)")
    }

    @Test func nothingOnRecordOrdersTheWholeWorkUp() throws {
        let text = try detail([])
        #expect(text.en.contains("Order serum and urine protein electrophoresis with immunofixation and serum free light chains"), "\(text.en)")
        #expect(text.zhHans.contains("请查血、尿蛋白电泳及免疫固定电泳、血清游离轻链"))
    }

    /// Electrophoresis without an M protein: immunofixation is the more sensitive test.
    @Test func electrophoresisWithoutAnMProteinAsksForImmunofixation() throws {
        let text = try detail([LabResult(date: day("2026-11-22"), test: .mProtein, value: 0, unit: "g/dL")])
        #expect(text.en.contains("Serum protein electrophoresis (no M protein) on record: order serum immunofixation, urine protein electrophoresis with immunofixation and serum free light chains"), "\(text.en)")
        let both = try detail([
            LabResult(date: day("2026-11-22"), test: .mProtein, value: 0, unit: "g/dL"),
            LabResult(date: day("2026-11-22"), test: .freeLightChainRatio, value: 1.1, unit: "ratio", upperLimit: 1.65, lowerLimit: 0.26),
        ])
        #expect(both.en.contains("Serum protein electrophoresis (no M protein) and free light chains on record: order serum immunofixation and urine protein electrophoresis with immunofixation"), "\(both.en)")
    }

    @Test func lightChainsOnRecordAreNotOrderedAgain() throws {
        let text = try detail([LabResult(date: day("2026-11-22"), test: .freeLightChainRatio, value: 1.1, unit: "ratio", upperLimit: 1.65, lowerLimit: 0.26)])
        #expect(text.en.contains("Serum free light chains on record: order serum and urine protein electrophoresis with immunofixation"), "\(text.en)")
        let mixed = try detail([
            LabResult(date: day("2026-11-22"), test: .mProtein, value: 32, unit: "g/L"),
            LabResult(date: day("2026-11-22"), test: .freeLightChainRatio, value: 8.2, unit: "ratio", upperLimit: 1.65, lowerLimit: 0.26),
        ])
        #expect(mixed.en.contains("Serum protein electrophoresis and free light chains on record: type the M protein by immunofixation if not done, and order urine protein electrophoresis with immunofixation"), "\(mixed.en)")
    }
}

/// cb79-c (unseen record, 2026-12-05): a nasopharyngeal "非角化性未分化型癌" with a C2 lesion,
/// SINS 8, ESCC 1b. NOMS "O" read "head and neck — radiosensitivity unknown (histology
/// needed)": the histology was on record; what the sources lack is its class (Laufer 2013 and
/// reference.md name no head and neck tumour). Said as for a histology the classes do not name.
/// Rule set 2026.12.314.
@Suite struct NOMSHistologyOnRecordTests {
    func record(histology: String?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .headAndNeck, histology: histology, diagnosed: day("2024-09"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("C2"))]
        r.studies = [
            ImagingStudy(id: "C1", date: day("2026-11-15"), modality: .ct, windows: [.bone], coverage: [.cervicalSpine], observations: [
                observation("L1", .lytic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none; $0.escc = .g1b }
            ])
        ]
        r.treatments = []
        return r
    }

    func spine(_ histology: String?) throws -> Finding {
        try #require(assess(record(histology: histology), asOf: day("2026-11-29")).findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("L1") })
    }

    @Test func aHistologyOnRecordIsNotAskedFor() throws {
        let finding = try spine("鼻咽非角化性未分化型癌")
        #expect(finding.detail.en.contains("O: head and neck, \"鼻咽非角化性未分化型癌\" — a tumour type the radiosensitivity classes of NOMS do not name: radiation oncology judges it"), "\(finding.detail.en)")
        #expect(!finding.detail.en.contains("histology needed"))
        #expect(finding.detail.zhHans.contains("NOMS 的放疗敏感性分类未包括此肿瘤类型：由放疗科判断"), "\(finding.detail.zhHans)")
    }

    @Test func noHistologyIsStillAskedFor() throws {
        #expect(try spine(nil).detail.en.contains("radiosensitivity unknown (histology needed)"))
        #expect(try spine("").detail.en.contains("radiosensitivity unknown (histology needed)"))
    }
}

/// cb79-i (unseen record, 2026-12-05): a renal cancer's subtrochanteric femur — X-ray and CT in
/// September, a prophylactic nail on 2026-09-20, 20 Gy/5F after it, and a check X-ray on
/// 2026-10-20. The X-ray pair was set aside as the operation's picture (a check film sooner than
/// a treatment shows in bone), and then "X-ray of 2026-10-20: response not assessed — no earlier
/// X-ray to compare with" was said beside the X-ray of 2026-09-01. The advisory is for a study
/// whose method has no earlier reading of its lesions (Hamaoka 2004; RECIST 1.1 — the same
/// method at baseline and follow-up). Rule set 2026.12.314.
@Suite struct CheckFilmBesideAnEarlierFilmTests {
    func record(earlierFilm: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histology: "透明细胞肾细胞癌", diagnosed: day("2022-02"))]
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .peritrochanteric, laterality: .left)]
        let film = { (id: String, date: String) in
            ImagingStudy(id: id, date: day(date), modality: .xray, coverage: [.leftLowerLimb], observations: [observation("L1", .lytic) { $0.fractionOfDiameter = 0.6 }])
        }
        r.studies = (earlierFilm ? [film("X1", "2026-09-01")] : []) + [
            ct("C1", "2026-09-02", [observation("L1", .lytic, [45, 30]) { $0.boneDestruction = true; $0.softTissueMm = 15 }]),
            film("X2", "2026-10-20"),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "培唑帕尼", drugs: ["pazopanib"], start: day("2025-01-10")),
            Treatment(id: "T2", kind: .surgery, name: "左股骨预防性髓内钉固定术", lesions: ["L1"], start: day("2026-09-20")),
            Treatment(id: "T3", kind: .radiotherapy, name: "左股骨术后放疗 20Gy/5F", lesions: ["L1"], start: day("2026-10-10"), end: day("2026-10-16")),
        ]
        return r
    }

    @Test func aCheckFilmBesideAnEarlierFilmIsNotSaidToHaveNone() {
        let a = assess(record(earlierFilm: true), asOf: day("2026-11-29"))
        #expect(!a.has("boneHealth.mda.noComparableStudy"), "\(a.rule("boneHealth.mda.noComparableStudy").map(\.title.en))")
    }

    /// Without the earlier film the CT is the lesion's only baseline: the advisory stands.
    @Test func aFilmWithoutAnEarlierOneIsStillNamed() throws {
        let finding = try #require(assess(record(earlierFilm: false), asOf: day("2026-11-29")).rule("boneHealth.mda.noComparableStudy").first)
        #expect(finding.title.en.contains("no earlier X-ray to compare with"))
    }
}

/// cb79-p (unseen record, 2026-12-05): an ALK-positive lung cancer on alectinib; its left
/// proximal femur entered from two reports — "左股骨上段" on the staging CT of 2025-11, "左股骨近端"
/// (side recorded, no segment) on the CT of 2026-10-15 that did not mention the first record. The
/// second record read as a new lytic lesion: "CT of 2026-10-15: PD" on an effective targeted
/// therapy, and the first record kept "impending fracture, Mirels 8–11" from the year-old CT.
/// A long bone's site is its side and segment as recorded or as the note names them: the two
/// records are one site, asked about (`diagnosis.record.sameSite`), compared across
/// (`sameSiteReading`), and the older record's score names the newer one. Rule set 2026.12.314.
@Suite struct SiteNamedInTheNoteTests {
    func record() -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌，ALK融合阳性", diagnosed: day("2025-11"))]
        r.lesions = [Lesion(id: "L2", bone: .femur, note: "左股骨上段"), Lesion(id: "L3", bone: .femur, laterality: .left, note: "左股骨近端")]
        r.studies = [
            ct("C1", "2025-11-10", [observation("L2", .lytic) { $0.boneDestruction = true; $0.mirelsSize = .oneThirdToTwoThirds }]),
            ct("C2", "2026-10-15", [observation("L3", .mixed) { $0.scleroticRim = true; $0.mirelsSize = .oneThirdToTwoThirds }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "阿来替尼", drugs: ["alectinib"], start: day("2025-12-01"))]
        return r
    }

    @Test func twoRecordsOfOneSiteNamedByTheirNotesAreOneSite() throws {
        let a = assess(record(), asOf: day("2026-11-29"))
        #expect(a.has("diagnosis.record.sameSite"))
        let point = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("C2") })
        #expect(point.title.en.contains("partial response (PR)"), "\(point.title.en)")
        #expect(point.detail.en.contains("compared with the same site's record L2"), "\(point.detail.en)")
    }

    @Test func theOlderRecordsScoreNamesTheNewerReading() throws {
        let a = assess(record(), asOf: day("2026-11-29"))
        let older = try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("L2") })
        #expect(older.detail.en.contains("The same site's record left femur, proximal — 左股骨近端 was scored later: Mirels 7–10 on the CT of 2026-10-15"), "\(older.detail.en)")
        #expect(older.detail.zhHans.contains("同一部位的另一条记录"), "\(older.detail.zhHans)")
        let newer = try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("L3") })
        #expect(!newer.detail.en.contains("scored later"))
    }

    /// Different segments by their notes stay two sites: a new lytic lesion is progression.
    @Test func differentSegmentsStayTwoLesions() throws {
        var r = record()
        r.lesions[1].note = "左股骨下段"
        let a = assess(r, asOf: day("2026-11-29"))
        #expect(!a.has("diagnosis.record.sameSite"))
        let point = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("C2") })
        #expect(point.title.en.contains("progressive disease (PD)") || point.title.en.contains("not evaluable"), "\(point.title.en)")
    }
}

/// cb80-c (unseen record, 2026-12-05): a lung adenocarcinoma, T8 given SBRT and pembrolizumab
/// begun; fourteen weeks later the iliac lesion has grown 70 %: "CT of 2026-07-01: PD" and
/// nothing of pseudoprogression. iRECIST (Seymour 2017) calls a first progression under an
/// immune-based therapy unconfirmed while the patient is clinically stable and confirms it on
/// imaging 4–8 weeks later. Said beside the MDA reading, which stands. Rule set 2026.12.314.
@Suite struct ProgressionUnderImmunotherapyTests {
    func record(drug: String = "pembrolizumab", name: String = "帕博利珠单抗", later: LesionCharacter? = nil, end: String? = nil, thenDocetaxel: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2026-03"))]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left)]
        r.studies = [
            ct("C1", "2026-03-10", [observation("L1", .lytic, [28, 22]) { $0.boneDestruction = true }]),
            ct("C2", "2026-07-01", [observation("L1", .lytic, [36, 29]) { $0.boneDestruction = true }]),
        ]
        if let later {
            r.studies.append(ct("C3", "2026-08-10", [observation("L1", later, later == .lytic ? [42, 33] : [30, 24]) { $0.boneDestruction = later == .lytic; $0.scleroticRim = later != .lytic }]))
        }
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: name, drugs: [drug], start: day("2026-03-25"), end: end.map(day))]
        if thenDocetaxel {
            r.treatments.append(Treatment(id: "T2", kind: .systemic, name: "多西他赛", drugs: ["docetaxel"], start: day("2026-07-05")))
        }
        return r
    }

    func point(_ r: CaseRecord, _ study: String) throws -> Finding {
        try #require(assess(r, asOf: day("2026-11-29")).rule("boneHealth.mda.timePoint").first { $0.subject == .study(study) })
    }

    @Test func aFirstProgressionUnderACheckpointInhibitorAsksForConfirmation() throws {
        let finding = try point(record(), "C2")
        #expect(finding.title.en.contains("progressive disease (PD)"))
        #expect(finding.detail.en.contains("Under immunotherapy (帕博利珠单抗) a first progression may be pseudoprogression: iRECIST calls it unconfirmed (iUPD) while the patient is clinically stable, and confirms it on imaging 4–8 weeks later (2026-07-29 – 2026-08-26)"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("假性进展"))
        #expect(finding.sources.contains { $0.id == "seymour2017" })
    }

    /// Chemotherapy: no such note.
    @Test func underChemotherapyNothingIsSaid() throws {
        let finding = try point(record(drug: "docetaxel", name: "多西他赛"), "C2")
        #expect(finding.title.en.contains("progressive disease (PD)"))
        #expect(!finding.detail.en.contains("iRECIST"))
    }

    /// A later study has answered it: progression again (confirmed) or not.
    @Test func aLaterStudyAnswersIt() throws {
        let confirmed = record(later: .lytic)
        #expect(try !point(confirmed, "C2").detail.en.contains("iRECIST"))
        #expect(try !point(confirmed, "C3").detail.en.contains("iRECIST"), "the second progression is no first one")
        #expect(try !point(record(later: .mixed), "C2").detail.en.contains("iRECIST"))
    }

    /// cb100-g (unseen record, 2026-12-06): pembrolizumab with chemotherapy stopped for toxicity in
    /// January, a humerus grown 108 % on the CT of June (141 days without therapy, natural history),
    /// docetaxel since and a CT in October: the June reading still asked to confirm "before the
    /// therapy is stopped for it". iRECIST's question is whether to stop an immunotherapy that is
    /// running; one over before the study was not stopped for it, and a later study under what
    /// followed has answered it. Rule set 2026.12.345.
    @Test func aRegimenOverBeforeTheStudyIsNotAskedAbout() throws {
        #expect(try !point(record(end: "2026-05-10"), "C2").detail.en.contains("iRECIST"))
        // Stopped on the study's day — perhaps for it: still said.
        #expect(try point(record(end: "2026-07-01"), "C2").detail.en.contains("iRECIST"))
        #expect(try point(record(end: "2026-08-01"), "C2").detail.en.contains("iRECIST"))
    }

    @Test func aLaterStudyUnderTheNextRegimenAnswersIt() throws {
        let switched = record(later: .lytic, end: "2026-07-01", thenDocetaxel: true)
        #expect(try !point(switched, "C2").detail.en.contains("iRECIST"))
        #expect(try point(record(end: "2026-07-01", thenDocetaxel: true), "C2").detail.en.contains("iRECIST"), "no later study: still unanswered")
    }
}

/// cb80-d (unseen record, 2026-12-05): a renal cancer's supra-acetabular lesion followed on MRI
/// only, its soft-tissue component 18 then 24 mm, no character recorded. RECIST measurability
/// read "lesion type and soft-tissue component not recorded". The component is recorded; the
/// type decides (a lytic or mixed lesion with a component ≥ 10 mm is measurable, a blastic one
/// is not — Eisenhauer 2009). Rule set 2026.12.314.
@Suite struct MeasurabilityWithTheComponentOnRecordTests {
    func finding(character: LesionCharacter?) throws -> Finding {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histologyType: .renalCellCarcinoma, diagnosed: day("2024-02"))]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .right, note: "右髋臼上方")]
        r.studies = [ImagingStudy(
            id: "M1", date: day("2026-08-01"), modality: .mri, coverage: [.pelvis],
            observations: [observation("L1", character, [47, 38]) { $0.softTissueMm = 24 }])]
        return try #require(assess(r, asOf: day("2026-11-29")).rule("boneHealth.recist.measurability").first)
    }

    @Test func theComponentOnRecordIsNotAskedFor() throws {
        let f = try finding(character: nil)
        #expect(f.title.en.hasSuffix("RECIST measurability undetermined"))
        #expect(f.detail.en.hasPrefix("lesion type not recorded: its soft-tissue component of 24 mm (MRI of 2026-08-01) makes it measurable by RECIST 1.1 if it is lytic or mixed, not if blastic"), "\(f.detail.en)")
        #expect(f.detail.zhHans.hasPrefix("未记录病变类型：其软组织成分 24 mm（2026-08-01 MRI 检查）"), "\(f.detail.zhHans)")
    }

    @Test func withItsTypeItIsDecided() throws {
        #expect(try finding(character: .lytic).title.en.hasSuffix(": RECIST-measurable"))
        #expect(try finding(character: .blastic).title.en.hasSuffix(": not RECIST-measurable"))
    }
}

/// cb80-i (unseen record, 2026-12-05): a breast cancer on zoledronic acid every 12 weeks, baseline
/// creatinine 0.8 mg/dL; the EHR sent two creatinines of 2026-11-16, 0.9 and 1.6 mg/dL. The hold
/// read "now 1.6 mg/dL" (on the safe side, in either order of the rows) and said nothing of the
/// other value of that morning: a discordance to repeat, not to trust. Rule set 2026.12.314.
@Suite struct SameDayCreatininesTests {
    func record(_ values: [Double]) -> CaseRecord {
        var r = baseCase()
        r.patient.weights = [WeightRecord(date: day("2026-11-01"), kg: 55)]
        r.treatments.append(Treatment(
            id: "ZOL", kind: .boneModifyingAgent, start: day("2025-12-15"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 12,
            doses: [day("2025-12-15"), day("2026-03-10"), day("2026-06-02"), day("2026-08-25")]))
        r.labs = [LabResult(date: day("2025-12-12"), test: .creatinine, value: 0.8, unit: "mg/dL")]
            + values.map { LabResult(date: day("2026-11-16"), test: .creatinine, value: $0, unit: "mg/dL") }
        return r
    }

    func hold(_ values: [Double]) throws -> Finding {
        try #require(assess(record(values), asOf: day("2026-11-29")).findings.first { $0.title.en.hasPrefix("Withhold zoledronic acid") })
    }

    @Test func theOtherValueOfTheDayIsSaid() throws {
        for order in [[0.9, 1.6], [1.6, 0.9]] {
            let finding = try hold(order)
            #expect(finding.detail.en.contains("now 1.6 mg/dL"), "\(finding.detail.en)")
            #expect(finding.detail.en.contains("The same day's record also holds creatinine 0.9 mg/dL: repeat it to settle which is right."), "\(finding.detail.en)")
            #expect(finding.detail.zhHans.contains("同日另有血肌酐 0.9 mg/dL"), "\(finding.detail.zhHans)")
        }
    }

    @Test func oneValueOrTheSameTwiceSaysNothingMore() throws {
        #expect(try !hold([1.6]).detail.en.contains("same day's record"))
        #expect(try !hold([1.6, 1.6]).detail.en.contains("same day's record"))
    }
}

/// cb80-y (unseen record, 2026-12-05): a lobular breast cancer whose five-year adjuvant
/// tamoxifen ended on 2026-11-01; a blastic right ilium first imaged on 2026-11-10. "Blastic
/// lesion under systemic therapy — do not biopsy … under systemic therapy since 2023-06-01" said
/// the therapy was running when it had stopped nine days before. Stopped within `regimenGapDays`
/// it still counts as acting (the source hospital's biopsy timing) — and is said so, with its
/// stop. Rule set 2026.12.314.
@Suite struct BlasticAfterTherapyStoppedTests {
    func record(end: String?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性小叶癌 ER+ PR+ HER2-", diagnosed: day("2023-04"))]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .right)]
        r.studies = [ImagingStudy(
            id: "C1", date: day("2026-11-12"), modality: .ct, windows: [.bone], coverage: [.pelvis],
            observations: [observation("L1", .blastic, [18, 15]) { $0.boneDestruction = true }])]
        r.treatments = [Treatment(id: "T0", kind: .systemic, name: "他莫昔芬", drugs: ["tamoxifen"], start: day("2023-06-01"), end: end.map(day))]
        return r
    }

    func finding(end: String?) throws -> Finding {
        try #require(assess(record(end: end), asOf: day("2026-11-29")).findings.first { $0.ruleId == "diagnosis.biopsy.blasticAfterTherapy" })
    }

    @Test func aTherapyStoppedBeforeTheLesionIsSaidStopped() throws {
        let f = try finding(end: "2026-11-01")
        #expect(f.title.en.contains("blastic lesion just after systemic therapy — do not biopsy"), "\(f.title.en)")
        #expect(f.detail.en.contains("after systemic therapy given since 2023-06-01 (他莫昔芬 stopped on 2026-11-01, 11 days before)"), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("已于 2026-11-01 停用，11 天前"), "\(f.detail.zhHans)")
    }

    @Test func aTherapyRunningIsSaidRunning() throws {
        let f = try finding(end: nil)
        #expect(f.title.en.contains("blastic lesion under systemic therapy — do not biopsy"))
        #expect(f.detail.en.contains("under systemic therapy since 2023-06-01;"))
    }
}

/// cb80-t (unseen record, 2026-12-05): a breast cancer's blastic L2 and femur seen before
/// anastrozole and abemaciclib, which were stopped for toxicity on 2026-11-01: "blastic lesion,
/// systemic therapy under way — do not biopsy" four weeks after the regimen had ended. Still
/// within `regimenGapDays` it counts as having acted on bone (the source hospital's timing), and
/// is said as given and stopped. Rule set 2026.12.314.
@Suite struct BlasticSeenBeforeATherapyNowStoppedTests {
    func finding(end: String?) throws -> Finding {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L2"))]
        r.studies = [ct("C1", "2025-01-10", [observation("L1", .blastic) { $0.boneDestruction = false }]), survey("B1", "2025-01-12", ["L1"])]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "阿那曲唑+阿贝西利", drugs: ["anastrozole", "abemaciclib"], start: day("2025-01-20"), end: end.map(day))]
        return try #require(assess(r, asOf: day("2026-11-29")).rule("diagnosis.biopsy.blasticAfterTherapy").first)
    }

    @Test func aStoppedRegimenIsNotUnderWay() throws {
        let f = try finding(end: "2026-11-01")
        #expect(f.title.en.hasSuffix("blastic lesion, systemic therapy given — do not biopsy"), "\(f.title.en)")
        #expect(f.detail.en.contains("it started 2025-01-20, at least 8 weeks (setting) ago, and stopped on 2026-11-01."), "\(f.detail.en)")
        #expect(f.title.zhHans.contains("已接受全身治疗"))
        #expect(f.detail.zhHans.contains("已于 2026-11-01 停用"))
    }

    @Test func aRunningRegimenIsUnderWay() throws {
        let f = try finding(end: nil)
        #expect(f.title.en.hasSuffix("blastic lesion, systemic therapy under way — do not biopsy"))
        #expect(f.detail.en.contains("at least 8 weeks (setting) ago. A biopsy"))
    }
}

/// cb80-ab (unseen record, 2026-12-05): a prostate cancer on bicalutamide alone, PSA progressing
/// by PCWG3, testosterone 420 ng/dL — "not castration resistance as it stands" — on denosumab
/// 120 mg every 4 weeks. "Denosumab dose due … decide on another agent rather than let it
/// lapse" stood beside that: the next dose is the course's only if it continues (Fizazi 2011;
/// CALGB 90202). Rule set 2026.12.314.
@Suite struct DoseDueWithTheIndicationUnsettledTests {
    func record(testosterone: Double) -> CaseRecord {
        var r = CastrateTestosteroneTests().record(testosterone: LabResult(date: day("2023-03-01"), test: .testosterone, value: testosterone, unit: "ng/dL"))
        r.treatments.append(Treatment(
            id: "DEN", kind: .boneModifyingAgent, start: day("2022-06-01"), agent: .denosumab, doseMg: 120,
            doses: [day("2022-12-01"), day("2023-01-01"), day("2023-02-01")]))
        r.dentalExams = [day("2022-05-20")]
        return r
    }

    func doseDue(_ testosterone: Double) throws -> Finding {
        try #require(assess(record(testosterone: testosterone), asOf: day("2023-03-10")).rule("boneAgents.doseDue").first)
    }

    @Test func notCastrationResistantAsItStandsQuestionsTheNextDose() throws {
        let f = try doseDue(420)
        #expect(f.detail.en.contains("Its indication for SRE prevention is not settled (see the finding on it): give the next dose only if the course is to continue."), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("其预防 SRE 的适应证尚未确定"))
    }

    @Test func castrationResistantDoesNot() throws {
        #expect(try !doseDue(20).detail.en.contains("is not settled"))
    }
}

/// cb80-ac (unseen record, 2026-12-05): a breast cancer whose denosumab course (no end recorded)
/// had its last dose on 2025-08-16; a corrected calcium of 12.4 mg/dL on 2026-11-20 read
/// "Denosumab is running (last dose 2025-08-16): this hypercalcaemia arose under it". A course
/// past its next dose (the label's every 4 weeks where no interval is recorded) had lapsed.
/// Rule set 2026.12.314.
@Suite struct HypercalcaemiaAfterDenosumabLapsedTests {
    let base = HypercalcaemiaUnderDenosumabTests()

    @Test func aLapsedCourseIsNotRunning() throws {
        let course = Treatment(id: "D", kind: .boneModifyingAgent, name: "Xgeva", start: day("2022-06-01"), agent: .denosumab, doseMg: 120,
                               doses: [day("2022-06-01"), day("2022-07-01")])
        let finding = try #require(assess(base.record(denosumab: course), asOf: day("2023-03-21")).rule("labs.hypercalcaemia").first)
        #expect(!finding.detail.en.contains("Denosumab is running"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("Denosumab had lapsed (last dose 2022-07-01, due since 2022-07-29): this hypercalcaemia arose after it"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("地舒单抗已中断（末次给药 2022-07-01，自 2022-07-29 起应给药）"), "\(finding.detail.zhHans)")
    }

    /// Within its interval it is running, as before; a dose a few weeks late is still the course
    /// (a break is more than `regimenGapDays`, 56, past the due day).
    @Test func withinItsIntervalItRuns() throws {
        let late = Treatment(id: "D", kind: .boneModifyingAgent, name: "Xgeva", start: day("2022-12-01"), agent: .denosumab, doseMg: 120,
                             doses: [day("2022-12-01"), day("2022-12-29")])
        let lateFinding = try #require(assess(base.record(denosumab: late), asOf: day("2023-03-21")).rule("labs.hypercalcaemia").first)
        #expect(lateFinding.detail.en.contains("Denosumab is running (last dose 2022-12-29)"), "due 2023-01-26, 51 days before the calcium")
        let course = Treatment(id: "D", kind: .boneModifyingAgent, name: "Xgeva", start: day("2023-01-20"), agent: .denosumab, doseMg: 120,
                               doses: [day("2023-01-20"), day("2023-02-24")])
        let finding = try #require(assess(base.record(denosumab: course), asOf: day("2023-03-21")).rule("labs.hypercalcaemia").first)
        #expect(finding.detail.en.contains("Denosumab is running (last dose 2023-02-24)"), "\(finding.detail.en)")
    }
}

/// cb80-ae (unseen record, 2026-12-05): a breast cancer on zoledronic acid every 12 weeks, its
/// dose given on 2026-11-20; a corrected calcium of 13.2 mg/dL on 11-25 read "Treat now: IV
/// isotonic saline, then zoledronic acid 4 mg" — a second dose within the week of the first.
/// The Zometa label waits at least 7 days before retreatment: hydration (and calcitonin) now,
/// the repeat from day 7 if calcium has not returned to normal. Rule set 2026.12.314.
@Suite struct HypercalcaemiaDaysAfterAZoledronicDoseTests {
    func record(lastDose: String) -> CaseRecord {
        var r = baseCase()
        r.patient.weights = [WeightRecord(date: day("2026-11-01"), kg: 55)]
        r.treatments.append(Treatment(
            id: "ZOL", kind: .boneModifyingAgent, start: day("2026-06-02"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 12,
            doses: [day("2026-06-02"), day("2026-08-25"), day(lastDose)]))
        r.dentalExams = [day("2026-05-20")]
        r.labs = [
            LabResult(date: day("2026-06-01"), test: .creatinine, value: 0.8, unit: "mg/dL"),
            LabResult(date: day("2026-11-25"), test: .calcium, value: 3.2, unit: "mmol/L"),
            LabResult(date: day("2026-11-25"), test: .albumin, value: 35, unit: "g/L"),
        ]
        return r
    }

    func finding(lastDose: String, asOf: String) throws -> Finding {
        try #require(assess(record(lastDose: lastDose), asOf: day(asOf)).rule("labs.hypercalcaemia").first)
    }

    @Test func noSecondDoseWithinTheWeek() throws {
        let f = try finding(lastDose: "2026-11-20", asOf: "2026-11-26")
        #expect(f.severity == .urgent)
        #expect(!f.detail.en.contains("then zoledronic acid 4 mg"), "\(f.detail.en)")
        #expect(f.detail.en.contains("Treat now: IV isotonic saline; calcitonin for a rapid, short effect. Zoledronic acid was given on 2026-11-20, 5 days before this calcium. Keep hydrating and recheck calcium; no repeat dose before 2026-11-27 (label: at least 7 days)"), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("2026-11-20 已给予唑来膦酸，在本次血钙前 5 天"), "\(f.detail.zhHans)")
        // From day 7 the label's retreatment is open.
        #expect(try finding(lastDose: "2026-11-20", asOf: "2026-11-29").detail.en.contains("Recheck calcium: still above normal 7 days or more after the dose, retreat"))
    }

    /// A dose a week or more before the calcium: treat as usual.
    @Test func aDoseAWeekBeforeIsNoBar() throws {
        let f = try finding(lastDose: "2026-11-18", asOf: "2026-11-26")
        #expect(f.detail.en.contains("Treat now: IV isotonic saline, then zoledronic acid 4 mg"), "\(f.detail.en)")
    }
}

/// cb80-ah (unseen record, 2026-12-05): a renal cancer's T12 — SINS 15 on the CT of 2026-08-01,
/// ESCC 2 on the MRI of 08-02 — given separation surgery and T10–L2 fixation on 08-10 and SBRT
/// after it; a check X-ray on 10-15. The pre-operative grade beside the later film read "urgent
/// spine referral … recurrent compression after" the operation it had led to, and an
/// "operation proposed on cabozantinib" followed. A recurrence needs a high grade (or a deficit)
/// read after the operation. Rule set 2026.12.314.
@Suite struct CompressionGradedBeforeTheOperationTests {
    func record(laterMRI: ESCC.Grade?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histologyType: .renalCellCarcinoma, diagnosed: day("2023-01"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T12"))]
        r.studies = [
            ImagingStudy(id: "C1", date: day("2026-08-01"), modality: .ct, windows: [.bone], coverage: [.thoracicSpine, .lumbarSpine], observations: [
                observation("L1", .lytic) { $0.boneDestruction = true; $0.collapse = .over50; $0.alignment = .subluxation; $0.posterolateral = .bilateral }
            ]),
            ImagingStudy(id: "M1", date: day("2026-08-02"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: [observation("L1") { $0.escc = .g2 }]),
            ImagingStudy(id: "X2", date: day("2026-10-15"), modality: .xray, coverage: [.thoracicSpine, .lumbarSpine], observations: [observation("L1", .lytic)]),
        ]
        if let laterMRI {
            r.studies.append(ImagingStudy(id: "M2", date: day("2026-11-20"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: [observation("L1") { $0.escc = laterMRI }]))
        }
        r.treatments = [
            Treatment(id: "S1", kind: .surgery, name: "T12分离手术+T10-L2后路椎弓根钉内固定术", lesions: ["L1"], start: day("2026-08-10")),
            Treatment(id: "R1", kind: .radiotherapy, name: "T12 SBRT 27Gy/3F", lesions: ["L1"], start: day("2026-09-05"), end: day("2026-09-09")),
        ]
        r.neurology = [NeurologyRecord(date: day("2026-10-15"), status: .intact, frankel: .E)]
        return r
    }

    func spine(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-11-29")).findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("L1") })
    }

    @Test func thePreoperativeGradeIsWhatTheOperationTreated() throws {
        let f = try spine(record(laterMRI: nil))
        #expect(f.severity == .info, "\(f.title.en)")
        #expect(f.detail.en.contains("Treated: T12分离手术+T10-L2后路椎弓根钉内固定术 2026-08-10"), "\(f.detail.en)")
        #expect(!f.detail.en.contains("Recurrent compression"))
    }

    /// Graded high again on an MRI after the operation: a recurrence, as before.
    @Test func aHighGradeAfterTheOperationIsARecurrence() throws {
        let f = try spine(record(laterMRI: .g2))
        #expect(f.severity >= .warning)
        #expect(f.detail.en.contains("Recurrent compression after T12分离手术"), "\(f.detail.en)")
        #expect(try spine(record(laterMRI: .g1a)).severity == .info)
    }
}

/// cb80-ai (unseen record, 2026-12-05): a breast cancer's T9 at ESCC 2 on the MRI of 2026-05-04,
/// irradiated 30 Gy/10F from 05-08, healing on the CT of 10-01, neurologically intact. The CT —
/// the latest study, which graded nothing — dated the compression: the course read as a prior
/// one ("already irradiated … re-irradiation"), and "urgent spine referral — decompression"
/// stood on the May grade. The compression is dated by the study that graded it. Rule set
/// 2026.12.314.
@Suite struct CompressionIrradiatedAfterItsGradeTests {
    func record(laterGrade: ESCC.Grade?) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T9"))]
        r.studies = [
            ImagingStudy(id: "C1", date: day("2026-05-03"), modality: .ct, windows: [.bone], coverage: [.thoracicSpine], observations: [
                observation("L1", .mixed) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none }
            ]),
            ImagingStudy(id: "M1", date: day("2026-05-04"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("L1") { $0.escc = .g2 }]),
            ImagingStudy(id: "C2", date: day("2026-10-01"), modality: .ct, windows: [.bone], coverage: [.thoracicSpine], observations: [
                observation("L1", .blastic) { $0.scleroticRim = true; $0.fillIn = .partial }
            ]),
        ]
        if let laterGrade {
            r.studies.append(ImagingStudy(id: "M2", date: day("2026-11-20"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("L1") { $0.escc = laterGrade }]))
        }
        r.treatments.append(Treatment(id: "R1", kind: .radiotherapy, name: "T9 30Gy/10F", lesions: ["L1"], start: day("2026-05-08"), end: day("2026-05-21")))
        r.neurology = [NeurologyRecord(date: day("2026-10-01"), status: .intact, frankel: .E)]
        return r
    }

    func spine(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-11-29")).findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("L1") })
    }

    @Test func theCourseAfterTheGradeIsItsTreatment() throws {
        let f = try spine(record(laterGrade: nil))
        #expect(f.severity == .info, "\(f.title.en)")
        #expect(f.detail.en.contains("Treated: T9 30Gy/10F 2026-05-08–2026-05-21 (radiotherapy) (begun 4 days after the study of 2026-05-04)"), "\(f.detail.en)")
        #expect(!f.detail.en.contains("Already irradiated"))
    }

    /// Graded high again after the course: compression despite radiotherapy, re-irradiation
    /// is radiation oncology's decision (as before).
    @Test func aHighGradeAfterTheCourseIsStillCompression() throws {
        let f = try spine(record(laterGrade: .g2))
        #expect(f.severity == .urgent)
        #expect(f.detail.en.contains("Already irradiated (T9 30Gy/10F"), "\(f.detail.en)")
    }
}

/// cb80-ak (unseen record, 2026-12-05): cb80-ah with a myelopathy — Frankel C before the
/// separation surgery, Frankel D six weeks after it. The deficit after the operation read as a
/// recurrence: "recurrent compression after" the operation, "SINS 15 unstable — stabilisation"
/// of a spine fixed T10–L2, "definitive treatment within 24 hours". A deficit after an operation
/// is a recurrence only when it is new or worse than before it. Rule set 2026.12.314.
@Suite struct DeficitLeftByTheOperationTests {
    func record(after: Tokuhashi.Frankel) -> CaseRecord {
        var r = CompressionGradedBeforeTheOperationTests().record(laterMRI: nil)
        r.neurology = [
            NeurologyRecord(date: day("2026-08-01"), status: .myelopathy, frankel: .C, lesion: "L1"),
            NeurologyRecord(date: day("2026-10-15"), status: .myelopathy, frankel: after, lesion: "L1"),
        ]
        return r
    }

    func spine(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-11-29")).findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("L1") })
    }

    @Test func anImprovedDeficitIsWhatTheOperationLeft() throws {
        for grade in [Tokuhashi.Frankel.D, .C] {
            let f = try spine(record(after: grade))
            #expect(f.severity == .info, "Frankel \(grade): \(f.title.en)")
            #expect(!f.detail.en.contains("Recurrent compression"), "\(f.detail.en)")
            #expect(f.detail.en.contains("Deficit after it, no worse than before: myelopathy, Frankel \(grade.rawValue) (2026-10-15)"), "\(f.detail.en)")
            #expect(f.detail.zhHans.contains("术后神经功能障碍未较术前加重"))
        }
    }

    @Test func aWorseDeficitIsARecurrence() throws {
        let f = try spine(record(after: .B))
        #expect(f.severity == .urgent)
        #expect(f.detail.en.contains("Recurrent compression after T12分离手术"), "\(f.detail.en)")
    }
}

/// cb80-ai again: the course after the grade is the compression's treatment — unless a deficit
/// new or worse than before it is recorded since it began (it did not answer the compression).
@Suite struct DeficitAfterTheCourseTests {
    func spine(before: NeurologyRecord, after: NeurologyRecord) throws -> Finding {
        var r = CompressionIrradiatedAfterItsGradeTests().record(laterGrade: nil)
        r.neurology = [before, after]
        return try #require(assess(r, asOf: day("2026-11-29")).findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("L1") })
    }

    @Test func aNewDeficitSinceTheCourseIsAnEmergency() throws {
        let f = try spine(
            before: NeurologyRecord(date: day("2026-05-04"), status: .intact, frankel: .E, lesion: "L1"),
            after: NeurologyRecord(date: day("2026-10-01"), status: .myelopathy, frankel: .C, lesion: "L1"))
        #expect(f.severity == .urgent, "\(f.title.en)")
        #expect(f.detail.en.contains("Already irradiated (T9 30Gy/10F"), "\(f.detail.en)")
    }

    @Test func aDeficitNoWorseIsTheCoursesToFollow() throws {
        let f = try spine(
            before: NeurologyRecord(date: day("2026-05-04"), status: .myelopathy, frankel: .D, lesion: "L1"),
            after: NeurologyRecord(date: day("2026-10-01"), status: .myelopathy, frankel: .D, lesion: "L1"))
        #expect(f.severity < .urgent, "\(f.title.en)")
        #expect(f.detail.en.contains("Treated: T9 30Gy/10F") || f.detail.en.contains("Radiotherapy given: T9 30Gy/10F"), "\(f.detail.en)")
    }
}

/// cb80-ao (unseen record, 2026-12-05): a CRPC's acetabular lesion, mixed with a 15 mm soft-tissue
/// component in May, lytic with 28 mm in November after docetaxel: "NE — size not measured" as
/// no bone diameters were recorded. The soft-tissue component is the lesion's measured part (RECIST
/// 1.1), and ≥ 20 % and ≥ 5 mm larger is progression (Eisenhauer 2009) — MDA's clearly
/// progressive lesion. Boundaries at both thresholds. Rule set 2026.12.314.
@Suite struct SoftTissueComponentGrowthTests {
    func classify(_ before: Double, _ after: Double, modality: Modality = .ct) -> MDA.Result {
        MDA.classify(
            prior: observation("L", .mixed) { $0.boneDestruction = true; $0.softTissueMm = before },
            current: observation("L", .lytic) { $0.boneDestruction = true; $0.softTissueMm = after }, modality: modality)
    }

    @Test func growthByTwentyPercentAndFiveMillimetresIsProgression() {
        let grown = classify(15, 28)
        #expect(grown.category == .progressiveDisease)
        #expect(grown.reasons.first?.en == "soft-tissue component 15 → 28 mm (+86.7 %; RECIST 1.1: ≥ 20 % and ≥ 5 mm)")
        #expect(grown.reasons.first?.zhHans == "软组织成分 15 → 28 mm（增加 86.7%；RECIST 1.1：≥20% 且 ≥5 mm）")
        #expect(classify(25, 30).category == .progressiveDisease, "+20 % and +5 mm: at both thresholds")
        #expect(classify(25, 29.9).category != .progressiveDisease, "+4.9 mm")
        #expect(classify(10, 14).category != .progressiveDisease, "+40 % but only +4 mm")
        #expect(classify(30, 35.9).category != .progressiveDisease, "+5.9 mm but +19.7 %")
        #expect(classify(15, 28, modality: .mri).category == .progressiveDisease)
    }

    /// With the bone's diameters measured too, the component's growth is still progression (a
    /// lesion progressing in any measured part); without growth the diameters decide, as before.
    @Test func diametersMeasuredToo() {
        let grown = MDA.classify(
            prior: observation("L", .lytic, [30, 20]) { $0.softTissueMm = 15 },
            current: observation("L", .lytic, [31, 20]) { $0.softTissueMm = 28 }, modality: .ct)
        #expect(grown.category == .progressiveDisease)
        let steady = MDA.classify(
            prior: observation("L", .lytic, [30, 20]) { $0.softTissueMm = 15 },
            current: observation("L", .lytic, [31, 20]) { $0.softTissueMm = 16 }, modality: .ct)
        #expect(steady.category == .stableDisease)
        // X-ray or a tracer study does not measure a soft-tissue component.
        #expect(classify(15, 28, modality: .xray).category != .progressiveDisease)
    }
}
