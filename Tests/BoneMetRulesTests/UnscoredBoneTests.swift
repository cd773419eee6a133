import BoneMetRules
import Testing

/// Rule set 2026.12.54: a breast cancer's clavicle broke through a lytic metastasis and nothing
/// surgical was said (Mirels is for limb long bones, SINS for the spine; only the pelvis had
/// the plain "no validated score" finding). The shoulder girdle and sternum now have it too.
@Suite struct UnscoredBoneTests {
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

    /// Rule set 2026.12.55: a lung cancer's acetabulum broke (event and CT) and the pelvic rule,
    /// written for bones not yet broken, skipped it — no surgical finding at all.
    @Test func aFracturedAcetabulumAsksForOrthopaedicAssessment() throws {
        let finding = try #require(assess(record(.acetabulum, fracture: true), asOf: day("2025-10-20")).rule("surgery.pelvis.noValidatedScore").first)
        #expect(finding.severity == .warning && finding.specialty == .orthopaedics)
        #expect(finding.title.en == "right acetabulum: pathological fracture — orthopaedic assessment")
        #expect(finding.title.zhHans == "右髋臼：病理性骨折——请骨科评估")
        #expect(finding.detail.en.contains("protected weight bearing, radiotherapy for pain or surgery"))
        #expect(finding.detail.en.contains("(the acetabulum carries the hip's load)"))
        // Not broken: the advisory it always had.
        let intact = try #require(assess(record(.acetabulum), asOf: day("2025-10-20")).rule("surgery.pelvis.noValidatedScore").first)
        #expect(intact.severity == .advisory && intact.title.en == "right acetabulum: bone destruction at the hip joint — no validated score; orthopaedic oncology to judge")
        // A fracture event alone (no imaging of it) counts too; an operated one is the surgeon's already.
        var event = record(.pelvis)
        event.events = [ClinicalEvent(date: day("2025-10-18"), kind: .pathologicalFracture, lesion: "G")]
        #expect(assess(event, asOf: day("2025-10-20")).rule("surgery.pelvis.noValidatedScore").first?.severity == .warning)
        #expect(!assess(record(.acetabulum, fracture: true, operated: true), asOf: day("2025-10-20")).has("surgery.pelvis.noValidatedScore"))
    }

    @Test func notForRibsNotMetastasesOrOperatedBones() {
        #expect(!assess(record(.rib), asOf: day("2025-10-20")).has("surgery.girdle.noValidatedScore"))
        #expect(!assess(record(.scapula, biopsy: .benign), asOf: day("2025-10-20")).has("surgery.girdle.noValidatedScore"))
        #expect(!assess(record(.clavicle, fracture: true, operated: true), asOf: day("2025-10-20")).has("surgery.girdle.noValidatedScore"))
    }
}
