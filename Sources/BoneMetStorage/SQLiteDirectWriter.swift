import Logging
import SQLKit
import SQLiteKit
import Synchronization

/// The batch writers' transactions on one thread of their own, on SQLite (issue #12,
/// `SQLStore.quickWrite`, `WriterThread`).
///
/// Why: every SQLiteNIO statement hops from the task to SQLite's thread pool and back and is
/// prepared afresh — measured 150–350 µs a statement around a few microseconds of SQLite's own
/// work. The background re-assessment writes three statements per changed case (its counts, a
/// delete, the findings): 1.15 ms a case, more than deciding and assessing it. Here the same
/// statements run on the transaction's thread, on one connection kept for writing, prepared once.
///
/// One connection is enough: in-process SQLite writers are serialised by `SQLStore.writeLock`,
/// which `quickWrite` holds for the whole transaction, so the connection is never shared.
final class SQLiteDirectWriter: Sendable {
    private enum State {
        case idle(DirectConnection?)
        case inUse
        case closed
    }

    private let path: String
    private let state = Mutex(State.idle(nil))
    /// Where the transactions run (`WriterThread`), started on first use, stopped by `close`.
    private let thread = Mutex<(WriterThread?, closed: Bool)>((nil, false))

    init(path: String) {
        self.path = path
    }

    /// The writing connection (opened on first use), or nil when it cannot be opened or the
    /// store is closing — the caller takes the pooled path. Only under the write lock.
    func take() -> DirectConnection? {
        let current = state.withLock { state -> DirectConnection?? in
            guard case .idle(let connection) = state else { return .none }
            state = .inUse
            return .some(connection)
        }
        guard let current else { return nil }
        if let connection = current { return connection }
        if let opened = DirectConnection(path: path, writing: true) { return opened }
        state.withLock { $0 = .idle(nil) }
        return nil
    }

    /// Gives the connection back after a transaction; one that is not `reusable` (or given back
    /// while the store closes) is closed, and the next `take` opens another.
    func give(_ connection: DirectConnection, reusable: Bool = true) {
        let keep = state.withLock { state -> Bool in
            guard case .inUse = state else { return false }
            state = .idle(reusable ? connection : nil)
            return reusable
        }
        if !keep { connection.close() }
    }

    /// The writing thread, started on first use; nil once the store closes.
    func executor() -> WriterThread? {
        thread.withLock { thread in
            if thread.closed { return nil }
            if let running = thread.0 { return running }
            let started = WriterThread(name: "bonemet-writer")
            thread.0 = started
            return started
        }
    }

    /// Whether the caller runs on the writing thread (for tests).
    var onWritingThread: Bool { thread.withLock { $0.0 }?.isCurrent ?? false }

    /// Closes the connection, or marks it to close when it is given back.
    func close() {
        thread.withLock { thread in
            thread.0?.stop()
            thread = (nil, true)
        }
        let idle = state.withLock { state -> DirectConnection? in
            defer { state = .closed }
            if case .idle(let connection) = state { return connection }
            return nil
        }
        idle?.close()
    }
}

/// SQLKit's statements inside a `quickWrite` transaction: written out in SQLite's dialect, binds
/// encoded as SQLiteKit encodes them (`DirectBinds`), run on the transaction's own connection
/// (never another — a statement elsewhere would be outside the transaction).
struct DirectSQLiteTransaction: DirectSQLDatabase {
    let connection: DirectConnection
    let logger: Logger

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let statement = try serialized(query)
        for row in try connection.rows(statement.sql, statement.binds) { onRow(row) }
    }
}
