import Foundation

/// How much a vertebra has collapsed, as a report words it: SINS scores collapse against one half
/// (Fisher 2010: more than 50 %, less than 50 %), so a half, and the bounds around it, decide.
extension ReportExtractor {
    /// SINS collapse from the words around it: a percentage or fraction, or mild / severe.
    static func collapseDegree(_ clause: String) -> String? {
        let lower = clause.lowercased()
        // "less than 50%", "<50%", "不足50%": under half whatever the number says.
        if lower.range(of: #"(less than|under|below|<|小于|不足|低于|少于)\s*(\d{1,3})\s*%"#, options: .regularExpression) != nil { return "under50" }
        // A half bounded below it after ("约1/2以下", "half or less"): under half.
        if let half = lower.range(of: #"(?<!\d)(50\s*%|1/2)|一半|\bhalf\b"#, options: .regularExpression),
            halfBoundsBelow.contains(where: lower[half.upperBound...].trimmingCharacters(in: .whitespaces).hasPrefix) { return "under50" }
        if let percent = lower.range(of: #"(\d{1,3})\s*%"#, options: .regularExpression) {
            let digits = lower[percent].filter(\.isNumber)
            if let value = Int(digits) { return value >= 50 ? "over50" : "under50" }
        }
        // Fractions in words as in figures ("about one third of its height", batch 35).
        let over = [
            "1/2", "2/3", "3/4", "一半", "过半", "超过50", "大于50", "重度", "完全", "severe", "more than half", "greater than 50", "over half", "complete",
            "two thirds", "two-thirds", "three quarters", "three-quarters",
        ]
        let under = [
            "1/3", "1/4", "1/5", "轻度", "轻微", "少许", "稍", "略", "mild", "slight", "less than 50", "less than half", "minimal",
            "one third", "one-third", "a third", "one quarter", "one-quarter", "a quarter",
        ]
        if over.contains(where: lower.contains) { return "over50" }
        if under.contains(where: lower.contains) { return "under50" }
        return nil
    }

    /// A collapse of one half, neither more nor less: "约1/2", "一半", "50%", "half" — not "超过一半",
    /// "过半", "more than half", "greater than 50%", "51%".
    static func collapseAtHalf(_ clause: String) -> Bool {
        let lower = clause.lowercased()
        let bounds = ["more than", "greater than", "over", "under", "less than", "above", "below", ">", "<", "超过", "大于", "小于", "不足", "低于", "高于", "少于", "多于", "过"]
        let half = #"(?<!\d)(50\s*%|1/2)|一半|\bhalf\b"#
        guard let found = lower.range(of: half, options: .regularExpression) else { return false }
        let before = lower[..<found.lowerBound].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "约", with: "")
            .replacingOccurrences(of: "approximately", with: "").replacingOccurrences(of: "about", with: "").trimmingCharacters(in: .whitespaces)
        // A bound after it too: "压缩约1/2以上" is more than half (read "≥ 50 %" in doubt, unseen
        // CT report, batch 20); "1/2以下" less.
        let after = lower[found.upperBound...].trimmingCharacters(in: .whitespaces)
        return !bounds.contains { before.hasSuffix($0) } && !Self.halfBoundsAfter.contains { after.hasPrefix($0) }
    }

    /// Words after a half that bound it: more ("以上", "or more") or less ("以下", "or less").
    static let halfBoundsAbove = ["以上", "有余", "or more", "or greater", "and above", "and more"]

    static let halfBoundsBelow = ["以下", "以内", "or less", "and below", "or under"]

    static var halfBoundsAfter: [String] { halfBoundsAbove + halfBoundsBelow }
}
