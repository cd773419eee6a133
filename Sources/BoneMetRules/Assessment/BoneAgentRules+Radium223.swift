/// Radium-223 beside abiraterone (rule set 2026.12.50). A castration-resistant prostate cancer
/// started abiraterone and prednisone, and radium-223 four days later, with no bone-modifying
/// agent, and nothing was said. In ERA 223 (Smith M et al. Lancet Oncol 2019;20:408-19) the
/// combination brought more fractures and deaths than abiraterone alone, fractures most of all
/// without a bone-health agent; the EU label contraindicates it, the US label advises against it
/// outside trials.
extension BoneAgentRules {
    static let smith2019 = Citation(
        id: "smith2019", text: "Smith M et al. Lancet Oncol 2019;20:408-19 (ERA 223: radium-223 with abiraterone — more fractures and deaths)")
    static let xofigoLabel = Citation(
        id: "xofigoLabel",
        text: "Xofigo (radium-223) prescribing information: not with abiraterone acetate plus prednisone/prednisolone (EU: contraindicated; US: not recommended outside clinical trials)",
        zh: "Xofigo（镭-223）说明书：不与醋酸阿比特龙加泼尼松/泼尼松龙联用（欧盟：禁忌；美国：临床试验外不推荐）")

    // Latin names as whole words ("radium 223" is read as its words "radium" and "223": the
    // word "radium" alone names it).
    // China's name is "（二）氯化镭[223Ra]注射液": "氯化镭[223Ra]注射液" given beside abiraterone was
    // not read (unseen bundle ehr21).
    private static let radium = (latin: ["radium-223", "radium", "ra-223", "ra223", "223ra", "xofigo", "alpharadin"], chinese: ["镭-223", "镭223", "氯化镭", "镭[223"])
    private static let abiraterone = (latin: ["abiraterone", "zytiga"], chinese: ["阿比特龙", "泽珂"])

    private static func names(_ treatment: Treatment, _ list: (latin: [String], chinese: [String])) -> Bool {
        treatment.drugText.names(latin: list.latin, chinese: list.chinese)
    }

    /// Whether a treatment names radium-223 (also read by `radiumAgainstLabel`).
    static func namesRadium(_ treatment: Treatment) -> Bool { names(treatment, radium) }

    /// A radium-223 course given now or planned. Its injections come every 4 weeks, six in all
    /// (Xofigo label): a row of one injection — ended the day it began, no reason to stop
    /// recorded, as an EHR sends each administration — is still being given until 4 weeks after
    /// it, when the next is due. The first injection three days before, beside abiraterone, read
    /// as a course already over (ehr21). A course ended on a later day ended as written.
    func currentRadium() -> [Treatment] {
        index.treatments.filter { treatment in
            guard treatment.kind == .systemic, Self.namesRadium(treatment) else { return false }
            guard !treatment.planned, let end = treatment.end else { return true }
            let oneInjection = treatment.start == end && treatment.stopReason == nil
            return index.stillRunning(until: oneInjection ? PartialDate(dayNumber: end.latestDay + Self.radiumIntervalDays) : end)
        }
    }

    /// Xofigo label: 55 kBq/kg every 4 weeks, six injections.
    static let radiumIntervalDays = 28

    func radiumWithAbiraterone() -> [Finding] {
        // Radium-223 and abiraterone are prostate-cancer drugs: other records are not searched
        // (every assessment asks, issue #12).
        guard index.knownPrimaries.contains(where: { $0.site == .prostate }) else { return [] }
        let systemic = index.treatments.filter { $0.kind == .systemic }
        // A radium-223 course given now or planned: one that has ended needs no decision.
        guard let course = currentRadium().first else { return [] }
        // Abiraterone ran with it: the same row, or a course not ended before radium began.
        let radiumStart = (course.start ?? index.assessedOn).earliestDay
        let overlapping = systemic.filter { other in
            Self.names(other, Self.abiraterone) && (other.id == course.id || (other.end.map { $0.latestDay >= radiumStart } ?? true))
        }
        guard let abiraterone = overlapping.first else { return [] }
        let agentText = currentAgents.isEmpty
            ? LocalizedText(
                en: " No bone-modifying agent is on record: in ERA 223 fractures were most frequent without one.",
                zh: "病历中无骨改良药物：ERA 223 中未用骨改良药物者骨折最多。")
            : LocalizedText(en: "", zh: "")
        return [Finding(
            ruleId: "boneAgents.radium223.withAbiraterone", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(course.id), date: index.assessedOn,
            title: LocalizedText(
                en: "Radium-223 with abiraterone and prednisone: more fractures and deaths",
                zh: "镭-223 与阿比特龙加泼尼松联用：骨折和死亡增加"),
            detail: LocalizedText(
                en: "\(course.label.en) \(course.planned ? "is planned" : "runs") while \(abiraterone.label.en) \(abiraterone.planned ? "is planned" : "runs"). In ERA 223 radium-223 added to abiraterone and prednisone increased fractures and deaths; the EU label contraindicates the combination and the US label advises against it outside clinical trials. Decide at the MDT: radium-223 after abiraterone, or another line.\(agentText.en)",
                zh: "\(course.label.zhHans)\(course.planned ? "已计划" : "正在进行")，同时\(abiraterone.label.zhHans)\(abiraterone.planned ? "已计划" : "正在进行")。ERA 223 研究中在阿比特龙加泼尼松基础上加用镭-223 使骨折和死亡增加；欧盟说明书禁忌该联用，美国说明书不推荐在临床试验外联用。请在 MDT 讨论：阿比特龙之后再用镭-223，或选择其他治疗。\(agentText.zhHans)"),
            inputs: [FindingInput("radium223", course.id), FindingInput("abiraterone", abiraterone.id)],
            sources: [Self.smith2019, Self.xofigoLabel])]
    }
}
