import BoneMetDomain
import Foundation
import Plot

/// The patient list with search.
struct CasesPage {
    let cases: [CaseSummary]
    let search: String
    let canEdit: Bool

    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: UIText.cases(language),
            .div(
                .h1(.text(UIText.cases(language))),
                .div(
                    .class("toolbar"),
                    .form(
                        .action("/cases/search"), .method(.post), csrfField(layout.csrf),
                        .input(.type(.search), .name("q"), .typedValue(search), .placeholder(UIText.search(language))),
                        .button(.type(.submit), .text("🔍"))
                    ),
                    .if(canEdit, .a(.class("button"), .href("/cases/new"), .text(UIText.newCase(language))))
                ),
                cases.isEmpty
                    ? .p(.class("muted"), .text(UIText.noCases(language)))
                    : .table(
                        .class("cases"),
                        .thead(.tr(
                            .th(.text(UIText.patient(language))), .th(.text(UIText.urgent(language))),
                            .th(.text(UIText.warnings(language))), .th(.text(UIText.updated(language))))),
                        .tbody(.forEach(cases) { item in
                            .tr(
                                .td(
                                    .a(.href("/cases/\(item.id)"), .text(item.patientId)),
                                    .if(item.fictional, .span(.class("badge fictional"), .text(UIText.fictional(language))))),
                                .td(.class(item.urgent > 0 ? "count urgent" : "count"), .text(String(item.urgent))),
                                .td(.class(item.warnings > 0 ? "count warning" : "count"), .text(String(item.warnings))),
                                .td(.text(Self.time(item.updatedAt)))
                            )
                        })
                    )
            ))
    }

    static func time(_ seconds: Int64) -> String {
        let day = PartialDate(dayNumber: Int(seconds / 86_400))
        let minutes = Int(seconds % 86_400) / 60
        return "\(day) \(minutes / 60 < 10 ? "0" : "")\(minutes / 60):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60) UTC"
    }
}

/// The case editor (new or existing): the record as JSON, every error beside the path it
/// names, and what was typed kept as it was.
struct CaseEditorPage {
    let caseId: String?
    let text: String
    let version: Int?
    let errors: [InputError]
    let message: LocalizedText?

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let title = caseId == nil ? UIText.newCase(language) : UIText.editRecord(language)
        return layout.render(
            title: title,
            .div(
                .h1(.text(title)),
                .unwrap(message) { .p(.class("alert"), .text($0(language))) },
                .if(!errors.isEmpty, .div(
                    .class("field-errors"), .p(.text(UIText.fixFields(language))),
                    .ul(.forEach(errors) { error in
                        .li(.code(.text(error.field ?? "—")), .text(" " + error.message(language)))
                    })
                )),
                .form(
                    .action(caseId.map { "/cases/\($0)" } ?? "/cases"), .method(.post), csrfField(layout.csrf),
                    .unwrap(version) { .input(.type(.hidden), .name("version"), .value(String($0))) },
                    .label(
                        .text(UIText.caseJSON(language)),
                        .textarea(.name("record"), .rows(28), .attribute(named: "spellcheck", value: "false"), .text(text))),
                    .button(.type(.submit), .text(caseId == nil ? UIText.createCase(language) : UIText.saveCase(language)))
                )
            ))
    }
}
