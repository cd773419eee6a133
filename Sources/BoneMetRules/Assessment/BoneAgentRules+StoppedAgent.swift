/// A bone-modifying agent stopped: what the course was and, for denosumab, the vertebrae broken
/// since (the label's rebound) — moved from BoneAgentRules+Indication.swift, which passed 40 KiB.
extension BoneAgentRules {
    /// The latest bone-modifying agent course given and ended (none running now).
    func lastStoppedAgent() -> Treatment? {
        index.treatments.filter { $0.kind == .boneModifyingAgent && !$0.planned && $0.end != nil && $0.agent != nil }
            .max { ($0.end?.latestDay ?? 0) < ($1.end?.latestDay ?? 0) }
    }

    /// What the stopped course was and, for denosumab, what stopping it means (reference.md:
    /// rebound bone turnover on stopping; the label's multiple vertebral fractures after it).
    /// Vertebrae first broken after a day: a collapse or fracture the imaging shows first after it,
    /// or a pathological-fracture event dated after it. A lung cancer's L1,
    /// healed completely under alectinib and denosumab, collapsed seven months after denosumab was
    /// stopped, and the stop's finding still said "weigh the vertebral-fracture risk now" (cb24-r,
    /// rule set 2026.12.159).
    /// The vertebrae broken since a stopped denosumab course ended; none for another agent.
    func fracturedSinceStop(_ course: Treatment) -> [(Lesion, PartialDate)] {
        guard course.agent == .denosumab, let end = course.end else { return [] }
        return vertebralFractures(after: end)
    }

    func vertebralFractures(after day: PartialDate) -> [(Lesion, PartialDate)] {
        var found: [String: (Lesion, PartialDate)] = [:]
        for (lesion, point) in index.imagedFractures where lesion.isSpinal && point.study.date.earliestDay > day.latestDay {
            found[lesion.id] = (lesion, point.study.date)
        }
        // And those no metastasis was seen in, the rebound's own picture (`antiresorptiveFractures`):
        // a lapsed course's "dose due" said nothing of T12 and L2 collapsed since (cb98-d).
        for lesion in index.seenLesions where lesion.isSpinal && found[lesion.id] == nil {
            guard let rebound = index.antiresorptiveFractures[lesion.id], case .reboundAfterDenosumab = rebound.kind,
                rebound.fractured.earliestDay > day.latestDay else { continue }
            found[lesion.id] = (lesion, rebound.fractured)
        }
        for event in index.record.events where event.kind == .pathologicalFracture && event.isCurrent && index.known(event.date)
            && event.date.earliestDay > day.latestDay
        {
            guard let id = event.lesion, let lesion = index.lesionsById[id], lesion.isSpinal else { continue }
            if let known = found[id], known.1 <= event.date { continue }
            found[id] = (lesion, event.date)
        }
        // By date, then down the spine, then in the record's order: a dictionary's order changes
        // from run to run, and three vertebrae broken on one day were named in a different order
        // each time (cb70-e).
        let order = Dictionary(index.record.lesions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func key(_ item: (Lesion, PartialDate)) -> (PartialDate, Int, Int) {
            let level = item.0.withSiteFromNote.level.flatMap { VertebralLevel.all.firstIndex(of: $0) } ?? Int.max
            return (item.1, level, order[item.0.id] ?? Int.max)
        }
        return found.values.sorted { key($0) < key($1) }
    }

    /// Vertebrae broken since denosumab was stopped or lapsed, named, with the label's rebound
    /// in their differential (a recorded stop, .159; a dose left due, .167).
    func reboundDifferential(_ fractured: [(Lesion, PartialDate)], since: LocalizedText) -> LocalizedText {
        let list = LocalizedText.joined(fractured.map { lesion, day in
            LocalizedText(en: "\(index.label(lesion).en) (\(day))", zh: "\(index.label(lesion).zhHans)（\(day)）")
        }, en: ", ", zh: "、")
        return LocalizedText(
            en: " \(since.en), a vertebral fracture: \(list.en). Stopping denosumab is followed by rebound bone turnover, and multiple vertebral fractures after discontinuation are described in its label — at a level with a metastasis as well, the rebound is in the differential: decide now on resuming it or another antiresorptive.",
            zh: "\(since.zhHans)出现椎体骨折：\(list.zhHans)。停用地舒单抗后会出现骨转换反弹，其说明书记载停药后可发生多发椎体骨折——即使该节段有转移灶，也需鉴别反弹性骨折：现在决定恢复该药或改用其他抗骨吸收药物。")
    }

    func stoppedAgentText(_ course: Treatment) -> LocalizedText? {
        guard let name = course.agent?.label, let end = course.end else { return nil }
        let span = course.start.map { "\($0)–\(end)" } ?? "until \(end)"
        let spanZh = course.start.map { "\($0)–\(end)" } ?? "至 \(end)"
        let reason = course.stopReason.map { LocalizedText(en: ", stopped (\($0.label.en))", zh: "，因\($0.label.zhHans)停用") }
            ?? LocalizedText(en: ", reason for stopping not recorded", zh: "，停用原因未记录")
        let fractured = fracturedSinceStop(course)
        let rebound = course.agent != .denosumab
            ? LocalizedText(en: "", zh: "")
            : fractured.isEmpty
            ? LocalizedText(
                en: " Stopping denosumab is followed by rebound bone turnover, and multiple vertebral fractures after discontinuation are described in its label: weigh the vertebral-fracture risk now and decide on resuming it or another agent.",
                zh: "停用地舒单抗后会出现骨转换反弹，其说明书记载停药后可发生多发椎体骨折：现在评估椎体骨折风险，决定恢复该药或改用其他药物。")
            : reboundDifferential(fractured, since: LocalizedText(en: "Since the stop", zh: "停药后"))
        return LocalizedText(
            en: "\(name.en.sentenceStart) was given \(span)\(reason.en).\(rebound.en)",
            zh: "\(name.zhHans)曾用于 \(spanZh)\(reason.zhHans)。\(rebound.zhHans)")
    }
}
