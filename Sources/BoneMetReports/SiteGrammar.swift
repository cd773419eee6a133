import BoneMetRules

/// Vertebral levels as reports write them: "T10", "t10-12", "L1~L3", "胸10", "胸10-12椎体",
/// "第10胸椎", "第十胸椎", "S1". MRI sequence names (T1WI, T2加权, "T2-weighted") are not levels.
enum SiteGrammar {
    struct Levels {
        let span: TextSpan
        let levels: [VertebralLevel]
    }

    static let latinRegions: [UInt16: VertebralLevel.Region] = [
        UInt16(UInt8(ascii: "c")): .cervical, UInt16(UInt8(ascii: "t")): .thoracic, UInt16(UInt8(ascii: "l")): .lumbar, UInt16(UInt8(ascii: "s")): .sacral,
    ]
    static let chineseRegions: [UInt16: VertebralLevel.Region] = [
        "颈".utf16.first!: .cervical, "胸".utf16.first!: .thoracic, "腰".utf16.first!: .lumbar, "骶".utf16.first!: .sacral,
    ]
    static let chineseDigits: [UInt16: Int] = Dictionary(uniqueKeysWithValues: Array("一二三四五六七八九十".utf16).enumerated().map { ($1, $0 + 1) })
    static let di = "第".utf16.first!
    static let zhui = "椎".utf16.first!
    static let dun = "、".utf16.first!

    static func levels(in text: ReportText) -> [Levels] {
        var found: [Levels] = []
        var index = 0
        while index < text.count {
            if let match = latin(text, at: index) ?? chinese(text, at: index) ?? ordinal(text, at: index) ?? englishOrdinal(text, at: index) ?? named(text, at: index) {
                found.append(match)
                index = match.span.end
            } else {
                index += 1
            }
        }
        return found
    }

    /// The first two cervical vertebrae by their names: 寰椎 and "atlas" C1, 枢椎, its 齿突 and the
    /// "odontoid" C2 ("枢椎齿突骨质破坏", "寰椎前弓骨质破坏" read no site; 2026-12-06). "Axis" alone is
    /// too common a word to be read.
    static let namedLevels: [(word: String, level: String)] = [("寰椎", "C1"), ("枢椎", "C2"), ("齿突", "C2"), ("atlas", "C1"), ("odontoid", "C2")]

    static func named(_ text: ReportText, at index: Int) -> Levels? {
        for (word, level) in namedLevels where text.hasWord(word, at: index) {
            let end = index + ReportText.units(word).count
            // An English name stands alone as a word.
            if word.first?.isASCII == true, ReportText.isLetter(text[index - 1]) || ReportText.isLetter(text[end]) { continue }
            guard let parsed = VertebralLevel(level) else { continue }
            return Levels(span: TextSpan(index, end), levels: [parsed])
        }
        return nil
    }

    /// A number at `index`: Arabic (1–2 digits) or Chinese (一 … 十二); its value and end.
    static func number(_ text: ReportText, at index: Int) -> (Int, Int)? {
        if ReportText.isDigit(text[index]) {
            var end = index
            var value = 0
            while ReportText.isDigit(text[end]), end - index < 2 {
                value = value * 10 + Int(text[end] - 0x30)
                end += 1
            }
            if ReportText.isDigit(text[end]) { return nil }
            return (value, end)
        }
        guard let first = chineseDigits[text[index]] else { return nil }
        if first == 10, let second = chineseDigits[text[index + 1]], second < 10 { return (10 + second, index + 2) }
        return (first, index + 1)
    }

    static func latin(_ text: ReportText, at index: Int) -> Levels? {
        // "T-12", "L-1" as US reports write a level (they were no level at all, unseen reports).
        let hyphen = text[index + 1] == UInt16(UInt8(ascii: "-")) && ReportText.isDigit(text[index + 2]) ? 1 : 0
        guard let region = latinRegions[text[index]], !ReportText.isLetter(text[index - 1]), !ReportText.isDigit(text[index - 1]),
            ReportText.isDigit(text[index + 1 + hyphen]), let (first, end) = number(text, at: index + 1 + hyphen)
        else { return nil }
        // T1WI, T2-weighted, T2加权, T2 FLAIR: sequences, not levels.
        if ReportText.isLetter(text[end]) { return nil }
        let after = text.text(TextSpan(end, min(text.count, end + 10)))
        if after.hasPrefix("加权") || after.hasPrefix("-weighted") || after.hasPrefix(" weighted") || after.hasPrefix("wi") { return nil }
        if region == .thoracic, first <= 2, !isLevelRange(text, end: end), isSignalSequence(text, start: index, after: after) { return nil }
        var last = first
        var stop = end
        // A range: T10-12, T10-T12, T10~L2, T10至T12, "T4 through T6", "T4 to T6".
        var joiner = -1
        if [UInt16(UInt8(ascii: "-")), "至".utf16.first!, "到".utf16.first!].contains(text[end]) {
            joiner = end + 1
        } else {
            for word in [" through ", " to ", " - "] where text.hasWord(word, at: end) { joiner = end + word.utf16.count }
        }
        if joiner > 0 {
            var next = joiner
            var toRegion = region
            if let other = latinRegions[text[next]] {
                toRegion = other
                next += 1
            }
            if let (to, toEnd) = number(text, at: next), !ReportText.isLetter(text[toEnd]) {
                if toRegion == region, to > first {
                    last = to
                    stop = toEnd
                } else if toRegion != region {
                    return span(region, first, through: (toRegion, to), from: index, to: toEnd)
                }
            }
        }
        return range(region, first, last, from: index, to: stop)
    }

    /// "长T1长T2信号", "T2压脂呈高信号", "T1呈低信号", "稍短T2", "T2 FLAIR", "T2 fs", "T2 hyperintense",
    /// "hypointense on T1": MRI signal
    /// descriptions of the sequences, not the first two thoracic levels — a Chinese spine MRI
    /// report names them in nearly every sentence, and "L3 … 长T1长T2信号，直径约1.2cm" gave
    /// phantom lesions at T1 and T2 holding L3's size.
    static func isSignalSequence(_ text: ReportText, start: Int, after: String) -> Bool {
        let before = text.text(TextSpan(max(0, start - 1), start))
        if ["长", "短", "等", "稍", "混"].contains(before) { return true }
        // "hypointense on T1 and hyperintense on T2": English names the sequence after "on".
        if text.text(TextSpan(max(0, start - 3), start)) == "on " { return true }
        let rest = after.drop { $0 == " " }
        let words = ["压脂", "抑脂", "脂肪抑制", "序列", "像", "信号", "flair", "fs", "stir", "增强", "hyper", "hypo", "iso", "signal", "image", "sequence", "fat"]
        for word in words where rest.hasPrefix(word) {
            return true
        }
        // "T1呈低信号", "T2上呈高信号": a signal within the next few characters.
        return rest.prefix(6).contains("信号")
    }

    /// "T1-2", "T1至T3": a written range is levels, whatever follows it.
    static func isLevelRange(_ text: ReportText, end: Int) -> Bool {
        [UInt16(UInt8(ascii: "-")), "至".utf16.first!, "到".utf16.first!, "~".utf16.first!].contains(text[end]) && ReportText.isDigit(text[end + 1])
            || [UInt16(UInt8(ascii: "-")), "至".utf16.first!, "到".utf16.first!].contains(text[end]) && latinRegions[text[end + 1]] != nil
    }

    static func chinese(_ text: ReportText, at index: Int) -> Levels? {
        guard let region = chineseRegions[text[index]], let (first, end) = number(text, at: index + 1) else { return nil }
        var last = first
        var stop = end
        if [UInt16(UInt8(ascii: "-")), "至".utf16.first!, "到".utf16.first!].contains(text[end]) {
            var next = end + 1
            // Across regions, "胸11-腰1椎体": T11, T12 and L1 (T12 was lost, unseen report).
            if let other = chineseRegions[text[next]] ?? latinRegions[text[next]], other != region,
                let (to, toEnd) = number(text, at: next + 1)
            {
                var close = toEnd
                while text[close] == zhui || text[close] == "体".utf16.first! { close += 1 }
                if let spanned = span(region, first, through: (other, to), from: index, to: close) { return spanned }
            }
            if chineseRegions[text[next]] == region { next += 1 }
            if let (to, toEnd) = number(text, at: next), to > first {
                last = to
                stop = toEnd
            }
        }
        // "胸4、6椎体": the numbers of a list after the region continue it, when the list ends with
        // the vertebra's word (T6 was lost, 2026-12-06) — not "胸4、6个月".
        var listed: [Int] = []
        var listStop = stop
        while text[listStop] == dun, let (next, nextEnd) = number(text, at: listStop + 1), next > (listed.last ?? last) {
            listed.append(next)
            listStop = nextEnd
        }
        if !listed.isEmpty, text[listStop] == zhui, let head = range(region, first, last, from: index, to: stop) {
            stop = listStop
            while text[stop] == zhui || text[stop] == "体".utf16.first! { stop += 1 }
            let more = listed.compactMap { VertebralLevel(region: region, number: $0) }
            return Levels(span: TextSpan(index, stop), levels: head.levels + more)
        }
        // "胸10椎体" / "胸10椎": the level's own word belongs to the mention.
        while text[stop] == zhui || text[stop] == "体".utf16.first! { stop += 1 }
        return range(region, first, last, from: index, to: stop)
    }

    /// 第10胸椎, 第十二胸椎.
    static func ordinal(_ text: ReportText, at index: Int) -> Levels? {
        guard text[index] == di, let (value, end) = number(text, at: index + 1), let region = chineseRegions[text[end]], text[end + 1] == zhui else { return nil }
        var stop = end + 2
        if text[stop] == "体".utf16.first! { stop += 1 }
        return range(region, value, value, from: index, to: stop)
    }

    static let englishOrdinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"]
    static let englishRegions: [(String, VertebralLevel.Region)] = [("cervical", .cervical), ("thoracic", .thoracic), ("dorsal", .thoracic), ("lumbar", .lumbar), ("sacral", .sacral)]

    /// "the third lumbar vertebra", "twelfth thoracic vertebral body": a level in words, as
    /// English reports and SNOMED CT's body structures write it — and only with the vertebra's
    /// word ("third lumbar nerve root" is none).
    static func englishOrdinal(_ text: ReportText, at index: Int) -> Levels? {
        guard !ReportText.isLetter(text[index - 1]) else { return nil }
        let rest = text.text(TextSpan(index, min(text.count, index + 48)))
        for (number, word) in englishOrdinals.enumerated() where rest.hasPrefix(word + " ") {
            let afterOrdinal = rest.dropFirst(word.count + 1)
            for (name, region) in englishRegions where afterOrdinal.hasPrefix(name + " ") {
                let tail = afterOrdinal.dropFirst(name.count + 1)
                guard let noun = ["vertebral body", "vertebrae", "vertebra", "vertebral"].first(where: { tail.hasPrefix($0) }) else { return nil }
                let length = word.count + 1 + name.count + 1 + noun.count
                return range(region, number + 1, number + 1, from: index, to: index + length)
            }
        }
        return nil
    }

    static func range(_ region: VertebralLevel.Region, _ first: Int, _ last: Int, from start: Int, to end: Int) -> Levels? {
        let levels = (first...max(first, last)).compactMap { VertebralLevel(region: region, number: $0) }
        guard !levels.isEmpty, levels.count <= 12 else { return nil }
        return Levels(span: TextSpan(start, end), levels: levels)
    }

    /// T11-L2: across regions, in the spine's order.
    static func span(_ region: VertebralLevel.Region, _ first: Int, through to: (VertebralLevel.Region, Int), from start: Int, to end: Int) -> Levels? {
        guard let low = VertebralLevel(region: region, number: first), let high = VertebralLevel(region: to.0, number: to.1), low < high else { return nil }
        let levels = VertebralLevel.all.filter { $0 >= low && $0 <= high }
        guard levels.count <= 12 else { return nil }
        return Levels(span: TextSpan(start, end), levels: levels)
    }
}

/// Sizes: "18×14mm", "约1.8 x 1.4 cm", "2.0cm", "15-20 mm" (a range: its larger end),
/// "1.2×0.8×1.0cm" (the two largest). A number without a unit is never a size.
enum MeasurementGrammar {
    struct Measurement {
        let span: TextSpan
        let diametersMm: [Double]
    }

    static func measurements(in text: ReportText) -> [Measurement] {
        var found: [Measurement] = []
        var index = 0
        while index < text.count {
            if ReportText.isDigit(text[index]), !ReportText.isDigit(text[index - 1]), text[index - 1] != UInt16(UInt8(ascii: ".")),
                !ReportText.isLetter(text[index - 1]), let match = measurement(text, at: index)
            {
                found.append(match)
                index = match.span.end
            } else {
                index += 1
            }
        }
        return found
    }

    static func decimal(_ text: ReportText, at start: Int) -> (Double, Int)? {
        var end = start
        while ReportText.isDigit(text[end]) { end += 1 }
        guard end > start else { return nil }
        if text[end] == UInt16(UInt8(ascii: ".")), ReportText.isDigit(text[end + 1]) {
            end += 1
            while ReportText.isDigit(text[end]) { end += 1 }
        }
        return Double(text.text(TextSpan(start, end))).map { ($0, end) }
    }

    static func skipSpace(_ text: ReportText, _ index: Int) -> Int {
        var index = index
        while text[index] == 0x20 { index += 1 }
        return index
    }

    static func measurement(_ text: ReportText, at start: Int) -> Measurement? {
        guard let (first, afterFirst) = decimal(text, at: start) else { return nil }
        var values = [first]
        var index = afterFirst
        while true {
            let next = skipSpace(text, index)
            let sign = text[next]
            let times = sign == UInt16(UInt8(ascii: "x")) || sign == UInt16(UInt8(ascii: "*"))
            let dash = sign == UInt16(UInt8(ascii: "-")) || sign == "至".utf16.first!
            guard times || dash else { break }
            let after = skipSpace(text, next + 1)
            guard let (value, end) = decimal(text, at: after) else { break }
            if dash, values.count == 1 {
                values[0] = max(values[0], value)  // 15-20mm: the larger end
            } else if times {
                values.append(value)
            } else {
                break
            }
            index = end
        }
        let unitStart = skipSpace(text, index)
        let scale: Double
        var end = unitStart
        if text.hasUnit("mm", at: unitStart) || text.hasUnit("毫米", at: unitStart) {
            scale = 1
            end += 2
        } else if text.hasUnit("cm", at: unitStart) || text.hasUnit("厘米", at: unitStart) {
            scale = 10
            end += 2
        } else {
            return nil
        }
        var millimetres = values.map { $0 * scale }
        // "2.5cm×2.0cm": a unit after each diameter.
        while millimetres.count < 3 {
            let next = skipSpace(text, end)
            guard text[next] == UInt16(UInt8(ascii: "x")) || text[next] == UInt16(UInt8(ascii: "*")),
                let (value, valueEnd) = decimal(text, at: skipSpace(text, next + 1))
            else { break }
            let unit = skipSpace(text, valueEnd)
            guard text.hasUnit(scale == 1 ? "mm" : "cm", at: unit) || text.hasUnit(scale == 1 ? "毫米" : "厘米", at: unit) else { break }
            millimetres.append(value * scale)
            end = unit + 2
        }
        let diameters = millimetres.map { ($0 * 10).rounded() / 10 }.sorted(by: >).prefix(2)
        guard diameters.allSatisfy({ $0 > 0 && $0 < 1_000 }) else { return nil }
        return Measurement(span: TextSpan(start, end), diametersMm: Array(diameters))
    }
}

/// Vertebral levels named in a short text (an EHR's body-site text: "T10 vertebral body",
/// "胸10椎体"), read by the report grammar — MRI sequence names are not levels.
public enum VertebralLevelText {
    public static func levels(in text: String) -> [VertebralLevel] {
        SiteGrammar.levels(in: ReportText(text)).flatMap(\.levels)
    }
}
