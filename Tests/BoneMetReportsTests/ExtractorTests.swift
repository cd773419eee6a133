import BoneMetReports
import BoneMetRules
import Testing

/// Issue #13: the extractor's grammar and ConText rules, case by case (each sentence written for
/// the rule it pins; the corpus test measures the whole).
@Suite struct ExtractorTests {
    let extractor: ReportExtractor

    init() throws {
        extractor = try ReportExtractor()
    }

    func lesion(_ text: String, _ key: String) -> SuggestedLesion? {
        extractor.extract(text).lesions.first { $0.site.key == key }
    }

    /// A negated or uncertain mention never comes out affirmed, in either language.
    @Test(arguments: [
        ("T10椎体未见骨质破坏", "destruction"), ("T10 vertebral body: no bone destruction", "destruction"),
        ("L2椎体见溶骨性病灶，未见软组织肿块", "softTissue"), ("Lytic lesion at L2 without soft tissue mass", "softTissue"),
        ("L1椎体病理性骨折可能", "fracture"), ("Possible pathological fracture of L1", "fracture"),
        ("T8椎体成骨性病灶，不除外病理性骨折", "fracture"), ("Sclerotic T8 lesion; pathological fracture cannot be excluded", "fracture"),
        ("T12椎体见异常信号，考虑血管瘤", "lesion"), ("T12 lesion, likely a hemangioma", "lesion"),
        // A risk is no fracture (rule set 2026.12.239: "high risk for pathologic fracture" read a
        // fracture present, stated; so did "警惕病理性骨折" and "易发生病理性骨折").
        ("Right proximal femur: large lytic lesion, high risk for pathologic fracture.", "fracture"),
        ("Left femoral shaft lytic lesion, prone to pathological fracture", "fracture"),
        ("右股骨近端溶骨性破坏，警惕病理性骨折。", "fracture"), ("右股骨近端溶骨性破坏，易发生病理性骨折。", "fracture"),
        ("左肱骨溶骨性破坏，易致病理性骨折", "fracture"), ("右股骨转子间溶骨性病灶，建议内固定预防病理性骨折", "fracture"),
    ])
    func negatedOrUncertainIsNeverAffirmed(text: String, field: String) {
        for lesion in extractor.extract(text).lesions {
            #expect(lesion.reading(field)?.certainty != .affirmed, "\(text)")
        }
    }

    /// A list of bones stays one list when an item carries a count ("双侧多根肋骨", "several
    /// ribs"): skull and sternum were dropped from a bone scan's list before the ribs. 股骨上段
    /// is the proximal femur (上段/下段 as Chinese reports write long-bone thirds).
    @Test func aCountedItemKeepsTheListTogether() {
        let scan = extractor.extract("全身骨显像示颅骨、胸骨、双侧多根肋骨、骨盆及双侧股骨上段多发放射性浓聚，考虑多发骨转移。")
        for key in ["skull", "sternum", "rib bilateral", "pelvis", "femur bilateral proximal"] {
            #expect(scan.lesions.first { $0.site.key == key }?.reading("uptake")?.value == "true", "\(key): \(scan.lesions.map(\.site.key))")
        }
        // "第7后肋" (the posterior 7th rib) is a rib, and its 后 does not break the list.
        let pet = extractor.extract("PET-CT：右侧髂骨、L5椎体及左侧第7后肋见骨质破坏伴FDG代谢增高，考虑骨转移。")
        #expect(pet.lesions.map(\.site.key) == ["pelvis right", "L5", "rib left"])
        #expect(pet.lesions.allSatisfy { $0.reading("destruction")?.value == "true" })
        let english = extractor.extract("Increased uptake in the skull, sternum and several ribs.")
        for key in ["skull", "sternum", "rib"] {
            #expect(english.lesions.contains { $0.site.key == key }, "\(key): \(english.lesions.map(\.site.key))")
        }
    }

    /// A count of new lesions the report does not place makes none of the listed bones new
    /// (new reads as progression); a new lesion at a named bone stays new.
    @Test func aCountOfNewLesionsIsNotPlacedOnTheListedBones() {
        for text in [
            "Bone scan: increased uptake in the ribs and pelvis, compared with 2024-01-10 there are 3 new lesions.",
            "骨扫描：双侧肋骨、骨盆多发放射性浓聚，与2024-01-10比较新增病灶3处。",
            "骨扫描：双侧肋骨、骨盆多发放射性浓聚，较前新发多处浓聚灶。",
        ] {
            let result = extractor.extract(text)
            #expect(!result.lesions.isEmpty, "\(text)")
            for lesion in result.lesions { #expect(lesion.reading("comparison")?.value != "new", "\(text): \(lesion.site.key)") }
        }
        #expect(lesion("骨扫描：新发右侧髂骨浓聚灶，肋骨未见变化。", "pelvis right")?.reading("comparison")?.value == "new")
        #expect(lesion("右侧髂骨见放射性浓聚，为新发病灶。", "pelvis right")?.reading("comparison")?.value == "new")
    }

    /// English reports put counts and segments between the side and the bone, and name bones
    /// in the plural; a segment belongs to its own bone, not the next one in the list.
    @Test func sidesAcrossCountsAndSegmentsAndPluralBones() {
        let scan = extractor.extract("Bone scan: increased uptake in both proximal femora and the left humerus.")
        #expect(scan.lesions.map(\.site.key) == ["femur bilateral proximal", "humerus left"])
        #expect(extractor.extract("CT chest: lytic lesions in the right 5th and 6th ribs posteriorly.").lesions.map(\.site.key) == ["rib right"])
        // Another bone between the side and this one: the side is the other bone's.
        #expect(extractor.extract("Lytic lesions in the right femur and humerus.").lesions.map(\.site.key) == ["femur right", "humerus"])
        #expect(ExtractionText.site(ReportSite(bone: .humerus, side: .right, segment: .diaphysis), .en) == "right humerus, diaphysis")
        #expect(ExtractionText.site(ReportSite(bone: .humerus, side: .right, segment: .diaphysis), .zhHans) == "右侧肱骨骨干")
    }

    /// Bone-scan words: fading uptake is a decrease (较前减淡), 新增 is new, and ribs in a row
    /// after trauma (外伤后改变) describe another process, not a metastasis.
    @Test func boneScanComparisonsAndTrauma() {
        #expect(lesion("骨扫描：原T10、L2椎体浓聚灶较前减淡，未见新发病灶。", "L2")?.reading("comparison")?.value == "decreased")
        #expect(lesion("骨扫描：新增右侧髂骨浓聚灶。", "pelvis right")?.reading("comparison")?.value == "new")
        #expect(lesion("骨扫描：左侧第5、6肋骨浓聚，呈串珠样排列，考虑外伤后改变。", "rib left")?.certainty == .other)
        // 密度减低 (lower density) is a lytic sign, not a comparison.
        #expect(lesion("CT：L1椎体骨质密度减低，考虑溶骨性转移。", "L1")?.reading("comparison") == nil)
    }

    /// "New lytic lesion", "新发溶骨性病灶", "new sclerotic focus": new lesions (new is
    /// progression by MDA, so a miss hides it). "Lytic lesion with new sclerosis", "病灶内新发硬化":
    /// the known lesion healing (response — the seed's own warning), never a new lesion.
    @Test func newLesionsAndNewSclerosisOfAKnownLesion() {
        for (text, key) in [
            ("New lytic lesions at T4 and T7.", "T7"), ("T9椎体新发溶骨性病灶。", "T9"), ("New sclerotic focus in the right iliac bone.", "pelvis right"),
            ("New sclerotic lesion at L2.", "L2"), ("新发硬化性病灶见于L2椎体。", "L2"),
            // a new lytic destruction is a new lesion; "新见" is "newly seen" (unseen record cb39-d)
            ("L2椎体新发溶骨性骨质破坏。", "L2"), ("新见右第8肋及T12两处浓聚灶。", "T12"),
        ] {
            #expect(lesion(text, key)?.reading("comparison")?.value == "new", "\(text)")
        }
        for (text, key) in [
            ("T10 lytic lesion with new sclerosis, consistent with healing.", "T10"), ("T10溶骨性病灶内新发硬化，考虑治疗后改变。", "T10"),
            ("L4 new sclerotic changes within the known metastasis.", "L4"), ("New cortical destruction at the left femoral diaphysis lesion.", "femur left diaphysis"),
        ] {
            #expect(lesion(text, key) != nil, "\(text)")
            #expect(lesion(text, key)?.reading("comparison")?.value != "new", "\(text)")
        }
    }

    /// Chinese writes the site, then what was seen: "T10椎体骨质破坏、L2椎体未见异常" is T10's
    /// destruction (L2 was as near), and L2's 未见 does not reach back past L2 to deny it. A
    /// site word no lexicon names ("胸骨角") does not split a list.
    @Test func theSiteBeforeAFindingIsItsSubject() {
        let result = extractor.extract("T10椎体骨质破坏、L2椎体未见异常。")
        #expect(result.lesions.map(\.site.key) == ["T10"])
        #expect(result.lesions.first?.reading("destruction")?.certainty == .affirmed)
        #expect(lesion("T10椎体骨质破坏，L2椎体未见骨质破坏。", "L2")?.reading("destruction")?.certainty == .negated)
        #expect(lesion("L2椎体骨质破坏未见。", "L2")?.reading("destruction")?.certainty == .negated)
        let listed = extractor.extract("胸骨角、右侧髂骨多发骨质破坏。")
        #expect(listed.lesions.map(\.site.key) == ["sternum", "pelvis right"])
        #expect(listed.lesions.allSatisfy { $0.reading("destruction")?.value == "true" })
    }

    /// An osteoporotic (insufficiency) compression fracture is another process, not a
    /// metastasis with a pathological fracture — unless metastasis is kept open in the same
    /// statement ("转移不除外", "possible metastasis versus insufficiency fracture").
    @Test func osteoporoticFracturesAreAnotherProcessUnlessMetastasisIsOpen() {
        #expect(lesion("T8椎体压缩骨折，未见明确骨质破坏，考虑骨质疏松性。", "T8")?.certainty == .other)
        #expect(lesion("L1 compression fracture without destructive lesion, likely osteoporotic.", "L1")?.certainty == .other)
        #expect(lesion("腰椎MRI：L2椎体压缩性骨折，考虑骨质疏松性骨折可能性大，转移不除外，建议增强扫描。", "L2")?.certainty == .affirmed)
        #expect(lesion("Bone scan: Focal uptake in the left ilium, possible metastasis versus insufficiency fracture.", "pelvis left")?.certainty == .affirmed)
        // Another lesion's metastasis, in its own clause with its own site, does not reopen it.
        let two = extractor.extract("L5椎体见异常信号，考虑血管瘤；L3椎体转移瘤。")
        #expect(two.lesions.first { $0.site.key == "L5" }?.certainty == .other, "\(two.lesions.map { ($0.site.key, $0.certainty) })")
        #expect(two.lesions.first { $0.site.key == "L3" }?.certainty == .affirmed)
    }

    @Test func sequenceNamesAreNotLevelsAndRangesAreEveryLevel() {
        let result = extractor.extract("T2WI及T1-weighted序列：胸10-12椎体多发转移瘤。")
        #expect(result.lesions.map(\.site.key) == ["T10", "T11", "T12"])
        #expect(extractor.extract("第十二胸椎椎体溶骨性破坏").lesions.map(\.site.key) == ["T12"])
        #expect(extractor.extract("Lytic lesions from T11-L1.").lesions.map(\.site.key) == ["T11", "T12", "L1"])
        // Signal descriptions name the sequences in nearly every Chinese spine MRI report: "长T1长T2
        // 信号" made phantom lesions at T1 and T2 that took L3's size.
        let signal = extractor.extract("L3椎体见类圆形长T1长T2信号，直径约1.2cm。C5椎体T2压脂呈高信号，T1呈低信号，稍短T2信号，考虑转移。")
        #expect(signal.lesions.map(\.site.key) == ["L3", "C5"], "\(signal.lesions.map(\.site.key))")
        #expect(signal.lesions.first?.reading("diametersMm")?.value == "12")
        #expect(extractor.extract("The L1 body is hypointense on T1 and hyperintense on T2 fat-suppressed images, consistent with metastasis; T2 hyperintense.").lesions.map(\.site.key) == ["L1"])
        // Levels written with their own words stay levels.
        #expect(extractor.extract("T2椎体溶骨性破坏；T1-T3附件受累。").lesions.map(\.site.key) == ["T2", "T1", "T3"])
    }

    @Test func sizesInMillimetresFromEveryWriting() {
        for (text, size) in [
            ("T10椎体溶骨性破坏，大小约18×14mm", "18x14"), ("T10 lytic lesion 1.8 x 1.4 cm", "18x14"), ("T10椎体溶骨性病灶约2.5cm×2.0cm", "25x20"),
            ("T10椎体溶骨性病灶，15-20mm", "20"), ("T10 lytic lesion measuring 1.2 x 0.8 x 1.0 cm", "12x10"), ("Ｔ１０椎体溶骨性病灶１８×１４ｍｍ", "18x14"),
        ] {
            #expect(lesion(text, "T10")?.reading("diametersMm")?.value == size, "\(text)")
        }
        // A number without a unit is never a size (SUVmax, dates, counts).
        #expect(lesion("T10 lytic lesion, SUVmax 8.5", "T10")?.reading("diametersMm") == nil)
    }

    /// Evidence spans are UTF-16 offsets into the report as written.
    @Test func evidencePointsAtTheWords() throws {
        let text = "全身骨显像：右侧第6肋骨见放射性浓聚。"
        let rib = try #require(lesion(text, "rib right"))
        let span = try #require(rib.reading("uptake")?.evidence.first)
        let utf16 = Array(text.utf16)
        #expect(String(decoding: utf16[span.start..<span.end], as: UTF16.self) == "放射性浓聚")
        #expect(extractor.extract(text).modality == "boneScan")
        #expect(extractor.extract(text).coverage == ["wholeBody"])
    }

    /// The commonest staging CT covers the abdomen, whose study shows L1–L4 (`BodyRegion.abdomen`):
    /// "胸腹盆 CT" and "CT chest, abdomen and pelvis" read as chest and pelvis only, so a new L3
    /// lesion on the next one was "not imaged before".
    @Test func theAbdomenIsACoveredRegion() {
        #expect(extractor.extract("胸腹盆CT平扫+增强：L3椎体溶骨性破坏。").coverage == ["chest", "abdomen", "pelvis"])
        #expect(extractor.extract("CT chest, abdomen and pelvis with contrast: lytic lesion L3.").coverage == ["chest", "abdomen", "pelvis"])
        #expect(extractor.extract("腹部CT：L2椎体成骨性病灶。").coverage == ["abdomen"])
    }

    @Test func aSiteMatchesTheRecordsLesionOrIsNew() {
        let known = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T10")), Lesion(id: "L2", bone: .femur, segment: .proximal, laterality: .left)]
        let result = extractor.extract("T10椎体溶骨性破坏；左侧股骨近端溶骨性破坏；右侧股骨近端成骨性病灶。", existing: known)
        #expect(result.lesions.map(\.matchedLesion) == ["L1", "L2", nil])
    }

    @Test func aBrokenLexiconLineIsNamed() {
        #expect(throws: LexiconError.self) { try Lexicon(tsv: "ok\tcharacter:lytic\nno-tab-here\n", name: "findings.tsv") }
        do {
            _ = try Lexicon(tsv: "# c\nok\tx\nbad\n", name: "findings.tsv")
        } catch {
            #expect(error.description == "lexicon findings.tsv, line 3: expected term<TAB>value")
        }
    }

    /// Every field, value and certainty the extractor can produce has Chinese and English words.
    @Test func everyTextIsBilingual() {
        let texts = Array(ExtractionText.fields.values) + Array(ExtractionText.values.values) + Array(ExtractionText.certainties.values)
        for text in texts { #expect(!text.en.isEmpty && !text.zhHans.isEmpty && text.en != text.zhHans || text.en.hasPrefix("<") || text.en.hasPrefix("≥")) }
        #expect(Certainty.allCases.allSatisfy { ExtractionText.certainties[$0] != nil })
        let zh = ExtractionText.render(extractor.extract("T10椎体溶骨性破坏，未见病理性骨折"), report: "T10椎体溶骨性破坏，未见病理性骨折", language: .zhHans)
        #expect(!zh.contains("fracture") && !zh.contains("lytic") && !zh.contains("negated"))
    }

    /// A follow-up report's clause about the lesions already known, unnamed ("原有病灶浓聚程度相仿",
    /// "the remaining lesions are stable"), says nothing of the sites the next clause names (unseen
    /// record cb39-d: the two new foci read "unchanged"); a clause naming its own site still reads.
    @Test func aClauseAboutTheKnownLesionsIsNoSitesReading() {
        let scan = "较3月片：原有病灶浓聚程度相仿，新见右第8肋及T12两处浓聚灶。"
        #expect(lesion(scan, "T12")?.reading("comparison")?.value == "new")
        #expect(lesion(scan, "rib right")?.readings.contains { $0.value == "unchanged" } == false)
        let english = "Remaining lesions are stable. The right iliac lesion has increased in size."
        #expect(lesion(english, "pelvis right")?.reading("comparison")?.value == "increased")
        #expect(lesion("L3椎体原有病灶较前增大。", "L3")?.reading("comparison")?.value == "increased")
        #expect(lesion("右肱骨干病灶溶骨范围较前扩大。", "humerus right diaphysis")?.reading("comparison")?.value == "increased")
    }

    /// Mirels's size item as reports write it (unseen record cb31, 2026-12-04: "范围约占骨干直径2/3"
    /// gave character and destruction but no size). A fraction is read only beside a word for the
    /// diameter, cortex or circumference; a bound leaving two classes open is not read.
    @Test func theShareOfTheDiameterIsMirelssSize() {
        let femur = "femur right peritrochanteric"
        #expect(lesion("右股骨转子间溶骨性破坏，范围约占骨干直径2/3。", femur)?.reading("fractionOfDiameter")?.value == "0.67")
        #expect(lesion("右股骨转子间溶骨性破坏，累及皮质超过2/3。", femur)?.reading("mirelsSize")?.value == "moreThanTwoThirds")
        #expect(lesion("Lytic lesion of the right intertrochanteric femur, less than one third of the diameter.", femur)?.reading("mirelsSize")?.value == "lessThanOneThird")
        // "more than half": 1/3–2/3 or more — not read.
        let half = lesion("右股骨转子间溶骨性破坏，累及骨干直径超过一半。", femur)
        #expect(half?.reading("mirelsSize") == nil && half?.reading("fractionOfDiameter") == nil)
        // A fraction without a diameter word is the collapse's.
        let l1 = lesion("L1椎体压缩约1/3。", "L1")
        #expect(l1?.reading("collapse")?.value == "under50")
        #expect(l1?.reading("fractionOfDiameter") == nil)
    }

    /// Unseen report (2026-12-04, cb71): "约占骨干直径2/3以上" — the bound after the fraction — read
    /// as 0.67, which Mirels scores 1/3–2/3 (2 points) where the report says more than two thirds (3).
    @Test func aBoundAfterTheFractionIsTheSizeClass() {
        let femur = "femur right peritrochanteric"
        let above = lesion("右股骨转子下见溶骨性破坏区，约占骨干直径2/3以上，皮质变薄。", femur)
        #expect(above?.reading("mirelsSize")?.value == "moreThanTwoThirds")
        #expect(above?.reading("fractionOfDiameter") == nil)
        #expect(lesion("Lytic lesion of the right intertrochanteric femur involving one third of the diameter or less.", femur)?.reading("mirelsSize")?.value == "lessThanOneThird")
        #expect(lesion("右股骨转子间溶骨性破坏，累及横径1/3以内。", femur)?.reading("mirelsSize")?.value == "lessThanOneThird")
        // "一半以上" leaves 1/3–2/3 and > 2/3 open: not read.
        let half = lesion("右股骨转子间溶骨性破坏，累及骨干直径一半以上。", femur)
        #expect(half?.reading("mirelsSize") == nil && half?.reading("fractionOfDiameter") == nil)
        // The next clause's words are not the fraction's bound.
        #expect(lesion("右股骨转子间溶骨性破坏，范围约占骨干直径2/3。以上所见考虑转移。", femur)?.reading("fractionOfDiameter")?.value == "0.67")
    }

    /// Unseen MRI report (2026-12-04, cb71): "3 mm retropulsion" was suggested as the lesion's size,
    /// and "Epidural tumor contacts but does not compress the conus" as ESCC 1a (epidural only):
    /// touching the cord without compressing it is Bilsky's 1c.
    @Test func aRetropulsionIsNoSizeAndContactIsOneC() {
        let l1 = lesion("Pathologic compression fracture of L1 with approximately 50% loss of height and 3 mm retropulsion. Epidural tumor contacts but does not compress the conus.", "L1")
        #expect(l1?.reading("diametersMm") == nil)
        #expect(l1?.reading("escc")?.value == "1c")
        #expect(lesion("L2椎体压缩性骨折，后缘骨块突入椎管约4mm，硬膜囊受压。", "L2")?.reading("diametersMm") == nil)
        // A size beside a distance is still the lesion's.
        let t9 = lesion("T9 lytic lesion 25 x 18 mm with epidural tumor abutting the cord; posterior displacement of 2 mm.", "T9")
        #expect(t9?.reading("diametersMm")?.value == "25x18")
    }

    /// Unseen English X-ray report (2026-12-04): "RIGHT FEMUR, TWO VIEWS: Lytic lesion of the
    /// femoral neck" gave "femur, proximal" without its side — the title's side and the findings'
    /// segment are one lesion. Two segments of one sided bone stay two lesions.
    @Test func theTitlesSideJoinsTheFindingsSegment() {
        let femur = lesion("RIGHT FEMUR, TWO VIEWS: Lytic lesion of the femoral neck measuring 2.5 cm.", "femur right proximal")
        #expect(femur?.reading("character")?.value == "lytic")
        #expect(femur?.reading("diametersMm")?.value == "25")
        #expect(lesion("Left humerus: lytic lesion in the proximal humerus.", "humerus left proximal")?.reading("character")?.value == "lytic")
        let two = extractor.extract("Left femur: lytic lesion of the femoral neck; a second lytic lesion in the distal femur.")
        #expect(two.lesions.filter { $0.site.bone == .femur }.count == 2)
    }

    /// Unseen reports (2026-12-04, evening): "压迫硬膜囊及脊髓" (compressing the thecal sac and the
    /// cord) read ESCC 1b from its first half — the cord compressed is 2; an acetabulum's "关节面塌陷"
    /// (articular surface collapsed) was offered as "vertebral collapse", a SINS item of the spine.
    @Test func theCordAfterTheSacAndNoVertebralItemsOffTheSpine() {
        #expect(lesion("颈椎MRI：C5椎体骨质破坏伴病理性骨折，椎体后缘后突，压迫硬膜囊及脊髓，脊髓内未见异常信号。", "C5")?.reading("escc")?.value == "2")
        let acetabulum = lesion("骨盆CT：右侧髋臼溶骨性骨质破坏，累及髋臼顶，关节面塌陷，伴软组织肿块。", "acetabulum right")
        #expect(acetabulum?.reading("character")?.value == "lytic")
        #expect(acetabulum?.reading("collapse") == nil)
        #expect(lesion("L2椎体压缩变扁约1/3，右侧椎弓根受累。", "L2")?.reading("collapse")?.value == "under50")
    }

    /// Unseen English MRI and CT reports (2026-12-04, evening): "cord compression with loss of CSF
    /// signal" read ESCC 2 (no CSF left is 3); "(conus at L1-2 level)" made L2 a lesion with the
    /// sentence's pedicle; "a 3.5 cm extrapleural soft tissue mass" gave its size to the rib.
    @Test func csfLossTheConusLevelAndTheMassBehindItsAdjective() {
        #expect(lesion("Metastatic lesion of T7 with epidural extension causing cord compression with loss of CSF signal around the cord.", "T7")?.reading("escc")?.value == "3")
        let report = "Sagittal T2: pathologic fracture of L1 with 30% height loss; no cord compression (conus at L1-2 level). Left pedicle involved."
        #expect(extractor.extract(report).lesions.map(\.site.key) == ["L1"])
        #expect(extractor.extract("腰椎MRI：L1椎体转移瘤，脊髓圆锥位于L2水平，未见受压。").lesions.map(\.site.key) == ["L1"])
        let rib = lesion("Expansile lytic lesion of the right 6th rib with pathological fracture and a 3.5 cm extrapleural soft tissue mass.", "rib right")
        #expect(rib?.reading("softTissueMm")?.value == "35")
        #expect(rib?.reading("diametersMm") == nil)
        #expect(lesion("A 2.5 cm lytic lesion and fracture of the left humerus.", "humerus left")?.reading("diametersMm")?.value == "25")
    }

    /// Unseen spine MRI report (2026-12-05): "… epidural extension causing moderate canal stenosis;
    /// CSF is preserved around the conus. T9 vertebral body lesion without epidural extension." lost
    /// T9 — the next sentence's level read as the conus's. A sentence's end breaks it.
    @Test func aLevelInTheSentenceAfterTheConusIsALesion() {
        let report = "Abnormal marrow signal involving L2 with epidural extension; CSF is preserved around the conus. T9 vertebral body lesion without epidural extension."
        #expect(extractor.extract(report).lesions.map(\.site.key) == ["L2", "T9"])
        #expect(lesion(report, "T9")?.reading("escc")?.certainty == .negated, "no epidural tumour: ESCC 0")
        #expect(extractor.extract("腰椎MRI：L2椎体转移瘤，周围见脊髓圆锥。T9椎体见转移灶。").lesions.map(\.site.key) == ["L2", "T9"])
        #expect(extractor.extract("No cord compression (conus at L1).").lesions.isEmpty, "still the conus's level")
    }

    /// Unseen lumbar CT report (2026-12-04, evening): "anterolisthesis of L5 on S1" was no
    /// alignment reading and made S1 a lesion; "Bilateral pars and facet involvement" was
    /// "posterior elements involved, side not stated" — SINS's translation (4) and bilateral (3).
    @Test func aListhesisIsTranslationAndTheSideReachesOverOtherElements() {
        let report = "Lumbar spine CT: Mixed lytic and sclerotic lesion of L5 with anterolisthesis of L5 on S1. Bilateral pars and facet involvement."
        #expect(extractor.extract(report).lesions.map(\.site.key) == ["L5"])
        let l5 = lesion(report, "L5")
        #expect(l5?.reading("alignment")?.value == "subluxation")
        #expect(l5?.reading("posterolateral")?.value == "bilateral")
        #expect(lesion("L3椎体转移，双侧椎板及椎弓根受累。", "L3")?.reading("posterolateral")?.value == "bilateral")
        // A bone between is another site's: the side stays where it was written.
        #expect(lesion("Left rib lesion; T10 pedicle involved.", "T10")?.reading("posterolateral")?.value == "involved")
    }

    /// A posterior element on each side is SINS's bilateral (3): "Right pedicle and left facet
    /// involved" read unilateral (1), each mention alone being one-sided.
    @Test func oneElementOnEachSideIsBilateral() {
        #expect(lesion("Right pedicle and left facet involved at T10.", "T10")?.reading("posterolateral")?.value == "bilateral")
        #expect(lesion("T10椎体转移，右侧椎弓根及左侧关节突受累。", "T10")?.reading("posterolateral")?.value == "bilateral")
        #expect(lesion("T8 lesion involving the left pedicle and left lamina.", "T8")?.reading("posterolateral")?.value == "unilateral")
        #expect(lesion("L3椎体转移，右侧椎弓根受累。", "L3")?.reading("posterolateral")?.value == "unilateral")
    }

    /// A follow-up CT's "previously lytic, now sclerotic" (and "原为溶骨性，现呈成骨性") read the
    /// lesion "mixed": the character it had is history beside the one it has. "Previously
    /// described" lesions stay the current ones.
    @Test func theCharacterItHadIsHistory() {
        #expect(lesion("CT: L3 lesion, previously lytic, is now sclerotic.", "L3")?.reading("character")?.value == "blastic")
        #expect(lesion("Healing sclerotic changes in previously lytic L3 lesion, now predominantly sclerotic with complete fill-in.", "L3")?.reading("character")?.value == "blastic")
        #expect(lesion("L3椎体病灶原为溶骨性，现呈成骨性改变。", "L3")?.reading("character")?.value == "blastic")
        let t8 = lesion("Previously described T8 metastasis is again seen, lytic, 2 cm.", "T8")
        #expect(t8?.certainty == .affirmed && t8?.reading("character")?.value == "lytic")
        #expect(lesion("Mixed lytic and sclerotic lesion of L5.", "L5")?.reading("character")?.value == "mixed")
    }

    /// Unseen reports (2026-12-04): "较前硬化增多" (a treated lesion more sclerotic) read as
    /// "compared with prior: increased" — growth — from its "增多"; "Enlarging" was not read;
    /// "No epidural extension" after a femoral-neck sentence gave the femur an ESCC reading.
    @Test func moreSclerosisIsFillInAndEnlargingIsGrowth() {
        let l3 = lesion("L3椎体病灶较前硬化增多。", "L3")
        #expect(l3?.reading("fillIn")?.value == "partial")
        #expect(l3?.reading("comparison") == nil)
        #expect(lesion("Stable T7 lesion with increased sclerosis.", "T7")?.reading("fillIn")?.value == "partial")
        // A rim forming is a rim, not fill-in.
        #expect(lesion("T10椎体病灶较前硬化边形成。", "T10")?.reading("fillIn") == nil)
        #expect(lesion("Enlarging mixed metastasis of the left femoral neck.", "femur left proximal")?.reading("comparison")?.value == "increased")
        let femur = lesion("Mixed lesion of the left femoral neck measuring 2.4 cm. No pathologic fracture. No epidural extension.", "femur left proximal")
        #expect(femur?.reading("escc") == nil)
        #expect(lesion("T12 lytic lesion. No epidural extension.", "T12")?.reading("escc") != nil)
    }

    /// Unseen reports (2026-12-04): a sentence about another subject — the knees, the kidneys
    /// and bladder, the injection site — lent its uptake to the sites of the sentence before;
    /// "蛛网膜下腔闭塞" and "Bilsky 3级" were read as ESCC 2; "椎体高度较前减低" (more collapse)
    /// read "compared with prior: decreased".
    @Test func anotherSubjectLendsNothingAndTheCordIsGraded() {
        let scan = extractor.extract("颅骨、双侧肱骨未见异常。双膝关节对称性浓聚，考虑退行性变。")
        #expect(scan.lesions.isEmpty, "\(scan.lesions.map(\.site.key))")
        let kidneys = lesion("Focal uptake in L4. Physiologic uptake in the kidneys and bladder.", "L4")
        #expect(kidneys?.reading("uptake")?.evidence.count == 1)
        // The spine's own joints still speak of the vertebra.
        #expect(lesion("L4椎体溶骨性破坏。累及右侧关节突关节。", "L4")?.reading("posterolateral")?.value == "unilateral")
        // A lesion reaching a joint is still the lesion.
        #expect(lesion("右髋臼溶骨性破坏。病灶累及右髋关节，伴病理性骨折。", "acetabulum right")?.reading("fracture")?.value == "true")
        let mri = "T6椎体转移瘤，脊髓受压变扁，蛛网膜下腔闭塞。T6椎体高度较前减低约1/3。"
        #expect(lesion(mri, "T6")?.reading("escc")?.value == "3")
        #expect(lesion(mri, "T6")?.reading("collapse")?.value == "under50")
        #expect(lesion(mri, "T6")?.reading("comparison") == nil)
        #expect(lesion("T6椎体转移瘤伴脊髓受压（Bilsky 3级）。", "T6")?.reading("escc")?.value == "3")
    }

    /// "Smaller metastases in L4 and S1" compares lesions with each other, not with a prior study:
    /// it read "compared with prior: decreased" for both (unseen report, 2026-12-04). "smaller" and
    /// "larger" are read as change only with a word of time ("now smaller", "larger than before").
    @Test func smallerIsAChangeOnlyOverTime() {
        #expect(lesion("Smaller metastases in L4 and S1.", "L4")?.reading("comparison") == nil)
        #expect(lesion("The L4 lesion is now smaller.", "L4")?.reading("comparison")?.value == "decreased")
        #expect(lesion("The right iliac lesion is larger than before.", "pelvis right")?.reading("comparison")?.value == "increased")
    }

    /// An X-ray report's femur — "subtrochanteric femur" in the findings without a side, "the
    /// proximal left femur" in the impression — read as two lesions (unseen report, 2026-12-04):
    /// one lesion, the left peritrochanteric femur.
    @Test func theTrochantericAndProximalFemurAreOne() {
        let report = "Left femur, two views: permeative lytic lesion in the subtrochanteric femur measuring 4.5 cm. IMPRESSION: Aggressive lytic lesion of the proximal left femur."
        let lesions = extractor.extract(report).lesions
        #expect(lesions.map(\.site.key) == ["femur left peritrochanteric"], "\(lesions.map(\.site.key))")
        // Two sides are two femurs.
        let two = extractor.extract("Lytic lesion of the right subtrochanteric femur. Lytic lesion of the proximal left femur.").lesions
        #expect(two.count == 2)
    }
}
