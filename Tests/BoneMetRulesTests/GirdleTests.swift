import BoneMetRules
import Testing

/// Rule set 2026.12.54: a breast cancer's clavicle broke through a lytic metastasis and nothing
/// surgical was said (Mirels is for limb long bones, SINS for the spine; only the pelvis had
/// the plain "no validated score" finding). The shoulder girdle and sternum now have it too.
@Suite struct GirdleTests {
    func record(_ bone: Bone, fracture: Bool = false, biopsy: BiopsyResult? = nil, operated: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "G", bone: bone, laterality: bone == .sternum ? nil : .right)]
        r.studies = [ct("C1", "2025-10-16", [observation("G", .lytic, [25, 15]) { $0.boneDestruction = true; $0.fracture = fracture ? true : nil }])]
        r.pain = [PainRecord(date: day("2025-10-16"), lesion: "G", nrs: 6)]
        if let biopsy { r.biopsies = [Biopsy(lesion: "G", date: day("2025-10-17"), decalcification: .edta, result: biopsy)] }
        if operated { r.treatments.append(Treatment(id: "S", kind: .surgery, lesions: ["G"], start: day("2025-10-18"), procedure: .fractureFixation)) }
        return r
    }

    @Test func aFracturedClavicleAsksForOrthopaedicAssessment() throws {
        let finding = try #require(assess(record(.clavicle, fracture: true), asOf: day("2025-10-20")).rule("surgery.girdle.noValidatedScore").first)
        #expect(finding.severity == .warning && finding.specialty == .orthopaedics)
        #expect(finding.title.en == "right clavicle: pathological fracture — orthopaedic assessment")
        #expect(finding.title.zhHans == "右锁骨：病理性骨折——请骨科评估")
        #expect(finding.detail.en.contains("Pain on record: NRS 6 (2025-10-16)."))
    }

    @Test(arguments: [Bone.scapula, .sternum, .clavicle])
    func destructionWithoutFractureIsJudgedByOrthopaedics(bone: Bone) throws {
        let finding = try #require(assess(record(bone), asOf: day("2025-10-20")).rule("surgery.girdle.noValidatedScore").first)
        #expect(finding.severity == .advisory && finding.title.en.contains("no validated score; orthopaedic oncology to judge"))
    }

    @Test func notForRibsNotMetastasesOrOperatedBones() {
        #expect(!assess(record(.rib), asOf: day("2025-10-20")).has("surgery.girdle.noValidatedScore"))
        #expect(!assess(record(.scapula, biopsy: .benign), asOf: day("2025-10-20")).has("surgery.girdle.noValidatedScore"))
        #expect(!assess(record(.clavicle, fracture: true, operated: true), asOf: day("2025-10-20")).has("surgery.girdle.noValidatedScore"))
    }
}
