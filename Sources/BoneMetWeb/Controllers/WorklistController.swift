import BoneMetDomain
import Hummingbird

struct WorklistController {
    let services: AppServices
    static let pageSize = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/worklists", use: { _, _ in Response.seeOther("/worklists/impending-fractures") })
        router.get("/worklists/{slug}", use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.require(.viewCases, request)
        let slug = try context.parameters.require("slug")
        guard let list = Worklists.named(slug) else { throw AppError.notFound }
        let page = max(request.uri.queryParameters.get("page", as: Int.self) ?? 1, 1)
        let after = request.uri.queryParameters.get("after").flatMap { $0.isEmpty || $0.count > 200 ? nil : $0 }
        let entries = try await services.cases.worklist(list.slug, viewer: services.viewer(for: user), after: after, limit: Self.pageSize)
        try await services.auditShown(context, user: user, action: "worklist", what: "worklist \(slug) page \(page)", patients: entries.map(\.patientId))
        var view = WorklistPage(title: list.title, entries: entries, page: page, path: slug, pageSize: Self.pageSize)
        view.upToDate = try await Reassessor(services: services).lastRun()
        return HTMLPage(html: view.render(context.layout))
    }
}
