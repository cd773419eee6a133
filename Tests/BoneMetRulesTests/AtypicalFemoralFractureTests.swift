import BoneMetRules
import Testing

/// Rule set 2026.12.48: a femoral shaft that broke where no metastasis was ever seen, in a
/// patient on denosumab for years, was only "pathological fracture on record". Atypical femoral
/// fracture (Shane 2014; the Xgeva and Zometa labels) must be in the differential.
@Suite struct AtypicalFemoralFractureTests {
    func record(
        segment: BoneSegment = .diaphysis, bone: Bone = .femur, character: LesionCharacter? = nil, destruction: Bool? = nil,
        agentStart: String? = "2021-01-25", agent: BoneAgent = .denosumab, biopsy: BiopsyResult? = nil
    ) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T9")),
            Lesion(id: "F", bone: bone, segment: segment, laterality: .right),
        ]
        r.studies = [
            ct("C1", "2021-01-10", [observation("L1", .lytic, [18, 14]) { $0.boneDestruction = true }]),
            ImagingStudy(
                id: "X1", date: day("2025-09-02"), modality: .xray, coverage: [.rightLowerLimb, .rightUpperLimb],
                observations: [observation("F", character) { $0.fracture = true; $0.boneDestruction = destruction }]),
        ]
        r.events = [ClinicalEvent(date: day("2025-08-30"), kind: .pathologicalFracture, lesion: "F")]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2021-01-20"))]
        if let agentStart {
            r.treatments.append(Treatment(id: "D1", kind: .boneModifyingAgent, start: day(agentStart), agent: agent, doseMg: 120, intervalWeeks: 4))
        }
        if let biopsy { r.biopsies = [Biopsy(lesion: "F", date: day("2025-09-05"), decalcification: .edta, result: biopsy)] }
        return r
    }

    @Test func aShaftBrokenOnDenosumabWithNoTumourSeenIsAsked() throws {
        let a = assess(record(), asOf: day("2025-10-20"))
        let finding = try #require(a.rule("diagnosis.differential.atypicalFemoralFracture").first)
        #expect(finding.severity == .warning && finding.subject == .lesion("F") && finding.specialty == .orthopaedics)
        #expect(finding.title.en == "right femur, diaphysis: atypical femoral fracture in the differential (denosumab since 2021-01-25)")
        #expect(finding.title.zhHans.contains("需鉴别非典型股骨骨折（2021-01-25 起使用地舒单抗）"))
        #expect(finding.detail.en.contains("X-ray the whole of both femora"))
        #expect(finding.sources.contains { $0.id == "shane2014" })
        // The subtrochanteric region (peritrochanteric segment) and zoledronic acid too.
        #expect(assess(record(segment: .peritrochanteric, agent: .zoledronicAcid), asOf: day("2025-10-20")).has("diagnosis.differential.atypicalFemoralFracture"))
        // A blastic reading (the cortical thickening) is no tumour destruction.
        #expect(assess(record(character: .blastic), asOf: day("2025-10-20")).has("diagnosis.differential.atypicalFemoralFracture"))
    }

    @Test(arguments: [
        "lytic lesion at the fracture", "bone destruction seen", "no antiresorptive", "agent started after the fracture",
        "distal femur", "humerus", "biopsy shows the metastasis",
    ])
    func notAskedWhenTheFractureIsExplained(_ why: String) {
        let r = switch why {
        case "lytic lesion at the fracture": record(character: .lytic)
        case "bone destruction seen": record(destruction: true)
        case "no antiresorptive": record(agentStart: nil)
        case "agent started after the fracture": record(agentStart: "2025-09-10")
        case "distal femur": record(segment: .distal)
        case "humerus": record(bone: .humerus)
        default: record(biopsy: .metastasis)
        }
        #expect(!assess(r, asOf: day("2025-10-20")).has("diagnosis.differential.atypicalFemoralFracture"), "\(why)")
        // The same record unexplained is asked: the case above is what keeps it quiet.
        #expect(assess(record(), asOf: day("2025-10-20")).has("diagnosis.differential.atypicalFemoralFracture"))
    }
}
