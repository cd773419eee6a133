import BoneMetDomain
import BoneMetFHIR
import BoneMetStorage
import BoneMetTestSupport
import BoneMetWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The CDS Hooks endpoints end to end: an EHR (keys generated here) calls discovery, the
/// services with prefetch, with `fhirServer` only (a real HTTP server in the test), feedback.
@Suite struct CDSEndpointTests {
    static let base = "https://bonemet.test"
    static let now: Int64 = 1_688_083_200   // 2023-06-30

    static func record(_ name: String) throws -> CaseRecord {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try CaseFile.read(try String(contentsOf: root.appendingPathComponent("examples/\(name)"), encoding: .utf8))
    }

    /// The resources of a case as the EHR would hold them, by prefetch key.
    static func resources(_ record: CaseRecord) -> [String: [FHIRJSON]] {
        let all = FHIRExporter.resources(caseId: "pt1", record: record, assessment: nil)
        let types = [
            "patient": "Patient", "conditions": "Condition", "observations": "Observation", "medications": "MedicationRequest",
            "administrations": "MedicationAdministration", "procedures": "Procedure", "imaging": "ImagingStudy",
        ]
        return types.mapValues { type in all.filter { $0["resourceType"]?.string == type } }
    }

    /// Zoledronic acid last given 2023-05-10 every 4 weeks: due by 2023-06-30 (from the EHR's
    /// MedicationRequest and MedicationAdministration alone).
    static func zoledronicDue() throws -> CaseRecord {
        var record = try Self.record("10a-zoledronic-crcl-35.json")
        guard let index = record.treatments.firstIndex(where: { $0.kind == .boneModifyingAgent }), let given = PartialDate("2023-05-10") else { return record }
        record.treatments[index].planned = false
        record.treatments[index].doses = [given]
        return record
    }

    static func searchset(_ resources: [FHIRJSON]) -> String {
        #"{"resourceType":"Bundle","type":"searchset","entry":[\#(resources.map { #"{"resource":\#($0.serialized())}"# }.joined(separator: ","))]}"#
    }

    static func body(hook: String, record: CaseRecord, prefetch: Bool = true, fhirServer: String? = nil, extra: String = "") -> String {
        var fields = [#""hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea""#, #""hook":"\#(hook)""#]
        if let fhirServer { fields.append(#""fhirServer":"\#(fhirServer)","fhirAuthorization":{"access_token":"ehr-access-token","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"bonemet"}"#) }
        fields.append(#""context":{"userId":"Practitioner/123","patientId":"pt1"\#(extra)}"#)
        if prefetch {
            let groups = resources(record)
            let members = groups.keys.sorted().map { key -> String in
                key == "patient" ? #""patient":\#(groups[key]?.first?.serialized() ?? "null")"# : #""\#(key)":\#(searchset(groups[key] ?? []))"#
            }
            fields.append(#""prefetch":{\#(members.joined(separator: ","))}"#)
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    func post(_ client: some TestClientProtocol, _ path: String, _ body: String, token: String?, origin: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let origin { headers[.origin] = origin }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test(arguments: TestDatabases.engines)
    func discoveryCardsErrorsAndFeedback(engine: SQLStore.Engine) async throws {
        let ehr = TestEHR()
        let harness = try await WebHarness.make(engine, cds: ehr.configuration(publicURL: Self.base), now: { Self.now })
        let patientView = Self.base + "/cds-services/bonemet-patient-view"
        let orderSelect = Self.base + "/cds-services/bonemet-order-select"
        @Sendable func token(_ aud: String) async throws -> String { try await ehr.token(aud: aud, iat: Self.now, exp: Self.now + 300) }
        let record = try Self.zoledronicDue()
        let services = harness.services
        try await harness.run { client in
            // Discovery needs the EHR's token too.
            let anonymous = try await client.execute(uri: "/cds-services", method: .get)
            #expect(anonymous.status == .unauthorized)
            #expect(String(buffer: anonymous.body).contains("OperationOutcome"))
            #expect(anonymous.headers[.wwwAuthenticate]?.contains("invalid_token") == true)
            var headers = HTTPFields()
            headers[.authorization] = "Bearer " + (try await token(Self.base + "/cds-services"))
            let discovery = try await client.execute(uri: "/cds-services", method: .get, headers: headers)
            #expect(discovery.status == .ok)
            #expect(String(buffer: discovery.body).contains(#""hook":"order-select""#))

            // patient-view from prefetch: the next zoledronic acid dose is due.
            let view = try await post(client, "/cds-services/bonemet-patient-view", Self.body(hook: "patient-view", record: record), token: try await token(patientView))
            #expect(view.status == .ok)
            #expect(String(buffer: view.body).contains("boneAgents.doseDue"))
            // Something to say and no case yet: the EHR's data became a case, and the card links to it.
            // (The test's FHIR comes from BoneMet's exporter and names case "pt1" in an
            // identifier; a CDS call is bound to its patient id alone, so the case is fhir:pt1.)
            let created = try #require(try await services.staging.caseId(sourceKey: "fhir:pt1"))
            #expect(try await services.staging.caseId(sourceKey: "case:pt1") == nil)
            #expect(String(buffer: view.body).contains(Self.base + "/cases/" + created))

            // The same token twice: a replay.
            let once = try await token(patientView)
            #expect(try await post(client, "/cds-services/bonemet-patient-view", Self.body(hook: "patient-view", record: record), token: once).status == .ok)
            let replay = try await post(client, "/cds-services/bonemet-patient-view", Self.body(hook: "patient-view", record: record), token: once)
            #expect(replay.status == .unauthorized)
            #expect(String(buffer: replay.body).contains("replay"))
            // A token for another service.
            #expect(try await post(client, "/cds-services/bonemet-patient-view", Self.body(hook: "patient-view", record: record), token: try await token(orderSelect)).status == .unauthorized)

            // No prefetch and no fhirServer: 412.
            let missing = try await post(client, "/cds-services/bonemet-patient-view", Self.body(hook: "patient-view", record: record, prefetch: false), token: try await token(patientView))
            #expect(missing.status == .preconditionFailed)
            #expect(String(buffer: missing.body).contains("OperationOutcome"))

            // A draft order BoneMet has nothing to say about.
            let amoxicillin = #","draftOrders":{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"MedicationRequest","id":"a1","status":"draft","intent":"order","subject":{"reference":"Patient/pt1"},"medicationCodeableConcept":{"text":"amoxicillin"}}}]},"selections":["MedicationRequest/a1"]"#
            let none = try await post(client, "/cds-services/bonemet-order-select", Self.body(hook: "order-select", record: record, extra: amoxicillin), token: try await token(orderSelect))
            #expect(none.status == .ok)
            #expect(String(buffer: none.body) == #"{"cards":[]}"#)

            // Bad input: 400 naming the field; unknown service: 404.
            let bad = try await post(client, "/cds-services/bonemet-order-select", #"{"hook":"order-select","hookInstance":"x","context":{"patientId":"pt1"}}"#, token: try await token(orderSelect))
            #expect(bad.status == .badRequest)
            #expect(String(buffer: bad.body).contains("context.draftOrders"))
            #expect(try await post(client, "/cds-services/nope", "{}", token: nil).status == .notFound)

            // Feedback is stored.
            let feedbackBody = #"{"feedback":[{"card":"9368d37b-283f-44a0-93ea-547cebab93ed","outcome":"overridden","overrideReason":{"reason":{"code":"patient-declined","system":"http://example.org/cds-services/fhir/CodeSystem/override-reasons"},"userComment":"discussed at MDT"},"outcomeTimestamp":"2023-06-30T08:00:00Z"}]}"#
            let stored = try await post(client, "/cds-services/bonemet-patient-view/feedback", feedbackBody, token: try await token(patientView))
            #expect(stored.status == .ok)
            let saved = try await services.cdsStore.feedback(service: "bonemet-patient-view", limit: 5)
            #expect(saved.first?.outcome == "overridden")
            #expect(saved.first?.overrideReason == "patient-declined")
            let wrongOutcome = try await post(client, "/cds-services/bonemet-patient-view/feedback", #"{"feedback":[{"card":"x","outcome":"maybe"}]}"#, token: try await token(patientView))
            #expect(wrongOutcome.status == .badRequest)
            #expect(String(buffer: wrongOutcome.body).contains("feedback[0].outcome"))

            // CORS: only for allowed origins.
            var preflight = HTTPFields()
            preflight[.origin] = "https://ehr.test"
            let allowed = try await client.execute(uri: "/cds-services/bonemet-patient-view", method: .options, headers: preflight)
            #expect(allowed.headers[.accessControlAllowOrigin] == "https://ehr.test")
            #expect(allowed.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
            preflight[.origin] = "https://evil.test"
            let refused = try await client.execute(uri: "/cds-services/bonemet-patient-view", method: .options, headers: preflight)
            #expect(refused.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func withCreateCasesOffNothingIsStored() async throws {
        let ehr = TestEHR()
        let base = ehr.configuration(publicURL: Self.base)
        let configuration = CDSConfiguration(publicURL: Self.base, issuers: base.issuers, createCases: false)
        let harness = try await WebHarness.make(.sqlite, cds: configuration, now: { Self.now })
        let token = try await ehr.token(aud: Self.base + "/cds-services/bonemet-patient-view", iat: Self.now, exp: Self.now + 300)
        let record = try Self.zoledronicDue()
        let services = harness.services
        try await harness.run { client in
            let view = try await post(client, "/cds-services/bonemet-patient-view", Self.body(hook: "patient-view", record: record), token: token)
            #expect(String(buffer: view.body).contains("boneAgents.doseDue"))
            #expect(!String(buffer: view.body).contains("/cases/"))
            #expect(try await services.cases.list(search: nil, limit: 5, offset: 0).isEmpty)
        }
    }

    @Test func aPatientWithABoneMetCaseIsAssessedOnItAndLinked() async throws {
        let ehr = TestEHR()
        let harness = try await WebHarness.make(.sqlite, cds: ehr.configuration(publicURL: Self.base), now: { Self.now })
        // The MDT's case of this EHR patient, imported and enriched with imaging reads.
        var editable = try Self.record("06-impending-femoral-fracture.json")
        editable.patient.id = "fhir:pt1"
        let record = editable
        let admin = try #require(try await harness.services.users.credentials(username: "admin")?.user)
        _ = try await harness.services.staging.upsertCase(sourceKey: "fhir:pt1", record: record, findings: [], by: admin.id, at: Self.now)
        let caseId = try #require(try await harness.services.staging.caseId(sourceKey: "fhir:pt1"))
        let aud = Self.base + "/cds-services/bonemet-patient-view"
        let token = try await ehr.token(aud: aud, iat: Self.now, exp: Self.now + 300)
        try await harness.run { client in
            let view = try await post(client, "/cds-services/bonemet-patient-view", Self.body(hook: "patient-view", record: record), token: token)
            let text = String(buffer: view.body)
            #expect(text.contains("surgery.mirels.impendingFracture"))
            #expect(text.contains(Self.base + "/cases/" + caseId))

            // The next call of the same case version and day is answered from the answer kept
            // (`CDSAnswerTemplate`): the same cards as built afresh, every card a new uuid.
            let again = try await post(
                client, "/cds-services/bonemet-patient-view", Self.body(hook: "patient-view", record: record),
                token: try await ehr.token(aud: aud, iat: Self.now, exp: Self.now + 300))
            let second = String(buffer: again.body)
            let services = harness.services
            let stored = try #require(try await services.cases.get(id: caseId))
            let fresh = AppLanguage.allCases.map { language in
                let context = CDSCards.Context(asOf: services.today, settings: services.settings, language: language, caseURL: Self.base + "/cases/" + caseId)
                let cards = CDSCards.patientView(assessment: assess(stored.record, asOf: services.today, settings: services.settings), context: context)
                return FHIRJSON.object([.init("cards", .array(cards))]).serialized()
            }
            let (firstIds, secondIds) = (try Self.cardIds(text), try Self.cardIds(second))
            #expect(!firstIds.isEmpty && Set(firstIds).count == firstIds.count)
            #expect(Set(firstIds).isDisjoint(with: secondIds))
            let freshContent = try fresh.map { try Self.withoutCardIds($0) }
            let (firstContent, secondContent) = (try Self.withoutCardIds(text), try Self.withoutCardIds(second))
            #expect(freshContent.contains(firstContent))
            #expect(secondContent == firstContent)

            // A new version of the case is answered on its own assessment: without the pain
            // record the Mirels score of the femur changes.
            var edited = stored.record
            edited.pain = []
            let updated = try await services.cases.update(
                id: caseId, record: edited, findings: [], reassessOn: 0, expectedVersion: stored.version, by: admin.id, at: Self.now)
            let after = try await post(
                client, "/cds-services/bonemet-patient-view", Self.body(hook: "patient-view", record: record),
                token: try await ehr.token(aud: aud, iat: Self.now, exp: Self.now + 300))
            #expect(after.status == .ok)
            let renewed = AppLanguage.allCases.map { language in
                let context = CDSCards.Context(asOf: services.today, settings: services.settings, language: language, caseURL: Self.base + "/cases/" + caseId)
                let cards = CDSCards.patientView(assessment: assess(updated.record, asOf: services.today, settings: services.settings), context: context)
                return FHIRJSON.object([.init("cards", .array(cards))]).serialized()
            }
            let renewedContent = try renewed.map { try Self.withoutCardIds($0) }
            let afterContent = try Self.withoutCardIds(String(buffer: after.body))
            #expect(!freshContent.contains(afterContent))
            #expect(renewedContent.contains(afterContent))
        }
    }

    /// The uuids of an answer's cards, in order.
    static func cardIds(_ answer: String) throws -> [String] {
        try #require(try FHIRJSON.parse(answer)["cards"]?.array).compactMap { $0["uuid"]?.string }
    }

    /// An answer with its cards' uuids blanked, to compare two answers' content.
    static func withoutCardIds(_ answer: String) throws -> String {
        try cardIds(answer).reduce(answer) { $0.replacingOccurrences(of: $1, with: "-") }
    }

    @Test func withoutPrefetchTheFHIRServerIsReadWithTheGrantedToken() async throws {
        // The EHR: its key set at a jku and a FHIR server, over real HTTP on 127.0.0.1.
        let ehr = TestEHR()
        let record = try Self.zoledronicDue()
        let groups = Self.resources(record)
        let seenTokens = TokenLog()
        let keyEndpoint = KeyEndpoint(jwks: ehr.jwks)
        let router = Router()
        router.get("/jwks") { _, _ in await keyEndpoint.serve() }
        router.get("/fhir/Patient/pt1") { request, _ in
            await seenTokens.add(request.headers[.authorization])
            return groups["patient"]?.first?.serialized() ?? ""
        }
        let paths = ["Condition": "conditions", "Observation": "observations", "MedicationRequest": "medications",
                     "MedicationAdministration": "administrations", "Procedure": "procedures", "ImagingStudy": "imaging"]
        for (type, key) in paths {
            router.get("/fhir/\(type)") { request, _ in
                await seenTokens.add(request.headers[.authorization])
                return Self.searchset(groups[key] ?? [])
            }
        }
        let ehrApp = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await ehrApp.test(.live) { ehrClient in
            let port = try #require(ehrClient.port)
            let jku = "http://127.0.0.1:\(port)/jwks"
            let configuration = ehr.configuration(publicURL: Self.base, jku: [jku], withJWKS: false, fhirServers: ["http://127.0.0.1:\(port)/fhir"])
            let clock = TestClock(Self.now)
            let harness = try await WebHarness.make(.sqlite, cds: configuration, now: { clock.now })
            let aud = Self.base + "/cds-services/bonemet-patient-view"
            let token = try await ehr.token(aud: aud, iat: Self.now, exp: Self.now + 300, jku: jku)
            // The EHR rotates to a new key under a new kid.
            let rotated = TestEHR()
            let rotatedToken = try await rotated.token(aud: aud, iat: Self.now, exp: Self.now + 300, jku: jku, kid: "ehr-key-2", iss: ehr.iss)
            let second = try await ehr.token(aud: aud, iat: Self.now, exp: Self.now + 300, jku: jku)
            try await harness.run { client in
                let body = Self.body(hook: "patient-view", record: record, prefetch: false, fhirServer: "http://127.0.0.1:\(port)/fhir")
                let view = try await post(client, "/cds-services/bonemet-patient-view", body, token: token)
                #expect(view.status == .ok)
                #expect(String(buffer: view.body).contains("boneAgents.doseDue"))
                // A second call uses the cached key set.
                #expect(try await post(client, "/cds-services/bonemet-patient-view", body, token: second).status == .ok)
                #expect(await keyEndpoint.hits == 1)
                await keyEndpoint.set(rotated.jwks.replacingOccurrences(of: "ehr-key-1", with: "ehr-key-2"))
                // Key sets are fetched again at most once a minute (jku rate limit).
                clock.advance(61)
                #expect(try await post(client, "/cds-services/bonemet-patient-view", body, token: rotatedToken).status == .ok)
                #expect(await keyEndpoint.hits == 2)
            }
            #expect(await seenTokens.all.allSatisfy { $0 == "Bearer ehr-access-token" })
            #expect(await seenTokens.all.count == 21)
        }
    }

    /// The access token an EHR grants goes to its configured FHIR server's origin only: not to
    /// another `fhirServer`, not along a redirect, not along a paging link to another origin
    /// (CDS Hooks 2.0 §Security; issue #11). Real HTTP servers on 127.0.0.1.
    @Test func theAccessTokenGoesOnlyToTheEHRsConfiguredFHIRServer() async throws {
        let ehr = TestEHR()
        let record = try Self.zoledronicDue()
        let groups = Self.resources(record)
        let elsewhere = TokenLog()
        let otherRouter = Router()
        otherRouter.get("/**") { request, _ in
            await elsewhere.add(request.headers[.authorization])
            return Self.searchset([])
        }
        let other = Application(router: otherRouter, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await other.test(.live) { otherClient in
            let otherPort = try #require(otherClient.port)
            let paths = ["Condition": "conditions", "Observation": "observations", "MedicationRequest": "medications",
                         "MedicationAdministration": "administrations", "Procedure": "procedures", "ImagingStudy": "imaging"]
            let router = Router()
            for prefix in ["redirect", "paging"] {
                router.get("/\(prefix)/Patient/pt1") { _, _ -> Response in
                    if prefix == "redirect" {
                        return Response(status: .found, headers: [.location: "http://127.0.0.1:\(otherPort)/fhir/Patient/pt1"])
                    }
                    return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: groups["patient"]?.first?.serialized() ?? "")))
                }
                for (type, key) in paths {
                    router.get("/\(prefix)/\(type)") { _, _ -> String in
                        let bundle = Self.searchset(groups[key] ?? [])
                        guard type == "Condition" else { return bundle }
                        // A next link to another origin.
                        return bundle.replacingOccurrences(
                            of: #""type":"searchset","#,
                            with: #""type":"searchset","link":[{"relation":"next","url":"http://127.0.0.1:\#(otherPort)/fhir/Condition?page=2"}],"#)
                    }
                }
            }
            let ehrApp = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await ehrApp.test(.live) { ehrClient in
                let port = try #require(ehrClient.port)
                let configuration = ehr.configuration(publicURL: Self.base, fhirServers: ["http://127.0.0.1:\(port)/fhir"])
                let harness = try await WebHarness.make(.sqlite, cds: configuration, now: { Self.now })
                let aud = Self.base + "/cds-services/bonemet-patient-view"
                try await harness.run { client in
                    for server in ["http://127.0.0.1:\(otherPort)/fhir", "http://127.0.0.1:\(port)/redirect", "http://127.0.0.1:\(port)/paging"] {
                        let body = Self.body(hook: "patient-view", record: record, prefetch: false, fhirServer: server)
                        let answer = try await post(client, "/cds-services/bonemet-patient-view", body, token: try await ehr.token(aud: aud, iat: Self.now, exp: Self.now + 300))
                        #expect(answer.status == .preconditionFailed, "\(server)")
                        #expect(String(buffer: answer.body).contains("fhirServer"))
                    }
                }
            }
            #expect(await elsewhere.all.isEmpty)
        }
    }

    /// A call is bound to its patient: data about another patient is refused, and an
    /// identifier inside the payload naming a BoneMet case neither links nor changes that case.
    @Test(arguments: TestDatabases.engines)
    func theCaseOfACallIsTheOneBoundToItsPatient(engine: SQLStore.Engine) async throws {
        let ehr = TestEHR()
        let harness = try await WebHarness.make(engine, cds: ehr.configuration(publicURL: Self.base), now: { Self.now })
        let services = harness.services
        let admin = try #require(try await services.users.credentials(username: "admin")?.user)
        // Someone else's case, imported from another EHR patient.
        var victimRecord = try Self.record("06-impending-femoral-fracture.json")
        victimRecord.patient.id = "fhir:someone-else"
        _ = try await services.staging.upsertCase(sourceKey: "fhir:someone-else", record: victimRecord, findings: [], by: admin.id, at: Self.now)
        let victim = try #require(try await services.staging.caseId(sourceKey: "fhir:someone-else"))
        let before = try #require(try await services.cases.get(id: victim))
        let record = try Self.zoledronicDue()
        let aud = Self.base + "/cds-services/bonemet-patient-view"
        try await harness.run { client in
            // The payload's Patient names the victim's case in BoneMet's own identifier.
            let naming = Self.body(hook: "patient-view", record: record).replacingOccurrences(of: #""value":"pt1""#, with: #""value":"\#(victim)""#)
            #expect(naming.contains(victim))
            let view = try await post(client, "/cds-services/bonemet-patient-view", naming, token: try await ehr.token(aud: aud, iat: Self.now, exp: Self.now + 300))
            #expect(view.status == .ok)
            #expect(!String(buffer: view.body).contains(victim))
            #expect(try await services.cases.get(id: victim)?.version == before.version)
            #expect(try await services.staging.caseId(sourceKey: "fhir:pt1") != nil)

            // Conditions of another patient in the prefetch: 400 naming the resource.
            let foreign = Self.body(hook: "patient-view", record: record).replacingOccurrences(of: #""reference":"Patient/pt1""#, with: #""reference":"Patient/pt9""#)
            #expect(foreign != Self.body(hook: "patient-view", record: record))
            let refused = try await post(client, "/cds-services/bonemet-patient-view", foreign, token: try await ehr.token(aud: aud, iat: Self.now, exp: Self.now + 300))
            #expect(refused.status == .badRequest)
            #expect(String(buffer: refused.body).contains("another patient"))
        }
    }
}

actor KeyEndpoint {
    var jwks: String
    var hits = 0
    init(jwks: String) { self.jwks = jwks }
    func serve() -> String {
        hits += 1
        return jwks
    }
    func set(_ text: String) { jwks = text }
}

actor TokenLog {
    var all: [String?] = []
    func add(_ token: String?) { all.append(token) }
}
