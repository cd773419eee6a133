import BoneMetRules
import Testing

/// Rule set 2026.12.42: a thyroid cancer diagnosed 8 years before its bone metastases (a long
/// disease-free interval: a second primary or myeloma must be excluded — reference.md's biopsy
/// indications). Its pelvic lesion was biopsied: metastatic follicular carcinoma. The patient
/// still read "Biopsy indicated: long disease-free interval … one biopsy answers it", and C7's
/// stabilisation "biopsy first".
@Suite struct LongIntervalAnsweredTests {
    func record(biopsy: BiopsyResult?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .thyroid, histology: "甲状腺滤泡癌", diagnosed: day("2015-04"))]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("C7"))]
        r.studies = [
            ct("C1", "2023-05-02", [
                observation("L1", .lytic, [55, 40]) { $0.boneDestruction = true },
                observation("L2", .lytic, [20, 18]) { $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .bilateral },
            ]),
        ]
        r.pain = [PainRecord(date: day("2023-05-01"), lesion: "L2", sins: .mechanical)]
        r.biopsies = biopsy.map { [Biopsy(lesion: "L1", date: day("2023-05-10"), decalcification: .edta, result: $0)] } ?? []
        r.treatments = []
        return r
    }

    @Test func oneBiopsyOfTheEpisodeAnswersIt() throws {
        let before = assess(record(biopsy: nil), asOf: day("2023-05-12"))
        #expect(before.rule("diagnosis.biopsy.indicated").contains { $0.detail.en.contains("long disease-free interval") })
        let after = assess(record(biopsy: .metastasis), asOf: day("2023-05-12"))
        #expect(!after.rule("diagnosis.biopsy.indicated").contains { $0.detail.en.contains("long disease-free interval") })
        let noms = try #require(after.rule("surgery.spine.noms").first)
        #expect(!noms.detail.en.contains("Biopsy first"))
        // Myeloma in a thyroid cancer patient answers nothing for the other lesion: still open.
        let myeloma = assess(record(biopsy: .myeloma), asOf: day("2023-05-12"))
        #expect(try #require(myeloma.rule("surgery.spine.noms").first).detail.en.contains("Biopsy first"))
    }
}
