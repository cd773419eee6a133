import BoneMetRules
import Testing

/// Rule set 2026.12.43: Patchell RA et al. Lancet 2005;366:643-8 — decompression plus
/// radiotherapy kept more patients walking — enrolled no one paraplegic for longer than 48 hours.
/// A breast cancer's T10 at ESCC 3, Frankel A on two examinations four days apart, was told
/// "decompression … keeps more patients walking (Patchell 2005)".
@Suite struct ParaplegiaDurationTests {
    func record(firstFrankel: Tokuhashi.Frankel) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [
            ImagingStudy(id: "M1", date: day("2025-03-01"), modality: .mri, coverage: [.thoracicSpine], observations: [
                observation("V", .lytic, [30, 25]) { $0.escc = .g3; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral },
            ]),
        ]
        r.neurology = [
            NeurologyRecord(date: day("2025-03-01"), status: .myelopathy, frankel: firstFrankel, lesion: "V"),
            NeurologyRecord(date: day("2025-03-05"), status: .myelopathy, frankel: .A, lesion: "V"),
        ]
        r.treatments = []
        return r
    }

    @Test func paraplegiaBeyond48HoursIsOutsidePatchell() throws {
        let long = try #require(assess(record(firstFrankel: .A), asOf: day("2025-03-05")).rule("surgery.spine.noms").first)
        #expect(long.detail.en.contains("Complete paraplegia (Frankel A) recorded since 2025-03-01: Patchell 2005 excluded patients paraplegic for more than 48 hours"))
        #expect(!long.detail.en.contains("keeps more patients walking"))
        #expect(long.detail.zhHans.contains("排除了截瘫超过 48 小时的患者"))
        // Paraplegic only since the last examination: Patchell's benefit stands.
        let recent = try #require(assess(record(firstFrankel: .C), asOf: day("2025-03-05")).rule("surgery.spine.noms").first)
        #expect(recent.detail.en.contains("keeps more patients walking"))
        #expect(!recent.detail.en.contains("Complete paraplegia"))
    }

    /// Rule set 2026.12.307 (unseen record cb77-x): Frankel A on the last examination, assessed two
    /// days later with no examination since — two days' paraplegia, outside Patchell; one day
    /// later, within it.
    @Test func theLastExaminationStandsUntilTheAssessmentsDay() throws {
        let r = record(firstFrankel: .C)
        let next = try #require(assess(r, asOf: day("2025-03-06")).rule("surgery.spine.noms").first)
        #expect(next.detail.en.contains("keeps more patients walking"))
        let later = try #require(assess(r, asOf: day("2025-03-07")).rule("surgery.spine.noms").first)
        #expect(later.detail.en.contains("Complete paraplegia (Frankel A) recorded since 2025-03-05"), "\(later.detail.en)")
    }

    /// Rule set 2026.12.55: Patchell 2005 also excluded compression of the cauda equina or roots
    /// alone; a prostate cancer's sacral S3 lesion compressing the cauda equina read its benefit.
    @Test func caudaEquinaAloneIsOutsidePatchell() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "S", bone: .sacrum, level: VertebralLevel("S3"))]
        r.studies = [ImagingStudy(id: "M1", date: day("2025-03-01"), modality: .mri, coverage: [.sacrum], observations: [
            observation("S", .lytic, [30, 25]) { $0.escc = .g2; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
        ])]
        r.neurology = [NeurologyRecord(date: day("2025-03-01"), status: .caudaEquina, lesion: "S")]
        r.treatments = []
        let finding = try #require(assess(r, asOf: day("2025-03-02")).rule("surgery.spine.noms").first)
        #expect(finding.severity == .urgent)
        #expect(finding.detail.en.contains("Compression of the cauda equina alone was excluded from Patchell 2005"))
        #expect(!finding.detail.en.contains("keeps more patients walking"))
        #expect(finding.detail.zhHans.contains("未纳入单纯马尾受压"))
    }
}
