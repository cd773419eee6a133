import BoneMetDomain
import Plot

struct ErrorPage {
    let status: Int
    let message: LocalizedText
    let requestId: String
    /// Not on this case's care team: offer "break the glass" (a reason, audited).
    var breakGlassCase: String?
    /// What was typed into the reason, kept when it is refused.
    var typedReason = ""
    var reasonError: LocalizedText?

    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: UIText.errorTitle(language),
            .div(
                .class("error"),
                .h1(.text(breakGlassCase == nil ? "\(UIText.errorTitle(language)) \(status)" : CareTeamTexts.notOnTeamTitle(language))),
                .p(.text(message(language))),
                .unwrap(breakGlassCase) { caseId in breakGlassForm(caseId, layout: layout) },
                .p(.class("muted"), .text("\(language == .zhHans ? "请求编号" : "request id")\(language == .zhHans ? "：" : ": ")\(requestId)"))
            ))
    }

    func breakGlassForm(_ caseId: String, layout: Layout) -> Node<HTML.BodyContext> {
        let language = layout.language
        return .form(
            .method(.post), .action("/cases/\(HTMLEscape.attribute(caseId))/break-glass"), .class("break-glass"),
            csrfField(layout.csrf),
            .unwrap(reasonError) { error in .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text(error(language))) },
            .label(
                .text(CareTeamTexts.reason(language)),
                .element(named: "textarea", nodes: [
                    .attribute(named: "name", value: "reason"), .attribute(named: "rows", value: "3"), .attribute(named: "required", value: "required"),
                    .attribute(named: "minlength", value: String(CareTeamTexts.minimumReason)), .text(typedReason),
                ])),
            .p(.class("muted"), .text(CareTeamTexts.breakGlassNote(language))),
            .button(.type(.submit), .class("danger"), .text(CareTeamTexts.breakGlass(language)))
        )
    }
}
