import BoneMetDomain
import BoneMetStorage
import Foundation
import SQLKit
import Testing

/// `bonemet audit-verify` (issue #11): exit 0 on an intact chain, 1 naming the first changed
/// entry, 2 on a bad option.
@Suite struct AuditVerifyCommandTests {
    @Test func intactThenTampered() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bonemet-audit-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try SQLStore(.sqlite(path: folder + "/bonemet.sqlite"))
        try await Migrator().migrate(store, at: 1)
        for index in 0..<3 { try await SQLAuditLog(store).record(userId: "u", action: "view", caseId: nil, detail: "entry \(index)", at: 10) }
        await store.shutdown()
        let intact = try CLI.run(["audit-verify", "--data", folder])
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(intact.stdout.contains("3 entries"))
        let again = try SQLStore(.sqlite(path: folder + "/bonemet.sqlite"))
        try await again.write { db in
            try await db.raw("DROP TRIGGER audit_log_no_update").run()
            try await db.raw("UPDATE audit_log SET user_id = 'someone else' WHERE seq = 2").run()
        }
        await again.shutdown()
        let broken = try CLI.run(["audit-verify", "--data", folder])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("entry 2"))
        #expect(try CLI.run(["audit-verify", "--data", folder + "/missing"]).status == 2)
    }
}
