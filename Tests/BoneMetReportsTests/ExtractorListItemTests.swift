@testable import BoneMetReports
import BoneMetRules
import Testing

/// Unseen reports (2026-12-06): an impression's numbered items on one line carried the first
/// item's site into the second ("1. New lytic lesion of the right proximal femur. 2. Stable
/// sclerotic vertebral metastases." made the femur mixed and stable; "诊断：1.右股骨近端溶骨性骨质破坏。
/// 2.胸腰椎多发成骨性转移，较前相仿。" the same); "New 1.5 cm lytic lesion" lost its "new" to the size;
/// "cortical breakthrough" was not destruction.
@Suite struct ExtractorListItemTests {
    let extractor: ReportExtractor

    init() throws {
        extractor = try ReportExtractor()
    }

    func femur(_ text: String) -> SuggestedLesion? {
        extractor.extract(text).lesions.first { $0.site.key == "femur right proximal" }
    }

    @Test(arguments: [
        "IMPRESSION: 1. New lytic lesion of the right proximal femur. 2. Stable sclerotic vertebral metastases.",
        "诊断：1.右股骨近端溶骨性骨质破坏。2.胸腰椎多发成骨性转移，较前相仿。",
        "诊断：1、右股骨近端溶骨性骨质破坏；2、胸腰椎多发成骨性转移，较前相仿。",
        "诊断：（1）右股骨近端溶骨性骨质破坏；（2）胸腰椎多发成骨性转移，较前相仿。",
    ])
    func aNumberedItemDoesNotCarryTheSiteBeforeIt(text: String) throws {
        let lesion = try #require(femur(text), "\(extractor.extract(text).lesions.map(\.site.key))")
        #expect(lesion.reading("character")?.value == "lytic", "\(text)")
        #expect(lesion.reading("comparison")?.value != "unchanged", "\(text)")
    }

    @Test func withoutANumberASiteLessSentenceStillSpeaksOfTheLesionBefore() throws {
        let lesion = try #require(femur("Lytic lesion of the right proximal femur. It shows cortical destruction."))
        #expect(lesion.reading("destruction")?.value == "true")
    }

    @Test func listItemMarks() {
        for item in [" 2", "2、胸腰椎", "（2）胸腰椎", "(12) x", "3)"] { #expect(ReportExtractor.startsListItem(item), "\(item)") }
        for text in [" T12", "2 cm lesion", "2023", "(2023-01-01)", "L1"] { #expect(!ReportExtractor.startsListItem(text), "\(text)") }
    }

    @Test func aSizeBetweenNewAndTheLesionKeepsItNew() throws {
        let lesion = try #require(femur("New 1.5 cm lytic lesion in the right proximal femur."))
        #expect(lesion.reading("comparison")?.value == "new")
        // "new cortical destruction" still describes the destruction, not a new lesion.
        #expect(femur("Lytic lesion of the right proximal femur with new cortical destruction.")?.reading("comparison")?.value != "new")
    }

    @Test func corticalBreakthroughIsDestruction() {
        #expect(femur("Mixed lesion of the right proximal femur with cortical breakthrough.")?.reading("destruction")?.value == "true")
    }

    /// A bone scan's "右侧第5、6肋新见浓聚灶" is a new lesion (its "new" went to the uptake), and
    /// "浓聚灶数目增多" is more lesions, not each named lesion's increase.
    @Test func aNewFocusOfUptakeIsNewAndMoreFociIsNoLesionsIncrease() throws {
        let scan = extractor.extract("全身骨显像：胸7、腰3椎体及右侧髂骨放射性浓聚，与前比较，浓聚灶数目增多，右侧第5、6肋新见浓聚灶。")
        let rib = try #require(scan.lesions.first { $0.site.key.hasPrefix("rib right") }, "\(scan.lesions.map(\.site.key))")
        #expect(rib.reading("comparison")?.value == "new")
        for lesion in scan.lesions where !lesion.site.key.hasPrefix("rib") {
            #expect(lesion.reading("comparison")?.value != "increased", "\(lesion.site.key)")
        }
        // A named lesion's own increase still is one.
        #expect(extractor.extract("T7椎体浓聚较前增多。").lesions.first?.reading("comparison")?.value == "increased")
        #expect(extractor.extract("The lesions have increased in number since the prior scan. Uptake in T7.").lesions.first?.reading("comparison")?.value != "increased")
    }

    /// "No epidural extension; the thecal sac is not compressed." read ESCC 1b, stated.
    @Test func aThecalSacNotCompressedIsNoCompression() throws {
        let lesion = try #require(extractor.extract("Enhancing lesion in the L3 vertebral body. No epidural extension; the thecal sac is not compressed.").lesions.first)
        #expect(lesion.reading("escc").map { $0.certainty != .affirmed } ?? true, "\(String(describing: lesion.reading("escc")))")
        #expect(extractor.extract("L3 lesion with epidural tumor indenting the thecal sac.").lesions.first?.reading("escc")?.certainty == .affirmed)
    }

    /// "involves greater than two-thirds of the cortical diameter" read 0.67 — Mirels's 1/3–2/3
    /// (2 points) where the report says more than two thirds (3): "greater than " is 13 characters.
    @Test func greaterThanTwoThirdsIsMirelsLargestSize() throws {
        let lesion = try #require(extractor.extract("X-RAY RIGHT HUMERUS: lytic lesion in the proximal humerus involving greater than two-thirds of the cortical diameter.").lesions.first)
        #expect(lesion.reading("mirelsSize")?.value == "moreThanTwoThirds", "\(lesion.readings.map { "\($0.field)=\($0.value)" })")
        #expect(lesion.reading("fractionOfDiameter") == nil)
    }

    /// Healing as follow-up reports write it: "原溶骨性骨质破坏区内见成骨性修复" read mixed with
    /// destruction present — the former lytic area, now filling in; "Interval sclerosis of the
    /// previously lytic lesions" gave only the history.
    @Test func healingIsFillInAndTheFormerLysisIsHistory() throws {
        let pelvis = try #require(extractor.extract("复查CT：左髂骨原溶骨性骨质破坏区内见成骨性修复，范围较前缩小，硬化边形成。").lesions.first)
        #expect(pelvis.reading("fillIn")?.value == "partial")
        #expect(pelvis.reading("character")?.certainty == .historical)
        #expect(pelvis.reading("destruction")?.certainty == .historical)
        #expect(pelvis.reading("rim")?.value == "true")
        let rib = try #require(extractor.extract("Interval sclerosis of the previously lytic lesion in the right 7th rib, consistent with treatment response.").lesions.first)
        #expect(rib.reading("fillIn")?.value == "partial")
        #expect(rib.reading("character")?.certainty == .historical)
        // "原发" is no "former": a primary's lytic lesion stays current.
        #expect(extractor.extract("右股骨近端溶骨性骨质破坏，考虑原发肿瘤转移。").lesions.first?.reading("character")?.certainty == .affirmed)
    }

    /// A bone scan's "right femoral neck and left 9th posterior rib": the rib was dropped (its
    /// group ended at "neck", so the uptake went to the femur alone) and, alone, lost its side to
    /// "posterior"; "extraosseous extension" is the soft-tissue component.
    @Test func aSitesPartEndsItAndARibsAspectKeepsItsSide() {
        let scan = extractor.extract("Focal intense radiotracer uptake in the right femoral neck and left 9th posterior rib.")
        #expect(scan.lesions.map(\.site.key).sorted() == ["femur right proximal", "rib left"], "\(scan.lesions.map(\.site.key))")
        #expect(scan.lesions.allSatisfy { $0.reading("uptake")?.value == "true" })
        #expect(extractor.extract("Focal uptake in the left posterior 9th rib.").lesions.map(\.site.key) == ["rib left"])
        let mass = extractor.extract("Large destructive mass in the right acetabulum with extraosseous extension into the obturator internus.").lesions.first
        #expect(mass?.reading("softTissue")?.value == "true")
    }

    /// "右侧髋臼及耻骨上支见溶骨性骨质破坏…左侧髂骨翼见斑点状高密度影，考虑骨岛": the sideless pubic
    /// ramus was merged into the left iliac bone island, which became a destructive lesion with a
    /// soft-tissue mass. A hip bone's side carries to the next part of it in a list; nothing is
    /// merged into a site the report calls something else.
    @Test func aHipBonesSideCarriesAndNothingMergesIntoABoneIsland() {
        let report = extractor.extract("右侧髋臼及耻骨上支见溶骨性骨质破坏，周围见软组织肿块。左侧髂骨翼见小圆形致密影，直径约5mm，考虑骨岛。")
        #expect(report.lesions.filter { $0.reading("destruction")?.value == "true" }.map(\.site.key).sorted() == ["acetabulum right", "pelvis right"], "\(report.lesions.map(\.site.key))")
        let island = extractor.extract("耻骨上支见溶骨性骨质破坏。左侧髂骨翼见小圆形致密影，直径约5mm，考虑骨岛。").lesions
        #expect(island.first { $0.site.key == "pelvis left" }?.reading("destruction") == nil)
        #expect(island.first { $0.site.key == "pelvis" }?.reading("destruction")?.value == "true")
        // "Some of the lesions" and "部分病灶" are not every site's.
        let pet = extractor.extract("PET/CT：双侧多根肋骨及骨盆多发骨转移，部分病灶呈成骨性改变。").lesions
        #expect(pet.allSatisfy { $0.reading("character")?.certainty != .affirmed })
    }

    /// "decreased in size from 2.4 cm to 1.6 cm" read 24 mm — the earlier size (MDA compares the
    /// current one). A size given as the earlier one, with the current after it, is not read.
    @Test(arguments: [
        "Compared to 3 months prior, the T10 lesion has decreased in size from 2.4 cm to 1.6 cm.",
        "T10椎体病灶由2.4cm缩小至1.6cm。",
        "T10 lesion, previously 2.4 cm, now 1.6 cm.",
    ])
    func theCurrentSizeNotThePrior(text: String) throws {
        let lesion = try #require(extractor.extract(text).lesions.first)
        #expect(lesion.reading("diametersMm")?.value == "16", "\(text)")
    }

    @Test func aPriorSizeAloneIsStillRead() {
        #expect(extractor.extract("Lytic lesion of T10 measuring 2.4 cm.").lesions.first?.reading("diametersMm")?.value == "24")
    }

    /// "胸11-腰1椎体多发转移" gave T11 and L1: a Chinese span across regions lost the levels between.
    @Test func aChineseSpanAcrossRegionsHoldsEveryLevel() {
        #expect(extractor.extract("胸11-腰1椎体多发转移。").lesions.map(\.site.key) == ["T11", "T12", "L1"])
        #expect(extractor.extract("胸12至腰2椎体骨质破坏。").lesions.map(\.site.key) == ["T12", "L1", "L2"])
        #expect(extractor.extract("胸10-12椎体骨质破坏。").lesions.map(\.site.key) == ["T10", "T11", "T12"])
    }

    /// "硬膜囊明显受压，脊髓圆锥受压" gave no ESCC (the conus compressed is grade 2).
    @Test func theConusCompressed() {
        #expect(extractor.extract("腰椎MRI：L2椎体转移瘤，相应水平硬膜囊明显受压，脊髓圆锥受压。").lesions.first?.reading("escc")?.value == "2")
        #expect(extractor.extract("L1椎体转移瘤，硬膜囊明显受压，脊髓未见受压。").lesions.first?.reading("escc")?.value == "1b")
    }

    /// English words the reader did not know: a "lucent lesion" is a lytic one; "the right sixth
    /// rib" lost its side to the spelled ordinal; "more dense … healing response" is fill-in.
    @Test func lucentSpelledOrdinalsAndDensity() {
        #expect(extractor.extract("Geographic lucent lesion in the right distal femoral metaphysis.").lesions.first?.reading("character")?.value == "lytic")
        #expect(extractor.extract("Expansile lytic lesion of the right sixth rib.").lesions.map(\.site.key) == ["rib right"])
        #expect(extractor.extract("Sclerotic metastasis in T9 is slightly more dense than on the prior study, consistent with healing response.").lesions.first?.reading("fillIn")?.value == "partial")
        // Hardware's lucency is no lesion.
        #expect(extractor.extract("Status post ORIF of the right femur. Lucency around the distal screw.").lesions.isEmpty)
    }

    /// "小转子撕脱" — the lesser trochanter avulsed by a metastasis, a fracture — was not read.
    @Test func anAvulsionIsAFracture() {
        #expect(extractor.extract("左侧股骨粗隆间溶骨性骨质破坏，累及内侧骨皮质约2/3，小转子撕脱。").lesions.first?.reading("fracture")?.value == "true")
        #expect(extractor.extract("Lytic lesion of the left intertrochanteric femur with avulsion of the lesser trochanter.").lesions.first?.reading("fracture")?.value == "true")
    }

    /// "FDG代谢未见增高" (the finding split around its denial) gave no uptake at all.
    @Test func aDenialInsideTheFindingsWords() {
        let pet = extractor.extract("PET-CT：右侧髂骨成骨性病灶，FDG代谢未见增高，考虑治疗后改变。").lesions.first
        #expect(pet?.reading("uptake")?.value == "false" && pet?.reading("uptake")?.certainty == .negated)
        #expect(extractor.extract("L2椎体FDG代谢增高。").lesions.first?.reading("uptake")?.certainty == .affirmed)
        #expect(extractor.extract("右肱骨上段骨囊肿。").lesions.allSatisfy { $0.certainty != .affirmed })
    }

    /// A SUVmax with no word for the uptake is the uptake (`mx-pet-01`); beside a denial it is the
    /// background's.
    @Test func aSUVmaxAloneIsUptake() {
        #expect(extractor.extract("PET-CT：右侧股骨近端 lytic lesion，SUVmax 7.5，约2.8×2.0cm。").lesions.first?.reading("uptake")?.certainty == .affirmed)
        let denied = extractor.extract("PET-CT：T11椎体成骨性改变，未见FDG摄取增高，SUVmax 1.3。").lesions.first?.reading("uptake")
        #expect(denied?.certainty == .negated)
    }

    /// A fat-suppressed hyperintense vertebra is a lesion seen, whatever it is thought to be
    /// (`b8-zh-02`: "C5椎体T2压脂呈高信号…考虑转移" read only the doubted "转移"); a haemangioma stays
    /// another structure.
    @Test func aFatSuppressedHyperintensityIsALesionSeen() {
        #expect(extractor.extract("颈椎MRI：C5椎体T2压脂呈高信号，T1呈低信号，考虑转移。").lesions.first?.certainty == .affirmed)
        #expect(extractor.extract("L1椎体T2压脂呈高信号，考虑血管瘤。").lesions.first?.certainty == .other)
    }

    /// "Metastasis versus hemangioma at T11": a differential, not a stated metastasis.
    @Test func versusIsADifferential() {
        #expect(extractor.extract("Metastasis versus hemangioma at T11.").lesions.first?.certainty != .affirmed)
        #expect(extractor.extract("T11: metastasis vs hemangioma.").lesions.first?.certainty != .affirmed)
    }

    /// Levels as US reports and SNOMED CT write them: "T-12", "L-1", "the third lumbar vertebra"
    /// were no level at all; a T-score and a nerve root are still none.
    @Test func hyphenatedAndSpelledLevels() {
        #expect(extractor.extract("Lytic lesion in the T-12 vertebral body.").lesions.map(\.site.key) == ["T12"])
        #expect(extractor.extract("Compression fracture of L-1 with 40% height loss.").lesions.map(\.site.key) == ["L1"])
        #expect(extractor.extract("Compression fracture of the third lumbar vertebra.").lesions.map(\.site.key) == ["L3"])
        #expect(extractor.extract("Bone density T-score -2.6 at the femoral neck.").lesions.isEmpty)
        #expect(extractor.extract("Compression of the third lumbar nerve root by a disc.").lesions.isEmpty)
        #expect(VertebralLevelText.levels(in: "Structure of third lumbar vertebra").map(\.description) == ["L3"])
    }

    /// ESCC as MRI reports word it (Bilsky 2010): a deformed cord is compressed (2), CSF completely
    /// effaced is 3, "abutting but not deforming the cord" 1c, a narrowed subarachnoid space 1b —
    /// each read 1a ("epidural") before; "compression of the conus medullaris" read nothing.
    @Test(arguments: [
        ("T10 metastasis with epidural tumor effacing the ventral CSF and mildly deforming the cord.", "2"),
        ("Epidural disease at T6 encircles the cord with complete effacement of CSF and cord compression.", "3"),
        ("T8椎体转移瘤，硬膜外软组织肿块突入椎管，蛛网膜下腔变窄，脊髓未受压。", "1b"),
        ("C6 lesion with epidural extension abutting but not deforming the cord.", "1c"),
        ("T12 pathologic fracture with retropulsed fragment and compression of the conus medullaris.", "2"),
    ])
    func esccAsReportsWordIt(text: String, grade: String) {
        #expect(extractor.extract(text).lesions.first?.reading("escc")?.value == grade, "\(text)")
    }

    /// A side carries along one joint's bones ("左侧肱骨头及关节盂": the glenoid, unknown before, and
    /// sideless); "left superior and inferior pubic rami" kept no side; "without change" is unchanged.
    @Test func aJointsBonesShareTheSideAndNoChangeIsUnchanged() {
        #expect(extractor.extract("左侧肱骨头及关节盂骨质破坏。").lesions.map(\.site.key) == ["humerus left proximal", "scapula left"])
        #expect(extractor.extract("右侧髋臼及股骨头骨质破坏。").lesions.map(\.site.key) == ["acetabulum right", "femur right proximal"])
        #expect(extractor.extract("CT PELVIS: Lytic destruction of the left superior and inferior pubic rami.").lesions.map(\.site.key) == ["pelvis left"])
        #expect(extractor.extract("Left iliac bone: sclerotic lesion without change.").lesions.first?.reading("comparison")?.value == "unchanged")
        // Another bone: the side stays the first's.
        #expect(extractor.extract("Lytic lesions in the right femur and humerus.").lesions.map(\.site.key) == ["femur right", "humerus"])
    }

    /// "低密度骨质破坏区" — a CT's low-density destruction — is lytic.
    @Test func lowDensityDestructionIsLytic() {
        let lesion = extractor.extract("L1椎体见片状低密度骨质破坏区，边界不清。").lesions.first
        #expect(lesion?.reading("character")?.value == "lytic" && lesion?.reading("destruction")?.value == "true")
    }

    /// A healing fracture ("骨折，骨痂形成") and a graded slip ("L5椎体Ⅰ度滑脱", "Grade 1 anterolisthesis")
    /// are another process, not a metastasis's fracture or alignment; a tumour's slip stays the tumour's.
    @Test func callusAndAGradedSlipAreAnotherProcess() {
        #expect(extractor.extract("左侧第7肋骨折，骨痂形成。").lesions.first?.certainty == .other)
        #expect(extractor.extract("胸腰段脊柱侧弯；L5椎体Ⅰ度滑脱。").lesions.first?.certainty == .other)
        #expect(extractor.extract("Grade 1 anterolisthesis of L4 on L5.").lesions.first?.certainty == .other)
        let tumour = extractor.extract("L4椎体转移瘤伴病理性骨折，椎体向前滑脱。").lesions.first
        #expect(tumour?.reading("alignment")?.certainty == .affirmed)
    }
}
