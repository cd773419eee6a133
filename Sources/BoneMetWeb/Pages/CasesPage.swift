import BoneMetDomain
import Foundation
import Plot

/// The patient list with search.
struct CasesPage {
    let cases: [CaseSummary]
    let search: String
    let canEdit: Bool
    var page = 1
    var hasNext = false

    static let texts = (
        searchLabel: LocalizedText(en: "Find a patient", zh: "查找患者"),
        noMatch: LocalizedText(en: "No patient id contains", zh: "没有患者编号包含"),
        order: LocalizedText(en: "Most urgent first.", zh: "按紧急程度排序。")
    )

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
                        .label(
                            .class("search"), .text(Self.texts.searchLabel(language) + " "),
                            .input(.type(.search), .name("q"), .typedValue(search), .placeholder(UIText.search(language)))),
                        .button(.type(.submit), .text(Self.texts.searchLabel(language)))
                    ),
                    .if(canEdit, .a(.class("button"), .href("/cases/new"), .text(UIText.newCase(language))))
                ),
                cases.isEmpty
                    ? .p(.class("muted"), .text(search.isEmpty
                        ? UIText.noCases(language)
                        : language == .zhHans
                            ? "\(Self.texts.noMatch(language))“\(HTMLEscape.attribute(search))”。"
                            : "\(Self.texts.noMatch(language)) “\(HTMLEscape.attribute(search))”."))
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
                                .td(.text(layout.time(item.updatedAt)))
                            )
                        })
                    ),
                .if(!cases.isEmpty && search.isEmpty, .p(.class("muted"), .text(Self.texts.order(language)))),
                .p(
                    .class("pager"),
                    .if(page > 1, .a(.href("/cases?page=\(page - 1)"), .text(UIText.previous(language)))),
                    .if(hasNext, .a(.href("/cases?page=\(page + 1)"), .text(UIText.next(language))))
                )
            ))
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
    /// The case this patient already has (creating a second one was refused).
    var existingCase: String?

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let title = caseId == nil ? UIText.newCase(language) : UIText.editRecord(language)
        return layout.render(
            title: title,
            .div(
                .h1(.text(title)),
                .unwrap(message) { .p(.class("alert"), .text($0(language))) },
                .unwrap(existingCase) { .p(.a(.class("button"), .href("/cases/\($0)"), .text(UIText.openExistingCase(language)))) },
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
