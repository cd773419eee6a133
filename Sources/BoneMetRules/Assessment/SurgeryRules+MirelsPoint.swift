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
}
