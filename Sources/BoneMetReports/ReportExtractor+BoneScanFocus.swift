/// A bone scan's "focus" is a focus of uptake: "the left 6th rib focus is unchanged" gave a lesion
/// with no uptake where "左侧第6肋浓聚灶同前" gave one (batch 33, a bilingual pair). Only in a
/// report whose title is a bone scan, only where the lesion's own words were "focus"/"foci" and
/// nothing about its uptake was said, and never beside a cold-lesion word (a photopenic focus
/// takes up less tracer, not more), nor for foci said to have faded.
extension ReportExtractor {
    static func focusIsUptake(_ lesion: inout SuggestedLesion, text: ReportText) {
        guard lesion.reading("uptake") == nil, let seen = lesion.reading("lesion") else { return }
        // Foci that have faded ("the previously seen foci … have nearly resolved") are said by
        // their change, not as uptake (b14-en-11).
        if let change = lesion.reading("comparison")?.value, ["decreased", "resolved"].contains(change) { return }
        let words = seen.evidence.map { text.text($0).lowercased() }
        guard words.contains(where: { $0 == "focus" || $0 == "foci" }) else { return }
        let around = (seen.evidence + lesion.siteEvidence).map { clause(text, around: $0) }.map { text.text($0).lowercased() }
        guard !around.contains(where: { clause in ["photopenic", "cold", "defect", "decreased", "reduced"].contains(where: clause.contains) }) else { return }
        lesion.readings.append(Reading(field: "uptake", value: "true", certainty: seen.certainty, evidence: seen.evidence))
    }
}
