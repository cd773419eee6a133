/// A performance status or laboratory value recorded before the bone metastases
/// (`CaseIndex.currentPerformance`, `currentLab`): the scores leave it open, and this says which,
/// why and what to do.
extension PrognosisRules {
    /// The laboratory tests the prognosis scores read: New Katagiri's (Katagiri 2014) and the
    /// PATHFx inputs (haemoglobin, lymphocytes).
    static let scoredLabs: [LabTest] = [.crp, .ldh, .albumin, .platelets, .calcium, .bilirubin, .hemoglobin, .lymphocytes]

    func outdatedInputsFinding() -> Finding? {
        guard !metastatic.isEmpty, let first = index.firstMetastasisSeen else { return nil }
        var items: [LocalizedText] = []
        if let outdated = index.outdatedPerformance {
            let grades = [outdated.ecog.map { "ECOG \($0)" }, outdated.kps.map { "KPS \($0)" }].compactMap { $0 }.joined(separator: ", ")
            items.append(LocalizedText(en: "\(grades) (\(outdated.date))", zh: "\(grades)（\(outdated.date)）"))
        }
        for test in Self.scoredLabs {
            guard index.currentLab(test) == nil, let old = index.latestLab(test) else { continue }
            items.append(LocalizedText(
                en: "\(test.label.en) \(CaseIndex.format(old.value, decimals: 2)) \(old.unit) (\(old.date))",
                zh: "\(test.label.zhHans) \(CaseIndex.format(old.value, decimals: 2)) \(old.unit)（\(old.date)）"))
        }
        guard !items.isEmpty else { return nil }
        let list = LocalizedText.joined(items, en: "; ", zh: "；")
        let performance = index.outdatedPerformance != nil
        return Finding(
            ruleId: "surgery.prognosis.inputsOutdated", severity: .advisory, duty: .surgery, specialty: .orthopaedics,
            subject: .patient, date: index.assessedOn,
            title: performance
                ? LocalizedText(en: "Performance status predates the bone metastases — grade it now", zh: "体能状态记录早于骨转移——请重新评估")
                : LocalizedText(en: "Laboratory values predate the bone metastases — measure them now", zh: "化验结果早于骨转移——请复查"),
            detail: LocalizedText(
                en: "Recorded before the bone metastases were first seen (\(first)), more than 4 weeks earlier: \(list.en). They describe the patient before the metastatic disease; the prognosis scores (revised Tokuhashi, New Katagiri, the PATHFx/SORG inputs)\(performance ? " and NOMS's systemic status" : "") leave them open until measured now.",
                zh: "以下记录早于首次发现骨转移（\(first)）4 周以上：\(list.zhHans)。反映的是发生转移前的状态；预后评分（改良 Tokuhashi、新 Katagiri、PATHFx/SORG 输入项）\(performance ? "及 NOMS 的全身情况" : "")在重新评估前按未知处理。"),
            inputs: [FindingInput("firstMetastasisSeen", first.description)],
            sources: [Sources.tokuhashi2005, Sources.katagiri2014])
    }
}
