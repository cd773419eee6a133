import BoneMetDomain
import BoneMetFHIR
import BoneMetStorage
import Foundation
import Hummingbird

/// `POST /fhir` with a Bundle (collection, transaction, searchset): its resources are imported
/// like a Bulk export. The answer is a FHIR OperationOutcome: the summary, and one issue per
/// entry that could not be used. `GET /fhir/Patient/{case id}/$everything` gives a case
/// back as an mCODE Bundle (the Patient resource's id is the case id).
struct FHIRController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/fhir", use: importBundle)
        router.get("/fhir/Patient/:id/$everything", use: everything)
    }

    static func outcome(_ issues: [(severity: String, code: String, text: String, location: String?)]) -> String {
        let items: [JSONValue] = issues.map { issue in
            var object = JSONObject()
            object["severity"] = .string(issue.severity)
            object["code"] = .string(issue.code)
            object["diagnostics"] = .string(issue.text)
            if let location = issue.location { object["expression"] = .array([.string(location)]) }
            return .object(object)
        }
        return JSONValue.object(JSONObject(["resourceType": "OperationOutcome", "issue": .array(items)])).serialized(pretty: false)
    }

    @Sendable func importBundle(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.editClinicalData, request)
        if !context.viaToken { try context.checkCSRF(request.headers[.csrfToken]) }
        let text = try await FormData.bodyText(request, limit: 32 * 1024 * 1024)
        // Mapped and assessed at a lower priority: the server's other requests come first.
        let importer = BulkImporter(
            staging: SQLFHIRStaging(services.store), user: user.id, asOf: services.today, settings: services.settings, mappings: services.codeMappings,
            background: true, now: services.now)
        let summary: BulkImporter.Summary
        do {
            summary = try await importer.run(bundle: text)
        } catch let error as FHIRError {
            return textResponse(
                Self.outcome([("error", "invalid", error.description, error.path)]), contentType: "application/fhir+json; charset=utf-8",
                status: .badRequest)
        }
        try await services.audit.record(
            userId: user.id, action: "import", caseId: nil, detail: "FHIR Bundle: \(summary.created) created, \(summary.updated) updated", at: services.now(), client: context.clientAddress)
        var issues: [(severity: String, code: String, text: String, location: String?)] = [(
            "information", "informational",
            "\(summary.scan.resources) resources; cases \(summary.created) created, \(summary.updated) updated, \(summary.unchanged) unchanged, \(summary.keptLocalEdits) kept with local edits; \(summary.withoutCancer) patient(s) without a cancer condition; \(summary.scan.skipped) resource(s) of unused types skipped",
            nil
        )]
        issues += summary.scan.badLines.map { ("error", "invalid", $0.problem, "Bundle.entry[\($0.line - 1)]") }
        issues += summary.notes.map { ("warning", "informational", "\($0.resource): \($0.message)", nil) }
        return textResponse(Self.outcome(issues), contentType: "application/fhir+json; charset=utf-8", status: .ok)
    }

    @Sendable func everything(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.viewCases, request)
        let id = try context.parameters.require("id")
        // FHIR R4 id grammar ([A-Za-z0-9\-\.]{1,64}): anything else is a bad request, not a lookup.
        guard FHIRExporter.isValidId(id) else {
            return textResponse(
                Self.outcome([("error", "invalid", "Patient.id must be 1–64 characters of A–Z, a–z, 0–9, '-' and '.'.", "Patient.id")]),
                contentType: "application/fhir+json; charset=utf-8", status: .badRequest)
        }
        let found = try await services.cases.get(id: id)
        if found != nil, try await services.access(user, caseId: id) == nil {
            throw AppError.notOnCareTeam(caseId: id)
        }
        guard let stored = found else {
            return textResponse(
                Self.outcome([("error", "not-found", "No case with this id.", "Patient.id")]), contentType: "application/fhir+json; charset=utf-8",
                status: .notFound)
        }
        try await services.audit.record(userId: user.id, action: "export", caseId: id, detail: "FHIR Bundle", at: services.now(), client: context.clientAddress)
        let assessment = assess(stored.record, asOf: services.today, settings: services.settings)
        let bundle = FHIRExporter.bundle(caseId: stored.id, record: stored.record, assessment: assessment)
        return textResponse(bundle.serialized(), contentType: "application/fhir+json; charset=utf-8", status: .ok)
    }
}
