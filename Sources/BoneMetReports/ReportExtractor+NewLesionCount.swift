import Foundation

/// New lesions a report counts without naming where they are: "新见2处放射性浓聚灶", "two new foci of
/// uptake", "interval development of three new lesions". Such a count is the study's
/// `unnamedNewLesions` — on a bone scan what PCWG3's 2+2 rule counts (Scher 2016) — and was read as
/// nothing (unseen reports, 2026-12-06). Only a number written in the clause counts ("多发", "several",
/// "multiple" give none), and only where the clause names no site (a named site is a lesion the
/// suggestions already hold).
extension ReportExtractor {
    static let countWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    ]
    static let newWords = ["新见", "新发", "新增", "新出现", "new", "interval development", "newly"]
    static let focusPattern = try? NSRegularExpression(
        pattern: #"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|[一二两三四五六七八九十])\s*(?:处|个|枚)?\s*(?:new\s+|新的?|新发|新增)?\s*(?:additional\s+|more\s+)?(?:abnormal\s+|hot\s+)?(?:foci|focus|lesions|lesion|hot spots|metastases|放射性浓聚灶|浓聚灶|浓聚|病灶|转移灶|骨转移灶)"#,
        options: [.caseInsensitive])

    /// The new lesions the report counts in clauses that name no site; nil when it counts none.
    public func newLesionCount(_ report: String) -> Int? {
        guard let pattern = Self.focusPattern else { return nil }
        var total = 0
        let clauses = report.components(separatedBy: CharacterSet(charactersIn: "。；;\n")).flatMap { $0.components(separatedBy: ". ") }
        for clause in clauses {
            let lower = clause.lowercased()
            guard Self.newWords.contains(where: lower.contains), extract(clause).lesions.isEmpty else { continue }
            let range = NSRange(lower.startIndex..., in: lower)
            guard let match = pattern.firstMatch(in: lower, range: range), let number = Range(match.range(at: 1), in: lower) else { continue }
            let word = String(lower[number])
            guard let count = Int(word) ?? Self.countWords[word], count > 0 else { continue }
            total += count
        }
        return total > 0 ? total : nil
    }
}
