/// The record's dated entries that a test picks out, in words, for the findings that list them:
/// those after a recorded death (`afterDeathFinding`) and those after the assessment's date
/// (`datedAfterFinding`). One list, so that both name an entry alike.
extension DiagnosisRules {
    /// `treatmentStarts`: a given (not planned) treatment's start is listed too (after a death it
    /// cannot have begun; after the assessment's date it may be scheduled). `measurements`:
    /// weights and dental examinations.
    static func datedEntries(
        _ record: CaseRecord, treatmentStarts: Bool, measurements: Bool, where picked: (PartialDate) -> Bool
    ) -> [(PartialDate, LocalizedText)] {
        var entries: [(PartialDate, LocalizedText)] = []
        for study in record.studies where picked(study.date) { entries.append((study.date, study.label)) }
        for treatment in record.treatments where !treatment.planned {
            if treatmentStarts, let start = treatment.start, picked(start) {
                entries.append((start, LocalizedText(en: "\(treatment.displayName.en) started \(start)", zh: "\(treatment.displayName.zhHans) 开始于 \(start)")))
            }
            for dose in treatment.doses where (!treatmentStarts || dose != treatment.start) && picked(dose) {
                entries.append((dose, LocalizedText(en: "\(treatment.displayName.en) dose \(dose)", zh: "\(treatment.displayName.zhHans) \(dose) 给药")))
            }
        }
        for lab in record.labs where picked(lab.date) {
            entries.append((lab.date, LocalizedText(en: "\(lab.test.label.en) \(lab.date)", zh: "\(lab.date) \(lab.test.label.zhHans)")))
        }
        for biopsy in record.biopsies where picked(biopsy.date) {
            entries.append((biopsy.date, LocalizedText(en: "biopsy \(biopsy.date)", zh: "\(biopsy.date) 活检")))
        }
        for event in record.events where picked(event.date) {
            entries.append((event.date, LocalizedText(en: "\(event.kind.label.en) \(event.date)", zh: "\(event.date) \(event.kind.label.zhHans)")))
        }
        let examined = record.performance.map(\.date) + record.pain.map(\.date) + record.neurology.map(\.date)
        for day in Set(examined.filter(picked)).sorted() {
            entries.append((day, LocalizedText(en: "examination \(day)", zh: "\(day) 查体评估")))
        }
        if measurements {
            for weight in record.patient.weights where picked(weight.date) {
                entries.append((weight.date, LocalizedText(en: "weight \(weight.date)", zh: "\(weight.date) 体重")))
            }
            for exam in record.dentalExams where picked(exam) {
                entries.append((exam, LocalizedText(en: "dental examination \(exam)", zh: "\(exam) 口腔检查")))
            }
        }
        return entries.sorted { $0.0 < $1.0 }
    }

    /// The first eight entries in words, and "and N more" after them.
    static func listed(_ entries: [(PartialDate, LocalizedText)]) -> LocalizedText {
        let shown = entries.prefix(8)
        let more = entries.count - shown.count
        let list = LocalizedText.joined(shown.map(\.1), en: "; ", zh: "；")
        return LocalizedText(en: "\(list.en)\(more > 0 ? "; and \(more) more" : "")", zh: "\(list.zhHans)\(more > 0 ? "；另有 \(more) 条" : "")")
    }
}
