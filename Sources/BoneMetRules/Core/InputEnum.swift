/// A closed set of input values read from JSON by raw value; errors list `allowedValues`.
public protocol ValueEnum: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {}

extension ValueEnum {
    public static var allowedValues: [String] { allCases.map(\.rawValue) }
}

/// A value set whose values are also shown to users, with bilingual labels.
public protocol InputEnum: ValueEnum {
    var label: LocalizedText { get }
}
