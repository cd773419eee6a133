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

    /// `column` is one of the cases the viewer may see; `column` is the case id of the outer
    /// query. The cases are found from the viewer's side (`visibleIds`, each part one index), so
    /// a list or worklist costs what the viewer's team holds, not what the hospital holds
    /// (issue #12: PostgreSQL at a million cases walked a whole index filtering for a team of
    /// 200). PostgreSQL is given the ids as an array: offered `IN (…)`, it planned to walk the
    /// worklist's index and test each row against them.
    static func visible(_ viewer: CaseViewer, id column: String, on db: any SQLDatabase) -> SQLQueryString {
        db.dialect.name == "postgresql"
            ? SQLQueryString("\(unsafeRaw: column) = ANY(ARRAY(\(visibleIds(viewer))))")
            : SQLQueryString("\(unsafeRaw: column) IN (\(visibleIds(viewer)))")
    }

    /// The ids of the cases the viewer may see: created, added to the team, attending a meeting
    /// with the case on its agenda (the three parts of `teamText`), or a "break the glass"
    /// grant that has not expired.
    static func visibleIds(_ viewer: CaseViewer) -> SQLQueryString {
        SQLQueryString("""
            SELECT v1.id FROM cases v1 WHERE v1.created_by = \(bind: viewer.userId)
            UNION SELECT t.case_id FROM case_team t WHERE t.user_id = \(bind: viewer.userId)
            UNION SELECT a.case_id FROM agenda_items a JOIN meeting_attendees m ON m.meeting_id = a.meeting_id WHERE m.user_id = \(bind: viewer.userId)
            UNION SELECT g.case_id FROM case_access g WHERE g.user_id = \(bind: viewer.userId) AND g.expires_at > \(bind: viewer.now)
            """)
    }

    /// On the care team of the case in `column` (its creator in `creator`): created it, added to
    /// it, or attending a meeting about it — the first three parts of `visibleIds`, asked of one
    /// case. The text has `teamBinds` marks for the user's id.
    private static func teamText(id column: String, creator: String) -> String {
        """
        (\(creator) = ?
         OR \(column) IN (SELECT t.case_id FROM case_team t WHERE t.user_id = ?)
         OR \(column) IN (SELECT a.case_id FROM agenda_items a JOIN meeting_attendees m ON m.meeting_id = a.meeting_id
                          WHERE m.user_id = ?))
        """
    }
    private static let teamBinds = 3

    /// Care team and "break the glass" grant in one statement (read on every case opened).
    private static let accessText = """
        SELECT (SELECT 1 FROM cases WHERE cases.id = ? AND \(teamText(id: "cases.id", creator: "cases.created_by"))) AS on_team,
               (SELECT MAX(expires_at) FROM case_access WHERE case_id = ? AND user_id = ? AND expires_at > ?) AS until
        """

    public func access(caseId: String, viewer: CaseViewer) async throws -> CaseAccessLevel? {
        let user = SQLArgument.text(viewer.userId)
        let arguments = [.text(caseId)] + Array(repeating: user, count: Self.teamBinds) + [.text(caseId), user, .integer(viewer.now)]
        guard let row = try await store.row(Self.accessText, arguments) else { return nil }
        if try !row.decodeNil(column: "on_team") { return .careTeam }
        guard let until = try row.decode(column: "until", as: Int64?.self) else { return nil }
        return .brokenGlass(until: until)
    }

    public func members(caseId: String) async throws -> [CareTeamMember] {
        // One statement, read directly on every case page (`SQLStore.rows`, issue #12).
        // Creator first, then those added (in the order they were added), then meeting attendees.
        let rows = try await store.rows("""
            SELECT user_id, basis, added_by, added_at FROM (
              SELECT created_by AS user_id, 0 AS basis, CAST(NULL AS TEXT) AS added_by, CAST(NULL AS BIGINT) AS added_at
              FROM cases WHERE id = ? AND created_by IS NOT NULL
              UNION ALL
              SELECT user_id, 1, added_by, added_at FROM case_team WHERE case_id = ?
              UNION ALL
              SELECT DISTINCT m.user_id, 2, CAST(NULL AS TEXT), CAST(NULL AS BIGINT)
              FROM agenda_items a JOIN meeting_attendees m ON m.meeting_id = a.meeting_id
              WHERE a.case_id = ? AND m.user_id IS NOT NULL
            ) members ORDER BY basis, added_at, user_id
            """, Array(repeating: .text(caseId), count: 3))
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
