import BoneMetDomain
import SQLKit

/// Care-team access (issue #11): a case is seen by the user who created it, the users added
/// to its team, the users who attend an MDT meeting with the case on its agenda, and anyone
/// who "broke the glass" for it (until the grant expires). One SQL predicate serves every
/// list, search and worklist, so what a page shows and what a case read allows never differ.
public struct SQLCaseAccess: CaseAccessStore {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    /// `column IN (cases the viewer may see)`; `column` is the case id of the outer query,
    /// and `creator` its `created_by` column.
    static func visible(_ viewer: CaseViewer, id column: String, creator: String) -> SQLQueryString {
        SQLQueryString("""
            (\(team(viewer.userId, id: column, creator: creator))
             OR \(unsafeRaw: column) IN (SELECT g.case_id FROM case_access g WHERE g.user_id = \(bind: viewer.userId) AND g.expires_at > \(bind: viewer.now)))
            """)
    }

    /// On the care team: created the case, added to it, or attending a meeting about it.
    static func team(_ userId: String, id column: String, creator: String) -> SQLQueryString {
        SQLQueryString("""
            (\(unsafeRaw: creator) = \(bind: userId)
             OR \(unsafeRaw: column) IN (SELECT t.case_id FROM case_team t WHERE t.user_id = \(bind: userId))
             OR \(unsafeRaw: column) IN (SELECT a.case_id FROM agenda_items a JOIN meeting_attendees m ON m.meeting_id = a.meeting_id
                                      WHERE m.user_id = \(bind: userId)))
            """)
    }

    public func access(caseId: String, viewer: CaseViewer) async throws -> CaseAccessLevel? {
        try await store.read { db in
            let onTeam = try await db.select().column("id").from("cases").where("id", .equal, SQLBind(caseId))
                .where(Self.team(viewer.userId, id: "cases.id", creator: "cases.created_by")).first()
            if onTeam != nil { return .careTeam }
            let grant = try await db.select().column(SQLFunction("MAX", args: SQLColumn("expires_at")), as: "until").from("case_access")
                .where("case_id", .equal, SQLBind(caseId)).where("user_id", .equal, SQLBind(viewer.userId))
                .where("expires_at", .greaterThan, SQLBind(viewer.now)).first()
            guard let until = try grant?.decode(column: "until", as: Int64?.self) else { return nil }
            return .brokenGlass(until: until)
        }
    }

    public func members(caseId: String) async throws -> [CareTeamMember] {
        try await store.read { db in
            // One raw statement: read on every case page (issue #12; three statements cost
            // three trips through SQLite's thread pool). Creator first, then those added (in
            // the order they were added), then meeting attendees.
            let rows = try await db.raw("""
                SELECT user_id, basis, added_by, added_at FROM (
                  SELECT created_by AS user_id, 0 AS basis, CAST(NULL AS TEXT) AS added_by, CAST(NULL AS BIGINT) AS added_at
                  FROM cases WHERE id = \(bind: caseId) AND created_by IS NOT NULL
                  UNION ALL
                  SELECT user_id, 1, added_by, added_at FROM case_team WHERE case_id = \(bind: caseId)
                  UNION ALL
                  SELECT DISTINCT m.user_id, 2, CAST(NULL AS TEXT), CAST(NULL AS BIGINT)
                  FROM agenda_items a JOIN meeting_attendees m ON m.meeting_id = a.meeting_id
                  WHERE a.case_id = \(bind: caseId) AND m.user_id IS NOT NULL
                ) members ORDER BY basis, added_at, user_id
                """).all()
            var out: [CareTeamMember] = []
            for row in rows {
                let id = try row.decode(column: "user_id", as: String.self)
                switch try row.decode(column: "basis", as: Int.self) {
                case 0: out.append(CareTeamMember(userId: id, basis: .created))
                case 1:
                    out.append(CareTeamMember(
                        userId: id, basis: .added, addedBy: try row.decode(column: "added_by", as: String?.self),
                        addedAt: try row.decode(column: "added_at", as: Int64?.self)))
                default:
                    if !out.contains(where: { $0.userId == id }) { out.append(CareTeamMember(userId: id, basis: .meeting)) }
                }
            }
            return out
        }
    }

    public func add(member userId: String, caseId: String, by: String, at time: Int64) async throws {
        try await store.write { db in
            let present = try await db.select().column("user_id").from("case_team").where("case_id", .equal, SQLBind(caseId))
                .where("user_id", .equal, SQLBind(userId)).first()
            guard present == nil else { return }
            try await db.insert(into: "case_team").columns("case_id", "user_id", "added_by", "added_at")
                .values(SQLBind(caseId), SQLBind(userId), SQLBind(by), SQLBind(time)).run()
        }
    }

    public func remove(member userId: String, caseId: String) async throws {
        try await store.write { db in
            try await db.delete(from: "case_team").where("case_id", .equal, SQLBind(caseId)).where("user_id", .equal, SQLBind(userId)).run()
        }
    }

    public func breakGlass(caseId: String, userId: String, reason: String, at time: Int64, until: Int64) async throws {
        try await store.write { db in
            try await db.insert(into: "case_access").columns("case_id", "user_id", "reason", "granted_at", "expires_at")
                .values(SQLBind(caseId), SQLBind(userId), SQLBind(reason), SQLBind(time), SQLBind(until)).run()
        }
    }
}
