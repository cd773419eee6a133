import BoneMetRules
import Testing

@Suite struct PartialDateTests {
    @Test func parsesAndPrintsAsWritten() {
        for text in ["2022", "2022-01", "2022-01-10", "2024-02-29"] { #expect(PartialDate(text)?.description == text) }
        for bad in ["22", "2022-1", "2022-13", "2022-02-30", "2023-02-29", "2022/01/10", "", "2022-01-10T00:00", "٢٠٢٢"] {
            #expect(PartialDate(bad) == nil, "\(bad)")
        }
    }

    @Test func rangesOfPartialDates() {
        #expect(day("2022").earliestDay == day("2022-01-01").earliestDay)
        #expect(day("2022").latestDay == day("2022-12-31").earliestDay)
        #expect(day("2024-02").latestDay == day("2024-02-29").earliestDay)
        #expect(day("2022-01-10").earliestDay == day("2022-01-10").latestDay)
    }

    @Test func dayNumbersRoundTripAcrossCenturies() {
        for text in ["1900-03-01", "1970-01-01", "2000-02-29", "2026-11-27", "2199-12-31"] {
            #expect(PartialDate(dayNumber: day(text).earliestDay).description == text)
        }
        #expect(day("1970-01-01").earliestDay == 0)
        #expect(day("2022-01-10").days(to: day("2022-03-01")) == 50)
    }

    @Test func wholeYearsCountBirthdays() {
        #expect(day("1951-02-10").wholeYears(to: day("2023-02-09")) == 71)
        #expect(day("1951-02-10").wholeYears(to: day("2023-02-10")) == 72)
        #expect(day("2016-03").wholeYears(to: day("2023-04-10")) == 7)
    }

    @Test func orderIsByEarliestDayThenPrecision() {
        #expect(day("2022") < day("2022-01-01"))
        #expect(day("2022-01-31") < day("2022-02"))
        #expect([day("2023-01-05"), day("2022"), day("2022-06")].sorted().map(\.description) == ["2022", "2022-06", "2023-01-05"])
    }
}
