import BoneMetDomain
import Hummingbird

/// Who sees which case (issue #11, per-patient access): `careTeam` (the default) shows a case
/// to its care team — the user who created it, users added to it, users attending an MDT
/// meeting with it on the agenda — and to MDT coordinators, who prepare every meeting; anyone
/// else opens it only by "break the glass" with a reason, audited, for `breakGlassSeconds`.
/// `everyone` (a small unit where every clinician treats every patient) shows every case to
/// every signed-in user, as before.
public enum CaseAccessPolicy: String, Sendable, CaseIterable {
    case careTeam = "care-team"
    case everyone
}

extension AppServices {
    /// How long a "break the glass" grant lasts: one working shift (12 h), so an emergency
    /// opening does not become a standing right; the next shift asks again or is added.
    static let breakGlassSeconds: Int64 = 12 * 3600

    /// The care-team filter for this user's lists, or nil when they see every case.
    func viewer(for user: User) -> CaseViewer? {
        guard caseAccess == .careTeam, user.role != .mdtCoordinator else { return nil }
        return CaseViewer(userId: user.id, now: now())
    }

    /// Why the user may open the case (nil: they may not).
    func access(_ user: User, caseId: String) async throws -> CaseAccessLevel? {
        guard let viewer = viewer(for: user) else { return .careTeam }
        return try await access.access(caseId: caseId, viewer: viewer)
    }

    /// The case, when it exists and the user may open it: 404 when it does not exist, 403
    /// with the way to "break the glass" when they are not on its care team.
    func openCase(_ id: String, for user: User) async throws -> StoredCase {
        guard let stored = try await cases.get(id: id) else { throw AppError.notFound }
        guard try await access(user, caseId: id) != nil else { throw AppError.notOnCareTeam(caseId: id) }
        return stored
    }

    /// `openCase` with the case's assessment of today, both read and made once per case version
    /// and day (`AssessedCases`, issue #12): a page view of an unchanged case neither decodes
    /// its record nor assesses it again. Access is checked before anything is served.
    func openAssessedCase(_ id: String, for user: User) async throws -> AssessedCases.Entry {
        guard let version = try await cases.version(id: id) else { throw AppError.notFound }
        guard try await access(user, caseId: id) != nil else { throw AppError.notOnCareTeam(caseId: id) }
        let asOf = today
        if let known = assessedCases.entry(id: id, version: version, asOf: asOf) { return known }
        guard let stored = try await cases.get(id: id) else { throw AppError.notFound }
        return assessedCases.remember(stored, asOf: asOf)
    }

    /// Whether the user sees this meeting's agenda (its patients): MDT coordinators, everyone
    /// under `--case-access everyone`, the one who scheduled it, and its attendees — who are, by
    /// attending, on the care team of each patient on it.
    func mayOpen(_ meeting: Meeting, _ user: User) -> Bool {
        viewer(for: user) == nil || meeting.createdBy == user.id || meeting.attendees.contains { $0.userId == user.id }
    }

    /// Who may change who attends (attending opens the patients' records): coordinators and the
    /// one who scheduled the meeting.
    func mayManage(_ meeting: Meeting, _ user: User) -> Bool {
        viewer(for: user) == nil || meeting.createdBy == user.id
    }

    /// Throws 404/403 as `openCase` does, without reading the record.
    func checkAccess(_ id: String, for user: User) async throws {
        guard try await access(user, caseId: id) != nil else {
            if try await cases.get(id: id) == nil { throw AppError.notFound }
            throw AppError.notOnCareTeam(caseId: id)
        }
    }
}
