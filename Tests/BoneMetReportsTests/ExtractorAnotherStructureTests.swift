@testable import BoneMetReports
import BoneMetRules
import Testing

/// Unseen reports (2026-12-06, batch 12 of the corpus): a PET-CT's SUVmax values dropped for every
/// site once one site's uptake had a word ("FDG-avid … the right proximal femur (SUVmax 6.4) and the
/// T8 vertebral body (SUVmax 5.1)" lost both lesions); a disc's compression in the clause after
/// its level read as the vertebra's ESCC; "posterior elements spared" read as involved; a spine
/// sentence's "stable" went to the ilium before it; "(2.8 cm, previously 4.1 cm)" read 41 mm; the
/// extent of lesions that also grew in number ("数目增多、范围增大") was dropped; the sacroiliac
/// region was no site.
@Suite struct ExtractorAnotherStructureTests: ExtractorFixture {
    func lesion(_ key: String, in text: String) -> SuggestedLesion? {
        extractor.extract(text).lesions.first { $0.site.key == key }
    }


    @Test func eachSitesSUVmaxIsItsUptake() throws {
        let text = "Numerous FDG-avid osseous lesions, including the left acetabulum (SUVmax 9.2) with cortical breakthrough, the right proximal femur (SUVmax 6.4) and the T8 vertebral body (SUVmax 5.1)."
        for key in ["acetabulum left", "femur right proximal", "T8"] {
            let found = try #require(lesion(key, in: text), "\(key): \(keys(text))")
            #expect(found.reading("uptake")?.value == "true" && found.reading("uptake")?.certainty == .affirmed, "\(key)")
        }
        // The background's SUVmax beside denied uptake stays no uptake.
        let denied = try #require(lesion("pelvis right", in: "右侧髂骨未见FDG代谢增高，SUVmax 1.3。"))
        #expect(denied.reading("uptake")?.certainty == .negated)
    }

    @Test func anotherStructureAtTheSameSiteStaysApart() throws {
        let text = "Lesion in the right proximal femur (SUVmax 6.4). A sclerotic focus in the right femoral head without FDG avidity is likely a bone island."
        let femur = try #require(lesion("femur right proximal", in: text))
        #expect(femur.certainty == .affirmed)
        let uptake = femur.readings.filter { $0.field == "uptake" }
        #expect(uptake.first?.value == "true" && uptake.first?.certainty == .affirmed, "\(uptake)")
        #expect(uptake.dropFirst().allSatisfy { $0.certainty == .other }, "\(uptake)")
        #expect(femur.readings.filter { $0.field == "character" }.allSatisfy { $0.certainty == .other })
    }

    @Test(arguments: [
        ("颈椎MRI：C5椎体转移瘤。C4/5、C5/6椎间盘向后突出，相应水平硬膜囊受压。", "C4"),
        ("CT: Mild canal narrowing at L4-5 due to disc bulge and ligamentum flavum hypertrophy, unchanged.", "L4"),
    ])
    func aClauseBorrowingADiscsLevelSpeaksOfTheDisc(text: String, key: String) throws {
        let level = try #require(lesion(key, in: text), "\(keys(text))")
        #expect(level.certainty == .other, "\(level.readings)")
        #expect(level.readings.allSatisfy { $0.certainty == .other }, "\(level.readings)")
        // A clause with a site of its own keeps its own word.
        let own = try #require(lesion("L2", in: "L4/5椎间盘突出，L2椎体溶骨性骨质破坏。"))
        #expect(own.reading("character")?.certainty == .affirmed)
    }

    @Test func sparedElementsAreNotInvolved() throws {
        for text in [
            "Mixed lesion of L2 without collapse. The posterior elements are spared.",
            "Mixed lesion of L2 without collapse. Posterior elements spared.",
            "Mixed lesion of L2, sparing the posterior elements.",
        ] {
            let l2 = try #require(lesion("L2", in: text))
            #expect(l2.reading("posterolateral")?.certainty == .negated, "\(text)")
        }
    }

    @Test func aSpineSentenceDoesNotSpeakOfTheIliumBefore() throws {
        let text = "IMPRESSION: Treated left iliac metastasis with interval healing response. Stable sclerotic spinal metastases."
        let ilium = try #require(lesion("pelvis left", in: text))
        #expect(ilium.reading("comparison") == nil)
        #expect(ilium.reading("character") == nil)
        // A vertebra's own next sentence still does; so does a rib's paravertebral mass.
        #expect(lesion("T9", in: "T9椎体溶骨性破坏。椎体后缘骨皮质不完整，见软组织肿块。")?.reading("softTissue")?.value == "true")
        #expect(lesion("rib left", in: "Lytic lesion of the left 7th rib. Associated paravertebral soft tissue mass.")?.reading("softTissue")?.value == "true")
    }

    @Test func anEarlierSizeAfterTheCurrentIsNotTheLesions() throws {
        let ilium = try #require(lesion("pelvis left", in: "Lytic lesion in the left iliac wing with a soft tissue component (2.8 cm, previously 4.1 cm)."))
        #expect(ilium.reading("softTissueMm")?.value == "28")
        #expect(ilium.reading("diametersMm") == nil, "\(ilium.readings)")
        // A size alone, and two sizes of the same time, stay.
        #expect(lesion("pelvis left", in: "Lytic lesion in the left iliac wing, 2.8 x 1.9 cm.")?.reading("diametersMm")?.value == "28x19")
    }

    @Test func lesionsThatGrewInExtentAsWellAsNumberAreIncreased() throws {
        let text = "全身骨显像：颅骨、L3椎体见异常放射性浓聚，较前病灶数目明显增多、范围增大。"
        #expect(lesion("L3", in: text)?.reading("comparison")?.value == "increased")
        // The count's own increase alone says nothing of a named lesion.
        #expect(lesion("L3", in: "全身骨显像：颅骨、L3椎体见异常放射性浓聚。与前比较，浓聚灶数目增多。")?.reading("comparison") == nil)
    }

    @Test func theSacroiliacRegionIsThePelvisAndExpansileDestructionIsLytic() throws {
        #expect(lesion("pelvis right", in: "Intense tracer uptake in the sternum and right sacroiliac region.")?.reading("uptake")?.value == "true")
        #expect(lesion("pelvis right", in: "右侧骶髂关节面下见骨质破坏。")?.reading("destruction")?.value == "true")
        let rib = try #require(lesion("rib left", in: "左侧第7后肋见膨胀性骨质破坏，周围软组织肿块。"))
        #expect(rib.reading("character")?.value == "lytic" && rib.reading("destruction")?.value == "true")
        // Degenerative sacroiliac joints stay another process.
        #expect(lesion("pelvis", in: "双侧骶髂关节退行性变。").map { $0.certainty == .other } ?? true)
    }

    @Test func oneCategorySaidAndAnotherDeniedAgree() throws {
        let l2 = try #require(lesion("L2", in: "Mixed lesion of L2. Alignment is normal. No subluxation."))
        #expect(l2.reading("alignment")?.value == "normal" && l2.reading("alignment")?.certainty == .affirmed)
    }

    @Test func anESCCGradeWrittenAsSuchIsRead() throws {
        #expect(lesion("C5", in: "印象：C5椎体转移瘤，硬膜外轻度受压（ESCC 1b）。")?.reading("escc")?.value == "1b")
        #expect(lesion("T9", in: "Impression: T9 metastasis with epidural extension, ESCC 2.")?.reading("escc")?.value == "2")
    }
}

/// Unseen reports (2026-12-06, batch 13): "No fracture" beside "at risk of pathologic fracture"
/// read "fracture present, stated as absent" when a side-less "femoral neck width" was merged in
/// after; "椎体高度未见明显减低" (no collapse) and a bone scan's "浓聚程度减低" / "less intense" were
/// not read; "nonspecific" sclerotic foci were stated lesions.
extension ExtractorAnotherStructureTests {
    @Test func aDenialBesideARiskIsTheDenialsValue() throws {
        let text = "Lytic lesion in the left femoral neck occupying more than half of the femoral neck width. No fracture.\nIMPRESSION: Lytic left femoral neck lesion at risk of pathologic fracture."
        let fracture = try #require(lesion("femur left proximal", in: text)?.reading("fracture"))
        #expect(fracture.value == "false" && fracture.certainty == .negated, "\(fracture)")
    }

    @Test func aHeightNotLoweredIsNoCollapse() throws {
        let collapse = try #require(lesion("L3", in: "L3椎体溶骨性骨质破坏。L3椎体高度未见明显减低。")?.reading("collapse"))
        #expect(collapse.value == "none" && collapse.certainty == .negated)
        // A height unchanged since the last study says nothing of collapse.
        #expect(lesion("T10", in: "T10椎体转移瘤放疗后，T10椎体高度较前无明显变化。")?.reading("collapse") == nil)
    }

    @Test func uptakeLessOrMoreIntenseIsTheComparison() throws {
        #expect(lesion("T7", in: "Bone scan: the focus at T7 is less intense than before.")?.reading("comparison")?.value == "decreased")
        #expect(lesion("T7", in: "Bone scan: the focus at T7 is more intense.")?.reading("comparison")?.value == "increased")
        let l2 = try #require(lesion("L2", in: "全身骨显像：L2椎体放射性浓聚，较前片浓聚程度减低。"))
        #expect(l2.reading("comparison")?.value == "decreased" && l2.reading("comparison")?.certainty == .affirmed)
        #expect(lesion("L2", in: "全身骨显像：L2椎体浓聚程度较前增高。")?.reading("comparison")?.value == "increased")
    }

    @Test func nonspecificFociAreDoubted() throws {
        #expect(lesion("sacrum", in: "Small sclerotic foci in the sacrum are nonspecific.")?.certainty == .uncertain)
        #expect(lesion("sacrum", in: "骶骨见小斑点状高密度影，非特异性。").map { $0.certainty != .affirmed } ?? true)
    }
}

extension ExtractorAnotherStructureTests {
    @Test func someLyticSomeBlasticIsMixedInDoubt() throws {
        let text = "全身多发骨转移：T4、T9椎体及胸骨，FDG代谢异常增高，部分呈溶骨性破坏，部分呈成骨性改变。"
        for key in ["T4", "T9", "sternum"] {
            let character = try #require(lesion(key, in: text)?.reading("character"), "\(key)")
            #expect(character.value == "mixed" && character.certainty == .uncertain, "\(key): \(character)")
        }
    }

    @Test func notSignificantlyChangedIsUnchanged() throws {
        #expect(lesion("T3", in: "Blastic lesions in T3 and T5 vertebral bodies, not significantly changed.")?.reading("comparison")?.value == "unchanged")
        #expect(lesion("T3", in: "Blastic lesion in T3, no significant change.")?.reading("comparison")?.value == "unchanged")
    }
}

extension ExtractorAnotherStructureTests {
    /// SINS has no half (> 50 % is 3, < 50 % is 2): "压缩约1/2" was pre-selected as "> 50 %, stated"
    /// on the report page of an unseen EHR's MRI (ehr30, 2026-12-06).
    @Test func aHalfCollapseIsInDoubt() throws {
        for text in ["T12椎体病理性骨折，压缩约1/2。", "T12椎体压缩约50%。", "T12 pathologic fracture with approximately 50% loss of height.", "T12椎体压缩约一半。"] {
            let collapse = try #require(lesion("T12", in: text)?.reading("collapse"), "\(text)")
            #expect(collapse.value == "over50" && collapse.certainty == .uncertain, "\(text): \(collapse)")
        }
        for text in ["T12椎体压缩超过一半。", "T12 with more than 50% collapse.", "T12 with greater than 50% loss of height.", "T12椎体压缩约60%。", "T12椎体压缩过半。"] {
            let collapse = try #require(lesion("T12", in: text)?.reading("collapse"), "\(text)")
            #expect(collapse.value == "over50" && collapse.certainty == .affirmed, "\(text): \(collapse)")
        }
        // With "compression fracture" stated beside it: the half, in doubt — not "present".
        let both = try #require(lesion("T10", in: "At T10 there is approximately 50% loss of vertebral body height. IMPRESSION: Pathologic compression fracture of T10.")?.reading("collapse"))
        #expect(both.value == "over50" && both.certainty == .uncertain, "\(both)")
        #expect(!ReportExtractor.collapseAtHalf("压缩约51%") && !ReportExtractor.collapseAtHalf("压缩约150%"))
    }
}

/// Unseen post-treatment reports (2026-12-06, batch 14): the callus of a fixed metastatic femur made
/// its shrinking and fill-in "about another structure", and "原溶骨性" made the shrinking history;
/// a healed rib fracture's uptake was a stated lesion; "nearly resolved" foci were gone; "decreased
/// enhancement and size" and an "epidural component" were not read.
extension ExtractorAnotherStructureTests {
    @Test func callusSpeaksOfTheFractureNotOfTheLesionItHealsIn() throws {
        let femur = try #require(lesion("femur right peritrochanteric", in: "右股骨转子间原溶骨性破坏区较前缩小，可见骨痂形成及成骨修复。"))
        #expect(femur.reading("comparison")?.value == "decreased" && femur.reading("comparison")?.certainty == .affirmed)
        #expect(femur.reading("fillIn")?.certainty == .affirmed)
        #expect(femur.reading("character")?.certainty == .historical)
        // A healing or healed fracture itself stays another process.
        #expect(lesion("rib left", in: "CT CHEST: Healing fracture of the left seventh rib with callus formation.")?.certainty == .other)
        #expect(lesion("rib right", in: "Focal uptake in the right sixth rib corresponds to a healed fracture.")?.certainty == .other)
    }

    @Test func nearlyResolvedIsDecreasedNotGone() throws {
        let t9 = try #require(lesion("T9", in: "Bone scan: the previously seen focus at T9 has nearly resolved."))
        #expect(t9.certainty == .affirmed && t9.reading("comparison")?.value == "decreased")
        #expect(lesion("T9", in: "全身骨显像：原T9椎体浓聚灶基本消失。")?.reading("comparison")?.value == "decreased")
        // Resolved is gone.
        #expect(lesion("T9", in: "Bone scan: the focus at T9 has resolved.")?.certainty == .negated)
    }

    @Test func enhancementAndEpiduralComponent() throws {
        #expect(lesion("pelvis right", in: "MRI: Treated right iliac metastasis with decreased enhancement and size.")?.reading("comparison")?.value == "decreased")
        let t10 = try #require(lesion("T10", in: "New lytic lesion in the T10 vertebral body with a 1.4 cm epidural component indenting the ventral thecal sac."))
        #expect(t10.reading("softTissueMm")?.value == "14" && t10.reading("diametersMm") == nil)
        #expect(t10.reading("escc")?.value == "1b")
    }
}

/// Unseen reports (2026-12-06, batch 15): elements named without a side and then with one read
/// "involved, side not stated"; a sacral lesion reaching the sacroiliac joint gave its mass and size
/// to a "right pelvis".
extension ExtractorAnotherStructureTests {
    @Test(arguments: [
        "L2 vertebral body 异常信号，posterior elements受累（双侧椎弓根）。", "L2椎体及附件受累，以双侧椎弓根为著。",
        "L2 lesion involving the posterior elements, including both pedicles.",
    ])
    func theSideSaidOfTheElementsIsTheReading(text: String) throws {
        let reading = try #require(lesion("L2", in: text)?.reading("posterolateral"), "\(text)")
        #expect(reading.value == "bilateral" && reading.certainty == .affirmed, "\(text): \(reading)")
    }

    @Test func theSacroiliacJointBesideASacralLesionIsItsReach() throws {
        let text = "骶骨MRI：骶1椎体见不规则异常信号，病变累及右侧骶孔及骶髂关节，周围见软组织肿块，大小约4.5×3.8cm。"
        let s1 = try #require(lesion("S1", in: text))
        #expect(s1.reading("softTissue")?.value == "true")
        #expect(lesion("pelvis right", in: text) == nil)
    }

    @Test func aHeadingsSiteIsNotTheSubjectOfAFindingWhoseSitesFollow() throws {
        let text = "CT ABDOMEN/PELVIS: Numerous sclerotic osseous metastases throughout the lumbar spine, pelvis and proximal femora."
        #expect(lesion("femur bilateral proximal", in: text)?.reading("character")?.value == "blastic")
        // With no site after it, the heading's site still is ("RIGHT FEMUR: lytic lesion.").
        #expect(lesion("femur right", in: "RIGHT FEMUR, TWO VIEWS: Lytic lesion.")?.reading("character")?.value == "lytic")
    }
}
