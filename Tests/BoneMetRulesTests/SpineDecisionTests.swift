import Testing

@testable import BoneMetRules

/// Unseen records cb88-f and cb88-c (2026-12-05). A breast cancer's L1 at SINS 11 with the MDT's
/// "拟行PKP，术后放疗" read only "spine-surgery consultation": the decision is quoted, the operation
/// it names asked to be recorded as planned — as the Mirels findings do. A lung cancer's T10
/// compressing with myelopathy read "biopsy indicated … can be biopsied at any time" beside "tissue
/// at the operation": the biopsy finding says the decompression does not wait for it.
@Suite struct SpineDecisionTests {
    func record(decision: String?, specialty: Specialty? = .mdtCoordinator, on decided: String = "2023-03-20") -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L1")), Lesion(id: "P", bone: .pelvis, laterality: .right)]
        r.studies = [ct("C1", "2023-03-10", [
            observation("L1", .lytic) { $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral; $0.escc = .g1a },
            observation("P", .lytic) { $0.boneDestruction = true },
        ])]
        r.pain = [PainRecord(date: day("2023-03-10"), lesion: "L1", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2023-03-10"), status: .intact, frankel: .E)]
        r.decisions = decision.map { [MDTDecision(date: day(decided), decision: $0, specialty: specialty)] } ?? []
        return r
    }

    func noms(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-03-25")).rule("surgery.spine.noms").first { $0.subject == .lesion("L1") })
    }

    @Test func aDecisionNamingTheOperationAsksForItAsPlanned() throws {
        let none = try noms(record(decision: nil))
        #expect(none.severity == .warning)
        #expect(!none.detail.en.contains("Decision on record"))
        let pkp = try noms(record(decision: "MDT：L1椎体转移瘤伴病理性压缩骨折，拟行PKP，术后放疗"))
        #expect(pkp.detail.en.contains("Decision on record (2023-03-20, MDT coordinator): «MDT：L1椎体转移瘤伴病理性压缩骨折，拟行PKP，术后放疗». It names an operation (cement augmentation) that is not on record"), "\(pkp.detail.en)")
        #expect(pkp.detail.zhHans.contains("其中提到的手术（"))
        let radiotherapy = try noms(record(decision: "暂不手术，行L1椎体放疗 30Gy/10F"))
        #expect(radiotherapy.detail.en.contains("No operation is on record: record it if done or planned; if non-operative care was chosen, that decision stands"))
        // Before the scoring study, or of medical oncology: not this lesion's decision.
        #expect(!(try noms(record(decision: "拟行PKP", on: "2023-03-01")).detail.en.contains("Decision on record")))
        #expect(!(try noms(record(decision: "拟行PKP", specialty: .medicalOncology)).detail.en.contains("Decision on record")))
        // A planned operation on record speaks instead.
        var planned = record(decision: "拟行PKP")
        planned.treatments.append(Treatment(id: "S1", kind: .surgery, name: "L1 PKP", lesions: ["L1"], planned: true, procedure: .cementAugmentation))
        #expect(!(try noms(planned).detail.en.contains("Decision on record")))
    }

    /// Rule set 2026.12.391: the consultation's finding with a decision quoted says so in its
    /// title — the consultation has happened (generated records: "— spine-surgery consultation"
    /// stood beside "Decision on record …"); without one, and in an emergency, the title is as before.
    @Test func aDecisionOnRecordIsTheConsultationsTitle() throws {
        let decided = try noms(record(decision: "暂不手术，行L1椎体放疗 30Gy/10F"))
        #expect(decided.severity == .warning)
        #expect(decided.title.en == "L1 vertebra: SINS 11, ESCC 1a — decision on record (2023-03-20)", "\(decided.title.en)")
        #expect(decided.title.zhHans.hasSuffix("——已有决定（2023-03-20）"), "\(decided.title.zhHans)")
        #expect(try noms(record(decision: nil)).title.en.hasSuffix("— spine-surgery consultation"))
    }

    @Test func aBiopsyBesideADeficitDoesNotHoldUpTheDecompression() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [ct("C1", "2023-03-10", [observation("T10", .lytic) { $0.boneDestruction = true; $0.escc = .g3 }])]
        r.treatments = []
        let intact = try #require(assess(r, asOf: day("2023-03-12")).rule("diagnosis.biopsy.indicated").first)
        #expect(!intact.detail.en.contains("does not wait"))
        r.neurology = [NeurologyRecord(date: day("2023-03-10"), status: .myelopathy, frankel: .C, lesion: "T10")]
        let deficit = try #require(assess(r, asOf: day("2023-03-12")).rule("diagnosis.biopsy.indicated").first)
        #expect(deficit.detail.en.hasSuffix("With a neurological deficit the decompression does not wait for a biopsy: tissue at the operation (frozen section before any implant)."))
        #expect(deficit.detail.zhHans.contains("减压手术不等待活检"))
    }
}
