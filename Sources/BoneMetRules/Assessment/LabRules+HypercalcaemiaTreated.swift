/// Hypercalcaemia already treated. The finding recommended "treat now: saline, then zoledronic
/// acid 4 mg" while the record held the 4 mg given three days before and a calcium falling from
/// 15.1 to 12.3 mg/dL: a treated episode is followed, not treated again. The Zometa label
/// allows retreatment (4 mg) when calcium does not return to normal, after at least 7 days;
/// denosumab is for hypercalcaemia refractory to a bisphosphonate (reference.md, Stewart 2005).
extension LabRules {
    struct Treated {
        let agent: Treatment
        let day: PartialDate
        /// The highest corrected calcium of the episode before the dose, when on record.
        let before: CaseIndex.CorrectedCalcium?
        /// Bone-agent doses given in the episode: several with no calcium since the first were
        /// read as one ("treated: zoledronic acid on 2026-10-29" after three monthly doses).
        var doses = 1
        /// A bisphosphonate given in the 7 days before the episode's first high calcium (an SRE
        /// dose days before): the label's 7 days before retreatment run from it too.
        var beforeEpisode = false
    }

    /// The last bone-agent dose of this episode: since the last normal calcium (or the
    /// hypercalcaemia event after it), up to the assessment date.
    func treatedEpisode(latest: CaseIndex.CorrectedCalcium) -> Treated? {
        let history = index.correctedCalciumHistory()
        let lastNormal = history.last { !$0.aboveUpperLimit && $0.date < latest.date }
        let sinceDay = lastNormal?.date.latestDay ?? Int.min
        let episode = history.filter { $0.aboveUpperLimit && $0.date.earliestDay > sinceDay }
        let events = index.record.events.filter { $0.kind == .hypercalcaemia && $0.date.earliestDay > sinceDay }
        guard let start = (episode.map(\.date) + events.map(\.date)).min() else { return nil }
        let doses = index.treatments
            .filter { $0.kind == .boneModifyingAgent && !$0.planned && $0.agent != nil }
            .flatMap { agent in agent.givenDoses.map { (agent: agent, day: $0) } }
            .filter { $0.day.latestDay >= start.earliestDay && index.known($0.day) }
        guard let last = doses.max(by: { $0.day < $1.day }) else {
            // Zoledronic acid (or pamidronate) 4 mg given days before the high calcium: "then
            // zoledronic acid 4 mg" asked for a second dose within the week of the first — the
            // Zometa label waits at least 7 days before retreatment (unseen record cb80-ae: the
            // 12-weekly dose on 2026-11-20, calcium 3.3 mmol/L on 11-25).
            let bisphosphonates: [Treatment] = index.treatments.filter { agent in
                (agent.agent == .zoledronicAcid || agent.agent == .pamidronate) && !agent.planned && !agent.isBoneLossDose
            }
            var recent: (agent: Treatment, day: PartialDate)?
            for agent in bisphosphonates {
                for day in agent.givenDoses where index.known(day) {
                    let within = day.latestDay < start.earliestDay && day.latestDay + 7 > start.earliestDay
                    if within, recent.map({ $0.day < day }) ?? true { recent = (agent, day) }
                }
            }
            return recent.map { Treated(agent: $0.agent, day: $0.day, before: nil, beforeEpisode: true) }
        }
        let before = episode.filter { $0.date.earliestDay <= last.day.latestDay }.max { $0.mgDl < $1.mgDl }
        return Treated(agent: last.agent, day: last.day, before: before, doses: doses.count)
    }

    /// What to do after the dose, in place of "treat now".
    func treatedText(_ treated: Treated, latest: CaseIndex.CorrectedCalcium) -> LocalizedText {
        let agent = treated.agent.agent ?? .other
        // Several doses since the high calcium and none measured: the course has gone on at its
        // schedule — retreatment advice for that value is stale. A mild calcium of 14 months
        // before, six 12-weekly doses since, read "still above normal 7 days or more after the
        // dose, retreat (zoledronic acid 4 mg)" (unseen record cb81-o2, 2026.12.315).
        let unmeasuredSince = !treated.beforeEpisode && treated.doses > 1 && latest.date.latestDay < treated.day.earliestDay
        let course: LocalizedText
        if treated.beforeEpisode || unmeasuredSince {
            course = LocalizedText(en: "", zh: "")
        } else if let before = treated.before, latest.date > treated.day {
            let trend = latest.mgDl < before.mgDl
                ? LocalizedText(en: "falling", zh: "下降中") : LocalizedText(en: "not falling", zh: "未下降")
            course = LocalizedText(
                en: " Corrected calcium \(CaseIndex.format(before.mgDl)) mg/dL (\(before.mmolText) mmol/L) on \(before.date) before it, \(CaseIndex.format(latest.mgDl)) (\(latest.mmolText)) on \(latest.date): \(trend.en).",
                zh: "用药前 \(before.date) 校正血钙 \(CaseIndex.format(before.mgDl)) mg/dL（\(before.mmolText) mmol/L），\(latest.date) \(CaseIndex.format(latest.mgDl))（\(latest.mmolText)）：\(trend.zhHans)。")
        } else {
            course = LocalizedText(en: " No calcium on record since the dose.", zh: "用药后无血钙记录。")
        }
        let retreat = treated.day.adding(days: 7)
        // The label's retreatment (4 mg, no CrCl adjustment) is for its hypercalcaemia of
        // malignancy — corrected calcium ≥ 12 mg/dL, or the episode recorded as an event
        // (`hypercalcaemia(atDose:)`). Below it the dose is the course's, by CrCl: a myeloma's
        // mild episode (11.5 mg/dL), zoledronic acid 4 mg four days later at CrCl 41, read
        // "retreat (zoledronic acid 4 mg, label)" beside "3.3 mg for CrCl 41 (ordered 4.0 mg)"
        // (unseen bundle ehr10).
        let labelEpisode = index.hypercalcaemia(atDose: treated.day) != nil || latest.mgDl >= CaseIndex.labelHypercalcaemiaMgDl
        let retreatDose = labelEpisode
            ? LocalizedText(en: "zoledronic acid 4 mg", zh: "唑来膦酸 4 mg")
            : LocalizedText(
                en: "zoledronic acid at the dose for the CrCl: the label's 4 mg for hypercalcaemia is for corrected calcium ≥ 12 mg/dL",
                zh: "唑来膦酸按肌酐清除率对应剂量：说明书高钙血症剂量 4 mg 适用于校正血钙 ≥12 mg/dL")
        let next: LocalizedText
        if agent == .denosumab {
            next = LocalizedText(
                en: " Keep hydrating and recheck calcium; further treatment is medical oncology's decision.",
                zh: "继续补液并复查血钙；后续治疗由肿瘤内科决定。")
        } else if latest.aboveUpperLimit, latest.date.earliestDay >= retreat.earliestDay {
            // Measured already 7 days or more after the dose and still high: the label's condition
            // for retreatment is met — said, not asked for again ("recheck calcium: still above
            // normal 7 days or more after the dose, retreat" beside a calcium of day 10 above it;
            // unseen record cb77-ad).
            let days = latest.date.earliestDay - treated.day.latestDay
            next = LocalizedText(
                en: " Still above normal \(days) days after the dose: \(labelEpisode ? "the label allows retreatment" : "it may be given again") (\(retreatDose.en)), or give denosumab (hypercalcaemia refractory to a bisphosphonate) — medical oncology decides; keep hydrating.",
                zh: "用药后 \(days) 天仍高于正常：\(labelEpisode ? "说明书允许再次给药" : "可再次给药")（\(retreatDose.zhHans)），或改用地舒单抗（双膦酸盐难治性高钙血症）——由肿瘤内科决定；继续补液。")
        } else if unmeasuredSince {
            next = LocalizedText(
                en: " \(treated.doses) doses have been given since this calcium and none measured: measure calcium (and albumin) now — act on the value measured.",
                zh: "此次血钙后已给药 \(treated.doses) 次且未再测血钙：请立即复查血钙（及白蛋白）——按实测值处理。")
        } else if index.known(retreat) {
            next = LocalizedText(
                en: " Recheck calcium: still above normal 7 days or more after the dose, retreat (\(retreatDose.en)\(labelEpisode ? ", label" : "")) or give denosumab (hypercalcaemia refractory to a bisphosphonate).",
                zh: "复查血钙：用药 7 天及以后仍高于正常，可再次给药（\(retreatDose.zhHans)\(labelEpisode ? "，说明书" : "")）或改用地舒单抗（双膦酸盐难治性高钙血症）。")
        } else {
            next = LocalizedText(
                en: " Keep hydrating and recheck calcium; no repeat dose before \(retreat) (label: at least 7 days), and only if calcium does not return to normal.",
                zh: "继续补液并复查血钙；\(retreat) 前不重复给药（说明书：至少间隔 7 天），且仅在血钙未恢复正常时重复。")
        }
        if treated.beforeEpisode {
            let days = treated.day.days(to: latest.date)
            return LocalizedText(
                en: "\(agent.label.en.sentenceStart) was given on \(treated.day), \(days) days before this calcium.\(next.en)",
                zh: "\(treated.day) 已给予\(agent.label.zhHans)，在本次血钙前 \(days) 天。\(next.zhHans)")
        }
        return LocalizedText(
            en: "Treated: \(agent.label.en) on \(treated.day)\(treated.doses > 1 ? " (\(treated.doses) doses since the high calcium, this the last)" : "").\(course.en)\(next.en)",
            zh: "已治疗：\(treated.day) \(agent.label.zhHans)\(treated.doses > 1 ? "（高血钙后共 \(treated.doses) 次，此为末次）" : "")。\(course.zhHans)\(next.zhHans)")
    }
}
