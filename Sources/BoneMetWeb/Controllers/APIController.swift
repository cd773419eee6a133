import Foundation
import BoneMetDomain
import HTTPTypes
import Hummingbird

/// The JSON API under /api/v1: the same validation as the pages, 4xx with a body naming every
/// bad field. Browser sessions send the CSRF token in `X-CSRF-Token` on unsafe methods.
struct APIController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        let api = router.group("api/v1")
        api.get("cases", use: list)
        api.post("cases/search", use: search)
        api.post("cases", use: create)
        api.get("cases/{id}", use: get)
        api.put("cases/{id}", use: update)
        api.get("worklists/{slug}", use: worklist)
        router.get("/api/openapi.json") { _, _ in JSONResponse(value: OpenAPIDocument.json().serialized()) }
        addMeetingRoutes(to: router)
    }

    func checkCSRF(_ request: Request, _ context: AppRequestContext) throws {
        if context.viaToken { return }
        try context.checkCSRF(request.headers[HTTPField.Name.csrfToken])
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.viewCases, request)
        let limit = min(max(request.uri.queryParameters.get("limit", as: Int.self) ?? 50, 1), 500)
        let offset = max(request.uri.queryParameters.get("offset", as: Int.self) ?? 0, 0)
        var filter = CaseListFilter()
        filter.viewer = services.viewer(for: user)
        let cases = try await services.cases.list(filter, limit: limit, offset: offset)
        try await services.auditShown(context, user: user, action: "list", what: "API case list from \(offset)", patients: cases.map(\.patientId))
        return JSONResponse(value: Self.listBody(cases, limit: limit, offset: offset))
    }

    /// Search in the body, never in the URL (patient ids must not reach proxy logs).
    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.viewCases, request)
        try checkCSRF(request, context)
        let reader = try await readObject(request, fields: ["q", "limit", "offset"])
        do {
            let limit = try reader.int("limit", in: 1...500) ?? 50
            let offset = try reader.int("offset", in: 0...1_000_000) ?? 0
            let query = try reader.string("q")
            var filter = CaseListFilter(search: query)
            filter.viewer = services.viewer(for: user)
            let cases = try await services.cases.list(filter, limit: limit, offset: offset)
            try await services.auditShown(context, user: user, action: "search", what: "API search \"\(query ?? "")\"", patients: cases.map(\.patientId))
            return JSONResponse(value: Self.listBody(cases, limit: limit, offset: offset))
        } catch let error as InputError {
            throw AppError.invalid([error])
        }
    }

    static func listBody(_ cases: [CaseSummary], limit: Int, offset: Int) -> String {
        let items: [JSONValue] = cases.map { item in
            .object(JSONObject([
                "id": .string(item.id), "patientId": .string(item.patientId), "fictional": .bool(item.fictional),
                "version": .int(item.version), "updatedAt": .int(Int(item.updatedAt)), "urgent": .int(item.urgent), "warnings": .int(item.warnings),
                "deceased": .bool(item.deceased), "deathDate": item.deathDate.map { .string($0.description) } ?? .null,
                // What is urgent, not only how much: the most severe urgent or warning finding's title.
                "topFinding": item.topFinding.map { .object(JSONObject(["en": .string($0.en), "zh": .string($0.zhHans)])) } ?? .null,
            ]))
        }
        return JSONValue.object(JSONObject(["cases": .array(items), "limit": .int(limit), "offset": .int(offset)])).serialized()
    }

    func body(_ stored: StoredCase, language: AppLanguage) -> String {
        let assessment = assess(stored.record, asOf: services.today, settings: services.settings)
        return JSONValue.object(JSONObject([
            "id": .string(stored.id), "version": .int(stored.version),
            "record": (try? JSONValue.parse(CaseFile.write(stored.record))) ?? .null,
            "assessment": AssessmentReport.json(assessment, record: stored.record, language: language),
        ])).serialized()
    }

    func readRecord(_ request: Request) async throws -> CaseRecord {
        let text = try await FormData.bodyText(request)
        do {
            return try CaseFile.read(text)
        } catch {
            throw AppError.invalid(error.errors)
        }
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.editClinicalData, request)
        try checkCSRF(request, context)
        let stored = try await CaseService(services: services).create(try await readRecord(request), by: user)
        return JSONResponse(value: body(stored, language: context.language), status: .created)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.viewCases, request)
        let id = try context.parameters.require("id")
        let stored = try await services.openCase(id, for: user)
        try await services.audit.record(userId: user.id, action: "view", caseId: id, detail: "api", at: services.now(), client: context.clientAddress)
        return JSONResponse(value: body(stored, language: context.language))
    }

    /// Requires `If-Match: <version>`: a stale client gets 409, never overwrites.
    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.editClinicalData, request)
        try checkCSRF(request, context)
        let id = try context.parameters.require("id")
        guard let match = request.headers[.ifMatch], let version = Int(match.trimmingCharacters(in: CharacterSet(charactersIn: "\"W/ "))) else {
            throw AppError(.preconditionRequired, LocalizedText(
                en: "Send the version you edited in If-Match (e.g. If-Match: 3).", zh: "请在 If-Match 中提供您编辑的版本（例如 If-Match: 3）。"))
        }
        let record = try await readRecord(request)
        do {
            let stored = try await CaseService(services: services).update(id: id, record: record, expectedVersion: version, by: user)
            return JSONResponse(value: body(stored, language: context.language))
        } catch StorageError.versionConflict(let current) {
            throw AppError.conflict(current: current)
        } catch StorageError.notFound {
            throw AppError.notFound
        }
    }

    @Sendable func worklist(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.viewCases, request)
        guard let list = Worklists.named(try context.parameters.require("slug")) else { throw AppError.notFound }
        let page = max(request.uri.queryParameters.get("page", as: Int.self) ?? 1, 1)
        let after = request.uri.queryParameters.get("after").flatMap { $0.isEmpty || $0.count > 200 ? nil : $0 }
        // `after` (the previous answer's `next`) reads one page from the index; `page` is kept
        // for older clients and costs more the deeper it goes.
        let entries = after != nil || page == 1
            ? try await services.cases.worklist(list.slug, viewer: services.viewer(for: user), after: after, limit: 50)
            : try await services.cases.worklist(
                rules: list.rules, minimumSeverity: list.minimumSeverity, viewer: services.viewer(for: user), limit: 50, offset: (page - 1) * 50)
        try await services.auditShown(context, user: user, action: "worklist", what: "API worklist \(list.slug) page \(page)", patients: entries.map(\.patientId))
        let items: [JSONValue] = entries.map { entry in
            .object(JSONObject([
                "caseId": .string(entry.caseId), "patientId": .string(entry.patientId), "ruleId": .string(entry.ruleId),
                "severity": .string(entry.severity.rawValue), "specialty": .string(entry.specialty.rawValue),
                "subjectId": entry.subjectId.map(JSONValue.string) ?? .null, "title": .string(entry.title(context.language)),
            ]))
        }
        var body = JSONObject(["worklist": .string(list.slug), "page": .int(page), "entries": .array(items)])
        body["next"] = entries.count == 50 ? entries.last?.cursor.map(JSONValue.string) ?? .null : .null
        return JSONResponse(value: JSONValue.object(body).serialized())
    }
}
