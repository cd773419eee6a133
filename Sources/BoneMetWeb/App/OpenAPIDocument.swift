import Foundation
import BoneMetDomain

/// The OpenAPI 3.1 description of /api/v1, served at /api/openapi.json. The case record schema
/// is the generated case-file schema; a test keeps the paths equal to the router's routes.
public enum OpenAPIDocument {
    /// Every API operation: method, path (OpenAPI style), summary, and what it takes and returns.
    struct Operation {
        let method: String
        let path: String
        let summary: String
        let body: String?
        let success: (code: String, schema: String)
        let errors: [String]
        let parameters: [(name: String, location: String, description: String)]
    }

    static let operations: [Operation] = [
        Operation(
            method: "get", path: "/api/v1/cases", summary: "List cases, newest first.", body: nil,
            success: ("200", "CaseList"), errors: ["401"],
            parameters: [("limit", "query", "1–500, default 50"), ("offset", "query", "default 0")]),
        Operation(
            method: "post", path: "/api/v1/cases/search",
            summary: "Search cases by part of the pseudonymous patient id: {q, limit, offset} in the body, so no id reaches a URL.",
            body: "SearchInput", success: ("200", "CaseList"), errors: ["400", "401", "422"], parameters: []),
        Operation(
            method: "post", path: "/api/v1/cases", summary: "Create a case from a case record; it is assessed and its findings stored.",
            body: "CaseRecord", success: ("201", "CaseWithAssessment"), errors: ["400", "401", "403", "409", "413", "422"], parameters: []),
        Operation(
            method: "get", path: "/api/v1/cases/{id}", summary: "A case: record, version and assessment as of today.", body: nil,
            success: ("200", "CaseWithAssessment"), errors: ["401", "403", "404"], parameters: [("id", "path", "case id")]),
        Operation(
            method: "put", path: "/api/v1/cases/{id}", summary: "Replace a case record. Requires If-Match with the version edited.",
            body: "CaseRecord", success: ("200", "CaseWithAssessment"), errors: ["400", "401", "403", "404", "409", "422", "428"],
            parameters: [("id", "path", "case id"), ("If-Match", "header", "the version you edited, e.g. 3")]),
        Operation(
            method: "get", path: "/api/v1/worklists/{slug}", summary: "A worklist of stored findings, most urgent first (50 per page).",
            body: nil, success: ("200", "Worklist"), errors: ["401", "404"],
            parameters: [
                ("slug", "path", Worklists.all.map(\.slug).joined(separator: ", ")), ("page", "query", "1-based page (deep pages cost more; prefer after)"),
                ("after", "query", "the `next` of the previous answer: the page after it, read from the index"),
            ]),
        Operation(
            method: "get", path: "/api/v1/meetings", summary: "MDT meetings, latest first.", body: nil, success: ("200", "MeetingList"),
            errors: ["401"], parameters: []),
        Operation(
            method: "post", path: "/api/v1/meetings", summary: "Schedule a meeting: {title, scheduledFor: \"YYYY-MM-DD HH:MM\", location}.",
            body: "MeetingInput", success: ("201", "Created"), errors: ["400", "401", "403", "422"], parameters: []),
        Operation(
            method: "get", path: "/api/v1/meetings/{id}", summary: "A meeting: attendees and agenda, with what is missing for each case and its decision.",
            body: nil, success: ("200", "Meeting"), errors: ["401", "403", "404"], parameters: [("id", "path", "meeting id")]),
        Operation(
            method: "post", path: "/api/v1/meetings/{id}/agenda", summary: "Put a case on the agenda: {caseId, question}.", body: "AgendaInput",
            success: ("201", "Created"), errors: ["400", "401", "403", "404", "409", "422"], parameters: [("id", "path", "meeting id")]),
        Operation(
            method: "put", path: "/api/v1/meetings/{id}/attendees", summary: "Replace the attendance: [{name, specialty, username?}] — a username makes a BoneMet user attend (on the care team of the agenda's patients).", body: "Attendees",
            success: ("200", "Created"), errors: ["400", "401", "403", "404", "422"], parameters: [("id", "path", "meeting id")]),
        Operation(
            method: "post", path: "/api/v1/meetings/{id}/decisions/{caseId}",
            summary: "Record the decision for a case: {decision, specialty, followUp: [..]}; it is also appended to the case record.",
            body: "DecisionInput", success: ("200", "Created"), errors: ["400", "401", "403", "404", "422"],
            parameters: [("id", "path", "meeting id"), ("caseId", "path", "case id")]),
        Operation(
            method: "post", path: "/api/v1/calculators/{name}", summary: "Run a bedside calculator (the input of bonemet calc).", body: "CalculatorInput",
            success: ("200", "CalculatorReport"), errors: ["401", "404", "422"],
            parameters: [("name", "path", Calculators.names.joined(separator: ", "))]),
    ]

    static let errorDescriptions: [String: String] = [
        "400": "The body is not valid UTF-8 text.",
        "401": "Not signed in (no session cookie and no valid Bearer token).",
        "403": "The role may not do this, the user is not on the patient's care team (or not at the meeting), or the CSRF header is missing on a cookie session.",
        "404": "No such case or worklist.",
        "409": "Conflict: on PUT the case changed since the version sent in If-Match; on POST the patient already has a case (`existingCase`, and Content-Location names it).",
        "413": "The body is larger than 4 MB.",
        "422": "The record is invalid: `errors` names every bad field by path.",
        "428": "If-Match is required.",
    ]

    public static func json() -> JSONValue {
        var paths = JSONObject()
        for path in Array(Set(operations.map(\.path))).sorted() {
            var item = JSONObject()
            for operation in operations where operation.path == path {
                var op = JSONObject()
                op["summary"] = .string(operation.summary)
                op["operationId"] = .string(operation.method + operation.path.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: ""))
                if !operation.parameters.isEmpty {
                    op["parameters"] = .array(operation.parameters.map { parameter in
                        .object(JSONObject([
                            "name": .string(parameter.name), "in": .string(parameter.location), "description": .string(parameter.description),
                            "required": .bool(parameter.location == "path" || parameter.name == "If-Match"),
                            "schema": parameter.name == "If-Match" ? ["type": "string", "pattern": #"^(W/)?"?[0-9]{1,9}"?$"#] : ["type": "string"],
                        ]))
                    })
                }
                if let body = operation.body {
                    op["requestBody"] = ["required": true, "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(body)")]]]]
                }
                var responses = JSONObject()
                responses[operation.success.code] = [
                    "description": "OK", "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(operation.success.schema)")]]],
                ]
                for code in operation.errors {
                    responses[code] = [
                        "description": .string(errorDescriptions[code] ?? "Error"),
                        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
                    ]
                }
                op["responses"] = .object(responses)
                item[operation.method] = .object(op)
            }
            paths[path] = .object(item)
        }
        var document = JSONObject()
        document["openapi"] = "3.1.0"
        document["info"] = [
            "title": "BoneMet API", "version": .string(RuleSet.version),
            "description": "Cases, assessments and worklists of BoneMet. Sign in with the session cookie (and send X-CSRF-Token on unsafe methods) or with a Bearer API token created by an administrator. A method not listed for a path is answered 405 with an Allow header.",
        ]
        document["paths"] = .object(paths)
        document["security"] = [["bearerToken": []], ["sessionCookie": [], "csrfHeader": []]]
        document["components"] = [
            "securitySchemes": [
                "bearerToken": ["type": "http", "scheme": "bearer", "description": "API token (bm_…) from Users → API tokens"],
                "sessionCookie": ["type": "apiKey", "in": "cookie", "name": "bonemet_session"],
                "csrfHeader": ["type": "apiKey", "in": "header", "name": "X-CSRF-Token"],
            ],
            "schemas": .object(schemas()),
        ]
        return .object(document)
    }

    /// A full date BoneMet accepts (years 1900–2200, months 01–12, days 01–31; the days of each
    /// month and leap years are checked by the server, answered 422 naming the field).
    static let datePattern = "(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"

    static func schemas() -> JSONObject {
        var schemas = JSONObject()
        // The case record is the case-file schema, with its definitions moved alongside.
        if case .object(var caseSchema) = CaseSchema.json() {
            if case .object(let defs)? = caseSchema["$defs"] {
                for (key, value) in defs.pairs { schemas["Case_" + key] = rewrite(value) }
            }
            caseSchema["$defs"] = nil
            caseSchema["$schema"] = nil
            caseSchema["$id"] = nil
            schemas["CaseRecord"] = rewrite(.object(caseSchema))
        }
        schemas["Error"] = [
            "type": "object", "required": ["error", "status"],
            "properties": [
                "error": ["type": "string"], "status": ["type": "integer"], "existingCase": ["type": "string"],
                "errors": ["type": "array", "items": ["type": "object", "properties": ["field": ["type": ["string", "null"]], "message": ["type": "string"]]]],
            ],
        ]
        schemas["CaseList"] = [
            "type": "object",
            "properties": [
                "cases": ["type": "array", "items": ["type": "object", "properties": [
                    "id": ["type": "string"], "patientId": ["type": "string"], "fictional": ["type": "boolean"], "version": ["type": "integer"],
                    "updatedAt": ["type": "integer"], "urgent": ["type": "integer"], "warnings": ["type": "integer"],
                    "deceased": ["type": "boolean"], "deathDate": ["type": ["string", "null"]],
                    "topFinding": [
                        "type": ["object", "null"], "description": "the title of the first urgent or warning finding in the assessment's order (the case page's first \"to do first\" item)",
                        "properties": ["en": ["type": "string"], "zh": ["type": "string"]],
                    ],
                ]]],
                "limit": ["type": "integer"], "offset": ["type": "integer"],
            ],
        ]
        schemas["CaseWithAssessment"] = [
            "type": "object",
            "properties": [
                "id": ["type": "string"], "version": ["type": "integer"], "record": ["$ref": "#/components/schemas/CaseRecord"],
                "assessment": ["type": "object", "description": "as printed by bonemet assess --format json (docs/case-format.md)"],
            ],
        ]
        let string: JSONValue = ["type": "string"]
        // An optional member may be null: the server reads null as absent.
        let nullableString: JSONValue = ["type": ["string", "null"]]
        // Inputs: the server refuses unknown fields (422 naming them), so the document says so.
        schemas["SearchInput"] = [
            "type": "object", "additionalProperties": false, "properties": [
                "q": ["type": ["string", "null"]], "limit": ["type": ["integer", "null"], "minimum": 1, "maximum": 500],
                "offset": ["type": ["integer", "null"], "minimum": 0, "maximum": 1_000_000],
            ],
        ]
        schemas["Created"] = ["type": "object", "properties": ["id": string, "status": string]]
        schemas["MeetingInput"] = [
            "type": "object", "required": ["title", "scheduledFor"], "additionalProperties": false,
            "properties": [
                "title": string,
                "scheduledFor": ["type": "string", "pattern": .string("^" + Self.datePattern + " ([01][0-9]|2[0-3]):[0-5][0-9]$"), "description": "local date and time, YYYY-MM-DD HH:MM"],
                "location": nullableString,
            ],
        ]
        schemas["MeetingList"] = ["type": "object", "properties": ["meetings": ["type": "array", "items": ["type": "object"]]]]
        schemas["Meeting"] = [
            "type": "object",
            "properties": [
                "id": string, "title": string, "scheduledFor": string, "location": string,
                "attendees": ["$ref": "#/components/schemas/Attendees"], "agenda": ["type": "array", "items": ["type": "object"]],
            ],
        ]
        schemas["AgendaInput"] = [
            "type": "object", "required": ["caseId", "question"], "additionalProperties": false, "properties": ["caseId": string, "question": string],
        ]
        schemas["Attendees"] = [
            "type": "array",
            "items": ["type": "object", "required": ["name", "specialty"], "additionalProperties": false, "properties": [
                "name": string, "specialty": ["enum": .array(Specialty.allowedValues.map(JSONValue.string))], "username": nullableString,
            ]],
        ]
        schemas["DecisionInput"] = [
            "type": "object", "required": ["decision", "specialty"], "additionalProperties": false,
            "properties": [
                "decision": string, "specialty": ["enum": .array(Specialty.allowedValues.map(JSONValue.string))],
                "followUp": ["type": ["array", "null"], "items": string],
            ],
        ]
        schemas["CalculatorInput"] = ["type": "object", "description": "the fields of the calculator (bonemet calc --list; docs/calculators.md)"]
        schemas["CalculatorReport"] = ["type": "object", "description": "as printed by bonemet calc --format json (docs/calculators.md)"]
        schemas["Worklist"] = [
            "type": "object",
            "properties": [
                "worklist": ["type": "string"], "page": ["type": "integer"], "next": ["type": ["string", "null"]],
                "entries": ["type": "array", "items": ["type": "object", "properties": [
                    "caseId": ["type": "string"], "patientId": ["type": "string"], "ruleId": ["type": "string"], "severity": ["type": "string"],
                    "specialty": ["type": "string"], "subjectId": ["type": ["string", "null"]], "title": ["type": "string"],
                ]]],
            ],
        ]
        return schemas
    }

    /// Points the case schema's `#/$defs/x` references at `#/components/schemas/Case_x`.
    static func rewrite(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text) where text.hasPrefix("#/$defs/"):
            return .string("#/components/schemas/Case_" + text.dropFirst("#/$defs/".count))
        case .array(let items):
            return .array(items.map(rewrite))
        case .object(let object):
            var out = JSONObject()
            for (key, item) in object.pairs { out[key] = rewrite(item) }
            return .object(out)
        default:
            return value
        }
    }
}
