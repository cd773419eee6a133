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

    public func record(_ feedback: [CDSFeedback], service: String, issuer: String, at time: Int64) async throws {
        guard !feedback.isEmpty else { return }
        try await store.write { db in
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
