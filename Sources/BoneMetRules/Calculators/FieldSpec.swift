/// A calculator input field: its key, label, accepted values and whether it is required.
/// One declaration drives reading, error messages, `bonemet calc --list` and the docs.
public struct FieldSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case choice([String])
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>, unit: String)
        case boolean
        case vertebralLevel
    }

    public let key: String
    public let label: LocalizedText
    public let kind: Kind
    /// Required fields fail when absent; optional ones, when unknown, widen a score to a range.
    public let required: Bool
    /// The clinical label of each value of a choice (what a page shows instead of the raw value).
    public let optionLabels: [String: LocalizedText]
    /// The points of each value of a choice, where the item is part of a point score.
    public let optionPoints: [String: Int]

    public init(
        _ key: String, _ label: LocalizedText, _ kind: Kind, required: Bool = false, optionLabels: [String: LocalizedText] = [:],
        optionPoints: [String: Int] = [:]
    ) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.optionLabels = optionLabels
        self.optionPoints = optionPoints
    }

    /// A choice whose values carry points: the points come from the score's own table.
    public static func choice<E: PointsEnum>(_ key: String, _ label: LocalizedText, _ type: E.Type, required: Bool = false) -> FieldSpec {
        FieldSpec(
            key, label, .choice(E.allowedValues), required: required,
            optionLabels: Dictionary(E.allCases.map { ($0.rawValue, $0.label) }, uniquingKeysWith: { first, _ in first }),
            optionPoints: Dictionary(E.allCases.map { ($0.rawValue, $0.points) }, uniquingKeysWith: { first, _ in first }))
    }

    public static func choice<E: InputEnum>(_ key: String, _ label: LocalizedText, _ type: E.Type, required: Bool = false) -> FieldSpec {
        FieldSpec(
            key, label, .choice(E.allowedValues), required: required,
            optionLabels: Dictionary(E.allCases.map { ($0.rawValue, $0.label) }, uniquingKeysWith: { first, _ in first }))
    }

    /// A one-line description of the accepted values, for listings and docs.
    public var allowedDescription: String {
        switch kind {
        case .choice(let values): values.joined(separator: "|")
        case .integer(let range): "\(range.lowerBound)–\(range.upperBound) (whole number)"
        case .number(let range, let unit): "\(InputError.format(range.lowerBound))–\(InputError.format(range.upperBound)) \(unit)"
        case .boolean: "true|false"
        case .vertebralLevel: "C1–C7, T1–T12, L1–L5, S1–S5"
        }
    }
}

extension InputReader {
    public func choice<E: InputEnum>(_ field: FieldSpec, as type: E.Type = E.self) throws(InputError) -> E? {
        try checkedRequired(field, try enumValue(field.key, as: type))
    }

    public func integer(_ field: FieldSpec) throws(InputError) -> Int? {
        guard case .integer(let range) = field.kind else { return nil }
        return try checkedRequired(field, try int(field.key, in: range))
    }

    public func number(_ field: FieldSpec) throws(InputError) -> Double? {
        guard case .number(let range, _) = field.kind else { return nil }
        return try checkedRequired(field, try double(field.key, in: range))
    }

    public func flag(_ field: FieldSpec) throws(InputError) -> Bool? {
        try checkedRequired(field, try bool(field.key))
    }

    public func vertebralLevel(_ field: FieldSpec) throws(InputError) -> VertebralLevel? {
        guard let text = try string(field.key) else { return try checkedRequired(field, nil) }
        guard let level = VertebralLevel(text) else {
            throw InputError(field: field.key, problem: .invalidVertebralLevel(text))
        }
        return level
    }

    private func checkedRequired<T>(_ field: FieldSpec, _ value: T?) throws(InputError) -> T? {
        if field.required && value == nil { throw InputError(field: field.key, problem: .missing) }
        return value
    }
}
