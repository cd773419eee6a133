/// A closed set of input values with bilingual labels, read from JSON by its raw value.
public protocol InputEnum: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    var label: LocalizedText { get }
}

extension InputEnum {
    public static var allowedValues: [String] { allCases.map(\.rawValue) }
}
