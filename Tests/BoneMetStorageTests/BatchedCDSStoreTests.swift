import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Testing

/// Issue #12: CDS replay checks share one write per batch — and still refuse every replay:
/// within a batch, across batches, and for ids another server process recorded.
@Suite struct BatchedCDSStoreTests {
    @Test(arguments: TestDatabases.engines)
    func concurrentClaimsAcceptEachIdOnce(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let claims = BatchedCDSStore(store)
            // 60 calls at once, 20 ids each sent three times: exactly one of each is accepted.
            let accepted = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
                for call in 0..<60 {
                    group.addTask {
                        let jti = "jti-\(call % 20)"
                        return (jti, try await claims.claim(jti: jti, issuer: "https://ehr.test/", expiresAt: 2_000, now: 1_000))
                    }
                }
                var accepted: [String: Int] = [:]
                for try await (jti, fresh) in group where fresh { accepted[jti, default: 0] += 1 }
                return accepted
            }
            #expect(accepted.count == 20)
            #expect(accepted.values.allSatisfy { $0 == 1 })
            // A later batch: still a replay. The same id from another issuer is another token.
            #expect(try await claims.claim(jti: "jti-3", issuer: "https://ehr.test/", expiresAt: 2_000, now: 1_001) == false)
            #expect(try await claims.claim(jti: "jti-3", issuer: "https://other-ehr.test/", expiresAt: 2_000, now: 1_001) == true)
            // Another process (its own batcher on the same database) sees the same ids.
            let other = BatchedCDSStore(store)
            #expect(try await other.claim(jti: "jti-7", issuer: "https://ehr.test/", expiresAt: 2_000, now: 1_002) == false)
            // Once expired and purged (at most once a minute), an id is forgotten.
            #expect(try await other.claim(jti: "new", issuer: "https://ehr.test/", expiresAt: 9_000, now: 2_100) == true)
            #expect(try await other.claim(jti: "jti-7", issuer: "https://ehr.test/", expiresAt: 9_000, now: 2_200) == true)
        }
    }
}
