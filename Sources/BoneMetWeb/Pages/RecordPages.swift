import BoneMetDomain
import Plot

/// The form for one item of a record section (add or edit), generated from the schema.
struct SectionFormPage {
    let caseId: String
    let patientId: String
    let section: RecordSection
    let index: Int?
    let version: Int
    let values: [String: String]
    /// Errors by field key (beside the field), and errors that belong to no field of the form.
    let fieldErrors: [String: String]
    let otherErrors: [String]

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let heading = "\(section.title(language)) — \(index == nil && !section.single ? RecordTexts.add(language) : RecordTexts.edit(language))"
        return layout.render(
            title: heading,
            .div(
                .p(.a(.href("/cases/\(caseId)#record"), .text("← \(UIText.patient(language)) \(patientId)"))),
                .h1(.text(heading)),
                .if(!fieldErrors.isEmpty || !otherErrors.isEmpty, .p(.class("alert"), .text(UIText.fixFields(language)))),
                .if(!otherErrors.isEmpty, .ul(.class("field-errors"), .forEach(otherErrors) { .li(.text($0)) })),
                .form(
                    .class("record-form"), .action("/cases/\(caseId)/edit-section"), .method(.post), csrfField(layout.csrf),
                    .input(.type(.hidden), .name("section"), .value(section.path)),
                    .unwrap(index) { .input(.type(.hidden), .name("index"), .value(String($0))) },
                    .input(.type(.hidden), .name("version"), .value(String(version))),
                    .forEach(section.fields) { field in fieldNode(field.key, field.kind, field.required, language) },
                    .button(.type(.submit), .text(UIText.save(language)))
                )
            ))
    }

    func fieldNode(_ key: String, _ kind: CaseSchema.Kind, _ required: Bool, _ language: AppLanguage) -> Node<HTML.FormContext> {
        let value = values[key] ?? ""
        let error = fieldErrors[key]
        let input: Node<HTML.LabelContext>
        switch kind {
        case .values(let options):
            let labelled = options.map { ($0, CaseFieldLabels.value($0, key: key, in: section.definition).map { $0(language) } ?? $0) }
            input = select(key, [("", RecordTexts.notRecorded(language))] + labelled, selected: value)
        case .boolean:
            input = select(key, [("", RecordTexts.notRecorded(language)), ("true", CalculatorTexts.yes(language)), ("false", CalculatorTexts.no(language))], selected: value)
        default:
            input = .input(.type(.text), .name(key), .typedValue(value), .typedPlaceholder(Self.hint(kind, language)))
        }
        return .label(
            .class(error == nil ? "field" : "field bad"), .text(CaseFieldLabels.key(key, in: section.definition)(language) + (required ? " *" : "")), input,
            .unwrap(error) { .span(.class("field-error"), .text($0)) })
    }

    static func hint(_ kind: CaseSchema.Kind, _ language: AppLanguage) -> String {
        switch kind {
        case .date: language == .zhHans ? "年、年-月或年-月-日（YYYY-MM-DD）" : "YYYY, YYYY-MM or YYYY-MM-DD"
        case .level: "C1–C7, T1–T12, L1–L5, S1–S5"
        case .number(let min, let max): "\(InputError.format(min))–\(InputError.format(max))"
        case .integer(let min, let max): "\(min)–\(max)"
        case .array(let element): (language == .zhHans ? "以逗号分隔：" : "comma-separated ") + hint(element, language)
        case .values(let values): values.joined(separator: ", ")
        default: ""
        }
    }
}

/// The record, section by section, with add / edit / delete — on the case page.
struct RecordOverview {
    let caseId: String
    let record: JSONValue
    let version: Int
    let canEdit: Bool
    let csrf: String?

    func node(_ language: AppLanguage) -> Node<HTML.BodyContext> {
        .section(
            .id("record"), .class("record"),
            .h2(.text(RecordTexts.record(language))),
            .forEach(RecordSection.all) { section in sectionNode(section, language) }
        )
    }

    func sectionNode(_ section: RecordSection, _ language: AppLanguage) -> Node<HTML.BodyContext> {
        let value = RecordJSON.get(record, section.components)
        let items: [(Int?, JSONObject)]
        if section.single {
            items = value.flatMap { if case .object(let object) = $0 { [(nil, object)] } else { nil } } ?? []
        } else if case .array(let list)? = value {
            items = list.enumerated().compactMap { index, item in if case .object(let object) = item { (index, object) } else { nil } }
        } else {
            items = []
        }
        return .div(
            .class("record-section"),
            .h3(.text(section.title(language)),
                .if(canEdit && !section.single, .a(.class("small-button"), .href("/cases/\(caseId)/edit-section?section=\(section.path)"), .text("+ " + RecordTexts.add(language))))),
            .ul(.forEach(items) { index, object in
                // A single section recorded empty (plans: none from an EHR) says so, rather than
                // a bullet holding only its edit button.
                .li(
                    .text({ let text = Self.summary(object, section, language); return text.isEmpty ? RecordTexts.notRecorded(language) : text }()),
                    .if(canEdit, .a(.class("small-button"), .href("/cases/\(caseId)/edit-section?section=\(section.path)\(index.map { "&index=\($0)" } ?? "")"), .text(RecordTexts.edit(language)))),
                    .if(section.path == "studies" && index != nil,
                        .a(.class("small-button"), .href("/cases/\(caseId)/edit-section?section=studies/\(index ?? 0)/observations"), .text("+ " + RecordSection.observations(language)))),
                    .if(section.path == "studies", observationList(index ?? 0, object, language)),
                    .if(canEdit && index != nil, .form(
                        .class("inline"), .action("/cases/\(caseId)/delete-item"), .method(.post), csrfField(csrf),
                        .input(.type(.hidden), .name("section"), .value(section.path)),
                        .input(.type(.hidden), .name("index"), .value(String(index ?? 0))),
                        .input(.type(.hidden), .name("version"), .value(String(version))),
                        .button(.type(.submit), .class("small-button danger"), .text(RecordTexts.delete(language)))
                    ))
                )
            })
        )
    }

    func observationList(_ studyIndex: Int, _ study: JSONObject, _ language: AppLanguage) -> Node<HTML.BodyContext> {
        guard case .array(let observations)? = study["observations"], !observations.isEmpty else { return .empty }
        let section = RecordSection(path: "studies/\(studyIndex)/observations", definition: "observation", title: RecordSection.observations, single: false)
        return .ul(.forEach(Array(observations.enumerated())) { index, item in
            guard case .object(let object) = item else { return .empty }
            return .li(
                .text(Self.summary(object, section, language)),
                .if(canEdit, .a(.class("small-button"), .href("/cases/\(caseId)/edit-section?section=\(section.path)&index=\(index)"), .text(RecordTexts.edit(language)))),
                .if(canEdit, .form(
                    .class("inline"), .action("/cases/\(caseId)/delete-item"), .method(.post), csrfField(csrf),
                    .input(.type(.hidden), .name("section"), .value(section.path)),
                    .input(.type(.hidden), .name("index"), .value(String(index))),
                    .input(.type(.hidden), .name("version"), .value(String(version))),
                    .button(.type(.submit), .class("small-button danger"), .text(RecordTexts.delete(language)))
                ))
            )
        })
    }

    /// A one-line summary of every recorded field, in clinical words: "骨：椎体 · 椎体节段：T10",
    /// never a JSON key or raw value. Every field: the first six alone hid what came after — a
    /// reading's epidural grade, epiphysis and eccentricity, a bone agent's interval and doses
    /// (unseen record cb117-g: the report page saved them and the record did not show them). A
    /// list longer than four (a bone agent's doses) is its count and its last item.
    static func summary(_ object: JSONObject, _ section: RecordSection, _ language: AppLanguage) -> String {
        let colon = language == .zhHans ? "：" : ": "
        return section.fields.compactMap { field -> String? in
            var value = object[field.key]
            var count: Int?
            if case .array(let items)? = value, items.count > 4, let last = items.last {
                (value, count) = (last, items.count)
            }
            let text = RecordSection.text(value, key: field.key, definition: section.definition, language: language)
            guard !text.isEmpty else { return nil }
            let shown = count.map { RecordTexts.countAndLast($0, text)(language) } ?? text
            return "\(CaseFieldLabels.key(field.key, in: section.definition)(language))\(colon)\(shown)"
        }.joined(separator: " · ")
    }
}

enum RecordTexts {
    static let record = LocalizedText(en: "Case record", zh: "病例记录")
    static let add = LocalizedText(en: "add", zh: "添加")
    static let edit = LocalizedText(en: "edit", zh: "编辑")
    static let delete = LocalizedText(en: "delete", zh: "删除")
    static let notRecorded = LocalizedText(en: "not recorded", zh: "未记录")
    static func countAndLast(_ count: Int, _ last: String) -> LocalizedText {
        LocalizedText(en: "\(count), the last \(last)", zh: "共 \(count) 项，末项 \(last)")
    }
    static let all = [record, add, edit, delete, notRecorded, countAndLast(5, "x")]
}
