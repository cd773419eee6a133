/// A bone metastasis proven on biopsy, the primary still not on record.
extension DiagnosisRules {
    /// "No known primary" asks for a biopsy (source hospital; up to ~30 % of patients present
    /// with bone metastasis and no known primary) — and once it has proven a metastasis, the
    /// question becomes where from. A femur proven "adenocarcinoma, TTF-1 and napsin A positive"
    /// with no primary on record had no finding at all; its prognosis scores stood at "primary
    /// unknown" ranges (Katagiri 1–6) and its radiosensitivity unknown. Said, with the pathology
    /// text, for medical oncology: complete the search and record the primary.
    func primarySearchFinding() -> Finding? {
        guard !index.hasKnownPrimary else { return nil }
        let proofs = index.record.biopsies.filter { $0.result == .metastasis && index.known($0.date) }
        guard let proof = proofs.max(by: { $0.date < $1.date }) else { return nil }
        let site = proof.lesion.flatMap { index.lesionsById[$0] }.map { index.label($0) }
        let histology = proof.histology.map { LocalizedText(en: ": \($0)", zh: "：\($0)") } ?? LocalizedText(en: "", zh: "")
        let of = site.map { LocalizedText(en: " (\($0.en))", zh: "（\($0.zhHans)）") } ?? LocalizedText(en: "", zh: "")
        return Finding(
            ruleId: "diagnosis.primarySearch", severity: .advisory, duty: .diagnosis, specialty: .medicalOncology,
            subject: .patient, date: proof.date,
            title: LocalizedText(
                en: "Metastasis proven, primary not on record — complete the search for it",
                zh: "已证实为转移，原发灶未记录——完成原发灶检查"),
            detail: LocalizedText(
                en: "The biopsy of \(proof.date)\(of.en) shows metastasis\(histology.en). The histology and immunohistochemistry point the search for the primary; record the primary when found — the prognosis scores (Katagiri, Tokuhashi, Tomita), the radiosensitivity (NOMS) and the bone-modifying-agent indication depend on it.",
                zh: "\(proof.date) 活检\(of.zhHans)为转移\(histology.zhHans)。组织学和免疫组化指引原发灶的查找；找到后请记录原发灶——预后评分（Katagiri、Tokuhashi、Tomita）、放疗敏感性（NOMS）和骨改良药物适应证均取决于它。"),
            inputs: [FindingInput("biopsyResult", "metastasis"), FindingInput("knownPrimary", "false")],
            sources: [Self.sourceHospital])
    }
}
