import BoneMetRules

extension FHIRCaseMapper {
    /// A Procedure named as a biopsy — "L4椎体转移瘤穿刺活检术", "CT-guided bone biopsy" — that no
    /// orthopaedic operation or radiotherapy reading claims.
    static func isBiopsyProcedure(_ r: FHIRJSON) -> Bool {
        ([FHIRRead.text(r["code"])] + FHIRRead.codings(r["code"]).map(\.display)).contains { name in
            guard let name = name?.lowercased() else { return false }
            return name.contains("活检") || name.contains("biopsy")
        }
    }

    /// A biopsy procedure on one lesion is that lesion's biopsy awaiting its result — taken, the
    /// diagnosis awaited, not a new biopsy to ask for — unless a pathology result of the lesion
    /// dated on or after it is on record (the report's biopsy stands). A Chinese EHR's "L4椎体转移瘤
    /// 穿刺活检术" was dropped without a word, and the lesion still read "biopsy indicated" (unseen
    /// bundle ehr14). One placed on no lesion, or on several, is said.
    static func biopsiesAwaitingResults(
        _ procedures: [(lesions: [String], date: PartialDate, label: String)], record: inout CaseRecord, notes: inout [MappingNote]
    ) {
        for procedure in procedures {
            guard procedure.lesions.count == 1, let lesion = procedure.lesions.first else {
                notes.append(MappingNote(resource: procedure.label, message: "biopsy on \(procedure.date) placed on \(procedure.lesions.isEmpty ? "no lesion" : "several lesions"): not used — record it on its lesion"))
                continue
            }
            // The result reported first on or after it is this tissue's: dated the day it was
            // taken, not the day the report was signed — ehr37's iliac biopsy of 2026-10-15 was
            // recorded on 2026-10-19, its pathology's date. (Unless a biopsy procedure of the lesion
            // between them took the tissue reported.)
            let later = procedures.filter { $0.lesions == [lesion] && $0.date > procedure.date }.map(\.date).min()
            if let index = record.biopsies.indices.filter({
                record.biopsies[$0].lesion == lesion && !record.biopsies[$0].awaitsResult
                    && record.biopsies[$0].date.latestDay >= procedure.date.earliestDay
            }).min(by: { record.biopsies[$0].date < record.biopsies[$1].date }) {
                let reportedOn = record.biopsies[index].date
                if reportedOn != procedure.date, later.map({ reportedOn < $0 }) ?? true {
                    record.biopsies[index].date = procedure.date
                    notes.append(MappingNote(resource: procedure.label, message: "biopsy of \(lesion) taken on \(procedure.date): its pathology, reported on \(reportedOn), dated then — confirm"))
                }
                continue
            }
            record.biopsies.append(Biopsy(lesion: lesion, date: procedure.date, result: .pending))
            notes.append(MappingNote(resource: procedure.label, message: "biopsy of \(lesion) on \(procedure.date) with no pathology result on record: recorded as awaiting its result — record the result"))
        }
    }
}
