import BoneMetRules
import Testing

/// cb161-e (unseen record, 2026-12-07): a breast cancer staged by PET-CT (T10 and L3 lytic, L5
/// looked at and clear), T10 irradiated, then letrozole + ribociclib and denosumab; the PET-CT
/// four months on read T10 blastic with a rim, L3 mixed at the same size with 40 % less uptake,
/// and a new sclerotic L5 without FDG uptake. L3 read "SD" on its uptake, and L5 "new focus of
/// uptake" though it had none. Rule set 2026.12.423: a lytic lesion read mixed now is MDA's
/// partial sclerotic fill-in (Hamaoka 2004), and a tracer study's new lesion seen without uptake
/// is named by its CT's reading and "without uptake".
@Suite struct LyticNowMixedTests {
    func pet(_ id: String, _ date: String, _ observations: [LesionObservation]) -> ImagingStudy {
        ImagingStudy(id: id, date: day(date), modality: .petCt, observations: observations)
    }
    func record(l5: LesionObservation? = nil, l3Now: LesionObservation? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "L1", bone: .vertebra, note: "T10椎体"), Lesion(id: "L2", bone: .vertebra, note: "L3椎体"),
            Lesion(id: "L3", bone: .vertebra, note: "L5椎体"),
        ]
        r.studies = [
            pet("P1", "2026-01-20", [
                observation("L1", .lytic, [24, 20]) { $0.uptake = true; $0.boneDestruction = true },
                observation("L2", .lytic, [15, 12]) { $0.uptake = true; $0.boneDestruction = true },
                observation("L3") { $0.present = false },
            ]),
            pet("P2", "2026-05-20", [
                observation("L1", .blastic) { $0.uptake = true; $0.uptakeChangePercent = -70; $0.boneDestruction = false; $0.scleroticRim = true },
                l3Now ?? observation("L2", .mixed, [15, 12]) { $0.uptake = true; $0.uptakeChangePercent = -40 },
                l5 ?? observation("L3", .blastic) { $0.uptake = false; $0.boneDestruction = false },
            ]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .radiotherapy, name: "T10 姑息放疗 30Gy/10F", start: day("2026-02-02"), end: day("2026-02-13")),
            Treatment(id: "T2", kind: .systemic, name: "来曲唑+瑞波西利", drugs: ["letrozole", "ribociclib"], start: day("2026-02-15")),
        ]
        return r
    }

    @Test func aLyticLesionReadMixedNowHasPartlyFilledIn() throws {
        let point = try #require(assess(record(), asOf: day("2026-05-25")).timePoints.first { $0.study == "P2" })
        let l3 = try #require(point.lesions.first { $0.lesion == "L2" })
        #expect(l3.category == .partialResponse, "\(l3.reasons)")
        #expect(l3.reasons.first?.en == "lytic now mixed: partial sclerotic fill-in")
        #expect(l3.reasons.first?.zhHans == "溶骨性转为混合性：部分硬化填充")
    }

    /// On CT the same, and its boundaries: mixed before and lytic now is no response; mixed
    /// already is not filled in by being mixed again; growth by ≥ 25 % is progression first;
    /// partial fill-in written beside "mixed" is said once.
    @Test func lyticToMixedOnCTAndItsBoundaries() {
        func lytic(_ d: [Double] = [20, 20]) -> LesionObservation { observation("V", .lytic, d) { $0.boneDestruction = true } }
        func mixed(_ d: [Double] = [20, 20]) -> LesionObservation { observation("V", .mixed, d) { $0.boneDestruction = true } }
        let filled = MDA.classify(prior: lytic(), current: mixed(), modality: .ct)
        #expect(filled.category == .partialResponse && filled.reasons.map(\.en) == ["lytic now mixed: partial sclerotic fill-in"])
        #expect(MDA.classify(prior: mixed(), current: lytic(), modality: .ct).category == .stableDisease)
        #expect(MDA.classify(prior: mixed(), current: mixed(), modality: .ct).category == .stableDisease)
        #expect(MDA.classify(prior: lytic(), current: mixed([23, 22]), modality: .ct).category == .progressiveDisease)  // +26.5 %
        let grownLess = MDA.classify(prior: lytic(), current: mixed([22, 22]), modality: .ct)  // +21 %
        #expect(grownLess.category == .partialResponse)
        var written = mixed()
        written.fillIn = .partial
        #expect(MDA.classify(prior: lytic(), current: written, modality: .ct).reasons.map(\.en) == ["partial sclerotic fill-in"])
        // Without sizes the sign still reads (no "size not measured").
        #expect(MDA.classify(prior: observation("V", .lytic), current: observation("V", .mixed), modality: .xray).category == .partialResponse)
    }

    @Test func aNewLesionWithoutUptakeIsNotANewFocusOfUptake() throws {
        let point = try #require(assess(record(), asOf: day("2026-05-25")).timePoints.first { $0.study == "P2" })
        let l5 = try #require(point.lesions.first { $0.lesion == "L3" })
        #expect(l5.isNew && l5.category == .stableDisease)
        #expect(l5.reasons.first?.en == "new sclerotic (blastic) lesion on its CT, without uptake", "\(l5.reasons)")
        #expect(l5.reasons.first?.zhHans == "CT 示新发成骨（硬化）性病灶，无放射性浓聚")
        #expect(!point.lesions.flatMap(\.reasons).contains { $0.en.contains("focus of uptake") })
    }

    /// With uptake (or uptake not written) it stays a new focus of uptake; destruction read
    /// without a character, "new lesion, without uptake" — progression still (a new lesion that is
    /// not sclerosis). Uptake false and nothing else read shows no lesion at all (CaseIndex.shows).
    @Test func uptakeOrNoCharacterKeepTheirWords() throws {
        let hot = try #require(assess(record(l5: observation("L3", .blastic) { $0.uptake = true; $0.boneDestruction = false }), asOf: day("2026-05-25"))
            .timePoints.first { $0.study == "P2" }?.lesions.first { $0.lesion == "L3" })
        #expect(hot.reasons.first?.en == "new focus of uptake")
        let bare = try #require(assess(record(l5: observation("L3") { $0.uptake = false; $0.boneDestruction = true }), asOf: day("2026-05-25"))
            .timePoints.first { $0.study == "P2" }?.lesions.first { $0.lesion == "L3" })
        #expect(bare.reasons.first?.en == "new lesion, without uptake", "\(bare.reasons)")
        #expect(bare.reasons.first?.zhHans == "新发病灶，无放射性浓聚" && bare.category == .progressiveDisease)
    }
}

/// cb161-k (probe, 2026-12-07): a femoral shaft read on one day by an X-ray (lytic, half the
/// diameter) and a CT (mixed, 0.7). Mirels took the worse of each item — lytic from the film,
/// > 2/3 from the CT: 10 — and named each study, but never said that the two disagree. Rule set
/// 2026.12.425: an item read otherwise by the other film or CT of that day says so.
@Suite struct MirelsReadingsThatDisagreeTests {
    func record(ctCharacter: LesionCharacter = .mixed, ctFraction: Double = 0.7, thirdModality: Modality = .ct) -> CaseRecord {
        var r = baseCase()
        r.studies = [
            ImagingStudy(id: "X1", date: day("2026-11-20"), modality: .xray, coverage: [.leftLowerLimb], observations: [
                observation("L1", .lytic) { $0.fractionOfDiameter = 0.5 },
            ]),
            ImagingStudy(id: "C1", date: day("2026-11-20"), modality: thirdModality, coverage: [.leftLowerLimb], observations: [
                observation("L1", ctCharacter) { $0.fractionOfDiameter = thirdModality == .mri ? nil : ctFraction },
            ]),
        ]
        r.pain = [PainRecord(date: day("2026-11-20"), lesion: "L1", mirels: .moderate)]
        return r
    }

    func mirels(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-11-22")).findings.first { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("L1") })
    }

    @Test func theWorseOfEachIsScoredAndTheDisagreementSaid() throws {
        let finding = try mirels(record())
        #expect(finding.title.en.contains("Mirels 10"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("lesion type: lytic — from X-ray of 2026-11-20; the CT of that day reads mixed — the two disagree, the worse is scored"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("> 2/3 of bone diameter — from CT of 2026-11-20; the X-ray of that day reads 1/3–2/3 of bone diameter — the two disagree, the worse is scored"))
        #expect(finding.detail.zhHans.contains("同日 CT 检查为混合性——两者不一致，取较重者计分"), "\(finding.detail.zhHans)")
    }

    /// Readings that agree, and an MRI (not where Mirels reads the type), say nothing of it.
    @Test func agreementOrAnMRISaysNothing() throws {
        let agreeing = try mirels(record(ctCharacter: .lytic, ctFraction: 0.6))
        #expect(!agreeing.detail.en.contains("disagree") && agreeing.title.en.contains("Mirels 9"), "\(agreeing.title.en)")
        let mri = try mirels(record(ctCharacter: .mixed, thirdModality: .mri))
        #expect(!mri.detail.en.contains("disagree"), "\(mri.detail.en)")
        #expect(mri.detail.en.contains("lesion type: lytic — from X-ray of 2026-11-20;"))
    }
}

/// cb161-l (probe, 2026-12-07): a breast cancer's L2, clear on the April CT, blastic without
/// destruction and collapsed over 50 % beside the cemented L1 on the September CT, four months
/// into letrozole and abemaciclib. It read only "blastic lesion after systemic therapy started —
/// likely response" while SINS scored it and it counted as a pathological fracture. Rule set
/// 2026.12.426: first seen already broken, never with destruction, the finding says that the
/// sclerosis may be the fracture's own and an osteoporotic fracture the other reading.
@Suite struct BlasticWhenFirstSeenBrokenTests {
    func record(l2Now: LesionObservation, l2Between: LesionObservation? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, note: "L1椎体"), Lesion(id: "L2", bone: .vertebra, note: "L2椎体")]
        r.studies = [
            ct("C1", "2026-04-20", [observation("L1", .lytic) { $0.boneDestruction = true }, observation("L2") { $0.present = false }]),
        ] + (l2Between.map { [ct("C2", "2026-07-01", [$0])] } ?? []) + [
            ct("C3", "2026-09-14", [observation("L1", .blastic) { $0.boneDestruction = false }, l2Now]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole + abemaciclib", systemicClass: .endocrine, start: day("2026-05-10"))]
        return r
    }
    let said = "It was collapsed when first seen, with no bone destruction on record: the sclerosis may be the fracture's own, and an osteoporotic (insufficiency) fracture is the other reading"

    func finding(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-09-16")).rule("diagnosis.biopsy.blasticAfterTherapy").first { $0.subject == .lesion("L2") })
    }

    @Test func firstSeenCollapsedWithoutDestructionSaysTheOtherReading() throws {
        let f = try finding(record(l2Now: observation("L2", .blastic) { $0.boneDestruction = false; $0.collapse = .over50 }))
        #expect(f.detail.en.contains(said), "\(f.detail.en)")
        #expect(f.detail.en.contains("(SINS, a skeletal-related event)"))
        #expect(f.detail.zhHans.contains("骨质疏松性（不全性）骨折是另一种解释"))
    }

    /// Not collapsed, or blastic before it collapsed: a blastic lesion, as before.
    @Test func notBrokenOrBlasticBeforeItBrokeSaysNothingOfIt() throws {
        let intact = try finding(record(l2Now: observation("L2", .blastic) { $0.boneDestruction = false; $0.collapse = SINS.Collapse.none }))
        #expect(!intact.detail.en.contains("osteoporotic"))
        let before = try finding(record(
            l2Now: observation("L2", .blastic) { $0.boneDestruction = false; $0.collapse = .under50 },
            l2Between: observation("L2", .blastic) { $0.boneDestruction = false; $0.collapse = SINS.Collapse.none }))
        #expect(!before.detail.en.contains("osteoporotic"), "\(before.detail.en)")
    }
}

/// cb161-n (probe, 2026-12-07): an ALK lung cancer's T11, lytic with a 12 mm soft-tissue
/// component on the MRI before alectinib, 0 mm with the lesion shrunk by 64 % on the MRI after
/// it, read "not RECIST-measurable". RECIST 1.1 decides measurability at baseline and measures a
/// lesion measurable then at every assessment, to 0 mm (Eisenhauer 2009). Rule set 2026.12.427.
@Suite struct MeasurableAtBaselineTests {
    func record(after: Double?, character: LesionCharacter = .lytic, regimen: String? = "2026-03-01") -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, note: "T11椎体")]
        r.studies = [
            ImagingStudy(id: "M1", date: day("2026-02-20"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("L1", nil, [30, 25]) { $0.softTissueMm = 12 }]),
            ct("C1", "2026-02-22", [observation("L1", .lytic) { $0.boneDestruction = true }]),
            ImagingStudy(id: "M2", date: day("2026-06-01"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("L1", nil, [18, 15]) { $0.softTissueMm = after }]),
        ] + (character == .lytic ? [] : [ct("C2", "2026-06-02", [observation("L1", character) { $0.boneDestruction = false }])])
        r.treatments = regimen.map { [Treatment(id: "T1", kind: .systemic, name: "alectinib", systemicClass: .targeted, start: day($0))] } ?? []
        return r
    }
    func measurability(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-06-05")).rule("boneHealth.recist.measurability").first)
    }

    @Test func measurableBeforeTheRegimenStaysMeasurable() throws {
        let f = try measurability(record(after: 0))
        #expect(f.title.en == "T11 vertebra: RECIST-measurable (at baseline)", "\(f.title.en)")
        #expect(f.detail.en.contains("soft-tissue component of 12 mm (MRI of 2026-02-20) before the current regimen; 0 mm now"), "\(f.detail.en)")
        #expect(f.title.zhHans.hasSuffix("RECIST 可测量（基线时）"))
        let blastic = try measurability(record(after: nil, character: .blastic))
        #expect(blastic.title.en.hasSuffix("(at baseline)") && blastic.detail.en.contains("; blastic now:"), "\(blastic.detail.en)")
    }

    /// Boundaries: a component of 9 mm at baseline was never measurable; no regimen, no
    /// baseline — the latest reading decides, as before; still ≥ 10 mm, plainly measurable.
    @Test func itsBoundaries() throws {
        var small = record(after: 0)
        small.studies[0].observations[0].softTissueMm = 9
        #expect(try measurability(small).title.en == "T11 vertebra: not RECIST-measurable")
        #expect(try measurability(record(after: 0, regimen: nil)).title.en == "T11 vertebra: not RECIST-measurable")
        #expect(try measurability(record(after: 10)).title.en == "T11 vertebra: RECIST-measurable")
    }
}
