import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Threads for background CPU work at a lower scheduling priority (issue #12: the
/// re-assessment of every stored case "never blocks requests").
///
/// Why: the re-assessment after a new rule set decodes and assesses every case, batch after
/// batch, on every core. On Swift's cooperative threads — one per core — each slice of a batch
/// (≈ 40 ms of assessing) held its thread, and a request's handler, which runs on the same
/// threads, waited behind it. Here the work runs on threads of its own at nice 10: the
/// operating system gives the cores to requests first and the re-assessment what is left.
/// Nice 10, not 19 or SCHED_IDLE: against a thread at nice 0 that wants a whole core it still
/// gets ≈ a tenth of it (the kernel's weights: 110 against 1 024; nice 19 is 15, ≈ 1.5 %), so a
/// run on a machine that other work keeps busy still moves. Measured: requests during a full
/// run are as fast at nice 10 as at 19 (docs/performance.md). The awaiting task is suspended
/// meanwhile and holds no cooperative thread.
public final class BackgroundThreads: @unchecked Sendable {
    // @unchecked: `work` is only touched under `condition`.
    private let condition = NSCondition()
    private var work: [@Sendable () -> Void] = []
    public let count: Int

    /// One thread per core, started on first use and kept for the process's life.
    public static let shared = BackgroundThreads(count: ProcessInfo.processInfo.activeProcessorCount)

    init(count: Int) {
        self.count = max(1, count)
        for index in 0..<self.count {
            Thread { [self] in
                // Named and lowered from inside: both apply to the calling thread on Linux.
                Self.nameCurrentThread("bonemet-bg-\(index)")
                Self.lowerPriority()
                self.run()
            }.start()
        }
    }

    /// Names the calling thread for the operating system (top, perf, /proc) and Foundation.
    /// Why not `Thread.current.name` alone: on Linux a new thread starts with its creator's name
    /// (a concurrency worker's "com.apple.root.default-qos"), and Foundation's setter reaches
    /// the kernel only once `Thread.start` has stored the thread's handle — a race the new
    /// thread can win, leaving the inherited name (`BackgroundThreadsTests` saw it 1 run in 2).
    /// A Linux thread name is at most 15 bytes.
    public static func nameCurrentThread(_ name: String) {
        Thread.current.name = name
        #if os(Linux)
        // The kernel's own interface (pthread_setname_np is a GNU extension Glibc's Swift
        // module does not export; it writes the same file).
        if let file = fopen("/proc/thread-self/comm", "w") {
            _ = fputs(String(decoding: Array(name.utf8.prefix(15)), as: UTF8.self), file)
            fclose(file)
        }
        #endif
    }

    /// The calling thread's name as the operating system knows it (for tests).
    public static var currentThreadName: String {
        #if os(Linux)
        guard let file = fopen("/proc/thread-self/comm", "r") else { return "" }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return "" }
        let bytes = buffer.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
        #else
        return Thread.current.name ?? ""
        #endif
    }

    /// The threads' nice value (see above).
    public static let nice: Int32 = 10

    /// The calling thread's nice value (for tests).
    public static var currentNice: Int32 {
        #if os(Linux)
        errno = 0
        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #else
        return 0
        #endif
    }

    private static func lowerPriority() {
        #if os(Linux)
        // On Linux a nice value belongs to the thread, and `who` 0 names the calling thread, not
        // the process (setpriority(2), NOTES; `BackgroundThreadsTests` checks both sides).
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.nice)
        #endif
    }

    func submit(_ body: @escaping @Sendable () -> Void) {
        condition.lock()
        work.append(body)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while work.isEmpty { condition.wait() }
            let body = work.removeFirst()
            condition.unlock()
            body()
        }
    }
}

/// The results of a background map, filled by the threads, handed over once all parts are in.
private final class BackgroundResults<T: Sendable>: @unchecked Sendable {
    // @unchecked: `parts` and `left` are only touched under `lock`.
    private let lock = NSLock()
    private var parts: [[T]]
    private var left: Int
    private let done: CheckedContinuation<[T], Never>

    init(parts: Int, done: CheckedContinuation<[T], Never>) {
        self.parts = Array(repeating: [], count: parts)
        self.left = parts
        self.done = done
    }

    func finish(_ index: Int, _ values: [T]) {
        lock.lock()
        parts[index] = values
        left -= 1
        let all = left == 0 ? parts.flatMap { $0 } : nil
        lock.unlock()
        if let all { done.resume(returning: all) }
    }
}

extension Array where Element: Sendable {
    /// `mapOnEveryCore` on `BackgroundThreads`: the same results in the same order, computed at
    /// a lower priority (`BackgroundThreads.nice`), so requests come first.
    public func mapInBackground<T: Sendable>(
        on threads: BackgroundThreads = .shared, _ transform: @escaping @Sendable (Element) -> T
    ) async -> [T] {
        // Eight parts a thread, taken from the queue as threads come free: one slice a thread
        // left a thread idle whenever its half of a batch (cases of 1 to 6 lesions) was the
        // lighter one (issue #12).
        let parts = slices(threads.count * 8)
        guard !parts.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            let results = BackgroundResults<T>(parts: parts.count, done: continuation)
            for (index, part) in parts.enumerated() {
                threads.submit { results.finish(index, part.elements.map(transform)) }
            }
        }
    }
}
