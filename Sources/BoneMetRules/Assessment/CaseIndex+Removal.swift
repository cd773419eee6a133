/// An operation that removed a lesion (resection, arthroplasty, amputation): what was read of it
/// before is of bone no longer there (kept out of CaseIndex.swift, which had grown to 680 lines).
extension CaseIndex {
    /// The day of the latest operation that removed the lesion (resection, arthroplasty,
    /// amputation — `removesLesion`), on or before `date` when given: readings before it are of
    /// bone that is no longer there. A renal-cell cancer's femur, resected and replaced, recurred
    /// 19 months later; its Mirels took "> 2/3 of the diameter" from the CT before the resection
    /// (unseen record cb78-u).
    func lastRemoval(_ lesion: String, onOrBefore date: PartialDate? = nil) -> PartialDate? {
        localTreatments(lesion, kind: .surgery).compactMap { surgery -> PartialDate? in
            guard !surgery.planned, surgery.removesLesion, let start = surgery.start, known(start) else { return nil }
            if let date, start.earliestDay > date.latestDay { return nil }
            return start
        }.max()
    }
}
