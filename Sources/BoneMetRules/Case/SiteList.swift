import Foundation

/// A text naming several bone sites — an EHR body site, a radiotherapy course's or an operation's
/// name — split into one part per site, as both the rules (`Lesion.placed`) and the FHIR import
/// (`FHIRCaseMapper.textSites`) read it.
public enum SiteList {
    /// The list words between sites.
    static let separators: Set<Character> = ["+", "＋", "、", "及", "和", ",", "，", ";", "；"]

    /// The parts of a site list: split at the list words, and a part written with spaces between
    /// its sites ("T12 L1 右股骨近端", "左肱骨 右股骨", "骶骨 L5 放疗") split at the spaces too — the
    /// body site "T12 L1 右股骨近端" of an EHR's "多发骨转移" became the two vertebrae and lost the
    /// femur, and a course "骶骨 L5 放疗" was placed on L5 alone. `englishAnd` reads " and " as a
    /// list word (an English body site: "thoracic spine, pelvis and left femur").
    public static func parts(_ text: String, englishAnd: Bool = false) -> [String] {
        let listed = englishAnd ? text.replacingOccurrences(of: " and ", with: ",", options: .caseInsensitive) : text
        return listed.split { separators.contains($0) }
            .map { unbracketed(String($0).trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.isEmpty }
            .flatMap(spaced)
    }

    /// The parts with a level list's numbers joined back to the level before them: "胸5、6椎体"
    /// splits into "胸5" and "6椎体", and a course "胸5、6椎体放疗" was placed on T5 alone (unseen
    /// bundle ehr18). A part that begins with a number and names no level of its own, after a part
    /// naming one, continues that list (as the import reads "T7、8、9椎体").
    public static func levelListsRejoined(_ parts: [String]) -> [String] {
        var joined: [String] = []
        for part in parts {
            if let last = joined.last, part.first?.isASCII == true, part.first?.isNumber == true,
               VertebralLevel.levelsNamed(in: part).isEmpty, !VertebralLevel.levelsNamed(in: last).isEmpty {
                joined[joined.count - 1] = last + "、" + part
            } else {
                joined.append(part)
            }
        }
        return joined
    }

    /// A part without the bracket a list inside brackets leaves at its ends: "骨转移（T12、L1椎体）"
    /// gives "L1椎体）" and "双侧股骨）" — the closing bracket is the list's, not the site's — and
    /// "骨转移（T12": the words before an opening bracket that name no site are the list's heading,
    /// not the first site's. "多发骨转移（L3椎体、右髂骨）" gave the lesion "多发骨转移（L3椎体", whose
    /// "多发" then counted the one vertebra as several (unseen bundle ehr8).
    static func unbracketed(_ part: String) -> String {
        var part = Substring(part)
        if let last = part.last, "）)".contains(last), !part.contains(where: { "（(".contains($0) }) { part = part.dropLast() }
        if let open = part.firstIndex(where: { "（(".contains($0) }), !part.contains(where: { "）)".contains($0) }) {
            let heading = String(part[..<open])
            if VertebralLevel.levelsNamed(in: heading).isEmpty, Bone.named(in: heading).map({ $0.bone == .other }) ?? true {
                part = part[part.index(after: open)...]
            }
        }
        return part.trimmingCharacters(in: .whitespaces)
    }

    /// One part's words grouped so that each group names one site: a word naming no site joins
    /// the next one (its side or segment: "left femur", "右侧 股骨") or, at the end, the one before
    /// ("femur shaft", "T10-T12 姑息放疗 30Gy/10F"). Split only where the groups name different
    /// sites — the spine and another bone, two bones, or one bone's two sides; "L1 vertebral
    /// body" and "右股骨 股骨颈" stay one part.
    static func spaced(_ part: String) -> [String] {
        let words = part.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count > 1 else { return [part] }
        var groups: [String] = []
        var pending: [String] = []
        for word in words {
            pending.append(word)
            if !VertebralLevel.levelsNamed(in: word).isEmpty || Bone.named(in: word) != nil {
                groups.append(pending.joined(separator: " "))
                pending = []
            }
        }
        guard groups.count > 1 else { return [part] }
        if !pending.isEmpty { groups[groups.count - 1] += " " + pending.joined(separator: " ") }
        // What each group names: the spine (a level, or a vertebra word), else its bone and side.
        let sites = groups.map { group -> (bone: Bone, side: Laterality?) in
            let named = Bone.named(in: group)
            let spinal = named == nil || named?.bone == .vertebra || (named?.bone == .sacrum && !VertebralLevel.levelsNamed(in: group).isEmpty)
            return spinal ? (.vertebra, nil) : (named?.bone ?? .other, named?.side)
        }
        let bones = Set(sites.map(\.bone))
        let sides = Set(sites.compactMap(\.side))
        let distinct = bones.count > 1 || (bones.first != .vertebra && sides.count > 1 && sites.allSatisfy { $0.side != nil })
        return distinct ? groups : [part]
    }
}
