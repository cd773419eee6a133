import ArgumentParser
import BoneMetStorage
import Foundation

/// `bonemet audit-verify`: recomputes the audit log's hash chain (issue #11). Exit 0 when every
/// entry follows from the one before; exit 1 naming the first entry that does not.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-verify",
        abstract: "Check that the audit log is complete and unchanged (its hash chain).",
        discussion: "Exit 0: intact. Exit 1: the first entry (by sequence number) whose hash does not follow; look at it and everything after it."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let location = try database.location(command: "audit-verify", create: false)
        let store = try SQLStore(location)
        let verdict: AuditChain.Verdict
        do {
            try await Migrator().migrate(store, at: Int64(Date().timeIntervalSince1970))
            verdict = try await SQLAuditLog(store).verify()
        } catch {
            await store.shutdown()
            throw CLIFailure.reject("cannot read the audit log (\(String(describing: type(of: error))))", command: "audit-verify")
        }
        await store.shutdown()
        switch verdict {
        case .intact(let entries):
            FileHandle.standardOutput.write(Data("Audit log intact: \(entries) entries, each chained to the one before.\n".utf8))
        case .broken(let seq):
            FileHandle.standardError.write(Data("bonemet audit-verify: the audit log was changed: entry \(seq) does not follow from entry \(seq - 1); entries from \(seq) on cannot be trusted.\n".utf8))
            throw ExitCode(1)
        }
    }
}
