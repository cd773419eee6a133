import BoneMetRules
import Testing

/// Rule set 2026.12.50: an EGFR-mutant T12 given 24 Gy in 2 fractions collapsed by more than half
/// four months later while responding (new sclerotic rim, smaller, CEA normal) and read "already
/// irradiated: any further radiotherapy is a re-irradiation decision". A collapse after spine
/// radiotherapy in a lesion that does not progress is its late effect (Sahgal 2013).
@Suite struct CollapseAfterRadiotherapyTests {
    func record(
        after: [Double] = [24, 20], collapsedBefore: Bool = false, uncollapsed: SINS.Collapse = SINS.Collapse.none, radiotherapyStart: String = "2024-12-10"
    ) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2024-11"), targetedTherapy: true)]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T12"), primary: "P1")]
        r.studies = [
            ct("C1", "2024-11-22", [observation("V", .lytic, [28, 24]) {
                $0.boneDestruction = true; $0.collapse = collapsedBefore ? .under50 : uncollapsed; $0.alignment = .normal; $0.posterolateral = .unilateral
            }]),
            ct("C2", "2025-03-20", [observation("V", .mixed, after) {
                $0.boneDestruction = true; $0.scleroticRim = true; $0.collapse = .over50; $0.alignment = .deNovoDeformity; $0.posterolateral = .unilateral
            }]),
        ]
        r.biopsies = [Biopsy(lesion: "V", date: day("2024-11-28"), decalcification: .edta, result: .metastasis)]
        r.pain = [PainRecord(date: day("2025-03-20"), lesion: "V", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2025-03-20"), status: .intact, frankel: .E)]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, drugs: ["osimertinib"], start: day("2024-12-01")),
            Treatment(id: "R1", kind: .radiotherapy, lesions: ["V"], start: day(radiotherapyStart), doseGy: 24, fractions: 2),
        ]
        return r
    }

    func noms(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2025-03-25")).rule("surgery.spine.noms").first)
    }

    /// Rule set 2026.12.243 (unseen record cb62-b): "no collapse, more than half the body
    /// involved" before the SBRT is uncollapsed too.
    @Test func uncollapsedWithMoreThanHalfInvolvedIsUncollapsed() throws {
        let finding = try noms(record(uncollapsed: .noCollapseOver50Involved))
        #expect(finding.detail.en.contains("Collapse new since"), "\(finding.detail.en)")
    }

    @Test func aCollapseAfterRadiotherapyInAResponderIsItsLateEffect() throws {
        let finding = try noms(record())
        #expect(finding.detail.en.contains("Collapse new since"))
        #expect(finding.detail.en.contains("while the lesion responds (MDA): a vertebral compression fracture after radiotherapy"))
        #expect(finding.detail.zhHans.contains("为放疗后椎体压缩骨折"))
        #expect(!finding.detail.en.contains("re-irradiation") && !finding.detail.en.contains("radiotherapy by histology"))
        #expect(finding.sources.contains { $0.id == "sahgal2013" })
    }

    @Test func notWhenTheLesionGrowsOrTheCollapseWasThereBefore() throws {
        // Grown by more than a quarter: progression, the re-irradiation question stands.
        let growing = try noms(record(after: [36, 30]))
        #expect(!growing.detail.en.contains("Collapse new since") && growing.detail.en.contains("re-irradiation"))
        #expect(!(try noms(record(collapsedBefore: true))).detail.en.contains("Collapse new since"))
        // Irradiated after the collapse was seen: not its effect.
        #expect(!(try noms(record(radiotherapyStart: "2025-03-22"))).detail.en.contains("Collapse new since"))
    }
}
