import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Synchronization
import Testing

@testable import BoneMetWeb

/// Issue #11, worklists that stay true: stored findings are brought up to date when the
/// hospital's day, the rule set or the settings change; an edit made meanwhile is not undone.
@Suite struct ReassessorTests {
    static func record() -> CaseRecord {
        var record = CaseRecord(patient: Patient(id: "reassess-1", sex: .female, birthDate: PartialDate("1958")))
        record.primaries = [PrimaryCancer(id: "P1", site: .breast)]
        record.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left)]
        var denosumab = Treatment(id: "T1", kind: .boneModifyingAgent, start: PartialDate("2026-01-05"), agent: .denosumab)
        denosumab.doses = [PartialDate("2026-01-05")!]
        record.treatments = [denosumab]
        record.dentalExams = [PartialDate("2026-01-02")!]
        return record
    }

    @Test(arguments: TestDatabases.engines)
    func aDoseThatFallsDueAppearsOnTheWorklistAfterMidnight(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let clock = TestClock(Int64(PartialDate("2026-01-15")!.earliestDay) * 86_400 + 3600)
            let services = AppServices(store: store, now: { clock.now }, bcryptCost: 4, clock: .utc)
            let record = Self.record()
            let stored = try await CaseService(services: services).create(record, by: User(id: "u", username: "u", displayName: "u", role: .orthopaedics, mustChangePassword: false))
            let cases = SQLCaseStore(store)
            #expect(!(try await cases.findings(caseId: stored.id)).contains { $0.ruleId == "boneAgents.doseDue" })
            let reassessor = Reassessor(services: services)
            #expect(try await reassessor.runIfStale() == 1)  // never run before
            #expect(try await reassessor.runIfStale() == nil)  // current: nothing to do
            // Four weeks after the dose, the next one is due: only a re-assessment can show it.
            clock.advance(days: 30)
            #expect(!(try await cases.findings(caseId: stored.id)).contains { $0.ruleId == "boneAgents.doseDue" })
            #expect(try await reassessor.runIfStale() == 1)
            let findings = try await cases.findings(caseId: stored.id)
            #expect(findings.contains { $0.ruleId == "boneAgents.doseDue" })
            #expect(findings.map(\.ruleId) == assess(record, asOf: services.today).findings.map(\.ruleId))
            let worklist = try await cases.worklist(rules: ["boneAgents.doseDue"], minimumSeverity: .info, limit: 10, offset: 0)
            #expect(worklist.map(\.caseId) == [stored.id])
            #expect(try await reassessor.lastRun() == clock.now)
            // The record itself is untouched: same version, same update time.
            let after = try #require(try await cases.get(id: stored.id))
            #expect(after.version == stored.version && after.updatedAt == stored.updatedAt)
            // A refresh computed for an older version does not undo an edit's own findings.
            var edited = record
            edited.dentalExams = []
            _ = try await cases.update(id: stored.id, record: edited, findings: [], expectedVersion: stored.version, by: "u", at: clock.now)
            #expect(try await cases.refresh(id: stored.id, version: stored.version, findings: assess(record, asOf: services.today).findings) == false)
            #expect(try await cases.findings(caseId: stored.id).isEmpty)
        }
    }

    /// Issue #12: a new day re-assesses only the cases whose next-change day has come; new
    /// settings (or a new rule set) re-assess every case.
    @Test(arguments: TestDatabases.engines)
    func aNewDayReadsOnlyTheCasesWhoseDayHasCome(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let clock = TestClock(Int64(PartialDate("2026-01-15")!.earliestDay) * 86_400 + 3600)
            let services = AppServices(store: store, now: { clock.now }, bcryptCost: 4, clock: .utc)
            let user = User(id: "u", username: "u", displayName: "u", role: .orthopaedics, mustChangePassword: false)
            // A: denosumab given 2026-01-05, next dose due 2026-02-02. B: nothing dated ahead, no birth date.
            let a = try await CaseService(services: services).create(Self.record(), by: user)
            var quiet = CaseRecord(patient: Patient(id: "reassess-2", sex: .male))
            quiet.primaries = [PrimaryCancer(id: "P1", site: .prostate)]
            quiet.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .right)]
            _ = try await CaseService(services: services).create(quiet, by: user)
            let cases = SQLCaseStore(store)
            let stored = try await cases.duePage(onOrBefore: Assessment.neverDue, after: nil, limit: 10)
            #expect(Set(stored.map(\.reassessOn)) == [Int64(PartialDate("2026-02-02")!.earliestDay), Assessment.neverDue])
            let reassessor = Reassessor(services: services)
            #expect(try await reassessor.runIfStale() == 2)  // never run before: every case
            clock.advance(days: 1)
            #expect(try await reassessor.runIfStale() == 0)  // a new day, nobody's day
            clock.advance(days: 17)  // 2026-02-02
            #expect(try await reassessor.runIfStale() == 1)
            #expect(try await cases.findings(caseId: a.id).contains { $0.ruleId == "boneAgents.doseDue" })
            // The due dose stays due until a new fact: A is not read again by date alone.
            clock.advance(days: 1)
            #expect(try await reassessor.runIfStale() == 0)
            // Other settings: every case, whatever its day.
            var settings = RuleSettings.default
            settings.myelomaWorkupAgeAbove += 5
            let other = AppServices(store: store, settings: settings, now: { clock.now }, bcryptCost: 4, clock: .utc)
            #expect(try await Reassessor(services: other).runIfStale() == 2)
        }
    }

    /// More cases than a batch: the pages follow one another (the next is read while one is
    /// assessed), every case is read once, in both kinds of run.
    @Test(arguments: TestDatabases.engines)
    func everyPageIsReadOnce(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let clock = TestClock(Int64(PartialDate("2026-01-15")!.earliestDay) * 86_400 + 3600)
            let services = AppServices(store: store, now: { clock.now }, bcryptCost: 4, clock: .utc)
            let count = Reassessor.batchSize * 2 + 7
            let items = (0..<count).map { index in
                var record = Self.record()
                record.patient.id = String(format: "pages-%04d", index)
                return SQLCaseStore.NewCase(record: record, json: CaseFile.write(record), findings: [], by: "u", at: clock.now)
            }
            let cases = SQLCaseStore(store)
            _ = try await cases.insertMany(items)
            let reassessor = Reassessor(services: services)
            // Never run: every case, each with its findings now (a batch's write is not lost).
            #expect(try await reassessor.runIfStale() == count)
            let due = try await cases.duePage(onOrBefore: Assessment.neverDue, after: nil, limit: count + 1)
            #expect(due.count == count)
            #expect(Set(due.map(\.reassessOn)) == [Int64(PartialDate("2026-02-02")!.earliestDay)])
            // 2026-02-02: the next dose falls due in every case — the due pages, in their order.
            clock.advance(days: 18)
            #expect(try await reassessor.runIfStale() == count)
            let worklist = try await cases.worklist(rules: ["boneAgents.doseDue"], minimumSeverity: .info, limit: count + 1, offset: 0)
            #expect(Set(worklist.map(\.caseId)).count == count)
        }
    }

    @Test func theNextRunIsAfterTheHospitalsMidnight() throws {
        let beijing = try HospitalClock.named("Asia/Shanghai")
        let lateEvening: Int64 = 1_795_975_500  // 2026-11-29 18:05 UTC = 02:05 on the 30th in Beijing
        // Next Beijing midnight: 2026-12-01 00:00 +08 = 2026-11-30 16:00 UTC, plus a minute.
        #expect(Reassessor.secondsToNextMidnight(now: lateEvening, clock: beijing) == 1_796_054_400 - lateEvening + 60)
        #expect(Reassessor.secondsToNextMidnight(now: lateEvening, clock: .utc) == 1_795_996_800 - lateEvening + 60)
    }
}
