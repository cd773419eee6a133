import BoneMetDomain
import Plot

/// The guided new-patient form (issue #10). Works without script: the fields that apply to a
/// site, bone, modality or treatment kind are shown by CSS (`:has()`), date pickers where a
/// whole date is usual, lesion pickers for biopsies and events. After an error every value is
/// kept and each message stands beside its field.
struct GuidedCasePage {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var other: [String] = []
    var message: LocalizedText?
    var existingCase: String?

    typealias Form = GuidedCaseForm

    /// Dates that are usually whole (a study, a dose, a lab) get a date picker; a birth date or a
    /// diagnosis may be a year or a month, so they stay text.
    static let partialDates: Set<String> = ["pt.birthDate", "p1.diagnosed"]

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let t = GuidedTexts.self
        var sections: [Node<HTML.BodyContext>] = [
            group(t.patient(language), Form.patient, layout, required: ["pt.id"]),
            group(t.primary(language), Form.primary, layout),
        ]
        for l in 1...Form.lesionSlots {
            sections.append(folded(l > 1 && !filled(Form.lesion(l)), t.lesion(l)(language), group(t.lesion(l)(language), Form.lesion(l), layout, classes: "lesion l\(l)")))
        }
        for s in 1...Form.studySlots {
            let readings = (1...Form.lesionSlots).map { l in
                group(t.reading(l)(language), Form.reading(study: s, lesion: l), layout, classes: "reading r\(l)", level: 3)
            }
            let fields = Form.study(s)
            let all = fields + (1...Form.lesionSlots).flatMap { Form.reading(study: s, lesion: $0) }
            sections.append(folded(s > 2 && !filled(all), t.study(s)(language), Self.fieldset(
                "study s\(s)", t.study(s)(language), [.div(.class("fields"), .forEach(fields) { fieldNode($0, layout) })] + readings)))
        }
        for n in 1...Form.treatmentSlots {
            sections.append(folded(n > 1 && !filled(Form.treatment(n)), t.treatment(n)(language), group(t.treatment(n)(language), Form.treatment(n), layout, classes: "treatment t\(n)")))
        }
        sections.append(Self.fieldset(
            "labs", t.labs(language), (1...Form.labSlots).map { n in .div(.class("fields lab-row"), .forEach(Form.lab(n)) { fieldNode($0, layout) }) }))
        sections.append(group(t.clinical(language), Form.clinical, layout))
        sections.append(folded(!filled(Form.biopsy), t.biopsy(language), group(t.biopsy(language), Form.biopsy, layout)))
        sections.append(folded(!filled(Form.event), t.event(language), group(t.event(language), Form.event, layout)))
        return layout.render(
            title: t.title(language),
            .div(
                .h1(.text(t.title(language))),
                .p(.class("muted"), .text(t.intro(language))),
                .p(.a(.href("/cases/new/json"), .text(t.json(language)))),
                .unwrap(message) { .p(.class("alert"), .text($0(language))) },
                .unwrap(existingCase) { .p(.a(.class("button"), .href("/cases/\($0)"), .text(UIText.openExistingCase(language)))) },
                .if(!errors.isEmpty || !other.isEmpty, .p(.class("alert"), .text(UIText.fixFields(language)))),
                .if(!other.isEmpty, .ul(.class("field-errors"), .forEach(other) { .li(.text($0)) })),
                .element(named: "form", nodes: [
                    .class("guided"), .attribute(named: "action", value: "/cases/guided"), .attribute(named: "method", value: "post"),
                    .raw(#"<input type="hidden" name="_csrf" value="\#(HTMLEscape.attribute(layout.csrf ?? ""))">"#),
                    .group(sections),
                    .div(
                        .class("form-actions"),
                        .button(.type(.submit), .attribute(named: "name", value: "then"), .attribute(named: "value", value: "case"), .text(t.create(language))),
                        .button(.type(.submit), .class("secondary"), .attribute(named: "name", value: "then"), .attribute(named: "value", value: "study"), .text(t.createAndStudy(language)))
                    ),
                ])
            ))
    }

    func filled(_ fields: [Form.Field]) -> Bool { fields.contains { !(values[$0.name] ?? "").isEmpty || errors[$0.name] != nil } }

    /// Optional slots are folded until they hold something; the summary names the slot.
    func folded(_ fold: Bool, _ title: String, _ node: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        guard fold else { return node }
        return .element(named: "details", nodes: [.class("slot"), .element(named: "summary", text: "+ " + title), node])
    }

    func group(
        _ title: String, _ fields: [Form.Field], _ layout: Layout, required: Set<String> = [], classes: String = "", level: Int = 2
    ) -> Node<HTML.BodyContext> {
        Self.fieldset(
            classes.isEmpty ? "group" : "group \(classes)", title,
            [.div(.class("fields"), .forEach(fields) { fieldNode($0, layout, required: required.contains($0.name)) })])
    }

    static func fieldset(_ classes: String, _ legend: String, _ children: [Node<HTML.BodyContext>]) -> Node<HTML.BodyContext> {
        .element(named: "fieldset", nodes: [.class(classes), .element(named: "legend", text: legend)] + children)
    }

    func fieldNode(_ field: Form.Field, _ layout: Layout, required: Bool = false) -> Node<HTML.BodyContext> {
        let language = layout.language
        let value = values[field.name] ?? ""
        let error = errors[field.name]
        let label: String
        let input: String
        func options(_ pairs: [(String, String)]) -> String {
            let all = [("", RecordTexts.notRecorded(language))] + pairs
            return all.map { raw, text in
                #"<option value="\#(HTMLEscape.attribute(raw))"\#(raw == value ? " selected" : "")>\#(HTMLEscape.attribute(text))</option>"#
            }.joined()
        }
        let name = HTMLEscape.attribute(field.name)
        func select(_ pairs: [(String, String)]) -> String { #"<select name="\#(name)">\#(options(pairs))</select>"# }
        func text(_ type: String, placeholder: String = "", mode: String = "") -> String {
            #"<input type="\#(type)" name="\#(name)" value="\#(HTMLEscape.attribute(value))"\#(placeholder.isEmpty ? "" : #" placeholder="\#(HTMLEscape.attribute(placeholder))""#)\#(mode.isEmpty ? "" : #" inputmode="\#(mode)""#)\#(required ? " required" : "")>"#
        }
        switch field.kind {
        case .schema(let kind):
            label = CaseFieldLabels.key(field.key, in: field.definition)(language)
            switch kind {
            case .values(let raw):
                input = select(raw.map { ($0, CaseFieldLabels.value($0, key: field.key, in: field.definition)?(language) ?? $0) })
            case .boolean:
                input = select([("true", CalculatorTexts.yes(language)), ("false", CalculatorTexts.no(language))])
            case .date:
                input = Self.partialDates.contains(field.name) ? text("text", placeholder: SectionFormPage.hint(kind, language)) : text("date")
            case .number, .integer:
                input = text("text", placeholder: SectionFormPage.hint(kind, language), mode: "decimal")
            default:
                input = text("text", placeholder: SectionFormPage.hint(kind, language))
            }
        case .diameters:
            label = CaseFieldLabels.key("diametersMm", in: "observation")(language)
            input = text("text", placeholder: GuidedTexts.diametersHint(language), mode: "decimal")
        case .boneWindow:
            label = GuidedTexts.boneWindow(language)
            input = select([("true", CalculatorTexts.yes(language)), ("false", CalculatorTexts.no(language))])
        case .present:
            label = CaseFieldLabels.key("present", in: "observation")(language)
            input = select([("seen", GuidedTexts.seen(language)), ("notSeen", GuidedTexts.notSeen(language))])
        case .lesionPicker:
            label = CaseFieldLabels.key("lesion", in: field.definition)(language)
            input = select((1...Form.lesionSlots).map { ("L\($0)", GuidedTexts.lesion($0)(language)) })
        }
        let classes = (["field"] + field.only + (error == nil ? [] : ["bad"])).joined(separator: " ")
        return .element(named: "label", nodes: [
            .class(classes), .text(label + (required ? " *" : "")), .raw(input),
            .unwrap(error) { .span(.class("field-error"), .text($0)) },
        ])
    }

    /// Showing only the fields that apply, without script (CSS `:has()`); a field with an error
    /// is always shown.
    static let css: String = {
        var rules: [String] = [
            "form.guided fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 1rem; padding: .5rem .8rem; }",
            "form.guided legend { font-weight: 700; }",
            "form.guided .fields { display: flex; flex-wrap: wrap; gap: .4rem 1rem; }",
            "form.guided label.field { display: flex; flex-direction: column; min-width: 10rem; max-width: 18rem; }",
            "form.guided fieldset.reading { border-style: dashed; }",
            "form.guided details.slot > summary { cursor: pointer; margin: .4rem 0 .8rem; color: var(--accent, #0f3b57); }",
            "form.guided .form-actions { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0 2rem; }",
            "form.guided:not(:has([name=\"p1.site\"] option[value=\"breast\"]:checked)) .only-breast { display: none; }",
            "form.guided:not(:has([name=\"p1.site\"] option[value=\"prostate\"]:checked)) .only-prostate { display: none; }",
        ]
        let longBones = ["femur", "humerus", "tibia", "fibula", "radius", "ulna", "clavicle"].map { "option[value=\"\($0)\"]" }.joined(separator: ",")
        for l in 1...GuidedCaseForm.lesionSlots {
            rules.append("form.guided:not(:has([name=\"l\(l).bone\"] :is(\(longBones)):checked)) .long-bone-l\(l) { display: none; }")
            rules.append("form.guided:not(:has([name=\"l\(l).bone\"] :is(option[value=\"vertebra\"],option[value=\"sacrum\"]):checked)) .spine-l\(l) { display: none; }")
            rules.append("form.guided:has([name=\"l\(l).bone\"] option[value=\"\"]:checked) fieldset.reading.r\(l) { display: none; }")
        }
        for s in 1...GuidedCaseForm.studySlots {
            rules.append(".study.s\(s):not(:has([name=\"s\(s).modality\"] option[value=\"ct\"]:checked)) .only-ct { display: none; }")
            rules.append(".study.s\(s):has([name=\"s\(s).modality\"] option[value=\"boneScan\"]:checked) .anatomic { display: none; }")
            rules.append(".study.s\(s):not(:has([name=\"s\(s).modality\"] :is(option[value=\"boneScan\"],option[value=\"petCt\"]):checked)) .functional { display: none; }")
        }
        for t in 1...GuidedCaseForm.treatmentSlots {
            for kind in ["boneModifyingAgent", "surgery", "radiotherapy"] {
                rules.append(".treatment.t\(t):not(:has([name=\"t\(t).kind\"] option[value=\"\(kind)\"]:checked)) .only-\(kind) { display: none; }")
            }
        }
        rules.append("form.guided label.field.bad { display: flex !important; }")
        return rules.joined(separator: "\n")
    }()
}
