/// Molecular tests wanted, and no tissue for them (rule set 2026.12.216).
extension DiagnosisRules {
    /// The record says molecular tests are wanted (receptor re-testing, NGS — typically at
    /// progression on a targeted therapy) but no biopsy is advised, none is at the laboratory and
    /// no specimen is on record: where the tissue can come from in bone, and EDTA for it
    /// (reference.md: molecular tests wanted → EDTA decalcification; lytic or mixed lesions can be
    /// biopsied at any time). An EGFR-mutant lung cancer progressing on osimertinib, a new lytic
    /// C2 and a Mirels 11 femur, "molecular tests wanted", was told nothing about either (cb44-c).
    /// Lesions healed into sclerosis under therapy are not named (not biopsied: reactive bone or
    /// necrosis); with none lytic or mixed left, nothing is said here — the blastic findings say
    /// why bone is a poor source.
    func tissueForMolecularTestsFinding(biopsyAdvised: Bool, atTheLab: Bool) -> Finding? {
        guard index.record.plans.molecularTestsWanted == true, !biopsyAdvised, !atTheLab,
              !index.record.biopsies.contains(where: { index.known($0.date) }) else { return nil }
        let candidates = index.metastaticLesions.filter { lesion in
            guard let latest = index.characters(lesion.id).last, latest == .lytic || latest == .mixed else { return false }
            return index.sclerosedUnderTherapy(lesion.id) == nil
        }
        guard !candidates.isEmpty else { return nil }
        // The tissue of an operation proposed or planned on one of them serves first: no second
        // procedure for the tests.
        let operated = candidates.filter { lesion in
            surgeryProposed.contains(lesion.id) || index.localTreatments(lesion.id, kind: .surgery).contains(where: \.planned)
        }
        let names = LocalizedText.joined(candidates.map { index.label($0) }, en: "; ", zh: "、")
        let operation = operated.isEmpty ? LocalizedText(en: "", zh: "") : {
            let list = LocalizedText.joined(operated.map { index.label($0) }, en: "; ", zh: "、")
            return LocalizedText(
                en: " An operation is proposed or planned on \(list.en): send its tissue for the tests rather than biopsying separately.",
                zh: "\(list.zhHans)已建议或计划手术：可将术中组织送检，无需另行活检。")
        }()
        let tests = testsAtStake
        return Finding(
            ruleId: "diagnosis.biopsy.edta", severity: .advisory, duty: .diagnosis, specialty: .pathology,
            subject: .patient, date: index.assessedOn,
            title: LocalizedText(en: "Molecular tests wanted: no specimen on record — EDTA for bone tissue", zh: "需要分子检测：尚无标本——骨组织请用 EDTA 脱钙"),
            detail: LocalizedText(
                en: "Molecular tests are wanted and no biopsy or operative specimen is on record. If the tissue is taken from bone: a lytic or mixed lesion can be biopsied at any time (\(names.en)); blastic bone after systemic therapy started yields reactive bone or necrosis.\(operation.en) Acid decalcifiers ruin \(tests.en): request EDTA decalcification on the form, and record the biopsy with its decalcification.",
                zh: "需要分子检测，而记录中尚无活检或手术标本。若取骨组织：溶骨或混合性病灶随时可活检（\(names.zhHans)）；全身治疗开始后的成骨性病灶取材多为反应骨或坏死。\(operation.zhHans)酸性脱钙液会破坏\(tests.zhHans)：请在申请单上注明 EDTA 脱钙，并记录活检及其脱钙方式。"),
            inputs: [FindingInput("molecularTestsWanted", "true"), FindingInput("lesions", candidates.map(\.id).joined(separator: ","))],
            sources: [Self.vanEs2019, Self.sourceHospital],
            claims: candidates.map { Claim(.biopsy, about: $0.id, "biopsy") })
    }
}
