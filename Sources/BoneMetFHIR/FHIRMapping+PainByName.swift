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
        if let written = r["valueInteger"]?.decimalText ?? r["valueQuantity"]?["value"]?.decimalText {
            guard let value = Int(written), (0...10).contains(value) else { return nil }
            return value
        }
        return (r["valueString"]?.string ?? FHIRRead.text(r["valueCodeableConcept"])).flatMap(painText)?.nrs
    }

    /// A pain score written as text, as Chinese ward systems chart it: "7分", "NRS 6分，左髋负重时加重",
    /// "VAS：5/10", "6/10 right hip" (unseen bundle ehr40: only a text beginning with its digits was
    /// read). The scale's name may come first; the number must end there — "分", "/10", punctuation,
    /// a space or the end — so that "3天前出现" (three days ago) or "10mm" is no score. What follows
    /// is where the pain is, when the text says it ("左髋负重时加重").
    static func painText(_ text: String) -> (nrs: Int, rest: String)? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        for prefix in ["nrs", "vas", "疼痛评分", "评分"] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        }
        rest = rest.drop { $0 == " " || $0 == ":" || $0 == "：" || $0 == "=" }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits), (0...10).contains(value) else { return nil }
        rest = rest.dropFirst(digits.count)
        // A decimal ("7.5") is no 0–10 integer score, as a quantity of 7.5 is not.
        if rest.first == ".", rest.dropFirst().first?.isNumber == true { return nil }
        if rest.hasPrefix("分") {
            rest = rest.dropFirst()
        } else if rest.hasPrefix("/10") || rest.hasPrefix("／10") {
            rest = rest.dropFirst(3)
        } else if let next = rest.first, !(next.isWhitespace || "，,;；。.、".contains(next)) {
            return nil
        }
        let place = rest.trimmingCharacters(in: CharacterSet(charactersIn: " ，,;；。.、"))
        return (value, place)
    }
}
