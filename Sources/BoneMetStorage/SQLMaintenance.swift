import Foundation
import SQLKit

/// Small key/value state of the server (M0013): when the cases were last re-assessed, and for
/// what. Not patient data.
public struct SQLMaintenance: Sendable {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    public func value(_ key: String) async throws -> String? {
        try await store.read { db in
            try await db.select().column("value").from("maintenance").where("key", .equal, SQLBind(key)).first()?.decode(column: "value", as: String.self)
        }
    }

    public func set(_ key: String, _ value: String) async throws {
        try await store.write { db in
            try await db.delete(from: "maintenance").where("key", .equal, SQLBind(key)).run()
            try await db.insert(into: "maintenance").columns("key", "value").values(SQLBind(key), SQLBind(value)).run()
        }
    }
}
