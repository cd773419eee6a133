@testable import BoneMetRules
import Testing

/// cb101-c (unseen record, 2026-12-06): an EGFR lung cancer on osimertinib; at 6 weeks T7 gains a
/// rim and a new sclerotic L4 focus appears (osteoblastic flare, the known lesions healing on the
/// same CT); at 20 weeks L4 has grown 67 % and the CT reads PD. The flare finding still said
/// "response, not progression … Do not change therapy for it" beside that PD — two findings of
/// one assessment contradicting. A later study reading the lesion progressing has the last word:
/// the flare finding names it. Rule set 2026.12.346.
@Suite struct FlareFollowedByProgressionTests {
    func record(grows: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2026-03"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T7")), Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L4"))]
        r.studies = [
            ct("C0", "2026-03-10", [observation("L1", .lytic, [18, 15]) { $0.boneDestruction = true }, LesionObservation(lesion: "L3", present: false)]),
            ct("C1", "2026-04-28", [observation("L1", .mixed, [18, 15]) { $0.boneDestruction = true; $0.scleroticRim = true }, observation("L3", .blastic, [8, 6]) { $0.boneDestruction = false }]),
            ct("C2", "2026-08-05", [observation("L1", .blastic) { $0.boneDestruction = false; $0.fillIn = .complete }, observation("L3", .blastic, grows ? [10, 8] : [8, 6]) { $0.boneDestruction = false }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "奥希替尼", drugs: ["osimertinib"], systemicClass: .targeted, start: day("2026-03-18"))]
        return r
    }

    func flare(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-11-29")).rule("boneHealth.mda.flare").first)
    }

    @Test func aLaterProgressionHasTheLastWord() throws {
        let f = try flare(record(grows: true))
        #expect(f.title.en == "L4 vertebra: its new sclerosis of 2026-04-28 was osteoblastic flare; the CT of 2026-08-05 reads it progressing", "\(f.title.en)")
        #expect(f.title.zhHans == "L4 椎体：2026-04-28 的新发硬化曾为成骨性闪烁；2026-08-05 CT 检查示其进展", "\(f.title.zhHans)")
        #expect(f.detail.en.contains("reads the lesion progressive disease (product of diameters +66.7 % (≥ 25 %)): that later reading, not the flare, decides now"), "\(f.detail.en)")
        #expect(!f.detail.en.contains("Do not change therapy"))
    }

    @Test func withoutProgressionTheFlareStands() throws {
        let f = try flare(record(grows: false))
        #expect(f.title.en == "L4 vertebra: new sclerosis is osteoblastic flare — response, not progression")
        #expect(f.detail.en.hasSuffix("Do not change therapy for it."))
    }
}

/// cb102-a (unseen record, 2026-12-06): denosumab, a corrected calcium of 2.0 mmol/L and
/// osteonecrosis of the jaw on record. The hypocalcaemia finding said "the next dose … give it once
/// calcium is corrected" beside the jaw's "the next dose waits for that decision" — two answers to
/// one question. With the jaw holding the agent, the dose waits for both. Rule set 2026.12.348.
@Suite struct HypocalcaemiaBesideOsteonecrosisTests {
    func finding(jaw: Bool) throws -> Finding {
        var r = HypocalcaemiaTests().record(calcium: 8.2, agent: .denosumab)
        if jaw { r.events = [ClinicalEvent(date: day("2023-02-15"), kind: .osteonecrosisOfJaw)] }
        return try #require(assess(r, asOf: day("2023-03-02")).rule("labs.hypocalcaemia").first)
    }

    @Test func theDoseWaitsForTheJawsDecisionToo() throws {
        let withJaw = try finding(jaw: true)
        #expect(withJaw.detail.en.contains(": it waits for calcium to be corrected and for the decision on the osteonecrosis of the jaw with dental care."), "\(withJaw.detail.en)")
        #expect(!withJaw.detail.en.contains("give it once calcium is corrected"))
        #expect(withJaw.detail.zhHans.contains("并与口腔科就颌骨坏死作出决定后再定"))
        #expect(try finding(jaw: false).detail.en.contains("give it once calcium is corrected"))
    }
}

/// cb102-b (unseen record, 2026-12-06): a castration-resistant prostate cancer on enzalutamide
/// from September 2025, radium-223 added October to March; PSA 12 → 6 → 4.5 (March) → 7.2 (June)
/// → 15 (August). The rise was read against 7.2 — enzalutamide's nadir left out the months
/// radium-223 owned the values — "not yet confirmed". Enzalutamide ran throughout: its nadir is
/// 4.5, the rise to 7.2 confirmed by 15. Rule set 2026.12.349.
@Suite struct NadirUnderAnAddedRegimenTests {
    func record(radiumEnds: String = "2026-03-10") -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: "前列腺腺癌", diagnosed: day("2019-02"), castrationResistant: true)]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L3"))]
        r.studies = []
        r.treatments = [
            Treatment(id: "A0", kind: .systemic, name: "戈舍瑞林", drugs: ["goserelin"], systemicClass: .endocrine, start: day("2019-02-20")),
            Treatment(id: "A2", kind: .systemic, name: "恩扎卢胺", drugs: ["enzalutamide"], systemicClass: .endocrine, start: day("2025-09-10")),
            Treatment(id: "RA", kind: .systemic, name: "镭-223", drugs: ["radium-223"], systemicClass: .other, start: day("2025-10-01"), end: day(radiumEnds), stopReason: .completed),
        ]
        r.labs = [("2025-08-25", 12.0), ("2025-12-01", 6), ("2026-03-01", 4.5), ("2026-06-01", 7.2), ("2026-08-25", 15)].map {
            LabResult(date: day($0.0), test: .psa, value: $0.1, unit: "ng/mL")
        }
        return r
    }

    @Test func theNadirIsTheLowestWhileItRan() throws {
        let a = assess(record(), asOf: day("2026-11-29"))
        let progression = try #require(a.rule("boneHealth.pcwg3.psaProgression").first, "\(a.findings.map(\.ruleId))")
        #expect(progression.title.en.contains("under 恩扎卢胺") && progression.title.en.hasSuffix("since 2026-06-01"), "\(progression.title.en)")
        #expect(progression.detail.en.hasPrefix("PSA nadir 4.5 ng/mL (2026-03-01) → 7.2 (2026-06-01"), "\(progression.detail.en)")
        #expect(a.rule("boneHealth.pcwg3.psaRise").isEmpty, "no longer 'confirm from …'")
    }
}
