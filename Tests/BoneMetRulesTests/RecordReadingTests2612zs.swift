@testable import BoneMetRules
import Testing

/// Unseen bundle ehr4 (2026-12-07, a US prostate record): the Procedure "Radiation treatment
/// management, L3, 8 Gy x 1" (CPT 77427) was dropped as "radiotherapy without a bone site" though
/// a metastasis "Metastasis to bone, L3" was on record. "L3, 8" was read as a list of levels
/// continuing to a lumbar eighth vertebra, which does not exist, and the whole text named no level.
/// A number written with its unit — a dose, fractions, a size, a time — continues no list of
/// levels. Rule set 2026.12.404.
@Suite struct LevelBeforeADoseTests {
    @Test func aDoseAfterALevelIsNoFurtherLevel() {
        func levels(_ text: String) -> [String] { VertebralLevel.levelsNamed(in: text).map(\.description) }
        #expect(levels("Radiation treatment management, L3, 8 Gy x 1") == ["L3"])
        #expect(levels("L3，8Gy/1F") == ["L3"])
        #expect(levels("T10, 30 Gy in 10 fractions") == ["T10"])
        #expect(levels("L4, 2.5 cm soft-tissue mass") == ["L4"])
        #expect(levels("T9、5次") == ["T9"])
        // Lists and spans of levels read as before.
        #expect(levels("T7、8、9") == ["T7", "T8", "T9"])
        #expect(levels("胸5、6椎体放疗") == ["T5", "T6"])
        #expect(levels("L3-5 vertebral bodies") == ["L3", "L4", "L5"])
        #expect(levels("T11, 12 and L1") == ["T11", "T12", "L1"])
        // One vertebra with a dose beside it is one vertebra, not a list.
        #expect(VertebralLevel.named(in: "L3, 20 Gy in 5 fractions", regions: [.lumbar]) == VertebralLevel("L3"))
        #expect(!VertebralLevel.namesSeveral(in: "L3, 8 Gy x 1"))
        #expect(VertebralLevel.namesSeveral(in: "T7、8"))
    }

    @Test func aCourseWritingItsDoseAfterTheLevelIsRadiotherapyThere() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2021-04-12"))]
        r.lesions = [
            Lesion(id: "V3", bone: .vertebra, level: VertebralLevel("L3")),
            Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("L1")),
        ]
        r.studies = [ct("C1", "2025-01-18", r.lesions.map { observation($0.id, .blastic) { $0.boneDestruction = false } })]
        r.treatments = [Treatment(id: "RT", kind: .radiotherapy, name: "Radiation treatment management, L3, 8 Gy x 1", start: day("2025-02-10"))]
        #expect(Lesion.placed(by: "Radiation treatment management, L3, 8 Gy x 1", among: r.lesions) == ["V3"])
        let sre = try #require(assess(r, asOf: day("2025-06-05")).rule("boneAgents.sreHistory").first)
        #expect(sre.detail.en.hasPrefix("2025-02-10 radiotherapy to bone, L3 vertebra."), "\(sre.detail.en)")
        #expect(!sre.detail.en.contains("L1"))
    }
}
