/// Hypercalcaemia recorded as an event (an EHR condition, a discharge summary's diagnosis) with no
/// calcium result on or after it: nothing said. A breast cancer with "hypercalcaemia" recorded two
/// days before and no calcium on record had no laboratory finding at all — hypercalcaemia of
/// malignancy is graded and treated on the corrected calcium (Stewart 2005; Payne 1973), so the
/// first step is to measure it.
extension LabRules {
    /// The latest hypercalcaemia episode recorded, current, with no calcium result on or after
    /// it; one the record calls resolved (clinicalStatus resolved, an abatement) was settled on a
    /// measurement nobody entered — nothing to ask now.
    static func hypercalcaemiaUnmeasured(_ index: CaseIndex) -> ClinicalEvent? {
        guard let event = index.record.events.last(where: { $0.kind == .hypercalcaemia && index.known($0.date) }), event.isCurrent else { return nil }
        let measuredSince = index.labs.contains { $0.test == .calcium && $0.date.latestDay >= event.date.earliestDay }
        return measuredSince ? nil : event
    }

    func hypercalcaemiaRecorded() -> Finding? {
        guard let event = Self.hypercalcaemiaUnmeasured(index) else { return nil }
        // A bone-agent dose given on or after it: the episode was treated (LabRules+HypercalcaemiaTreated
        // reads it once a calcium is on record).
        let treatedWith = index.treatments.first { agent in
            agent.kind == .boneModifyingAgent && !agent.planned && agent.givenDoses.contains { $0.latestDay >= event.date.earliestDay && index.known($0) }
        }
        let treated = treatedWith.map { agent in
            LocalizedText(
                en: " \(agent.label.en) was given since: recheck calcium to see whether it has returned to normal (retreatment, if needed, after at least 7 days).",
                zh: "此后已给予\(agent.label.zhHans)：复查血钙，判断是否恢复正常（如需再次治疗，间隔至少 7 天）。")
        } ?? LocalizedText(
            en: " If it is symptomatic, start IV isotonic saline while the result is awaited; the bone-modifying agent (zoledronic acid 4 mg, or denosumab when renal function forbids) follows the measured grade. Hold calcium and vitamin D supplements until calcium is known.",
            zh: "如有症状，在等待结果时即开始静脉输注等渗盐水；骨改良药物（唑来膦酸 4 mg，肾功能不允许时用地舒单抗）按实测分级使用。血钙结果出来前暂停钙剂和维生素 D 补充。")
        return Finding(
            ruleId: "labs.hypercalcaemiaRecorded", severity: treatedWith == nil ? .warning : .advisory, duty: .boneAgents,
            specialty: .medicalOncology, subject: .patient, date: event.date,
            title: LocalizedText(
                en: "Hypercalcaemia recorded on \(event.date) — no calcium result since: measure it now",
                zh: "\(event.date) 记录高钙血症——此后无血钙结果：请立即检测"),
            detail: LocalizedText(
                en: "Hypercalcaemia of malignancy is graded (mild < 12, moderate 12–14, severe > 14 mg/dL or symptomatic; Stewart 2005) and treated on the albumin-corrected calcium: measure calcium with albumin, and creatinine for the choice of agent.\(treated.en)",
                zh: "恶性肿瘤相关高钙血症按白蛋白校正血钙分级（轻度 < 12、中度 12–14、重度 > 14 mg/dL 或有症状；Stewart 2005）并据此治疗：请同时检测血钙、白蛋白，以及用于选择药物的血肌酐。\(treated.zhHans)"),
            inputs: [FindingInput("event", event.date.description)],
            sources: [Self.stewart2005, Self.payne1973],
            // "Hold calcium and vitamin D supplements until calcium is known" — claimed, as the
            // supplements finding now says it too (rule set 2026.12.395).
            claims: treatedWith == nil ? [Claim(.supplements, about: "patient", "withhold")] : [])
    }
}
