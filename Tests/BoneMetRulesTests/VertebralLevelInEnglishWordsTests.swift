import BoneMetRules
import Testing

/// Rule set 2026.12.327: a vertebra named as SNOMED CT's body structures and radiology reports
/// write it in English words — "Structure of third lumbar vertebra" (unseen bundle ehr23) — was a
/// vertebra of no level: no SINS location. The ordinal, the region and a word for the vertebra.
@Suite struct VertebralLevelInEnglishWordsTests {
    let all: Set<VertebralLevel.Region> = [.cervical, .thoracic, .lumbar, .sacral]

    @Test func anOrdinalARegionAndAVertebraNameOneLevel() {
        #expect(VertebralLevel.named(in: "Structure of third lumbar vertebra", regions: all) == VertebralLevel("L3"))
        #expect(VertebralLevel.named(in: "Twelfth thoracic vertebra structure", regions: all) == VertebralLevel("T12"))
        #expect(VertebralLevel.named(in: "seventh cervical vertebral body", regions: all) == VertebralLevel("C7"))
        #expect(VertebralLevel.named(in: "First Sacral Vertebra", regions: [.sacral]) == VertebralLevel("S1"))
        #expect(VertebralLevel.named(in: "eleventh dorsal vertebra", regions: all) == VertebralLevel("T11"))
        #expect(VertebralLevel.levelsNamed(in: "Structure of third lumbar vertebra") == [VertebralLevel("L3")].compactMap { $0 })
    }

    /// Rule set 2026.12.331: "T-12 vertebral body", as US reports write a level, was no level.
    @Test func aHyphenatedLevelIsThatLevel() {
        #expect(VertebralLevel.named(in: "T-12 vertebral body", regions: all) == VertebralLevel("T12"))
        #expect(VertebralLevel.named(in: "L-1", regions: all) == VertebralLevel("L1"))
        #expect(VertebralLevel.named(in: "T-score -2.6", regions: all) == nil)
    }

    @Test func wordsThatAreNoVertebraNameNone() {
        #expect(VertebralLevel.named(in: "third lumbar nerve root", regions: all) == nil)
        #expect(VertebralLevel.named(in: "second opinion on the lumbar spine", regions: all) == nil)
        #expect(VertebralLevel.named(in: "thirteenth thoracic vertebra", regions: all) == nil)
        // A region with fewer vertebrae: no sixth lumbar.
        #expect(VertebralLevel.named(in: "sixth lumbar vertebra", regions: all) == nil)
    }

    @Test func aRecordNamedSoScoresTheLevelsLocation() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, note: "Structure of twelfth thoracic vertebra")]
        r.studies = [ct("C1", "2026-10-20", [observation("V", .lytic) {
            $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none
        }])]
        r.pain = [PainRecord(date: day("2026-10-20"), lesion: "V", sins: SINS.Pain.none)]
        let finding = try #require(assess(r, asOf: day("2026-12-01")).rule("surgery.spine.noms").first)
        // Junctional T12: location 3 + lytic 2 = SINS 5.
        #expect(finding.title.en.hasPrefix("T12 vertebra: SINS 5"), "\(finding.title.en)")
    }
}
