import BoneMetDomain

/// Code systems and the codes BoneMet reads (../shared/interop/standards.md).
public enum FHIRCodes {
    public static let snomed = "http://snomed.info/sct"
    public static let loinc = "http://loinc.org"
    public static let icd10cm = "http://hl7.org/fhir/sid/icd-10-cm"
    public static let rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm"
    public static let ucum = "http://unitsofmeasure.org"

    /// The code systems EHRs send by their HL7 OID (CDA-derived and v2-derived FHIR does) instead
    /// of the URI FHIR requires — read as that URI. The OIDs are HL7's terminology registry's
    /// (FHIR NamingSystem "terminologies"; US Core terminology page). An EHR's Condition coded
    /// `urn:oid:2.16.840.1.113883.6.3|C79.5` was recognised by its text only.
    static let systemsByOID: [String: String] = [
        "2.16.840.1.113883.6.96": snomed,
        "2.16.840.1.113883.6.1": loinc,
        "2.16.840.1.113883.6.3": "http://hl7.org/fhir/sid/icd-10",
        "2.16.840.1.113883.6.90": icd10cm,
        "2.16.840.1.113883.6.88": rxnorm,
        "2.16.840.1.113883.6.73": "http://www.whocc.no/atc",
        "2.16.840.1.113883.6.8": ucum,
    ]

    /// A coding's system as the rules compare it: a known OID (`urn:oid:…`, or the bare OID) as
    /// its URI, a URI with a trailing slash without it; anything else as sent.
    public static func canonicalSystem(_ system: String?) -> String? {
        guard let system, !system.isEmpty else { return system }
        let oid = system.hasPrefix("urn:oid:") ? String(system.dropFirst("urn:oid:".count)) : system
        if let uri = systemsByOID[oid] { return uri }
        if system.hasSuffix("/"), system.hasPrefix("http") { return String(system.dropLast()) }
        return system
    }

    /// A bone-metastasis code by value set (SNOMED table, ICD-10 C79.5x in any edition).
    public static func isBoneMetastasis(system: String?, code: String?) -> Bool {
        CancerCodes.classify(system: system, code: code) == .boneMetastasis
    }

    /// The primary site of a primary-cancer condition code by value set, or nil.
    public static func primarySite(system: String?, code: String?) -> PrimarySite? {
        if case .primary(let site, _) = CancerCodes.classify(system: system, code: code) { return site }
        return nil
    }
}
