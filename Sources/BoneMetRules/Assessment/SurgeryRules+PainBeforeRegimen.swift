/// A lesion's pain graded before a systemic regimen that has since had time to act on bone: the
/// pain of the untreated lesion, not of the lesion the reading shows now. A lymphoma's femur,
/// "moderate" pain in March, lytic, read "mixed" with its uptake gone on the PET-CT after six
/// cycles of R-CHOP, and scored "Mirels 8 — prophylactic fixation, urgent" from the March pain
/// (unseen record cb81-ah, 2026.12.315). Mirels (1989) scored lesions at presentation, before
/// their radiotherapy, and followed them through it — a course of radiotherapy leaves the pain
/// its score; a regimen that has changed the lesion since does not. Said as "pain unknown":
/// grade it now.
extension SurgeryRules {
    /// The regimen begun after the pain was graded and at least `blasticLatencyWeeks` before the
    /// study (time to act on bone, Hamaoka 2004), if any.
    func regimenSincePain(_ pain: PartialDate, study: PartialDate) -> Treatment? {
        let latency = index.settings.blasticLatencyWeeks * 7
        return index.systemicTherapies.first { regimen in
            guard let start = regimen.start else { return false }
            return start.earliestDay > pain.latestDay && study.earliestDay - start.latestDay >= latency
        }
    }

    /// A vertebra's SINS pain for a study: its latest graded pain, unless graded before a regimen
    /// that has acted by the study (`regimenSincePain`, as Mirels reads it) — then unknown, and
    /// the sentence that asks for it now (unseen records cb80-aj, cb81-h, rule set 2026.12.317).
    func sinsPain(_ lesion: String, study: PartialDate) -> (grade: SINS.Pain?, leftOut: LocalizedText?) {
        guard let record = index.latestPain(for: lesion, where: { $0.sinsGrade != nil }) else { return (nil, nil) }
        guard let regimen = regimenSincePain(record.date, study: study) else { return (record.sinsGrade, nil) }
        let start = regimen.start?.description ?? ""
        return (nil, LocalizedText(
            en: "SINS pain: not the pain record of \(record.date), graded before \(regimen.displayName.en) began (\(start)) — grade the pain now.",
            zh: "SINS 疼痛：\(record.date) 的疼痛记录早于\(regimen.displayName.zhHans)开始（\(start)），不再采用——请重新评估疼痛。"))
    }

    /// The NRS of a vertebra's latest pain record when it is above 0 and grades no SINS pain — the
    /// lesion is painful, its kind unknown (`SINS.Input.painNRSWithoutKind`) — unless recorded
    /// before a regimen that has acted by the study, as a graded pain would be left out.
    func sinsPainWithoutKind(_ lesion: String, study: PartialDate) -> Int? {
        guard let record = index.latestPain(for: lesion, where: { $0.nrs != nil }), record.sinsGrade == nil,
              let nrs = record.nrs, nrs > 0, regimenSincePain(record.date, study: study) == nil else { return nil }
        return nrs
    }
}
