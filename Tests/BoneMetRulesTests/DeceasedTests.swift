import BoneMetRules
import Testing

/// Rule set 2026.12.55: EHR exports carry patients who have died (3 of the 13 patients of the
/// Synthea bulk sample in ../shared/data have `Patient.deceasedDateTime`), and the rules went
/// on proposing doses and operations for them — a patient dead for years stood on the
/// worklists. After a recorded death the assessment has one finding, and it says so.
@Suite struct DeceasedTests {
    /// A breast cancer with a painful lytic femoral lesion (fix now) and denosumab whose next
    /// dose fell due in May 2023: several action findings while alive.
    func record(deceased: Bool? = nil, deathDate: String? = nil) -> CaseRecord {
        var r = baseCase()
        r.pain = [PainRecord(date: day("2023-03-20"), lesion: "L1", mirels: .functional)]
        r.studies[1].observations[0].fractionOfDiameter = 0.7
        r.treatments.append(Treatment(
            id: "D1", kind: .boneModifyingAgent, start: day("2023-03-25"), agent: .denosumab, doseMg: 120, doses: [day("2023-03-25")]))
        r.patient.deceased = deceased
        r.patient.deathDate = deathDate.map(day)
        return r
    }

    @Test func aliveTheCaseHasActions() {
        let assessment = assess(record(), asOf: day("2023-06-01"))
        #expect(assessment.findings.contains { $0.severity >= .warning })
        #expect(!assessment.has("diagnosis.record.deceased"))
    }

    @Test func afterADatedDeathOnlyTheDeathIsSaid() throws {
        let assessment = assess(record(deathDate: "2023-05-10"), asOf: day("2023-06-01"))
        let finding = try #require(assessment.findings.first)
        #expect(assessment.findings.count == 1)
        #expect(finding.ruleId == "diagnosis.record.deceased" && finding.severity == .info && finding.specialty == .mdtCoordinator)
        #expect(finding.title.en == "Deceased (2023-05-10): no action is proposed")
        #expect(finding.title.zhHans == "患者已故（2023-05-10）：不再提出处理建议")
        #expect(finding.claims.isEmpty)
        // Nothing turns with the date any more.
        #expect(assessment.nextChange == nil)
        // The course stays on record.
        #expect(!assessment.mirels.isEmpty)
    }

    @Test func aDeathWithoutADateCountsOnEveryDate() {
        let assessment = assess(record(deceased: true), asOf: day("2023-01-06"))
        #expect(assessment.findings.map(\.ruleId) == ["diagnosis.record.deceased"])
        #expect(assessment.findings[0].title.en == "Deceased: no action is proposed")
    }

    /// Replayed as of a day before the death, the case is assessed as it stood; the day of the
    /// death is a day its findings turn on (so the background re-assessment visits it then).
    @Test func beforeTheDeathTheCaseIsAssessedAndTheDeathIsItsNextChange() throws {
        let before = assess(record(deathDate: "2023-05-10"), asOf: day("2023-05-09"))
        #expect(!before.has("diagnosis.record.deceased"))
        #expect(before.findings.contains { $0.severity >= .warning })
        let next = try #require(before.nextChange)
        #expect(next <= day("2023-05-10"))
        // The boundary: the day of the death itself.
        #expect(assess(record(deathDate: "2023-05-10"), asOf: day("2023-05-10")).findings.map(\.ruleId) == ["diagnosis.record.deceased"])
        // A month only: from its first day.
        #expect(assess(record(deathDate: "2023-05"), asOf: day("2023-05-01")).findings.map(\.ruleId) == ["diagnosis.record.deceased"])
        #expect(!assess(record(deathDate: "2023-05"), asOf: day("2023-04-30")).has("diagnosis.record.deceased"))
    }

    @Test func deceasedFalseIsAlive() {
        #expect(!assess(record(deceased: false), asOf: day("2023-06-01")).has("diagnosis.record.deceased"))
    }
}
