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
}
