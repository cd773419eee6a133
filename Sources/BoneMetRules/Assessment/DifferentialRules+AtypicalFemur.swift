/// Atypical femoral fracture (rule set 2026.12.48). A breast-cancer patient on denosumab for
/// four and a half years broke her femoral shaft where no metastasis had ever been seen, after
/// weeks of thigh pain; BoneMet called it a pathological fracture of a metastasis. Denosumab and
/// the bisphosphonates cause atypical femoral fractures — subtrochanteric or diaphyseal,
/// transverse or short oblique, minimal trauma, prodromal thigh pain, may be bilateral (ASBMR
/// task force, Shane 2014; the Xgeva and Zometa labels) — which change what is done: both
/// femora imaged, the agent's interruption weighed, no tumour surgery.
extension DifferentialRules {
    static let shane2014 = Citation(
        id: "shane2014", text: "Shane E et al. J Bone Miner Res 2014;29:1-23 (atypical femoral fractures: second report of the ASBMR task force)")
    static let antiresorptiveLabels = Citation(
        id: "antiresorptiveLabelsAFF",
        text: "Xgeva (denosumab) and Zometa (zoledronic acid) prescribing information: atypical femoral fracture — evaluate thigh or groin pain, assess the other limb, consider interrupting therapy",
        zh: "Xgeva（地舒单抗）与 Zometa（唑来膦酸）说明书：非典型股骨骨折——评估大腿或腹股沟痛，检查对侧肢体，考虑暂停治疗")

    func atypicalFemoralFractures() -> [Finding] {
        index.seenLesions.compactMap { lesion -> Finding? in
            // The shaft, no tumour seen where it broke, a bone agent given before
            // (`CaseIndex.antiresorptiveFractures`; the segment recorded or the one the note names).
            guard let found = index.antiresorptiveFractures[lesion.id], case .atypicalFemoral(let given, let start) = found.kind else { return nil }
            let fractured = found.fractured
            let agents = LocalizedText.joined(
                given.map(\.label), en: " and ", zh: "、")
            let name = index.label(lesion)
            // Where it broke, as recorded: a subtrochanteric fracture read "fracture of the
            // femoral shaft" (unseen record cb99-e).
            let subtrochanteric = lesion.siteSegment == .peritrochanteric
            let site = subtrochanteric
                ? LocalizedText(en: "Subtrochanteric femoral fracture", zh: "股骨转子下骨折")
                : LocalizedText(en: "Fracture of the femoral shaft", zh: "股骨干骨折")
            return Finding(
                ruleId: "diagnosis.differential.atypicalFemoralFracture", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: fractured,
                title: LocalizedText(
                    en: "\(name.en): atypical femoral fracture in the differential (\(agents.en) since \(start))",
                    zh: "\(name.zhHans)：需鉴别非典型股骨骨折（\(start) 起使用\(agents.zhHans)）"),
                detail: LocalizedText(
                    en: "\(site.en) (\(fractured)) where no bone destruction or lytic lesion was seen, in a patient given \(agents.en) from \(start). Denosumab and bisphosphonates cause atypical femoral fractures: subtrochanteric or diaphyseal, transverse or short oblique, with minimal or no trauma, often after weeks to months of thigh or groin pain, and may be bilateral. Before treating it as a fracture through a metastasis: X-ray the whole of both femora (the other side may hold an incomplete fracture), send tissue from the fracture site at fixation, and weigh interrupting \(agents.en) against the skeletal-event risk with medical oncology.",
                    zh: "\(fractured) \(site.zhHans)，骨折处未见骨质破坏或溶骨性病灶，患者自 \(start) 起使用\(agents.zhHans)。地舒单抗和双膦酸盐可致非典型股骨骨折：位于转子下或骨干，横行或短斜形，轻微外力或无外力即可发生，常先有数周至数月的大腿或腹股沟痛，可为双侧。在按转移灶病理性骨折处理前：拍摄双侧股骨全长 X 线片（对侧可能存在不完全骨折），固定术中送骨折处组织病理，并与肿瘤内科权衡暂停\(agents.zhHans)与骨相关事件风险。"),
                inputs: [FindingInput("fractured", "\(fractured)"), FindingInput("agentSince", "\(start)")],
                sources: [Self.shane2014, Self.antiresorptiveLabels])
        }
    }
}
