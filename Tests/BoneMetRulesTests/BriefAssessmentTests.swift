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
                // The rows' next change is never before the full assessment's: a fact read only
                // for a detail (a date it mentions) no longer brings the day forward.
                #expect((brief.nextChange?.earliestDay ?? .max) >= (full.nextChange?.earliestDay ?? .max), "record \(id) as of \(asOf)")
                #expect(brief.mirels.map(\.total) == full.mirels.map(\.total))
                findings += full.findings.count
                detailed += full.findings.filter { !$0.detail.en.isEmpty }.count
            }
        }
        // Not vacuous: the full assessments had details to leave out.
        #expect(findings > 2_000)
        #expect(detailed > findings / 2)
    }

    /// The stored rows hold until the brief assessment's own next-change day (the day the
    /// background re-assessment visits the case again): walked day by day, as
    /// `HorizonPropertyTests` walks the full assessment.
    @Test func briefRowsHoldUntilTheirNextChangeDay() {
        let random = ContradictionPropertyTests.Random(generator: AssessmentPropertyTests.Generator(state: 31))
        var walked = 0
        for id in 0..<80 {
            let record = ContradictionPropertyTests.randomRecord(random, id: id)
            let asOf = ContradictionPropertyTests.start.adding(days: random.int(-30...500))
            let first = assess(record, asOf: asOf, details: false)
            let horizon = first.nextChange?.earliestDay ?? Int.max
            let rows = first.findings.map(HorizonPropertyTests.Stable.init)
            for dayNumber in (asOf.earliestDay + 1)...(asOf.earliestDay + 40) where dayNumber < horizon {
                let day = PartialDate(dayNumber: dayNumber)
                walked += 1
                let now = assess(record, asOf: day, details: false).findings.map(HorizonPropertyTests.Stable.init)
                if !HorizonPropertyTests.same(rows, asOf: asOf, now, on: day) {
                    Issue.record("record \(id): rows as of \(asOf) changed by \(day), before the promised \(first.nextChange?.description ?? "never")")
                    break
                }
            }
        }
        #expect(walked > 1_000)
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
