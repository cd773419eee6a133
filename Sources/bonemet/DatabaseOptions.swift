import ArgumentParser
import BoneMetStorage
import Foundation

/// Where the database is: `--database-url` / BONEMET_DATABASE_URL for PostgreSQL, otherwise
/// SQLite in `--data` / BONEMET_DATA (default ./bonemet-data). Shared by every command that
/// opens the database, so they all agree.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder for the SQLite database (default ./bonemet-data).")
    var data: String?

    @Option(name: .customLong("database-url"), help: "postgres://user:password@host:port/database to use PostgreSQL instead of SQLite.")
    var databaseURL: String?

    /// - Parameter create: make the data folder when missing (serve, import); otherwise the
    ///   SQLite file must already exist (backup, export), so a typo does not read an empty database.
    func location(command: String, create: Bool) throws -> DatabaseLocation {
        let environment = ProcessInfo.processInfo.environment
        if let url = databaseURL ?? environment["BONEMET_DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw CLIFailure.reject("field \"--database-url\": must start with postgres:// or postgresql://", command: command)
            }
            return .postgres(url: url)
        }
        let folder = data ?? environment["BONEMET_DATA"] ?? "bonemet-data"
        let path = (folder as NSString).appendingPathComponent("bonemet.sqlite")
        if create {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIFailure.reject("field \"--data\": cannot create the folder \"\(folder)\"", command: command)
            }
        } else if !FileManager.default.fileExists(atPath: path) {
            throw CLIFailure.reject("field \"--data\": no database at \"\(path)\"", command: command)
        }
        // A file that is not a SQLite database is reported here, before anything opens it.
        do {
            try SQLiteFile.checkHeader(path: path)
        } catch {
            throw CLIFailure.reject(Self.damaged(path, folder: folder, problem: "it is not a SQLite database"), command: command)
        }
        return .sqlite(path: path)
    }

    /// What to do about a damaged database: the command that recovers it.
    static func damaged(_ path: String, folder: String, problem: String) -> String {
        "the database \"\(path)\" is damaged (\(problem)); nothing was changed. Stop the server and restore the latest backup: bonemet restore --from BACKUP-FILE --data \(folder)"
    }
}
