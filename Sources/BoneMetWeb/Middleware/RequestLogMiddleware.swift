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
                "path": .string(Self.route(request.uri.path)), "status": .stringConvertible(response.status.code),
            ])
        return response
    }

    /// The path with ids replaced, so logs carry no identifiers.
    static func route(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.count >= 16 && part.allSatisfy({ $0.isHexDigit || $0 == "-" }) ? ":id" : String(part)
        }.joined(separator: "/")
    }
}
