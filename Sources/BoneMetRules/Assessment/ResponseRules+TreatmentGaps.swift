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
    /// the interval: they act on their lesion long after they end — nor with a therapeutic
    /// radiopharmaceutical, which irradiates the bone for weeks after the day it is given: a
    /// thyroid cancer's radioiodine of 20 March read "then no systemic therapy from 2026-03-20 to
    /// 2026-09-01 (165 days): change in that time is natural history" (unseen record cb30-c).
    func untreatedTail(_ point: TimePointResponse) -> LocalizedText? {
        let all = treatments(of: point)
        let systemic = all.filter { $0.kind == .systemic }
        guard !systemic.isEmpty, !all.contains(where: { $0.kind == .radiotherapy || $0.kind == .surgery }),
              !systemic.contains(where: DrugClasses.isRadiopharmaceutical)
        else { return nil }
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

/// A regimen too young at the study to be judged by it.
extension ResponseRules {
    /// A bone scan or PET taken while every treatment acting in the interval (bone agents aside)
    /// is systemic therapy begun less than `blasticLatencyWeeks` (setting) before it: its uptake
    /// shows the disease before the regimen could act on bone — not its response, nor its
    /// failure (reference.md: effects on bone appear from weeks to about 3 months; PCWG3 reads the
    /// first scan after baseline at 8–12 weeks; MDA calls hotter or new foci progression only once
    /// flare is excluded). Fulvestrant + abemaciclib begun 1 September, the bone scan of 15
    /// October (44 days) hotter with two new foci, read "progressive disease" against it as a
    /// warning (cb24-n). X-ray, CT and MRI are read as they stand: a lesion growing or a new lytic
    /// one is progression whenever it is seen (RECIST 1.1).
    func youngRegimen(_ point: TimePointResponse) -> (days: Int, names: LocalizedText)? {
        guard point.modality.isTracer else { return nil }
        let acting = treatments(of: point).filter { $0.kind != .boneModifyingAgent }
        guard !acting.isEmpty, acting.allSatisfy({ $0.kind == .systemic }) else { return nil }
        let starts = acting.compactMap(\.start)
        guard starts.count == acting.count, let first = starts.min(by: { $0.earliestDay < $1.earliestDay }) else { return nil }
        let days = point.to.earliestDay - first.latestDay
        guard days >= 0, days < index.settings.blasticLatencyWeeks * 7 else { return nil }
        let names = LocalizedText.joined(acting.map(\.displayName), en: ", ", zh: "、")
        return (days, names)
    }
}

/// A regimen switched within a response interval.
extension ResponseRules {
    /// One systemic regimen stopped within the interval and another began after it, also within:
    /// the change between the two studies is neither's alone (the source hospital reads a
    /// regimen's effect over its own window between two studies). A PR from 20 December to 15 April
    /// read "treatment window: anastrozole …–25 December; nab-paclitaxel 5 January–" as if both
    /// had earned it — the anastrozole stopped for progression five days in (cb23-f). Each is named
    /// with the days it ran in the interval; nil when no switch happened inside it.
    func regimenSwitch(_ point: TimePointResponse) -> LocalizedText? {
        let systemic = point.treatments.compactMap { id in index.treatments.first { $0.id == id && $0.kind == .systemic } }
        let from = point.from.latestDay
        let to = point.to.earliestDay
        guard to > from else { return nil }
        let stopped = systemic.filter { $0.end.map { $0.latestDay < to } ?? false }
        let switched = stopped.contains { old in
            systemic.contains { new in
                new.id != old.id && (new.start.map { start in start.earliestDay > from && old.end.map { start.earliestDay >= $0.earliestDay } == true } ?? false)
                    && !Self.isMaintenance(new, of: old, gapDays: index.settings.regimenGapDays)
            }
        }
        guard switched else { return nil }
        let total = to - from
        let parts = systemic.compactMap { regimen -> LocalizedText? in
            guard let start = regimen.start else { return nil }
            let days = min(regimen.end?.latestDay ?? to, to) - max(start.earliestDay, from)
            guard days > 0 else { return nil }
            // By name, without the dates the window has just given.
            let name = regimen.name ?? (regimen.drugs.isEmpty ? nil : regimen.drugs.joined(separator: " + "))
            let named = name.map { LocalizedText(en: $0, zh: $0) } ?? regimen.label
            return LocalizedText(en: "\(named.en) \(days)", zh: "\(named.zhHans) \(days) 天")
        }
        guard parts.count >= 2 else { return nil }
        let list = LocalizedText.joined(parts, en: ", ", zh: "，")
        // A break between the regimens longer than `regimenGapDays` (setting) is named: change
        // then is natural history, not a regimen's (cb28-l: 82 of 278 days with no treatment
        // went unsaid between letrozole + palbociclib and fulvestrant).
        let breaks = Self.breaks(systemic, from: from, to: to, longerThan: index.settings.regimenGapDays)
        let breakText = breaks.isEmpty
            ? LocalizedText(en: "", zh: "")
            : LocalizedText(
                en: "; no systemic therapy \(breaks.map { "from \(PartialDate(dayNumber: $0.from)) to \(PartialDate(dayNumber: $0.to)) (\($0.to - $0.from) days)" }.joined(separator: ", ")) — change then is natural history, not a regimen's",
                zh: "；其间\(breaks.map { "\(PartialDate(dayNumber: $0.from)) 至 \(PartialDate(dayNumber: $0.to))（\($0.to - $0.from) 天）" }.joined(separator: "、"))无全身治疗——这段时间的变化属于疾病自然进程，不归于任何方案")
        return LocalizedText(
            en: "; systemic therapy switched within this interval (of its \(total) days: \(list.en))\(breakText.en): the change between the two studies is not one regimen's alone — a study at the switch would separate them",
            zh: "；本区间内更换了全身治疗（共 \(total) 天：\(list.zhHans)）\(breakText.zhHans)：两次检查之间的变化不能单独归于任一方案——换药时复查影像方可区分")
    }

    /// The maintenance phase of a regimen: the next row keeps some of its drugs and adds none,
    /// starting within `regimenGapDays` of its end, which was not for progression — the same
    /// line of therapy, not a switch. Pembrolizumab + carboplatin + paclitaxel, then pembrolizumab
    /// alone from the next day, read "systemic therapy switched within this interval … a study at
    /// the switch would separate them" (unseen record cb64-x).
    static func isMaintenance(_ new: Treatment, of old: Treatment, gapDays: Int) -> Bool {
        guard old.stopReason != .progression, let end = old.end, let start = new.start,
              start.earliestDay - end.latestDay <= gapDays else { return false }
        let before = CaseIndex.drugKey(old), after = CaseIndex.drugKey(new)
        return !after.isEmpty && after.count < before.count && after.isSubset(of: before)
    }

    /// The stretches between `from` and `to` (day numbers) that no regimen covers and that are
    /// longer than `days`, between two regimens (the ends are `untreatedHead` / `untreatedTail`'s).
    static func breaks(_ regimens: [Treatment], from: Int, to: Int, longerThan days: Int) -> [(from: Int, to: Int)] {
        let spans = regimens.compactMap { regimen -> (Int, Int)? in
            guard let start = regimen.start else { return nil }
            return (max(start.earliestDay, from), min(regimen.end?.latestDay ?? to, to))
        }.filter { $0.0 < $0.1 }.sorted { $0.0 < $1.0 }
        var result: [(from: Int, to: Int)] = []
        var covered: Int? = nil
        for (start, end) in spans {
            if let reached = covered, start - reached > days { result.append((reached, start)) }
            covered = max(covered ?? end, end)
        }
        return result
    }
}
