import BoneMetDomain
import Foundation
import Hummingbird

/// Sign-in, sign-out, password change and the language switch.
struct AuthController {
    let services: AppServices
    static let loginCookie = "bonemet_login"
    static let sessionSeconds: Int64 = 12 * 3600
    static let failureWindow: Int64 = 15 * 60
    static let maxFailures = 5
    /// Sign-in attempts one client address may fail within `failureWindow` before its waits
    /// begin (1 s doubling, as for an account). Many colleagues may share one address (a ward
    /// behind NAT), so the budget is larger than an account's; a successful sign-in takes its
    /// own attempt back. Stops one address trying passwords across many accounts (issue #11).
    static let maxFailuresPerAddress = 30
    /// ASVS 2.1.1: at least 12 characters.
    static let minimumPasswordLength = 12
    /// bcrypt reads at most 72 bytes: a longer password would be silently cut, so it is refused.
    static let maximumPasswordBytes = 72

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/login", use: loginPage)
        router.post("/login", use: login)
        router.post("/logout", use: logout)
        router.get("/password", use: passwordPage)
        router.post("/password", use: changePassword)
        router.post("/language", use: switchLanguage)
    }


    func cookie(_ name: String, _ value: String, maxAge: Int, path: String = "/", sameSite: Cookie.SameSite = .lax) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: path, secure: services.secureCookies, httpOnly: true, sameSite: sameSite)
    }

    /// The sign-in form carries a token that must match an HttpOnly cookie (login CSRF).
    func loginResponse(_ page: LoginPage, status: HTTPResponse.Status, request: Request, context: AppRequestContext) throws -> Response {
        var response = try HTMLPage(html: page.render(context.layout), status: status).response(from: request, context: context)
        response.setCookie(cookie(Self.loginCookie, page.formToken, maxAge: 3600, sameSite: .strict))
        return response
    }

    @Sendable func loginPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.user != nil { return .seeOther("/cases") }
        return try loginResponse(LoginPage(formToken: RandomToken.make()), status: .ok, request: request, context: context)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request)
        guard let cookieToken = request.cookies[Self.loginCookie]?.value, let formToken = form["_csrf"],
            constantTimeEqual(cookieToken, formToken)
        else { throw AppError.csrf }
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let key = "login:" + username.lowercased()
        let addressKey = context.clientAddress.map { "address:" + $0 }
        let attempt = RandomToken.make(bytes: 12)
        let now = services.now()
        var page = LoginPage(username: username, formToken: RandomToken.make())
        // The attempt is counted before the password is checked, atomically, so parallel
        // guesses cannot slip past the count; after the free attempts each further failure
        // doubles the wait (backoff, not a lock-out an attacker could impose on a colleague).
        // First per client address, then per account.
        var wait: Int64?
        if let addressKey {
            wait = try await services.sessions.admitAttempt(
                key: addressKey, at: now, window: Self.failureWindow, free: Self.maxFailuresPerAddress, maxDelay: Self.failureWindow, attempt: attempt)
        }
        if wait == nil {
            wait = try await services.sessions.admitAttempt(
                key: key, at: now, window: Self.failureWindow, free: Self.maxFailures, maxDelay: Self.failureWindow, attempt: attempt)
        }
        if let wait {
            let refusal = AppError.tooManyAttempts(wait: wait)
            let known = try await services.users.credentials(username: username)?.user.id
            try await services.audit.record(
                userId: known ?? "(unknown user)", action: "login.throttled", caseId: nil, detail: String(username.prefix(64)), at: now, client: context.clientAddress)
            page.error = refusal.message
            var response = try loginResponse(page, status: .tooManyRequests, request: request, context: context)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let credentials = try await services.users.credentials(username: username)
        let valid = try await services.passwords.verify(password, hash: credentials?.passwordHash)
        guard let credentials, valid, !credentials.user.disabled else {
            // Failed sign-ins are audited with the name typed (never the password).
            try await services.audit.record(
                userId: credentials?.user.id ?? "(unknown user)", action: "login.failed", caseId: nil, detail: String(username.prefix(64)), at: now,
                client: context.clientAddress)
            page.error = UIText.badLogin
            return try loginResponse(page, status: .unauthorized, request: request, context: context)
        }
        try await services.sessions.clearFailures(key: key)
        if let addressKey { try await services.sessions.forgive(key: addressKey, attempt: attempt) }
        let sessionId = RandomToken.make()
        try await services.sessions.create(
            id: sessionId, userId: credentials.user.id, csrfToken: RandomToken.make(), expiresAt: now + Self.sessionSeconds, at: now)
        try await services.audit.record(userId: credentials.user.id, action: "login", caseId: nil, detail: "", at: now, client: context.clientAddress)
        var response = Response.seeOther(credentials.user.mustChangePassword ? "/password" : "/cases")
        response.setCookie(cookie(SessionMiddleware.cookie, sessionId, maxAge: Int(Self.sessionSeconds)))
        response.setCookie(cookie(Self.loginCookie, "", maxAge: 0, sameSite: .strict))
        return response
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request)
        if let sessionId = context.sessionId {
            try context.checkCSRF(form["_csrf"])
            try await services.sessions.delete(id: sessionId)
            if let user = context.user {
                try await services.audit.record(userId: user.id, action: "logout", caseId: nil, detail: "", at: services.now(), client: context.clientAddress)
            }
        }
        var response = Response.seeOther("/login")
        response.setCookie(cookie(SessionMiddleware.cookie, "", maxAge: 0))
        return response
    }

    @Sendable func passwordPage(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser(request, allowPasswordChange: true)
        return HTMLPage(html: PasswordPage(mustChange: user.mustChangePassword).render(context.layout))
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser(request, allowPasswordChange: true)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let new = form["new"] ?? ""
        var error: LocalizedText?
        if new.count < Self.minimumPasswordLength { error = UIText.passwordTooShort }
        if new.utf8.count > Self.maximumPasswordBytes { error = UIText.passwordTooLong }
        if new != (form["repeat"] ?? "") { error = UIText.passwordMismatch }
        let current = try await services.users.credentials(username: user.username)
        if try await !services.passwords.verify(form["current"] ?? "", hash: current?.passwordHash) { error = UIText.badLogin }
        if let error {
            return try HTMLPage(html: PasswordPage(error: error, mustChange: user.mustChangePassword).render(context.layout), status: .unprocessableContent)
                .response(from: request, context: context)
        }
        try await services.users.setPassword(userId: user.id, passwordHash: try await services.passwords.hash(new, cost: services.bcryptCost), mustChangePassword: false)
        // ASVS 3.3.3 / 3.2.1: a new password ends every other session of the user (someone who
        // knew the old one is signed out) and this one continues under a new id.
        try await services.sessions.deleteAll(userId: user.id)
        let now = services.now()
        let sessionId = RandomToken.make()
        try await services.sessions.create(id: sessionId, userId: user.id, csrfToken: RandomToken.make(), expiresAt: now + Self.sessionSeconds, at: now)
        try await services.audit.record(userId: user.id, action: "password", caseId: nil, detail: "", at: now, client: context.clientAddress)
        var response = Response.seeOther("/cases")
        response.setCookie(cookie(SessionMiddleware.cookie, sessionId, maxAge: Int(Self.sessionSeconds)))
        return response
    }

    /// A path on this site: "/" then no second "/" or "\\", nothing that could make it a scheme
    /// or another host, no control characters. Anything else is refused (no open redirect).
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), text.count <= 512 else { return nil }
        let second = text.dropFirst().first
        guard second != "/" && second != "\\" else { return nil }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && scalar.value > 0x20 && scalar.value < 0x7F && scalar != "\\"
        }
        return allowed ? text : nil
    }

    @Sendable func switchLanguage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request)
        // Signed in: the switch is a form like any other, under CSRF. (Signed out it only sets
        // a cookie, and there is no session to hold a token.)
        if context.user != nil { try context.checkCSRF(form["_csrf"]) }
        let language = AppLanguage(code: form["lang"] ?? "") ?? .en
        // Back to the page the switch was on — only a path of ours, never another site.
        var response = Response.seeOther(Self.localPath(form["next"]) ?? "/cases")
        response.setCookie(Cookie(name: "lang", value: language.shortCode, maxAge: 365 * 86_400, path: "/", secure: services.secureCookies, httpOnly: false, sameSite: .lax))
        return response
    }
}
