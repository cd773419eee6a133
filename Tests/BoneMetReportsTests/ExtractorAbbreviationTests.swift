@testable import BoneMetReports
import BoneMetRules
import Testing

/// Unseen US reports (2026-12-06, batch 21 of the corpus): "XR R FEMUR: Lytic lesion prox R femur …
/// No fx." gave a femur of no side or segment and no fracture denied; "Rt pedicle" was a side not
/// stated; "L2 pathologic fx" no fracture; "Lt scapula (lytic, 2.4 cm), sternum (sclerotic),
/// bilateral iliac bones (mixed)" gave all three "mixed" and the scapula's size to the sternum; and
/// "the left and right femurs" read the right one only.
@Suite struct ExtractorAbbreviationTests: ExtractorFixture {
    @Test func sidesSegmentsAndFracturesAbbreviated() throws {
        let femur = try requireLesion("femur right proximal", in: "XR R FEMUR: Lytic lesion prox R femur, ~3 cm, involving >2/3 of cortical width. No fx.")
        #expect(femur.reading("fracture")?.certainty == .negated)
        #expect(femur.reading("mirelsSize")?.value == "moreThanTwoThirds")
        #expect(try requireLesion("T9", in: "New lytic lesion T9 w/ involvement of the Rt pedicle.").reading("posterolateral")?.value == "unilateral")
        #expect(try requireLesion("scapula left", in: "Lt scapula lytic lesion.").reading("character")?.value == "lytic")
        #expect(try requireLesion("L2", in: "L2 pathologic fx with >50% height loss.").reading("fracture")?.value == "true")
        // A single letter is a side only as a whole word before its bone: levels and regions stay.
        #expect(keys("CT L-SPINE: Lytic lesion at L2 with left pedicle involvement.") == ["L2"])
        #expect(keys("R/O metastasis in the femur.") == ["femur"])
    }

    @Test func eachSitesBracketIsItsOwn() throws {
        let text = "CT CAP: Osseous mets: Lt scapula (lytic, 2.4 cm), sternum (sclerotic), bilateral iliac bones (mixed)."
        let scapula = try requireLesion("scapula left", in: text)
        #expect(scapula.reading("character")?.value == "lytic")
        #expect(scapula.reading("diametersMm")?.value == "24")
        let sternum = try requireLesion("sternum", in: text)
        #expect(sternum.reading("character")?.value == "blastic")
        #expect(sternum.reading("diametersMm") == nil)
        #expect(try requireLesion("pelvis bilateral", in: text).reading("character")?.value == "mixed")
        // A value alone in brackets is an aside: the finding before the list is every site's.
        let pet = "PET-CT: Hypermetabolic lytic lesions in the right iliac bone (SUVmax 11.4) and the L5 vertebral body (SUVmax 8.0)."
        #expect(try requireLesion("L5", in: pet).reading("character")?.value == "lytic")
        #expect(try requireLesion("pelvis right", in: pet).reading("character")?.value == "lytic")
    }

    @Test func bothSidesNamed() {
        #expect(keys("Lytic lesions in the left and right femurs.") == ["femur bilateral"])
        #expect(keys("Lytic lesions in the L and R femurs.") == ["femur bilateral"])
        #expect(keys("Lytic lesion in the left femur and right humerus.") == ["femur left", "humerus right"])
    }
}
