/// The untreated parts at either end of a response interval that names a regimen (the source
/// hospital's attribution: change while no treatment acted is natural history, not the regimen's).
extension ResponseRules {
    static let eisenhauer2009 = Citation(id: "eisenhauer2009", text: "Eisenhauer EA et al. Eur J Cancer 2009;45:228-47 (RECIST 1.1)")

    /// The point's treatments as records.
    private func treatments(of point: TimePointResponse) -> [Treatment] {
        point.treatments.compactMap { id in index.treatments.first { $0.id == id } }
    }

    /// The end of an interval spent off systemic therapy: every systemic therapy of the window
    /// stopped more than `regimenGapDays` (setting) before the study — the window otherwise named
    /// only the regimen that had stopped four months before. Not with radiotherapy or surgery in
    /// the interval: they act on their lesion long after they end.
    func untreatedTail(_ point: TimePointResponse) -> LocalizedText? {
        let all = treatments(of: point)
        let systemic = all.filter { $0.kind == .systemic }
        guard !systemic.isEmpty, !all.contains(where: { $0.kind == .radiotherapy || $0.kind == .surgery }) else { return nil }
        let ends = systemic.compactMap(\.end)
        guard ends.count == systemic.count, let end = ends.max(by: { $0.latestDay < $1.latestDay }) else { return nil }
        let days = point.to.earliestDay - end.latestDay
        guard days > index.settings.regimenGapDays else { return nil }
        return LocalizedText(
            en: "; then no systemic therapy from \(end) to \(point.to) (\(days) days): change in that time is natural history, not the regimen's",
            zh: "；此后 \(end) 至 \(point.to) 无全身治疗（\(days) 天）：这段时间内的变化属于疾病自然进程，不归于该方案")
    }

    /// The start of an interval spent before any of its treatments (local ones included: a
    /// separation surgery and radiotherapy before the regimen are not natural history): every one
    /// began more than 4 weeks after the earlier study — RECIST 1.1 (Eisenhauer 2009) takes a
    /// baseline no more than 4 weeks before treatment.
    func untreatedHead(_ point: TimePointResponse) -> LocalizedText? {
        let acting = treatments(of: point).filter { $0.kind != .boneModifyingAgent }
        let starts = acting.compactMap(\.start)
        guard !acting.isEmpty, starts.count == acting.count, let start = starts.min(by: { $0.earliestDay < $1.earliestDay }) else { return nil }
        let days = start.earliestDay - point.from.latestDay
        guard days > 28 else { return nil }
        return LocalizedText(
            en: "; the earlier study was \(days) days before the first treatment began (\(start); RECIST 1.1 takes a baseline no more than 4 weeks before treatment): change before then is natural history, not the regimen's",
            zh: "；前次检查早于最早的治疗开始（\(start)）\(days) 天（RECIST 1.1 要求基线在治疗前 4 周内）：此前的变化属于疾病自然进程，不归于该方案")
    }
}
