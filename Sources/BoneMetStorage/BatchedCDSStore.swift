import BoneMetDomain
import Foundation

/// CDS Hooks' replay check as calls use it (issue #12): every call must record its token's
/// `jti` before it is answered, and a replayed one must be refused — so the check cannot be
/// deferred. Instead the calls that arrive while one batch is being written share the next
/// write: one transaction (one multi-row insert, decided by the table's unique key, so several
/// server processes still agree) answers all of them. Expired ids are deleted at most once a
/// minute, not on every call. A failed write fails every call of its batch (they are refused,
/// never let through unchecked).
public actor BatchedCDSStore: CDSStore {
    private struct Waiting {
        let key: String
        let expiresAt: Int64
        let now: Int64
        let continuation: CheckedContinuation<Bool, any Error>
    }

    public let base: SQLCDSStore
    private var waiting: [Waiting] = []
    private var writing = false
    private var purged: Int64?
    /// Seconds between deletions of expired ids.
    static let purgeEvery: Int64 = 60

    public init(_ store: SQLStore) {
        self.base = SQLCDSStore(store)
    }

    public func claim(jti: String, issuer: String, expiresAt: Int64, now: Int64) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(key: issuer + " " + jti, expiresAt: expiresAt, now: now, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    /// Writes what has queued, batch after batch, until nothing waits.
    private func drain() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            // The same id twice in one batch: the first is the call, the second a replay.
            var first: [String: Int] = [:]
            var keys: [(key: String, expiresAt: Int64)] = []
            for (index, item) in batch.enumerated() where first[item.key] == nil {
                first[item.key] = index
                keys.append((item.key, item.expiresAt))
            }
            let now = batch.map(\.now).max() ?? 0
            let purge = purged.map { now - $0 >= Self.purgeEvery } ?? true
            do {
                let fresh = try await base.claim(keys, purgeBefore: purge ? now : nil)
                if purge { purged = now }
                for (index, item) in batch.enumerated() {
                    item.continuation.resume(returning: first[item.key] == index && fresh.contains(item.key))
                }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }

    public func record(_ feedback: [CDSFeedback], service: String, issuer: String, at time: Int64) async throws {
        try await base.record(feedback, service: service, issuer: issuer, at: time)
    }

    public func feedback(service: String, limit: Int) async throws -> [CDSFeedback] {
        try await base.feedback(service: service, limit: limit)
    }
}
