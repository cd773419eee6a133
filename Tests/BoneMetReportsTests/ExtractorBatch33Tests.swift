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

/// Batch 34 (2026-12-07, corpus b34-*, bilingual pairs): a vertebra's low T1 signal with a word
/// between ("T1WI呈弥漫低信号", "diffuse low T1 signal") was no lesion, so its denied epidural
/// extension was lost with it; "has decreased from 4.5 cm to 3.0 cm" read the size but not the
/// change; "脊髓周围脑脊液信号完全消失" read 1a where "complete loss of CSF around the cord" read 3;
/// "more numerous" / "increased in number" were no comparison in English.
@Suite struct ExtractorBatch34Tests: ExtractorFixture {
    @Test func lowT1SignalIsALesion() throws {
        for text in [
            "MRI: The L3 vertebral body shows diffuse low T1 signal with a convex posterior border; no epidural extension.",
            "MRI：L3椎体T1WI呈弥漫低信号，后缘膨隆，未见硬膜外侵犯。",
            "MRI: L3 is T1 hypointense.",
        ] {
            let lesion = try requireLesion("L3", in: text)
            #expect(lesion.certainty == .affirmed, "\(text)")
        }
        let denied = try requireLesion("L3", in: "MRI：L3椎体T1WI呈弥漫低信号，后缘膨隆，未见硬膜外侵犯。")
        #expect(denied.reading("escc")?.certainty == .negated, "\(denied.readings)")
    }

    @Test func aSizeFallenFromIsADecrease() throws {
        for text in [
            "CT: The left iliac lesion has decreased from 4.5 cm to 3.0 cm, with increasing sclerosis.",
            "CT：左侧髂骨病灶较前缩小（由4.5cm缩小至3.0cm），硬化增多。",
        ] {
            let lesion = try requireLesion("pelvis left", in: text)
            #expect(lesion.reading("comparison")?.value == "decreased", "\(text)")
            #expect(lesion.reading("diametersMm")?.value == "30", "\(text)")
        }
        // "decreased" alone is not read as the lesion's change (a cold lesion's uptake is apart).
        #expect(try requireLesion("T8", in: "Bone scan: decreased uptake in T8.").reading("comparison") == nil)
    }

    @Test func csfCompletelyGoneIsGradeThree() throws {
        for text in [
            "MRI: C6 metastasis with circumferential epidural tumour and complete loss of CSF around the cord.",
            "MRI：C6椎体转移，硬膜外肿瘤环绕，脊髓周围脑脊液信号完全消失。",
        ] {
            #expect(try requireLesion("C6", in: text).reading("escc")?.value == "3", "\(text)")
        }
    }

    @Test func moreNumerousIsAComparison() throws {
        let lesion = try requireLesion("rib left", in: "Bone scan: Multiple foci in the left ribs are more numerous than before.")
        #expect(lesion.reading("comparison")?.value == "increased")
    }
}

/// Batch 35 (2026-12-07, corpus b35-*, bilingual pairs): "T7椎体成骨性病灶未见FDG摄取" denied the
/// sclerotic lesion itself (no finding after 未见 to take the denial — "FDG摄取" was no term) where
/// "shows no FDG uptake" denied only the uptake; "loss of about one third of its height" read no
/// collapse where "高度丢失约1/3" read < 50 %.
@Suite struct ExtractorBatch35Tests: ExtractorFixture {
    @Test func noFDGUptakeDeniesTheUptakeNotTheLesion() throws {
        for text in [
            "PET/CT：T7椎体成骨性病灶未见FDG摄取。",
            "PET/CT: The sclerotic lesion at T7 shows no FDG uptake.",
            "PET/CT：T7椎体成骨性病灶，FDG摄取未见增高。",
            "PET/CT：T7椎体成骨性病灶FDG摄取未见明显增高。",
        ] {
            let lesion = try requireLesion("T7", in: text)
            #expect(lesion.certainty == .affirmed, "\(text)")
            #expect(lesion.reading("character")?.value == "blastic", "\(text)")
            #expect(lesion.reading("uptake")?.certainty == .negated, "\(text): \(lesion.readings)")
        }
        #expect(try requireLesion("T7", in: "PET/CT：T7椎体成骨性病灶FDG摄取增高。").reading("uptake")?.certainty == .affirmed)
    }

    @Test func aFractionOfTheHeightInWordsIsTheDegree() throws {
        #expect(try requireLesion("L2", in: "CT: L2 lytic lesion with loss of about one third of its height.").reading("collapse")?.value == "under50")
        #expect(try requireLesion("T9", in: "CT: T9 metastasis with loss of two thirds of its height.").reading("collapse")?.value == "over50")
        #expect(try requireLesion("L2", in: "CT：L2椎体溶骨性破坏，高度丢失约1/3。").reading("collapse")?.value == "under50")
    }
}

/// Batch 36 (2026-12-07, corpus b36-*, bilingual pairs): "右股骨近端…，累及小转子" was proximal where
/// "proximal right femur involving the lesser trochanter" was peritrochanteric (Mirels scores the
/// site 3 against 2); a former uptake ("previously FDG-avid", "原FDG高摄取") now denied read the
/// uptake in doubt, and "现未见异常摄取" denied the lesion itself; "病灶FDG摄取消失" denied the lesion
/// where "no longer FDG-avid" denied only its uptake.
@Suite struct ExtractorBatch36Tests: ExtractorFixture {
    @Test func aTrochanterReachedIsPeritrochanteric() throws {
        for text in [
            "X线：右股骨近端虫蚀样溶骨性破坏，累及小转子，未见骨折线。",
            "X-ray: Permeative lytic lesion in the proximal right femur involving the lesser trochanter; no fracture line.",
        ] {
            #expect(keys(text).contains("femur right peritrochanteric"), "\(text): \(keys(text))")
        }
        // Another bone between: the trochanter is its.
        #expect(keys("CT：右股骨近端溶骨性破坏，左股骨累及小转子。").contains("femur right proximal"))
    }

    @Test func uptakeGoneIsTheUptakeDenied() throws {
        for text in [
            "PET/CT: The previously FDG-avid lesion in T11 now shows no abnormal uptake.",
            "PET/CT：T11椎体原FDG高摄取病灶现未见异常摄取。",
            "PET/CT：T11椎体病灶FDG摄取消失。",
            "PET/CT: The T11 lesion is no longer FDG-avid.",
        ] {
            let lesion = try requireLesion("T11", in: text)
            #expect(lesion.certainty == .affirmed, "\(text)")
            #expect(lesion.readings.filter { $0.field == "uptake" }.map(\.certainty) == [.negated], "\(text): \(lesion.readings)")
        }
        // The CSF gone is still compression (消失 is denial only in the uptake's own words).
        #expect(try requireLesion("T10", in: "MRI：T10椎体病灶，脊髓周围脑脊液信号消失。").reading("escc")?.value == "3")
    }
}

/// Batch 38 (16 reports, corpus 639): "a ventral epidural mass deforming the thecal sac" read only
/// the sac's 1b — an epidural mass is its soft tissue, as 硬膜外肿块 and "epidural soft tissue" are.
@Suite struct ExtractorBatch38Tests: ExtractorFixture {
    @Test func anEpiduralMassIsSoftTissue() throws {
        for text in [
            "MRI thoracic spine: Diffuse marrow replacement of T6 with a ventral epidural mass deforming the thecal sac without contacting the cord.",
            "胸椎MRI：T6椎体骨髓信号弥漫异常，腹侧硬膜外肿块致硬膜囊受压变形，未触及脊髓。",
        ] {
            let lesion = try requireLesion("T6", in: text)
            #expect(lesion.reading("softTissue")?.value == "true", "\(text): \(lesion.readings)")
            #expect(lesion.reading("escc")?.value == "1b", "\(text): \(lesion.readings)")
        }
        // Denied, it is no soft tissue.
        let none = try requireLesion("T6", in: "MRI: T6 vertebral metastasis. No epidural mass.")
        #expect(none.reading("softTissue")?.value != "true" || none.reading("softTissue")?.certainty == .negated, "\(none.readings)")
    }
}

/// Batch 39 (16 reports, corpus 655): "累及左侧小关节" read no posterior element where "involving the
/// left facet joint" did — 小关节 is the facet joint; "与脊髓圆锥相贴，圆锥未见受压" read 1a where "contacts
/// the conus medullaris without compressing it" read 1c — the conus contacted is the cord's 1c.
@Suite struct ExtractorBatch39Tests: ExtractorFixture {
    @Test func theSmallJointIsTheFacet() throws {
        let lesion = try requireLesion("C6", in: "CT：C6椎体溶骨成骨混合性病灶，累及左侧小关节，椎体未见压缩。")
        #expect(lesion.reading("posterolateral")?.value == "unilateral", "\(lesion.readings)")
    }

    @Test func theConusContactedIsOneC() throws {
        for text in [
            "胸腰段MRI：L1椎体转移瘤，后方硬膜外肿瘤与脊髓圆锥相贴，圆锥未见受压。",
            "MRI: L1 metastasis. Posterior epidural tumour contacts the conus medullaris without compressing it.",
        ] {
            #expect(try requireLesion("L1", in: text).reading("escc")?.value == "1c", "\(text)")
        }
        // Compressed, it is 2.
        #expect(try requireLesion("L1", in: "MRI：L1椎体转移瘤，硬膜外肿瘤压迫脊髓圆锥。").reading("escc")?.value == "2")
    }
}

