import SQLKit

/// One schema step. Portable SQL only (sql-kit builders), applied once, in its own transaction.
public struct Migration: Sendable {
    public let id: String
    let apply: @Sendable (any SQLDatabase) async throws -> Void

    init(_ id: String, apply: @escaping @Sendable (any SQLDatabase) async throws -> Void) {
        self.id = id
        self.apply = apply
    }
}

public enum MigrationError: Error, Equatable, CustomStringConvertible {
    /// The database has steps this program does not know, or in another order: refuse to start.
    case unknownHistory(applied: [String])

    public var description: String {
        switch self {
        case .unknownHistory(let applied):
            "the database was migrated by another version of BoneMet (applied: \(applied.joined(separator: ", "))); refusing to start"
        }
    }
}

/// An ordered list of migrations with a `schema_migrations` table; refuses to start when the
/// applied list is not a prefix of the known list (the postgres-migrations design).
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(_ migrations: [Migration] = Migrations.all) {
        self.migrations = migrations
    }

    /// Applies what is missing and returns the ids applied now.
    @discardableResult
    public func migrate(_ store: SQLStore, at time: Int64) async throws -> [String] {
        try await store.write { database in
            try await database.create(table: "schema_migrations").ifNotExists()
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("applied_at", type: .bigint, .notNull)
                .run()
        }
        let applied = try await self.applied(store)
        let known = migrations.map(\.id)
        guard applied.count <= known.count, Array(known.prefix(applied.count)) == applied else {
            throw MigrationError.unknownHistory(applied: applied)
        }
        var done: [String] = []
        for migration in migrations.dropFirst(applied.count) {
            try await store.write { database in
                try await migration.apply(database)
                try await database.insert(into: "schema_migrations").columns("id", "applied_at")
                    .values(SQLBind(migration.id), SQLBind(time)).run()
            }
            done.append(migration.id)
        }
        return done
    }

    public func applied(_ store: SQLStore) async throws -> [String] {
        try await store.read { database in
            try await database.select().column("id").from("schema_migrations").orderBy("id").all()
                .map { try $0.decode(column: "id", as: String.self) }
        }
    }
}
