import BoneMetRules
import Testing

/// Cockcroft DW, Gault MH. Nephron 1976;16:31-41; Zometa prescribing information (reference.md).
@Suite struct RenalTests {
    @Test func cockcroftGaultWorkedExamples() {
        // (140 − 60) × 72 / (72 × 1.0) = 80.0.
        #expect(CockcroftGault.clearance(.init(sex: .male, ageYears: 60, weightKg: 72, serumCreatinineMgDl: 1.0)) == 80.0)
        // Female × 0.85: 80.0 × 0.85 = 68.0.
        #expect(CockcroftGault.clearance(.init(sex: .female, ageYears: 60, weightKg: 72, serumCreatinineMgDl: 1.0)) == 68.0)
        // (140 − 65) × 60 / (72 × 1.2) = 52.083… → 52.1.
        #expect(CockcroftGault.clearance(.init(sex: .male, ageYears: 65, weightKg: 60, serumCreatinineMgDl: 1.2)) == 52.1)
    }

    @Test func exactly81IsNotPrintedAs80Point9() throws {
        // reference.md: a public example rounds 81.0 to 80.9. (140 − 59) × 72.9 / (72 × 1.0125)… use a clean one:
        // (140 − 59) × 72 / (72 × 1.0) = 81.0 exactly; and 0.1-step decimals stay exact.
        #expect(CockcroftGault.clearance(.init(sex: .male, ageYears: 59, weightKg: 72, serumCreatinineMgDl: 1.0)) == 81.0)
        #expect(CockcroftGault.clearance(.init(sex: .male, ageYears: 60, weightKg: 72.9, serumCreatinineMgDl: 1.0)) == 81.0)
        let report = try run("crcl", ["sex": "male", "age": 60, "weightKg": 72.9, "serumCreatinineMgDl": 1.0])
        #expect(report.values["crclMlMin"]?.serialized() == "81.0")
    }

    @Test func halfRoundsUp() {
        // (140 − 95) × 51 / (72 × 1.25) = 25.5 exactly → stays 25.5; (140 − 95) × 50.1 / (72 × 1.25) = 25.05 → 25.1.
        #expect(CockcroftGault.clearance(.init(sex: .male, ageYears: 95, weightKg: 50.1, serumCreatinineMgDl: 1.25)) == 25.1)
    }

    @Test func micromolConversion() throws {
        #expect(CockcroftGault.milligramsPerDecilitre(fromMicromolPerLitre: 88.4) == 1.0)
        #expect(CockcroftGault.milligramsPerDecilitre(fromMicromolPerLitre: 106) == 1.2)
        let mg = try run("crcl", ["sex": "male", "age": 60, "weightKg": 72, "serumCreatinineMgDl": 1.0])
        let umol = try run("crcl", ["sex": "male", "age": 60, "weightKg": 72, "serumCreatinineUmolL": 88.4])
        #expect(mg.double("crclMlMin") == umol.double("crclMlMin"))
    }

    @Test(arguments: [
        (60.1, 4.0), (60.0, 3.5), (50.0, 3.5), (49.9, 3.3), (40.0, 3.3), (39.9, 3.0), (30.0, 3.0),
    ])
    func zoledronicDoseBoundaries(crcl: Double, dose: Double) throws {
        let report = try run("zoledronicDose", ["crclMlMin": .double(crcl)])
        #expect(report.double("doseMg") == dose)
        #expect(report.bool("recommended") == true)
    }

    @Test func acceptanceScenario10() throws {
        // seed-summary.md scenario 10: CrCl 35 → 3.0 mg; CrCl 25 → not recommended, denosumab with precautions.
        let thirtyFive = try run("zoledronicDose", ["crclMlMin": 35])
        #expect(thirtyFive.double("doseMg") == 3.0)
        #expect(thirtyFive.specialty == .medicalOncology)
        let twentyFive = try run("zoledronicDose", ["crclMlMin": 25])
        #expect(twentyFive.isNull("doseMg"))
        #expect(twentyFive.bool("recommended") == false)
        #expect(twentyFive.band?.recommendation.en.contains("denosumab") == true)
        #expect(twentyFive.band?.recommendation.en.contains("hypocalcaemia") == true)
        let below = try run("zoledronicDose", ["crclMlMin": 29.9])
        #expect(below.isNull("doseMg"))
    }

    @Test func crclCarriesTheDose() throws {
        let report = try run("crcl", ["sex": "female", "age": 80, "weightKg": 50, "serumCreatinineMgDl": 1.2])
        // (60 × 50) / (72 × 1.2) × 0.85 = 29.513… → 29.5 → not recommended.
        #expect(report.double("crclMlMin") == 29.5)
        #expect(report.isNull("zoledronicAcidDoseMg"))
    }

    @Test func renalCheckNormalBaselineRiseOfHalfWithholds() throws {
        let at = try run("zoledronicRenalCheck", ["baselineCreatinineMgDl": 1.0, "currentCreatinineMgDl": 1.5])
        #expect(at.bool("withhold") == true)
        #expect(at.double("resumeAtOrBelowMgDl") == 1.1)
        let below = try run("zoledronicRenalCheck", ["baselineCreatinineMgDl": 1.0, "currentCreatinineMgDl": 1.49])
        #expect(below.bool("withhold") == false)
        // Decimal arithmetic: 1.2 − 0.7 is exactly 0.5 (binary floating point says 0.4999…).
        let decimal = try run("zoledronicRenalCheck", ["baselineCreatinineMgDl": 0.7, "currentCreatinineMgDl": 1.2])
        #expect(decimal.bool("withhold") == true)
    }

    @Test func renalCheckAbnormalBaselineNeedsARiseOfOne() {
        // Baseline 1.39 is normal (< 1.4): +0.5 withholds. Baseline 1.4 is abnormal: +0.5 does not, +1.0 does.
        #expect(ZoledronicAcid.renalCheck(baselineCreatinineMgDl: 1.39, currentCreatinineMgDl: 1.89).withhold)
        #expect(!ZoledronicAcid.renalCheck(baselineCreatinineMgDl: 1.4, currentCreatinineMgDl: 1.9).baselineNormal)
        #expect(!ZoledronicAcid.renalCheck(baselineCreatinineMgDl: 1.4, currentCreatinineMgDl: 2.39).withhold)
        #expect(ZoledronicAcid.renalCheck(baselineCreatinineMgDl: 1.4, currentCreatinineMgDl: 2.4).withhold)
    }

    @Test func resumeLimitNeverExceedsTenPercent() {
        // 1.15 × 1.1 = 1.265: the limit is 1.26, never 1.27.
        #expect(ZoledronicAcid.renalCheck(baselineCreatinineMgDl: 1.15, currentCreatinineMgDl: 2).resumeAtOrBelowMgDl == 1.26)
    }

    @Test func outOfRangeInputsNameTheField() {
        #expect(inputError("crcl", .object(["sex": "male", "age": 200, "weightKg": 70, "serumCreatinineMgDl": 1]))?.field == "age")
        #expect(inputError("crcl", .object(["sex": "male", "age": 60, "weightKg": -70, "serumCreatinineMgDl": 1]))?.field == "weightKg")
        #expect(inputError("crcl", .object(["sex": "male", "age": 60, "weightKg": 70]))?.field == "serumCreatinineMgDl")
        #expect(inputError("crcl", .object(["age": 60, "weightKg": 70, "serumCreatinineMgDl": 1]))?.problem == .missing)
        #expect(inputError("crcl", .object(["sex": "male", "age": 60, "weightKg": 70, "serumCreatinineMgDl": 1, "serumCreatinineUmolL": 88]))?.field == "serumCreatinineUmolL")
    }
}
