import Foundation

/// How much of the bone's diameter a lesion involves, as a report writes it — Mirels's size item
/// (Mirels 1989: < 1/3, 1/3–2/3, > 2/3 of the diameter on the plain film). "右股骨转子间溶骨性
/// 破坏，范围约占骨干直径2/3" gave the character and destruction but not the size, which decides
/// between Mirels 8 and 9 (unseen record cb31, 2026-12-04).
///
/// A fraction ("2/3", "三分之二", "一半", "50%", "two thirds") is read only with a word for the
/// diameter, cortex or circumference in its clause; alone ("压缩约1/3") it is something else.
/// Without a bound it is the fraction (`fractionOfDiameter`, 2/3 → 0.67); "more than 2/3" and
/// "less than 1/3" are the size class itself (`mirelsSize`); a bound that leaves two classes open
/// ("more than half") is not read.
enum DiameterFractionGrammar {
    struct Match {
        let span: TextSpan
        let field: String
        let value: String
        /// The fraction's own words ("1/2"), inside `span`.
        var token: TextSpan? = nil
    }

    private static let fraction = try? NSRegularExpression(
        pattern: #"(\d)\s*/\s*(\d)|三分之[一二]|二分之一|一半|(\d{1,3})\s*%|\b(one[- ]third|two[- ]thirds|one[- ]half|half)\b"#)
    private static let diameterWords = [
        "骨干直径", "骨直径", "横径", "直径", "周径", "骨干", "骨皮质", "皮质", "骨宽", "骨径",
        "diameter", "circumference", "width", "cortex", "cortices", "cortical",
    ]
    private static let more = ["超过", "大于", "多于", "逾", ">", "more than", "over", "greater than", "exceeding"]
    private static let less = ["不足", "小于", "少于", "不到", "<", "less than", "under"]
    /// Bounds that follow the fraction (within a few characters of it).
    private static let moreAfterwards = ["以上", "有余", "or more", "or greater", "and above", "and more"]
    private static let lessAfterwards = ["以下", "以内", "or less", "and below", "or under"]

    static func matches(in text: ReportText) -> [Match] {
        guard let fraction else { return [] }
        let string = String(decoding: text.units, as: UTF16.self)
        let whole = NSRange(location: 0, length: (string as NSString).length)
        let results = fraction.matches(in: string, range: whole)
        let tokens = results.map { TextSpan($0.range.location, $0.range.location + $0.range.length) }
        return joinRanges(results.compactMap { result -> Match? in
            let found = TextSpan(result.range.location, result.range.location + result.range.length)
            guard let value = value(of: (string as NSString).substring(with: result.range)) else { return nil }
            let clause = ReportExtractor.clause(text, around: found)
            // The first end of a range reaches the diameter word after its second ("one third to
            // one half of the diameter").
            let reach = tokens.first { $0.start >= found.end && rangeConnectors.contains(text.text(TextSpan(found.end, $0.start)).lowercased().trimmingCharacters(in: .whitespaces)) }?.end ?? found.end
            // A diameter word within the clause, near the fraction (12 before, 24 after: "of the
            // cortex", "of the bone width" — 16 missed the latter's "width", unseen X-ray report
            // b16-en-04); the nearest one is its evidence.
            let window = TextSpan(max(clause.start, found.start - 12), min(clause.end, reach + 24))
            let near = text.text(window) as NSString
            let words = diameterWords.compactMap { word -> (start: Int, end: Int)? in
                let range = near.range(of: word)
                return range.location == NSNotFound ? nil : (window.start + range.location, window.start + range.location + range.length)
            }
            guard let word = words.min(by: { distance($0, found) < distance($1, found) }) else { return nil }
            // Long enough for "greater than " (13): "involves greater than two-thirds of the cortical
            // diameter" read 0.67, Mirels's 2 points, not the > 2/3's 3 (unseen X-ray report).
            let beforeSpan = TextSpan(max(clause.start, found.start - 16), found.start)
            let before = text.text(beforeSpan) as NSString
            func position(_ list: [String]) -> Int? {
                list.compactMap { term -> Int? in
                    let range = before.range(of: term)
                    return range.location == NSNotFound ? nil : beforeSpan.start + range.location
                }.min()
            }
            // A bound written after the fraction — or after its diameter word, as English writes it:
            // "约占骨干直径2/3以上", "one third of the diameter or less". "2/3以上" read as 0.67,
            // Mirels's 1/3–2/3 (2 points), where the report says more than two thirds (3).
            let following = TextSpan(found.end, min(clause.end, found.end + 32))
            let followingText = text.text(following) as NSString
            let tail = diameterWords.compactMap { word -> Int? in
                let range = followingText.range(of: word)
                return range.location == NSNotFound ? nil : following.start + range.location + range.length
            }.max() ?? found.end
            let afterSpan = TextSpan(tail, min(clause.end, tail + 12))
            let after = text.text(afterSpan) as NSString
            func follows(_ list: [String]) -> Int? {
                list.compactMap { term -> Int? in
                    let range = after.range(of: term)
                    return range.location == NSNotFound || range.location > 3 ? nil : afterSpan.start + range.location + range.length
                }.min()
            }
            let moreAfter = follows(moreAfterwards), lessAfter = follows(lessAfterwards)
            let moreAt = position(more) ?? moreAfter.map { _ in found.start }, lessAt = position(less) ?? lessAfter.map { _ in found.start }
            let bound: String? = moreAt != nil ? "more" : lessAt != nil ? "less" : nil
            let third = 1.0 / 3
            let field: String
            let reading: String
            switch bound {
            case "more":
                guard abs(value - 2 * third) < 0.02 else { return nil }
                (field, reading) = ("mirelsSize", "moreThanTwoThirds")
            case "less":
                guard abs(value - third) < 0.02 else { return nil }
                (field, reading) = ("mirelsSize", "lessThanOneThird")
            default:
                guard value > 0, value <= 1 else { return nil }
                (field, reading) = ("fractionOfDiameter", ReportExtractor.number((value * 100).rounded() / 100))
            }
            // The evidence: from the diameter word or the bound, whichever comes first, to the fraction.
            let start = [word.start, found.start, moreAt ?? Int.max, lessAt ?? Int.max].min() ?? found.start
            let end = [found.end, word.end, bound == "more" ? moreAfter ?? 0 : 0, bound == "less" ? lessAfter ?? 0 : 0].max() ?? found.end
            return Match(span: TextSpan(start, end), field: field, value: reading, token: found)
        }, text: text)
    }

    /// A range of two fractions ("累及骨干横径约1/2至2/3", "one third to one half of the diameter")
    /// is Mirels's size class where both ends fall in one class — it read 0.5, its lower end — and
    /// nothing where they fall in two (the reader measures it; unseen CT report, 2026-12-06).
    static func joinRanges(_ found: [Match], text: ReportText) -> [Match] {
        var result: [Match] = []
        var index = 0
        while index < found.count {
            let first = found[index]
            if index + 1 < found.count, first.field == "fractionOfDiameter", found[index + 1].field == "fractionOfDiameter",
                let from = first.token, let to = found[index + 1].token, from.end <= to.start
            {
                let second = found[index + 1]
                let between = text.text(TextSpan(from.end, to.start)).lowercased().trimmingCharacters(in: .whitespaces)
                if rangeConnectors.contains(between) {
                    let classes = Set([first.value, second.value].compactMap(Double.init).map(sizeClass))
                    if classes.count == 1, let only = classes.first {
                        result.append(Match(span: TextSpan(min(first.span.start, second.span.start), max(first.span.end, second.span.end)), field: "mirelsSize", value: only))
                    }
                    index += 2
                    continue
                }
            }
            result.append(first)
            index += 1
        }
        return result
    }

    static let rangeConnectors: Set<String> = ["至", "到", "-", "–", "~", "～", "to"]

    /// Mirels's size classes: under a third, a third to two thirds, over two thirds.
    static func sizeClass(_ value: Double) -> String {
        value < 1.0 / 3 - 0.005 ? "lessThanOneThird" : value > 2.0 / 3 + 0.005 ? "moreThanTwoThirds" : "oneThirdToTwoThirds"
    }

    private static func distance(_ word: (start: Int, end: Int), _ span: TextSpan) -> Int {
        word.end <= span.start ? span.start - word.end : max(0, word.start - span.end)
    }

    /// The fraction a token names, 0…1 (a percentage over 100 is none).
    static func value(of token: String) -> Double? {
        switch token {
        case "三分之一", "one third", "one-third": return 1.0 / 3
        case "三分之二", "two thirds", "two-thirds": return 2.0 / 3
        case "二分之一", "一半", "one half", "one-half", "half": return 0.5
        default: break
        }
        if token.hasSuffix("%") {
            let digits = token.filter(\.isNumber)
            return Double(digits).flatMap { $0 <= 100 ? $0 / 100 : nil }
        }
        let parts = token.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), b > 0, a <= b else { return nil }
        return a / b
    }
}
