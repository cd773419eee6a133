/// Batch 24 of unseen reports (2026-12-06, docs/performance.md): each class found, one suite.
@testable import BoneMetReports
import Testing

/// Unseen reports (2026-12-06): a PET-CT's list of bones followed by a sentence about the lung
/// primary gave the lung mass's size to every bone; "without cortical destruction, likely
/// healing response" denied the healing. Corpus entries b24-zh-01 and b24-en-01.
@Suite struct ExtractorOrganAndScopeTests: ExtractorFixture {
    @Test func aSentenceAboutAnotherOrganIsNoBonesReading() throws {
        let text = "全身多发骨代谢增高灶，分别位于颅骨、胸骨及骨盆诸骨，CT相应部位见溶骨性骨质破坏。右肺上叶见一大小约3.2cm×2.8cm的软组织肿块，SUVmax 12.3。"
        for key in ["skull", "sternum", "pelvis"] {
            let lesion = try requireLesion(key, in: text)
            #expect(lesion.reading("diametersMm") == nil, "\(key)")
            #expect(lesion.reading("softTissue") == nil, "\(key)")
            #expect(lesion.reading("character")?.value == "lytic")
        }
        let english = try requireLesion("sternum", in: "Lytic lesion of the sternum. Right upper lobe mass measuring 3.2 x 2.8 cm.")
        #expect(english.reading("diametersMm") == nil)
        // The lesion reaching an organ, a primary's name, and the spinal canal's fluid are still
        // the lesion's: the sentence after it keeps its readings.
        let pleura = try requireLesion("rib right", in: "右侧第6肋骨质破坏。病灶累及邻近胸膜，伴软组织肿块，大小约4.0×3.0cm。")
        #expect(pleura.reading("diametersMm")?.value == "40x30")
        let primary = try requireLesion("pelvis left", in: "左侧髂骨溶骨性骨质破坏。考虑肺癌骨转移，较前增大。")
        #expect(primary.reading("comparison")?.value == "increased")
        let fluid = try requireLesion("T7", in: "T7椎体信号异常；椎管内见硬膜外软组织肿块，脊髓受压变形，周围脑脊液信号部分可见。")
        #expect(fluid.reading("softTissue")?.certainty == .affirmed)
    }

    @Test func aDoubtAfterACommaEndsAnEnglishDenial() throws {
        let lesion = try requireLesion("T10", in: "New small sclerotic focus in T10 without cortical destruction, likely healing response.")
        #expect(lesion.reading("fillIn")?.certainty == .uncertain, "\(lesion.readings)")
        // A list after one denial stays denied, commas and all.
        let listed = try requireLesion("T8", in: "Lytic lesion of T8. There is no pathologic fracture, collapse or epidural extension.")
        #expect(listed.reading("fracture")?.certainty == .negated)
        #expect(listed.reading("collapse")?.certainty == .negated, "\(listed.readings)")
    }
}

/// Unseen bone-scan report (2026-12-06): "new foci … in the left 4th and 6th ribs and the T7
/// vertebral body" was one "left rib" with nothing saying it was two — a lesion created from it
/// was one rib. The rib phrase that says which ribs or how many is the suggestion's note.
@Suite struct ExtractorRibNoteTests: ExtractorFixture {
    @Test(arguments: [
        ("Interval development of new foci of uptake in the left 4th and 6th ribs and the T7 vertebral body.", "rib left", "left 4th and 6th ribs"),
        ("右侧第4、5肋骨质破坏，伴软组织肿块。", "rib right", "右侧第4、5肋骨"),
        ("全身多发骨代谢增高灶，分别位于颅骨、胸骨、多根肋骨及骨盆诸骨。", "rib", "多根肋骨"),
        ("Lytic lesion of the right 7th rib.", "rib right", "right 7th rib"),
        ("左第4肋骨质破坏。左第6肋见成骨性病灶。", "rib left", "左第4肋骨; 左第6肋"),
        ("Multiple new foci of uptake in the ribs and spine.", "rib", "ribs"),
    ])
    func theRibsNamedAreTheNote(text: String, key: String, note: String) throws {
        #expect(try requireLesion(key, in: text).note == note)
    }

    @Test func aRibNamedByItsSideAloneHasNone() throws {
        #expect(try requireLesion("rib right", in: "右侧肋骨骨质破坏。").note == nil)
        #expect(try requireLesion("sternum", in: "胸骨骨质破坏。").note == nil)
        #expect(try requireLesion("rib right", in: "Lytic lesion of the right rib.").note == nil)
    }
}

/// Unseen MRI reports (2026-12-06): "Bilsky grade 2" and "ESCC分级：2级" were not read (only the
/// bare "Bilsky 2"); "mildly deforms the spinal cord" was not cord compression. A grade written
/// with its scale's name is the radiologist's conclusion and decides over the words' grades.
@Suite struct ExtractorStatedGradeTests: ExtractorFixture {
    @Test(arguments: [
        ("T8 metastasis, Bilsky grade 1c.", "1c"), ("T8椎体转移瘤，ESCC分级：2级。", "2"), ("T8椎体转移瘤，Bilsky分级为3级。", "3"),
        ("T8 lesion with epidural extension mildly deforming the spinal cord.", "2"),
        ("T8 lesion compressing the cord without surrounding CSF.", "3"),
        ("T8 lesion contacts and mildly deforms the spinal cord without surrounding CSF (Bilsky 2).", "2"),
        ("T8 metastasis, no cord compression (Bilsky 1b).", "1b"),
    ])
    func theGradeIsRead(text: String, grade: String) throws {
        let escc = try #require(try requireLesion("T8", in: text).reading("escc"))
        #expect(escc.value == grade && escc.certainty == .affirmed, "\(escc)")
    }
}

/// Unseen bone-scan report (2026-12-06): "A new focus is seen in the left proximal humerus" and,
/// in the impression, "… suspicious for progression" — the doubted other value made the stated
/// "new" a doubt. A statement stands; a value said only in doubt is offered beside it.
@Suite struct ExtractorStatedBesideDoubtTests: ExtractorFixture {
    @Test func theStatedValueStaysStated() throws {
        let text = "A new focus is seen in the left proximal humerus.\nIMPRESSION: New left humeral lesion suspicious for progression."
        let lesion = try requireLesion("humerus left proximal", in: text)
        let comparisons = lesion.readings.filter { $0.field == "comparison" }
        #expect(comparisons.first?.value == "new" && comparisons.first?.certainty == .affirmed, "\(comparisons)")
        #expect(comparisons.dropFirst().allSatisfy { $0.certainty == .uncertain }, "\(comparisons)")
        // Two values both stated stay one reading in doubt: "new" and "unchanged" said of T8.
        let denied = try requireLesion("T8", in: "New sclerotic focus in T8. T8 is unchanged.")
        #expect(denied.readings.filter { $0.field == "comparison" }.count == 1)
    }
}

/// "右侧髋臼顶骨质破坏" (the acetabular roof) also read a skull lesion: 顶骨, the parietal bone,
/// inside 髋臼顶骨质 (unseen CT report, 2026-12-06).
@Suite struct ExtractorAcetabularRoofTests: ExtractorFixture {
    @Test func theRoofIsTheAcetabulumAlone() {
        #expect(keys("右侧髋臼顶骨质破坏，伴软组织肿块。") == ["acetabulum right"])
        #expect(keys("右侧顶骨溶骨性骨质破坏。") == ["skull right"])
    }
}

/// "压迫左侧坐骨神经" (the sciatic nerve) read a left pelvic lesion; a toe's phalanx (趾骨), the
/// cuboid, cuneiforms, carpals and talus were no site (unseen reports, 2026-12-06).
@Suite struct ExtractorNerveAndSmallBoneTests: ExtractorFixture {
    @Test func aNerveIsNoBoneAndSmallBonesAreSites() {
        #expect(keys("L5椎体骨质破坏，软组织肿块压迫左侧坐骨神经。") == ["L5"])
        #expect(keys("左侧坐骨结节骨质破坏。") == ["pelvis left"])
        #expect(keys("右侧趾骨溶骨性破坏。") == ["foot right"])
        #expect(keys("Lytic lesion of the left talus.") == ["foot left"])
    }
}

/// A bone scan's "右侧第6肋新见放射性浓聚灶" lost its "new": the uptake word took 浓聚 and the focus
/// word 浓聚灶 with it, so "new" read as the uptake's (unseen EHR bundle ehr41, 2026-12-06).
@Suite struct ExtractorNewFocusOfUptakeTests: ExtractorFixture {
    @Test(arguments: ["右侧第6肋新见放射性浓聚灶。", "T9椎体新见放射性浓聚灶。", "左侧髂骨新见异常浓聚灶。", "右侧第6肋见新发放射性浓聚灶。"])
    func theFocusIsNew(text: String) throws {
        let lesion = try #require(extractor.extract(text).lesions.first)
        #expect(lesion.reading("comparison")?.value == "new" && lesion.reading("comparison")?.certainty == .affirmed, "\(lesion.readings)")
        #expect(lesion.reading("uptake")?.value == "true")
    }
}

/// Unseen spine reports (2026-12-06): "Vertebra plana of T7" read nothing; "the right sacral ala
/// extending into the S1 neural foramen" read an S1 lesion (the foramen's level) and lost the ala.
@Suite struct ExtractorPlanaAndForamenTests: ExtractorFixture {
    @Test func aFlattenedBodyIsCollapseOverHalf() throws {
        let t7 = try requireLesion("T7", in: "Vertebra plana of T7 due to metastatic involvement.")
        #expect(t7.reading("collapse")?.value == "over50" && t7.reading("fracture")?.value == "true", "\(t7.readings)")
        // A degree written beside it is the degree.
        #expect(try requireLesion("T7", in: "T7椎体呈扁平椎改变，约压缩30%。").reading("collapse")?.value == "under50")
    }

    @Test func aForamensLevelIsNoLesion() {
        #expect(keys("Expansile lytic lesion in the right sacral ala extending into the S1 neural foramen.") == ["sacrum right"])
        #expect(keys("L5椎体骨质破坏，压迫右侧L5神经根。") == ["L5"])
        #expect(keys("Lytic lesion of the S1 segment of the sacrum.") == ["S1"])
    }
}
