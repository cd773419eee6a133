/// Intravenous ibandronate dosed by creatinine clearance (rule set 2026.12.158). Pamidronate's
/// kidney went unread (cb24-z), and so did ibandronate's: the Bondronat 6 mg summary of product
/// characteristics gives 6 mg every 3–4 weeks at CrCl ≥ 50 mL/min (over ≥ 15 min), 4 mg at
/// 30–< 50 and 2 mg below 30 (both over 1 hour) — the table Aapro 2008 reprints. The oral 50 mg
/// tablet (daily; every second day; weekly) is not dosed here.
extension BoneAgentRules {
    static let bondronat = Citation(
        id: "bondronat",
        text: "Bondronat (ibandronic acid) 6 mg concentrate, summary of product characteristics: 6 mg every 3–4 weeks at CrCl ≥ 50 mL/min; 4 mg at 30–< 50, 2 mg below 30 (over 1 hour)",
        zh: "Bondronat（伊班膦酸）6 mg 注射液说明书：CrCl ≥50 mL/min 时每 3–4 周 6 mg；30–<50 时 4 mg，<30 时 2 mg（输注 1 小时）")

    /// The label's intravenous dose (mg) for a creatinine clearance (mL/min).
    static func ibandronateDose(crcl: Double) -> Double {
        if crcl >= 50 { return 6 }
        if crcl >= 30 { return 4 }
        return 2
    }

    func ibandronate(_ agent: Treatment) -> Finding? {
        // The intravenous course: a dose of 6 mg or less (the tablet is 50 mg).
        guard agent.agent == .ibandronate, let recorded = agent.doseMg, recorded <= 6 else { return nil }
        guard let clearance = index.creatinineClearance() else { return ibandronateClearanceUnknown(agent, recorded: recorded) }
        let dose = Self.ibandronateDose(crcl: clearance.value)
        let above = recorded > dose + 0.001
        let crcl = CaseIndex.format(clearance.value)
        let infusion = dose < 6
            ? LocalizedText(en: "over 1 hour", zh: "输注 1 小时")
            : LocalizedText(en: "over ≥ 15 min", zh: "输注 ≥15 分钟")
        return Finding(
            ruleId: "boneAgents.ibandronate.dose", severity: above ? .warning : .info, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: clearance.date,
            title: LocalizedText(
                en: "Ibandronate \(CaseIndex.format(dose)) mg IV for CrCl \(crcl) mL/min\(above ? " (recorded \(CaseIndex.format(recorded)) mg)" : "")",
                zh: "肌酐清除率 \(crcl) mL/min：伊班膦酸 \(CaseIndex.format(dose)) mg 静脉\(above ? "（记录 \(CaseIndex.format(recorded)) mg）" : "")"),
            detail: LocalizedText(
                en: "Cockcroft–Gault from creatinine \(clearance.creatinineAsReported) (\(clearance.date)), \(clearance.otherInputs.en): ibandronate \(CaseIndex.format(dose)) mg IV \(infusion.en) every 3–4 weeks (label: 6 mg at CrCl ≥ 50, 4 mg at 30–< 50, 2 mg below 30).\(above ? " The dose recorded is above it." : "")",
                zh: "Cockcroft–Gault，血肌酐 \(clearance.creatinineAsReported)（\(clearance.date)），\(clearance.otherInputs.zhHans)：伊班膦酸 \(CaseIndex.format(dose)) mg 静脉\(infusion.zhHans)，每 3–4 周（说明书：CrCl ≥50 时 6 mg，30–<50 时 4 mg，<30 时 2 mg）。\(above ? "记录剂量高于此剂量。" : "")"),
            inputs: [FindingInput("crclMlMin", crcl), FindingInput("doseMg", CaseIndex.format(dose))],
            sources: [Sources.cockcroftGault1976, Self.bondronat],
            claims: [Claim(.boneAgentDose, about: agent.id, CaseIndex.format(dose))])
    }

    /// The intravenous course with no CrCl (rule set 2026.12.323): its dose went unchecked without
    /// a word — a lung cancer's "伊班膦酸钠注射液 6mg q4w" with creatinine and age on record and no
    /// weight (unseen bundle ehr20). What is missing, by name; with only the weight missing, the
    /// weights at which each of the label's doses applies (Cockcroft–Gault is linear in weight).
    /// Advisory: the dose may well be right, but nothing on record shows it.
    private func ibandronateClearanceUnknown(_ agent: Treatment, recorded: Double) -> Finding? {
        let gaps = index.clearanceGaps()
        guard gaps.minorAge == nil else { return nil }
        let missing = gaps.missing.isEmpty
            ? LocalizedText(en: "serum creatinine, weight, sex and birth date", zh: "血肌酐、体重、性别和出生日期")
            : LocalizedText.joined(gaps.missing, en: ", ", zh: "、")
        var bands = LocalizedText(en: "", zh: "")
        if let (lab, creatinine, age, perKg) = index.clearancePerKilogram() {
            func kg(_ clearance: Double) -> String { CaseIndex.format(clearance / perKg, decimals: 1) }
            bands = LocalizedText(
                en: " Until then, at the creatinine of \(lab.date) (\(CaseIndex.format(creatinine, decimals: 2)) mg/dL) and age \(age), 6 mg (CrCl ≥ 50) needs a weight of at least \(kg(50)) kg, 4 mg (30–< 50) \(kg(30))–\(kg(50)) kg, 2 mg below \(kg(30)) kg.",
                zh: "在记录体重之前：按 \(lab.date) 的血肌酐（\(CaseIndex.format(creatinine, decimals: 2)) mg/dL）和年龄 \(age) 岁计算，6 mg（CrCl ≥50）需体重至少 \(kg(50)) kg，4 mg（30–<50）为 \(kg(30))–\(kg(50)) kg，低于 \(kg(30)) kg 为 2 mg。")
        }
        return Finding(
            ruleId: "boneAgents.ibandronate.dose", severity: .advisory, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: index.assessedOn,
            title: LocalizedText(
                en: "Ibandronate \(CaseIndex.format(recorded)) mg IV: creatinine clearance cannot be computed",
                zh: "伊班膦酸 \(CaseIndex.format(recorded)) mg 静脉：无法计算肌酐清除率"),
            detail: LocalizedText(
                en: "The intravenous dose depends on Cockcroft–Gault CrCl (label: 6 mg at CrCl ≥ 50, 4 mg at 30–< 50, 2 mg below 30): record \(missing.en).\(bands.en)",
                zh: "静脉剂量取决于 Cockcroft–Gault 肌酐清除率（说明书：CrCl ≥50 时 6 mg，30–<50 时 4 mg，<30 时 2 mg）：请记录\(missing.zhHans)。\(bands.zhHans)"),
            inputs: [FindingInput("missing", gaps.missing.isEmpty ? "unknown" : gaps.missing.map(\.en).joined(separator: ","))],
            sources: [Sources.cockcroftGault1976, Self.bondronat])
    }
}
