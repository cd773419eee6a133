/// Entries dated after the assessment's date (rule set 2026.12.379): studies, laboratory results,
/// biopsies, given doses, events, examinations, weights and dental examinations. An assessment
/// reads what had happened by its date (`CaseIndex.known`), so they are not read — rightly, when
/// an assessment is replayed as of an earlier day; silently, when it is today's and the date is a
/// typed year: a CT of "2027-11-25" entered for 2026-11-25 with a subluxed T12 gave no spine
/// finding and no word why (unseen record cb136-a). Said once, to the record-corrections
/// worklist; each entry is read from its own day on (the day horizon watches it), and planned
/// treatments, plans and decisions, which may rightly lie ahead, are not listed.
extension DiagnosisRules {
    static func datedAfterFinding(_ record: CaseRecord, known: (PartialDate) -> Bool) -> Finding? {
        let sorted = datedEntries(record, treatmentStarts: false, measurements: true) { !known($0) }
        guard !sorted.isEmpty else { return nil }
        let list = listed(sorted)
        return Finding(
            ruleId: "diagnosis.record.datedAfter", severity: .advisory, duty: .diagnosis, specialty: .mdtCoordinator, subject: .patient,
            // Dated by the first entry, and titled without the assessment's date: the row holds
            // from day to day until an entry's own day (the re-assessment's horizon).
            date: sorted.first?.0,
            title: LocalizedText(
                en: "\(sorted.count) entr\(sorted.count == 1 ? "y" : "ies") dated after the assessment date — not read",
                zh: "\(sorted.count) 条记录的日期晚于评估日期——未纳入评估"),
            detail: LocalizedText(
                en: "\(list.en). An assessment reads what had happened by its date; these are read from their own day on. Assessed as of today, an examination, result or dose cannot be dated later: a mistyped date keeps what it shows out of every finding until then — correct it.",
                zh: "\(list.zhHans)。评估只纳入截至评估日期已发生的内容；这些记录自其日期起纳入。若按今日评估，检查、化验或给药不应晚于今日：日期录错会使其内容在该日期之前不进入任何结论——请更正。"),
            inputs: [FindingInput("entriesAfter", sorted.count.description)],
            // The source hospital's method reads each lesion at its time points in date order (reference.md).
            sources: [Self.sourceHospital])
    }
}
