import BoneMetDomain
import Foundation
import Plot

/// The patient list (issue #10): patient, primary, age and sex, urgency, next MDT meeting,
/// owner; most urgent first; pages of 50 (no patient hidden); filters by primary, urgency,
/// owner and agenda; search by patient id (a POST, so ids stay out of URLs). On a phone each
/// row is a card.
struct CasesPage {
    let cases: [CaseSummary]
    let search: String
    let canEdit: Bool
    var page = 1
    var hasNext = false
    var filter = CaseListFilter()
    var mine = false
    /// User id → display name.
    var owners: [String: String] = [:]
    var today = PartialDate(dayNumber: 0)

    static let texts = (
        searchLabel: LocalizedText(en: "Find a patient", zh: "查找患者"),
        noMatch: LocalizedText(en: "No patient id contains", zh: "没有患者编号包含"),
        order: LocalizedText(en: "Most urgent first.", zh: "按紧急程度排序。"),
        primary: LocalizedText(en: "Primary", zh: "原发灶"),
        ageSex: LocalizedText(en: "Age, sex", zh: "年龄、性别"),
        urgency: LocalizedText(en: "Urgency", zh: "紧急程度"),
        nextMeeting: LocalizedText(en: "Next MDT", zh: "下次 MDT"),
        owner: LocalizedText(en: "Owner", zh: "负责人"),
        anyPrimary: LocalizedText(en: "any primary", zh: "全部原发灶"),
        anyUrgency: LocalizedText(en: "any urgency", zh: "全部"),
        urgentOnly: LocalizedText(en: "urgent", zh: "紧急"),
        urgentOrWarning: LocalizedText(en: "urgent or warning", zh: "紧急或警示"),
        mine: LocalizedText(en: "my patients", zh: "我的患者"),
        onAgenda: LocalizedText(en: "on an MDT agenda", zh: "已列入 MDT 议程"),
        filter: LocalizedText(en: "Filter", zh: "筛选"),
        noFilterMatch: LocalizedText(en: "No patient matches these filters.", zh: "没有符合筛选条件的患者。"),
        years: LocalizedText(en: "y", zh: "岁"),
        nothing: LocalizedText(en: "nothing urgent", zh: "无紧急事项")
    )

    var filtered: Bool { filter.primary != nil || filter.urgency != nil || mine || filter.onAgenda }

    /// The query string of the current filters (for the pager).
    var filterQuery: String {
        var parts: [String] = []
        if let primary = filter.primary { parts.append("primary=\(primary.rawValue)") }
        if let urgency = filter.urgency { parts.append("urgency=\(urgency.rawValue)") }
        if mine { parts.append("mine=1") }
        if filter.onAgenda { parts.append("agenda=1") }
        return parts.map { "&" + $0 }.joined()
    }

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let t = Self.texts
        let sites = [("", t.anyPrimary(language))] + PrimarySite.allCases.map { ($0.rawValue, $0.label(language)) }
        let urgencies = [("", t.anyUrgency(language)), ("urgent", t.urgentOnly(language)), ("urgentOrWarning", t.urgentOrWarning(language))]
        return layout.render(
            title: UIText.cases(language),
            .div(
                .h1(.text(UIText.cases(language))),
                .div(
                    .class("toolbar"),
                    .form(
                        .action("/cases/search"), .method(.post), csrfField(layout.csrf),
                        .label(
                            .class("search"), .text(t.searchLabel(language) + " "),
                            .input(.type(.search), .name("q"), .typedValue(search), .placeholder(UIText.search(language)))),
                        .button(.type(.submit), .text(t.searchLabel(language)))
                    ),
                    .if(canEdit, .a(.class("button"), .href("/cases/new"), .text(UIText.newCase(language))))
                ),
                .form(
                    .class("filters"), .action("/cases"), .method(.get),
                    .label(.text(t.primary(language) + " "), select("primary", sites, selected: filter.primary?.rawValue ?? "")),
                    .label(.text(t.urgency(language) + " "), select("urgency", urgencies, selected: filter.urgency?.rawValue ?? "")),
                    .label(.class("check"), .raw(#"<input type="checkbox" name="mine" value="1"\#(mine ? " checked" : "")>"#), .text(" " + t.mine(language))),
                    .label(.class("check"), .raw(#"<input type="checkbox" name="agenda" value="1"\#(filter.onAgenda ? " checked" : "")>"#), .text(" " + t.onAgenda(language))),
                    .button(.type(.submit), .text(t.filter(language)))
                ),
                listNode(layout),
                .if(!cases.isEmpty && search.isEmpty, .p(.class("muted"), .text(t.order(language)))),
                .p(
                    .class("pager"),
                    // Pages continue after the last row shown (keyset): each costs one page of reading.
                    .if(page > 1, .a(.href("/cases?\(filterQuery.dropFirst())"), .text(UIText.firstPage(language)))),
                    .unwrap(hasNext ? cases.last?.cursor : nil) { cursor in
                        .a(.href("/cases?page=\(page + 1)&after=\(WorklistPage.encode(cursor))\(filterQuery)"), .text(UIText.next(language)))
                    }
                )
            ))
    }

    func listNode(_ layout: Layout) -> Node<HTML.BodyContext> {
        let language = layout.language
        let t = Self.texts
        if cases.isEmpty {
            let text = !search.isEmpty
                ? (language == .zhHans ? "\(t.noMatch(language))“\(search)”。" : "\(t.noMatch(language)) “\(search)”.")
                : filtered ? t.noFilterMatch(language) : UIText.noCases(language)
            // Escaped in full (quotes too): the search text comes back from the user.
            return .p(.class("muted"), .raw(HTMLEscape.attribute(text)))
        }
        let headings = [UIText.patient, t.primary, t.ageSex, t.urgency, t.nextMeeting, t.owner, UIText.updated]
        let head: Node<HTML.BodyContext> = .element(named: "thead", nodes: [
            .element(named: "tr", nodes: headings.map { .element(named: "th", text: $0(language)) }),
        ])
        return .element(named: "table", nodes: [.class("cases cards"), head, .element(named: "tbody", nodes: cases.map { row($0, layout) })])
    }

    /// One patient; each cell names its column for the phone's card layout (`data-label`).
    func row(_ item: CaseSummary, _ layout: Layout) -> Node<HTML.BodyContext> {
        let language = layout.language
        let t = Self.texts
        let separator = language == .zhHans ? "、" : ", "
        var who: [String] = []
        // A dead patient's age stops at the death (and without its date is not given).
        if let birth = item.birthDate, !item.deceased || item.deathDate != nil {
            who.append("\(birth.wholeYears(to: item.deathDate ?? today)) \(t.years(language))")
        }
        if let sex = item.sex { who.append(sex == .male ? CaseFirstScreen.texts.male(language) : CaseFirstScreen.texts.female(language)) }
        let urgency: String =
            if item.urgent == 0 && item.warnings == 0 { t.nothing(language) } else {
                [item.urgent > 0 ? "\(UIText.urgent(language)) \(item.urgent)" : nil, item.warnings > 0 ? "\(UIText.warnings(language)) \(item.warnings)" : nil]
                    .compactMap { $0 }.joined(separator: " · ")
            }
        func cell(_ label: LocalizedText, _ node: Node<HTML.BodyContext>, _ classes: String = "") -> Node<HTML.BodyContext> {
            .element(named: "td", nodes: [.attribute(named: "data-label", value: HTMLEscape.attribute(label(language))), .class(classes), node])
        }
        return .element(named: "tr", nodes: [
            cell(UIText.patient, .group(
                .a(.href("/cases/\(item.id)"), .text(item.patientId)),
                .if(item.fictional, .span(.class("badge fictional"), .text(UIText.fictional(language)))),
                .if(item.deceased, .span(
                    .class("badge deceased"),
                    .text([CaseFirstScreen.texts.deceased(language), item.deathDate?.description].compactMap { $0 }.joined(separator: " ")))))),
            cell(t.primary, .text(item.primarySites.isEmpty ? CaseFirstScreen.texts.noPrimary(language) : item.primarySites.map { $0.label(language) }.joined(separator: separator))),
            cell(t.ageSex, .text(who.isEmpty ? "—" : who.joined(separator: separator))),
            // What is urgent, not only how much: the most severe finding's title under the counts.
            cell(t.urgency, item.topFinding.map { top in
                .span(.class("urgency"), .span(.class("counts"), .text(urgency)), .span(.class("top-finding"), .text(top(language))))
            } ?? .text(urgency), item.urgent > 0 ? "count urgent" : item.warnings > 0 ? "count warning" : "count"),
            cell(t.nextMeeting, .text(item.nextMeeting ?? "—")),
            cell(t.owner, .text(item.owner.flatMap { owners[$0] } ?? "—")),
            cell(UIText.updated, .text(layout.time(item.updatedAt))),
        ])
    }
}

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
