/// Two readings of one lesion on one day (a study entered twice, a preliminary and a final
/// report, a dedicated spine CT beside the chest–abdomen CT of the same morning) that grade an
/// item differently. The record has no time of day, so neither is the later: the scores take the
/// worse — the one that asks for more — and `diagnosis.record.sameDayConflict` names the pair.
/// Before rule set 2026.12.316 the study whose id sorted last won: a T12 read "posterolateral
/// bilateral" on one CT and "unilateral" on another of the same day scored SINS 11, not 13, by
/// the studies' ids (unseen record cb82-f).
extension CaseIndex {
    /// The latest reading of an item among `points` (ordered by date); of that day's readings,
    /// those of the kind of study the item is defined on (`prefer`: a lesion's type and Mirels
    /// size on the plain film or CT — Mirels 1989 scored radiographs; the epidural grade on MRI,
    /// Bilsky 2010) and of them the one ranking highest by `rank`. An MRI reading "lytic" beside
    /// the same morning's film reading "mixed" does not change the film's Mirels type.
    static func latestWorst<T>(
        _ points: some BidirectionalCollection<Point>, _ value: (LesionObservation) -> T?, rank: (T) -> Int,
        prefer: (Modality) -> Int = { _ in 0 }
    ) -> (point: Point, value: T)? {
        guard let latest = points.last(where: { value($0.observation) != nil }), let latestValue = value(latest.observation) else { return nil }
        var best = (point: latest, value: latestValue)
        for point in points where point.study.date == latest.study.date && point !== latest {
            guard let other = value(point.observation) else { continue }
            let kind = prefer(point.study.modality), bestKind = prefer(best.point.study.modality)
            if kind > bestKind || (kind == bestKind && rank(other) > rank(best.value)) { best = (point, other) }
        }
        return best
    }

    /// The plain film and CT before other kinds of study: where a lesion's type and size are read.
    static func filmOrCT(_ modality: Modality) -> Int { modality == .xray || modality == .ct ? 1 : 0 }

    /// MRI before other kinds of study: where the epidural grade is defined (axial T2).
    static func mriFirst(_ modality: Modality) -> Int { modality == .mri ? 1 : 0 }
}
