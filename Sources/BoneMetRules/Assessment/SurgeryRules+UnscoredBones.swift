/// Bones no validated fracture-risk score covers: the pelvis and acetabulum, the clavicle, scapula
/// and sternum. Mirels scores limb long bones (Mirels 1989) and SINS the spine (Fisher 2010), and
/// reference.md holds no validated score for these — so a destructive metastasis there is said
/// plainly, with the pain on record, rather than left silent (a periacetabular lesion with NRS 7
/// had no surgical finding; rule set 2026.12.54 added the shoulder girdle after a fractured
/// clavicle got none). A pathological fracture there asks for orthopaedic assessment (the source
/// hospital: orthopaedics prevents and treats pathological fractures) — until rule set 2026.12.55
/// a fractured acetabulum fell between the two and had no surgical finding at all. Rule set
/// 2026.12.328 adds the hand and foot: a lung cancer's destructive distal phalanx at NRS 7 and a
/// renal cancer's calcaneus with a 25 mm soft-tissue mass had no surgical finding (unseen records
/// cb91-a, cb91-d) — Mirels was derived on the long bones of the limbs, not the tubular bones of
/// the hand and foot. Ribs are left out: no source gives them more than the SRE history and the
/// bone-agent indication already say.
extension SurgeryRules {
    /// The rule id of an unscored bone's finding.
    static func unscoredRuleId(_ bone: Bone) -> String {
        switch bone {
        case .pelvis, .acetabulum: "surgery.pelvis.noValidatedScore"
        case .hand, .foot: "surgery.handFoot.noValidatedScore"
        default: "surgery.girdle.noValidatedScore"
        }
    }

    /// A pelvic or girdle lesion (not the acetabulum, which carries the hip) turning sclerotic —
    /// its latest reading blastic without destruction after a lytic or mixed one, or partly
    /// filled in: the MDA criteria's response (Hamaoka 2004) — and pain-free (NRS 0 recorded on
    /// or after that reading), unoperated and unplanned: no decision waits on it now. An ilium
    /// partly filled in under letrozole, NRS 0, read "bone destruction — orthopaedic oncology to
    /// judge" as an advisory on the impending-fractures worklist (unseen record cb77-ab); the
    /// spine's quiet lesion is said the same way.
    func healingAndPainFree(_ lesion: Lesion, reads: [CaseIndex.Point], pain: PainRecord?) -> Finding? {
        guard let latest = reads.last, latest.observation.character == .blastic, latest.observation.boneDestruction != true,
              let pain, pain.nrs == 0, pain.date.earliestDay >= latest.study.date.earliestDay,
              index.localTreatments(lesion.id, kind: .surgery).isEmpty
        else { return nil }
        let converted = reads.dropLast().contains { $0.observation.character == .lytic || $0.observation.character == .mixed }
        guard converted || latest.observation.fillIn == .partial else { return nil }
        let name = index.label(lesion)
        let picture = latest.observation.fillIn == .partial
            ? LocalizedText(en: "partial sclerotic fill-in", zh: "部分硬化填充")
            : LocalizedText(en: "lytic-to-blastic conversion", zh: "溶骨转为成骨")
        return Finding(
            ruleId: Self.unscoredRuleId(lesion.bone),
            severity: .info, duty: .surgery, specialty: .orthopaedics, subject: .lesion(lesion.id), date: index.assessedOn,
            title: LocalizedText(
                en: "\(name.en): healing and pain-free — no decision waits on it now",
                zh: "\(name.zhHans)：正在愈合且无疼痛——目前无需处理"),
            detail: LocalizedText(
                en: "The \(latest.study.label.en) shows \(picture.en), a response by the MDA criteria, and it is pain-free (NRS 0, \(pain.date)): no decision on protected weight bearing, radiotherapy or surgery waits on it now. No validated fracture-risk score covers the \(lesion.bone.label.en) (Mirels is for limb long bones, SINS for the spine): orthopaedic oncology judges it on CT with the bone window if pain returns or it grows.",
                zh: "\(latest.study.label.zhHans)示\(picture.zhHans)（MDA 标准的缓解），且无疼痛（NRS 0，\(pain.date)）：目前无需决定限制负重、放疗或手术。\(lesion.bone.label.zhHans)无经验证的骨折风险评分（Mirels 适用于四肢长骨，SINS 适用于脊柱）：如疼痛复现或病灶增大，由骨肿瘤科依据 CT 骨窗判断。"),
            inputs: [FindingInput("bone", lesion.bone.rawValue), FindingInput("fracture", "false"), FindingInput("nrs", "0")],
            sources: [Sources.mirels1989, Sources.fisher2010, DiagnosisRules.hamaoka2004])
    }

    func unscoredBoneFindings() -> [Finding] {
        index.metastaticLesions.compactMap { lesion -> Finding? in
            let pelvic = lesion.bone == .pelvis || lesion.bone == .acetabulum
            guard pelvic || [.clavicle, .scapula, .sternum, .hand, .foot].contains(lesion.bone), index.destructionSeen(lesion.id) || fractured(lesion.id),
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
            if !broken, !joint, let quiet = healingAndPainFree(lesion, reads: reads, pain: pain) { return quiet }
            if !broken, let absent = index.noLongerSeen(lesion.id), let last = reads.last?.study {
                return unscoredNoLongerSeenFinding(lesion, name: name, last: last, absent: absent)
            }
            let bone = joint ? LocalizedText(en: "acetabulum", zh: "髋臼") : lesion.bone.label
            let base = LocalizedText(
                en: "Mirels scores limb long bones and SINS the spine; neither applies to the \(bone.en), and no validated fracture-risk score for it is in BoneMet's sources.",
                zh: "Mirels 评分适用于四肢长骨，SINS 适用于脊柱；两者均不适用于\(bone.zhHans)，BoneMet 依据的文献中也没有经验证的骨折风险评分。")
            // What the judgement weighs: the load the bone carries (the acetabulum the hip's, the
            // foot the body's weight).
            let weightBearing = pelvic || lesion.bone == .foot
            let load = weightBearing
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
                ruleId: Self.unscoredRuleId(lesion.bone),
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
                        en: "\(base.en) Whether the fracture is treated with \(weightBearing ? "protected weight bearing" : "immobilisation"), radiotherapy for pain or surgery is judged by the orthopaedic oncologist on CT with the bone window\(hip.en).\(painText.en)\(operation.en)",
                        zh: "\(base.zhHans)骨折采用\(weightBearing ? "限制负重" : "制动")、放疗止痛还是手术，由骨肿瘤科医生依据 CT 骨窗判断\(hip.zhHans)。\(painText.zhHans)\(operation.zhHans)")
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
