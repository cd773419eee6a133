import BoneMetDomain
import BoneMetStorage
import Foundation
import Logging

/// Worklists that stay true (issue #11): findings depend on the date (a dose due, a follow-up
/// overdue, biopsy timing) and on the rule set and settings, but a case's findings are stored
/// when it is written. So stored cases are re-assessed whenever the hospital's day, the rule set
/// or the settings differ from the last run — at start, and at each local midnight — in the
/// background, in batches, never blocking requests. A case edited meanwhile keeps the findings
/// its own write stored. Worklists show when this last ran.
///
/// Issue #12: every write stores the day its findings can next change
/// (`Assessment.nextChange` → `reassess_on`). A new day re-assesses only the cases whose day
/// has come; a new rule set or new settings re-assess every case.
public struct Reassessor: Sendable {
    let services: AppServices
    static let batchSize = 200
    static let stateKey = "reassessed.for"
    static let rulesKey = "reassessed.rules"
    static let timeKey = "reassessed.at"

    public init(services: AppServices) {
        self.services = services
    }

    /// What every stored finding was assessed under: the rule set and the settings.
    var rulesFor: String { services.settings.assessedUnder }
    /// What the stored findings must be current for: the day, the rule set, the settings.
    var currentFor: String { "\(services.today)|\(rulesFor)" }

    /// Re-assesses the cases whose findings can have changed since the last run (all of them
    /// when the rule set or settings changed); returns how many cases were refreshed, or nil
    /// when there was nothing to do.
    @discardableResult
    public func runIfStale() async throws -> Int? {
        let state = SQLMaintenance(services.store)
        let target = currentFor
        guard try await state.value(Self.stateKey) != target else { return nil }
        let everything = try await state.value(Self.rulesKey) != rulesFor
        let asOf = services.today
        let today = Int64(asOf.earliestDay)
        let cases = SQLCaseStore(services.store)
        var refreshed = 0
        var read = 0
        var writing: Task<Int, any Error>?
        // The next page is read while this one is assessed (issue #12: the reads stood between
        // the batches with both cores idle). A page's cursor is its last row: its id (every
        // case, in id order), or its day and id (the cases due, in that order).
        typealias Row = (id: String, version: Int, json: String, reassessOn: Int64)
        func reading(after last: Row?) -> Task<[Row], any Error> {
            Task {
                if everything { return try await cases.page(after: last?.id, limit: Self.batchSize).map { ($0.id, $0.version, $0.json, 0) } }
                return try await cases.duePage(onOrBefore: today, after: last.map { ($0.reassessOn, $0.id) }, limit: Self.batchSize)
            }
        }
        var next: Task<[Row], any Error>? = reading(after: nil)
        while let pending = next {
            try Task.checkCancellation()
            let page = try await pending.value
            next = page.count == Self.batchSize ? reading(after: page.last) : nil
            read += page.count
            let assessed = await Self.assess(page.map { ($0.id, $0.version, $0.json) }, asOf: asOf, settings: services.settings)
            // Written while the next batch is read and assessed (one batch in flight).
            if let previous = writing { refreshed += try await previous.value }
            writing = Task { try await cases.refresh(assessed) }
        }
        if let previous = writing { refreshed += try await previous.value }
        try await state.set(Self.stateKey, target)
        try await state.set(Self.rulesKey, rulesFor)
        try await state.set(Self.timeKey, String(services.now()))
        services.logger.info(
            "re-assessed stored cases",
            metadata: [
                "scope": .string(everything ? "all" : "due"), "read": .stringConvertible(read), "cases": .stringConvertible(refreshed),
                "ruleSet": .string(RuleSet.version),
            ])
        return refreshed
    }

    /// One stored case as read for re-assessment (a Sendable element for `mapOnEveryCore`).
    struct Page: Sendable {
        let id: String
        let version: Int
        let json: String
    }

    /// Reads and assesses a batch on every core, at a lower priority (issue #12: one write per
    /// batch, not per case; on SQLite it gives way to a request's write after each part —
    /// `SQLCaseStore.refresh`).
    static func assess(
        _ page: [(id: String, version: Int, json: String)], asOf: PartialDate, settings: RuleSettings
    ) async -> [SQLCaseStore.Reassessed] {
        let cases = page.map { Page(id: $0.id, version: $0.version, json: $0.json) }
        // At a lower priority (`BackgroundThreads`): requests come first.
        return await cases.mapInBackground { item in
            // A record that no longer reads is left as it is (its page reports it); never a crash.
            (try? CaseFile.readStored(item.json)).map { record in
                // Only the rows a list shows are stored: no finding's detail is written (issue #12).
                let assessment = BoneMetDomain.assess(record, asOf: asOf, settings: settings, details: false)
                return SQLCaseStore.Reassessed(id: item.id, version: item.version, findings: assessment.findings, reassessOn: assessment.reassessOn)
            }
        }.compactMap { $0 }
    }

    /// When the worklists were last brought up to date (seconds), if ever.
    public func lastRun() async throws -> Int64? {
        try await SQLMaintenance(services.store).value(Self.timeKey).flatMap { Int64($0) }
    }

    /// Seconds from `now` to the hospital's next local midnight (plus a minute's margin).
    static func secondsToNextMidnight(now: Int64, clock: HospitalClock) -> Int64 {
        let target = clock.start(of: clock.day(at: now).adding(days: 1))
        return max(60, target - now + 60)
    }

    /// Runs now if stale, then after every local midnight, until the task is cancelled.
    public func runForever() async {
        while !Task.isCancelled {
            do {
                try await runIfStale()
            } catch is CancellationError {
                return
            } catch {
                services.logger.error("re-assessment failed", metadata: ["type": .string(String(describing: type(of: error)))])
            }
            let wait = Self.secondsToNextMidnight(now: services.now(), clock: services.clock)
            do {
                try await Task.sleep(for: .seconds(wait))
            } catch {
                return
            }
        }
    }
}
