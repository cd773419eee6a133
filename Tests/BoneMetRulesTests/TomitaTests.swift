import BoneMetRules
import Testing

/// Tomita K et al. Spine 2001;26:298-306 (table in reference.md).
@Suite struct TomitaTests {
    @Test func rapidGrowthIsFourPointsNotThree() throws {
        // One review prints rapid = 3; the 2–10 range needs 4.
        #expect(Tomita.growthPoints(.rapid) == 4)
        let worst = try run("tomita", ["primary": "lung", "visceralMets": "untreatable", "boneMets": "multiple"])
        #expect(worst.int("score") == 10)
        #expect(worst.string("strategy") == "supportiveCare")
        let best = try run("tomita", ["primary": "breast", "visceralMets": "none", "boneMets": "solitary"])
        #expect(best.int("score") == 2)
        #expect(best.string("strategy") == "wideOrMarginalExcision")
    }

    @Test func solitaryRenalMetastasisIs3() throws {
        // Kidney (moderate 2) + no visceral (0) + solitary (1) = 3 → wide or marginal excision.
        let report = try run("tomita", ["primary": "kidney", "visceralMets": "none", "boneMets": "solitary"])
        #expect(report.int("score") == 3)
        #expect(report.band?.recommendation.en == "wide or marginal excision")
    }

    @Test(arguments: [
        (3, "wideOrMarginalExcision"), (4, "marginalOrIntralesionalExcision"), (5, "marginalOrIntralesionalExcision"),
        (6, "palliativeSurgery"), (7, "palliativeSurgery"), (8, "supportiveCare"),
    ])
    func strategyBoundaries(total: Int, strategy: String) {
        #expect(Tomita.Strategy.of(total: total).rawValue == strategy)
    }

    @Test func aPrimaryWithoutATomitaClassAsksForPrimaryGrowth() throws {
        let report = try run("tomita", ["primary": "melanoma", "visceralMets": "none", "boneMets": "solitary"])
        #expect(report.isNull("score"))
        #expect(report.int("min") == 2)
        #expect(report.int("max") == 5)
        #expect(report.missing == ["primaryGrowth"])
        #expect(report.advice.contains(where: { $0.en.contains("primaryGrowth") }))
        let given = try run("tomita", ["primary": "melanoma", "primaryGrowth": "rapid", "visceralMets": "none", "boneMets": "solitary"])
        #expect(given.int("score") == 5)
    }
}
