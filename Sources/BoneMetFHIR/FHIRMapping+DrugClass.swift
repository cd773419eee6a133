import BoneMetDomain

/// The class of a cancer drug from its ATC code (WHO Collaborating Centre for Drug Statistics
/// Methodology, ATC index; L01E and L01F since 2022), so that an imported regimen says whether
/// it was chemotherapy, endocrine, targeted or immunotherapy — New Katagiri scores "previous
/// chemotherapy" and lung cancer "with molecular targeted therapy" from it (Katagiri 2014),
/// and the class was never set on import.
extension FHIRCaseMapper {
    static func systemicClass(atc codes: [String]) -> SystemicClass? {
        let classes = codes.compactMap(systemicClass(atc:))
        // One drug has one class; a coding list naming two classes is left unclassified.
        guard let first = classes.first, classes.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    private static func systemicClass(atc code: String) -> SystemicClass? {
        let code = code.uppercased()
        // PD-1/PD-L1 inhibitors; CTLA-4 (ipilimumab, L01FX04).
        if code.hasPrefix("L01FF") || code == "L01FX04" { return .immunotherapy }
        // Protein kinase inhibitors (L01E; L01XE before 2022) and other monoclonal antibodies
        // (L01F; L01XC before 2022): HER2, EGFR, VEGF, CD20, CD38 …
        if code.hasPrefix("L01E") || code.hasPrefix("L01F") || code.hasPrefix("L01XE") || code.hasPrefix("L01XC") { return .targeted }
        // Alkylating agents, antimetabolites, plant alkaloids, cytotoxic antibiotics, platinum.
        if ["L01A", "L01B", "L01C", "L01D", "L01XA"].contains(where: code.hasPrefix) { return .chemotherapy }
        // Endocrine therapy: hormones and hormone antagonists (tamoxifen, letrozole, abiraterone).
        if code.hasPrefix("L02") { return .endocrine }
        // Therapeutic radiopharmaceuticals (radioiodine, radium-223, lutetium-177): not chemotherapy.
        if code.hasPrefix("V10X") { return .other }
        return nil
    }
}
