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
//   ReassessBenchmark 0 one-core           (only the one-core decode and assessment figures)
//   ReassessBenchmark N stored             (only decode and assess the N stored cases themselves,
//                                          on one thread, then on both background threads)
//   ReassessBenchmark N fill FOLDER        (only fill FOLDER/bonemet.sqlite with N cases never
//                                          re-assessed: `bonemet serve --data FOLDER` runs the
//                                          full re-assessment at start — requests under it)
// Every stored case is a full synthetic record (1–6 lesions, 2–8 studies, 1–5 treatments);
// birthdays spread over the year, and one case in three on denosumab with its last dose
// 0–27 days before the first day, so doses fall due on every day of the following weeks.
// After the first run (every case: nothing was assessed under this rule set yet) it runs the
// next 30 days, as `serve` does after each midnight, and reports what each day read.

let arguments = Array(CommandLine.arguments.dropFirst())
let count = arguments.first.flatMap { Int($0) } ?? 10_000
let postgresURL = arguments.count > 2 && arguments[1] == "postgres" ? arguments[2] : nil
var logger = Logger(label: "reassess")
logger.logLevel = .error
let asOf = PartialDate("2026-11-30")!
// Noon UTC of `asOf`: the services' day is the benchmark's.
let noon = Int64(asOf.earliestDay) * 86_400 + 43_200
let templates: [CaseRecord] = (0..<24).map { index in
    SyntheticCase.make(lesions: 1 + index % 6, studies: 2 + index % 7, treatments: 1 + index % 5, seed: UInt64(index + 1))
}
let fillFolder = arguments.count > 2 && arguments[1] == "fill" ? arguments[2] : nil
let location: DatabaseLocation = postgresURL.map { .postgres(url: $0) }
    ?? .sqlite(path: fillFolder.map { $0 + "/bonemet.sqlite" } ?? NSTemporaryDirectory() + "bonemet-reassess-\(getpid()).sqlite")
let store = try SQLStore(location, logger: logger)
if postgresURL != nil { try await TestDatabases.emptyPostgres(store) }
_ = try await Migrator().migrate(store, at: 1_700_000_000)
let cases = SQLCaseStore(store)
let jsonBytes = templates.map { CaseFile.write($0).utf8.count }.reduce(0, +) / templates.count
for start in stride(from: 0, to: count, by: 1_000) {
    var items: [SQLCaseStore.NewCase] = []
    for index in start..<min(start + 1_000, count) {
        var record = templates[index % templates.count]
        record.patient.id = String(format: "R%07d", index)
        record.patient.birthDate = PartialDate(year: 1940 + index % 40, month: 1 + index % 12, day: 1 + (index / 12) % 28)
        if index % 3 == 0 {
            record.treatments.append(Treatment(
                id: "BMA", kind: .boneModifyingAgent, start: asOf.adding(days: -200), agent: .denosumab, doseMg: 120,
                doses: [asOf.adding(days: -(index / 3) % 28)]))
        }
        items.append(.init(record: record, json: CaseFile.write(record), findings: [], by: "bench", at: 1_700_000_000 + Int64(index)))
    }
    _ = try await cases.insertMany(items)
}
// A database that grew over months has its planner statistics (autovacuum); one filled a
// moment ago has none, and PostgreSQL would plan the batch reads as scans of a "small" table.
if postgresURL != nil { try await store.write { db in try await db.raw("ANALYZE cases, findings").run() } }
if fillFolder != nil {
    print("filled with \(count) cases")
    await store.shutdown()
    exit(0)
}
// The decode and assessment alone, one core, for the split of the cost: the fastest of seven
// rounds of 480 cases each (a round is ~0.15 s; the machine's speed swings between rounds, so
// the best round is the figure to compare builds by).
let sample = templates.map { CaseFile.write($0) }
var decodeEach = Duration.seconds(1)
var assessEach = Duration.seconds(1)
// ROUNDS=n in the environment runs more rounds (for a profiler; the figure stays the best round).
let rounds = ProcessInfo.processInfo.environment["ROUNDS"].flatMap { Int($0) } ?? 7
for _ in 0..<rounds {
    let decodeStart = ContinuousClock.now
    var decoded = 0
    for _ in 0..<20 { for text in sample { if (try? CaseFile.readStored(text)) != nil { decoded += 1 } } }
    decodeEach = min(decodeEach, decodeStart.duration(to: .now) / max(decoded, 1))
    let assessStart = ContinuousClock.now
    let brief = ProcessInfo.processInfo.environment["BRIEF"] != nil
    for _ in 0..<20 { for record in templates { _ = assess(record, asOf: asOf, settings: .default, details: !brief) } }
    assessEach = min(assessEach, assessStart.duration(to: .now) / (20 * templates.count))
}
if arguments.contains("one-core") {
    // The strict reader (for input) beside the stored-case reader timed above, and its split:
    // the JSON parse alone, then reading the parsed tree into a record.
    var strictEach = Duration.seconds(1)
    var parseEach = Duration.seconds(1)
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        var read = 0
        for _ in 0..<20 { for text in sample { if (try? CaseFile.read(text)) != nil { read += 1 } } }
        strictEach = min(strictEach, start.duration(to: .now) / max(read, 1))
        let parseStart = ContinuousClock.now
        var parsed = 0
        for _ in 0..<20 { for text in sample { if (try? JSONValue.parse(text)) != nil { parsed += 1 } } }
        parseEach = min(parseEach, parseStart.duration(to: .now) / max(parsed, 1))
    }
    print("one core (best of \(rounds) rounds): decode a stored case \(decodeEach); the strict reader \(strictEach) (of which the JSON parse \(parseEach)); assess \(assessEach) per case")
    exit(0)
}

/// CPU seconds of the SQLite writing thread so far (`WriterThread`, named bonemet-writer; 0 on
/// PostgreSQL): the one thread every write queues on, less noisy than the wall time of a run.
/// A thread started from it (a dispatch worker) inherits its name and may come and go, so the
/// figure is the oldest of that name's — the lowest thread id: ids are handed out in order.
func writerCPU() -> Double {
    guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else { return 0 }
    for task in tasks.compactMap({ Int($0) }).sorted() {
        guard let name = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8),
            name.hasPrefix("bonemet-writer"),
            let stat = try? String(contentsOfFile: "/proc/self/task/\(task)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { continue }
        // After the name: utime and stime are the 14th and 15th fields of stat (proc(5)).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
    return 0
}

/// CPU seconds of the whole process so far (every thread): beside the wall time, how busy the
/// two cores were during a run.
func processCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// CPU seconds so far of the threads alive now, by name with trailing digits dropped
/// (bonemet-bg-0 and -1 are one entry): where a run's CPU went.
func cpuByThread() -> [String: Double] {
    var total: [String: Double] = [:]
    guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else { return total }
    for task in tasks {
        guard let stat = try? String(contentsOfFile: "/proc/self/task/\(task)/stat", encoding: .utf8),
            let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
        else { continue }
        let name = String(stat[stat.index(after: open)..<close]).trimmingCharacters(in: .decimalDigits.union(CharacterSet(charactersIn: "-#")))
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
        total[name, default: 0] += (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
    return total
}

/// What each kind of thread spent between two `cpuByThread` readings, the busiest first.
func spent(since before: [String: Double]) -> String {
    cpuByThread().map { ($0.key, $0.value - (before[$0.key] ?? 0)) }.filter { $0.1 >= 0.05 }.sorted { $0.1 > $1.1 }
        .map { "\($0.0) \(String(format: "%.2f", $0.1))" }.joined(separator: ", ")
}

if arguments.contains("stored") {
    // The decode and assessment of the stored cases themselves (every one distinct), without
    // the run around them: one thread, then both background threads over the whole array.
    var stored: [String] = []
    var after: String?
    while true {
        let page = try await cases.page(after: after, limit: 1_000)
        stored += page.map(\.json)
        after = page.last?.id
        if page.count < 1_000 { break }
    }
    func threadCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    for round in 0..<3 {
        let cpu0 = threadCPU()
        var found = 0
        for text in stored { if let record = try? CaseFile.readStored(text) { found += assess(record, asOf: asOf, settings: .default).findings.count } }
        let one = (threadCPU() - cpu0) / Double(stored.count) * 1e3
        let process0 = processCPU()
        let wall0 = ContinuousClock.now
        let counts = await stored.mapInBackground { text in (try? CaseFile.readStored(text)).map { assess($0, asOf: asOf, settings: .default).findings.count } ?? 0 }
        let wall = wall0.duration(to: .now)
        let both = (processCPU() - process0) / Double(stored.count) * 1e3
        print("round \(round): one thread \(String(format: "%.3f", one)) ms CPU a case (\(found) findings); both background threads \(String(format: "%.3f", both)) ms CPU a case, \(wall) wall (\(counts.reduce(0, +)) findings)")
    }
    exit(0)
}

let services = AppServices(store: store, now: { noon }, logger: logger, clock: .utc)
/// A full re-assessment (`runIfStale`: the first, or after the store was marked as of an older
/// rule set): its line, the label first and `more` (figures read after the run) before the CPU split.
func timedFullRun(_ label: String, more: () async throws -> String = { "" }) async throws {
    let writerBefore = writerCPU()
    let processBefore = processCPU()
    let threadsBefore = cpuByThread()
    let started = ContinuousClock.now
    let refreshed = try await Reassessor(services: services).runIfStale() ?? 0
    let elapsed = started.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let extra = try await more()
    print("\(label): \(refreshed) re-assessed in \(String(format: "%.2f", seconds)) s\t\(String(format: "%.0f", Double(refreshed) / seconds)) cases/s\t\(extra)writing thread \(String(format: "%.2f", writerCPU() - writerBefore)) s CPU\tprocess \(String(format: "%.2f", processCPU() - processBefore)) s CPU (\(spent(since: threadsBefore)))")
}
try await timedFullRun("\(postgresURL == nil ? "sqlite" : "postgres")\t\(count) cases (record JSON \(jsonBytes) bytes on average)") {
    let findings = try await store.read { db in try await db.raw("SELECT COUNT(*) AS n FROM findings").first()?.decode(column: "n", as: Int.self) ?? 0 }
    return "\(findings) findings\t"
}
// A new rule set that leaves most findings as they were (the usual release): every case is
// read and assessed again, but only the stored rule set changes — simulated by marking every
// case and the last run as assessed under an older rule set.
try await store.write { db in
    try await db.raw("UPDATE cases SET rule_set_version = '2000.1.1'").run()
    try await db.raw("UPDATE maintenance SET value = 'older' WHERE key LIKE 'reassessed.%'").run()
}
try await timedFullRun("a new rule set, findings unchanged")
// A new rule set that rewords one finding of every case (a rule's title changed — the usual
// way a release changes every case's findings): each case's stored rows differ from its fresh
// assessment in one row. Simulated by rewording every case's first stored finding and marking
// the cases and the last run as assessed under an older rule set. The older write stored the
// digest of its own row (M0026): the reworded row's digest is another than the fresh row's.
try await store.write { db in
    try await db.raw("""
        UPDATE findings SET title_en = title_en || ' (reworded)',
            row_digest = CASE WHEN row_digest > 0 THEN row_digest - 1 ELSE row_digest + 1 END WHERE position = 0
        """).run()
    try await db.raw("UPDATE cases SET rule_set_version = '2000.1.1', findings_digest = 'reworded'").run()
    try await db.raw("UPDATE maintenance SET value = 'older' WHERE key LIKE 'reassessed.%'").run()
}
try await timedFullRun("a new rule set rewording one finding of every case") {
    let findings = try await store.read { db in try await db.raw("SELECT COUNT(*) AS n FROM findings").first()?.decode(column: "n", as: Int.self) ?? 0 }
    let reworded = try await store.read { db in
        try await db.raw("SELECT COUNT(*) AS n FROM findings WHERE title_en LIKE '% (reworded)'").first()?.decode(column: "n", as: Int.self) ?? 0
    }
    return "\(findings) findings (\(reworded) still reworded)\t"
}
// The next 30 days: each reads only the cases whose day has come.
var totalSeconds = 0.0
var totalRead = 0
for day in 1...30 {
    let services = AppServices(store: store, now: { noon + Int64(day) * 86_400 }, logger: logger, clock: .utc)
    let due = try await cases.dueCount(onOrBefore: Int64(services.today.earliestDay))
    let started = ContinuousClock.now
    let done = try await Reassessor(services: services).runIfStale() ?? 0
    let elapsed = started.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    totalSeconds += seconds
    totalRead += due
    if day <= 3 || day % 10 == 0 {
        print("day \(day): \(due) due, \(done) re-assessed in \(String(format: "%.3f", seconds)) s — all \(count) cases current at \(String(format: "%.0f", Double(count) / seconds)) cases/s")
    }
}
print("30 days: \(totalRead) cases read (\(String(format: "%.1f", Double(totalRead) / 30)) a day, \(String(format: "%.2f", 100 * Double(totalRead) / 30 / Double(count))) % of all), \(String(format: "%.2f", totalSeconds / 30)) s a day on average — \(String(format: "%.0f", Double(count) * 30 / totalSeconds)) cases/s kept current")
print("one core (best of 7 rounds): decode \(decodeEach), assess \(assessEach) per case")
await store.shutdown()
