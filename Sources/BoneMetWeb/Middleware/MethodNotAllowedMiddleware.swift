import BoneMetRules
import HTTPTypes
import Hummingbird

/// A method the API does not offer on a path it serves gets 405 with `Allow` listing the
/// methods it does (RFC 9110 §15.5.6), not 404: a client learns what to call. The methods come
/// from the OpenAPI document's operations — the same list the tests keep equal to the router.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/api/v1/") else { return try await next(request, context) }
        let allowed = Self.methods(for: path)
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue), request.method != .options || !allowed.contains("OPTIONS") else {
            return try await next(request, context)
        }
        // HEAD is answered as GET by the server.
        if request.method == .head, allowed.contains("GET") { return try await next(request, context) }
        let body = APIErrors.body(
            AppError(.methodNotAllowed, .init(en: "Method \(request.method.rawValue) is not allowed here; allowed: \(allowed.joined(separator: ", ")).",
                zh: "此处不允许 \(request.method.rawValue) 方法；允许：\(allowed.joined(separator: "、"))。")), language: context.language)
        var response = textResponse(body, contentType: "application/json; charset=utf-8", status: .methodNotAllowed)
        response.headers[.allow] = allowed.joined(separator: ", ")
        return response
    }

    /// The methods the API offers on a concrete path (empty when it serves no such path).
    static func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        // The templates the path fits; like the router, the one with most literal segments wins
        // (/api/v1/cases/search is not /api/v1/cases/{id}).
        var best: (literals: Int, methods: Set<String>) = (-1, [])
        for operation in OpenAPIDocument.operations {
            let template = operation.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            guard template.count == segments.count,
                zip(template, segments).allSatisfy({ part, segment in (part.hasPrefix("{") && !segment.isEmpty) || part == segment })
            else { continue }
            let literals = template.filter { !$0.hasPrefix("{") }.count
            if literals > best.literals { best = (literals, []) }
            if literals == best.literals { best.methods.insert(operation.method.uppercased()) }
        }
        return best.methods.sorted()
    }
}
