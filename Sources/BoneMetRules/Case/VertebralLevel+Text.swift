/// A vertebral level named in a lesion's note ("胸7椎体", "第三腰椎", "T12 vertebral body"), for a
/// vertebra or sacrum recorded without its level: Chinese records and EHR body-site texts write
/// the level in words, and a vertebra without one has no SINS location (a breast cancer's
/// "胸7椎体" with ESCC 3 read SINS 6–9, category undetermined). One level only — a span or a list
/// ("T7-9", "L5/S1", "T7、T8") names no one vertebra — and MRI sequence names ("T2WI",
/// "T1 加权", "T2 高信号") are not levels: T1 and T2 count only beside a word for a vertebra.
/// A hand scanner, as the rest of the rules' text reading (no shared `Regex` state).
extension VertebralLevel {
    public static func named(in note: String, regions: Set<Region>) -> VertebralLevel? {
        let chars = characters(note)
        var found: Set<VertebralLevel> = []
        var i = 0
        while i < chars.count {
            guard let mention = mention(chars, at: i) else { i += 1; continue }
            // Another number after a separator: a span or a list, no one vertebra.
            if continues(chars, after: mention.end) { return nil }
            if let level = mention.level { found.insert(level) }
            i = mention.end
        }
        guard found.count == 1, let level = found.first, regions.contains(level.region) else { return nil }
        return level
    }

    /// Whether a note names two or more vertebrae — a list or a span ("T12、L1椎体", "L3-L5",
    /// "胸11至腰1", "T7、8、9") — so that one record is several lesions: a breast cancer's
    /// "T12、L1椎体", its only row, was a solitary lesion sent to biopsy, Tomita's "solitary" and
    /// Tokuhashi's one vertebral body (unseen record pattern, 2026-12-05). Not an intervertebral
    /// level ("L4/5小关节", "L5/S1") — one joint or disc between two vertebrae —, not the sacrum's
    /// segments ("S1-S2", one bone), and not a level the note calls normal ("T12椎体，L1未见异常").
    public static func namesSeveral(in note: String) -> Bool {
        let chars = characters(note)
        var found: Set<VertebralLevel> = []
        var previousEnd: Int? = nil
        var i = 0
        while i < chars.count {
            guard let mention = mention(chars, at: i) else { i += 1; continue }
            let negated = negation(chars, after: mention.end)
            // "L4/L5": one intervertebral level, not two vertebrae.
            let joinedBySlash = previousEnd.map { String(chars[$0..<i].filter { !$0.isWhitespace && $0 != "椎" && $0 != "体" }) == "/" } ?? false
            if let level = mention.level, !negated {
                // The sacrum's segments are one bone.
                if !joinedBySlash { found.insert(level.region == .sacral ? VertebralLevel(region: .sacral, number: 1) ?? level : level) }
                if level.region != .sacral, let separator = continuation(chars, after: mention.end), separator != "/" { return true }
            }
            previousEnd = mention.end
            i = mention.end
        }
        return found.count >= 2
    }

    /// Every vertebra a note names — a list ("T12、L1椎体", "T7、8、9") or a span, expanded ("T11-L1",
    /// "胸11至腰1", "L3-5") —, for the SINS location of a row that stands for several vertebrae:
    /// when every one shares the location, that is the row's (a breast cancer's "T12、L1椎体" read
    /// SINS 7–10 with both levels junctional). Empty when the note names an intervertebral level
    /// ("L4/5") or a span it cannot expand; levels called normal are left out.
    public static func levelsNamed(in note: String) -> [VertebralLevel] {
        let chars = characters(note)
        let spans: Set<Character> = ["-", "–", "—", "~", "～", "至", "到"]
        var levels: [VertebralLevel] = []
        var previous: (level: VertebralLevel, end: Int)? = nil
        var i = 0
        while i < chars.count {
            guard let found = mention(chars, at: i) else { i += 1; continue }
            guard let level = found.level else { i = found.end; continue }
            if negation(chars, after: found.end) { previous = nil; i = found.end; continue }
            if let previous {
                let gap = chars[previous.end..<i].filter { !$0.isWhitespace && $0 != "椎" && $0 != "体" }
                if gap == ["/"] { return [] }
                if gap.count == 1, let separator = gap.first, spans.contains(separator) {
                    guard previous.level < level else { return [] }
                    levels += between(previous.level, level)
                }
            }
            levels.append(level)
            var end = found.end
            var last = level
            // Bare numbers continuing it: "T7、8、9", "L3-5".
            while let separator = continuation(chars, after: end) {
                if separator == "/" { return [] }
                var j = skipSpace(chars, end)
                if j < chars.count && chars[j] == "椎" { j += 1; if j < chars.count && chars[j] == "体" { j += 1 } }
                j = skipSpace(chars, skipSpace(chars, j) + 1)
                guard let (number, after) = number(chars, at: j), let next = VertebralLevel(region: level.region, number: number) else { return [] }
                if spans.contains(separator) {
                    guard last < next else { return [] }
                    levels += between(last, next)
                }
                levels.append(next)
                last = next
                end = after
            }
            previous = (last, end)
            i = end
        }
        return levels
    }

    /// The levels strictly between two, in order (T10 … L2 → T11, T12, L1).
    private static func between(_ low: VertebralLevel, _ high: VertebralLevel) -> [VertebralLevel] {
        var result: [VertebralLevel] = []
        var region = low.region
        var number = low.number + 1
        while result.count < 30 {
            if number > region.count {
                guard let next = Region.allCases.first(where: { $0.order == region.order + 1 }) else { break }
                region = next
                number = 1
            }
            guard let level = VertebralLevel(region: region, number: number), level < high else { break }
            result.append(level)
            number += 1
        }
        return result
    }

    /// The note's characters, full-width letters and digits (Ｔ７) as ASCII.
    private static func characters(_ note: String) -> [Character] {
        note.unicodeScalars.map { scalar in
            Character((0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar)
        }
    }

    /// The separator of a list or span continuing after a mention with a bare number ("T7-9",
    /// "T7、8"), if any; a continuation naming its region ("T12、L1") is a mention of its own.
    private static func continuation(_ c: [Character], after end: Int) -> Character? {
        guard continues(c, after: end) else { return nil }
        var j = skipSpace(c, end)
        if j < c.count && c[j] == "椎" { j += 1; if j < c.count && c[j] == "体" { j += 1 } }
        j = skipSpace(c, j)
        guard j < c.count else { return nil }
        let separator = c[j]
        return levelNumber(c, at: skipSpace(c, j + 1)) != nil ? separator : nil
    }

    /// A mention followed by words calling it normal: "L1未见异常", "L1 normal".
    private static func negation(_ c: [Character], after end: Int) -> Bool {
        var j = skipSpace(c, end)
        if j < c.count && c[j] == "椎" { j += 1; if j < c.count && c[j] == "体" { j += 1 } }
        j = skipSpace(c, j)
        let rest = String(c[j..<min(c.count, j + 14)]).lowercased()
        return ["未见", "无异常", "无破坏", "正常", "阴性", "not ", "no ", "normal", "unremarkable", "intact"].contains(where: rest.hasPrefix)
    }

    private static let chineseRegions: [Character: Region] = ["颈": .cervical, "胸": .thoracic, "腰": .lumbar, "骶": .sacral]
    private static let chineseDigits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    /// What joins the items of a list or the ends of a span ("T7-9", "T7、T8", "5至7"); the rib
    /// reader (`Lesion.listsNumbers`) uses the same.
    static let separators: Set<Character> = ["-", "–", "—", "~", "～", "/", "至", "到", "、", ",", "，", "和", "及"]

    /// A level mention starting at `i` and where it ends; `level` nil for a mention that is no
    /// level (an MRI sequence, a number out of range).
    private static func mention(_ c: [Character], at i: Int) -> (level: VertebralLevel?, end: Int)? {
        let ch = c[i]
        if let english = ordinalMention(c, at: i) { return english }
        if let ascii = ch.asciiValue, let region = Region(ascii: ascii), i == 0 || !(c[i - 1].isASCII && c[i - 1].isLetter) {
            var j = skipSpace(c, i + 1)
            // "T-12", "L-1", as US reports write a level.
            if j + 1 < c.count, c[j] == "-", c[j + 1].isASCII, c[j + 1].isNumber { j += 1 }
            guard let (number, end) = arabic(c, at: j) else { return nil }
            // T1, T2 beside no vertebral word are MRI sequences.
            if region == .thoracic && number <= 2 && !vertebralWord(c, at: skipSpace(c, end)) { return (nil, end) }
            return (VertebralLevel(region: region, number: number), end)
        }
        if let region = chineseRegions[ch] {
            var j = i + 1
            if j < c.count && c[j] == "椎" { j += 1 }
            guard let (number, end) = number(c, at: skipSpace(c, j)) else { return nil }
            return (VertebralLevel(region: region, number: number), end)
        }
        if ch == "第", let (number, afterNumber) = number(c, at: skipSpace(c, i + 1)) {
            let r = skipSpace(c, afterNumber)
            guard r + 1 < c.count, let region = chineseRegions[c[r]], c[r + 1] == "椎" else { return nil }
            return (VertebralLevel(region: region, number: number), r + 2)
        }
        return nil
    }

    private static let ordinals = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
    ]
    private static let englishRegions: [(String, Region)] = [
        ("cervical", .cervical), ("thoracic", .thoracic), ("dorsal", .thoracic), ("lumbar", .lumbar), ("sacral", .sacral),
    ]

    /// A level written in English words as SNOMED CT's body structures and radiology reports
    /// write it — "Structure of third lumbar vertebra", "twelfth thoracic vertebral body" —: the
    /// ordinal, the region and a word for the vertebra. An EHR's "Structure of third lumbar
    /// vertebra" was a vertebra of no level: no SINS location (unseen bundle ehr23).
    private static func ordinalMention(_ c: [Character], at i: Int) -> (level: VertebralLevel?, end: Int)? {
        guard c[i].isASCII, c[i].isLetter, i == 0 || !(c[i - 1].isASCII && c[i - 1].isLetter) else { return nil }
        func word(at j: Int) -> (String, Int)? {
            var k = j
            while k < c.count, c[k].isASCII, c[k].isLetter { k += 1 }
            return k > j ? (String(c[j..<k]).lowercased(), k) : nil
        }
        guard let (first, afterFirst) = word(at: i), let index = ordinals.firstIndex(of: first),
              let (second, afterSecond) = word(at: skipSpace(c, afterFirst)),
              let region = englishRegions.first(where: { $0.0 == second })?.1,
              let (third, afterThird) = word(at: skipSpace(c, afterSecond)), third.hasPrefix("vertebra")
        else { return nil }
        return (VertebralLevel(region: region, number: index + 1), afterThird)
    }

    private static func continues(_ c: [Character], after end: Int) -> Bool {
        var j = skipSpace(c, end)
        if j < c.count && c[j] == "椎" { j += 1; if j < c.count && c[j] == "体" { j += 1 } }
        j = skipSpace(c, j)
        guard j < c.count, separators.contains(c[j]) else { return false }
        j = skipSpace(c, j + 1)
        if j < c.count, (c[j].asciiValue.flatMap { Region(ascii: $0) } != nil) || chineseRegions[c[j]] != nil { j += 1 }
        if j < c.count && c[j] == "椎" { j += 1 }
        j = skipSpace(c, j)
        return levelNumber(c, at: j) != nil
    }

    private static func vertebralWord(_ c: [Character], at j: Int) -> Bool {
        guard j < c.count else { return false }
        if c[j] == "椎" { return true }
        let rest = String(c[j..<min(c.count, j + 4)]).lowercased()
        return rest.hasPrefix("vert") || rest.hasPrefix("body")
    }

    private static func skipSpace(_ c: [Character], _ j: Int) -> Int {
        var j = j
        while j < c.count && c[j].isWhitespace { j += 1 }
        return j
    }

    /// One or two ASCII digits not followed by a third.
    private static func arabic(_ c: [Character], at j: Int) -> (Int, Int)? {
        var k = j, value = 0
        while k < c.count, k - j < 3, let digit = c[k].asciiValue, (0x30...0x39).contains(digit) {
            value = value * 10 + Int(digit - 0x30)
            k += 1
        }
        guard (1...2).contains(k - j) else { return nil }
        return (value, k)
    }

    /// A number that may continue a list or span of levels: not a quantity with its unit. A
    /// course "Radiation treatment management, L3, 8 Gy x 1" read "L3, 8" as a list reaching a
    /// lumbar eighth vertebra, which does not exist — the text named no level, the course was
    /// placed on no lesion and its radiotherapy to bone dropped (unseen bundle ehr4). A dose, a
    /// size, a count of fractions or a time after the number is its unit, not a vertebra.
    private static func levelNumber(_ c: [Character], at j: Int) -> (Int, Int)? {
        guard let (value, end) = number(c, at: j) else { return nil }
        var k = skipSpace(c, end)
        guard k < c.count else { return (value, end) }
        if "%×*次分周天月年岁".contains(c[k]) { return nil }
        if c[k] == ".", k + 1 < c.count, c[k + 1].isNumber { return nil }
        let start = k
        while k < c.count, c[k].isASCII, c[k].isLetter { k += 1 }
        if k > start, unitWords.contains(String(c[start..<k]).lowercased()) { return nil }
        return (value, end)
    }

    /// Units written after a number in a course's or a report's text (Gy, fractions, mm, days…).
    private static let unitWords: Set<String> = [
        "gy", "cgy", "mgy", "f", "fx", "fxs", "fr", "fraction", "fractions", "x", "mm", "cm", "mg", "ml",
        "min", "h", "hr", "hrs", "d", "day", "days", "w", "wk", "wks", "week", "weeks", "mo", "month", "months", "y", "yr", "yrs", "year", "years",
    ]

    /// Arabic digits, or a Chinese numeral up to twelve (十, 十一, 十二, 一 … 九).
    private static func number(_ c: [Character], at j: Int) -> (Int, Int)? {
        if let arabic = arabic(c, at: j) { return arabic }
        guard j < c.count else { return nil }
        if c[j] == "十" {
            if j + 1 < c.count, let unit = chineseDigits[c[j + 1]] { return (10 + unit, j + 2) }
            return (10, j + 1)
        }
        return chineseDigits[c[j]].map { ($0, j + 1) }
    }
}
