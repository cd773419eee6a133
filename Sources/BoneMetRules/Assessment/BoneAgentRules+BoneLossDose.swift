/// Denosumab at the dose for bone loss (60 mg every 6 months, Smith 2009) is a different
/// indication from SRE prevention (120 mg every 4 weeks; reference.md, "Bone-modifying agents").
/// A course of 60 mg under androgen deprivation was warned against as "SRE prevention not
/// indicated in castration-sensitive prostate cancer" and its next dose counted four weeks on.
extension Treatment {
    /// Denosumab 60 mg or zoledronic acid 5 mg: the bone-loss (osteoporosis) dose, whatever the
    /// interval recorded. Zoledronic acid 5 mg once a year is Aclasta/Reclast (密固达), common in
    /// older patients before their cancer; the SRE-prevention dose is 4 mg by CrCl.
    public var isBoneLossDose: Bool {
        guard kind == .boneModifyingAgent, let dose = doseMg else { return false }
        switch agent {
        case .denosumab: return abs(dose - 60) < 0.001
        case .zoledronicAcid: return abs(dose - 5) < 0.001
        default: return false
        }
    }

    /// The interval the next dose is counted from: the recorded one, else the usual interval of
    /// the dose given (denosumab 60 mg every 6 months, 26 weeks; zoledronic acid 5 mg once a
    /// year, 52 weeks; 4 weeks otherwise).
    var dosingIntervalWeeks: Int {
        intervalWeeks ?? (isBoneLossDose ? (agent == .zoledronicAcid ? 52 : 26) : 4)
    }

    /// The bone-loss dose in words, for the findings that name it.
    var boneLossDoseText: LocalizedText {
        agent == .zoledronicAcid
            ? LocalizedText(en: "Zoledronic acid 5 mg once a year (Aclasta/Reclast)", zh: "唑来膦酸 5 mg 每年一次（密固达）")
            : LocalizedText(en: "Denosumab 60 mg every 6 months", zh: "地舒单抗 60 mg 每 6 个月")
    }
}

extension BoneAgentRules {
    /// What a course of the bone-loss dose means for the disease state on record.
    func boneLossDose(_ agent: Treatment) -> Finding {
        // Indicated for SRE prevention (or the primary is unknown): 60 mg is not that dose. No
        // bone metastasis on record: the bone-loss dose is what the course is for.
        let verdict = sreVerdict
        let (metastases, indications) = (verdict.boneLesion, verdict.indications)
        let (preventionIndicated, notIndicated) = (verdict.preventionIndicated, verdict.notIndicated)
        // The castration-sensitive text says the bone-loss dose again; the verdict says it here.
        let state = notIndicated ? LocalizedText(en: "", zh: "") : LocalizedText.joined(indications.map(\.text), en: " ", zh: "")
        let zoledronic = agent.agent == .zoledronicAcid
        let name = agent.agent?.label ?? BoneAgent.denosumab.label
        let nameEn = zoledronic ? "Zoledronic acid" : "Denosumab"
        let doseMg = zoledronic ? "5" : "60"
        let dose = zoledronic
            ? LocalizedText(
                en: "Zoledronic acid 5 mg once a year (Aclasta/Reclast) is the dose against osteoporosis; the dose that prevents skeletal-related events from bone metastases is 4 mg (by CrCl) every 3–4 or 12 weeks.",
                zh: "唑来膦酸 5 mg 每年一次（密固达）是治疗骨质疏松的剂量；预防骨转移骨相关事件的剂量为 4 mg（按肌酐清除率）每 3–4 周或每 12 周。")
            : LocalizedText(
                en: "Denosumab 60 mg (every 6 months) is the dose against bone loss, e.g. under androgen deprivation (Smith 2009); the dose that prevents skeletal-related events from bone metastases is 120 mg every 4 weeks.",
                zh: "地舒单抗 60 mg（每 6 个月）是防治骨量丢失的剂量，如雄激素剥夺治疗期间（Smith 2009）；预防骨转移骨相关事件的剂量为 120 mg 每 4 周。")
        // Title, severity and verdict by what the disease state says of SRE prevention.
        let (title, severity, verdictText): (LocalizedText, Severity, LocalizedText) =
            notIndicated
            ? (LocalizedText(en: "\(nameEn) \(doseMg) mg: the bone-loss dose, not SRE prevention", zh: "\(name.zhHans) \(doseMg) mg：为防治骨量丢失剂量，非预防 SRE"), .info,
               LocalizedText(
                   en: "It fits castration-sensitive disease, where SRE-prevention doses bring no benefit (CALGB 90202, STAMPEDE); once castration-resistant, review for the SRE-prevention dose (denosumab 120 mg every 4 weeks or zoledronic acid 4 mg by CrCl; Fizazi 2011).",
                   zh: "与去势敏感阶段相符（该阶段预防 SRE 剂量无获益，CALGB 90202、STAMPEDE）；进入去势抵抗阶段后，评估改为预防 SRE 剂量（地舒单抗 120 mg 每 4 周或按肌酐清除率使用唑来膦酸 4 mg；Fizazi 2011）。"))
            : preventionIndicated
                ? (LocalizedText(
                    en: "\(nameEn) \(doseMg) mg is the bone-loss dose: bone metastases need the SRE-prevention dose",
                    zh: "\(name.zhHans) \(doseMg) mg 为骨量丢失剂量：骨转移需用预防 SRE 剂量"), .warning,
                   LocalizedText(
                       en: "The bone metastases on record indicate SRE prevention: review the dose (denosumab 120 mg every 4 weeks, or zoledronic acid by CrCl) with the dental examination and calcium first.",
                       zh: "记录中的骨转移有预防 SRE 的指征：请调整剂量（地舒单抗 120 mg 每 4 周，或按肌酐清除率使用唑来膦酸），先行口腔检查并关注血钙。"))
                : !metastases
                ? (LocalizedText(
                    en: "\(nameEn) \(doseMg) mg: the bone-loss dose — no bone metastasis on record",
                    zh: "\(name.zhHans) \(doseMg) mg：为骨量丢失剂量——病历中无骨转移"), .info, Self.noBoneMetastasis)
                : (LocalizedText(
                    en: "\(nameEn) \(doseMg) mg: the bone-loss dose — SRE prevention depends on the disease state",
                    zh: "\(name.zhHans) \(doseMg) mg：为骨量丢失剂量——是否需预防 SRE 取决于疾病状态"), .advisory,
                   LocalizedText(en: "", zh: ""))
        return Finding(
            ruleId: "boneAgents.choice", severity: severity, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: agent.start, title: title,
            detail: LocalizedText(
                en: [dose.en, state.en, verdictText.en].filter { !$0.isEmpty }.joined(separator: " "),
                zh: dose.zhHans + state.zhHans + verdictText.zhHans),
            inputs: [FindingInput("agent", agent.agent?.rawValue ?? "denosumab"), FindingInput("doseMg", doseMg), FindingInput("intervalWeeks", agent.dosingIntervalWeeks.description)],
            sources: (zoledronic ? [Self.aclastaLabel, Sources.zometaLabel] : [Self.smith2009, Self.xgevaDosing]) + indications.flatMap(\.sources) + (notIndicated ? [Self.fizazi2011] : []),
            claims: notIndicated ? [Claim(.boneAgentIndication, about: "patient", "notIndicated")]
                : preventionIndicated && !zoledronic ? [Claim(.boneAgentDose, about: agent.id, "120")] : [])
    }

    /// Zoledronic acid 5 mg (Aclasta/Reclast) is contraindicated at CrCl < 35 mL/min (its label):
    /// the SRE-prevention bands (Zometa) are not its check.
    func osteoporosisDoseRenal(_ agent: Treatment) -> [Finding] {
        guard let clearance = index.creatinineClearance(), clearance.value < 35 else { return [] }
        let crcl = String(describing: clearance.value)
        return [Finding(
            ruleId: "boneAgents.zoledronic.notRecommended", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: clearance.date,
            title: LocalizedText(
                en: "Zoledronic acid 5 mg contraindicated: CrCl \(crcl) mL/min (< 35)", zh: "唑来膦酸 5 mg 禁用：肌酐清除率 \(crcl) mL/min（< 35）"),
            detail: LocalizedText(
                en: "Cockcroft–Gault from creatinine \(clearance.creatinineAsReported) (\(clearance.date)), \(clearance.otherInputs.en): the yearly osteoporosis dose (Aclasta/Reclast) is contraindicated below 35 mL/min.",
                zh: "Cockcroft–Gault，血肌酐 \(clearance.creatinineAsReported)（\(clearance.date)），\(clearance.otherInputs.zhHans)：肌酐清除率低于 35 mL/min 时禁用每年一次的骨质疏松剂量（密固达）。"),
            inputs: [FindingInput("crclMlMin", crcl)], sources: [Sources.cockcroftGault1976, Self.aclastaLabel],
            claims: [Claim(.boneAgentDose, about: agent.id, "notRecommended"), Claim(.boneAgentTiming, about: agent.id, "withhold")])]
    }

    static let aclastaLabel = Citation(
        id: "aclastaLabel", text: "Aclasta/Reclast (zoledronic acid 5 mg) prescribing information: once yearly for osteoporosis; contraindicated at CrCl < 35 mL/min", zh: "密固达（唑来膦酸 5 mg）说明书：骨质疏松每年一次；CrCl < 35 mL/min 禁用")
    static let xgevaDosing = Citation(id: "xgevaDosing", text: "Xgeva (denosumab) prescribing information: 120 mg every 4 weeks for the prevention of skeletal-related events", zh: "安加维（地舒单抗）说明书：预防骨相关事件 120 mg 每 4 周")
}
