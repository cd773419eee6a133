import ArgumentParser
import BoneMetDomain
import Foundation

/// `--time-zone ZONE` (or BONEMET_TIME_ZONE): the hospital's time zone — what "today" is for the
/// rules and how times are shown (docs/deployment.md). Default: the server's zone. A name that
/// is not an IANA zone exits 2 naming the field.
struct TimeZoneOption: ParsableArguments {
    @Option(name: .customLong("time-zone"), help: "The hospital's IANA time zone, e.g. Asia/Shanghai (default: the server's).")
    var timeZone: String?

    func load(command: String) throws -> HospitalClock {
        guard let name = timeZone ?? ProcessInfo.processInfo.environment["BONEMET_TIME_ZONE"], !name.isEmpty else { return .server }
        do {
            return try HospitalClock.named(name, field: "--time-zone")
        } catch {
            throw CLIFailure.reject(error.message(.en), command: command)
        }
    }

    /// Today in the hospital's zone.
    func today(command: String) throws -> PartialDate {
        try load(command: command).day(at: Int64(Date().timeIntervalSince1970))
    }
}
