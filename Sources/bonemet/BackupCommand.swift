import ArgumentParser
import BoneMetStorage
import Foundation

/// `bonemet backup --to FILE`: an online, consistent backup of the database.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent backup of the database while the server runs.",
        discussion: "SQLite: a database file (restore: stop the server, copy it to DATA/bonemet.sqlite). PostgreSQL: pg_dump custom format (restore: pg_restore). See docs/deployment.md."
    )

    @Option(name: .long, help: "The backup file to write (must not exist).")
    var to: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let location = try database.location(command: "backup", create: false)
        let store = try SQLStore(location)
        do {
            try await Backup.run(store, location: location, to: to)
        } catch Backup.Failure.targetExists {
            await store.shutdown()
            throw CLIFailure.reject("field \"--to\": \"\(to)\" exists; choose a new file", command: "backup")
        } catch {
            await store.shutdown()
            throw CLIFailure.reject("the backup failed (\(String(describing: type(of: error)))); nothing was changed", command: "backup")
        }
        await store.shutdown()
        FileHandle.standardOutput.write(Data("Backup written to \(to).\n".utf8))
    }
}
