/// A treatment still recorded as planned after its planned date. A renal-cell cancer's femoral
/// resection planned for 20 September still read "Mirels 12 — planned: arthroplasty" (info) and
/// "planned: …" in the anti-angiogenic timing in December, the lesion off the urgent list on the
/// strength of a plan nobody had confirmed (unseen record cb31-f, assessed on the day). The date
/// passing is a fact of the record, not a clinical threshold: the finding asks for the record to
/// say what happened. No count of days since: the finding holds still until the record changes
/// (the re-assessment horizon, issue #12).
extension SurgeryRules {
    /// The source hospital's third duty: surgery — prevention before treatment (an impending
    /// fracture fixed before it breaks, the plan kept to).
    static let sourceHospitalSurgery = Citation(
        id: "sourceHospitalSurgery",
        text: "Xu HR (Beijing Jishuitan Hospital). Bone metastases: three things the orthopaedic surgeon wants to say — MDT talk; surgery: prevention before treatment",
        zh: "徐海荣（北京积水潭医院）. 肿瘤骨转移——骨科大夫想说的三件事（MDT 对谈）：外科治疗——预防先于治疗")

    func lapsedPlanFindings() -> [Finding] {
        index.treatments.compactMap { plan -> Finding? in
            guard plan.planned, let date = plan.start, !index.stillRunning(until: date) else { return nil }
            let operation = plan.kind == .surgery && !plan.lesions.isEmpty
            let duty: Duty
            let specialty: Specialty
            switch plan.kind {
            case .surgery: (duty, specialty) = (.surgery, .orthopaedics)
            case .radiotherapy: (duty, specialty) = (.surgery, .radiationOncology)
            case .boneModifyingAgent: (duty, specialty) = (.boneAgents, .medicalOncology)
            case .systemic: (duty, specialty) = (.boneHealth, .medicalOncology)
            }
            let name = plan.displayName
            // What leaning on the plan does: a planned operation takes its lesion off the urgent
            // list; a planned regimen or agent is not yet a window or a dose.
            let reliance = operation
                ? LocalizedText(
                    en: "Until then BoneMet reads it as planned: the lesion's fracture or stability finding counts on it and is not urgent.",
                    zh: "在此之前 BoneMet 仍按“已计划”处理：该病灶的骨折风险或稳定性结论以此为据，不列为紧急。")
                : LocalizedText(
                    en: "Until then BoneMet reads it as planned, not given: no treatment window or dose counts from it.",
                    zh: "在此之前 BoneMet 按“已计划、未实施”处理：不据此计算治疗窗口或给药。")
            return Finding(
                ruleId: "record.plannedDatePassed", severity: operation ? .warning : .advisory, duty: duty, specialty: specialty,
                subject: .treatment(plan.id), date: date,
                title: LocalizedText(
                    en: "Planned for \(date), not recorded as done: \(name.en)",
                    zh: "计划于 \(date)，未记录是否完成：\(name.zhHans)"),
                detail: LocalizedText(
                    en: "The record still holds \(plan.label.en) as planned after its date has passed. If it was done, record it as given with its date\(operation ? " (and the pathology of any tissue taken)" : ""); if not, re-plan or remove it. \(reliance.en)",
                    zh: "病历中\(plan.label.zhHans)仍为“计划”，但计划日期已过。如已完成，请按实际日期记录为已实施\(operation ? "（并记录术中所取组织的病理）" : "")；如未完成，请重新计划或删除。\(reliance.zhHans)"),
                inputs: [FindingInput("plannedDate", date.description), FindingInput("kind", plan.kind.rawValue)],
                sources: [Self.sourceHospitalSurgery])
        }
    }
}
