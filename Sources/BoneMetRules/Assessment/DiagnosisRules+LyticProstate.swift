/// A lytic lesion of a prostate cancer: atypical, so tissue. Prostate cancer's bone metastases
/// are blastic (the source hospital: "biopsy only if the picture is atypical"), and in
/// castration-resistant disease radiographically predominant lytic bone metastases on X-ray or
/// CT are one of the clinical criteria of aggressive-variant ("anaplastic") prostate cancer,
/// with neuroendocrine markers on histology another (Aparicio AM et al. Clin Cancer Res
/// 2013;19:3621-30, table 1: C3, C6). A prostate cancer on leuprorelin and enzalutamide with a
/// new lytic rib beside its blastic pelvis and L4 was judged progression with no word on what
/// the lytic lesion may be (unseen record cb159-a, rule set 2026.12.413).
extension DiagnosisRules {
    static let aparicio2013 = Citation(
        id: "aparicio2013",
        text: "Aparicio AM et al. Clin Cancer Res 2013;19:3621-30 (aggressive-variant prostate cancer: clinical criteria, predominantly lytic bone metastases)",
        zh: "Aparicio AM 等. Clin Cancer Res 2013;19:3621-30（侵袭性变异型前列腺癌临床标准：以溶骨为主的骨转移）")

    /// The reason a lytic lesion of a prostate cancer asks for tissue, or nil: its one candidate
    /// primary is a prostate cancer not already known to be small-cell or neuroendocrine, and
    /// it reads lytic now on X-ray or CT.
    func lyticInProstate(_ lesion: Lesion) -> LocalizedText? {
        let candidates = index.primaryCandidates(for: lesion.id)
        guard candidates.count == 1, let primary = candidates.first, primary.site == .prostate else { return nil }
        // The histology as every rule reads it (`effectiveHistology`: small-cell, or a
        // neuroendocrine tumour or carcinoid); a neuroendocrine *carcinoma*, which that reading
        // leaves undecided on purpose, is the variant known too.
        let histology = primary.histology?.lowercased() ?? ""
        let variantKnown = [HistologyType.smallCellCarcinoma, .neuroendocrineTumour].contains { primary.effectiveHistology == $0 }
            || ["neuroendocrine", "神经内分泌"].contains { histology.contains($0) }
        guard !variantKnown, index.characters(lesion.id).last == .lytic else { return nil }
        // A lytic lesion of the same cancer proven metastasis by its biopsy has answered what the
        // lytic picture is (a blastic one's biopsy has not).
        let answered = index.record.biopsies.contains { biopsy in
            biopsy.result == .metastasis && index.known(biopsy.date)
                && biopsy.lesion.map { $0 != lesion.id && index.characters($0).contains(.lytic) && index.primaryCandidates(for: $0).map(\.id) == [primary.id] } == true
        }
        guard !answered else { return nil }
        return LocalizedText(
            en: "lytic, which prostate cancer's bone metastases rarely are: a second primary or myeloma, or an aggressive-variant (anaplastic, neuroendocrine) prostate cancer — in castration-resistant disease predominantly lytic bone metastases are one of its clinical criteria (Aparicio 2013); ask pathology for neuroendocrine markers (chromogranin A, synaptophysin) too",
            zh: "溶骨性，而前列腺癌骨转移很少如此：需考虑第二原发肿瘤或骨髓瘤，或侵袭性变异型（间变性、神经内分泌）前列腺癌——去势抵抗阶段以溶骨为主的骨转移是其临床标准之一（Aparicio 2013）；请病理同时检测神经内分泌标志物（嗜铬粒蛋白 A、突触素）")
    }

    /// Several lesions whose only reason for tissue is their lytic picture: one biopsy of the
    /// most accessible answers it for the disease, as the long interval's does
    /// (`intervalBiopsyFinding`) — not one "biopsy indicated" per lytic lesion.
    func oneFindingForLyticProstate(_ only: [(lesion: Lesion, finding: Finding)], in findings: [Finding]) -> [Finding] {
        guard only.count >= 2, let first = only.first?.finding else { return findings }
        let lesions = only.map(\.lesion)
        let names = LocalizedText.joined(lesions.map { index.label($0) }, en: "; ", zh: "、")
        let reason = lesions.first.flatMap(lyticInProstate) ?? first.detail
        let merged = Finding(
            ruleId: "diagnosis.biopsy.indicated", severity: .advisory, duty: .diagnosis, specialty: .orthopaedics,
            subject: .patient, date: only.compactMap(\.finding.date).min(),
            title: LocalizedText(
                en: "Lytic lesions of a prostate cancer (\(lesions.count)): biopsy one",
                zh: "前列腺癌溶骨性病灶（\(lesions.count) 处）：活检其一"),
            detail: LocalizedText(
                en: "\(names.en): \(reason.en). One biopsy of the most accessible answers it; lytic lesions can be biopsied at any time.",
                zh: "\(names.zhHans)：\(reason.zhHans)。活检其中最易取材者即可回答；溶骨性病灶随时可活检。"),
            inputs: [FindingInput("lyticInProstateCancer", "true"), FindingInput("lesions", lesions.map(\.id).joined(separator: ","))],
            sources: first.sources, claims: [Claim(.biopsy, about: "patient", "biopsy")])
        return findings.filter { finding in !only.contains { $0.finding == finding } } + [merged]
    }
}
