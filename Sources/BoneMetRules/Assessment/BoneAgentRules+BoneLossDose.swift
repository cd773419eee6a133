/// Denosumab at the dose for bone loss (60 mg every 6 months, Smith 2009) is a different
/// indication from SRE prevention (120 mg every 4 weeks; reference.md, "Bone-modifying agents").
/// A course of 60 mg under androgen deprivation was warned against as "SRE prevention not
/// indicated in castration-sensitive prostate cancer" and its next dose counted four weeks on.
extension Treatment {
    /// Denosumab 60 mg: the bone-loss dose, whatever the interval recorded.
    public var isBoneLossDose: Bool {
        kind == .boneModifyingAgent && agent == .denosumab && doseMg.map { abs($0 - 60) < 0.001 } == true
    }

    /// The interval the next dose is counted from: the recorded one, else the usual interval of
    /// the dose given (6 months, 26 weeks, for the bone-loss dose; 4 weeks otherwise).
    var dosingIntervalWeeks: Int { intervalWeeks ?? (isBoneLossDose ? 26 : 4) }
}

extension BoneAgentRules {
    /// What a course of the bone-loss dose means for the disease state on record.
    func boneLossDose(_ agent: Treatment) -> Finding {
        let indications = index.bonePrimaryCandidates.map(indication(for:))
        let verdicts = Set(indications.map { "\($0.verdict)" })
        // Indicated for SRE prevention (or the primary is unknown): 60 mg is not that dose.
        let preventionIndicated = indications.isEmpty || indications.contains { $0.verdict == .start }
        let notIndicated = !indications.isEmpty && verdicts == ["notIndicated"]
        // The castration-sensitive text says the bone-loss dose again; the verdict says it here.
        let state = notIndicated ? LocalizedText(en: "", zh: "") : LocalizedText.joined(indications.map(\.text), en: " ", zh: "")
        let dose = LocalizedText(
            en: "Denosumab 60 mg (every 6 months) is the dose against bone loss, e.g. under androgen deprivation (Smith 2009); the dose that prevents skeletal-related events from bone metastases is 120 mg every 4 weeks.",
            zh: "地舒单抗 60 mg（每 6 个月）是防治骨量丢失的剂量，如雄激素剥夺治疗期间（Smith 2009）；预防骨转移骨相关事件的剂量为 120 mg 每 4 周。")
        // Title, severity and verdict by what the disease state says of SRE prevention.
        let (title, severity, verdictText): (LocalizedText, Severity, LocalizedText) =
            notIndicated
            ? (LocalizedText(en: "Denosumab 60 mg: the bone-loss dose, not SRE prevention", zh: "地舒单抗 60 mg：为防治骨量丢失剂量，非预防 SRE"), .info,
               LocalizedText(
                   en: "It fits castration-sensitive disease, where SRE-prevention doses bring no benefit (CALGB 90202, STAMPEDE); once castration-resistant, review for 120 mg every 4 weeks (Fizazi 2011).",
                   zh: "与去势敏感阶段相符（该阶段预防 SRE 剂量无获益，CALGB 90202、STAMPEDE）；进入去势抵抗阶段后，评估改为 120 mg 每 4 周（Fizazi 2011）。"))
            : preventionIndicated
                ? (LocalizedText(
                    en: "Denosumab 60 mg is the bone-loss dose: bone metastases need the SRE-prevention dose", zh: "地舒单抗 60 mg 为骨量丢失剂量：骨转移需用预防 SRE 剂量"), .warning,
                   LocalizedText(
                       en: "The bone metastases on record indicate SRE prevention: review the dose (denosumab 120 mg every 4 weeks, or zoledronic acid by CrCl) with the dental examination and calcium first.",
                       zh: "记录中的骨转移有预防 SRE 的指征：请调整剂量（地舒单抗 120 mg 每 4 周，或按肌酐清除率使用唑来膦酸），先行口腔检查并关注血钙。"))
                : (LocalizedText(
                    en: "Denosumab 60 mg: the bone-loss dose — SRE prevention depends on the disease state", zh: "地舒单抗 60 mg：为骨量丢失剂量——是否需预防 SRE 取决于疾病状态"), .advisory,
                   LocalizedText(en: "", zh: ""))
        return Finding(
            ruleId: "boneAgents.choice", severity: severity, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: agent.start, title: title,
            detail: LocalizedText(
                en: [dose.en, state.en, verdictText.en].filter { !$0.isEmpty }.joined(separator: " "),
                zh: dose.zhHans + state.zhHans + verdictText.zhHans),
            inputs: [FindingInput("agent", "denosumab"), FindingInput("doseMg", "60"), FindingInput("intervalWeeks", agent.dosingIntervalWeeks.description)],
            sources: [Self.smith2009, Self.xgevaDosing] + indications.flatMap(\.sources) + (notIndicated ? [Self.fizazi2011] : []),
            claims: notIndicated ? [Claim(.boneAgentIndication, about: "patient", "notIndicated")]
                : preventionIndicated ? [Claim(.boneAgentDose, about: agent.id, "120")] : [])
    }

    static let xgevaDosing = Citation(id: "xgevaDosing", text: "Xgeva (denosumab) prescribing information: 120 mg every 4 weeks for the prevention of skeletal-related events")
}
