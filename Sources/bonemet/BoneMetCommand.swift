import ArgumentParser
import Foundation

/// `bonemet` — the command-line tool. Subcommands are thin: parse arguments, call the libraries.
struct BoneMetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bonemet",
        abstract: "BoneMet — bone metastasis decision support and MDT case system (骨转移临床决策支持与 MDT 病例系统).",
        subcommands: [ServeCommand.self, CalcCommand.self, AssessCommand.self, SchemaCommand.self, OpenAPICommand.self, BackupCommand.self, RestoreCommand.self, AuditVerifyCommand.self, FHIRScanCommand.self, ImportCommand.self, ExportCommand.self, ExtractCommand.self]
    )
}

@main
enum Main {
    /// Every bad input ends with exit code 2 and one clear line (issue #2), including argument
    /// errors that ArgumentParser would report with its own code 64.
    static func main() async {
        do {
            var command = try BoneMetCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = BoneMetCommand.exitCode(for: error)
            if error is ExitCode || code == .success {
                BoneMetCommand.exit(withError: error)
            }
            FileHandle.standardError.write(Data((BoneMetCommand.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(CLIFailure.badInputCode)
        }
    }
}

/// How the CLI reports a rejected input: one line on standard error, exit code 2.
enum CLIFailure {
    static let badInputCode: Int32 = 2

    static func reject(_ message: String, command: String) -> ExitCode {
        FileHandle.standardError.write(Data("bonemet \(command): \(message)\n".utf8))
        return ExitCode(badInputCode)
    }
}
