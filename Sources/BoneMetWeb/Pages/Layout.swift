import BoneMetDomain
import Foundation
import Plot

/// The frame of every page: header with navigation, language switch and sign-out, the page,
/// and a footer. Plot escapes every text node, so record content cannot inject markup.
struct Layout {
    let language: AppLanguage
    let user: User?
    var csrf: String?
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
        if indented { return document(title: title, content).render(indentedBy: .spaces(1)) }
        return render(title: title, html: content.render())
    }

    /// The page around `html`, the page's own markup, compact. The frame is the same for every
    /// page of a viewer, path and title, so it is rendered once (`Chrome`) and the page is
    /// joined into it: Plot would copy a large page once per enclosing element (issue #12).
    func render(title: String, html: String) -> String {
        // Without a token Plot leaves the value attribute out: that frame is kept on its own.
        let token = csrf.flatMap { $0.isEmpty ? nil : $0 }
        let key = "\(language)|\(path)|\(token != nil)|\(title)|" + (user.map { "\($0.id)|\($0.role)|\($0.may(.manageUsers))|\($0.displayName)" } ?? "-")
        let frame = Chrome.shared.frame(key) {
            var marked = self
            marked.csrf = token.map { _ in Chrome.csrfMarker }
            return marked.document(title: title, .raw(Chrome.contentMarker)).render()
        }
        return frame.join(csrf: csrf ?? "", content: html)
    }

    private func document(title: String, _ content: Node<HTML.BodyContext>) -> HTML {
        HTML(
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
    }
}

/// Rendered page frames, split where the CSRF token and the page go (a frame is a couple of
/// kilobytes; the oldest is dropped past the limit). The markers are random per process, so no
/// text of a page can match them.
final class Chrome: Sendable {
    static let shared = Chrome(limit: 2048)
    static var csrfMarker: String { CSRFMarker.text }
    static let contentMarker = "page-" + UUID().uuidString

    /// A frame: the text before and after the page, each split at the CSRF marker.
    struct Frame: Sendable {
        let before: [String]
        let after: [String]

        func join(csrf: String, content: String) -> String {
            before.joined(separator: csrf) + content + after.joined(separator: csrf)
        }
    }

    private let cache: BoundedRenderCache<Frame>

    init(limit: Int) {
        cache = BoundedRenderCache(maxEntries: limit, maxBytes: 64 << 20)
    }

    func frame(_ key: String, make: () -> String) -> Frame {
        cache.value(key) {
            let made = make()
            let halves = made.split(separator: Self.contentMarker, maxSplits: 1, omittingEmptySubsequences: false)
            let frame = Frame(before: CSRFMarker.split(halves[0]), after: halves.count > 1 ? CSRFMarker.split(halves[1]) : [])
            return (frame, made.utf8.count)
        }
    }
}

/// A hidden CSRF field for forms.
func csrfField(_ token: String?) -> Node<HTML.FormContext> {
    .input(.type(.hidden), .name("_csrf"), .value(token ?? ""))
}
