import HTTPTypes

extension HTTPField.Name {
    // Both names are valid header tokens, so these initialisers never fail; the fallback
    // only satisfies the type system without a force unwrap.
    static let csrfToken = HTTPField.Name("X-CSRF-Token") ?? .cookie
    static let requestId = HTTPField.Name("X-Request-Id") ?? .via
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .via
    static let xFrameOptions = HTTPField.Name("X-Frame-Options") ?? .via
    /// Set by calc.js: answer with the calculator's result alone.
    static let liveResult = HTTPField.Name("X-BoneMet-Live") ?? .via
    /// Read only from a trusted proxy (ClientAddress).
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For") ?? .via
}
