/// The baseline zoledronic acid is dosed from: the CrCl before its first dose (the first dose
/// given with calcium normal, for a course begun in hypercalcaemia), and how old it is (kept out
/// of BoneAgentRules+Zoledronic.swift, which had grown past 40 KB).
extension BoneAgentRules {
    /// The CrCl a course is dosed from: before its first dose when that is on record, else the
    /// latest (and whether it was the baseline). A course begun in hypercalcaemia — given as the
    /// label's 4 mg for it, not adjusted for CrCl — begins SRE prevention, which the CrCl bands
    /// dose, at its first dose given with calcium normal: the baseline is that dose's creatinine,
    /// and while every dose so far was in hypercalcaemia, the latest (`sreStart`). A myeloma given
    /// 4 mg at a corrected calcium of 12.4 mg/dL with creatinine 1.7 mg/dL (dehydrated: CrCl 29.5),
    /// then every 4 weeks at calcium normal and CrCl 40, read "Zoledronic acid not recommended:
    /// CrCl 29.5 — do not give" (cb20-l, 2026.12.106).
    static func dosingClearance(
        _ agent: Treatment, index: CaseIndex
    ) -> (clearance: CaseIndex.Clearance, baseline: Bool, sreStart: SREStart?)? {
        if !agent.planned, let start = agent.start {
            if let prevention = sreStart(agent, index: index) {
                if case .firstDose(let day) = prevention, let baseline = index.creatinineClearance(onOrBefore: day) {
                    return (baseline, true, prevention)
                }
                if case .notYet = prevention, let latest = index.creatinineClearance() { return (latest, false, .notYet) }
            }
            if let baseline = index.creatinineClearance(onOrBefore: start) { return (baseline, true, nil) }
        }
        return index.creatinineClearance().map { ($0, false, nil) }
    }

    /// A baseline creatinine measured before the first dose within one dose's span — the course's
    /// interval (the label's 4 weeks when not recorded) and two weeks, as `creatinineDue` reads
    /// "before every dose". An older one still serves as the baseline (a hold that might be real
    /// is not dropped), but is said with its age and the dose the latest creatinine gives: a
    /// creatinine of three years before the first dose set "4.0 mg from the baseline CrCl 68.8"
    /// and an urgent hold for a rise of 0.55 mg/dL, the kidneys unmeasured since (unseen record
    /// cb81-ae, 2026.12.315).
    static func isBaseline(_ date: PartialDate, before start: PartialDate, agent: Treatment) -> Bool {
        start.earliestDay - date.latestDay <= (agent.intervalWeeks ?? 4) * 7 + 14
    }

    /// How long before the first dose a baseline older than one dose's span (`isBaseline`) was
    /// measured — "3 years", "4 months", "50 days"; nil for a baseline in time.
    static func staleBaselineAge(_ date: PartialDate?, agent: Treatment) -> LocalizedText? {
        guard let date, !agent.planned, let start = agent.firstDay, !isBaseline(date, before: start, agent: agent) else { return nil }
        return .elapsed(days: start.earliestDay - date.latestDay)
    }

    /// Where SRE prevention began in a course begun in hypercalcaemia.
    enum SREStart {
        case firstDose(PartialDate)
        case notYet
    }

    /// A course whose first dose was given in hypercalcaemia: its first dose given with calcium
    /// normal (SRE prevention's start), or `.notYet`; nil for a course begun with calcium normal.
    static func sreStart(_ agent: Treatment, index: CaseIndex) -> SREStart? {
        let given = agent.givenDoses.filter(index.known).sorted()
        guard !agent.planned, let first = given.first, index.hypercalcaemia(atDose: first) != nil else { return nil }
        let prevention = given.indices.dropFirst().first { index.hypercalcaemia(atDose: given[$0], previousDose: given[$0 - 1]) == nil }
        return prevention.map { .firstDose(given[$0]) } ?? .notYet
    }

    /// The dose a withheld course resumes at (Zometa label: the dose given before the hold, set by
    /// the baseline CrCl). When the course records another dose than the label's for that CrCl,
    /// both are said — "at the same dose as before (3.0 mg)" was read for a course given 4 mg;
    /// without a CrCl, what is missing for it.
    static func resumeDose(_ agent: Treatment, band: ZoledronicAcid.DoseBand?, clearance: CaseIndex.Clearance?) -> LocalizedText {
        guard let band, let clearance else {
            return LocalizedText(
                en: "at the dose for the baseline CrCl (it cannot be computed: record weight, sex and birth date)",
                zh: "按基线肌酐清除率对应的剂量恢复（无法计算：请记录体重、性别和出生日期）")
        }
        // With the weight (and its date) and the age the formula took, as the dose finding says
        // them: a baseline CrCl from a weight a year after the first dose could not be checked.
        let weight = clearance.weight.map { w in
            LocalizedText(en: "weight \(CaseIndex.format(w.kg)) kg on \(w.date)", zh: "\(w.date) 体重 \(CaseIndex.format(w.kg)) kg")
        }
        let age = clearance.ageYears.map { LocalizedText(en: "age \($0)", zh: "年龄 \($0) 岁") }
        let inputs = LocalizedText.joined([weight, age].compactMap { $0 }, en: ", ", zh: "，")
        let crcl = LocalizedText(
            en: "\(String(describing: clearance.value)) mL/min\(inputs.en.isEmpty ? "" : " — \(inputs.en)")",
            zh: "\(String(describing: clearance.value)) mL/min\(inputs.zhHans.isEmpty ? "" : "，\(inputs.zhHans)")")
        guard let dose = band.doseMg else {
            return LocalizedText(
                en: "if at all — the label does not recommend zoledronic acid at the baseline CrCl \(crcl.en) (< 30)",
                zh: "再考虑是否恢复——基线肌酐清除率 \(crcl.zhHans)（< 30）时说明书不推荐唑来膦酸")
        }
        let label = String(describing: dose)
        if let ordered = agent.doseMg, abs(ordered - dose) > 0.001 {
            let given = String(describing: ordered)
            return LocalizedText(
                en: "at the label's dose for the baseline CrCl \(crcl.en): \(label) mg — the course records \(given) mg, which is not that dose",
                zh: "按基线肌酐清除率 \(crcl.zhHans) 对应的说明书剂量 \(label) mg 恢复——病历记录的剂量为 \(given) mg，与之不符")
        }
        return LocalizedText(
            en: "at the same dose as before: \(label) mg, from the baseline CrCl \(crcl.en)",
            zh: "按原剂量恢复：\(label) mg，依据基线肌酐清除率 \(crcl.zhHans)")
    }
}
