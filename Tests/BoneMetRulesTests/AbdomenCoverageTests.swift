import BoneMetRules
import Testing

/// A chest–abdomen–pelvis CT is the commonest staging study, and "abdomen" was refused as a
/// coverage word. It is read narrowly: an abdominal CT runs from the diaphragm to the iliac
/// crests (at L4), so of the skeleton it is taken to have looked at L1–L4 only — a region taken
/// as looked at, with the lesion not seen, makes a later lesion there "new".
@Suite struct AbdomenCoverageTests {
    func study(_ coverage: [BodyRegion]) -> ImagingStudy {
        ImagingStudy(id: "C", date: day("2025-01-01"), modality: .ct, windows: [.bone], coverage: coverage)
    }

    func vertebra(_ level: String) -> Lesion { Lesion(id: level, bone: .vertebra, level: VertebralLevel(level)) }

    @Test func anAbdominalStudyLooksAtL1ToL4() {
        let abdomen = study([.abdomen])
        #expect(abdomen.covers(vertebra("L1")) && abdomen.covers(vertebra("L4")))
        // Boundaries: L5 (below the crests), T12 (above L1), the sacrum and the pelvis are not taken.
        #expect(!abdomen.covers(vertebra("L5")) && !abdomen.covers(vertebra("T12")) && !abdomen.covers(vertebra("S1")))
        #expect(!abdomen.covers(Lesion(id: "P", bone: .pelvis, laterality: .left)))
        #expect(!abdomen.surveysWholeSkeleton && !abdomen.surveysWholeSpine)
        // With the pelvis recorded beside it, the pelvis is looked at as before.
        #expect(study([.abdomen, .pelvis]).covers(Lesion(id: "P", bone: .pelvis, laterality: .left)))
    }
}
