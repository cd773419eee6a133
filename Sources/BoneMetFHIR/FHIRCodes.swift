import BoneMetDomain

/// Code systems and the codes BoneMet reads (../shared/interop/standards.md).
public enum FHIRCodes {
    public static let snomed = "http://snomed.info/sct"
    public static let loinc = "http://loinc.org"
    public static let icd10cm = "http://hl7.org/fhir/sid/icd-10-cm"
    public static let rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm"
    public static let ucum = "http://unitsofmeasure.org"

    /// Secondary malignant neoplasm of bone (SCT 94222008, ICD-10-CM C79.51) or of bone marrow
    /// (SCT 94217008, C79.52). ICD-10-CM codes keep their dot.
    public static func isBoneMetastasis(system: String?, code: String?) -> Bool {
        switch (system, code) {
        case (snomed, "94222008"), (snomed, "94217008"), (icd10cm, "C79.51"), (icd10cm, "C79.52"): true
        default: false
        }
    }

    /// SNOMED CT primary-cancer disorders named in standards.md (and those a real export uses).
    static let snomedPrimaries: [String: PrimarySite] = [
        "254837009": .breast, "254637007": .lung, "424132000": .lung, "399068003": .prostate,
    ]

    /// ICD-10-CM malignant-neoplasm categories (chapter II) by primary site.
    static let icdPrimaries: [(prefixes: [String], site: PrimarySite)] = [
        (["C50"], .breast), (["C34"], .lung), (["C61"], .prostate), (["C64", "C65"], .kidney), (["C73"], .thyroid),
        (["C18"], .colon), (["C19", "C20"], .rectum), (["C16"], .stomach), (["C22"], .liver), (["C23", "C24"], .gallbladder),
        (["C25"], .pancreas), (["C15"], .esophagus), (["C67"], .bladder), (["C53", "C54", "C55"], .uterus),
        (["C00", "C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11", "C12", "C13", "C14", "C30", "C31", "C32"], .headAndNeck),
        (["C43"], .melanoma), (["C7A"], .carcinoid), (["C90.0"], .myeloma), (["C81", "C82", "C83", "C84", "C85"], .lymphoma),
        (["C40", "C41", "C49"], .sarcoma), (["C80"], .unknown),
    ]

    /// The primary site of a primary-cancer condition code, or nil when it is not one.
    public static func primarySite(system: String?, code: String?) -> PrimarySite? {
        guard let code else { return nil }
        switch system {
        case snomed: return snomedPrimaries[code]
        case icd10cm:
            if code.hasPrefix("C79") || code.hasPrefix("C77") || code.hasPrefix("C78") { return nil }
            return icdPrimaries.first { entry in entry.prefixes.contains { code.hasPrefix($0) } }?.site
        default: return nil
        }
    }
}
