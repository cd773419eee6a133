import BoneMetDomain

/// Code systems and the codes BoneMet reads (../shared/interop/standards.md).
public enum FHIRCodes {
    public static let snomed = "http://snomed.info/sct"
    public static let loinc = "http://loinc.org"
    public static let icd10cm = "http://hl7.org/fhir/sid/icd-10-cm"
    public static let rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm"
    public static let ucum = "http://unitsofmeasure.org"

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
