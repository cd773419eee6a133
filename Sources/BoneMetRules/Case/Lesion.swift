/// A bone lesion with a stable id, so observations across studies refer to the same lesion.
public struct Lesion: Sendable, Hashable, Encodable {
    public var id: String
    public var bone: Bone
    public var segment: BoneSegment?
    /// Vertebral level, for vertebrae and the sacrum.
    public var level: VertebralLevel?
    public var laterality: Laterality?
    /// Free description, e.g. "T10 vertebral body, left pedicle".
    public var note: String?
    /// The primary cancer this lesion belongs to (a primary's id), from a biopsy or the
    /// clinician. Nil: unknown — with several primaries, every one is a candidate.
    public var primary: String?
    /// The codes the source system gave this metastasis (`system|code`), kept for export.
    public var codes: [String] = []
    /// When the metastasis was diagnosed, as the source recorded it (an EHR's Condition
    /// `onsetDateTime`), when that is earlier than, or there is no, study that shows it.
    public var diagnosed: PartialDate?

    public init(
        id: String, bone: Bone, segment: BoneSegment? = nil, level: VertebralLevel? = nil,
        laterality: Laterality? = nil, note: String? = nil, primary: String? = nil
    ) {
        self.primary = primary
        self.id = id
        self.bone = bone
        self.segment = segment
        self.level = level
        self.laterality = laterality
        self.note = note
    }

    public var isSpinal: Bool { bone == .vertebra || bone == .sacrum }

    /// A bone no spinal cord or cauda equina compression can be at: the limbs, the shoulder girdle,
    /// the sternum and the acetabulum lie away from the spinal canal. A rib (its head beside the
    /// foramen), the skull (its base), the pelvis and a bone recorded `other` are not ruled out.
    public var cannotCompressTheCord: Bool {
        [.femur, .humerus, .tibia, .fibula, .radius, .ulna, .hand, .foot, .clavicle, .scapula, .sternum, .acetabulum].contains(bone)
    }

    /// Where Mirels applies: long bones of the limbs. Peritrochanteric only when recorded so, or
    /// when the lesion's note names the trochanters (`siteSegment`).
    public var mirelsSite: Mirels.Site? {
        switch bone {
        case .femur: siteSegment == .peritrochanteric ? .peritrochanteric : .lowerLimb
        case .tibia, .fibula: .lowerLimb
        case .humerus, .radius, .ulna: .upperLimb
        default: nil
        }
    }

    /// The Mirels sites a femur with no segment recorded may be at: the lower limb, or the
    /// peritrochanteric region (Mirels 1989 scores it 3, the rest of the lower limb 2). Scored as
    /// lower limb, a femoral lesion of 7 read "low risk" where the record allows 8, the fixation
    /// threshold — an EHR's "metastasis of femur" names the bone alone. Nil where `mirelsSite`
    /// is the site.
    /// A femur whose note names only its proximal end (`BoneSegment.namesProximalFemurOnly`) may
    /// be peritrochanteric too; a segment the record chose is the site.
    public var mirelsSitesPossible: [Mirels.Site]? {
        bone == .femur && (siteSegment == nil || proximalNoteOnly) ? [.lowerLimb, .peritrochanteric] : nil
    }

    /// No segment recorded, and the note names the femur's proximal end alone.
    public var proximalNoteOnly: Bool {
        bone == .femur && segment == nil && note.map(BoneSegment.namesProximalFemurOnly) == true
    }

    /// The segment recorded, else the one the lesion's note names ("右股骨转子间" with no segment
    /// chosen read "femur, segment not recorded: lower limb or peritrochanteric").
    /// A proximal femur whose note names the trochanters ("右股骨转子下", "subtrochanteric") is
    /// peritrochanteric: the note reads the same part more finely, and Mirels (1989) scores the
    /// peritrochanteric region 3 where the rest of the lower limb scores 2 — a renal-cell
    /// subtrochanteric lesion recorded as "proximal" scored its site 2.
    public var siteSegment: BoneSegment? {
        guard let segment else { return note.flatMap { BoneSegment.named(in: $0, bone: bone) } }
        if segment == .proximal, bone == .femur, let note, BoneSegment.named(in: note, bone: bone) == .peritrochanteric {
            return .peritrochanteric
        }
        return segment
    }

    /// How a surgeon names the lesion: "T10 vertebra", "right femur, peritrochanteric"
    /// (右股骨转子周围). The id is never part of it, so it can never read as a second level.
    public var label: LocalizedText {
        // What the note names and the record left out (`withSiteFromNote`), so that every page
        // names the lesion as the findings do ("右股骨颈" recorded as a bare femur).
        if note != nil, level == nil || laterality == nil || segment == nil {
            let read = withSiteFromNote
            if read != self { return read.label }
        }
        if let level {
            return bone == .sacrum
                ? LocalizedText(en: "sacrum (\(level))", zh: "骶骨（\(level)）")
                : LocalizedText(en: "\(level) vertebra", zh: "\(level) 椎体")
        }
        let sideEn = laterality.map { "\($0.label.en) " } ?? ""
        // Read once: without a recorded segment it is the note's reading.
        let shownSegment = siteSegment
        let segmentEn = shownSegment.map { ", \($0.label.en)" } ?? ""
        // A bone outside the vocabulary is named by its note: "other bone" alone told the MDT
        // nothing of a renal-cell cancer's patella (unseen record cb30-f, "右侧髌骨").
        // A vertebra of no single level, or a bone of no side or segment, is named by its note
        // too: "vertebra" alone told nothing of "腰椎多发" (cb48-c), "pelvis" of "骨盆多发" (cb50-a).
        if bone != .other, level == nil, laterality == nil, shownSegment == nil, let note, !note.isEmpty {
            return LocalizedText(en: "\(bone.label.en) (\(note))", zh: "\(bone.label.zhHans)（\(ImportMarkers.shown(note, zh: true))）")
        }
        // The hand and foot hold many bones: "right hand" did not say which (a lung cancer's
        // "右手中指远节指骨" and "左跟骨" read "right hand", "left foot"; unseen record cb77-aj). The
        // recorded side stays in front, so that a note naming the other side shows beside it.
        if bone == .hand || bone == .foot, let note, !note.isEmpty {
            return LocalizedText(
                en: "\(sideEn)\(bone.label.en) (\(note))",
                zh: "\(laterality?.shortLabel ?? "")\(bone.label.zhHans)（\(ImportMarkers.shown(note, zh: true))）")
        }
        if bone == .other, let note, !note.isEmpty {
            // Its side once: a note that writes one ("右膝关节") is not prefixed with it again
            // ("右其他骨（右膝关节…）", cb45-d).
            let sideZh = ["左", "右", "双"].contains(where: note.contains) ? "" : laterality?.shortLabel ?? ""
            return LocalizedText(en: "\(sideEn)other bone (\(note))", zh: "\(sideZh)其他骨（\(ImportMarkers.shown(note, zh: true))）")
        }
        return LocalizedText(
            en: "\(sideEn)\(bone.label.en)\(segmentEn)",
            zh: "\(laterality?.shortLabel ?? "")\(bone.label.zhHans)\(shownSegment?.siteLabel ?? "")")
    }
}

public enum Bone: String, InputEnum, Codable {
    case femur, humerus, tibia, fibula, radius, ulna, hand, foot, clavicle, scapula, rib, sternum, skull
    case vertebra, sacrum, pelvis, acetabulum, other

    public var label: LocalizedText {
        switch self {
        case .femur: LocalizedText(en: "femur", zh: "股骨")
        case .humerus: LocalizedText(en: "humerus", zh: "肱骨")
        case .tibia: LocalizedText(en: "tibia", zh: "胫骨")
        case .fibula: LocalizedText(en: "fibula", zh: "腓骨")
        case .radius: LocalizedText(en: "radius", zh: "桡骨")
        case .ulna: LocalizedText(en: "ulna", zh: "尺骨")
        case .hand: LocalizedText(en: "hand", zh: "手骨")
        case .foot: LocalizedText(en: "foot", zh: "足骨")
        case .clavicle: LocalizedText(en: "clavicle", zh: "锁骨")
        case .scapula: LocalizedText(en: "scapula", zh: "肩胛骨")
        case .rib: LocalizedText(en: "rib", zh: "肋骨")
        case .sternum: LocalizedText(en: "sternum", zh: "胸骨")
        case .skull: LocalizedText(en: "skull", zh: "颅骨")
        case .vertebra: LocalizedText(en: "vertebra", zh: "椎体")
        case .sacrum: LocalizedText(en: "sacrum", zh: "骶骨")
        case .pelvis: LocalizedText(en: "pelvis", zh: "骨盆")
        case .acetabulum: LocalizedText(en: "acetabulum", zh: "髋臼")
        case .other: LocalizedText(en: "other bone", zh: "其他骨")
        }
    }

    /// Distal to the elbow or knee: an unusual site for metastasis (reference.md, biopsy indications).
    public var isDistalToElbowOrKnee: Bool {
        switch self {
        case .radius, .ulna, .hand, .tibia, .fibula, .foot: true
        default: false
        }
    }
}

public enum BoneSegment: String, InputEnum, Codable {
    case proximal, peritrochanteric, diaphysis, distal

    /// The segment as the end of a Chinese site name (右股骨转子周围, 左肱骨骨干).
    public var siteLabel: String {
        switch self {
        case .proximal: "近端"
        case .peritrochanteric: "转子周围"
        case .diaphysis: "骨干"
        case .distal: "远端"
        }
    }

    /// Bones that have these segments: the long bones of the limbs (peritrochanteric: femur only).
    public func fits(_ bone: Bone) -> Bool {
        switch self {
        case .peritrochanteric: bone == .femur
        case .proximal, .diaphysis, .distal: [.femur, .humerus, .tibia, .fibula, .radius, .ulna, .clavicle].contains(bone)
        }
    }

    public var label: LocalizedText {
        switch self {
        case .proximal: LocalizedText(en: "proximal", zh: "近端")
        case .peritrochanteric: LocalizedText(en: "peritrochanteric", zh: "转子周围")
        case .diaphysis: LocalizedText(en: "diaphysis", zh: "骨干")
        case .distal: LocalizedText(en: "distal", zh: "远端")
        }
    }
}

public enum Laterality: String, InputEnum, Codable {
    case left, right, midline, bilateral

    /// The side as the start of a Chinese site name (右股骨, 左肱骨).
    public var shortLabel: String {
        switch self {
        case .left: "左"
        case .right: "右"
        case .midline: "中线"
        case .bilateral: "双侧"
        }
    }

    public var label: LocalizedText {
        switch self {
        case .left: LocalizedText(en: "left", zh: "左侧")
        case .right: LocalizedText(en: "right", zh: "右侧")
        case .midline: LocalizedText(en: "midline", zh: "中线")
        case .bilateral: LocalizedText(en: "bilateral", zh: "双侧")
        }
    }
}

extension Lesion {
    /// Vertebrae from the skull down (C1 … S5) before other bones, which keep their order: how a
    /// list of several levels is read ("T9; L1; L2", not by id "L1; L2; T9").
    public static func anatomicalOrder(_ a: Lesion, _ b: Lesion) -> Bool {
        switch (a.level, b.level) {
        case let (x?, y?): x < y
        case (.some, nil): true
        default: false
        }
    }
}
