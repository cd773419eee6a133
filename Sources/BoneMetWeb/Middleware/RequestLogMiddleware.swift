import HTTPTypes
import Hummingbird
import Logging

/// Logs one line per request with its id, method, route and status — never query strings,
/// bodies or anything of a patient — and returns the id in `X-Request-Id`.
struct RequestLogMiddleware: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[HTTPField.Name.requestId] = context.requestId
        logger.info(
            "request", metadata: [
                "requestId": .string(context.requestId), "method": .string(request.method.rawValue),
                "path": .string(Self.route(context.endpointPath)), "status": .stringConvertible(response.status.code),
            ])
        return response
    }

    /// The route template the router matched (`/cases/{id}`), never the path itself: patient
    /// ids of any shape (hex, MRN, FHIR id, a name typed into a URL) stay out of the logs. A
    /// request no route matched is logged without its path (issue #11).
    static func route(_ template: String?) -> String {
        template ?? "(no route)"
    }
}
