import BoneMetFHIR
import Foundation

/// Who may call BoneMet's CDS Hooks services, read from a JSON file (`--cds-config`,
/// BONEMET_CDS_CONFIG; docs/cds-hooks.md). Without it the services answer 401 to everyone.
///
///     {"publicURL": "https://bonemet.hospital.example",
///      "allowedOrigins": ["https://ehr.hospital.example"],
///      "leewaySeconds": 60, "maxLifetimeSeconds": 300,
///      "issuers": [{"iss": "https://ehr.hospital.example/", "sub": "ehr-client-id",
///                   "jwks": {"keys": [ … ]},
///                   "jku": ["https://ehr.hospital.example/.well-known/jwks.json"],
///                   "fhirServers": ["https://ehr.hospital.example/fhir"]}]}
public struct CDSConfiguration: Sendable {
    public struct Issuer: Sendable {
        public let iss: String
        /// The issuer's JWK Set as JSON, when configured here.
        public let jwks: String?
        /// `jku` URLs this issuer may point to for its key set.
        public let jku: [String]
        /// The EHR's client ids: a token's `sub` must be one of them (CDS Hooks 2.0: `sub` is
        /// REQUIRED, "the client_id of the CDS Client"; services SHOULD allow-list iss, jku, sub).
        public let subjects: [String]
        /// Origins (scheme://host[:port]) of the FHIR servers this EHR may name as `fhirServer`:
        /// the access token it grants is sent to these origins only — never to another, not on a
        /// redirect, not on a paging link.
        public let fhirOrigins: [String]

        public init(iss: String, sub: [String], jwks: String?, jku: [String], fhirServers: [String] = []) {
            self.iss = iss
            self.subjects = sub
            self.jwks = jwks
            self.jku = jku
            self.fhirOrigins = fhirServers.compactMap(CDSConfiguration.origin(of:))
        }
    }

    /// The address EHRs call BoneMet at, without a trailing slash: `aud` must equal
    /// `{publicURL}/cds-services/{id}` (or `{publicURL}/cds-services` for discovery).
    public let publicURL: String
    public let issuers: [Issuer]
    public let allowedOrigins: [String]
    /// Clock skew allowed on `exp` and `iat` (seconds).
    public let leewaySeconds: Int64
    /// The longest lifetime (`exp − iat`) a token may have. Default 300 s — the five minutes
    /// SMART Backend Services allows a client assertion; CDS Hooks 2.0 sets no number, so a
    /// setting (docs/cds-hooks.md). A stolen long-lived token is refused whatever its `exp`.
    public let maxLifetimeSeconds: Int64
    /// When a hook finds something to say about a patient who has no BoneMet case yet, import
    /// the EHR's data as a case (like `bonemet import`), so the card can link to it. Default
    /// true; false keeps BoneMet from storing anything a CDS call sends (cards then link only
    /// to existing cases).
    public let createCases: Bool

    public init(
        publicURL: String, issuers: [Issuer], allowedOrigins: [String] = [], leewaySeconds: Int64 = 60, maxLifetimeSeconds: Int64 = 300,
        createCases: Bool = true
    ) {
        self.createCases = createCases
        self.maxLifetimeSeconds = maxLifetimeSeconds
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.issuers = issuers
        self.allowedOrigins = allowedOrigins
        self.leewaySeconds = leewaySeconds
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let field: String
        public let problem: String
        public var description: String { "field \"\(field)\": \(problem)" }
    }

    public static func parse(_ text: String) throws(Invalid) -> CDSConfiguration {
        let json: FHIRJSON
        do { json = try FHIRJSON.parse(text) } catch { throw Invalid(field: "(file)", problem: "not valid JSON: \(error.message)") }
        guard let url = json["publicURL"]?.string, url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw Invalid(field: "publicURL", problem: "required; the http(s) address EHRs call BoneMet at")
        }
        var issuers: [Issuer] = []
        for (index, item) in (json["issuers"]?.array ?? []).enumerated() {
            guard let iss = item["iss"]?.string, !iss.isEmpty else { throw Invalid(field: "issuers[\(index)].iss", problem: "required string") }
            let jku = (item["jku"]?.array ?? []).compactMap(\.string)
            let jwks = item["jwks"].map { $0.serialized() }
            if jwks == nil && jku.isEmpty { throw Invalid(field: "issuers[\(index)]", problem: "needs \"jwks\" or an allowed \"jku\"") }
            if jku.contains(where: { !$0.hasPrefix("https://") && !$0.hasPrefix("http://127.0.0.1") }) {
                throw Invalid(field: "issuers[\(index)].jku", problem: "key set URLs must be https")
            }
            let sub = item["sub"]?.string.map { [$0] } ?? (item["sub"]?.array ?? []).compactMap(\.string)
            guard !sub.isEmpty, !sub.contains("") else {
                throw Invalid(field: "issuers[\(index)].sub", problem: "required: the EHR's client id (a string or an array of strings)")
            }
            let servers = (item["fhirServers"]?.array ?? []).compactMap(\.string)
            if let bad = servers.first(where: { origin(of: $0) == nil }) {
                throw Invalid(field: "issuers[\(index)].fhirServers", problem: "\"\(bad)\" is not an http(s) address")
            }
            issuers.append(Issuer(iss: iss, sub: sub, jwks: jwks, jku: jku, fhirServers: servers))
        }
        guard !issuers.isEmpty else { throw Invalid(field: "issuers", problem: "at least one trusted EHR is required") }
        let leeway = json["leewaySeconds"]?.decimalText.flatMap { Int64($0) } ?? 60
        guard (0...300).contains(leeway) else { throw Invalid(field: "leewaySeconds", problem: "allowed: 0–300") }
        let lifetime = json["maxLifetimeSeconds"]?.decimalText.flatMap { Int64($0) } ?? 300
        guard (1...3600).contains(lifetime) else { throw Invalid(field: "maxLifetimeSeconds", problem: "allowed: 1–3600") }
        if let flag = json["createCases"], flag.bool == nil { throw Invalid(field: "createCases", problem: "allowed: true, false") }
        return CDSConfiguration(
            publicURL: url, issuers: issuers, allowedOrigins: (json["allowedOrigins"]?.array ?? []).compactMap(\.string), leewaySeconds: leeway,
            maxLifetimeSeconds: lifetime, createCases: json["createCases"]?.bool ?? true)
    }

    /// `scheme://host[:port]` of an http(s) URL, lower-cased, default ports dropped; nil for
    /// anything else. The unit the access token is bound to.
    public static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = components.host?.lowercased(), !host.isEmpty, components.user == nil, components.password == nil
        else { return nil }
        let port = components.port.flatMap { (scheme == "https" && $0 == 443) || (scheme == "http" && $0 == 80) ? nil : $0 }
        return scheme + "://" + host + (port.map { ":\($0)" } ?? "")
    }

    /// The issuer configured for `iss`.
    public func issuer(_ iss: String) -> Issuer? { issuers.first { $0.iss == iss } }
}
