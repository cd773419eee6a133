import BoneMetDomain
import BoneMetRules
@testable import BoneMetStorage
import BoneMetTestSupport
import SQLKit
import Testing

/// Issue #12: CDS calls during a full re-assessment waited behind its 200-case transactions
/// (1 000 calls a second offered, 578 answered, p50 1.4 s). On SQLite a long background batch —
/// the re-assessment's, an import's — now commits after the part it is writing when another
/// write waits for the lock, and queues again behind it (`SQLStore.quickWrite(count:inPartsOf:)`);
/// what that write changed is then respected, and what belongs together stays in one part.
///
/// Each test queues, in this order, behind a write that holds the lock: the batch, then writes
/// that look at (or change) what it has done — so the batch has written exactly its first part
/// when they run.
@Suite struct GiveWayTests {
    func finding(_ title: String) -> Finding {
        Finding(
            ruleId: "test.rule", severity: .warning, duty: .surgery, specialty: .orthopaedics, subject: .patient,
            title: LocalizedText(en: title, zh: title + "（中文）"), detail: LocalizedText(en: "d", zh: "d"), sources: [])
    }

    /// Waits (bounded) until `count` writers queue for the store's write lock.
    func queued(_ count: Int, on store: SQLStore) async throws {
        for _ in 0..<5_000 where store.writeLock.waiting < count { try await Task.sleep(for: .milliseconds(2)) }
        try #require(store.writeLock.waiting == count)
    }

    /// A write that holds the lock until `release` is called.
    struct Holder {
        let task: Task<Void, any Error>
        let release: @Sendable () -> Void
    }

    func hold(_ store: SQLStore) async -> Holder {
        let (started, begin) = AsyncStream<Void>.makeStream()
        let (gate, open) = AsyncStream<Void>.makeStream()
        let task = Task {
            try await store.quickWrite { _ in
                begin.yield()
                for await _ in gate { break }
            }
        }
        for await _ in started { break }
        return Holder(task: task, release: { open.yield() })
    }

    func count(_ sql: SQLQueryString, in db: any SQLDatabase) async throws -> Int {
        try await db.raw(sql).first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test func aWaitingWriteGoesBeforeTheRestOfARefresh() async throws {
        try await TestDatabases.with(.sqlite) { store in
            let cases = SQLCaseStore(store)
            var items: [SQLCaseStore.Reassessed] = []
            for index in 0..<40 {
                let stored = try await cases.create(CaseRecord(patient: Patient(id: "part-\(index)")), findings: [finding("old")], by: "u", at: 1)
                items.append(.init(id: stored.id, version: stored.version, findings: [finding("new \(index)")], reassessOn: 20_000))
            }
            let batch = items
            let holder = await hold(store)
            let refreshing = Task { try await cases.refresh(batch) }
            try await queued(1, on: store)
            let progress = Task {
                try await store.quickWrite { db in try await count("SELECT COUNT(*) AS n FROM findings WHERE title_en LIKE 'new %'", in: db) }
            }
            try await queued(2, on: store)
            // An edit of a case late in the batch, saved while the batch is half written.
            let late = batch[30]
            let edit = Task {
                try await cases.update(
                    id: late.id, record: CaseRecord(patient: Patient(id: "part-30")), findings: [finding("edited")], reassessOn: 0,
                    expectedVersion: late.version, by: "u", at: 2)
            }
            try await queued(3, on: store)
            holder.release()
            try await holder.task.value
            // The batch's first part was written before the waiting writes, not all of it.
            #expect(try await progress.value == SQLCaseStore.refreshPart)
            _ = try await edit.value
            // Each part read its cases' versions itself: the edited case keeps its own findings.
            #expect(try await refreshing.value == 39)
            #expect(try await cases.findings(caseId: late.id).map(\.title.en) == ["edited"])
            for (index, item) in batch.enumerated() where index != 30 {
                #expect(try await cases.findings(caseId: item.id).map(\.title.en) == ["new \(index)"])
            }
        }
    }

    @Test func anImportGivesWayAndKeepsEachPatientsPurgeWithItsCase() async throws {
        try await TestDatabases.with(.sqlite) { store in
            let staging = SQLFHIRStaging(store)
            var patients: [ImportedPatient] = []
            var resources: [(type: String, id: String, patient: String?, json: String)] = []
            for index in 0..<20 {
                let id = "imp-\(index)"
                resources.append(("Patient", id, nil, #"{"resourceType":"Patient","id":"\#(id)"}"#))
                resources.append(("Condition", "c-\(index)", id, #"{"resourceType":"Condition","id":"c-\#(index)"}"#))
                // Every fourth patient has no cancer condition: nothing stored, the staging purged.
                let upsert = index % 4 == 3
                    ? nil : CaseUpsert(sourceKey: "fhir:" + id, record: CaseRecord(patient: Patient(id: id)), findings: [finding("f")], reassessOn: 0)
                patients.append(ImportedPatient(upsert: upsert, purge: id))
            }
            try await staging.stage(resources)
            let batch = patients
            let holder = await hold(store)
            let importing = Task { try await staging.upsertCases(batch, by: "u", at: 5) }
            try await queued(1, on: store)
            // What the import has done when the next write runs: cases stored, patients whose
            // staged resources are gone (each patient's two rows go together).
            let progress = Task {
                try await store.quickWrite { db in
                    (
                        cases: try await count("SELECT COUNT(*) AS n FROM cases", in: db),
                        staged: try await count("SELECT COUNT(*) AS n FROM fhir_staging", in: db)
                    )
                }
            }
            try await queued(2, on: store)
            holder.release()
            try await holder.task.value
            let seen = try await progress.value
            let part = SQLFHIRStaging.upsertPart
            // The first part: its patients with a case stored, all of its patients purged.
            #expect(seen.cases == (0..<part).filter { $0 % 4 != 3 }.count)
            #expect(seen.staged == 2 * (20 - part))
            let outcomes = try await importing.value
            #expect(outcomes == Array(repeating: .created, count: 15))
            let after = try await store.read { db in
                (cases: try await count("SELECT COUNT(*) AS n FROM cases", in: db), staged: try await count("SELECT COUNT(*) AS n FROM fhir_staging", in: db))
            }
            #expect(after.cases == 15 && after.staged == 0)
            #expect(try await staging.caseId(sourceKey: "fhir:imp-0") != nil)
            #expect(try await staging.caseId(sourceKey: "fhir:imp-3") == nil)
        }
    }

    /// Without waiters, and on PostgreSQL always, the batch is one transaction: nothing of it is
    /// seen before all of it is.
    @Test(arguments: TestDatabases.engines)
    func withoutWaitersABatchIsOneTransaction(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            try await store.write { db in try await db.raw("CREATE TABLE part_log (part INTEGER NOT NULL, seen INTEGER NOT NULL)").run() }
            // Each part records how many parts a fresh connection could see committed before it.
            let parts = try await store.quickWrite(count: 50, inPartsOf: 8) { part, db in
                let committed = try await store.read { other in try await count("SELECT COUNT(*) AS n FROM part_log", in: other) }
                try await db.raw("INSERT INTO part_log VALUES (\(bind: part.lowerBound), \(bind: committed))").run()
                return part
            }
            let expected = engine == .sqlite ? stride(from: 0, to: 50, by: 8).map { $0..<min(50, $0 + 8) } : [0..<50]
            #expect(parts == expected)
            let seen = try await store.read { db in
                try await db.raw("SELECT seen FROM part_log").all().map { try $0.decode(column: "seen", as: Int.self) }
            }
            #expect(seen == Array(repeating: 0, count: expected.count))
        }
    }
}
