/// Two different bone-modifying agents running at once. An EHR that leaves the old order open
/// after a switch (zoledronic acid since 2021, denosumab from 2025-08) gave "dose due" for both
/// and "the alternative is denosumab" beside a running denosumab course. The trials compared
/// the agents (Stopeck 2010, Fizazi 2011, Henry 2011); none gave them together.
extension BoneAgentRules {
    struct Concurrent {
        /// The course started last: read as the one in force (a switch).
        let latest: Treatment
        let older: [Treatment]
    }

    func concurrentCourses() -> Concurrent? {
        let given = currentAgents.filter { !$0.planned && $0.start != nil }
        guard Set(given.compactMap(\.agent)).count >= 2,
            let latest = given.max(by: { ($0.start?.earliestDay ?? 0, $0.id) < ($1.start?.earliestDay ?? 0, $1.id) })
        else { return nil }
        return Concurrent(latest: latest, older: given.filter { $0.id != latest.id && $0.agent != latest.agent })
    }

    /// A bisphosphonate given only to treat hypercalcaemia — every dose in it (`hypercalcaemia(atDose:)`:
    /// corrected calcium ≥ 12 mg/dL, or above the limit with the hypercalcaemia recorded), no
    /// interval recorded — before the other agent's course began: a treatment given and done, not
    /// a course left open (the Zometa label: a single 4 mg dose, retreatment only if calcium does not
    /// normalise). Zoledronic acid 4 mg once for a corrected calcium of 12.2 mg/dL, denosumab begun
    /// a month later for SRE prevention, read "two bone-modifying agents on record at once —
    /// confirm the switch" (unseen bundle ehr25, rule set 2026.12.329). It is still set aside for
    /// the agent in force, without the warning.
    func onlyTreatedHypercalcaemia(_ course: Treatment, before latest: Treatment) -> Bool {
        guard course.agent != .denosumab, course.intervalWeeks == nil, let start = latest.start else { return false }
        let given = course.givenDoses.filter(index.known).sorted()
        guard let last = given.last, last.latestDay < start.earliestDay else { return false }
        return given.enumerated().allSatisfy { offset, dose in
            index.hypercalcaemia(atDose: dose, previousDose: offset > 0 ? given[offset - 1] : nil) != nil
        }
    }

    func concurrentFinding(_ courses: Concurrent) -> Finding? {
        guard courses.older.contains(where: { !onlyTreatedHypercalcaemia($0, before: courses.latest) }) else { return nil }
        func describe(_ course: Treatment) -> LocalizedText {
            let name = course.agent?.label ?? TreatmentKind.boneModifyingAgent.label
            let last = course.doses.filter { index.known($0) }.max()
            return LocalizedText(
                en: "\(name.en) since \(course.start.map(String.init(describing:)) ?? "?")\(last.map { ", last dose \($0)" } ?? "")",
                zh: "\(name.zhHans)（自 \(course.start.map(String.init(describing:)) ?? "?")\(last.map { "，末次 \($0)" } ?? "")）")
        }
        let older = LocalizedText.joined(courses.older.map(describe), en: "; ", zh: "；")
        let latest = describe(courses.latest)
        let name = courses.latest.agent?.label ?? TreatmentKind.boneModifyingAgent.label
        let since = givenSinceLatestBegan(courses)
        return Finding(
            ruleId: "boneAgents.concurrent", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .patient, date: courses.latest.start,
            title: since == nil
                ? LocalizedText(
                    en: "Two bone-modifying agents on record at once — confirm the switch to \(name.en)",
                    zh: "同时记录两种骨改良药物——请确认已换用\(name.zhHans)")
                : LocalizedText(en: "Two bone-modifying agents given at once — stop one", zh: "同时使用两种骨改良药物——请停用其一"),
            detail: since.map { since in
                LocalizedText(
                    en: "\(since.en) after \(name.en) began (\(courses.latest.start.map(String.init(describing:)) ?? "?")): both are being given, not a switch. The trials compared the agents (Stopeck 2010, Fizazi 2011, Henry 2011); none gave them together — medical oncology decides which to stop, and the other course is ended in the record. Until then the course started last, \(name.en), is read as the one in force.",
                    zh: "\(since.zhHans)，均在\(name.zhHans)开始（\(courses.latest.start.map(String.init(describing:)) ?? "?")）之后：两药正在同时使用，并非换药。相关试验比较的是两药（Stopeck 2010、Fizazi 2011、Henry 2011），均未联合使用——由肿瘤内科决定停用哪一种，并在病历中结束另一疗程。在此之前，按最后开始的疗程（\(name.zhHans)）视为当前用药。")
            } ?? LocalizedText(
                en: "Open courses: \(older.en); \(latest.en). Taken as a switch to \(name.en) (the course started last): end the other course in the record. The trials compared the agents (Stopeck 2010, Fizazi 2011, Henry 2011); none gave them together — if both are really given, stop one.",
                zh: "未结束的疗程：\(older.zhHans)；\(latest.zhHans)。按最后开始的疗程视为已换用\(name.zhHans)：请在病历中结束另一疗程。相关试验比较的是两药（Stopeck 2010、Fizazi 2011、Henry 2011），均未联合使用——如确实同时使用，请停用其一。"),
            inputs: courses.older.map { FindingInput("olderCourse", $0.id) } + [FindingInput("currentCourse", courses.latest.id)],
            sources: [Sources.stopeck2010, Self.fizazi2011, Self.henry2011],
            claims: courses.older.map { Claim(.boneAgentTiming, about: $0.id, "withhold") })
    }

    /// The older courses' doses given after the later course's first day: both agents given, not a
    /// switch left open in the record. Zoledronic acid 4 mg every 4 weeks given on 10-03 and 10-31
    /// after denosumab began on 09-10 read "confirm the switch to denosumab" (unseen record cb103-f).
    /// Nil when every older dose came before it (a switch whose old order was left open).
    func givenSinceLatestBegan(_ courses: Concurrent) -> LocalizedText? {
        guard let start = courses.latest.start, index.known(start) else { return nil }
        let parts = courses.older.compactMap { course -> LocalizedText? in
            let doses = course.givenDoses.filter { index.known($0) && $0.earliestDay > start.latestDay }.sorted()
            guard !doses.isEmpty else { return nil }
            let name = course.agent?.label ?? TreatmentKind.boneModifyingAgent.label
            let days = doses.map(String.init(describing:))
            return LocalizedText(
                en: "\(name.en) given \(days.joined(separator: ", "))",
                zh: "\(name.zhHans)于 \(days.joined(separator: "、")) 给药")
        }
        guard !parts.isEmpty else { return nil }
        let joined = LocalizedText.joined(parts, en: "; ", zh: "；")
        return LocalizedText(en: joined.en.prefix(1).uppercased() + joined.en.dropFirst(), zh: joined.zhHans)
    }
}
