/// Vertebral fracture after denosumab was stopped (rule set 2026.12.55). A breast cancer's
/// denosumab was stopped after five and a half years; ten months later two lumbar vertebrae had
/// collapsed where the last CT showed nothing, with no bone destruction on the MRI — and BoneMet
/// scored them as two new vertebral metastases (SINS "potentially unstable", Tokuhashi's count,
/// two skeletal-related events). Multiple vertebral fractures after stopping denosumab are in its
/// label (rebound bone turnover), and they change what is done: the antiresorptive resumed, the
/// fracture treated as an osteoporotic one — not surgery or radiotherapy for a metastasis. The
/// finding puts it in the differential until the CT bone window (destruction) or tissue decides.
///
/// Several vertebrae so broken are one finding (rule set 2026.12.219): "multiple vertebral
/// fractures" is the label's picture, and three findings each saying it of one vertebra hid it
/// (cb47-c, T9, L1 and L2 nine months after the stop).
extension DifferentialRules {
    func vertebralFracturesAfterDenosumab() -> [Finding] {
        let broken = index.seenLesions.compactMap { lesion -> (Lesion, PartialDate, PartialDate, lapsed: Bool)? in
            // Broken after the stop, where no tumour was ever seen (`CaseIndex.antiresorptiveFractures`).
            guard let found = index.antiresorptiveFractures[lesion.id], case .reboundAfterDenosumab(let stop, let lapsed) = found.kind else { return nil }
            return (lesion, found.fractured, stop, lapsed)
        }.sorted { Lesion.anatomicalOrder($0.0, $1.0) }
        guard let latest = broken.max(by: { $0.2 < $1.2 }) else { return [] }
        let stop = latest.2
        // A course left to lapse (no stop recorded) is said as it happened: its dose due and not given.
        let afterStop = latest.lapsed
            ? LocalizedText(en: "after denosumab lapsed (due \(stop), not given)", zh: "地舒单抗中断（\(stop) 应给药而未给）后")
            : LocalizedText(en: "after denosumab was stopped (\(stop))", zh: "地舒单抗停药（\(stop)）后")
        let afterStopOn = latest.lapsed
            ? LocalizedText(en: "after denosumab lapsed — its dose due on \(stop) was not given", zh: "地舒单抗中断（\(stop) 应给药而未给）之后")
            : LocalizedText(en: "after denosumab was stopped on \(stop)", zh: "地舒单抗停药（\(stop)）之后")
        let action = LocalizedText(
            en: "Before treating \(broken.count == 1 ? "it as a metastasis (its" : "them as metastases (their") scores, surgery or radiotherapy): CT with the bone window for destruction, MRI signal; decide with medical oncology on resuming denosumab or another antiresorptive.",
            zh: "在按转移灶处理（评分、手术或放疗）前：行 CT 骨窗观察有无骨质破坏，并参考 MRI 信号；与肿瘤内科共同决定恢复地舒单抗或改用其他抗骨吸收药物。")
        if broken.count == 1, let (lesion, fractured, stop, _) = broken.first {
            let name = index.label(lesion)
            return [Finding(
                ruleId: "diagnosis.differential.fractureAfterDenosumab", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: fractured,
                title: LocalizedText(
                    en: "\(name.en): vertebral fracture \(afterStop.en) — rebound fracture in the differential",
                    zh: "\(name.zhHans)：\(afterStop.zhHans)椎体骨折——需鉴别停药后反弹性骨折"),
                detail: LocalizedText(
                    en: "Vertebral fracture first seen \(fractured), \(afterStopOn.en), with no bone destruction or lytic change on record. Multiple vertebral fractures after stopping denosumab are described in its label (rebound bone turnover). \(action.en)",
                    zh: "\(fractured) 首次发现椎体骨折，发生于\(afterStopOn.zhHans)，病历中无骨质破坏或溶骨性改变。地舒单抗说明书记载停药后可发生多发椎体骨折（骨转换反弹）。\(action.zhHans)"),
                inputs: [FindingInput("fractured", "\(fractured)"), FindingInput("denosumabStopped", "\(stop)")],
                sources: [BoneAgentRules.xgevaDiscontinuation])]
        }
        let names = LocalizedText.joined(broken.map { index.label($0.0) }, en: "; ", zh: "、")
        // One day for all is said once.
        let days = Set(broken.map(\.1))
        let seen = days.count == 1
            ? LocalizedText(en: "all on \(broken[0].1)", zh: "均于 \(broken[0].1)")
            : LocalizedText.joined(broken.map { lesion, fractured, _, _ in
                LocalizedText(en: "\(index.label(lesion).en) \(fractured)", zh: "\(index.label(lesion).zhHans) \(fractured)")
            }, en: ", ", zh: "，")
        return [Finding(
            ruleId: "diagnosis.differential.fractureAfterDenosumab", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
            subject: .patient, date: broken.map(\.1).max() ?? index.assessedOn,
            title: LocalizedText(
                en: "\(broken.count) vertebral fractures \(afterStop.en): \(names.en) — rebound fractures in the differential",
                zh: "\(afterStop.zhHans) \(broken.count) 处椎体骨折：\(names.zhHans)——需鉴别停药后反弹性骨折"),
            detail: LocalizedText(
                en: "Vertebral fractures first seen \(afterStopOn.en) (\(seen.en)), with no bone destruction or lytic change on record. Multiple vertebral fractures after stopping denosumab are described in its label (rebound bone turnover). \(action.en)",
                zh: "\(afterStopOn.zhHans)首次发现椎体骨折（\(seen.zhHans)），病历中无骨质破坏或溶骨性改变。地舒单抗说明书记载停药后可发生多发椎体骨折（骨转换反弹）。\(action.zhHans)"),
            inputs: [FindingInput("lesions", broken.map(\.0.id).joined(separator: ",")), FindingInput("denosumabStopped", "\(stop)")],
            sources: [BoneAgentRules.xgevaDiscontinuation])]
    }
}
