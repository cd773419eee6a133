import Foundation
import BoneMetDomain
import Hummingbird

/// Administrators manage users and read the audit log; nobody else may.
struct AdminController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/users", use: users)
        router.post("/admin/users", use: createUser)
        router.get("/admin/audit", use: audit)
        router.post("/admin/tokens", use: createToken)
    }


    @Sendable func users(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.require(.manageUsers, request)
        return HTMLPage(html: UsersPage(users: try await services.users.all()).render(context.layout))
    }

    static func validUsername(_ name: String) -> Bool {
        (3...32).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let admin = try context.require(.manageUsers, request)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let displayName = (form["displayName"] ?? "").trimmingCharacters(in: .whitespaces)
        var page = UsersPage(users: [], typed: (username, displayName, form["role"] ?? ""))
        guard Self.validUsername(username), !displayName.isEmpty, let role = Role(rawValue: form["role"] ?? "") else {
            page.error = AdminTexts.badUsername
            return HTMLPage(html: UsersPage(users: try await services.users.all(), error: page.error, typed: page.typed).render(context.layout), status: .unprocessableContent)
        }
        let password = RandomToken.password()
        do {
            let user = try await services.users.create(
                username: username, displayName: displayName, role: role,
                passwordHash: try await services.passwords.hash(password, cost: services.bcryptCost), mustChangePassword: true, at: services.now())
            try await services.audit.record(userId: admin.id, action: "createUser", caseId: nil, detail: "\(user.username) as \(role.rawValue)", at: services.now())
            page = UsersPage(users: try await services.users.all(), created: (user.username, password))
            return HTMLPage(html: page.render(context.layout))
        } catch StorageError.duplicate {
            return HTMLPage(
                html: UsersPage(users: try await services.users.all(), error: AdminTexts.duplicate, typed: page.typed).render(context.layout),
                status: .conflict)
        }
    }

    /// Creates an API token for a user (a machine client acts as that user, with its role).
    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let admin = try context.require(.manageUsers, request)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let users = try await services.users.all()
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let user = users.first(where: { $0.id == form["userId"] }), !name.isEmpty else {
            let page = UsersPage(users: users, error: AdminTexts.tokenNeedsName)
            return HTMLPage(html: page.render(context.layout), status: .unprocessableContent)
        }
        let token = try await services.tokens.create(userId: user.id, name: name, at: services.now())
        try await services.audit.record(userId: admin.id, action: "createToken", caseId: nil, detail: "\(name) for \(user.username)", at: services.now())
        return HTMLPage(html: UsersPage(users: users, token: (name, token)).render(context.layout))
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.require(.viewAudit, request)
        let entries = try await services.audit.entries(limit: 500, offset: 0)
        let names = Dictionary(try await services.users.all().map { ($0.id, $0.username) }, uniquingKeysWith: { first, _ in first })
        return HTMLPage(html: AuditPage(entries: entries, usernames: names).render(context.layout))
    }
}
