/// A performance status recorded before the bone metastases (`CaseIndex.currentPerformance`):
/// the scores leave it open, and this says why and what to do.
extension PrognosisRules {
    func outdatedPerformanceFinding() -> Finding? {
        guard !metastatic.isEmpty, let outdated = index.outdatedPerformance, let first = index.firstMetastasisSeen else { return nil }
        let grades = [outdated.ecog.map { "ECOG \($0)" }, outdated.kps.map { "KPS \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return Finding(
            ruleId: "surgery.prognosis.performanceOutdated", severity: .advisory, duty: .surgery, specialty: .orthopaedics,
            subject: .patient, date: outdated.date,
            title: LocalizedText(
                en: "Performance status predates the bone metastases — grade it now",
                zh: "体能状态记录早于骨转移——请重新评估"),
            detail: LocalizedText(
                en: "The latest on record, \(grades) on \(outdated.date), was recorded before the bone metastases were first seen (\(first)): it describes the patient before the metastatic disease. The prognosis scores (revised Tokuhashi, New Katagiri, the PATHFx/SORG inputs) and NOMS's systemic status leave it open until ECOG or KPS is graded now.",
                zh: "病历中最近一次为 \(outdated.date) 的 \(grades)，记录于首次发现骨转移（\(first)）之前：反映的是发生转移前的状态。预后评分（改良 Tokuhashi、新 Katagiri、PATHFx/SORG 输入项）及 NOMS 的全身情况在重新评估 ECOG 或 KPS 前按未知处理。"),
            inputs: [FindingInput("performanceDate", outdated.date.description), FindingInput("firstMetastasisSeen", first.description)],
            sources: [Sources.tokuhashi2005, Sources.katagiri2014])
    }
}
