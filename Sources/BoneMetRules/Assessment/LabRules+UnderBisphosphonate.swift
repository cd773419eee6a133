/// A hypercalcaemia that arose under a running bisphosphonate course. Unseen record cb106-c
/// (2026-12-06): a triple-negative breast cancer on zoledronic acid 4 mg every 4 weeks, last dose
/// 24 days before a corrected calcium of 12.2 mg/dL; the finding said "treat now: … zoledronic
/// acid 4 mg … — denosumab when refractory" as if no agent ran, while the same advice named the
/// running denosumab (cb23-x, rule set .147). Hypercalcaemia arising under a bisphosphonate is
/// the case where denosumab is the alternative (reference.md, Stewart 2005: "denosumab when
/// refractory"); the Zometa label allows a hypercalcaemia dose 7 days or more after the last.
extension LabRules {
    /// The zoledronic acid or pamidronate course running on the calcium's day — not planned, not
    /// ended before it, not the bone-loss dose — whose last dose before the calcium is 7 days or
    /// more before it (a dose within the week is `treatedEpisode`'s `beforeEpisode`) and whose
    /// next dose was not missed by more than `regimenGapDays` (a lapsed course is not "running").
    func underBisphosphonate(_ calcium: CaseIndex.CorrectedCalcium) -> LocalizedText? {
        let day = calcium.date.earliestDay
        var found: (agent: Treatment, last: PartialDate)?
        for agent in index.treatments where agent.kind == .boneModifyingAgent && !agent.planned && !agent.isBoneLossDose {
            guard agent.agent == .zoledronicAcid || agent.agent == .pamidronate else { continue }
            if let end = agent.end, end.latestDay < day { continue }
            guard let last = agent.givenDoses.filter({ index.known($0) && $0.latestDay <= day }).max(),
                  last.latestDay + 7 <= day else { continue }
            let due = last.latestDay + (agent.intervalWeeks ?? 4) * 7
            guard due + index.settings.regimenGapDays >= day else { continue }
            if found.map({ $0.last < last }) ?? true { found = (agent, last) }
        }
        guard let (agent, last) = found, let name = agent.agent?.label else { return nil }
        let days = day - last.latestDay
        let interval = agent.intervalWeeks.map {
            LocalizedText(en: ", every \($0) weeks", zh: "，每 \($0) 周")
        } ?? LocalizedText(en: "", zh: "")
        return LocalizedText(
            en: " \(name.en.sentenceStart) is running (last dose \(last)\(interval.en), \(days) days before this calcium): this hypercalcaemia arose under it — a hypercalcaemia dose of it (the label allows one 7 days or more after the last) or denosumab, as for hypercalcaemia refractory to a bisphosphonate; medical oncology decides.",
            zh: "\(name.zhHans)正在使用（末次给药 \(last)\(interval.zhHans)，在本次血钙前 \(days) 天）：本次高钙血症发生于其使用期间——再给一次其高钙血症剂量（说明书允许距末次 7 天及以上）或改用地舒单抗（按双膦酸盐难治性高钙血症处理），由肿瘤内科决定。")
    }
}
