/// A compressed or unstable vertebra whose radiotherapy began on or after the study that showed
/// it: the definitive treatment is under way or given (NICE NG234: surgery and/or radiotherapy),
/// so NOMS no longer proposes it — unless the spine is unstable, which radiotherapy does not
/// mend (SINS 13–18: stabilisation, Fisher 2010; Laufer 2013).
extension SurgeryRules {
    func radiotherapyGiven(
        _ course: Treatment, after study: PartialDate, deficit: Bool, sins: SINS.Result, sinsText: String
    ) -> (severity: Severity, text: LocalizedText, sources: [Citation]) {
        var sources: [Citation] = []
        let lag = course.start.map { $0.earliestDay - study.latestDay }
        let when: LocalizedText = lag.map { days in
            days <= 0
                ? LocalizedText(en: " (begun the day of the study of \(study))", zh: "（\(study) 检查当日开始）")
                : LocalizedText(en: " (begun \(days) day\(days == 1 ? "" : "s") after the study of \(study))", zh: "（\(study) 检查后 \(days) 天开始）")
        } ?? LocalizedText(en: "", zh: "")
        var late = LocalizedText(en: "", zh: "")
        if deficit, let lag, lag >= 2 {
            late = LocalizedText(
                en: " With a neurological deficit NICE NG234 asks for definitive treatment within 24 hours of the confirming MRI.",
                zh: "有神经功能障碍时，NICE NG234 要求确诊 MRI 后 24 小时内完成确定性治疗。")
            sources.append(Self.nice2023)
        }
        let follow = deficit
            ? LocalizedText(
                en: " Follow the neurology closely: a deficit that progresses under radiotherapy needs urgent spine-surgery review.",
                zh: "密切随访神经功能：放疗期间神经功能障碍加重需紧急请脊柱外科评估。")
            : LocalizedText(en: "", zh: "")
        if sins.category == .unstable {
            return (.warning, LocalizedText(
                en: "Radiotherapy given: \(course.label.en)\(when.en), but SINS \(sinsText) is unstable and radiotherapy does not restore stability — spine-surgery review for stabilisation.\(late.en)\(follow.en)",
                zh: "已放疗：\(course.label.zhHans)\(when.zhHans)，但 SINS \(sinsText) 分提示不稳定，放疗不能恢复稳定性——请脊柱外科评估稳定手术。\(late.zhHans)\(follow.zhHans)"), sources)
        }
        if sins.category == nil, sins.total.max >= 13 {
            return (.advisory, LocalizedText(
                en: "Radiotherapy given: \(course.label.en)\(when.en). SINS \(sinsText) may be unstable, which radiotherapy does not mend: complete the missing items (\(sins.total.missing.joined(separator: ", "))).\(late.en)\(follow.en)",
                zh: "已放疗：\(course.label.zhHans)\(when.zhHans)。SINS \(sinsText) 分可能提示不稳定，而放疗不能恢复稳定性：请补全缺失项（\(Self.sinsMissing(sins.total.missing))）。\(late.zhHans)\(follow.zhHans)"), sources)
        }
        return (.info, LocalizedText(
            en: "Treated: \(course.label.en)\(when.en).\(late.en)\(follow.en)",
            zh: "已处理：\(course.label.zhHans)\(when.zhHans)。\(late.zhHans)\(follow.zhHans)"), sources)
    }
}
