import Foundation

/// Decimal arithmetic for clinical numbers typed in decimal (creatinine 1.2, weight 72.9), so
/// that thresholds and rounding behave as on paper: 1.2 − 0.7 is 0.5, not 0.49999999999999994,
/// and a Cockcroft–Gault result of exactly 81.0 never prints as 80.9.
enum ExactDecimal {
    /// The decimal a person typed: Swift's shortest round-trip description of the Double.
    static func from(_ value: Double) -> Decimal {
        Decimal(string: String(describing: value), locale: posix) ?? Decimal(value)
    }

    /// Made once: a `Locale` per conversion was most of Cockcroft–Gault's cost in an assessment.
    private static let posix = Locale(identifier: "en_US_POSIX")

    static func from(_ value: Int) -> Decimal { Decimal(value) }

    /// Rounds to `scale` decimal places: half away from zero by default; `.down` where a limit
    /// must never be exceeded by rounding.
    static func rounded(_ value: Decimal, scale: Int, mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, mode)
        return result
    }

    static func double(_ value: Decimal) -> Double {
        NSDecimalNumber(decimal: value).doubleValue
    }
}
