import BoneMetDomain
@testable import BoneMetStorage
import BoneMetTestSupport
import SQLKit
import Testing

/// Issue #12: `SQLStore.quickWrite` runs a transaction's statements on SQLite on the caller's
/// thread, on one writing connection. It must be the same transaction `write` is: all or
/// nothing, serialised with every other writer, its values stored exactly, foreign keys checked.
@Suite struct QuickWriteTests {
    private func table(_ store: SQLStore) async throws {
        try await store.write { db in
            try await db.raw("CREATE TABLE parent (id TEXT PRIMARY KEY)").run()
            try await db.raw("CREATE TABLE child (id BIGINT PRIMARY KEY, parent TEXT NOT NULL REFERENCES parent (id), x DOUBLE PRECISION, t TEXT)").run()
            try await db.raw("INSERT INTO parent VALUES ('p')").run()
        }
    }

    private func children(_ store: SQLStore) async throws -> [Int64] {
        try await store.read { db in
            try await db.select().column("id").from("child").orderBy("id").all().map { try $0.decode(column: "id", as: Int64.self) }
        }
    }

    private func run(_ engine: SQLStore.Engine, _ body: (SQLStore) async throws -> Void) async throws {
        try await TestDatabases.with(engine) { store in
            try await table(store)
            try await body(store)
        }
    }

    struct Refused: Error {}

    private func child(_ id: Int, of parent: String = "p", in db: any SQLDatabase) async throws {
        try await db.insert(into: "child").columns("id", "parent").values(SQLBind(id), SQLBind(parent)).run()
    }

    /// A transaction that writes child `id` and then throws: refused, as the caller expects.
    private func refusedAfterWriting(_ id: Int, in store: SQLStore, sourceLocation: SourceLocation = #_sourceLocation) async {
        await #expect(throws: Refused.self, sourceLocation: sourceLocation) {
            try await store.quickWrite { db in
                try await child(id, in: db)
                throw Refused()
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func allOrNothing(engine: SQLStore.Engine) async throws {
        try await run(engine) { store in
            // A body that throws after writing leaves nothing behind…
            await refusedAfterWriting(1, in: store)
            // …so does a statement the database refuses (a parent that does not exist)…
            await #expect(throws: (any Error).self) {
                try await store.quickWrite { db in
                    try await child(2, in: db)
                    try await child(3, of: "nobody", in: db)
                }
            }
            #expect(try await children(store).isEmpty)
            // …and the next transaction starts clean and commits, values exactly as bound.
            let count = try await store.quickWrite { db in
                try await db.insert(into: "child").columns("id", "parent", "x", "t")
                    .values(SQLBind(9_007_199_254_740_993 as Int64), SQLBind("p"), SQLBind(0.1), SQLBind("唑来膦酸 'q'"))
                    .values(SQLBind(4 as Int64), SQLBind("p"), SQLBind(Double?.none), SQLBind(String?.none)).run()
                return try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("child").first()?
                    .decode(column: "n", as: Int.self) ?? 0
            }
            #expect(count == 2)
            let row = try #require(try await store.read { db in try await db.select().columns("x", "t").from("child").where("id", .equal, SQLBind(9_007_199_254_740_993 as Int64)).first() })
            #expect(try row.decode(column: "x", as: Double.self) == 0.1)
            #expect(try row.decode(column: "t", as: String.self) == "唑来膦酸 'q'")
        }
    }

    /// A body that ends the transaction itself and then fails: the ROLLBACK that follows fails
    /// too, the writing connection is closed, and the next transaction opens a fresh one.
    @Test(arguments: TestDatabases.engines)
    func aFailedRollbackLeavesTheNextTransactionWhole(engine: SQLStore.Engine) async throws {
        try await run(engine) { store in
            await #expect(throws: Refused.self) {
                try await store.quickWrite { db in
                    try await child(7, in: db)
                    try await db.raw("COMMIT").run()
                    throw Refused()
                }
            }
            #expect(try await children(store) == [7])
            try await store.quickWrite { db in
                try await child(8, in: db)
            }
            await refusedAfterWriting(9, in: store)
            #expect(try await children(store) == [7, 8])
        }
    }

    /// Quick and pooled writers at once: every increment lands (none lost to a second writer).
    @Test(arguments: TestDatabases.engines)
    func quickAndPooledWritersAreSerialised(engine: SQLStore.Engine) async throws {
        try await run(engine) { store in
            try await store.write { db in try await db.raw("CREATE TABLE counter (n BIGINT NOT NULL)").run() }
            try await store.write { db in try await db.raw("INSERT INTO counter VALUES (0)").run() }
            // PostgreSQL serialises its writers itself, by row lock.
            let read: SQLQueryString = engine == .postgres ? "SELECT n FROM counter FOR UPDATE" : "SELECT n FROM counter"
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        // Read, then write what was read plus one: only serialised writers count to 12
                        // (few: on PostgreSQL each waiting writer holds a pooled connection).
                        let body: @Sendable (any SQLDatabase) async throws -> Void = { db in
                            let n = try await db.raw(read).first()?.decode(column: "n", as: Int64.self) ?? -1
                            try await db.raw("UPDATE counter SET n = \(bind: n + 1)").run()
                        }
                        if index.isMultiple(of: 2) { try await store.quickWrite(body) } else { try await store.write(body) }
                    }
                }
                try await group.waitForAll()
            }
            let n = try await store.read { db in try await db.raw("SELECT n FROM counter").first()?.decode(column: "n", as: Int64.self) }
            #expect(n == 12)
        }
    }

    /// The transaction runs on the store's writing thread, not on one of Swift's cooperative
    /// threads (two on a 2-core server), which stay free for the work beside it — the next
    /// batch's assessment, requests (`WriterThread`). After shutdown a transaction is refused,
    /// never left waiting for a thread that has ended.
    @Test func aTransactionRunsOnTheWritingThread() async throws {
        try await run(.sqlite) { store in
            let places = try await store.quickWrite { db in
                let before = store.onWritingThread
                try await child(1, in: db)
                return [before, store.onWritingThread]
            }
            #expect(places == [true, true])
            // Outside, the caller is back where it was.
            #expect(!store.onWritingThread)
        }
    }

}
