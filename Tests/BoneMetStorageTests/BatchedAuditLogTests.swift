import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import SQLKit
import Testing

/// Issue #12: views are audited through a queue written in batches. Nothing may be lost or
/// reordered by it: entries from parallel requests all join one intact chain, a read of the log
/// sees every entry recorded before it, and shutting the store down writes what is queued.
@Suite struct BatchedAuditLogTests {
    static let engines = TestDatabases.engines

    @Test(arguments: engines)
    func parallelEntriesAllJoinOneIntactChain(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let log = BatchedAuditLog(store)
            await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for index in 0..<50 {
                            try await log.record(userId: "u\(worker)", action: "view", caseId: nil, detail: "\(worker)-\(index)", at: 100, client: nil)
                        }
                    }
                }
            }
            // Read through the queue: everything recorded before is there.
            let entries = try await log.entries(limit: 1_000, offset: 0)
            #expect(entries.count == 400)
            // Each worker's entries keep their order (newest first in the log).
            for worker in 0..<8 {
                let mine = entries.filter { $0.userId == "u\(worker)" }.map(\.detail)
                #expect(mine == (0..<50).reversed().map { "\(worker)-\($0)" })
            }
            #expect(try await log.log.verify() == .intact(entries: 400))
            // Under parallel load the writer shares transactions: fewer batches than entries is
            // not asserted (it depends on scheduling), only that none waited forever.
            #expect(await log.pending == 0)
        }
    }

    @Test(arguments: engines)
    func shuttingTheStoreDownWritesWhatIsQueued(engine: SQLStore.Engine) async throws {
        let made = try await TestDatabases.makeWithLocation(engine)
        let log = BatchedAuditLog(made.store)
        for index in 0..<300 {
            try await log.record(userId: "u", action: "view", caseId: nil, detail: "n\(index)", at: 100, client: "10.0.0.\(index % 7)")
        }
        // No flush, no read: the process is stopping.
        await made.store.shutdown()
        let reopened = try SQLStore(made.location)
        let verdict = try await SQLAuditLog(reopened).verify()
        #expect(verdict == .intact(entries: 300))
        let newest = try await SQLAuditLog(reopened).entries(limit: 1, offset: 0)
        #expect(newest.first?.detail == "n299")
        await reopened.shutdown()
        await made.cleanup()
    }

    @Test(arguments: engines)
    func aFailedWriteKeepsTheEntriesForTheNextAttempt(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let log = BatchedAuditLog(store)
            // The table is briefly unwritable (a DBA's mistake): the entry waits, it is not dropped.
            try await store.write { db in try await db.raw("ALTER TABLE audit_log RENAME TO audit_log_away").run() }
            try await log.record(userId: "u", action: "view", caseId: nil, detail: "kept", at: 100, client: nil)
            await log.flush()
            #expect(await log.pending == 1)
            try await store.write { db in try await db.raw("ALTER TABLE audit_log_away RENAME TO audit_log").run() }
            let entries = try await log.entries(limit: 10, offset: 0)
            #expect(entries.map(\.detail) == ["kept"])
            #expect(await log.pending == 0)
        }
    }
}
