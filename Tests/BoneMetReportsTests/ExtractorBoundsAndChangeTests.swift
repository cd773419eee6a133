@testable import BoneMetReports
import BoneMetRules
import Testing

/// Unseen reports (2026-12-06, batch 20 of the corpus): "T9椎体压缩约1/2以上" read "≥ 50 %" in doubt
/// (the bound after the half unread); "shows new peripheral sclerosis" no sclerotic rim; "the spinal
/// cord is deformed but CSF is still visible" no ESCC 2; "放射性浓聚较前明显增高" no comparison.
@Suite struct ExtractorBoundsAndChangeTests: ExtractorFixture {
    @Test func aHalfBoundedAfterIsNoHalf() throws {
        let above = try #require(try requireLesion("T9", in: "T9椎体压缩约1/2以上，局部后凸。").reading("collapse"))
        #expect(above.value == "over50" && above.certainty == .affirmed)
        let below = try #require(try requireLesion("T9", in: "T9椎体压缩约1/2以下。").reading("collapse"))
        #expect(below.value == "under50" && below.certainty == .affirmed)
        // A half alone stays in doubt (SINS has no half).
        let half = try #require(try requireLesion("T9", in: "T9椎体压缩约1/2。").reading("collapse"))
        #expect(half.value == "over50" && half.certainty == .uncertain)
    }

    @Test func peripheralSclerosisIsARim() throws {
        let acetabulum = try requireLesion("acetabulum right", in: "The lytic lesion of the right acetabulum has decreased in size (2.0 cm from 2.9 cm) and shows new peripheral sclerosis.")
        #expect(acetabulum.reading("rim")?.value == "true")
        #expect(acetabulum.reading("comparison")?.value == "decreased")
        #expect(acetabulum.reading("diametersMm")?.value == "20")
    }

    @Test func aDeformedCordWithCSFAroundIsGradeTwo() throws {
        let t12 = try requireLesion("T12", in: "Pathologic fracture of T12 with 40% height loss; the spinal cord is deformed but CSF is still visible around it.")
        #expect(t12.reading("escc")?.value == "2")
        #expect(t12.reading("collapse")?.value == "under50")
    }

    /// "较前降低", "较前升高" and their kin (2026-12-06: "FDG代谢增高，SUVmax 6.2，较前降低" gave no comparison).
    @Test func chineseComparisonsAgainstBefore() throws {
        #expect(try requireLesion("pelvis right", in: "PET-CT：右侧髂骨FDG代谢增高，SUVmax 6.2，较前降低。").reading("comparison")?.value == "decreased")
        #expect(try requireLesion("L2", in: "L2椎体病灶较前明显增大。").reading("comparison")?.value == "increased")
        #expect(try requireLesion("T6", in: "T6椎体放射性浓聚较前升高。").reading("comparison")?.value == "increased")
    }

    /// English sizes against before (2026-12-06): "Interval increase in size of …", "is slightly
    /// larger", "is smaller" gave no comparison — but "interval increase in the number of
    /// metastases" is a count (`b19-en-06`), not a lesion grown; a collapse's degree after a comma,
    /// "Progressive collapse of T11, now greater than 50%", was only "present".
    @Test func englishComparisonsAndADegreeAfterAComma() throws {
        #expect(try requireLesion("pelvis right", in: "Interval increase in size of the right iliac lesion.").reading("comparison")?.value == "increased")
        #expect(try requireLesion("pelvis right", in: "The right iliac lesion is slightly larger.").reading("comparison")?.value == "increased")
        #expect(try requireLesion("sternum", in: "The sternal lesion is smaller.").reading("comparison")?.value == "decreased")
        #expect(try requireLesion("T11", in: "Progressive collapse of T11, now greater than 50%.").reading("collapse")?.value == "over50")
        #expect(try requireLesion("T11", in: "Collapse of T11, unchanged.").reading("collapse")?.value == "present")
    }

    @Test func uptakeHigherThanBefore() throws {
        for text in ["全身骨显像：T8椎体放射性浓聚较前明显增高。", "全身骨显像：L2椎体放射性浓聚较前增高。"] {
            let found = try #require(extractor.extract(text).lesions.first)
            #expect(found.reading("comparison")?.value == "increased", "\(text)")
            #expect(found.reading("uptake")?.value == "true", "\(text)")
        }
    }
}

/// Unseen Chinese reports (2026-12-06, batch 22): "呈虫蚀状骨质破坏", "筛孔样骨质破坏" gave no
/// character; "双侧髂骨、骶骨多发斑片状高密度影，边界模糊，考虑成骨性转移" read the sclerotic lesions
/// themselves in doubt — the high-density foci are seen, only their nature is "考虑".
@Suite struct ExtractorChineseDensityWordsTests: ExtractorFixture {
    @Test func lyticPatternsAndSclerosisSeen() throws {
        for text in ["L3椎体呈虫蚀状骨质破坏。", "左股骨远端见筛孔样骨质破坏。", "颅骨多发穿凿样骨质破坏。"] {
            #expect(extractor.extract(text).lesions.first?.reading("character")?.value == "lytic", "\(text)")
        }
        let text = "骨盆CT：双侧髂骨、骶骨多发斑片状高密度影，边界模糊，考虑成骨性转移。"
        for key in ["pelvis bilateral", "sacrum"] {
            let lesion = try requireLesion(key, in: text)
            #expect(lesion.certainty == .affirmed, "\(key)")
            #expect(lesion.reading("character")?.value == "blastic" && lesion.reading("character")?.certainty == .affirmed, "\(key)")
        }
        // A bone island stays another structure; a focus said nonspecific is in doubt.
        #expect(try requireLesion("L4", in: "L4椎体小片状高密度影，考虑骨岛可能。").certainty == .other)
        #expect(try requireLesion("sacrum", in: "骶骨见小斑点状高密度影，非特异性。").certainty == .uncertain)
    }
}

/// Unseen reports (2026-12-06, batch 23): "右侧股骨颈…见片状长T1长T2信号，考虑转移瘤" read the femur in
/// doubt (the signal seen was no reading, only the diagnosis under 考虑); "New hypermetabolic
/// lytic lesion in the right femoral neck" lost its "new" as the uptake's; "shows decreased FDG
/// uptake" gave no comparison.
@Suite struct ExtractorSignalAndPETChangeTests: ExtractorFixture {
    @Test func aProlongedT1SignalIsSeen() throws {
        for text in ["右侧股骨颈见片状长T1长T2信号，考虑转移瘤。", "L2椎体见类圆形长T1短T2信号，考虑转移瘤。", "T8椎体T1WI低信号，考虑转移瘤。"] {
            let found = try #require(extractor.extract(text).lesions.first, "\(text)")
            #expect(found.certainty == .affirmed, "\(text)")
        }
        // A T2 hyperintensity alone is oedema as often: the diagnosis stays in doubt.
        #expect(extractor.extract("MRI：L1椎体T2WI高信号，考虑转移。").lesions.first?.certainty == .uncertain)
        // Modic endplate changes are degenerative: another process, as a haemangioma.
        let modic = extractor.extract("L5椎体上终板下见条片状长T1长T2信号，考虑Modic I型改变。").lesions
        #expect(!modic.isEmpty && modic.allSatisfy { $0.certainty == .other })
    }

    @Test func newBeforeSeveralDescribingWords() throws {
        let femur = try requireLesion("femur right proximal", in: "FDG PET/CT: New hypermetabolic lytic lesion in the right femoral neck (SUVmax 7.2).")
        #expect(femur.reading("comparison")?.value == "new")
        #expect(femur.reading("character")?.value == "lytic")
        // "new" before a finding of a known lesion still describes that finding.
        let t9 = try requireLesion("T9", in: "The T9 lesion shows new cortical destruction.")
        #expect(t9.reading("comparison")?.value != "new")
    }

    @Test func decreasedFDGUptakeIsAgainstThePrior() throws {
        let sternum = try requireLesion("sternum", in: "The previously noted sternal lesion shows decreased FDG uptake.")
        #expect(sternum.reading("comparison")?.value == "decreased")
        #expect(sternum.reading("uptake")?.value == "true")
    }
}

/// The part of a bone that ends its name in a list (2026-12-06, beside batch 23): "left iliac wing
/// and sacrum", "iliac wings and L5", "left sacral ala and ilium", "left iliac crest and the T10
/// vertebral body", "右肱骨干骺端及T10椎体" lost a site (the words between were no list words); the
/// sacral ala takes the side of the sacroiliac joint's other bone ("右侧髂骨及骶骨翼", "左侧骶骨翼及髂骨")
/// — the sacrum's body, midline, takes none. "右肱骨干骺端" read "humeral diaphysis" (骨干 inside
/// 干骺端, and 干骺端 had been read as distal — a metaphysis is at either end); "髂嵴" and "greater
/// trochanter" named no bone.
@Suite struct ExtractorAlaAndWingListTests: ExtractorFixture {
    @Test func aWingOrAlaEndsItsSiteInAList() throws {
        let sites = { (text: String) in Set(extractor.extract(text).lesions.map(\.site.key)) }
        #expect(sites("Lytic lesions of the left iliac wing and sacrum.") == ["pelvis left", "sacrum"])
        #expect(sites("Lytic lesions in the iliac wings and L5.") == ["pelvis", "L5"])
        #expect(sites("Lytic lesions of the left sacral ala and ilium.") == ["sacrum left", "pelvis left"])
        #expect(sites("右侧髂骨及骶骨翼骨质破坏。") == ["pelvis right", "sacrum right"])
        #expect(sites("左侧骶骨翼及髂骨骨质破坏。") == ["sacrum left", "pelvis left"])
        #expect(sites("右侧髂骨及骶骨多发骨质破坏。") == ["pelvis right", "sacrum"])
        for part in ["left iliac crest", "left superior pubic ramus", "left femoral condyle", "right humeral metaphysis", "T8 spinous process"] {
            #expect(sites("Lytic lesions of the \(part) and the T10 vertebral body.").contains("T10"), "\(part)")
        }
        #expect(sites("右肱骨干骺端及T10椎体骨质破坏。") == ["humerus right", "T10"])
        #expect(sites("左侧髂嵴及T10椎体骨质破坏。") == ["pelvis left", "T10"])
        // "as well as", "along with" list sites too (the second was lost).
        #expect(sites("Destructive lesions are seen in the right humeral shaft as well as the sacrum.") == ["humerus right diaphysis", "sacrum"])
        #expect(sites("Sclerotic foci in T7 along with the left 6th rib.") == ["T7", "rib left"])
    }

    @Test func aMetaphysisIsNoShaftAndATrochanterIsTheFemurs() throws {
        let sites = { (text: String) in Set(extractor.extract(text).lesions.map(\.site.key)) }
        #expect(sites("右肱骨干骺端骨质破坏。") == ["humerus right"])
        #expect(sites("右股骨远端干骺端溶骨性骨质破坏。") == ["femur right distal"])
        #expect(sites("右股骨干骨质破坏。") == ["femur right diaphysis"])
        #expect(sites("Lytic lesion of the right greater trochanter.") == ["femur right peritrochanteric"])
        #expect(sites("Lytic lesion in the greater trochanter of the right femur.") == ["femur right peritrochanteric"])
    }
}

/// Site templates run against the reader (2026-12-06): English findings before their sites, two
/// in one sentence — "Lytic lesion of the right humerus and sclerotic lesion of the left femur"
/// gave the humerus both characters and the femur none; a list's trailing "several of which are
/// new" is its last site's; "bilateral femoral heads" had no segment; "胸4、6椎体" lost T6; 寰椎,
/// 枢椎, odontoid, tibial plateau, greater tuberosity, femoral condyle, olecranon were no site or
/// no segment.
@Suite struct ExtractorSiteTemplateTests: ExtractorFixture {
    /// The value a field reads at the suggested lesion of a site key.
    func value(_ lesions: [SuggestedLesion], _ key: String, _ field: String) -> String? {
        lesions.first { $0.site.key == key }?.reading(field)?.value
    }

    @Test func eachFindingGoesToTheSiteItsPrepositionIntroduces() throws {
        let found = extractor.extract("Lytic lesion of the right humerus and sclerotic lesion of the left femur.").lesions
        #expect(value(found, "humerus right", "character") == "lytic")
        #expect(value(found, "femur left", "character") == "blastic")
        let ribs = extractor.extract("Expansile lytic lesion of the right 4th rib and a sclerotic focus in the left 9th rib.").lesions
        #expect(value(ribs, "rib right", "character") == "lytic")
        #expect(value(ribs, "rib left", "character") == "blastic")
    }

    @Test func aSiteAsItsFindingsSubject() throws {
        let found = extractor.extract("The L2 vertebral body shows a lytic lesion and the sternum shows a sclerotic lesion.").lesions
        #expect(value(found, "L2", "character") == "lytic")
        #expect(value(found, "sternum", "character") == "blastic")
    }

    /// ", and a …" starts a phrase of its own: the tibia's fracture is no longer denied by the
    /// femur's "without fracture"; "without A and B" still denies both.
    @Test func aCoordinatedPhraseEndsANegation() throws {
        let found = extractor.extract("Lytic lesion of the left femoral neck without fracture, and a pathologic fracture of the right proximal tibia.").lesions
        let tibia = try #require(found.first { $0.site.key == "tibia right proximal" })
        #expect(tibia.certainty == .affirmed && tibia.reading("fracture")?.value == "true")
        #expect(found.first { $0.site.key == "femur left proximal" }?.reading("fracture")?.certainty == .negated)
        let both = try requireLesion("pelvis right", in: "Lytic lesion of the right ilium without cortical breakthrough and soft tissue extension.")
        #expect(both.reading("softTissue")?.certainty == .negated)
    }

    @Test func sizesStayWithTheirSites() throws {
        let spine = extractor.extract("Lytic lesion at L3 measuring 2.5 cm and sclerotic lesion at L5 measuring 1.2 cm.").lesions
        #expect(value(spine, "L3", "diametersMm") == "25")
        #expect(value(spine, "L5", "diametersMm") == "12")
        let limbs = extractor.extract("Lytic lesions of the right femur (3.1 cm) and left humerus (2.2 cm).").lesions
        #expect(value(limbs, "femur right", "diametersMm") == "31")
        #expect(value(limbs, "humerus left", "diametersMm") == "22")
        #expect(limbs.allSatisfy { $0.reading("character")?.value == "lytic" }, "the list still shares its character")
        #expect(try requireLesion("femur bilateral proximal", in: "Bilateral femoral heads show a lytic lesion and T7 shows a sclerotic lesion.").reading("character")?.value == "lytic")
    }

    @Test func ofWhichIsTheLastSite() throws {
        let found = extractor.extract("Intense uptake in the sternum, right sacroiliac region and multiple bilateral ribs, several of which are new.").lesions
        #expect(value(found, "rib bilateral", "comparison") == "new")
        #expect(found.first { $0.site.key == "sternum" }?.reading("comparison") == nil)
    }

    @Test func namedVerticesListsAndParts() throws {
        let sites = { (text: String) in Set(extractor.extract(text).lesions.map(\.site.key)) }
        #expect(sites("胸4、6椎体溶骨性骨质破坏。") == ["T4", "T6"])
        #expect(sites("腰2、3、4椎体成骨性改变。") == ["L2", "L3", "L4"])
        #expect(!sites("胸4椎体病灶，建议4、6个月后复查。").contains("T6"), "a list ends with the vertebra's word")
        #expect(sites("枢椎齿突骨质破坏。") == ["C2"])
        #expect(sites("寰椎前弓骨质破坏。") == ["C1"])
        #expect(sites("Lytic lesion of the odontoid process.") == ["C2"])
        #expect(sites("Sclerotic lesions in bilateral femoral heads.") == ["femur bilateral proximal"])
        #expect(sites("右胫骨平台骨质破坏。") == ["tibia right proximal"])
        #expect(sites("Lytic lesion of the left greater tuberosity of the humerus.") == ["humerus left proximal"])
        #expect(sites("右股骨外侧髁骨质破坏。") == ["femur right distal"])
        #expect(sites("胫骨外侧髁骨质破坏。") == ["tibia proximal"])
        #expect(sites("Lytic lesion of the left olecranon.") == ["ulna left proximal"])
    }
}

/// ehr39 (2026-12-06, a Chinese follow-up CT report): "右侧髂骨病灶周围成骨硬化，大小约30×24mm" read
/// the lesion "blastic" (成骨 inside the phrase) — sclerosis around a lesion is its margin, MDA's
/// sclerotic rim, as "peripheral sclerosis" was read in English; "病灶周围硬化" and "lesion with
/// surrounding sclerosis" read nothing.
@Suite struct SurroundingSclerosisIsARimTests: ExtractorFixture {
    @Test func sclerosisAroundALesionIsItsRim() throws {
        for text in ["右侧髂骨病灶周围成骨硬化，大小约30×24mm，较前相仿。", "右侧髂骨病灶周围硬化。", "右侧髂骨溶骨性破坏，周边骨质硬化。",
                     "右侧髂骨病灶边缘骨质硬化。", "Right iliac lesion with surrounding sclerosis.", "Right iliac lytic lesion with a rim of sclerosis."] {
            let lesion = try requireLesion("pelvis right", in: text)
            #expect(lesion.reading("rim")?.value == "true", "\(text)")
            #expect(lesion.reading("character")?.value != "blastic", "\(text)")
        }
        // The lytic lesion stays lytic beside its rim; "骨质硬化" alone is still a blastic lesion.
        #expect(try requireLesion("pelvis right", in: "右侧髂骨溶骨性破坏，周边骨质硬化。").reading("character")?.value == "lytic")
        #expect(try requireLesion("pelvis right", in: "右侧髂骨骨质硬化。").reading("character")?.value == "blastic")
    }
}

/// New lesions a report counts without naming them (2026-12-06): "新见2处放射性浓聚灶", "two new foci
/// of uptake" read as nothing — what PCWG3's 2+2 rule counts on a bone scan. A number written in a
/// clause that names no site is the study's count; a named site is a lesion of its own.
@Suite struct NewLesionCountTests: ExtractorFixture {
    @Test func aCountWithoutSitesIsRead() {
        #expect(extractor.newLesionCount("全身骨显像：新见2处放射性浓聚灶。") == 2)
        #expect(extractor.newLesionCount("Bone scan: two new foci of uptake.") == 2)
        #expect(extractor.newLesionCount("Interval development of three new lesions, in keeping with progression.") == 3)
        #expect(extractor.newLesionCount("骨显像：较前新增两处浓聚灶；另新见1处病灶。") == 3)
    }

    @Test func noNumberNoSiteOrNothingNewGivesNone() {
        #expect(extractor.newLesionCount("骨显像：较前新增多发放射性浓聚灶。") == nil, "many is no number")
        #expect(extractor.newLesionCount("Bone scan: multiple new foci.") == nil)
        #expect(extractor.newLesionCount("全身骨显像：T7、L2椎体新见放射性浓聚灶。") == nil, "named sites are lesions of their own")
        #expect(extractor.newLesionCount("Two foci of uptake in the pelvis, unchanged.") == nil)
        #expect(extractor.newLesionCount("未见新发病灶。") == nil)
    }
}
