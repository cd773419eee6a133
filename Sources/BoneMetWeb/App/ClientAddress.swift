import Foundation
import Hummingbird
import NIOCore

/// The address a request comes from, for throttling and the audit log. Behind a reverse proxy
/// every connection comes from the proxy, so the client is taken from `X-Forwarded-For` —
/// but only when the connection comes from a proxy the operator named (`--trusted-proxy`,
/// BONEMET_TRUSTED_PROXIES): anyone else could write that header and pick an address to
/// escape their own throttling or to blame someone else (OWASP ASVS 2: never trust a
/// client-supplied forwarding header from an untrusted peer).
public enum ClientAddress {
    /// The right-most address in `X-Forwarded-For` that is not a trusted proxy (each proxy
    /// appends the address it saw), when the peer itself is trusted; otherwise the peer.
    static func resolve(peer: String?, forwardedFor: [String], trusted: Set<String>) -> String? {
        guard let peer, trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !trusted.contains(hop) {
            // Only an IP literal is an address; anything else is not believed.
            return isIPAddress(hop) ? hop : peer
        }
        return hops.first.flatMap { isIPAddress($0) ? $0 : nil } ?? peer
    }

    public static func isIPAddress(_ text: String) -> Bool {
        (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}

/// Puts the resolved client address on the request context before anything reads it.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trusted: Set<String>

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        guard !trusted.isEmpty else { return try await next(request, context) }
        var context = context
        context.clientAddress = ClientAddress.resolve(peer: context.clientAddress, forwardedFor: request.headers[values: .xForwardedFor], trusted: trusted)
        return try await next(request, context)
    }
}
