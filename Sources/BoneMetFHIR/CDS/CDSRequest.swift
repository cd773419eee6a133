import BoneMetDomain
import Foundation

/// A failed CDS call: the HTTP status and what to put in the OperationOutcome.
public struct CDSFailure: Error, Sendable, Hashable {
    public let status: Int
    public let message: String
    public let field: String?

    public init(status: Int, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }
}

/// The body of `POST /cds-services/{id}` (CDS Hooks 2.0 §HTTP request).
public struct CDSRequest: Sendable {
    public let hook: String
    public let hookInstance: String
    public let fhirServer: String?
    public let accessToken: String?
    public let userId: String?
    public let patientId: String
    public let selections: [String]
    public let draftOrders: [FHIRResource]
    /// Present keys only. `.null` means the EHR looked and found nothing; a missing key means
    /// it did not prefetch (we must fetch it or answer 412).
    public let prefetch: [String: FHIRJSON]

    public init(parsing text: String, service: CDSService) throws(CDSFailure) {
        let json: FHIRJSON
        do {
            json = try FHIRJSON.parse(text)
        } catch {
            throw CDSFailure(status: 400, "the body is not valid JSON: \(error.message)")
        }
        func string(_ value: FHIRJSON?, _ field: String, required: Bool) throws(CDSFailure) -> String? {
            guard let value else {
                if required { throw CDSFailure(status: 400, "required field is missing", field: field) }
                return nil
            }
            guard let text = value.string, !text.isEmpty else { throw CDSFailure(status: 400, "must be a non-empty string", field: field) }
            return text
        }
        guard case .object = json else { throw CDSFailure(status: 400, "the body must be a JSON object") }
        let hook = try string(json["hook"], "hook", required: true) ?? ""
        guard hook == service.hook else {
            throw CDSFailure(status: 400, "\"\(hook)\" is not the hook of this service; allowed: \(service.hook)", field: "hook")
        }
        self.hook = hook
        hookInstance = try string(json["hookInstance"], "hookInstance", required: true) ?? ""
        fhirServer = try string(json["fhirServer"], "fhirServer", required: false)
        if let server = fhirServer, !(server.hasPrefix("https://") || server.hasPrefix("http://")) {
            throw CDSFailure(status: 400, "must be an http(s) URL", field: "fhirServer")
        }
        accessToken = json["fhirAuthorization"]?["access_token"]?.string
        guard let context = json["context"], case .object = context else { throw CDSFailure(status: 400, "required object is missing", field: "context") }
        userId = try string(context["userId"], "context.userId", required: false)
        patientId = try string(context["patientId"], "context.patientId", required: true) ?? ""
        selections = (context["selections"]?.array ?? []).compactMap(\.string)
        if hook == "order-select" || hook == "order-sign" {
            guard let orders = context["draftOrders"] else { throw CDSFailure(status: 400, "required for \(hook)", field: "context.draftOrders") }
            guard orders["resourceType"]?.string == "Bundle" else { throw CDSFailure(status: 400, "must be a FHIR Bundle", field: "context.draftOrders") }
            var drafts: [FHIRResource] = []
            for (index, entry) in (orders["entry"]?.array ?? []).enumerated() {
                guard let resource = entry["resource"] else { continue }
                do {
                    drafts.append(try FHIRResource(resource))
                } catch {
                    throw CDSFailure(status: 400, error.message, field: "context.draftOrders.entry[\(index)]")
                }
            }
            draftOrders = drafts
        } else {
            draftOrders = []
        }
        var prefetch: [String: FHIRJSON] = [:]
        if let given = json["prefetch"] {
            guard case .object(let members) = given else { throw CDSFailure(status: 400, "must be an object", field: "prefetch") }
            for member in members { prefetch[member.key] = member.value }
        }
        self.prefetch = prefetch
    }

    /// A prefetch template with this request's context filled in.
    public func resolve(_ template: String) -> String {
        template.replacingOccurrences(of: "{{context.patientId}}", with: patientId.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? patientId)
            .replacingOccurrences(of: "{{context.userId}}", with: (userId ?? "").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    /// The prefetch keys the EHR did not fulfil.
    public var unfulfilled: [String] { CDSService.prefetch.map(\.key).filter { prefetch[$0] == nil } }

    /// The first resource that is about another patient than the call's: a Patient with
    /// another id, or a `subject`/`patient` reference to another Patient. Data of one patient
    /// never reaches another's case (issue #11).
    public func foreignResource(in resources: [FHIRResource]) -> FHIRResource? {
        resources.first { resource in
            if resource.resourceType == "Patient" { return resource.id != patientId }
            for key in ["subject", "patient"] {
                guard let reference = resource.json[key]?["reference"]?.string else { continue }
                let parts = reference.split(separator: "/")
                guard parts.count >= 2, parts[parts.count - 2] == "Patient" else { continue }
                if String(parts[parts.count - 1]) != patientId { return true }
            }
            return false
        }
    }

    /// Resources out of prefetch values: a resource, or a searchset Bundle of them; `null` is none.
    public static func resources(in value: FHIRJSON) throws(CDSFailure) -> [FHIRResource] {
        if case .null = value { return [] }
        if value["resourceType"]?.string == "Bundle" {
            var out: [FHIRResource] = []
            for entry in value["entry"]?.array ?? [] {
                guard let resource = entry["resource"] else { continue }
                do { out.append(try FHIRResource(resource)) } catch { throw CDSFailure(status: 400, error.message, field: "prefetch") }
            }
            return out
        }
        do { return [try FHIRResource(value)] } catch { throw CDSFailure(status: 400, error.message, field: "prefetch") }
    }
}
