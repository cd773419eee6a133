import BoneMetDomain
import SQLKit

/// Every schema step, in order. Ids sort in application order; never edit an applied step —
/// add a new one. Flags are INTEGER 0/1 and times BIGINT seconds: the same on both engines.
public enum Migrations {
    public static let all: [Migration] = [
        // M0001: users with roles and bcrypt password hashes.
        Migration("M0001_users") { db in
            try await db.create(table: "users")
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("username", type: .text, .notNull, .unique)
                .column("display_name", type: .text, .notNull)
                .column("role", type: .text, .notNull)
                .column("password_hash", type: .text, .notNull)
                .column("must_change_password", type: .int, .notNull)
                .column("disabled", type: .int, .notNull)
                .column("created_at", type: .bigint, .notNull)
                .run()
        },
        // M0002: sessions and login-failure counters, shared by every server process.
        Migration("M0002_sessions") { db in
            try await db.create(table: "sessions")
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("user_id", type: .text, .notNull, .references("users", "id"))
                .column("csrf_token", type: .text, .notNull)
                .column("created_at", type: .bigint, .notNull)
                .column("expires_at", type: .bigint, .notNull)
                .run()
            try await db.create(table: "login_failures")
                .column("key", type: .text, .notNull)
                .column("at", type: .bigint, .notNull)
                .run()
            try await db.create(index: "login_failures_key").on("login_failures").column("key").column("at").run()
        },
        // M0003: cases (the record as case-file JSON) and their stored findings for worklists.
        Migration("M0003_cases") { db in
            try await db.create(table: "cases")
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("patient_id", type: .text, .notNull)
                .column("fictional", type: .int, .notNull)
                .column("record_json", type: .text, .notNull)
                .column("version", type: .int, .notNull)
                .column("rule_set_version", type: .text, .notNull)
                .column("created_at", type: .bigint, .notNull)
                .column("updated_at", type: .bigint, .notNull)
                .column("updated_by", type: .text, .notNull)
                .run()
            try await db.create(index: "cases_patient").on("cases").column("patient_id").run()
            try await db.create(index: "cases_updated").on("cases").column("updated_at").run()
            try await db.create(table: "findings")
                .column("case_id", type: .text, .notNull, .references("cases", "id", onDelete: .cascade))
                .column("position", type: .int, .notNull)
                .column("rule_id", type: .text, .notNull)
                .column("severity", type: .int, .notNull)
                .column("duty", type: .text, .notNull)
                .column("specialty", type: .text, .notNull)
                .column("subject_kind", type: .text, .notNull)
                .column("subject_id", type: .text)
                .column("finding_date", type: .text)
                .column("title_en", type: .text, .notNull)
                .column("title_zh", type: .text, .notNull)
                .run()
            try await db.create(index: "findings_case").on("findings").column("case_id").run()
            try await db.create(index: "findings_worklist").on("findings").column("rule_id").column("severity").run()
        },
        // M0004: the append-only audit log of every view and change of a patient record.
        Migration("M0004_audit") { db in
            try await db.create(table: "audit_log")
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("at", type: .bigint, .notNull)
                .column("user_id", type: .text, .notNull)
                .column("action", type: .text, .notNull)
                .column("case_id", type: .text)
                .column("detail", type: .text, .notNull)
                .run()
            try await db.create(index: "audit_log_at").on("audit_log").column("at").run()
        },
        // M0005: MDT meetings, their agenda (one row per case, with the decision) and attendance.
        Migration("M0005_meetings") { db in
            try await db.create(table: "meetings")
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("title", type: .text, .notNull)
                .column("scheduled_for", type: .text, .notNull)
                .column("location", type: .text, .notNull)
                .column("created_by", type: .text, .notNull)
                .column("created_at", type: .bigint, .notNull)
                .run()
            try await db.create(index: "meetings_scheduled").on("meetings").column("scheduled_for").run()
            try await db.create(table: "agenda_items")
                .column("meeting_id", type: .text, .notNull, .references("meetings", "id", onDelete: .cascade))
                .column("case_id", type: .text, .notNull, .references("cases", "id", onDelete: .cascade))
                .column("position", type: .int, .notNull)
                .column("question", type: .text, .notNull)
                .column("decision", type: .text)
                .column("specialty", type: .text)
                .column("follow_up", type: .text)
                .column("decided_by", type: .text)
                .column("decided_at", type: .bigint)
                .run()
            try await db.create(index: "agenda_items_meeting").on("agenda_items").column("meeting_id").column("case_id").unique().run()
            try await db.create(table: "meeting_attendees")
                .column("meeting_id", type: .text, .notNull, .references("meetings", "id", onDelete: .cascade))
                .column("position", type: .int, .notNull)
                .column("name", type: .text, .notNull)
                .column("specialty", type: .text, .notNull)
                .run()
        },
        // M0006: API tokens for machine clients (hash only).
        Migration("M0006_api_tokens") { db in
            try await db.create(table: "api_tokens")
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
                .column("name", type: .text, .notNull)
                .column("token_hash", type: .text, .notNull, .unique)
                .column("created_at", type: .bigint, .notNull)
                .column("last_used_at", type: .bigint)
                .run()
        },
        // M0007: FHIR import — staged resources (idempotent, resumable) and the source of a case.
        Migration("M0007_fhir_import") { db in
            try await db.create(table: "fhir_staging")
                .column("resource_type", type: .text, .notNull)
                .column("resource_id", type: .text, .notNull)
                .column("patient_id", type: .text)
                .column("json", type: .text, .notNull)
                .run()
            try await db.create(index: "fhir_staging_key").on("fhir_staging").column("resource_type").column("resource_id").unique().run()
            try await db.create(index: "fhir_staging_patient").on("fhir_staging").column("patient_id").run()
            try await db.alter(table: "cases").column("source_key", type: .text).run()
            try await db.create(index: "cases_source_key").on("cases").column("source_key").unique().run()
        },
        // M0008: what was last imported into a case (hash, and the version it became), so a
        // re-import never overwrites edits made in BoneMet; CDS Hooks replay protection and feedback.
        Migration("M0008_import_provenance_cds") { db in
            try await db.alter(table: "cases").column("source_hash", type: .text).run()
            try await db.alter(table: "cases").column("source_version", type: .bigint).run()
            try await db.create(table: "cds_jti")
                .column("issuer_jti", type: .text, .primaryKey(autoIncrement: false))
                .column("expires_at", type: .bigint, .notNull)
                .run()
            try await db.create(table: "cds_feedback")
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("service", type: .text, .notNull)
                .column("issuer", type: .text, .notNull)
                .column("card", type: .text, .notNull)
                .column("outcome", type: .text, .notNull)
                .column("override_reason", type: .text)
                .column("accepted_suggestions", type: .text)
                .column("outcome_at", type: .text)
                .column("received_at", type: .bigint, .notNull)
                .run()
        },
        // M0009: session ids are now stored as their SHA-256; sessions stored with the raw id
        // cannot be looked up any more and are ended (everyone signs in once again).
        Migration("M0009_hashed_session_ids") { db in
            try await db.delete(from: "sessions").run()
        },
        // M0010: API tokens expire. Tokens made before have a year from their creation.
        Migration("M0010_token_expiry") { db in
            try await db.alter(table: "api_tokens").column("expires_at", type: .bigint).run()
            try await db.raw("UPDATE api_tokens SET expires_at = created_at + \(unsafeRaw: String(365 * 86_400))").run()
        },
        // M0011: follow-up tasks of MDT decisions, one per specialty and line, open until done
        // (issue #10: on the case page and on each specialty's "my tasks" list).
        Migration("M0011_tasks") { db in
            try await db.create(table: "tasks")
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("case_id", type: .text, .notNull, .references("cases", "id", onDelete: .cascade))
                .column("meeting_id", type: .text)
                .column("specialty", type: .text, .notNull)
                .column("text", type: .text, .notNull)
                // The line's place in the decision: tasks of one decision keep the order they were written in.
                .column("position", type: .int, .notNull)
                .column("created_by", type: .text, .notNull)
                .column("created_at", type: .bigint, .notNull)
                .column("done_by", type: .text)
                .column("done_at", type: .bigint)
                .run()
            try await db.create(index: "tasks_open").on("tasks").column("specialty").column("done_at").column("created_at").run()
            try await db.create(index: "tasks_case").on("tasks").column("case_id").run()
        },
        // M0012: what the patient list shows and sorts by, on the case row (kept with every write,
        // so the list never reads record_json nor counts findings per row): primary sites, sex,
        // birth date, urgent and warning counts, and the owner (creator; for older cases the last
        // editor, the best the data knows).
        Migration("M0012_case_list_columns") { db in
            for column in ["primary_sites", "sex", "birth_date", "created_by"] {
                try await db.alter(table: "cases").column(column, type: .text).run()
            }
            try await db.alter(table: "cases").column("urgent_count", type: .int).run()
            try await db.alter(table: "cases").column("warning_count", type: .int).run()
            try await db.raw("""
                UPDATE cases SET created_by = updated_by,
                  urgent_count = (SELECT COUNT(*) FROM findings f WHERE f.case_id = cases.id AND f.severity = 3),
                  warning_count = (SELECT COUNT(*) FROM findings f WHERE f.case_id = cases.id AND f.severity = 2)
                """).run()
            let rows = try await db.select().columns("id", "record_json").from("cases").all()
            for row in rows {
                guard let record = try? CaseFile.read(try row.decode(column: "record_json", as: String.self)) else { continue }
                let columns = SQLCaseStore.listColumns(record)
                try await db.update("cases").set("primary_sites", to: SQLBind(columns.primarySites)).set("sex", to: SQLBind(columns.sex))
                    .set("birth_date", to: SQLBind(columns.birthDate)).where("id", .equal, SQLBind(try row.decode(column: "id", as: String.self))).run()
            }
            try await db.create(index: "cases_list_order").on("cases")
                .column("urgent_count").column("warning_count").column("updated_at").column("id").run()
        },
        // M0013: server state that is not a case — when every case was last re-assessed, for
        // which day, rule set and settings (worklists that stay true, issue #11).
        Migration("M0013_maintenance") { db in
            try await db.create(table: "maintenance")
                .column("key", type: .text, .primaryKey(autoIncrement: false))
                .column("value", type: .text, .notNull)
                .run()
        },
        // M0014: a tamper-evident, append-only audit log (issue #11): every entry gets a sequence
        // number (a stable order, also within one second) and the hash of the previous entry
        // chained into its own; existing entries are chained in their time order; UPDATE and
        // DELETE on the table are refused by the database itself.
        Migration("M0014_audit_chain") { db in
            try await db.alter(table: "audit_log").column("seq", type: .bigint).run()
            try await db.alter(table: "audit_log").column("hash", type: .text).run()
            let rows = try await db.select().columns("id", "at", "user_id", "action", "case_id", "detail").from("audit_log")
                .orderBy("at").orderBy("id").all()
            var previous = AuditChain.genesis
            for (index, row) in rows.enumerated() {
                let entry = AuditChain.Entry(
                    seq: Int64(index + 1), at: try row.decode(column: "at", as: Int64.self), userId: try row.decode(column: "user_id", as: String.self),
                    action: try row.decode(column: "action", as: String.self), caseId: try row.decode(column: "case_id", as: String?.self),
                    detail: try row.decode(column: "detail", as: String.self))
                previous = AuditChain.hash(entry, previous: previous)
                try await db.update("audit_log").set("seq", to: SQLBind(entry.seq)).set("hash", to: SQLBind(previous))
                    .where("id", .equal, SQLBind(try row.decode(column: "id", as: String.self))).run()
            }
            try await db.create(index: "audit_log_seq").on("audit_log").column("seq").unique().run()
            if db.dialect.name == "sqlite" {
                try await db.raw("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END").run()
                try await db.raw("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END").run()
            } else {
                try await db.raw("""
                    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                    """).run()
                try await db.raw("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()").run()
            }
        },
        // M0015: the client address of each audit entry (issue #11), part of its hash.
        Migration("M0015_audit_client") { db in
            try await db.alter(table: "audit_log").column("client", type: .text).run()
        },
        // M0016: each counted sign-in attempt has an id, so a successful one can be taken back
        // from its client address's count alone (throttling per address, issue #11).
        Migration("M0016_login_attempt_id") { db in
            try await db.alter(table: "login_failures").column("attempt", type: .text).run()
        },
        // M0017: care-team access (issue #11). Members added to a case; "break the glass"
        // grants with their reason and expiry; attendees of a meeting linked to their user, so
        // those at a patient's MDT are on the patient's care team.
        Migration("M0017_care_team") { db in
            try await db.create(table: "case_team")
                .column("case_id", type: .text, .notNull, .references("cases", "id", onDelete: .cascade))
                .column("user_id", type: .text, .notNull)
                .column("added_by", type: .text, .notNull)
                .column("added_at", type: .bigint, .notNull)
                .run()
            try await db.create(index: "case_team_member").on("case_team").column("case_id").column("user_id").unique().run()
            try await db.create(index: "case_team_user").on("case_team").column("user_id").run()
            try await db.create(table: "case_access")
                .column("case_id", type: .text, .notNull, .references("cases", "id", onDelete: .cascade))
                .column("user_id", type: .text, .notNull)
                .column("reason", type: .text, .notNull)
                .column("granted_at", type: .bigint, .notNull)
                .column("expires_at", type: .bigint, .notNull)
                .run()
            try await db.create(index: "case_access_user").on("case_access").column("user_id").column("case_id").column("expires_at").run()
            try await db.alter(table: "meeting_attendees").column("user_id", type: .text).run()
            try await db.create(index: "meeting_attendees_user").on("meeting_attendees").column("user_id").run()
            try await db.create(index: "cases_created_by").on("cases").column("created_by").run()
        },
        // M0018: sort keys for the patient list and the worklists (issue #12): one index each,
        // so a page — the first or the 5 000th — reads one page of rows. Text compared byte by
        // byte (PostgreSQL: COLLATE "C"), fixed-width fields; SQLCaseStore.listKey/findingKey
        // compute the same for new rows.
        Migration("M0018_list_keys") { db in
            let text: SQLDataType = db.dialect.name == "postgresql" ? .custom(SQLRaw(#"TEXT COLLATE "C""#)) : .text
            try await db.alter(table: "cases").column("list_key", type: text).run()
            try await db.alter(table: "findings").column("worklist", type: .text).run()
            try await db.alter(table: "findings").column("list_key", type: text).run()
            try await db.raw("""
                UPDATE cases SET list_key = CAST(199999 - COALESCE(urgent_count, 0) AS TEXT) || '|' || CAST(199999 - COALESCE(warning_count, 0) AS TEXT)
                    || '|' || CAST(9999999999 - updated_at AS TEXT) || '|' || id
                """).run()
            for list in Worklists.all {
                let rules = list.rules.map { "'" + $0 + "'" }.joined(separator: ", ")
                try await db.raw("""
                    UPDATE findings SET worklist = \(unsafeRaw: "'" + list.slug + "'")
                    WHERE rule_id IN (\(unsafeRaw: rules)) AND severity >= \(unsafeRaw: String(SQLCaseStore.rank(list.minimumSeverity)))
                    """).run()
            }
            try await db.raw("""
                UPDATE findings SET list_key = CAST(9 - severity AS TEXT) || '|'
                    || CAST(9999999999 - (SELECT c.updated_at FROM cases c WHERE c.id = findings.case_id) AS TEXT)
                    || '|' || case_id || '|' || CAST(10000 + position AS TEXT)
                WHERE worklist IS NOT NULL
                """).run()
            try await db.create(index: "cases_list_key").on("cases").column("list_key").run()
            try await db.create(index: "findings_worklist_key").on("findings").column("worklist").column("list_key").run()
            // The list's former order index is not read any more; every write kept it up to date.
            try await db.drop(index: "cases_list_order").run()
        },
        // M0019: patient search by any part of the id from an index (issue #12): SQLite an FTS5
        // trigram table kept by triggers; PostgreSQL a pg_trgm GIN index on LOWER(patient_id),
        // which `LIKE '%q%'` uses as it is. Without pg_trgm (not installed, or no right to
        // create it) PostgreSQL searches by scanning, as before.
        Migration("M0019_patient_search_index") { db in
            if db.dialect.name == "postgresql" {
                let available = try await db.raw("SELECT 1 AS ok FROM pg_available_extensions WHERE name = 'pg_trgm'").first() != nil
                guard available else { return }
                try await db.raw("SAVEPOINT bonemet_trgm").run()
                do {
                    try await db.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
                    try await db.raw("CREATE INDEX cases_patient_trgm ON cases USING gin (LOWER(patient_id) gin_trgm_ops)").run()
                    try await db.raw("RELEASE SAVEPOINT bonemet_trgm").run()
                } catch {
                    try await db.raw("ROLLBACK TO SAVEPOINT bonemet_trgm").run()
                }
                return
            }
            try await db.raw("CREATE VIRTUAL TABLE cases_search USING fts5(case_id UNINDEXED, patient_id, tokenize = 'trigram')").run()
            try await db.raw("INSERT INTO cases_search (case_id, patient_id) SELECT id, patient_id FROM cases").run()
            try await db.raw("""
                CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
                  INSERT INTO cases_search (case_id, patient_id) VALUES (new.id, new.patient_id);
                END
                """).run()
            try await db.raw("""
                CREATE TRIGGER cases_search_update AFTER UPDATE OF patient_id ON cases WHEN old.patient_id IS NOT new.patient_id BEGIN
                  DELETE FROM cases_search WHERE case_id = old.id;
                  INSERT INTO cases_search (case_id, patient_id) VALUES (new.id, new.patient_id);
                END
                """).run()
            try await db.raw("""
                CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
                  DELETE FROM cases_search WHERE case_id = old.id;
                END
                """).run()
        },
        // M0020: the day each case's stored findings can next change (issue #12, from
        // `Assessment.nextChange`), so the nightly re-assessment reads only the cases whose day
        // has come. Existing cases start at 0: due at the next run, which sets their day.
        Migration("M0020_reassess_on") { db in
            try await db.alter(table: "cases").column("reassess_on", type: .bigint, .notNull, .default(SQLLiteral.numeric("0"))).run()
            try await db.create(index: "cases_reassess_on").on("cases").column("reassess_on").column("id").run()
        },
        // M0021: a clinician's worklist starts from their cases (issue #12): each case's
        // findings of one worklist, in order, from one index. It replaces the index on case_id
        // alone (its first column), so writes keep the same number of indexes.
        Migration("M0021_findings_by_case_and_worklist") { db in
            try await db.create(index: "findings_case_worklist").on("findings").column("case_id").column("worklist").column("list_key").run()
            try await db.drop(index: "findings_case").run()
        },
        // M0022: a digest of each case's stored findings as the re-assessment compares them
        // (issue #12, `SQLCaseStore.findingsDigest`), so an unchanged case is seen without
        // reading its finding rows back. Existing cases start without one: compared row by row
        // at the next run, which stores it.
        Migration("M0022_findings_digest") { db in
            try await db.alter(table: "cases").column("findings_digest", type: .text).run()
        },
        // M0023: each case's record (its case file, 6–10 KB of JSON) in a table of its own
        // (issue #12). SQLite writes a whole row again for any change of it: the re-assessment's
        // update of a case's next day, rule set or list counts copied the record with it
        // (43 µs a case instead of 6.5 in a 10 000-case test; the writer of a full run after a
        // new rule set is the one thread everything else waits for). PostgreSQL keeps a large
        // value aside already (TOAST); one layout serves both engines.
        Migration("M0023_case_records") { db in
            try await db.create(table: "case_records")
                .column("case_id", type: .text, .primaryKey(autoIncrement: false), .references("cases", "id", onDelete: .cascade))
                .column("record_json", type: .text, .notNull)
                .run()
            try await db.raw("INSERT INTO case_records (case_id, record_json) SELECT id, record_json FROM cases").run()
            try await db.raw("ALTER TABLE cases DROP COLUMN record_json").run()
        },
        // M0024: a recorded death on the patient list (rule set 2026.12.55): the date, or
        // "unknown" for a death without one; NULL for the living. Cases stored before it held no
        // death (neither the case file nor the FHIR import had one), so nothing is filled in.
        Migration("M0024_death_date") { db in
            try await db.alter(table: "cases").column("death_date", type: .text).run()
        },
        // M0025 (PostgreSQL; issue #12): room in each page of `cases` for the row's next version.
        // Every re-assessment and save updates a case's row (rule set, next day, counts) without
        // touching its indexed columns; with full pages each new version went to another page,
        // and every index — the patient search's trigram GIN index among them — took a new entry
        // (10 000 rows: 258 ms; with pages 70 % full after a rewrite, 119 ms, half the versions
        // kept on their page — HOT). New pages are filled to 80 %; existing ones as they are
        // rewritten (`VACUUM FULL cases`, optional, locks the table). And the case files (6–10 KB
        // of JSON) compressed with LZ4 where the server has it (PostgreSQL 14+ built with lz4):
        // 10 000 records in 236 ms instead of pglz's 1 090, read back as fast; stored ones stay
        // as they are until rewritten. SQLite has neither setting.
        Migration("M0025_postgres_storage_parameters") { db in
            guard db.dialect.name == "postgresql" else { return }
            try await db.raw("ALTER TABLE cases SET (fillfactor = 80)").run()
            let lz4 = try await db.raw(
                "SELECT 1 AS ok FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
            ).first() != nil
            if lz4 { try await db.raw("ALTER TABLE case_records ALTER COLUMN record_json SET COMPRESSION lz4").run() }
        },
        // M0026: each finding row's digest (issue #12, `SQLCaseStore.rowDigest`), so a case whose
        // findings changed has its rows' digests read back, not the rows, and only the rows that
        // differ are read whole. Existing rows start without one: read whole when next compared,
        // and given one then.
        Migration("M0026_finding_row_digest") { db in
            try await db.alter(table: "findings").column("row_digest", type: .bigint).run()
        },
    ]
}
