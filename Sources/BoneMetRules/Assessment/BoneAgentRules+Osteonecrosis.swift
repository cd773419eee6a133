/// Osteonecrosis of the jaw on record (rule set 2026.12.51). A record could say a patient had a
/// pathological fracture or hypercalcaemia but not that her jaw was necrotic on zoledronic acid,
/// and the next dose was called "due". Medication-related osteonecrosis of the jaw is managed by
/// dental care (a dentist or oral surgeon; conservative care first — extensive dental surgery
/// may make it worse, as the Xgeva and Zometa labels say), and whether the bone-modifying agent
/// is held is decided with them on the individual benefit and risk (Yarom N et al. J Clin Oncol
/// 2019;37:2270-90, MASCC/ISOO/ASCO guideline). The next dose waits for that decision.
extension BoneAgentRules {
    static let yarom2019 = Citation(
        id: "yarom2019", text: "Yarom N et al. J Clin Oncol 2019;37:2270-90 (medication-related osteonecrosis of the jaw: MASCC/ISOO/ASCO guideline)")
    static let onjLabels = Citation(
        id: "onjLabels",
        text: "Xgeva (denosumab) and Zometa (zoledronic acid) prescribing information: osteonecrosis of the jaw — care by a dentist or oral surgeon; extensive dental surgery may exacerbate it",
        zh: "Xgeva（地舒单抗）与 Zometa（唑来膦酸）说明书：颌骨坏死——由牙科或口腔外科诊治；广泛的牙科手术可能加重病情")

    /// The first osteonecrosis of the jaw on record by the assessment's date, while it holds the
    /// agent: not once it is recorded resolved and a dose was given after it.
    var osteonecrosisOfJaw: ClinicalEvent? {
        let episodes = osteonecrosisEpisodes
        guard resumed(after: episodes) == nil else { return nil }
        return episodes.min { $0.date < $1.date }
    }

    /// Every osteonecrosis of the jaw on record by the assessment's date.
    private var osteonecrosisEpisodes: [ClinicalEvent] {
        index.record.events.filter { $0.kind == .osteonecrosisOfJaw && index.known($0.date) }
    }

    /// Osteonecrosis of the jaw recorded resolved (healed), every episode, and a bone-agent dose
    /// given after the last: the decision to resume, which Yarom 2019 leaves to the individual
    /// case after healing, was taken. A denosumab course resumed after a healed jaw read "the
    /// next dose waits for that decision" at every dose since.
    var resumedAfterOsteonecrosis: (onj: ClinicalEvent, agent: Treatment, day: PartialDate)? { resumed(after: osteonecrosisEpisodes) }

    private func resumed(after episodes: [ClinicalEvent]) -> (onj: ClinicalEvent, agent: Treatment, day: PartialDate)? {
        guard let last = episodes.max(by: { $0.date < $1.date }), episodes.allSatisfy({ !$0.isCurrent }) else { return nil }
        return dosesGiven(after: last.date).first.map { (last, $0.course, $0.day) }
    }

    /// Every dose of a bone-modifying agent given after a day, as of the assessment, earliest first.
    private func dosesGiven(after date: PartialDate) -> [(course: Treatment, day: PartialDate)] {
        agents.filter { !$0.planned }.flatMap { course in
            course.givenDoses.filter { $0.earliestDay > date.latestDay && index.known($0) }.map { (course, $0) }
        }.sorted { $0.day < $1.day }
    }

    func osteonecrosisOfJawFindings() -> [Finding] {
        if let resumed = resumedAfterOsteonecrosis {
            let name = resumed.agent.agent?.label ?? resumed.agent.label
            return [Finding(
                ruleId: "boneAgents.osteonecrosisOfJaw", severity: .info, duty: .boneAgents, specialty: .medicalOncology,
                subject: .patient, date: resumed.onj.date,
                title: LocalizedText(
                    en: "Osteonecrosis of the jaw on record (\(resumed.onj.date)), resolved; \(name.en) resumed on \(resumed.day)",
                    zh: "病历记录颌骨坏死（\(resumed.onj.date)），已愈合；\(resumed.day) 起恢复\(name.zhHans)"),
                detail: LocalizedText(
                    en: "Resuming after healing is decided case by case with dental care (Yarom 2019); it was resumed. Osteonecrosis of the jaw stays in the history for dental care to follow.",
                    zh: "愈合后是否恢复用药需与口腔科按个体情况决定（Yarom 2019）；已恢复用药。颌骨坏死病史保留，供口腔科随访。"),
                inputs: [FindingInput("onj", resumed.onj.date.description), FindingInput("resumed", resumed.day.description)],
                sources: [Self.yarom2019])]
        }
        guard let onj = osteonecrosisOfJaw else { return [] }
        let courses = currentAgents.filter { !$0.planned }
        let given = agents.filter { course in course.givenDoses.contains { $0.earliestDay <= onj.date.latestDay } }
        let names = LocalizedText.joined(
            given.compactMap(\.agent).distinct.map(\.label), en: " and ", zh: "、")
        let after = given.isEmpty
            ? LocalizedText(en: "", zh: "")
            : LocalizedText(en: ", after \(names.en)", zh: "，此前使用\(names.zhHans)")
        let next = courses.compactMap { course in Self.dueDate(course, index: index).map { (course, $0) } }.first
        let running = LocalizedText.joined(courses.compactMap { $0.agent?.label }, en: " and ", zh: "、")
        let hold = courses.isEmpty
            ? LocalizedText(
                en: "No bone-modifying agent runs now: starting or resuming one is decided with them.",
                zh: "目前未使用骨改良药物：是否开始或恢复用药需与其共同决定。")
            : LocalizedText(
                en: "Whether to hold \(running.en) is decided with them on the individual benefit and risk; the next dose\(next.map { " (due \($0.1))" } ?? "") waits for that decision.",
                zh: "是否暂停\(running.zhHans)需与其按个体获益与风险共同决定；下一次给药\(next.map { "（原定 \($0.1)）" } ?? "")等待该决定。")
        // Doses given after the jaw was recorded, the jaw not healed: the decision the finding
        // waits for may have been taken and not recorded, or not taken (unseen record cb43-a:
        // denosumab given a week after its osteonecrosis of the jaw, read "the next dose waits").
        let since = dosesGiven(after: onj.date)
        let givenSince = since.isEmpty
            ? LocalizedText(en: "", zh: "")
            : LocalizedText(
                en: " Given since it was recorded: \(since.map { "\($0.course.agent?.label.en ?? $0.course.label.en) \($0.day)" }.joined(separator: ", ")) — if continuing was decided with dental care, record that decision.",
                zh: "记录颌骨坏死后仍有给药：\(since.map { "\($0.day) \($0.course.agent?.label.zhHans ?? $0.course.label.zhHans)" }.joined(separator: "、"))——如已与口腔科商定继续用药，请记录该决定。")
        // Every episode recorded resolved, no dose since: the jaw needs no staging or conservative
        // care any more — the question is only whether to resume. A healed jaw after denosumab
        // read "staged and treated conservatively first", as if it were open (unseen record
        // cb81-ai, 2026.12.315).
        let healed = osteonecrosisEpisodes.allSatisfy { !$0.isCurrent }
        let care = healed
            ? LocalizedText(
                en: "Recorded resolved (healed): resuming a bone-modifying agent after healing is decided case by case with dental care (Yarom 2019).",
                zh: "已记录为痊愈：愈合后是否恢复骨改良药物，需与口腔科按个体情况决定（Yarom 2019）。")
            : LocalizedText(
                en: "Care by a dentist or oral surgeon: staged and treated conservatively first — extensive dental surgery may make it worse.",
                zh: "由牙科或口腔外科诊治：先分期并以保守治疗为主——广泛的牙科手术可能加重病情。")
        return [Finding(
            ruleId: "boneAgents.osteonecrosisOfJaw", severity: healed && courses.isEmpty ? .advisory : .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .patient, date: onj.date,
            title: LocalizedText(
                en: "Osteonecrosis of the jaw on record (\(onj.date)\(after.en))\(healed ? ", resolved" : "") — dental care decides with medical oncology",
                zh: "病历记录颌骨坏死（\(onj.date)\(after.zhHans)）\(healed ? "，已愈合" : "")——由口腔科与肿瘤内科共同决定"),
            detail: LocalizedText(
                en: "\(care.en) \(hold.en)\(givenSince.en)",
                zh: "\(care.zhHans)\(hold.zhHans)\(givenSince.zhHans)"),
            inputs: [FindingInput("onj", onj.date.description), FindingInput("dosesSince", String(since.count))],
            sources: [Self.yarom2019, Self.onjLabels],
            claims: courses.map { Claim(.boneAgentTiming, about: $0.id, "withhold") })]
    }
}
