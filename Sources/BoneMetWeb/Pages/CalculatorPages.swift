import BoneMetDomain
import Plot

/// The calculators: every `bonemet calc` score, with the same fields, texts and errors.
struct CalculatorIndexPage {
    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: CalculatorTexts.title(language),
            .div(
                .h1(.text(CalculatorTexts.title(language))),
                .ul(.class("calculators"), .forEach(Calculators.all) { calculator in
                    .li(.a(.href("/calculators/\(calculator.name)"), .text(calculator.title(language))), .p(.class("muted"), .text(calculator.purpose(language))))
                })
            ))
    }
}

struct CalculatorPage {
    let calculator: Calculator
    /// What was typed, by field key (kept on errors).
    let values: [String: String]
    let report: CalculatorReport?
    let error: InputError?

    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: calculator.title(language),
            .div(
                .p(.a(.href("/calculators"), .text("← " + CalculatorTexts.title(language)))),
                .h1(.text(calculator.title(language))),
                .p(.class("muted"), .text(calculator.purpose(language))),
                .div(
                    .class("calculator"),
                    .form(
                        .class("calc"), .action("/calculators/\(calculator.name)"), .method(.post), csrfField(layout.csrf),
                        .forEach(calculator.fields) { field in fieldNode(field, language) },
                        .button(.type(.submit), .text(CalculatorTexts.calculate(language)))
                    ),
                    // The result updates as options are chosen (calc.js); without script, "Calculate".
                    .div(.id("result"), .attribute(named: "aria-live", value: "polite"), .unwrap(report) { report in result(report, language) })
                ),
                CalculatorFormula.node(calculator.name, language),
                .element(named: "script", nodes: [.attribute(named: "src", value: "/static/calc.js"), .attribute(named: "defer", value: "defer")])
            ))
    }

    func fieldNode(_ field: FieldSpec, _ language: AppLanguage) -> Node<HTML.FormContext> {
        let value = values[field.key] ?? ""
        let bad = error?.field == field.key
        let label = "\(field.label(language))\(field.required ? " *" : "")"
        let input: Node<HTML.LabelContext>
        switch field.kind {
        case .choice(let options):
            // Each option with its points, as on a bedside calculator: "pain with function (3 points)".
            let labelled = options.map { option -> (String, String) in
                let text = field.optionLabels[option]?(language) ?? option
                guard let points = field.optionPoints[option] else { return (option, text) }
                return (option, language == .zhHans ? "\(text)（\(points) \(CalculatorFormula.texts.points(language))）" : "\(text) (\(points) \(CalculatorFormula.texts.points(language)))")
            }
            input = select(field.key, [("", CalculatorTexts.unknown(language))] + labelled, selected: value)
        case .boolean:
            input = select(
                field.key, [("", CalculatorTexts.unknown(language)), ("true", CalculatorTexts.yes(language)), ("false", CalculatorTexts.no(language))],
                selected: value)
        default:
            input = .input(.type(.text), .name(field.key), .typedValue(value), .typedPlaceholder(field.allowedDescription))
        }
        return .label(
            .class(bad ? "field bad" : "field"), .text(label), input,
            .if(bad, .span(.class("field-error"), .text(error?.message(language) ?? ""))))
    }

    /// The result section alone, for the live result.
    func resultHTML(_ report: CalculatorReport, _ language: AppLanguage) -> String { result(report, language).render() }

    /// What is still needed, for the live result of an incomplete form.
    static func hint(_ text: String) -> String {
        Node<HTML.BodyContext>.p(.class("muted hint"), .text(text)).render()
    }

    func result(_ report: CalculatorReport, _ language: AppLanguage) -> Node<HTML.BodyContext> {
        .section(
            .class("result"),
            .h2(.text(report.summary(language))),
            .unwrap(report.band) { band in
                .p(.strong(.text(band.label(language))), .text(" — \(band.meaning(language)). "), .text(band.recommendation(language)))
            },
            .if(!report.components.isEmpty, .table(.tbody(.forEach(report.components) { component in
                .tr(
                    .td(.text(component.label(language))),
                    .td(.text(component.valueLabel?(language) ?? CalculatorTexts.unknown(language))),
                    .td(.text(component.points.map(String.init) ?? "\(component.possible.lowerBound)–\(component.possible.upperBound)")))
            }))),
            .ul(.forEach(report.advice + report.caveats) { .li(.text($0(language))) }),
            .p(.class("meta"), .text("\(UIText.specialty(language)): \(report.specialty.label(language))")),
            .p(.class("meta"), .text("\(UIText.source(language))\(UIText.colon(language))\(Citation.line(report.sources, language)) · \(UIText.rules(language)) \(report.ruleSetVersion)"))
        )
    }
}

enum CalculatorTexts {
    static let title = LocalizedText(en: "Calculators", zh: "评分计算器")
    static let calculate = LocalizedText(en: "Calculate", zh: "计算")
    static let unknown = LocalizedText(en: "unknown", zh: "未知")
    static let yes = LocalizedText(en: "yes", zh: "是")
    static let no = LocalizedText(en: "no", zh: "否")
    static let all = [title, calculate, unknown, yes, no]
}

/// A `<select>` with labelled options (Plot's `option` cannot hold text). Values and labels
/// are escaped by Plot like every other text.
func select<Context>(_ name: String, _ options: [(value: String, label: String)], selected: String) -> Node<Context> {
    .element(named: "select", nodes: [Node<Context>.attribute(named: "name", value: name)] + options.map { option -> Node<Context> in
        .element(named: "option", nodes: [Node<Context>
            .attribute(named: "value", value: option.value, ignoreIfValueIsEmpty: false),
            .attribute(named: "selected", value: option.value == selected && !selected.isEmpty ? "selected" : nil),
            .text(option.label),
        ])
    })
}
