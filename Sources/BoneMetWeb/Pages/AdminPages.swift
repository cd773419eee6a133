import BoneMetDomain
import Plot

struct UsersPage {
    let users: [User]
    var created: (username: String, password: String)?
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
                .unwrap(token) { token in
                    .p(.class("notice"), .id("api-token"), .text("\(AdminTexts.createdToken(language)) \(token.name): "), .code(.text(token.value)),
                       .text(" — \(AdminTexts.tokenOnce(language))"))
                },
                .unwrap(error) { .p(.class("alert"), .text($0(language))) },
                .table(
                    .thead(.tr(.th(.text(UIText.username(language))), .th(.text(AdminTexts.name(language))), .th(.text(AdminTexts.role(language))))),
                    .tbody(.forEach(users) { user in
                        .tr(.td(.text(user.username)), .td(.text(user.displayName)), .td(.text(user.role.label(language))))
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
                .form(
                    .class("narrow"), .action("/admin/tokens"), .method(.post), csrfField(layout.csrf),
                    .label(.text(UIText.username(language)), select("userId", users.map { ($0.id, "\($0.username) (\($0.role.label(language)))") }, selected: "")),
                    .label(.text(AdminTexts.tokenName(language)), .input(.type(.text), .name("name"), .required(true))),
                    .button(.type(.submit), .text(AdminTexts.createToken(language)))
                )
            ))
    }
}

struct AuditPage {
    let entries: [AuditEntry]
    let usernames: [String: String]

    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: AdminTexts.audit(language),
            .div(
                .h1(.text(AdminTexts.audit(language))),
                .table(
                    .class("audit"),
                    .thead(.tr(.th(.text(UIText.updated(language))), .th(.text(UIText.username(language))), .th(.text(AdminTexts.action(language))), .th(.text("case")), .th(.text(AdminTexts.detail(language))))),
                    .tbody(.forEach(entries) { entry in
                        .tr(
                            .td(.text(CasesPage.time(entry.at))), .td(.text(usernames[entry.userId] ?? entry.userId)), .td(.text(entry.action)),
                            .td(.unwrap(entry.caseId) { .a(.href("/cases/\($0)"), .text(String($0.prefix(8)))) }), .td(.text(entry.detail)))
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
    static let all = [
        users, audit, addUser, name, role, action, detail, createdUser, shownOnce, badUsername, duplicate, apiTokens, tokenName, createToken,
        createdToken, tokenOnce, tokenNeedsName,
    ]
}
