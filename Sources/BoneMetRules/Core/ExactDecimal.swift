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

    /// The decimal a person typed as an integer over a power of ten (72.9 → 729, 1): the same
    /// shortest description `from` reads, without Foundation's `Decimal`. Nil for a value written
    /// with an exponent or with more digits than integer arithmetic keeps exact here.
    static func fraction(_ value: Double) -> (numerator: Int, scale: Int)? {
        guard value.isFinite else { return nil }
        var numerator = 0
        var scale = 0
        var afterPoint = false
        var negative = false
        for byte in String(describing: value).utf8 {
            switch byte {
            case UInt8(ascii: "-") where numerator == 0 && !afterPoint: negative = true
            case UInt8(ascii: "."): afterPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // At most 12 digits and 6 decimals: products of a few such stay far inside Int.
                guard numerator < 100_000_000_000, scale < 6 || !afterPoint else { return nil }
                numerator = numerator * 10 + Int(byte - UInt8(ascii: "0"))
                if afterPoint { scale += 1 }
            default: return nil
            }
        }
        return (negative ? -numerator : numerator, scale)
    }

    /// The nearest Double to the decimal, read from its digits: Foundation's `doubleValue`
    /// divides by ten once per decimal place and could land one unit off (9.63 read back as
    /// 9.629999999999999, a value no one typed).
    static func double(_ value: Decimal) -> Double {
        Double(value.description) ?? NSDecimalNumber(decimal: value).doubleValue
    }
}
