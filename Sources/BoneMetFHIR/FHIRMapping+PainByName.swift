import BoneMetRules
import Foundation

extension FHIRCaseMapper {
    /// A pain score a ward records under its own code, named in words — "疼痛评分", "疼痛评分(NRS)",
    /// "pain score": only LOINC 72514-3 was read (unseen bundle ehr14). Its value 0–10 as an
    /// integer, a quantity or text ("7分"); a value outside 0–10 (a 100 mm visual analogue scale)
    /// is not used. Not "NRS" alone: a Chinese ward's "NRS评分" is as often the nutritional risk
    /// screening (NRS 2002, 0–7). A visual analogue scale of pain scored 0–10 ("VAS评分 6分", unseen
    /// bundle ehr20) is read as the same 0–10 intensity; its 100 mm form is outside 0–10, not used.
    static let painNames: Set<String> = [
        "疼痛评分", "数字疼痛评分", "疼痛数字评分", "pain score", "painscore", "pain severity", "painseverity",
        "vas评分", "疼痛vas评分", "视觉模拟评分", "疼痛视觉模拟评分", "vas pain score", "pain vas",
        // NRS named with the pain it rates is the numeric rating scale, not nutrition's (ehr25).
        "nrs疼痛评分", "疼痛nrs评分", "疼痛评分nrs", "nrs pain score", "numeric pain rating", "numeric rating scale",
    ]

    static func namesPain(_ r: FHIRJSON) -> Bool { named(r, in: painNames) }

    static func painByName(_ r: FHIRJSON) -> Int? {
        let written = r["valueInteger"]?.decimalText ?? r["valueQuantity"]?["value"]?.decimalText
            ?? (r["valueString"]?.string ?? FHIRRead.text(r["valueCodeableConcept"])).map { text in
                String(text.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
            }
        guard let written, let value = Int(written), (0...10).contains(value) else { return nil }
        return value
    }
}
