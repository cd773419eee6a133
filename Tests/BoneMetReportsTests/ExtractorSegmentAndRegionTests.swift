@testable import BoneMetReports
import BoneMetRules
import Testing

/// Unseen reports (2026-12-06, batch 17 of the corpus): the supra-acetabular ilium ("right
/// supra-acetabular ilium", "右侧髋臼上方髂骨") was read as two lesions, an acetabulum and a pelvis
/// without its side; a heading's bone lost the segment its sentence names ("RIGHT FEMUR: Lytic
/// lesion in the proximal diaphysis"); "the conus is compressed" was not read; "no longer
/// FDG-avid and appears sclerotic" denied the sclerosis too.
@Suite struct ExtractorSegmentAndRegionTests: ExtractorFixture {

    @Test func theSupraAcetabularIliumIsThePelvis() throws {
        #expect(keys("CT PELVIS: Lytic lesion in the right supra-acetabular ilium measuring 4.2 x 3.1 cm. The acetabular roof is preserved.") == ["pelvis right"])
        #expect(keys("骨盆CT：右侧髋臼上方髂骨见溶骨性骨质破坏，大小约3.5×2.8cm，髋臼顶完整。") == ["pelvis right"])
        // The acetabulum itself stays the acetabulum.
        #expect(keys("Lytic lesion of the left acetabulum.") == ["acetabulum left"])
    }

    @Test func aHeadingsBoneTakesTheSegmentItsSentenceNames() throws {
        let femur = try requireLesion("femur right diaphysis", in: "RIGHT FEMUR: Lytic lesion in the proximal diaphysis, 2.5 cm, involving less than one third of the diameter. No fracture.")
        #expect(femur.reading("character")?.value == "lytic")
        #expect(try requireLesion("femur right diaphysis", in: "Right femur. Lytic lesion in the diaphysis.").reading("character")?.value == "lytic")
        // Two segments named: neither is taken.
        #expect(keys("RIGHT FEMUR: Lytic lesions in the proximal and distal metaphyses.") == ["femur right"])
    }

    @Test func theConusCompressedAndNoLongerAvid() throws {
        #expect(try requireLesion("L1", in: "Lytic L1 lesion. Epidural tumor narrows the canal; the conus is compressed.").reading("escc")?.value == "2")
        let humerus = try requireLesion("humerus right", in: "The previously seen right humeral lesion is no longer FDG-avid and appears sclerotic.")
        #expect(humerus.reading("uptake")?.certainty == .negated)
        #expect(humerus.reading("character")?.value == "blastic" && humerus.reading("character")?.certainty == .affirmed)
    }

    /// "…in T4, T9 and L2, the largest measuring 1.8 cm" gave 18 mm to each of the three, stated.
    /// The size of the largest of several, not said which, is nobody's; named, it is that one's.
    @Test func theLargestOfSeveralIsNoOnesSize() throws {
        for text in ["Multiple sclerotic lesions in T4, T9 and L2, the largest measuring 1.8 cm.", "T4、T9及L2椎体多发成骨性病灶，最大者约1.8cm。"] {
            let found = extractor.extract(text).lesions
            #expect(found.count == 3, "\(text)")
            #expect(!found.contains { $0.reading("diametersMm") != nil }, "\(text)")
        }
        #expect(try requireLesion("T9", in: "Metastases at T4, T9 and L2, the largest at T9 measuring 2.2 cm.").reading("diametersMm")?.value == "22")
        #expect(try requireLesion("L2", in: "Lytic lesion in L2 measuring 2.1 cm; the larger component is posterior.").reading("diametersMm")?.value == "21")
    }

    /// ehr37's CT report (2026-12-06): "右侧股骨上段（转子下区）溶骨性骨质破坏" read "proximal" — Mirels's
    /// site 2 where the trochanteric region scores 3.
    @Test func theTrochantericRegionAfterTheProximalEndIsTheSegment() throws {
        for text in ["右侧股骨上段（转子下区）溶骨性骨质破坏，累及骨干直径约2/3。", "Lytic lesion of the proximal right femur (subtrochanteric region)."] {
            #expect(keys(text) == ["femur right peritrochanteric"], "\(text)")
        }
        // The proximal end alone, and the femoral neck, stay proximal.
        #expect(keys("右股骨上段溶骨性破坏。") == ["femur right proximal"])
        #expect(keys("Lytic lesion in the right femoral neck.") == ["femur right proximal"])
    }
}
