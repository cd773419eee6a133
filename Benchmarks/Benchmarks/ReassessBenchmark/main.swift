import BoneMetDomain
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import BoneMetWeb
import Foundation
import Logging

// Issue #12: the background re-assessment of every stored case (Reassessor, the one `serve`
// runs at start and each midnight), timed on N realistic cases. Usage:
//   ReassessBenchmark N [postgres URL]   (a throw-away PostgreSQL database: its tables are dropped)
// Every stored case is a full synthetic record (1–6 lesions, 2–8 studies, 1–5 treatments).

let arguments = Array(CommandLine.arguments.dropFirst())
let count = arguments.first.flatMap { Int($0) } ?? 10_000
let postgresURL = arguments.count > 2 && arguments[1] == "postgres" ? arguments[2] : nil
var logger = Logger(label: "reassess")
logger.logLevel = .error
let asOf = PartialDate("2026-11-30")!
let templates: [CaseRecord] = (0..<24).map { index in
    SyntheticCase.make(lesions: 1 + index % 6, studies: 2 + index % 7, treatments: 1 + index % 5, seed: UInt64(index + 1))
}
let location: DatabaseLocation = postgresURL.map { .postgres(url: $0) } ?? .sqlite(path: NSTemporaryDirectory() + "bonemet-reassess-\(getpid()).sqlite")
let store = try SQLStore(location, logger: logger)
if postgresURL != nil {
    try await store.write { db in
        try await db.raw("DROP SCHEMA public CASCADE").run()
        try await db.raw("CREATE SCHEMA public").run()
    }
}
_ = try await Migrator().migrate(store, at: 1_700_000_000)
let cases = SQLCaseStore(store)
let jsonBytes = templates.map { CaseFile.write($0).utf8.count }.reduce(0, +) / templates.count
for start in stride(from: 0, to: count, by: 1_000) {
    var items: [SQLCaseStore.NewCase] = []
    for index in start..<min(start + 1_000, count) {
        var record = templates[index % templates.count]
        record.patient.id = String(format: "R%07d", index)
        items.append(.init(record: record, json: CaseFile.write(record), findings: [], by: "bench", at: 1_700_000_000 + Int64(index)))
    }
    _ = try await cases.insertMany(items)
}
// The decode and assessment alone, one core, for the split of the cost.
let sample = templates.map { CaseFile.write($0) }
let decodeStart = ContinuousClock.now
var decoded = 0
for _ in 0..<20 { for text in sample { if (try? CaseFile.read(text)) != nil { decoded += 1 } } }
let decodeEach = decodeStart.duration(to: .now) / decoded
let assessStart = ContinuousClock.now
for _ in 0..<20 { for record in templates { _ = assess(record, asOf: asOf, settings: .default) } }
let assessEach = assessStart.duration(to: .now) / (20 * templates.count)

let services = AppServices(store: store, now: { 1_764_460_800 }, logger: logger, clock: .utc)
let started = ContinuousClock.now
let refreshed = try await Reassessor(services: services).runIfStale() ?? 0
let elapsed = started.duration(to: .now)
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let findings = try await store.read { db in try await db.raw("SELECT COUNT(*) AS n FROM findings").first()?.decode(column: "n", as: Int.self) ?? 0 }
print("\(postgresURL == nil ? "sqlite" : "postgres")\t\(count) cases (record JSON \(jsonBytes) bytes on average)\t\(refreshed) re-assessed in \(String(format: "%.2f", seconds)) s\t\(String(format: "%.0f", Double(refreshed) / seconds)) cases/s\t\(findings) findings")
// The next day's run: most cases' findings are what they were.
let nextDay = AppServices(store: store, now: { 1_764_460_800 + 86_400 }, logger: logger, clock: .utc)
let again = ContinuousClock.now
let second = try await Reassessor(services: nextDay).runIfStale() ?? 0
let againElapsed = again.duration(to: .now)
let againSeconds = Double(againElapsed.components.seconds) + Double(againElapsed.components.attoseconds) / 1e18
print("next day: \(second) re-assessed in \(String(format: "%.2f", againSeconds)) s\t\(String(format: "%.0f", Double(second) / againSeconds)) cases/s")
print("one core: decode \(decodeEach), assess \(assessEach) per case")
await store.shutdown()
