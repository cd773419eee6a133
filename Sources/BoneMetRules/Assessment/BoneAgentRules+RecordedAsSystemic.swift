/// A bone-modifying agent entered as a systemic therapy, alone or inside a regimen row
/// (`CaseIndex.boneAgentReading`): read as the agent's course, and the
/// record asked to say so, with its dose and the dates given — the dose, renal and timing checks
/// need them.
extension BoneAgentRules {
    func recordedAsSystemic() -> [Finding] {
        index.treatmentsReadAsBoneAgents.compactMap { id -> Finding? in
            guard let course = index.treatments.first(where: { $0.id == id }), let agent = course.agent else { return nil }
            let name = course.displayName
            let since = LocalizedText(en: course.start?.description ?? "an unknown date", zh: course.start?.description ?? "未知日期")
            let row = index.boneAgentsFromRegimens[id]
            // The dose and interval its text writes (`BoneAgentDosageText.readUnique`), else none on record.
            let mg = course.doseMg.map { CaseIndex.format($0) }
            let every = course.intervalWeeks.map { LocalizedText(en: " every \($0) weeks", zh: "每 \($0) 周 ") } ?? LocalizedText(en: "", zh: "")
            let dose = mg.map { LocalizedText(en: "at \($0) mg\(every.en) as its text writes", zh: "（按其文字记载：\(every.zhHans)\($0) mg）") }
                ?? LocalizedText(en: "with no dose on record", zh: "（剂量未记录）")
            let title: LocalizedText
            let detail: LocalizedText
            if let row {
                title = LocalizedText(
                    en: "\(row.displayName.en) holds a bone-modifying agent (\(agent.label.en)): record it as one",
                    zh: "\(row.displayName.zhHans) 中含骨改良药物（\(agent.label.zhHans)）：请单独记录")
                detail = LocalizedText(
                    en: "\(name.en) is a bone-modifying agent, not an anticancer drug: it is read as a course of \(agent.label.en) from \(since.en) \(dose.en), and the regimen without it. Record it as a bone-modifying agent, with the dose and the dates given, so that its dose, renal function and timing are checked.",
                    zh: "\(name.zhHans)是骨改良药物，而非抗肿瘤药物：现按自 \(since.zhHans) 起的\(agent.label.zhHans)疗程\(dose.zhHans)处理，方案中不计该药。请按骨改良药物单独记录，并填写剂量和给药日期，以便核查剂量、肾功能和给药间隔。")
            } else {
                title = LocalizedText(
                    en: "\(name.en) is recorded as a systemic therapy — read as \(agent.label.en)",
                    zh: "\(name.zhHans)被记录为全身治疗——按\(agent.label.zhHans)处理")
                detail = LocalizedText(
                    en: "It is a bone-modifying agent, not an anticancer regimen: record it as one, with the dose and the dates given, so that its dose, renal function and timing are checked. Until then it is read as a course of \(agent.label.en) from \(since.en) \(dose.en).",
                    zh: "这是骨改良药物，而非抗肿瘤方案：请按骨改良药物记录，并填写剂量和给药日期，以便核查剂量、肾功能和给药间隔。在此之前按自 \(since.zhHans) 起的\(agent.label.zhHans)疗程\(dose.zhHans)处理。")
            }
            return Finding(
                ruleId: "boneAgents.recordedAsSystemic", severity: .advisory, duty: .boneAgents, specialty: .medicalOncology,
                subject: .treatment(id), date: course.start, title: title, detail: detail,
                inputs: [FindingInput("treatment", row?.id ?? id), FindingInput("agent", agent.rawValue)], sources: [Self.esmo2020])
        }
    }
}
