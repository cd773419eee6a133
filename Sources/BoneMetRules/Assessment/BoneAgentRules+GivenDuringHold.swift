/// Doses given during a renal hold that is over (rule set 2026.12.216).
extension BoneAgentRules {
    /// Doses of zoledronic acid or pamidronate given while a renal hold was open, the hold since
    /// closed by a creatinine back within 10 % of baseline (Zometa and Aredia labels: withhold
    /// after a rise of 0.5 mg/dL over a normal baseline, 1.0 over an abnormal one; resume when
    /// back within 10 %). While the hold is open its finding names them; once it closed they were
    /// forgotten — a breast cancer's creatinine rose 72 → 118 µmol/L and three doses were given
    /// before it came back, and the course read only "4.0 mg for CrCl 60.5" (cb45-a). Said as
    /// history with what it asks now: creatinine before every dose, and the reason recorded if
    /// the doses were given on purpose.
    func givenDuringClosedHoldFinding(_ agent: Treatment) -> Finding? {
        let holds = Self.renalHolds(agent, index: index)
        let episodes = holds.closed.compactMap { hold -> (ClosedRenalHold, [PartialDate])? in
            let during = agent.givenDoses.filter { dose in
                index.known(dose) && dose.earliestDay > hold.trigger.date.latestDay && dose.latestDay < hold.closedBy.date.earliestDay
            }.sorted()
            return during.isEmpty ? nil : (hold, during)
        }
        guard !episodes.isEmpty else { return nil }
        let name = agent.agent?.label ?? LocalizedText(en: "the agent", zh: "该药")
        let parts = episodes.map { hold, during -> LocalizedText in
            func text(_ lab: LabResult) -> String { CaseIndex.creatinineText(lab, mgDl: lab.canonicalValue ?? 0) }
            let doses = during.map(String.init(describing:))
            let peak = hold.peak.date == hold.trigger.date
                ? LocalizedText(en: "", zh: "")
                : LocalizedText(en: ", up to \(text(hold.peak)) on \(hold.peak.date)", zh: "，最高 \(text(hold.peak))（\(hold.peak.date)）")
            return LocalizedText(
                en: "creatinine rose from a baseline of \(text(hold.baselineLab)) to \(text(hold.trigger)) on \(hold.trigger.date)\(peak.en), and was back within 10 % of baseline on \(hold.closedBy.date) (\(text(hold.closedBy))); given meanwhile: \(doses.joined(separator: ", "))",
                zh: "血肌酐自基线 \(text(hold.baselineLab)) 升至 \(text(hold.trigger))（\(hold.trigger.date)）\(peak.zhHans)，\(hold.closedBy.date) 回落至基线 10% 以内（\(text(hold.closedBy))）；期间仍给药：\(doses.joined(separator: "、"))")
        }
        let all = LocalizedText.joined(parts, en: "; ", zh: "；")
        // With a hold open again, its own finding says what to do now.
        let now = holds.open != nil
            ? LocalizedText(en: "", zh: "")
            : LocalizedText(en: " Now back: resume at the same dose, with serum creatinine before every dose.", zh: "现已回落：按原剂量恢复，每次给药前查血肌酐。")
        let source = agent.agent == .pamidronate ? Self.arediaRenal : Sources.zometaLabel
        return Finding(
            ruleId: "boneAgents.givenDuringRenalHold", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: episodes.last?.0.closedBy.date ?? index.assessedOn,
            title: LocalizedText(
                en: "\(name.en.sentenceStart) given while the label withheld it for a creatinine rise",
                zh: "说明书因血肌酐升高要求暂停期间仍给予\(name.zhHans)"),
            detail: LocalizedText(
                en: "\(all.en.sentenceStart). The label withholds it after a rise of 0.5 mg/dL over a normal baseline (1.0 over an abnormal one) until creatinine is back within 10 % of baseline: these doses were given on a worse kidney.\(now.en) If they were given on purpose, record the reason.",
                zh: "\(all.zhHans)。说明书规定：基线正常时血肌酐升高 0.5 mg/dL（基线异常时 1.0）即暂停，直至回落至基线 10% 以内；上述各剂是在肾功能变差时给予的。\(now.zhHans)若为有意给药，请记录理由。"),
            inputs: [FindingInput("dosesDuringHold", episodes.flatMap { $0.1 }.map(String.init(describing:)).joined(separator: ","))],
            sources: [source])
    }
}
