/// A long bone entered as two records of one site (`diagnosis.record.sameSite`): the score of
/// the older record names the newer one's (unseen record cb79-p).
extension SurgeryRules {
    /// Another record of the same site (`CaseIndex.sameSiteRecords`) scored from a later study:
    /// if the two are one lesion, that is its newer reading. Said beside the older record's
    /// score — a femur's "impending fracture, Mirels 8–11" from a CT a year old stood beside
    /// the same site's record read on this October's CT at 7–10, healing (unseen record cb79-p).
    func laterTwinReading(of id: String, after date: PartialDate, in byLesion: [String: [MirelsPoint]]) -> LocalizedText {
        let later = (index.sameSiteRecords[id] ?? []).compactMap { twin in
            byLesion[twin]?.last.flatMap { $0.study.date.earliestDay > date.latestDay ? (twin, $0) : nil }
        }.max { $0.1.study.date.earliestDay < $1.1.study.date.earliestDay }
        guard let (twin, point) = later, let lesion = index.lesionsById[twin] else { return LocalizedText(en: "", zh: "") }
        let total = point.result.total
        let score = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
        let name = index.label(lesion)
        return LocalizedText(
            en: " The same site's record \(name.en) was scored later: Mirels \(score) on the \(point.study.modality.label.en) of \(point.study.date) — if they are one lesion, that is its newer reading; merge the records.",
            zh: "同一部位的另一条记录\(name.zhHans)评分较新：\(point.study.date) \(point.study.modality.label.zhHans) Mirels \(score) 分——如为同一病灶，以该较新结果为准；请合并记录。")
    }
}
