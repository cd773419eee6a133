@testable import BoneMetReports
import Testing

/// Batch 33 (2026-12-07, corpus b33-*, bilingual pairs): the cord pushed aside ("displacing the
/// spinal cord", "推压脊髓") read ESCC 1a in both languages; a former lytic lesion "now completely
/// sclerotic" in Chinese ("原溶骨性病灶已完全硬化") read lytic in doubt — the former state's word
/// reached the fill-in's character; "sclerosis has developed around" gave no rim where "周围出现
/// 硬化" did; "destroying" was no destruction; a bone scan's "focus" was no uptake where "浓聚灶" was.
@Suite struct ExtractorBatch33Tests: ExtractorFixture {
    @Test func theCordPushedAsideIsGradeTwo() throws {
        for text in [
            "MRI thoracic spine: T6 vertebral metastasis with epidural tumour displacing the spinal cord; CSF is still visible around the cord.",
            "胸椎MRI：T6椎体转移，硬膜外肿瘤推压脊髓，脊髓周围仍可见脑脊液。",
            "MRI: T6 metastasis; epidural tumour displaces the cord.",
        ] {
            #expect(try requireLesion("T6", in: text).reading("escc")?.value == "2", "\(text)")
        }
        // The thecal sac pushed is not the cord: 1b.
        #expect(try requireLesion("T6", in: "胸椎MRI：T6椎体转移，硬膜外软组织影压迫硬膜囊，脊髓未见受压变形。").reading("escc")?.value == "1b")
    }

    @Test func aFormerLyticLesionNowSclerosedIsBlastic() throws {
        for text in [
            "CT：胸骨原溶骨性病灶现已完全硬化。",
            "CT：胸骨原溶骨性病灶已完全硬化。",
            "CT：胸骨原溶骨性病灶完全硬化。",
            "CT: The previously lytic sternal lesion is now completely sclerotic.",
        ] {
            let lesion = try requireLesion("sternum", in: text)
            #expect(lesion.certainty == .affirmed, "\(text)")
            #expect(lesion.reading("character")?.value == "blastic", "\(text): \(lesion.readings)")
            #expect(lesion.reading("character")?.certainty == .affirmed, "\(text)")
            #expect(lesion.reading("fillIn")?.value == "complete", "\(text)")
        }
        let changed = try requireLesion("sternum", in: "CT：胸骨原溶骨性病灶现呈成骨性改变。")
        #expect(changed.reading("character")?.value == "blastic", "\(changed.readings)")
        // The former lesion gone is still denied (the present word is no terminator of 不可见).
        #expect(extractor.extract("CT：原右侧肱骨干溶骨性病灶现已不可见。").lesions.allSatisfy { $0.certainty != .affirmed })
    }

    @Test func sclerosisAroundALesionIsARim() throws {
        for text in [
            "X-ray: Sclerosis has developed around the lytic lesion in the left femoral shaft; no fracture.",
            "X线：左股骨干溶骨性病灶周围出现硬化，未见骨折。",
        ] {
            #expect(try requireLesion("femur left diaphysis", in: text).reading("rim")?.value == "true", "\(text)")
        }
    }

    @Test func destroyingIsDestruction() throws {
        let lesion = try requireLesion(
            "humerus right proximal", in: "CT: Lytic lesion in the right proximal humerus destroying about half of the cortical circumference, 3.5 cm; no fracture.")
        #expect(lesion.reading("destruction")?.value == "true")
        let spared = try requireLesion("humerus right proximal", in: "CT: Lytic lesion in the right proximal humerus without destroying the cortex.")
        #expect(spared.reading("destruction")?.value != "true", "\(spared.readings)")
    }

    @Test func aBoneScanFocusIsUptake() throws {
        let scan = "Bone scan: Intense uptake at T11 and L2, new since the prior study; the left 6th rib focus is unchanged."
        let rib = try requireLesion("rib left", in: scan)
        #expect(rib.reading("uptake")?.value == "true")
        #expect(rib.reading("comparison")?.value == "unchanged")
        // Not on a CT, not a cold focus, not foci that have faded.
        #expect(try requireLesion("T9", in: "CT: small sclerotic focus in T9.").reading("uptake") == nil)
        #expect(try requireLesion("T8", in: "Bone scan: A photopenic focus in the T8 vertebral body.").reading("uptake") == nil)
        let faded = try requireLesion("T9", in: "Bone scan: the previously seen foci at T9 and L3 have nearly resolved.")
        #expect(faded.reading("uptake") == nil, "\(faded.readings)")
    }
}
