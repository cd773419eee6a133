/// Hypocalcaemia: the latest albumin-corrected calcium below the laboratory's lower limit — or,
/// when the result came without one, below the setting `calciumLowerLimitMgDl` (8.5 mg/dL, the
/// usual adult lower limit; rule set 2026.12.370: a Chinese EHR's 1.98 mmol/L under denosumab,
/// 8.1 mg/dL corrected, sent without its range, was no hypocalcaemia at all, unseen bundle ehr41)
/// — or below 8.0 mg/dL (2.0 mmol/L), CTCAE grade 2, whatever the laboratory's limit. Both bone-modifying agents lower calcium, and their labels require
/// hypocalcaemia to be corrected before they are given (Xgeva prescribing information; Zometa
/// summary of product characteristics), so every current agent waits until it is corrected.
extension LabRules {
    static let ctcae5 = Citation(
        id: "ctcae5", text: "National Cancer Institute. Common Terminology Criteria for Adverse Events (CTCAE) v5.0, 2017: hypocalcaemia", zh: "美国国家癌症研究所《常见不良事件评价标准》（CTCAE）v5.0，2017：低钙血症")
    static let xgevaHypocalcaemia = Citation(
        id: "xgevaHypocalcaemia", text: "Xgeva (denosumab) prescribing information: correct pre-existing hypocalcaemia before treatment; monitor calcium", zh: "安加维（地舒单抗）说明书：治疗前纠正已有的低钙血症；监测血钙")
    static let zometaHypocalcaemia = Citation(
        id: "zometaHypocalcaemia", text: "Zometa (zoledronic acid) summary of product characteristics: hypocalcaemia must be corrected before initiating Zometa", zh: "择泰（唑来膦酸）产品特性概要：开始择泰治疗前必须纠正低钙血症")

    /// CTCAE v5.0 grade of a low corrected calcium (mg/dL): 1 < LLN–8.0; 2 < 8.0–7.0;
    /// 3 < 7.0–6.0 (hospitalisation indicated); 4 < 6.0 (life-threatening).
    static func hypocalcaemiaGrade(mgDl: Double) -> Int {
        if mgDl < 6 { return 4 }
        if mgDl < 7 { return 3 }
        if mgDl < 8 { return 2 }
        return 1
    }

    /// The latest corrected calcium when it is low, with its CTCAE grade — unless a hypercalcaemia
    /// recorded since (`hypercalcaemiaUnmeasured`: no calcium on or after it) has overtaken it. A
    /// castration-resistant prostate cancer's calcium of 8.4 mg/dL in March read "give calcium and
    /// vitamin D" beside "hold the supplements until calcium is measured" for the hypercalcaemia
    /// recorded in May (generated record s10/g403, rule set 2026.12.401).
    static func hypocalcaemic(_ index: CaseIndex) -> (calcium: CaseIndex.CorrectedCalcium, grade: Int)? {
        guard hypercalcaemiaUnmeasured(index) == nil, let calcium = index.correctedCalcium() else { return nil }
        let belowLimit = calcium.belowLowerLimit ?? (calcium.mgDl < index.settings.calciumLowerLimitMgDl)
        guard belowLimit || calcium.mgDl < 8 else { return nil }
        return (calcium, hypocalcaemiaGrade(mgDl: calcium.mgDl))
    }

    func hypocalcaemia(_ low: (calcium: CaseIndex.CorrectedCalcium, grade: Int)) -> Finding {
        let calcium = low.calcium
        let value = CaseIndex.format(calcium.mgDl, decimals: 2)
        let mmol = calcium.mmolText
        let agents = BoneAgentRules(index: index).currentAgents
        let how = calcium.albuminGDl.map { albumin in
            LocalizedText(
                en: "measured \(calcium.measuredAsReported ?? "\(CaseIndex.format(calcium.measuredMgDl)) mg/dL") corrected for albumin \(calcium.albuminAsReported ?? "\(CaseIndex.format(albumin)) g/dL")",
                zh: "实测 \(calcium.measuredAsReported ?? "\(CaseIndex.format(calcium.measuredMgDl)) mg/dL")，按白蛋白 \(calcium.albuminAsReported ?? "\(CaseIndex.format(albumin)) g/dL") 校正")
        } ?? LocalizedText(
            en: "uncorrected — no albumin on record: a low albumin lowers total calcium, so record albumin (or an ionised calcium) before treating",
            zh: "未校正——病历无白蛋白：低白蛋白会使总钙偏低，治疗前请补充白蛋白（或离子钙）")
        let limit = calcium.lowerLimitMgDl.map { lower in
            let shown = calcium.lowerLimitAsReported ?? "\(CaseIndex.format(lower)) mg/dL"
            return LocalizedText(en: "lower limit \(shown)", zh: "下限 \(shown)")
        } ?? LocalizedText(
            en: "no lower limit given with the result: \(CaseIndex.format(index.settings.calciumLowerLimitMgDl)) mg/dL, the usual adult lower limit (setting) — check the laboratory's",
            zh: "化验单未给出下限：按成人常用下限 \(CaseIndex.format(index.settings.calciumLowerLimitMgDl)) mg/dL（设置）——请核对本实验室下限")
        var action: LocalizedText
        var sources = [Self.ctcae5, Self.payne1973]
        if agents.isEmpty {
            action = LocalizedText(
                en: "Give calcium and vitamin D; check magnesium, 25-OH vitamin D, PTH and renal function. Correct it before any bone-modifying agent is started.",
                zh: "补充钙和维生素 D；查血镁、25-羟维生素 D、甲状旁腺激素和肾功能。开始任何骨改良药物前先纠正。")
        } else {
            let names = LocalizedText.joined(agents.map { $0.agent?.label ?? TreatmentKind.boneModifyingAgent.label }, en: " and ", zh: "和")
            let due = agents.compactMap { BoneAgentRules.dueDate($0, index: index) }.min()
            // Osteonecrosis of the jaw holding the agent: the dose waits for that decision too — "give
            // it once calcium is corrected" beside "the next dose waits for that decision" read as
            // two answers (unseen record cb102-a, 2026.12.348).
            let jaw = BoneAgentRules(index: index).osteonecrosisOfJaw != nil
            let dueText = due.map { day in
                jaw
                    ? LocalizedText(
                        en: " The next dose has been due since \(day): it waits for calcium to be corrected and for the decision on the osteonecrosis of the jaw with dental care.",
                        zh: "下一剂自 \(day) 起到期：需待血钙纠正，并与口腔科就颌骨坏死作出决定后再定。")
                    : LocalizedText(en: " The next dose has been due since \(day): give it once calcium is corrected.", zh: "下一剂自 \(day) 起到期：血钙纠正后再给药。")
            } ?? LocalizedText(en: "", zh: "")
            // A course only planned has no "next" dose: its first is the one to wait (a denosumab
            // planned for 2026-12-03 read "before the next dose").
            let firstPlanned = agents.allSatisfy(\.planned) ? agents.compactMap(\.start).min() : nil
            let which = agents.allSatisfy(\.planned)
                ? LocalizedText(
                    en: "the first dose of \(names.en)\(firstPlanned.map { " (planned \($0))" } ?? "")",
                    zh: "首剂\(names.zhHans)\(firstPlanned.map { "（计划 \($0)）" } ?? "")")
                : LocalizedText(en: "the next dose of \(names.en)", zh: "下一剂\(names.zhHans)")
            action = LocalizedText(
                en: "Correct it before \(which.en): \(agents.count == 1 ? "its label requires" : "their labels require") hypocalcaemia to be corrected first. Give calcium and vitamin D (and magnesium if low), and check calcium again before the dose.\(dueText.en)",
                zh: "在\(which.zhHans)前先纠正：药品说明书要求先纠正低钙血症。补充钙和维生素 D（血镁低时补镁），给药前复查血钙。\(dueText.zhHans)")
            // A dose given after the low result, with no calcium since (the result is the latest):
            // the correction the label asks for was not shown before it. Denosumab given two days
            // after a corrected calcium of 1.9 mmol/L read only "correct it before the next dose"
            // (cb24-n, rule set 2026.12.151).
            let givenSince = agents.flatMap { agent in
                agent.doses.filter { $0.earliestDay > calcium.date.latestDay && index.known($0) }.map { (agent, $0) }
            }.sorted { $0.1 < $1.1 }
            if !givenSince.isEmpty {
                let list = LocalizedText.joined(givenSince.map { agent, day in
                    let name = agent.agent?.label ?? TreatmentKind.boneModifyingAgent.label
                    return LocalizedText(en: "\(name.en) on \(day)", zh: "\(day) \(name.zhHans)")
                }, en: ", ", zh: "、")
                action = LocalizedText(
                    en: "Given since this result, with no calcium measured after it: \(list.en) — measure calcium now; the agent lowers it further. \(action.en)",
                    zh: "此结果之后已给药且其后未复查血钙：\(list.zhHans)——立即复查血钙；该药会进一步降低血钙。\(action.zhHans)")
            }
            if agents.contains(where: { $0.agent == .denosumab }) { sources.append(Self.xgevaHypocalcaemia) }
            if agents.contains(where: { $0.agent == .zoledronicAcid }) { sources.append(Self.zometaHypocalcaemia) }
        }
        if low.grade >= 3 {
            action = LocalizedText(
                en: "Grade \(low.grade): hospitalisation indicated — intravenous calcium under monitoring (ECG). \(action.en)",
                zh: "\(low.grade) 级：需住院——在监测（心电图）下静脉补钙。\(action.zhHans)")
        }
        // An ionised calcium (about half the total; many laboratories report it beside the total,
        // 离子钙) entered as "calcium" reads as grade 4: CTCAE grades ionised calcium on a scale of
        // its own. The finding stays urgent — a total this low is life-threatening — and asks which
        // was measured.
        if low.grade == 4 {
            action = LocalizedText(
                en: "First confirm it is a total serum calcium: an ionised calcium entered as calcium reads as grade 4 (CTCAE grades ionised calcium on its own scale). \(action.en)",
                zh: "首先确认此为血清总钙：离子钙若按血钙录入会显示为 4 级（CTCAE 对离子钙另有分级标准）。\(action.zhHans)")
        }
        let severity: Severity = low.grade >= 3 ? .urgent : (agents.isEmpty && low.grade == 1 ? .advisory : .warning)
        var claims = [Claim(.supplements, about: "patient", "give")]
        claims += agents.filter { !$0.planned }.map { Claim(.boneAgentTiming, about: $0.id, "withhold") }
        return Finding(
            ruleId: "labs.hypocalcaemia", severity: severity, duty: .boneAgents, specialty: .medicalOncology,
            subject: .patient, date: calcium.date,
            title: LocalizedText(
                en: "Hypocalcaemia, CTCAE grade \(low.grade): \(calcium.albuminGDl == nil ? "calcium (uncorrected)" : "corrected calcium") \(value) mg/dL (\(mmol) mmol/L) on \(calcium.date)",
                zh: "低钙血症（CTCAE \(low.grade) 级）：\(calcium.albuminGDl == nil ? "血钙（未校正）" : "校正血钙") \(value) mg/dL（\(mmol) mmol/L），\(calcium.date)"),
            detail: LocalizedText(
                en: "Calcium \(how.en); \(limit.en). Grades (CTCAE v5.0): 1 below the lower limit to 8.0, 2 below 8.0 to 7.0, 3 below 7.0 to 6.0, 4 below 6.0 mg/dL (2.0, 1.75, 1.5 mmol/L). \(action.en)",
                zh: "血钙\(how.zhHans)；\(limit.zhHans)。分级（CTCAE 5.0 版）：1 级 低于下限至 8.0，2 级 < 8.0 至 7.0，3 级 < 7.0 至 6.0，4 级 < 6.0 mg/dL（2.0、1.75、1.5 mmol/L）。\(action.zhHans)"),
            inputs: [
                FindingInput("correctedCalciumMgDl", value), FindingInput("grade", String(low.grade)),
                FindingInput("albuminGDl", calcium.albuminGDl.map(CaseIndex.format) ?? "unknown"),
                FindingInput("lowerLimitMgDl", calcium.lowerLimitMgDl.map(CaseIndex.format) ?? "\(CaseIndex.format(index.settings.calciumLowerLimitMgDl)) (setting)"),
            ],
            sources: sources, claims: claims)
    }
}
