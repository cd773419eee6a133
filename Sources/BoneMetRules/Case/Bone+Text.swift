/// The bone a text names — an EHR body site, an operation's or a radiotherapy course's name — in
/// English or Chinese (moved here from the FHIR import's codes so that the rules read a treatment
/// row's name as the import reads a Procedure's text).
extension Bone {
    /// "胫腓骨" and "尺桡骨" name two bones (a tibia noted "左胫腓骨" is not a fibula).
    static let textNames: [(Bone, [String])] = [
        (.femur, ["femur", "femoral", "股骨"]), (.humerus, ["humerus", "humeral", "肱骨"]), (.tibia, ["tibia", "胫骨", "胫腓"]), (.fibula, ["fibula", "腓骨"]),
        (.radius, ["radius", "桡骨"]), (.ulna, ["ulna", "尺骨", "尺桡"]), (.sacrum, ["sacrum", "sacral", "骶骨", "骶椎"]),
        (.vertebra, ["vertebra", "spine", "spinal", "椎"]), (.rib, ["rib", "肋"]), (.sternum, ["sternum", "胸骨"]),
        (.clavicle, ["clavicle", "锁骨"]), (.scapula, ["scapula", "肩胛"]), (.acetabulum, ["acetabul", "髋臼"]),
        (.pelvis, ["pelvis", "pelvic", "ilium", "iliac", "ischium", "pubis", "骨盆", "髂骨", "坐骨", "耻骨"]), (.skull, ["skull", "cranium", "颅骨"]),
    ]

    /// The bone and side a text names ("左股骨转移", "metastasis to the right femur"), when it
    /// names exactly one bone; both sides named read `bilateral`.
    public static func named(in text: String) -> (bone: Bone, side: Laterality?)? {
        let t = text.lowercased()
        var bones = textNames.filter { $0.1.contains(where: t.contains) }.map(\.0)
        // The sacrum's segments are vertebrae by name — "骶1-2椎体", "骶椎", "S1 vertebral body",
        // "sacral vertebra": a sacral lesion noted "骶1-2椎体溶骨性破坏" was read as naming a
        // vertebra, its sacrum a wrong bone (unseen record cb93-f). A vertebra word whose levels
        // are all sacral, or that is the sacrum's own word, names the sacrum; with a lumbar level
        // beside it ("L5-S1椎体") it stays the spine's, and "腰骶椎" names both — none.
        if bones.contains(.vertebra) && sacralVertebraOnly(text, lowered: t) {
            bones.removeAll { $0 == .vertebra }
            if !bones.contains(.sacrum) { bones.append(.sacrum) }
        }
        guard bones.count == 1, let bone = bones.first else { return nil }
        let left = t.contains("left") || t.contains("左")
        let right = t.contains("right") || t.contains("右")
        return (bone, left && !right ? .left : right && !left ? .right : left && right ? .bilateral : nil)
    }

    /// Whether every vertebra a (lower-cased) text speaks of is a segment of the sacrum.
    private static func sacralVertebraOnly(_ text: String, lowered t: String) -> Bool {
        let levels = VertebralLevel.levelsNamed(in: text)
        if !levels.isEmpty { return levels.allSatisfy { $0.region == .sacral } }
        // No level: the sacrum's own words for its vertebrae, and no other region's.
        let sacral = ["骶椎", "sacral vertebra", "sacral spine"]
        let others = ["颈椎", "胸椎", "腰椎", "腰骶", "cervical", "thoracic", "lumbar", "lumbosacral"]
        return sacral.contains(where: t.contains) && !others.contains(where: t.contains)
    }
}

extension Lesion {
    /// The lesions a text places something on — a radiotherapy course's or an operation's name
    /// (`CaseIndex.lesionsNamed`), a pathology report's (the FHIR import): site by site ("T12 +
    /// 左髂骨", "左股骨、右肱骨", "骶骨 L5" — `SiteList.parts`), every lesion at the vertebral levels a site writes (one, a list or a
    /// span), else the one lesion of the bone and side it names; two lesions of that bone, a
    /// spinal region without a level, or "pelvic" without a bone word (a primary's pelvic field)
    /// place nothing. The sacrum, one bone, named without a segment is its one lesion.
    public static func placed(by text: String, among recorded: [Lesion]) -> [String] {
        let lesions = recorded.map(\.withSiteFromNote)
        let parts = SiteList.levelListsRejoined(SiteList.parts(text))
        let found = Set(parts.flatMap { site(named: $0, among: lesions) })
        return lesions.map(\.id).filter(found.contains)
    }

    private static func site(named name: String, among lesions: [Lesion]) -> [String] {
        let named = Bone.named(in: name)
        let levels = Set(VertebralLevel.levelsNamed(in: name))
        if named == nil || named?.bone == .vertebra || (named?.bone == .sacrum && !levels.isEmpty) {
            guard !levels.isEmpty else { return [] }
            return lesions.filter { lesion in
                guard lesion.bone == .vertebra || lesion.bone == .sacrum else { return false }
                if let level = lesion.level { return levels.contains(level) }
                // A row standing for several vertebrae ("L3-L5椎体", "T12、L1"): placed when the
                // text covers every one of them — "L3-L5 姑息放疗 30Gy/10F" on the row noted
                // "L3-L5椎体" placed nothing, and its course was no radiotherapy to bone, no
                // treatment in the lesion's window (unseen record cb143-f).
                let noted = VertebralLevel.levelsNamed(in: lesion.note ?? "")
                return !noted.isEmpty && noted.allSatisfy(levels.contains)
            }.map(\.id)
        }
        guard let (bone, side) = named else { return [] }
        // "Pelvic" alone names a field, not a bone: pelvic radiotherapy of a rectal or cervical
        // cancer is the primary's treatment ("盆腔" is no bone word either).
        if bone == .pelvis {
            let text = name.lowercased()
            let boneWords = ["pelvis", "pelvic bone", "ilium", "iliac", "ischium", "pubis", "骨盆", "髂骨", "坐骨", "耻骨"]
            guard boneWords.contains(where: text.contains) else { return [] }
        }
        let matches = lesions.filter { lesion in
            (lesion.bone == bone || bone == .acetabulum && lesion.isAcetabular)
                && (side == nil || lesion.laterality == nil || lesion.laterality == side)
        }
        return matches.count == 1 ? matches.map(\.id) : []
    }
}
