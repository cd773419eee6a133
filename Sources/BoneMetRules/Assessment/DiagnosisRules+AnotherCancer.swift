/// A biopsy that shows myeloma or lymphoma in a lesion of a patient whose recorded cancers do not
/// include it: a second cancer, not a metastasis. The lesion left the metastases (its scores and
/// response) as `CaseIndex.biopsyShowsTheDisease` says, but no finding said what it was — a breast
/// cancer's femur proven to be diffuse large B-cell lymphoma read as an impending fracture of a
/// breast metastasis with a myeloma work-up beside it. Reference.md: myeloma and lymphoma must be
/// excluded; their work-up and treatment belong to haematology.
extension DiagnosisRules {
    func anotherCancerFindings() -> [Finding] {
        index.seenLesions.compactMap { lesion -> Finding? in
            guard let biopsy = index.anotherCancer(lesion.id), let result = biopsy.result else { return nil }
            let name = index.label(lesion)
            let primaries = LocalizedText.joined(index.knownPrimaries.map(\.site.label), en: ", ", zh: "、")
            let others = index.seenLesions.filter { $0.id != lesion.id && index.diagnosticBiopsy($0.id) == nil && index.isMetastaticCandidate($0.id) }
            let open = others.isEmpty
                ? LocalizedText(en: "", zh: "")
                : LocalizedText(
                    en: " The other bone lesions (\(LocalizedText.joined(others.map { index.label($0) }, en: "; ", zh: "、").en)) may be either disease until biopsied or staged.",
                    zh: "其余骨病灶（\(LocalizedText.joined(others.map { index.label($0) }, en: "; ", zh: "、").zhHans)）在活检或分期前两种疾病均有可能。")
            let known = primaries.en.isEmpty
                ? LocalizedText(en: "", zh: "")
                : LocalizedText(en: ", not a metastasis of the \(primaries.en) cancer on record", zh: "，而非已记录的\(primaries.zhHans)癌的转移")
            return Finding(
                ruleId: "diagnosis.biopsy.anotherCancer", severity: .warning, duty: .diagnosis, specialty: .haematology,
                subject: .lesion(lesion.id), date: biopsy.date,
                // Without a cancer on record it is the diagnosis, not a second cancer.
                title: index.knownPrimaries.isEmpty
                    ? LocalizedText(
                        en: "\(name.en): biopsy shows \(result.label.en) — refer to haematology",
                        zh: "\(name.zhHans)：活检为\(result.label.zhHans)——请转血液科")
                    : LocalizedText(
                        en: "\(name.en): biopsy shows \(result.label.en) — a second cancer, refer to haematology",
                        zh: "\(name.zhHans)：活检为\(result.label.zhHans)——第二种肿瘤，请转血液科"),
                detail: LocalizedText(
                    en: "Biopsy of \(biopsy.date)\(biopsy.histology.map { ": \($0)" } ?? ""): \(result.label.en)\(known.en). Staging and treatment by haematology; record it as a primary cancer\(index.knownPrimaries.isEmpty ? "" : " of its own") so that the prognosis scores and radiosensitivity (very radiosensitive) read it. Its fracture risk and stability are still scored (malignant bone disease).\(open.en)",
                    zh: "\(biopsy.date) 活检\(biopsy.histology.map { "：\($0)" } ?? "")：\(result.label.zhHans)\(known.zhHans)。由血液科分期和治疗；请将其作为\(index.knownPrimaries.isEmpty ? "" : "独立的")原发肿瘤记录，以便预后评分和放疗敏感性（高度敏感）据此判断。其骨折风险和稳定性仍需评分（恶性骨病）。\(open.zhHans)"),
                inputs: [FindingInput("biopsyResult", result.rawValue)],
                sources: [Self.sourceHospital] + (result == .myeloma ? [DifferentialRules.rajkumar2014] : []))
        }
    }
}

extension CaseIndex {
    /// The biopsy that found myeloma or lymphoma in a lesion whose recorded cancers do not include it.
    func anotherCancer(_ lesion: String) -> Biopsy? {
        guard let biopsy = diagnosticBiopsy(lesion), let result = biopsy.result, [.myeloma, .lymphoma].contains(result),
            !biopsyShowsTheDisease(biopsy, lesion: lesion)
        else { return nil }
        return biopsy
    }
}
