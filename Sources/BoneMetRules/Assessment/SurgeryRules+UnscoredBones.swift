/// Bones no validated fracture-risk score covers: the pelvis and acetabulum, the clavicle, scapula
/// and sternum. Mirels scores limb long bones (Mirels 1989) and SINS the spine (Fisher 2010), and
/// reference.md holds no validated score for these — so a destructive metastasis there is said
/// plainly, with the pain on record, rather than left silent (a periacetabular lesion with NRS 7
/// had no surgical finding; rule set 2026.12.54 added the shoulder girdle after a fractured
/// clavicle got none). A pathological fracture there asks for orthopaedic assessment (the source
/// hospital: orthopaedics prevents and treats pathological fractures) — until rule set 2026.12.55
/// a fractured acetabulum fell between the two and had no surgical finding at all. Ribs are left
/// out: no source gives them more than the SRE history and the bone-agent indication already say.
extension SurgeryRules {
    func unscoredBoneFindings() -> [Finding] {
        index.metastaticLesions.compactMap { lesion -> Finding? in
            let pelvic = lesion.bone == .pelvis || lesion.bone == .acetabulum
            guard pelvic || [.clavicle, .scapula, .sternum].contains(lesion.bone), index.destructionSeen(lesion.id) || fractured(lesion.id),
                index.notForMetastasisScores(lesion.id) == nil,
                index.localTreatments(lesion.id, kind: .surgery).allSatisfy(\.planned)
            else { return nil }
            let broken = fractured(lesion.id)
            // Healed: completely filled in by sclerosis at the latest bone reading (MDA complete
            // response, Hamaoka 2004) — a pelvis read "complete fill-in" under letrozole was still
            // "bone destruction, orthopaedic oncology to judge" on the worklist.
            // Blastic readings since the complete fill-in keep it healed: a healed ilium re-read
            // "blastic" (fill-in not restated) was sent to orthopaedic oncology again (cb64-t).
            let reads = index.presentPoints(lesion.id).filter(\.readsBone)
            let healed = reads.lastIndex { $0.observation.fillIn == .complete }.map { at in
                reads[(at + 1)...].allSatisfy { point in
                    point.observation.boneDestruction != true && (point.observation.character == nil || point.observation.character == .blastic)
                }
            } ?? false
            guard broken || !healed else { return nil }
            let name = index.label(lesion)
            let joint = lesion.isAcetabular
            let (pain, painText) = painOnRecord(lesion.id)
            let bone = joint ? LocalizedText(en: "acetabulum", zh: "髋臼") : lesion.bone.label
            let base = LocalizedText(
                en: "Mirels scores limb long bones and SINS the spine; neither applies to the \(bone.en), and no validated fracture-risk score for it is in BoneMet's sources.",
                zh: "Mirels 评分适用于四肢长骨，SINS 适用于脊柱；两者均不适用于\(bone.zhHans)，BoneMet 依据的文献中也没有经验证的骨折风险评分。")
            // What the judgement weighs: the load the bone carries (the acetabulum the hip's).
            let load = pelvic
                ? LocalizedText(en: "protected weight bearing", zh: "限制负重")
                : LocalizedText(en: "protection from load", zh: "避免负荷")
            let hip = joint ? LocalizedText(en: " (the acetabulum carries the hip's load)", zh: "（髋臼承担髋关节负重）") : LocalizedText(en: "", zh: "")
            // An operation planned on it: what every operation must also say — embolisation for a
            // hypervascular metastasis (reference.md; Pazionis 2014). A renal cancer's acetabulum
            // planned for curettage, cement and a hip replacement had it nowhere (cb28-j); the
            // biopsy-first part is the diagnosis findings' own.
            let planned = index.localTreatments(lesion.id, kind: .surgery).filter(\.planned)
            let hypervascular = planned.isEmpty ? [] : index.primaryCandidates(for: lesion.id).filter(\.isHypervascular)
            let operation = hypervascular.isEmpty
                ? LocalizedText(en: "", zh: "")
                : {
                    let what = LocalizedText.joined(planned.map(\.label), en: "; ", zh: "；")
                    let sentence = embolisationSentence(lesion.id, hypervascular: hypervascular)
                    return LocalizedText(en: " Planned: \(what.en). \(sentence.en)", zh: "已计划：\(what.zhHans)。\(sentence.zhHans)")
                }()
            return Finding(
                ruleId: pelvic ? "surgery.pelvis.noValidatedScore" : "surgery.girdle.noValidatedScore",
                severity: broken ? .warning : .advisory, duty: .surgery, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: index.assessedOn,
                title: broken
                    ? LocalizedText(
                        en: "\(name.en): pathological fracture — orthopaedic assessment",
                        zh: "\(name.zhHans)：病理性骨折——请骨科评估")
                    : LocalizedText(
                        en: "\(name.en): bone destruction\(joint ? " at the hip joint" : "") — no validated score; orthopaedic oncology to judge",
                        zh: "\(name.zhHans)：骨质破坏\(joint ? "累及髋关节" : "")——无经验证的评分，由骨肿瘤科判断"),
                detail: broken
                    ? LocalizedText(
                        en: "\(base.en) Whether the fracture is treated with \(pelvic ? "protected weight bearing" : "immobilisation"), radiotherapy for pain or surgery is judged by the orthopaedic oncologist on CT with the bone window\(hip.en).\(painText.en)\(operation.en)",
                        zh: "\(base.zhHans)骨折采用\(pelvic ? "限制负重" : "制动")、放疗止痛还是手术，由骨肿瘤科医生依据 CT 骨窗判断\(hip.zhHans)。\(painText.zhHans)\(operation.zhHans)")
                    : LocalizedText(
                        en: "\(base.en) Whether it needs \(load.en), radiotherapy or surgery is judged by the orthopaedic oncologist on CT with the bone window\(hip.en).\(painText.en)\(operation.en)",
                        zh: "\(base.zhHans)是否需要\(load.zhHans)、放疗或手术，由骨肿瘤科医生依据 CT 骨窗判断\(hip.zhHans)。\(painText.zhHans)\(operation.zhHans)"),
                inputs: [FindingInput("bone", lesion.bone.rawValue), FindingInput("fracture", broken ? "true" : "false")]
                    + (pain?.nrs.map { [FindingInput("nrs", String($0))] } ?? []),
                sources: [Sources.mirels1989, Sources.fisher2010] + (broken ? [DiagnosisRules.sourceHospital] : [])
                    + (hypervascular.isEmpty ? [] : [Self.pazionis2014]))
        }
    }
}
