/// Values a laboratory can report from a living patient, in the test's canonical unit. They are
/// limits of measurement, not clinical thresholds: wide enough for the extremes case reports
/// describe, narrow enough that a value in the test's other unit falls outside — a creatinine of
/// 88 µmol/L written as mg/dL, a calcium of 2.35 mmol/L or an albumin of 36 g/L read as the
/// first unit of a unit-less export. Read so, they made a CrCl of 0.7 mL/min ("zoledronic acid
/// not recommended"), a grade 4 hypocalcaemia of −23 mg/dL and New Katagiri's "platelets
/// 85/µL — critical" (cb22-a, rule set 2026.12.124). Where the two units' ranges overlap (a CRP
/// of 3: mg/dL or mg/L) nothing tells them apart, and the unit must be written.
/// Conversion factors: Young DS. Ann Intern Med 1987;106:114-29 (SI units for clinical data).
extension LabTest {
    /// Nil: any value (tumour markers are kept as reported).
    public var plausibleCanonical: ClosedRange<Double>? {
        switch self {
        case .creatinine: 0.1...40  // mg/dL = 8.8–3 536 µmol/L
        case .egfr: 0...300
        case .calcium: 3...25  // mg/dL = 0.75–6.24 mmol/L
        case .albumin: 0.5...7  // g/dL = 5–70 g/L
        case .hemoglobin: 1.5...25  // g/dL = 15–250 g/L
        case .platelets: 1_000...5_000_000  // /µL = 1–5 000 × 10^9/L (analysers report lower counts as "< 1")
        case .lymphocytes: 0.01...1_000  // 10^9/L = 10–1 000 000 /µL
        case .crp: 0...100  // mg/dL = 0–1 000 mg/L
        case .ldh, .alkalinePhosphatase: 1...100_000
        case .bilirubin: 0.05...60  // mg/dL = 0.9–1 026 µmol/L
        case .mProtein: 0...20  // g/dL = 0–200 g/L
        case .freeLightChainRatio: 0.0001...100_000
        case .testosterone: 0...3_000  // ng/dL = 0–104 nmol/L (castrate levels overlap the units: write the unit)
        case .cea, .ca153, .ca125, .ca199, .psa, .afp, .cyfra211, .nse, .otherMarker: nil
        }
    }

    /// Whether a value in one of this test's units is one a laboratory can report.
    public func isPlausible(_ value: Double, unit: String) -> Bool {
        guard let range = plausibleCanonical else { return true }
        guard let factor = factor(for: unit) else { return false }
        return range.contains(value * factor)
    }

    /// The units (one spelling each) under which a value is plausible: a unit-less result is read
    /// in the one that fits, and a result implausible as written names the one it would fit.
    public func plausibleUnits(for value: Double) -> [String] {
        guard plausibleCanonical != nil else { return units.first.map { [$0.unit] } ?? [] }
        var factors: Set<Double> = []
        return units.compactMap { unit in
            guard !readOnlyWhenWritten.contains(unit.unit),
                factors.insert(unit.factor).inserted, isPlausible(value, unit: unit.unit) else { return nil }
            return unit.unit
        }
    }

    /// Units read only when the result writes them: creatinine in mmol/L (0.071) is rare, and
    /// a unit-less creatinine of 0.8 is mg/dL — were mmol/L inferred as well, it would fit both.
    var readOnlyWhenWritten: Set<String> { self == .creatinine ? ["mmol/L"] : [] }

    /// The unit a result without one is read in: the one unit its value is possible in ("" for a
    /// tumour marker, kept as reported); nil when none or several fit.
    public func onlyPlausibleUnit(for value: Double) -> String? {
        if isTumourMarker { return "" }
        let fitting = plausibleUnits(for: value)
        return fitting.count == 1 ? fitting[0] : nil
    }

    /// The plausible range in a unit of this test: "0.1–40 mg/dL".
    public func plausibleRangeText(in unit: String) -> String? {
        guard let range = plausibleCanonical, let factor = factor(for: unit), factor > 0 else { return nil }
        return "\(Self.text(range.lowerBound / factor))–\(Self.text(range.upperBound / factor)) \(unit)"
    }

    /// A value as a reader writes it: whole above 100, else to two decimals (four below 0.1),
    /// without trailing zeros — "3536", "0.75", "0.0001".
    public static func text(_ value: Double) -> String {
        let scale = value >= 100 ? 1.0 : value >= 0.1 ? 100 : 10_000
        let rounded = (value * scale).rounded() / scale
        guard rounded.isFinite, abs(rounded) < 1e15 else { return String(value) }
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension LabResult {
    /// A value a laboratory can report in the unit written (tumour markers: always).
    public var isPlausible: Bool { test.isPlausible(value, unit: unit) }
}

extension LabTest {
    /// Castrate testosterone (PCWG3, Scher HI et al. J Clin Oncol 2016;34:1402-18: < 50 ng/dL,
    /// 1.7 nmol/L): read by the castration rules, and by the FHIR import for a result sent as a
    /// bound ("< 0.35 nmol/L", below the assay's detection).
    public static let castrateTestosteroneNgDl = 50.0
}
