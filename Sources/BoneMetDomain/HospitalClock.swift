import Foundation

/// The hospital's time zone (issue #10): what "today" is for every rule — the day a dose is
/// due, the date an assessment is made as of — and how every time is shown. A Beijing clinic
/// at 02:00 is already on the new day, whatever the server's clock says in UTC. A setting
/// (`--time-zone`, BONEMET_TIME_ZONE), default the server's own zone.
public struct HospitalClock: Sendable, Hashable {
    public let zone: TimeZone

    public init(zone: TimeZone) {
        self.zone = zone
    }

    public static let utc = HospitalClock(zone: TimeZone(identifier: "UTC") ?? TimeZone.current)
    /// The server's zone.
    public static var server: HospitalClock { HospitalClock(zone: TimeZone.current) }

    /// An IANA zone name ("Asia/Shanghai", "Europe/Amsterdam", "UTC"); anything else is an
    /// error naming the field.
    public static func named(_ identifier: String, field: String = "timeZone") throws(InputError) -> HospitalClock {
        guard !identifier.isEmpty, let zone = TimeZone(identifier: identifier) else {
            throw InputError(field: field, problem: .custom(LocalizedText(
                en: "\"\(InputError.shorten(identifier))\" is not a time zone; write an IANA name such as Asia/Shanghai, Europe/Amsterdam or UTC",
                zh: "“\(InputError.shorten(identifier))”不是有效时区；请写 IANA 时区名，例如 Asia/Shanghai、Europe/Amsterdam 或 UTC")))
        }
        return HospitalClock(zone: zone)
    }

    /// Seconds east of UTC at that moment (daylight saving included).
    func offset(at seconds: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// The local calendar day of a moment.
    public func day(at seconds: Int64) -> PartialDate {
        PartialDate(dayNumber: Int(Self.floorDiv(seconds + offset(at: seconds), 86_400)))
    }

    /// The moment (seconds) a local calendar day begins: its midnight in the hospital's zone.
    public func start(of day: PartialDate) -> Int64 {
        let midnight = Int64(day.earliestDay) * 86_400
        return midnight - offset(at: midnight)
    }

    /// A moment as the hospital reads it: `2026-11-30 02:05 CST` (the zone's abbreviation, or
    /// its offset when it has none).
    public func display(_ seconds: Int64) -> String {
        let local = seconds + offset(at: seconds)
        let day = PartialDate(dayNumber: Int(Self.floorDiv(local, 86_400)))
        let minutes = Int(local - Self.floorDiv(local, 86_400) * 86_400) / 60
        let hh = minutes / 60, mm = minutes % 60
        return "\(day) \(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm) \(label(at: seconds))"
    }

    /// The zone as shown beside a time: UTC, or its UTC offset ("UTC+8") — abbreviations such as
    /// CST are ambiguous (China, or US Central).
    public func label(at seconds: Int64) -> String {
        let offset = offset(at: seconds)
        guard offset != 0 else { return "UTC" }
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        return "UTC\(offset < 0 ? "−" : "+")\(hours)\(minutes == 0 ? "" : ":\(minutes < 10 ? "0" : "")\(minutes)")"
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
