import BoneMetDomain
import Plot

/// An API token as the administrator sees it (never its value).
struct TokenRow: Sendable {
    let id: String
    let name: String
    let username: String
    let createdAt: Int64
    let lastUsedAt: Int64?
    let expiresAt: Int64?
}

struct UsersPage {
    let users: [User]
    var tokens: [TokenRow] = []
    /// The administrator looking (who cannot disable themselves).
    var selfId: String?
    var created: (username: String, password: String)?
    /// A password just reset: shown once.
    var reset: (username: String, password: String)?
    var token: (name: String, value: String)?
    var error: LocalizedText?
    var typed: (username: String, displayName: String, role: String) = ("", "", Role.orthopaedics.rawValue)

    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: AdminTexts.users(language),
            .div(
                .h1(.text(AdminTexts.users(language))),
                .p(.a(.href("/admin/audit"), .text(AdminTexts.audit(language)))),
                .unwrap(created) { created in
                    .p(.class("notice"), .id("one-time-password"),
                       .text("\(AdminTexts.createdUser(language)) \(created.username): "), .code(.text(created.password)),
                       .text(" — \(AdminTexts.shownOnce(language))"))
                },
                .unwrap(reset) { reset in
                    .p(.class("notice"), .id("one-time-password"),
                       .text("\(AdminTexts.resetDone(language)) \(reset.username): "), .code(.text(reset.password)),
                       .text(" — \(AdminTexts.shownOnce(language))"))
                },
                .unwrap(token) { token in
                    .p(.class("notice"), .id("api-token"), .text("\(AdminTexts.createdToken(language)) \(token.name): "), .code(.text(token.value)),
                       .text(" — \(AdminTexts.tokenOnce(language))"))
                },
                .unwrap(error) { .p(.class("alert"), .text($0(language))) },
                .table(
                    .thead(.tr(
                        .th(.text(UIText.username(language))), .th(.text(AdminTexts.name(language))), .th(.text(AdminTexts.role(language))),
                        .th(.text(AdminTexts.status(language))), .th())),
                    .tbody(.forEach(users) { user in
                        .tr(
                            .td(.text(user.username)), .td(.text(user.displayName)), .td(.text(user.role.label(language))),
                            .td(.text((user.disabled ? AdminTexts.disabled : AdminTexts.active)(language))),
                            .td(.if(user.id != selfId, userActions(user, layout))))
                    })
                ),
                .h2(.text(AdminTexts.addUser(language))),
                .form(
                    .class("narrow"), .action("/admin/users"), .method(.post), csrfField(layout.csrf),
                    .label(.text(UIText.username(language)), .input(.type(.text), .name("username"), .typedValue(typed.username), .required(true))),
                    .label(.text(AdminTexts.name(language)), .input(.type(.text), .name("displayName"), .typedValue(typed.displayName), .required(true))),
                    .label(.text(AdminTexts.role(language)), select("role", Role.allCases.map { ($0.rawValue, $0.label(language)) }, selected: typed.role)),
                    .button(.type(.submit), .text(AdminTexts.addUser(language)))
                ),
                .h2(.text(AdminTexts.apiTokens(language))),
                .if(!tokens.isEmpty,
                    .table(
                        .thead(.tr(
                            .th(.text(AdminTexts.tokenPurpose(language))), .th(.text(UIText.username(language))),
                            .th(.text(AdminTexts.created(language))), .th(.text(AdminTexts.lastUsed(language))),
                            .th(.text(AdminTexts.expires(language))), .th())),
                        .tbody(.forEach(tokens) { token in
                            .tr(
                                .td(.text(token.name)), .td(.text(token.username)), .td(.text(layout.time(token.createdAt))),
                                .td(.text(token.lastUsedAt.map(layout.time) ?? AdminTexts.never(language))),
                                .td(.text(token.expiresAt.map(layout.time) ?? "—")),
                                .td(.form(
                                    .class("inline"), .action("/admin/tokens/\(token.id)/revoke"), .method(.post), csrfField(layout.csrf),
                                    .button(.type(.submit), .text(AdminTexts.revoke(language))))))
                        }))),
                .form(
                    .class("narrow"), .action("/admin/tokens"), .method(.post), csrfField(layout.csrf),
                    .label(.text(UIText.username(language)), select("userId", users.map { ($0.id, "\($0.username) (\($0.role.label(language)))") }, selected: "")),
                    .label(.text(AdminTexts.tokenName(language)), .input(.type(.text), .name("name"), .required(true))),
                    .label(.text(AdminTexts.validFor(language)), select("days", AdminTexts.validityChoices.map { ("\($0)", AdminTexts.days($0)(language)) }, selected: "90")),
                    .button(.type(.submit), .text(AdminTexts.createToken(language)))
                )
            ))
    }
}

/// The audit log (issue #10): who did what to which patient and when, in the reader's
/// language, narrowed by user, patient and dates.
extension UsersPage {
    /// Disable/enable, change role, reset password — for anyone but oneself.
    func userActions(_ user: User, _ layout: Layout) -> Node<HTML.BodyContext> {
        let language = layout.language
        return .group(
            .form(
                .class("inline"), .action("/admin/users/\(user.id)/status"), .method(.post), csrfField(layout.csrf),
                .input(.type(.hidden), .name("disabled"), .value(user.disabled ? "0" : "1")),
                .button(.type(.submit), .text((user.disabled ? AdminTexts.enable : AdminTexts.disable)(language)))),
            .form(
                .class("inline"), .action("/admin/users/\(user.id)/role"), .method(.post), csrfField(layout.csrf),
                .label(.text(AdminTexts.role(language) + " "), select("role", Role.allCases.map { ($0.rawValue, $0.label(language)) }, selected: user.role.rawValue)),
                .button(.type(.submit), .text(AdminTexts.changeRole(language)))),
            .form(
                .class("inline"), .action("/admin/users/\(user.id)/password"), .method(.post), csrfField(layout.csrf),
                .button(.type(.submit), .text(AdminTexts.resetPassword(language))))
        )
    }
}

struct AuditPage {
    let entries: [AuditEntry]
    let users: [User]
    var typed: [String: String] = [:]
    var problems: [String] = []
    var noSuchPatient = false

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let usernames = Dictionary(users.map { ($0.id, $0.username) }, uniquingKeysWith: { first, _ in first })
        let userChoices = [("", AdminTexts.anyUser(language))] + users.map { ($0.id, "\($0.displayName) (\($0.username))") }
        return layout.render(
            title: AdminTexts.audit(language),
            .div(
                .h1(.text(AdminTexts.audit(language))),
                .p(.a(.href("/admin/audit.csv"), .text(AdminTexts.downloadCSV(language)))),
                .form(
                    .class("filters"), .action("/admin/audit"), .method(.post), csrfField(layout.csrf),
                    .label(.text(UIText.username(language) + " "), select("user", userChoices, selected: typed["user"] ?? "")),
                    .label(.text(UIText.patient(language) + " "), .input(.type(.text), .name("patient"), .typedValue(typed["patient"] ?? ""))),
                    .label(.text(AdminTexts.dateField("from")(language) + " "), .input(.type(.date), .name("from"), .typedValue(typed["from"] ?? ""))),
                    .label(.text(AdminTexts.dateField("to")(language) + " "), .input(.type(.date), .name("to"), .typedValue(typed["to"] ?? ""))),
                    .button(.type(.submit), .text(CasesPage.texts.filter(language)))
                ),
                .if(!problems.isEmpty, .ul(.class("field-errors"), .forEach(problems) { .li(.text($0)) })),
                .if(noSuchPatient, .p(.class("alert"), .text(AdminTexts.noSuchPatient(language)))),
                entries.isEmpty
                    ? .p(.class("muted"), .text(AdminTexts.noEntries(language)))
                    : .table(
                        .class("audit"),
                        .thead(.tr(.th(.text(AdminTexts.when(language))), .th(.text(UIText.username(language))), .th(.text(AdminTexts.action(language))), .th(.text(UIText.patient(language))), .th(.text(AdminTexts.detail(language))), .th(.text(AdminTexts.client(language))))),
                        .tbody(.forEach(entries) { entry in
                            .tr(
                                .td(.text(layout.time(entry.at))), .td(.text(usernames[entry.userId] ?? entry.userId)), .td(.text(AdminTexts.actionLabel(entry.action)(language))),
                                .td(.unwrap(entry.caseId) { caseId in .a(.href("/cases/\(caseId)"), .text(entry.patientId ?? AdminTexts.deletedCase(language))) }),
                                .td(.text(entry.detail)), .td(.text(entry.client ?? "—")))
                        })
                    )
            ))
    }
}

enum AdminTexts {
    static let users = LocalizedText(en: "Users", zh: "用户")
    static let audit = LocalizedText(en: "Audit log", zh: "审计日志")
    static let addUser = LocalizedText(en: "Add user", zh: "添加用户")
    static let name = LocalizedText(en: "Display name", zh: "显示名称")
    static let role = LocalizedText(en: "Role", zh: "角色")
    static let action = LocalizedText(en: "Action", zh: "操作")
    static let detail = LocalizedText(en: "Detail", zh: "详情")
    static let createdUser = LocalizedText(en: "Created user", zh: "已创建用户")
    static let shownOnce = LocalizedText(en: "one-time password, shown only now; it must be changed at first sign-in.", zh: "一次性密码，仅显示这一次；首次登录时必须修改。")
    static let badUsername = LocalizedText(en: "User names are 3–32 letters, digits, dots, dashes or underscores.", zh: "用户名为 3–32 个字母、数字、点、短横线或下划线。")
    static let duplicate = LocalizedText(en: "This user name is taken.", zh: "该用户名已被使用。")
    static let apiTokens = LocalizedText(en: "API tokens for machine clients", zh: "机器客户端 API 令牌")
    static let tokenName = LocalizedText(en: "What the token is for (e.g. PACS integration)", zh: "令牌用途（例如 PACS 集成）")
    static let createToken = LocalizedText(en: "Create token", zh: "创建令牌")
    static let createdToken = LocalizedText(en: "Token", zh: "令牌")
    static let tokenOnce = LocalizedText(en: "shown only now; send it as Authorization: Bearer … to /api/v1.", zh: "仅显示这一次；请以 Authorization: Bearer … 发送至 /api/v1。")
    static let tokenNeedsName = LocalizedText(en: "Choose a user and say what the token is for.", zh: "请选择用户并说明令牌用途。")
    static let status = LocalizedText(en: "Status", zh: "状态")
    static let active = LocalizedText(en: "Active", zh: "启用")
    static let disabled = LocalizedText(en: "Disabled", zh: "已停用")
    static let disable = LocalizedText(en: "Disable and sign out", zh: "停用并退出登录")
    static let enable = LocalizedText(en: "Enable", zh: "重新启用")
    static let tokenPurpose = LocalizedText(en: "Purpose", zh: "用途")
    static let created = LocalizedText(en: "Created", zh: "创建时间")
    static let lastUsed = LocalizedText(en: "Last used", zh: "最近使用")
    static let never = LocalizedText(en: "never", zh: "从未")
    static let expires = LocalizedText(en: "Expires", zh: "到期")
    static let downloadCSV = LocalizedText(en: "Download the whole log (CSV)", zh: "下载完整日志（CSV）")
    static let validFor = LocalizedText(en: "Valid for", zh: "有效期")
    /// Token lifetimes offered (ASVS 3.5: tokens expire); 90 days is preselected.
    static let validityChoices: [Int64] = [30, 90, 365]
    static func days(_ count: Int64) -> LocalizedText { LocalizedText(en: "\(count) days", zh: "\(count) 天") }
    static let revoke = LocalizedText(en: "Revoke", zh: "吊销")
    static let caseColumn = LocalizedText(en: "Case", zh: "病例")
    static let notYourself = LocalizedText(en: "You cannot disable your own account.", zh: "不能停用您自己的账号。")
    static let notYourRole = LocalizedText(en: "You cannot change your own role.", zh: "不能修改您自己的角色。")
    static let changeRole = LocalizedText(en: "Change role", zh: "修改角色")
    static let resetPassword = LocalizedText(en: "Reset password", zh: "重置密码")
    static let resetDone = LocalizedText(en: "New one-time password for", zh: "新的一次性密码，用户")
    static let client = LocalizedText(en: "From (address)", zh: "来源地址")
    static let anyUser = LocalizedText(en: "any user", zh: "全部用户")
    static let when = LocalizedText(en: "When", zh: "时间")
    static let noEntries = LocalizedText(en: "No entry matches.", zh: "没有匹配的记录。")
    static let noSuchPatient = LocalizedText(en: "No case has this patient id.", zh: "没有该患者编号的病例。")
    static let deletedCase = LocalizedText(en: "(case deleted)", zh: "（病例已删除）")
    static let badDate = LocalizedText(en: "write a date as YYYY-MM-DD", zh: "请按 YYYY-MM-DD 填写日期")
    static func dateField(_ key: String) -> LocalizedText { key == "from" ? LocalizedText(en: "From", zh: "起始日期") : LocalizedText(en: "To", zh: "截止日期") }

    /// What each audit action code means, in the reader's language (codes are never shown).
    static let actions: [String: LocalizedText] = [
        "login": LocalizedText(en: "signed in", zh: "登录"),
        "password": LocalizedText(en: "changed password", zh: "修改密码"),
        "view": LocalizedText(en: "viewed case", zh: "查看病例"),
        "create": LocalizedText(en: "created case", zh: "创建病例"),
        "update": LocalizedText(en: "changed case", zh: "修改病例"),
        "decision": LocalizedText(en: "recorded MDT decision", zh: "记录 MDT 决定"),
        "decision.edit": LocalizedText(en: "changed MDT decision", zh: "修改 MDT 决定"),
        "decision.withdraw": LocalizedText(en: "withdrew MDT decision", zh: "撤回 MDT 决定"),
        "task.done": LocalizedText(en: "marked a follow-up task done", zh: "标记后续任务完成"),
        "task.reopen": LocalizedText(en: "reopened a follow-up task", zh: "重新打开后续任务"),
        "agenda": LocalizedText(en: "changed meeting agenda", zh: "修改会议议程"),
        "export": LocalizedText(en: "exported", zh: "导出"),
        "import": LocalizedText(en: "imported from EHR", zh: "从电子病历导入"),
        "cds": LocalizedText(en: "CDS Hooks request", zh: "CDS Hooks 请求"),
        "createUser": LocalizedText(en: "created user", zh: "创建用户"),
        "createToken": LocalizedText(en: "created API token", zh: "创建 API 令牌"),
        "revokeToken": LocalizedText(en: "revoked API token", zh: "吊销 API 令牌"),
        "disableUser": LocalizedText(en: "disabled user", zh: "停用用户"),
        "enableUser": LocalizedText(en: "enabled user", zh: "重新启用用户"),
        "changeRole": LocalizedText(en: "changed a user's role", zh: "修改用户角色"),
        "login.failed": LocalizedText(en: "failed sign-in", zh: "登录失败"),
        "login.throttled": LocalizedText(en: "sign-in refused (too many attempts)", zh: "登录被拒绝（尝试过多）"),
        "logout": LocalizedText(en: "signed out", zh: "退出登录"),
        "forbidden": LocalizedText(en: "request refused (no permission)", zh: "请求被拒绝（无权限）"),
        "break-glass": LocalizedText(en: "opened a record by emergency access (break the glass)", zh: "紧急访问打开病历（破窗）"),
        "team.add": LocalizedText(en: "added a colleague to a care team", zh: "将同事加入诊疗团队"),
        "team.remove": LocalizedText(en: "removed a colleague from a care team", zh: "将同事移出诊疗团队"),
        "list": LocalizedText(en: "viewed a list of patients", zh: "查看患者列表"),
        "search": LocalizedText(en: "searched patients", zh: "搜索患者"),
        "worklist": LocalizedText(en: "viewed a worklist", zh: "查看工作清单"),
        "resetPassword": LocalizedText(en: "reset a user's password", zh: "重置用户密码"),
    ]

    static func actionLabel(_ code: String) -> LocalizedText {
        actions[code] ?? LocalizedText(en: code, zh: code)
    }

    static let all = [
        users, audit, addUser, name, role, action, detail, createdUser, shownOnce, badUsername, duplicate, apiTokens, tokenName, createToken,
        createdToken, tokenOnce, tokenNeedsName, status, active, disabled, disable, enable, tokenPurpose, created, lastUsed, never, revoke,
        caseColumn, notYourself, expires, validFor, downloadCSV, notYourRole, changeRole, resetPassword, resetDone, anyUser, when, noEntries,
        noSuchPatient, deletedCase, badDate, client, dateField("from"), dateField("to"),
    ] + validityChoices.map(days) + actions.keys.sorted().compactMap { actions[$0] }
}
