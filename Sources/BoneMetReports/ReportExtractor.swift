import BoneMetRules
import Foundation

/// Turns one bone-imaging report (zh-Hans, English, or both mixed) into suggested lesion
/// readings for one study (issue #13). Pure: no I/O once built, no state between calls.
///
/// How it reads (docs/report-extraction.md): the text is folded (full-width → ASCII, lower
/// case, offsets kept), cut into sentences and clauses; sites (levels, bones with side and
/// segment), findings and sizes are found from the lexicons; each finding goes to the site
/// nearest it in its clause, else the sentence's, else the site of the sentences before; its
/// certainty comes from ConText triggers in its clause (negation, uncertainty, history, another
/// structure), which a finding word itself never is ("无明显变化" is a comparison, not "无").
public struct ReportExtractor: Sendable {
    enum SiteKind: Sendable {
        case bone(Bone)
        /// "余椎体", "其余", "remaining", "otherwise": what follows is about the rest of the skeleton.
        case rest
    }

    struct Trigger: Sendable {
        /// `previous` / `next`: the one finding just before / after it in its clause — "posterior
        /// elements spared", "with intact cortex" deny their own structure, not the lesion the
        /// clause began with ("Lytic lesion in T8 with posterior elements spared" was a lesion
        /// denied).
        enum Direction: String, Sendable { case forward, backward, either, previous, next }
        let kind: String
        let direction: Direction
    }

    let sites: TermIndex<SiteKind>
    let sides: TermIndex<Laterality>
    let segments: TermIndex<BoneSegment>
    let findings: TermIndex<(field: String, value: String)>
    let triggers: TermIndex<Trigger>
    let coverage: TermIndex<String>

    /// Whether a size is that of the largest of several ("the largest measuring", "最大者约"):
    /// the words just before it in its clause say so.
    static func sizeOfTheLargest(_ text: ReportText, before span: TextSpan) -> Bool {
        let clause = clause(text, around: span)
        let before = text.text(TextSpan(max(clause.start, span.start - 24), span.start)).lowercased()
        let words = ["largest", "larger", "biggest", "dominant", "最大者", "较大者", "大者", "最大的"]
        if words.contains(where: before.contains) { return true }
        // Or the clause before opens on it: "最大者位于左侧，直径约1.5cm", "the largest in the left
        // femur, measuring 1.5 cm".
        guard clause.start >= 2, text[clause.start - 1] == comma else { return false }
        let previous = text.text(Self.clause(text, around: TextSpan(clause.start - 2, clause.start - 2))).lowercased()
            .trimmingCharacters(in: .whitespaces)
        return ["最大者", "较大者", "大者", "最大的", "the largest", "largest"].contains(where: previous.hasPrefix)
    }

    /// The one segment a sentence names (several different ones: none).
    static func oneSegment(_ found: [BoneSegment]) -> BoneSegment? {
        guard let first = found.first, found.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    static let restTerms = ["余", "其余", "其他", "余椎体", "余骨", "余诸骨", "其余骨", "remaining", "rest of", "otherwise", "elsewhere", "other"]

    /// Built from the bundled lexicons.
    public init() throws(LexiconError) {
        try self.init(siteFolder: nil)
    }

    /// The bundled lexicons plus a hospital's own terms: `sites.tsv`, `findings.tsv`,
    /// `context.tsv` … in `siteFolder`, in the same format, added to the bundled ones (a
    /// missing file adds nothing; a malformed line is an error naming the file and line).
    public init(siteFolder: URL?) throws(LexiconError) {
        func load(_ name: String) throws(LexiconError) -> Lexicon {
            let bundled = try Lexicon.bundled(name)
            guard let siteFolder else { return bundled }
            let url = siteFolder.appendingPathComponent(name + ".tsv")
            guard FileManager.default.fileExists(atPath: url.path) else { return bundled }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw LexiconError(file: url.path, line: 0) }
            return Lexicon(entries: bundled.entries + (try Lexicon(tsv: text, name: url.path)).entries)
        }
        try self.init(
            sites: load("sites"), sides: load("sides"), segments: load("segments"), findings: load("findings"),
            context: load("context"), coverage: load("coverage"))
    }

    /// The lexicon files a site folder may hold.
    public static let lexiconNames = ["sites", "sides", "segments", "findings", "context", "coverage"]

    /// Built from given lexicons (a site's own terms added to the bundled ones).
    public init(sites: Lexicon, sides: Lexicon, segments: Lexicon, findings: Lexicon, context: Lexicon, coverage: Lexicon) throws(LexiconError) {
        var siteTerms: [(String, SiteKind)] = Self.restTerms.map { ($0, .rest) }
        for entry in sites.entries {
            guard let bone = Bone(rawValue: entry.values[0]) else { throw LexiconError(file: "sites.tsv", line: 0) }
            siteTerms.append((entry.term, .bone(bone)))
        }
        self.sites = TermIndex(siteTerms)
        self.sides = TermIndex(try sides.entries.map { entry throws(LexiconError) in
            guard let side = Laterality(rawValue: entry.values[0]) else { throw LexiconError(file: "sides.tsv", line: 0) }
            return (entry.term, side)
        })
        self.segments = TermIndex(try segments.entries.map { entry throws(LexiconError) in
            guard let segment = BoneSegment(rawValue: entry.values[0]) else { throw LexiconError(file: "segments.tsv", line: 0) }
            return (entry.term, segment)
        })
        var findingTerms: [(String, (field: String, value: String))] = []
        for entry in findings.entries {
            // "压缩性骨折	fracture:true+collapse:present": one word, two readings.
            for payload in entry.values[0].split(separator: "+") {
                let parts = payload.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw LexiconError(file: "findings.tsv", line: 0) }
                findingTerms.append((entry.term, (parts[0], parts[1])))
            }
        }
        findingTerms += Self.statedGrades.map { ($0.term, (field: "esccStated", value: $0.grade)) }
        self.findings = TermIndex(findingTerms)
        self.triggers = TermIndex(try context.entries.map { entry throws(LexiconError) in
            guard entry.values.count == 2, let direction = Trigger.Direction(rawValue: entry.values[1]),
                ["negated", "uncertain", "historical", "other", "terminate"].contains(entry.values[0])
            else { throw LexiconError(file: "context.tsv", line: 0) }
            return (entry.term, Trigger(kind: entry.values[0], direction: direction))
        })
        var regions: [(String, String)] = []
        for entry in coverage.entries {
            for region in entry.values[0].split(separator: "+").map(String.init) {
                guard BodyRegion(rawValue: region) != nil else { throw LexiconError(file: "coverage.tsv", line: 0) }
                regions.append((entry.term, region))
            }
        }
        self.coverage = TermIndex(regions)
    }

    /// An ESCC grade written with the scale's name and a word between: "Bilsky grade 2", "ESCC
    /// grade 1c", "Bilsky分级：2级", "ESCC分级为3级" ("Bilsky grade 2" read only as the epidural
    /// component's 1a; unseen MRI report, 2026-12-06). The lexicon holds the bare forms ("bilsky 2",
    /// "escc 2级"); these are its spellings with "grade" / 分级 between, on folded text.
    static let statedGrades: [(term: String, grade: String)] = {
        var terms: [(String, String)] = []
        for scale in ["bilsky", "escc"] {
            for between in [" grade ", " grade: ", " grade:", "grade ", "分级", "分级为", "分级:", "分级: ", " 分级", " 分级:", "分级 "] {
                for grade in ["3", "2", "1c", "1b", "1a"] {
                    terms.append(("\(scale)\(between)\(grade)", grade))
                    terms.append(("\(scale)\(between)\(grade)级", grade))
                }
            }
        }
        return terms
    }()

    // MARK: - Reading a report

    struct SiteMention {
        let span: TextSpan
        let sites: [ReportSite]  // empty: "the rest"
    }

    struct Mention {
        let span: TextSpan
        var field: String
        var value: String
        var certainty: Certainty = .affirmed
    }

    /// The English plurals of the paired long bones (sites.tsv): both sides.
    static let pairedPlurals: Set<String> = ["femora", "femurs", "humeri", "tibiae", "tibias", "fibulae", "fibulas", "radii", "ulnae", "ulnas"]

    public func extract(_ report: String, existing known: [Lesion] = []) -> ReportExtraction {
        let text = ReportText(report)
        let sentences = Self.sentences(text)
        let levelMentions = SiteGrammar.levels(in: text)
        let boneMatches = Self.leftmostLongest(sites.all(in: text))
        // Anatomy words (the growth plate, the metaphysis) are matched only so the words inside
        // them are not read (findings.tsv): they say nothing of a lesion.
        let allFindingMatches = Self.outermost(findings.all(in: text))
        let findingMatches = allFindingMatches.filter { $0.1.field != "anatomy" }
        let measurements = MeasurementGrammar.measurements(in: text)
        let diameterFractions = DiameterFractionGrammar.matches(in: text)
        // The outermost: "left and right" is both sides, not its "right".
        let sideMatches = Self.outermost(sides.all(in: text))
        // A metaphysis (干骺端) names no end of its own, and its 骨干 is no shaft: "右肱骨干骺端" read
        // "humeral diaphysis" (2026-12-06; the lexicon had read 干骺端 as distal, which it need not be).
        let segmentMatches = segments.all(in: text).filter { match in
            !(text.text(match.0) == "骨干" && text.text(TextSpan(match.0.end, min(text.count, match.0.end + 1))) == "骺")
        }
        // A trigger inside a finding or site word is part of that word.
        // Anatomy words cover theirs too: the "内见" of "内见钙化" is no new subject.
        let covered = allFindingMatches.map(\.0) + boneMatches.map(\.0) + levelMentions.map(\.span)
        let triggerMatches = Self.outermost(triggers.all(in: text)).filter { trigger in
            !covered.contains { $0.start <= trigger.0.start && trigger.0.end <= $0.end && $0 != trigger.0 }
        }

        // A level that locates anatomy is no lesion (`locatesAnatomy`).
        let anatomical = levelMentions.filter { Self.locatesAnatomy(text, level: $0.span) }.map(\.span)
        var siteMentions: [SiteMention] = levelMentions.filter { !anatomical.contains($0.span) }.map { mention in
            SiteMention(span: mention.span, sites: mention.levels.map { ReportSite(bone: $0.region == .sacral ? .sacrum : .vertebra, level: $0) })
        }
        for (span, kind) in boneMatches where !levelMentions.contains(where: { $0.span.start <= span.start && span.end <= $0.span.end }) {
            // A nerve named after its bone is no bone: "压迫左侧坐骨神经" (the sciatic nerve) read a
            // left pelvic lesion (unseen MRI report, 2026-12-06).
            if text.text(TextSpan(span.end, min(text.count, span.end + 2))) == "神经" { continue }
            // The bone as the measure of a fraction is no site of its own: "occupying approximately
            // one-half of the femoral width" made a second, sideless femur that kept the fraction and
            // the denied fracture from the intertrochanteric lesion (unseen X-ray report, batch 29).
            let measure = text.text(TextSpan(span.end, min(text.count, span.end + 10))).lowercased()
            if [" width", " diameter", "横径", "直径"].contains(where: measure.hasPrefix) { continue }
            switch kind {
            case .rest:
                siteMentions.append(SiteMention(span: span, sites: []))
            case .bone(let bone):
                // "the S1 segment of the sacrum": the sacrum is the S-level already named.
                if bone == .sacrum, levelMentions.contains(where: { mention in
                    !anatomical.contains(mention.span) && mention.levels.contains { $0.region == .sacral } && sentences.contains { $0.start <= mention.span.start && span.end <= $0.end }
                }) { continue }
                // The side just before this bone, with no other bone between ("双侧髂骨及骶骨": the sacrum has none).
                // Further back when only counts and segments stand between: "right 5th and 6th
                // ribs", "both proximal femora".
                let side = (nearest(sideMatches, before: span.start, within: 6, text: text)
                    ?? nearest(sideMatches, before: span.start, within: 24, text: text).flatMap { found in
                        Self.onlyQualifiers(text, from: found.0.end, to: span.start, segments: segmentMatches.map(\.0)) ? found : nil
                    }).flatMap { found in
                    boneMatches.contains { $0.0.start >= found.0.end && $0.0.end <= span.start } ? nil : found.1
                }
                // Its segment: the word just after ("股骨近端", "femoral shaft" — and in "proximal
                // right femoral diaphysis" it wins), else one before in the clause ("the
                // intertrochanteric region of the right femur").
                let segment = segmentMatches.first { match in match.0.start >= span.start && match.0.start - span.end <= 6 }?.1
                    ?? segmentMatches.last { match in
                        match.0.end <= span.start && span.start - match.0.end <= 24 && Self.sameClause(text, match.0.end, span.start)
                            // not another bone's ("both proximal femora and the left humerus")
                            && !boneMatches.contains { $0.0.start >= match.0.end && $0.0.end <= span.start }
                    }?.1
                // A side carries to the next bone of the same hip or shoulder in a list: "右侧髋臼及耻骨
                // 上支" (the pubic ramus, sideless, was merged into a left iliac bone island further
                // on), "左侧肱骨头及关节盂" (unseen CT reports). Not to another bone ("right femur and
                // humerus": the side is the femur's), nor to the whole pelvis ("骨盆").
                // The sacral ala is the sacroiliac joint's other side: "右侧髂骨及骶骨翼", "right ilium
                // and sacral ala" (the ala was sideless); the sacrum's body is midline and takes none.
                let ala = bone == .sacrum && Self.namesTheAla(text, after: span)
                let joint = ala ? [.pelvis, .sacrum] : Self.jointBones.first { $0.contains(bone) }.map { bone == .pelvis ? $0.union([.sacrum]) : $0 }
                let listSide = side == nil && joint != nil && !["骨盆", "pelvis"].contains(text.text(span).lowercased())
                    ? siteMentions.last { $0.span.end <= span.start }.flatMap { previous -> Laterality? in
                        guard let first = previous.sites.first, previous.sites.count == 1, joint?.contains(first.bone) == true else { return nil }
                        // (after an ala, its own word first: "左侧骶骨翼及髂骨")
                        let between = text.text(TextSpan(previous.span.end, span.start))
                        let words = first.bone == .sacrum ? String(between.drop { $0 == " " }.trimmingPrefix("翼").trimmingPrefix("ala")) : between
                        guard Self.onlyListWords(words)
                        else { return nil }
                        return first.side
                    }
                    : nil
                // A heading's bone and its segment in the sentence after it, the only bone and
                // segment of that sentence: "RIGHT FEMUR: Lytic lesion in the proximal diaphysis"
                // (the segment was lost; unseen report b17-en-03).
                let sentenceSegment: BoneSegment? = segment != nil ? nil : sentences.first { $0.start <= span.start && span.end <= $0.end }.flatMap { sentence in
                    guard !boneMatches.contains(where: { $0.0 != span && sentence.start <= $0.0.start && $0.0.end <= sentence.end }),
                        !levelMentions.contains(where: { sentence.start <= $0.span.start && $0.span.end <= sentence.end }) else { return nil }
                    return Self.oneSegment(Self.outermost(segmentMatches.filter { span.end <= $0.0.start && $0.0.end <= sentence.end }).map(\.1))
                }
                // A paired long bone named in the plural is both of them: "Multiple foci throughout
                // the axial skeleton and proximal femora" was one femur of no side (unseen bone-scan
                // report, 2026-12-06).
                let plural = Self.pairedPlurals.contains(text.text(span).lowercased()) ? Laterality.bilateral : nil
                var site = ReportSite(bone: bone, side: side ?? listSide ?? plural, segment: bone.hasSegments ? segment ?? sentenceSegment : nil)
                // The femur's proximal end named, its trochanteric region in the same clause right
                // after ("右侧股骨上段（转子下区）", "proximal femur (subtrochanteric)"): the region is
                // the segment — Mirels scores the peritrochanteric site 3, the rest of the lower
                // limb 2 (unseen CT report of ehr37, 2026-12-06), as a lesion note reads it.
                // So is a trochanter the sentence says the lesion reaches, no other bone between:
                // "右股骨近端虫蚀样溶骨性破坏，累及小转子" read "proximal" where "proximal right femur
                // involving the lesser trochanter" read peritrochanteric (batch 36).
                let sentence = sentences.first { $0.start <= span.start && span.end <= $0.end }
                if bone == .femur, site.segment == .proximal, segmentMatches.contains(where: { match in
                    match.1 == .peritrochanteric && match.0.start >= span.end
                        && ((match.0.start - span.end <= 12 && Self.sameClause(text, span.end, match.0.start))
                            || (sentence.map { match.0.end <= $0.end } == true
                                && !boneMatches.contains { $0.0.start >= span.end && $0.0.end <= match.0.start }
                                && ["累及", "侵及", "达", "involving", "involves", "extending", "extends"].contains {
                                    text.text(TextSpan(span.end, match.0.start)).lowercased().contains($0)
                                }))
                }) { site.segment = .peritrochanteric }
                if bone == .femur, segment == nil, text.text(span).contains("颈") || text.text(span).contains("头") { site.segment = .proximal }
                siteMentions.append(SiteMention(span: span, sites: [site]))
            }
        }
        siteMentions.sort { $0.span < $1.span }
        // The sacroiliac joint beside a sacral lesion is how far that lesion reaches ("骶1、2椎体…病变
        // 累及右侧骶孔及骶髂关节，周围见软组织肿块": the mass and its size went to a "right pelvis"),
        // not another site; named on its own ("uptake in the right sacroiliac region") it is the
        // pelvis of its side.
        let sacral = siteMentions.filter { $0.sites.contains { $0.bone == .sacrum } }
        siteMentions.removeAll { mention in
            let words = text.text(mention.span).lowercased()
            guard words.contains("骶髂") || words.contains("sacroiliac"),
                let sentence = sentences.first(where: { $0.start <= mention.span.start && mention.span.end <= $0.end }) else { return false }
            return sacral.contains { other in
                other.span != mention.span && sentence.start <= other.span.start && other.span.end <= sentence.end
            }
        }

        // The report compares this study with another: "compared with 05/2026", "prior", "interval".
        let comparesStudies = ["compared with", "compared to", "comparison", "prior", "previous", "interval"]
            .contains(where: String(decoding: text.units, as: UTF16.self).lowercased().contains)
        var lesions: [String: SuggestedLesion] = [:]
        var order: [String] = []
        /// The lesion suggested at a site, made on first mention (report order kept).
        func lesion(at site: ReportSite, _ change: (inout SuggestedLesion) -> Void) {
            if lesions[site.key] == nil {
                order.append(site.key)
                lesions[site.key] = SuggestedLesion(site: site, certainty: .affirmed, siteEvidence: [], readings: [], matchedLesion: nil)
            }
            if var found = lesions[site.key] {
                change(&found)
                lesions[site.key] = found
            }
        }
        var carried: [ReportSite] = []
        var paragraphEnd = -1
        for sentence in Self.joinSiteListItems(sentences, text, sites: siteMentions) {
            // A numbered item ("1. … 2. …", "2、", "（2）") is a diagnosis of its own, as a new
            // paragraph is: "2. Stable sclerotic vertebral metastases" after "1. New lytic lesion
            // of the right proximal femur" on one line made the femur mixed and stable.
            if sentence.start > paragraphEnd || Self.startsListItem(text.text(sentence)) { carried = [] }
            paragraphEnd = Self.paragraphEnd(text, from: sentence.start)
            let groups = Self.groups(
                siteMentions.filter { sentence.start <= $0.span.start && $0.span.end <= sentence.end }, text,
                words: findingMatches.map(\.0) + triggerMatches.map(\.0) + measurements.map(\.span))
            var mentions: [Mention] = findingMatches.filter { sentence.start <= $0.0.start && $0.0.end <= sentence.end }
                .map { Mention(span: $0.0, field: $0.1.field, value: $0.1.value) }
            for measurement in measurements where sentence.start <= measurement.span.start && measurement.span.end <= sentence.end {
                // "3 mm retropulsion", "后缘突入椎管约4mm": how far bone or tumour moved, not the
                // lesion's size (an unseen MRI report's L1 read "size 3 mm").
                if Self.isDistance(text, measurement.span) { continue }
                if Self.isPriorSize(text, measurement.span, sentence: sentence, sizes: measurements.map(\.span)) { continue }
                let value = measurement.diametersMm.map(Self.number).joined(separator: "x")
                // The size of the soft-tissue mass: after it in its clause, or just before it
                // ("a 2.5 x 1.8 cm soft tissue mass"). A size in a clause of its own after the
                // mass ("伴软组织肿块，大小约5.5×4.0cm") is read as the lesion's, as radiologists
                // mostly mean it (the MDA size is of the lesion).
                let soft = mentions.contains { $0.field == "softTissue" && $0.span.end <= measurement.span.start && Self.sameClause(text, $0.span.end, measurement.span.start) }
                    // With nothing or an adjective or two between: "a 3.5 cm extrapleural soft
                    // tissue mass", "2 cm paraspinal soft-tissue component" (the size went to the lesion).
                    || mentions.contains {
                        $0.field == "softTissue" && $0.span.start >= measurement.span.end && $0.span.start - measurement.span.end <= 24
                            && Self.onlyAdjectives(text.text(TextSpan(measurement.span.end, $0.span.start)))
                    }
                mentions.append(Mention(span: measurement.span, field: soft ? "softTissueMm" : "diametersMm", value: value))
            }
            for fraction in diameterFractions where sentence.start <= fraction.span.start && fraction.span.end <= sentence.end {
                mentions.append(Mention(span: fraction.span, field: fraction.field, value: fraction.value))
            }
            mentions.sort { $0.span < $1.span }
            // Report order is the order sites are named, not the order readings reach them: a
            // reading that goes to one site of a list ("T4、T5椎体及T5左侧椎弓根") listed T5 first.
            for site in groups.flatMap({ $0.flatMap(\.sites) }) { lesion(at: site) { _ in } }
            let sentenceTriggers = triggerMatches.filter { sentence.start <= $0.0.start && $0.0.end <= sentence.end }
            let siteSpans = groups.flatMap { $0.map(\.span) }
            for index in mentions.indices {
                mentions[index].certainty = certainty(
                    of: mentions[index], among: mentions, triggers: sentenceTriggers, sites: siteSpans, text: text)
                // A grade in brackets names the statement before it: "no cord compression (Bilsky
                // 1b)" is grade 1b, not a denied 1b.
                if mentions[index].field == "esccStated", mentions[index].certainty == .negated, text.inBracket(mentions[index].span.start) {
                    mentions[index].certainty = .affirmed
                }
            }
            // "No new lytic lesion." / "未见新发骨质破坏": about the rest of the skeleton, not
            // the lesion described before — a sentence without a site that denies a lesion,
            // and any clause that denies anything new, are nobody's readings.
            let denial = groups.isEmpty && mentions.contains { $0.field == "lesion" && $0.certainty == .negated }
            let noNew = mentions.filter { $0.field == "comparison" && $0.value == "new" && $0.certainty == .negated }.map { Self.clause(text, around: $0.span) }
            for var mention in mentions {
                if denial || noNew.contains(where: { $0.start <= mention.span.start && mention.span.end <= $0.end }) { continue }
                // Less uptake is a comparison only in a report that compares (`comparesStudies`).
                if mention.field == "uptakeLess" {
                    guard comparesStudies else { continue }
                    mention.field = "comparison"
                    mention.value = "decreased"
                }
                if mention.field == "comparison", mention.value == "new", Self.newDescribesAFinding(mention, among: mentions, in: text) { continue }
                if mention.field == "comparison", mention.value == "new", Self.newSclerosisOfTheLesion(text, after: mention.span, mentions: mentions) { continue }
                // The cortex kept is no denial of the destruction inside it: "lytic lesion, 2.6 cm,
                // without cortical breakthrough" read as no bone destruction beside its lytic
                // character (unseen CT report, batch 19). Said of the cortex, it says nothing of
                // the lesion's destruction; affirmed, a broken cortex is destruction.
                if mention.field == "destruction", mention.certainty == .negated,
                    ["cortical", "cortex", "皮质"].contains(where: text.text(mention.span).contains) { continue }
                // A SUVmax is the uptake only where no word says it: "未见FDG摄取增高，SUVmax 1.3"
                // is no uptake (the value is the background's).
                // Of its own site only: "FDG-avid lesions, including the left acetabulum (SUVmax
                // 9.2), the right proximal femur (SUVmax 6.4) and the T8 vertebral body (SUVmax
                // 5.1)" gave "avid" to the acetabulum and dropped the femur's and T8's values —
                // two lesions lost (unseen PET-CT report, 2026-12-06).
                if mention.field == "uptake", text.text(mention.span).lowercased() == "suvmax" {
                    let own = Self.group(for: mention.span, in: groups, text: text)?.map(\.span)
                    if mentions.contains(where: {
                        $0.field == "uptake" && text.text($0.span).lowercased() != "suvmax"
                            && Self.group(for: $0.span, in: groups, text: text)?.map(\.span) == own
                    }) { continue }
                }
                // "compared with January there are 3 new lesions", "新增病灶3处": a count of new
                // lesions the report does not place is about none of the bones it lists — calling
                // them new would read as progression on each.
                if mention.field == "comparison", mention.value == "new", Self.countsUnplacedLesions(text, around: mention.span, groups: groups) { continue }
                if mention.field == "comparison", mention.value == "increased", Self.countsMoreLesions(text, around: mention.span, groups: groups) { continue }
                // "原有病灶浓聚程度相仿，新见右第8肋及T12两处浓聚灶": a clause whose subject is the
                // lesions already known, unnamed, speaks of none of the sites named elsewhere.
                if Self.speaksOfUnnamedLesions(text, clause: Self.clause(text, around: mention.span), sites: siteSpans) { continue }
                let target: [ReportSite]
                if let group = Self.group(for: mention.span, in: groups, text: text) {
                    // A size in brackets right after one site of a list is that site's own: "Lytic
                    // lesions of the right femur (3.1 cm) and left humerus (2.2 cm)" gave the
                    // humerus the femur's size (2026-12-06).
                    if ["diametersMm", "softTissueMm"].contains(mention.field), text.inBracket(mention.span.start),
                        let own = group.first(where: { site in Self.bracketFollows(site.span, at: mention.span.start, text: text) })
                    {
                        target = own.sites
                    } else if mention.field == "posterior", let own = Self.ownSite(ofPosterior: mention.span, in: group, text: text, sides: sideMatches.map(\.0)) {
                        target = own.sites
                    } else {
                        target = group.flatMap(\.sites)
                    }
                    // A clause without a site of its own borrows the one before it, and with it
                    // what that clause said the site is: "C4/5、C5/6椎间盘向后突出，相应水平硬膜囊受压"
                    // (a disc's compression, not a metastasis's — it read C4 "ESCC 1b, stated"),
                    // "canal narrowing at L4-5 due to disc bulge, unchanged" (unseen reports).
                    if mention.certainty != .other, !group.contains(where: { Self.sameClause(text, $0.span.start, mention.span.start) }),
                        group.contains(where: { site in
                            sentenceTriggers.contains {
                                $0.1.kind == "other"
                                    && speaksOfAnother($0.0, at: site.span, field: mention.field, among: mentions, triggers: sentenceTriggers, sites: siteSpans, text: text)
                            }
                        }) {
                        mention.certainty = .other
                    }
                } else {
                    // A sentence without a site: about the lesion of the sentences before — but
                    // "no new lesions" speaks of the rest of the skeleton, not of that lesion.
                    if mention.field == "lesion" || (mention.field == "comparison" && mention.value == "new") { continue }
                    // Nor a sentence about another subject — the kidneys and bladder of a bone
                    // scan, the injection site, a joint: "双膝关节对称性浓聚，考虑退行性变" after
                    // "颅骨、双侧肱骨未见异常" made skull and humerus lesions of the knees' uptake.
                    if Self.namesAnotherSubject(text.text(sentence)) { continue }
                    // Nor of a bone that is not the spine when it speaks of the spine: "Treated left
                    // iliac metastasis with interval healing response. Stable sclerotic spinal
                    // metastases." made the ilium "unchanged" (unseen CT report).
                    if Self.namesTheSpine(text.text(sentence)), !carried.contains(where: { [.vertebra, .sacrum].contains($0.bone) }) { continue }
                    // "RIGHT FEMUR: Lytic lesion in the proximal diaphysis.": the segment the
                    // sentence names is of the one long bone before it, named without one (it read
                    // "right femur", no segment — Mirels's site open; unseen report b17-en-03).
                    if carried.count == 1, let only = carried.first, only.bone.hasSegments, only.segment == nil,
                        let segment = Self.oneSegment(Self.outermost(segmentMatches.filter { sentence.start <= $0.0.start && $0.0.end <= sentence.end }).map(\.1)) {
                        var refined = only
                        refined.segment = segment
                        target = [refined]
                    } else {
                        target = carried
                    }
                }
                // "…in T4, T9 and L2, the largest measuring 1.8 cm", "最大者约1.8cm": the size of one
                // of them, not said which — it was given to each as stated (a response read on it
                // would compare the largest with each lesion's own later size).
                // So is a site of both sides, two bones: "双侧股骨上段多发…低密度影，最大者位于左侧，直径约1.5cm".
                if ["diametersMm", "softTissueMm"].contains(mention.field), target.count > 1 || target.contains(where: { $0.side == .bilateral }),
                    Self.sizeOfTheLargest(text, before: mention.span) { continue }
                mention = refine(mention, mentions: mentions, text: text, sides: sideMatches)
                for site in target { lesion(at: site) { $0.add(mention) } }
            }
            for group in groups {
                for mention in group {
                    for site in mention.sites { lesion(at: site) { $0.siteEvidence.append(mention.span) } }
                }
            }
            // A sentence that only says its sites are whole ("The right acetabulum is intact.",
            // "Left femoral head and neck are intact.") describes no lesion: the sentences after it
            // still speak of the lesion before — "There is no fracture." gave its denial to the
            // intact acetabulum, not the ischium's lesion (corpus b13-en-08, b16-en-10).
            let onlyDenied = mentions.isEmpty && sentenceTriggers.contains { $0.1.kind == "negated" }
            if !onlyDenied {
                if let last = groups.last(where: { $0.contains { !$0.sites.isEmpty } }) { carried = last.flatMap(\.sites) }
                if groups.last?.allSatisfy({ $0.sites.isEmpty }) == true { carried = [] }
            }
        }

        Self.mergeLessSpecific(&lesions, order: &order)
        var result: [SuggestedLesion] = []
        let scan = Self.modality(text) == "boneScan"
        for key in order {
            guard var lesion = lesions[key] else { continue }
            lesion.finish()
            // A site named with nothing said about it (a coverage line, "T10 level") is no lesion.
            guard let certainty = lesion.lesionCertainty else { continue }
            lesion.certainty = certainty
            if scan { Self.focusIsUptake(&lesion, text: text) }
            lesion.matchedLesion = Self.match(lesion.site, in: known)
            lesion.note = Self.ribNote(lesion, text: text, original: Array(report.utf16))
            result.append(lesion)
        }
        return ReportExtraction(modality: Self.modality(text), coverage: studyCoverage(text), lesions: result)
    }

    /// "left humerus" in the title and "proximal left humerus" in the findings are one bone:
    /// a site without side or segment joins the one more specific site of the same bone.
    static func mergeLessSpecific(_ lesions: inout [String: SuggestedLesion], order: inout [String]) {
        for key in order {
            guard let general = lesions[key], general.site.level == nil else { continue }
            let specific = order.filter { other in
                guard other != key, let found = lesions[other] else { return false }
                let candidate = found.site
                // Not into a site the report calls something else ("左侧髂骨翼见斑点状高密度影，考虑
                // 骨岛"): a sideless pubic lesion took a bone island's side (unseen CT report).
                if !found.readings.isEmpty, found.readings.allSatisfy({ $0.certainty == .other }) { return false }
                return candidate.bone == general.site.bone && candidate.level == nil
                    && (general.site.side == nil || general.site.side == candidate.side)
                    && (general.site.segment == nil || general.site.segment == candidate.segment)
                    && (candidate.side != general.site.side || candidate.segment != general.site.segment)
            }
            guard specific.count == 1, let target = specific.first else { continue }
            lesions[target]?.readings.append(contentsOf: general.readings)
            lesions[target]?.siteEvidence.append(contentsOf: general.siteEvidence)
            lesions[key] = nil
        }
        order.removeAll { lesions[$0] == nil }
        mergeSideFromTitle(&lesions, order: &order)
        mergeTrochantericFemur(&lesions, order: &order)
    }

    /// "RIGHT FEMUR, TWO VIEWS: Lytic lesion of the femoral neck" — the side the title gives and
    /// the segment the findings give are one lesion: the right proximal femur. It read "femur,
    /// proximal" without a side (unseen English X-ray report, 2026-12-04; Chinese titles such as
    /// "右股骨正侧位：股骨颈…" already gave it). Only where the bone has one sided site without a
    /// segment and one unsided site with one.
    static func mergeSideFromTitle(_ lesions: inout [String: SuggestedLesion], order: inout [String]) {
        let sites = order.compactMap { key in lesions[key].map { (key, $0.site) } }.filter { $0.1.level == nil }
        for bone in Set(sites.map(\.1.bone)) {
            let ofBone = sites.filter { $0.1.bone == bone }
            let sided = ofBone.filter { $0.1.side != nil && $0.1.segment == nil }
            let unsided = ofBone.filter { $0.1.side == nil && $0.1.segment != nil }
            guard ofBone.count == 2, sided.count == 1, unsided.count == 1,
                  let general = lesions[sided[0].0], var merged = lesions[unsided[0].0] else { continue }
            merged.site.side = general.site.side
            merged.readings.append(contentsOf: general.readings)
            merged.siteEvidence.append(contentsOf: general.siteEvidence)
            lesions[sided[0].0] = nil
            lesions[unsided[0].0] = nil
            let key = merged.site.key
            lesions[key] = merged
            order = order.compactMap { $0 == unsided[0].0 ? key : ($0 == sided[0].0 ? nil : $0) }
        }
    }

    /// "the subtrochanteric femur" in the findings (no side) and "the proximal left femur" in the
    /// impression are one lesion: the trochanteric region is the proximal femur's (case format: a
    /// proximal femur named by its trochanters is peritrochanteric). Merged as the left
    /// peritrochanteric femur when each is the only one of its kind — an X-ray report's femur read
    /// as two lesions (unseen report, 2026-12-04).
    static func mergeTrochantericFemur(_ lesions: inout [String: SuggestedLesion], order: inout [String]) {
        let femurs = order.filter { lesions[$0]?.site.bone == .femur }
        let trochanteric = femurs.filter { lesions[$0]?.site.segment == .peritrochanteric }
        let proximal = femurs.filter { lesions[$0]?.site.segment == .proximal }
        guard trochanteric.count == 1, proximal.count == 1, let t = trochanteric.first, let p = proximal.first,
              var merged = lesions[t], let other = lesions[p] else { return }
        guard merged.site.side == nil || other.site.side == nil || merged.site.side == other.site.side else { return }
        merged.site.side = merged.site.side ?? other.site.side
        merged.readings.append(contentsOf: other.readings)
        merged.siteEvidence.append(contentsOf: other.siteEvidence)
        lesions[t] = nil
        lesions[p] = nil
        let key = merged.site.key
        lesions[key] = merged
        order = order.compactMap { $0 == t ? key : ($0 == p ? nil : $0) }
    }
}
