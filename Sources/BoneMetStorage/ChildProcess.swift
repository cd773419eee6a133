import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and waits for it, without Foundation's `Process`. On Linux with Swift 6.3.1
/// `Process.run()` crashes now and then — it copies whole 256-byte `d_name` fields while counting
/// /proc/self/fd and reads past glibc's buffer (swift-corelibs-foundation PR #5472, merged after
/// this toolchain) — and the test suite, which starts the CLI dozens of times, crashed with it in
/// CI. Here: `posix_spawn`, with standard input, output and error through files in a folder of
/// its own (no pipe to drain while waiting).
public enum ChildProcess {
    public struct Result: Sendable {
        /// The exit status, or 128 + the signal that ended it.
        public let status: Int32
        public let stdout: Data
        public let stderr: Data
    }

    public struct SpawnFailed: Error {
        public let code: Int32
    }

    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: Data = Data()) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bonemet-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (input, output, errors) = (folder.appendingPathComponent("in"), folder.appendingPathComponent("out"), folder.appendingPathComponent("err"))
        try stdin.write(to: input)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?] = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw SpawnFailed(code: spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG (macros, not imported into Swift).
        let signal = status & 0x7f
        return Result(
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
            stdout: (try? Data(contentsOf: output)) ?? Data(), stderr: (try? Data(contentsOf: errors)) ?? Data())
    }
}
