import BoneMetDomain
import BoneMetFHIR
import Foundation
import JWTKit
import Synchronization

/// Checks the `Authorization: Bearer <JWT>` every CDS Hooks call carries (CDS Hooks 2.0
/// §Trusting CDS Clients; standards.md): ES384 or RS384 only — never `none` or HMAC — an
/// allow-listed `iss`, its key set (configured, or from an allow-listed `jku`), the `kid` in
/// it, `aud` equal to the URL called, `sub` one of the issuer's client ids, a lifetime
/// (`exp − iat`) within the configured maximum, `exp`/`iat` within a small leeway, `jti`
/// never seen.
public struct CDSAuthenticator: Sendable {
    public struct Rejection: Error, Sendable, Equatable {
        public let reason: String
    }

    let configuration: CDSConfiguration
    let store: any CDSStore
    let keySets: JWKSCache
    let now: @Sendable () -> Int64

    /// Keys made from a JWK's text once, not on every call (decoding the JWK and building the
    /// key cost as much as an RS384 check, issue #12). Keyed by the exact text: a rotated key
    /// is other text, so it is a new entry and a stale one is never used for it.
    static let verifiers = VerifierCache(limit: 256)
    /// The JWK picked from a key set for a kid and algorithm, by the set's exact text: the
    /// configured set was parsed again on every call (1.3 % of a call's CPU, issue #12). A
    /// fetched set that changed is other text, so its answer is looked up afresh.
    static let pickedKeys = BoundedRenderCache<String?>(maxEntries: 256, maxBytes: 4 << 20)

    static let allowedAlgorithms: [String: (kty: String, crv: String?)] = ["ES384": ("EC", "P-384"), "RS384": ("RSA", nil)]

    public init(configuration: CDSConfiguration, store: any CDSStore, keySets: JWKSCache, now: @escaping @Sendable () -> Int64) {
        self.configuration = configuration
        self.store = store
        self.keySets = keySets
        self.now = now
    }

    /// With a key-set cache of its own (one authenticator for many calls, or tests).
    public init(configuration: CDSConfiguration, store: any CDSStore, fetch: any HTTPFetching, now: @escaping @Sendable () -> Int64) {
        self.init(configuration: configuration, store: store, keySets: JWKSCache(fetch: fetch, now: now), now: now)
    }

    /// The verified issuer, or why the call is refused.
    public func authenticate(authorization: String?, audiences: [String]) async throws(Rejection) -> String {
        guard let authorization, authorization.hasPrefix("Bearer ") else { throw Rejection(reason: "missing Authorization: Bearer <JWT>") }
        // Spaces and tabs around the token dropped on the UTF-8 bytes (Foundation's
        // trimmingCharacters went through UTF-16: 4 % of a CDS call, issue #12).
        let token = authorization.dropFirst("Bearer ".count).utf8.trimmingSpacesAndTabs
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Self.segment(parts[0]), let claims = Self.segment(parts[1]) else {
            throw Rejection(reason: "the token is not a signed JWT (header.payload.signature)")
        }
        let alg = header["alg"]?.string ?? ""
        guard let expected = Self.allowedAlgorithms[alg] else {
            throw Rejection(reason: "algorithm \"\(alg)\" is not accepted; allowed: ES384, RS384")
        }
        guard let kid = header["kid"]?.string, !kid.isEmpty else { throw Rejection(reason: "the JWT header has no kid") }
        guard let iss = claims["iss"]?.string, let issuer = configuration.issuers.first(where: { $0.iss == iss }) else {
            throw Rejection(reason: "issuer not trusted")
        }
        // The key: the issuer's configured key set when it holds this kid (a jku in the header
        // changes nothing then — nothing is fetched); otherwise the key set at the jku, fetched
        // only when the jku is on the issuer's allow-list.
        var found = issuer.jwks.flatMap { Self.key(kid: kid, alg: alg, expected: expected, in: $0) }
        if found == nil, let jku = header["jku"]?.string {
            guard issuer.jku.contains(jku) else { throw Rejection(reason: "jku is not on this issuer's allow-list") }
            do {
                found = Self.key(kid: kid, alg: alg, expected: expected, in: try await keySets.keySet(jku))
                // A kid the cached set lacks: the EHR may have rotated its keys.
                if found == nil { found = Self.key(kid: kid, alg: alg, expected: expected, in: try await keySets.keySet(jku, refresh: true)) }
            } catch {
                throw Rejection(reason: "the key set at jku could not be fetched")
            }
        } else if found == nil && issuer.jwks == nil {
            throw Rejection(reason: "no key set for this issuer")
        }
        guard let jwk = found else { throw Rejection(reason: "no \(alg) key with this kid in the issuer's key set") }
        do {
            _ = try await Self.verifiers.keys(for: jwk).verify(String(token), as: SignatureOnly.self)
        } catch {
            throw Rejection(reason: "invalid signature")
        }
        // Claims, with the injected clock.
        let audience = claims["aud"].map { $0.array.isEmpty ? [$0.string].compactMap { $0 } : $0.array.compactMap(\.string) } ?? []
        guard audience.contains(where: audiences.contains) else { throw Rejection(reason: "aud is not this service's URL") }
        guard let exp = claims["exp"]?.decimalText.flatMap({ Double($0) }).map({ Int64($0) }),
            let iat = claims["iat"]?.decimalText.flatMap({ Double($0) }).map({ Int64($0) })
        else { throw Rejection(reason: "exp and iat are required numbers") }
        guard let sub = claims["sub"]?.string, !sub.isEmpty else { throw Rejection(reason: "sub is required (the EHR's client id)") }
        guard issuer.subjects.contains(sub) else { throw Rejection(reason: "sub is not a client id configured for this issuer") }
        guard exp - iat <= configuration.maxLifetimeSeconds else {
            throw Rejection(reason: "the token lives longer than \(configuration.maxLifetimeSeconds) s (exp − iat)")
        }
        let time = now()
        guard exp + configuration.leewaySeconds >= time else { throw Rejection(reason: "the token has expired") }
        guard iat - configuration.leewaySeconds <= time else { throw Rejection(reason: "the token is issued in the future") }
        guard let jti = claims["jti"]?.string, !jti.isEmpty else { throw Rejection(reason: "jti is required") }
        let fresh: Bool
        do {
            fresh = try await store.claim(jti: jti, issuer: iss, expiresAt: exp + configuration.leewaySeconds, now: time)
        } catch {
            throw Rejection(reason: "the token could not be checked for replay")
        }
        guard fresh else { throw Rejection(reason: "jti already used (replay)") }
        return iss
    }

    /// The JWK with this kid, of the type the algorithm needs, as JSON with its `alg` set
    /// (a key that names another algorithm is never used for this one).
    static func key(kid: String, alg: String, expected: (kty: String, crv: String?), in jwks: String) -> String? {
        cachedKey(kid: kid, alg: alg, in: jwks, cache: pickedKeys) { pick(kid: kid, alg: alg, expected: expected, in: jwks) }
    }

    /// `pick`'s answer for (set text, kid, algorithm) from `cache`, a miss kept too (a token with
    /// a kid the set lacks is refused without parsing the set again). The kid's length goes in
    /// the key, so no kid can make two different (kid, set) pairs read as one key.
    static func cachedKey(kid: String, alg: String, in jwks: String, cache: BoundedRenderCache<String?>, pick: () -> String?) -> String? {
        cache.value("\(alg) \(kid.utf8.count) \(kid) \(jwks)") {
            let found = pick()
            return (found, found?.utf8.count ?? 0)
        }
    }

    static func pick(kid: String, alg: String, expected: (kty: String, crv: String?), in jwks: String) -> String? {
        guard let set = try? FHIRJSON.parse(jwks) else { return nil }
        for key in set["keys"]?.array ?? [] where key["kid"]?.string == kid {
            guard key["kty"]?.string == expected.kty, expected.crv == nil || key["crv"]?.string == expected.crv else { continue }
            if let own = key["alg"]?.string, own != alg { continue }
            if let use = key["use"]?.string, use != "sig" { continue }
            var members = key.members.filter { $0.key != "alg" && $0.key != "d" && $0.key != "p" && $0.key != "q" }
            members.append(.init("alg", .string(alg)))
            return FHIRJSON.object(members).serialized()
        }
        return nil
    }

    static func segment(_ part: Substring) -> FHIRJSON? {
        guard let data = base64URL(part), let json = try? FHIRJSON.parse(bytes: [UInt8](data)), case .object = json else { return nil }
        return json
    }

    /// base64url (RFC 7515 §2: no padding) in one pass over the bytes (Foundation's
    /// `replacingOccurrences` twice per segment was 4 % of a CDS call's CPU).
    static func base64URL(_ part: Substring) -> Data? {
        var bytes = [UInt8]()
        bytes.reserveCapacity(part.utf8.count + 3)
        for byte in part.utf8 {
            switch byte {
            case UInt8(ascii: "-"): bytes.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): bytes.append(UInt8(ascii: "/"))
            default: bytes.append(byte)
            }
        }
        while bytes.count % 4 != 0 { bytes.append(UInt8(ascii: "=")) }
        return Data(base64Encoded: Data(bytes))
    }

    /// jwt-kit checks the signature; the claims are checked above with our clock.
    struct SignatureOnly: JWTPayload {
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }
}

/// GET over HTTP for the two things CDS Hooks makes us fetch: an EHR's key set (`jku`) and
/// FHIR resources from `fhirServer`. A protocol so the server can swap the transport.
public protocol HTTPFetching: Sendable {
    func get(_ url: String, bearer: String?) async throws -> String
}

/// Key collections by JWK text (bounded: past the limit the cache starts again).
final class VerifierCache: Sendable {
    private let entries = Mutex<[String: JWTKeyCollection]>([:])
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func keys(for jwk: String) async throws -> JWTKeyCollection {
        if let known = entries.withLock({ $0[jwk] }) { return known }
        let keys = JWTKeyCollection()
        try await keys.add(jwk: JSONDecoder().decode(JWK.self, from: Data(jwk.utf8)))
        entries.withLock { entries in
            if entries.count >= limit { entries = [:] }
            entries[jwk] = keys
        }
        return keys
    }
}

extension Substring.UTF8View {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpacesAndTabs: Substring {
        let blank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return Substring() }
        return Substring(self[first...last])
    }
}
