import Foundation

/// HER2 status as a pathology text writes it, when the record has no coded `her2`: the
/// immunohistochemistry score (ASCO/CAP 2018, Wolff AC et al. J Clin Oncol 2018;36:2105-22:
/// IHC 3+ positive, 0 negative; 1+ is HER2-low — DESTINY-Breast04, Modi S et al. N Engl J Med
/// 2022;387:9-20), or the word. IHC 2+ is equivocal until in-situ hybridisation decides: read
/// only with its result ("2+，FISH阳性" positive, "2+，FISH阴性" low). A case whose pathology read
/// "ER- PR- HER2 3+" showed "ER− PR−" and no HER2 on its first screen (cb52-a).
public enum HER2Text {
    static let names = ["her2", "her-2", "cerbb-2", "cerb-b2", "c-erbb-2", "c-erbb2", "erbb2"]

    public static func status(in text: String) -> ReceptorStatus? {
        let t = ReceptorText.normalised(text)
        var readings: [ReceptorStatus] = []
        for name in names {
            var search = t.startIndex..<t.endIndex
            while let found = t.range(of: name, range: search) {
                search = found.upperBound..<t.endIndex
                // A Latin name stands alone ("her2" of "her2-low" is read; not "cher2").
                if found.lowerBound > t.startIndex, let before = t[t.index(before: found.lowerBound)].unicodeScalars.first,
                    ReceptorText.isLetter(before)
                { continue }
                let window = String(t[found.upperBound...].prefix(32))
                if let reading = read(window) { readings.append(reading) }
            }
        }
        // "三阴性", "triple-negative": HER2 negative with ER and PR.
        guard let first = readings.first else { return ReceptorText.tripleNegative(Array(t.unicodeScalars)) ? .negative : nil }
        return readings.allSatisfy({ $0 == first }) ? first : nil
    }

    static func read(_ window: String) -> ReceptorStatus? {
        // Up to the next marker's name or the end of the clause.
        var w = window
        for stop in ["ki", "er", "pr", "ar", "p53", "ck", "ttf", ";", "；", "。"] {
            if let range = w.range(of: stop) { w = String(w[..<range.lowerBound]) }
        }
        var c = w.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ":", with: "")
        if c.hasPrefix("/neu") { c.removeFirst(4) }
        if ["-low", "low", "(low", "低表达", "(低表达"].contains(where: c.hasPrefix) { return .low }
        if c.hasPrefix("-positive") || c.hasPrefix("positive") || c.hasPrefix("阳性") || c.hasPrefix("(阳性") { return .positive }
        if c.hasPrefix("-negative") || c.hasPrefix("negative") || c.hasPrefix("阴性") || c.hasPrefix("(阴性") { return .negative }
        // Scores, with or without brackets: 3+ / +++ positive, 1+ / (+) low, 0 / (-) / - negative.
        let score = c.hasPrefix("(") ? String(c.dropFirst()) : c
        if score.hasPrefix("3+") || score.hasPrefix("+++") { return .positive }
        if score.hasPrefix("2+") || score.hasPrefix("++") {
            // Decided by in-situ hybridisation, when its result follows.
            guard let ish = c.range(of: "ish") ?? c.range(of: "扩增") else { return nil }
            let result = String(c[ish.lowerBound...])
            if ["无扩增", "未扩增", "不扩增"].contains(where: c.contains) || ["阴性", "negative", "-", "notampl", "nonampl"].contains(where: result.contains) { return .low }
            if ["阳性", "positive", "+", "ampl"].contains(where: result.contains) || c.contains("有扩增") { return .positive }
            return nil
        }
        // "(+)" in a Chinese report is the 1+ score; "HER2+" without brackets is positive.
        if score.hasPrefix("1+") || c.hasPrefix("(+)") { return .low }
        if c.hasPrefix("+") { return .positive }
        if score.hasPrefix("0") || score.hasPrefix("-") { return .negative }
        return nil
    }
}

extension PrimaryCancer {
    /// HER2 as recorded, else as its pathology text writes it (`HER2Text`).
    public var effectiveHER2: ReceptorStatus? { her2 ?? histology.flatMap { HER2Text.status(in: $0) } }
}
