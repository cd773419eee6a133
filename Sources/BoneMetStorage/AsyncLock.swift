import Synchronization

/// A FIFO async mutex. SQLite has one writer at a time: serializing writers in-process means no
/// writer sleeps in SQLite's busy handler on a shared NIO thread-pool thread while the lock
/// holder waits for a thread to run its next statement (a deadlock until the busy timeout).
actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// How many callers wait for the lock, readable by its holder from any thread without a hop
    /// to the actor: a long writer (the background re-assessment) commits early and queues
    /// again behind them (`SQLStore.othersWaitToWrite`, issue #12).
    private nonisolated let queued = Atomic<Int>(0)

    /// Whether anyone waits for the lock now.
    nonisolated var contended: Bool { waiting > 0 }
    /// How many wait now.
    nonisolated var waiting: Int { queued.load(ordering: .relaxed) }

    func lock() async {
        if !locked {
            locked = true
            return
        }
        queued.add(1, ordering: .relaxed)
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty {
            locked = false
        } else {
            queued.subtract(1, ordering: .relaxed)
            waiters.removeFirst().resume()
        }
    }

    func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await lock()
        do {
            let result = try await body()
            unlock()
            return result
        } catch {
            unlock()
            throw error
        }
    }
}
