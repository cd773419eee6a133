import BoneMetRules
import Testing

/// Fisher CG et al. Spine 2010;35:E1221-9 (table in reference.md).
@Suite struct SINSTests {
    @Test func fisher2010ItemPointsNotTheWrongPublicTable() {
        // Some pages score pain 3/2/1; Fisher 2010 scores 3/1/0.
        #expect(SINS.Pain.mechanical.points == 3)
        #expect(SINS.Pain.occasional.points == 1)
        #expect(SINS.Pain.none.points == 0)
        #expect(SINS.Alignment.subluxation.points == 4)
        #expect(SINS.Collapse.noCollapseOver50Involved.points == 1)
        #expect(SINS.Posterolateral.unilateral.points == 1)
    }

    @Test func teachingCaseT11LyticMechanicalIs11PotentiallyUnstable() throws {
        // T11 junctional 3 + mechanical 3 + lytic 2 + normal 0 + collapse < 50 % 2 + unilateral 1 = 11.
        let report = try run("sins", [
            "level": "T11", "pain": "mechanical", "lesion": "lytic", "alignment": "normal", "collapse": "under50",
            "posterolateral": "unilateral",
        ])
        #expect(report.int("score") == 11)
        #expect(report.string("category") == "potentiallyUnstable")
        #expect(report.string("location") == "junctional")
        #expect(report.bool("consultSpineSurgery") == true)
        #expect(report.specialty == .spineSurgery)
    }

    @Test(arguments: [
        ("C1", "junctional"), ("C2", "junctional"), ("C3", "mobile"), ("C6", "mobile"), ("C7", "junctional"),
        ("T1", "junctional"), ("T2", "junctional"), ("T3", "semirigid"), ("T10", "semirigid"), ("T11", "junctional"),
        ("T12", "junctional"), ("L1", "junctional"), ("L2", "mobile"), ("L4", "mobile"), ("L5", "junctional"),
        ("S1", "junctional"), ("S2", "rigid"), ("S5", "rigid"),
    ])
    func locationFromLevelAtEveryBoundary(level: String, location: String) throws {
        let parsed = try #require(VertebralLevel(level))
        #expect(SINS.Location.of(parsed).rawValue == location)
    }

    @Test func everyLevelHasALocation() {
        #expect(VertebralLevel.all.count == 29)
        let counts = Dictionary(grouping: VertebralLevel.all, by: { SINS.Location.of($0) }).mapValues(\.count)
        // junctional: C1 C2 C7 T1 T2 T11 T12 L1 L5 S1; mobile: C3–C6 L2–L4; semirigid T3–T10; rigid S2–S5.
        #expect(counts[.junctional] == 10)
        #expect(counts[.mobile] == 7)
        #expect(counts[.semirigid] == 8)
        #expect(counts[.rigid] == 4)
    }

    @Test(arguments: [(6, "stable"), (7, "potentiallyUnstable"), (12, "potentiallyUnstable"), (13, "unstable"), (0, "stable"), (18, "unstable")])
    func categoryBoundaries(total: Int, category: String) {
        #expect(SINS.Category.of(total: total).rawValue == category)
    }

    @Test func allTwelveHundredNinetySixCombinations() {
        var count = 0
        for location in SINS.Location.allCases {
            for pain in SINS.Pain.allCases {
                for lesion in SINS.Lesion.allCases {
                    for alignment in SINS.Alignment.allCases {
                        for collapse in SINS.Collapse.allCases {
                            for posterolateral in SINS.Posterolateral.allCases {
                                let input = SINS.Input(
                                    location: location, pain: pain, lesion: lesion, alignment: alignment,
                                    collapse: collapse, posterolateral: posterolateral)
                                let result = SINS.evaluate(input)
                                let total = result.total.score ?? -1
                                #expect(total == location.points + pain.points + lesion.points + alignment.points + collapse.points + posterolateral.points)
                                #expect((0...18).contains(total))
                                #expect(result.category == SINS.Category.of(total: total))
                                #expect(result.consultSpineSurgery == (total >= 7))
                                count += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(count == 1296)
        // Monotonic: a higher total never has a lower category.
        let order = SINS.Category.allCases
        for total in 0..<18 {
            let here = order.firstIndex(of: SINS.Category.of(total: total)) ?? 0
            let next = order.firstIndex(of: SINS.Category.of(total: total + 1)) ?? 0
            #expect(here <= next)
        }
    }

    @Test func unknownItemsGiveTheRange() throws {
        let report = try run("sins", ["level": "L3", "pain": "mechanical", "lesion": "lytic"])
        #expect(report.isNull("score"))
        #expect(report.int("min") == 7)
        #expect(report.int("max") == 17)
        #expect(report.missing == ["alignment", "collapse", "posterolateral"])
        #expect(report.bool("consultSpineSurgery") == true)
        #expect(report.isNull("category"))
    }

    @Test func levelAndContradictingLocationIsAnError() {
        let error = inputError("sins", .object(["level": "T5", "location": "junctional"]))
        #expect(error?.field == "location")
        #expect(inputError("sins", .object(["level": "T5", "location": "semirigid"])) == nil)
    }

    @Test func badLevelNamesTheAllowedLevels() {
        let error = inputError("sins", .object(["level": "T13"]))
        #expect(error?.field == "level")
        #expect(error?.message(.en).contains("T1–T12") == true)
        #expect(VertebralLevel("l5")?.description == "L5")
        #expect(VertebralLevel("C0") == nil)
        #expect(VertebralLevel("T01") == nil)
    }
}
