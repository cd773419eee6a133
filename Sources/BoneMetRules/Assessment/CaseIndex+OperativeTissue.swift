/// A lesion operated on — decompression, separation surgery, fixation, resection — whose
/// pathology is not on record. The biopsy findings asked for "a biopsy … lytic or mixed lesions
/// can be biopsied at any time" of a renal-cell carcinoma's T12 five months after its separation
/// surgery and stereotactic radiotherapy (unseen record cb27-f): the tissue the operation took is
/// the pathology the question needs (source hospital: pathology is the gold standard; a lesion
/// planned for surgery has its pathology confirmed before or during the operation), so the record
/// lacks its result before the patient needs another biopsy.
extension CaseIndex {
    /// The latest operation on the lesion known by the assessment's date, when no diagnostic
    /// biopsy is on record and no biopsy was taken at or after it (a pending or non-diagnostic one
    /// says its own next step).
    func operationWithoutPathology(_ lesion: String) -> Treatment? {
        guard diagnosticBiopsy(lesion) == nil else { return nil }
        let done = localTreatments(lesion, kind: .surgery).filter { !$0.planned && $0.start != nil && known($0.start) }
        guard let last = done.max(by: { ($0.start?.earliestDay ?? 0) < ($1.start?.earliestDay ?? 0) }),
              let start = last.start else { return nil }
        if let biopsy = openBiopsy(lesion), biopsy.date.latestDay >= start.earliestDay { return nil }
        return last
    }

    /// What to do first for a lesion operated on without pathology on record, as a sentence.
    static func operativeTissueNote(_ operation: Treatment) -> LocalizedText {
        LocalizedText(
            en: "It was operated on (\(operation.label.en)): the pathology of the tissue taken then answers this — record it (as a biopsy of that day with its result); biopsy again only if no tissue was sent.",
            zh: "该病灶已手术（\(operation.label.zhHans)）：以术中所取组织的病理为准——请录入（记为当日活检及其结果）；仅在未送病理时再行活检。")
    }
}
