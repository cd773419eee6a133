/// An oral bisphosphonate given for osteoporosis (alendronate, risedronate, etidronate) is no
/// SRE prevention: the agents for bone metastases are denosumab 120 mg every 4 weeks and
/// zoledronic acid 4 mg by CrCl (reference.md; ESMO 2020). A weekly alendronate of a breast
/// cancer with bone metastases, entered as a systemic therapy, was counted as an anticancer
/// regimen in its response windows; entered as an agent, it read "other bone-modifying agent: the
/// alternative is denosumab" (cb23-u).
extension Treatment {
    /// The osteoporosis bisphosphonate this bone-agent course names, if it is one.
    var osteoporosisBisphosphonate: LocalizedText? {
        guard kind == .boneModifyingAgent, agent == .other || agent == nil else { return nil }
        return BoneAgent.osteoporosisBisphosphonate(in: ([name ?? ""] + drugs).joined(separator: " "))
    }
}

extension BoneAgentRules {
    /// What an osteoporosis bisphosphonate means for the disease state on record (as
    /// `boneLossDose` says it for denosumab 60 mg and zoledronic acid 5 mg).
    func osteoporosisBisphosphonate(_ agent: Treatment, drug: LocalizedText) -> Finding {
        // Without a bone lesion on record (an EHR's osteoporosis patient with a cancer elsewhere)
        // there is no SRE prevention to speak of.
        let verdict = sreVerdict
        let (metastases, indications) = (verdict.boneLesion, verdict.indications)
        let (preventionIndicated, notIndicated) = (verdict.preventionIndicated, verdict.notIndicated)
        let state = LocalizedText.joined(indications.map(\.text), en: " ", zh: "")
        let title = preventionIndicated
            ? LocalizedText(
                en: "\(drug.en.sentenceStart) treats osteoporosis: bone metastases need an SRE-prevention agent",
                zh: "\(drug.zhHans)用于骨质疏松：骨转移需用预防 SRE 的药物")
            : LocalizedText(
                en: "\(drug.en.sentenceStart) treats osteoporosis, not skeletal-related events",
                zh: "\(drug.zhHans)用于骨质疏松，不用于预防骨相关事件")
        return Finding(
            ruleId: "boneAgents.choice", severity: preventionIndicated ? .warning : notIndicated || !metastases ? .info : .advisory,
            duty: .boneAgents, specialty: .medicalOncology, subject: .treatment(agent.id), date: agent.start, title: title,
            detail: LocalizedText(
                en: [
                    "\(agent.label.en): an oral bisphosphonate at the dose against osteoporosis. The agents that prevent skeletal-related events from bone metastases are denosumab 120 mg every 4 weeks and zoledronic acid 4 mg (by CrCl) every 3–4 or 12 weeks (ESMO 2020).",
                    state.en,
                    preventionIndicated ? "Review with medical oncology: an SRE-prevention agent in its place, with the dental examination and calcium first." : "",
                ].filter { !$0.isEmpty }.joined(separator: " "),
                zh: "\(agent.label.zhHans)：口服双膦酸盐，为治疗骨质疏松的剂量。预防骨转移骨相关事件的药物为地舒单抗 120 mg 每 4 周、唑来膦酸 4 mg（按肌酐清除率）每 3–4 周或每 12 周（ESMO 2020）。\(state.zhHans)\(preventionIndicated ? "请与肿瘤内科评估：改用预防 SRE 的药物，先行口腔检查并关注血钙。" : "")"),
            inputs: [FindingInput("agent", "other"), FindingInput("osteoporosisBisphosphonate", drug.en)],
            sources: [Self.esmo2020] + indications.flatMap(\.sources),
            claims: notIndicated ? [Claim(.boneAgentIndication, about: "patient", "notIndicated")] : [])
    }
}
