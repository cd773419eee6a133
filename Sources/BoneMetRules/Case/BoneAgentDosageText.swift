import Foundation

/// The dose and interval of a bone-modifying agent as free text writes them — an order's dosage
/// text when the structured dosage is absent (the FHIR import), a regimen row's name (the rules,
/// `CaseIndex.boneAgentReading`; one reader for both since rule set 2026.12.317): "4mg ivgtt q12w",
/// "120mg 皮下注射 每4周", "4 mg IV every 3 months".
/// Chinese EHRs often send only `dosageInstruction.text`; a zoledronic acid order "4mg ivgtt q12w"
/// came without dose or interval, so neither the CrCl dose check nor the schedule (due dates,
/// 12-weekly vs 4-weekly, the 60 mg bone-loss dose) could read it (unseen bundle, 2026-12-04).
/// Months count as the structured reader counts them (52 ÷ 12 weeks each: 3 months = 13 weeks).
public enum BoneAgentDosageText {
    public struct Reading: Equatable, Sendable {
        public var doseMg: Double?
        public var intervalWeeks: Int?

        public init(doseMg: Double? = nil, intervalWeeks: Int? = nil) {
            self.doseMg = doseMg
            self.intervalWeeks = intervalWeeks
        }
    }

    /// Not a concentration ("4mg/100ml", "4 mg/5 mL") nor a dose by weight ("mg/kg"); a slash
    /// before an interval is the interval's ("120mg/4w").
    private static let dose = try? NSRegularExpression(pattern: #"(\d+(?:\.\d+)?)\s*(mg|毫克)(?![a-z])(?!\s*/\s*(?:\d*(?:\.\d+)?\s*m?l|kg)\b)"#)
    /// q4w, q12wk, q28d, q3m, q 3 months; every 4 weeks; 每4周, 每3个月, 每28天, 每四周, 每两周,
    /// 每二十八天; and as Chinese orders also write it, the interval before the count — "4周1次",
    /// "1次/4周", "/4w" ("120mg/4w").
    private static let interval = try? NSRegularExpression(
        pattern: #"(?:\bq\s*(\d+)\s*(w|wk|wks|weeks?|d|days?|m|mo|mos|months?)\b|\bevery\s+(\d+)\s*(weeks?|days?|months?)\b|每\s*([0-9一二两三四五六七八九十]+)\s*(周|星期|天|日|个月|月)|([0-9一二两三四五六七八九十]+)\s*(周|个月|天)\s*(?:1|一)\s*次|次\s*/\s*([0-9一二两三四五六七八九十]+)\s*(周|个月|天)|/\s*(\d+)\s*(w|wk|wks|d|m)\b)"#)
    /// Once a month, once in half a year, with no count: 每月, 每月一次, monthly, every month;
    /// 每半年, every six months is the count's.
    private static let monthly = try? NSRegularExpression(pattern: #"(?:每月|\bmonthly\b|\bevery\s+month\b|\bonce\s+a\s+month\b)"#)
    private static let halfYearly = try? NSRegularExpression(pattern: #"(?:每半年|半年\s*(?:1|一)\s*次)"#)

    /// The first dose and interval the text writes (an order's dosage text).
    public static func read(_ text: String?) -> Reading? {
        guard let text, !text.isEmpty else { return nil }
        let all = readAll(text)
        let reading = Reading(doseMg: all.doses.first, intervalWeeks: all.weeks.first)
        return reading == Reading() ? nil : reading
    }

    /// The dose and interval a text writes only where it writes one of each (a regimen row's
    /// name, "唑来膦酸 4mg 每4周"; two doses, "4mg → 3.3mg", give none).
    public static func readUnique(_ text: String) -> Reading {
        let all = readAll(text)
        return Reading(
            doseMg: Set(all.doses).count == 1 ? all.doses.first : nil, intervalWeeks: Set(all.weeks).count == 1 ? all.weeks.first : nil)
    }

    /// Every dose and every interval the text writes, in order.
    static func readAll(_ text: String) -> (doses: [Double], weeks: [Int]) {
        let lower = text.lowercased()
        let whole = NSRange(lower.startIndex..., in: lower)
        var doses: [Double] = []
        for match in dose?.matches(in: lower, range: whole) ?? [] {
            if let range = Range(match.range(at: 1), in: lower), let value = Double(lower[range]), value > 0, value < 10_000 { doses.append(value) }
        }
        var weeks: [Int] = []
        for match in interval?.matches(in: lower, range: whole) ?? [] {
            let groups = (1...12).map { index -> String? in
                Range(match.range(at: index), in: lower).map { String(lower[$0]) }
            }
            let number = groups[0] ?? groups[2] ?? groups[4] ?? groups[6] ?? groups[8] ?? groups[10]
            let unit = groups[1] ?? groups[3] ?? groups[5] ?? groups[7] ?? groups[9] ?? groups[11]
            guard let number, let unit, let count = Double(number) ?? chineseNumber(number) else { continue }
            let span: Double? = switch unit {
            case let u where u.hasPrefix("w") || u == "周" || u == "星期": count
            case let u where u.hasPrefix("d") || u == "天" || u == "日": count / 7
            case let u where u.hasPrefix("m") || u == "个月" || u == "月": count * 52 / 12
            default: nil
            }
            if let span, span.rounded() >= 1, span < 200 { weeks.append(Int(span.rounded())) }
        }
        if weeks.isEmpty {
            if halfYearly?.firstMatch(in: lower, range: whole) != nil {
                weeks.append(26)
            } else if monthly?.firstMatch(in: lower, range: whole) != nil {
                // A month as the structured reader counts it: 52 ÷ 12 weeks, 4 rounded.
                weeks.append(4)
            }
        }
        return (doses, weeks)
    }

    /// 一 … 九 and 两, 十, 十二, 二十八: the numbers an interval is written with.
    private static func chineseNumber(_ text: String) -> Double? {
        let digits: [Character: Double] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let characters = Array(text)
        guard let ten = characters.firstIndex(of: "十") else {
            return characters.count == 1 ? digits[characters[0]] : nil
        }
        let tens = ten == 0 ? 1 : (ten == 1 ? digits[characters[0]] : nil)
        let rest = characters[(ten + 1)...]
        let units = rest.isEmpty ? 0 : (rest.count == 1 ? rest.first.flatMap { digits[$0] } : nil)
        guard let tens, let units else { return nil }
        return tens * 10 + units
    }
}
