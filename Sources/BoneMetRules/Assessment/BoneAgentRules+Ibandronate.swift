/// Intravenous ibandronate dosed by creatinine clearance (rule set 2026.12.158). Pamidronate's
/// kidney went unread (cb24-z), and so did ibandronate's: the Bondronat 6 mg summary of product
/// characteristics gives 6 mg every 3–4 weeks at CrCl ≥ 50 mL/min (over ≥ 15 min), 4 mg at
/// 30–< 50 and 2 mg below 30 (both over 1 hour) — the table Aapro 2008 reprints. The oral 50 mg
/// tablet is dosed by frequency (`ibandronateTablet`, rule set 2026.12.333).
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

    static let bondronatTablets = Citation(
        id: "bondronatTablets",
        text: "Bondronat (ibandronic acid) 50 mg film-coated tablets, summary of product characteristics: 50 mg daily at CrCl ≥ 50 mL/min; every other day at 30–< 50; once weekly below 30",
        zh: "Bondronat（伊班膦酸）50 mg 片剂说明书：CrCl ≥50 mL/min 时每日 50 mg；30–<50 时隔日一次；<30 时每周一次")

    /// The oral tablet (50 mg) by creatinine clearance: its dose is fixed, its frequency falls with
    /// the kidneys — daily, every other day, once weekly (Bondronat tablets SmPC). A breast
    /// cancer's "伊班膦酸片 50mg 每日口服" was read by no rule at all (unseen record cb91-w2). The
    /// record holds no daily frequency, so below 50 the finding asks that the frequency be checked
    /// (advisory), unless the course is recorded once weekly below 30.
    /// Ibandronate at the tablet's dose (50 mg; the infusion is 6 mg or less).
    static func isIbandronateTablet(_ agent: Treatment) -> Bool {
        agent.agent == .ibandronate && agent.doseMg.map { abs($0 - 50) < 0.001 } == true
    }

    func ibandronateTablet(_ agent: Treatment) -> Finding? {
        guard Self.isIbandronateTablet(agent), let clearance = index.creatinineClearance()
        else { return nil }
        let crcl = CaseIndex.format(clearance.value)
        let (frequency, fits): (LocalizedText, Bool) =
            clearance.value >= 50 ? (LocalizedText(en: "daily", zh: "每日一次"), true)
            : clearance.value >= 30 ? (LocalizedText(en: "every other day", zh: "隔日一次"), false)
            : (LocalizedText(en: "once weekly", zh: "每周一次"), agent.intervalWeeks == 1)
        return Finding(
            ruleId: "boneAgents.ibandronate.dose", severity: fits ? .info : .advisory, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: clearance.date,
            title: LocalizedText(
                en: "Ibandronate tablets 50 mg \(frequency.en) for CrCl \(crcl) mL/min",
                zh: "肌酐清除率 \(crcl) mL/min：伊班膦酸片 50 mg \(frequency.zhHans)"),
            detail: LocalizedText(
                en: "Cockcroft–Gault from creatinine \(clearance.creatinineAsReported) (\(clearance.date)), \(clearance.otherInputs.en): the tablet is 50 mg \(frequency.en) (label: daily at CrCl ≥ 50, every other day at 30–< 50, once weekly below 30).\(fits ? "" : " Check that the course is given so.")",
                zh: "Cockcroft–Gault，血肌酐 \(clearance.creatinineAsReported)（\(clearance.date)），\(clearance.otherInputs.zhHans)：片剂 50 mg \(frequency.zhHans)（说明书：CrCl ≥50 每日一次，30–<50 隔日一次，<30 每周一次）。\(fits ? "" : "请核对实际给药频次。")"),
            inputs: [FindingInput("crclMlMin", crcl), FindingInput("frequency", frequency.en)],
            sources: [Sources.cockcroftGault1976, Self.bondronatTablets])
    }

    func ibandronate(_ agent: Treatment) -> Finding? {
        if let tablet = ibandronateTablet(agent) { return tablet }
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
