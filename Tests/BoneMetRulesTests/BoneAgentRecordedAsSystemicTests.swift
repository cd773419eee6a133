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
        // A row classed as a regimen by whoever entered it stays one.
        var classed = record(["唑来膦酸"])
        classed.treatments[1].systemicClass = .other
        #expect(!assess(classed, asOf: day("2023-03-21")).has("boneAgents.recordedAsSystemic"))
        // A regimen that names other drugs too: the agent is taken out as its course, the
        // docetaxel stays the regimen (rule set 2026.12.58 — it was left a regimen, the patient
        // "without a bone-modifying agent").
        let mixed = assess(record(["多西他赛", "唑来膦酸"]), asOf: day("2023-03-21"))
        let split = try #require(mixed.rule("boneAgents.recordedAsSystemic").first)
        #expect(split.subject == .treatment("T2-zoledronicAcid"))
        #expect(split.title.en == "多西他赛 + 唑来膦酸 holds a bone-modifying agent (zoledronic acid): record it as one")
        #expect(split.title.zhHans == "多西他赛 + 唑来膦酸 中含骨改良药物（唑来膦酸）：请单独记录")
        #expect(!mixed.has("boneAgents.afterDiagnosis") && !mixed.has("boneAgents.indication"))
        #expect(mixed.has("boneAgents.zoledronic.dose"))
        #expect(mixed.katagiri?.components.first { $0.key == "previousChemotherapy" }?.points == 1)
    }
}

/// Rule set 2026.12.46: zoledronic acid 5 mg once a year (Aclasta/Reclast, 密固达) — an older
/// woman's osteoporosis dose, given before her breast cancer reached bone — read "Zoledronic acid
/// 4.0 mg for CrCl … (ordered 5.0 mg)" and its next dose four weeks on. It is the bone-loss dose,
/// as denosumab 60 mg is (rule set 2026.12.26): bone metastases need the SRE-prevention dose; its
/// own label bars it below CrCl 35.
@Suite struct ZoledronicOsteoporosisDoseTests {
    func record(creatinine: Double) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1948-01-01")
        r.studies[1].observations[0].boneDestruction = true
        r.labs = [LabResult(date: day("2023-01-05"), test: .creatinine, value: creatinine, unit: "mg/dL")]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2022-03-01"), agent: .zoledronicAcid, doseMg: 5, doses: [day("2022-03-01")]))
        r.dentalExams = [day("2022-02-01")]
        return r
    }

    @Test func fiveMilligramsYearlyIsTheBoneLossDose() throws {
        let a = assess(record(creatinine: 0.8), asOf: day("2023-03-21"))
        let choice = try #require(a.rule("boneAgents.choice").first)
        #expect(choice.severity == .warning)
        #expect(choice.title.en == "Zoledronic acid 5 mg is the bone-loss dose: bone metastases need the SRE-prevention dose")
        #expect(choice.title.zhHans == "唑来膦酸 5 mg 为骨量丢失剂量：骨转移需用预防 SRE 剂量")
        #expect(!a.has("boneAgents.zoledronic.dose"))
        // Due a year after the last dose, not four weeks.
        let due = try #require(a.rule("boneAgents.doseDue").first)
        #expect(due.title.en == "Zoledronic acid dose due since 2023-02-28")
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // Its own label bars it below CrCl 35.
        let renal = assess(record(creatinine: 1.6), asOf: day("2023-03-21"))
        let barred = try #require(renal.rule("boneAgents.zoledronic.notRecommended").first)
        #expect(barred.title.en.hasPrefix("Zoledronic acid 5 mg contraindicated: CrCl"))
        #expect(!renal.has("boneAgents.doseDue"))
        #expect(Claim.contradictions(in: renal.findings).isEmpty)
    }
}
