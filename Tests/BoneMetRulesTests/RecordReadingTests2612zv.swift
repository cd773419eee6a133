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
