import BoneMetRules
import Testing

/// Issue #12: the background re-assessment, the bulk import and a case's save assess with
/// `details: false` — a finding's detail and inputs are not written, because only what a list
/// shows is stored. That is safe only if everything else is what a full assessment gives:
/// these tests compare both on generated whole records, at several dates each.
@Suite struct BriefAssessmentTests {
    /// Every field of a finding but its detail and inputs.
    static func row(_ f: Finding) -> String {
        [
            f.ruleId, f.severity.rawValue, f.duty.rawValue, f.specialty.rawValue, f.subject.kind, f.subject.id ?? "",
            f.date?.description ?? "", f.title.en, f.title.zhHans, f.sources.map(\.id).joined(separator: ","),
            f.claims.map { "\($0)" }.joined(separator: ","), f.ruleSetVersion,
        ].joined(separator: "|")
    }

    @Test func briefFindingsAreTheFullFindingsWithoutTheirDetails() {
        let random = ContradictionPropertyTests.Random(generator: AssessmentPropertyTests.Generator(state: 2026_12_03))
        var findings = 0
        var detailed = 0
        for id in 0..<200 {
            let record = ContradictionPropertyTests.randomRecord(random, id: id)
            for offset in [random.int(-30...200), random.int(200...700)] {
                let asOf = ContradictionPropertyTests.start.adding(days: offset)
                let full = assess(record, asOf: asOf)
                let brief = assess(record, asOf: asOf, details: false)
                #expect(brief.findings.map(Self.row) == full.findings.map(Self.row), "record \(id) as of \(asOf)")
                #expect(brief.findings.allSatisfy { $0.detail.en.isEmpty && $0.detail.zhHans.isEmpty && $0.inputs.isEmpty })
                // The day the stored rows must be looked at again is never later than a full
                // assessment's (the details read no fact the rows do not).
                #expect(brief.nextChange == full.nextChange, "record \(id) as of \(asOf)")
                #expect(brief.mirels.map(\.total) == full.mirels.map(\.total))
                findings += full.findings.count
                detailed += full.findings.filter { !$0.detail.en.isEmpty }.count
            }
        }
        // Not vacuous: the full assessments had details to leave out.
        #expect(findings > 2_000)
        #expect(detailed > findings / 2)
    }

    /// A full assessment after a brief one on the same thread has its details again (the
    /// setting is scoped to the call).
    @Test func detailsComeBackAfterABriefAssessment() {
        let record = ContradictionPropertyTests.randomRecord(
            ContradictionPropertyTests.Random(generator: AssessmentPropertyTests.Generator(state: 7)), id: 1)
        let asOf = ContradictionPropertyTests.start.adding(days: 120)
        _ = assess(record, asOf: asOf, details: false)
        let full = assess(record, asOf: asOf)
        #expect(!full.findings.isEmpty)
        #expect(full.findings.contains { !$0.detail.en.isEmpty })
    }
}
