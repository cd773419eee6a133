import Foundation

/// MDT meetings: an agenda of cases, who attended, and a decision per case with the
/// responsible specialty and follow-up tasks.
public struct Meeting: Sendable, Hashable {
    public let id: String
    public let title: String
    /// Local date and time as typed: `2026-12-03 14:00`.
    public let scheduledFor: String
    public let location: String
    public let attendees: [Attendee]
    public let items: [AgendaItem]
    /// The user who scheduled it.
    public var createdBy: String?

    public init(id: String, title: String, scheduledFor: String, location: String, attendees: [Attendee], items: [AgendaItem]) {
        self.id = id
        self.title = title
        self.scheduledFor = scheduledFor
        self.location = location
        self.attendees = attendees
        self.items = items
    }
}

public struct Attendee: Sendable, Hashable {
    public let name: String
    public let specialty: Specialty
    /// The BoneMet user attending, when ticked from the user list (guests have none): they are
    /// on the care team of every patient on the meeting's agenda.
    public let userId: String?

    public init(name: String, specialty: Specialty, userId: String? = nil) {
        self.name = name
        self.specialty = specialty
        self.userId = userId
    }
}

public struct AgendaItem: Sendable, Hashable {
    public let caseId: String
    public let patientId: String
    public let question: String
    public let decision: String?
    public let specialty: Specialty?
    public let followUp: [String]

    public init(caseId: String, patientId: String, question: String, decision: String?, specialty: Specialty?, followUp: [String]) {
        self.caseId = caseId
        self.patientId = patientId
        self.question = question
        self.decision = decision
        self.specialty = specialty
        self.followUp = followUp
    }
}

public struct MeetingSummary: Sendable, Hashable {
    public let id: String
    public let title: String
    public let scheduledFor: String
    public let cases: Int
    public let decided: Int

    public init(id: String, title: String, scheduledFor: String, cases: Int, decided: Int) {
        self.id = id
        self.title = title
        self.scheduledFor = scheduledFor
        self.cases = cases
        self.decided = decided
    }
}

/// One follow-up task of an MDT decision, for one specialty, open until someone marks it done.
public struct FollowUpTask: Sendable, Hashable {
    public let id: String
    public let caseId: String
    public let patientId: String
    public let meetingId: String?
    public let specialty: Specialty
    public let text: String
    public let createdAt: Int64
    public let doneAt: Int64?
    public let doneBy: String?

    public init(
        id: String, caseId: String, patientId: String, meetingId: String?, specialty: Specialty, text: String, createdAt: Int64,
        doneAt: Int64? = nil, doneBy: String? = nil
    ) {
        self.id = id
        self.caseId = caseId
        self.patientId = patientId
        self.meetingId = meetingId
        self.specialty = specialty
        self.text = text
        self.createdAt = createdAt
        self.doneAt = doneAt
        self.doneBy = doneBy
    }

    public var isDone: Bool { doneAt != nil }

    /// A follow-up line as typed: "Radiation oncology: SBRT T10" or "放疗科：T10 SBRT" gives that
    /// specialty (named in either language or by its code); a line without one is the decision's.
    public static func parse(_ line: String, default specialty: Specialty) -> (Specialty, String) {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return (specialty, text) }
        let head = text[..<colon].trimmingCharacters(in: .whitespaces)
        let rest = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let key = head.lowercased()
        guard !rest.isEmpty, let named = Specialty.allCases.first(where: { $0.rawValue.lowercased() == key || $0.label.en.lowercased() == key || $0.label.zhHans == head })
        else { return (specialty, text) }
        return (named, rest)
    }
}

public protocol TaskStore: Sendable {
    /// The tasks of a case, open ones first (oldest first), then done ones (latest first).
    func tasks(caseId: String) async throws -> [FollowUpTask]
    /// Open tasks of some specialties (all when nil), of the cases the viewer may see (all when
    /// nil), oldest first.
    func open(specialties: [Specialty]?, viewer: CaseViewer?, limit: Int) async throws -> [FollowUpTask]
    func task(id: String) async throws -> FollowUpTask?
    /// Marks a task done (or open again); false when there is no such task.
    func setDone(_ done: Bool, task: String, by user: String, at time: Int64) async throws -> FollowUpTask?
}

public protocol MeetingStore: Sendable {
    func create(title: String, scheduledFor: String, location: String, by user: String, at time: Int64) async throws -> String
    func list(limit: Int) async throws -> [MeetingSummary]
    func get(id: String) async throws -> Meeting?
    /// Adds a case (once) with the question for the MDT.
    func add(caseId: String, question: String, to meeting: String) async throws
    func setAttendees(_ attendees: [Attendee], meeting: String) async throws
    /// Records (or replaces) the decision on a case of the agenda and its follow-up tasks (open
    /// tasks of an earlier version of this decision are replaced; done ones stay), atomically.
    /// Returns the decision it replaced, if any.
    @discardableResult
    func decide(meeting: String, caseId: String, decision: String, specialty: Specialty, followUp: [String], by user: String, at time: Int64) async throws -> PreviousDecision?
    /// Withdraws the decision: the agenda item is undecided again and its open tasks are removed.
    func withdraw(meeting: String, caseId: String) async throws -> PreviousDecision?
}

/// A decision as it was before an edit or a withdrawal (to find it in the case record).
public struct PreviousDecision: Sendable, Hashable {
    public let decision: String
    public let specialty: Specialty?

    public init(decision: String, specialty: Specialty?) {
        self.decision = decision
        self.specialty = specialty
    }
}

/// What should be on hand before a case is discussed: the imaging, labs and pathology the
/// rules found missing, read from the assessment's own findings plus the basic record.
public enum MeetingReadiness {
    public static func missing(_ record: CaseRecord, _ assessment: Assessment) -> [LocalizedText] {
        var missing: [LocalizedText] = []
        let rules = Set(assessment.findings.map(\.ruleId))
        if record.studies.isEmpty {
            missing.append(LocalizedText(en: "imaging: no study on record", zh: "影像：无检查记录"))
        }
        if rules.contains("diagnosis.imaging.ctWithoutBoneWindow") {
            missing.append(LocalizedText(en: "imaging: a CT read without the bone window", zh: "影像：有 CT 未阅骨窗"))
        }
        if rules.contains("diagnosis.imaging.ctWindowsNotRecorded") {
            missing.append(LocalizedText(en: "imaging: the windows a CT was read with (bone window?)", zh: "影像：CT 阅片窗位（是否阅骨窗）"))
        }
        if rules.contains("diagnosis.imaging.readingNotRecorded") {
            missing.append(LocalizedText(en: "imaging: the lesions of a study on record as its report only", zh: "影像：仅有报告文本的检查未录入病灶"))
        }
        if rules.contains("diagnosis.imaging.diagnosticImaging") {
            missing.append(LocalizedText(en: "imaging: X-ray or CT bone window of a lesion", zh: "影像：病灶缺少 X 线或 CT 骨窗"))
        }
        if rules.contains("diagnosis.imaging.preoperativeMRI") {
            missing.append(LocalizedText(en: "imaging: MRI for extent / cord compression", zh: "影像：需 MRI 评估范围 / 脊髓压迫"))
        }
        if rules.contains("diagnosis.imaging.mriNotReadForLesion") {
            missing.append(LocalizedText(en: "imaging: the reading of a lesion an MRI imaged", zh: "影像：MRI 已包括的病灶未录入判读"))
        }
        if rules.contains("diagnosis.imaging.wholeBodyScreening") {
            missing.append(LocalizedText(en: "imaging: whole-body screening (bone scan or PET-CT)", zh: "影像：全身筛查（骨扫描或 PET-CT）"))
        }
        if rules.contains("surgery.mirels.incomplete") {
            missing.append(LocalizedText(en: "Mirels items (pain with limb use, lesion type, fraction of diameter)", zh: "Mirels 评分项（肢体活动时疼痛、病变类型、占骨直径比例）"))
        }
        if !rules.isDisjoint(with: ["diagnosis.biopsy.indicated", "diagnosis.biopsy.noKnownPrimary", "diagnosis.blastic.uptakeBiopsy"]) {
            missing.append(LocalizedText(en: "pathology: biopsy advised, no diagnostic result on record", zh: "病理：建议活检，尚无诊断性结果"))
        }
        if !record.labs.contains(where: { $0.test == .creatinine }) {
            missing.append(LocalizedText(en: "labs: serum creatinine (for bone-modifying agents)", zh: "检验：血肌酐（骨改良药物所需）"))
        }
        if !record.labs.contains(where: { $0.test.isTumourMarker }) {
            missing.append(LocalizedText(en: "labs: tumour markers", zh: "检验：肿瘤标志物"))
        }
        if record.performance.isEmpty {
            missing.append(LocalizedText(en: "performance status (ECOG or KPS)", zh: "体能状态（ECOG 或 KPS）"))
        }
        return missing
    }
}
