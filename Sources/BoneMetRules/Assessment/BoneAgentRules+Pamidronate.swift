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
}
