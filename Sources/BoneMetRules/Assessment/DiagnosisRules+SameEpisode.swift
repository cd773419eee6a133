/// Lesions read as the cancer a lesion of their episode was proven to be
/// (`CaseIndex.episodeAttributions`; rule set 2026.12.306).
extension DiagnosisRules {
    /// One finding per proven lesion: which lesions its biopsy answers for, and when to biopsy
    /// one of them after all. Said, so that no primary is picked silently: the scores, the
    /// radiosensitivity and the bone agent's indication read that primary for them.
    func sameEpisodeFindings() -> [Finding] {
        let metastatic = Set(index.metastaticLesions.map(\.id))
        let byProven = Dictionary(grouping: index.episodeAttributions.values.filter { metastatic.contains($0.proven.id) }, by: { $0.proven.id })
        return byProven.keys.sorted().compactMap { proven -> Finding? in
            guard let first = byProven[proven]?.first else { return nil }
            // In the record's lesion order, the metastases only.
            let lesions = index.lesions.filter { metastatic.contains($0.id) && index.episodeAttributions[$0.id]?.proven.id == proven }
            guard !lesions.isEmpty else { return nil }
            let names = LocalizedText.joined(lesions.map { index.label($0) }, en: "; ", zh: "、")
            let provenName = index.label(first.proven)
            let primary = first.primary.label
            let histology = first.biopsy.histology.map { LocalizedText(en: " (\($0))", zh: "（\($0)）") } ?? LocalizedText(en: "", zh: "")
            let study = first.study
            return Finding(
                ruleId: "diagnosis.biopsy.sameEpisode", severity: .info, duty: .diagnosis, specialty: .orthopaedics,
                subject: .patient, date: first.biopsy.date,
                title: LocalizedText(
                    en: "\(names.en): read as \(primary.en) — first seen with \(provenName.en), proven by its biopsy",
                    zh: "\(names.zhHans)：按\(primary.zhHans)判读——与\(provenName.zhHans)同时发现，后者已经活检证实"),
                detail: LocalizedText(
                    en: "First seen on the \(study.modality.label.en) of \(study.date) with \(provenName.en), whose biopsy of \(first.biopsy.date) showed \(primary.en)\(histology.en). With more than one cancer on record, one biopsy answers for the lesions of its episode: the prognosis scores, radiosensitivity and bone-agent indication read \(primary.en) for them. Biopsy one of them only if its course departs from the others' (it progresses while they respond) or an operation is planned on it.",
                    zh: "与\(provenName.zhHans)在 \(study.date) \(study.modality.label.zhHans)上同时发现，后者 \(first.biopsy.date) 活检证实为\(primary.zhHans)\(histology.zhHans)。病历中有多个原发肿瘤时，一次活检可代表同期出现的病灶：预后评分、放疗敏感性及骨改良药物指征均按\(primary.zhHans)判读。仅当其中某一病灶的病程与其他病灶不符（其他病灶缓解而它进展）或拟对其手术时，才需对其活检。"),
                inputs: [FindingInput("lesions", lesions.map(\.id).joined(separator: ",")), FindingInput("provenBy", first.proven.id),
                         FindingInput("primary", first.primary.id)],
                sources: [Self.sourceHospital])
        }
    }
}
