import Foundation
@testable import BoneMetRules
import Testing

@Suite struct PartialDateTests {
    @Test func parsesAndPrintsAsWritten() {
        for text in ["2022", "2022-01", "2022-01-10", "2024-02-29"] { #expect(PartialDate(text)?.description == text) }
        for bad in ["22", "2022-1", "2022-13", "2022-02-30", "2023-02-29", "2022/01/10", "", "2022-01-10T00:00", "٢٠٢٢"] {
            #expect(PartialDate(bad) == nil, "\(bad)")
        }
    }

    /// Issue #12: dates are read on their UTF-8 bytes. Checked against the reading it replaced
    /// (split on "-", four then two then two ASCII digits) on every text built from digits,
    /// dashes and look-alikes up to the length of a full date, and on awkward ones.
    @Test func readsExactlyAsTheSplittingReaderDid() {
        func splitting(_ text: String) -> PartialDate? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
                parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                let year = Int(parts[0])
            else { return nil }
            return PartialDate(year: year, month: parts.count > 1 ? Int(parts[1]) : nil, day: parts.count > 2 ? Int(parts[2]) : nil)
        }
        var texts = [
            "2022-01-10", "2022-1-10", "2022--10", "-2022", "2022-", "2022-01-", "2022-01-1 ", " 2022", "2022\n", "２０２２", "2022-0١-10",
            "2022-01-10-01", "2022−01", "2022-01-1\u{301}", "0000", "1899-12-31", "1900-01-01", "2200-12-31", "2201-01-01", "2022-00",
            "2022-12-00", "2022-02-29", "2024-02-29", "2022-04-31", "+022", "2e22", "20.2",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["0", "1", "2", "9", "-", "/", " ", "a", "٣"]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...11, using: &generator)
            texts.append(String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }))
        }
        for year in [1899, 1900, 2022, 2200, 2201] {
            for month in 0...13 { for day in [0, 1, 28, 29, 30, 31, 32] { texts.append(String(format: "%04d-%02d-%02d", year, month, day)) } }
        }
        for text in texts { #expect(PartialDate(text) == splitting(text), "\(text)") }
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

    /// The text written digit by digit is the padded text, for every day from 1900 to 2200,
    /// every month and year alone, and days far outside the usual years (issue #12).
    @Test func textIsThePaddedText() {
        let first = PartialDate.days(year: 1900, month: 1, day: 1)
        let last = PartialDate.days(year: 2200, month: 12, day: 31)
        var mismatches = 0
        for day in stride(from: first, through: last, by: 1) {
            let date = PartialDate(dayNumber: day)
            if date.description != date.paddedDescription { mismatches += 1 }
        }
        #expect(mismatches == 0)
        for year in 1900...2200 {
            #expect(PartialDate(year: year)?.description == PartialDate(year: year)?.paddedDescription)
            #expect(PartialDate(year: year, month: 1 + year % 12)?.description == PartialDate(year: year, month: 1 + year % 12)?.paddedDescription)
        }
        #expect(PartialDate(year: 1958, month: 4)?.description == "1958-04")
        #expect(PartialDate(year: 2023, month: 1, day: 5)?.description == "2023-01-05")
        #expect(PartialDate(year: 2000)?.description == "2000")
        // Outside the years a case accepts (day numbers can reach them): the long way, same text.
        for day in [-800_000, -1, 0, 3_000_000] {
            let date = PartialDate(dayNumber: day)
            #expect(date.description == date.paddedDescription, "\(date.paddedDescription)")
        }
        #expect(PartialDate(dayNumber: 0).description == "1970-01-01")
    }
}
