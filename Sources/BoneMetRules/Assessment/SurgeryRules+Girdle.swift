/// A destructive metastasis of the clavicle, scapula or sternum (rule set 2026.12.54). A breast
/// cancer's clavicle broke through a lytic metastasis and BoneMet said nothing surgical at all —
/// only the SRE history listed it: Mirels scores limb long bones (Mirels 1989) and SINS the spine
/// (Fisher 2010), and only the pelvis had the plain "no validated score" finding. The shoulder
/// girdle and the sternum get the same, and a fracture there asks for orthopaedic assessment
/// (the source hospital: orthopaedics prevents and treats pathological fractures). Ribs are left
/// out: no source gives them more than the SRE history and the bone-agent indication already say.
extension SurgeryRules {
    func girdleFindings() -> [Finding] {
        index.metastaticLesions.compactMap { lesion -> Finding? in
            guard [.clavicle, .scapula, .sternum].contains(lesion.bone), index.destructionSeen(lesion.id) || fractured(lesion.id),
                index.notForMetastasisScores(lesion.id) == nil,
                index.localTreatments(lesion.id, kind: .surgery).allSatisfy(\.planned)
            else { return nil }
            let name = index.label(lesion)
            let broken = fractured(lesion.id)
            let (pain, painText) = painOnRecord(lesion.id)
            let base = LocalizedText(
                en: "Mirels scores limb long bones and SINS the spine; neither applies to the \(lesion.bone.label.en), and no validated fracture-risk score for it is in BoneMet's sources.",
                zh: "Mirels 评分适用于四肢长骨，SINS 适用于脊柱；两者均不适用于\(lesion.bone.label.zhHans)，BoneMet 依据的文献中也没有经验证的骨折风险评分。")
            return Finding(
                ruleId: "surgery.girdle.noValidatedScore", severity: broken ? .warning : .advisory, duty: .surgery, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: index.assessedOn,
                title: broken
                    ? LocalizedText(
                        en: "\(name.en): pathological fracture — orthopaedic assessment",
                        zh: "\(name.zhHans)：病理性骨折——请骨科评估")
                    : LocalizedText(
                        en: "\(name.en): bone destruction — no validated score; orthopaedic oncology to judge",
                        zh: "\(name.zhHans)：骨质破坏——无经验证的评分，由骨肿瘤科判断"),
                detail: broken
                    ? LocalizedText(
                        en: "\(base.en) Whether the fracture is treated with immobilisation, radiotherapy for pain or fixation is judged by the orthopaedic oncologist on CT with the bone window.\(painText.en)",
                        zh: "\(base.zhHans)骨折采用制动、放疗止痛还是内固定，由骨肿瘤科医生依据 CT 骨窗判断。\(painText.zhHans)")
                    : LocalizedText(
                        en: "\(base.en) Whether it needs protection from load, radiotherapy or surgery is judged by the orthopaedic oncologist on CT with the bone window.\(painText.en)",
                        zh: "\(base.zhHans)是否需要避免负荷、放疗或手术，由骨肿瘤科医生依据 CT 骨窗判断。\(painText.zhHans)"),
                inputs: [FindingInput("bone", lesion.bone.rawValue), FindingInput("fracture", broken ? "true" : "false")]
                    + (pain?.nrs.map { [FindingInput("nrs", String($0))] } ?? []),
                sources: [Sources.mirels1989, Sources.fisher2010, DiagnosisRules.sourceHospital])
        }
    }
}
