import BoneMetRules
import Testing

/// Rule set 2026.12.51: a record could not say that a patient's jaw was necrotic on zoledronic
/// acid, and her next dose was "due". Osteonecrosis of the jaw is an event of its own: dental care
/// and medical oncology decide on the agent, the next dose waits (Yarom 2019; the labels).
@Suite struct OsteonecrosisOfJawTests {
    func record(onj: String? = "2025-05-10", agentEnd: String? = nil) -> CaseRecord {
        var r = baseCase()
        var course = Treatment(
            id: "Z1", kind: .boneModifyingAgent, start: day("2024-01-05"), end: agentEnd.map(day), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4)
        course.doses = [day("2024-01-05"), day("2025-04-10")]
        r.treatments.append(course)
        r.labs = [LabResult(date: day("2025-04-08"), test: .creatinine, value: 0.8, unit: "mg/dL")]
        r.dentalExams = [day("2024-01-02")]
        if let onj { r.events = [ClinicalEvent(date: day(onj), kind: .osteonecrosisOfJaw)] }
        return r
    }

    @Test func theNextDoseWaitsForDentalCare() throws {
        let a = assess(record(), asOf: day("2025-05-20"))
        let finding = try #require(a.rule("boneAgents.osteonecrosisOfJaw").first)
        #expect(finding.severity == .warning && finding.specialty == .medicalOncology)
        #expect(finding.title.en == "Osteonecrosis of the jaw on record (2025-05-10, after zoledronic acid) — dental care decides with medical oncology")
        #expect(finding.title.zhHans.contains("病历记录颌骨坏死（2025-05-10，此前使用唑来膦酸）"))
        #expect(finding.detail.en.contains("the next dose (due 2025-05-08) waits for that decision"))
        #expect(finding.claims.contains(Claim(.boneAgentTiming, about: "Z1", "withhold")))
        #expect(!a.has("boneAgents.doseDue"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // Not a skeletal-related event.
        #expect(a.rule("boneAgents.sreHistory").allSatisfy { !$0.detail.en.contains("jaw") })
        // Without it the dose is due.
        #expect(assess(record(onj: nil), asOf: day("2025-05-20")).has("boneAgents.doseDue"))
        // Recorded later than the assessment's date: not known yet.
        #expect(!assess(record(onj: "2025-06-01"), asOf: day("2025-05-20")).has("boneAgents.osteonecrosisOfJaw"))
    }

    /// cb85-q (unseen record, rule set 2026.12.318): a course of three years with no dental
    /// examination on record and osteonecrosis of the jaw recorded read "No dental examination
    /// before zoledronic acid" (warning) beside the osteonecrosis finding that hands the mouth to
    /// dental care: the second, stale word is left out; without the event it stays.
    @Test func noSeparateDentalExamFindingBesideIt() {
        var r = record()
        r.dentalExams = []
        let a = assess(r, asOf: day("2025-05-20"))
        #expect(a.has("boneAgents.osteonecrosisOfJaw") && !a.has("boneAgents.dentalExam"))
        r.events = []
        #expect(assess(r, asOf: day("2025-05-20")).has("boneAgents.dentalExam"))
        // Recorded after the assessment's date: not known yet, the examination is still asked for.
        r.events = [ClinicalEvent(date: day("2025-06-01"), kind: .osteonecrosisOfJaw)]
        #expect(assess(r, asOf: day("2025-05-20")).has("boneAgents.dentalExam"))
    }

    @Test func withNoAgentRunningItStillSaysWhoDecides() throws {
        let finding = try #require(assess(record(agentEnd: "2025-05-12"), asOf: day("2025-05-20")).rule("boneAgents.osteonecrosisOfJaw").first)
        #expect(finding.detail.en.contains("No bone-modifying agent runs now: starting or resuming one is decided with them."))
        #expect(finding.claims.isEmpty)
    }
}

extension OsteonecrosisOfJawTests {
    /// Rule set 2026.12.65: osteonecrosis of the jaw recorded resolved, and the agent given again
    /// after it — the decision Yarom 2019 leaves to the individual case after healing was taken;
    /// the next dose no longer waits for it. Resolved but not resumed, or resumed while still
    /// current: the hold stands.
    @Test func aHealedJawWithTheAgentResumedHoldsNothing() throws {
        func record(resolved: Bool, resumed: Bool) -> CaseRecord {
            var r = self.record(onj: "2025-05-10")
            r.events[0].resolved = resolved ? true : nil
            if resumed { r.treatments[r.treatments.count - 1].doses.append(day("2025-11-03")) }
            return r
        }
        let a = assess(record(resolved: true, resumed: true), asOf: day("2025-12-10"))
        let onj = try #require(a.rule("boneAgents.osteonecrosisOfJaw").first)
        #expect(onj.severity == .info && onj.claims.isEmpty)
        #expect(onj.title.en == "Osteonecrosis of the jaw on record (2025-05-10), resolved; zoledronic acid resumed on 2025-11-03")
        #expect(a.has("boneAgents.doseDue"))
        for (resolved, resumed) in [(true, false), (false, true)] {
            let held = assess(record(resolved: resolved, resumed: resumed), asOf: day("2025-12-10"))
            #expect(held.rule("boneAgents.osteonecrosisOfJaw").first?.severity == .warning)
            #expect(!held.has("boneAgents.doseDue"))
        }
    }
}

extension OsteonecrosisOfJawTests {
    /// Rule set 2026.12.315 (unseen record cb81-ai): osteonecrosis of the jaw recorded resolved,
    /// the agent stopped and not resumed. "Staged and treated conservatively first" spoke of an
    /// open jaw; the question left is whether to resume (Yarom 2019: after healing, case by case).
    @Test func aHealedJawWithTheAgentStoppedAsksOnlyAboutResuming() throws {
        var r = record(onj: "2025-05-10", agentEnd: "2025-05-12")
        r.events[0].resolved = true
        let finding = try #require(assess(r, asOf: day("2025-12-10")).rule("boneAgents.osteonecrosisOfJaw").first)
        #expect(finding.severity == .advisory)
        #expect(finding.title.en == "Osteonecrosis of the jaw on record (2025-05-10, after zoledronic acid), resolved — dental care decides with medical oncology")
        #expect(finding.title.zhHans.contains("，已愈合——"))
        #expect(finding.detail.en.hasPrefix("Recorded resolved (healed): resuming a bone-modifying agent after healing is decided case by case with dental care (Yarom 2019)."))
        #expect(!finding.detail.en.contains("staged and treated conservatively"))
        // Open: the care text and the warning, as before.
        r.events[0].resolved = nil
        let open = try #require(assess(r, asOf: day("2025-12-10")).rule("boneAgents.osteonecrosisOfJaw").first)
        #expect(open.severity == .warning && open.detail.en.hasPrefix("Care by a dentist or oral surgeon"))
    }
}
