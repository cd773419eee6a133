import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
@testable import BoneMetWeb
import Foundation
import JWTKit
import Testing
import _CryptoExtras

/// The example of CDS Hooks 2.0 §Trusting CDS Clients: header {alg ES384, kid example-kid,
/// jku https://fhir-ehr.example.com/jwk_uri}, payload {iss, aud, exp 1422568860,
/// iat 1311280970, jti, tenant}, and the published public key set.
enum SpecExample {
    static let token =
        "eyJhbGciOiJFUzM4NCIsInR5cCI6IkpXVCIsImtpZCI6ImV4YW1wbGUta2lkIiwiamt1IjoiaHR0cHM6Ly9maGlyLWVoci5leGFtcGxlLmNvbS9qd2tfdXJpIn0"
        + ".eyJpc3MiOiJodHRwczovL2ZoaXItZWhyLmV4YW1wbGUuY29tLyIsImF1ZCI6Imh0dHBzOi8vY2RzLmV4YW1wbGUub3JnL2Nkcy1zZXJ2aWNlcy9zb21lLXNlcnZpY2UiLCJleHAiOjE0MjI1Njg4NjAsImlhdCI6MTMxMTI4MDk3MCwianRpIjoiZWUyMmIwMjEtZTFiNy00NjExLWJhNWItOGVlYzZhMzNhYzFlIiwidGVuYW50IjoiMmRkZDZjM2EtOGU5YS00NGM2LWEzMDUtNTIxMTFhZDMwMmEyIn0"
        + ".d1WfLjGRKlcWB94l9do4cM8REXeYJLL6SGUBO8VHZhfM8mwKYP70EMxJ67War4TQblEpaQrp11wx5p7oPFm2ETYgCicS84vXWEIYTdjooZdooCSDf2L8-i4awdoUwiEb"
    static let jwks = #"{"keys":[{"kty":"EC","use":"sig","crv":"P-384","kid":"example-kid","x":"46SDH7Znh821wblCBglA61sNE9ZrHYKKt3qRtRTmSXyOI_FIGBLWrWa0GPUkDCEk","y":"XMcRuuoGW7CXjQdy-F5i3FeBE0x9hPLdeFdSoDd3ELmx404tLX0VRRcqzAsPhXcI","alg":"ES384"}]}"#
    static let issuer = "https://fhir-ehr.example.com/"
    static let jku = "https://fhir-ehr.example.com/jwk_uri"
    static let audience = "https://cds.example.org/cds-services/some-service"
    static let exp: Int64 = 1_422_568_860
    static let iat: Int64 = 1_311_280_970
}

/// The spec's example host cannot be reached; this serves its published key set at its
/// `jku`. (The live tests fetch key sets and FHIR data over real HTTP.)
struct FixedDocuments: HTTPFetching {
    let documents: [String: String]
    func get(_ url: String, bearer: String?) async throws -> String {
        guard let document = documents[url] else { throw HTTPFetcher.Failure(status: 404, reason: "status") }
        return document
    }
}

struct TestClaims: JWTPayload {
    var iss: String
    var sub: String?
    var aud: String
    var exp: Int64
    var iat: Int64
    var jti: String?
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// An EHR with a key generated in the test: its key set and tokens with any claims.
struct TestEHR: Sendable {
    let key = ES384PrivateKey()
    let kid = "ehr-key-1"
    let iss = "https://ehr.test/"
    static let client = "ehr-test-client"

    var jwks: String {
        let parameters = key.publicKey.parameters
        return #"{"keys":[{"kty":"EC","crv":"P-384","use":"sig","kid":"\#(kid)","x":"\#(parameters?.x ?? "")","y":"\#(parameters?.y ?? "")"}]}"#
    }

    func token(
        aud: String, iat: Int64, exp: Int64, jti: String? = UUID().uuidString, jku: String? = nil, kid: String? = nil, iss: String? = nil,
        sub: String? = TestEHR.client
    ) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: kid ?? self.kid))
        var header = JWTHeader()
        if let jku { header.fields["jku"] = .string(jku) }
        return try await keys.sign(TestClaims(iss: iss ?? self.iss, sub: sub, aud: aud, exp: exp, iat: iat, jti: jti), kid: JWKIdentifier(string: kid ?? self.kid), header: header)
    }

    func configuration(
        publicURL: String = "https://bonemet.test", jku: [String] = [], withJWKS: Bool = true, fhirServers: [String] = [], maxLifetimeSeconds: Int64 = 300
    ) -> CDSConfiguration {
        CDSConfiguration(
            publicURL: publicURL, issuers: [.init(iss: iss, sub: [TestEHR.client], jwks: withJWKS ? jwks : nil, jku: jku, fhirServers: fhirServers)],
            allowedOrigins: ["https://ehr.test"], maxLifetimeSeconds: maxLifetimeSeconds)
    }
}

@Suite struct CDSAuthTests {
    func authenticator(_ configuration: CDSConfiguration, store: SQLStore, fetch: any HTTPFetching = FixedDocuments(documents: [:]), now: Int64)
        -> CDSAuthenticator
    {
        CDSAuthenticator(configuration: configuration, store: SQLCDSStore(store), fetch: fetch, now: { now })
    }

    func reason(_ body: () async throws(CDSAuthenticator.Rejection) -> String) async -> String? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error.reason
        }
    }

    static let specConfiguration = CDSConfiguration(
        publicURL: "https://cds.example.org", issuers: [.init(iss: SpecExample.issuer, sub: ["client_id"], jwks: nil, jku: [SpecExample.jku])])
    static let specFetch = FixedDocuments(documents: [SpecExample.jku: SpecExample.jwks])

    /// The spec's example token passes every check up to its claims (key from the jku,
    /// signature, aud) and is then refused: it has no `sub`, which CDS Hooks 2.0 requires, and
    /// it lives 3.5 years (iat 2011, exp 2015).
    @Test(arguments: TestDatabases.engines)
    func theSpecExampleTokenVerifiesButIsRefusedForItsClaims(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { (store) async throws in
            let auth = authenticator(Self.specConfiguration, store: store, fetch: Self.specFetch, now: 1_400_000_000)
            #expect(await reason { () async throws(CDSAuthenticator.Rejection) in
                try await auth.authenticate(authorization: "Bearer " + SpecExample.token, audiences: [SpecExample.audience])
            } == "sub is required (the EHR's client id)")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aTokenIsAcceptedOnceWithinItsLifetime(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { (store) async throws in
            let ehr = TestEHR()
            let now: Int64 = 1_700_000_000
            let aud = "https://bonemet.test/cds-services/bonemet-patient-view"
            let token = try await ehr.token(aud: aud, iat: now, exp: now + 300)
            let auth = authenticator(ehr.configuration(), store: store, now: now)
            #expect(try await auth.authenticate(authorization: "Bearer " + token, audiences: [aud]) == ehr.iss)
            #expect(await reason { () async throws(CDSAuthenticator.Rejection) in
                try await auth.authenticate(authorization: "Bearer " + token, audiences: [aud])
            } == "jti already used (replay)")
        }
    }

    @Test func expiryAndIssuedAtHonourTheLeewayExactly() async throws {
        let ehr = TestEHR()
        let aud = "https://bonemet.test/cds-services/bonemet-patient-view"
        let iat: Int64 = 1_700_000_000
        let exp = iat + 300
        func check(_ now: Int64) async throws -> String? {
            // A fresh database for each check, so the jti is judged on time alone.
            try await TestDatabases.with(.sqlite) { (store) async throws in
                let token = try await ehr.token(aud: aud, iat: iat, exp: exp)
                let auth = authenticator(ehr.configuration(), store: store, now: now)
                return await reason { () async throws(CDSAuthenticator.Rejection) in
                    try await auth.authenticate(authorization: "Bearer " + token, audiences: [aud])
                }
            }
        }
        // exp + 60 s leeway is the last accepted second; iat − 60 s the first.
        #expect(try await check(exp + 60) == nil)
        #expect(try await check(exp + 61) == "the token has expired")
        #expect(try await check(iat - 60) == nil)
        #expect(try await check(iat - 61) == "the token is issued in the future")
    }

    /// `sub` must be one of the issuer's configured client ids; a token living longer than the
    /// configured maximum (exp − iat) is refused at any time, its boundary included.
    @Test func subAndLifetimeAreChecked() async throws {
        try await TestDatabases.with(.sqlite) { (store) async throws in
            let ehr = TestEHR()
            let now: Int64 = 1_700_000_000
            let aud = "https://bonemet.test/cds-services/bonemet-patient-view"
            func refuse(_ token: String, max: Int64 = 300) async -> String? {
                let auth = authenticator(ehr.configuration(maxLifetimeSeconds: max), store: store, now: now)
                return await reason { () async throws(CDSAuthenticator.Rejection) in
                    try await auth.authenticate(authorization: "Bearer " + token, audiences: [aud])
                }
            }
            #expect(await refuse(try await ehr.token(aud: aud, iat: now, exp: now + 300, sub: nil)) == "sub is required (the EHR's client id)")
            #expect(await refuse(try await ehr.token(aud: aud, iat: now, exp: now + 300, sub: "another-client")) == "sub is not a client id configured for this issuer")
            #expect(await refuse(try await ehr.token(aud: aud, iat: now, exp: now + 300)) == nil)
            #expect(await refuse(try await ehr.token(aud: aud, iat: now, exp: now + 301)) == "the token lives longer than 300 s (exp − iat)")
            #expect(await refuse(try await ehr.token(aud: aud, iat: now - 100, exp: now + 3_000), max: 3_100) == nil)
            #expect(await refuse(try await ehr.token(aud: aud, iat: now, exp: now + 86_400 * 365)) == "the token lives longer than 300 s (exp − iat)")
        }
    }

    /// Tokens naming kids the key set lacks ask for a fresh set; at most one fetch per minute
    /// per jku reaches the EHR, however many such tokens arrive, in parallel or one by one.
    @Test func jkuFetchesAreRateLimited() async throws {
        let ehr = TestEHR()
        let jku = "https://ehr.test/jwks"
        let counter = KeyEndpoint(jwks: ehr.jwks)
        struct Counting: HTTPFetching {
            let endpoint: KeyEndpoint
            func get(_ url: String, bearer: String?) async throws -> String { await endpoint.serve() }
        }
        let clock = TestClock(1_700_000_000)
        let cache = JWKSCache(fetch: Counting(endpoint: counter), now: { clock.now })
        _ = try await cache.keySet(jku)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<50 { group.addTask { _ = try? await cache.keySet(jku, refresh: true) } }
        }
        #expect(await counter.hits == 1)
        clock.advance(61)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<50 { group.addTask { _ = try? await cache.keySet(jku, refresh: true) } }
        }
        #expect(await counter.hits == 2)
    }

    @Test func everyRejectionSaysWhy() async throws {
        try await TestDatabases.with(.sqlite) { (store) async throws in
            let now: Int64 = 1_400_000_000
            func refuse(_ token: String, configuration: CDSConfiguration = CDSAuthTests.specConfiguration, audience: String = SpecExample.audience) async -> String? {
                let auth = authenticator(configuration, store: store, fetch: Self.specFetch, now: now)
                return await reason { () async throws(CDSAuthenticator.Rejection) in
                    try await auth.authenticate(authorization: "Bearer " + token, audiences: [audience])
                }
            }
            let parts = SpecExample.token.split(separator: ".").map(String.init)
            func b64(_ text: String) -> String {
                Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "=", with: "")
            }
            #expect(await refuse("not-a-jwt") == "the token is not a signed JWT (header.payload.signature)")
            #expect(await refuse(b64(#"{"alg":"none","kid":"example-kid"}"#) + "." + parts[1] + ".") == "algorithm \"none\" is not accepted; allowed: ES384, RS384")
            #expect(await refuse(b64(#"{"alg":"HS256","kid":"example-kid"}"#) + "." + parts[1] + "." + parts[2]) == "algorithm \"HS256\" is not accepted; allowed: ES384, RS384")
            #expect(await refuse(b64(#"{"alg":"ES384"}"#) + "." + parts[1] + "." + parts[2]) == "the JWT header has no kid")
            // The payload changed after signing.
            let forged = b64(#"{"iss":"https://fhir-ehr.example.com/","aud":"https://cds.example.org/cds-services/some-service","exp":1422568860,"iat":1311280970,"jti":"other"}"#)
            #expect(await refuse(parts[0] + "." + forged + "." + parts[2]) == "invalid signature")
            #expect(await refuse(SpecExample.token, audience: "https://cds.example.org/cds-services/other") == "aud is not this service's URL")
            let otherIssuer = CDSConfiguration(publicURL: "https://cds.example.org", issuers: [.init(iss: "https://someone.else/", sub: ["client_id"], jwks: SpecExample.jwks, jku: [])])
            #expect(await refuse(SpecExample.token, configuration: otherIssuer) == "issuer not trusted")
            let noJKU = CDSConfiguration(publicURL: "https://cds.example.org", issuers: [.init(iss: SpecExample.issuer, sub: ["client_id"], jwks: SpecExample.jwks, jku: [])])
            // A configured key with the token's kid verifies it; its jku is then never fetched (issue
            // #9) — the refusal is for the claims, after the signature.
            #expect(await refuse(SpecExample.token, configuration: noJKU) == "sub is required (the EHR's client id)")
            // A configured set without that kid: the jku would be needed, and it is not allow-listed.
            let otherKeys = CDSConfiguration(publicURL: "https://cds.example.org", issuers: [.init(iss: SpecExample.issuer, sub: ["client_id"], jwks: TestEHR().jwks, jku: [])])
            #expect(await refuse(SpecExample.token, configuration: otherKeys) == "jku is not on this issuer's allow-list")

            // Keys generated here.
            let ehr = TestEHR()
            let aud = "https://bonemet.test/cds-services/bonemet-patient-view"
            let configuration = ehr.configuration()
            #expect(await refuse(try await ehr.token(aud: aud, iat: now, exp: now + 300, kid: "unknown"), configuration: configuration, audience: aud)
                == "no ES384 key with this kid in the issuer's key set")
            #expect(await refuse(try await ehr.token(aud: aud, iat: now, exp: now + 300, jti: nil), configuration: configuration, audience: aud) == "jti is required")
            #expect(await refuse(try await ehr.token(aud: aud, iat: now, exp: now + 300), configuration: configuration, audience: aud) == nil)
            // Another EHR's key under the same kid: the signature does not match.
            let impostor = TestEHR()
            #expect(await refuse(try await impostor.token(aud: aud, iat: now, exp: now + 300), configuration: configuration, audience: aud) == "invalid signature")
        }
    }

    @Test func rs384IsAcceptedAndAKeyForAnotherAlgorithmIsNot() async throws {
        try await TestDatabases.with(.sqlite) { (store) async throws in
            let now: Int64 = 1_700_000_000
            let rsa = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let primitives = try rsa.publicKey.getKeyPrimitives()
            func b64(_ data: Data) -> String {
                data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            }
            let jwks = #"{"keys":[{"kty":"RSA","kid":"rsa-1","n":"\#(b64(primitives.modulus))","e":"\#(b64(primitives.publicExponent))"}]}"#
            let configuration = CDSConfiguration(publicURL: "https://bonemet.test", issuers: [.init(iss: "https://rsa-ehr.test/", sub: ["rsa-client"], jwks: jwks, jku: [])])
            let keys = JWTKeyCollection()
            await keys.add(rsa: try Insecure.RSA.PrivateKey(backing: rsa), digestAlgorithm: .sha384, kid: "rsa-1")
            let aud = "https://bonemet.test/cds-services/bonemet-order-sign"
            let token = try await keys.sign(TestClaims(iss: "https://rsa-ehr.test/", sub: "rsa-client", aud: aud, exp: now + 300, iat: now, jti: "r1"), kid: "rsa-1")
            let auth = authenticator(configuration, store: store, now: now)
            #expect(try await auth.authenticate(authorization: "Bearer " + token, audiences: [aud]) == "https://rsa-ehr.test/")
            // RS256 with the same key is refused before any signature check.
            let rs256 = JWTKeyCollection()
            await rs256.add(rsa: try Insecure.RSA.PrivateKey(backing: rsa), digestAlgorithm: .sha256, kid: "rsa-1")
            let weaker = try await rs256.sign(TestClaims(iss: "https://rsa-ehr.test/", sub: "rsa-client", aud: aud, exp: now + 300, iat: now, jti: "r2"), kid: "rsa-1")
            #expect(await reason { () async throws(CDSAuthenticator.Rejection) in
                try await auth.authenticate(authorization: "Bearer " + weaker, audiences: [aud])
            } == "algorithm \"RS256\" is not accepted; allowed: ES384, RS384")
        }
    }

    /// The key picked from a key set is kept by the set's exact text, kid and algorithm
    /// (issue #12): asked again it is not picked again; another text (a rotated key under the
    /// same kid) is picked afresh; a miss is kept; past the bound the oldest goes.
    @Test func aPickedKeyIsKeptByTheSetsTextKidAndAlgorithm() {
        let cache = BoundedRenderCache<String?>(maxEntries: 3, maxBytes: 1 << 20)
        nonisolated(unsafe) var picks = 0
        func pick(_ kid: String, _ alg: String, _ jwks: String, _ answer: String?) -> String? {
            CDSAuthenticator.cachedKey(kid: kid, alg: alg, in: jwks, cache: cache) {
                picks += 1
                return answer
            }
        }
        #expect(pick("k1", "ES384", "set A", "key A") == "key A")
        #expect(pick("k1", "ES384", "set A", "other") == "key A")
        #expect(picks == 1)
        #expect(pick("k1", "ES384", "set B", "key B") == "key B")
        #expect(pick("k1", "RS384", "set A", nil) == nil)
        #expect(pick("k1", "RS384", "set A", "late") == nil)
        #expect(picks == 3)
        // A fourth entry drops the oldest, "set A" under k1: it is picked again.
        #expect(pick("k2", "ES384", "set A", "key A2") == "key A2")
        #expect(pick("k1", "ES384", "set A", "key A again") == "key A again")
        #expect(picks == 5)
        // Through the authenticator: a rotated set under the same kid gives its own key.
        let ehr = TestEHR()
        let other = TestEHR()
        let first = CDSAuthenticator.key(kid: ehr.kid, alg: "ES384", expected: ("EC", "P-384"), in: ehr.jwks)
        let rotated = CDSAuthenticator.key(kid: other.kid, alg: "ES384", expected: ("EC", "P-384"), in: other.jwks)
        #expect(first != nil && rotated != nil && first != rotated)
        #expect(CDSAuthenticator.key(kid: ehr.kid, alg: "ES384", expected: ("EC", "P-384"), in: ehr.jwks) == first)
    }

    @Test func configurationErrorsNameTheField() {
        func field(_ text: String) -> String? {
            do { _ = try CDSConfiguration.parse(text) } catch { return error.field }
            return nil
        }
        #expect(field("{") == "(file)")
        #expect(field(#"{"issuers":[]}"#) == "publicURL")
        #expect(field(#"{"publicURL":"https://b.test","issuers":[]}"#) == "issuers")
        #expect(field(#"{"publicURL":"https://b.test","issuers":[{"iss":"https://e/"}]}"#) == "issuers[0]")
        #expect(field(#"{"publicURL":"https://b.test","issuers":[{"iss":"https://e/","jku":["http://e/jwks"]}]}"#) == "issuers[0].jku")
        #expect(field(#"{"publicURL":"https://b.test","leewaySeconds":900,"issuers":[{"iss":"https://e/","sub":"c","jku":["https://e/jwks"]}]}"#) == "leewaySeconds")
        #expect(field(#"{"publicURL":"https://b.test/","createCases":"yes","issuers":[{"iss":"https://e/","sub":"c","jwks":{"keys":[]}}]}"#) == "createCases")
        #expect(field(#"{"publicURL":"https://b.test/","issuers":[{"iss":"https://e/","jwks":{"keys":[]}}]}"#) == "issuers[0].sub")
        #expect(field(#"{"publicURL":"https://b.test/","issuers":[{"iss":"https://e/","sub":[""],"jwks":{"keys":[]}}]}"#) == "issuers[0].sub")
        #expect(field(#"{"publicURL":"https://b.test/","issuers":[{"iss":"https://e/","sub":"c","fhirServers":["ftp://e/fhir"],"jwks":{"keys":[]}}]}"#)
            == "issuers[0].fhirServers")
        #expect(field(#"{"publicURL":"https://b.test/","maxLifetimeSeconds":0,"issuers":[{"iss":"https://e/","sub":"c","jwks":{"keys":[]}}]}"#) == "maxLifetimeSeconds")
        #expect(field(#"{"publicURL":"https://b.test/","maxLifetimeSeconds":3601,"issuers":[{"iss":"https://e/","sub":"c","jwks":{"keys":[]}}]}"#) == "maxLifetimeSeconds")
        #expect(field(#"{"publicURL":"https://b.test/","maxLifetimeSeconds":3600,"issuers":[{"iss":"https://e/","sub":["c","d"],"jwks":{"keys":[]}}]}"#) == nil)
        let parsed = try? CDSConfiguration.parse(
            #"{"publicURL":"https://b.test/","issuers":[{"iss":"https://e/","sub":"c","fhirServers":["HTTPS://EHR.example:443/fhir/R4"],"jwks":{"keys":[]}}]}"#)
        #expect(parsed?.issuers.first?.fhirOrigins == ["https://ehr.example"])
        #expect(parsed?.maxLifetimeSeconds == 300)
    }
}
