/// One conclusion of the rules about a case: what, about whom, how urgent, who acts, why, and
/// on what evidence (architecture.md: "findings, not booleans").
public struct Finding: Sendable, Hashable {
    /// Stable id of the rule, e.g. `surgery.mirels.impendingFracture`.
    public let ruleId: String
    public let severity: Severity
    public let duty: Duty
    public let specialty: Specialty
    public let subject: FindingSubject
    /// The time point the finding refers to (a study date, an interval end), when it has one.
    public let date: PartialDate?
    public let title: LocalizedText
    /// Empty in an assessment made with `details: false` (the background re-assessment's).
    public let detail: LocalizedText
    /// The facts the rule used, by name, as they were in the record (empty with `details: false`).
    public let inputs: [FindingInput]
    public let sources: [Citation]
    public let ruleSetVersion: String
    /// What the finding asserts, in a form another finding can be checked against: no two
    /// findings of one assessment may make different claims on the same question (issue #8).
    public let claims: [Claim]
    /// The hours within which the finding's source asks for action, when it gives a number
    /// (NICE NG234: a neurological deficit from spinal cord compression is imaged and treated
    /// within 24 hours). Among urgent findings these lead: an impending humeral fracture led a
    /// Frankel C cord compression on the first screen because its X-ray was a day older.
    public let withinHours: Int?

    /// False inside `assess(_:asOf:settings:details: false)`: the detail and inputs arguments
    /// (autoclosures) are not evaluated, so a rule that builds its detail in the argument (or in
    /// a function called there) does not build it at all.
    @TaskLocal static var detailsWritten = true

    public init(
        ruleId: String, severity: Severity, duty: Duty, specialty: Specialty, subject: FindingSubject,
        date: PartialDate? = nil, title: LocalizedText, detail: @autoclosure () -> LocalizedText,
        inputs: @autoclosure () -> [FindingInput] = [], sources: [Citation], claims: [Claim] = [], withinHours: Int? = nil
    ) {
        self.claims = claims
        self.withinHours = withinHours
        self.ruleId = ruleId
        self.severity = severity
        self.duty = duty
        self.specialty = specialty
        self.subject = subject
        self.date = date
        self.title = title
        let wanted = Self.detailsWritten
        self.detail = wanted ? detail() : LocalizedText(en: "", zh: "")
        self.inputs = wanted ? inputs() : []
        self.sources = Self.once(sources)
        self.ruleSetVersion = RuleSet.version
    }

    /// Each source once, in the order first cited: a finding built from several parts (the
    /// bone-agent start advice cites ESMO for each primary) listed one paper up to three times.
    static func once(_ sources: [Citation]) -> [Citation] {
        guard sources.count > 1 else { return sources }
        var kept: [Citation] = []
        kept.reserveCapacity(sources.count)
        for source in sources where !kept.contains(where: { $0.id == source.id }) { kept.append(source) }
        return kept
    }
}

public struct FindingInput: Sendable, Hashable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public init<T: CustomStringConvertible>(_ name: String, _ value: T?) {
        self.name = name
        self.value = value.map { $0.description } ?? "unknown"
    }
}

public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case info, advisory, warning, urgent

    public var label: LocalizedText {
        switch self {
        case .info: LocalizedText(en: "info", zh: "信息")
        case .advisory: LocalizedText(en: "advisory", zh: "建议")
        case .warning: LocalizedText(en: "warning", zh: "警示")
        case .urgent: LocalizedText(en: "urgent", zh: "紧急")
        }
    }

    /// The position in `allCases` (a switch: `allCases` builds an array at every use, and
    /// findings are compared by severity many times per assessment).
    public var rank: Int {
        switch self {
        case .info: 0
        case .advisory: 1
        case .warning: 2
        case .urgent: 3
        }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The orthopaedic duties of the MDT (seed-summary.md), plus bone-modifying agents.
public enum Duty: String, Sendable, Hashable, CaseIterable {
    case diagnosis, boneHealth, surgery, boneAgents

    /// The position in `allCases`, without building it.
    public var rank: Int {
        switch self {
        case .diagnosis: 0
        case .boneHealth: 1
        case .surgery: 2
        case .boneAgents: 3
        }
    }

    public var label: LocalizedText {
        switch self {
        case .diagnosis: LocalizedText(en: "Diagnosis", zh: "诊断")
        case .boneHealth: LocalizedText(en: "Bone-health assessment", zh: "骨健康评估")
        case .surgery: LocalizedText(en: "Surgery", zh: "外科治疗")
        case .boneAgents: LocalizedText(en: "Bone-modifying agents", zh: "骨改良药物")
        }
    }
}

public enum FindingSubject: Sendable, Hashable {
    case patient
    case lesion(String)
    case study(String)
    case treatment(String)
    case interval(from: PartialDate, to: PartialDate)

    public var kind: String {
        switch self {
        case .patient: "patient"
        case .lesion: "lesion"
        case .study: "study"
        case .treatment: "treatment"
        case .interval: "interval"
        }
    }

    public var id: String? {
        switch self {
        case .patient: nil
        case .lesion(let id), .study(let id), .treatment(let id): id
        case .interval(let from, let to): "\(from)/\(to)"
        }
    }
}

/// One assertion of a finding on a question that other findings may also answer. Two claims on
/// the same question (topic and subject) with different stances contradict each other.
public struct Claim: Sendable, Hashable, CustomStringConvertible {
    public enum Topic: String, Sendable, Hashable {
        /// Stances: `biopsy`, `noBiopsy`.
        case biopsy
        /// Stances: `fixNow`, `biopsyFirst`, `notIndicated`.
        case fixation
        /// Bone progression at a study. Stances: `progression`, `notProgression`.
        case progression
        /// A bone-modifying agent's next dose. Stances: a dose in mg, `withhold`, `notRecommended`.
        case boneAgentDose
        /// Whether a course's next dose is to be given now. Stances: `due`, `withhold`.
        case boneAgentTiming
        /// Calcium and vitamin D supplements. Stances: `give`, `withhold`.
        case supplements
        /// Starting a bone-modifying agent. Stances: `start`, `notIndicated`, `afterDiagnosis`.
        case boneAgentIndication
    }

    public let topic: Topic
    /// What the question is about: a lesion, study or treatment id, or `patient`.
    public let about: String
    public let stance: String

    public init(_ topic: Topic, about: String, _ stance: String) {
        self.topic = topic
        self.about = about
        self.stance = stance
    }

    public var description: String { "\(topic.rawValue)(\(about))=\(stance)" }

    /// Pairs of findings whose claims contradict each other.
    public static func contradictions(in findings: [Finding]) -> [(Finding, Finding, Claim, Claim)] {
        var seen: [String: (Finding, Claim)] = [:]
        var found: [(Finding, Finding, Claim, Claim)] = []
        for finding in findings {
            for claim in finding.claims {
                let key = "\(claim.topic.rawValue)|\(claim.about)"
                if let (other, earlier) = seen[key] {
                    if earlier.stance != claim.stance { found.append((other, finding, earlier, claim)) }
                } else {
                    seen[key] = (finding, claim)
                }
            }
        }
        return found
    }
}
