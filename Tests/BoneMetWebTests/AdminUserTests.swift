import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BoneMetWeb

/// Issue #10: administrators change a user's role and reset a forgotten password (audited,
/// never oneself's role); the audit log shows patient ids and narrows by user, patient and date.
@Suite struct AdminUserTests {
    @Test(arguments: TestDatabases.engines)
    func roleChangePasswordResetAndAuditFilters(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("boss", role: .administrator)
        try await harness.user("doctor", role: .orthopaedics)
        let record = try CaseFile.read(try WebFlowTests.example("06-impending-femoral-fracture.json"))
        try await harness.run { client in
            var doctor = Browser()
            _ = try await doctor.signIn(client, "doctor", WebHarness.password)
            _ = try await doctor.get(client, "/cases/new/json")
            let created = try await doctor.post(client, "/cases", form: ["_csrf": doctor.csrf ?? "", "record": CaseFile.write(record)])
            let caseId = String((created.headers[.location] ?? "").dropFirst("/cases/".count))
            var admin = Browser()
            _ = try await admin.signIn(client, "boss", WebHarness.password)
            _ = try await admin.get(client, "/admin/users")
            let users = try await harness.services.users.all()
            let doc = try #require(users.first { $0.username == "doctor" })
            let boss = try #require(users.first { $0.username == "boss" })
            // Role: changed and audited; never one's own; a bad role is a 422 naming it.
            #expect(try await admin.post(client, "/admin/users/\(doc.id)/role", form: ["_csrf": admin.csrf ?? "", "role": "spineSurgery"]).status == .seeOther)
            #expect(try await harness.services.users.user(id: doc.id)?.role == .spineSurgery)
            #expect(try await admin.post(client, "/admin/users/\(boss.id)/role", form: ["_csrf": admin.csrf ?? "", "role": "radiology"]).status == .unprocessableContent)
            #expect(try await harness.services.users.user(id: boss.id)?.role == .administrator)
            let badRole = try await admin.post(client, "/admin/users/\(doc.id)/role", form: ["_csrf": admin.csrf ?? "", "role": "surgeon"])
            #expect(badRole.status == .unprocessableContent && String(buffer: badRole.body).contains("role"))
            #expect(try await doctor.post(client, "/admin/users/\(doc.id)/role", form: ["_csrf": doctor.csrf ?? "", "role": "administrator"]).status == .forbidden)
            // Password reset: a one-time password shown once; the doctor's session ends; they must change it.
            let reset = try await admin.post(client, "/admin/users/\(doc.id)/password", form: ["_csrf": admin.csrf ?? ""])
            let page = String(buffer: reset.body)
            let password = try #require(page.range(of: "<code>").map { String(page[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(password.count >= 12)
            #expect(try await doctor.get(client, "/cases").status != .ok)  // signed out
            var again = Browser()
            _ = try await again.signIn(client, "doctor", password)
            #expect(try await harness.services.users.credentials(username: "doctor")?.user.mustChangePassword == true)
            // Audit: the patient id, not a case number; narrowed by user, patient and date.
            let audit = String(buffer: try await admin.get(client, "/admin/audit").body)
            #expect(audit.contains(">demo-06<"))
            let byPatient = String(buffer: try await admin.post(client, "/admin/audit", form: ["_csrf": admin.csrf ?? "", "patient": "demo-06"]).body)
            #expect(byPatient.contains("/cases/\(caseId)") && !byPatient.contains(AdminTexts.actionLabel("changeRole").en))
            let byUser = String(buffer: try await admin.post(client, "/admin/audit", form: ["_csrf": admin.csrf ?? "", "user": boss.id]).body)
            #expect(byUser.contains(AdminTexts.actionLabel("changeRole").en) && byUser.contains(AdminTexts.actionLabel("resetPassword").en))
            #expect(!byUser.contains(">demo-06<"))
            let day = PartialDate(dayNumber: Int(WebHarness.time / 86_400)).description
            let sameDay = String(buffer: try await admin.post(client, "/admin/audit", form: ["_csrf": admin.csrf ?? "", "from": day, "to": day]).body)
            #expect(sameDay.contains(AdminTexts.actionLabel("changeRole").en))
            let later = String(buffer: try await admin.post(client, "/admin/audit", form: ["_csrf": admin.csrf ?? "", "from": "2099-01-01"]).body)
            #expect(later.contains(AdminTexts.noEntries.en))
            let badDate = try await admin.post(client, "/admin/audit", form: ["_csrf": admin.csrf ?? "", "from": "yesterday"])
            #expect(badDate.status == .unprocessableContent && String(buffer: badDate.body).contains(#"value="yesterday""#))
            let unknown = String(buffer: try await admin.post(client, "/admin/audit", form: ["_csrf": admin.csrf ?? "", "patient": "nobody"]).body)
            #expect(unknown.contains(AdminTexts.noSuchPatient.en))
            #expect(try await admin.post(client, "/admin/audit", form: ["patient": "demo-06"]).status == .forbidden)
        }
    }

    /// Issue #10: an error page is inside the signed-in layout (navigation, who is signed in,
    /// the language switch) and in the reader's language; signed out, it has no navigation.
    @Test func errorPagesKeepTheSignedInLayout() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            var doctor = Browser()
            _ = try await doctor.signIn(client, "doctor", WebHarness.password)
            for (path, status) in [("/cases/00000000-0000-4000-8000-00000000dead", HTTPResponse.Status.notFound), ("/admin/users", .forbidden), ("/no/such/page", .notFound)] {
                let response = try await doctor.get(client, path)
                #expect(response.status == status, "\(path)")
                let html = String(buffer: response.body)
                #expect(html.contains("<nav>") && html.contains("doctor ·") && html.contains(#"action="/logout""#), "\(path)")
            }
            let chinese = String(buffer: try await doctor.get(client, "/no/such/page", headers: [.cookie: "lang=zh"]).body)
            #expect(chinese.contains("患者") && chinese.contains("错误 404") && chinese.contains("未找到"))
            var stranger = Browser()
            let anonymous = String(buffer: try await stranger.get(client, "/no/such/page").body)
            #expect(!anonymous.contains("<nav>"))
        }
    }

    /// Issue #11: failed and throttled sign-ins, sign-outs, refused requests (403) and every
    /// list, search and worklist that shows patient ids are audited with what was shown.
    @Test(arguments: TestDatabases.engines)
    func whatWasShownIsAudited(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .orthopaedics)
        let record = try CaseFile.read(try WebFlowTests.example("06-impending-femoral-fracture.json"))
        try await harness.run { client in
            var wrong = Browser()
            _ = try await wrong.signIn(client, "doctor", "not the password at all")
            var doctor = Browser()
            _ = try await doctor.signIn(client, "doctor", WebHarness.password)
            _ = try await doctor.get(client, "/cases/new/json")
            _ = try await doctor.post(client, "/cases", form: ["_csrf": doctor.csrf ?? "", "record": CaseFile.write(record)])
            _ = try await doctor.get(client, "/cases")
            _ = try await doctor.post(client, "/cases/search", form: ["_csrf": doctor.csrf ?? "", "q": "demo"])
            _ = try await doctor.get(client, "/worklists/impending-fractures")
            _ = try await doctor.api(client, .get, "/api/v1/cases")
            #expect(try await doctor.get(client, "/admin/audit").status == .forbidden)
            #expect(try await doctor.get(client, "/cases").status == .ok, "still signed in")
            let out = try await doctor.post(client, "/logout", form: ["_csrf": doctor.csrf ?? ""])
            #expect(out.status == .seeOther, "\(out.status) \(String(buffer: out.body).prefix(300))")
            let entries = try await harness.services.audit.entries(limit: 100, offset: 0)
            func has(_ action: String, _ text: String = "") -> Bool { entries.contains { $0.action == action && (text.isEmpty || $0.detail.contains(text)) } }
            #expect(has("login.failed", "doctor"))
            #expect(has("list", "patient list page 1: 1 shown — demo-06"))
            #expect(has("search", #"search "demo": 1 shown — demo-06"#))
            #expect(has("worklist", "impending-fractures page 1") && has("worklist", "demo-06"))
            #expect(has("list", "API case list"))
            #expect(has("forbidden", "GET /admin/audit"))
            #expect(has("logout"), "\(entries.map(\.action))")
            #expect(!entries.contains { $0.detail.contains("not the password") })
            #expect(try await SQLAuditLog(harness.services.store).verify() == .intact(entries: entries.count))
        }
    }
}
