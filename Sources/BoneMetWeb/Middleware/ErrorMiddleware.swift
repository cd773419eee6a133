import BoneMetDomain
import Hummingbird
import Logging

/// Turns errors into responses: `AppError`s show their bilingual message (an HTML page, or
/// JSON under /api and /fhir); anything else is a generic page with the request id — the
/// internal error is logged by type only, never shown, never with patient data.
struct ErrorMiddleware: RouterMiddleware {
    let logger: Logger
    /// Refused requests (403) of signed-in users are audited with the route (never the path).
    var audit: (any AuditLog)?
    var now: @Sendable () -> Int64 = { 0 }

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let signedIn as SignedInError {
            // The page of an error raised for a signed-in user keeps their layout.
            var context = context
            context.user = signedIn.user
            context.csrfToken = signedIn.csrfToken
            return try await handle(request, context: context) { _, _ in throw signedIn.underlying }
        } catch let error as AppError {
            return try await render(error, request: request, context: context)
        } catch StorageError.busy {
            // Overload, not a fault: the database had no free connection in time.
            return try await render(AppError.busy, request: request, context: context)
        } catch let error as HTTPError {
            let known = AppError(error.status, LocalizedText(en: error.status.reasonPhrase, zh: error.status.code == 404 ? "未找到。" : "请求无效。"))
            return try await render(known, request: request, context: context)
        } catch {
            logger.error("unhandled error", metadata: ["requestId": .string(context.requestId), "type": .string(String(describing: type(of: error)))])
            let generic = AppError(.internalServerError, LocalizedText(
                en: "Something went wrong; nothing was changed. Quote request id \(context.requestId) when reporting it.",
                zh: "出现错误；未做任何更改。报告问题时请提供请求编号 \(context.requestId)。"))
            return try await render(generic, request: request, context: context)
        }
    }

    func render(_ error: AppError, request: Request, context: AppRequestContext) async throws -> Response {
        if error.status == .forbidden, let user = context.user, let audit {
            try? await audit.record(
                userId: user.id, action: "forbidden", caseId: error.breakGlassCase, detail: "\(request.method.rawValue) \(RequestLogMiddleware.route(context.endpointPath))",
                at: now(), client: context.clientAddress)
        }
        var response = try body(error, request: request, context: context)
        if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
        if let existing = error.existingCase { response.headers[.contentLocation] = "/api/v1/cases/\(existing)" }
        return response
    }

    func body(_ error: AppError, request: Request, context: AppRequestContext) throws -> Response {
        if request.uri.path.hasPrefix("/fhir") || request.uri.path.hasPrefix("/cds-services") {
            let code = error.status == .unauthorized ? "login" : error.status == .forbidden ? "forbidden" : error.status == .notFound ? "not-found" : "processing"
            return textResponse(
                FHIRController.outcome([("error", code, error.message(context.language), nil)]), contentType: "application/fhir+json; charset=utf-8",
                status: error.status)
        }
        if Self.wantsJSON(request) {
            return try JSONResponse(value: APIErrors.body(error, language: context.language), status: error.status).response(from: request, context: context)
        }
        if error.status == .unauthorized {
            return .seeOther("/login")
        }
        var page = ErrorPage(status: Int(error.status.code), message: error.message, requestId: context.requestId)
        page.breakGlassCase = error.breakGlassCase
        return try HTMLPage(html: page.render(context.layout), status: error.status)
            .response(from: request, context: context)
    }

    static func wantsJSON(_ request: Request) -> Bool {
        request.uri.path.hasPrefix("/api/") || request.uri.path.hasPrefix("/fhir")
            || (request.headers[.accept] ?? "").contains("application/json")
    }
}

/// The JSON error body of the API: a message and each bad field with its path.
enum APIErrors {
    static func body(_ error: AppError, language: AppLanguage) -> String {
        var object = JSONObject()
        object["error"] = .string(error.message(language))
        object["status"] = .int(Int(error.status.code))
        if let existing = error.existingCase { object["existingCase"] = .string(existing) }
        if !error.fieldErrors.isEmpty {
            object["errors"] = .array(error.fieldErrors.map { field in
                .object(JSONObject(["field": field.field.map(JSONValue.string) ?? .null, "message": .string(field.message(language))]))
            })
        }
        return JSONValue.object(object).serialized()
    }
}
