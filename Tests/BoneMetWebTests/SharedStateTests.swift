import Foundation
import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
@testable import BoneMetWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

/// Two server processes (two applications with their own connection pools) on one database
/// serve the same users: sessions and login throttling live in the database.
@Suite struct SharedStateTests {
    @Test(arguments: TestDatabases.engines)
    func aSessionFromOneProcessWorksOnTheOther(engine: SQLStore.Engine) async throws {
        let (storeA, location, cleanup) = try await TestDatabases.makeWithLocation(engine, migrate: false)
        let storeB = try SQLStore(location)
        // Both pools are shut down on the way out, thrown or not: a pool dropped without its
        // shutdown traps and takes the whole test process with it (CI, 2026-12-05: "too many
        // clients" thrown by the second store's bootstrap).
        do {
            try await bothProcesses(storeA, storeB)
        } catch {
            await storeB.shutdown()
            await cleanup()
            throw error
        }
        await storeB.shutdown()
        await cleanup()
    }

    func bothProcesses(_ storeA: SQLStore, _ storeB: SQLStore) async throws {
        let servicesA = AppServices(store: storeA, now: { WebHarness.time }, bcryptCost: 4)
        let servicesB = AppServices(store: storeB, now: { WebHarness.time }, bcryptCost: 4)
        _ = try await Bootstrap.prepare(servicesA)
        #expect(try await Bootstrap.prepare(servicesB) == nil)   // the second process finds the administrator
        _ = try await servicesA.users.create(
            username: "doctor", displayName: "D", role: .spineSurgery, passwordHash: try await PasswordHashing.hash(WebHarness.password, cost: 4),
            mustChangePassword: false, at: WebHarness.time)
        let appA = Application(router: buildRouter(servicesA))
        let appB = Application(router: buildRouter(servicesB))
        try await appA.test(.router) { clientA in
            try await appB.test(.router) { clientB in
                var browser = Browser()
                #expect(try await browser.signIn(clientA, "doctor", WebHarness.password).status == .seeOther)
                #expect(try await browser.get(clientB, "/cases").status == .ok)
                // Throttling counts failures from both processes together.
                var attacker = Browser()
                for _ in 0..<3 { _ = try await attacker.signIn(clientA, "doctor", "wrong") }
                for _ in 0..<2 { _ = try await attacker.signIn(clientB, "doctor", "wrong") }
                #expect(try await attacker.signIn(clientA, "doctor", WebHarness.password).status == .tooManyRequests)
            }
        }
    }
}

@Suite struct AdminPageTests {
    @Test func onlyAdministratorsManageUsersAndSeeTheAudit() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("boss", role: .administrator)
        try await harness.user("doc", role: .orthopaedics)
        try await harness.run { client in
            var doctor = Browser()
            _ = try await doctor.signIn(client, "doc", WebHarness.password)
            #expect(try await doctor.get(client, "/admin/users").status == .forbidden)
            #expect(try await doctor.get(client, "/admin/audit").status == .forbidden)
            var admin = Browser()
            _ = try await admin.signIn(client, "boss", WebHarness.password)
            #expect(try await admin.get(client, "/admin/users").status == .ok)
            let bad = try await admin.post(client, "/admin/users", form: ["_csrf": admin.csrf ?? "", "username": "x", "displayName": "X", "role": "radiology"])
            #expect(bad.status == .unprocessableContent)
            let created = try await admin.post(client, "/admin/users", form: ["_csrf": admin.csrf ?? "", "username": "dr.wang", "displayName": "Dr Wang", "role": "radiology"])
            #expect(created.status == .ok)
            #expect(String(buffer: created.body).contains("one-time-password"))
            let duplicate = try await admin.post(client, "/admin/users", form: ["_csrf": admin.csrf ?? "", "username": "DR.WANG", "displayName": "Again", "role": "radiology"])
            #expect(duplicate.status == .conflict)
            let audit = try await admin.get(client, "/admin/audit")
            #expect(String(buffer: audit.body).contains("<td>created user</td>"))
        }
    }

    @Test func calculatorPageComputesAndNamesBadFields() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("doc", role: .medicalOncology)
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.signIn(client, "doc", WebHarness.password)
            _ = try await browser.get(client, "/calculators/zoledronicDose")
            let ok = try await browser.post(client, "/calculators/zoledronicDose", form: ["_csrf": browser.csrf ?? "", "crclMlMin": "35"])
            #expect(String(buffer: ok.body).contains("3.0 mg"))
            let bad = try await browser.post(client, "/calculators/zoledronicDose", form: ["_csrf": browser.csrf ?? "", "crclMlMin": "abc"])
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("field bad"))
            #expect(String(buffer: bad.body).contains(#"value="abc""#))
        }
    }
}

@Suite struct MetricsTests {
    /// /metrics only with the configured bearer token (issue #11); without a token configured
    /// it is not served.
    @Test func metricsAreServedInPrometheusFormat() async throws {
        let secret = "prometheus-scrape-secret"
        let harness = try await WebHarness.make(.sqlite, metricsToken: secret)
        let counter = harness.services.metrics.makeCounter(descriptor: MetricNameDescriptor(namespace: "bonemet", metricName: "test", unitName: "total", helpText: "test counter"))
        counter.increment(by: Int64(3))
        try await harness.run { client in
            func scrape(_ bearer: String?) async throws -> TestResponse {
                var headers = HTTPFields()
                if let bearer { headers[.authorization] = "Bearer \(bearer)" }
                return try await client.execute(uri: "/metrics", method: .get, headers: headers)
            }
            #expect(try await scrape(nil).status == .unauthorized)
            #expect(try await scrape("wrong").status == .unauthorized)
            #expect(try await scrape(nil).headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let response = try await scrape(secret)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(String(buffer: response.body).contains("bonemet_test_total 3"))
        }
        let unconfigured = try await WebHarness.make(.sqlite)
        try await unconfigured.run { client in
            let status = try await client.execute(uri: "/metrics", method: .get).status
            #expect(status == .notFound)
        }
    }
}

@Suite struct ViewerLinkTests {
    @Test func linksCarryOnlyStudyUIDsAndCompareWithThePrior() throws {
        let record = try CaseFile.read(try WebFlowTests.example("01-response-window-t10.json"))
        let viewer = ViewerLinks(template: "https://pacs.example/ohif/viewer?StudyInstanceUIDs={uids}")
        let studies = record.studies
        #expect(viewer.url([studies[1]]) == "https://pacs.example/ohif/viewer?StudyInstanceUIDs=1.2.826.0.1.3680043.8.498.10001")
        let prior = try #require(ViewerLinks.prior(of: studies[2], in: studies))
        #expect(prior.id == "S2")
        #expect(viewer.url([prior, studies[2]])?.hasSuffix("10001,1.2.826.0.1.3680043.8.498.10002") == true)
        // A study without a UID gets no link; nor does anything without a configured viewer.
        #expect(viewer.url([studies[0]]) == nil)
        #expect(ViewerLinks(template: nil).url([studies[1]]) == nil)
        var odd = studies[1]
        odd.studyInstanceUid = "1.2.3&patient=x"
        #expect(viewer.url([odd])?.contains("patient") == false)
    }
}

@Suite struct OpenAPITests {
    @Test func documentedPathsAreExactlyTheAPIRoutes() async throws {
        let harness = try await WebHarness.make(.sqlite)
        let router = buildRouter(harness.services)
        let routes = Set(router.routes.map { route in
            "\(route.method.rawValue.lowercased()) " + route.path.description.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : part.hasPrefix("{") ? String(part) : String(part)
            }.joined(separator: "/")
        }.filter { $0.contains("api/v1") }.map { $0.replacingOccurrences(of: " api/", with: " /api/") })
        let documented = Set(OpenAPIDocument.operations.map { "\($0.method) \($0.path)" })
        #expect(routes.count == 13)
        #expect(routes == documented)
        await harness.cleanup()
    }

    @Test func documentIsServed() async throws {
        try await WebHarness.make(.sqlite).run { client in
            let response = try await client.execute(uri: "/api/openapi.json", method: .get)
            #expect(response.status == .ok)
            let text = String(buffer: response.body)
            #expect(text.contains(#""openapi": "3.1.0""#))
            #expect(text.contains("#/components/schemas/Case_lesion"))
        }
    }
}

@Suite struct APITokenTests {
    @Test(arguments: TestDatabases.engines)
    func aMachineClientUsesABearerTokenWithoutCookies(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("boss", role: .administrator)
        try await harness.user("pacs", role: .radiology)
        let text = try WebFlowTests.example("02-uptake-irradiated-field.json")
        try await harness.run { client in
            var admin = Browser()
            _ = try await admin.signIn(client, "boss", WebHarness.password)
            _ = try await admin.get(client, "/admin/users")
            let pacs = try #require(try await harness.services.users.credentials(username: "pacs")?.user)
            let page = String(buffer: try await admin.post(client, "/admin/tokens", form: ["_csrf": admin.csrf ?? "", "userId": pacs.id, "name": "PACS"]).body)
            let token = try #require(page.range(of: "bm_").map { String(page[$0.lowerBound...].prefix(67)) })
            func call(_ method: HTTPRequest.Method, _ uri: String, _ bearer: String?, body: String? = nil) async throws -> TestResponse {
                var headers = HTTPFields()
                if let bearer { headers[.authorization] = "Bearer \(bearer)" }
                headers[.contentType] = "application/json"
                return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            #expect(try await call(.post, "/api/v1/cases", token, body: text).status == .created)
            #expect(try await call(.get, "/api/v1/cases", token).status == .ok)
            #expect(try await call(.get, "/api/v1/cases", "bm_" + String(repeating: "0", count: 64)).status == .unauthorized)
            #expect(try await call(.get, "/api/v1/cases", nil).status == .unauthorized)
            // Tokens work on the API only, never on the pages.
            #expect(try await call(.get, "/cases", token).status == .seeOther)
            let listed = try await harness.services.tokens.list(userId: pacs.id)
            #expect(listed.first?.lastUsedAt == WebHarness.time)
            // The administrator sees the token (name, never its value) and revokes it.
            let users = String(buffer: try await admin.get(client, "/admin/users").body)
            #expect(users.contains("PACS") && !users.contains(token))
            let tokenId = try #require(listed.first?.id)
            #expect(try await admin.post(client, "/admin/tokens/\(tokenId)/revoke", form: [:]).status == .forbidden, "under CSRF")
            #expect(try await admin.post(client, "/admin/tokens/\(tokenId)/revoke", form: ["_csrf": admin.csrf ?? ""]).status == .seeOther)
            #expect(try await call(.get, "/api/v1/cases", token).status == .unauthorized, "a revoked token is refused")
            #expect(try await admin.post(client, "/admin/tokens/\(tokenId)/revoke", form: ["_csrf": admin.csrf ?? ""]).status == .notFound)
        }
    }

    /// ASVS 3.x / 8.x: an administrator disables a user — their open sessions end at once, they
    /// cannot sign in, their API tokens stop working — and can enable them again; an
    /// administrator cannot disable themselves. Every change is in the audit log.
    @Test(arguments: TestDatabases.engines)
    func disablingAUserEndsTheirSessionsAndTokens(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("boss", role: .administrator)
        try await harness.user("doctor", role: .orthopaedics)
        let doctorUser = try #require(try await harness.services.users.credentials(username: "doctor")?.user)
        let bossUser = try #require(try await harness.services.users.credentials(username: "boss")?.user)
        let token = try await harness.services.tokens.create(userId: doctorUser.id, name: "script", at: WebHarness.time)
        try await harness.run { client in
            var admin = Browser()
            var doctor = Browser()
            _ = try await admin.signIn(client, "boss", WebHarness.password)
            _ = try await doctor.signIn(client, "doctor", WebHarness.password)
            #expect(try await doctor.get(client, "/cases").status == .ok)
            _ = try await admin.get(client, "/admin/users")
            let csrf = admin.csrf ?? ""
            #expect(try await admin.post(client, "/admin/users/\(doctorUser.id)/status", form: ["_csrf": csrf, "disabled": "yes"]).status == .unprocessableContent)
            #expect(try await admin.post(client, "/admin/users/\(doctorUser.id)/status", form: ["_csrf": csrf, "disabled": "1"]).status == .seeOther)
            #expect(try await doctor.get(client, "/cases").headers[.location] == "/login", "the open session ended")
            var again = Browser()
            #expect(try await again.signIn(client, "doctor", WebHarness.password).status == .unauthorized)
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            #expect(try await client.execute(uri: "/api/v1/cases", method: .get, headers: headers).status == .unauthorized)
            let refused = try await admin.post(client, "/admin/users/\(bossUser.id)/status", form: ["_csrf": csrf, "disabled": "1"])
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("cannot disable your own account"))
            #expect(try await admin.post(client, "/admin/users/\(doctorUser.id)/status", form: ["_csrf": csrf, "disabled": "0"]).status == .seeOther)
            #expect(try await again.signIn(client, "doctor", WebHarness.password).status == .seeOther)
            #expect(try await admin.post(client, "/admin/users/nobody/status", form: ["_csrf": csrf, "disabled": "1"]).status == .notFound)
            admin.cookies["lang"] = "zh"
            let audit = String(buffer: try await admin.get(client, "/admin/audit").body)
            #expect(audit.contains("停用用户") && audit.contains("重新启用用户") && audit.contains("病例"))
            #expect(!audit.contains("disableUser") && !audit.contains(">case<"), "no codes on the Chinese page")
        }
    }
}

@Suite struct MeetingAPITests {
    @Test(arguments: TestDatabases.engines)
    func meetingsAndCalculatorsOverTheAPI(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("coordinator", role: .mdtCoordinator)
        let user = try #require(try await harness.services.users.credentials(username: "coordinator")?.user)
        let token = try await harness.services.tokens.create(userId: user.id, name: "test", at: WebHarness.time)
        let record = try CaseFile.read(try WebFlowTests.example("06-impending-femoral-fracture.json"))
        let stored = try await harness.services.cases.create(record, findings: [], by: user.id, at: WebHarness.time)
        try await harness.run { client in
            func call(_ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil) async throws -> TestResponse {
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                headers[.contentType] = "application/json"
                return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            let bad = try await call(.post, "/api/v1/meetings", #"{"title": "MDT", "scheduledFor": "tomorrow"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains(#""field": "scheduledFor""#))
            let created = try await call(.post, "/api/v1/meetings", #"{"title": "Bone MDT", "scheduledFor": "2026-12-03 14:00", "location": "Room 5"}"#)
            #expect(created.status == .created)
            guard case .object(let body) = try JSONValue.parse(String(buffer: created.body)), case .string(let id)? = body["id"] else {
                Issue.record("no meeting id")
                return
            }
            #expect(try await call(.post, "/api/v1/meetings/\(id)/agenda", #"{"caseId": "\#(stored.id)", "question": "Fix first?"}"#).status == .created)
            #expect(try await call(.post, "/api/v1/meetings/\(id)/agenda", #"{"caseId": "\#(stored.id)", "question": "again"}"#).status == .conflict)
            let attendees = try await call(.put, "/api/v1/meetings/\(id)/attendees", #"[{"name": "Dr Li", "specialty": "orthopaedics"}, {"name": "X", "specialty": "surgeon"}]"#)
            #expect(attendees.status == .unprocessableContent)
            #expect(String(buffer: attendees.body).contains("[1].specialty"))
            #expect(try await call(.put, "/api/v1/meetings/\(id)/attendees", #"[{"name": "Dr Li", "specialty": "orthopaedics"}]"#).status == .ok)
            #expect(try await call(.post, "/api/v1/meetings/\(id)/decisions/\(stored.id)", #"{"decision": "Fix", "specialty": "orthopaedics", "followUp": ["theatre"]}"#).status == .ok)
            let meeting = String(buffer: try await call(.get, "/api/v1/meetings/\(id)").body)
            #expect(meeting.contains(#""decision": "Fix""#))
            #expect(meeting.contains("serum creatinine"))
            #expect(try await harness.services.cases.get(id: stored.id)?.record.decisions.last?.decision == "Fix")
            let dose = try await call(.post, "/api/v1/calculators/zoledronicDose", #"{"crclMlMin": 35}"#)
            #expect(String(buffer: dose.body).contains(#""doseMg": 3.0"#))
            #expect(try await call(.post, "/api/v1/calculators/nope", "{}").status == .notFound)
            #expect(try await call(.post, "/api/v1/calculators/mirels", #"{"pain": "severe"}"#).status == .unprocessableContent)
        }
    }
}

/// Each role against each action: what the permission table allows is allowed over HTTP, and
/// everything else is refused with 403; anonymous users are sent to sign in (pages) or get 401.
@Suite struct AuthorizationMatrixTests {
    struct Action: Sendable, CustomTestStringConvertible {
        let name: String
        let permission: Permission
        let method: HTTPRequest.Method
        let uri: String
        let form: [String: String]
        var testDescription: String { name }
    }

    static let actions: [Action] = [
        Action(name: "list cases", permission: .viewCases, method: .get, uri: "/cases", form: [:]),
        Action(name: "open case editor", permission: .editClinicalData, method: .get, uri: "/cases/new", form: [:]),
        Action(name: "create case", permission: .editClinicalData, method: .post, uri: "/cases", form: ["record": #"{"patient": {"id": "m1"}}"#]),
        Action(name: "schedule meeting", permission: .manageMeetings, method: .post, uri: "/meetings", form: ["title": "T", "date": "2026-12-01", "time": "09:00"]),
        Action(name: "manage users", permission: .manageUsers, method: .get, uri: "/admin/users", form: [:]),
        Action(name: "read audit", permission: .viewAudit, method: .get, uri: "/admin/audit", form: [:]),
        Action(name: "calculators", permission: .viewCases, method: .get, uri: "/calculators", form: [:]),
        Action(name: "worklist", permission: .viewCases, method: .get, uri: "/worklists/spine", form: [:]),
    ]

    @Test(arguments: Role.allCases, actions)
    func roleAgainstAction(role: Role, action: Action) async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("someone", role: role)
        try await harness.run { client in
            var anonymous = Browser()
            let anon = action.method == .get ? try await anonymous.get(client, action.uri) : try await anonymous.post(client, action.uri, form: action.form)
            #expect(anon.status == .seeOther || anon.status == .forbidden, "anonymous \(action.name): \(anon.status)")
            var browser = Browser()
            _ = try await browser.signIn(client, "someone", WebHarness.password)
            _ = try await browser.get(client, "/calculators")
            let response: TestResponse
            if action.method == .get {
                response = try await browser.get(client, action.uri)
            } else {
                response = try await browser.post(client, action.uri, form: action.form.merging(["_csrf": browser.csrf ?? ""]) { a, _ in a })
            }
            let allowed = action.permission.allowed(for: role)
            if allowed {
                #expect([.ok, .seeOther].contains(response.status), "\(role) \(action.name): \(response.status)")
            } else {
                #expect(response.status == .forbidden, "\(role) \(action.name): \(response.status)")
            }
        }
    }
}

@Suite struct FHIREndpointTests {
    static let bundle = #"""
    {"resourceType":"Bundle","type":"collection","entry":[
     {"resource":{"resourceType":"Patient","id":"p9","gender":"male","birthDate":"1950-02"}},
     {"resource":{"resourceType":"Condition","id":"c9","subject":{"reference":"Patient/p9"},"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C61"}]},"onsetDateTime":"2019"}},
     {"resource":{"resourceType":"Condition","id":"m9","subject":{"reference":"Patient/p9"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"94222008"}]},"bodySite":[{"coding":[{"system":"http://snomed.info/sct","code":"73903008"}]}]}},
     {"resource":{"resourceType":"Observation","id":"bad","status":"","subject":{"reference":"Patient/p9"}}},
     {"resource":{"resourceType":"Encounter","id":"e9","status":"finished","subject":{"reference":"Patient/p9"}}}
    ]}
    """#

    @Test(arguments: TestDatabases.engines)
    func aBundleIsImportedAndAnsweredWithAnOperationOutcome(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("ehr", role: .medicalOncology)
        let user = try #require(try await harness.services.users.credentials(username: "ehr")?.user)
        let token = try await harness.services.tokens.create(userId: user.id, name: "EHR", at: WebHarness.time)
        try await harness.run { client in
            func post(_ body: String, bearer: String?) async throws -> TestResponse {
                var headers = HTTPFields()
                if let bearer { headers[.authorization] = "Bearer \(bearer)" }
                headers[.contentType] = "application/fhir+json"
                return try await client.execute(uri: "/fhir", method: .post, headers: headers, body: ByteBuffer(string: body))
            }
            let first = try await post(Self.bundle, bearer: token)
            let text = String(buffer: first.body)
            #expect(first.status == .ok)
            #expect(text.contains(#""resourceType":"OperationOutcome""#))
            #expect(text.contains("1 created"))
            #expect(text.contains("Bundle.entry[3]"))
            #expect(String(buffer: try await post(Self.bundle, bearer: token).body).contains("1 unchanged"))
            let cases = try await harness.services.cases.list(search: "fhir:p9", limit: 10, offset: 0)
            #expect(cases.count == 1)
            let caseId = try #require(cases.first?.id)
            let stored = try #require(try await harness.services.cases.get(id: caseId))
            #expect(stored.record.primaries.first?.site == .prostate)
            #expect(stored.record.lesions.first?.bone == .vertebra)
            let notABundle = try await post(#"{"resourceType":"Patient","id":"x"}"#, bearer: token)
            #expect(notABundle.status == .badRequest)
            #expect(String(buffer: notABundle.body).contains("OperationOutcome"))
            let anonymous = try await post(Self.bundle, bearer: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(String(buffer: anonymous.body).contains("OperationOutcome"))

            // The case comes back as an mCODE Bundle whose Patient id is the case id.
            func get(_ uri: String, bearer: String?) async throws -> TestResponse {
                var headers = HTTPFields()
                if let bearer { headers[.authorization] = "Bearer \(bearer)" }
                return try await client.execute(uri: uri, method: .get, headers: headers)
            }
            let everything = try await get("/fhir/Patient/\(caseId)/$everything", bearer: token)
            #expect(everything.status == .ok)
            #expect(everything.headers[.contentType]?.hasPrefix("application/fhir+json") == true)
            let bundle = String(buffer: everything.body)
            #expect(bundle.contains(#""resourceType":"Patient","id":"\#(caseId)""#))
            #expect(bundle.contains("mcode-secondary-cancer-condition"))
            #expect(bundle.contains(#""code":"C61""#))
            let missing = try await get("/fhir/Patient/no-such-case/$everything", bearer: token)
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("OperationOutcome"))
            // Ids outside the FHIR id grammar are a bad request (issue #11), not a lookup.
            for bad in ["a_b", String(repeating: "a", count: 65), "%E5%BC%A0", "a%20b"] {
                let refused = try await get("/fhir/Patient/\(bad)/$everything", bearer: token)
                #expect(refused.status == .badRequest, "\(bad)")
                #expect(String(buffer: refused.body).contains("Patient.id must be 1–64 characters"), "\(bad)")
            }
            #expect(try await get("/fhir/Patient/\(String(repeating: "a", count: 64))/$everything", bearer: token).status == .notFound)
            #expect(try await get("/fhir/Patient/\(caseId)/$everything", bearer: nil).status == .unauthorized)
            let audit = try await harness.services.audit.entries(limit: 5, offset: 0)
            #expect(audit.contains { $0.action == "export" && $0.caseId == caseId })
        }
    }
}
