import Hummingbird
import HTTPTypes

/// Security headers on every response (issue #11; OWASP ASVS 14.4): no inline script and no
/// script from elsewhere — only BoneMet's own files (`/static/calc.js`, the calculators' live
/// result, which fetches from the same origin); every page works without it. Styles are the
/// page's own; nothing may frame
/// BoneMet; no MIME sniffing; no Referer leaves the site (a case URL carries no patient data,
/// but nothing is sent anyway). HSTS only when cookies are secure (served over TLS).
struct SecurityHeadersMiddleware: RouterMiddleware {
    let strictTransport: Bool

    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if strictTransport { response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        return response
    }
}
