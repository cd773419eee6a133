@testable import BoneMetReports
import BoneMetRules
import Testing

/// Unseen reports (2026-12-06, batch 16 of the corpus, and ehr33's CT report): "Posterior elements
/// intact." read as posterior elements involved (an unsafe reading: SINS +1 to +3); "Lytic lesion in
/// T8 with posterior elements spared" denied the whole lesion; "Right pedicle involved; left pedicle
/// spared" read unilateral in doubt; "椎管内未见软组织影" read as a soft-tissue mass denied, not the
/// epidural space free; "more than two thirds of the bone width" gave no size; and "No fracture."
/// after "Left femoral head and neck are intact." spoke of the intact femur, not the lesion.
@Suite struct ExtractorIntactTests: ExtractorFixture {

    @Test func intactAndSparedDenyTheirOwnStructureOnly() throws {
        for text in [
            "Lytic lesion in L2 vertebral body without collapse. Posterior elements intact.",
            "Lytic lesion in L2. Posterior elements are intact.",
            "Lytic lesion in L2 with intact posterior elements.",
            "Lytic lesion in L2 with posterior elements spared.",
        ] {
            let l2 = try requireLesion("L2", in: text)
            #expect(l2.certainty == .affirmed, "\(text)")
            #expect(l2.reading("character")?.certainty == .affirmed, "\(text)")
            #expect(l2.reading("posterolateral")?.value == "none" && l2.reading("posterolateral")?.certainty == .negated, "\(text)")
        }
        // A site said to be whole is no lesion; a cortex intact beside a lesion leaves the lesion.
        #expect(extractor.extract("T12 vertebral body is intact.").lesions.isEmpty)
        #expect(try requireLesion("femur left proximal", in: "Lytic lesion of the left femoral neck with intact cortex.").reading("character")?.certainty == .affirmed)
    }

    /// The same denial in other words (after ehr33): "normal", "unremarkable", "preserved",
    /// "完整", "正常" deny the finding right before them — with only a copula or 结构/骨质 between —
    /// and nothing further back: "with the cortex intact" is the cortex's, not the lesion's.
    @Test func otherWordsForWhole() throws {
        for (text, key) in [
            ("T8椎体溶骨性骨质破坏，附件完整。", "T8"), ("T8椎体溶骨性骨质破坏，双侧椎弓根骨质完整。", "T8"), ("L1椎体骨质破坏，附件结构正常。", "L1"),
            ("L1 lytic lesion; the pedicles are normal.", "L1"), ("L1 lytic lesion. Posterior elements are unremarkable.", "L1"),
            ("L1 lytic lesion, posterior elements preserved.", "L1"),
        ] {
            let found = try requireLesion(key, in: text)
            #expect(found.certainty == .affirmed, "\(text)")
            #expect(found.reading("posterolateral")?.value == "none" && found.reading("posterolateral")?.certainty == .negated, "\(text)")
        }
        let femur = try requireLesion("femur proximal", in: "Lytic lesion of the femoral neck with the cortex intact.")
        #expect(femur.reading("character")?.certainty == .affirmed)
        #expect(try requireLesion("L2", in: "Lytic lesion in L2 with normal alignment.").reading("character")?.certainty == .affirmed)
    }

    @Test func oneSideSparedBesideTheOtherInvolvedIsUnilateral() throws {
        let t10 = try requireLesion("T10", in: "Metastatic lesion replacing the T10 vertebral body. Right pedicle involved; left pedicle spared.")
        #expect(t10.reading("posterolateral")?.value == "unilateral")
        #expect(t10.reading("posterolateral")?.certainty == .affirmed)
        // Both sides named, one involved, the same side denied: still a contradiction, in doubt.
        let same = try requireLesion("T10", in: "T10 lesion. Right pedicle involved; right pedicle spared.")
        #expect(same.reading("posterolateral")?.certainty != .affirmed)
    }

    @Test func theCanalFreeOfSoftTissueIsNoEpiduralDisease() throws {
        let t6 = try requireLesion("T6", in: "胸椎CT：T6椎体溶骨性骨质破坏，椎管内未见软组织影。")
        #expect(t6.reading("escc")?.value == "1a" && t6.reading("escc")?.certainty == .negated)
        #expect(!t6.readings.contains { $0.field == "softTissue" && $0.certainty == .affirmed })
    }

    @Test func aFractionOfTheBoneWidth() throws {
        let femur = try requireLesion("femur left peritrochanteric", in: "Ill-defined lytic lesion in the left subtrochanteric region measuring 3 cm, involving more than two thirds of the bone width.")
        #expect(femur.reading("mirelsSize")?.value == "moreThanTwoThirds")
    }

    @Test func aSentenceOfWholeSitesDoesNotTakeTheNextOnesFinding() throws {
        let text = "CT PELVIS: Mixed lytic and sclerotic metastasis in the left acetabulum with cortical breakthrough. Left femoral head and neck are intact. No fracture."
        let acetabulum = try requireLesion("acetabulum left", in: text)
        #expect(acetabulum.reading("fracture")?.certainty == .negated)
        #expect(!extractor.extract(text).lesions.contains { $0.site.bone == .femur })
    }
}
