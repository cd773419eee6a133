/// Imaging that disagrees about a hot spot: tracer uptake and no destruction on the CT bone
/// window, but a soft-tissue mass at the lesion on CT or MRI (epidural extension or a
/// soft-tissue component), or an MRI signal that does or does not agree.
extension DiagnosisRules {
    /// The source hospital's rule (uptake without CT destruction is no metastasis diagnosis) is
    /// about the bone; a mass beside or inside the canal is tumour tissue it does not exclude. A
    /// hot T7 with no destruction on CT and ESCC 2 with myelopathy on MRI read "do not treat it
    /// as a metastasis", its compression silent. Said as imaging that cannot decide — pathology
    /// is the gold standard then (reference.md) — while the spine findings treat the compression.
    func massWithoutDestructionFindings() -> [Finding] {
        index.seenLesions.compactMap { lesion -> Finding? in
            guard index.tracerUptake(lesion.id) == true, !index.destructionSeen(lesion.id), index.diagnosticBiopsy(lesion.id) == nil,
                let mass = index.softTissueMass(lesion.id), let ct = index.destructionExcluded(lesion.id).last
            else { return nil }
            let name = index.label(lesion)
            let what = mass.observation.escc.map { $0 > .g0 } == true
                ? LocalizedText(
                    en: "epidural tumour (ESCC \(mass.observation.escc?.rawValue ?? ""))",
                    zh: "硬膜外肿瘤（ESCC \(mass.observation.escc?.rawValue ?? "")）")
                : LocalizedText(
                    en: "a soft-tissue mass (\(mass.observation.softTissueMm.map(CaseIndex.format) ?? "") mm)",
                    zh: "软组织肿块（\(mass.observation.softTissueMm.map(CaseIndex.format) ?? "") mm）")
            let reading = Self.boneReading(ct.study)
            let spinal = lesion.isSpinal && mass.observation.escc != nil
            return Finding(
                ruleId: "diagnosis.massWithoutDestruction", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: mass.study.date,
                title: LocalizedText(
                    en: "\(name.en): \(what.en) without bone destruction — imaging cannot decide",
                    zh: "\(name.zhHans)：\(what.zhHans)但无骨质破坏——影像不能定性"),
                detail: LocalizedText(
                    en: "Tracer uptake and no bone destruction on the \(reading.en) (\(ct.study.date)), but the \(mass.study.label.en) shows \(what.en). A mass is tumour tissue until shown otherwise: the bone window's reading does not exclude it.\(spinal ? " The compression is treated on its own merits (spine finding)." : "") Imaging cannot decide the diagnosis: pathology is the gold standard — obtain tissue (biopsy, or at the operation).",
                    zh: "有放射性浓聚，且\(reading.zhHans)（\(ct.study.date)）未见骨质破坏，但 \(mass.study.label.zhHans)显示\(what.zhHans)。在被排除之前，肿块应视为肿瘤组织：骨窗未见破坏不能排除它。\(spinal ? "压迫按其本身处理（见脊柱评估）。" : "")影像不能定性：病理是金标准——请取得组织（活检或术中取材）。"),
                inputs: [
                    FindingInput("uptake", "true"), FindingInput("boneDestruction", "false"),
                    FindingInput("escc", mass.observation.escc?.rawValue ?? "unknown"),
                    FindingInput("softTissueMm", mass.observation.softTissueMm.map { String(describing: $0) } ?? "unknown"),
                ],
                sources: [Self.sourceHospital])
        }
    }

    /// The latest MRI reading of the lesion's signal, said beside "uptake without destruction":
    /// an abnormal signal disagrees with the CT (MRI alone has many false positives — the source
    /// MDT's breast surgeon — so it does not make the diagnosis), a normal one agrees.
    func mriSignal(_ lesion: String) -> LocalizedText {
        guard let mri = index.presentPoints(lesion).last(where: { $0.study.modality == .mri && $0.observation.normalSignal != nil }),
            let normal = mri.observation.normalSignal
        else { return LocalizedText(en: "", zh: "") }
        return normal
            ? LocalizedText(en: " The MRI of \(mri.study.date) shows normal signal here, which agrees.", zh: "\(mri.study.date) 的 MRI 此处信号正常，与此一致。")
            : LocalizedText(
                en: " The MRI of \(mri.study.date) shows abnormal signal here: MRI alone has many false positives and does not make the diagnosis; if the follow-up CT still disagrees with it, pathology is the gold standard.",
                zh: "\(mri.study.date) 的 MRI 此处信号异常：MRI 假阳性较多，不能单独确诊；如随访 CT 仍与之不符，病理是金标准。")
    }

    /// The reading that excluded destruction, as the findings name it.
    static func boneReading(_ study: ImagingStudy) -> LocalizedText {
        study.modality == .xray ? LocalizedText(en: "X-ray", zh: " X 线片") : LocalizedText(en: "CT bone window", zh: " CT 骨窗")
    }
}
