/// A bone-modifying agent recorded as two courses over the same time, read as one
/// (`CaseIndex.agentCoursesJoined`): said, so that the record is corrected to one row.
extension BoneAgentRules {
    func recordedTwiceFindings() -> [Finding] {
        index.agentCoursesJoined.compactMap { joined -> Finding? in
            guard let course = index.treatments.first(where: { $0.id == joined.kept }) else { return nil }
            let name = course.agent?.label ?? TreatmentKind.boneModifyingAgent.label
            let rows = [joined.kept] + joined.joined
            let doses = course.givenDoses.map(\.description)
            let schedule = [
                course.doseMg.map { "\(CaseIndex.format($0)) mg" },
                course.intervalWeeks.map { "every \($0) weeks" },
            ].compactMap { $0 }.joined(separator: " ")
            let scheduleZh = [
                course.doseMg.map { "\(CaseIndex.format($0)) mg" },
                course.intervalWeeks.map { "每 \($0) 周" },
            ].compactMap { $0 }.joined(separator: " ")
            return Finding(
                ruleId: "boneAgents.recordedTwice", severity: .advisory, duty: .boneAgents, specialty: .mdtCoordinator,
                subject: .treatment(joined.kept), date: course.start,
                title: LocalizedText(
                    en: "\(name.en.sentenceStart) recorded as \(rows.count) courses over the same time (\(rows.joined(separator: ", "))) — read as one",
                    zh: "\(name.zhHans)在同一时期记录为 \(rows.count) 个疗程（\(rows.joined(separator: "、"))）——按一个疗程读取"),
                detail: LocalizedText(
                    en: "One agent is not given as two courses at once: an order sent twice, or a new row for the same course with the first left open. The findings read one course (\(joined.kept)) from \(course.start.map(String.init(describing:)) ?? "?") with every dose either row records — \(doses.joined(separator: ", "))\(schedule.isEmpty ? "" : "; \(schedule) as the later row records"). Keep one row with every dose given.",
                    zh: "同一药物不会同时按两个疗程使用：医嘱重复发送，或同一疗程新开一行而原行未结束。各项结论按一个疗程（\(joined.kept)）读取：自 \(course.start.map(String.init(describing:)) ?? "?") 起，包含两行记录的全部给药——\(doses.joined(separator: "、"))\(scheduleZh.isEmpty ? "" : "；按较晚一行记录为 \(scheduleZh)")。请只保留一行，并记录全部已给剂量。"),
                inputs: rows.map { FindingInput("course", $0) },
                sources: [Self.sourceHospitalBoneAgents])
        }
    }
}
