import Foundation

/// Cycles of one regimen entered as rows of their own ("白蛋白紫杉醇+卡铂 C1" … "C6", each with its
/// two weeks) are one regimen: the source hospital attributes the response to the regimen
/// active over the window, and six rows of one chemotherapy read "systemic therapy switched
/// within this interval … a study at the switch would separate them" (cb57-b). The EHR import
/// joins orders of one drug the same way (`regimenGapDays`, setting: a longer gap is a break
/// between regimens).
extension CaseIndex {
    /// `treatments` in start order, each row that continues the regimen before it — the same
    /// drugs (or, without drugs, the same name but for its cycle number), starting within
    /// `gapDays` of that one's end — joined into it: the first row's id, the last row's end and
    /// stop reason, the name without its cycle number.
    static func cyclesJoined(_ treatments: [Treatment], gapDays: Int) -> [Treatment] {
        var joined: [Treatment] = []
        for treatment in treatments {
            // A row of the same regimen begun while the one before is still open, itself open (a
            // renewed order, the first never closed), continues it too: letrozole from 2025-12 and
            // "来曲唑 2.5mg qd (续方)" from 2026-03, both open, were listed as two regimens in every
            // response window (unseen record cb82-r, rule set 2026.12.316). A later row with an
            // end is not joined to an open one: which end holds is not on record; nor is a row
            // after another regimen begun in between (a restart, the first row never closed).
            if treatment.kind == .systemic, !treatment.planned, let start = treatment.start,
                let index = joined.lastIndex(where: { $0.kind == .systemic && !$0.planned && sameRegimen($0, treatment) }),
                start.earliestDay >= (joined[index].start?.earliestDay ?? Int.min),
                joined[index].end.map({ start.earliestDay - $0.latestDay <= gapDays })
                    ?? (treatment.end == nil && !joined[(index + 1)...].contains { $0.kind == .systemic && !$0.planned })
            {
                joined[index].end = treatment.end
                joined[index].stopReason = treatment.stopReason
                joined[index].doses += treatment.doses
                if let name = joined[index].name, let next = treatment.name, name != next {
                    let stripped = cycleStripped(name)
                    joined[index].name = stripped == cycleStripped(next) ? stripped : name
                }
                continue
            }
            joined.append(treatment)
        }
        return joined
    }

    /// The same regimen: the same drugs, when both rows name them; else the same name but for
    /// a cycle number.
    static func sameRegimen(_ a: Treatment, _ b: Treatment) -> Bool {
        if !a.drugs.isEmpty, !b.drugs.isEmpty { return drugKey(a) == drugKey(b) }
        guard let x = a.name, let y = b.name else { return false }
        return x == y || cycleStripped(x) == cycleStripped(y)
    }

    /// A row's drugs as compared between rows: trimmed, lower-cased.
    static func drugKey(_ treatment: Treatment) -> Set<String> {
        Set(treatment.drugs.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    /// A regimen's name without a cycle number at its end: "TC C3", "AC 第2周期", "第二疗程",
    /// "cycle 4", "#5", "(3/6)", "3周期". Read by hand from the end, not by regular expression:
    /// every re-assessment compares every regimen's name (issue #12 — compiling the patterns for
    /// each comparison made an assessment a fifth slower).
    static func cycleStripped(_ name: String) -> String {
        // Once per name in the process: the same regimen names recur across cases, and reading
        // each pair of them again was 6 % of a re-assessment's assessing (issue #12).
        strippedNames.value(name) { readCycleStripped(name) }
    }

    private static let strippedNames = ProcessMemo<String, String>()

    private static func readCycleStripped(_ name: String) -> String {
        let chars = Array(name.trimmingCharacters(in: .whitespaces))
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        func isLatin(_ c: Character) -> Bool { c.isASCII && c.isLetter }
        let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        /// The index where a run of `matching` characters ending just before `end` begins.
        func runStart(_ end: Int, _ matching: (Character) -> Bool) -> Int {
            var i = end
            while i > 0, matching(chars[i - 1]) { i -= 1 }
            return i
        }
        func spacesBefore(_ end: Int) -> Int { runStart(end) { $0 == " " } }
        func ends(with suffix: String, at end: Int) -> Bool {
            let count = suffix.count
            return end >= count && String(chars[(end - count)..<end]).lowercased() == suffix
        }
        var cut: Int?
        let n = chars.count
        // "(3/6)", "（3/6）"
        if let last = chars.last, last == ")" || last == "）" {
            let close = n - 1
            let d2 = runStart(spacesBefore(close), isDigit)
            let slash = spacesBefore(d2)
            if d2 < spacesBefore(close), slash > 0, chars[slash - 1] == "/" {
                let d1end = spacesBefore(slash - 1)
                let d1 = runStart(d1end, isDigit)
                let open = spacesBefore(d1)
                if d1 < d1end, open > 0, chars[open - 1] == "(" || chars[open - 1] == "（" { cut = open - 1 }
            }
        }
        // "第2周期", "第二疗程", "3周期", "2疗程", "第2程", "第2个周期"
        if cut == nil {
            for unit in ["个周期", "周期", "疗程", "程"] where ends(with: unit, at: n) {
                let numberEnd = spacesBefore(n - unit.count)
                let numberStart = runStart(numberEnd) { isDigit($0) || chineseNumerals.contains($0) }
                guard numberStart < numberEnd else { break }
                let di = spacesBefore(numberStart)
                if di > 0, chars[di - 1] == "第" {
                    cut = di - 1
                } else if unit != "程", unit != "个周期", chars[numberStart..<numberEnd].allSatisfy(isDigit) {
                    cut = numberStart
                }
                break
            }
        }
        // "#5", "C3", "c12", "cycle 4", "cyc 2" — not a letter before the keyword ("TC1" stays).
        if cut == nil, let last = chars.last, isDigit(last) {
            let numberStart = runStart(n, isDigit)
            let keyEnd = spacesBefore(numberStart)
            if keyEnd > 0, chars[keyEnd - 1] == "#" {
                cut = keyEnd - 1
            } else {
                for keyword in ["cycle", "cyc", "c"] where ends(with: keyword, at: keyEnd) {
                    let keyStart = keyEnd - keyword.count
                    if keyStart == 0 || !isLatin(chars[keyStart - 1]) { cut = keyStart }
                    break
                }
            }
        }
        guard let cut else { return String(chars) }
        let kept = runStart(cut) { $0 == " " || $0 == "," || $0 == "，" || $0 == "、" }
        return String(chars[..<kept])
    }
}

extension CaseRecord {
    /// The record's treatments in start order with cycles of one regimen joined, as the rules
    /// read them (`CaseIndex.cyclesJoined`): for pages that draw the regimens.
    public func regimensJoined(gapDays: Int) -> [Treatment] {
        CaseIndex.cyclesJoined(
            treatments.sorted { ($0.start?.earliestDay ?? Int.max, $0.id) < ($1.start?.earliestDay ?? Int.max, $1.id) }, gapDays: gapDays)
    }
}
