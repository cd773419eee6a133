import BoneMetRules
import Testing

/// Rule set 2026.12.40: an outside bone scan, the hospital's CT and an MRI entered as three
/// reports named T11 twice (L1 from the CT, L3 from the MRI). The two records were followed as
/// two lesions — two NOMS findings, Tokuhashi "vertebral body metastases 2" for one vertebra
/// (Tokuhashi 2005 counts the bodies involved) and Tomita "multiple" for a solitary site.
@Suite struct SameSiteTests {
    func record(_ lesions: [Lesion]) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌", diagnosed: day("2025"))]
        r.lesions = lesions
        r.studies = [
            survey("B0", "2025-06-01", lesions.map(\.id)),
            ImagingStudy(id: "C1", date: day("2025-06-03"), modality: .ct, windows: [.bone], coverage: [.thoracicSpine, .chest, .leftUpperLimb, .leftLowerLimb], observations: lesions.map { lesion in
                observation(lesion.id, .lytic, [20, 15]) { $0.boneDestruction = true }
            }),
        ]
        return r
    }

    @Test func oneVertebraRecordedTwiceIsAskedAboutAndCountedOnce() throws {
        let t11 = { (id: String) in Lesion(id: id, bone: .vertebra, level: VertebralLevel("T11")) }
        let a = assess(record([t11("L1"), t11("L3")]), asOf: day("2025-06-15"))
        let same = try #require(a.rule("diagnosis.record.sameSite").first)
        #expect(same.severity == .advisory)
        #expect(same.title.en == "T11 vertebra recorded 2 times (L1, L3) — the same lesion?")
        #expect(same.title.zhHans == "T11 椎体有 2 条病灶记录（L1、L3）——是否为同一病灶？")
        #expect(a.tokuhashi?.components.first { $0.key == "vertebralBodyMets" }?.value == "1")
        #expect(a.tomita?.components.first { $0.key == "boneMets" }?.value == "solitary")
        #expect(a.katagiri?.components.first { $0.key == "multipleSkeletalMets" }?.points == 0)
        // A solitary site: the biopsy indication sees it.
        #expect(a.has("diagnosis.biopsy.indicated"))
        // Two levels are two vertebrae.
        let two = assess(record([t11("L1"), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("T12"))]), asOf: day("2025-06-15"))
        #expect(!two.has("diagnosis.record.sameSite"))
        #expect(two.tokuhashi?.components.first { $0.key == "vertebralBodyMets" }?.value == "2")
    }

    @Test func onlyASiteThatIsOnePlaceIsAsked() {
        // Two right-rib or left-pelvis records may be two lesions; a proximal and a diaphyseal
        // femoral lesion are two.
        let ribs = [Lesion(id: "R1", bone: .rib, laterality: .right), Lesion(id: "R2", bone: .rib, laterality: .right)]
        #expect(!assess(record(ribs), asOf: day("2025-06-15")).has("diagnosis.record.sameSite"))
        let femur = [
            Lesion(id: "F1", bone: .femur, segment: .proximal, laterality: .left), Lesion(id: "F2", bone: .femur, segment: .diaphysis, laterality: .left),
        ]
        #expect(!assess(record(femur), asOf: day("2025-06-15")).has("diagnosis.record.sameSite"))
        let twice = [
            Lesion(id: "F1", bone: .femur, segment: .proximal, laterality: .left), Lesion(id: "F2", bone: .femur, segment: .proximal, laterality: .left),
        ]
        #expect(assess(record(twice), asOf: day("2025-06-15")).has("diagnosis.record.sameSite"))
    }
}
