import BoneMetRules
import Testing

/// Katagiri H et al. Cancer Med 2014;3:1359-67 (table in reference.md).
@Suite struct KatagiriTests {
    @Test func lungWithoutTargetedTherapyNodularVisceralAbnormalLabs() throws {
        // Rapid 3 + nodular 1 + abnormal (CRP 1.2 ≥ 0.4) 1 + ECOG 1 (0) + chemo 1 + multiple 1 = 7 → high.
        let report = try run("katagiri", Calculators.all.first { $0.name == "katagiri" }?.example ?? JSONObject())
        #expect(report.int("score") == 7)
        #expect(report.string("risk") == "high")
        #expect(report.string("labsTier") == "abnormal")
        #expect(report.band?.meaning.en.contains("6-month survival about 27 %") == true)
    }

    @Test func hormoneDependentBreastIsSlowHormoneIndependentIsModerate() throws {
        let slow = try run("katagiri", [
            "primary": "breast", "hormoneDependent": true, "visceralMets": "none", "labs": "normal", "ecog": 0,
            "previousChemotherapy": false, "multipleSkeletalMets": false,
        ])
        #expect(slow.int("score") == 0)
        #expect(slow.string("risk") == "low")
        let moderate = try run("katagiri", [
            "primary": "breast", "hormoneDependent": false, "visceralMets": "none", "labs": "normal", "ecog": 0,
            "previousChemotherapy": false, "multipleSkeletalMets": false,
        ])
        #expect(moderate.int("score") == 2)
    }

    @Test func breastWithoutHormoneStatusGivesARangeAndAsks() throws {
        let report = try run("katagiri", [
            "primary": "breast", "visceralMets": "none", "labs": "normal", "ecog": 0, "previousChemotherapy": false,
            "multipleSkeletalMets": false,
        ])
        #expect(report.int("min") == 0)
        #expect(report.int("max") == 2)
        #expect(report.missing == ["hormoneDependent"])
    }

    @Test(arguments: [(3, "low"), (4, "intermediate"), (6, "intermediate"), (7, "high"), (0, "low"), (10, "high")])
    func riskBoundaries(total: Int, risk: String) {
        #expect(Katagiri.Risk.of(total: total).rawValue == risk)
    }

    @Test func ecogBoundaryIsThree() throws {
        for (ecog, points) in [(2, 0), (3, 1), (4, 1)] {
            let report = try run("katagiri", ["ecog": .int(ecog)])
            #expect(report.components.first { $0.key == "ecog" }?.points == points)
        }
        #expect(inputError("katagiri", .object(["ecog": 5]))?.field == "ecog")
    }

    @Test func everyLaboratoryThresholdFromBothSides() {
        typealias Values = Katagiri.LabValues
        let normal = Values(crpMgDl: 0.39, ldhIuL: 249, albuminGDl: 3.7, plateletsPerUl: 100_000, calciumMgDl: 10.29, bilirubinMgDl: 1.39)
        #expect(Katagiri.labTier(normal).possible == 0...0)
        var v = normal; v.crpMgDl = 0.4
        #expect(Katagiri.labTier(v).possible == 1...1)
        v = normal; v.ldhIuL = 250
        #expect(Katagiri.labTier(v).possible == 1...1)
        v = normal; v.albuminGDl = 3.69
        #expect(Katagiri.labTier(v).possible == 1...1)
        v = normal; v.plateletsPerUl = 99_999
        #expect(Katagiri.labTier(v).possible == 2...2)
        v = normal; v.calciumMgDl = 10.3
        #expect(Katagiri.labTier(v).possible == 2...2)
        v = normal; v.bilirubinMgDl = 1.4
        #expect(Katagiri.labTier(v).possible == 2...2)
        // The worse tier wins, at most 2.
        v = normal; v.crpMgDl = 5; v.bilirubinMgDl = 3
        #expect(Katagiri.labTier(v).possible == 2...2)
    }

    @Test func partialLaboratoryValuesNarrowTheTier() {
        // One critical value decides alone.
        #expect(Katagiri.labTier(.init(plateletsPerUl: 50_000)).possible == 2...2)
        // An abnormal value with critical ones unknown: 1 or 2, and only the critical values are missing.
        let partial = Katagiri.labTier(.init(crpMgDl: 1))
        #expect(partial.possible == 1...2)
        #expect(partial.missing == ["plateletsPerUl", "calciumMgDl", "bilirubinMgDl"])
        // All critical values normal, abnormal ones unknown: 0 or 1.
        #expect(Katagiri.labTier(.init(plateletsPerUl: 200_000, calciumMgDl: 9, bilirubinMgDl: 0.5)).possible == 0...1)
    }

    @Test func labLabelAndRawValuesAreExclusive() {
        let error = inputError("katagiri", .object(["labs": "normal", "crpMgDl": 1]))
        #expect(error?.field == "crpMgDl")
        #expect(error?.message(.en).contains("labs") == true)
    }

    @Test func primariesTheSourcesDisagreeOnNeedPrimaryGrowth() throws {
        let report = try run("katagiri", ["primary": "other"])
        #expect(report.components.first?.possible == 2...3)
        #expect(report.missing.first == "primaryGrowth")
        #expect(Katagiri.growth(of: .lung, hormoneDependent: nil, targetedTherapy: true) == .moderate)
        #expect(Katagiri.growth(of: .lung, hormoneDependent: nil, targetedTherapy: false) == .rapid)
        #expect(Katagiri.growth(of: .myeloma, hormoneDependent: nil, targetedTherapy: nil) == .slow)
    }
}
