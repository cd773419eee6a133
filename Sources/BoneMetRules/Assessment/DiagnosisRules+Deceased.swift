/// A patient whose record states a death gets no proposal of any kind (rule set 2026.12.55).
/// Real EHR exports carry the dead (three of the thirteen patients of the Synthea bulk sample
/// have `Patient.deceasedDateTime`), and without this a patient who died years ago stood on the
/// worklists with a denosumab dose "due" and a femur to fix. The record of the course (response
/// time points, Mirels history, prognosis scores) stays; only the findings are replaced.
extension DiagnosisRules {
    static let fhirDeceased = Citation(
        id: "fhirPatientDeceased", text: "HL7 FHIR R4 Patient.deceased[x] (the record's statement that the patient has died)",
        zh: "HL7 FHIR R4 标准：患者资源的死亡记录")

    /// The one finding of an assessment on or after the recorded death.
    static func deceasedFinding(_ patient: Patient, entriesAfter: Bool = false) -> Finding {
        let worklist = entriesAfter
            ? LocalizedText(en: "on no worklist but the record corrections (entries dated after the death)", zh: "除“病历待更正”（有晚于死亡日期的记录）外不再列入任何工作清单")
            : LocalizedText(en: "on no worklist", zh: "不再列入任何工作清单")
        let on = patient.deathDate.map { (en: " (\($0))", zh: "（\($0)）", enDetail: " on \($0)", zhDetail: "于 \($0) ") }
        return Finding(
            ruleId: "diagnosis.record.deceased", severity: .info, duty: .diagnosis, specialty: .mdtCoordinator, subject: .patient,
            date: patient.deathDate,
            title: LocalizedText(
                en: "Deceased\(on?.en ?? ""): no action is proposed",
                zh: "患者已故\(on?.zh ?? "")：不再提出处理建议"),
            detail: LocalizedText(
                en: "The record states that the patient died\(on?.enDetail ?? ""). BoneMet proposes nothing after a death — no dose, "
                    + "operation, biopsy or follow-up — and the case is \(worklist.en). The response time points, the Mirels history "
                    + "and the prognosis scores remain as the record of the course. If the death was recorded in error, correct the record.",
                zh: "病历记载患者已\(on?.zhDetail ?? "")去世。患者去世后，BoneMet 不再提出任何建议（不提示给药、手术、活检或随访），"
                    + "病例\(worklist.zhHans)。疗效评估时间点、Mirels 评分记录和预后评分仍保留，作为病程记录。如死亡记录有误，请更正病历。"),
            inputs: [FindingInput("deceased", "true"), FindingInput("deathDate", patient.deathDate)],
            sources: [fhirDeceased])
    }
}

/// Entries of a living patient dated after the recorded death (rule set 2026.12.223): studies,
/// treatments and their doses, laboratory results, biopsies, events, examinations. Either the
/// death date or those dates are wrong — an EHR merge, a typed year — and every finding of the
/// course after that day was suppressed unsaid. The one finding besides the death's: what is
/// dated after it, to correct (the record-corrections worklist).
extension DiagnosisRules {
    static func afterDeathFinding(_ record: CaseRecord, known: (PartialDate) -> Bool) -> Finding? {
        guard let death = record.patient.deathDate else { return nil }
        func after(_ date: PartialDate) -> Bool { known(date) && date.earliestDay > death.latestDay }
        let sorted = datedEntries(record, treatmentStarts: true, measurements: false, where: after)
        guard !sorted.isEmpty else { return nil }
        let list = listed(sorted)
        return Finding(
            ruleId: "diagnosis.record.afterDeath", severity: .warning, duty: .diagnosis, specialty: .mdtCoordinator, subject: .patient,
            date: sorted.last?.0,
            title: LocalizedText(
                en: "\(sorted.count) entr\(sorted.count == 1 ? "y" : "ies") dated after the recorded death (\(death))",
                zh: "\(sorted.count) 条记录的日期晚于记载的死亡日期（\(death)）"),
            detail: LocalizedText(
                en: "\(list.en). Either the death date or these dates are wrong: BoneMet reads nothing after the death, so whatever they show is not assessed. Correct the record.",
                zh: "\(list.zhHans)。死亡日期或这些日期有误：死亡之后的内容 BoneMet 不再评估。请更正病历。"),
            inputs: [FindingInput("deathDate", death), FindingInput("entriesAfter", sorted.count.description)],
            sources: [fhirDeceased])
    }
}
