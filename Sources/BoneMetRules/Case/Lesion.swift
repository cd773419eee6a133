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

    public init(
        id: String, bone: Bone, segment: BoneSegment? = nil, level: VertebralLevel? = nil,
        laterality: Laterality? = nil, note: String? = nil
    ) {
        self.id = id
        self.bone = bone
        self.segment = segment
        self.level = level
        self.laterality = laterality
        self.note = note
    }

    public var isSpinal: Bool { bone == .vertebra || bone == .sacrum }

    /// Where Mirels applies: long bones of the limbs. Peritrochanteric only when recorded so.
    public var mirelsSite: Mirels.Site? {
        switch bone {
        case .femur: segment == .peritrochanteric ? .peritrochanteric : .lowerLimb
        case .tibia, .fibula: .lowerLimb
        case .humerus, .radius, .ulna: .upperLimb
        default: nil
        }
    }

    /// How the lesion is named in findings: "femur (left, peritrochanteric)", "T10".
    public var label: LocalizedText {
        if let level { return LocalizedText(en: "\(level) (\(id))", zh: "\(level) 椎（\(id)）") }
        var en = [String]()
        var zh = [String]()
        if let laterality { en.append(laterality.label.en); zh.append(laterality.label.zhHans) }
        if let segment { en.append(segment.label.en); zh.append(segment.label.zhHans) }
        let detailEn = en.isEmpty ? "" : ", " + en.joined(separator: ", ")
        return LocalizedText(
            en: "\(bone.label.en) (\(id)\(detailEn))", zh: "\(zh.joined())\(bone.label.zhHans)（\(id)）")
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

    public var label: LocalizedText {
        switch self {
        case .left: LocalizedText(en: "left", zh: "左侧")
        case .right: LocalizedText(en: "right", zh: "右侧")
        case .midline: LocalizedText(en: "midline", zh: "中线")
        case .bilateral: LocalizedText(en: "bilateral", zh: "双侧")
        }
    }
}
