/// A closed set of input values read from JSON by raw value; errors list `allowedValues`.
public protocol ValueEnum: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {}

extension ValueEnum {
    public static var allowedValues: [String] { allCases.map(\.rawValue) }
}

/// A value set whose values are also shown to users, with bilingual labels.
public protocol InputEnum: ValueEnum {
    var label: LocalizedText { get }
}

/// An item of a point score whose every value carries its points (shown beside each option,
/// as a bedside calculator shows them).
public protocol PointsEnum: InputEnum {
    var points: Int { get }
}

extension Mirels.Site: PointsEnum {}
extension Mirels.Pain: PointsEnum {}
extension Mirels.Lesion: PointsEnum {}
extension Mirels.Size: PointsEnum {}
extension SINS.Location: PointsEnum {}
extension SINS.Pain: PointsEnum {}
extension SINS.Lesion: PointsEnum {}
extension SINS.Alignment: PointsEnum {}
extension SINS.Collapse: PointsEnum {}
extension SINS.Posterolateral: PointsEnum {}
extension Tokuhashi.VisceralMets: PointsEnum {}
extension Tokuhashi.Frankel: PointsEnum {}
extension Tomita.VisceralMets: PointsEnum {}
extension Tomita.BoneMets: PointsEnum {}
extension Katagiri.VisceralMets: PointsEnum {}
extension Katagiri.Labs: PointsEnum {}
