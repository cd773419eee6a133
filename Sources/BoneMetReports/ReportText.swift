/// A report as the extractor reads it: UTF-16 code units, full-width forms folded to ASCII and
/// ASCII letters lower-cased — each a one-for-one replacement, so an offset here is an offset in
/// the text as written (the evidence spans point into the original).
struct ReportText {
    let units: [UInt16]
    /// The positions inside a bracket closed in the same sentence: "Lt scapula (lytic, 2.4 cm),
    /// sternum (sclerotic)" — a comma there is the site's own list, not a clause break.
    let bracketed: [Bool]

    init(_ text: String) {
        units = Self.folded(text)
        bracketed = Self.bracketed(units)
    }

    static func bracketed(_ units: [UInt16]) -> [Bool] {
        var inside = [Bool](repeating: false, count: units.count)
        let open = UInt16(UInt8(ascii: "(")), close = UInt16(UInt8(ascii: ")"))
        let ends: Set<UInt16> = [UInt16(UInt8(ascii: "\n")), "。".utf16.first ?? 0, open]
        var index = 0
        while index < units.count {
            guard units[index] == open else { index += 1; continue }
            var end = index + 1
            while end < units.count, end - index <= 120, units[end] != close, !ends.contains(units[end]) { end += 1 }
            if end < units.count, units[end] == close {
                for position in (index + 1)..<end { inside[position] = true }
                index = end + 1
            } else {
                index += 1
            }
        }
        return inside
    }

    /// Whether the unit at `index` is inside a closed bracket (`bracketed`).
    func inBracket(_ index: Int) -> Bool { index >= 0 && index < bracketed.count && bracketed[index] }

    /// Each unit folded, and a hyphen between two letters read as a space: "soft-tissue
    /// component", "FDG-avid" are the lexicons' "soft tissue component", "fdg avid" — a hyphenated
    /// spelling of a listed term went unread (unseen CT report, 2026-12-06: "with a new soft-tissue
    /// component"). Still one unit for one, so offsets stay those of the text as written; a
    /// hyphen beside a digit ("L3-L5", "2026-06-02") is kept for the ranges and dates.
    static func folded(_ text: String) -> [UInt16] {
        var units = text.utf16.map(fold)
        let hyphen = UInt16(UInt8(ascii: "-"))
        for index in units.indices.dropFirst().dropLast() where units[index] == hyphen
            && isLetter(units[index - 1]) && isLetter(units[index + 1]) {
            units[index] = 0x20
        }
        return units
    }

    static func fold(_ unit: UInt16) -> UInt16 {
        switch unit {
        case 0xFF01...0xFF5E: return lower(unit - 0xFEE0)  // full-width ASCII (，；：（）０-９Ａ-Ｚ)
        case 0x3000: return 0x20  // ideographic space
        case 0x00D7, 0x2715, 0x2716: return UInt16(UInt8(ascii: "x"))  // × ✕ ✖
        case 0x2013, 0x2014, 0xFF5E, 0x301C: return UInt16(UInt8(ascii: "-"))  // – — ～ 〜
        default: return lower(unit)
        }
    }

    static func lower(_ unit: UInt16) -> UInt16 {
        (0x41...0x5A).contains(unit) ? unit + 0x20 : unit
    }

    static func units(_ term: String) -> [UInt16] { folded(term) }

    var count: Int { units.count }

    subscript(_ index: Int) -> UInt16 { index >= 0 && index < units.count ? units[index] : 0 }

    static func isLetter(_ unit: UInt16) -> Bool { (0x61...0x7A).contains(unit) }
    static func isDigit(_ unit: UInt16) -> Bool { (0x30...0x39).contains(unit) }
    static func isCJK(_ unit: UInt16) -> Bool { (0x3400...0x9FFF).contains(unit) }

    func matches(_ term: [UInt16], at index: Int) -> Bool {
        guard index + term.count <= units.count else { return false }
        for offset in 0..<term.count where units[index + offset] != term[offset] { return false }
        // An English term is a whole word: no letter or digit on either side.
        if let first = term.first, Self.isLetter(first) || Self.isDigit(first), index > 0 {
            let before = units[index - 1]
            if Self.isLetter(before) || Self.isDigit(before) { return false }
        }
        if let last = term.last, Self.isLetter(last) || Self.isDigit(last), index + term.count < units.count {
            let after = units[index + term.count]
            if Self.isLetter(after) || Self.isDigit(after) { return false }
        }
        return true
    }

    /// A unit right after a number ("18mm", "1.8 cm"): no letter may follow ("cmh2o" is not cm).
    func hasUnit(_ unit: String, at index: Int) -> Bool {
        let term = Self.units(unit)
        guard index + term.count <= units.count else { return false }
        for offset in 0..<term.count where units[index + offset] != term[offset] { return false }
        let after = self[index + term.count]
        // "2.5cm×2.0cm": × folds to "x", which may follow a unit.
        return !Self.isLetter(after) || (after == UInt16(UInt8(ascii: "x")) && !Self.isLetter(self[index + term.count + 1]))
    }

    /// The exact (folded) characters of `word` at `index`, spaces included.
    func hasWord(_ word: String, at index: Int) -> Bool {
        let term = Self.units(word)
        guard index + term.count <= units.count else { return false }
        for offset in 0..<term.count where units[index + offset] != term[offset] { return false }
        return true
    }

    func text(_ span: TextSpan) -> String {
        // Never a trap on a span that ends before it starts (overlapping terms): empty text.
        let low = max(0, min(span.start, units.count))
        return String(decoding: units[low..<max(low, min(units.count, span.end))], as: UTF16.self)
    }
}

/// Terms indexed by their first code unit, longest first, for one pass over a report.
struct TermIndex<Payload: Sendable>: Sendable {
    struct Term: Sendable {
        let units: [UInt16]
        let payload: Payload
    }

    private var byFirst: [UInt16: [Term]] = [:]

    init(_ terms: [(String, Payload)]) {
        for (text, payload) in terms {
            let units = ReportText.units(text)
            guard let first = units.first else { continue }
            byFirst[first, default: []].append(Term(units: units, payload: payload))
        }
        for key in byFirst.keys { byFirst[key]?.sort { $0.units.count > $1.units.count } }
    }

    /// Every term occurrence: (span, payload).
    func all(in text: ReportText) -> [(TextSpan, Payload)] {
        var found: [(TextSpan, Payload)] = []
        for index in 0..<text.count {
            guard let terms = byFirst[text.units[index]] else { continue }
            for term in terms where text.matches(term.units, at: index) {
                found.append((TextSpan(index, index + term.units.count), term.payload))
            }
        }
        return found
    }
}
