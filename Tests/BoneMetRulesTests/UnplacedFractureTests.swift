import BoneMetRules
import Testing

/// Rule set 2026.12.321: a pathological fracture recorded with no lesion named (an EHR's fracture
/// Condition without a body site; unseen record cb90-l, a breast cancer three weeks after one)
/// was only counted among the skeletal-related events — nothing asked where it was, though its
/// site decides whether anything is urgent.
@Suite struct UnplacedFractureTests {
    func record(fracture: ClinicalEvent?, imagedFracture: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T9"))]
        r.studies = [ct("C1", "2026-11-01", [observation("V", .lytic, [20, 15]) {
            $0.boneDestruction = true; $0.collapse = imagedFracture ? .under50 : SINS.Collapse.none
            $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none
        }])]
        r.events = fracture.map { [$0] } ?? []
        return r
    }

    @Test func aFractureWithoutItsLesionAsksWhereItIs() throws {
        let assessment = assess(record(fracture: ClinicalEvent(date: day("2026-11-08"), kind: .pathologicalFracture)), asOf: day("2026-12-01"))
        let finding = try #require(assessment.rule("surgery.fracture.siteUnrecorded").first)
        #expect(finding.severity == .warning && finding.specialty == .orthopaedics && finding.duty == .surgery)
        #expect(finding.title.en == "Pathological fracture of 2026-11-08: its site is not recorded")
        #expect(finding.title.zhHans == "2026-11-08 病理性骨折：未记录骨折部位")
        #expect(finding.detail.en.contains("a limb long bone broken through a metastasis is fixed"))
        #expect(finding.detail.en.contains("Record the fracture at its lesion"))
    }

    @Test func notWhenTheRecordPlacesAFractureResolvedOrLater() {
        // Placed at its lesion.
        #expect(!assess(record(fracture: ClinicalEvent(date: day("2026-11-08"), kind: .pathologicalFracture, lesion: "V")), asOf: day("2026-12-01"))
            .has("surgery.fracture.siteUnrecorded"))
        // A lesion's imaging shows a fracture: the event may be that one.
        #expect(!assess(record(fracture: ClinicalEvent(date: day("2026-11-08"), kind: .pathologicalFracture), imagedFracture: true), asOf: day("2026-12-01"))
            .has("surgery.fracture.siteUnrecorded"))
        // Resolved (healed): no decision waits on its site.
        #expect(!assess(record(fracture: ClinicalEvent(date: day("2026-11-08"), kind: .pathologicalFracture, resolved: true)), asOf: day("2026-12-01"))
            .has("surgery.fracture.siteUnrecorded"))
        // Not yet happened on the day assessed; and other events are not fractures.
        #expect(!assess(record(fracture: ClinicalEvent(date: day("2026-11-08"), kind: .pathologicalFracture)), asOf: day("2026-11-07"))
            .has("surgery.fracture.siteUnrecorded"))
        #expect(!assess(record(fracture: ClinicalEvent(date: day("2026-11-08"), kind: .cordCompression)), asOf: day("2026-12-01"))
            .has("surgery.fracture.siteUnrecorded"))
        #expect(!assess(record(fracture: nil), asOf: day("2026-12-01")).has("surgery.fracture.siteUnrecorded"))
    }
}
