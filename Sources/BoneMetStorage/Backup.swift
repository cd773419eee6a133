import Foundation
import SQLKit

/// Online backups. SQLite: `VACUUM INTO` writes a consistent copy while the server runs.
/// PostgreSQL: `pg_dump --format=custom` (restore with `pg_restore`).
public enum Backup {
    public enum Failure: Error, Equatable {
        case targetExists
        case pgDumpFailed(status: Int32)
        case pgDumpMissing
    }

    public static func run(_ store: SQLStore, location: DatabaseLocation, to target: String) async throws {
        guard !FileManager.default.fileExists(atPath: target) else { throw Failure.targetExists }
        switch location {
        case .sqlite:
            try await store.read { db in
                try await db.raw("VACUUM INTO \(bind: target)").run()
            }
        case .postgres(let url):
            let candidates = ["/usr/bin/pg_dump", "/usr/local/bin/pg_dump"]
                + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).map { "/usr/lib/postgresql/\($0)/bin/pg_dump" }
            guard let pgDump = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { throw Failure.pgDumpMissing }
            // ChildProcess, not Foundation's Process (which crashes now and then on Linux).
            let dumped = try ChildProcess.run(pgDump, ["--format=custom", "--file=\(target)", "--dbname=\(url)"])
            guard dumped.status == 0 else { throw Failure.pgDumpFailed(status: dumped.status) }
        }
    }
}
