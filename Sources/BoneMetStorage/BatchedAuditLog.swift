import BoneMetDomain
import Foundation
import Logging
import Metrics

/// The audit log as requests use it (issue #12): recording an entry queues it and returns at
/// once; one writer appends what has queued, in order, in one transaction per batch
/// (`SQLAuditLog.record(_:)`). Under load many views share one write instead of each waiting
/// for its own serialised, chain-locked insert — the cap on every audited page.
///
/// Nothing is lost by queueing: the log is flushed before it is read (`entries`), before the
/// store shuts down (`SQLStore.beforeShutdown`), and at once — there is no timer, so an entry
/// waits at most for the batch being written plus its own (the delay is the
/// `bonemet_audit_delay` timer on /metrics; docs/performance.md gives the measured bound).
/// A write that fails is retried; when it keeps failing and the queue is full, `record` throws,
/// so requests stop rather than go unaudited.
public actor BatchedAuditLog: AuditLog {
    private struct Queued: Sendable {
        let entry: SQLAuditLog.Pending
        let since: ContinuousClock.Instant
    }

    public let log: SQLAuditLog
    private let logger: Logger
    /// Entries allowed to wait; beyond it `record` waits for the writer (back-pressure).
    private let capacity: Int
    private var queue: [Queued] = []
    private var writer: Task<Void, Never>?
    private var lastError: (any Error)?
    private var closed = false
    private let delay = Metrics.Timer(label: "bonemet_audit_delay")
    private let batches = Counter(label: "bonemet_audit_batches")
    private let written = Counter(label: "bonemet_audit_entries")
    private let failures = Counter(label: "bonemet_audit_write_failures")
    /// The longest any entry has waited to be written, for the benchmark's report.
    public private(set) var longestDelay: Duration = .zero

    public init(_ store: SQLStore, capacity: Int = 10_000, logger: Logger = Logger(label: "bonemet.audit")) {
        self.log = SQLAuditLog(store)
        self.capacity = max(1, capacity)
        self.logger = logger
        store.beforeShutdown { [weak self] in await self?.close() }
    }

    public func record(userId: String, action: String, caseId: String?, detail: String, at time: Int64, client: String?) async throws {
        let entry = SQLAuditLog.Pending(userId: userId, action: action, caseId: caseId, detail: detail, at: time, client: client)
        // After close (the store is going away) nothing may wait in memory: write it now or fail.
        if closed { return try await log.record([entry]) }
        if queue.count >= capacity {
            await flush()
            if queue.count >= capacity, let lastError { throw lastError }
        }
        queue.append(Queued(entry: entry, since: .now))
        startWriter()
    }

    public func entries(limit: Int, offset: Int) async throws -> [AuditEntry] {
        await flush()
        return try await log.entries(limit: limit, offset: offset)
    }

    public func entries(_ filter: AuditFilter, limit: Int, offset: Int) async throws -> [AuditEntry] {
        await flush()
        return try await log.entries(filter, limit: limit, offset: offset)
    }

    /// Returns when every entry queued before the call is written (or the writer gave up after
    /// its retries; the entries then stay queued for the next attempt).
    public func flush() async {
        startWriter()
        while let writer {
            await writer.value
            // A writer that gave up leaves entries queued; don't spin on a broken database.
            if self.writer == nil { break }
        }
    }

    /// Writes what is queued and refuses to queue more (writes go straight through after this).
    public func close() async {
        closed = true
        await flush()
        if !queue.isEmpty {
            logger.critical("audit entries could not be written before shutdown", metadata: ["count": "\(queue.count)"])
        }
    }

    public var pending: Int { queue.count }

    private func startWriter() {
        guard writer == nil, !queue.isEmpty else { return }
        writer = Task { await self.drain() }
    }

    /// One writer at a time, so the chain's order is the queue's order.
    private func drain() async {
        var attempts = 0
        while !queue.isEmpty {
            let batch = Array(queue.prefix(2_000))
            do {
                try await log.record(batch.map(\.entry))
                queue.removeFirst(batch.count)
                attempts = 0
                lastError = nil
                let now = ContinuousClock.now
                if let oldest = batch.first {
                    let waited = oldest.since.duration(to: now)
                    longestDelay = max(longestDelay, waited)
                    delay.recordNanoseconds(waited.nanoseconds)
                }
                batches.increment()
                written.increment(by: batch.count)
            } catch {
                lastError = error
                failures.increment()
                attempts += 1
                logger.error("audit write failed; entries stay queued", metadata: ["queued": "\(queue.count)", "attempt": "\(attempts)", "error": "\(type(of: error))"])
                if attempts >= 4 { break }
                try? await Task.sleep(for: .milliseconds(50 << attempts))
            }
        }
        writer = nil
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
