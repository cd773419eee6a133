/// Denosumab given for a giant cell tumour of bone. Its label names the tumour as an indication
/// of its own — adults and skeletally mature adolescents whose tumour is unresectable or whose
/// resection would cause severe morbidity — at 120 mg every 4 weeks with 120 mg more on days 8 and
/// 15 of the first month. A 29-year-old's tibial giant cell tumour proven on biopsy, on that
/// schedule, read "Denosumab: the alternative is zoledronic acid" with the SRE-prevention trials
/// of breast and prostate cancer — and with a breast cancer of 2016 on record, "breast cancer with
/// bone metastases: start", no metastasis on record (unseen records cb82-g and g3, rule set
/// 2026.12.316). Zoledronic acid is no alternative for the tumour; the plan — how long, and
/// curettage or resection after — is bone-tumour surgery's.
extension BoneAgentRules {
    static let xgevaGiantCellTumour = Citation(
        id: "xgevaGCTB",
        text: "Xgeva (denosumab) prescribing information: giant cell tumour of bone that is unresectable or where surgical resection is likely to result in severe morbidity — 120 mg every 4 weeks, with additional 120 mg doses on days 8 and 15 of the first month", zh: "安加维（地舒单抗）说明书：不可切除或切除可能导致严重功能障碍的骨巨细胞瘤——120 mg 每 4 周，首月第 8 天和第 15 天各加用 120 mg")

    /// The giant cell tumour a denosumab course treats: a lesion its biopsy proved one, and no
    /// lesion on record that may be a metastasis.
    func giantCellTumourCourse(_ agent: Treatment) -> Finding? {
        guard agent.agent == .denosumab, !agent.isBoneLossDose, noBoneLesion,
            let tumour = index.lesions.first(where: { index.notForMetastasisScores($0.id) == .giantCellTumour }),
            let biopsy = index.diagnosticBiopsy(tumour.id)
        else { return nil }
        let site = tumour.label
        return Finding(
            ruleId: "boneAgents.choice", severity: .info, duty: .boneAgents, specialty: .orthopaedics,
            subject: .treatment(agent.id), date: agent.start,
            title: LocalizedText(
                en: "Denosumab for a giant cell tumour of bone (\(site.en)): the tumour's treatment, not SRE prevention",
                zh: "地舒单抗用于骨巨细胞瘤（\(site.zhHans)）：为肿瘤本身的治疗，并非预防 SRE"),
            detail: LocalizedText(
                en: "The biopsy of \(biopsy.date) proved a giant cell tumour of bone, and no bone metastasis is on record. Denosumab's label treats it where resection is not feasible or would cause severe morbidity: 120 mg every 4 weeks, with 120 mg more on days 8 and 15 of the first month. How long, and curettage or resection after it, is bone-tumour surgery's plan; zoledronic acid is no alternative for the tumour.",
                zh: "\(biopsy.date) 活检证实为骨巨细胞瘤，病历中无骨转移记录。地舒单抗说明书用于无法切除或切除将导致严重功能损害的骨巨细胞瘤：120 mg 每 4 周，首月第 8、15 天各加用 120 mg。疗程长短以及其后刮除或切除，由骨肿瘤外科制定；唑来膦酸不能替代其治疗骨巨细胞瘤。"),
            inputs: [FindingInput("agent", BoneAgent.denosumab.rawValue), FindingInput("biopsy", BiopsyResult.giantCellTumour.rawValue)],
            sources: [Self.xgevaGiantCellTumour])
    }
}
