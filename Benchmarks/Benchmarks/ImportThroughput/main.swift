import BoneMetDomain
import BoneMetFHIR
import BoneMetStorage
import BoneMetTestSupport
import Foundation

// Issue #5's import target: Bulk NDJSON read several times faster than Python
// fhir.resources, with memory flat in the file size. Usage:
//   ImportThroughput make FOLDER PATIENTS   — write a synthetic Bulk export (mCODE, one file per type)
//   ImportThroughput scan FOLDER            — read, parse and check every line (BulkScan)
//   ImportThroughput import FOLDER          — the full import into a fresh SQLite database
// Each run prints one line: mode, MB, resources, seconds, MB/s, resources/s, peak RSS MB.
// Run through ../import-vs-python.sh, which also runs the Python baseline on the same files.

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // Linux: kilobytes
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1_048_576   // macOS: bytes
    #endif
}

func folderBytes(_ folder: URL) -> Int {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter(BulkScan.isNDJSON).reduce(0) { total, name in
        total + ((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int) ?? 0)
    }
}

func report(_ mode: String, folder: URL, resources: Int, seconds: Double) {
    let megabytes = Double(folderBytes(folder)) / 1_048_576
    print(String(
        format: "%@\t%.1f MB\t%d resources\t%.2f s\t%.1f MB/s\t%.0f resources/s\tpeak RSS %.0f MB", mode, megabytes, resources, seconds,
        megabytes / seconds, Double(resources) / seconds, peakRSSMegabytes()))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: ImportThroughput make FOLDER PATIENTS | scan FOLDER | import FOLDER [POSTGRES_URL] | one-core FOLDER\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[2])
let asOf = PartialDate(year: 2030, month: 1, day: 1) ?? PartialDate(dayNumber: 21_915)

switch arguments[1] {
case "make":
    let patients = arguments.count > 3 ? Int(arguments[3]) ?? 1000 : 1000
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let writer = NDJSONFolderWriter(folder: folder)
    for index in 0..<patients {
        var record = SyntheticCase.make(lesions: 5, studies: 8, treatments: 5, seed: UInt64(index + 1))
        record.patient.id = "synthetic-\(index)"
        let assessment = assess(record, asOf: asOf)
        for resource in FHIRExporter.resources(caseId: "c\(index)", record: record, assessment: assessment) {
            try writer.append(resource)
        }
    }
    writer.close()
    print("wrote \(patients) patients, \(String(format: "%.1f", Double(folderBytes(folder)) / 1_048_576)) MB to \(folder.path)")
case "scan":
    let start = Date()
    let scan = try BulkScan.scan(folder: folder)
    report("swift scan", folder: folder, resources: scan.resources, seconds: Date().timeIntervalSince(start))
case "import":
    // A PostgreSQL URL: a throw-away database (its tables are dropped first).
    let postgres = arguments.count > 3 ? arguments[3] : nil
    let database = FileManager.default.temporaryDirectory.appendingPathComponent("bm-bench-\(UUID().uuidString).sqlite")
    let store = try SQLStore(postgres.map { .postgres(url: $0) } ?? .sqlite(path: database.path))
    if postgres != nil { try await TestDatabases.emptyPostgres(store) }
    try await Migrator().migrate(store, at: 1)
    // PROBE=1: the import as the server runs one (`POST /fhir`: its mapping at a lower
    // priority), with a request's small write (`SQLStore.write`, as a case saved) every 10 ms
    // beside it — how long such a write takes while the import writes (issue #12).
    let probing = ProcessInfo.processInfo.environment["PROBE"] != nil
    let probe = Task {
        var waits: [Duration] = []
        while probing, !Task.isCancelled {
            let sent = ContinuousClock.now
            try? await store.write { db in try await db.raw("SELECT 1").run() }
            waits.append(sent.duration(to: .now))
            try? await Task.sleep(for: .milliseconds(10))
        }
        return waits
    }
    let start = Date()
    let summary = try await BulkImporter(staging: SQLFHIRStaging(store), user: "bench", asOf: asOf, background: probing, now: { 1 }).run(folder)
    report(postgres == nil ? "swift import (SQLite)" : "swift import (PostgreSQL)", folder: folder, resources: summary.scan.resources, seconds: Date().timeIntervalSince(start))
    print(String(format: "  pass 1 (read, check, stage) %.2f s; pass 2 (build %d cases) %.2f s", summary.stageSeconds, summary.created, summary.buildSeconds))
    probe.cancel()
    let waits = await probe.value.sorted()
    if !waits.isEmpty {
        func ms(_ quantile: Double) -> String {
            let value = waits[min(waits.count - 1, Int(Double(waits.count) * quantile))]
            return String(format: "%.1f", Double(value.components.attoseconds) / 1e15 + Double(value.components.seconds) * 1e3)
        }
        print("  a request's write during the import: \(waits.count) writes, p50 \(ms(0.5)) ms, p99 \(ms(0.99)) ms, max \(ms(1)) ms")
    }
    await store.shutdown()
    try? FileManager.default.removeItem(at: database)
case "one-core":
    // The strict parse and check of every line on one core, best of 5 rounds (the machine's
    // speed swings; the best round is the one least disturbed). Files are read first.
    var lines: [[UInt8]] = []
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".ndjson") {
        for line in NDJSONReader(url: folder.appendingPathComponent(file)) { lines.append(line.bytes) }
    }
    let bytes = lines.reduce(0) { $0 + $1.count }
    var best = Double.infinity
    for _ in 0..<5 {
        let start = Date()
        var resources = 0
        for line in lines { if (try? FHIRResource(FHIRJSON.parse(bytes: line))) != nil { resources += 1 } }
        best = min(best, Date().timeIntervalSince(start))
        precondition(resources == lines.count, "every line parses")
    }
    print(String(format: "one core: parse and check %d resources, %.1f MB: best %.3f s, %.1f MB/s", lines.count, Double(bytes) / 1_048_576, best, Double(bytes) / 1_048_576 / best))
    // Writing case files (each imported patient's record is written once).
    let records = (0..<24).map { SyntheticCase.make(lesions: 1 + $0 % 6, studies: 2 + $0 % 7, treatments: 1 + $0 % 5, seed: UInt64($0 + 1)) }
    var bestWrite = Double.infinity
    var written = 0
    for _ in 0..<5 {
        let start = Date()
        written = 0
        for _ in 0..<40 { for record in records { written += CaseFile.write(record).utf8.count } }
        bestWrite = min(bestWrite, Date().timeIntervalSince(start))
    }
    print(String(format: "one core: write %d case files (%.0f bytes each): best %.1f µs each", 40 * records.count, Double(written) / Double(40 * records.count), bestWrite / Double(40 * records.count) * 1e6))
default:
    FileHandle.standardError.write(Data("unknown mode \(arguments[1]); allowed: make, scan, import, one-core\n".utf8))
    exit(2)
}
