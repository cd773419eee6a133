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
}
