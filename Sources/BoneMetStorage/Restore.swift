import Foundation
import SQLKit

/// A damaged SQLite database is reported, never crashed on, and a backup is put back in place
/// safely (issue #11): the backup is checked before it is used, the old database moves aside
/// together with its WAL and shared-memory files (left beside a restored file they would be
/// replayed into it and corrupt it), the checked copy is renamed into place, and the result is
/// checked again and migrated.
public enum SQLiteFile {
    public enum Failure: Error, Equatable {
        /// The file does not start with SQLite's header: not a database, or overwritten.
        case notADatabase(path: String)
        /// `PRAGMA integrity_check` found a problem (its first line).
        case damaged(path: String, problem: String)
        case missing(path: String)
    }

    static let header = Array("SQLite format 3\u{0}".utf8)

    /// A missing or empty file is fine (a new database); otherwise the first 16 bytes must be
    /// SQLite's header.
    public static func checkHeader(path: String) throws(Failure) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: 16)).map(Array.init) ?? []
        if bytes.isEmpty { return }
        guard bytes == header else { throw .notADatabase(path: path) }
    }

    /// "ok", or the first problem `PRAGMA integrity_check` reports.
    public static func integrity(_ store: SQLStore) async throws -> String {
        try await store.read { db in
            let rows = try await db.raw("PRAGMA integrity_check").all()
            return try rows.first.map { try $0.decode(column: "integrity_check", as: String.self) } ?? "no answer"
        }
    }

    /// A cheap check for start-up ("ok" or the problem): the schema reads. The full
    /// `integrity(_:)` scans every page — minutes on a large database — so start-up does not
    /// run it; `restore` does, before and after.
    public static func probe(_ store: SQLStore) async throws -> String {
        try await store.read { db in
            _ = try await db.raw("SELECT COUNT(*) AS n FROM sqlite_master").all()
            return "ok"
        }
    }

    /// Puts `backup` in place as the database at `path`. Returns where the previous database
    /// was moved (nil when there was none).
    public static func restore(from backup: String, to path: String, at time: Int64) async throws -> String? {
        guard FileManager.default.fileExists(atPath: backup) else { throw Failure.missing(path: backup) }
        try checkHeader(path: backup)
        // 1. A private copy of the backup, checked before anything else is touched.
        let staging = path + ".restoring"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: staging)
        let check = try SQLStore(.sqlite(path: staging))
        let before = try await integrity(check)
        await check.shutdown()
        guard before == "ok" else {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
            throw Failure.damaged(path: backup, problem: before)
        }
        // Everything of the copy is now in the main file (the pool checkpointed on close);
        // no WAL or shared memory of it may follow it into place.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
        // 2. The previous database moves aside with its WAL and shared-memory files.
        var aside: String?
        if FileManager.default.fileExists(atPath: path) {
            let target = "\(path).before-restore-\(time)"
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.moveItem(atPath: path + suffix, toPath: target + suffix)
            }
            aside = target
        }
        // 3. Into place (a rename on one file system), then checked again and migrated.
        try FileManager.default.moveItem(atPath: staging, toPath: path)
        let store = try SQLStore(.sqlite(path: path))
        let after = try await integrity(store)
        guard after == "ok" else {
            await store.shutdown()
            throw Failure.damaged(path: path, problem: after)
        }
        try await Migrator().migrate(store, at: time)
        await store.shutdown()
        return aside
    }
}
