/// Storage ports: what the application needs from storage, implemented on SQL by
/// BoneMetStorage (both engines) and never faked in tests that stand for users.

/// A stored case: the record, its version (optimistic concurrency) and who changed it when.
public struct StoredCase: Sendable, Hashable {
    public let id: String
    public let record: CaseRecord
    public let version: Int
    /// Seconds since 1970.
    public let updatedAt: Int64
    public let updatedBy: String
    public let ruleSetVersion: String

    public init(id: String, record: CaseRecord, version: Int, updatedAt: Int64, updatedBy: String, ruleSetVersion: String) {
        self.id = id
        self.record = record
        self.version = version
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.ruleSetVersion = ruleSetVersion
    }
}

public struct CaseSummary: Sendable, Hashable {
    public let id: String
    public let patientId: String
    public let fictional: Bool
    public let version: Int
    public let updatedAt: Int64
    public let urgent: Int
    public let warnings: Int
    /// What the patient list shows (issue #10), kept on the case row with every write.
    public var primarySites: [PrimarySite] = []
    public var sex: CockcroftGault.Sex?
    public var birthDate: PartialDate?
    /// The record states a death (M0024), with its date when it has one.
    public var deceased = false
    public var deathDate: PartialDate?
    /// The user who created the case (its owner until care teams exist).
    public var owner: String?
    /// The next MDT meeting (`2026-12-03 14:00`) with the case on its agenda, undecided.
    public var nextMeeting: String?
    /// Where the list continues after this row (keyset paging; no patient data in it).
    public var cursor: String?
    /// The title of its first urgent or warning finding in the assessment's order — the case
    /// page's first "to do first" item —, so the list says what is urgent, not only how much.
    public var topFinding: LocalizedText?

    public init(id: String, patientId: String, fictional: Bool, version: Int, updatedAt: Int64, urgent: Int, warnings: Int) {
        self.id = id
        self.patientId = patientId
        self.fictional = fictional
        self.version = version
        self.updatedAt = updatedAt
        self.urgent = urgent
        self.warnings = warnings
    }
}

/// How the patient list is narrowed (issue #10). All conditions hold together.
public struct CaseListFilter: Sendable, Hashable {
    public enum Urgency: String, Sendable, CaseIterable { case urgent, urgentOrWarning }
    public var search: String?
    public var primary: PrimarySite?
    public var urgency: Urgency?
    /// Only cases this user owns.
    public var owner: String?
    /// Only cases on the agenda of a meeting from `today` on, undecided.
    public var onAgenda = false
    /// The hospital's today (`YYYY-MM-DD`), from which meetings are "next".
    public var today: String
    /// Only the cases this viewer may see (care-team access); nil: every case.
    public var viewer: CaseViewer?
    /// Only rows after this cursor (a `CaseSummary.cursor`): the next page, at the cost of one page.
    public var after: String?

    public init(search: String? = nil, primary: PrimarySite? = nil, urgency: Urgency? = nil, owner: String? = nil, onAgenda: Bool = false, today: String = "0000-00-00") {
        self.search = search
        self.primary = primary
        self.urgency = urgency
        self.owner = owner
        self.onAgenda = onAgenda
        self.today = today
    }
}

/// One row of a worklist: a stored finding of a case.
public struct WorklistEntry: Sendable, Hashable {
    public let caseId: String
    public let patientId: String
    public let fictional: Bool
    public let ruleId: String
    public let severity: Severity
    public let specialty: Specialty
    public let subjectId: String?
    public let date: String?
    public let title: LocalizedText
    /// Where the worklist continues after this row (keyset paging).
    public var cursor: String?

    public init(
        caseId: String, patientId: String, fictional: Bool, ruleId: String, severity: Severity, specialty: Specialty,
        subjectId: String?, date: String?, title: LocalizedText
    ) {
        self.caseId = caseId
        self.patientId = patientId
        self.fictional = fictional
        self.ruleId = ruleId
        self.severity = severity
        self.specialty = specialty
        self.subjectId = subjectId
        self.date = date
        self.title = title
    }
}

public enum StorageError: Error, Sendable, Equatable {
    /// The case changed since it was read (someone else saved first).
    case versionConflict(current: Int)
    case notFound
    case duplicate(field: String)
    /// A case for this patient id exists already (one patient, one case).
    case patientExists(caseId: String)
    /// No database connection became free in time (overload): nothing was done; try again.
    case busy
}

extension Assessment {
    /// The day number stored as a case's `reassess_on` (M0020): when its findings can next
    /// change; "only a new fact can change them" is the largest day. A write that does not say
    /// stores 0 — due at the next re-assessment, which is always safe.
    public var reassessOn: Int64 { nextChange.map { Int64($0.earliestDay) } ?? Self.neverDue }
    public static let neverDue = Int64(Int32.max)
}

public protocol CaseStore: Sendable {
    /// Stores a new case with its findings, in one transaction. `reassessOn`: the day number
    /// on which its findings can next change (`Assessment.nextChange`; 0 = at the next
    /// re-assessment), so the nightly run reads only the cases whose day has come (issue #12).
    func create(_ record: CaseRecord, findings: [Finding], reassessOn: Int64, by user: String, at time: Int64) async throws -> StoredCase
    /// Replaces a case and its findings if it is still at `expectedVersion`, in one transaction.
    func update(
        id: String, record: CaseRecord, findings: [Finding], reassessOn: Int64, expectedVersion: Int, by user: String, at time: Int64
    ) async throws -> StoredCase
    func get(id: String) async throws -> StoredCase?
    /// A case's current version without reading its record (nil: no such case).
    func version(id: String) async throws -> Int?
    /// Cases whose pseudonymous patient id contains `search` (all when nil), newest first.
    func list(search: String?, limit: Int, offset: Int) async throws -> [CaseSummary]
    /// The patient list narrowed by a filter, most urgent first.
    func list(_ filter: CaseListFilter, limit: Int, offset: Int) async throws -> [CaseSummary]
    /// Stored findings of the given rules at or above a severity, most urgent first, of the
    /// cases the viewer may see (nil: all).
    func worklist(rules: [String], minimumSeverity: Severity, viewer: CaseViewer?, limit: Int, offset: Int) async throws -> [WorklistEntry]
    /// A page of a worklist (`Worklists`) after a cursor, of the cases the viewer may see: one
    /// index range, whatever the number of cases (issue #12).
    func worklist(_ slug: String, viewer: CaseViewer?, after: String?, limit: Int) async throws -> [WorklistEntry]
    func findings(caseId: String) async throws -> [WorklistEntry]
}

extension CaseStore {
    /// Stores a case whose findings are to be re-assessed at the next run (always safe).
    public func create(_ record: CaseRecord, findings: [Finding], by user: String, at time: Int64) async throws -> StoredCase {
        try await create(record, findings: findings, reassessOn: 0, by: user, at: time)
    }

    public func update(
        id: String, record: CaseRecord, findings: [Finding], expectedVersion: Int, by user: String, at time: Int64
    ) async throws -> StoredCase {
        try await update(id: id, record: record, findings: findings, reassessOn: 0, expectedVersion: expectedVersion, by: user, at: time)
    }

    /// Every case's findings (no care-team filter): tools and the background re-assessment.
    public func worklist(rules: [String], minimumSeverity: Severity, limit: Int, offset: Int) async throws -> [WorklistEntry] {
        try await worklist(rules: rules, minimumSeverity: minimumSeverity, viewer: nil, limit: limit, offset: offset)
    }
}

public protocol UserStore: Sendable {
    func create(username: String, displayName: String, role: Role, passwordHash: String, mustChangePassword: Bool, at time: Int64) async throws -> User
    func user(id: String) async throws -> User?
    /// The user and their password hash, for login.
    func credentials(username: String) async throws -> (user: User, passwordHash: String)?
    func setPassword(userId: String, passwordHash: String, mustChangePassword: Bool) async throws
    /// A disabled user cannot sign in and their sessions and tokens no longer work.
    func setDisabled(userId: String, disabled: Bool) async throws
    /// Changes a user's role (what they may do changes with their next request).
    func setRole(userId: String, role: Role) async throws
    func count() async throws -> Int
    func all() async throws -> [User]
}

/// Sessions and rate-limit counters live in the database so several server processes share them.
public protocol SessionStore: Sendable {
    func create(id: String, userId: String, csrfToken: String, expiresAt: Int64, at time: Int64) async throws
    func session(id: String, now: Int64) async throws -> (userId: String, csrfToken: String)?
    /// The session's user and CSRF token in one read (every signed-in request; issue #12).
    func signedIn(id: String, now: Int64) async throws -> (user: User, csrfToken: String)?
    func delete(id: String) async throws
    /// Ends every session of a user (password change, disabling); returns how many ended.
    @discardableResult func deleteAll(userId: String) async throws -> Int
    /// The attempts counted for a key since a time.
    func failures(key: String, since: Int64) async throws -> Int
    /// In one transaction (atomic under parallel requests): when the key's failures within the
    /// window call for a wait — none for the first `free`, then 1 s doubling per further
    /// failure up to `maxDelay` after the last one — returns the seconds left; otherwise records
    /// this attempt, under the caller's `attempt` id, as a failure (the caller clears the key or
    /// forgives the attempt on success) and returns nil.
    func admitAttempt(key: String, at time: Int64, window: Int64, free: Int, maxDelay: Int64, attempt: String) async throws -> Int64?
    /// Takes back one admitted attempt (it succeeded): the other attempts of the key still count.
    func forgive(key: String, attempt: String) async throws
    func clearFailures(key: String) async throws
}

/// Append-only audit of every view and change of a patient record.
public protocol AuditLog: Sendable {
    /// Appends an entry; `client` is the address the request came from, when known.
    func record(userId: String, action: String, caseId: String?, detail: String, at time: Int64, client: String?) async throws
    func entries(limit: Int, offset: Int) async throws -> [AuditEntry]
    /// Entries narrowed by user, case and time (all conditions together), newest first.
    func entries(_ filter: AuditFilter, limit: Int, offset: Int) async throws -> [AuditEntry]
}

extension AuditLog {
    public func record(userId: String, action: String, caseId: String?, detail: String, at time: Int64) async throws {
        try await record(userId: userId, action: action, caseId: caseId, detail: detail, at: time, client: nil)
    }
}

/// What the audit page narrows the log to (issue #10): a user, a case, a time span.
public struct AuditFilter: Sendable, Hashable {
    public var userId: String?
    public var caseId: String?
    /// From this moment (inclusive) to that one (exclusive), seconds.
    public var from: Int64?
    public var to: Int64?

    public init(userId: String? = nil, caseId: String? = nil, from: Int64? = nil, to: Int64? = nil) {
        self.userId = userId
        self.caseId = caseId
        self.from = from
        self.to = to
    }
}

public struct AuditEntry: Sendable, Hashable {
    public let at: Int64
    public let userId: String
    public let action: String
    public let caseId: String?
    public let detail: String
    /// The pseudonymous patient id of the case, when the case still exists.
    public var patientId: String?
    /// The client address the request came from, when known.
    public var client: String?

    public init(at: Int64, userId: String, action: String, caseId: String?, detail: String) {
        self.at = at
        self.userId = userId
        self.action = action
        self.caseId = caseId
        self.detail = detail
    }
}

/// API tokens for machine clients of the JSON API. Only a hash of the token is stored; the
/// token itself is shown once, when created.
public protocol TokenStore: Sendable {
    /// Creates a token for a user, valid until `expiresAt`, and returns it (`bm_…`).
    func create(userId: String, name: String, at time: Int64, expiresAt: Int64) async throws -> String
    /// The user a presented, unexpired token belongs to.
    func user(token: String, at time: Int64) async throws -> String?
    func list(userId: String) async throws -> [(id: String, name: String, createdAt: Int64, lastUsedAt: Int64?, expiresAt: Int64?)]
    func revoke(id: String) async throws
}

extension TokenStore {
    /// API tokens expire (OWASP ASVS 3.5): 90 days unless the administrator chooses otherwise.
    public static var defaultValidDays: Int64 { 90 }

    public func create(userId: String, name: String, at time: Int64) async throws -> String {
        try await create(userId: userId, name: name, at: time, expiresAt: time + Self.defaultValidDays * 86_400)
    }
}

/// Where a FHIR import stages resources (pass 1) and files the cases it builds (pass 2).
/// Staging is an upsert by resource type and id, so an interrupted import can simply be run again.
public protocol FHIRStagingStore: Sendable {
    func stage(_ resources: [(type: String, id: String, patient: String?, json: String)]) async throws
    func stagedPatients() async throws -> [String]
    /// The staged resources of one patient (the Patient resource included).
    func staged(patient: String) async throws -> [(type: String, json: String)]
    /// Creates or updates the case imported from a source key; returns what happened.
    /// `reassessOn` as for `CaseStore.create`.
    func upsertCase(sourceKey: String, record: CaseRecord, findings: [Finding], reassessOn: Int64, by user: String, at time: Int64) async throws -> UpsertOutcome
    /// Many patients' cases in one transaction, their staged resources purged in it (a bulk
    /// import's batches, issue #12); the outcomes of the patients with a case, in the order
    /// given. A store may commit a batch in parts (to let other writes in), never a patient's
    /// case apart from the purge of its staged resources.
    func upsertCases(_ patients: [ImportedPatient], by user: String, at time: Int64) async throws -> [UpsertOutcome]
    /// The staged resources of several patients, by patient.
    func staged(patients: [String]) async throws -> [String: [(type: String, json: String)]]
    /// The case imported from a source key (`fhir:<Patient.id>`), if any.
    func caseId(sourceKey: String) async throws -> String?
    /// The same with the case's version (to use a cached reading of it, issue #12).
    func caseVersion(sourceKey: String) async throws -> (id: String, version: Int)?
    /// Deletes everything staged for a patient who is not imported (no cancer condition).
    func purge(patient: String) async throws
    /// After a bulk import that wrote cases: the database's planner statistics brought up to
    /// date, so the next lists and re-assessment use the indexes (PostgreSQL plans a fresh
    /// table without statistics as small and scans it whole; its autovacuum only analyses a
    /// minute or more later — PostgreSQL docs, "Populating a Database": run ANALYZE afterwards).
    func bulkLoaded() async throws
    /// How many `stage` calls a bulk import may have in flight at once, for batches that share
    /// no resource (a resource's later copy must still win). One where writes queue anyway.
    var stagingWritesInFlight: Int { get }
}

extension FHIRStagingStore {
    public func bulkLoaded() async throws {}
    public var stagingWritesInFlight: Int { 1 }

    /// Upserts a case whose findings are to be re-assessed at the next run (always safe).
    public func upsertCase(sourceKey: String, record: CaseRecord, findings: [Finding], by user: String, at time: Int64) async throws -> UpsertOutcome {
        try await upsertCase(sourceKey: sourceKey, record: record, findings: findings, reassessOn: 0, by: user, at: time)
    }
}

/// One case of an import: where it comes from, its record and assessment.
public struct CaseUpsert: Sendable {
    public let sourceKey: String
    public let record: CaseRecord
    public let findings: [Finding]
    public let reassessOn: Int64
    /// The record's case file, written where the upsert is made (an import makes them on every
    /// core, ahead of the transaction that stores them — issue #12).
    public let json: String

    public init(sourceKey: String, record: CaseRecord, findings: [Finding], reassessOn: Int64) {
        self.sourceKey = sourceKey
        self.record = record
        self.findings = findings
        self.reassessOn = reassessOn
        self.json = CaseFile.write(record)
    }
}

/// One patient of an import's batch (`FHIRStagingStore.upsertCases`).
public struct ImportedPatient: Sendable {
    /// The case to store; nil for a patient who is not imported (no cancer condition).
    public let upsert: CaseUpsert?
    /// The staged patient whose resources are deleted with it; nil to keep them.
    public let purge: String?

    public init(upsert: CaseUpsert?, purge: String?) {
        self.upsert = upsert
        self.purge = purge
    }
}

public enum UpsertOutcome: Sendable, Equatable {
    case created, updated, unchanged
    /// The source changed, but the case was edited in BoneMet since its last import: kept as it is.
    case keptLocalEdits
}

/// One feedback item of CDS Hooks 2.0 (`POST {service}/feedback`).
public struct CDSFeedback: Sendable, Hashable {
    public let card: String
    public let outcome: String
    public let overrideReason: String?
    public let acceptedSuggestions: [String]
    public let outcomeTimestamp: String?

    public init(card: String, outcome: String, overrideReason: String?, acceptedSuggestions: [String], outcomeTimestamp: String?) {
        self.card = card
        self.outcome = outcome
        self.overrideReason = overrideReason
        self.acceptedSuggestions = acceptedSuggestions
        self.outcomeTimestamp = outcomeTimestamp
    }
}

/// CDS Hooks state shared by every server process: used JWT ids and card feedback.
public protocol CDSStore: Sendable {
    /// Records a JWT id; false when it was already used (a replay). Expired ids are forgotten.
    func claim(jti: String, issuer: String, expiresAt: Int64, now: Int64) async throws -> Bool
    func record(_ feedback: [CDSFeedback], service: String, issuer: String, at time: Int64) async throws
    func feedback(service: String, limit: Int) async throws -> [CDSFeedback]
}

// MARK: Care-team access (issue #11)

/// A user looking at cases under the care-team rule: they see the cases they created, were
/// added to, attend an MDT meeting about, or opened by "break the glass" (until it expires).
public struct CaseViewer: Sendable, Hashable {
    public let userId: String
    public let now: Int64

    public init(userId: String, now: Int64) {
        self.userId = userId
        self.now = now
    }
}

/// Why a user may open a case.
public enum CaseAccessLevel: Sendable, Equatable {
    case careTeam
    /// Opened by "break the glass", with a reason, until this time.
    case brokenGlass(until: Int64)
}

/// A member of a case's care team and how they came to be on it.
public struct CareTeamMember: Sendable, Hashable {
    public enum Basis: String, Sendable { case created, added, meeting }
    public let userId: String
    public let basis: Basis
    public let addedBy: String?
    public let addedAt: Int64?

    public init(userId: String, basis: Basis, addedBy: String? = nil, addedAt: Int64? = nil) {
        self.userId = userId
        self.basis = basis
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}

public protocol CaseAccessStore: Sendable {
    /// Why the viewer may open the case, or nil.
    func access(caseId: String, viewer: CaseViewer) async throws -> CaseAccessLevel?
    func members(caseId: String) async throws -> [CareTeamMember]
    func add(member userId: String, caseId: String, by: String, at time: Int64) async throws
    func remove(member userId: String, caseId: String) async throws
    /// Records a "break the glass" grant: the user may open the case until `until`.
    func breakGlass(caseId: String, userId: String, reason: String, at time: Int64, until: Int64) async throws
}
