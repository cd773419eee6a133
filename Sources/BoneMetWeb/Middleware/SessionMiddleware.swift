import BoneMetDomain
import Hummingbird

/// Loads the signed-in user from the `bonemet_session` cookie. Sessions live in the database
/// (several server processes share them) and expire server-side.
struct SessionMiddleware: RouterMiddleware {
    static let cookie = "bonemet_session"
    let services: AppServices

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        // Machine clients: `Authorization: Bearer bm_…` on the API only.
        if request.uri.path.hasPrefix("/api/") || request.uri.path.hasPrefix("/fhir"), let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            let token = String(authorization.dropFirst("Bearer ".count))
            guard let userId = try await services.tokens.user(token: token, at: services.now()),
                let user = try await services.users.user(id: userId), !user.disabled
            else { throw AppError.unauthorized }
            context.user = user
            context.viaToken = true
            return try await next(request, context)
        }
        if let id = request.cookies[Self.cookie]?.value, !id.isEmpty,
            let session = try await services.sessions.signedIn(id: id, now: services.now()), !session.user.disabled
        {
            context.user = session.user
            context.sessionId = id
            context.csrfToken = session.csrfToken
        }
        // An error page is shown inside the signed-in layout (navigation, the user, the
        // language switch): the error carries who was signed in out to the error middleware.
        do {
            return try await next(request, context)
        } catch let error where context.user != nil && !(error is SignedInError) && !(error is RedirectError) {
            throw SignedInError(underlying: error, user: context.user, csrfToken: context.csrfToken)
        }
    }
}

/// An error raised while a user was signed in, with who it was (for the error page's layout).
struct SignedInError: Error {
    let underlying: any Error
    let user: User?
    let csrfToken: String?
}
