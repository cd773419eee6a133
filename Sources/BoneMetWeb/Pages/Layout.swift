import BoneMetDomain
import Plot

/// The frame of every page: header with navigation, language switch and sign-out, the page,
/// and a footer. Plot escapes every text node, so record content cannot inject markup.
struct Layout {
    let language: AppLanguage
    let user: User?
    let csrf: String?
    /// Indented output, for readable page snapshots; pages are served compact.
    var indented = false
    /// The page's path, where the language switch returns.
    var path = "/cases"
    /// The hospital's time zone, for every time shown.
    var clock = HospitalClock.utc

    init(language: AppLanguage, user: User?, csrf: String?, indented: Bool = false, path: String = "/cases", clock: HospitalClock = .utc) {
        self.clock = clock
        self.language = language
        self.user = user
        self.csrf = csrf
        self.indented = indented
        self.path = path
    }

    /// A moment in the hospital's time: `2026-11-30 02:05 UTC+8`.
    func time(_ seconds: Int64) -> String { clock.display(seconds) }

    func render(title: String, _ content: Node<HTML.BodyContext>) -> String {
        let html = HTML(
            .attribute(named: "lang", value: language == .zhHans ? "zh-Hans" : "en"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · \(UIText.appName(language))"),
                .link(.rel(.stylesheet), .href("/static/app.css"))
            ),
            .body(
                .header(
                    .class("top"),
                    .a(.class("brand"), .href("/cases"), .text(UIText.appName(language))),
                    .if(user != nil, .nav(
                        .a(.href("/cases"), .text(UIText.cases(language))),
                        .a(.href("/worklists/impending-fractures"), .text(UIText.worklists(language))),
                        .a(.href("/meetings"), .text(MeetingTexts.meetings(language))),
                        .a(.href("/tasks"), .text(TaskTexts.myTasks(language))),
                        .a(.href("/calculators"), .text(CalculatorTexts.title(language))),
                        .if(user?.may(.manageUsers) == true, .a(.href("/admin/users"), .text(AdminTexts.users(language))))
                    )),
                    .form(
                        .class("lang"), .action("/language"), .method(.post),
                        .input(.type(.hidden), .name("lang"), .value(language == .zhHans ? "en" : "zh")),
                        .input(.type(.hidden), .name("next"), .typedValue(path)),
                        .input(.type(.hidden), .name("_csrf"), .value(csrf ?? "")),
                        .button(.type(.submit), .text(UIText.switchLanguage(language)))
                    ),
                    .unwrap(user) { user in
                        .form(
                            .class("who"), .action("/logout"), .method(.post),
                            .span(.text("\(user.displayName) · \(user.role.label(language))")),
                            .input(.type(.hidden), .name("_csrf"), .value(csrf ?? "")),
                            .button(.type(.submit), .text(UIText.signOut(language)))
                        )
                    }
                ),
                .main(content),
                .footer(.p(.text(UIText.demoNote(language))))
            )
        )
        return indented ? html.render(indentedBy: .spaces(1)) : html.render()
    }
}

/// A hidden CSRF field for forms.
func csrfField(_ token: String?) -> Node<HTML.FormContext> {
    .input(.type(.hidden), .name("_csrf"), .value(token ?? ""))
}
