/// One place in the skeleton, for telling two records of one lesion from two lesions: reports
/// from several studies entered separately name T11 twice (`diagnosis.record.sameSite`), and
/// the scores count sites, not records (Tokuhashi 2005 counts vertebral bodies).
extension Lesion {
    /// The site as one place: a spinal level; a limb long bone or clavicle with side and
    /// segment — recorded, or as its note names it (`siteSegment`: an EHR's reports name one
    /// femur "左股骨上段" and "左股骨近端" in turn, and the second record, with no segment of its
    /// own, read as a new lesion — progression on alectinib — unseen record cb79-p). Nil where
    /// two records may be two lesions (a rib, the pelvis, no level).
    var siteKey: String? {
        if isSpinal {
            return level.map { "\(bone.rawValue)|\($0)" }
        }
        guard Self.longBones.contains(bone), let side = laterality, side == .left || side == .right, let segment = siteSegment else { return nil }
        return "\(bone.rawValue)|\(side.rawValue)|\(segment.rawValue)"
    }

    private static let longBones: Set<Bone> = [.femur, .humerus, .tibia, .fibula, .radius, .ulna, .clavicle]

    /// How many sites the lesions are: records of one site once, the others each; a record whose
    /// note says it is several ("骨盆多发", "multiple rib lesions") at least two — recorded as one
    /// row, "骨盆多发" was a solitary lesion sent to biopsy, and Tokuhashi counted two extraspinal
    /// foci for "骨盆多发" and "多发肋骨" (cb50-a).
    static func siteCount(_ lesions: [Lesion]) -> Int {
        let keys = lesions.compactMap(\.siteKey)
        return Set(keys).count + lesions.count - keys.count + lesions.filter(\.namesSeveral).count
    }

    /// The note says the record is several lesions: 多发, 多处, 弥漫, multiple, multifocal, diffuse
    /// — not "多发性骨髓瘤" / "multiple myeloma", a diagnosis —, or counts them ("多根肋骨", "数个",
    /// "散在", "多节椎体"); a spinal record's note names two or more vertebrae ("T12、L1椎体",
    /// "L3-L5"; `VertebralLevel.namesSeveral(in:)`); a rib's note two or more ribs ("第5、6肋",
    /// "左5-7肋", "ribs 5–7"); a paired bone recorded bilateral, or so named ("双侧股骨"), is one on
    /// each side. Read as one lesion, each of these was a solitary lesion of unknown nature sent to
    /// biopsy, Tomita's solitary metastasis and one site for Tokuhashi and New Katagiri.
    /// The SINS location of a vertebra row without one level whose note names several vertebrae
    /// that all share it ("T12、L1椎体": both junctional); nil when they differ or none is named.
    public var sharedSINSLocation: SINS.Location? {
        guard bone == .vertebra || bone == .sacrum, let note else { return nil }
        let locations = Set(VertebralLevel.levelsNamed(in: note).map(SINS.Location.of))
        return locations.count == 1 ? locations.first : nil
    }

    /// The SINS locations a spinal row without a shared one may have (Fisher 2010, table 1): the
    /// locations of the vertebrae its note names ("L4-L5椎体": mobile or junctional), else every
    /// location of its bone — a vertebra (C, T or L) is never the rigid sacrum (S2–S5, 0 points),
    /// a sacrum is junctional (S1) or rigid. A breast cancer's "L4-L5椎体" scored SINS 0–16, its
    /// location 0–3 (unseen record cb78-f). Empty for a bone outside the spine.
    public var possibleSINSLocations: [SINS.Location] {
        if let level { return [SINS.Location.of(level)] }
        let named = note.map { Set(VertebralLevel.levelsNamed(in: $0).map(SINS.Location.of)) } ?? []
        if !named.isEmpty { return SINS.Location.allCases.filter(named.contains) }
        switch bone {
        case .vertebra: return [.junctional, .mobile, .semirigid]
        case .sacrum: return [.junctional, .rigid]
        default: return []
        }
    }

    public var namesSeveral: Bool {
        let paired = Self.pairedBones.contains(bone)
        if paired, laterality == .bilateral { return true }
        guard var text = note?.lowercased(), !text.isEmpty else { return false }
        // The sacrum is one bone: "骶骨S1-S2右侧" is one lesion of it.
        if bone == .vertebra, let note, VertebralLevel.namesSeveral(in: note) { return true }
        // Numbers before "肋" only: "左第5肋，大小2-3cm" is one rib.
        if bone == .rib, text.contains("肋") && Self.listsNumbers(String(text.prefix { $0 != "肋" })) || text.contains("ribs") { return true }
        // Two ribs named one after the other, as a report page's note joins them: "左第4肋骨;
        // 左第6肋", "right 7th rib; right 9th rib".
        if bone == .rib, Self.ribNumbers(text).count >= 2 { return true }
        // Not both cortices of one bone: "累及两侧皮质", "bilateral cortical destruction". A bone
        // recorded as `other` is named by its note, which may name a pair: "双膝关节", both knees,
        // read as a solitary lesion of unknown nature and sent to imaging and biopsy (unseen
        // record cb78-m) — "双" before a paired part ("双膝", "双髋", "双股骨"), or "both knees".
        if paired || bone == .other,
            ["双侧", "两侧", "bilateral"].contains(where: text.contains) || Self.namesBothOfAPair(text),
            !["皮质", "骨皮质", "cortic", "cortex"].contains(where: text.contains)
        {
            return true
        }
        for diagnosis in ["多发性骨髓瘤", "多发骨髓瘤", "multiple myeloma"] {
            text = text.split(separator: diagnosis, omittingEmptySubsequences: false).joined(separator: " ")
        }
        return ["多发", "多处", "弥漫", "多根", "多个", "多枚", "数个", "散在", "多节", "多椎", "多部位", "multiple", "multifocal", "diffuse", "several", "scattered"]
            .contains(where: text.contains)
    }

    /// The numbers written right before each rib word ("第4肋", "第六前肋", "7th rib").
    static func ribNumbers(_ text: String) -> Set<String> {
        // Two rib words at least, before a pattern is compiled: every assessment counts sites
        // (`siteCount`), and most rib notes name one rib.
        guard text.split(separator: "肋", omittingEmptySubsequences: false).count + text.split(separator: "rib", omittingEmptySubsequences: false).count >= 4,
            let pattern = try? Regex(#"([0-9]+|[一二三四五六七八九十]+)\s*(?:st|nd|rd|th)?\s*(?:前|后|腋段?|anterior\s+|posterior\s+|lateral\s+)?(?:肋|rib)"#)
        else { return [] }
        return Set(text.matches(of: pattern).compactMap { match in match.output[1].substring.map(String.init) })
    }

    /// "双" directly before a part of which the body has two ("双膝", "双髋关节", "双肱骨"; not
    /// "双能", "双源" of a machine), or "both" before a plural part ("both knees", "both femora").
    static func namesBothOfAPair(_ text: String) -> Bool {
        let parts: Set<Character> = ["膝", "髋", "肩", "肘", "腕", "踝", "股", "肱", "胫", "腓", "桡", "尺", "锁", "髂", "手", "足", "跟", "髌", "肋"]
        var previous: Character?
        for character in text {
            if previous == "双", parts.contains(character) { return true }
            previous = character
        }
        return ["both knees", "both hips", "both shoulders", "both femora", "both femurs", "both humeri", "both tibiae", "both ankles", "both wrists", "both elbows"]
            .contains(where: text.contains)
    }

    /// Bones of which a body has two or more: "bilateral" is a lesion on each side.
    private static let pairedBones: Set<Bone> = [.femur, .humerus, .tibia, .fibula, .radius, .ulna, .clavicle, .scapula, .rib, .pelvis, .acetabulum, .hand, .foot]

    /// Two numbers joined by a list or span separator ("5、6", "5-7", "5至7", "五、六"): several
    /// ribs named in one note.
    static func listsNumbers(_ text: String) -> Bool {
        let digits: Set<Character> = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let chars = text.filter { !$0.isWhitespace }.map { $0 }
        var i = 1
        while i + 1 < chars.count {
            if VertebralLevel.separators.contains(chars[i]), digits.contains(chars[i - 1]), digits.contains(chars[i + 1]) { return true }
            i += 1
        }
        return false
    }
}
