import Foundation

/// Cockcroft–Gault creatinine clearance (Cockcroft DW, Gault MH. Nephron 1976;16:31-41):
/// CrCl = (140 − age) × weight kg / (72 × SCr mg/dL), × 0.85 if female; SCr µmol/L ÷ 88.4 = mg/dL.
/// Computed in decimal and rounded half-up to one decimal, so 81.0 stays 81.0 (reference.md lists
/// a public example that prints 80.9).
public enum CockcroftGault {
    public enum Sex: String, InputEnum, Codable {
        case male, female
        public var label: LocalizedText {
            switch self {
            case .male: LocalizedText(en: "male", zh: "男")
            case .female: LocalizedText(en: "female", zh: "女")
            }
        }
    }

    public struct Input: Sendable, Hashable, Codable {
        public var sex: Sex
        public var ageYears: Int
        public var weightKg: Double
        public var serumCreatinineMgDl: Double

        public init(sex: Sex, ageYears: Int, weightKg: Double, serumCreatinineMgDl: Double) {
            self.sex = sex
            self.ageYears = ageYears
            self.weightKg = weightKg
            self.serumCreatinineMgDl = serumCreatinineMgDl
        }
    }

    public static let micromolPerMilligram = Decimal(string: "88.4") ?? 88
    /// × 0.85 if female (Cockcroft & Gault 1976), parsed once.
    static let femaleFactor = Decimal(sign: .plus, exponent: -2, significand: 85)

    /// Serum creatinine µmol/L → mg/dL, rounded to two decimals as a laboratory reports it.
    public static func milligramsPerDecilitre(fromMicromolPerLitre value: Double) -> Double {
        let exact = ExactDecimal.from(value) / micromolPerMilligram
        return ExactDecimal.double(ExactDecimal.rounded(exact, scale: 2))
    }

    /// Creatinine clearance in mL/min, rounded to one decimal.
    public static func clearance(_ input: Input) -> Double {
        exactClearance(input) ?? decimalClearance(input)
    }

    /// The same arithmetic on integers: with weight = w / 10^a and creatinine = c / 10^b as
    /// typed, CrCl × 10 = (140 − age) × w × 10^b × 10 × (85 if female, else 100) ÷
    /// (72 × c × 10^a × 100), rounded half away from zero — exact, as the decimal path, and an
    /// order of magnitude cheaper than Foundation's `Decimal` (issue #12: 4 % of an assessment).
    /// Nil where a product would not fit (then the decimal path answers).
    static func exactClearance(_ input: Input) -> Double? {
        guard let weight = ExactDecimal.fraction(input.weightKg), let creatinine = ExactDecimal.fraction(input.serumCreatinineMgDl),
            creatinine.numerator != 0
        else { return nil }
        var powerOfWeight = 1
        for _ in 0..<weight.scale { powerOfWeight *= 10 }
        var powerOfCreatinine = 1
        for _ in 0..<creatinine.scale { powerOfCreatinine *= 10 }
        let factor = input.sex == .female ? 85 : 100
        let (a, o1) = (140 - input.ageYears).multipliedReportingOverflow(by: weight.numerator)
        let (b, o2) = a.multipliedReportingOverflow(by: powerOfCreatinine * 10 * factor)
        let (d, o3) = (72 * 100 * powerOfWeight).multipliedReportingOverflow(by: creatinine.numerator)
        guard !o1, !o2, !o3 else { return nil }
        let negative = (b < 0) != (d < 0)
        let (quotient, remainder) = b.magnitude.quotientAndRemainder(dividingBy: d.magnitude)
        let rounded = Int(quotient) + (remainder * 2 >= d.magnitude ? 1 : 0)
        return Double(negative ? -rounded : rounded) / 10
    }

    /// Foundation's `Decimal`, for values the integer path does not hold.
    static func decimalClearance(_ input: Input) -> Double {
        var value = ExactDecimal.from(140 - input.ageYears) * ExactDecimal.from(input.weightKg)
        // × 0.85 before the division: after it, a quotient cut at Decimal's 38 digits turned an
        // exact 93.75 (a woman of 50, 90 kg, creatinine 1.02) into 93.749… and 93.7.
        if input.sex == .female { value *= femaleFactor }
        value /= Decimal(72) * ExactDecimal.from(input.serumCreatinineMgDl)
        return ExactDecimal.double(ExactDecimal.rounded(value, scale: 1))
    }
}
