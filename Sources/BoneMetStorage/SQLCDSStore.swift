import BoneMetDomain
import Foundation
import SQLKit

public struct SQLCDSStore: CDSStore {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    public func claim(jti: String, issuer: String, expiresAt: Int64, now: Int64) async throws -> Bool {
        try await store.write { db in
            try await db.delete(from: "cds_jti").where("expires_at", .lessThan, SQLBind(now)).run()
            // ON CONFLICT DO NOTHING … RETURNING: no row back means the id was already there,
            // decided by the unique key even with several server processes.
            let rows = try await db.insert(into: "cds_jti").columns("issuer_jti", "expires_at")
                .values(SQLBind(issuer + " " + jti), SQLBind(expiresAt))
                .ignoringConflicts(with: ["issuer_jti"])
                .returning("issuer_jti").all()
            return !rows.isEmpty
        }
    }

    /// Records many JWT ids in one transaction (`BatchedCDSStore`); returns the keys
    /// (`issuer + " " + jti`) that were new. The caller gives each key once. Expired ids are
    /// deleted first when `purgeBefore` is set.
    public func claim(_ keys: [(key: String, expiresAt: Int64)], purgeBefore: Int64?) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try await store.quickWrite { db in
            if let purgeBefore { try await db.delete(from: "cds_jti").where("expires_at", .lessThan, SQLBind(purgeBefore)).run() }
            var fresh: Set<String> = []
            for start in stride(from: 0, to: keys.count, by: 200) {
                var insert = db.insert(into: "cds_jti").columns("issuer_jti", "expires_at")
                for item in keys[start..<min(keys.count, start + 200)] { insert = insert.values(SQLBind(item.key), SQLBind(item.expiresAt)) }
                // Decided by the unique key, so several server processes agree.
                for row in try await insert.ignoringConflicts(with: ["issuer_jti"]).returning("issuer_jti").all() {
                    fresh.insert(try row.decode(column: "issuer_jti", as: String.self))
                }
            }
            return fresh
        }
    }

    public func record(_ feedback: [CDSFeedback], service: String, issuer: String, at time: Int64) async throws {
        guard !feedback.isEmpty else { return }
        try await store.quickWrite { db in
            for item in feedback {
                try await db.insert(into: "cds_feedback")
                    .columns("id", "service", "issuer", "card", "outcome", "override_reason", "accepted_suggestions", "outcome_at", "received_at")
                    .values(
                        SQLBind(UUID().uuidString.lowercased()), SQLBind(service), SQLBind(issuer), SQLBind(item.card), SQLBind(item.outcome),
                        SQLBind(item.overrideReason), SQLBind(item.acceptedSuggestions.joined(separator: " ")), SQLBind(item.outcomeTimestamp),
                        SQLBind(time))
                    .run()
            }
        }
    }

    public func feedback(service: String, limit: Int) async throws -> [CDSFeedback] {
        try await store.read { db in
            try await db.select().columns("card", "outcome", "override_reason", "accepted_suggestions", "outcome_at").from("cds_feedback")
                .where("service", .equal, SQLBind(service)).orderBy("received_at", .descending).limit(limit).all().map { row in
                    let accepted = try row.decode(column: "accepted_suggestions", as: String?.self) ?? ""
                    return CDSFeedback(
                        card: try row.decode(column: "card", as: String.self), outcome: try row.decode(column: "outcome", as: String.self),
                        overrideReason: try row.decode(column: "override_reason", as: String?.self),
                        acceptedSuggestions: accepted.split(separator: " ").map(String.init),
                        outcomeTimestamp: try row.decode(column: "outcome_at", as: String?.self))
                }
        }
    }
}
