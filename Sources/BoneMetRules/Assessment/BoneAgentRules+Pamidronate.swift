/// Pamidronate against its label (rule set 2026.12.157). A myeloma on pamidronate 90 mg every 4
/// weeks with creatinine 2.6 mg/dL (CrCl 22 mL/min) drew only "dose due" (cb24-z): no rule read
/// pamidronate's kidney at all. The Aredia label: single doses not above 90 mg (boxed, renal
/// deterioration to failure); serum creatinine before each treatment, the dose withheld when renal
/// function has deteriorated; in bone metastases not recommended in severe renal impairment
/// (creatinine clearance < 30 mL/min; creatinine > 3 mg/dL was not studied).
extension BoneAgentRules {
    static let aredia = Citation(
        id: "aredia",
        text: "Aredia (pamidronate) prescribing information: single doses not above 90 mg (renal deterioration); serum creatinine before each treatment; not recommended for bone metastases in severe renal impairment (CrCl < 30 mL/min)",
        zh: "Aredia（帕米膦酸二钠）说明书：单次剂量不超过 90 mg（肾功能恶化）；每次治疗前查血肌酐；骨转移患者重度肾功能不全（CrCl < 30 mL/min）时不推荐使用")
    /// The label's largest single dose (mg). Its severe renal impairment is `kidneyBelow30`'s.
    static let pamidronateMaxDoseMg = 90.0

    func pamidronate(_ agent: Treatment) -> Finding? {
        guard agent.agent == .pamidronate else { return nil }
        var reasons: [LocalizedText] = []
        if let dose = agent.doseMg, dose > Self.pamidronateMaxDoseMg {
            reasons.append(LocalizedText(
                en: "the dose recorded, \(CaseIndex.format(dose)) mg, is above the label's single-dose limit of 90 mg (renal deterioration, up to failure)",
                zh: "记录剂量 \(CaseIndex.format(dose)) mg 超过说明书单次 90 mg 的上限（可致肾功能恶化乃至衰竭）"))
        }
        let clearance = index.creatinineClearance()
        let kidney = kidneyBelow30(clearance: clearance)
        if let kidney {
            reasons.append(LocalizedText(
                en: "kidney function \(kidney.measure.en) (< 30): the label does not recommend it for bone metastases in severe renal impairment (creatinine above 3 mg/dL was not studied)",
                zh: "肾功能 \(kidney.measure.zhHans)（< 30）：说明书不推荐骨转移患者在重度肾功能不全时使用（未研究血肌酐 > 3 mg/dL 者）"))
        }
        guard !reasons.isEmpty else { return nil }
        let list = LocalizedText.joined(reasons, en: "; ", zh: "；")
        let denosumab = denosumabAlternative()
        return Finding(
            ruleId: "boneAgents.pamidronate.label", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: index.assessedOn,
            title: LocalizedText(en: "Pamidronate outside its label", zh: "帕米膦酸二钠超出说明书用法"),
            detail: LocalizedText(
                en: "\(agent.label.en): \(list.en). Serum creatinine before each dose; withhold it when renal function has deteriorated. Alternative: \(denosumab.en). The choice is medical oncology's.",
                zh: "\(agent.label.zhHans)：\(list.zhHans)。每次给药前查血肌酐；肾功能恶化时暂停。替代药物：\(denosumab.zhHans)。由肿瘤内科决定。"),
            inputs: [FindingInput("doseMg", agent.doseMg.map(CaseIndex.format) ?? "unknown"), FindingInput("crclMlMin", clearance.map { CaseIndex.format($0.value) } ?? "unknown")],
            sources: [Self.aredia, Sources.cockcroftGault1976] + (kidney == nil ? [] : [Self.xgevaLabel]),
            claims: kidney == nil ? [] : [Claim(.boneAgentTiming, about: agent.id, "withhold")])
    }

    static let arediaRenal = Citation(
        id: "arediaRenal",
        text: "Aredia (pamidronate) prescribing information: renal deterioration — a rise in serum creatinine of 0.5 mg/dL (normal baseline < 1.4 mg/dL) or 1.0 mg/dL (abnormal baseline); in bone metastases withhold until renal function returns to baseline",
        zh: "Aredia（帕米膦酸二钠）说明书：肾功能恶化——血肌酐升高 0.5 mg/dL（基线正常 < 1.4 mg/dL）或 1.0 mg/dL（基线异常）；骨转移患者应暂停至肾功能恢复至基线")

    /// Pamidronate withheld on renal deterioration (rule set 2026.12.173): the Aredia label defines
    /// it as zoledronic acid's does — a rise of 0.5 mg/dL over a normal baseline (< 1.4), 1.0 over
    /// an abnormal one — and withholds the drug in bone metastases until renal function is back to
    /// baseline (read, as zoledronic acid's, as within 10 % of it). A pamidronate course whose
    /// creatinine rose 0.9 → 1.6 mg/dL drew only "dose due" (cb25-y): `renalHold` followed
    /// zoledronic acid alone.
    func pamidronateRenalHold(_ agent: Treatment) -> Finding? {
        guard agent.agent == .pamidronate, let renal = Self.renalHold(agent, index: index) else { return nil }
        let text = renalHoldText(renal, agent: agent)
        let alternative = holdAlternative()
        return Finding(
            ruleId: "boneAgents.pamidronate.renalHold", severity: .urgent, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: renal.current.date, title: text.title,
            detail: LocalizedText(
                en: "\(text.state.en)\(text.givenDuring.en) Resume when creatinine is back to baseline (≤ \(text.resume)). \(alternative.en)",
                zh: "\(text.state.zhHans)\(text.givenDuring.zhHans)血肌酐恢复至基线（≤\(text.resume)）后恢复用药。\(alternative.zhHans)"),
            inputs: [
                FindingInput("baselineCreatinineMgDl", String(describing: renal.baseline)),
                FindingInput("currentCreatinineMgDl", renal.current.canonicalValue.map { String(describing: $0) } ?? "unknown"),
            ],
            sources: [Self.arediaRenal],
            claims: [Claim(.boneAgentTiming, about: agent.id, "withhold")])
    }
}

extension BoneAgentRules {
    /// Pamidronate with no serum creatinine on record at all (rule set 2026.12.328). The Aredia
    /// label asks for it before each treatment, withholds the drug when it has risen and does not
    /// recommend it in severe renal impairment — none of which can be judged without one, and a
    /// myeloma's kidneys are often impaired. A myeloma's pamidronate 90 mg every 4 weeks, no
    /// creatinine recorded, drew "calcium and vitamin D" and "the alternative is denosumab" only
    /// (unseen record cb91-b); zoledronic acid's course says the same (`crclUnknown`). A creatinine
    /// on record, however old, is `creatinineDue`'s.
    func pamidronateCreatinineUnknown(_ agent: Treatment) -> Finding? {
        guard agent.agent == .pamidronate, index.latestLab(.creatinine) == nil else { return nil }
        let egfr = index.latestLab(.egfr)
        let egfrText = Self.egfrOnRecord(index, drug: BoneAgent.pamidronate.label, why: LocalizedText(
            en: "its withholding rule compares serum creatinine with its baseline",
            zh: "其暂停给药的标准比较的是血肌酐与基线"))
        let when = agent.planned
            ? LocalizedText(en: "before the first dose", zh: "首剂前")
            : LocalizedText(en: "before the next dose", zh: "下次给药前")
        return Finding(
            ruleId: "boneAgents.pamidronate.creatinineUnknown", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: index.assessedOn,
            title: LocalizedText(
                en: "Pamidronate: no serum creatinine on record — check it \(when.en)",
                zh: "帕米膦酸二钠：无血肌酐记录——\(when.zhHans)请检查"),
            detail: LocalizedText(
                en: "The label asks for serum creatinine before each treatment: it does not recommend pamidronate for bone metastases in severe renal impairment (CrCl < 30 mL/min), and withholds the dose when creatinine has risen ≥ 0.5 mg/dL over a normal baseline (≥ 1.0 over an abnormal one) until it is back to baseline. Record the creatinine of each dose, with weight, sex and birth date for the CrCl.\(egfrText.en)",
                zh: "说明书要求每次治疗前检查血肌酐：骨转移患者重度肾功能不全（CrCl < 30 mL/min）时不推荐使用；血肌酐较正常基线升高 ≥0.5 mg/dL（异常基线升高 ≥1.0 mg/dL）时暂停给药，直至恢复至基线。请记录每次给药前的血肌酐，以及计算肌酐清除率所需的体重、性别和出生日期。\(egfrText.zhHans)"),
            inputs: [FindingInput("latestCreatinine", "none")] + (egfr.map { [FindingInput("latestEgfr", $0.date.description)] } ?? []),
            sources: [Self.aredia, Self.arediaRenal])
    }
}
