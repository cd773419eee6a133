import BoneMetDomain
import BoneMetStorage
import Foundation
import Hummingbird

/// Follow-up tasks of MDT decisions (issue #10): "my tasks" — the open tasks of the user's
/// specialty (every specialty for coordinators and administrators, or one chosen) — and
/// marking a task done or open again, audited.
struct TaskController {
    let services: AppServices
    var tasks: any TaskStore { SQLTaskStore(services.store) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/tasks", use: list)
        router.post("/tasks/{id}/done", use: done)
        router.post("/tasks/{id}/reopen", use: reopen)
    }

    /// The specialty whose tasks a user sees first: their role's, none for coordinators and administrators.
    static func specialty(of user: User) -> Specialty? {
        user.role == .mdtCoordinator || user.role == .administrator ? nil : Specialty(rawValue: user.role.rawValue)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.require(.viewCases, request)
        let chosen = request.uri.queryParameters.get("specialty")
        let specialty: Specialty? = chosen == "all" ? nil : chosen.flatMap(Specialty.init(rawValue:)) ?? Self.specialty(of: user)
        let open = try await tasks.open(specialties: specialty.map { [$0] }, viewer: services.viewer(for: user), limit: 500)
        try await services.auditShown(context, user: user, action: "list", what: "tasks", patients: open.map(\.patientId))
        return HTMLPage(html: TasksPage(tasks: open, specialty: specialty, canComplete: user.may(.manageMeetings)).render(context.layout))
    }

    @Sendable func done(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await set(true, request, context)
    }

    @Sendable func reopen(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await set(false, request, context)
    }

    private func set(_ done: Bool, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.require(.manageMeetings, request)
        let id = try context.parameters.require("id")
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        guard let existing = try await tasks.task(id: id) else { throw AppError.notFound }
        try await services.checkAccess(existing.caseId, for: user)
        guard let task = try await tasks.setDone(done, task: id, by: user.id, at: services.now()) else { throw AppError.notFound }
        try await services.audit.record(userId: user.id, action: done ? "task.done" : "task.reopen", caseId: task.caseId, detail: "task", at: services.now(), client: context.clientAddress)
        // Back where the button was: the case page or the task list (a local path only).
        let back = form["next"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/tasks"
        return .seeOther(back)
    }
}
