/// A first progression under immunotherapy may be pseudoprogression: iRECIST (Seymour L et al.
/// Lancet Oncol 2017;18:e143-52) calls a first RECIST progression under an immune-based therapy
/// unconfirmed (iUPD) while the patient is clinically stable, and confirms it (iCPD) on the next
/// assessment 4–8 weeks later before the therapy is stopped for it. A lung cancer's iliac lesion
/// grown 70 % fourteen weeks into pembrolizumab read "PD" with nothing of this (unseen record
/// cb80-c). Said beside the reading — the reading itself is MDA's and stands.
extension ResponseRules {
    static let seymour2017 = Citation(
        id: "seymour2017", text: "Seymour L et al. Lancet Oncol 2017;18:e143-52 (iRECIST: immune-based therapeutics, unconfirmed and confirmed progression)")

    /// The sentence for a progression that is the first under an immunotherapy regimen in its
    /// window, with no later study of the same method yet (which would have confirmed it or
    /// shown it was not progression, or followed a switch); nil when the regimen was over before
    /// the study's day, and for myeloma's or lymphoma's lesions,
    /// which have their own criteria.
    func unconfirmedUnderImmunotherapy(_ point: TimePointResponse, in points: [TimePointResponse]) -> LocalizedText? {
        guard point.overall == .progressiveDisease, !point.untreated, !isBaseline(point), youngRegimen(point) == nil,
            point.lesions.contains(where: { index.bloodCancer($0.lesion) == nil })
        else { return nil }
        guard let regimen = index.systemicReadings.first(where: { point.treatments.contains($0.therapy.id) && $0.reading.classes.contains(.immunotherapy) })?.therapy,
            let start = regimen.start
        else { return nil }
        // iRECIST asks whether to stop the therapy for it: a regimen over before the study's day
        // was not stopped for it (cb100-g: stopped for toxicity 141 days before, the progression
        // natural history).
        if let end = regimen.end, end.latestDay < point.to.earliestDay { return nil }
        let sameMethod = points.filter { $0.study != point.study && $0.modality == point.modality }
        // An earlier progression under it was the first; a later study has answered this one —
        // under it or under what followed it.
        guard !sameMethod.contains(where: {
            $0.treatments.contains(regimen.id) && $0.to.earliestDay > start.latestDay
                && $0.overall == .progressiveDisease && $0.to.earliestDay < point.to.earliestDay
        }),
            !sameMethod.contains(where: { $0.to.earliestDay > point.to.latestDay })
        else { return nil }
        let from = point.to.adding(days: 28), to = point.to.adding(days: 56)
        let name = regimen.name.map { LocalizedText(en: $0, zh: $0) } ?? regimen.label
        return LocalizedText(
            en: "Under immunotherapy (\(name.en)) a first progression may be pseudoprogression: iRECIST calls it unconfirmed (iUPD) while the patient is clinically stable, and confirms it on imaging 4–8 weeks later (\(from) – \(to)) before the therapy is stopped for it",
            zh: "免疫治疗（\(name.zhHans)）期间的首次进展可能为假性进展：iRECIST 在患者临床稳定时将其视为未确认进展（iUPD），于 4–8 周后（\(from) – \(to)）影像复查确认后再因此停用该治疗")
    }
}
