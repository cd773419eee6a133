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
        router.get("/admin/audit.csv", use: auditCSV)
        router.post("/admin/tokens", use: createToken)
        router.post("/admin/users/:id/status", use: setStatus)
        router.post("/admin/users/:id/role", use: setRole)
        router.post("/admin/users/:id/password", use: resetPassword)
        router.post("/admin/audit", use: auditFiltered)
        router.post("/admin/tokens/:id/revoke", use: revokeToken)
    }

    /// The users page with every user's API tokens (names and dates, never values).
    func page(_ page: UsersPage, admin: User) async throws -> UsersPage {
        var page = page
        page.selfId = admin.id
        var rows: [TokenRow] = []
        for user in page.users {
            rows += try await services.tokens.list(userId: user.id).map {
                TokenRow(id: $0.id, name: $0.name, username: user.username, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, expiresAt: $0.expiresAt)
            }
        }
        page.tokens = rows
        return page
    }

    /// An action on one user: the administrator, the submitted form (CSRF checked) and the user
    /// the route names (404 when there is none).
    func userAction(_ request: Request, _ context: AppRequestContext) async throws -> (admin: User, form: FormData, user: User) {
        let admin = try context.require(.manageUsers, request)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        guard let user = try await services.users.user(id: try context.parameters.require("id")) else { throw AppError.notFound }
        return (admin, form, user)
    }

    /// Disables a user (their sessions end at once; their tokens stop working) or enables them
    /// again. An administrator cannot disable themselves (there must be someone left to undo it).
    @Sendable func setStatus(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (admin, form, user) = try await userAction(request, context)
        guard let disabled = ["1": true, "0": false][form["disabled"] ?? ""] else {
            throw AppError(.unprocessableContent, LocalizedText(en: "disabled must be 1 or 0.", zh: "状态参数无效（只能为 1 或 0）。"))
        }
        if disabled && user.id == admin.id {
            let users = try await services.users.all()
            let html = try await page(UsersPage(users: users, error: AdminTexts.notYourself), admin: admin).render(context.layout)
            return try HTMLPage(html: html, status: .unprocessableContent).response(from: request, context: context)
        }
        try await services.users.setDisabled(userId: user.id, disabled: disabled)
        if disabled { try await services.sessions.deleteAll(userId: user.id) }
        try await services.audit.record(userId: admin.id, action: disabled ? "disableUser" : "enableUser", caseId: nil, detail: user.username, at: services.now(), client: context.clientAddress)
        return .seeOther("/admin/users")
    }

    /// Changes a user's role (audited with the old and new role). Not one's own: an
    /// administrator must not lock the last administrator out by mistake.
    @Sendable func setRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (admin, form, user) = try await userAction(request, context)
        guard let role = Role(rawValue: form["role"] ?? "") else {
            throw AppError(.unprocessableContent, LocalizedText(
                en: "role: choose one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).",
                zh: "角色无效：请选择 \(Role.allCases.map(\.label.zhHans).joined(separator: "、"))。"))
        }
        if user.id == admin.id {
            let html = try await page(UsersPage(users: try await services.users.all(), error: AdminTexts.notYourRole), admin: admin).render(context.layout)
            return try HTMLPage(html: html, status: .unprocessableContent).response(from: request, context: context)
        }
        guard role != user.role else { return .seeOther("/admin/users") }
        try await services.users.setRole(userId: user.id, role: role)
        try await services.audit.record(
            userId: admin.id, action: "changeRole", caseId: nil, detail: "\(user.username): \(user.role.rawValue) → \(role.rawValue)", at: services.now(), client: context.clientAddress)
        return .seeOther("/admin/users")
    }

    /// A new one-time password for a user who forgot theirs: shown once, to be changed at the
    /// next sign-in; their open sessions end. Audited (never the password).
    @Sendable func resetPassword(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let (admin, _, user) = try await userAction(request, context)
        let password = RandomToken.password()
        try await services.users.setPassword(
            userId: user.id, passwordHash: try await services.passwords.hash(password, cost: services.bcryptCost), mustChangePassword: true)
        try await services.sessions.deleteAll(userId: user.id)
        try await services.audit.record(userId: admin.id, action: "resetPassword", caseId: nil, detail: user.username, at: services.now(), client: context.clientAddress)
        var result = UsersPage(users: try await services.users.all())
        result.reset = (user.username, password)
        return HTMLPage(html: try await page(result, admin: admin).render(context.layout))
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.require(.manageUsers, request)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let id = try context.parameters.require("id")
        let users = try await services.users.all()
        let known = try await page(UsersPage(users: users), admin: admin).tokens.first { $0.id == id }
        guard let known else { throw AppError.notFound }
        try await services.tokens.revoke(id: id)
        try await services.audit.record(userId: admin.id, action: "revokeToken", caseId: nil, detail: "\(known.name) (\(known.username))", at: services.now(), client: context.clientAddress)
        return .seeOther("/admin/users")
    }


    @Sendable func users(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let admin = try context.require(.manageUsers, request)
        return HTMLPage(html: try await page(UsersPage(users: try await services.users.all()), admin: admin).render(context.layout))
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
            let html = try await self.page(UsersPage(users: try await services.users.all(), error: page.error, typed: page.typed), admin: admin).render(context.layout)
            return HTMLPage(html: html, status: .unprocessableContent)
        }
        let password = RandomToken.password()
        do {
            let user = try await services.users.create(
                username: username, displayName: displayName, role: role,
                passwordHash: try await services.passwords.hash(password, cost: services.bcryptCost), mustChangePassword: true, at: services.now())
            try await services.audit.record(userId: admin.id, action: "createUser", caseId: nil, detail: "\(user.username) as \(role.rawValue)", at: services.now(), client: context.clientAddress)
            page = try await self.page(UsersPage(users: try await services.users.all(), created: (user.username, password)), admin: admin)
            return HTMLPage(html: page.render(context.layout))
        } catch StorageError.duplicate {
            let html = try await self.page(UsersPage(users: try await services.users.all(), error: AdminTexts.duplicate, typed: page.typed), admin: admin)
                .render(context.layout)
            return HTMLPage(html: html, status: .conflict)
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
            let page = try await page(UsersPage(users: users, error: AdminTexts.tokenNeedsName), admin: admin)
            return HTMLPage(html: page.render(context.layout), status: .unprocessableContent)
        }
        let days = Int64(form["days"] ?? "").flatMap { AdminTexts.validityChoices.contains($0) ? $0 : nil } ?? 90
        let token = try await services.tokens.create(userId: user.id, name: name, at: services.now(), expiresAt: services.now() + days * 86_400)
        try await services.audit.record(userId: admin.id, action: "createToken", caseId: nil, detail: "\(name) for \(user.username)", at: services.now(), client: context.clientAddress)
        return HTMLPage(html: try await page(UsersPage(users: users, token: (name, token)), admin: admin).render(context.layout))
    }

    /// The whole audit log as CSV for the privacy officer (RFC 4180; cells that a spreadsheet
    /// would run as a formula are prefixed with an apostrophe). The export is itself audited.
    @Sendable func auditCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.require(.viewAudit, request)
        let names = Dictionary(try await services.users.all().map { ($0.id, $0.username) }, uniquingKeysWith: { first, _ in first })
        var lines = ["time,user,action,case,patient,detail,client"]
        var offset = 0
        while true {
            let page = try await services.audit.entries(limit: 1000, offset: offset)
            for entry in page {
                lines.append([
                    services.clock.display(entry.at), names[entry.userId] ?? entry.userId, entry.action, entry.caseId ?? "", entry.patientId ?? "",
                    entry.detail, entry.client ?? "",
                ]
                    .map(AuditCSV.cell).joined(separator: ","))
            }
            if page.count < 1000 { break }
            offset += page.count
        }
        try await services.audit.record(userId: admin.id, action: "export", caseId: nil, detail: "audit log CSV", at: services.now(), client: context.clientAddress)
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = #"attachment; filename="bonemet-audit.csv""#
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: lines.joined(separator: "\r\n") + "\r\n")))
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.require(.viewAudit, request)
        let entries = try await services.audit.entries(limit: 500, offset: 0)
        let users = try await services.users.all()
        return HTMLPage(html: AuditPage(entries: entries, users: users).render(context.layout))
    }

    /// The audit log narrowed by user, patient and dates (days in the hospital's zone). A POST:
    /// a patient id typed here must not end up in a URL.
    @Sendable func auditFiltered(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.require(.viewAudit, request)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let users = try await services.users.all()
        var filter = AuditFilter()
        var typed: [String: String] = [:]
        var problems: [String] = []
        let language = context.layout.language
        if let user = form["user"], !user.isEmpty {
            typed["user"] = user
            filter.userId = users.first { $0.id == user }?.id ?? user
        }
        var noCase = false
        if let patient = form["patient"]?.trimmingCharacters(in: .whitespaces), !patient.isEmpty {
            typed["patient"] = patient
            let matches = try await services.cases.list(search: patient, limit: 50, offset: 0).filter { $0.patientId == patient }
            if let match = matches.first { filter.caseId = match.id } else { noCase = true }
        }
        for (key, isEnd) in [("from", false), ("to", true)] {
            guard let text = form[key], !text.isEmpty else { continue }
            typed[key] = text
            guard let day = PartialDate(text), day.isComplete else {
                problems.append("\(AdminTexts.dateField(key)(language)): \(AdminTexts.badDate(language))")
                continue
            }
            // The hospital's day: from its local midnight to the next.
            let bound = services.clock.start(of: isEnd ? day.adding(days: 1) : day)
            if isEnd { filter.to = bound } else { filter.from = bound }
        }
        let entries = noCase || !problems.isEmpty ? [] : try await services.audit.entries(filter, limit: 500, offset: 0)
        var page = AuditPage(entries: entries, users: users, typed: typed, problems: problems)
        page.noSuchPatient = noCase
        return HTMLPage(html: page.render(context.layout), status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
