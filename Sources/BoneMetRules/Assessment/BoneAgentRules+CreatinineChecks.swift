/// Zoledronic acid and pamidronate between doses: the creatinine the label asks for before each
/// one, and a clearance fallen below 30 since the baseline.
extension BoneAgentRules {
    /// A course still running on a schedule whose latest creatinine is older than one interval and
    /// two weeks: at least one dose has been given (or is due) with none measured before it, where
    /// the label asks for serum creatinine before every dose (reference.md: withhold when it rose
    /// ≥ 0.5 mg/dL from a normal baseline, ≥ 1.0 from an abnormal one). Zoledronic acid every 12
    /// weeks for 20 months on the creatinine of the first week read only "check serum creatinine
    /// before every dose" (cb28-l). The two weeks allow for a result not yet entered. The day it
    /// turns is registered with the re-assessment horizon (`known`), and the text names dates only.
    /// Pamidronate's label asks the same (Aredia: serum creatinine before each treatment, the same
    /// withholding rule): a myeloma's monthly pamidronate on a creatinine of six months before was
    /// silent (unseen record cb91-c, rule set 2026.12.328).
    func creatinineDue(_ agent: Treatment) -> Finding? {
        guard !agent.planned, let start = agent.start, index.known(start), let weeks = agent.intervalWeeks,
            agent.end.map(index.stillRunning(until:)) ?? true, Self.renalHold(agent, index: index) == nil,
            let latest = index.latestLab(.creatinine), let mgDl = latest.canonicalValue
        else { return nil }
        let since = max(latest.date.latestDay, start.latestDay)
        guard index.known(PartialDate(dayNumber: since + weeks * 7 + 14)) else { return nil }
        let every = String(weeks)
        let value = CaseIndex.creatinineText(latest, mgDl: mgDl)
        let pamidronate = agent.agent == .pamidronate
        let drug = (pamidronate ? BoneAgent.pamidronate : BoneAgent.zoledronicAcid).label
        // A laboratory eGFR since: the kidneys were checked, but the label's rule reads the
        // creatinine it was computed from. A breast cancer's monthly course, eGFR 58 a month
        // before, read "no serum creatinine on record since 2024-03-22" as if nothing had been
        // measured in two years (unseen record cb78-f).
        let egfr = index.latestLab(.egfr).flatMap { lab in lab.date.earliestDay > latest.date.latestDay ? lab : nil }
        let egfrText = egfr.flatMap { lab in lab.canonicalValue.map { (lab.date, CaseIndex.format($0)) } }
        var title = LocalizedText(
            en: "\(drug.en.sentenceStart): no serum creatinine on record since \(latest.date) — check it before the next dose",
            zh: "\(drug.zhHans)：\(latest.date) 后无血肌酐记录——下次给药前请复查")
        var detail = LocalizedText(
            en: "The course runs every \(every) weeks; the latest creatinine on record is \(value) of \(latest.date). The label asks for serum creatinine before every dose: withhold the dose if it rose ≥ 0.5 mg/dL from a normal baseline (≥ 1.0 from an abnormal one), resume when back within 10 % of baseline. Record each dose's creatinine.",
            zh: "疗程为每 \(every) 周一次；病历中最近一次血肌酐为 \(latest.date) 的 \(value)。说明书要求每次给药前检查血肌酐：较正常基线升高 ≥0.5 mg/dL（异常基线升高 ≥1.0 mg/dL）时暂停给药，回落至基线 10% 以内后恢复。请记录每次给药前的血肌酐。")
        if let (date, number) = egfrText {
            title = LocalizedText(
                en: "\(drug.en.sentenceStart): the serum creatinine behind the eGFR of \(date) is not on record — record it before the next dose",
                zh: "\(drug.zhHans)：\(date) eGFR 所依据的血肌酐未记录——下次给药前请记录")
            detail = LocalizedText(
                en: "\(detail.en) An eGFR of \(number) mL/min/1.73 m² of \(date) is on record: the withholding rule compares serum creatinine with its baseline (\(value) of \(latest.date)) — record the creatinine the laboratory computed it from.",
                zh: "\(detail.zhHans)病历中有 \(date) 的 eGFR \(number) mL/min/1.73 m²：暂停给药的标准比较的是血肌酐与基线（\(latest.date) 的 \(value)）——请记录检验科计算该值所用的血肌酐。")
        }
        return Finding(
            ruleId: pamidronate ? "boneAgents.pamidronate.creatinineDue" : "boneAgents.zoledronic.creatinineDue",
            severity: .advisory, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: latest.date,
            title: title,
            detail: detail,
            inputs: [FindingInput("latestCreatinine", latest.date.description), FindingInput("intervalWeeks", every)]
                + (egfr.map { [FindingInput("latestEgfr", $0.date.description)] } ?? []),
            sources: [pamidronate ? Self.arediaRenal : Sources.zometaLabel])
    }

    /// The kidneys failed since the baseline, short of the rise that withholds it: the next dose
    /// is not called due (`zoledronicBarred`), and the dose finding says why. Creatinine 1.5 →
    /// 2.4 mg/dL (CrCl 41.5 → 25.9) read "3.3 mg for CrCl 41.5" and nothing else — no dose due, no
    /// reason (unseen record cb128-a, 2026-12-06).
    func clearanceFallenBelow30(since baseline: PartialDate) -> LocalizedText? {
        index.creatinineClearance().flatMap { latest in
            guard latest.date.earliestDay > baseline.latestDay, latest.value < 30 else { return nil }
            let value = String(describing: latest.value)
            return LocalizedText(
                en: " Since then creatinine is \(latest.creatinineAsReported) (\(latest.date)): CrCl \(value) mL/min (< 30) — not the rise that withholds it by the label (≥ 0.5 mg/dL over a normal baseline, ≥ 1.0 over an abnormal one), but a kidney function at which the label does not recommend zoledronic acid: no next dose is called due; medical oncology decides whether the course goes on (denosumab needs no renal adjustment, with its boxed warning of severe hypocalcaemia below 30).",
                zh: "此后血肌酐为 \(latest.creatinineAsReported)（\(latest.date)）：肌酐清除率 \(value) mL/min（< 30）——未达说明书暂停给药的升幅（正常基线升高 ≥0.5 mg/dL，异常基线 ≥1.0 mg/dL），但已处于说明书不推荐唑来膦酸的肾功能：不提示下一剂到期；是否继续由肿瘤内科决定（地舒单抗无需按肾功能调整，但 < 30 时有严重低钙血症的黑框警告）。")
        }
    }
}
