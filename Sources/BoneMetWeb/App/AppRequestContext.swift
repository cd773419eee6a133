import BoneMetDomain
import Hummingbird
import NIOCore

/// The typed request context: who is signed in, their session's CSRF token, the request id
/// and the language pages are shown in.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var user: User?
    public var sessionId: String?
    public var csrfToken: String?
    /// Signed in with a Bearer API token (no cookies, so no CSRF check on the API).
    public var viaToken = false
    public var requestId: String
    public var language: AppLanguage
    /// The page's own path (with its query), so the language switch can come back to it
    /// without a Referer (none is sent: Referrer-Policy no-referrer).
    public var path = "/cases"
    /// The hospital's time zone, for every time a page shows.
    public var clock = HospitalClock.utc
    /// The client's address as the server sees it (behind a proxy, the proxy's), for the audit log.
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
        requestId = RandomToken.make(bytes: 8)
        language = .en
    }
}

extension AppRequestContext {
    /// The page frame for this request: its language, user and CSRF token.
    var layout: Layout { Layout(language: language, user: user, csrf: csrfToken, path: path, clock: clock) }
}
