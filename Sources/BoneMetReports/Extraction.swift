import BoneMetRules

/// How a report states something (ConText: Harkema et al., J Biomed Inform 2009;42:839).
/// Only `affirmed` readings may be accepted into the record without a clinician changing them;
/// a negated or uncertain mention is never shown as an affirmed reading.
public enum Certainty: String, Sendable, Hashable, Codable, CaseIterable {
    case affirmed, negated, uncertain, historical
    /// About another structure or condition (a haemangioma, a disc, degenerative change) or
    /// another person (family history): not a reading of this lesion.
    case other
}

/// Where in the report a suggestion came from: UTF-16 offsets into the text as given (what a
/// browser's `String.slice` and a FHIR `presentedForm` reader count), end exclusive.
public struct TextSpan: Sendable, Hashable, Codable, Comparable {
    public let start: Int
    public let end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }

    /// The words of the span in a report's UTF-16 units (clamped: a span never reads past the text).
    public func text(in units: [UInt16]) -> String {
        let low = max(0, min(start, units.count))
        return String(decoding: units[low..<max(low, min(end, units.count))], as: UTF16.self)
    }
}

/// One reading suggested for a lesion: its value as BoneMet's record spells it, how the report
/// states it, and the words it came from.
public struct Reading: Sendable, Hashable, Codable {
    public let field: String
    public let value: String
    public let certainty: Certainty
    public let evidence: [TextSpan]

    public init(field: String, value: String, certainty: Certainty, evidence: [TextSpan]) {
        self.field = field
        self.value = value
        self.certainty = certainty
        self.evidence = evidence
    }
}

/// A bone site named in the report.
public struct ReportSite: Sendable, Hashable, Codable {
    public var bone: Bone
    public var level: VertebralLevel?
    public var side: Laterality?
    public var segment: BoneSegment?

    public init(bone: Bone, level: VertebralLevel? = nil, side: Laterality? = nil, segment: BoneSegment? = nil) {
        self.bone = bone
        self.level = level
        self.side = side
        self.segment = segment
    }

    /// "T10", "femur left proximal": how the site is keyed and shown.
    public var key: String {
        if let level { return level.description }
        return [bone.rawValue, side?.rawValue, segment?.rawValue].compactMap { $0 }.joined(separator: " ")
    }
}

/// A lesion the report describes at one site, with every reading about it.
public struct SuggestedLesion: Sendable, Hashable, Codable {
    public var site: ReportSite
    /// Whether the report affirms a lesion here (negated: looked for and not seen).
    public var certainty: Certainty
    public var siteEvidence: [TextSpan]
    public var readings: [Reading]
    /// The record's lesion this matches (same bone and level, or bone, side and segment); nil: a new lesion.
    public var matchedLesion: String?
    /// The report's words naming the site when they say more than its key — which ribs, or how
    /// many ("左第4、5肋", "multiple ribs") — recorded as a new lesion's note.
    public var note: String? = nil

    public func reading(_ field: String) -> Reading? {
        readings.first { $0.field == field }
    }
}

/// What one report says, as suggestions for one imaging study.
public struct ReportExtraction: Sendable, Hashable, Codable {
    public var modality: String?
    /// Regions the study covers (BodyRegion values: `thoracicSpine`, `wholeBody` …), from its title.
    public var coverage: [String]
    public var lesions: [SuggestedLesion]
}
