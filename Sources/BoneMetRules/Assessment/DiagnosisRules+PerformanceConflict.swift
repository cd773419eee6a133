/// ECOG and Karnofsky of the same day that the published conversions cannot reconcile. New
/// Katagiri scores ECOG, the revised Tokuhashi Karnofsky: a record holding ECOG 0 and KPS 40 for
/// one visit scored each for a different patient without a word (a hand-written record of two rows for one visit, 2026-12-04).
extension DiagnosisRules {
    func performanceConflictFinding() -> Finding? {
        guard let status = index.latestPerformance(), let ecog = status.ecog, let kps = status.kps,
              let grades = PerformanceConversion.ecogRange(kps: kps), !grades.contains(ecog),
              let range = PerformanceConversion.kpsRange(ecog: ecog)
        else { return nil }
        let asEcog = grades.lowerBound == grades.upperBound ? "ECOG \(grades.lowerBound)" : "ECOG \(grades.lowerBound)–\(grades.upperBound)"
        return Finding(
            ruleId: "diagnosis.record.performanceConflict", severity: .advisory, duty: .diagnosis, specialty: .orthopaedics,
            subject: .patient, date: status.date,
            title: LocalizedText(
                en: "ECOG \(ecog) and KPS \(kps) of \(status.date) disagree",
                zh: "\(status.date) 记录的 ECOG \(ecog) 与 KPS \(kps) 不一致"),
            detail: LocalizedText(
                en: "By the published conversions KPS \(kps) is \(asEcog), and ECOG \(ecog) is KPS \(range.lowerBound)–\(range.upperBound). New Katagiri scores ECOG and the revised Tokuhashi KPS, so their bands now rest on different patients. Record the status that holds — one scale, or both agreeing.",
                zh: "按已发表的换算，KPS \(kps) 相当于 \(asEcog)，ECOG \(ecog) 相当于 KPS \(range.lowerBound)–\(range.upperBound)。新 Katagiri 评分用 ECOG，改良 Tokuhashi 评分用 KPS，两者现基于不同的体能状态。请记录实际的体能状态——只用一种量表，或两者一致。"),
            inputs: [FindingInput("ecog", String(ecog)), FindingInput("kps", String(kps))],
            sources: PerformanceConversion.citations)
    }
}
