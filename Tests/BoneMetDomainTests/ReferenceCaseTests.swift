import BoneMetDomain
import Testing

/// Reference cases 11–14 in examples/ (fictional, written for issue #8 in the way real records
/// read), each pinned in both languages; and the whole-output consistency of every example.
@Suite struct ReferenceCaseTests {
    func assessment(_ name: String, asOf: String) throws -> Assessment {
        try ExampleFiles.assessment(name, asOf: asOf)
    }

    /// Mirels 1989: the film's size survives the later CT; "0.67" is two thirds (middle class).
    @Test func case11MirelsFromTheFilmThroughALaterCT() throws {
        let a = try assessment("11-mirels-film-then-ct.json", asOf: "2024-02-15")
        let fix = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(fix.title.en.contains("left femur, peritrochanteric") && fix.title.en.contains("Mirels 11"))
        #expect(fix.title.zhHans.contains("左股骨转子周围") && fix.title.zhHans.contains("Mirels 11 分"))
        #expect(fix.inputs.contains(FindingInput("size.from", "X-ray of 2024-02-05")))
        #expect(fix.inputs.contains(FindingInput("pain.from", "pain record of 2024-02-06")))
        #expect(fix.detail.en.contains("fix before radiotherapy (planned for 2024-02-20)"))
        #expect(a.mirels.last { $0.lesion == "L1" }?.study == "S2")
    }

    /// Several primaries: breast 2015 and lung 2023, a T9 lesion of neither named.
    @Test func case12TwoCandidatePrimaries() throws {
        let a = try assessment("12-two-primaries-spine.json", asOf: "2024-01-20")
        let noms = try #require(a.rule("surgery.spine.noms").first)
        #expect(noms.title.en.contains("tissue diagnosis first"))
        #expect(noms.title.zhHans.contains("先明确病理"))
        #expect(noms.detail.en.contains("O: depends on the primary"))
        #expect(noms.detail.zhHans.contains("取决于原发灶"))
        let tokuhashi = try #require(a.rule("surgery.prognosis.tokuhashi").first)
        #expect(tokuhashi.detail.en.contains("breast (invasive lobular carcinoma)"))
        #expect(tokuhashi.detail.zhHans.contains("需活检确定"))
        // The newer lesion record (Frankel D) outranks the older patient-level E.
        #expect(a.tokuhashi?.components.first { $0.key == "frankel" }?.value == "D")
        #expect(a.rule("diagnosis.biopsy.indicated").count == 2)
        #expect(a.has("diagnosis.biopsy.edta"))
    }

    /// PCWG3: one new lesion on the first post-baseline scan is not progression; more intense
    /// uptake of a known lesion is not progression either.
    @Test func case13ProstateOneNewLesion() throws {
        let a = try assessment("13-prostate-one-new-lesion.json", asOf: "2024-04-01")
        let point = try #require(a.timePoints.first { $0.study == "B2" })
        #expect(point.overall == .stableDisease)
        let pcwg3 = try #require(a.rule("boneHealth.pcwg3.firstScan").first)
        #expect(pcwg3.title.zhHans.contains("不构成进展"))
        #expect(!a.has("boneAgents.indication"))
        #expect(a.rule("boneAgents.choice").first?.title.en == "denosumab: the alternative is zoledronic acid")
    }

    /// Hypercalcaemia in SI units with a renal hold of zoledronic acid: denosumab for the
    /// calcium, no supplements, no dose due during the hold; embolisation for the renal primary.
    @Test func case14HypercalcaemiaDuringARenalHold() throws {
        let a = try assessment("14-hypercalcaemia-zoledronic-hold.json", asOf: "2024-04-01")
        let calcium = try #require(a.rule("labs.hypercalcaemia").first)
        #expect(calcium.title.en.contains("moderate") && calcium.title.en.contains("12.4 mg/dL"))
        #expect(calcium.detail.en.contains("then denosumab (zoledronic acid is withheld"))
        #expect(calcium.title.zhHans.contains("中度高钙血症"))
        #expect(a.has("boneAgents.zoledronic.renalHold"))
        #expect(!a.has("boneAgents.zoledronic.dose"))
        #expect(!a.has("boneAgents.doseDue"))
        #expect(a.rule("boneAgents.calciumVitaminD").first?.title.en.hasPrefix("Withhold") == true)
        #expect(a.rule("surgery.mirels.impendingFracture").first?.detail.en.contains("pre-operative embolisation") == true)
    }

    /// `bonemet assess` on every example, at several dates, gives no contradictory pair.
    @Test func noExampleGivesContradictoryFindings() throws {
        for name in ExampleFiles.names {
            for asOf in ["2023-06-30", "2024-04-01", "2025-01-01"] {
                let a = try ExampleFiles.assessment(name, asOf: asOf)
                for (first, second, claimA, claimB) in Claim.contradictions(in: a.findings) {
                    Issue.record("\(name) as of \(asOf): \(first.ruleId) says \(claimA), \(second.ruleId) says \(claimB)")
                }
            }
        }
    }
}
