import BoneMetRules
import Foundation

/// Lists of sites: which site mentions share a finding (`groups`), the list words, and the
/// sentences a semicolon splits inside a list (`joinSiteListItems`).
extension ReportExtractor {
    /// A sentence beside a semicolon that names only sites is part of the list on its other side:
    /// "Osseous metastases: T7; L2." and "骨转移：T7；L2。" read T7 alone — L2's sentence had no
    /// finding of its own — and "胸7椎体、腰2椎体；右侧髂骨：多发骨转移。" the ilium alone (report-reader
    /// template run, 2026-12-06). Joined to the sentence before it (which names a site) or after
    /// it; a sentence that says anything else of its own (a finding, a negation, a size) stays a
    /// sentence of its own.
    static func joinSiteListItems(_ sentences: [TextSpan], _ text: ReportText, sites: [SiteMention]) -> [TextSpan] {
        func own(_ span: TextSpan) -> [SiteMention] {
            sites.filter { !$0.sites.isEmpty && span.start <= $0.span.start && $0.span.end <= span.end }
        }
        func onlyListing(_ span: TextSpan) -> Bool {
            let mentions = own(span)
            guard !mentions.isEmpty else { return false }
            var rest = ""
            var at = span.start
            for mention in mentions {
                rest += text.text(TextSpan(at, mention.span.start))
                at = mention.span.end
            }
            rest += text.text(TextSpan(at, span.end))
            rest = rest.lowercased()
            for word in listConnectors.sorted(by: { $0.count > $1.count }) { rest = rest.replacingOccurrences(of: word, with: " ") }
            return rest.allSatisfy { $0.isWhitespace || $0.isNumber || ",.".contains($0) }
        }
        var joined: [(span: TextSpan, listing: Bool)] = []
        for sentence in sentences {
            let listing = onlyListing(sentence)
            if let previous = joined.last, sentence.start > 0, text[sentence.start - 1] == semicolon,
                (listing && !own(previous.span).isEmpty) || (previous.listing && !own(sentence).isEmpty)
            {
                joined[joined.count - 1] = (TextSpan(previous.span.start, sentence.end), previous.listing && listing)
            } else {
                joined.append((sentence, listing))
            }
        }
        return joined.map(\.span)
    }

    /// The words of a list of sites (`groups`, `joinSiteListItems`): joining words, counts, sides,
    /// regions and parts of a bone — none a finding.
    static let listConnectors = [
        // A semicolon between sites is a list's only where `joinSiteListItems` kept it inside a sentence.
        "、", ",", ";", "及", "和", "与", "/", "as well as", "along with", "and", "or", "椎体", "vertebral bodies", "vertebral body", "vertebrae", "vertebra", "the", "of", "以及", "并",
        "多发", "多个", "多根", "多处", "多块", "数个", "数根", "数处", "multiple", "several", "bones", "bone", "胸腰椎", "胸椎", "腰椎", "颈椎", "脊柱", "spine", "thoracic", "lumbar", "cervical", "左侧", "右侧", "双侧", "左", "右", "left", "right", "both", "bilateral", "第", "th", "st", "nd", "rd", "个",
        // The part of a bone that ends a site ("right femoral neck and left 9th rib": the
        // rib's own group had no finding and was dropped, unseen bone scan report).
        "neck", "head", "shaft", "posterior", "anterior", "lateral", "proximal", "distal",
        // and Chinese parts of three characters ("右肱骨干骺端及T10椎体": the humerus was lost)
        "干骺端", "大转子", "小转子", "转子间", "转子下", "粗隆间", "粗隆下",
        // and a long bone's segment, as "proximal" is in English: "累及C3、T2、T7椎体，左侧肱骨上段，
        // 右侧髂骨及左侧股骨干" left the ilium and femur without the destruction the list shares
        // (unseen PET-CT report, 2026-12-06).
        "中上段", "中下段", "上段", "中段", "下段", "近端", "远端", "近段", "远段", "骨干",
    ]

    /// Site mentions joined only by list words ("T10、T11椎体", "T10 and L2") share what follows.
    static func groups(_ mentions: [SiteMention], _ text: ReportText, words: [TextSpan] = []) -> [[SiteMention]] {
        let connectors = listConnectors
        var groups: [[SiteMention]] = []
        for mention in mentions {
            if let previous = groups.last?.last, (previous.sites.isEmpty == mention.sites.isEmpty) {
                var between = text.text(TextSpan(previous.span.end, mention.span.start))
                // A bracket of findings right after each site of a list is each one's own: "Lt
                // scapula (lytic, 2.4 cm), sternum (sclerotic), bilateral iliac bones (mixed)" gave all
                // three "mixed" and the scapula's size (unseen CT report, batch 21).
                if Self.describedInBrackets(previous, text: text, words: words), Self.describedInBrackets(mention, text: text, words: words) {
                    groups.append([mention])
                    continue
                }
                // "the right iliac bone (SUVmax 11.4) and the L5 vertebral body": an aside in brackets joins nothing.
                between = between.replacingOccurrences(of: #"\([^()]*\)"#, with: "", options: .regularExpression)
                for connector in connectors.sorted(by: { $0.count > $1.count }) { between = between.replacingOccurrences(of: connector, with: "") }
                if between.trimmingCharacters(in: .whitespaces.union(.decimalDigits)).isEmpty {
                    groups[groups.count - 1].append(mention)
                    continue
                }
                // A word of a site's own that no lexicon names ("胸骨柄、双侧髂骨": 柄; "第7后肋"):
                // at most two characters, with no finding or context word and no clause break
                // between, keeps the list together.
                let gap = TextSpan(previous.span.end, mention.span.start)
                let listBreak = (gap.start..<max(gap.start, gap.end)).contains { text[$0] == comma || text[$0] == semicolon || text[$0] == fullStop || text[$0] == period }
                // In English, up to two words of a bone's part no lexicon names: "left iliac crest and
                // the T10 vertebral body", "superior pubic ramus and …", "femoral condyle and …" (T10
                // was lost — its group had no finding of its own).
                let rest = between.trimmingCharacters(in: .whitespaces.union(.decimalDigits))
                let partWords = rest.split(separator: " ")
                let englishPart = !rest.isEmpty && partWords.count <= 2
                    && partWords.allSatisfy { word in word.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") } }
                if rest.count <= 2 || englishPart, !listBreak,
                    !words.contains(where: { $0.start < gap.end && gap.start < $0.end })
                {
                    groups[groups.count - 1].append(mention)
                    continue
                }
            }
            groups.append([mention])
        }
        return groups
    }

    /// Whether a site is followed at once by a bracket holding a finding word: its own description.
    static func describedInBrackets(_ site: SiteMention, text: ReportText, words: [TextSpan]) -> Bool {
        let start = afterSiteWords(site.span, text: text)
        guard text[start] == UInt16(UInt8(ascii: "(")) else { return false }
        var end = start + 1
        while end < text.count, text.inBracket(end) { end += 1 }
        // A value alone — a SUVmax, a size — is an aside that describes nothing of its own: "lytic
        // lesions in the right iliac bone (SUVmax 11.4) and the L5 vertebral body (SUVmax 8.0)"
        // share their "lytic".
        return words.contains { word in
            guard start < word.start, word.end <= end else { return false }
            let written = text.text(word).lowercased()
            return written != "suvmax" && !(written.first?.isNumber ?? true)
        }
    }
}

extension ReportExtractor {
    /// The vertebra of a list that a posterior element is named with: "T4、T5椎体及T5左侧椎弓根",
    /// "T4 and T5 vertebral bodies and the left T5 pedicle", "… and the pedicle of T5" — that
    /// vertebra's own, not every vertebra of the list (T4 read "pedicle involved, one side" in an
    /// unseen MRI report, 2026-12-06; SINS scores the posterolateral elements per vertebra). Only
    /// side words may stand between the level and the element; "L3、L4椎体及附件" still speaks of both.
    static func ownSite(ofPosterior span: TextSpan, in group: [SiteMention], text: ReportText, sides: [TextSpan]) -> SiteMention? {
        guard Set(group.flatMap { $0.sites.map(\.key) }).count > 1 else { return nil }
        return group.first { site in
            guard !site.sites.isEmpty else { return false }
            if site.span.end <= span.start {
                return (site.span.end..<span.start).allSatisfy { index in
                    text[index] == 0x20 || sides.contains { $0.start <= index && index < $0.end }
                }
            }
            guard site.span.start >= span.end else { return false }
            let between = text.text(TextSpan(span.end, site.span.start)).lowercased().trimmingCharacters(in: .whitespaces)
            return ["of", "of the"].contains(between)
        }
    }
}
