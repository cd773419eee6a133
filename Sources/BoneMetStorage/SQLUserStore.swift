import BoneMetDomain
import Foundation
import SQLKit

public struct SQLUserStore: UserStore {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    public func create(username: String, displayName: String, role: Role, passwordHash: String, mustChangePassword: Bool, at time: Int64) async throws -> User {
        let id = UUID().uuidString.lowercased()
        let normalized = username.lowercased()
        try await store.write { db in
            let existing = try await db.select().column("id").from("users").where("username", .equal, SQLBind(normalized)).first()
            if existing != nil { throw StorageError.duplicate(field: "username") }
            try await db.insert(into: "users")
                .columns("id", "username", "display_name", "role", "password_hash", "must_change_password", "disabled", "created_at")
                .values(
                    SQLBind(id), SQLBind(normalized), SQLBind(displayName), SQLBind(role.rawValue), SQLBind(passwordHash),
                    SQLBind(mustChangePassword ? 1 : 0), SQLBind(0), SQLBind(time))
                .run()
        }
        return User(id: id, username: normalized, displayName: displayName, role: role, mustChangePassword: mustChangePassword)
    }

    static let columns = ["id", "username", "display_name", "role", "must_change_password", "disabled", "password_hash"]
    /// The same for raw statements (the hot reads skip SQLKit's statement building, issue #12).
    static let columnList = columns.joined(separator: ", ")

    static func user(_ row: any SQLRow) throws -> User {
        User(
            id: try row.decode(column: "id", as: String.self), username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .radiology,
            mustChangePassword: try row.decode(column: "must_change_password", as: Int.self) != 0,
            disabled: try row.decode(column: "disabled", as: Int.self) != 0)
    }

    public func user(id: String) async throws -> User? {
        // On every API request (the token's user): a direct read (`SQLStore.rows`).
        try await store.row("SELECT \(Self.columnList) FROM users WHERE id = ?", [.text(id)]).map(Self.user)
    }

    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        let row = try await store.read { db in
            try await db.select().columns(Self.columns).from("users").where("username", .equal, SQLBind(username.lowercased())).first()
        }
        guard let row else { return nil }
        return (try Self.user(row), try row.decode(column: "password_hash", as: String.self))
    }

    public func setPassword(userId: String, passwordHash: String, mustChangePassword: Bool) async throws {
        try await store.write { db in
            try await db.update("users").set("password_hash", to: SQLBind(passwordHash))
                .set("must_change_password", to: SQLBind(mustChangePassword ? 1 : 0)).where("id", .equal, SQLBind(userId)).run()
        }
    }

    public func setDisabled(userId: String, disabled: Bool) async throws {
        try await store.write { db in
            try await db.update("users").set("disabled", to: SQLBind(disabled ? 1 : 0)).where("id", .equal, SQLBind(userId)).run()
        }
    }

    public func setRole(userId: String, role: Role) async throws {
        try await store.write { db in
            try await db.update("users").set("role", to: SQLBind(role.rawValue)).where("id", .equal, SQLBind(userId)).run()
        }
    }

    public func count() async throws -> Int {
        try await store.read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
    }

    public func all() async throws -> [User] {
        try await store.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columnList) FROM users ORDER BY username").all().map(Self.user)
        }
    }
}
