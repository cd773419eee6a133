import BoneMetRules
import Foundation

/// The words naming a rib site when they say which ribs or how many ("左第4、5肋", "多根肋骨",
/// "left 4th and 6th ribs", "ribs 5-7"): kept as the suggested lesion's note, which the case
/// format reads as several sites (`Lesion.namesSeveral`). A bone scan's "new foci in the left 4th
/// and 6th ribs and T7" was one "left rib" — a new lesion from the report page was then one rib,
/// solitary for the biopsy question and one site for the prognosis scores (unseen report,
/// 2026-12-06).
extension ReportExtractor {
    private static let ribPatterns: [NSRegularExpression] = [
        // Chinese: side, count, ordinal numbers in a list or span, then 肋 ("左第4、5前肋", "双侧多根肋骨").
        #"(?:左|右|双)?侧?(?:多根|数根|多发|多处)?第?(?:[0-9一二三四五六七八九十]+\s*(?:[、,/\-~至到和及]\s*第?)?)*(?:前|后|腋段?)?肋骨?"#,
        // English: side, numbers with ordinals joined by and / commas / a span, then rib(s).
        #"(?:(?:left|right|bilateral)\s+)?(?:(?:multiple|several|numerous)\s+)?(?:(?:left|right|bilateral)\s+)?(?:(?:\d+(?:st|nd|rd|th)?|and|through|to)\s*[,\-]?\s*)*(?:anterior\s+|posterior\s+|lateral\s+)?ribs?\b(?:\s+\d+(?:\s*(?:-|to|and|,)\s*\d+)+)?"#,
    ].compactMap { try? NSRegularExpression(pattern: $0) }

    /// Whether a rib phrase says which ribs or how many: a number, a counting word, or the plural
    /// ("new foci of uptake in the ribs" — several ribs, one site suggested).
    private static func specific(_ phrase: String) -> Bool {
        phrase.contains(where: \.isNumber) || phrase.hasSuffix("ribs") || ["多根", "数根", "多发", "多处", "multiple", "several", "numerous", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"].contains(where: phrase.contains)
    }

    /// The note of a rib suggestion: the specific rib phrases (as written) that hold one of its
    /// site words, joined with "; " when the report names its ribs in several places.
    static func ribNote(_ lesion: SuggestedLesion, text: ReportText, original: [UInt16]) -> String? {
        guard lesion.site.bone == .rib else { return nil }
        let folded = String(decoding: text.units, as: UTF16.self)
        let range = NSRange(location: 0, length: text.units.count)
        var phrases: [String] = []
        for pattern in ribPatterns {
            for match in pattern.matches(in: folded, range: range) {
                let span = TextSpan(match.range.location, match.range.location + match.range.length)
                guard lesion.siteEvidence.contains(where: { span.start <= $0.start && $0.end <= span.end }) else { continue }
                let phrase = span.text(in: original).trimmingCharacters(in: .whitespaces)
                if specific(phrase.lowercased()), !phrases.contains(phrase) { phrases.append(phrase) }
            }
        }
        return phrases.isEmpty ? nil : phrases.joined(separator: "; ")
    }
}
