import BoneMetDomain
import Testing

@testable import BoneMetFHIR
@testable import BoneMetWeb

/// Issue #12: a case is read and assessed once per version and day. An edit (a new version),
/// a new day or other settings is another entry — never the old assessment.
@Suite struct AssessedCasesTests {
    static func stored(version: Int, dentalExam: Bool) -> StoredCase {
        var record = CaseRecord(patient: Patient(id: "cache-1", sex: .female))
        record.primaries = [PrimaryCancer(id: "P1", site: .breast)]
        record.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left)]
        var denosumab = Treatment(id: "T1", kind: .boneModifyingAgent, start: PartialDate("2026-01-05"), agent: .denosumab)
        denosumab.doses = [PartialDate("2026-01-05")!]
        record.treatments = [denosumab]
        record.dentalExams = dentalExam ? [PartialDate("2026-01-02")!] : []
        return StoredCase(id: "c1", record: record, version: version, updatedAt: 1, updatedBy: "u", ruleSetVersion: RuleSet.version)
    }

    @Test func anEntryIsForOneVersionDayAndSettings() {
        let day = PartialDate("2026-01-15")!
        let cache = AssessedCases(settings: .default, maxEntries: 2)
        let first = cache.remember(Self.stored(version: 1, dentalExam: false), asOf: day)
        #expect(first.assessment.findings.contains { $0.ruleId == "boneAgents.dentalExam" })
        #expect(cache.entry(id: "c1", version: 1, asOf: day)?.stored.version == 1)
        // An edit: version 2 is not served from version 1's entry.
        #expect(cache.entry(id: "c1", version: 2, asOf: day) == nil)
        let edited = cache.remember(Self.stored(version: 2, dentalExam: true), asOf: day)
        #expect(!edited.assessment.findings.contains { $0.ruleId == "boneAgents.dentalExam" })
        // The next day is another assessment (a dose falls due with the date).
        #expect(cache.entry(id: "c1", version: 2, asOf: day.adding(days: 30)) == nil)
        // Past the limit the oldest entry goes.
        cache.remember(Self.stored(version: 2, dentalExam: true), asOf: day.adding(days: 30))
        #expect(cache.count == 2)
        #expect(cache.entry(id: "c1", version: 1, asOf: day) == nil)
        // Other settings: another cache's key.
        var settings = RuleSettings.default
        settings.myelomaWorkupAgeAbove += 1
        #expect(AssessedCases(settings: settings).key(id: "c1", version: 2, asOf: day) != cache.key(id: "c1", version: 2, asOf: day))
    }

    @Test func cardTextIsEscapedForMarkdownInOnePass() {
        #expect(CDSCards.markdownSafe("CrCl < 30 & rising > 2") == "CrCl &lt; 30 &amp; rising &gt; 2")
        #expect(CDSCards.markdownSafe("肌酐清除率 <30 mL/min") == "肌酐清除率 &lt;30 mL/min")
        #expect(CDSCards.markdownSafe("plain") == "plain")
    }
}
