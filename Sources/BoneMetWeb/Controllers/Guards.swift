import BoneMetDomain
import Hummingbird

/// A redirect raised from a guard (e.g. "sign in first", "change your password first").
struct RedirectError: Error {
    let location: String
}

extension AppRequestContext {
    /// The signed-in user; pages redirect to sign-in, the API answers 401. A user who must
    /// change their password is sent to do so first.
    func requireUser(_ request: Request, allowPasswordChange: Bool = false) throws -> User {
        guard let user else {
            if ErrorMiddleware.wantsJSON(request) { throw AppError.unauthorized }
            throw RedirectError(location: "/login")
        }
        if user.mustChangePassword && !allowPasswordChange {
            if ErrorMiddleware.wantsJSON(request) {
                throw AppError(.forbidden, LocalizedText(en: "Change your one-time password first.", zh: "请先修改一次性密码。"))
            }
            throw RedirectError(location: "/password")
        }
        return user
    }

    func require(_ permission: Permission, _ request: Request) throws -> User {
        let user = try requireUser(request)
        guard user.may(permission) else { throw AppError.forbidden }
        return user
    }

    /// Every state-changing form carries the session's CSRF token (double-checked against the
    /// server-side session, so a cross-site form cannot post on a user's behalf).
    func checkCSRF(_ token: String?) throws {
        guard let expected = csrfToken, let token, constantTimeEqual(expected, token) else { throw AppError.csrf }
    }
}

/// Compares secrets without leaking their length of common prefix through timing.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
