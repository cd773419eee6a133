import Logging
import PostgresKit

/// PostgreSQL without SQLKit's generic layer, for the bulk statements of an import and a
/// re-assessment (issue #12). SQLKit binds and decodes every value through `Codable`
/// (PostgresKit's `PostgresDataTranslation`: a coding path built per value, a column looked up
/// by name): a quarter of the client's work in an import on PostgreSQL. Here a batch is bound
/// as a few arrays (`unnest`) and rows are decoded by PostgresNIO's own decoders.
enum PostgresDirect {
    /// The connection under a PostgreSQL `SQLDatabase` (PostgresKit's database is also a
    /// `PostgresDatabase` on one connection), or nil on SQLite. Statements sent on it run in
    /// the caller's transaction.
    static func connection(of db: any SQLDatabase) async throws -> PostgresConnection? {
        guard db.dialect.name == "postgresql", let database = db as? any PostgresDatabase else { return nil }
        return try await database.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
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
