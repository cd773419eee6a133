import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing, off the event loop (it is slow on purpose).
public enum PasswordHashing {
    public static func hash(_ password: String, cost: UInt8) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// A missing user still costs one verification (against a hash of a random secret), so
    /// response time does not reveal which user names exist.
    public static func verify(_ password: String, hash: String?) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash ?? dummyHash) }
    }

    static let dummyHash = Bcrypt.hash(RandomToken.make(), cost: 12)
}
