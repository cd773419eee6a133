import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BoneMetWeb

/// Issue #11, per-patient access: a case is visible to its care team (who created it, who was
/// added, who attends an MDT meeting about it) and MDT coordinators; anyone else only through
/// an audited "break the glass" with a reason, for 12 hours. Lists, searches, worklists, tasks
/// and the API show only what the user may see.
@Suite struct CareTeamTests {
    static func record() throws -> CaseRecord {
        var record = try CaseFile.read(try WebFlowTests.example("06-impending-femoral-fracture.json"))
        record.patient.id = "team-patient-1"
        return record
    }

    /// Signs in and creates the case through the form (so its findings are stored); its id.
    static func create(_ client: any TestClientProtocol, as browser: inout Browser) async throws -> String {
        _ = try await browser.get(client, "/cases/new/json")
        let created = try await browser.post(client, "/cases", form: ["_csrf": browser.csrf ?? "", "record": CaseFile.write(try record())])
        let path = try #require(created.headers[.location])
        return String(path.dropFirst("/cases/".count))
    }

    @Test(arguments: TestDatabases.engines)
    func onlyTheCareTeamSeesAPatientAndEmergencyAccessIsAuditedAndExpires(engine: SQLStore.Engine) async throws {
        let clock = TestClock(WebHarness.time)
        let harness = try await WebHarness.make(engine, now: { clock.now })
        try await harness.user("surgeon", role: .orthopaedics)
        try await harness.user("oncologist", role: .medicalOncology)
        let services = harness.services
        try await harness.run { client in
            var surgeon = Browser()
            _ = try await surgeon.signIn(client, "surgeon", WebHarness.password)
            let caseId = try await Self.create(client, as: &surgeon)
            var oncologist = Browser()
            _ = try await oncologist.signIn(client, "oncologist", WebHarness.password)

            // Not on the team: nothing in the lists, search, worklist or API …
            func seen(_ browser: inout Browser) async throws -> [Bool] {
                [
                    String(buffer: try await browser.get(client, "/cases").body).contains("team-patient-1"),
                    String(buffer: try await browser.post(client, "/cases/search", form: ["_csrf": browser.csrf ?? "", "q": "team-patient"]).body)
                        .contains("team-patient-1"),
                    String(buffer: try await browser.get(client, "/worklists/impending-fractures").body).contains("team-patient-1"),
                    String(buffer: try await browser.api(client, .get, "/api/v1/cases").body).contains("team-patient-1"),
                    String(buffer: try await browser.api(client, .get, "/api/v1/worklists/impending-fractures").body).contains("team-patient-1"),
                ]
            }
            #expect(try await seen(&surgeon) == [true, true, true, true, true])
            #expect(try await seen(&oncologist) == [false, false, false, false, false])
            // … and the record itself is refused everywhere, the page offering emergency access.
            let refused = try await oncologist.get(client, "/cases/\(caseId)")
            #expect(refused.status == .forbidden)
            let refusedPage = String(buffer: refused.body)
            #expect(refusedPage.contains("/cases/\(caseId)/break-glass"))
            #expect(!refusedPage.contains("team-patient-1"))
            #expect(try await oncologist.get(client, "/cases/\(caseId)/edit").status == .forbidden)
            #expect(try await oncologist.api(client, .get, "/api/v1/cases/\(caseId)").status == .forbidden)
            #expect(try await oncologist.get(client, "/fhir/Patient/\(caseId)/$everything").status == .forbidden)
            let write = try await oncologist.api(client, .put, "/api/v1/cases/\(caseId)", body: CaseFile.write(try Self.record()), headers: [.ifMatch: "1"])
            #expect(write.status == .forbidden)
            #expect(try await services.cases.get(id: caseId)?.version == 1)

            // Break the glass: a reason is required (what was typed is kept) …
            let short = try await oncologist.post(client, "/cases/\(caseId)/break-glass", form: ["_csrf": oncologist.csrf ?? "", "reason": "urgent"])
            #expect(short.status == .unprocessableContent)
            #expect(String(buffer: short.body).contains(">urgent</textarea>"))
            let reason = "On call: admitted tonight with a hip fracture"
            let opened = try await oncologist.post(client, "/cases/\(caseId)/break-glass", form: ["_csrf": oncologist.csrf ?? "", "reason": reason])
            #expect(opened.status == .seeOther)
            let page = try await oncologist.get(client, "/cases/\(caseId)")
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("emergency access until"))
            // … audited with who, the reason and the case; the list shows the patient meanwhile.
            let audit = try await services.audit.entries(limit: 100, offset: 0)
            let oncologistId = try #require(try await services.users.credentials(username: "oncologist")?.user.id)
            #expect(audit.contains { $0.action == "break-glass" && $0.userId == oncologistId && $0.caseId == caseId && $0.detail == reason })
            #expect(audit.contains { $0.action == "forbidden" && $0.userId == oncologistId && $0.caseId == caseId })
            #expect(try await seen(&oncologist)[0])
            // Emergency access does not let one change the team.
            let members = try await oncologist.post(client, "/cases/\(caseId)/team", form: ["_csrf": oncologist.csrf ?? "", "user": oncologistId])
            #expect(members.status == .forbidden)
            // 12 hours later it has ended; its last second included.
            clock.advance(AppServices.breakGlassSeconds - 1)
            #expect(try await oncologist.get(client, "/cases/\(caseId)").status == .ok)
            clock.advance(1)
            // (Sessions last 12 hours too: both sign in again.)
            oncologist = Browser()
            _ = try await oncologist.signIn(client, "oncologist", WebHarness.password)
            surgeon = Browser()
            _ = try await surgeon.signIn(client, "surgeon", WebHarness.password)
            _ = try await surgeon.get(client, "/cases")
            #expect(try await oncologist.get(client, "/cases/\(caseId)").status == .forbidden)
            #expect(try await seen(&oncologist) == [false, false, false, false, false])

            // Added to the care team by the surgeon: sees and edits the case; removed: no more.
            #expect(try await surgeon.post(client, "/cases/\(caseId)/team", form: ["_csrf": surgeon.csrf ?? "", "user": oncologistId]).status == .seeOther)
            #expect(try await seen(&oncologist) == [true, true, true, true, true])
            #expect(String(buffer: try await surgeon.get(client, "/cases/\(caseId)").body).contains("oncologist · Medical oncology"))
            #expect(try await surgeon.post(client, "/cases/\(caseId)/team/remove", form: ["_csrf": surgeon.csrf ?? "", "user": oncologistId]).status == .seeOther)
            #expect(try await oncologist.get(client, "/cases/\(caseId)").status == .forbidden)
            #expect(try await services.audit.entries(limit: 200, offset: 0).contains { $0.action == "team.remove" && $0.caseId == caseId })
        }
    }

    /// Attending an MDT meeting puts a colleague on the care team of its patients; the agenda is
    /// open to its attendees, its organiser and coordinators only; no one puts on an agenda a
    /// patient they may not open themselves.
    @Test(arguments: TestDatabases.engines)
    func attendingTheMDTOpensItsPatients(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("surgeon", role: .orthopaedics)
        try await harness.user("radonc", role: .radiationOncology)
        try await harness.user("coordinator", role: .mdtCoordinator)
        try await harness.user("outsider", role: .pathology)
        let services = harness.services
        try await harness.run { client in
            var surgeon = Browser()
            _ = try await surgeon.signIn(client, "surgeon", WebHarness.password)
            let caseId = try await Self.create(client, as: &surgeon)
            // The coordinator sees every patient and prepares the meeting.
            var coordinator = Browser()
            _ = try await coordinator.signIn(client, "coordinator", WebHarness.password)
            #expect(String(buffer: try await coordinator.get(client, "/cases").body).contains("team-patient-1"))
            _ = try await coordinator.get(client, "/meetings")
            let meeting = try #require(try await coordinator.post(client, "/meetings", form: [
                "_csrf": coordinator.csrf ?? "", "title": "Bone MDT", "date": "2026-12-03", "time": "14:00",
            ]).headers[.location])
            #expect(try await coordinator.post(client, meeting + "/agenda", form: ["_csrf": coordinator.csrf ?? "", "caseId": caseId, "question": "Fix?"]).status == .seeOther)
            var radonc = Browser()
            _ = try await radonc.signIn(client, "radonc", WebHarness.password)
            #expect(try await radonc.get(client, "/cases/\(caseId)").status == .forbidden)
            #expect(try await radonc.get(client, meeting).status == .forbidden)
            let radoncId = try #require(try await services.users.credentials(username: "radonc")?.user.id)
            _ = try await coordinator.post(client, meeting + "/attendees", form: ["_csrf": coordinator.csrf ?? "", "attend.\(radoncId)": "on"])
            #expect(try await radonc.get(client, "/cases/\(caseId)").status == .ok)
            #expect(try await radonc.get(client, meeting).status == .ok)
            #expect(String(buffer: try await surgeon.get(client, "/cases/\(caseId)").body).contains("at an MDT meeting about the patient"))
            // Someone outside schedules their own meeting: they cannot put the patient on it.
            var outsider = Browser()
            _ = try await outsider.signIn(client, "outsider", WebHarness.password)
            _ = try await outsider.get(client, "/meetings")
            let own = try #require(try await outsider.post(client, "/meetings", form: [
                "_csrf": outsider.csrf ?? "", "title": "My MDT", "date": "2026-12-04", "time": "09:00",
            ]).headers[.location])
            #expect(!String(buffer: try await outsider.get(client, own).body).contains("team-patient-1"))
            #expect(try await outsider.post(client, own + "/agenda", form: ["_csrf": outsider.csrf ?? "", "caseId": caseId, "question": "?"]).status == .forbidden)
            #expect(try await outsider.get(client, "/cases/\(caseId)").status == .forbidden)
            // Nor make themselves attend the coordinator's meeting.
            let outsiderId = try #require(try await services.users.credentials(username: "outsider")?.user.id)
            #expect(try await outsider.post(client, meeting + "/attendees", form: ["_csrf": outsider.csrf ?? "", "attend.\(outsiderId)": "on"]).status == .forbidden)
            #expect(try await outsider.get(client, "/cases/\(caseId)").status == .forbidden)
            // The same through the API.
            let attend = #"[{"name":"Outsider","specialty":"pathology","username":"outsider"}]"#
            #expect(try await outsider.api(client, .put, "/api\(meeting.replacingOccurrences(of: "/meetings", with: "/v1/meetings"))/attendees", body: attend).status == .forbidden)
            #expect(try await outsider.api(client, .get, "/api\(meeting.replacingOccurrences(of: "/meetings", with: "/v1/meetings"))").status == .forbidden)
            let agenda = #"{"caseId":"\#(caseId)","question":"?"}"#
            #expect(try await outsider.api(client, .post, "/api\(own.replacingOccurrences(of: "/meetings", with: "/v1/meetings"))/agenda", body: agenda).status == .forbidden)
            // The coordinator makes them attend through the API (by user name): now they may open it.
            _ = try await coordinator.get(client, "/cases")
            #expect(try await coordinator.api(client, .put, "/api\(meeting.replacingOccurrences(of: "/meetings", with: "/v1/meetings"))/attendees", body: attend).status == .ok)
            #expect(try await outsider.get(client, "/cases/\(caseId)").status == .ok)
        }
    }

    /// `--case-access everyone`: every signed-in user sees every case, as a small unit may want.
    @Test func everyoneSeesEveryCaseWhenTheHospitalChoosesSo() async throws {
        let harness = try await WebHarness.make(.sqlite, caseAccess: .everyone)
        try await harness.user("surgeon", role: .orthopaedics)
        try await harness.user("oncologist", role: .medicalOncology)
        try await harness.run { client in
            var surgeon = Browser()
            _ = try await surgeon.signIn(client, "surgeon", WebHarness.password)
            let caseId = try await Self.create(client, as: &surgeon)
            var oncologist = Browser()
            _ = try await oncologist.signIn(client, "oncologist", WebHarness.password)
            #expect(try await oncologist.get(client, "/cases/\(caseId)").status == .ok)
            #expect(String(buffer: try await oncologist.get(client, "/cases").body).contains("team-patient-1"))
        }
    }
}
