@testable import BoneMetRules
import Testing

/// Cockcroft–Gault on integers (`exactClearance`) must give what the decimal arithmetic gives
/// (`decimalClearance`, Foundation's `Decimal`) to the last digit, at every rounding boundary:
/// both are exact; only the cost differs (issue #12).
@Suite struct CockcroftGaultExactTests {
    @Test func integersAndDecimalsAgreeOnTypedValues() {
        var generator = AssessmentPropertyTests.Generator(state: 1976)
        var compared = 0
        for _ in 0..<20_000 {
            // Values as typed: weight to 0–2 decimals, creatinine to 0–3 decimals (or µmol/L ÷ 88.4
            // to two, as the laboratory converts), ages across the adult range.
            let weightScale = [1.0, 10.0, 100.0][Int.random(in: 0...2, using: &generator)]
            let weight = Double(Int.random(in: 300...1_800, using: &generator) * Int(weightScale) / 10) / weightScale
            let creatinine = Bool.random(using: &generator)
                ? Double(Int.random(in: 20...1_200, using: &generator)) / [10.0, 100.0, 1_000.0][Int.random(in: 0...2, using: &generator)]
                : CockcroftGault.milligramsPerDecilitre(fromMicromolPerLitre: Double(Int.random(in: 20...1_500, using: &generator)))
            guard creatinine > 0, weight > 0 else { continue }
            let input = CockcroftGault.Input(
                sex: Bool.random(using: &generator) ? .female : .male, ageYears: Int.random(in: 18...120, using: &generator),
                weightKg: weight, serumCreatinineMgDl: creatinine)
            let exact = CockcroftGault.exactClearance(input)
            #expect(exact == CockcroftGault.decimalClearance(input), "\(input)")
            if exact != nil { compared += 1 }
            if compared != 0 && exact == nil { Issue.record("no integer result for \(input)") }
        }
        #expect(compared > 19_000)
    }

    /// Half away from zero exactly at .x5: (140 − 59) × 72 / (72 × 1.0) = 81.0; 60 y, 72.9 kg,
    /// 1.0 mg/dL = 80.99 → 81.0; 40 y, 65 kg, 2.4 mg/dL = 37.615… → 37.6; a weight of 66.6 kg
    /// at 60 y and 1.6 mg/dL is 46.25 exactly → 46.3 (a binary double would round it down).
    @Test func roundingBoundaries() {
        #expect(CockcroftGault.exactClearance(.init(sex: .male, ageYears: 59, weightKg: 72, serumCreatinineMgDl: 1.0)) == 81.0)
        #expect(CockcroftGault.exactClearance(.init(sex: .male, ageYears: 60, weightKg: 72.9, serumCreatinineMgDl: 1.0)) == 81.0)
        #expect(CockcroftGault.exactClearance(.init(sex: .male, ageYears: 40, weightKg: 65, serumCreatinineMgDl: 2.4)) == 37.6)
        #expect(CockcroftGault.exactClearance(.init(sex: .male, ageYears: 60, weightKg: 66.6, serumCreatinineMgDl: 1.6)) == 46.3)
        #expect(CockcroftGault.decimalClearance(.init(sex: .male, ageYears: 60, weightKg: 66.6, serumCreatinineMgDl: 1.6)) == 46.3)
        // A woman of 50, 90 kg, creatinine 1.02: 8 100 × 0.85 ÷ 73.44 = 93.75 exactly → 93.8 (the
        // decimal path read 93.7 while it multiplied by 0.85 after a rounded division) — at
        // 39.95 or 59.95 that rounding decides a zoledronic-acid dose band.
        #expect(CockcroftGault.clearance(.init(sex: .female, ageYears: 50, weightKg: 90, serumCreatinineMgDl: 1.02)) == 93.8)
        #expect(CockcroftGault.decimalClearance(.init(sex: .female, ageYears: 50, weightKg: 90, serumCreatinineMgDl: 1.02)) == 93.8)
    }

    @Test func valuesWithAnExponentGoToTheDecimalPath() {
        #expect(ExactDecimal.fraction(72.9).map { $0.numerator == 729 && $0.scale == 1 } == true)
        #expect(ExactDecimal.fraction(1e-7) == nil)
        #expect(ExactDecimal.fraction(.nan) == nil)
        #expect(CockcroftGault.clearance(.init(sex: .male, ageYears: 60, weightKg: 72, serumCreatinineMgDl: 1e-7)) > 0)
    }
}
