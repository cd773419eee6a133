import BoneMetDomain
import Foundation
import Hummingbird

/// Care-team access on the case (issue #11): the team shown on the case page, colleagues added
/// and removed, and "break the glass" — a reason, an audit entry, 12 hours of access.
extension CaseController {
    /// The case page's team section; nil under `--case-access everyone`.
    func careTeam(_ caseId: String, user: User) async throws -> CareTeamSection? {
        guard services.caseAccess == .careTeam else { return nil }
        let users = try await services.users.all()
        let byId = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var section = CareTeamSection()
        section.members = try await services.access.members(caseId: caseId).compactMap { member in
            byId[member.userId].map { CareTeamSection.Member(user: $0, basis: member.basis) }
        }
        let onTeam = Set(section.members.map(\.user.id))
        section.candidates = users.filter { !$0.disabled && $0.role != .administrator && $0.role != .mdtCoordinator && !onTeam.contains($0.id) }
        let level = try await services.access(user, caseId: caseId)
        if case .brokenGlass(let until) = level { section.emergencyUntil = until }
        section.canManage = user.may(.manageMeetings) && level == .careTeam
        return section
    }

    /// "Break the glass": a user not on the care team opens the record with a reason. The
    /// grant lasts `AppServices.breakGlassSeconds`; the reason is in the audit log.
    @Sendable func breakGlass(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.viewCases, request)
        let id = try context.parameters.require("id")
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        guard try await services.cases.get(id: id) != nil else { throw AppError.notFound }
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= CareTeamTexts.minimumReason else {
            var page = ErrorPage(status: 422, message: AppError.notOnCareTeam(caseId: id).message, requestId: context.requestId)
            page.breakGlassCase = id
            page.typedReason = form["reason"] ?? ""
            page.reasonError = CareTeamTexts.reasonTooShort
            return try HTMLPage(html: page.render(context.layout), status: .unprocessableContent).response(from: request, context: context)
        }
        let now = services.now()
        try await services.access.breakGlass(caseId: id, userId: user.id, reason: String(reason.prefix(1000)), at: now, until: now + AppServices.breakGlassSeconds)
        try await services.audit.record(
            userId: user.id, action: "break-glass", caseId: id, detail: String(reason.prefix(1000)), at: now, client: context.clientAddress)
        return .seeOther("/cases/\(id)")
    }

    @Sendable func addMember(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await changeTeam(request, context, add: true)
    }

    @Sendable func removeMember(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await changeTeam(request, context, add: false)
    }

    /// Adding or removing a colleague: by a member of the team (never by emergency access) who
    /// manages meetings, or a coordinator.
    private func changeTeam(_ request: Request, _ context: AppRequestContext, add: Bool) async throws -> Response {
        let user = try context.require(.manageMeetings, request)
        let id = try context.parameters.require("id")
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        guard try await services.access(user, caseId: id) == .careTeam else {
            if try await services.cases.get(id: id) == nil { throw AppError.notFound }
            throw AppError.notOnCareTeam(caseId: id)
        }
        guard let member = try await services.users.user(id: form["user"] ?? ""), !member.disabled else {
            throw AppError(.unprocessableContent, LocalizedText(en: "Choose a colleague from the list.", zh: "请从列表中选择同事。"))
        }
        if add {
            try await services.access.add(member: member.id, caseId: id, by: user.id, at: services.now())
        } else {
            try await services.access.remove(member: member.id, caseId: id)
        }
        try await services.audit.record(
            userId: user.id, action: add ? "team.add" : "team.remove", caseId: id, detail: "user \(member.username)", at: services.now(),
            client: context.clientAddress)
        return .seeOther("/cases/\(id)#care-team")
    }
}
