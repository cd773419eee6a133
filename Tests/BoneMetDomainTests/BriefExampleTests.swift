import BoneMetDomain
import Testing

/// The example and reference cases (examples/) assessed for stored rows (`details: false`, what
/// the background re-assessment, the bulk import and a case's save store) give the rows of the
/// full assessment: the hand-written cases reach rules the generated records of
/// `BriefAssessmentTests` may not.
@Suite struct BriefExampleTests {
    static func row(_ f: Finding) -> String {
        [f.ruleId, f.severity.rawValue, f.subject.kind, f.subject.id ?? "", f.date?.description ?? "", f.title.en, f.title.zhHans,
         f.claims.map { "\($0)" }.joined(separator: ","), f.sources.map(\.id).joined(separator: ",")].joined(separator: "|")
    }

    @Test func everyExampleGivesTheSameRowsWithoutDetails() throws {
        var findings = 0
        for name in ExampleFiles.names {
            let record = try ExampleFiles.record(name)
            for asOf in ["2023-06-30", "2025-06-30", "2026-11-30"] {
                let date = try #require(PartialDate(asOf))
                let full = assess(record, asOf: date)
                let brief = assess(record, asOf: date, details: false)
                #expect(brief.findings.map(Self.row) == full.findings.map(Self.row), "\(name) as of \(asOf)")
                findings += full.findings.count
            }
        }
        #expect(findings > 500)
    }
}
