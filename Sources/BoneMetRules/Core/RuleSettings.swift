/// Choices where sources disagree. Every rule reads these instead of a hard-coded pick;
/// defaults follow the source hospital (docs/calculators.md lists each with its sources).
public struct RuleSettings: Sendable, Hashable, Codable {
    /// Mirels total at which prophylactic fixation is alerted. 8: the source hospital and
    /// Mirels 1989's abstract; 9: later literature. Only these two values are supported.
    public var mirelsFixationThreshold: Int
    /// Whether Bilsky ESCC grade 1c counts as high grade. Bilsky 2010 calls 1c debated; default
    /// false (low grade), shown with a note whenever the grade is 1c.
    public var escc1cIsHighGrade: Bool

    public static let allowedMirelsThresholds: ClosedRange<Int> = 8...9

    public init(mirelsFixationThreshold: Int = 8, escc1cIsHighGrade: Bool = false) {
        self.mirelsFixationThreshold = mirelsFixationThreshold
        self.escc1cIsHighGrade = escc1cIsHighGrade
    }

    public static let `default` = RuleSettings()

    /// Validates values that came from outside (command line, configuration, a form).
    public func validated() throws(InputError) -> RuleSettings {
        guard Self.allowedMirelsThresholds.contains(mirelsFixationThreshold) else {
            throw InputError(
                field: "mirelsFixationThreshold",
                problem: .outOfRange(
                    min: Double(Self.allowedMirelsThresholds.lowerBound),
                    max: Double(Self.allowedMirelsThresholds.upperBound)))
        }
        return self
    }
}
