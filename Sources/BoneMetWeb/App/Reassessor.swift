import BoneMetDomain
import BoneMetStorage
import Foundation
import Logging

/// Worklists that stay true (issue #11): findings depend on the date (a dose due, a follow-up
/// overdue, biopsy timing) and on the rule set and settings, but a case's findings are stored
/// when it is written. So every stored case is re-assessed whenever the hospital's day, the rule
/// set or the settings differ from the last run — at start, and at each local midnight — in the
/// background, in batches, never blocking requests. A case edited meanwhile keeps the findings
/// its own write stored. Worklists show when this last ran.
public struct Reassessor: Sendable {
    let services: AppServices
    static let batchSize = 200
    static let stateKey = "reassessed.for"
    static let timeKey = "reassessed.at"

    public init(services: AppServices) {
        self.services = services
    }

    /// What the stored findings must be current for: the day, the rule set, the settings.
    var currentFor: String { "\(services.today)|\(RuleSet.version)|\(services.settings.summary(.en))" }

    /// Re-assesses every case if the stored findings are not current; returns how many cases
    /// were refreshed, or nil when there was nothing to do.
    @discardableResult
    public func runIfStale() async throws -> Int? {
        let state = SQLMaintenance(services.store)
        let target = currentFor
        guard try await state.value(Self.stateKey) != target else { return nil }
        let asOf = services.today
        let cases = SQLCaseStore(services.store)
        var last: String?
        var refreshed = 0
        while true {
            try Task.checkCancellation()
            let page = try await cases.page(after: last, limit: Self.batchSize)
            // Read and assess the batch on every core, then write it in one transaction (issue
            // #12: one write per batch, not per case, so requests wait for at most one batch).
            let settings = services.settings
            let assessed = await withTaskGroup(of: [(id: String, version: Int, findings: [Finding])].self) { group in
                let parts = max(1, ProcessInfo.processInfo.activeProcessorCount)
                let size = (page.count + parts - 1) / parts
                for start in stride(from: 0, to: page.count, by: max(1, size)) {
                    let slice = Array(page[start..<min(page.count, start + size)])
                    group.addTask {
                        // A record that no longer reads is left as it is (its page reports it); never a crash.
                        slice.compactMap { item in
                            (try? CaseFile.read(item.json)).map { (item.id, item.version, assess($0, asOf: asOf, settings: settings).findings) }
                        }
                    }
                }
                var all: [(id: String, version: Int, findings: [Finding])] = []
                for await part in group { all += part }
                return all
            }
            refreshed += try await cases.refresh(assessed)
            guard let end = page.last?.id, page.count == Self.batchSize else { break }
            last = end
        }
        try await state.set(Self.stateKey, target)
        try await state.set(Self.timeKey, String(services.now()))
        services.logger.info("re-assessed stored cases", metadata: ["cases": .stringConvertible(refreshed), "ruleSet": .string(RuleSet.version)])
        return refreshed
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
