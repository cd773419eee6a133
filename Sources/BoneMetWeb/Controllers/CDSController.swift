import BoneMetDomain
import BoneMetFHIR
import Foundation
import HTTPTypes
import Hummingbird

/// CDS Hooks 2.0: `GET /cds-services` (discovery), `POST /cds-services/{id}` (cards) and
/// `POST /cds-services/{id}/feedback`. Every call is authenticated by the EHR's JWT
/// (CDSAuthenticator), not by a BoneMet session. Errors are OperationOutcomes; allowed
/// browser origins get CORS headers (OWASP: an explicit allow-list, never `*`).
struct CDSController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/cds-services", use: discovery)
        router.post("/cds-services/:id", use: call)
        router.post("/cds-services/:id/feedback", use: feedback)
        router.on("/cds-services", method: .options, use: preflight)
        router.on("/cds-services/:id", method: .options, use: preflight)
        router.on("/cds-services/:id/feedback", method: .options, use: preflight)
    }

    static let json = "application/json; charset=utf-8"

    func failure(_ status: HTTPResponse.Status, _ code: String, _ message: String, field: String? = nil, request: Request) -> Response {
        var response = textResponse(
            FHIRController.outcome([("error", code, message, field)]), contentType: "application/fhir+json; charset=utf-8", status: status)
        if status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\", error_description=\"\(message.replacingOccurrences(of: "\"", with: "'"))\""
        }
        return cors(response, request: request)
    }

    /// CORS for allow-listed origins only.
    func cors(_ response: Response, request: Request) -> Response {
        guard let origin = request.headers[.origin], services.cds?.allowedOrigins.contains(origin) == true else { return response }
        var response = response
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type"
        response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
        response.headers[.accessControlMaxAge] = "600"
        response.headers[.vary] = "Origin"
        return response
    }

    @Sendable func preflight(_ request: Request, context: AppRequestContext) async throws -> Response {
        cors(Response(status: .noContent), request: request)
    }

    /// The issuer of a verified call, or the 401 to send.
    func authenticate(_ request: Request, audiences: [String]) async -> Result<String, CDSAuthenticator.Rejection> {
        guard let configuration = services.cds else { return .failure(.init(reason: "CDS Hooks are not configured on this server")) }
        let authenticator = CDSAuthenticator(configuration: configuration, store: services.cdsStore, keySets: services.keySets, now: services.now)
        do {
            return .success(try await authenticator.authenticate(authorization: request.headers[.authorization], audiences: audiences))
        } catch {
            return .failure(error)
        }
    }

    var base: String { services.cds?.publicURL ?? "" }

    @Sendable func discovery(_ request: Request, context: AppRequestContext) async throws -> Response {
        if case .failure(let rejection) = await authenticate(request, audiences: [base + "/cds-services"]) {
            return failure(.unauthorized, "login", rejection.reason, request: request)
        }
        return cors(textResponse(CDSService.discovery(language: context.language).serialized(), contentType: Self.json, status: .ok), request: request)
    }

    @Sendable func call(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let service = CDSService.named(id) else { return failure(.notFound, "not-found", "no CDS service \"\(id)\"", request: request) }
        let issuer: String
        switch await authenticate(request, audiences: [base + "/cds-services/" + id]) {
        case .success(let verified): issuer = verified
        case .failure(let rejection): return failure(.unauthorized, "login", rejection.reason, request: request)
        }
        do {
            let body = try await FormData.bodyText(request, limit: 16 * 1024 * 1024)
            let cdsRequest = try CDSRequest(parsing: body, service: service)
            let resources = try await gather(cdsRequest, issuer: services.cds?.issuer(issuer))
            if let foreign = cdsRequest.foreignResource(in: resources) {
                throw CDSFailure(
                    status: 400, "\(foreign.resourceType)/\(foreign.id ?? "?") is about another patient than context.patientId", field: "prefetch")
            }
            // A patient with a BoneMet case is assessed on the MDT's record (imaging reads,
            // pain, dental examinations), which the EHR's FHIR data does not carry — read and
            // assessed once per case version and day (issue #12).
            let asOf = services.today
            var caseId: String?
            var known: AssessedCases.Entry?
            if let found = try await services.staging.caseVersion(sourceKey: "fhir:" + cdsRequest.patientId) {
                caseId = found.id
                known = services.assessedCases.entry(id: found.id, version: found.version, asOf: asOf)
                if known == nil, let stored = try await services.cases.get(id: found.id) {
                    known = services.assessedCases.remember(stored, asOf: asOf)
                }
            }
            let record = known?.stored.record ?? CDSCards.record(patientId: cdsRequest.patientId, resources: resources)
            let assessment = known?.assessment
            func cards(caseId: String?) -> [FHIRJSON] {
                let cardContext = CDSCards.Context(
                    asOf: asOf, settings: services.settings, language: context.language, caseURL: caseId.map { base + "/cases/" + $0 })
                guard service.hook == "patient-view" else { return CDSCards.orders(request: cdsRequest, record: record, context: cardContext) }
                return assessment.map { CDSCards.patientView(assessment: $0, context: cardContext) } ?? CDSCards.patientView(record: record, context: cardContext)
            }
            // A case's patient-view cards follow from its assessment alone: written once per case
            // version, day and language (`CDSAnswerTemplate`), fresh card uuids on every call.
            var template: CDSAnswerTemplate?
            if service.hook == "patient-view", let known, let caseId {
                let key = services.assessedCases.key(id: caseId, version: known.stored.version, asOf: asOf) + "|\(service.id)|\(context.language.rawValue)"
                template = services.cdsAnswers.value(key) {
                    let made = CDSAnswerTemplate(cards: cards(caseId: caseId))
                    return (made, made?.bytes ?? 0)
                }
            }
            let text: String
            let count: Int
            if let template {
                text = template.answer()
                count = template.cards
            } else {
                var answerCards = cards(caseId: caseId)
                if caseId == nil, !answerCards.isEmpty, services.cds?.createCases == true {
                    caseId = try await importCase(patientId: cdsRequest.patientId, resources: resources, issuer: issuer)
                    if caseId != nil { answerCards = cards(caseId: caseId) }
                }
                text = FHIRJSON.object([.init("cards", .array(answerCards))]).serialized()
                count = answerCards.count
            }
            try await services.audit.record(
                userId: "cds:" + issuer, action: "cds", caseId: caseId, detail: "\(service.hook): \(count) card(s)", at: services.now(), client: context.clientAddress)
            return cors(textResponse(text, contentType: Self.json, status: .ok), request: request)
        } catch let failure as CDSFailure {
            let status: HTTPResponse.Status = failure.status == 412 ? .preconditionFailed : .badRequest
            return self.failure(status, failure.status == 412 ? "incomplete" : "invalid", failure.message, field: failure.field, request: request)
        }
    }

    /// The patient's BoneMet case: the one imported from this EHR patient (`fhir:<id>`). Only
    /// the request's patient id binds a call to a case — an identifier inside the payload
    /// (BoneMet's own `urn:bonemet:case`) never chooses one, or a caller could read or write
    /// any case by naming it (issue #11).
    func existingCase(patientId: String) async throws -> String? {
        try await services.staging.caseId(sourceKey: "fhir:" + patientId)
    }

    /// The EHR's data of a patient imported as a case (the same path as `bonemet import`;
    /// source key `fhir:<Patient.id>`, so later imports and hooks find it). Its id, if the
    /// patient has a cancer condition.
    func importCase(patientId: String, resources: [FHIRResource], issuer: String) async throws -> String? {
        var all = resources
        if !all.contains(where: { $0.resourceType == "Patient" }),
            let patient = try? FHIRResource(.object([.init("resourceType", .string("Patient")), .init("id", .string(patientId))]))
        {
            all.append(patient)
        }
        let entries = all.map { FHIRJSON.object([.init("resource", $0.json)]) }
        let bundle = FHIRJSON.object([.init("resourceType", .string("Bundle")), .init("type", .string("collection")), .init("entry", .array(entries))])
        let importer = BulkImporter(
            staging: services.staging, user: "cds:" + issuer, asOf: services.today, settings: services.settings, mappings: services.codeMappings,
            followOwnCaseIdentifier: false, now: services.now)
        let summary = try await importer.run(bundle: bundle.serialized())
        let caseId = try await existingCase(patientId: patientId)
        if summary.created > 0 {
            try await services.audit.record(userId: "cds:" + issuer, action: "import", caseId: caseId, detail: "case created from a CDS Hooks call", at: services.now())
        }
        return caseId
    }

    /// Every prefetch key: as the EHR sent it, else read from `fhirServer`; neither → 412.
    /// The access token goes only to a `fhirServer` whose origin is configured for the calling
    /// EHR, and paging links are followed only on that origin (redirects are never followed:
    /// HTTPFetcher). CDS Hooks 2.0 §Security; issue #11.
    func gather(_ request: CDSRequest, issuer: CDSConfiguration.Issuer?) async throws -> [FHIRResource] {
        var resources: [FHIRResource] = []
        for (key, template) in CDSService.prefetch {
            if let value = request.prefetch[key] {
                resources += try CDSRequest.resources(in: value)
                continue
            }
            guard let server = request.fhirServer else {
                throw CDSFailure(status: 412, "prefetch \"\(key)\" was not provided and there is no fhirServer to read it from", field: "prefetch.\(key)")
            }
            guard let origin = CDSConfiguration.origin(of: server), issuer?.fhirOrigins.contains(origin) == true else {
                throw CDSFailure(
                    status: 412, "fhirServer is not a FHIR server configured for this EHR; the access token was not sent (prefetch \"\(key)\" is needed)",
                    field: "fhirServer")
            }
            let root = server.hasSuffix("/") ? String(server.dropLast()) : server
            var next: String? = root + "/" + request.resolve(template)
            var pages = 0
            // Search results come in pages; follow `next` links, bounded, on the same origin.
            while let url = next, pages < 20 {
                pages += 1
                guard CDSConfiguration.origin(of: url) == origin else {
                    throw CDSFailure(status: 412, "a paging link of \"\(key)\" leaves fhirServer's origin; not followed", field: "fhirServer")
                }
                let text: String
                do {
                    text = try await services.http.get(url, bearer: request.accessToken)
                } catch {
                    throw CDSFailure(status: 412, "\"\(key)\" could not be read from fhirServer", field: "fhirServer")
                }
                let json: FHIRJSON
                do { json = try FHIRJSON.parse(text) } catch { throw CDSFailure(status: 412, "fhirServer answered \"\(key)\" with invalid JSON", field: "fhirServer") }
                if json["resourceType"]?.string == "OperationOutcome" { break }
                resources += try CDSRequest.resources(in: json)
                next = (json["link"]?.array ?? []).first { $0["relation"]?.string == "next" }?["url"]?.string
            }
        }
        return resources
    }

    @Sendable func feedback(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard CDSService.named(id) != nil else { return failure(.notFound, "not-found", "no CDS service \"\(id)\"", request: request) }
        let issuer: String
        switch await authenticate(request, audiences: [base + "/cds-services/" + id, base + "/cds-services/" + id + "/feedback"]) {
        case .success(let verified): issuer = verified
        case .failure(let rejection): return failure(.unauthorized, "login", rejection.reason, request: request)
        }
        let body = try await FormData.bodyText(request, limit: 1024 * 1024)
        guard let json = try? FHIRJSON.parse(body), let list = json["feedback"]?.array, !list.isEmpty else {
            return failure(.badRequest, "invalid", "\"feedback\" must be a non-empty array", field: "feedback", request: request)
        }
        var items: [CDSFeedback] = []
        for (index, item) in list.enumerated() {
            guard let card = item["card"]?.string, !card.isEmpty else {
                return failure(.badRequest, "invalid", "required card uuid", field: "feedback[\(index)].card", request: request)
            }
            guard let outcome = item["outcome"]?.string, outcome == "accepted" || outcome == "overridden" else {
                return failure(.badRequest, "invalid", "allowed: accepted, overridden", field: "feedback[\(index)].outcome", request: request)
            }
            let reason = item["overrideReason"]?["reason"]?["code"]?.string ?? item["overrideReason"]?["userComment"]?.string
            let accepted = (item["acceptedSuggestions"]?.array ?? []).compactMap { $0["id"]?.string }
            items.append(CDSFeedback(card: card, outcome: outcome, overrideReason: reason, acceptedSuggestions: accepted, outcomeTimestamp: item["outcomeTimestamp"]?.string))
        }
        try await services.cdsStore.record(items, service: id, issuer: issuer, at: services.now())
        return cors(textResponse("{}", contentType: Self.json, status: .ok), request: request)
    }
}
