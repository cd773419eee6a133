import BoneMetDomain
import Foundation
import SQLKit

/// Session ids are stored as their SHA-256 (ASVS 3.x): a copy of the database does not hand
/// out live sessions. The cookie carries the id itself.
public struct SQLSessionStore: SessionStore {
    let store: SQLStore

    static func key(_ id: String) -> String { SQLTokenStore.hash(id) }

    public init(_ store: SQLStore) {
        self.store = store
    }

    public func create(id: String, userId: String, csrfToken: String, expiresAt: Int64, at time: Int64) async throws {
        try await store.write { db in
            try await db.insert(into: "sessions").columns("id", "user_id", "csrf_token", "created_at", "expires_at")
                .values(SQLBind(Self.key(id)), SQLBind(userId), SQLBind(csrfToken), SQLBind(time), SQLBind(expiresAt)).run()
        }
    }

    public func session(id: String, now: Int64) async throws -> (userId: String, csrfToken: String)? {
        let row = try await store.read { db in
            try await db.select().columns("user_id", "csrf_token").from("sessions")
                .where("id", .equal, SQLBind(Self.key(id))).where("expires_at", .greaterThan, SQLBind(now)).first()
        }
        guard let row else { return nil }
        return (try row.decode(column: "user_id", as: String.self), try row.decode(column: "csrf_token", as: String.self))
    }

    public func signedIn(id: String, now: Int64) async throws -> (user: User, csrfToken: String)? {
        // On every signed-in request: a direct read (`SQLStore.rows`, issue #12).
        guard let row = try await store.row("""
            SELECT u.id, u.username, u.display_name, u.role, u.must_change_password, u.disabled, s.csrf_token
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = ? AND s.expires_at > ?
            """, [.text(Self.key(id)), .integer(now)]) else { return nil }
        return (try SQLUserStore.user(row), try row.decode(column: "csrf_token", as: String.self))
    }

    public func delete(id: String) async throws {
        try await store.write { db in try await db.delete(from: "sessions").where("id", .equal, SQLBind(Self.key(id))).run() }
    }

    @discardableResult public func deleteAll(userId: String) async throws -> Int {
        try await store.write { db in
            let count = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sessions")
                .where("user_id", .equal, SQLBind(userId)).first()?.decode(column: "n", as: Int.self) ?? 0
            try await db.delete(from: "sessions").where("user_id", .equal, SQLBind(userId)).run()
            return count
        }
    }

    public func admitAttempt(key: String, at time: Int64, window: Int64, free: Int, maxDelay: Int64, attempt: String) async throws -> Int64? {
        try await store.write { [store] db in
            try await store.lock("login_failures:" + key, in: db)
            try await db.delete(from: "login_failures").where("at", .lessThan, SQLBind(time - window)).run()
            let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").column(SQLFunction("MAX", args: SQLColumn("at")), as: "last")
                .from("login_failures").where("key", .equal, SQLBind(key)).where("at", .greaterThanOrEqual, SQLBind(time - window)).first()
            let count = try row?.decode(column: "n", as: Int.self) ?? 0
            if count >= free, let last = try row?.decode(column: "last", as: Int64?.self) {
                let delay = min(maxDelay, Int64(1) << Int64(min(count - free, 30)))
                if last + delay > time { return last + delay - time }
            }
            try await db.insert(into: "login_failures").columns("key", "at", "attempt").values(SQLBind(key), SQLBind(time), SQLBind(attempt)).run()
            return nil
        }
    }

    public func forgive(key: String, attempt: String) async throws {
        try await store.write { db in
            try await db.delete(from: "login_failures").where("key", .equal, SQLBind(key)).where("attempt", .equal, SQLBind(attempt)).run()
        }
    }

    public func failures(key: String, since: Int64) async throws -> Int {
        try await store.read { db in try await Self.count(db, key: key, since: since) }
    }

    static func count(_ db: any SQLDatabase, key: String, since: Int64) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("login_failures")
            .where("key", .equal, SQLBind(key)).where("at", .greaterThanOrEqual, SQLBind(since)).first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    public func clearFailures(key: String) async throws {
        try await store.write { db in try await db.delete(from: "login_failures").where("key", .equal, SQLBind(key)).run() }
    }
}

public struct SQLAuditLog: AuditLog {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    /// An entry waiting to join the chain (BatchedAuditLog writes many in one transaction).
    public struct Pending: Sendable, Hashable {
        public let userId: String
        public let action: String
        public let caseId: String?
        public let detail: String
        public let at: Int64
        public let client: String?

        public init(userId: String, action: String, caseId: String?, detail: String, at: Int64, client: String?) {
            self.userId = userId
            self.action = action
            self.caseId = caseId
            self.detail = detail
            self.at = at
            self.client = client
        }
    }

    /// Appends an entry to the hash chain: the next sequence number and the hash over the
    /// previous entry's hash (one writer at a time: SQLite's write lock, a PostgreSQL advisory lock).
    public func record(userId: String, action: String, caseId: String?, detail: String, at time: Int64, client: String?) async throws {
        try await record([Pending(userId: userId, action: action, caseId: caseId, detail: detail, at: time, client: client)])
    }

    /// Appends entries in their order in one transaction: the end of the chain is read once and
    /// the rows go in as multi-row inserts, so a batch costs about what one entry did.
    public func record(_ entries: [Pending]) async throws {
        guard !entries.isEmpty else { return }
        try await store.quickWrite { [store] db in
            try await store.lock("audit-chain", in: db)
            let last = try await db.select().columns("seq", "hash").from("audit_log").where("seq", .isNot, SQLLiteral.null)
                .orderBy("seq", .descending).limit(1).first()
            var seq = try last?.decode(column: "seq", as: Int64.self) ?? 0
            var previous = try last?.decode(column: "hash", as: String.self) ?? AuditChain.genesis
            var rows: [[any SQLExpression]] = []
            rows.reserveCapacity(entries.count)
            for pending in entries {
                seq += 1
                let entry = AuditChain.Entry(
                    seq: seq, at: pending.at, userId: pending.userId, action: pending.action, caseId: pending.caseId, detail: pending.detail, client: pending.client)
                previous = AuditChain.hash(entry, previous: previous)
                rows.append([
                    SQLBind(UUID().uuidString.lowercased()), SQLBind(pending.at), SQLBind(pending.userId), SQLBind(pending.action), SQLBind(pending.caseId),
                    SQLBind(pending.detail), SQLBind(seq), SQLBind(previous), SQLBind(pending.client),
                ])
            }
            // 9 parameters a row: 200 rows stay far below SQLite's and PostgreSQL's bind limits.
            for start in stride(from: 0, to: rows.count, by: 200) {
                try await db.insert(into: "audit_log").columns("id", "at", "user_id", "action", "case_id", "detail", "seq", "hash", "client")
                    .rows(Array(rows[start..<min(start + 200, rows.count)]))
                    .run()
            }
        }
    }

    /// Recomputes the whole chain in sequence order, in pages (memory stays flat).
    public func verify() async throws -> AuditChain.Verdict {
        var previous = AuditChain.genesis
        var expected: Int64 = 1
        while true {
            let from = expected
            let rows = try await store.read { db in
                try await db.select().columns("seq", "at", "user_id", "action", "case_id", "detail", "hash", "client").from("audit_log")
                    .where("seq", .greaterThanOrEqual, SQLBind(from)).orderBy("seq").limit(1000).all()
            }
            for row in rows {
                let entry = AuditChain.Entry(
                    seq: try row.decode(column: "seq", as: Int64.self), at: try row.decode(column: "at", as: Int64.self),
                    userId: try row.decode(column: "user_id", as: String.self), action: try row.decode(column: "action", as: String.self),
                    caseId: try row.decode(column: "case_id", as: String?.self), detail: try row.decode(column: "detail", as: String.self),
                    client: try row.decode(column: "client", as: String?.self))
                guard entry.seq == expected, AuditChain.hash(entry, previous: previous) == (try row.decode(column: "hash", as: String?.self)) else {
                    return .broken(atSequence: expected)
                }
                previous = try row.decode(column: "hash", as: String.self)
                expected += 1
            }
            if rows.count < 1000 { break }
        }
        // Rows outside the chain (no sequence number) were added around it.
        let unchained = try await store.read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log").where("seq", .is, SQLLiteral.null)
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return unchained == 0 ? .intact(entries: Int(expected - 1)) : .broken(atSequence: expected)
    }

    public func entries(limit: Int, offset: Int) async throws -> [AuditEntry] {
        try await entries(AuditFilter(), limit: limit, offset: offset)
    }

    public func entries(_ filter: AuditFilter, limit: Int, offset: Int) async throws -> [AuditEntry] {
        try await store.read { db in
            var query = db.select()
                .column(SQLColumn("at", table: "l")).column(SQLColumn("user_id", table: "l")).column(SQLColumn("action", table: "l"))
                .column(SQLColumn("case_id", table: "l")).column(SQLColumn("detail", table: "l")).column(SQLColumn("patient_id", table: "c"))
                .column(SQLColumn("client", table: "l"))
                .from(SQLAlias(SQLIdentifier("audit_log"), as: SQLIdentifier("l")))
                .join(SQLAlias(SQLIdentifier("cases"), as: SQLIdentifier("c")), method: SQLJoinMethod.left,
                      on: SQLColumn("id", table: "c"), .equal, SQLColumn("case_id", table: "l"))
            if let user = filter.userId { query = query.where(SQLColumn("user_id", table: "l"), .equal, SQLBind(user)) }
            if let caseId = filter.caseId { query = query.where(SQLColumn("case_id", table: "l"), .equal, SQLBind(caseId)) }
            if let from = filter.from { query = query.where(SQLColumn("at", table: "l"), .greaterThanOrEqual, SQLBind(from)) }
            if let to = filter.to { query = query.where(SQLColumn("at", table: "l"), .lessThan, SQLBind(to)) }
            // Newest first, and a stable order within one second: the chain's sequence.
            return try await query.orderBy(SQLOrderBy(expression: SQLColumn("at", table: "l"), direction: SQLDirection.descending))
                .orderBy(SQLOrderBy(expression: SQLColumn("seq", table: "l"), direction: SQLDirection.descending))
                .limit(limit).offset(offset).all().map { row in
                    var entry = AuditEntry(
                        at: try row.decode(column: "at", as: Int64.self), userId: try row.decode(column: "user_id", as: String.self),
                        action: try row.decode(column: "action", as: String.self), caseId: try row.decode(column: "case_id", as: String?.self),
                        detail: try row.decode(column: "detail", as: String.self))
                    entry.patientId = try row.decode(column: "patient_id", as: String?.self)
                    entry.client = try row.decode(column: "client", as: String?.self)
                    return entry
                }
        }
    }
}
