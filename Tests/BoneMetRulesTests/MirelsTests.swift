import BoneMetRules
import Testing

/// Mirels H. Clin Orthop Relat Res 1989;(249):256-264 (table in reference.md).
@Suite struct MirelsTests {
    @Test func acceptanceScenario6PeritrochantericLyticFunctionalOverTwoThirdsIs12() throws {
        // seed-summary.md scenario 6: Mirels 12, prophylactic fixation, urgent orthopaedic referral.
        let report = try run("mirels", ["site": "peritrochanteric", "pain": "functional", "lesion": "lytic", "size": "moreThanTwoThirds"])

        #expect(report.int("score") == 12)
        #expect(report.string("band") == "high")
        #expect(report.bool("fixationAlert") == true)
        #expect(report.specialty == .orthopaedics)
        #expect(report.band?.recommendation.en.contains("before radiotherapy, transfer or trial enrolment") == true)
        #expect(report.sources.contains(Sources.mirels1989))
    }

    @Test func textbookMinimumUpperLimbMildBlasticSmallIs4() throws {
        // Mirels 1989: each factor scores 1–3; the lowest-risk lesion totals 4.
        let report = try run("mirels", ["site": "upperLimb", "pain": "mild", "lesion": "blastic", "size": "lessThanOneThird"])
        #expect(report.int("score") == 4)
        #expect(report.string("band") == "low")
        #expect(report.bool("fixationAlert") == false)
        #expect(report.caveats.contains(where: { $0.en.contains("humerus") }))
    }

    @Test(arguments: [
        // (site, pain, lesion, size) → total, band: the thresholds 7|8 and 8|9 from both sides.
        (["upperLimb", "moderate", "mixed", "oneThirdToTwoThirds"], 7, "low"),
        (["lowerLimb", "moderate", "mixed", "oneThirdToTwoThirds"], 8, "borderline"),
        (["peritrochanteric", "moderate", "mixed", "oneThirdToTwoThirds"], 9, "high"),
    ])
    func bandBoundaries(items: [String], total: Int, band: String) throws {
        let report = try run("mirels", ["site": .string(items[0]), "pain": .string(items[1]), "lesion": .string(items[2]), "size": .string(items[3])])
        #expect(report.int("score") == total)
        #expect(report.string("band") == band)
    }

    @Test func fixationThresholdIsASettingDefault8() {
        let eight = Mirels.Input(site: .lowerLimb, pain: .moderate, lesion: .mixed, size: .oneThirdToTwoThirds)
        #expect(Mirels.evaluate(eight).fixationAlert == true)
        #expect(Mirels.evaluate(eight, settings: RuleSettings(mirelsFixationThreshold: 9)).fixationAlert == false)
        // The bands themselves never move with the setting.
        #expect(Mirels.evaluate(eight, settings: RuleSettings(mirelsFixationThreshold: 9)).band == .borderline)
    }

    @Test func thresholdOutsideTheSourcesIsRejected() {
        #expect(throws: InputError.self) {
            _ = try Calculators.named("mirels").run(.object(JSONObject()), settings: RuleSettings(mirelsFixationThreshold: 7))
        }
    }

    @Test func allEightyOneCombinationsSumTheirItemsAndBandMonotonically() {
        var seen: [(Int, Mirels.Band)] = []
        for site in Mirels.Site.allCases {
            for pain in Mirels.Pain.allCases {
                for lesion in Mirels.Lesion.allCases {
                    for size in Mirels.Size.allCases {
                        let result = Mirels.evaluate(Mirels.Input(site: site, pain: pain, lesion: lesion, size: size))
                        let total = result.total.score ?? -1
                        #expect(total == site.points + pain.points + lesion.points + size.points)
                        #expect((4...12).contains(total))
                        #expect(result.band == Mirels.Band.of(total: total))
                        #expect(result.fixationAlert == (total >= 8))
                        seen.append((total, result.band ?? .low))
                    }
                }
            }
        }
        #expect(seen.count == 81)
        let order: [Mirels.Band] = [.low, .borderline, .high]
        for a in seen { for b in seen where a.0 < b.0 {
            #expect((order.firstIndex(of: a.1) ?? 0) <= (order.firstIndex(of: b.1) ?? 0))
        } }
    }

    @Test func unknownItemsGiveTheRangeAndNameWhatIsMissing() throws {
        let report = try run("mirels", ["site": "upperLimb", "pain": "functional"])
        #expect(report.isNull("score"))
        #expect(report.int("min") == 6)
        #expect(report.int("max") == 10)
        #expect(report.missing == ["lesion", "size"])
        #expect(report.isNull("band"))
        #expect(report.possibleBands.map(\.id) == ["low", "borderline", "high"])
        #expect(report.isNull("fixationAlert"))
    }

    @Test func rangeEntirelyInOneBandStillHasTheBand() throws {
        // Peritrochanteric + functional + lytic = 9 already: high whatever the size.
        let report = try run("mirels", ["site": "peritrochanteric", "pain": "functional", "lesion": "lytic"])
        #expect(report.int("min") == 10)
        #expect(report.int("max") == 12)
        #expect(report.string("band") == "high")
        #expect(report.bool("fixationAlert") == true)
    }

    @Test func sizeClassFromAMeasuredFraction() {
        // Two-decimal entries of one third and two thirds mean exactly that (issue #8).
        #expect(Mirels.Size.of(fraction: 0.33) == .oneThirdToTwoThirds)
        #expect(Mirels.Size.of(fraction: 0.32) == .lessThanOneThird)
        #expect(Mirels.Size.of(fraction: 0.68) == .moreThanTwoThirds)
        #expect(Mirels.Size.of(fraction: 0.333) == .oneThirdToTwoThirds)
        #expect(Mirels.Size.of(fraction: 1.0 / 3.0) == .oneThirdToTwoThirds)
        #expect(Mirels.Size.of(fraction: 2.0 / 3.0) == .oneThirdToTwoThirds)
        #expect(Mirels.Size.of(fraction: 0.67) == .oneThirdToTwoThirds)
    }
}
