import BoneMetDomain
import BoneMetRules
import Testing

/// Which findings reach a worklist (new findings of rule sets 2026.12.26–32 among them).
@Suite struct WorklistRuleTests {
    @Test func anOperatedBoneAndAnAgentThatShouldNotBeGivenAreListed() {
        #expect(Worklists.slug(rule: "surgery.mirels.operated", severity: .advisory) == "impending-fractures")
        #expect(Worklists.slug(rule: "surgery.mirels.operated", severity: .warning) == "impending-fractures")
        #expect(Worklists.slug(rule: "surgery.mirels.progressingAfterFixation", severity: .warning) == "impending-fractures")
        #expect(Worklists.slug(rule: "diagnosis.differential.atypicalFemoralFracture", severity: .warning) == "impending-fractures")
        // Bones without a validated score, destroyed or broken (rule set 2026.12.55).
        #expect(Worklists.slug(rule: "surgery.pelvis.noValidatedScore", severity: .warning) == "impending-fractures")
        #expect(Worklists.slug(rule: "surgery.girdle.noValidatedScore", severity: .advisory) == "impending-fractures")
        // A fracture the record cannot place (rule set 2026.12.321).
        #expect(Worklists.slug(rule: "surgery.fracture.siteUnrecorded", severity: .warning) == "impending-fractures")
        // The choice between agents is info and stays off; what argues against the agent is listed.
        #expect(Worklists.slug(rule: "boneAgents.choice", severity: .info) == nil)
        #expect(Worklists.slug(rule: "boneAgents.choice", severity: .warning) == "bone-agents")
        #expect(Worklists.slug(rule: "boneAgents.concurrent", severity: .warning) == "bone-agents")
        // A plan past its date (rule set 2026.12.204), advisory or warning, on its own list.
        #expect(Worklists.slug(rule: "record.plannedDatePassed", severity: .advisory) == "plans-past-date")
        #expect(Worklists.slug(rule: "record.plannedDatePassed", severity: .warning) == "plans-past-date")
        #expect(Worklists.named("plans-past-date")?.title.zhHans == "计划日期已过、未记录完成")
        // What the record says against itself, for the coordinator to correct (2026-12-04).
        for rule in ["diagnosis.record.sameSite", "diagnosis.record.siteConflict", "diagnosis.record.labImplausible",
                     "diagnosis.record.performanceConflict", "diagnosis.record.neurologyConflict", "diagnosis.record.afterDeath",
                     "diagnosis.record.datedAfter", "diagnosis.record.eventSite"] {
            #expect(Worklists.slug(rule: rule, severity: .advisory) == "record-corrections", "\(rule)")
        }
        #expect(Worklists.slug(rule: "diagnosis.record.deceased", severity: .urgent) == nil)
        #expect(Worklists.named("record-corrections")?.title.zhHans == "病历待更正")
        // A cord compression recorded at an unread vertebra is urgent on the spine list; "no
        // reading" alone (advisory) is on none (rule set 2026.12.279).
        #expect(Worklists.slug(rule: "surgery.lesion.notAssessable", severity: .urgent) == "spine")
        #expect(Worklists.slug(rule: "surgery.lesion.notAssessable", severity: .advisory) == nil)
        // No rule is on two lists.
        let rules = Worklists.all.flatMap(\.rules)
        #expect(Set(rules).count == rules.count)
    }
}
