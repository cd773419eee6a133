import Foundation

/// The dose and interval of a bone-modifying agent as an order's free text writes them, when the
/// structured dosage is absent: "4mg ivgtt q12w", "120mg 皮下注射 每4周", "4 mg IV every 3 months".
/// Chinese EHRs often send only `dosageInstruction.text`; a zoledronic acid order "4mg ivgtt q12w"
/// came without dose or interval, so neither the CrCl dose check nor the schedule (due dates,
/// 12-weekly vs 4-weekly, the 60 mg bone-loss dose) could read it (unseen bundle, 2026-12-04).
/// Months count as the structured reader counts them (52 ÷ 12 weeks each: 3 months = 13 weeks).
enum BoneAgentDosageText {
    struct Reading: Equatable {
        var doseMg: Double?
        var intervalWeeks: Int?
    }

    private static let dose = try? NSRegularExpression(pattern: #"(\d+(?:\.\d+)?)\s*(mg|毫克)(?![a-z/])"#)
    /// q4w, q12wk, q28d, q3m, q 3 months; every 4 weeks; 每4周, 每3个月, 每28天, 每四周.
    private static let interval = try? NSRegularExpression(
        pattern: #"(?:\bq\s*(\d+)\s*(w|wk|wks|weeks?|d|days?|m|mo|mos|months?)\b|\bevery\s+(\d+)\s*(weeks?|days?|months?)\b|每\s*([0-9一二三四五六八十]+)\s*(周|星期|天|日|个月|月))"#)

    static func read(_ text: String?) -> Reading? {
        guard let text, !text.isEmpty else { return nil }
        let lower = text.lowercased()
        let whole = NSRange(lower.startIndex..., in: lower)
        var reading = Reading()
        if let match = dose?.firstMatch(in: lower, range: whole), let range = Range(match.range(at: 1), in: lower),
            let value = Double(lower[range]), value > 0, value < 10_000
        {
            reading.doseMg = value
        }
        if let match = interval?.firstMatch(in: lower, range: whole) {
            let groups = (1...6).map { index -> String? in
                Range(match.range(at: index), in: lower).map { String(lower[$0]) }
            }
            let number = groups[0] ?? groups[2] ?? groups[4]
            let unit = groups[1] ?? groups[3] ?? groups[5]
            if let number, let unit, let count = Double(number) ?? chineseNumber(number) {
                let weeks: Double? = switch unit {
                case let u where u.hasPrefix("w") || u == "周" || u == "星期": count
                case let u where u.hasPrefix("d") || u == "天" || u == "日": count / 7
                case let u where u.hasPrefix("m") || u == "个月" || u == "月": count * 52 / 12
                default: nil
                }
                if let weeks, weeks.rounded() >= 1, weeks < 200 { reading.intervalWeeks = Int(weeks.rounded()) }
            }
        }
        return reading == Reading() ? nil : reading
    }

    private static func chineseNumber(_ text: String) -> Double? {
        let digits: [Character: Double] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "八": 8]
        if text == "十" { return 10 }
        if text.hasPrefix("十"), let last = text.last, let unit = digits[last] { return 10 + unit }
        if text.count == 1, let first = text.first { return digits[first] }
        return nil
    }
}
