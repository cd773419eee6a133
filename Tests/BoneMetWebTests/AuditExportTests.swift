import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BoneMetWeb

/// Issue #11: the audit log exportable as CSV for a privacy officer — administrators only,
/// spreadsheet formulas neutralised (OWASP CSV injection), quoting per RFC 4180, and the export
/// itself audited.
@Suite struct AuditExportTests {
    @Test func cellsAreQuotedAndFormulasNeutralised() {
        #expect(AuditCSV.cell("plain") == "plain")
        #expect(AuditCSV.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(AuditCSV.cell("+1") == "'+1")
        #expect(AuditCSV.cell("-2") == "'-2")
        #expect(AuditCSV.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(AuditCSV.cell("a,b") == "\"a,b\"")
        #expect(AuditCSV.cell("line\r\nbreak") == "\"line\r\nbreak\"")
        #expect(AuditCSV.cell("骨转移") == "骨转移")
    }

    @Test(arguments: TestDatabases.engines)
    func administratorsDownloadTheWholeLog(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("boss", role: .administrator)
        try await harness.user("doctor", role: .orthopaedics)
        let boss = try #require(try await harness.services.users.credentials(username: "boss")?.user)
        for index in 0..<1_205 {
            try await harness.services.audit.record(userId: boss.id, action: "view", caseId: nil, detail: index == 0 ? "=cmd|' /C calc'!A0" : "n\(index)", at: WebHarness.time)
        }
        try await harness.run { client in
            var doctor = Browser()
            _ = try await doctor.signIn(client, "doctor", WebHarness.password)
            #expect(try await doctor.get(client, "/admin/audit.csv").status == .forbidden)
            var admin = Browser()
            _ = try await admin.signIn(client, "boss", WebHarness.password)
            let csv = try await admin.get(client, "/admin/audit.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let text = String(buffer: csv.body)
            let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "time,user,action,case,patient,detail,client")
            #expect(lines.count >= 1 + 1_205, "every page of the log, not the first 1000")
            #expect(text.contains("'=cmd|' /C calc'!A0"))
            #expect(!text.contains(",=cmd"))
            let entries = try await harness.services.audit.entries(limit: 5_000, offset: 0)
            #expect(entries.contains { $0.action == "export" && $0.detail == "audit log CSV" && $0.userId == boss.id })
        }
    }
}
