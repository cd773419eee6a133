@testable import BoneMetRules
import Testing

/// cb82-g, g2, g3 (unseen records, 2026-12-05): a tibial giant cell tumour proven on biopsy
/// (eccentric, epiphyseal, lytic), in a 29-year-old on denosumab on the label's giant-cell
/// schedule, and in a 51-year-old with a breast cancer of 2016. The record read "Denosumab: the
/// alternative is zoledronic acid" with the SRE-prevention trials; beside the breast cancer,
/// "breast cancer with bone metastases: start" with no metastasis on record, and "myeloma in the
/// differential — a new lesion after a long disease-free interval" beside "biopsy shows giant
/// cell tumour, not a metastasis". Rule set 2026.12.316 (Xgeva label: giant cell tumour of bone).
@Suite struct GiantCellTumourProvenTests {
    func record(breastCancer: Bool, denosumab: Bool, anotherLesion: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day(breastCancer ? "1975-05-05" : "1997-05-05")
        r.primaries = breastCancer ? [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2016-03"), hormoneDependent: true)] : []
        r.lesions = [Lesion(id: "T", bone: .tibia, segment: .proximal, laterality: .right)]
        var film = ImagingStudy(id: "X1", date: day("2026-09-01"), modality: .xray, observations: [
            observation("T", .lytic) { $0.boneDestruction = true; $0.epiphyseal = true; $0.eccentric = true; $0.fractionOfDiameter = 0.6 },
        ])
        if anotherLesion {
            r.lesions.append(Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L2")))
            film.observations.append(observation("V", .lytic) { $0.boneDestruction = true })
            film.modality = .ct
        }
        r.studies = [film]
        r.biopsies = [Biopsy(lesion: "T", date: day("2026-09-15"), decalcification: .edta, result: .giantCellTumour, histology: "骨巨细胞瘤 H3F3A G34W(+)")]
        r.treatments = denosumab
            ? [Treatment(id: "D", kind: .boneModifyingAgent, start: day("2026-09-25"), agent: .denosumab, doseMg: 120,
                doses: ["2026-09-25", "2026-10-02", "2026-10-09", "2026-10-23", "2026-11-20"].map(day))]
            : []
        r.dentalExams = [day("2026-09-20")]
        return r
    }

    @Test func denosumabForTheTumourIsItsTreatmentNotSREPrevention() throws {
        for breast in [false, true] {
            let a = assess(record(breastCancer: breast, denosumab: true), asOf: day("2026-11-25"))
            let choice = try #require(a.rule("boneAgents.choice").first)
            #expect(choice.title.en == "Denosumab for a giant cell tumour of bone (right tibia, proximal): the tumour's treatment, not SRE prevention")
            #expect(choice.title.zhHans == "地舒单抗用于骨巨细胞瘤（右胫骨近端）：为肿瘤本身的治疗，并非预防 SRE")
            #expect(choice.detail.en.contains("120 mg more on days 8 and 15 of the first month"))
            #expect(choice.specialty == .orthopaedics)
            #expect(!a.findings.contains { $0.detail.en.contains("with bone metastases: start") }, "breast \(breast)")
        }
    }

    @Test func noMetastasisNoIndicationAndNoMyelomaQuestion() {
        let a = assess(record(breastCancer: true, denosumab: false), asOf: day("2026-11-25"))
        #expect(a.has("diagnosis.biopsy.notMetastasis") || a.findings.contains { $0.title.en.contains("biopsy shows giant cell tumour") })
        #expect(!a.has("diagnosis.differential.myeloma"))
        #expect(!a.findings.contains { $0.duty == .boneAgents })
    }

    /// A lytic vertebra beside the proven tumour is still a lesion of unknown nature after a long
    /// interval: the myeloma question and SRE prevention's indication stand for it.
    @Test func anUnprovenLesionBesideItKeepsTheQuestions() throws {
        let a = assess(record(breastCancer: true, denosumab: true, anotherLesion: true), asOf: day("2026-11-25"))
        #expect(a.has("diagnosis.differential.myeloma"))
        let choice = try #require(a.rule("boneAgents.choice").first)
        #expect(choice.title.en == "Denosumab: the alternative is zoledronic acid")
    }
}
