@testable import BoneMetReports
import BoneMetRules
import Testing

/// Unseen reports (2026-12-06, batch 18 of the corpus): a listed term spelled with a hyphen
/// ("soft-tissue component") went unread; "compress the cord with complete effacement of the
/// surrounding CSF" graded ESCC 1a — an under-grading of a high-grade compression; "small lucency in
/// T6" was no lesion; "右股骨近段" had no segment; and "右侧第7肋新见骨质破坏" lost its "new".
@Suite struct ExtractorSpellingTests: ExtractorFixture {
    @Test func aHyphenBetweenLettersReadsAsASpace() throws {
        for text in ["Lytic lesion in the right acetabulum with a soft-tissue component.", "Lytic lesion in the right acetabulum with a soft tissue component."] {
            let acetabulum = try requireLesion("acetabulum right", in: text)
            #expect(acetabulum.reading("softTissue")?.value == "true", "\(text)")
        }
        // A hyphen beside a digit is kept: a range of levels and a date still read.
        #expect(keys("Lytic lesions at T10-T12.") == ["T10", "T11", "T12"])
        let l2 = try requireLesion("L2", in: "Compared with 2026-06-02, the lytic lesion at L2 has increased.")
        #expect(l2.reading("comparison")?.value == "increased")
        // Evidence points into the text as written.
        let text = "Sacrum: soft-tissue mass."
        let sacrum = try requireLesion("sacrum", in: text)
        let span = try #require(sacrum.reading("softTissue")?.evidence.first)
        #expect(String(text.utf16[text.utf16.index(text.utf16.startIndex, offsetBy: span.start)..<text.utf16.index(text.utf16.startIndex, offsetBy: span.end)]) == "soft-tissue mass")
    }

    @Test func theCordCompressedInThePluralAndTheSurroundingCSFEffaced() throws {
        let c5 = try requireLesion("C5", in: "Lesion of C5. Retropulsed fragment and epidural tumour compress the cord with complete effacement of the surrounding CSF.")
        #expect(c5.reading("escc")?.value == "3")
        let t8 = try requireLesion("T8", in: "T8 lesion: epidural tumour and bone fragments compress the cord.")
        #expect(t8.reading("escc")?.value == "2")
    }

    @Test func aLucencyInABoneIsALesionAroundHardwareNot() throws {
        let t6 = try requireLesion("T6", in: "Possible small lucency in T6, indeterminate.")
        #expect(t6.certainty == .uncertain)
        #expect(t6.reading("character")?.value == "lytic")
        #expect(extractor.extract("Status post ORIF of the right femur. Lucency around the distal screw.").lesions.isEmpty)
    }

    @Test func nearAndFarSectionsOfALongBone() throws {
        #expect(try requireLesion("femur right proximal", in: "右股骨近段见溶骨性骨质破坏。").reading("character")?.value == "lytic")
        #expect(try requireLesion("tibia left distal", in: "左胫骨远段溶骨性破坏。").reading("destruction")?.value == "true")
    }

    @Test func newDestructionWhereNoLesionIsNamedIsANewLesion() throws {
        for text in ["右侧第7肋新见骨质破坏。", "左髂骨溶骨性破坏较前增大；右侧第7肋新见骨质破坏。"] {
            #expect(try requireLesion("rib right", in: text).reading("comparison")?.value == "new", "\(text)")
        }
        // A known lesion's new destruction is its change, not a new lesion (ExtractorTests keeps
        // the English forms).
        #expect(try requireLesion("T10", in: "T10椎体溶骨性病灶，新见骨皮质破坏。").reading("comparison")?.value != "new")
    }
}
