import BoneMetRules
import Testing

/// Tokuhashi Y et al. Spine 2005;30:2186-91 (revised score; table in reference.md).
@Suite struct TokuhashiTests {
    @Test func breastCancerSolitarySpinalLesionGoodConditionIs14() throws {
        // KPS 80 (2) + no extraspinal foci (2) + 1 vertebra (2) + no visceral (2) + breast (5) + Frankel E (2) = 15;
        // with one extraspinal focus (1) = 14 → ≥ 1 year.
        let report = try run("tokuhashi", [
            "kps": 80, "extraspinalBoneMets": 1, "vertebralBodyMets": 1, "visceralMets": "none", "primary": "breast",
            "frankel": "E",
        ])
        #expect(report.int("score") == 14)
        #expect(report.string("prognosis") == "atLeast1Year")
        #expect(report.band?.recommendation.en == "excisional surgery")
    }

    @Test func lungCancerPoorConditionIsLessThan6Months() throws {
        // KPS 40 (0) + ≥ 3 extraspinal (0) + ≥ 3 vertebrae (0) + unremovable (0) + lung (0) + Frankel B (0) = 0.
        let report = try run("tokuhashi", [
            "kps": 40, "extraspinalBoneMets": 5, "vertebralBodyMets": 3, "visceralMets": "unremovable",
            "primary": "lung", "frankel": "B",
        ])
        #expect(report.int("score") == 0)
        #expect(report.string("prognosis") == "lessThan6Months")
    }

    @Test(arguments: [(8, "lessThan6Months"), (9, "atLeast6Months"), (11, "atLeast6Months"), (12, "atLeast1Year")])
    func prognosisBoundariesNotSwapped(total: Int, prognosis: String) {
        // Some pages swap the bands or use 1990's: 0–8 < 6 months, 9–11 ≥ 6 months, 12–15 ≥ 1 year.
        #expect(Tokuhashi.Prognosis.of(total: total).rawValue == prognosis)
    }

    @Test func itemBoundaries() {
        #expect(Tokuhashi.kpsPoints(40) == 0)
        #expect(Tokuhashi.kpsPoints(50) == 1)
        #expect(Tokuhashi.kpsPoints(55) == 1)
        #expect(Tokuhashi.kpsPoints(70) == 1)
        #expect(Tokuhashi.kpsPoints(75) == 1)
        #expect(Tokuhashi.kpsPoints(80) == 2)
        #expect(Tokuhashi.kpsPoints(100) == 2)
        #expect(Tokuhashi.extraspinalPoints(0) == 2)
        #expect(Tokuhashi.extraspinalPoints(1) == 1)
        #expect(Tokuhashi.extraspinalPoints(2) == 1)
        #expect(Tokuhashi.extraspinalPoints(3) == 0)
        #expect(Tokuhashi.vertebralPoints(1) == 2)
        #expect(Tokuhashi.vertebralPoints(2) == 1)
        #expect(Tokuhashi.vertebralPoints(3) == 0)
        #expect(Tokuhashi.Frankel.B.points == 0)
        #expect(Tokuhashi.Frankel.C.points == 1)
        #expect(Tokuhashi.Frankel.D.points == 1)
        #expect(Tokuhashi.Frankel.E.points == 2)
    }

    @Test func primaryPointsFollowThe2005Table() {
        let expected: [PrimarySite: Int] = [
            .lung: 0, .osteosarcoma: 0, .stomach: 0, .bladder: 0, .esophagus: 0, .pancreas: 0,
            .liver: 1, .gallbladder: 1, .unknown: 1,
            .colon: 2, .other: 2, .melanoma: 2,
            .kidney: 3, .uterus: 3, .rectum: 4,
            .thyroid: 5, .breast: 5, .prostate: 5, .carcinoid: 5,
        ]
        for (site, points) in expected { #expect(Tokuhashi.primaryPoints(site) == points, "\(site)") }
        for site in PrimarySite.allCases { #expect((0...5).contains(Tokuhashi.primaryPoints(site))) }
    }

    @Test func kps55IsAcceptedAnd105IsNot() {
        #expect(inputError("tokuhashi", .object(["kps": 55])) == nil)
        let error = inputError("tokuhashi", .object(["kps": 105]))
        #expect(error?.field == "kps")
        #expect(error?.message(.en).contains("0–100") == true)
        #expect(inputError("tokuhashi", .object(["kps": 72.5]))?.field == "kps")
        #expect(inputError("tokuhashi", .object(["vertebralBodyMets": 0]))?.field == "vertebralBodyMets")
    }

    @Test func emptyInputSpansTheWholeScale() throws {
        let report = try run("tokuhashi", JSONObject())
        #expect(report.int("min") == 0)
        #expect(report.int("max") == 15)
        #expect(report.possibleBands.count == 3)
    }
}
