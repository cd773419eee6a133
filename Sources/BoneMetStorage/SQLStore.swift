import Foundation
import AsyncKit
import BoneMetDomain
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// Where the data lives: an embedded SQLite file (default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// `postgres://…` / `postgresql://…` for PostgreSQL, anything else a SQLite file path.
    public init(_ text: String) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            self = .sqlite(path: text.hasPrefix("sqlite://") ? String(text.dropFirst("sqlite://".count)) : text)
        }
    }
}

/// One SQL code path over SQLite and PostgreSQL (architecture.md). Reads run on any pooled
/// connection; writes run in a transaction on one connection — `BEGIN IMMEDIATE` on SQLite,
/// which takes the write lock up front (a deferred BEGIN gives "database is locked" under
/// concurrent writers), with WAL so readers never block.
// @unchecked: AsyncKit's EventLoopGroupConnectionPool is not annotated Sendable, but guards
// its state with a lock and hands connections out per event loop; everything else here is
// immutable after init.
public final class SQLStore: @unchecked Sendable {
    public enum Engine: String, Sendable { case sqlite, postgres }

    enum Backend {
        case sqlite(EventLoopGroupConnectionPool<SQLiteSource>)
        case postgres(EventLoopGroupConnectionPool<PostgresConnectionSource>)
    }

    public let engine: Engine
    let backend: Backend
    let logger: Logger
    /// Serializes writers on SQLite (see AsyncLock); PostgreSQL handles concurrent writers itself.
    let writeLock = AsyncLock()
    /// What must be written before the connections close (queued audit entries).
    private let hooks = ShutdownHooks()
    /// SQLite only: small reads on the caller's thread (`rows`).
    private let direct: SQLiteDirectReads?
    /// SQLite only: the batch writers' transactions on a writing thread (`quickWrite`).
    private let writer: SQLiteDirectWriter?

    public init(_ location: DatabaseLocation, logger: Logger = Logger(label: "bonemet.storage")) throws {
        self.logger = logger
        let group = MultiThreadedEventLoopGroup.singleton
        switch location {
        case .sqlite(let path):
            engine = .sqlite
            // One reading connection per core and two spare: a read runs on the thread that asks,
            // and a task's thread is one of the cores (or an event loop's, briefly).
            direct = SQLiteDirectReads(path: path, limit: System.coreCount + 2)
            writer = SQLiteDirectWriter(path: path)
            backend = .sqlite(EventLoopGroupConnectionPool(source: SQLiteSource(path: path), maxConnectionsPerEventLoop: 2, logger: logger, on: group))
        case .postgres(let url):
            engine = .postgres
            direct = nil
            writer = nil
            let configuration = try SQLPostgresConfiguration(url: url)
            backend = .postgres(EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: 4, logger: logger, on: group))
        }
    }

    /// Runs `body` on one pooled connection.
    /// A connection that does not become free in time is `StorageError.busy` (overload, answered
    /// 503 with Retry-After), not an unknown error.
    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await pooled(body)
        } catch is ConnectionPoolTimeoutError {
            throw StorageError.busy
        }
    }

    private func pooled<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let pool):
            return try await pool.withConnection { connection in
                connection.eventLoop.makeFutureWithTask { try await body(connection.sql(queryLogLevel: .trace)) }
            }.get()
        case .postgres(let pool):
            return try await pool.withConnection { connection in
                connection.eventLoop.makeFutureWithTask { try await body(PostgresSessionDatabase(connection, queryLogLevel: .trace)) }
            }.get()
        }
    }

    /// The rows of one small read: `sql` with `?` for each of `arguments`, in order. On SQLite
    /// it runs on the caller's thread with its statement prepared once (`SQLiteDirectReads`);
    /// when no reading connection is free, and on PostgreSQL, on a pooled connection. For reads
    /// of a few indexed rows on every request — never a list or a scan.
    public func rows(_ sql: String, _ arguments: [SQLArgument]) async throws -> [any SQLRow] {
        if let direct, let rows = try direct.rows(sql, arguments.map(\.sqliteData)) { return rows }
        let query = Self.query(sql, arguments)
        return try await read { db in try await db.raw(query).all() }
    }

    /// `read` for the small reads of a page — a list or worklist page of an index, the reads
    /// beside it: on SQLite each statement `body` runs is answered as `rows` answers (on the
    /// caller's thread, prepared once); elsewhere it is `read`. No transaction: each statement
    /// sees the latest commit. Only reads — the reading connections refuse to write.
    public func quickRead<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let direct else { return try await read(body) }
        return try await body(DirectSQLiteDatabase(direct: direct, store: self))
    }

    /// The first row of `rows`, or nil.
    public func row(_ sql: String, _ arguments: [SQLArgument]) async throws -> (any SQLRow)? {
        try await rows(sql, arguments).first
    }

    /// `sql` with its `?` marks as binds, for the engine's own placeholders.
    static func query(_ sql: String, _ arguments: [SQLArgument]) -> SQLQueryString {
        var query = SQLQueryString("")
        var remaining = arguments[...]
        for (index, part) in sql.split(separator: "?", omittingEmptySubsequences: false).enumerated() {
            if index > 0, let argument = remaining.popFirst() {
                switch argument {
                case .text(let text): query.appendInterpolation(bind: text)
                case .integer(let value): query.appendInterpolation(bind: value)
                case .real(let value): query.appendInterpolation(bind: value)
                case .null: query.appendInterpolation(bind: String?.none)
                }
            }
            query.appendLiteral(String(part))
        }
        return query
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// Inside a `write`, makes check-then-insert on `key` atomic: SQLite writers are already
    /// serialised; on PostgreSQL a transaction-scoped advisory lock on the key's hash.
    func lock(_ key: String, in db: any SQLDatabase) async throws {
        guard engine == .postgres else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: key)))").run()
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let begin = engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        if engine == .sqlite {
            return try await writeLock.withLock { try await self.transaction(begin, body) }
        }
        return try await transaction(begin, body)
    }

    private func transaction<T: Sendable>(_ begin: String, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await read { database in
            try await database.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// `write` for transactions of many small statements — the background re-assessment's
    /// batches, the queued audit and replay-check entries: on SQLite `body` runs on the store's
    /// writing thread (`WriterThread`) and every statement is answered there, on the one writing
    /// connection, prepared once (`SQLiteDirectWriter`); elsewhere, or when that connection
    /// cannot be opened, it is `write`. Same transaction, same write lock: only where the
    /// statements run differs. Not for a statement that works long (an index build, a scan): it
    /// holds the writing thread, and every other `quickWrite` waits for it. Work for the cores
    /// (hashing, encoding) belongs before the call: child tasks of `body` (task groups,
    /// `mapOnEveryCore`) inherit the writing thread and would run one at a time.
    public func quickWrite<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let writer else { return try await write(body) }
        let logger = logger
        return try await writeLock.withLock {
            // On the writing thread, not a cooperative one (`WriterThread`: why).
            try await withTaskExecutorPreference(writer.executor()) {
                try await self.directTransaction(writer, logger: logger, body)
            }
        }
    }

    private func directTransaction<T: Sendable>(
        _ writer: SQLiteDirectWriter, logger: Logger, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        guard let connection = writer.take() else { return try await self.transaction("BEGIN IMMEDIATE", body) }
        // A connection whose ROLLBACK failed may still be inside the transaction: it is
        // closed, never given back (the next `quickWrite` opens a fresh one).
        var reusable = true
        defer { writer.give(connection, reusable: reusable) }
        try connection.run("BEGIN IMMEDIATE")
        do {
            let result = try await body(DirectSQLiteTransaction(connection: connection, logger: logger))
            try connection.run("COMMIT")
            return result
        } catch {
            do { try connection.run("ROLLBACK") } catch { reusable = false }
            throw error
        }
    }

    /// Whether another write waits for SQLite's write lock now (`quickWrite(count:inPartsOf:)`).
    /// Always false on PostgreSQL (no lock in-process).
    var othersWaitToWrite: Bool { engine == .sqlite && writeLock.contended }

    /// `quickWrite` for a batch of `count` items that gives way to other writes: on SQLite the
    /// items are written in parts of `size` (`body` gets each part's range, in order), and when
    /// another write waits for the lock after a part, the transaction commits the parts it has
    /// and queues again behind that write — a request's write waits for one part, not for the
    /// batch (issue #12: CDS calls during a full re-assessment queued behind its 200-case
    /// transactions). Without waiters the batch is one transaction; on PostgreSQL, which has no
    /// in-process lock, always one part. Each part must stand on its own: read what it decides
    /// on in its own part (an earlier part may have been committed and another write run since),
    /// and keep together what must be committed together. The parts' results, in order.
    func quickWrite<T: Sendable>(
        count: Int, inPartsOf size: Int, _ body: @escaping @Sendable (Range<Int>, any SQLDatabase) async throws -> T
    ) async throws -> [T] {
        let step = engine == .sqlite ? max(1, size) : max(1, count)
        var results: [T] = []
        var next = 0
        while next < count {
            let start = next
            let (done, end) = try await quickWrite { db -> ([T], Int) in
                var done: [T] = []
                var at = start
                // At least one part each time the lock is held: a batch behind a stream of
                // writes still moves.
                repeat {
                    let part = at..<min(count, at + step)
                    done.append(try await body(part, db))
                    at = part.upperBound
                } while at < count && !self.othersWaitToWrite
                return (done, at)
            }
            results += done
            next = end
        }
        return results
    }

    /// Whether the caller runs on the SQLite writing thread (`quickWrite`'s tests).
    var onWritingThread: Bool { writer?.onWritingThread ?? false }

    /// Runs `hook` at the start of `shutdown`, while the database can still be written.
    public func beforeShutdown(_ hook: @escaping @Sendable () async -> Void) {
        hooks.add(hook)
    }

    public func shutdown() async {
        for hook in hooks.takeAll() { await hook() }
        direct?.close()
        writer?.close()
        switch backend {
        case .sqlite(let pool): try? await pool.shutdownAsync()
        case .postgres(let pool): try? await pool.shutdownAsync()
        }
    }
}

/// SQLite connections with foreign keys, a busy timeout (waiters queue instead of failing)
/// and write-ahead logging.
struct SQLiteSource: ConnectionPoolSource {
    let path: String

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: .file(path: path), threadPool: .singleton, logger: logger, on: eventLoop).flatMap { connection in
            connection.query("PRAGMA foreign_keys = ON")
                .flatMap { _ in connection.query("PRAGMA busy_timeout = 10000") }
                .flatMap { _ in connection.query("PRAGMA journal_mode = WAL") }
                .map { _ in connection }
                // A damaged file fails here: close the connection before passing the error on
                // (SQLiteNIO asserts on a connection dropped open — a crash instead of a message).
                .flatMapError { error in connection.close().flatMapThrowing { throw error } }
        }
    }
}

/// Hooks run once, in the order added, when the store shuts down.
private final class ShutdownHooks: @unchecked Sendable {
    // @unchecked: the array is only touched under the lock.
    private let lock = NSLock()
    private var hooks: [@Sendable () async -> Void] = []

    func add(_ hook: @escaping @Sendable () async -> Void) {
        lock.withLock { hooks.append(hook) }
    }

    func takeAll() -> [@Sendable () async -> Void] {
        lock.withLock {
            defer { hooks = [] }
            return hooks
        }
    }
}
