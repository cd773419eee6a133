import BoneMetRules
import Testing

/// Rule set 2026.12.44: a Chinese record listed "唑来膦酸 4mg q4w" among its systemic regimens.
/// The breast cancer read "bone metastases without a bone-modifying agent", no dose or renal
/// check ran, and New Katagiri's chemotherapy item stayed open on an unclassed "regimen".
@Suite struct BoneAgentRecordedAsSystemicTests {
    func record(_ drugs: [String]) -> CaseRecord {
        var r = baseCase()
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, drugs: ["来曲唑"], start: day("2023-01-10")),
            Treatment(id: "T2", kind: .systemic, drugs: drugs, start: day("2023-01-12")),
        ]
        r.labs = [LabResult(date: day("2023-01-05"), test: .creatinine, value: 0.8, unit: "mg/dL")]
        r.dentalExams = [day("2023-01-08")]
        return r
    }

    @Test func aBoneAgentEnteredAsARegimenIsReadAsTheAgent() throws {
        let a = assess(record(["唑来膦酸 4mg q4w"]), asOf: day("2023-03-21"))
        // A current agent: no "start one (after diagnosis)".
        #expect(!a.has("boneAgents.afterDiagnosis") && !a.has("boneAgents.indication"))
        let noted = try #require(a.rule("boneAgents.recordedAsSystemic").first)
        #expect(noted.severity == .advisory)
        #expect(noted.title.en == "唑来膦酸 4mg q4w is recorded as a systemic therapy — read as zoledronic acid")
        #expect(noted.title.zhHans == "唑来膦酸 4mg q4w被记录为全身治疗——按唑来膦酸处理")
        // Its checks run: the dose by CrCl.
        #expect(a.has("boneAgents.zoledronic.dose"))
        // The letrozole is the only regimen: no chemotherapy, settled.
        #expect(a.katagiri?.components.first { $0.key == "previousChemotherapy" }?.points == 0)
        // A regimen that names other drugs too stays a regimen.
        let mixed = assess(record(["多西他赛", "唑来膦酸"]), asOf: day("2023-03-21"))
        #expect(!mixed.has("boneAgents.recordedAsSystemic"))
        #expect(mixed.has("boneAgents.afterDiagnosis"))
        #expect(!mixed.has("boneAgents.zoledronic.dose"))
    }
}
