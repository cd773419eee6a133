/// Cord or cauda-equina compression at a spinal lesion that a biopsy showed not to be a
/// metastasis (a primary bone tumour, giant cell tumour, benign or degenerative lesion).
extension SurgeryRules {
    /// SINS and NOMS are for metastases, so such a lesion leaves the spine findings; its
    /// compression must not leave with it. A biopsy-proven chordoma of T7 at ESCC 2 with
    /// myelopathy had only "biopsy shows primary bone tumour" (a warning) and no word of the cord.
    /// Urgent with a neurological deficit, a spine-surgery review without one; the treatment
    /// follows the diagnosis (reference.md: a primary bone tumour by a bone-tumour surgeon),
    /// so no radiotherapy-by-radiosensitivity and no dexamethasone protocol, which NICE NG234
    /// writes for metastatic compression.
    func compressionOtherCauseFindings() -> [Finding] {
        index.seenLesions.compactMap { lesion -> Finding? in
            guard lesion.isSpinal, let result = index.notForMetastasisScores(lesion.id) else { return nil }
            let graded = index.presentPoints(lesion.id).filter { $0.study.modality.isAnatomic }.last { $0.observation.escc != nil }
            let escc = graded.flatMap { $0.observation.escc.map { ESCC.evaluate($0, settings: index.settings) } }
            let neuro = index.latestNeurology(for: lesion.id)
            // Its own deficit: recorded at this lesion, or the patient's with a high-grade
            // compression here to explain it.
            let deficit = neuro.map { $0.showsDeficit && ($0.lesion == lesion.id || escc?.highGrade == true) } ?? false
            guard deficit || escc?.highGrade == true else { return nil }
            let operated = index.localTreatments(lesion.id, kind: .surgery).contains { !$0.planned && ($0.procedure?.treatsSpine ?? false) && ($0.start.map { start in graded.map { start.earliestDay >= $0.study.date.earliestDay } ?? true } ?? false) }
            guard !operated else { return nil }
            let name = index.label(lesion)
            let gradeText = escc.map { LocalizedText(en: "ESCC \($0.grade.rawValue) on the \(graded?.study.label.en ?? "MRI")", zh: "\(graded?.study.label.zhHans ?? "MRI") ESCC \($0.grade.rawValue) 级") }
            let neuroText = deficit ? neuro.map { record in
                LocalizedText(
                    en: "\(record.status.label.en) (\(record.date))\(record.frankel.map { ", Frankel \($0.rawValue)" } ?? "")",
                    zh: "\(record.status.label.zhHans)（\(record.date)）\(record.frankel.map { "，Frankel \($0.rawValue)" } ?? "")")
            } : nil
            let facts = LocalizedText.joined([gradeText, neuroText].compactMap { $0 }, en: "; ", zh: "；")
            let tumour = result == .primaryBoneTumour || result == .giantCellTumour
            let whose = tumour
                ? LocalizedText(
                    en: "a bone-tumour spine surgeon plans it by the tumour's own rules",
                    zh: "由骨肿瘤脊柱外科医生按该肿瘤本身的原则制定方案")
                : LocalizedText(en: "the spine surgeon treats it as its cause requires", zh: "由脊柱外科按其病因处理")
            return Finding(
                ruleId: "surgery.spine.compressionOtherCause", severity: deficit ? .urgent : .warning, duty: .surgery, specialty: .spineSurgery,
                subject: .lesion(lesion.id), date: neuro.map { max($0.date, graded?.study.date ?? $0.date) } ?? graded?.study.date ?? index.assessedOn,
                title: LocalizedText(
                    en: "\(name.en): \(deficit ? "neural compression with a deficit" : "high-grade cord compression") (\(result.label.en)) — \(deficit ? "emergency spine referral" : "spine-surgery review")",
                    zh: "\(name.zhHans)：\(deficit ? "神经受压伴功能障碍" : "高级别脊髓压迫")（\(result.label.zhHans)）——\(deficit ? "急诊脊柱外科转诊" : "脊柱外科评估")"),
                detail: LocalizedText(
                    en: "\(facts.en). The biopsy showed \(result.label.en), not a metastasis, so the metastasis pathway (SINS, NOMS, radiotherapy by radiosensitivity) does not apply — but the compression does: \(deficit ? "a neurological deficit from compression is an emergency whatever its cause" : "high-grade compression needs a spine surgeon's decision before a deficit appears"); \(whose.en).",
                    zh: "\(facts.zhHans)。活检为\(result.label.zhHans)而非转移，转移瘤的处理路径（SINS、NOMS、按放疗敏感性放疗）不适用——但压迫仍需处理：\(deficit ? "压迫所致神经功能障碍无论病因均为急症" : "高级别压迫需在出现神经功能障碍前由脊柱外科决策")；\(whose.zhHans)。"),
                inputs: [
                    FindingInput("biopsyResult", result.rawValue), FindingInput("escc", escc?.grade.rawValue ?? "unknown"),
                    FindingInput("neurology", neuro?.status.rawValue ?? "unknown"),
                ],
                sources: [Sources.bilsky2010, DiagnosisRules.sourceHospital])
        }
    }
}
