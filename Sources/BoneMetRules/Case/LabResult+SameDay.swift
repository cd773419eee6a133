import Foundation

/// Two results of one test on one day (a repeat draw, a point-of-care value beside the
/// laboratory's, one report entered twice): the record holds no time of day, so neither is the
/// later. The rules read the one a clinician must act on — the more abnormal in the direction
/// that changes treatment — and `diagnosis.record.sameDayConflict` names the pair. Before rule set
/// 2026.12.316 the higher number written won: calcium 8.9 and 7.5 mg/dL of one morning read 8.9
/// and let a denosumab dose through that its label holds for hypocalcaemia (unseen record cb82-f).
extension LabTest {
    /// How far a value lies towards the end that changes treatment: of two results of one day,
    /// the larger is read.
    func sameDayConcern(_ canonical: Double) -> Double {
        switch self {
        // Renal dosing (zoledronic acid by CrCl, the renal hold) and the markers of disease
        // activity: the higher result.
        case .creatinine, .crp, .ldh, .bilirubin, .alkalinePhosphatase, .mProtein,
            .cea, .ca153, .ca125, .ca199, .psa, .afp, .cyfra211, .nse, .otherMarker:
            canonical
        // A castrate level (< 50 ng/dL, PCWG3) is what settles castration resistance: the higher
        // result does not claim it.
        case .testosterone: canonical
        // Kidney function, nutrition, marrow: the lower result (radium-223's counts, the
        // Katagiri abnormal values, the myeloma differential's anaemia and eGFR < 40).
        case .egfr, .albumin, .hemoglobin, .platelets, .lymphocytes: -canonical
        // Both ends act (hypercalcaemia, hypocalcaemia before a bone agent): the farther from the
        // middle of the usual range, 8.5–10.5 mg/dL.
        case .calcium: abs(canonical - 9.5)
        // A ratio abnormal either way (κ or λ): the farther from 1 on the ratio's own scale.
        case .freeLightChainRatio: canonical > 0 ? abs(log(canonical)) : .infinity
        }
    }
}

extension LabResult {
    /// Orders results oldest first; of one test on one day, the one read (`sameDayConcern`) last,
    /// so a reader taking the latest result takes it.
    static func recordOrder(_ a: LabResult, _ b: LabResult) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.test != b.test { return a.test.rawValue < b.test.rawValue }
        let concernA = a.canonicalValue.map(a.test.sameDayConcern) ?? -.infinity
        let concernB = b.canonicalValue.map(b.test.sameDayConcern) ?? -.infinity
        if concernA != concernB { return concernA < concernB }
        return a.value < b.value
    }

    /// Two results of one test and one day that disagree beyond the rounding between units
    /// (3 % of the larger: 92 g/L written beside 9 g/dL is 2 %; 88 µmol/L beside 1.0 mg/dL 0.5 %).
    func disagrees(with other: LabResult) -> Bool {
        guard test == other.test, date == other.date else { return false }
        guard let a = canonicalValue, let b = other.canonicalValue else { return false }
        if test.isTumourMarker, unit != other.unit { return false }
        return abs(a - b) > 0.03 * max(abs(a), abs(b))
    }
}
