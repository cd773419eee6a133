import BoneMetDomain
import Foundation
import SQLKit

public struct SQLMeetingStore: MeetingStore {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    public func create(title: String, scheduledFor: String, location: String, by user: String, at time: Int64) async throws -> String {
        let id = UUID().uuidString.lowercased()
        try await store.write { db in
            try await db.insert(into: "meetings").columns("id", "title", "scheduled_for", "location", "created_by", "created_at")
                .values(SQLBind(id), SQLBind(title), SQLBind(scheduledFor), SQLBind(location), SQLBind(user), SQLBind(time)).run()
        }
        return id
    }

    public func list(limit: Int) async throws -> [MeetingSummary] {
        try await store.read { db in
            try await db.select().columns("id", "title", "scheduled_for")
                .column(SQLRaw("(SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = meetings.id)"), as: "cases")
                .column(SQLRaw("(SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = meetings.id AND a.decision IS NOT NULL)"), as: "decided")
                .from("meetings").orderBy("scheduled_for", .descending).orderBy("id").limit(limit).all().map { row in
                    MeetingSummary(
                        id: try row.decode(column: "id", as: String.self), title: try row.decode(column: "title", as: String.self),
                        scheduledFor: try row.decode(column: "scheduled_for", as: String.self), cases: try row.decode(column: "cases", as: Int.self),
                        decided: try row.decode(column: "decided", as: Int.self))
                }
        }
    }

    public func get(id: String) async throws -> Meeting? {
        try await store.read { db in
            guard let row = try await db.select().columns("id", "title", "scheduled_for", "location", "created_by").from("meetings")
                .where("id", .equal, SQLBind(id)).first()
            else { return nil }
            let attendees = try await db.select().columns("name", "specialty", "user_id").from("meeting_attendees")
                .where("meeting_id", .equal, SQLBind(id)).orderBy("position").all().map { row in
                    Attendee(
                        name: try row.decode(column: "name", as: String.self),
                        specialty: Specialty(rawValue: try row.decode(column: "specialty", as: String.self)) ?? .mdtCoordinator,
                        userId: try row.decode(column: "user_id", as: String?.self))
                }
            let items = try await db.select()
                .column(SQLColumn("case_id", table: "a")).column(SQLColumn("question", table: "a")).column(SQLColumn("decision", table: "a"))
                .column(SQLColumn("specialty", table: "a")).column(SQLColumn("follow_up", table: "a")).column(SQLColumn("patient_id", table: "c"))
                .from(SQLAlias(SQLIdentifier("agenda_items"), as: SQLIdentifier("a")))
                .join(SQLAlias(SQLIdentifier("cases"), as: SQLIdentifier("c")), on: SQLColumn("id", table: "c"), .equal, SQLColumn("case_id", table: "a"))
                .where(SQLColumn("meeting_id", table: "a"), .equal, SQLBind(id))
                .orderBy(SQLColumn("position", table: "a")).all().map { row in
                    AgendaItem(
                        caseId: try row.decode(column: "case_id", as: String.self), patientId: try row.decode(column: "patient_id", as: String.self),
                        question: try row.decode(column: "question", as: String.self), decision: try row.decode(column: "decision", as: String?.self),
                        specialty: try row.decode(column: "specialty", as: String?.self).flatMap(Specialty.init(rawValue:)),
                        followUp: (try row.decode(column: "follow_up", as: String?.self) ?? "").split(separator: "\n").map(String.init))
                }
            var meeting = Meeting(
                id: id, title: try row.decode(column: "title", as: String.self), scheduledFor: try row.decode(column: "scheduled_for", as: String.self),
                location: try row.decode(column: "location", as: String.self), attendees: attendees, items: items)
            meeting.createdBy = try row.decode(column: "created_by", as: String.self)
            return meeting
        }
    }

    public func add(caseId: String, question: String, to meeting: String) async throws {
        try await store.write { db in
            guard try await db.select().column("id").from("meetings").where("id", .equal, SQLBind(meeting)).first() != nil,
                try await db.select().column("id").from("cases").where("id", .equal, SQLBind(caseId)).first() != nil
            else { throw StorageError.notFound }
            let existing = try await db.select().column("case_id").from("agenda_items")
                .where("meeting_id", .equal, SQLBind(meeting)).where("case_id", .equal, SQLBind(caseId)).first()
            if existing != nil { throw StorageError.duplicate(field: "caseId") }
            let count = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("agenda_items")
                .where("meeting_id", .equal, SQLBind(meeting)).first()?.decode(column: "n", as: Int.self) ?? 0
            try await db.insert(into: "agenda_items").columns("meeting_id", "case_id", "position", "question")
                .values(SQLBind(meeting), SQLBind(caseId), SQLBind(count), SQLBind(question)).run()
        }
    }

    public func setAttendees(_ attendees: [Attendee], meeting: String) async throws {
        try await store.write { db in
            try await db.delete(from: "meeting_attendees").where("meeting_id", .equal, SQLBind(meeting)).run()
            for (position, attendee) in attendees.enumerated() {
                try await db.insert(into: "meeting_attendees").columns("meeting_id", "position", "name", "specialty", "user_id")
                    .values(SQLBind(meeting), SQLBind(position), SQLBind(attendee.name), SQLBind(attendee.specialty.rawValue), SQLBind(attendee.userId)).run()
            }
        }
    }

    @discardableResult
    public func decide(
        meeting: String, caseId: String, decision: String, specialty: Specialty, followUp: [String], by user: String, at time: Int64
    ) async throws -> PreviousDecision? {
        try await store.write { db in
            let previous = try await Self.current(db, meeting: meeting, caseId: caseId)
            try await db.update("agenda_items")
                .set("decision", to: SQLBind(decision)).set("specialty", to: SQLBind(specialty.rawValue))
                .set("follow_up", to: SQLBind(followUp.joined(separator: "\n"))).set("decided_by", to: SQLBind(user)).set("decided_at", to: SQLBind(time))
                .where("meeting_id", .equal, SQLBind(meeting)).where("case_id", .equal, SQLBind(caseId)).run()
            // An edited decision replaces its open tasks; tasks already done stay done.
            try await Self.deleteOpenTasks(db, meeting: meeting, caseId: caseId)
            for (position, line) in followUp.enumerated() {
                let (who, text) = FollowUpTask.parse(line, default: specialty)
                guard !text.isEmpty else { continue }
                try await db.insert(into: "tasks").columns("id", "case_id", "meeting_id", "specialty", "text", "position", "created_by", "created_at")
                    .values(
                        SQLBind(UUID().uuidString.lowercased()), SQLBind(caseId), SQLBind(meeting), SQLBind(who.rawValue), SQLBind(text), SQLBind(position),
                        SQLBind(user), SQLBind(time)
                    )
                    .run()
            }
            return previous
        }
    }

    public func withdraw(meeting: String, caseId: String) async throws -> PreviousDecision? {
        try await store.write { db in
            let previous = try await Self.current(db, meeting: meeting, caseId: caseId)
            guard let decision = previous else { return nil }
            try await db.update("agenda_items")
                .set("decision", to: SQLLiteral.null).set("specialty", to: SQLLiteral.null).set("follow_up", to: SQLLiteral.null)
                .set("decided_by", to: SQLLiteral.null).set("decided_at", to: SQLLiteral.null)
                .where("meeting_id", .equal, SQLBind(meeting)).where("case_id", .equal, SQLBind(caseId)).run()
            try await Self.deleteOpenTasks(db, meeting: meeting, caseId: caseId)
            return decision
        }
    }

    /// The agenda item's current decision; throws notFound when the case is not on the agenda.
    static func current(_ db: any SQLDatabase, meeting: String, caseId: String) async throws -> PreviousDecision? {
        guard let row = try await db.select().columns("decision", "specialty").from("agenda_items")
            .where("meeting_id", .equal, SQLBind(meeting)).where("case_id", .equal, SQLBind(caseId)).first()
        else { throw StorageError.notFound }
        guard let text = try row.decode(column: "decision", as: String?.self) else { return nil }
        return PreviousDecision(decision: text, specialty: try row.decode(column: "specialty", as: String?.self).flatMap(Specialty.init(rawValue:)))
    }

    static func deleteOpenTasks(_ db: any SQLDatabase, meeting: String, caseId: String) async throws {
        try await db.delete(from: "tasks").where("meeting_id", .equal, SQLBind(meeting)).where("case_id", .equal, SQLBind(caseId))
            .where("done_at", .is, SQLLiteral.null).run()
    }
}

public struct SQLTaskStore: TaskStore {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    static func select(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            .column(SQLColumn("id", table: "t")).column(SQLColumn("case_id", table: "t")).column(SQLColumn("meeting_id", table: "t"))
            .column(SQLColumn("specialty", table: "t")).column(SQLColumn("text", table: "t")).column(SQLColumn("created_at", table: "t"))
            .column(SQLColumn("done_at", table: "t")).column(SQLColumn("done_by", table: "t")).column(SQLColumn("patient_id", table: "c"))
            .from(SQLAlias(SQLIdentifier("tasks"), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier("cases"), as: SQLIdentifier("c")), on: SQLColumn("id", table: "c"), .equal, SQLColumn("case_id", table: "t"))
    }

    static func task(_ row: any SQLRow) throws -> FollowUpTask {
        FollowUpTask(
            id: try row.decode(column: "id", as: String.self), caseId: try row.decode(column: "case_id", as: String.self),
            patientId: try row.decode(column: "patient_id", as: String.self), meetingId: try row.decode(column: "meeting_id", as: String?.self),
            specialty: Specialty(rawValue: try row.decode(column: "specialty", as: String.self)) ?? .mdtCoordinator,
            text: try row.decode(column: "text", as: String.self), createdAt: try row.decode(column: "created_at", as: Int64.self),
            doneAt: try row.decode(column: "done_at", as: Int64?.self), doneBy: try row.decode(column: "done_by", as: String?.self))
    }

    public func tasks(caseId: String) async throws -> [FollowUpTask] {
        // On every case page: a direct read (`SQLStore.rows`, issue #12); the same columns as `select`.
        let all = try await store.rows("""
            SELECT t.id, t.case_id, t.meeting_id, t.specialty, t.text, t.created_at, t.done_at, t.done_by, c.patient_id
            FROM tasks t JOIN cases c ON c.id = t.case_id
            WHERE t.case_id = ? ORDER BY t.created_at, t.position, t.id LIMIT 500
            """, [.text(caseId)]).map(Self.task)
        return all.filter { !$0.isDone } + all.filter(\.isDone).sorted { ($0.doneAt ?? 0) > ($1.doneAt ?? 0) }
    }

    /// Open tasks of these specialties (nil: all), of the cases the viewer may see (nil: all).
    public func open(specialties: [Specialty]?, viewer: CaseViewer?, limit: Int) async throws -> [FollowUpTask] {
        if specialties?.isEmpty == true { return [] }
        return try await store.read { db in
            var query = Self.select(db).where(SQLColumn("done_at", table: "t"), .is, SQLLiteral.null)
            if let viewer { query = query.where(SQLCaseAccess.visible(viewer, id: "c.id", on: db)) }
            if let specialties {
                query = query.where(SQLColumn("specialty", table: "t"), .in, SQLGroupExpression(specialties.map { SQLBind($0.rawValue) }))
            }
            return try await query.orderBy(SQLColumn("created_at", table: "t")).orderBy(SQLColumn("position", table: "t")).orderBy(SQLColumn("id", table: "t")).limit(limit).all().map(Self.task)
        }
    }

    /// The task, whatever its state (to check who may change it).
    public func task(id: String) async throws -> FollowUpTask? {
        try await store.read { db in try await Self.select(db).where(SQLColumn("id", table: "t"), .equal, SQLBind(id)).first().map(Self.task) }
    }

    public func setDone(_ done: Bool, task: String, by user: String, at time: Int64) async throws -> FollowUpTask? {
        try await store.write { db in
            try await db.update("tasks")
                .set("done_at", to: done ? SQLBind(time) : SQLLiteral.null).set("done_by", to: done ? SQLBind(user) : SQLLiteral.null)
                .where("id", .equal, SQLBind(task)).run()
            return try await Self.select(db).where(SQLColumn("id", table: "t"), .equal, SQLBind(task)).first().map(Self.task)
        }
    }
}
