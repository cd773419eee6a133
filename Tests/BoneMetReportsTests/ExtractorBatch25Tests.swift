/// Batch 25 of unseen reports (2026-12-06, docs/performance.md): each class found, one suite.
@testable import BoneMetReports
import Testing

/// Unseen record cb117-g (2026-12-06): "右股骨远端骨骺区见偏心性溶骨性骨质破坏" gave lytic and destruction,
/// not where in the bone's end or off its axis — the picture reference.md names for giant cell
/// tumour (epiphyseal, eccentric, lytic; Chakarun 2013) could only be entered by hand. Corpus
/// entries b25-zh-01 … 05, b25-en-01 … 03.
@Suite struct ExtractorGiantCellPictureTests: ExtractorFixture {
    @Test func theEpiphysisAndEccentricityAreRead() throws {
        for (key, text) in [
            ("femur right distal", "右股骨远端骨骺区见偏心性溶骨性骨质破坏，边界清楚。"),
            ("tibia left proximal", "左胫骨近端干骺端-骨骺见偏心性膨胀性溶骨性破坏，骨骺线已闭合。"),
            ("femur right distal", "An eccentric lytic lesion in the epiphysis of the right distal femur."),
            ("radius left distal", "Eccentric epimetaphyseal lytic lesion of the left distal radius."),
        ] {
            let lesion = try requireLesion(key, in: text)
            #expect(lesion.reading("epiphyseal")?.value == "true", "\(text)")
            #expect(lesion.reading("epiphyseal")?.certainty == .affirmed, "\(text)")
            #expect(lesion.reading("eccentric")?.value == "true", "\(text)")
            #expect(lesion.reading("character")?.value == "lytic", "\(text)")
        }
    }

    /// The growth plate (its line, closure) and the metaphysis are anatomy, not the epiphysis; a
    /// denied epiphysis is recorded absent; a vertebra has no epiphysis or eccentricity to offer.
    @Test func anatomyWordsAndOtherBonesOfferNothing() throws {
        let metaphysis = try requireLesion("femur right distal", in: "右股骨远端干骺端见溶骨性骨质破坏，骨骺线闭合。")
        #expect(metaphysis.reading("epiphyseal") == nil, "\(metaphysis.readings)")
        let plate = try requireLesion("tibia left proximal", in: "Lytic lesion of the left proximal tibial metaphysis, not extending across the epiphyseal plate.")
        #expect(plate.reading("epiphyseal") == nil, "\(plate.readings)")
        let spared = try requireLesion("femur right distal", in: "右股骨远端干骺端见溶骨性骨质破坏，骨骺未见受累。")
        #expect(spared.reading("epiphyseal")?.value == "false")
        #expect(spared.reading("epiphyseal")?.certainty == .negated)
        let spine = try requireLesion("T9", in: "T9椎体偏心性溶骨性骨质破坏，累及右侧椎弓根。")
        #expect(spine.reading("eccentric") == nil)
        #expect(spine.reading("posterolateral")?.value == "unilateral")
    }
}

/// Unseen CT report (2026-12-06): "L4/5双侧小关节骨质增生硬化，…考虑退行性改变，L4椎体未见骨质破坏" made L4's
/// denied destruction "present, about another structure" — the siteless diagnosis reached forward
/// into a clause naming its own site. It speaks of what came before it; after a finding it still
/// speaks for that finding.
@Suite struct ExtractorDiagnosisScopeTests: ExtractorFixture {
    @Test func aSitelessDiagnosisDoesNotReachAClauseWithItsOwnSite() throws {
        let text = "L4/5双侧小关节骨质增生硬化，关节间隙变窄，考虑退行性改变，L4椎体未见骨质破坏。"
        let lesion = try #require(extractor.extract(text).lesions.first { $0.site.key == "L4" })
        #expect(lesion.reading("destruction")?.value == "false", "\(lesion.readings)")
        #expect(lesion.reading("destruction")?.certainty == .negated)
        let before = try #require(extractor.extract("L1椎体见骨质破坏，考虑退行性改变。").lesions.first)
        #expect(before.certainty == .other)
    }
}

/// Unseen reports of batch 25 (2026-12-06; corpus b25-en-04, b25-zh-07 … 09): "proximal femora"
/// was one femur of no side; "椎体高度无明显减低" no collapse at all; "本次代谢明显减低" against a prior PET no
/// comparison; displaced fracture ends ("断端轻度成角移位") the fracture only in doubt beside "考虑病理性骨折".
@Suite struct ExtractorBatch25WordsTests: ExtractorFixture {
    @Test func aPairedBoneInThePluralIsBothSides() throws {
        #expect(keys("Multiple foci throughout the axial skeleton and proximal femora.") == ["femur bilateral proximal"])
        #expect(keys("Sclerotic lesions in both humeri and the right tibia.") == ["humerus bilateral", "tibia right"])
        #expect(keys("Lytic lesion of the left femur.") == ["femur left"])
    }

    @Test func wordsOfHeightMetabolismAndFractureEnds() throws {
        let t5 = try requireLesion("T5", in: "T5椎体见溶骨性骨质破坏，累及左侧椎弓根，椎体高度无明显减低。")
        #expect(t5.reading("collapse")?.value == "none" && t5.reading("collapse")?.certainty == .negated)
        let l3 = try requireLesion("L3", in: "与2026-06-10老片对比，原L3椎体FDG代谢增高灶，本次代谢明显减低（SUVmax由8.6降至2.1）。")
        #expect(l3.reading("comparison")?.value == "decreased")
        // A lesion colder than bone now is no comparison.
        let cold = try requireLesion("humerus right", in: "右肱骨见溶骨性骨质破坏，FDG代谢减低。")
        #expect(cold.reading("comparison") == nil)
        let humerus = try requireLesion("humerus left diaphysis", in: "左肱骨中段见溶骨性骨质破坏，局部骨皮质断裂，断端轻度成角移位，考虑病理性骨折。")
        #expect(humerus.reading("fracture")?.value == "true" && humerus.reading("fracture")?.certainty == .affirmed)
    }

    /// Corpus b25-en-07, b25-zh-10: "multiple new … lesions, including the left scapula, T3 …" gave
    /// none of the four its "new" (read as a count placed nowhere); "脊髓明显受压变形" only the 1a.
    @Test func newLesionsListedAfterIncludingAndACordCompressedMarkedly() throws {
        let text = "Interval development of multiple new FDG-avid osseous lesions, including the left scapula (SUV 7.1), T3 and L1 vertebral bodies, and the right iliac bone."
        for key in ["scapula left", "T3", "L1", "pelvis right"] {
            #expect(try requireLesion(key, in: text).reading("comparison")?.value == "new", "\(key)")
        }
        for key in ["scapula left", "T3"] {
            #expect(try requireLesion(key, in: "与前片比较，新见多发骨转移灶，分别位于左侧肩胛骨、T3椎体。").reading("comparison")?.value == "new")
        }
        // A count with no list after it stays the study's, no site's.
        #expect(try requireLesion("scapula left", in: "Compared with January there are 3 new lesions. Stable lesion in the left scapula.").reading("comparison")?.value == "unchanged")
        let c5 = try requireLesion("C5", in: "C5椎体压缩变扁约60%，椎管内硬膜外见软组织肿块，脊髓明显受压变形。")
        #expect(c5.reading("escc")?.value == "2")
    }
}

/// Corpus b25-en-10, b25-zh-17: "encasement of the right S1 and S2 nerve roots" made S1 a lesion,
/// and the right sacral ala's mass lost its sacrum to it; callus on a fracture called pathological
/// made the fracture — and the healing lesion with it — "about another structure".
@Suite struct ExtractorNerveListAndHealingFractureTests: ExtractorFixture {
    @Test func aListOfLevelsBeforeNerveRootsIsAnatomy() throws {
        let text = "Large destructive mass centered in the right sacral ala and iliac bone, measuring 8.5 x 6.0 cm, with encasement of the right S1 and S2 nerve roots."
        #expect(keys(text).sorted() == ["pelvis right", "sacrum right"], "\(keys(text))")
        #expect(!keys("压迫L5、S1神经根。L5椎体溶骨性破坏。").contains("S1"))
    }

    @Test func callusOnAPathologicalFractureKeepsItTheLesions() throws {
        let lesion = try requireLesion("humerus right diaphysis", in: "右肱骨中上段病理性骨折，断端对位对线可，见骨痂形成；原溶骨性病灶内见成骨修复。")
        #expect(lesion.certainty == .affirmed)
        #expect(lesion.reading("fracture")?.certainty == .affirmed)
        #expect(lesion.reading("fillIn")?.value == "partial")
        // A fracture not called pathological, healing with callus, stays another process.
        let rib = extractor.extract("右侧第6肋骨折，见骨痂形成。").lesions.first
        #expect(rib?.certainty != .affirmed)
    }
}
