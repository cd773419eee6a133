/// One item of a point score: what was given (or that it is unknown) and what it contributes.
public struct ScoreComponent: Sendable, Hashable {
    /// The input field this item is read from, e.g. `pain`.
    public let key: String
    public let label: LocalizedText
    /// The value used, as given (`"functional"`, `"T11"`, `"70"`); nil when unknown.
    public let value: String?
    public let valueLabel: LocalizedText?
    /// Points when known; nil when the item is unknown.
    public let points: Int?
    /// The points this item can contribute given what is known (one value when known).
    public let possible: ClosedRange<Int>

    public init(key: String, label: LocalizedText, value: String?, valueLabel: LocalizedText?, points: Int) {
        self.key = key
        self.label = label
        self.value = value
        self.valueLabel = valueLabel
        self.points = points
        self.possible = points...points
    }

    /// An item whose value is not (fully) known: it may contribute anything in `possible`.
    public init(key: String, label: LocalizedText, unknownWithin possible: ClosedRange<Int>, value: String? = nil,
                valueLabel: LocalizedText? = nil)
    {
        self.key = key
        self.label = label
        self.value = value
        self.valueLabel = valueLabel
        self.points = possible.lowerBound == possible.upperBound ? possible.lowerBound : nil
        self.possible = possible
    }

    /// A component for an enum item: known value or the full range of the enum's points.
    public static func item<E: InputEnum>(
        _ key: String, _ label: LocalizedText, _ value: E?, points: (E) -> Int
    ) -> ScoreComponent {
        if let value {
            return ScoreComponent(key: key, label: label, value: value.rawValue, valueLabel: value.label, points: points(value))
        }
        let all = E.allCases.map(points)
        return ScoreComponent(key: key, label: label, unknownWithin: (all.min() ?? 0)...(all.max() ?? 0))
    }

    /// An enum item whose value is one of `among` when not given (visceral metastases on record,
    /// their treatability not): the range of those values only, with what is known as its label.
    public static func item<E: InputEnum>(
        _ key: String, _ label: LocalizedText, _ value: E?, among: [E]?, amongLabel: LocalizedText, points: (E) -> Int
    ) -> ScoreComponent {
        guard value == nil, let among, !among.isEmpty else { return item(key, label, value, points: points) }
        let all = among.map(points)
        return ScoreComponent(key: key, label: label, unknownWithin: (all.min() ?? 0)...(all.max() ?? 0), valueLabel: amongLabel)
    }
}

/// The total of a point score, or the range of totals still possible when items are unknown.
public struct ScoreTotal: Sendable, Hashable {
    public let min: Int
    public let max: Int
    /// Input fields whose values would narrow the range.
    public let missing: [String]

    public init(_ components: [ScoreComponent]) {
        min = components.reduce(0) { $0 + $1.possible.lowerBound }
        max = components.reduce(0) { $0 + $1.possible.upperBound }
        missing = components.filter { $0.points == nil }.map(\.key)
    }

    public init(min: Int, max: Int, missing: [String]) {
        self.min = min
        self.max = max
        self.missing = missing
    }

    /// The exact total, when every item is known.
    public var score: Int? { min == max ? min : nil }
    public var range: ClosedRange<Int> { min...max }
}

/// A banded reading of a total: which band, and what it means in both languages.
public struct BandInfo: Sendable, Hashable {
    public let id: String
    public let label: LocalizedText
    public let meaning: LocalizedText
    public let recommendation: LocalizedText

    public init(id: String, label: LocalizedText, meaning: LocalizedText, recommendation: LocalizedText) {
        self.id = id
        self.label = label
        self.meaning = meaning
        self.recommendation = recommendation
    }
}

/// Bands of a score: the band of a total, and of a range (only when the range stays in one band).
public protocol ScoreBand: InputEnum {
    static func of(total: Int) -> Self
    var info: BandInfo { get }
}

extension ScoreBand {
    /// The band when every total in the range falls in it; nil when the range spans bands.
    public static func of(range: ClosedRange<Int>) -> Self? {
        let low = of(total: range.lowerBound)
        return range.allSatisfy({ of(total: $0) == low }) ? low : nil
    }

    /// Every band a total in the range could fall in, in order.
    public static func possible(in range: ClosedRange<Int>) -> [Self] {
        var seen: [Self] = []
        for total in range where !seen.contains(of(total: total)) { seen.append(of(total: total)) }
        return seen
    }
}
