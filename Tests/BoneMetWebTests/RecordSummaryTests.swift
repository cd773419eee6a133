import BoneMetDomain
import BoneMetRules
import Testing

@testable import BoneMetWeb

/// Unseen record cb117-g (2026-12-06): the record list showed the first six fields of an item —
/// the report page saved a reading's epiphysis and eccentricity and the list did not show them;
/// nor a treatment's end and stop reason, a bone agent's interval and doses, an observation's
/// epidural grade. Every recorded field is shown; a list longer than four by its count and last item.
@Suite struct RecordSummaryTests {
    func summary(_ json: String, _ path: String, _ language: AppLanguage) throws -> String {
        let parsed = try JSONValue.parse(json)
        guard case .object(let object) = parsed else { Issue.record("not an object: \(json)"); return "" }
        let section = try #require(RecordSection.all.first { $0.path == path } ?? (path == "observations"
            ? RecordSection(path: "studies/0/observations", definition: "observation", title: RecordSection.observations, single: false) : nil))
        return RecordOverview.summary(object, section, language)
    }

    @Test func everyRecordedFieldIsShown() throws {
        let reading = #"{"lesion":"L1","present":true,"character":"lytic","diametersMm":[42,35],"boneDestruction":true,"scleroticRim":false,"epiphyseal":true,"eccentric":true}"#
        let zh = try summary(reading, "observations", .zhHans)
        #expect(zh.contains("骨骺：是") && zh.contains("偏心性：是"), "\(zh)")
        let spine = try summary(#"{"lesion":"L2","present":true,"character":"mixed","boneDestruction":true,"collapse":"under50","alignment":"normal","posterolateral":"bilateral","escc":"2"}"#, "observations", .en)
        #expect(spine.contains("ESCC") || spine.contains("epidural"), "\(spine)")
        let agent = #"{"id":"D","kind":"boneModifyingAgent","start":"2024-03-15","agent":"denosumab","doseMg":120,"intervalWeeks":4,"doses":["2026-07-01","2026-07-29","2026-08-26","2026-09-23","2026-10-21","2026-11-18"]}"#
        let en = try summary(agent, "treatments", .en)
        #expect(en.contains("6, the last 2026-11-18"), "\(en)")
        #expect(!en.contains("2026-07-01"))
        let chinese = try summary(agent, "treatments", .zhHans)
        #expect(chinese.contains("共 6 项，末项 2026-11-18"), "\(chinese)")
        let stopped = try summary(#"{"id":"T1","kind":"systemic","name":"capecitabine","drugs":["capecitabine"],"systemicClass":"chemotherapy","start":"2022-03-01","end":"2022-09-01","stopReason":"progression"}"#, "treatments", .en)
        #expect(stopped.contains("2022-09-01") && stopped.contains("progression"), "\(stopped)")
        // Four doses or fewer are listed.
        let few = try summary(#"{"id":"Z","kind":"boneModifyingAgent","agent":"zoledronicAcid","doses":["2026-09-01","2026-10-01"]}"#, "treatments", .en)
        #expect(few.contains("2026-09-01, 2026-10-01"), "\(few)")
    }
}
