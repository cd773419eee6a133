import BoneMetDomain
import BoneMetStorage
import Foundation
import Testing

/// Issue #11, recovery: a damaged database stops `serve` with the command that recovers it
/// (never an assertion); `bonemet restore` checks the backup, moves the old database and its
/// WAL/shared-memory files aside, and checks the result.
@Suite struct RestoreCommandTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bonemet-restore-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aDamagedDatabaseIsReportedWithTheWayOut() throws {
        let data = try folder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: URL(fileURLWithPath: data + "/bonemet.sqlite"))
        let result = try CLI.run(["serve", "--data", data, "--port", "18997"])
        #expect(result.status == 2, "\(result.stderr.prefix(400))")
        #expect(result.stderr.contains("damaged") && result.stderr.contains("bonemet restore --from"))
        #expect(!result.stderr.contains("Assertion") && !result.stderr.contains("crashed"))
        #expect(try CLI.run(["export", "--out", data + "/out", "--data", data]).status == 2)
    }

    /// A real database whose schema page is damaged (the header intact): the connection fails
    /// while it is set up, and is closed rather than dropped open (which crashed on an assertion).
    @Test func aDamagedSchemaPageIsReportedNotCrashedOn() async throws {
        let data = try folder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let store = try SQLStore(.sqlite(path: data + "/bonemet.sqlite"))
        try await Migrator().migrate(store, at: 1)
        await store.shutdown()
        let handle = try #require(FileHandle(forUpdatingAtPath: data + "/bonemet.sqlite"))
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }))
        try handle.close()
        let result = try CLI.run(["serve", "--data", data, "--port", "18993"])
        #expect(result.status == 2, "\(result.stderr.suffix(400))")
        #expect(result.stderr.contains("bonemet restore --from") && !result.stderr.contains("Assertion"))
    }

    @Test func aBackupIsPutBackSafely() async throws {
        let data = try folder()
        let other = try folder()
        defer { try? FileManager.default.removeItem(atPath: data); try? FileManager.default.removeItem(atPath: other) }
        let path = data + "/bonemet.sqlite"
        let store = try SQLStore(.sqlite(path: path))
        try await Migrator().migrate(store, at: 1)
        let record = try CaseFile.read(try String(contentsOf: AssessCommandTests.examples.appendingPathComponent("06-impending-femoral-fracture.json"), encoding: .utf8))
        _ = try await SQLCaseStore(store).create(record, findings: [], by: "u", at: 2)
        await store.shutdown()
        let backup = other + "/backup.sqlite"
        #expect(try CLI.run(["backup", "--to", backup, "--data", data]).status == 0)
        // The live database is lost; a stale WAL of the old one lies beside it.
        try Data(repeating: 0x42, count: 4096).write(to: URL(fileURLWithPath: path))
        try Data(repeating: 0x17, count: 4096).write(to: URL(fileURLWithPath: path + "-wal"))
        // A file that is not a backup changes nothing.
        let junk = other + "/junk.sqlite"
        try Data(repeating: 0x01, count: 100).write(to: URL(fileURLWithPath: junk))
        let refused = try CLI.run(["restore", "--from", junk, "--data", data])
        #expect(refused.status == 2 && refused.stderr.contains("not a SQLite database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x42, count: 4096))
        #expect(try CLI.run(["restore", "--from", other + "/missing", "--data", data]).status == 2)
        // The backup goes back; the lost file and its WAL are kept aside, not replayed.
        let restored = try CLI.run(["restore", "--from", backup, "--data", data])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("before-restore"))
        let files = try FileManager.default.contentsOfDirectory(atPath: data)
        #expect(files.contains { $0.hasSuffix("-wal") && $0.contains("before-restore") })
        let back = try SQLStore(.sqlite(path: path))
        #expect(try await SQLiteFile.integrity(back) == "ok")
        #expect(try await SQLCaseStore(back).list(search: nil, limit: 5, offset: 0).map(\.patientId) == ["demo-06"])
        await back.shutdown()
        #expect(try CLI.run(["audit-verify", "--data", data]).status == 0)
    }
}
