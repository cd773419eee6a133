import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import BoneMetWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// What a clinician does in a browser, in-process, on every storage engine.
@Suite struct WebFlowTests {
    static let engines = TestDatabases.engines

    static func example(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("examples/\(name)"), encoding: .utf8)
    }

    @Test(arguments: engines)
    func healthAndAnonymousAccess(engine: SQLStore.Engine) async throws {
        try await WebHarness.make(engine).run { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(String(buffer: health.body).contains(#""status":"ok""#))
            let page = try await client.execute(uri: "/cases", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login")
            let api = try await client.execute(uri: "/api/v1/cases", method: .get)
            #expect(api.status == .unauthorized)
            #expect(String(buffer: api.body).contains(#""error""#))
            #expect(api.headers[.init("X-Request-Id")!] != nil)
        }
    }

    @Test(arguments: engines)
    func firstLoginForcesAPasswordChange(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.run { client in
            var browser = Browser()
            let login = try await browser.signIn(client, "admin", harness.adminPassword)
            #expect(login.status == .seeOther)
            #expect(login.headers[.location] == "/password")
            let cookie = login.headers[values: .setCookie].first { $0.hasPrefix("bonemet_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            // Every page waits for the new password.
            #expect(try await browser.get(client, "/cases").headers[.location] == "/password")
            _ = try await browser.get(client, "/password")
            let short = try await browser.post(client, "/password", form: ["_csrf": browser.csrf ?? "", "current": harness.adminPassword, "new": "short", "repeat": "short"])
            #expect(short.status == .unprocessableContent)
            let changed = try await browser.post(client, "/password", form: [
                "_csrf": browser.csrf ?? "", "current": harness.adminPassword, "new": "a much better password", "repeat": "a much better password",
            ])
            #expect(changed.status == .seeOther)
            #expect(try await browser.get(client, "/cases").status == .ok)
            // The one-time password no longer works.
            var other = Browser()
            #expect(try await other.signIn(client, "admin", harness.adminPassword).status == .unauthorized)
        }
    }

    @Test(arguments: engines)
    func loginNeedsItsFormTokenAndIsThrottled(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            var forged = Browser()
            let noToken = try await forged.post(client, "/login", form: ["username": "doctor", "password": WebHarness.password])
            #expect(noToken.status == .forbidden)
            var browser = Browser()
            for _ in 0..<5 { #expect(try await browser.signIn(client, "doctor", "wrong password").status == .unauthorized) }
            // The sixth try is refused even with the right password, and the typed name is kept.
            let blocked = try await browser.signIn(client, "doctor", WebHarness.password)
            #expect(blocked.status == .tooManyRequests)
            #expect(String(buffer: blocked.body).contains(#"value="doctor""#))
        }
    }

    @Test(arguments: engines)
    func createACaseSeeTheFindingAndTheWorklist(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .orthopaedics)
        let text = try Self.example("06-impending-femoral-fracture.json")
        try await harness.run { client in
            var browser = Browser()
            #expect(try await browser.signIn(client, "doctor", WebHarness.password).headers[.location] == "/cases")
            _ = try await browser.get(client, "/cases/new")
            // Without the CSRF token nothing is created.
            #expect(try await browser.post(client, "/cases", form: ["record": text]).status == .forbidden)
            let created = try await browser.post(client, "/cases", form: ["_csrf": browser.csrf ?? "", "record": text])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let page = try await browser.get(client, location)
            let html = String(buffer: page.body)
            #expect(page.status == .ok)
            #expect(html.contains("demo-06"))
            #expect(html.contains(#"data-rule="surgery.mirels.impendingFracture""#))
            #expect(html.contains("FICTIONAL"))
            let worklist = try await browser.get(client, "/worklists/impending-fractures")
            #expect(String(buffer: worklist.body).contains("demo-06"))
            // The patient list says what is urgent, not only how much: the finding under the count.
            let list = String(buffer: try await browser.get(client, "/cases").body)
            #expect(list.contains(#"<span class="counts">Urgent 1</span><span class="top-finding">right femur, peritrochanteric: impending fracture (Mirels 12) — prophylactic fixation, urgent orthopaedic referral</span>"#), "\(list)")
            let api = String(buffer: try await browser.api(client, .get, "/api/v1/cases").body)
            #expect(api.contains(#""en": "right femur, peritrochanteric: impending fracture (Mirels 12) — prophylactic fixation, urgent orthopaedic referral""#), "\(api)")
            let chinese = String(buffer: try await browser.get(client, "/cases", headers: [.cookie: "lang=zh"]).body)
            #expect(chinese.contains(#"<span class="top-finding">右股骨转子周围：骨折风险高（Mirels 12 分）——预防性内固定，紧急骨科转诊</span>"#))
            let entries = try await harness.services.audit.entries(limit: 20, offset: 0)
            #expect(entries.contains { $0.action == "view" && location.hasSuffix($0.caseId ?? "-") })
            #expect(entries.contains { $0.action == "create" })
        }
    }

    /// Rule set 2026.12.55: the same impending fracture in a patient whose record states a
    /// death — the first screen says so (not "nothing urgent"), the age stops at the death, and
    /// the case is on no worklist; the summary line names the treatment at death, not a current one.
    @Test(arguments: engines)
    func aDeceasedPatientsCaseSaysSoAndLeavesTheWorklists(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.user("coordinator", role: .mdtCoordinator)
        let text = try Self.example("06-impending-femoral-fracture.json")
            .replacingOccurrences(of: #""id": "demo-06","#, with: #""id": "demo-06", "deathDate": "2023-10-01","#)
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.signIn(client, "doctor", WebHarness.password)
            _ = try await browser.get(client, "/cases/new")
            let created = try await browser.post(client, "/cases", form: ["_csrf": browser.csrf ?? "", "record": text])
            let location = try #require(created.headers[.location])
            let html = String(buffer: try await browser.get(client, location).body)
            #expect(html.contains(#"<p class="deceased">Deceased (2023-10-01): no action is proposed</p>"#))
            #expect(html.contains("deceased 2023-10-01, 64 years at death"))
            // Nothing is "current" after a death: the line names what ran on the day of death.
            #expect(html.contains("no treatment at death") && !html.contains("no current treatment"))
            #expect(!html.contains(#"data-rule="surgery.mirels.impendingFracture""#))
            let worklist = try await browser.get(client, "/worklists/impending-fractures")
            #expect(!String(buffer: worklist.body).contains("demo-06"))
            // The patient list marks the death (M0024) and gives the age at it; so does the MDT agenda's picker.
            let list = String(buffer: try await browser.get(client, "/cases").body)
            #expect(list.contains(#"<span class="badge deceased">deceased 2023-10-01</span>"#))
            #expect(list.contains("64 y, male"))
            var coordinator = Browser()
            _ = try await coordinator.signIn(client, "coordinator", WebHarness.password)
            _ = try await coordinator.get(client, "/meetings")
            let meeting = try #require(try await coordinator.post(client, "/meetings", form: [
                "_csrf": coordinator.csrf ?? "", "title": "Bone MDT", "date": "2026-12-03", "time": "14:00",
            ]).headers[.location])
            #expect(String(buffer: try await coordinator.get(client, meeting).body).contains("demo-06 (FICTIONAL, deceased)"))
        }
    }

    @Test(arguments: engines)
    func aBadCaseShowsEveryFieldAndKeepsWhatWasTyped(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .radiology)
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.signIn(client, "doctor", WebHarness.password)
            _ = try await browser.get(client, "/cases/new")
            let bad = #"{"patient": {"id": "p<script>", "sex": "f"}, "lesions": [{"id": "L1", "bone": "femurr"}]}"#
            let response = try await browser.post(client, "/cases", form: ["_csrf": browser.csrf ?? "", "record": bad])
            let html = String(buffer: response.body)
            #expect(response.status == .unprocessableContent)
            #expect(html.contains("patient.sex"))
            #expect(html.contains("lesions[0].bone"))
            // Kept as typed, and escaped.
            #expect(html.contains("&quot;femurr&quot;") || html.contains("\"femurr\""))
            #expect(!html.contains("<script>"))
            #expect(try await harness.services.cases.list(search: nil, limit: 10, offset: 0).isEmpty)
        }
    }

    @Test(arguments: engines)
    func languageFollowsTheBrowserAndTheSwitch(engine: SQLStore.Engine) async throws {
        try await WebHarness.make(engine).run { client in
            var browser = Browser()
            let chinese = try await browser.get(client, "/login", headers: [.acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8"])
            #expect(String(buffer: chinese.body).contains("登录"))
            #expect(String(buffer: chinese.body).contains(#"lang="zh-Hans""#))
            browser.cookies["lang"] = "en"
            let english = try await browser.get(client, "/login", headers: [.acceptLanguage: "zh-CN"])
            #expect(String(buffer: english.body).contains("Sign in"))
        }
    }
}

@Suite struct APITests {
    static let engines = TestDatabases.engines

    @Test(arguments: engines)
    func createReadUpdateWithVersionsAndErrors(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("onc", role: .medicalOncology)
        let text = try WebFlowTests.example("10a-zoledronic-crcl-35.json")
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.signIn(client, "onc", WebHarness.password)
            _ = try await browser.get(client, "/cases")
            let created = try await browser.api(client, .post, "/api/v1/cases", body: text)
            #expect(created.status == .created)
            guard case .object(let body) = try JSONValue.parse(String(buffer: created.body)), case .string(let id)? = body["id"] else {
                Issue.record("no id")
                return
            }
            #expect(String(buffer: created.body).contains("boneAgents.zoledronic.dose"))
            let read = try await browser.api(client, .get, "/api/v1/cases/\(id)")
            #expect(read.status == .ok)
            // Updates need If-Match; a stale version is a conflict, never an overwrite.
            #expect(try await browser.api(client, .put, "/api/v1/cases/\(id)", body: text).status == .preconditionRequired)
            #expect(try await browser.api(client, .put, "/api/v1/cases/\(id)", body: text, headers: [.ifMatch: "1"]).status == .ok)
            let stale = try await browser.api(client, .put, "/api/v1/cases/\(id)", body: text, headers: [.ifMatch: "1"])
            #expect(stale.status == .conflict)
            // Invalid records are 422 with every field path.
            let invalid = try await browser.api(client, .post, "/api/v1/cases", body: #"{"patient": {"id": "p", "sex": "x"}, "labs": [{"date": "2023-13-01"}]}"#)
            #expect(invalid.status == .unprocessableContent)
            let message = String(buffer: invalid.body)
            for field in ["patient.sex", "labs[0].date", "labs[0].test", "labs[0].value"] { #expect(message.contains(#""field": "\#(field)""#), "\(field)") }
            // Unsafe methods need the CSRF header.
            var noHeader = browser
            noHeader.csrf = nil
            #expect(try await noHeader.api(client, .post, "/api/v1/cases", body: text).status == .forbidden)
            let worklist = try await browser.api(client, .get, "/api/v1/worklists/bone-agents")
            #expect(String(buffer: worklist.body).contains("demo-10a"))
            #expect(try await browser.api(client, .get, "/api/v1/cases/missing").status == .notFound)
        }
    }
}

@Suite struct AuthorizationTests {
    @Test func permissionTable() {
        for role in Role.allCases {
            #expect(Permission.viewCases.allowed(for: role))
            #expect(Permission.editClinicalData.allowed(for: role) == ![.administrator, .mdtCoordinator].contains(role), "\(role)")
            #expect(Permission.manageUsers.allowed(for: role) == (role == .administrator))
            #expect(Permission.viewAudit.allowed(for: role) == (role == .administrator))
        }
    }

    @Test(arguments: Role.allCases)
    func eachRoleAgainstCreatingACase(role: Role) async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("someone", role: role)
        let text = try WebFlowTests.example("02-uptake-irradiated-field.json")
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.signIn(client, "someone", WebHarness.password)
            #expect(try await browser.get(client, "/cases").status == .ok)
            let newPage = try await browser.get(client, "/cases/new")
            let created = try await browser.post(client, "/cases", form: ["_csrf": browser.csrf ?? "", "record": text])
            if role.isClinician {
                #expect(newPage.status == .ok)
                #expect(created.status == .seeOther)
            } else {
                #expect(newPage.status == .forbidden)
                #expect(created.status == .forbidden)
            }
        }
    }

    @Test func textsOfThePagesAreBilingual() {
        for text in UITextCatalogue.all {
            #expect(!text.en.isEmpty && !text.zhHans.isEmpty)
            #expect(text.zhHans.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } || text.en == "中文", "\(text.en)")
        }
    }
}

@Suite struct MeetingFlowTests {
    @Test(arguments: TestDatabases.engines)
    func scheduleDiscussDecideAndPrint(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("coordinator", role: .mdtCoordinator)
        try await harness.user("doctor", role: .orthopaedics)
        let record = try CaseFile.read(try WebFlowTests.example("06-impending-femoral-fracture.json"))
        try await harness.run { client in
            var doctor = Browser()
            _ = try await doctor.signIn(client, "doctor", WebHarness.password)
            _ = try await doctor.get(client, "/cases/new")
            let created = try await doctor.post(client, "/cases", form: ["_csrf": doctor.csrf ?? "", "record": CaseFile.write(record)])
            let caseId = String((created.headers[.location] ?? "").dropFirst("/cases/".count))

            var coordinator = Browser()
            _ = try await coordinator.signIn(client, "coordinator", WebHarness.password)
            _ = try await coordinator.get(client, "/meetings")
            let bad = try await coordinator.post(client, "/meetings", form: ["_csrf": coordinator.csrf ?? "", "title": "Bone MDT", "date": "2026-13-01", "time": "14:00"])
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains(#"value="Bone MDT""#))
            let scheduled = try await coordinator.post(client, "/meetings", form: ["_csrf": coordinator.csrf ?? "", "title": "Bone MDT", "date": "2026-12-03", "time": "14:00", "location": "Room 5"])
            let meeting = try #require(scheduled.headers[.location])
            _ = try await coordinator.get(client, meeting)
            #expect(try await coordinator.post(client, meeting + "/agenda", form: ["_csrf": coordinator.csrf ?? "", "caseId": caseId, "question": "Fix before radiotherapy?"]).status == .seeOther)
            let page = String(buffer: try await coordinator.get(client, meeting).body)
            // The completeness check names what is missing (no creatinine, no tumour markers).
            #expect(page.contains("serum creatinine"))
            #expect(page.contains("tumour markers"))
            let badAttendees = try await coordinator.post(client, meeting + "/attendees", form: ["_csrf": coordinator.csrf ?? "", "attendees": "Dr Li, surgeon"])
            #expect(badAttendees.status == .unprocessableContent)
            #expect(try await coordinator.post(client, meeting + "/attendees", form: ["_csrf": coordinator.csrf ?? "", "attendees": "Dr Li, orthopaedics\nDr Wang, medicalOncology"]).status == .seeOther)
            let decided = try await coordinator.post(client, meeting + "/decisions/\(caseId)", form: [
                "_csrf": coordinator.csrf ?? "", "decision": "Prophylactic fixation before radiotherapy", "specialty": "orthopaedics",
                "followUp": "book theatre\nrestage in 3 months",
            ])
            #expect(decided.status == .seeOther)
            let report = String(buffer: try await coordinator.get(client, meeting + "/report/\(caseId)").body)
            #expect(report.contains("Prophylactic fixation before radiotherapy"))
            #expect(report.contains("restage in 3 months"))
            #expect(report.contains("Dr Wang"))
            #expect(report.contains("impending fracture"))
            // The decision joined the case record.
            let stored = try #require(try await harness.services.cases.get(id: caseId))
            #expect(stored.record.decisions.last?.decision == "Prophylactic fixation before radiotherapy")
            #expect(stored.version == 2)
        }
    }

    /// Issue #10: input kept on error, attendees ticked from the users, follow-up tasks per
    /// specialty on the case page and on "my tasks" until done, decisions edited and withdrawn —
    /// each audited and reflected in the case record.
    @Test(arguments: TestDatabases.engines)
    func tasksEditsAndWithdrawal(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("coordinator", role: .mdtCoordinator)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.user("radonc", role: .radiationOncology)
        let record = try CaseFile.read(try WebFlowTests.example("06-impending-femoral-fracture.json"))
        try await harness.run { client in
            var doctor = Browser()
            _ = try await doctor.signIn(client, "doctor", WebHarness.password)
            _ = try await doctor.get(client, "/cases/new")
            let created = try await doctor.post(client, "/cases", form: ["_csrf": doctor.csrf ?? "", "record": CaseFile.write(record)])
            let casePath = try #require(created.headers[.location])
            let caseId = String(casePath.dropFirst("/cases/".count))
            var coordinator = Browser()
            _ = try await coordinator.signIn(client, "coordinator", WebHarness.password)
            _ = try await coordinator.get(client, "/meetings")
            let meeting = try #require(try await coordinator.post(client, "/meetings", form: [
                "_csrf": coordinator.csrf ?? "", "title": "Bone MDT", "date": "2026-12-03", "time": "14:00",
            ]).headers[.location])
            _ = try await coordinator.post(client, meeting + "/agenda", form: ["_csrf": coordinator.csrf ?? "", "caseId": caseId, "question": "Fix?"])
            // Attendees ticked from the users, with the specialty they represent.
            let users = try await harness.services.users.all()
            let radonc = try #require(users.first { $0.username == "radonc" })
            #expect(String(buffer: try await coordinator.get(client, meeting).body).contains("attend.\(radonc.id)"))
            _ = try await coordinator.post(client, meeting + "/attendees", form: [
                "_csrf": coordinator.csrf ?? "", "attend.\(radonc.id)": "on", "specialty.\(radonc.id)": "radiationOncology", "attendees": "Guest surgeon, orthopaedics",
            ])
            #expect(try await SQLMeetingStore(harness.services.store).get(id: String(meeting.dropFirst("/meetings/".count)))?.attendees
                == [Attendee(name: radonc.displayName, specialty: .radiationOncology, userId: radonc.id), Attendee(name: "Guest surgeon", specialty: .orthopaedics)])
            // A decision without a specialty is refused and what was typed is kept.
            let bad = try await coordinator.post(client, meeting + "/decisions/\(caseId)", form: [
                "_csrf": coordinator.csrf ?? "", "decision": "Fix the <femur>", "specialty": "", "followUp": "Radiation oncology: SBRT",
            ])
            #expect(bad.status == .unprocessableContent)
            let badPage = String(buffer: bad.body)
            #expect(badPage.contains("Fix the &lt;femur&gt;") && badPage.contains("Radiation oncology: SBRT"))
            _ = try await coordinator.post(client, meeting + "/decisions/\(caseId)", form: [
                "_csrf": coordinator.csrf ?? "", "decision": "Prophylactic fixation", "specialty": "orthopaedics",
                "followUp": "book theatre\nRadiation oncology: post-operative RT 8 Gy",
            ])
            // The case page lists both tasks with their specialty; the radiation oncologist's list has theirs.
            let casePage = String(buffer: try await doctor.get(client, casePath).body)
            #expect(casePage.contains("book theatre") && casePage.contains("post-operative RT 8 Gy"))
            var oncologist = Browser()
            _ = try await oncologist.signIn(client, "radonc", WebHarness.password)
            let mine = String(buffer: try await oncologist.get(client, "/tasks").body)
            #expect(mine.contains("post-operative RT 8 Gy") && !mine.contains("book theatre"))
            let task = try #require(try await SQLTaskStore(harness.services.store).open(specialties: [.radiationOncology], viewer: nil, limit: 5).first)
            let done = try await oncologist.post(client, "/tasks/\(task.id)/done", form: ["_csrf": oncologist.csrf ?? "", "next": "//evil.example"])
            #expect(done.status == .seeOther && done.headers[.location] == "/tasks")  // never an open redirect
            #expect(!String(buffer: try await oncologist.get(client, "/tasks").body).contains("post-operative RT 8 Gy"))
            // Edit: the record's decision is replaced, not duplicated; withdraw: it leaves the record.
            _ = try await coordinator.post(client, meeting + "/decisions/\(caseId)", form: [
                "_csrf": coordinator.csrf ?? "", "decision": "Prophylactic fixation, then RT", "specialty": "orthopaedics", "followUp": "book theatre",
            ])
            var stored = try #require(try await harness.services.cases.get(id: caseId))
            #expect(stored.record.decisions.map(\.decision) == ["Prophylactic fixation, then RT"])
            let withdrawn = try await coordinator.post(client, meeting + "/decisions/\(caseId)/withdraw", form: ["_csrf": coordinator.csrf ?? ""])
            #expect(withdrawn.status == .seeOther)
            stored = try #require(try await harness.services.cases.get(id: caseId))
            #expect(stored.record.decisions.isEmpty)
            let remaining = try await SQLTaskStore(harness.services.store).tasks(caseId: caseId)
            #expect(remaining.map(\.text) == ["post-operative RT 8 Gy"] && remaining.allSatisfy(\.isDone))
            let actions = try await harness.services.audit.entries(limit: 100, offset: 0).map(\.action)
            for action in ["decision", "decision.edit", "decision.withdraw", "task.done"] { #expect(actions.contains(action), "\(action) audited") }
            // A withdrawal needs the CSRF token.
            #expect(try await coordinator.post(client, meeting + "/decisions/\(caseId)/withdraw", form: [:]).status == .forbidden)
        }
    }
}

@Suite struct RecordFormTests {
    @Test(arguments: TestDatabases.engines)
    func everySectionIsEditableThroughForms(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.signIn(client, "doctor", WebHarness.password)
            _ = try await browser.get(client, "/cases/new")
            let created = try await browser.post(client, "/cases", form: [
                "_csrf": browser.csrf ?? "", "record": #"{"patient": {"id": "form-1", "sex": "female", "birthDate": "1960"}}"#,
            ])
            let casePath = try #require(created.headers[.location])
            let caseId = String(casePath.dropFirst("/cases/".count))
            let page = String(buffer: try await browser.get(client, casePath).body)
            #expect(page.contains("edit-section?section=lesions"))

            // A bad value: the error stands beside its field and what was typed is kept.
            _ = try await browser.get(client, casePath + "/edit-section?section=lesions")
            let bad = try await browser.post(client, casePath + "/edit-section", form: [
                "_csrf": browser.csrf ?? "", "section": "lesions", "version": "1", "id": "L1", "bone": "femurr", "level": "",
            ])
            let badHTML = String(buffer: bad.body)
            #expect(bad.status == .unprocessableContent)
            #expect(badHTML.contains("field bad"))
            #expect(badHTML.contains("femurr"))
            #expect(badHTML.contains(#"value="L1""#))

            // A good lesion, then a CT with an observation of it: the case is re-assessed each time.
            #expect(try await browser.post(client, casePath + "/edit-section", form: [
                "_csrf": browser.csrf ?? "", "section": "lesions", "version": "1", "id": "L1", "bone": "femur", "segment": "peritrochanteric",
            ]).status == .seeOther)
            #expect(try await browser.post(client, casePath + "/edit-section", form: [
                "_csrf": browser.csrf ?? "", "section": "studies", "version": "2", "id": "S1", "date": "2023-04-02", "modality": "xray",
            ]).status == .seeOther)
            #expect(try await browser.post(client, casePath + "/edit-section", form: [
                "_csrf": browser.csrf ?? "", "section": "studies/0/observations", "version": "3", "lesion": "L1", "character": "lytic",
                "fractionOfDiameter": "0.7",
            ]).status == .seeOther)
            #expect(try await browser.post(client, casePath + "/edit-section", form: [
                "_csrf": browser.csrf ?? "", "section": "pain", "version": "4", "date": "2023-04-01", "lesion": "L1", "mirels": "functional",
            ]).status == .seeOther)
            let stored = try #require(try await harness.services.cases.get(id: caseId))
            #expect(stored.version == 5)
            #expect(stored.record.studies.first?.observations.first?.fractionOfDiameter == 0.7)
            let findings = try await harness.services.cases.findings(caseId: caseId)
            #expect(findings.contains { $0.ruleId == "surgery.mirels.impendingFracture" })

            // Editing keeps the other fields; a stale version is refused with the typed values kept.
            let edit = String(buffer: try await browser.get(client, casePath + "/edit-section?section=patient").body)
            #expect(edit.contains(#"value="form-1""#))
            let stale = try await browser.post(client, casePath + "/edit-section", form: [
                "_csrf": browser.csrf ?? "", "section": "patient", "version": "1", "id": "form-1b", "sex": "female",
            ])
            #expect(stale.status == .conflict)
            #expect(String(buffer: stale.body).contains(#"value="form-1b""#))

            // A lesion still observed by a study cannot be deleted; the reason is named.
            let refused = try await browser.post(client, casePath + "/delete-item", form: ["_csrf": browser.csrf ?? "", "section": "lesions", "index": "0", "version": "5"])
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("studies[0].observations[0].lesion"))
            #expect(try await browser.post(client, casePath + "/delete-item", form: ["_csrf": browser.csrf ?? "", "section": "pain", "index": "0", "version": "5"]).status == .seeOther)
            #expect(try await harness.services.cases.get(id: caseId)?.record.pain.isEmpty == true)
        }
    }
}

@Suite struct SearchTests {
    @Test func searchingPutsNoPatientIdInAURL() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("doctor", role: .radiology)
        // The doctor's own patients (the care team sees them; CareTeamTests covers the others).
        let doctor = try #require(try await harness.services.users.credentials(username: "doctor")?.user)
        var record = try CaseFile.read(try WebFlowTests.example("02-uptake-irradiated-field.json"))
        _ = try await harness.services.cases.create(record, findings: [], by: doctor.id, at: 1)
        record.patient.id = "other-77"
        _ = try await harness.services.cases.create(record, findings: [], by: doctor.id, at: 2)
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.signIn(client, "doctor", WebHarness.password)
            let list = String(buffer: try await browser.get(client, "/cases").body)
            #expect(list.contains(#"action="/cases/search" method="post""#))
            let found = String(buffer: try await browser.post(client, "/cases/search", form: ["_csrf": browser.csrf ?? "", "q": "DEMO-02"]).body)
            #expect(found.contains("demo-02"))
            #expect(!found.contains("other-77"))
            #expect(try await browser.post(client, "/cases/search", form: ["q": "demo"]).status == .forbidden)
            let api = try await browser.api(client, .post, "/api/v1/cases/search", body: #"{"q": "other"}"#)
            #expect(String(buffer: api.body).contains("other-77"))
            #expect(!String(buffer: api.body).contains("demo-02"))
            #expect(try await browser.api(client, .post, "/api/v1/cases/search", body: #"{"limit": 0}"#).status == .unprocessableContent)
        }
    }
}
