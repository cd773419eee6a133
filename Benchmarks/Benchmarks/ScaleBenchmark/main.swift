import BoneMetDomain
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Logging

// Issue #12, the scale benchmark: fill 10 k / 100 k / 1 M cases through the storage layer,
// then time every list, worklist, search and case read on SQLite or PostgreSQL. Usage:
//   ScaleBenchmark sqlite N [N …]
//   ScaleBenchmark postgres URL N [N …]     (a throw-away database: its tables are dropped)
// Prints one line per operation and size: median and p90 of `runs` repetitions in ms.

let arguments = Array(CommandLine.arguments.dropFirst())
guard let engine = arguments.first, engine == "sqlite" || engine == "postgres" else {
    print("usage: ScaleBenchmark sqlite N [N …] | ScaleBenchmark postgres URL N [N …]")
    exit(2)
}
let postgresURL = engine == "postgres" ? arguments.dropFirst().first : nil
let sizes = arguments.dropFirst(engine == "postgres" ? 2 : 1).compactMap { Int($0) }
var logger = Logger(label: "scale")
logger.logLevel = .error

/// Templates: realistic cases of several sizes and kinds (their findings are what the rules
/// say about them); every 500th stored case keeps the full record, the rest a small one.
let asOf = PartialDate("2026-11-30")!
let templates: [(record: CaseRecord, findings: [Finding])] = (0..<24).map { index in
    let record = SyntheticCase.make(lesions: 1 + index % 6, studies: 2 + index % 7, treatments: 1 + index % 5, seed: UInt64(index + 1))
    return (record, assess(record, asOf: asOf, settings: .default).findings)
}

let small = SyntheticCase.make(lesions: 1, studies: 1, treatments: 1, seed: 2)

func fill(_ cases: SQLCaseStore, count: Int) async throws -> (seconds: Double, realistic: [String]) {
    let started = Date()
    var realistic: [String] = []
    let batch = 1_000
    for start in stride(from: 0, to: count, by: batch) {
        var items: [SQLCaseStore.NewCase] = []
        for index in start..<min(start + batch, count) {
            let template = templates[index % templates.count]
            // Small stored record (lists never read it); the findings are the template's.
            var record = index % 500 == 0 ? template.record : small
            record.patient.id = String(format: "P%07d", index)
            items.append(.init(record: record, json: CaseFile.write(record), findings: template.findings, by: "user\(index % 100)", at: 1_700_000_000 + Int64(index)))
        }
        let ids = try await cases.insertMany(items)
        for (offset, id) in ids.enumerated() where (start + offset) % 500 == 0 { realistic.append(id) }
    }
    return (Date().timeIntervalSince(started), realistic)
}

func time(_ runs: Int = 15, _ body: () async throws -> Void) async throws -> (p50: Double, p90: Double) {
    try await body()   // warm-up
    var samples: [Double] = []
    for _ in 0..<runs {
        let started = DispatchTime.now().uptimeNanoseconds
        try await body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
    }
    samples.sort()
    return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 9 / 10)])
}

// The product's own worklist definitions: a copy of their rules went stale as worklists gained
// rules (the pelvis, the hand and foot …), and `worklist(rules:)` then timed its generic join
// instead of the worklist's index — 37 ms at 10 k and 652 ms at 100 k for impending fractures
// (2026-12-06), a benchmark artefact, not the pages' cost.
let worklists: [(slug: String, rules: [String], minimum: Severity)] = Worklists.all.map { ($0.slug, $0.rules, $0.minimumSeverity) }
let boneAgents = worklists.first { $0.slug == "bone-agents" }

for size in sizes {
    let location: DatabaseLocation
    var path: String?
    if let postgresURL {
        location = .postgres(url: postgresURL)
    } else {
        let file = NSTemporaryDirectory() + "bonemet-scale-\(size)-\(getpid()).sqlite"
        path = file
        location = .sqlite(path: file)
    }
    let store = try SQLStore(location, logger: logger)
    if postgresURL != nil { try await TestDatabases.emptyPostgres(store) }
    _ = try await Migrator().migrate(store, at: 1_700_000_000)
    let cases = SQLCaseStore(store)
    let (fillSeconds, realistic) = try await fill(cases, count: size)
    let matching = try await store.read { db in
        try await db.raw("SELECT COUNT(*) AS n FROM findings").first()?.decode(column: "n", as: Int.self) ?? 0
    }
    print("\(engine)\t\(size) cases\tfill \(String(format: "%.1f", fillSeconds)) s\t\(matching) findings")
    func line(_ name: String, _ result: (p50: Double, p90: Double)) {
        print(String(format: "%@\t%d\t%@\tp50 %.2f ms\tp90 %.2f ms", engine, size, name, result.p50, result.p90))
    }
    let viewer = CaseViewer(userId: "user7", now: 1_800_000_000)
    line("list page 1", try await time { _ = try await cases.list(CaseListFilter(today: "2026-11-30"), limit: 51, offset: 0) })
    line("list page 101 (offset 5000)", try await time { _ = try await cases.list(CaseListFilter(today: "2026-11-30"), limit: 51, offset: 5_000) })
    // The page after row 5 000, by its cursor (what the pages' Next link does).
    let atRow5000 = try await cases.list(CaseListFilter(today: "2026-11-30"), limit: 1, offset: 4_999).first?.cursor
    var deep = CaseListFilter(today: "2026-11-30")
    deep.after = atRow5000
    line("list page after row 5000 (cursor)", try await time { _ = try await cases.list(deep, limit: 51, offset: 0) })
    var own = CaseListFilter(today: "2026-11-30")
    own.viewer = viewer
    line("list page 1, care team (1 %)", try await time { _ = try await cases.list(own, limit: 51, offset: 0) })
    // A care team of a fixed size (200 patients, added to their teams) whatever the hospital's
    // size: what a real clinician sees. Its cost must not grow with the hospital.
    let teamIds = try await store.read { db in
        try await db.raw("SELECT id FROM cases ORDER BY id LIMIT 200").all().map { try $0.decode(column: "id", as: String.self) }
    }
    let access = SQLCaseAccess(store)
    for id in teamIds { try await access.add(member: "team200", caseId: id, by: "user0", at: 1_700_000_000) }
    let teamViewer = CaseViewer(userId: "team200", now: 1_800_000_000)
    var team = CaseListFilter(today: "2026-11-30")
    team.viewer = teamViewer
    line("list page 1, care team of 200", try await time { _ = try await cases.list(team, limit: 51, offset: 0) })
    line("worklist bone-agents, care team of 200", try await time {
        _ = try await cases.worklist("bone-agents", viewer: teamViewer, after: nil, limit: 50)
    })
    line("search \"P00012\"", try await time { _ = try await cases.list(CaseListFilter(search: "P00012", today: "2026-11-30"), limit: 50, offset: 0) })
    line("search \"0012\" (inside)", try await time { _ = try await cases.list(CaseListFilter(search: "0012", today: "2026-11-30"), limit: 50, offset: 0) })
    for list in worklists {
        line("worklist \(list.slug)", try await time { _ = try await cases.worklist(rules: list.rules, minimumSeverity: list.minimum, viewer: nil, limit: 50, offset: 0) })
    }
    line("worklist bone-agents, care team", try await time {
        _ = try await cases.worklist(rules: boneAgents?.rules ?? [], minimumSeverity: boneAgents?.minimum ?? .advisory, viewer: viewer, limit: 50, offset: 0)
    })
    let deepWorklist = try await cases.worklist("bone-agents", viewer: nil, after: nil, limit: 5_000).last?.cursor
    line("worklist bone-agents after row 5000 (cursor)", try await time { _ = try await cases.worklist("bone-agents", viewer: nil, after: deepWorklist, limit: 50) })
    let sample = realistic[realistic.count / 2]
    line("case read + assess (realistic)", try await time {
        guard let stored = try await cases.get(id: sample) else { return }
        _ = assess(stored.record, asOf: asOf, settings: .default)
    })
    await store.shutdown()
    if let path { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
}
