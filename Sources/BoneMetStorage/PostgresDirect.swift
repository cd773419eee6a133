import Logging
import PostgresKit

/// PostgreSQL without SQLKit's generic layer, for the bulk statements of an import and a
/// re-assessment (issue #12). SQLKit binds and decodes every value through `Codable`
/// (PostgresKit's `PostgresDataTranslation`: a coding path built per value, a column looked up
/// by name): a quarter of the client's work in an import on PostgreSQL. Here a batch is bound
/// as a few arrays (`unnest`) and rows are decoded by PostgresNIO's own decoders.
enum PostgresDirect {
    /// The connection of a database `SQLStore` handed a body on PostgreSQL
    /// (`PostgresSessionDatabase`), or nil (SQLite). Statements sent on it run in the body's
    /// transaction.
    static func connection(of db: any SQLDatabase) -> PostgresConnection? {
        (db as? PostgresSessionDatabase)?.connection
    }

    /// The rows of `sql`, whose one parameter `$1` is `values` as a text array (`= ANY($1)`).
    static func rows(_ sql: String, _ values: [String], on connection: PostgresConnection) async throws -> PostgresRowSequence {
        var binds = PostgresBindings(capacity: 1)
        binds.append(values)
        return try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: connection.logger)
    }
}

/// PostgresKit's database over one connection, with the connection kept (PostgresKit's own
/// does not give it out): what `SQLStore` hands a `read` or `write` body on PostgreSQL, so
/// `PostgresDirect` can send statements on the same connection, in the same transaction.
struct PostgresSessionDatabase: SQLDatabase {
    let connection: PostgresConnection
    let base: any SQLDatabase

    init(_ connection: PostgresConnection, queryLogLevel: Logger.Level?) {
        self.connection = connection
        self.base = connection.sql(queryLogLevel: queryLogLevel)
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}

/// A one-dimensional PostgreSQL array whose elements may be NULL, bound whole for an
/// `unnest(…)` insert. PostgresNIO encodes arrays of non-optional elements only; PostgresKit
/// sends an array of optionals through `Codable`, element by element. Binary array format:
/// PostgreSQL `array_recv` (src/backend/utils/adt/arrayfuncs.c) — dimensions, has-NULL flag,
/// element type, then per dimension its length and lower bound (1), then each element as its
/// length (−1 for NULL) and bytes.
struct NullableArrayBind<Element: PostgresArrayEncodable & PostgresNonThrowingEncodable & Encodable & Sendable>:
    PostgresNonThrowingEncodable, Encodable, Sendable
{
    let elements: [Element?]

    init(_ elements: [Element?]) {
        self.elements = elements
    }

    static var psqlType: PostgresDataType { Element.psqlArrayType }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(elements.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(elements.contains { $0 == nil } ? 1 : 0, as: Int32.self)
        buffer.writeInteger(Element.psqlType.rawValue)
        guard !elements.isEmpty else { return }
        buffer.writeInteger(Int32(elements.count))
        buffer.writeInteger(1, as: Int32.self)
        for element in elements {
            guard let element else {
                buffer.writeInteger(-1, as: Int32.self)
                continue
            }
            let lengthAt = buffer.writerIndex
            buffer.writeInteger(0, as: Int32.self)
            element.encode(into: &buffer, context: context)
            buffer.setInteger(Int32(buffer.writerIndex - lengthAt - 4), at: lengthAt)
        }
    }

    /// Only for SQLKit's `SQLBind`, which takes an `Encodable`; PostgresKit encodes a
    /// `PostgresEncodable` value as above, never through this.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(elements)
    }
}
