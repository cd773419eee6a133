import BoneMetFHIR
import Foundation

/// Who may call BoneMet's CDS Hooks services, read from a JSON file (`--cds-config`,
/// BONEMET_CDS_CONFIG; docs/cds-hooks.md). Without it the services answer 401 to everyone.
///
///     {"publicURL": "https://bonemet.hospital.example",
///      "allowedOrigins": ["https://ehr.hospital.example"],
///      "leewaySeconds": 60,
///      "issuers": [{"iss": "https://ehr.hospital.example/", "jwks": {"keys": [ … ]},
///                   "jku": ["https://ehr.hospital.example/.well-known/jwks.json"]}]}
public struct CDSConfiguration: Sendable {
    public struct Issuer: Sendable {
        public let iss: String
        /// The issuer's JWK Set as JSON, when configured here.
        public let jwks: String?
        /// `jku` URLs this issuer may point to for its key set.
        public let jku: [String]

        public init(iss: String, jwks: String?, jku: [String]) {
            self.iss = iss
            self.jwks = jwks
            self.jku = jku
        }
    }

    /// The address EHRs call BoneMet at, without a trailing slash: `aud` must equal
    /// `{publicURL}/cds-services/{id}` (or `{publicURL}/cds-services` for discovery).
    public let publicURL: String
    public let issuers: [Issuer]
    public let allowedOrigins: [String]
    /// Clock skew allowed on `exp` and `iat` (seconds).
    public let leewaySeconds: Int64
    /// When a hook finds something to say about a patient who has no BoneMet case yet, import
    /// the EHR's data as a case (like `bonemet import`), so the card can link to it. Default
    /// true; false keeps BoneMet from storing anything a CDS call sends (cards then link only
    /// to existing cases).
    public let createCases: Bool

    public init(publicURL: String, issuers: [Issuer], allowedOrigins: [String] = [], leewaySeconds: Int64 = 60, createCases: Bool = true) {
        self.createCases = createCases
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
            issuers.append(Issuer(iss: iss, jwks: jwks, jku: jku))
        }
        guard !issuers.isEmpty else { throw Invalid(field: "issuers", problem: "at least one trusted EHR is required") }
        let leeway = json["leewaySeconds"]?.decimalText.flatMap { Int64($0) } ?? 60
        guard (0...300).contains(leeway) else { throw Invalid(field: "leewaySeconds", problem: "allowed: 0–300") }
        if let flag = json["createCases"], flag.bool == nil { throw Invalid(field: "createCases", problem: "allowed: true, false") }
        return CDSConfiguration(
            publicURL: url, issuers: issuers, allowedOrigins: (json["allowedOrigins"]?.array ?? []).compactMap(\.string), leewaySeconds: leeway,
            createCases: json["createCases"]?.bool ?? true)
    }
}
