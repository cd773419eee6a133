/// A regimen whose start or end is recorded to the month (or year) only, in the month of one of
/// the interval's studies: whether it ran before or after that study the record cannot say, so
/// whose interval this is cannot be said either. A breast cancer's letrozole "ended 2025-10" and
/// fulvestrant + palbociclib "began 2025-10", the CT of 2025-10-05 between them: the PD from April
/// to October listed fulvestrant in its window and the PR after it letrozole, with no word of
/// either — with the days recorded, the switch was said (unseen record cb104-f, varied).
extension ResponseRules {
    func undatedBoundary(_ point: TimePointResponse) -> LocalizedText? {
        let systemic = point.treatments.compactMap { id in index.treatments.first { $0.id == id && $0.kind == .systemic } }
        let bounds = [point.from, point.to]
        var parts: [LocalizedText] = []
        for regimen in systemic {
            for (date, began) in [(regimen.start, true), (regimen.end, false)] {
                guard let date, date.earliestDay != date.latestDay,
                    let study = bounds.first(where: { $0.earliestDay <= date.latestDay && date.earliestDay <= $0.latestDay })
                else { continue }
                parts.append(LocalizedText(
                    en: "\(regimen.displayName.en) \(began ? "began" : "ended") in \(date) (no day recorded): before or after the study of \(study) is not known",
                    zh: "\(regimen.displayName.zhHans)\(began ? "开始" : "结束")时间仅记录为 \(date)（无具体日期）：无法判断在 \(study) 检查之前还是之后"))
            }
        }
        guard !parts.isEmpty else { return nil }
        let list = LocalizedText.joined(parts, en: "; ", zh: "；")
        return LocalizedText(
            en: "; \(list.en) — record the day to say whose interval this is",
            zh: "；\(list.zhHans)——请补录具体日期，以确定本区间的疗效归属")
    }
}
