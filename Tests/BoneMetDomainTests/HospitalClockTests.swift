import BoneMetDomain
import Foundation
import Testing

/// Issue #10: one hospital time zone for "today" and every time shown — a Beijing clinic at
/// 02:00 is not yesterday.
@Suite struct HospitalClockTests {
    /// 2026-11-29 18:05 UTC is 2026-11-30 02:05 in Beijing (UTC+8, no daylight saving).
    static let lateEvening: Int64 = 1_795_975_500

    @Test func aBeijingClinicAt2amIsOnTheNewDay() throws {
        let beijing = try HospitalClock.named("Asia/Shanghai")
        #expect(HospitalClock.utc.day(at: Self.lateEvening) == PartialDate("2026-11-29"))
        #expect(beijing.day(at: Self.lateEvening) == PartialDate("2026-11-30"))
        #expect(beijing.display(Self.lateEvening) == "2026-11-30 02:05 UTC+8")
        #expect(HospitalClock.utc.display(Self.lateEvening) == "2026-11-29 18:05 UTC")
        // Boundary: local midnight exactly is the new day, one second before is not.
        let midnight: Int64 = 1_795_968_000  // 2026-11-30 00:00 in Beijing (2026-11-29 16:00 UTC)
        #expect(beijing.day(at: midnight) == PartialDate("2026-11-30"))
        #expect(beijing.day(at: midnight - 1) == PartialDate("2026-11-29"))
    }

    @Test func daylightSavingAndZonesWestOfUTC() throws {
        let newYork = try HospitalClock.named("America/New_York")
        // 2026-07-01 03:30 UTC is 2026-06-30 23:30 in New York (EDT, UTC−4).
        let summer: Int64 = 1_782_876_600
        #expect(newYork.day(at: summer) == PartialDate("2026-06-30"))
        #expect(newYork.label(at: summer) == "UTC−4")
        // Before 1970 still counts days correctly (floor, not truncation).
        #expect(HospitalClock.utc.day(at: -1) == PartialDate("1969-12-31"))
        let india = try HospitalClock.named("Asia/Kolkata")
        #expect(india.label(at: summer) == "UTC+5:30")
    }

    @Test func anUnknownZoneNamesTheField() {
        for bad in ["Mars/Olympus", "", "UTC+8 or so"] {
            #expect(throws: InputError.self) { try HospitalClock.named(bad, field: "--time-zone") }
        }
        do {
            _ = try HospitalClock.named("Mars/Olympus", field: "--time-zone")
        } catch {
            #expect(error.field == "--time-zone")
            #expect(error.message(.en).contains("Asia/Shanghai"))
        }
    }
}
