import BoneMetStorage
import Foundation
import Logging
import PostgresKit

/// Databases for storage and web tests: a fresh SQLite file always, and a fresh PostgreSQL
/// database when `BONEMET_TEST_POSTGRES_URL` points at a server (scripts/test starts one).
public enum TestDatabases {
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["BONEMET_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Empties a throw-away PostgreSQL database the benchmarks were pointed at (every table
    /// dropped), so a run starts from the migrations.
    public static func emptyPostgres(_ store: SQLStore) async throws {
        try await store.write { db in
            try await db.raw("DROP SCHEMA public CASCADE").run()
            try await db.raw("CREATE SCHEMA public").run()
        }
    }

    /// The engines to run every storage test against.
    public static var engines: [SQLStore.Engine] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A new, empty, migrated database of the engine; `cleanup` closes and removes it.
    public static func make(_ engine: SQLStore.Engine, migrate: Bool = true) async throws -> (store: SQLStore, cleanup: @Sendable () async -> Void) {
        let made = try await makeWithLocation(engine, migrate: migrate)
        return (made.store, made.cleanup)
    }

    /// Runs `body` on a new database of the engine and removes the database afterwards,
    /// whether `body` returns or throws.
    public static func with<T>(_ engine: SQLStore.Engine, migrate: Bool = true, _ body: (SQLStore) async throws -> T) async throws -> T {
        let (store, cleanup) = try await make(engine, migrate: migrate)
        do {
            let result = try await body(store)
            await cleanup()
            return result
        } catch {
            await cleanup()
            throw error
        }
    }

    /// The same, also returning where the database is, so a second store (a second server
    /// process) can open it.
    public static func makeWithLocation(_ engine: SQLStore.Engine, migrate: Bool = true) async throws
        -> (store: SQLStore, location: DatabaseLocation, cleanup: @Sendable () async -> Void)
    {
        let logger = Logger(label: "bonemet.test")
        let name = "bm_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let store: SQLStore
        let location: DatabaseLocation
        let cleanup: @Sendable () async -> Void
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(String(name))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            location = .sqlite(path: folder.appendingPathComponent("bonemet.sqlite").path)
            store = try SQLStore(location, logger: logger)
            cleanup = {
                await store.shutdown()
                try? FileManager.default.removeItem(at: folder)
            }
        case .postgres:
            guard let base = postgresURL else { throw TestDatabaseError.postgresNotConfigured }
            let admin = try SQLStore(.postgres(url: base), logger: logger)
            // A pool dropped without its shutdown traps (AsyncKit asserts it): closed on the error
            // path too — a "too many clients" here crashed the whole test process (CI, 2026-12-05).
            do {
                try await admin.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: String(name))").run() }
            } catch {
                await admin.shutdown()
                throw error
            }
            await admin.shutdown()
            location = .postgres(url: url(base, database: String(name)))
            store = try SQLStore(location, logger: logger)
            cleanup = { await store.shutdown() }
        }
        if migrate {
            do {
                try await Migrator().migrate(store, at: 1_700_000_000)
            } catch {
                await cleanup()
                throw error
            }
        }
        return (store, location, cleanup)
    }

    /// The same server URL with another database name.
    public static func url(_ base: String, database: String) -> String {
        guard var components = URLComponents(string: base) else { return base }
        components.path = "/" + database
        return components.string ?? base
    }

    public enum TestDatabaseError: Error { case postgresNotConfigured }
}
