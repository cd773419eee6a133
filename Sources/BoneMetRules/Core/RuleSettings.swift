/// Choices where sources disagree. Every rule reads these instead of a hard-coded pick;
/// defaults follow the source hospital (docs/calculators.md lists each with its sources).
public struct RuleSettings: Sendable, Hashable, Codable {
    /// Mirels total at which prophylactic fixation is alerted. 8: the source hospital and
    /// Mirels 1989's abstract; 9: later literature. Only these two values are supported.
    public var mirelsFixationThreshold: Int
    /// Whether Bilsky ESCC grade 1c counts as high grade. Bilsky 2010 calls 1c debated; default
    /// false (low grade), shown with a note whenever the grade is 1c.
    public var escc1cIsHighGrade: Bool

    /// Weeks after the start of a new therapy in which new sclerosis or uptake may be flare.
    /// PCWG3 (Scher 2016) takes the first post-baseline scan at 8–12 weeks; MDA "about 3 months".
    public var flareWindowWeeks: Int
    /// The bone-modifying agent the MDT prefers. ASCO 2017 finds the evidence insufficient to
    /// prefer one; the source hospital prefers denosumab (Stopeck 2010: time to first SRE HR 0.82).
    public var preferredBoneAgent: BoneAgent
    /// Years from the primary diagnosis after which a new bone lesion is a "long disease-free
    /// interval" and needs pathology. The source gives no number; 5 years is the conventional
    /// boundary of late recurrence (e.g. breast cancer), and the MDT may change it.
    public var longDiseaseFreeIntervalYears: Int
    /// Age above which multiple lytic lesions or an unknown primary call for a myeloma work-up
    /// (reference.md: "age > 50–60").
    public var myelomaWorkupAgeAbove: Int
    /// Whether hypercalcaemia of malignancy counts as a skeletal-related event (Zometa EU label
    /// yes, Xgeva EU label and the trial definition of Stopeck 2010 / CALGB 70604 no).
    public var hypercalcaemiaIsSRE: Bool

    public static let allowedMirelsThresholds: ClosedRange<Int> = 8...9
    public static let allowedFlareWindowWeeks: ClosedRange<Int> = 8...13
    public static let allowedLongDiseaseFreeIntervalYears: ClosedRange<Int> = 1...20
    public static let allowedMyelomaWorkupAges: ClosedRange<Int> = 50...60

    public init(
        mirelsFixationThreshold: Int = 8, escc1cIsHighGrade: Bool = false, flareWindowWeeks: Int = 12,
        preferredBoneAgent: BoneAgent = .denosumab, longDiseaseFreeIntervalYears: Int = 5,
        myelomaWorkupAgeAbove: Int = 50, hypercalcaemiaIsSRE: Bool = false
    ) {
        self.mirelsFixationThreshold = mirelsFixationThreshold
        self.escc1cIsHighGrade = escc1cIsHighGrade
        self.flareWindowWeeks = flareWindowWeeks
        self.preferredBoneAgent = preferredBoneAgent
        self.longDiseaseFreeIntervalYears = longDiseaseFreeIntervalYears
        self.myelomaWorkupAgeAbove = myelomaWorkupAgeAbove
        self.hypercalcaemiaIsSRE = hypercalcaemiaIsSRE
    }

    public static let `default` = RuleSettings()

    /// Validates values that came from outside (command line, configuration, a form).
    public func validated() throws(InputError) -> RuleSettings {
        let checks: [(String, Int, ClosedRange<Int>)] = [
            ("mirelsFixationThreshold", mirelsFixationThreshold, Self.allowedMirelsThresholds),
            ("flareWindowWeeks", flareWindowWeeks, Self.allowedFlareWindowWeeks),
            ("longDiseaseFreeIntervalYears", longDiseaseFreeIntervalYears, Self.allowedLongDiseaseFreeIntervalYears),
            ("myelomaWorkupAgeAbove", myelomaWorkupAgeAbove, Self.allowedMyelomaWorkupAges),
        ]
        for (field, value, range) in checks where !range.contains(value) {
            throw InputError(
                field: field, problem: .outOfRange(min: Double(range.lowerBound), max: Double(range.upperBound)))
        }
        guard preferredBoneAgent == .denosumab || preferredBoneAgent == .zoledronicAcid else {
            throw InputError(
                field: "preferredBoneAgent",
                problem: .unknownValue(preferredBoneAgent.rawValue, allowed: ["denosumab", "zoledronicAcid"]))
        }
        return self
    }
}
