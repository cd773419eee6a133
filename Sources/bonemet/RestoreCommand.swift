import ArgumentParser
import BoneMetStorage
import Foundation

/// `bonemet restore --from FILE`: puts a SQLite backup in place safely (checked before and
/// after; the previous database and its WAL/shared-memory files moved aside, never deleted).
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup made by 'bonemet backup' in place (SQLite). Stop the server first.",
        discussion: "The backup is checked (PRAGMA integrity_check) before it is used and the restored database after; the previous database is kept beside it as bonemet.sqlite.before-restore-TIME. PostgreSQL: use pg_restore (docs/deployment.md)."
    )

    @Option(name: .long, help: "The backup file (from bonemet backup).")
    var from: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        if database.databaseURL != nil || ProcessInfo.processInfo.environment["BONEMET_DATABASE_URL"].map({ !$0.isEmpty }) == true {
            throw CLIFailure.reject("PostgreSQL backups are restored with pg_restore --clean --dbname=URL FILE (docs/deployment.md)", command: "restore")
        }
        guard case .sqlite(let path) = try DatabaseOptions(data: database.data, databaseURL: nil).locationForRestore(command: "restore") else { return }
        do {
            let aside = try await SQLiteFile.restore(from: from, to: path, at: Int64(Date().timeIntervalSince1970))
            var message = "Restored \(from) into \(path) (integrity checked before and after; schema up to date)."
            if let aside { message += " The previous database is kept as \(aside)." }
            FileHandle.standardOutput.write(Data((message + "\n").utf8))
        } catch SQLiteFile.Failure.missing {
            throw CLIFailure.reject("field \"--from\": no file at \"\(from)\"", command: "restore")
        } catch SQLiteFile.Failure.notADatabase {
            throw CLIFailure.reject("field \"--from\": \"\(from)\" is not a SQLite database; nothing was changed", command: "restore")
        } catch SQLiteFile.Failure.damaged(_, let problem) {
            throw CLIFailure.reject("field \"--from\": the backup is damaged (\(problem)); nothing was changed", command: "restore")
        }
    }
}

extension DatabaseOptions {
    init(data: String?, databaseURL: String?) {
        self.init()
        self.data = data
        self.databaseURL = databaseURL
    }

    /// The SQLite file to restore into: the folder is made if missing, the file need not exist
    /// and may be damaged (that is why one restores).
    func locationForRestore(command: String) throws -> DatabaseLocation {
        let folder = data ?? ProcessInfo.processInfo.environment["BONEMET_DATA"] ?? "bonemet-data"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure.reject("field \"--data\": cannot create the folder \"\(folder)\"", command: command)
        }
        return .sqlite(path: (folder as NSString).appendingPathComponent("bonemet.sqlite"))
    }
}
