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
        var value = ExactDecimal.from(140 - input.ageYears) * ExactDecimal.from(input.weightKg)
        value /= Decimal(72) * ExactDecimal.from(input.serumCreatinineMgDl)
        if input.sex == .female { value *= femaleFactor }
        return ExactDecimal.double(ExactDecimal.rounded(value, scale: 1))
    }
}
