/// Zoledronic acid every 3–4 weeks for a year or more while the bone disease is not progressing.
/// The source hospital's MDT was asked exactly this — a patient doing well on long-term zoledronic
/// acid: continue, lengthen the interval, or switch to denosumab? — and BoneMet said nothing of it:
/// a breast cancer's monthly course since January 2024, its lesions in complete response since
/// 2025, read only its dose and supplements (unseen record cb27-i). After 12–15 months of monthly
/// zoledronic acid, every 12 weeks was non-inferior in breast cancer (ZOOM, Amadori 2013;
/// OPTIMIZE-2, Hortobagyi 2017); from the start, in breast and prostate cancer and myeloma
/// (CALGB 70604). Other primaries were in none of these trials and are not judged here.
extension BoneAgentRules {
    static let amadori2013 = Citation(
        id: "amadori2013",
        text: "Amadori D et al. Lancet Oncol 2013;14:663-70 (ZOOM: zoledronic acid every 12 vs 4 weeks after 12–15 months of monthly treatment, breast cancer)")
    static let hortobagyi2017 = Citation(
        id: "hortobagyi2017",
        text: "Hortobagyi GN et al. JAMA Oncol 2017;3:906-12 (OPTIMIZE-2: zoledronic acid every 12 vs 4 weeks after about a year of monthly bisphosphonate, breast cancer)")
    static let sourceHospitalBoneAgents = Citation(
        id: "sourceHospitalBoneAgents",
        text: "Xu HR (Beijing Jishuitan Hospital). Bone metastases: three things the orthopaedic surgeon wants to say — MDT talk; bone-modifying agents (Q&A)",
        zh: "徐海荣（北京积水潭医院）. 肿瘤骨转移——骨科大夫想说的三件事（MDT 对谈）：骨改良药物（问答）")

    func zoledronicLongTermFinding(_ agent: Treatment) -> Finding? {
        guard agent.agent == .zoledronicAcid, !agent.planned, !agent.isBoneLossDose, !isAdjuvantBreastSchedule(agent),
            !index.metastaticLesions.isEmpty, let weeks = monthlyInterval(agent),
            // The course's start or its first dose on record, whichever is earlier: an EHR lists
            // the last few doses of a course running since June 2025 (first listed August 2026),
            // and eighteen months of monthly zoledronic acid read as three (unseen record cb77-ab).
            let first = (agent.givenDoses.filter(index.known) + [agent.start].compactMap { $0 }).min(by: { $0.earliestDay < $1.earliestDay }),
            // The day a year has run is watched (the background re-assessment turns on it).
            index.known(Self.yearAfter(first))
        else { return nil }
        // Not while the agent is held — a renal hold, or osteonecrosis of the jaw — where its
        // own finding decides and "continue" would speak against it.
        guard Self.renalHold(agent, index: index) == nil, osteonecrosisOfJaw == nil else { return nil }
        // Nor where SRE prevention is not indicated (castration-sensitive prostate cancer): "every
        // 12 weeks is an option" beside "not indicated" offered to go on with it (cb57-f).
        guard !sreNotIndicated else { return nil }
        let sites = Set(index.knownPrimaries.map { $0.isPlasmaCellDisease ? PrimarySite.myeloma : $0.site })
        let breast = sites.contains(.breast)
        guard breast || sites.contains(.prostate) || sites.contains(.myeloma) else { return nil }
        // "Doing well": the latest bone response is not progression.
        // The latest evaluable one: "not evaluable" says nothing of progression (a CRPC's MRI,
        // not measurable, read "bone disease not progressing (latest bone response not
        // evaluable)" — unseen record cb62-g, rule set 2026.12.309).
        let latest = timePoints.filter { $0.overall != .notEvaluable }.max { $0.to.earliestDay < $1.to.earliestDay }
        if latest?.overall == .progressiveDisease { return nil }
        let unevaluable = timePoints.max { $0.to.earliestDay < $1.to.earliestDay }
        let state = latest.map { point in
            LocalizedText(
                en: "bone disease not progressing (latest evaluable bone response \(point.overall.label.en), \(point.modality.label.en) of \(point.to))",
                zh: "骨病灶未进展（最近可评估的骨反应\(point.overall.label.zhHans)，\(point.to) \(point.modality.label.zhHans)）")
        } ?? unevaluable.map { point in
            LocalizedText(
                en: "no evaluable bone response on record (\(point.modality.label.en) of \(point.to): not evaluable) — whether the bone disease is stable is not known from the imaging",
                zh: "无可评估的骨反应记录（\(point.to) \(point.modality.label.zhHans)：无法评估）——影像尚不能判断骨病灶是否稳定")
        } ?? LocalizedText(en: "no bone progression on record", zh: "未见骨进展记录")
        let trials = breast
            ? LocalizedText(
                en: "After 12–15 months of monthly zoledronic acid, continuing every 12 weeks was non-inferior for skeletal-related events in breast cancer (ZOOM, OPTIMIZE-2); every 12 weeks from the start was non-inferior in breast and prostate cancer and myeloma (CALGB 70604).",
                zh: "乳腺癌患者每月唑来膦酸 12–15 个月后改为每 12 周一次，骨相关事件不劣于继续每 4 周（ZOOM、OPTIMIZE-2）；乳腺癌、前列腺癌和骨髓瘤从一开始即每 12 周一次亦不劣于每 4 周（CALGB 70604）。")
            : LocalizedText(
                en: "Every 12 weeks from the start was non-inferior to every 4 weeks for skeletal-related events in breast and prostate cancer and myeloma (CALGB 70604).",
                zh: "乳腺癌、前列腺癌和骨髓瘤从一开始即每 12 周一次，骨相关事件不劣于每 4 周（CALGB 70604）。")
        let preferred = index.settings.preferredBoneAgent
        let switchText = preferred == .denosumab
            ? LocalizedText(en: " or switch to denosumab (the preferred agent, setting)", zh: "或换用地舒单抗（首选药物，设置）")
            : LocalizedText(en: " or switch to denosumab", zh: "或换用地舒单抗")
        return Finding(
            ruleId: "boneAgents.zoledronic.longTerm", severity: .advisory, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: index.assessedOn,
            title: LocalizedText(
                en: "Zoledronic acid every \(weeks) weeks for a year or more: every 12 weeks is an option",
                zh: "唑来膦酸每 \(weeks) 周已用 1 年以上：可改为每 12 周"),
            detail: LocalizedText(
                en: "Given since \(first); \(state.en). \(trials.en) The trials answered concerns about prolonged monthly dosing; its known risks are renal toxicity and osteonecrosis of the jaw. Continue, lengthen the interval to 12 weeks\(switchText.en): medical oncology decides, on safety.",
                zh: "自 \(first) 起用药；\(state.zhHans)。\(trials.zhHans)这些试验针对的是长期每月给药的顾虑；其已知风险为肾毒性和颌骨坏死。继续原方案、延长至每 12 周\(switchText.zhHans)：由肿瘤内科根据安全性决定。"),
            inputs: [FindingInput("intervalWeeks", weeks.description), FindingInput("since", first.description)]
                + (latest.map { [FindingInput("latestResponse", $0.overall.rawValue)] } ?? []),
            sources: (breast ? [Self.amadori2013, Self.hortobagyi2017] : []) + [Sources.himelstein2017, Self.sourceHospitalBoneAgents])
    }

    /// The course's interval in weeks when it is monthly (3–4 weeks, the label's): the recorded one,
    /// else the gap between its last two doses, rounded to whole weeks.
    private func monthlyInterval(_ agent: Treatment) -> Int? {
        if let weeks = agent.intervalWeeks { return (3...4).contains(weeks) ? weeks : nil }
        let given = agent.givenDoses.filter(index.known).sorted { $0.earliestDay < $1.earliestDay }
        guard given.count >= 2, let last = given.last, last.precision == 2, given[given.count - 2].precision == 2 else { return nil }
        let weeks = Int((Double(last.earliestDay - given[given.count - 2].earliestDay) / 7).rounded())
        return (3...4).contains(weeks) ? weeks : nil
    }

    /// A year after a date, read at its earliest (a partial date's first day), the 29th of February
    /// on the 28th: the year of monthly treatment the trials enrolled after (ZOOM 12–15 months,
    /// OPTIMIZE-2 9 or more doses in the first 10–15 months).
    static func yearAfter(_ date: PartialDate) -> PartialDate {
        let month = date.month ?? 1
        let day = min(date.day ?? 1, PartialDate.daysInMonth(year: date.year + 1, month: month))
        return PartialDate(dayNumber: PartialDate.days(year: date.year + 1, month: month, day: day))
    }
}
