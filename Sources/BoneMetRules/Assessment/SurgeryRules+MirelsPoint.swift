/// One Mirels time point and where each of its items came from (kept out of SurgeryRules.swift,
/// which had grown past 40 KB).
extension SurgeryRules {
    /// Mirels at one time point of one lesion.
    /// A class, as `CaseIndex.Point`: the points are grouped, filtered and passed around, and
    /// a copy of a struct holding a whole study retained each of its fields (issue #12).
    final class MirelsPoint {
        let lesion: String
        let study: ImagingStudy
        let input: Mirels.Input
        let result: Mirels.Result
        /// Where each item was graded from, by item key ("lesion" → the X-ray of 2023-04-02).
        let provenance: [(key: String, from: Source)]

        /// A record an item was graded from, named only where a text names it (issue #12: the
        /// studies' names were written for every point of every assessment).
        enum Source {
            case lesionRecord(siteSettled: Bool)
            /// A femur noted by its proximal end alone (`Lesion.proximalNoteOnly`).
            case proximalNote
            case study(ImagingStudy)
            /// Read from this study where another film or CT of the same day read the item
            /// otherwise (`disagreeing`): the worse is scored, and said.
            case worseOf(ImagingStudy, other: ImagingStudy, otherValue: LocalizedText)
            case pain(PartialDate, painFree: Bool)
            /// The lesion's latest graded pain, left out: graded before a regimen that has acted
            /// since (`regimenSincePain`).
            case painBeforeRegimen(PartialDate, Treatment)

            var text: LocalizedText {
                switch self {
                case .lesionRecord(true): LocalizedText(en: "lesion record", zh: "病灶记录")
                case .lesionRecord(false): LocalizedText(en: "lesion record, no segment recorded", zh: "病灶记录，未记录节段")
                case .proximalNote: LocalizedText(en: "lesion note: proximal femur, the trochanters not named", zh: "病灶备注：股骨近端，未写明是否在转子区")
                case .study(let study): study.label
                case .worseOf(let study, let other, let value):
                    LocalizedText(
                        en: "\(study.label.en); the \(other.modality.label.en) of that day reads \(value.en) — the two disagree, the worse is scored",
                        zh: "\(study.label.zhHans)；同日 \(other.modality.label.zhHans)为\(value.zhHans)——两者不一致，取较重者计分")
                case .pain(let date, false): LocalizedText(en: "pain record of \(date)", zh: "\(date) 疼痛记录")
                case .pain(let date, true):
                    LocalizedText(en: "pain record of \(date): NRS 0, pain-free — Mirels' lowest grade", zh: "\(date) 疼痛记录：NRS 0，无痛——按 Mirels 最低一级计")
                case .painBeforeRegimen(let date, let regimen):
                    LocalizedText(
                        en: "not the pain record of \(date), graded before \(regimen.displayName.en) began (\(regimen.start?.description ?? "")): grade the pain now",
                        zh: "\(date) 的疼痛记录早于\(regimen.displayName.zhHans)开始（\(regimen.start?.description ?? "")），不再采用：请重新评估疼痛")
                }
            }
        }

        init(lesion: String, study: ImagingStudy, input: Mirels.Input, result: Mirels.Result, provenance: [(key: String, from: Source)]) {
            self.lesion = lesion
            self.study = study
            self.input = input
            self.result = result
            self.provenance = provenance
        }
    }

    /// Of the film and CT readings of the chosen reading's day, one that reads the item
    /// otherwise (the least severe): an X-ray "lytic, half the diameter" and a CT "mixed, 0.7" of
    /// one day scored lytic from the film and > 2/3 from the CT — the worse of each, as a
    /// prophylactic decision should — without saying that the two studies disagree (noted
    /// 2026-12-07, probe cb161-k). Nil when they agree or only one study read it.
    static func disagreeing<T: Equatable>(
        _ points: some Collection<CaseIndex.Point>, chosen: CaseIndex.Point, _ value: (LesionObservation) -> T?, rank: (T) -> Int
    ) -> (study: ImagingStudy, value: T)? {
        guard let mine = value(chosen.observation), CaseIndex.filmOrCT(chosen.study.modality) == 1 else { return nil }
        return points.filter { $0.study.date == chosen.study.date && $0 !== chosen && CaseIndex.filmOrCT($0.study.modality) == 1 }
            .compactMap { point in value(point.observation).flatMap { $0 != mine ? (study: point.study, value: $0) : nil } }
            .min { rank($0.value) < rank($1.value) }
    }
}
