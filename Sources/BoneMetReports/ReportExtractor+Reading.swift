import BoneMetRules
import Foundation

extension ReportExtractor {
    static let comma = UInt16(UInt8(ascii: ","))
    static let semicolon = UInt16(UInt8(ascii: ";"))
    static let newline = UInt16(UInt8(ascii: "\n"))
    static let period = UInt16(UInt8(ascii: "."))
    static let colon = UInt16(UInt8(ascii: ":"))
    static let fullStop = "。".utf16.first!

    /// Sentences: cut at 。 ; ! newline, and at "." not inside a number.
    static func sentences(_ text: ReportText) -> [TextSpan] {
        var spans: [TextSpan] = []
        var start = 0
        for index in 0..<text.count {
            let unit = text[index]
            var end = unit == fullStop || unit == semicolon || unit == newline || unit == UInt16(UInt8(ascii: "!"))
            if unit == period, !ReportText.isDigit(text[index + 1]) { end = true }
            if end {
                if index > start { spans.append(TextSpan(start, index)) }
                start = index + 1
            }
        }
        if start < text.count { spans.append(TextSpan(start, text.count)) }
        return spans
    }

    /// A sentence that is an item's number alone ("2", cut from "2." by the sentence rule) or
    /// starts with one: "2、", "2)", "2）", "(2)", "（2）".
    static func startsListItem(_ sentence: String) -> Bool {
        let trimmed = sentence.drop { $0 == " " || $0 == "\t" }
        let opened = trimmed.first.map { $0 == "(" || $0 == "（" } == true ? trimmed.dropFirst() : trimmed
        let digits = opened.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count) else { return false }
        let rest = opened.dropFirst(digits.count)
        if rest.allSatisfy({ $0 == " " }) { return opened.count == trimmed.count }
        guard let mark = rest.first else { return false }
        return opened.count < trimmed.count ? mark == ")" || mark == "）" : mark == "、" || mark == ")" || mark == "）"
    }

    static func paragraphEnd(_ text: ReportText, from start: Int) -> Int {
        var index = start
        while index < text.count, text[index] != newline { index += 1 }
        return index
    }

    /// Clause breaks; a colon too ("X-ray left humerus: lytic lesion in …" — title, then findings).
    static func isClauseBreak(_ unit: UInt16) -> Bool {
        unit == comma || unit == semicolon || unit == fullStop || unit == newline || unit == period || unit == UInt16(UInt8(ascii: ":"))
    }

    /// No clause break between two offsets (a decimal point is not a break).
    /// Words that make a measurement a distance — of retropulsion, displacement or protrusion
    /// into the canal — when they follow it directly or stand just before it in its clause.
    static let distanceAfter = ["retropulsion", "of retropulsion", "retropulsed", "posterior displacement", "displacement", "of displacement", "后移", "后凸", "移位"]
    static let distanceBefore = ["retropulsion of", "retropulsed by", "displaced by", "displacement of", "突入椎管约", "突入椎管", "后移约", "后移", "后凸约", "后凸", "移位约", "移位", "距离", "距"]

    /// A size the report gives as the earlier one beside the current: "decreased in size from
    /// 2.4 cm to 1.6 cm" read 24 mm (unseen CT report); "由2.4cm缩小至1.6cm", "previously 2.4 cm".
    /// Only when another size follows in the same sentence — a prior size alone is all there is.
    static func isPriorSize(_ text: ReportText, _ span: TextSpan, sentence: TextSpan, sizes: [TextSpan]) -> Bool {
        let before = text.text(TextSpan(max(sentence.start, span.start - 16), span.start)).lowercased().trimmingCharacters(in: .whitespaces)
        // After the current one: "(2.8 cm, previously 4.1 cm)", "现约1.6cm（前片约2.4cm）" — the
        // earlier size was read as the lesion's (unseen CT report, 2026-12-06).
        if sizes.contains(where: { $0.end <= span.start && $0.start >= sentence.start }),
            ["previously", "previously measuring", "prior", "前片约", "前片", "原约", "原为", "前次约", "前次"].contains(where: { before.hasSuffix($0) }) {
            return true
        }
        guard sizes.contains(where: { $0.start >= span.end && $0.end <= sentence.end }) else { return false }
        let words = ["from", "previously", "previously measuring", "prior", "由", "从", "前片约", "前片", "原约", "原为", "前次约", "前次"]
        guard words.contains(where: { before.hasSuffix($0) }) else { return false }
        let between = text.text(TextSpan(span.end, sentence.end)).lowercased()
        return [" to ", "至", "到", "变为", "now", "现约", "现为", "currently"].contains(where: between.contains)
    }

    static func isDistance(_ text: ReportText, _ span: TextSpan) -> Bool {
        let clause = clause(text, around: span)
        let after = text.text(TextSpan(span.end, min(clause.end, span.end + 24))).trimmingCharacters(in: .whitespaces)
        if distanceAfter.contains(where: { after.hasPrefix($0) }) { return true }
        let before = text.text(TextSpan(max(clause.start, span.start - 16), span.start)).trimmingCharacters(in: .whitespaces)
        return distanceBefore.contains(where: { before.hasSuffix($0) })
    }

    /// A level that locates anatomy rather than a lesion: the conus or the cord's end ("conus at
    /// L1-2 level", "脊髓圆锥位于L1水平") — an MRI's "(conus at L1-2 level)" made L2 a lesion with
    /// the sentence's pedicle and "no cord compression" — and the level a vertebra slipped on
    /// ("anterolisthesis of L5 on S1"). Unseen reports, 2026-12-04.
    /// Further levels of a list, then a nerve's exit or root.
    nonisolated(unsafe) static let levelListThenNerve = #/(?:(?:,|and|or|、|及|和|/|-)\s*[ctls]\d{1,2}\s*)*(?:neural foramen|neuroforamen|foramen|foramina|nerve root|神经孔|椎间孔|神经根)/#

    static func locatesAnatomy(_ text: ReportText, level span: TextSpan) -> Bool {
        // A level naming a nerve's exit or root: "extending into the S1 neural foramen", "压迫L5
        // 神经根" — the sacral ala's lesion read as an S1 lesion (unseen MRI report, 2026-12-06).
        // Also the first of a list of them: "encasement of the right S1 and S2 nerve roots" read S1
        // as a lesion, and it took the sacral ala's sacrum (unseen MRI report, 2026-12-06).
        let after = text.text(TextSpan(span.end, min(text.count, span.end + 40))).lowercased().trimmingCharacters(in: .whitespaces)
        if after.prefixMatch(of: Self.levelListThenNerve) != nil { return true }
        let before = text.text(TextSpan(max(0, span.start - 24), span.start)).lowercased()
        // A sentence's end is a break too: "CSF is preserved around the conus. T9 vertebral body
        // lesion …" lost T9 — the level of the next sentence read as locating the conus.
        let breaks: (Character) -> Bool = { ",;，；。:：.!?！？\n".contains($0) }
        if let slipped = before.range(of: "listhesis of ").map({ before[$0.upperBound...] }), slipped.hasSuffix(" on "), !slipped.contains(where: breaks) {
            return true
        }
        guard let word = ["conus", "圆锥", "cord terminates", "cord ends", "脊髓末端"].compactMap({ word in
            before.range(of: word, options: .backwards)
        }).max(by: { $0.lowerBound < $1.lowerBound }) else { return false }
        // Only "at", "位于", "level" between — no clause break, no lesion word.
        let between = before[word.upperBound...]
        return !between.contains(where: breaks) && !["lesion", "metasta", "病灶", "转移", "破坏"].contains(where: between.contains)
    }

    /// Posterior elements as reports name them, longest first (the side reaches over them).
    static let posteriorWords = [
        "pars interarticularis", "posterior elements", "costovertebral", "pedicles", "pedicle", "laminae", "lamina", "facets", "facet", "pars",
        "肋椎关节", "关节突", "椎弓根", "椎板", "横突", "附件", "峡部", "椎弓", "侧块",
    ]

    /// Latin words only — an adjective or two between a size and the mass it measures
    /// ("extrapleural", "paraspinal", "enhancing") — and no word that names another thing.
    static func onlyAdjectives(_ between: String) -> Bool {
        let words = between.lowercased().split { $0 == " " || $0 == "-" }
        guard !words.isEmpty, words.count <= 3 else { return words.isEmpty }
        let nouns = ["lesion", "lesions", "and", "with", "of", "in", "mass", "bone", "metastasis", "fracture"]
        return words.allSatisfy { word in word.allSatisfy { $0.isASCII && $0.isLetter } && !nouns.contains(String(word)) }
    }

    static func sameClause(_ text: ReportText, _ a: Int, _ b: Int) -> Bool {
        let (low, high) = a < b ? (a, b) : (b, a)
        guard low < high else { return true }
        for index in low..<high {
            let unit = text[index]
            if unit == period, ReportText.isDigit(text[index - 1]), ReportText.isDigit(text[index + 1]) { continue }
            if breaksClause(text, at: index) { return false }
        }
        return true
    }

    /// Matches not inside a longer match (of any payload): "sclerotic" in "sclerotic rim" is the rim.
    static func outermost<P>(_ matches: [(TextSpan, P)]) -> [(TextSpan, P)] {
        matches.filter { match in
            !matches.contains { other in
                other.0 != match.0 && other.0.start <= match.0.start && match.0.end <= other.0.end
            }
        }
    }

    /// Matches that do not overlap, leftmost and then longest first: "前肋骨质破坏" is 前肋 then
    /// 骨质破坏, never 前肋 and 肋骨 both (two sites over one word, which also ended one
    /// before the other began).
    static func leftmostLongest<P>(_ matches: [(TextSpan, P)]) -> [(TextSpan, P)] {
        var kept: [(TextSpan, P)] = []
        for match in matches.sorted(by: { ($0.0.start, $1.0.end) < ($1.0.start, $0.0.end) }) where match.0.start >= (kept.last?.0.end ?? 0) {
            kept.append(match)
        }
        return kept
    }

    /// The site group a finding belongs to: the nearest in its clause, else the last before it
    /// in the sentence, else the first after it.
    static func group(for span: TextSpan, in groups: [[SiteMention]], text: ReportText) -> [SiteMention]? {
        func distance(_ group: [SiteMention]) -> Int {
            guard let first = group.first, let last = group.last else { return .max }
            if last.span.end <= span.start { return span.start - last.span.end }
            if span.end <= first.span.start { return first.span.start - span.end }
            return 0
        }
        let inClause = groups.filter { group in
            group.contains { Self.sameClause(text, $0.span.start, span.start) && Self.sameClause(text, $0.span.end, span.end) }
        }
        // The site written just before the finding, with nothing but a site word between, is
        // its subject ("T10椎体骨质破坏、L2椎体未见异常": T10's, although L2 is as near).
        if let before = inClause.last(where: { ($0.last?.span.end ?? .max) <= span.start }), let end = before.last?.span.end {
            var gap = text.text(TextSpan(end, span.start)).lowercased()
            for word in ["椎体", "vertebral body", "见", "可见", "呈", "示", "处", " "] { gap = gap.replacingOccurrences(of: word, with: "") }
            if gap.isEmpty { return before }
            // English: the site as the subject of its finding, "The L2 vertebral body shows a lytic
            // lesion and the sternum shows a sclerotic lesion" (the sternum, nearer by the words of
            // "vertebral body", took both).
            let words = text.text(TextSpan(end, span.start)).lowercased().split(separator: " ")
            let parts: Set<Substring> = ["vertebral", "body", "bodies", "bone", "bones", "head", "heads", "neck", "necks", "shaft", "shafts", "diaphysis", "region", "wing", "wings", "ala", "crest"]
            let verbs: Set<Substring> = ["shows", "show", "showing", "demonstrates", "demonstrate", "demonstrating", "contains", "contain", "containing", "has", "have", "having", "with", "a", "an"]
            if !words.isEmpty, words.allSatisfy({ parts.contains($0) || verbs.contains($0) }), words.contains(where: verbs.contains) { return before }
        }
        // English writes the finding before its site, joined by a preposition: "Lytic lesion of
        // the right humerus and sclerotic lesion of the left femur" gave the humerus both
        // characters (the femur nearer to "sclerotic" by the other side) and the femur none.
        if let next = inClause.first(where: { ($0.first?.span.start ?? 0) >= span.end }), let start = next.first?.span.start,
            Self.introducesItsSite(text.text(TextSpan(span.end, start)))
        {
            return next
        }
        if let nearest = inClause.min(by: { distance($0) < distance($1) }) { return nearest }
        // A heading's site ("CT ABDOMEN/PELVIS: Numerous sclerotic osseous metastases throughout the
        // lumbar spine, pelvis and proximal femora") names the study, not the finding's subject,
        // when sites follow the finding: the femora lost their sclerosis to the heading's pelvis
        // (unseen CT report, 2026-12-06).
        if let before = groups.last(where: { ($0.last?.span.end ?? .max) <= span.start }) {
            let end = before.last?.span.end ?? span.start
            // "… the sternum, right sacroiliac region and multiple bilateral ribs, several of which
            // are new": "which" is the last site named, not the whole list (b12-en-10).
            if let last = before.last, text.text(TextSpan(end, span.start)).lowercased().contains("of which") { return [last] }
            let heading = (end..<span.start).contains { text[$0] == Self.colon }
            if !(heading && groups.contains(where: { ($0.first?.span.start ?? 0) >= span.end })) { return before }
            return groups.first { ($0.first?.span.start ?? 0) >= span.end }
        }
        return groups.first
    }

    /// Whether the English words between a finding and the site after it lead to that site: a few
    /// words (the lesion's noun, more describing words) and then a preposition, with only an
    /// article, sides, parts or an ordinal after it — " lesion of the right ", " focus in the left
    /// 9th ", " lesions in ".
    static func introducesItsSite(_ gap: String) -> Bool {
        // "multiple new FDG-avid osseous lesions, including the left scapula, T3 …": the comma
        // before "including" opens the list the finding names (unseen PET/CT report, 2026-12-06 —
        // "new" reached none of the four sites).
        let gap = gap.replacingOccurrences(of: ", including", with: " including")
        guard gap.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "-") }) else { return false }
        let words = gap.lowercased().split(separator: " ").map(String.init)
        // Not across another phrase: "Lytic lesion at L3 measuring 2.5 cm and sclerotic lesion at
        // L5" — the size is L3's.
        guard !words.contains(where: ["and", "or", "but", "while", "whereas"].contains) else { return false }
        let prepositions: Set<String> = ["of", "in", "at", "within", "involving", "throughout", "along", "including"]
        guard let at = words.lastIndex(where: prepositions.contains), at <= 4 else { return false }
        let after: Set<String> = ["the", "a", "an", "left", "right", "bilateral", "both", "proximal", "distal", "mid", "posterior", "anterior", "lateral", "medial", "superior", "inferior"]
        return words[(at + 1)...].allSatisfy { word in after.contains(word) || word.range(of: #"^\d+(st|nd|rd|th)$"#, options: .regularExpression) != nil }
    }

    func nearest(_ sides: [(TextSpan, Laterality)], before start: Int, within: Int, text: ReportText) -> (TextSpan, Laterality)? {
        sides.last { $0.0.end <= start && start - $0.0.end <= within && Self.sameClause(text, $0.0.end, start) }
    }

    /// ConText: the triggers whose scope holds the mention; the strongest wins
    /// (negated, then another structure, then uncertain, then historical).
    func certainty(of mention: Mention, among mentions: [Mention], triggers: [(TextSpan, Trigger)], sites: [TextSpan], text: ReportText) -> Certainty {
        // A term that holds its own denial, "代谢未见增高" (the finding split around 未见): the
        // right ilium's "FDG代谢未见增高" gave no uptake at all (unseen PET-CT report).
        if Self.selfNegated.contains(where: text.text(mention.span).contains) { return .negated }
        var kinds: Set<String> = []
        let terminators = triggers.filter { $0.1.kind == "terminate" }
        func terminated(_ a: Int, _ b: Int) -> Bool { terminators.contains { a <= $0.0.start && $0.0.end <= b } }
        // A comparison and a fill-in say what the lesion does now against before: a word of
        // history beside them ("原溶骨性破坏区较前缩小") is the lesion's former state, not theirs.
        // So is the character a fill-in word gives ("完全硬化", "completely sclerotic": blastic):
        // "胸骨原溶骨性病灶已完全硬化" made it history with the former lytic (batch 33).
        let now = mention.field == "comparison" || mention.field == "fillIn"
            || (mention.field == "character" && mentions.contains { $0.field == "fillIn" && $0.span == mention.span })
        for (span, trigger) in triggers where trigger.kind != "terminate" && !(now && trigger.kind == "historical") {
            let chinese = (span.start..<span.end).contains { ReportText.isCJK(text[$0]) }
            var forward = trigger.direction == .forward
            var backward = trigger.direction == .backward
            if trigger.direction == .previous {
                // The last finding before it, alone, and right before it: "posterior elements
                // (are) intact", "附件结构正常" — not "lytic lesion with the cortex intact", whose
                // "intact" is the cortex's, a structure no finding names.
                backward = mention.span.end <= span.start && Self.onlyLinkWords(text.text(TextSpan(mention.span.end, span.start)))
                    && !mentions.contains { $0.span.end <= span.start && $0.span.start > mention.span.start }
            } else if trigger.direction == .next {
                forward = span.end <= mention.span.start && Self.onlyLinkWords(text.text(TextSpan(span.end, mention.span.start)))
                    && !mentions.contains { $0.span.start >= span.end && $0.span.start < mention.span.start }
            }
            if trigger.direction == .either {
                // Chinese 未见/无 stand between subject and predicate: what follows, else what precedes.
                let after = mentions.contains { $0.span.start >= span.end && Self.sameClause(text, span.end, $0.span.start) }
                forward = after
                backward = !after
            }
            if trigger.kind == "other" {
                // Callus ("骨痂", "callus") is another process for the fracture it heals — not
                // for the lesion it heals in (`fractureOnlyOthers`): "原溶骨性破坏区较前缩小，可见骨痂
                // 形成及成骨修复" after a PFNA made the treated metastasis's shrinking and fill-in
                // "about another structure" (unseen X-ray report, 2026-12-06).
                if speaksOfAnother(span, at: mention.span, field: mention.field, among: mentions, triggers: triggers, sites: sites, text: text) { kinds.insert("other") }
                continue
            }
            if forward, span.end <= mention.span.start, !terminated(span.end, mention.span.start) {
                let inScope = chinese || !ReportText.isLetter(text[span.start])
                    ? Self.sameClause(text, span.end, mention.span.start)
                    : mention.span.start - span.end <= 60 && !(span.end..<mention.span.start).contains { text[$0] == Self.semicolon }
                        && !Self.anotherTriggerAfterAComma(span, before: mention.span, kind: trigger.kind, triggers: triggers, text: text)
                if inScope { kinds.insert(trigger.kind) }
            }
            // A doubt in a clause of its own ("…浓聚，性质待定", "…, indeterminate") is about what
            // the finding means, not whether it was seen: the seen finding stays stated.
            // Backwards an either-way trigger (未见, 无) stops at a site: "骨质破坏、L2椎体未见异常"
            // says nothing about what was written of the site before L2.
            let siteBetween = chinese && trigger.direction == .either && sites.contains { mention.span.end <= $0.start && $0.end <= span.start }
            if backward, !siteBetween, mention.span.end <= span.start, Self.sameClause(text, mention.span.end, span.start), !terminated(mention.span.end, span.start) {
                kinds.insert(trigger.kind)
            }
            // "Nonspecific" in a clause of its own doubts the finding itself, not only what it
            // means: "骶骨见小斑点状高密度影，非特异性" — the foci are no lesion to pre-select, as
            // "sclerotic foci in the sacrum are nonspecific" is not (batch 22 made them a lesion).
            if backward, Self.doubtsTheFinding.contains(text.text(span).lowercased()), mention.span.end <= span.start,
                Self.clause(text, around: span).start == Self.clause(text, around: mention.span).end + 1,
                !mentions.contains(where: { Self.clause(text, around: span).start <= $0.span.start && $0.span.end <= span.start }) {
                kinds.insert(trigger.kind)
            }
        }
        for kind in ["other", "negated", "uncertain", "historical"] where kinds.contains(kind) { return Certainty(rawValue: kind) ?? .uncertain }
        return .affirmed
    }

    /// An English trigger's forward scope crosses commas ("no fracture, collapse or soft tissue
    /// mass") but ends where a trigger of another kind opens the clause after one: "New sclerotic
    /// foci in T10 and T12 without cortical destruction, likely healing response" denied the
    /// healing (a fill-in "stated as absent"; unseen CT report, 2026-12-06) — as medspaCy's
    /// ConText limits a modifier's scope at a modifier of another category.
    static func anotherTriggerAfterAComma(_ span: TextSpan, before mention: TextSpan, kind: String, triggers: [(TextSpan, Trigger)], text: ReportText) -> Bool {
        triggers.contains { other in
            other.1.kind != kind && other.1.kind != "terminate" && span.end <= other.0.start && other.0.end <= mention.start
                && (span.end..<other.0.start).contains { text[$0] == Self.comma }
        }
    }

    /// Values that need their neighbours: collapse degree, posterolateral side, ESCC from words.
    func refine(_ mention: Mention, mentions: [Mention], text: ReportText, sides: [(TextSpan, Laterality)]) -> Mention {
        var mention = mention
        switch mention.field {
        case "character", "uptake":
            // "L3 lesion, previously lytic, is now sclerotic", "原为溶骨性，现呈成骨性": the
            // character it had is history — read with the one it has, it made the lesion "mixed";
            // so is "原溶骨性骨质破坏区内见成骨性修复" (the former lytic area now filling in). The
            // uptake it had likewise: "the previously FDG-avid lesion in T11 now shows no abnormal
            // uptake" read the uptake in doubt (batch 36).
            let reach = mention.field == "uptake" ? 20 : 12
            var before = text.text(TextSpan(max(Self.clause(text, around: mention.span).start, mention.span.start - reach), mention.span.start))
                .lowercased().trimmingCharacters(in: .whitespaces)
            // The tracer's name between ("previously FDG-avid", "原FDG高摄取").
            if mention.field == "uptake" {
                for tracer in ["fdg-", "fdg", "18f-fdg"] where before.hasSuffix(tracer) { before = String(before.dropLast(tracer.count)).trimmingCharacters(in: .whitespaces) }
            }
            if mention.certainty == .affirmed, ["previously", "formerly", "原为", "原呈", "原来为", "此前为", "原"].contains(where: before.hasSuffix) {
                mention.certainty = .historical
            }
            if mention.field == "uptake", mention.certainty == .negated, mention.value == "true" { mention.value = "false" }
        case "collapse":
            if mention.certainty == .negated { mention.value = "none"; break }
            var clause = Self.clause(text, around: mention.span)
            // Its degree in the clause after, set off by a comma: "Progressive collapse of T11, now
            // greater than 50%" read only "collapse present" (2026-12-06).
            if Self.collapseDegree(text.text(clause)) == nil, text[clause.end] == Self.comma {
                let next = Self.clause(text, around: TextSpan(clause.end + 1, clause.end + 1))
                let opening = text.text(next).lowercased().trimmingCharacters(in: .whitespaces)
                if ["now", "approximately", "about", "约", "现"].contains(where: opening.hasPrefix) { clause = next }
            }
            // A word that is its own degree — "vertebra plana", "扁平椎": the body flattened, over
            // 50 % — keeps it when the clause gives none.
            mention.value = Self.collapseDegree(text.text(clause)) ?? (mention.value == "over50" ? "over50" : "present")
            // "压缩约1/2", "approximately 50% loss of height": SINS has no half — more than 50 % is 3,
            // less is 2 — so a half is read "> 50 %" in doubt, for the reader to choose (it was
            // pre-selected as stated, and SINS 6 against 7 is the line of a surgical consultation).
            if mention.certainty == .affirmed, mention.value == "over50", Self.collapseAtHalf(text.text(clause)) { mention.certainty = .uncertain }
        case "posterior":
            mention.field = "posterolateral"
            // 双侧椎弓根 / left pedicle: the side words just before (or "bilateral pedicles").
            // Further back over other posterior elements and "and": "Bilateral pars and facet
            // involvement", "双侧椎板及椎弓根" (the side was "not stated").
            let side = sides.last { found in
                guard found.0.end <= mention.span.start, Self.sameClause(text, found.0.end, mention.span.start) else { return false }
                if mention.span.start - found.0.end <= 4 { return true }
                guard mention.span.start - found.0.end <= 24 else { return false }
                var between = text.text(TextSpan(found.0.end, mention.span.start)).lowercased()
                for word in Self.posteriorWords + ["and", "及", "和", "、", "/"] { between = between.replacingOccurrences(of: word, with: "") }
                return between.trimmingCharacters(in: .whitespaces).isEmpty
            }?.1
                // Or written after it in English: "posterior element involvement on the right" read
                // "side not stated" where its Chinese "右侧附件受累" read one side (batch 31).
                ?? sides.first { found in
                    guard found.0.start >= mention.span.end, found.0.start - mention.span.end <= 20,
                        Self.sameClause(text, mention.span.end, found.0.start) else { return false }
                    let between = text.text(TextSpan(mention.span.end, found.0.start)).lowercased().trimmingCharacters(in: .whitespaces)
                    return ["on the", "on", "involvement on the", "involvement on", "involved on the", "involved on"].contains(between)
                }?.1
            // One side's elements denied ("left pedicle spared") keeps its side until the merge:
            // beside the other side involved it is that side's unilateral, not a contradiction.
            if mention.certainty == .negated {
                mention.value = side == .left ? "none:left" : side == .right ? "none:right" : "none"
                break
            }
            switch side {
            case .bilateral?: mention.value = "bilateral"
            // The side is kept until the lesion's readings are merged (`finish`): a right pedicle
            // and a left facet are both sides.
            case .left?: mention.value = "unilateral:left"
            case .right?: mention.value = "unilateral:right"
            default: mention.value = "involved"
            }
        default:
            if mention.certainty == .negated, mention.value == "true" { mention.value = "false" }
        }
        return mention
    }

    static let doubtsTheFinding: Set<String> = ["非特异性", "nonspecific", "non specific"]

    static func clause(_ text: ReportText, around span: TextSpan) -> TextSpan {
        var start = span.start
        while start > 0, !breaksClause(text, at: start - 1) { start -= 1 }
        var end = span.end
        while end < text.count, !(breaksClause(text, at: end) && !(text[end] == period && ReportText.isDigit(text[end - 1]) && ReportText.isDigit(text[end + 1]))) { end += 1 }
        return TextSpan(start, end)
    }

    /// Whether the unit at `index` ends a clause: a clause break that is not a comma inside a
    /// bracket — there it lists the bracket's own words ("(lytic, 2.4 cm)").
    static func breaksClause(_ text: ReportText, at index: Int) -> Bool {
        isClauseBreak(text[index]) && !(text[index] == comma && text.inBracket(index))
    }

    /// Whether only counts, ordinals and segment words stand between two points: "5th and 6th",
    /// "proximal", "第5、6".
    static func onlyQualifiers(_ text: ReportText, from start: Int, to end: Int, segments: [TextSpan]) -> Bool {
        guard start <= end, sameClause(text, start, end) else { return false }
        var between = text.text(TextSpan(start, end))
        for segment in segments where start <= segment.start && segment.end <= end { between = between.replacingOccurrences(of: text.text(segment), with: " ") }
        // A rib's aspect between its number and the bone: "left 9th posterior rib" lost its side.
        between = between.lowercased().replacingOccurrences(
            of: #"\b\d+(st|nd|rd|th)?\b|\band\b|\bthe\b|\b(posterior|anterior|lateral|axillary|superior|inferior)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b|[,、第及和\d\s]"#, with: "", options: .regularExpression)
        return between.isEmpty
    }

    /// Denials written inside a finding's own words (the lexicon's "代谢未见增高").
    /// "高度尚可", "高度正常": the height is kept — a collapse denied in its own words (unseen CT
    /// report, batch 19: "L1椎体溶骨性破坏 … 椎体高度尚可").
    static let selfNegated = [
        "未见", "未显示", "高度尚可", "高度正常", "无明显减低", "无减低", "无明显降低", "无降低", "未贴近", "未紧贴", "未与脊髓", "未接触", "未突破",
        // The uptake gone, not the lesion (batch 36: "T11椎体病灶FDG摄取消失" denied the lesion).
        "摄取消失", "代谢消失", "浓聚消失",
    ]

    /// Words that may stand between a finding and a `previous` / `next` trigger of its own: a
    /// copula, an article, "of"; Chinese 结构, 骨质, 形态, 信号, 均, 尚.
    static let linkWords: Set<String> = [
        "is", "are", "was", "were", "remain", "remains", "appear", "appears", "still", "otherwise", "largely", "both", "the", "of", "being",
        // The tracer or a degree before the finding word: "no longer FDG-avid", "no longer clearly seen".
        "fdg", "fdg-", "tracer", "metabolically", "significantly", "clearly", "definitely",
    ]
    static let chineseLinkWords = ["结构", "骨质", "形态", "信号", "均", "尚", "基本", "仍"]

    static func onlyLinkWords(_ between: String) -> Bool {
        var rest = between.lowercased()
        for word in chineseLinkWords { rest = rest.replacingOccurrences(of: word, with: " ") }
        return rest.split(whereSeparator: { $0.isWhitespace }).allSatisfy { linkWords.contains(String($0)) }
    }

    /// The bones of one side's hip and of one side's shoulder: a side said for one is the next's
    /// in a list.
    static let jointBones: [Set<Bone>] = [[.pelvis, .acetabulum, .femur], [.humerus, .scapula, .clavicle]]

    /// Whether a bracket opens right after a site (spaces, or its vertebra's word, between) and
    /// holds `index`: "the right femur (3.1 cm)".
    static func bracketFollows(_ site: TextSpan, at index: Int, text: ReportText) -> Bool {
        let start = afterSiteWords(site, text: text)
        guard text[start] == UInt16(UInt8(ascii: "(")), start < index else { return false }
        return (start + 1...index).allSatisfy { text.inBracket($0) }
    }

    /// Where a site's words end: after spaces, and a site word no lexicon names as a bone — "the
    /// T8 vertebral body (SUVmax 5.1)".
    static func afterSiteWords(_ site: TextSpan, text: ReportText) -> Int {
        var start = site.end
        while start < text.count, text[start] == 0x20 { start += 1 }
        for word in ["vertebral bodies", "vertebral body", "vertebrae", "vertebra", "bones", "bone", "椎体"] where text.hasWord(word, at: start) {
            start += ReportText.units(word).count
            while start < text.count, text[start] == 0x20 { start += 1 }
            break
        }
        return start
    }

    /// Whether a sacrum named at a span is its ala: "骶骨翼", "sacral ala".
    static func namesTheAla(_ text: ReportText, after span: TextSpan) -> Bool {
        let next = text.text(TextSpan(span.end, min(text.count, span.end + 5))).lowercased().drop { $0 == " " }
        return next.hasPrefix("翼") || next.hasPrefix("ala")
    }

    /// Only list words between two sites: "及", "和", "与", "、", "以及", "and", a comma.
    static func onlyListWords(_ between: String) -> Bool {
        var rest = between.lowercased()
        for word in ["以及", "及", "和", "与", "、", ",", "，", "and", "the"] { rest = rest.replacingOccurrences(of: word, with: "") }
        return rest.trimmingCharacters(in: .whitespaces).isEmpty
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func match(_ site: ReportSite, in lesions: [Lesion]) -> String? {
        lesions.first { lesion in
            guard lesion.bone == site.bone else { return false }
            if let level = site.level { return lesion.level == level }
            if let side = site.side, let known = lesion.laterality, side != known { return false }
            if let segment = site.segment, let known = lesion.segment, segment != known { return false }
            return true
        }?.id
    }

    static func modality(_ text: ReportText) -> String? {
        let head = text.text(TextSpan(0, min(text.count, 200)))
        let checks: [(String, [String])] = [
            ("petCt", ["pet ct", "pet-ct", "pet/ct", "petct", "pet"]), ("boneScan", ["骨显像", "骨扫描", "bone scan", "scintigra", "spect", "ect"]),
            ("mri", ["mri", "磁共振", "mr平扫", "mr增强", "mr "]), ("ct", ["ct"]), ("xray", ["x线", "x ray", "x-ray", "radiograph", "平片", "dr"]),
        ]
        for (modality, words) in checks where words.contains(where: head.contains) { return modality }
        return nil
    }

    func studyCoverage(_ text: ReportText) -> [String] {
        let head = ReportText(text.text(TextSpan(0, min(text.count, 200))))
        var regions: [String] = []
        for (_, region) in Self.outermost(coverage.all(in: head)) where !regions.contains(region) { regions.append(region) }
        return regions
    }
}

extension Bone {
    var hasSegments: Bool { [.femur, .humerus, .tibia, .fibula, .radius, .ulna].contains(self) }
}
