/// Bone metastases in a patient under 18. A 17-year-old's osteosarcoma with metastases to L1 and
/// the ilium read "Bone metastases without a bone-modifying agent — start when life expectancy is
/// ≥ 3 months (ESMO 2020)", the adult trials' evidence beside it (unseen record cb83-x, rule set
/// 2026.12.317). Neither agent's label covers a child's bone metastases: zoledronic acid is not
/// indicated for use in children (Zometa), and denosumab's safety and effectiveness are not
/// established in paediatric patients other than skeletally mature adolescents with giant cell
/// tumour of bone (Xgeva). The decision is the paediatric oncologist's; nothing is proposed.
extension BoneAgentRules {
    static let paediatricLabels = Citation(
        id: "paediatricLabels",
        text: "Zometa (zoledronic acid) prescribing information, paediatric use: not indicated for use in children; Xgeva (denosumab) prescribing information, paediatric use: safety and effectiveness not established other than in skeletally mature adolescents with giant cell tumour of bone",
        zh: "Zometa（唑来膦酸）说明书儿童用药：不适用于儿童；Xgeva（地舒单抗）说明书儿童用药：除骨骼发育成熟的青少年骨巨细胞瘤外，安全性和有效性尚未确立")

    /// The indication of a patient under 18 (the upper end of the age the record gives: a child
    /// by every reading of it), nil for an adult.
    func paediatricIndication() -> Finding? {
        guard let age = index.ageNow, age < 18 else { return nil }
        return Finding(
            ruleId: "boneAgents.indication", severity: .info, duty: .boneAgents, specialty: .medicalOncology,
            subject: .patient, date: index.assessedOn,
            title: LocalizedText(
                en: "Age \(age): no bone-modifying agent is established for a child's bone metastases",
                zh: "年龄 \(age) 岁：儿童骨转移使用骨改良药物尚未确立"),
            detail: LocalizedText(
                en: "Zoledronic acid's label: not indicated for use in children. Denosumab's label: safety and effectiveness not established in paediatric patients, other than skeletally mature adolescents with giant cell tumour of bone. The SRE-prevention trials and ESMO 2020's advice to start concern adults. Whether to give one is decided by paediatric oncology with the treating team.",
                zh: "唑来膦酸说明书：不适用于儿童。地舒单抗说明书：除骨骼发育成熟的青少年骨巨细胞瘤外，儿童患者的安全性和有效性尚未确立。预防骨相关事件的临床试验及 ESMO 2020 的用药建议均针对成人。是否使用由儿童肿瘤科与主治团队决定。"),
            inputs: [FindingInput("age", String(age))],
            sources: [Self.paediatricLabels, Self.esmo2020],
            claims: [Claim(.boneAgentIndication, about: "patient", "notEstablished")])
    }
}
