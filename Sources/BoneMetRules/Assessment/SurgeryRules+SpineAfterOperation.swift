/// A spinal lesion already operated on: what the operation did, the radiotherapy after it, a
/// deficit it left, and — where the vertebra has collapsed further since — that it has not held.
extension SurgeryRules {
    /// The vertebral body's collapse or the spine's alignment graded worse on a study after a
    /// spinal operation than on the last one before it: what the operation was for has not held.
    /// A breast cancer's T8, cemented (PKP) and irradiated at collapse < 50 %, collapsed beyond
    /// 50 % six months later with mechanical pain (NRS 8) and read "info — Treated: T8 PKP",
    /// SINS 9 (unseen record cb85-n). Said with the readings; the finding becomes a spine-surgery
    /// review where SINS is 7 or more (Fisher 2010: potentially unstable or unstable).
    func deformityProgressed(_ lesion: String, since operation: Treatment) -> LocalizedText? {
        guard !operation.planned, let day = operation.start else { return nil }
        let points = index.presentPoints(lesion).filter(\.readsBone)
        let before = points.filter { $0.study.date.latestDay <= day.earliestDay }
        let after = points.filter { $0.study.date.earliestDay > day.latestDay }
        var parts: [LocalizedText] = []
        func compare<T>(_ value: (LesionObservation) -> T?, points rank: (T) -> Int, label: (T) -> LocalizedText) {
            guard let was = before.last(where: { value($0.observation) != nil }), let wasValue = value(was.observation),
                let now = after.last(where: { value($0.observation) != nil }), let nowValue = value(now.observation),
                rank(nowValue) > rank(wasValue)
            else { return }
            parts.append(LocalizedText(
                en: "\(label(wasValue).en) on the \(was.study.label.en) → \(label(nowValue).en) on the \(now.study.label.en)",
                zh: "\(was.study.label.zhHans)\(label(wasValue).zhHans) → \(now.study.label.zhHans)\(label(nowValue).zhHans)"))
        }
        compare(\.collapse, points: \.points, label: \.label)
        compare(\.alignment, points: \.points, label: \.label)
        guard !parts.isEmpty else { return nil }
        return LocalizedText.joined(parts, en: "; ", zh: "；")
    }

    /// The spine finding's reading of an operated level (NOMS "treated"): info, an advisory when
    /// the radiotherapy after a decompression is missing, a warning when the collapse or the
    /// alignment has worsened since and SINS is 7 or more (`deformityProgressed`).
    func treatedReading(
        _ lesion: String, operation: Treatment, sins: SINS.Result, sinsText: String, compressed: Bool, deficit: Bool, neuro: NeurologyRecord?
    ) -> (Severity, LocalizedText) {
        let after = radiotherapyAfterDecompression(lesion, operation: operation, compressed: compressed)
        let left = deficit ? neuro.flatMap { deficitLeft(by: operation, neuro: $0) } : nil
        let progressed = sins.total.min >= 7 ? deformityProgressed(lesion, since: operation) : nil
        let review = progressed.map { change in
            LocalizedText(
                en: " Since it: \(change.en); SINS is now \(sinsText) — what the operation was for has not held: spine-surgery review of the level for stabilisation (SINS ≥ 7).",
                zh: "术后：\(change.zhHans)；目前 SINS \(sinsText) 分——手术目的未能维持：请脊柱外科复评该节段是否需稳定手术（SINS ≥ 7）。")
        }
        let severity: Severity = review != nil ? .warning : after?.missing == true ? .advisory : .info
        return (severity, LocalizedText(
            en: "Treated: \(operation.label.en).\(after.map { " \($0.text.en)" } ?? "")\(left?.en ?? "")\(review?.en ?? "")",
            zh: "已处理：\(operation.label.zhHans)。\(after?.text.zhHans ?? "")\(left?.zhHans ?? "")\(review?.zhHans ?? "")"))
    }
}
