import BoneMetDomain
@testable import BoneMetFHIR
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import SQLKit
import Testing

/// Issue #12: pass 2 of a bulk import stores a batch of patients per transaction. Across batch
/// boundaries every patient is counted once, patients without cancer leave nothing behind, the
/// staged resources of imported patients go, and importing again changes nothing.
@Suite struct BatchedImportTests {
    /// `background`: mapped and assessed at a lower priority (the server's import), the same
    /// outcome as the command line's.
    @Test(arguments: TestDatabases.engines, [false, true])
    func manyPatientsAcrossBatches(engine: SQLStore.Engine, background: Bool) async throws {
        try await TestDatabases.with(engine) { store in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bm-batched-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            // 2½ batches of patients with cancer, and some with no cancer condition at all.
            let withCancer = BulkImporter.patientsPerTransaction * 2 + BulkImporter.patientsPerTransaction / 2
            var byType: [String: [String]] = [:]
            for index in 0..<withCancer {
                let record = SyntheticCase.make(lesions: 1 + index % 3, studies: 2 + index % 3, treatments: 1 + index % 2, seed: UInt64(index + 1))
                for resource in FHIRExporter.resources(caseId: String(format: "bp%04d", index), record: record, assessment: nil) {
                    byType[resource["resourceType"]?.string ?? "?", default: []].append(resource.serialized())
                }
            }
            for index in 0..<7 {
                byType["Patient", default: []].append(#"{"resourceType":"Patient","id":"healthy\#(index)","gender":"female"}"#)
            }
            for (type, lines) in byType { try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("\(type).ndjson"), atomically: true, encoding: .utf8) }

            let staging = SQLFHIRStaging(store)
            let asOf = PartialDate("2026-11-30")!
            let importer = BulkImporter(staging: staging, user: "import", asOf: asOf, followOwnCaseIdentifier: false, background: background, now: { 1 })
            let first = try await importer.run(folder)
            #expect(first.created == withCancer)
            #expect(first.withoutCancer == 7)
            #expect(first.updated == 0 && first.unchanged == 0)
            #expect(try await staging.stagedPatients().isEmpty)
            // Every case stored with its findings and its next-change day.
            let stored = try await SQLCaseStore(store).duePage(onOrBefore: Assessment.neverDue, after: nil, limit: 1_000)
            #expect(stored.count == withCancer)
            #expect(stored.allSatisfy { $0.reassessOn > Int64(asOf.earliestDay) })
            // PostgreSQL has the statistics of the tables the import filled (ANALYZE), so the
            // next lists are planned on the indexes.
            if engine == .postgres {
                let analysed = try await store.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM pg_stat_user_tables WHERE relname IN ('cases', 'findings') AND last_analyze IS NOT NULL")
                        .first()?.decode(column: "n", as: Int.self)
                }
                #expect(analysed == 2)
            }
            let again = try await importer.run(folder)
            #expect(again.unchanged == withCancer && again.created == 0 && again.updated == 0)
        }
    }

    /// Pass 1's staging writes in flight (two on PostgreSQL): a batch that shares a resource
    /// with a write in flight starts only after it, so the later copy is written last; batches
    /// that share none run side by side; at most `limit` at once; a failure is thrown.
    @Test func stagingWritesWaitForAnEarlierWriteOfTheSameResource() async throws {
        actor Log {
            var entries: [String] = []
            var waiters: [CheckedContinuation<Void, Never>] = []
            func add(_ entry: String) {
                entries.append(entry)
                for waiter in waiters { waiter.resume() }
                waiters = []
            }
            func wait(for entry: String) async {
                while !entries.contains(entry) { await withCheckedContinuation { waiters.append($0) } }
            }
        }
        struct Failed: Error {}
        func batch(_ ids: String...) -> [BulkImporter.Staged] { ids.map { ("Observation", $0, "p1", "{}") } }
        let log = Log()
        var writes = BulkImporter.StagingWrites(limit: 3)
        // A (x) is held until B (y, no shared resource) has run beside it and a while after —
        // long enough that a C started at once would run before A ends. (The wait only holds
        // A back; nothing is timed.)
        let opener = Task {
            await log.wait(for: "B")
            try? await Task.sleep(for: .milliseconds(100))
            await log.add("open")
        }
        try await writes.start(batch("x", "a")) { _ in
            await log.wait(for: "open")
            await log.add("A")
        }
        try await writes.start(batch("y")) { _ in await log.add("B") }
        // C shares x with A: it must not start before A is written.
        try await writes.start(batch("c", "x")) { _ in await log.add("C after \(await log.entries)") }
        try await writes.finish()
        await opener.value
        #expect(await log.entries == ["B", "open", "A", "C after [\"B\", \"open\", \"A\"]"])

        // At most `limit` in flight: the second waits for the first although they share nothing.
        let one = Log()
        var single = BulkImporter.StagingWrites(limit: 1)
        try await single.start(batch("m")) { _ in await one.add("M") }
        try await single.start(batch("n")) { _ in await one.add("N after \(await one.entries)") }
        try await single.finish()
        #expect(await one.entries == ["M", "N after [\"M\"]"])

        // A failure is reported once the write beside it has ended.
        let two = Log()
        var failing = BulkImporter.StagingWrites(limit: 2)
        try await failing.start(batch("f")) { _ in throw Failed() }
        try await failing.start(batch("g")) { _ in
            try? await Task.sleep(for: .milliseconds(50))
            await two.add("G")
        }
        await #expect(throws: Failed.self) { try await failing.finish() }
        #expect(await two.entries == ["G"])
    }
}
