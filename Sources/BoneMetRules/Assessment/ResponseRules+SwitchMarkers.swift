/// The tumour markers of a regimen stopped for a progression its bone imaging does not show. A
/// breast cancer's capecitabine, stopped for "progression" with the T10 gaining a sclerotic rim,
/// CA 15-3 rising from 45 to 88 U/mL while it ran, read "the imaging does not show progression"
/// and never named the rise the switch may have rested on (unseen record cb81-q). A marker rise
/// is not bone progression (MDA judges bone on imaging, Hamaoka 2004); it points to disease to
/// look for elsewhere.
extension ResponseRules {
    func markersWhileRunning(_ therapy: Treatment) -> LocalizedText {
        guard let start = therapy.start, let summary = markerSummary(from: start, to: therapy.end ?? index.assessedOn) else {
            return LocalizedText(en: "", zh: "")
        }
        // Risen to an abnormal value since the value the regimen started from.
        let rising = index.labs.filter { $0.test.isTumourMarker }.map(\.test).contains { test in
            let values = index.labs.filter { lab in
                lab.test == test && lab.date.earliestDay <= (therapy.end ?? index.assessedOn).latestDay
            }
            guard let last = values.last, last.date.earliestDay >= start.earliestDay, last.isAbnormal == true,
                let first = values.last(where: { $0.date.latestDay <= start.latestDay }) ?? values.first, first.date != last.date
            else { return false }
            return last.value > first.value
        }
        let clause = rising
            ? LocalizedText(
                en: " A marker rise is not bone progression: where the switch rests on it, look for the disease it points to beyond bone.",
                zh: "标志物升高不等于骨进展：如换药依据为标志物，请查找骨外病灶。")
            : LocalizedText(en: "", zh: "")
        return LocalizedText(
            en: " While it ran, \(summary.en).\(clause.en)",
            zh: "用药期间\(summary.zhHans)。\(clause.zhHans)")
    }
}
