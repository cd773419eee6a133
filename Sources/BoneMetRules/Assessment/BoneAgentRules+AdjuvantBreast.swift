/// Adjuvant zoledronic acid in early breast cancer (rule set 2026.12.156). A postmenopausal
/// breast cancer after mastectomy, on anastrozole, with zoledronic acid 4 mg every 6 months and no
/// bone lesion, read the SRE-prevention schedule ("every 3–4 weeks, or every 12 weeks") and
/// "the alternative is denosumab … delayed the first SRE" (cb24-y). Zoledronic acid 4 mg every 6
/// months for 3 years is an adjuvant therapy: it reduces bone recurrence and breast-cancer
/// mortality in postmenopausal women — natural or induced by ovarian suppression — not in
/// premenopausal ones (EBCTCG 2015; ASCO–CCO 2017; ESMO 2020), and adjuvant denosumab gave no
/// such benefit (D-CARE).
extension BoneAgentRules {
    static let ebctcg2015 = Citation(
        id: "ebctcg2015", text: "Early Breast Cancer Trialists' Collaborative Group (EBCTCG). Lancet 2015;386:1353-61 (adjuvant bisphosphonates in early breast cancer)")
    static let dhesyThind2017 = Citation(
        id: "dhesyThind2017", text: "Dhesy-Thind S et al. J Clin Oncol 2017;35:2062-81 (ASCO–CCO: adjuvant bisphosphonates in breast cancer — zoledronic acid 4 mg every 6 months for 3 years)")
    static let coleman2020DCARE = Citation(
        id: "coleman2020DCARE", text: "Coleman R et al. Lancet Oncol 2020;21:60-72 (D-CARE: adjuvant denosumab did not improve bone-metastasis-free survival)")

    /// "Every 6 months" as records write it: 26 weeks, or 24 for six 4-week cycles.
    static let adjuvantIntervalWeeks = 24...26

    /// The course's years the guideline gives (ASCO–CCO 2017).
    static let adjuvantYears = 3

    /// Zoledronic acid at 4 mg about every 6 months — 24 to 26 weeks as records write "every 6
    /// months" (26 weeks; "24 weeks" for six 4-week cycles) — in a breast cancer with no bone
    /// lesion on record: the adjuvant schedule, not SRE prevention. Not with visceral metastases
    /// on record (lymph nodes aside): a metastatic cancer has no adjuvant therapy.
    func isAdjuvantBreastSchedule(_ agent: Treatment) -> Bool {
        guard agent.agent == .zoledronicAcid, !agent.isBoneLossDose, agent.doseMg.map({ abs($0 - 4) < 0.001 }) ?? true,
            let weeks = agent.intervalWeeks, Self.adjuvantIntervalWeeks.contains(weeks)
        else { return false }
        let metastatic = (index.record.visceralMetastases ?? []).contains { !$0.isLymphNode }
        return noBoneLesion && !metastatic && index.knownPrimaries.contains { $0.site == .breast }
    }

    /// The first dose given and whether the guideline's 3 years from it have passed.
    func adjuvantCourse(_ agent: Treatment) -> (first: PartialDate, complete: Bool)? {
        // The course's start or its first dose on record, whichever is earlier: a doses list may
        // hold only the latest doses (as `zoledronicLongTermFinding` reads it).
        guard let first = (agent.givenDoses.filter(index.known) + [agent.start].compactMap { $0 }).min() else { return nil }
        return (first, first.wholeYears(to: index.assessedOn) >= Self.adjuvantYears)
    }

    /// The schedule said where the SRE-prevention one would be.
    static let adjuvantSchedule = LocalizedText(
        en: "every 6 months for 3 years (adjuvant; ASCO–CCO 2017)",
        zh: "每 6 个月一次，共 3 年（辅助治疗；ASCO–CCO 2017）")

    func adjuvantBreastChoice(_ agent: Treatment) -> Finding {
        let course = adjuvantCourse(agent)
        let complete = course.map { course in
            // The same day three years on, as the first dose is written ("2026-01-10" → "2029-01-10").
            let end = "\(course.first.year + Self.adjuvantYears)\(String(describing: course.first).dropFirst(4))"
            return course.complete
                ? LocalizedText(
                    en: " The 3 years from the first dose (\(course.first)) are complete: the course ends — no further dose is due.",
                    zh: "自首剂（\(course.first)）起已满 3 年：疗程结束——无需再给药。")
                : LocalizedText(
                    en: " First dose \(course.first): the 3 years end \(end).",
                    zh: "首剂 \(course.first)：3 年疗程至 \(end)。")
        } ?? LocalizedText(en: "", zh: "")
        return Finding(
            ruleId: "boneAgents.choice", severity: .info, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: agent.start,
            title: LocalizedText(
                en: "Zoledronic acid every \(agent.intervalWeeks ?? 26) weeks without bone metastasis: adjuvant therapy of early breast cancer",
                zh: "无骨转移时唑来膦酸每 \(agent.intervalWeeks ?? 26) 周一次：早期乳腺癌的辅助治疗"),
            detail: LocalizedText(
                en: "No bone metastasis is on record and zoledronic acid 4 mg is given about every 6 months: the adjuvant schedule of early breast cancer, not SRE prevention. 4 mg every 6 months for 3 years reduces bone recurrence and breast-cancer mortality in postmenopausal women — natural menopause or ovarian suppression — and not in premenopausal women (EBCTCG 2015; ASCO–CCO 2017; ESMO 2020): confirm the menopausal status. Denosumab is no alternative here: adjuvant denosumab did not improve bone-metastasis-free survival (D-CARE).\(complete.en)",
                zh: "病历中无骨转移，唑来膦酸 4 mg 约每 6 个月一次：为早期乳腺癌的辅助治疗方案，而非预防 SRE。4 mg 每 6 个月一次、共 3 年，可降低绝经后女性（自然绝经或卵巢功能抑制）的骨复发和乳腺癌死亡，对绝经前女性无此获益（EBCTCG 2015；ASCO–CCO 2017；ESMO 2020）：请确认绝经状态。地舒单抗不能作为替代：辅助地舒单抗未改善无骨转移生存（D-CARE）。\(complete.zhHans)"),
            inputs: [FindingInput("agent", "zoledronicAcid"), FindingInput("intervalWeeks", (agent.intervalWeeks ?? 26).description), FindingInput("schedule", "adjuvantBreast")],
            sources: [Self.ebctcg2015, Self.dhesyThind2017, Self.esmo2020, Self.coleman2020DCARE])
    }
}
