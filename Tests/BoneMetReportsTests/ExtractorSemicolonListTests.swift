@testable import BoneMetReports
import Testing

/// Report-reader template run (2026-12-06): a list of sites before or after its finding, separated by
/// semicolons, read its first site alone — "Osseous metastases: T7; L2." and "骨转移：T7；L2。" gave
/// T7 only, because each semicolon ended a sentence and L2's had no finding of its own. A sentence
/// after a semicolon that names only sites continues the list; one that says anything else of its
/// own (a finding, "intact", a size) stays a sentence of its own.
@Suite struct ExtractorSemicolonListTests: ExtractorFixture {
    @Test(arguments: [
        ("Osseous metastases: T7; L2.", ["T7", "L2"]),
        ("骨转移：T7；L2。", ["T7", "L2"]),
        ("骨转移：胸7椎体；腰2椎体；右侧髂骨。", ["T7", "L2", "pelvis right"]),
        ("Bone metastases at T7; L2; right ilium.", ["T7", "L2", "pelvis right"]),
        ("Osseous metastases: T7; left femoral neck; L2.", ["T7", "femur left proximal", "L2"]),
        // the list before its finding
        ("胸7椎体、腰2椎体；右侧髂骨：多发骨转移。", ["T7", "L2", "pelvis right"]),
    ])
    func aSemicolonListAfterAFindingKeepsEverySite(text: String, expected: [String]) {
        #expect(keys(text) == expected, "\(text)")
    }

    @Test func aSentenceWithAFindingOfItsOwnStaysItsOwn() throws {
        // "intact" is about the ilium: it is no metastasis.
        #expect(keys("Lytic lesion at T7; left ilium intact.") == ["T7"])
        // Two sentences each with a finding of its own keep their own.
        let t12 = try requireLesion("T12", in: "T12椎体压缩骨折；L1椎体骨质破坏。")
        #expect(t12.reading("destruction") == nil)
        let l2 = try requireLesion("L2", in: "Impression: lytic lesions at T7; sclerotic lesion at L2.")
        #expect(l2.reading("character")?.value == "blastic")
        let t7 = try requireLesion("T7", in: "Impression: lytic lesions at T7; sclerotic lesion at L2.")
        #expect(t7.reading("character")?.value == "lytic")
    }
}
