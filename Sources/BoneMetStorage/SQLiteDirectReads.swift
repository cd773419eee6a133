import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization
// SQLiteNIO's own copy of SQLite, called directly: a second SQLite library in the process would
// break the file locks both rely on (sqlite.org/howtocorrupt.html §2.2.1), so this must be the
// very library SQLiteNIO's connections use.
import VaporCSQLite

/// A bind of a `SQLStore.rows` statement.
public enum SQLArgument: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case real(Double)
    case null
}

/// Small reads answered on the caller's thread, on SQLite (issue #12).
///
/// Why: the case page's profile showed a third of the server's CPU in the kernel switching
/// threads and a tenth in SQLite parsing statements — every SQLiteNIO statement hops from the
/// task to the connection pool's event loop, to SQLite's thread pool and back, and prepares its
/// text afresh. The per-request reads (session, case version, access, tasks, care team) take
/// microseconds in SQLite itself. Here each runs where it is asked for, on a connection kept
/// for reading (`query_only`, write-ahead log: it never waits for a writer), with its
/// statements prepared once per connection.
///
/// Only reads whose rows are few and come from an index belong here: a statement blocks the
/// thread it runs on for as long as SQLite works on it.
final class SQLiteDirectReads: Sendable {
    private struct Connections {
        var idle: [DirectConnection] = []
        var open = 0
        var closed = false
    }

    private let path: String
    private let limit: Int
    private let connections = Mutex(Connections())

    init(path: String, limit: Int) {
        self.path = path
        self.limit = limit
    }

    /// The rows, or nil when no connection is free (the caller takes the pooled path instead).
    func rows(_ sql: String, _ arguments: [SQLiteData]) throws -> [any SQLRow]? {
        guard let connection = take() else { return nil }
        defer { give(connection) }
        return try connection.rows(sql, arguments)
    }

    private enum Taken {
        case connection(DirectConnection)
        case openOne
        case none
    }

    private func take() -> DirectConnection? {
        let taken = connections.withLock { state -> Taken in
            if state.closed { return .none }
            if let connection = state.idle.popLast() { return .connection(connection) }
            guard state.open < limit else { return .none }
            state.open += 1
            return .openOne
        }
        switch taken {
        case .connection(let connection): return connection
        case .none: return nil
        case .openOne:
            if let connection = DirectConnection(path: path) { return connection }
            connections.withLock { $0.open -= 1 }
            return nil
        }
    }

    private func give(_ connection: DirectConnection) {
        let keep = connections.withLock { state -> Bool in
            guard !state.closed else {
                state.open -= 1
                return false
            }
            state.idle.append(connection)
            return true
        }
        if !keep { connection.close() }
    }

    /// Closes the idle connections; one in use closes when it is given back.
    func close() {
        let idle = connections.withLock { state -> [DirectConnection] in
            state.closed = true
            defer {
                state.open -= state.idle.count
                state.idle = []
            }
            return state.idle
        }
        for connection in idle { connection.close() }
    }
}

/// One SQLite connection on the caller's thread, with its prepared statements: for reading
/// (`SQLiteDirectReads`) or the one for the batch writers (`SQLiteDirectWriter`).
// @unchecked: a connection is used by one caller at a time — it is taken out of its owner
// under a lock and given back after use — so its handle and cache are never shared.
final class DirectConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// Statement texts are fixed in the code (a multi-row insert has one per row count); the
    /// bound only guards against a caller building them.
    private static let statementLimit = 128

    /// Nil when the file cannot be opened: the caller takes the pooled path, whose connection
    /// reports the reason.
    init?(path: String, writing: Bool = false) {
        var handle: OpaquePointer?
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        self.handle = handle
        guard opened == SQLITE_OK, handle != nil else {
            close()
            return nil
        }
        // A reader is query_only: it can never write, whatever it is asked. The writer checks
        // foreign keys as the pooled connections do. The busy timeout is the pooled connections'
        // (a reader waits only while a crashed writer's log is recovered; the writer, only for
        // another process's write — in-process writers queue on SQLStore's write lock).
        let pragmas = writing ? ["PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"] : ["PRAGMA query_only = 1", "PRAGMA busy_timeout = 10000"]
        for pragma in pragmas {
            guard sqlite_nio_sqlite3_exec(handle, pragma, nil, nil, nil) == SQLITE_OK else {
                close()
                return nil
            }
        }
    }

    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        if let handle { sqlite_nio_sqlite3_close_v2(handle) }
        handle = nil
    }

    deinit { close() }

    private func failure(_ code: Int32) -> SQLiteDirectError {
        SQLiteDirectError(code: code, message: sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error")
    }

    private func statement(_ sql: String) throws -> OpaquePointer {
        if let prepared = statements[sql] { return prepared }
        if statements.count >= Self.statementLimit {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements = [:]
        }
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw failure(code) }
        statements[sql] = statement
        return statement
    }

    /// Runs a statement without binds or rows (BEGIN, COMMIT, ROLLBACK).
    func run(_ sql: String) throws {
        _ = try rows(sql, [])
    }

    func rows(_ sql: String, _ arguments: [SQLiteData]) throws -> [any SQLRow] {
        var rows: [any SQLRow] = []
        try eachRow(sql, arguments, named: true) { names, values in rows.append(DirectRow(columns: names, values: values)) }
        return rows
    }

    /// Each row's values by position, without names or `SQLRow`: for the writing thread's own
    /// reads, where `SQLRow`'s generic decoding was most of reading a case's finding rows.
    func eachRow(_ sql: String, _ arguments: [SQLiteData], _ onRow: ([SQLiteData]) throws -> Void) throws {
        try eachRow(sql, arguments, named: false) { _, values in try onRow(values) }
    }

    /// Runs a statement, each row's values handed on with the column names (when `named`).
    private func eachRow(_ sql: String, _ arguments: [SQLiteData], named: Bool, _ onRow: ([String], [SQLiteData]) throws -> Void) throws {
        let statement = try statement(sql)
        // Reset only: every bind is set again on the next use, and sqlite3_clear_bindings
        // would mark the statement expired (re-prepared on every step — it cost 15 % of the
        // case page, issue #12).
        defer { sqlite_nio_sqlite3_reset(statement) }
        for (index, argument) in arguments.enumerated() {
            let position = Int32(index + 1)
            let code: Int32
            switch argument {
            case .text(let text):
                code = sqlite_nio_sqlite3_bind_text64(statement, position, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
            case .integer(let value): code = sqlite_nio_sqlite3_bind_int64(statement, position, Int64(value))
            case .float(let value): code = sqlite_nio_sqlite3_bind_double(statement, position, value)
            case .null: code = sqlite_nio_sqlite3_bind_null(statement, position)
            case .blob(let bytes):
                code = bytes.withUnsafeReadableBytes { sqlite_nio_sqlite3_bind_blob64(statement, position, $0.baseAddress, UInt64($0.count), transient) }
            }
            guard code == SQLITE_OK else { throw failure(code) }
        }
        let count = sqlite_nio_sqlite3_column_count(statement)
        let names = named ? (0..<count).map { column in sqlite_nio_sqlite3_column_name(statement, column).map { String(cString: $0) } ?? "" } : []
        while true {
            let code = sqlite_nio_sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw failure(code) }
            var values: [SQLiteData] = []
            values.reserveCapacity(Int(count))
            for column in 0..<count { values.append(value(statement, column)) }
            try onRow(names, values)
        }
    }

    private func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(SQLiteInt64(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .null }
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            return .blob(buffer)
        default: return .null
        }
    }
}

extension SQLArgument {
    var sqliteData: SQLiteData {
        switch self {
        case .text(let text): .text(text)
        case .integer(let value): .integer(SQLiteInt64(value))
        case .real(let value): .float(value)
        case .null: .null
        }
    }
}

/// SQLKit's reads on the reading connections (`SQLStore.quickRead`): a statement built with
/// SQLKit is written out in SQLite's dialect, its binds encoded exactly as SQLiteKit encodes
/// them, and run as `SQLStore.rows` runs its own — on a pooled connection when no reading
/// connection is free.
struct DirectSQLiteDatabase: DirectSQLDatabase {
    let direct: SQLiteDirectReads
    let store: SQLStore

    var logger: Logger { store.logger }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if let statement = try? serialized(query), let rows = try direct.rows(statement.sql, statement.binds) {
            for row in rows { onRow(row) }
            return
        }
        try await store.read { db in try await db.execute(sql: query, onRow) }
    }
}

/// What both direct paths share: SQLite's dialect, a SQLKit statement written out with its binds
/// as SQLiteKit encodes them, and the future-returning `execute` SQLKit asks for.
protocol DirectSQLDatabase: SQLDatabase {}

extension DirectSQLDatabase {
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func serialized(_ query: any SQLExpression) throws -> (sql: String, binds: [SQLiteData]) {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        return (serializer.sql, try DirectBinds.encode(serializer.binds))
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }
}

/// SQLKit's binds as SQLiteKit's encoder gives them, for both direct paths. The usual kinds
/// (text, whole numbers, reals) directly — the encoder first looks up every value's protocol
/// conformance at run time; the rest (NULLs, booleans, anything else) through the encoder, made
/// once rather than per statement (each makes a JSONEncoder).
enum DirectBinds {
    private static let encoder = SQLiteDataEncoder()

    static func encode(_ binds: [any Encodable & Sendable]) throws -> [SQLiteData] {
        try binds.map { bind in
            switch bind {
            case let text as String: .text(text)
            case let number as Int: .integer(SQLiteInt64(number))
            case let number as Int64: .integer(SQLiteInt64(number))
            case let number as Double: .float(number)
            default: try encoder.encode(bind)
            }
        }
    }
}

/// SQLite's own code and message (they name statements and columns, never values).
struct SQLiteDirectError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}

/// SQLite's SQLITE_TRANSIENT: the library copies a bound text before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A row read directly; decodes exactly as SQLiteKit's rows do (same decoder).
private struct DirectRow: SQLRow {
    let columns: [String]
    let values: [SQLiteData]
    /// One for all rows: making one makes a JSONDecoder (used only for types SQLite cannot hold).
    private static let decoder = SQLiteDataDecoder()

    var allColumns: [String] { columns }

    private func value(_ column: String) -> SQLiteData? {
        columns.firstIndex(of: column).map { values[$0] }
    }

    func contains(column: String) -> Bool { columns.contains(column) }

    func decodeNil(column: String) throws -> Bool {
        (value(column) ?? .null) == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let data = value(column) else {
            throw DecodingError.keyNotFound(SQLColumnKey(column), .init(codingPath: [], debugDescription: "no column \(column) in the row"))
        }
        // The types the stores read, straight from SQLite's value (issue #12: the decoder's
        // generic path was most of reading a batch's 3 400 finding rows); anything else, and
        // any value of another kind, goes through the decoder, which also gives its errors.
        switch data {
        case .text(let text):
            if let value = text as? D { return value }  // String and String?
        case .integer(let number):
            if let value = Int(number) as? D { return value }  // Int and Int?
            if let value = Int64(number) as? D { return value }
        case .null:
            if let value = String?.none as? D { return value }  // nil of any optional
        default:
            break
        }
        return try Self.decoder.decode(D.self, from: data)
    }
}

private struct SQLColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
