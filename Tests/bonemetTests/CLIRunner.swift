import BoneMetStorage
import Foundation
import Testing

/// Runs the built `bonemet` executable, as a user would, and captures what it prints.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLI {
    /// The `bonemet` built beside the test bundle (`swift build` puts both in the same folder).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["BONEMET_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On some platforms the runner sits inside the .xctest bundle.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("bonemet").path),
            directory.pathComponents.count > 1
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("bonemet")
    }

    /// Started with `ChildProcess` (posix_spawn): Foundation's `Process.run()` crashes now and
    /// then on Linux with this toolchain (see `ChildProcess`).
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> CLIResult {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "BONEMET_LANG")
        for (key, value) in environment { env[key] = value }
        let result = try ChildProcess.run(executable.path, arguments, environment: env, stdin: Data((stdin ?? "").utf8))
        return CLIResult(
            status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self), stderr: String(decoding: result.stderr, as: UTF8.self))
    }
}
