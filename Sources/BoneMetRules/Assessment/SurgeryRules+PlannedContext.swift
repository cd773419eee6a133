/// What a fixation must come before (radiotherapy, transfer, trial enrolment), as said in the
/// Mirels findings.
extension SurgeryRules {
    /// What is planned that the fixation must come before, as a sentence: "Planned: radiotherapy
    /// from …; trial enrolment on …." (it was wedged inside "fix before radiotherapy (trial
    /// enrolment planned …), before transfer or trial enrolment").
    func plannedContext(_ lesion: String) -> LocalizedText {
        var en: [String] = []
        var zh: [String] = []
        // A planned day already past is said so: "Planned: transfer on 2025-12-01" read a month
        // after it, as if still to come (unseen record cb81-ak2, 2026.12.315).
        func passed(_ date: PartialDate?) -> (en: String, zh: String) {
            guard let date, date.latestDay < index.assessedOn.earliestDay else { return ("", "") }
            return (" (that day has passed — record whether it took place)", "（该日期已过——请记录是否已实施）")
        }
        if let rt = index.localTreatments(lesion, kind: .radiotherapy).first(where: \.planned) {
            en.append("radiotherapy\(rt.start.map { " from \($0)" } ?? "")\(passed(rt.start).en)")
            zh.append("\(rt.start.map { "\($0) 起" } ?? "")放疗\(passed(rt.start).zh)")
        }
        if let transfer = index.record.plans.transfer {
            en.append("transfer on \(transfer)\(passed(transfer).en)")
            zh.append("\(transfer) 转院\(passed(transfer).zh)")
        }
        if let trial = index.record.plans.trialEnrolment {
            en.append("trial enrolment on \(trial)\(passed(trial).en)")
            zh.append("\(trial) 入组临床试验\(passed(trial).zh)")
        }
        guard !en.isEmpty else { return LocalizedText(en: "", zh: "") }
        return LocalizedText(en: " Planned: " + en.joined(separator: "; ") + ".", zh: "已计划：" + zh.joined(separator: "；") + "。")
    }
}
