import BoneMetDomain
import Hummingbird

/// Loads the signed-in user from the `bonemet_session` cookie. Sessions live in the database
/// (several server processes share them) and expire server-side.
struct SessionMiddleware: RouterMiddleware {
    static let cookie = "bonemet_session"
    let services: AppServices

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[Self.cookie]?.value, !id.isEmpty,
            let session = try await services.sessions.session(id: id, now: services.now()),
            let user = try await services.users.user(id: session.userId), !user.disabled
        {
            context.user = user
            context.sessionId = id
            context.csrfToken = session.csrfToken
        }
        return try await next(request, context)
    }
}
