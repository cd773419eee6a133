/// A later study on record with its report only, said beside a score read from an earlier one
/// (the Mirels and spine findings both say it; kept out of SurgeryRules+Spine.swift, past 40 KB).
extension SurgeryRules {
    /// A later study that may see the lesion, on record with its report only (not read: its
    /// lesions not recorded), said beside a score read from an earlier one. A breast cancer's
    /// T7 read "SINS 6, ESCC 0 — conventional radiotherapy" from the MRI of October, beside the
    /// MRI of January whose report says the lesion grew and the thecal sac is compressed
    /// (unseen record cb78-ad).
    static func unreadSince(_ date: PartialDate, lesion: Lesion, modalities: Set<Modality>, index: CaseIndex) -> LocalizedText? {
        guard let study = index.studies.last(where: { study in
            study.readingNotRecorded && modalities.contains(study.modality) && study.date.earliestDay > date.latestDay
                && (study.coverage.isEmpty || study.covers(lesion))
        }) else { return nil }
        let name = study.modality.label
        return LocalizedText(
            en: "The \(name.en) of \(study.date) is on record with its report only: this reading is from \(date) — record the later study's reading, which may change it.",
            zh: "\(study.date) \(name.zhHans)仅有报告文本、未录入病灶：以上判读依据 \(date) 的检查——请录入较新检查的判读，其结果可能改变结论。")
    }
}
