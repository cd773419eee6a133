import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BoneMetWeb

/// Issue #11: a flood of sign-ins never starves other users and never answers 500. Password
/// hashing is bounded (a permit per core, a bounded queue); beyond the queue the answer is 503
/// with Retry-After, and signed-in users' pages keep working meanwhile.
@Suite struct SignInFloodTests {
    /// The gate's queue is full (held from the test, so the outcome does not depend on timing):
    /// sign-in gets 503 with Retry-After and a bilingual message; a signed-in user's pages still
    /// load; once the permit is released sign-in works again.
    @Test(arguments: TestDatabases.engines)
    func aFullGateAnswers503AndOthersCarryOn(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine, passwordLimits: .init(concurrent: 1, waiting: 0, retryAfter: 7))
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.user("nurse", role: .orthopaedics)
        let gate = harness.services.passwords
        try await harness.run { client in
            var signedIn = Browser()
            #expect(try await signedIn.signIn(client, "doctor", WebHarness.password).status == .seeOther)

            try await gate.acquire()
            var other = Browser()
            let refused = try await other.signIn(client, "nurse", WebHarness.password)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "7")
            #expect(String(buffer: refused.body).contains("try again in 7 seconds"))
            #expect(refused.headers[.setCookie].map { !$0.contains(SessionMiddleware.cookie + "=") } ?? true, "no session handed out")
            #expect(try await signedIn.get(client, "/cases").status == .ok, "signed-in users are not starved")

            var zh = Browser()
            zh.cookies["lang"] = "zh"
            let refusedZh = try await zh.signIn(client, "nurse", WebHarness.password)
            #expect(refusedZh.status == .serviceUnavailable)
            #expect(String(buffer: refusedZh.body).contains("请 7 秒后重试"))

            await gate.release()
            #expect(try await other.signIn(client, "nurse", WebHarness.password).status == .seeOther)
        }
    }

    /// Many parallel sign-ins through a small gate: every answer is a sign-in outcome (303,
    /// 401, 429) or 503 — never a server error — and a signed-in user's page loads meanwhile.
    @Test(arguments: TestDatabases.engines)
    func aParallelFloodNeverAnswers500(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine, passwordLimits: .init(concurrent: 1, waiting: 2))
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            var signedIn = Browser()
            #expect(try await signedIn.signIn(client, "doctor", WebHarness.password).status == .seeOther)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        var browser = Browser()
                        let password = index % 4 == 0 ? WebHarness.password : "wrong password \(index)"
                        return try await browser.signIn(client, index % 2 == 0 ? "doctor" : "nobody\(index)", password).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.count == 40)
            #expect(statuses.allSatisfy { [.seeOther, .unauthorized, .tooManyRequests, .serviceUnavailable].contains($0) }, "\(statuses)")
            #expect(try await signedIn.get(client, "/cases").status == .ok)
        }
    }

    /// Error pages speak the reader's language (the language was chosen after errors were
    /// rendered, so every 404/403/503 page was English).
    @Test func errorPagesSpeakTheReadersLanguage() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.run { client in
            var zh = Browser()
            zh.cookies["lang"] = "zh"
            let missing = try await zh.get(client, "/no/such/page")
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("未找到"))
            #expect(String(buffer: missing.body).contains("<html lang=\"zh-Hans\""))
        }
    }

    /// The gate hands a permit to the next waiter in order and never exceeds its limits.
    @Test func gateQueuesThenRefuses() async throws {
        let gate = PasswordGate(limits: .init(concurrent: 1, waiting: 1))
        try await gate.acquire()
        let waiter = Task { try await gate.acquire() }
        // Wait until the waiter is queued (polling the actor, not the clock).
        while await gate.queued == 0 { await Task.yield() }
        await #expect(throws: AppError.self) { try await gate.acquire() }
        await gate.release()
        try await waiter.value
        #expect(await gate.inUse == 1)
        await gate.release()
        #expect(await gate.inUse == 0)
    }

    /// An unknown user is verified against a hash of the server's own cost (timing parity with
    /// a known user), made once per cost; it never matches.
    @Test func anUnknownUserCostsWhatAKnownOneDoes() async throws {
        let gate = PasswordGate(limits: .init(concurrent: 1, waiting: 1), dummyCost: 5)
        #expect(try await gate.verify("anything", hash: nil) == false)
        let dummy = PasswordHashing.dummyHashes.hash(cost: 5)
        #expect(dummy.contains("$05$"), "\(dummy)")
        #expect(PasswordHashing.dummyHashes.hash(cost: 5) == dummy)
        #expect(PasswordHashing.dummyHashes.hash(cost: 4).contains("$04$"))
        let known = try await PasswordHashing.hash("secret", cost: 5)
        #expect(try await gate.verify("secret", hash: known))
        // The services make the gate with their bcrypt cost.
        let harness = try await WebHarness.make(.sqlite)
        #expect(await harness.services.passwords.dummyCost == harness.services.bcryptCost)
        await harness.cleanup()
    }
}
