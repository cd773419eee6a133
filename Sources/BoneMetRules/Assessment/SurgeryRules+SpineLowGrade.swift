/// The NOMS reading of a spinal lesion stable by SINS with low-grade (or no) epidural compression
/// and no deficit (Laufer 2013): the radiotherapy technique by histology, unless nothing waits on
/// it (pain-free or healed, intact — or not yet examined), tissue comes first, or its pain is not
/// on record. Moved out of SurgeryRules+Spine.swift (41.8 KiB) with rule set .359.
extension SurgeryRules {
    func stableLowGradeReading(
        _ lesion: String, sins: SINS.Result, escc: ESCC.Result?, neuro: NeurologyRecord?, deficit: Bool, oncology: Radiosensitivity,
        irradiated: Bool, openWithoutOperation: [LocalizedText], deficitElsewhere: Bool = false
    ) -> (text: LocalizedText, tissueFirst: Bool) {
        // Irradiated already: the technique is re-irradiation's, said below — "Stable,
        // low-grade: conventional radiotherapy" stood before "not conventional radiotherapy"
        // (unseen record cb62-g).
        let byHistology: LocalizedText = switch oncology {
        case .sensitive: LocalizedText(en: "conventional radiotherapy.", zh: "常规放疗。")
        case .resistant: LocalizedText(en: "stereotactic radiosurgery for radioresistant histology.", zh: "放疗抵抗组织学行立体定向放射外科。")
        case .unknown:
            LocalizedText(
                en: "the radiotherapy technique depends on the histology — conventional if radiosensitive, stereotactic radiosurgery if radioresistant.",
                zh: "放疗方式取决于组织学——放疗敏感者常规放疗，放疗抵抗者立体定向放射外科。")
        }
        let technique = !irradiated
            ? byHistology
            : LocalizedText(en: "radiation oncology decides any re-irradiation.", zh: "是否再程放疗由放疗科决定。")
        let plain = !irradiated
            ? LocalizedText(en: "Stable, low-grade: \(technique.en)", zh: "稳定、低级别压迫：\(technique.zhHans)")
            : LocalizedText(en: "Stable, low-grade.", zh: "稳定、低级别压迫。")
        // Pain-free (or healed) and intact, as with the grade unknown: no radiotherapy is in
        // question now. A breast cancer's T7, ESCC 1a, its MRI signal normal again under
        // letrozole and abemaciclib, pain-free, read "radiotherapy waits for the biopsy"
        // (cb24-v, rule set 2026.12.160).
        let (quiet, healed, unexamined) = quietLesion(lesion, sins: sins, neuro: neuro, deficit: deficit)
        let state = healed.map { LocalizedText(en: "healed (\($0.en))", zh: "已愈合（\($0.zhHans)）") }
            ?? LocalizedText(en: "pain-free", zh: "无痛")
        let grade = escc?.grade.rawValue ?? ""
        // An undiagnosed lytic or mixed lesion (solitary, a long disease-free interval …) is
        // irradiated only once tissue has shown what it is: its O is the primary's only if it
        // is a metastasis (myeloma would be radiosensitive, a primary bone tumour another
        // treatment). A solitary S2 lytic lesion eight years after a renal cancer read
        // "stereotactic radiosurgery" beside "biopsy indicated" (cb22-g). Blastic lesions keep
        // the diagnosis findings' own advice (no biopsy under therapy, follow-up).
        if quiet {
            let technique = openWithoutOperation.isEmpty
                ? technique
                : LocalizedText(en: "tissue first, then the technique its histology decides.", zh: "先取病理，再按其组织学选择放疗方式。")
            return (LocalizedText(
                en: "Stable, low-grade (ESCC \(grade)), \(state.en) and neurologically intact: no treatment decision waits on it now. If pain or neurological signs appear: \(technique.en)",
                zh: "稳定、低级别压迫（ESCC \(grade)）、\(state.zhHans)且神经功能正常：目前无需据此作治疗决策。如出现疼痛或神经症状：\(technique.zhHans)"), false)
        } else if !openWithoutOperation.isEmpty, let latest = index.characters(lesion).last, latest != .blastic {
            let reasons = LocalizedText.joined(openWithoutOperation, en: "; ", zh: "；")
            return (LocalizedText(
                en: "Stable, low-grade — tissue diagnosis first (\(reasons.en)): radiotherapy waits for the biopsy, whose histology decides the technique; if it is a metastasis of the primary on record, \(technique.en)",
                zh: "稳定、低级别压迫——先明确病理（\(reasons.zhHans)）：放疗待活检结果，其组织学决定放疗方式；如证实为已知原发灶的转移，\(technique.zhHans)"), true)
        } else if unexamined {
            return (LocalizedText(
                en: "Stable, low-grade (ESCC \(grade)) and \(state.en): no treatment decision waits on it now if the neurological examination is normal — none is on record since the lesion was found; record it. If pain or neurological signs appear: \(technique.en)",
                zh: "稳定、低级别压迫（ESCC \(grade)）且\(state.zhHans)：如神经系统查体正常，目前无需据此作治疗决策——发现该病灶后无神经系统查体记录，请补充。如出现疼痛或神经症状：\(technique.zhHans)"), false)
        } else if sins.components.first(where: { $0.key == "pain" })?.value == nil, !deficit,
            deficitElsewhere || (neuro?.status != .myelopathy && neuro?.status != .caudaEquina)
        {
            // Its pain not on record: NOMS chooses the technique for a lesion that is treated,
            // and pain (or neurological signs) is what usually makes it one — a blastic T10 of
            // a castration-resistant cancer, no pain recorded, read as a directive to irradiate
            // (cb49-b). Said as the condition it is, with what settles it. A myelopathy recorded at
            // another level, or explained by another level's compression, does not call for this
            // one: a breast cancer's blastic L1, ESCC 0, its pain unrecorded, read "Stable,
            // low-grade: conventional radiotherapy" beside T7's compression with Frankel D
            // (unseen record cb153-b, rule set 2026.12.400).
            return (LocalizedText(
                en: "Stable, low-grade: if it is treated locally, \(technique.en) Its pain is not on record — pain or neurological signs are what usually call for it; record the pain.",
                zh: "稳定、低级别压迫：如需局部治疗，\(technique.zhHans)该病灶的疼痛情况未记录——通常因疼痛或神经症状才需治疗；请记录疼痛。"), false)
        }
        return (plain, false)
    }
}
