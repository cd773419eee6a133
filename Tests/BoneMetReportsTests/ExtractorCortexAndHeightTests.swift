@testable import BoneMetReports
import BoneMetRules
import Testing

/// Unseen reports (2026-12-06, batch 19 of the corpus): "lytic lesion, 2.6 cm, without cortical
/// breakthrough" read as no bone destruction beside its lytic character; "椎体高度尚可" left the
/// collapse unread; "Bilateral lateral masses are involved" (C2) no posterior elements; "mild
/// pathologic compression deformity" no fracture; "extending into the gluteal musculature" no
/// soft-tissue mass.
@Suite struct ExtractorCortexAndHeightTests: ExtractorFixture {
    @Test func theCortexKeptDeniesNoDestruction() throws {
        for text in ["Right iliac wing lytic lesion, 2.6 cm, without cortical breakthrough.", "右侧髂骨溶骨性病变，未见骨皮质破坏。"] {
            let ilium = try requireLesion("pelvis right", in: text)
            #expect(ilium.reading("character")?.value == "lytic", "\(text)")
            #expect(ilium.reading("destruction") == nil, "\(text)")
        }
        // A broken cortex is destruction, as before.
        #expect(try requireLesion("pelvis right", in: "Right iliac wing lesion with cortical breakthrough.").reading("destruction")?.value == "true")
    }

    @Test func theHeightKeptDeniesACollapse() throws {
        for text in ["L1椎体溶骨性破坏，累及左侧椎弓根，椎体高度尚可。", "L1椎体溶骨性破坏，椎体高度正常。"] {
            let l1 = try requireLesion("L1", in: text)
            #expect(l1.reading("collapse")?.certainty == .negated, "\(text)")
            #expect(l1.reading("destruction")?.certainty == .affirmed, "\(text)")
        }
        #expect(try requireLesion("L1", in: "L1椎体溶骨性破坏，累及左侧椎弓根，椎体高度尚可。").reading("posterolateral")?.value == "unilateral")
    }

    @Test func lateralMassesArePosteriorElements() throws {
        let c2 = try requireLesion("C2", in: "Lytic destruction of the C2 vertebral body and dens. Bilateral lateral masses are involved.")
        #expect(c2.reading("posterolateral")?.value == "bilateral")
    }

    @Test func aPathologicCompressionDeformityIsAFracture() throws {
        let pathologic = try requireLesion("L4", in: "L4 metastasis with mild pathologic compression deformity.")
        #expect(pathologic.reading("fracture")?.value == "true")
        #expect(pathologic.reading("collapse") != nil)
        // Without "pathologic" it is a loss of height only (en-ct-16).
        let plain = try requireLesion("L1", in: "Compression deformity of L1 with less than 50% height loss.")
        #expect(plain.reading("fracture") == nil)
        #expect(plain.reading("collapse")?.value == "under50")
    }

    @Test func aMassIntoTheMusclesIsASoftTissueMass() throws {
        let ilium = try requireLesion("pelvis right", in: "Large destructive mass centered in the right ilium extending into the gluteal musculature, 8.5 x 6.0 cm.")
        #expect(ilium.reading("softTissue")?.value == "true")
        #expect(ilium.reading("destruction")?.value == "true")
    }
}
