/// What a calculator returns: the contract values (`score`, `band`, `doseMg` …) plus everything a
/// clinician needs to trust it — components, meaning, advice, responsible specialty, caveats,
/// sources and rule-set version — in both languages.
public struct CalculatorReport: Sendable, Hashable {
    public let calculator: String
    public let title: LocalizedText
    /// The contract keys of issue #2, in the order they are shown.
    public let values: JSONObject
    /// The result in one sentence.
    public let summary: LocalizedText
    public let components: [ScoreComponent]
    /// The band the result falls in; nil when unknown items leave several possible.
    public let band: BandInfo?
    /// When `band` is nil, every band the possible range covers.
    public let possibleBands: [BandInfo]
    public let advice: [LocalizedText]
    public let specialty: Specialty
    public let caveats: [LocalizedText]
    public let sources: [Citation]
    /// Input fields that would make an uncertain result exact.
    public let missing: [String]
    public let ruleSetVersion: String

    public init(
        calculator: String, title: LocalizedText, values: JSONObject, summary: LocalizedText,
        components: [ScoreComponent] = [], band: BandInfo? = nil, possibleBands: [BandInfo] = [],
        advice: [LocalizedText] = [], specialty: Specialty, caveats: [LocalizedText] = [],
        sources: [Citation], missing: [String] = []
    ) {
        self.calculator = calculator
        self.title = title
        self.values = values
        self.summary = summary
        self.components = components
        self.band = band
        self.possibleBands = possibleBands
        self.advice = advice
        self.specialty = specialty
        self.caveats = caveats
        self.sources = sources
        self.missing = missing
        self.ruleSetVersion = RuleSet.version
    }

    /// Every user-facing text in the report (used to prove both languages are present).
    public var allTexts: [LocalizedText] {
        var texts = [title, summary, specialty.label] + advice + caveats
        for component in components {
            texts.append(component.label)
            if let valueLabel = component.valueLabel { texts.append(valueLabel) }
        }
        for info in [band].compactMap({ $0 }) + possibleBands {
            texts += [info.label, info.meaning, info.recommendation]
        }
        return texts
    }
}
