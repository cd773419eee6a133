/// A fracture-risk or stability score read on a study made before a systemic regimen that has
/// since had time to act on bone, with no X-ray, CT or MRI of the lesion since. A breast cancer's
/// femur read "impending fracture (Mirels 9) — prophylactic fixation" from the film of September
/// 2025, fourteen months into letrozole and palbociclib with no film since (unseen record cb83-a,
/// 2026.12.317): the score is of the untreated lesion, which may have healed or grown. The score
/// and its urgency stand — Mirels (1989) scored lesions at presentation and followed them — but
/// the finding says its reading predates the regimen (by dates, not an age that would change
/// every day the stored finding stands) and asks for the lesion to be imaged again before its
/// treatment is decided (not once it is fixed). Said once the regimen has run `flareWindowWeeks`
/// (by then its first response imaging is due — PCWG3 reads the first post-baseline scan at 8–12
/// weeks; Hamaoka 2004), so it asks only where follow-up is overdue.
extension SurgeryRules {
    static func scoredBeforeRegimen(_ study: ImagingStudy, lesion: Lesion, index: CaseIndex) -> LocalizedText? {
        scoredBeforeRegimen(study.date, reading: LocalizedText(en: "the \(study.modality.label.en) of \(study.date)", zh: " \(study.date) \(study.modality.label.zhHans)"), lesion: lesion, index: index)
    }

    /// The same for a score read from a day's studies (the spine's SINS and ESCC).
    static func scoredBeforeRegimen(_ date: PartialDate, reading: LocalizedText, lesion: Lesion, index: CaseIndex) -> LocalizedText? {
        // By the end of the flare window the first response imaging is due (PCWG3 reads the first
        // post-baseline scan at 8–12 weeks; never sooner than the latency before sclerosis shows).
        let latency = max(index.settings.blasticLatencyWeeks, index.settings.flareWindowWeeks) * 7
        // Asked through `known` (the day it has run so long turns the finding: `DayHorizon`); an
        // end on record is one already reached.
        guard let regimen = index.systemicTherapies.first(where: { regimen in
            guard let start = regimen.start, start.earliestDay > date.latestDay else { return false }
            return regimen.end.map { $0.latestDay - start.latestDay >= latency }
                ?? index.known(PartialDate(dayNumber: start.latestDay + latency))
        }), let start = regimen.start else { return nil }
        let imagedSince = index.points(lesion.id).contains { point in
            point.study.modality.isAnatomic && point.study.date.earliestDay > date.latestDay
        }
        // A later study on record with its report only is said by `unreadSince` (record its
        // reading): "no X-ray, CT or MRI since" beside it would not be true.
        let reportedSince = index.studies.contains { study in
            study.readingNotRecorded && study.modality.isAnatomic && study.date.earliestDay > date.latestDay
                && (study.coverage.isEmpty || study.covers(lesion))
        }
        guard !imagedSince, !reportedSince else { return nil }
        return LocalizedText(
            en: "Read on \(reading.en), before \(regimen.displayName.en) began (\(start)); it has run past the time its first response imaging is due (PCWG3: 8–12 weeks), and no X-ray, CT or MRI of the lesion is on record since: image it again before its treatment is decided — it may have healed or grown.",
            zh: "依据\(reading.zhHans)，早于\(regimen.displayName.zhHans)开始（\(start)）；该方案已超过首次疗效影像评估的时间（PCWG3：8–12 周），病历中无该病灶此后的 X 线、CT 或 MRI：决定治疗前请复查影像——病灶可能已愈合或进展。")
    }
}
