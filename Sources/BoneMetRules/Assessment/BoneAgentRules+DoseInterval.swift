/// Zoledronic acid doses given closer together than its label allows.
extension BoneAgentRules {
    /// Zometa label: for bone metastases (and myeloma) 4 mg every 3–4 weeks (reference.md; 12-weekly
    /// is non-inferior, CALGB 70604); in hypercalcaemia of malignancy a retreatment after at least
    /// 7 days. A breast cancer's course recorded doses 14 and 7 days apart, and BoneMet said
    /// nothing — a dosing error, or one dose entered twice, which also moves the next due date.
    /// Each pair of doses certainly closer than the minimum is named (the minimum is 7 days when
    /// the later dose was given in hypercalcaemia, else 21); the bone-loss dose (5 mg yearly) is
    /// another regimen and is not judged here.
    func zoledronicIntervalFinding(_ agent: Treatment) -> Finding? {
        guard agent.agent == .zoledronicAcid, !agent.isBoneLossDose else { return nil }
        let given = agent.givenDoses.filter(index.known).sorted()
        var close: [(from: PartialDate, to: PartialDate, days: Int, minimum: Int)] = []
        for (earlier, later) in zip(given, given.dropFirst()) {
            let minimum = index.hypercalcaemia(atDose: later, previousDose: earlier) != nil ? 7 : 21
            // Certainly closer: even the widest reading of two partial dates is below the minimum
            // (a dose of "2026-10" beside one of 2026-10-02 may be 29 days from it, either side).
            let widest = max(later.latestDay - earlier.earliestDay, earlier.latestDay - later.earliestDay)
            if widest < minimum { close.append((earlier, later, widest, minimum)) }
        }
        guard !close.isEmpty else { return nil }
        let pairs = LocalizedText.joined(close.map { pair in
            LocalizedText(
                en: "\(pair.from) → \(pair.to) (\(pair.days) day\(pair.days == 1 ? "" : "s"); minimum \(pair.minimum)\(pair.minimum == 7 ? ", in hypercalcaemia" : ""))",
                zh: "\(pair.from) → \(pair.to)（\(pair.days) 天；最短 \(pair.minimum) 天\(pair.minimum == 7 ? "，高钙血症时" : "")）")
        }, en: "; ", zh: "；")
        let sameDay = close.contains { $0.days == 0 }
        return Finding(
            ruleId: "boneAgents.zoledronic.interval", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: close.last?.to,
            title: LocalizedText(
                en: "Zoledronic acid doses closer than the label allows (\(close.count == 1 ? "1 pair" : "\(close.count) pairs"))",
                zh: "唑来膦酸给药间隔短于说明书要求（\(close.count) 处）"),
            detail: LocalizedText(
                en: "\(pairs.en). The label gives 4 mg (by CrCl) every 3–4 weeks for bone metastases, or every 12 weeks (CALGB 70604), and a retreatment of hypercalcaemia after at least 7 days. Check the record\(sameDay ? " — a dose entered twice?" : " (a dose entered twice, or a date wrong?)") and, if the doses were given, the serum creatinine before the next one; the next dose is counted from the last on record.",
                zh: "\(pairs.zhHans)。说明书：骨转移每 3–4 周 4 mg（按肌酐清除率），或每 12 周（CALGB 70604）；高钙血症再次治疗至少间隔 7 天。请核对记录（\(sameDay ? "同一剂次是否重复录入？" : "是否重复录入或日期有误？")），如确已给药，下次给药前复查血肌酐；下次给药时间按记录中的末次给药计算。"),
            inputs: [
                FindingInput("closestDays", (close.map(\.days).min() ?? 0).description),
                FindingInput("pairs", close.count.description),
            ],
            sources: [Sources.zometaLabel, LabRules.zometaHypercalcaemia, Sources.himelstein2017])
    }
}

/// Zoledronic acid at an interval longer than any with SRE-prevention evidence.
extension BoneAgentRules {
    /// For bone metastases the Zometa label gives 4 mg every 3–4 weeks, and every 12 weeks is
    /// non-inferior (CALGB 70604); no longer interval has been shown to prevent SREs. Every 6
    /// months is the adjuvant schedule of early breast cancer (ASCO–CCO 2017), and once bone
    /// metastases are on record it no longer applies. A breast cancer on the adjuvant schedule since
    /// 2024, bone metastases on the CT of September 2026, read only "dose due since …, interval 26
    /// weeks" (cb25-s, rule set 2026.12.171). Not the bone-loss dose, nor the adjuvant schedule
    /// itself (no bone lesion on record: `adjuvantBreastChoice`).
    func zoledronicScheduleFinding(_ agent: Treatment) -> Finding? {
        // Bone metastases on record: visceral metastases alone make no adjuvant schedule, nor any
        // SRE prevention to measure it against.
        guard agent.agent == .zoledronicAcid, !agent.isBoneLossDose, !isAdjuvantBreastSchedule(agent),
            let weeks = agent.intervalWeeks, weeks > 12, !index.metastaticLesions.isEmpty
        else { return nil }
        let adjuvant = Self.adjuvantIntervalWeeks.contains(weeks) && index.knownPrimaries.contains { $0.site == .breast }
        let adjuvantText = adjuvant
            ? LocalizedText(
                en: " Every 6 months is the adjuvant schedule of early breast cancer (ASCO–CCO 2017): with bone metastases on record it no longer applies.",
                zh: "每 6 个月一次是早期乳腺癌的辅助治疗方案（ASCO–CCO 2017）：病历已有骨转移，该方案不再适用。")
            : LocalizedText(en: "", zh: "")
        return Finding(
            ruleId: "boneAgents.zoledronic.schedule", severity: .advisory, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: index.assessedOn,
            title: LocalizedText(
                en: "Zoledronic acid every \(weeks) weeks with bone metastases: longer than any SRE-prevention schedule",
                zh: "唑来膦酸每 \(weeks) 周且已有骨转移：间隔长于任何预防 SRE 的方案"),
            detail: LocalizedText(
                en: "For bone metastases the label gives 4 mg (by CrCl) every 3–4 weeks, and every 12 weeks is non-inferior (CALGB 70604); no longer interval has been shown to prevent skeletal-related events.\(adjuvantText.en) Change to a schedule for bone metastases (or denosumab 120 mg every 4 weeks); until then the next dose is counted at the recorded \(weeks) weeks.",
                zh: "骨转移时说明书为 4 mg（按肌酐清除率）每 3–4 周一次，每 12 周一次不劣于此（CALGB 70604）；更长的间隔未被证明可预防骨相关事件。\(adjuvantText.zhHans)请改为骨转移的给药方案（或地舒单抗 120 mg 每 4 周）；在此之前下次给药按记录的 \(weeks) 周计算。"),
            inputs: [FindingInput("intervalWeeks", weeks.description)],
            sources: [Sources.zometaLabel, Sources.himelstein2017] + (adjuvant ? [Self.dhesyThind2017] : []))
    }
}

/// Denosumab's SRE-prevention course recorded at another interval than its label's.
extension BoneAgentRules {
    static let reduse = Citation(
        id: "reduse", text: "SAKK 96/12 (REDUSE), NCT02051218: denosumab 120 mg every 12 vs every 4 weeks, non-inferiority phase III trial in breast and castration-resistant prostate cancer", zh: "SAKK 96/12（REDUSE），NCT02051218：地舒单抗 120 mg 每 12 周对比每 4 周，乳腺癌和去势抵抗性前列腺癌的 III 期非劣效试验")

    /// Xgeva label: 120 mg every 4 weeks (reference.md). The 12-week interval's evidence is
    /// zoledronic acid's (CALGB 70604); a 12-weekly denosumab is a de-escalation under trial
    /// (REDUSE). A renal-cell carcinoma's denosumab 120 mg "every 12 weeks" was counted due at
    /// 12 weeks with no word that this is not its label's schedule (cb24-o, rule set 2026.12.153).
    /// The bone-loss dose (60 mg every 6 months) is another regimen and is not judged here.
    func denosumabIntervalFinding(_ agent: Treatment) -> Finding? {
        guard agent.agent == .denosumab, !agent.isBoneLossDose, let weeks = agent.intervalWeeks, weeks != 4 else { return nil }
        let longer = weeks > 4
        let dose = agent.doseMg.map { "\(CaseIndex.format($0)) mg " } ?? ""
        return Finding(
            ruleId: "boneAgents.denosumab.interval", severity: .advisory, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: index.assessedOn,
            title: LocalizedText(
                en: "Denosumab \(dose)every \(weeks) weeks: the label gives 120 mg every 4 weeks",
                zh: "地舒单抗 \(dose)每 \(weeks) 周：说明书为 120 mg 每 4 周"),
            detail: LocalizedText(
                en: longer
                    ? "For SRE prevention the label gives 120 mg every 4 weeks. The evidence for a 12-week interval is zoledronic acid's (CALGB 70604); a 12-weekly denosumab is a de-escalation still under trial (REDUSE, SAKK 96/12). If chosen, the MDT records it as its decision; the next dose is counted at the recorded \(weeks) weeks."
                    : "For SRE prevention the label gives 120 mg every 4 weeks; doses more often than that are not a schedule of its label — check the record (loading doses on days 8 and 15 are the label's for giant cell tumour of bone and hypercalcaemia, not for bone metastases).",
                zh: longer
                    ? "预防 SRE 时说明书为 120 mg 每 4 周。12 周间隔的证据来自唑来膦酸（CALGB 70604）；地舒单抗每 12 周属于降阶梯方案，仍在试验中（REDUSE，SAKK 96/12）。如采用，应由 MDT 记录为其决定；下次给药按记录的 \(weeks) 周计算。"
                    : "预防 SRE 时说明书为 120 mg 每 4 周；更短的间隔不属于说明书方案——请核对记录（第 8、15 天的负荷剂量用于骨巨细胞瘤和高钙血症，不用于骨转移）。"),
            inputs: [FindingInput("intervalWeeks", weeks.description)],
            sources: [Self.xgevaDosing] + (longer ? [Sources.himelstein2017, Self.reduse] : []))
    }
}
