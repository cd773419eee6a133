import Foundation

/// "New" and "more" in a report: whether they make a site's lesion new, or describe a finding of
/// a known lesion, or count lesions without naming a bone (MDA: a new lesion is progression, so a
/// miss hides it; new sclerosis of a known lesion is its healing).
extension ReportExtractor {
    /// "new cortical destruction", "新发骨折": new describes that finding, not the lesion — but "new
    /// lytic lesion", "新发成骨性病灶", "new sclerotic focus" are new lesions (and "new sclerosis" of a
    /// known lesion is its healing, not a new lesion, `newSclerosisOfTheLesion`). A size between is
    /// the lesion's: "New 1.5 cm lytic lesion" is a new lesion (its "new" was read as the size's and
    /// dropped, unseen CT report 2026-12-06).
    static func newDescribesAFinding(_ new: Mention, among mentions: [Mention], in text: ReportText) -> Bool {
        let sizes = mentions.filter { ($0.field == "diametersMm" || $0.field == "softTissueMm") && $0.span.start >= new.span.end }
        let from = sizes.first.flatMap { $0.span.start - new.span.end <= 1 ? $0.span.end : nil } ?? new.span.end
        guard let next = mentions.first(where: {
            !["lesion", "comparison", "diametersMm", "softTissueMm"].contains($0.field) && $0.span.start >= from && $0.span.start - from <= 1
        }) else { return false }
        // New bone destruction where its clause names no lesion otherwise is a new lesion — it is
        // what a lytic lesion is: "右侧第7肋新见骨质破坏" lost its "new" as the destruction's (unseen CT
        // report, 2026-12-06). Cortical destruction is a lesion's feature, and beside a lesion
        // ("lytic lesion … with new cortical destruction", "new cortical destruction at the …
        // lesion", "溶骨性病灶，新见骨皮质破坏") it is the known lesion's change.
        if next.field == "destruction" {
            let words = text.text(next.span)
            guard ["骨质破坏", "骨破坏", "bone destruction", "osseous destruction"].contains(where: words.contains) else { return true }
            let clause = ReportExtractor.clause(text, around: next.span)
            return mentions.contains {
                ["lesion", "character"].contains($0.field) && $0.span != next.span
                    && clause.start <= $0.span.start && $0.span.end <= clause.end
            }
        }
        // "新发溶骨性骨质破坏" is a new lytic lesion too: a character and the destruction it makes; so
        // is a new focus of uptake on a bone scan, "右侧第5、6肋新见浓聚灶" (its "new" was dropped as
        // the uptake's, unseen report 2026-12-06).
        // Describing words may stand in a row before the lesion word: "New hypermetabolic lytic
        // lesion in the right femoral neck" lost its "new" as the uptake's (batch 23).
        guard ["character", "uptake"].contains(next.field) else { return true }
        var last = next
        while let following = mentions.first(where: {
            ["character", "uptake"].contains($0.field) && $0.span.start >= last.span.end && $0.span.start - last.span.end <= 1
        }) {
            last = following
        }
        return !mentions.contains {
            ["lesion", "destruction"].contains($0.field)
                && (($0.span.start >= last.span.end && $0.span.start - last.span.end <= 1) || $0.span == last.span)
        }
    }

    /// "lytic lesion with new sclerosis", "新发硬化": sclerosis appearing in a lesion is its
    /// healing (MDA: sclerotic fill-in is response; the seed: new sclerosis under therapy is
    /// response, not progression) — the lesion is not new. "new sclerotic lesion" still is.
    static func newSclerosisOfTheLesion(_ text: ReportText, after span: TextSpan, mentions: [Mention]) -> Bool {
        let after = text.text(TextSpan(span.end, min(text.count, span.end + 24))).lowercased().trimmingCharacters(in: .whitespaces)
        guard after.hasPrefix("scleros") || after.hasPrefix("sclerotic change") || after.hasPrefix("硬化") || after.hasPrefix("成骨改变") || after.hasPrefix("成骨性改变")
        else { return false }
        // A lesion word right after the sclerosis word: a new sclerotic lesion.
        let word = after.prefix { !$0.isWhitespace && $0 != "，" && $0 != "," && $0 != "。" && $0 != "." }
        return !mentions.contains { $0.field == "lesion" && $0.span.start >= span.end && $0.span.start <= span.end + word.utf16.count + 2 }
    }

    /// Whether the clause of a "new" counts lesions without naming a bone: "3 new lesions",
    /// "two new foci", "新增病灶3处", "新发2处浓聚灶", "多处新发病灶".
    static func countsUnplacedLesions(_ text: ReportText, around span: TextSpan, groups: [[SiteMention]]) -> Bool {
        let clause = clause(text, around: span)
        if groups.contains(where: { group in group.contains { clause.start <= $0.span.start && $0.span.end <= clause.end && !$0.sites.isEmpty } }) { return false }
        // Placed in the clause after, which opens with the list of them: "multiple new FDG-avid
        // osseous lesions, including the left scapula, T3 and L1 …", "新见多发骨转移灶，分别位于…" —
        // each named site is new (the four lost their "new"; unseen PET/CT report, 2026-12-06).
        if clause.end < text.count, text[clause.end] == comma {
            let next = Self.clause(text, around: TextSpan(clause.end + 1, clause.end + 1))
            let opening = text.text(next).lowercased().trimmingCharacters(in: .whitespaces)
            if Self.listOpeners.contains(where: opening.hasPrefix),
                groups.contains(where: { group in group.contains { next.start <= $0.span.start && $0.span.end <= next.end && !$0.sites.isEmpty } }) {
                return false
            }
        }
        let words = text.text(clause).lowercased()
        let counted = [
            #"(\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|numerous|few)\s+(new|additional)\b"#,
            #"\bnew\s+(lesions|foci|sites|areas|metastases)\b"#,
            #"(\d+|[一二两三四五六七八九十多数几])\s*(处|个|枚)"#,
        ]
        return counted.contains { words.range(of: $0, options: .regularExpression) != nil }
    }

    /// Words that open a clause listing where the lesions before it are.
    static let listOpeners = ["including", "involving", "namely", "分别位于", "分别见于", "位于", "包括", "累及"]

    /// "与前比较，浓聚灶数目增多", "the lesions have increased in number": the count of lesions grew —
    /// new lesions somewhere, not a named lesion's growth. A clause that names no site and says
    /// so made each lesion of the sentence before "increased" (unseen bone scan report 2026-12-06).
    static func countsMoreLesions(_ text: ReportText, around span: TextSpan, groups: [[SiteMention]]) -> Bool {
        let clause = clause(text, around: span)
        if groups.contains(where: { group in group.contains { clause.start <= $0.span.start && $0.span.end <= clause.end && !$0.sites.isEmpty } }) { return false }
        let words = text.text(clause).lowercased()
        if ["number of", "in number", "more numerous"].contains(where: words.contains) { return true }
        // The count's own increase, not the next item of a list: "病灶数目明显增多、范围增大" — the
        // lesions grew too (the extent was dropped with the count, unseen bone scan report).
        let before = text.text(TextSpan(clause.start, span.start))
        guard let count = ["数目", "数量", "个数"].compactMap({ before.range(of: $0, options: .backwards)?.upperBound }).max() else { return false }
        let between = before[count...]
        return !between.contains("、") && !between.contains("及") && !between.contains("和")
    }
}
