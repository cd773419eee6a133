import BoneMetRules
import Testing

/// Rule set 2026.12.55: a breast cancer's denosumab stopped after five and a half years; ten
/// months later L1 and L3 had collapsed where the last CT showed nothing, with no destruction on
/// the MRI, and BoneMet scored them as new vertebral metastases. The label describes multiple
/// vertebral fractures after stopping denosumab: the differential is said before anything else.
@Suite struct FractureAfterDenosumabTests {
    func record(destruction: Bool = false, fractureOn: String = "2026-10-01", resumed: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T11", bone: .vertebra, level: VertebralLevel("T11")), Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = [
            ct("C0", "2020-05-03", [observation("T11", .lytic, [14, 12]) { $0.boneDestruction = true }]),
            ct("C1", "2025-12-01", [observation("T11", .blastic, [14, 12]) { $0.fillIn = .complete }, observation("V1") { $0.present = false }]),
            ImagingStudy(id: "M1", date: day(fractureOn), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: [
                observation("V1") { $0.collapse = .under50; $0.fracture = true; $0.boneDestruction = destruction ? true : nil },
            ]),
        ]
        r.biopsies = [Biopsy(lesion: "T11", date: day("2020-05-10"), result: .metastasis)]
        r.treatments.append(Treatment(
            id: "D1", kind: .boneModifyingAgent, start: day("2020-06-01"), end: day("2025-12-15"), stopReason: .completed, agent: .denosumab,
            doseMg: 120, doses: [day("2025-12-15")]))
        if resumed {
            r.treatments.append(Treatment(id: "Z1", kind: .boneModifyingAgent, start: day("2026-02-01"), agent: .zoledronicAcid, doseMg: 4, doses: [day("2026-02-01")]))
        }
        return r
    }

    @Test func aVertebralFractureWithoutDestructionAfterTheStopIsInTheDifferential() throws {
        let finding = try #require(assess(record(), asOf: day("2026-10-03")).rule("diagnosis.differential.fractureAfterDenosumab").first)
        #expect(finding.subject == .lesion("V1") && finding.severity == .warning && finding.date == day("2026-10-01"))
        #expect(finding.title.en == "L1 vertebra: vertebral fracture after denosumab was stopped (2025-12-15) — rebound fracture in the differential")
        #expect(finding.sources.map(\.id) == ["xgevaDiscontinuation"])
        // The healed metastasis is no fracture; only the new one is named.
        #expect(!assess(record(), asOf: day("2026-10-03")).has("diagnosis.differential.fractureAfterDenosumab", subject: .lesion("T11")))
    }

    @Test func notWithDestructionBeforeTheStopOrUnderAnotherAgent() {
        #expect(!assess(record(destruction: true), asOf: day("2026-10-03")).has("diagnosis.differential.fractureAfterDenosumab"))
        // Boundary: broken on the day of the stop is not "after" it; the next day is.
        #expect(!assess(record(fractureOn: "2025-12-15"), asOf: day("2026-10-03")).has("diagnosis.differential.fractureAfterDenosumab"))
        #expect(assess(record(fractureOn: "2025-12-16"), asOf: day("2026-10-03")).has("diagnosis.differential.fractureAfterDenosumab"))
        // An antiresorptive running again: the rebound is no longer the question.
        #expect(!assess(record(resumed: true), asOf: day("2026-10-03")).has("diagnosis.differential.fractureAfterDenosumab"))
    }
}
