import HummingbirdBcrypt
import NIOCore
import Synchronization
import NIOPosix

/// bcrypt hashing, off the event loop (it is slow on purpose) and off the database's threads:
/// SQLite runs on `NIOThreadPool.singleton`, so hashing there let a flood of sign-ins starve
/// every other user's queries (issue #11). Hashing has a pool of its own.
public enum PasswordHashing {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount))
        pool.start()
        return pool
    }()

    public static func hash(_ password: String, cost: UInt8) async throws -> String {
        try await pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// A missing user still costs one verification (against a hash of a random secret), so
    /// response time does not reveal which user names exist — at the cost stored hashes are made
    /// with (`dummyCost`, the server's bcrypt cost): a fixed cost 12 beside a configured 10 made
    /// an unknown name four times slower to refuse than a known one, and in the tests (cost 4)
    /// every unknown-user sign-in cost a cost-12 hash on a shared pool — sign-ins timed out
    /// under the parallel suite.
    public static func verify(_ password: String, hash: String?, dummyCost: UInt8) async throws -> Bool {
        // The dummy hash is made (once per cost) on the hashing pool, not on the caller's thread.
        try await pool.runIfActive { Bcrypt.verify(password, hash: hash ?? dummyHashes.hash(cost: dummyCost)) }
    }

    static let dummyHashes = DummyHashes()
}

/// One hash of a random secret per bcrypt cost, made once (a process uses one cost).
final class DummyHashes: Sendable {
    private let hashes = Mutex<[UInt8: String]>([:])

    func hash(cost: UInt8) -> String {
        hashes.withLock { hashes in
            if let hash = hashes[cost] { return hash }
            let hash = Bcrypt.hash(RandomToken.make(), cost: cost)
            hashes[cost] = hash
            return hash
        }
    }
}

/// Bounded password hashing for requests (OWASP ASVS 2.2, issue #11): at most `concurrent`
/// hashes at once and `waiting` queued; beyond that the request is answered 503 with
/// Retry-After at once, instead of piling up until something times out with a 500.
public actor PasswordGate {
    public struct Limits: Sendable {
        public var concurrent: Int
        public var waiting: Int
        /// Seconds a refused client is told to wait.
        public var retryAfter: Int

        public init(concurrent: Int, waiting: Int, retryAfter: Int = 5) {
            self.concurrent = max(1, concurrent)
            self.waiting = max(0, waiting)
            self.retryAfter = max(1, retryAfter)
        }

        /// One hash per core, 16 waiting per core: at cost 12 (≈ 0.25 s) a full queue clears in
        /// about four seconds, inside the five the client is told to wait.
        public static let `default` = Limits(concurrent: System.coreCount, waiting: 16 * max(1, System.coreCount))
    }

    public let limits: Limits
    /// The cost a missing user's verification is made at: the server's bcrypt cost.
    public let dummyCost: UInt8
    private var active = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(limits: Limits = .default, dummyCost: UInt8 = 12) {
        self.limits = limits
        self.dummyCost = dummyCost
    }

    /// Permits in use and requests queued (for tests and /metrics).
    var inUse: Int { active }
    var queued: Int { waiters.count }

    public func hash(_ password: String, cost: UInt8) async throws -> String {
        try await acquire()
        defer { release() }
        return try await PasswordHashing.hash(password, cost: cost)
    }

    public func verify(_ password: String, hash: String?) async throws -> Bool {
        try await acquire()
        defer { release() }
        return try await PasswordHashing.verify(password, hash: hash, dummyCost: dummyCost)
    }

    /// Takes a permit, queues for one, or refuses with 503 when the queue is full.
    func acquire() async throws {
        if active < limits.concurrent {
            active += 1
            return
        }
        guard waiters.count < limits.waiting else { throw AppError.overloaded(retryAfter: limits.retryAfter) }
        // The permit is handed over by `release` without `active` going down in between.
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { active -= 1 } else { waiters.removeFirst().resume() }
    }
}
