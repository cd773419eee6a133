/// A bedside calculator usable from the command line, the web page and the API: declared
/// fields, an example, and a pure computation from a JSON object to a report.
public struct Calculator: Sendable {
    public let name: String
    public let title: LocalizedText
    public let purpose: LocalizedText
    public let fields: [FieldSpec]
    /// A complete, valid input (shown in `--list` and the docs, and run by the tests).
    public let example: JSONObject
    let compute: @Sendable (InputReader, RuleSettings) throws(InputError) -> CalculatorReport

    init(
        name: String, title: LocalizedText, purpose: LocalizedText, fields: [FieldSpec], example: JSONObject,
        compute: @escaping @Sendable (InputReader, RuleSettings) throws(InputError) -> CalculatorReport
    ) {
        self.name = name
        self.title = title
        self.purpose = purpose
        self.fields = fields
        self.example = example
        self.compute = compute
    }

    public func run(_ input: JSONValue, settings: RuleSettings = .default) throws(InputError) -> CalculatorReport {
        let reader = try InputReader(input, fields: fields.map(\.key))
        return try compute(reader, try settings.validated())
    }
}

/// The registry of every calculator, in the order of issue #2.
public enum Calculators {
    public static let all: [Calculator] = [
        MirelsCalculator.calculator, SINSCalculator.calculator, ESCCCalculator.calculator,
        TokuhashiCalculator.calculator, TomitaCalculator.calculator, KatagiriCalculator.calculator,
        RenalCalculators.crcl, RenalCalculators.zoledronicDose, RenalCalculators.zoledronicRenalCheck,
    ]

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) throws(InputError) -> Calculator {
        guard let calculator = all.first(where: { $0.name == name }) else {
            throw InputError(field: nil, problem: .unknownCalculator(name, allowed: names))
        }
        return calculator
    }
}

/// Pieces shared by the point-score reports.
enum ScoreReport {
    /// `score` (null while uncertain), `min`, `max`, then the band under its contract key.
    static func values(_ total: ScoreTotal, bandKey: String, band: String?) -> JSONObject {
        var values = JSONObject()
        values["score"] = total.score.map(JSONValue.int) ?? .null
        values["min"] = .int(total.min)
        values["max"] = .int(total.max)
        values[bandKey] = band.map(JSONValue.string) ?? .null
        return values
    }

    /// "Mirels 12: high risk (≥ 9)" or "Mirels 9–11 (unknown: site)".
    static func summary(_ name: LocalizedText, _ total: ScoreTotal, band: BandInfo?) -> LocalizedText {
        let number =
            total.score.map { LocalizedText(en: "\($0)", zh: "\($0) 分") }
            ?? LocalizedText(
                en: "\(total.min)–\(total.max) (unknown: \(total.missing.joined(separator: ", ")))",
                zh: "\(total.min)–\(total.max) 分（未知项：\(total.missing.joined(separator: "、"))）")
        guard let band else {
            return LocalizedText(en: "\(name.en) \(number.en)", zh: "\(name.zhHans) \(number.zhHans)")
        }
        return LocalizedText(
            en: "\(name.en) \(number.en): \(band.label.en)", zh: "\(name.zhHans) \(number.zhHans)：\(band.label.zhHans)")
    }

    static func missingAdvice(_ total: ScoreTotal) -> [LocalizedText] {
        guard !total.missing.isEmpty else { return [] }
        let list = total.missing.joined(separator: ", ")
        return [
            LocalizedText(
                en: "some items are unknown: the total can be \(total.min)–\(total.max); give \(list) for an exact score",
                zh: "部分项目未知：总分可能为 \(total.min)–\(total.max)；提供 \(list) 可得到确切评分")
        ]
    }
}
