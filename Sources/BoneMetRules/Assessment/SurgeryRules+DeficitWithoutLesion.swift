/// A neurological deficit in a patient with cancer and no spinal lesion on record.
extension SurgeryRules {
    /// NICE NG234 (reference.md): MRI of the whole spine within 24 hours when neurological
    /// symptoms or signs suggest metastatic spinal cord compression. The spine findings speak of
    /// a deficit only through a spinal lesion; a lung cancer with femoral and rib metastases and
    /// myelopathy (Frankel C) recorded had no word of it. Said when the latest neurological record
    /// shows myelopathy, cauda equina compression or a Frankel grade below E, no scored spinal
    /// lesion is on record, and no whole-spine MRI has been done since the deficit was recorded.
    func deficitWithoutSpinalLesionFinding() -> Finding? {
        guard index.hasKnownPrimary || !index.metastaticLesions.isEmpty,
            let neuro = index.latestNeurology(),
            neuro.showsDeficit,
            // The spine findings speak of a deficit through a scored spinal lesion; hot spots
            // without destruction and biopsy-proven other diagnoses are not scored (a breast
            // cancer's hot T7 and L3 without CT destruction left a myelopathy silent).
            !index.seenLesions.contains(where: index.isScoredSpinal)
        else { return nil }
        let imaged = index.studies.contains { study in
            study.modality == .mri && study.surveysWholeSpine && study.date.earliestDay >= neuro.date.earliestDay
        }
        guard !imaged else { return nil }
        // Treated since at a spinal lesion — decompressed, stabilised or irradiated —: the team
        // found its cause (`spinalLesionsTreated(since:)`).
        guard index.spinalLesionsTreated(since: neuro).isEmpty else { return nil }
        // Spinal metastases on record but never read on CT or MRI (an EHR's "T8椎体" Condition,
        // its MRI as report text only): the spine findings speak of the deficit through the one
        // it names — or the only spinal lesion there is (`SurgeryRules.compressionWithoutReading`)
        // —, and this finding then said "no spinal metastasis is on record" beside "T8 vertebra:
        // neurological deficit recorded" (unseen bundle ehr6, 2026-12-05). Otherwise it names them.
        let unread = index.metastaticLesions.filter { $0.isSpinal && index.presentPoints($0.id).isEmpty }
        let spinalCount = index.lesions.filter(\.isSpinal).count
        if unread.contains(where: { $0.id == neuro.lesion }) || (neuro.lesion == nil && spinalCount == 1 && unread.count == 1) { return nil }
        // Named head to tail (the record's order is the EHR's).
        let names = unread.sorted { a, b in
            switch (a.level, b.level) {
            case let (x?, y?): x < y
            case (_?, nil): true
            default: false
            }
        }.map { index.label($0) }
        let onRecord = names.isEmpty
            ? LocalizedText(
                en: "No spinal metastasis is on record to explain it", zh: "病历中无可解释的脊柱转移灶")
            : LocalizedText(
                en: "The spinal metastases on record (\(names.map(\.en).joined(separator: ", "))) have no CT or MRI reading to say which one causes it",
                zh: "病历中的脊柱转移灶（\(names.map(\.zhHans).joined(separator: "、"))）均无 CT 或 MRI 读片结果，无法判断由哪一处引起")
        let frankel = neuro.frankel.map { LocalizedText(en: ", Frankel \($0.rawValue)", zh: "，Frankel \($0.rawValue)") } ?? LocalizedText(en: "", zh: "")
        return Finding(
            ruleId: "surgery.spine.deficitWithoutLesion", severity: .urgent, duty: .surgery, specialty: .spineSurgery,
            subject: .patient, date: neuro.date,
            title: LocalizedText(
                en: names.isEmpty
                    ? "\(neuro.status.label.en.sentenceStart) with no spinal metastasis on record — MRI of the whole spine within 24 hours"
                    : "\(neuro.status.label.en.sentenceStart), spinal metastases not read on CT or MRI — MRI of the whole spine within 24 hours",
                zh: names.isEmpty
                    ? "\(neuro.status.label.zhHans)但无脊柱转移记录——24 小时内完成全脊柱 MRI"
                    : "\(neuro.status.label.zhHans)，脊柱转移灶无 CT/MRI 读片——24 小时内完成全脊柱 MRI"),
            detail: LocalizedText(
                en: "\(neuro.status.label.en.sentenceStart) (\(neuro.date)\(frankel.en)) in a patient with cancer: suspect metastatic spinal cord compression. MRI of the whole spine within 24 hours; dexamethasone 16 mg as soon as possible if compression is confirmed or strongly suspected; definitive treatment within 24 hours of the confirming MRI. \(onRecord.en), and no whole-spine MRI since the deficit was recorded.",
                zh: "肿瘤患者出现\(neuro.status.label.zhHans)（\(neuro.date)\(frankel.zhHans)）：需怀疑转移性脊髓压迫。24 小时内完成全脊柱 MRI；确诊或高度怀疑压迫时尽快给予地塞米松 16 mg；确诊 MRI 后 24 小时内完成确定性治疗。\(onRecord.zhHans)，且记录该神经功能障碍后未做全脊柱 MRI。"),
            inputs: [FindingInput("neurology", neuro.status.rawValue), FindingInput("frankel", neuro.frankel?.rawValue ?? "unknown")],
            sources: [Self.nice2023], withinHours: 24)
    }
}
