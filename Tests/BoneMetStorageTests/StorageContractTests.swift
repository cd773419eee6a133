import BoneMetDomain
@testable import BoneMetStorage
import BoneMetTestSupport
import Foundation
import SQLKit
import Testing

/// The same storage contract on every engine: SQLite always, PostgreSQL when configured
/// (scripts/test always configures it, and then requires it).
@Suite struct StorageContractTests {
    static let engines = TestDatabases.engines

    func withDatabase(_ engine: SQLStore.Engine, migrate: Bool = true, _ body: (SQLStore) async throws -> Void) async throws {
        try await TestDatabases.with(engine, migrate: migrate) { store in
            try await body(store)
        }
    }

    func assessed(_ record: CaseRecord) -> [Finding] {
        assess(record, asOf: PartialDate(year: 2024, month: 1, day: 1) ?? PartialDate(dayNumber: 0)).findings
    }

    @Test func postgresIsPresentWhenRequired() {
        if ProcessInfo.processInfo.environment["BONEMET_REQUIRE_POSTGRES"] == "1" {
            #expect(Self.engines.contains(.postgres), "scripts/test must run every storage test on PostgreSQL too")
        }
    }

    @Test(arguments: engines)
    func migrationsApplyOnceAndRefuseAnUnknownHistory(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine, migrate: false) { store in
            let first = try await Migrator().migrate(store, at: 1)
            #expect(first == Migrations.all.map(\.id))
            #expect(try await Migrator().migrate(store, at: 2).isEmpty)
            try await store.write { db in
                try await db.insert(into: "schema_migrations").columns("id", "applied_at").values(SQLBind("M9999_future"), SQLBind(3)).run()
            }
            await #expect(throws: MigrationError.self) { try await Migrator().migrate(store, at: 4) }
        }
    }

    /// Issue #10: the patient list's columns live on the case row and follow every write;
    /// filters by primary, urgency, owner and agenda hold together; most urgent first.
    @Test(arguments: engines)
    func patientListColumnsAndFilters(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let cases = SQLCaseStore(store)
            func record(_ id: String, _ site: PrimarySite, sex: CockcroftGault.Sex) -> CaseRecord {
                var record = CaseRecord(patient: Patient(id: id, sex: sex, birthDate: PartialDate("1960")))
                record.primaries = [PrimaryCancer(id: "P1", site: site)]
                return record
            }
            func findings(urgent: Int, warnings: Int) -> [Finding] {
                let make = { (severity: Severity, n: Int) in
                    Finding(
                        ruleId: "test.\(severity.rawValue).\(n)", severity: severity, duty: .surgery, specialty: .orthopaedics, subject: .patient,
                        title: LocalizedText(en: "t", zh: "t"), detail: LocalizedText(en: "d", zh: "d"), sources: [])
                }
                return (0..<urgent).map { make(.urgent, $0) } + (0..<warnings).map { make(.warning, $0) }
            }
            let breast = try await cases.create(record("list-breast", .breast, sex: .female), findings: findings(urgent: 0, warnings: 2), by: "dr-a", at: 10)
            let prostate = try await cases.create(record("list-prostate", .prostate, sex: .male), findings: findings(urgent: 1, warnings: 0), by: "dr-b", at: 11)
            let quiet = try await cases.create(record("list-lung", .lung, sex: .male), findings: [], by: "dr-a", at: 12)
            var all = try await cases.list(CaseListFilter(today: "2026-12-01"), limit: 10, offset: 0)
            #expect(all.map(\.id) == [prostate.id, breast.id, quiet.id])  // most urgent first
            let first = try #require(all.first)
            #expect(first.primarySites == [.prostate] && first.sex == .male && first.birthDate == PartialDate("1960") && first.owner == "dr-b")
            #expect(first.urgent == 1 && all[1].warnings == 2)
            #expect(try await cases.list(CaseListFilter(primary: .breast, today: "2026-12-01"), limit: 10, offset: 0).map(\.id) == [breast.id])
            #expect(try await cases.list(CaseListFilter(urgency: .urgent, today: "2026-12-01"), limit: 10, offset: 0).map(\.id) == [prostate.id])
            #expect(try await cases.list(CaseListFilter(urgency: .urgentOrWarning, today: "2026-12-01"), limit: 10, offset: 0).count == 2)
            #expect(try await cases.list(CaseListFilter(owner: "dr-a", today: "2026-12-01"), limit: 10, offset: 0).map(\.id) == [breast.id, quiet.id])
            #expect(try await cases.list(CaseListFilter(primary: .breast, owner: "dr-b", today: "2026-12-01"), limit: 10, offset: 0).isEmpty)
            // A site code never matches inside another ("lung" is not "lungX"; commas delimit).
            #expect(try await cases.list(CaseListFilter(primary: .other, today: "2026-12-01"), limit: 10, offset: 0).isEmpty)
            // Next meeting: the earliest undecided agenda from today on; past meetings do not count.
            let meetings = SQLMeetingStore(store)
            let past = try await meetings.create(title: "old", scheduledFor: "2026-11-01 14:00", location: "", by: "u", at: 1)
            let soon = try await meetings.create(title: "soon", scheduledFor: "2026-12-03 14:00", location: "", by: "u", at: 1)
            try await meetings.add(caseId: quiet.id, question: "?", to: past)
            try await meetings.add(caseId: breast.id, question: "?", to: soon)
            let agenda = try await cases.list(CaseListFilter(onAgenda: true, today: "2026-12-01"), limit: 10, offset: 0)
            #expect(agenda.map(\.id) == [breast.id] && agenda.first?.nextMeeting == "2026-12-03 14:00")
            try await meetings.decide(meeting: soon, caseId: breast.id, decision: "d", specialty: .orthopaedics, followUp: [], by: "u", at: 2)
            #expect(try await cases.list(CaseListFilter(onAgenda: true, today: "2026-12-01"), limit: 10, offset: 0).isEmpty)
            // An update moves the columns with the record.
            var changed = record("list-breast", .kidney, sex: .female)
            changed.primaries.append(PrimaryCancer(id: "P2", site: .breast))
            _ = try await cases.update(id: breast.id, record: changed, findings: findings(urgent: 2, warnings: 0), expectedVersion: 1, by: "dr-c", at: 20)
            all = try await cases.list(CaseListFilter(today: "2026-12-01"), limit: 10, offset: 0)
            #expect(all.first?.id == breast.id && all.first?.primarySites == [.kidney, .breast] && all.first?.urgent == 2)
            #expect(all.first?.owner == "dr-a")  // the owner is who created it, not the last editor
            #expect(try await cases.list(CaseListFilter(primary: .breast, today: "2026-12-01"), limit: 10, offset: 0).map(\.id) == [breast.id])
            #expect(!all.contains { $0.deceased })
            // A recorded death reaches the list (M0024), with its date or without one, and leaves it with the record.
            var died = changed
            died.patient.deathDate = PartialDate("2026-11-02")
            _ = try await cases.update(id: breast.id, record: died, findings: [], expectedVersion: 2, by: "dr-c", at: 21)
            var row = try #require(try await cases.list(CaseListFilter(today: "2026-12-01"), limit: 10, offset: 0).first { $0.id == breast.id })
            #expect(row.deceased && row.deathDate == PartialDate("2026-11-02"))
            died.patient.deathDate = nil
            died.patient.deceased = true
            _ = try await cases.update(id: breast.id, record: died, findings: [], expectedVersion: 3, by: "dr-c", at: 22)
            row = try #require(try await cases.list(CaseListFilter(today: "2026-12-01"), limit: 10, offset: 0).first { $0.id == breast.id })
            #expect(row.deceased && row.deathDate == nil)
            _ = try await cases.update(id: breast.id, record: changed, findings: [], expectedVersion: 4, by: "dr-c", at: 23)
            row = try #require(try await cases.list(CaseListFilter(today: "2026-12-01"), limit: 10, offset: 0).first { $0.id == breast.id })
            #expect(!row.deceased)
        }
    }

    /// M0012 fills the list columns of cases stored before it, from their record and findings.
    @Test(arguments: engines)
    func listColumnsAreBackfilledForOlderCases(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine, migrate: false) { store in
            let before = Array(Migrations.all.prefix { $0.id != "M0012_case_list_columns" })
            try await Migrator(before).migrate(store, at: 1)
            var record = CaseRecord(patient: Patient(id: "old-case", sex: .female, birthDate: PartialDate("1955-03")))
            record.primaries = [PrimaryCancer(id: "P1", site: .thyroid)]
            let json = CaseFile.write(record)
            let severe = assessed(SyntheticCase.typical).filter { $0.severity >= .warning }
            try await store.write { db in
                try await db.insert(into: "cases")
                    .columns("id", "patient_id", "fictional", "record_json", "version", "rule_set_version", "created_at", "updated_at", "updated_by")
                    .values(SQLBind("c-old"), SQLBind("old-case"), SQLBind(0), SQLBind(json), SQLBind(3), SQLBind("2026.11.3"), SQLBind(1), SQLBind(2), SQLBind("dr-old"))
                    .run()
                // The findings as that schema held them (no worklist columns yet).
                for (position, finding) in severe.enumerated() {
                    try await db.insert(into: "findings").columns(
                        "case_id", "position", "rule_id", "severity", "duty", "specialty", "subject_kind", "subject_id", "finding_date", "title_en", "title_zh")
                        .values(
                            SQLBind("c-old"), SQLBind(position), SQLBind(finding.ruleId), SQLBind(SQLCaseStore.rank(finding.severity)), SQLBind(finding.duty.rawValue),
                            SQLBind(finding.specialty.rawValue), SQLBind(finding.subject.kind), SQLBind(finding.subject.id), SQLBind(finding.date?.description),
                            SQLBind(finding.title.en), SQLBind(finding.title.zhHans))
                        .run()
                }
            }
            try await Migrator().migrate(store, at: 2)
            // M0018 put each finding on its worklist, in order, with the key new rows get.
            for list in Worklists.all {
                // Most severe first, then in the assessment's order.
                let expected = severe.indices.filter { Worklists.slug(of: severe[$0]) == list.slug }
                    .sorted { (severe[$0].severity, $1) > (severe[$1].severity, $0) }
                let stored = try await SQLCaseStore(store).worklist(list.slug, viewer: nil, after: nil, limit: 100)
                #expect(stored.map(\.ruleId) == expected.map { severe[$0].ruleId }, "\(list.slug)")
                #expect(stored.map(\.cursor) == expected.map {
                    SQLCaseStore.findingKey(severity: severe[$0].severity, updatedAt: 2, caseId: "c-old", position: $0)
                })
            }
            #expect(severe.contains { Worklists.slug(of: $0) != nil })
            let summary = try #require(try await SQLCaseStore(store).list(CaseListFilter(), limit: 5, offset: 0).first)
            #expect(summary.primarySites == [.thyroid] && summary.sex == .female && summary.birthDate == PartialDate("1955-03"))
            #expect(summary.owner == "dr-old")
            #expect(summary.cursor == SQLCaseStore.listKey(urgent: summary.urgent, warnings: summary.warnings, updatedAt: 2, id: "c-old"))
            let findings = try await SQLCaseStore(store).findings(caseId: "c-old")
            #expect(summary.urgent == findings.filter { $0.severity == .urgent }.count)
            #expect(summary.warnings == findings.filter { $0.severity == .warning }.count)
            #expect(summary.urgent + summary.warnings > 0)
        }
    }

    @Test(arguments: engines)
    func caseRoundTripWithFindings(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let cases = SQLCaseStore(store)
            let record = SyntheticCase.typical
            let findings = assessed(record)
            let stored = try await cases.create(record, findings: findings, by: "u1", at: 100)
            let loaded = try #require(try await cases.get(id: stored.id))
            #expect(loaded.record == record)
            #expect(loaded.version == 1)
            #expect(loaded.updatedBy == "u1")
            let rows = try await cases.findings(caseId: stored.id)
            #expect(rows.map(\.ruleId) == findings.map(\.ruleId))
            #expect(rows.first?.title.zhHans == findings.first?.title.zhHans)
            #expect(try await cases.get(id: "missing") == nil)
        }
    }

    @Test(arguments: engines)
    func updatesAreVersionCheckedAndReplaceFindings(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let cases = SQLCaseStore(store)
            var record = SyntheticCase.typical
            let stored = try await cases.create(record, findings: assessed(record), by: "u1", at: 100)
            record.patient.id = "renamed"
            let updated = try await cases.update(id: stored.id, record: record, findings: [], expectedVersion: 1, by: "u2", at: 200)
            #expect(updated.version == 2)
            #expect(try await cases.findings(caseId: stored.id).isEmpty)
            await #expect(throws: StorageError.versionConflict(current: 2)) {
                _ = try await cases.update(id: stored.id, record: record, findings: [], expectedVersion: 1, by: "u3", at: 300)
            }
            await #expect(throws: StorageError.notFound) {
                _ = try await cases.update(id: "nope", record: record, findings: [], expectedVersion: 1, by: "u3", at: 300)
            }
            #expect(try await cases.get(id: stored.id)?.record.patient.id == "renamed")
        }
    }

    /// Two saves of the same version at once (two clinicians, or a save during the background
    /// re-assessment): exactly one is taken, the other is refused with the version it missed —
    /// on PostgreSQL too, where both read the version before either wrote (READ COMMITTED).
    @Test(arguments: engines)
    func concurrentSavesOfOneVersionTakeOne(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let cases = SQLCaseStore(store)
            let record = SyntheticCase.typical
            for round in 0..<5 {
                let stored = try await cases.create(record, findings: assessed(record), by: "u1", at: 100)
                let results = await withTaskGroup(of: Result<Int, any Error>.self) { group in
                    for user in 0..<4 {
                        group.addTask {
                            var edited = record
                            edited.patient.id = "edit-\(round)-\(user)"
                            do {
                                return .success(try await cases.update(
                                    id: stored.id, record: edited, findings: [], expectedVersion: 1, by: "u\(user)", at: 200).version)
                            } catch { return .failure(error) }
                        }
                    }
                    var all: [Result<Int, any Error>] = []
                    for await result in group { all.append(result) }
                    return all
                }
                let taken = results.compactMap { try? $0.get() }
                #expect(taken == [2], "round \(round): \(results)")
                for case .failure(let error) in results { #expect(error as? StorageError == .versionConflict(current: 2)) }
                #expect(try await cases.get(id: stored.id)?.version == 2)
            }
        }
    }

    /// Issue #11: the audit log is append-only and tamper-evident — each entry chained to the
    /// previous by hash, a stable order within one second, UPDATE and DELETE refused by the
    /// database, and a changed entry found by the verification; older entries are chained on migration.
    @Test(arguments: engines)
    func theAuditLogIsAHashChain(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine, migrate: false) { store in
            let before = Array(Migrations.all.prefix { $0.id != "M0014_audit_chain" })
            try await Migrator(before).migrate(store, at: 1)
            try await store.write { db in
                for (id, at) in [("old-2", 5), ("old-1", 5), ("old-3", 7)] as [(String, Int64)] {
                    try await db.insert(into: "audit_log").columns("id", "at", "user_id", "action", "case_id", "detail")
                        .values(SQLBind(id), SQLBind(at), SQLBind("u"), SQLBind("view"), SQLBind(String?.none), SQLBind(id)).run()
                }
            }
            try await Migrator().migrate(store, at: 2)
            let log = SQLAuditLog(store)
            #expect(try await log.verify() == .intact(entries: 3))
            for index in 0..<5 { try await log.record(userId: "u", action: "view", caseId: nil, detail: "same second \(index)", at: 100) }
            #expect(try await log.verify() == .intact(entries: 8))
            // Same second: newest first by sequence, every time.
            #expect(try await log.entries(limit: 5, offset: 0).map(\.detail) == (0..<5).reversed().map { "same second \($0)" })
            // The database refuses changes and deletions.
            await #expect(throws: (any Error).self) {
                try await store.write { db in try await db.raw("UPDATE audit_log SET detail = 'x' WHERE seq = 2").run() }
            }
            await #expect(throws: (any Error).self) {
                try await store.write { db in try await db.raw("DELETE FROM audit_log WHERE seq = 2").run() }
            }
            // Someone with the database file drops the guard and edits an entry: the chain shows where.
            try await store.write { db in
                if engine == .sqlite {
                    try await db.raw("DROP TRIGGER audit_log_no_update").run()
                } else {
                    try await db.raw("DROP TRIGGER audit_log_append_only ON audit_log").run()
                }
                try await db.raw("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 4").run()
            }
            #expect(try await log.verify() == .broken(atSequence: 4))
        }
    }

    @Test(arguments: engines)
    func aFailedTransactionLeavesNothingBehind(engine: SQLStore.Engine) async throws {
        struct Boom: Error {}
        try await withDatabase(engine) { store in
            await #expect(throws: Boom.self) {
                try await store.write { db in
                    try await db.insert(into: "audit_log").columns("id", "at", "user_id", "action", "case_id", "detail")
                        .values(SQLBind("a1"), SQLBind(1), SQLBind("u"), SQLBind("x"), SQLBind(String?.none), SQLBind("d")).run()
                    throw Boom()
                }
            }
            let entries = try await SQLAuditLog(store).entries(limit: 10, offset: 0)
            #expect(entries.isEmpty)
        }
    }

    @Test(arguments: engines)
    func listSearchesPatientIdsCaseInsensitivelyAndLiterally(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let cases = SQLCaseStore(store)
            for (id, time) in [("Demo-A1", 1), ("demo-b2", 2), ("x_%", 3)] as [(String, Int64)] {
                var record = SyntheticCase.make(lesions: 1, studies: 2, treatments: 1)
                record.patient.id = id
                _ = try await cases.create(record, findings: assessed(record), by: "u", at: time)
            }
            #expect(try await cases.list(search: nil, limit: 10, offset: 0).map(\.patientId) == ["x_%", "demo-b2", "Demo-A1"])
            #expect(try await cases.list(search: "DEMO", limit: 10, offset: 0).count == 2)
            #expect(try await cases.list(search: "_", limit: 10, offset: 0).map(\.patientId) == ["x_%"])
            #expect(try await cases.list(search: nil, limit: 1, offset: 1).map(\.patientId) == ["demo-b2"])
        }
    }

    /// The patient list puts the most urgent patients first (issue #10), then the latest change.
    @Test(arguments: engines)
    func listIsMostUrgentFirst(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let cases = SQLCaseStore(store)
            var older = SyntheticCase.make(lesions: 1, studies: 2, treatments: 1)
            older.patient.id = "older-urgent"
            let urgent = assessed(older).filter { $0.severity == .urgent }
            _ = try await cases.create(older, findings: urgent.isEmpty ? assessed(older) : urgent, by: "u", at: 1)
            var newer = SyntheticCase.make(lesions: 1, studies: 2, treatments: 1)
            newer.patient.id = "newer-quiet"
            _ = try await cases.create(newer, findings: [], by: "u", at: 2)
            let listed = try await cases.list(search: nil, limit: 10, offset: 0)
            let first = try #require(listed.first)
            #expect(first.urgent + first.warnings > 0)
            #expect(first.patientId == "older-urgent")
        }
    }

    @Test(arguments: engines)
    func worklistsReadStoredFindingsMostUrgentFirst(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let cases = SQLCaseStore(store)
            let record = SyntheticCase.make(lesions: 6, studies: 4, treatments: 2)
            let findings = assessed(record)
            _ = try await cases.create(record, findings: findings, by: "u", at: 1)
            let rules = Array(Set(findings.map(\.ruleId)))
            let all = try await cases.worklist(rules: rules, minimumSeverity: .info, limit: 500, offset: 0)
            #expect(all.count == findings.count)
            #expect(all.map(\.severity) == all.map(\.severity).sorted(by: >))
            let urgent = try await cases.worklist(rules: rules, minimumSeverity: .urgent, limit: 500, offset: 0)
            #expect(urgent.count == findings.filter { $0.severity == .urgent }.count)
            #expect(try await cases.worklist(rules: [], minimumSeverity: .info, limit: 10, offset: 0).isEmpty)
        }
    }

    @Test(arguments: engines)
    func usersHaveUniqueCaseInsensitiveNames(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let users = SQLUserStore(store)
            #expect(try await users.count() == 0)
            let admin = try await users.create(username: "Admin", displayName: "Admin", role: .administrator, passwordHash: "h1", mustChangePassword: true, at: 1)
            await #expect(throws: StorageError.duplicate(field: "username")) {
                _ = try await users.create(username: "ADMIN", displayName: "x", role: .radiology, passwordHash: "h", mustChangePassword: false, at: 2)
            }
            let found = try #require(try await users.credentials(username: "aDmIn"))
            #expect(found.user == admin)
            #expect(found.passwordHash == "h1")
            try await users.setPassword(userId: admin.id, passwordHash: "h2", mustChangePassword: false)
            #expect(try await users.user(id: admin.id)?.mustChangePassword == false)
            #expect(try await users.credentials(username: "admin")?.passwordHash == "h2")
            #expect(try await users.count() == 1)
        }
    }

    @Test(arguments: engines)
    func sessionsExpireAndLoginFailuresCountInAWindow(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let user = try await SQLUserStore(store).create(username: "u", displayName: "U", role: .orthopaedics, passwordHash: "h", mustChangePassword: false, at: 1)
            let sessions = SQLSessionStore(store)
            try await sessions.create(id: "s1", userId: user.id, csrfToken: "c1", expiresAt: 100, at: 1)
            #expect(try await sessions.session(id: "s1", now: 99)?.csrfToken == "c1")
            #expect(try await sessions.session(id: "s1", now: 100) == nil)
            try await sessions.delete(id: "s1")
            #expect(try await sessions.session(id: "s1", now: 1) == nil)
            // Ids are stored hashed; ending all of one user's sessions leaves others alone.
            let other = try await SQLUserStore(store).create(username: "v", displayName: "V", role: .orthopaedics, passwordHash: "h", mustChangePassword: false, at: 1)
            try await sessions.create(id: "a", userId: user.id, csrfToken: "c", expiresAt: 100, at: 1)
            try await sessions.create(id: "b", userId: user.id, csrfToken: "c", expiresAt: 100, at: 1)
            try await sessions.create(id: "o", userId: other.id, csrfToken: "c", expiresAt: 100, at: 1)
            let stored = try await store.read { db in try await db.select().column("id").from("sessions").all().map { try $0.decode(column: "id", as: String.self) } }
            #expect(stored.count == 3 && !stored.contains("a") && !stored.contains("o"), "no raw session id in the database")
            #expect(try await sessions.deleteAll(userId: user.id) == 2)
            #expect(try await sessions.session(id: "a", now: 1) == nil)
            #expect(try await sessions.session(id: "o", now: 1)?.userId == other.id)
            func admit(_ at: Int64, _ attempt: String) async throws -> Int64? {
                try await sessions.admitAttempt(key: "k", at: at, window: 60, free: 10, maxDelay: 60, attempt: attempt)
            }
            #expect(try await admit(10, "a1") == nil)
            #expect(try await admit(20, "a2") == nil)
            #expect(try await sessions.failures(key: "k", since: 0) == 2)
            // At 100 with a 60-second window, the attempts at 10 and 20 have expired.
            #expect(try await admit(70, "a3") == nil)
            #expect(try await admit(100, "a4") == nil)
            #expect(try await sessions.failures(key: "k", since: 0) == 2)
            // A successful attempt is taken back alone.
            try await sessions.forgive(key: "k", attempt: "a4")
            #expect(try await sessions.failures(key: "k", since: 0) == 1)
            #expect(try await sessions.failures(key: "other", since: 0) == 0)
            try await sessions.clearFailures(key: "k")
            #expect(try await sessions.failures(key: "k", since: 0) == 0)
        }
    }

    /// ASVS 3.5: API tokens expire; a token works until its expiry and not at it.
    @Test(arguments: engines)
    func apiTokensExpire(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let user = try await SQLUserStore(store).create(username: "m", displayName: "M", role: .radiology, passwordHash: "h", mustChangePassword: false, at: 1)
            let tokens = SQLTokenStore(store)
            let token = try await tokens.create(userId: user.id, name: "pacs", at: 10, expiresAt: 100)
            #expect(try await tokens.user(token: token, at: 99) == user.id)
            #expect(try await tokens.user(token: token, at: 100) == nil)
            #expect(try await tokens.list(userId: user.id).first?.expiresAt == 100)
            let standard = try await tokens.create(userId: user.id, name: "default", at: 10)
            #expect(try await tokens.user(token: standard, at: 10 + 90 * 86_400 - 1) == user.id)
            #expect(try await tokens.user(token: standard, at: 10 + 90 * 86_400) == nil)
            // "Last used" to the minute (issue #12): uses within a minute write nothing new.
            let minute = try await tokens.create(userId: user.id, name: "minute", at: 10)
            for time: Int64 in [1_000, 1_030, 1_059] { _ = try await tokens.user(token: minute, at: time) }
            #expect(try await tokens.list(userId: user.id).first { $0.name == "minute" }?.lastUsedAt == 1_000)
            _ = try await tokens.user(token: minute, at: 1_060)
            #expect(try await tokens.list(userId: user.id).first { $0.name == "minute" }?.lastUsedAt == 1_060)
        }
    }

    @Test(arguments: engines)
    func concurrentWritersAllSucceed(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let cases = SQLCaseStore(store)
            let record = SyntheticCase.make(lesions: 2, studies: 3, treatments: 1)
            let findings = assessed(record)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<16 {
                    var own = record
                    own.patient.id = "P\(index)"
                    group.addTask { _ = try await cases.create(own, findings: findings, by: "u\(index)", at: Int64(index)) }
                }
                try await group.waitForAll()
            }
            #expect(try await cases.list(search: nil, limit: 100, offset: 0).count == 16)
            // One patient, one case, even when 16 writers race to create it (issue #11): one
            // wins, the others are told which case exists.
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<16 {
                    group.addTask {
                        do {
                            return "created " + (try await cases.create(record, findings: findings, by: "u\(index)", at: Int64(index))).id
                        } catch StorageError.patientExists(let existing) {
                            return "exists " + existing
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            let created = outcomes.filter { $0.hasPrefix("created ") }
            #expect(created.count == 1)
            let winner = String(created.first?.dropFirst("created ".count) ?? "")
            #expect(outcomes.filter { $0 == "exists " + winner }.count == 15)
        }
    }

    @Test(arguments: engines)
    func auditLogIsNewestFirst(engine: SQLStore.Engine) async throws {
        try await withDatabase(engine) { store in
            let audit = SQLAuditLog(store)
            try await audit.record(userId: "u", action: "view", caseId: "c1", detail: "case page", at: 1)
            try await audit.record(userId: "u", action: "update", caseId: "c1", detail: "version 2", at: 2)
            #expect(try await audit.entries(limit: 10, offset: 0).map(\.action) == ["update", "view"])
        }
    }
}

@Suite struct BackupTests {
    @Test(arguments: TestDatabases.engines)
    func aBackupHoldsTheCasesAndRestores(engine: SQLStore.Engine) async throws {
        let (store, location, cleanup) = try await TestDatabases.makeWithLocation(engine)
        let record = SyntheticCase.typical
        _ = try await SQLCaseStore(store).create(record, findings: [], by: "u", at: 1)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("bm-backup-\(UUID().uuidString)").path
        try await Backup.run(store, location: location, to: target)
        #expect(FileManager.default.fileExists(atPath: target))
        await #expect(throws: Backup.Failure.targetExists) { try await Backup.run(store, location: location, to: target) }
        if engine == .sqlite {
            // The backup file is itself a complete database.
            let restored = try SQLStore(.sqlite(path: target))
            #expect(try await SQLCaseStore(restored).list(search: nil, limit: 10, offset: 0).map(\.patientId) == [record.patient.id])
            #expect(try await Migrator().applied(restored) == Migrations.all.map(\.id))
            await restored.shutdown()
        }
        try? FileManager.default.removeItem(atPath: target)
        await cleanup()
    }
}

@Suite struct MeetingStoreTests {
    @Test(arguments: TestDatabases.engines)
    func agendaAttendanceAndDecisions(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let meetings = SQLMeetingStore(store)
            let stored = try await SQLCaseStore(store).create(SyntheticCase.typical, findings: [], by: "u", at: 1)
            let id = try await meetings.create(title: "Bone MDT", scheduledFor: "2026-12-03 14:00", location: "Room 5", by: "u", at: 1)
            try await meetings.add(caseId: stored.id, question: "Fix the femur?", to: id)
            await #expect(throws: StorageError.duplicate(field: "caseId")) { try await meetings.add(caseId: stored.id, question: "again", to: id) }
            await #expect(throws: StorageError.notFound) { try await meetings.add(caseId: "missing", question: "x", to: id) }
            try await meetings.setAttendees([Attendee(name: "Dr Li", specialty: .orthopaedics), Attendee(name: "Dr Wang", specialty: .medicalOncology)], meeting: id)
            try await meetings.decide(meeting: id, caseId: stored.id, decision: "Prophylactic fixation", specialty: .orthopaedics, followUp: ["book theatre", "denosumab after wound healing"], by: "u", at: 2)
            let meeting = try #require(try await meetings.get(id: id))
            #expect(meeting.attendees.map(\.name) == ["Dr Li", "Dr Wang"])
            #expect(meeting.items.first?.decision == "Prophylactic fixation")
            #expect(meeting.items.first?.followUp == ["book theatre", "denosumab after wound healing"])
            #expect(meeting.items.first?.patientId == SyntheticCase.typical.patient.id)
            let summary = try await meetings.list(limit: 10)
            #expect(summary.first?.cases == 1)
            #expect(summary.first?.decided == 1)
        }
    }

    /// Issue #10: a decision's follow-up lines become tasks of their specialty (the decision's
    /// unless a line names another, in either language); an edit replaces the open ones and keeps
    /// the done ones; a withdrawal removes the open ones; tasks list by case and by specialty.
    @Test(arguments: TestDatabases.engines)
    func followUpTasksThroughEditsAndWithdrawal(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let meetings = SQLMeetingStore(store)
            let tasks = SQLTaskStore(store)
            let stored = try await SQLCaseStore(store).create(SyntheticCase.typical, findings: [], by: "u", at: 1)
            let id = try await meetings.create(title: "Bone MDT", scheduledFor: "2026-12-03 14:00", location: "", by: "u", at: 1)
            try await meetings.add(caseId: stored.id, question: "Fix?", to: id)
            let first = try await meetings.decide(
                meeting: id, caseId: stored.id, decision: "Fix the femur", specialty: .orthopaedics,
                followUp: ["book theatre", "放疗科：术后放疗 8 Gy", "Medical oncology: restart letrozole"], by: "u", at: 10)
            #expect(first == nil)
            var all = try await tasks.tasks(caseId: stored.id)
            #expect(all.map(\.specialty) == [.orthopaedics, .radiationOncology, .medicalOncology])
            #expect(all.map(\.text) == ["book theatre", "术后放疗 8 Gy", "restart letrozole"])
            #expect(try await tasks.open(specialties: [.radiationOncology], viewer: nil, limit: 10).map(\.text) == ["术后放疗 8 Gy"])
            #expect(try await tasks.open(specialties: [], viewer: nil, limit: 10).isEmpty)
            #expect(try await tasks.open(specialties: nil, viewer: nil, limit: 10).count == 3)
            // Done, then the decision is edited: the done task stays, the open ones are replaced.
            let theatre = try #require(all.first)
            let marked = try await tasks.setDone(true, task: theatre.id, by: "dr", at: 20)
            #expect(marked?.doneAt == 20 && marked?.doneBy == "dr")
            let previous = try await meetings.decide(
                meeting: id, caseId: stored.id, decision: "Fix the femur, then SBRT", specialty: .orthopaedics, followUp: ["Radiation oncology: SBRT"], by: "u", at: 30)
            #expect(previous == PreviousDecision(decision: "Fix the femur", specialty: .orthopaedics))
            all = try await tasks.tasks(caseId: stored.id)
            #expect(all.map(\.text) == ["SBRT", "book theatre"])  // open first, then done
            #expect(all.map(\.isDone) == [false, true])
            // Withdrawn: undecided again, no open task left, the done one kept.
            let withdrawn = try await meetings.withdraw(meeting: id, caseId: stored.id)
            #expect(withdrawn?.decision == "Fix the femur, then SBRT")
            #expect(try await meetings.get(id: id)?.items.first?.decision == nil)
            #expect(try await tasks.tasks(caseId: stored.id).map(\.text) == ["book theatre"])
            #expect(try await meetings.withdraw(meeting: id, caseId: stored.id) == nil)
            await #expect(throws: StorageError.notFound) { try await meetings.withdraw(meeting: id, caseId: "missing") }
            #expect(try await tasks.setDone(true, task: "missing", by: "u", at: 1) == nil)
        }
    }
}
