/// A spinal cord compression recorded at a bone that cannot compress the cord — a limb bone, the
/// shoulder girdle, the sternum, the acetabulum (`Lesion.cannotCompressTheCord`). A renal-cell
/// cancer's compression event recorded at its fractured humerus counted among the skeletal-related
/// events as "spinal cord compression, right humerus, diaphysis", and no spine finding read it
/// (unseen record cb153-a, rule set 2026.12.399): an event picked against the wrong lesion, or the
/// wrong kind. Said once per event, to the record-corrections worklist; the event counts for
/// nothing until it is corrected — and if the compression is real and current, it is an emergency
/// whatever lesion it was entered against.
extension CaseIndex {
    /// The cord-compression events of the record, by the assessment's day, entered at a lesion whose
    /// bone cannot compress the cord.
    var misplacedCompressions: [ClinicalEvent] {
        record.events.filter { known($0.date) && isMisplacedCompression($0) }
    }

    /// A cord-compression event entered at a lesion whose bone cannot compress the cord.
    func isMisplacedCompression(_ event: ClinicalEvent) -> Bool {
        event.kind == .cordCompression && (event.lesion.flatMap { lesionsById[$0] }?.cannotCompressTheCord ?? false)
    }
}

extension DiagnosisRules {
    func misplacedCompressionFindings() -> [Finding] {
        index.misplacedCompressions.compactMap { event -> Finding? in
            guard let lesion = event.lesion else { return nil }
            let name = index.label(lesionId: lesion)
            let current = event.isCurrent
                ? LocalizedText(
                    en: " If the patient has a compression now, it is an emergency whatever lesion it was entered against: MRI of the whole spine within 24 hours, dexamethasone 16 mg, definitive treatment within 24 hours of the confirming MRI (NICE NG234).",
                    zh: "如患者目前确有脊髓压迫，无论记录在哪个病灶均属急症：24 小时内全脊柱 MRI，地塞米松 16 mg，确诊 MRI 后 24 小时内确定性治疗（NICE NG234）。")
                : LocalizedText(en: "", zh: "")
            return Finding(
                ruleId: "diagnosis.record.eventSite", severity: .warning, duty: .diagnosis, specialty: .mdtCoordinator,
                subject: .lesion(lesion), date: event.date,
                title: LocalizedText(
                    en: "Spinal cord compression recorded at \(name.en) (\(event.date)) — not a spinal bone: correct the record",
                    zh: "脊髓压迫记录在\(name.zhHans)（\(event.date)）——并非脊柱骨：请更正记录"),
                detail: LocalizedText(
                    en: "A spinal cord compression is the spinal cord or cauda equina pressed on by a metastasis of the spine (NICE NG234); it cannot be at \(name.en). Record it at the vertebra it is at, or correct its kind (a pathological fracture?). Until then no spine finding reads it and it is not counted as a skeletal-related event.\(current.en)",
                    zh: "脊髓压迫是脊柱转移瘤压迫脊髓或马尾（NICE NG234），不可能位于\(name.zhHans)。请将其记录在所在椎体，或更正事件类型（是否为病理性骨折？）。更正前，脊柱相关提示均不读取该事件，也不计为骨相关事件。\(current.zhHans)"),
                inputs: [FindingInput("lesion", lesion), FindingInput("event", "cordCompression \(event.date)")],
                sources: [SurgeryRules.nice2023])
        }
    }
}
