import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import SQLKit
import Testing

/// Issue #12: the small reads of every request (`SQLStore.rows`) run on SQLite on the caller's
/// thread with prepared statements, and on a pooled connection otherwise. They must answer
/// exactly what the pooled read answers, see every committed write, and never write.
@Suite struct DirectReadsTests {
    /// A table with one row of every kind of value the stores keep.
    private func probe(_ store: SQLStore) async throws {
        try await store.write { db in
            try await db.raw("CREATE TABLE probe (id TEXT PRIMARY KEY, n BIGINT, x DOUBLE PRECISION, t TEXT, maybe TEXT, flag BOOLEAN)").run()
            try await db.raw("""
                INSERT INTO probe VALUES ('a', 9007199254740993, 0.1, 'Zoledronic 唑来膦酸 ''4 mg''', NULL, TRUE),
                                         ('b', -1, -2.5, '', 'present', FALSE)
                """).run()
        }
    }

    @Test(arguments: TestDatabases.engines)
    func rowsDecodeAsThePooledReadDoes(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            try await probe(store)
            let direct = try await store.rows("SELECT id, n, x, t, maybe, flag FROM probe WHERE id = ? OR n = ? ORDER BY id", [.text("a"), .integer(-1)])
            let pooled = try await store.read { db in try await db.raw("SELECT id, n, x, t, maybe, flag FROM probe ORDER BY id").all() }
            #expect(direct.count == 2 && pooled.count == 2)
            for (one, other) in zip(direct, pooled) {
                #expect(try one.decode(column: "id", as: String.self) == other.decode(column: "id", as: String.self))
                #expect(try one.decode(column: "n", as: Int64.self) == other.decode(column: "n", as: Int64.self))
                #expect(try one.decode(column: "x", as: Double.self) == other.decode(column: "x", as: Double.self))
                #expect(try one.decode(column: "t", as: String.self) == other.decode(column: "t", as: String.self))
                #expect(try one.decode(column: "maybe", as: String?.self) == other.decode(column: "maybe", as: String?.self))
                #expect(try one.decodeNil(column: "maybe") == other.decodeNil(column: "maybe"))
                #expect(try one.decode(column: "flag", as: Bool.self) == other.decode(column: "flag", as: Bool.self))
            }
            #expect(try direct[0].decode(column: "n", as: Int64.self) == 9_007_199_254_740_993)
            #expect(try direct[0].decode(column: "t", as: String.self) == "Zoledronic 唑来膦酸 '4 mg'")
            #expect(try direct[0].decodeNil(column: "maybe"))
            #expect(throws: (any Error).self) { try direct[0].decode(column: "absent", as: String.self) }
            // A NULL is nil for any optional and an error for a value; a number is not a text.
            #expect(try direct[0].decode(column: "maybe", as: Int?.self) == nil)
            #expect(try direct[0].decode(column: "maybe", as: Int64?.self) == nil)
            #expect(try direct[1].decode(column: "n", as: Int?.self) == -1)
            #expect(throws: (any Error).self) { try direct[0].decode(column: "maybe", as: String.self) }
            #expect(throws: (any Error).self) { try direct[0].decode(column: "maybe", as: Int.self) }
            #expect((try? direct[0].decode(column: "n", as: String.self)) == (try? pooled[0].decode(column: "n", as: String.self)))
            #expect((try? direct[0].decode(column: "t", as: Int.self)) == (try? pooled[0].decode(column: "t", as: Int.self)))
            // Every kind of bind, in order, including a NULL that matches nothing.
            let bound = try await store.rows(
                "SELECT id FROM probe WHERE x < ? AND t = ? AND n = ? OR maybe = ?", [.real(0), .text(""), .integer(-1), .null])
            #expect(try bound.map { try $0.decode(column: "id", as: String.self) } == ["b"])
            #expect(try await store.row("SELECT id FROM probe WHERE id = ?", [.text("none")]) == nil)
        }
    }

    /// Statements built with SQLKit answer the same through `quickRead` as through `read`,
    /// whatever their binds (text, integers, reals, booleans, a missing optional).
    @Test(arguments: TestDatabases.engines)
    func builtStatementsAnswerAsThePooledReadDoes(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            try await probe(store)
            @Sendable func ask(_ db: any SQLDatabase) async throws -> [String] {
                try await db.select().column("id").from("probe")
                    .where("n", .greaterThan, SQLBind(Int64(-5))).where("x", .lessThan, SQLBind(1.5))
                    .where(SQLQueryString("(flag = \(bind: true) OR maybe = \(bind: "present"))"))
                    .where(SQLQueryString("(maybe IS NULL OR maybe <> \(bind: String?.none) OR 1 = 1)"))
                    .orderBy("id", .descending).limit(10)
                    .all().map { try $0.decode(column: "id", as: String.self) }
            }
            let quick = try await store.quickRead(ask)
            let pooled = try await store.read(ask)
            #expect(quick == pooled)
            #expect(quick == ["b", "a"])
            let absent = try await store.quickRead { db in try await db.select().column("id").from("probe").where("id", .equal, SQLBind("zz")).first() }
            #expect(absent == nil)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func everyCommittedWriteIsSeenByTheNextRead(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            try await probe(store)
            for value in Int64(1)...40 {
                try await store.write { db in try await db.raw("UPDATE probe SET n = \(bind: value) WHERE id = 'b'").run() }
                let row = try await store.row("SELECT n FROM probe WHERE id = ?", [.text("b")])
                #expect(try row?.decode(column: "n", as: Int64.self) == value)
            }
        }
    }

    /// More readers at once than there are reading connections: the rest take the pool, and
    /// every one answers its own question while writes go on. "Busy" (a pooled connection not
    /// free within the pool's timeout — the server's 503 with Retry-After) is an answer too: on
    /// a machine loaded by other work the pool's 10 s can pass (a CI run beside other tests
    /// did); a wrong row or any other error never is, and most reads must answer.
    @Test(arguments: TestDatabases.engines)
    func manyReadersAtOnceAllAnswer(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            try await probe(store)
            let answered = try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask {
                    // The writer meets the same pool: "busy" is an answer for it too (a CI run on
                    // PostgreSQL failed on the writer's busy, not on a read).
                    for value in Int64(0)..<30 {
                        do {
                            try await store.write { db in try await db.raw("UPDATE probe SET x = \(bind: Double(value)) WHERE id = 'a'").run() }
                        } catch StorageError.busy {
                            continue
                        }
                    }
                    return 0
                }
                for reader in 0..<64 {
                    group.addTask {
                        let id = reader.isMultiple(of: 2) ? "a" : "b"
                        var answered = 0
                        for _ in 0..<10 {
                            do {
                                let row = try await store.row("SELECT id FROM probe WHERE id = ?", [.text(id)])
                                #expect(try row?.decode(column: "id", as: String.self) == id)
                                answered += 1
                            } catch StorageError.busy {
                                continue
                            }
                        }
                        return answered
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(answered > 320, "\(answered) of 640 reads answered")
        }
    }

    /// The reading connections are `query_only`: a statement that would write is refused and
    /// changes nothing.
    @Test func aDirectReadCannotWrite() async throws {
        try await TestDatabases.with(.sqlite) { store in
            try await probe(store)
            await #expect(throws: (any Error).self) { try await store.rows("UPDATE probe SET n = ? WHERE id = ?", [.integer(0), .text("a")]) }
            await #expect(throws: (any Error).self) { try await store.rows("SELECT nonsense FROM probe", []) }
            let row = try await store.row("SELECT n FROM probe WHERE id = ?", [.text("a")])
            #expect(try row?.decode(column: "n", as: Int64.self) == 9_007_199_254_740_993)
        }
    }

    /// After the store shuts down a read fails with an error, never a crash.
    @Test func aReadAfterShutdownFails() async throws {
        try await TestDatabases.with(.sqlite) { store in
            try await probe(store)
            _ = try await store.rows("SELECT id FROM probe", [])
            await store.shutdown()
            await #expect(throws: (any Error).self) { try await store.rows("SELECT id FROM probe", []) }
        }
    }
}
