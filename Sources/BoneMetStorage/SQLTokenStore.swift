import BoneMetDomain
import Crypto
import Foundation
import SQLKit

public struct SQLTokenStore: TokenStore {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    /// SHA-256 of the token: a 256-bit random token needs no slow hash, and a stolen table
    /// reveals no usable token.
    static func hash(_ token: String) -> String {
        AuditChain.hex(SHA256.hash(data: Data(token.utf8)))
    }

    public func create(userId: String, name: String, at time: Int64, expiresAt: Int64) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let token = "bm_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        try await store.write { db in
            try await db.insert(into: "api_tokens").columns("id", "user_id", "name", "token_hash", "created_at", "expires_at")
                .values(SQLBind(UUID().uuidString.lowercased()), SQLBind(userId), SQLBind(name), SQLBind(Self.hash(token)), SQLBind(time), SQLBind(expiresAt))
                .run()
        }
        return token
    }

    /// "Last used" is kept to the minute: a token's request writes only when the stored time is
    /// a minute old, so API reads do not queue behind a write each (issue #12).
    static let lastUsedResolution: Int64 = 60

    public func user(token: String, at time: Int64) async throws -> String? {
        guard token.hasPrefix("bm_"), token.count == 67 else { return nil }
        let hash = Self.hash(token)
        // On every API request: a direct read (`SQLStore.rows`).
        let found = try await store.row("SELECT user_id, last_used_at FROM api_tokens WHERE token_hash = ? AND expires_at > ?", [.text(hash), .integer(time)])
            .map { (try $0.decode(column: "user_id", as: String.self), try $0.decode(column: "last_used_at", as: Int64?.self)) }
        guard let (userId, lastUsed) = found else { return nil }
        if lastUsed.map({ time - $0 >= Self.lastUsedResolution || time < $0 }) ?? true {
            try await store.write { db in
                try await db.update("api_tokens").set("last_used_at", to: SQLBind(time)).where("token_hash", .equal, SQLBind(hash)).run()
            }
        }
        return userId
    }

    public func list(userId: String) async throws -> [(id: String, name: String, createdAt: Int64, lastUsedAt: Int64?, expiresAt: Int64?)] {
        try await store.read { db in
            try await db.select().columns("id", "name", "created_at", "last_used_at", "expires_at").from("api_tokens")
                .where("user_id", .equal, SQLBind(userId)).orderBy("created_at").all().map { row in
                    (
                        try row.decode(column: "id", as: String.self), try row.decode(column: "name", as: String.self),
                        try row.decode(column: "created_at", as: Int64.self), try row.decode(column: "last_used_at", as: Int64?.self),
                        try row.decode(column: "expires_at", as: Int64?.self)
                    )
                }
        }
    }

    public func revoke(id: String) async throws {
        try await store.write { db in try await db.delete(from: "api_tokens").where("id", .equal, SQLBind(id)).run() }
    }
}
