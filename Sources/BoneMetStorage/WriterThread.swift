import BoneMetDomain
import Foundation

/// A thread of its own for the SQLite writing transactions of `SQLStore.quickWrite` (issue #12).
///
/// Why: a `quickWrite` transaction runs SQLite synchronously from start to commit. On the
/// caller's thread that is one of Swift's cooperative threads — two on a 2-core server — so
/// while a batch is written, the work meant to run beside it (the next batch's mapping and
/// assessment on `mapOnEveryCore`, requests) had one thread, and a slice of it waited for the
/// write to end: an import used 1.3–1.5 of the 2 cores (docs/performance.md). On this thread
/// the writer is one more runnable thread, and the operating system shares the cores.
///
/// A `TaskExecutor`: the transaction's body runs here (task executor preference) and awaits
/// as any async code does; jobs run in the order they came. Once `stop` is called the thread
/// finishes what it was given and ends; a job that comes after runs on the global executor.
final class WriterThread: TaskExecutor, @unchecked Sendable {
    // @unchecked: `jobs` and `stopped` are only touched under `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false
    private var thread: pthread_t?

    init(name: String) {
        // Named from inside: on Linux a name given before `start` is not the running thread's
        // (and a name is at most 15 bytes there).
        Thread { [self] in
            BackgroundThreads.nameCurrentThread(name)
            condition.lock()
            thread = pthread_self()
            condition.unlock()
            self.run()
        }.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        if stopped {
            condition.unlock()
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
            return
        }
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Whether the caller runs on this thread.
    var isCurrent: Bool {
        condition.lock()
        defer { condition.unlock() }
        return thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
    }

    /// Ends the thread once the jobs it has are run.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        var batch: [UnownedJob] = []
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            swap(&batch, &jobs)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
