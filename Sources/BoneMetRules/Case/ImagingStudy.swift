/// One imaging study and what was seen in it, lesion by lesion.
public struct ImagingStudy: Sendable, Hashable, Encodable {
    public var id: String
    public var date: PartialDate
    public var modality: Modality
    /// CT windows that were read. A CT read without the bone window misses bone destruction.
    public var windows: [CTWindow]
    public var contrast: Bool?
    /// DICOM StudyInstanceUID, to open the study in a viewer.
    public var studyInstanceUid: String?
    /// The DICOM modality code as the source sent it (DX, CR, MR …), kept for export.
    public var dicomModality: String?
    /// Free description of what was imaged ("right hip and femur"); a note, read by the rules
    /// only for a whole-body or whole-spine study without a coverage (`coverageFromRegion`).
    public var region: String?
    /// Body regions the study imaged, from a vocabulary. A lesion first seen on a later study is
    /// "new" only against a study that looked at its region (issue #8); bone scans and PET-CT
    /// count as whole-body unless a coverage is recorded.
    public var coverage: [BodyRegion]
    /// The radiologist's conclusion (free text, e.g. a DiagnosticReport's `conclusion`); shown,
    /// never read by the rules.
    public var report: String?
    public var observations: [LesionObservation]
    /// New lesions seen but not recorded one by one (typically hot spots on a bone scan).
    public var unnamedNewLesions: Int?

    public init(
        id: String, date: PartialDate, modality: Modality, windows: [CTWindow] = [], contrast: Bool? = nil,
        studyInstanceUid: String? = nil, region: String? = nil, coverage: [BodyRegion] = [], report: String? = nil,
        observations: [LesionObservation] = [], unnamedNewLesions: Int? = nil
    ) {
        self.coverage = coverage
        self.report = report
        self.id = id
        self.date = date
        self.modality = modality
        self.windows = windows
        self.contrast = contrast
        self.studyInstanceUid = studyInstanceUid
        self.region = region
        self.observations = observations
        self.unnamedNewLesions = unnamedNewLesions
    }

    public func observation(of lesion: String) -> LesionObservation? { observations.first { $0.lesion == lesion } }

    public var label: LocalizedText {
        LocalizedText(en: "\(modality.label.en) of \(date)", zh: "\(date) \(modality.label.zhHans)")
    }

    /// A CT read with the bone window — a CT, or the CT of a PET-CT (`windows` are allowed on
    /// both); the rib a PET-CT's bone window showed destroyed was "not read on a bone window".
    /// A CT whose recorded windows do not include the bone window (no windows recorded: unknown).
    public var readsSoftTissueOnly: Bool {
        modality == .ct && !windows.isEmpty && !windows.contains(.bone)
    }

    /// A study whose reading is only its report: no lesion recorded on it, no count of new ones,
    /// and a report on record or a DICOM modality (sent from an EHR or PACS, where the reading
    /// is a text). The rules do not read reports, so it shows nothing and excludes nothing. An
    /// imported bone scan reported as "L4、左侧髂骨浓聚" made every lesion of the next scan "new"
    /// (PD), and the next scan, report only, read "no progression by the 2+2 rule" though it
    /// reported three new foci (unseen bundle). Without a report a study of no lesions recorded by
    /// hand stays what it was entered as: looked at, nothing seen.
    public var readingNotRecorded: Bool {
        observations.isEmpty && unnamedNewLesions == nil
            && (report.map { $0.contains { !$0.isWhitespace } } ?? false || dicomModality != nil)
    }

    public var hasBoneWindowCT: Bool { (modality == .ct || modality == .petCt) && windows.contains(.bone) }

    /// Whether this study imaged the lesion's region: a whole-body study, or a recorded coverage
    /// that includes it. Without a recorded coverage an anatomic study proves nothing.
    /// Whether the study surveyed the whole skeleton: a whole-body coverage, or a bone scan or
    /// PET-CT without a recorded coverage (read as whole-body, as `covers`). Until one is on
    /// record the bone metastases known are only those looked for (scores count them as a
    /// lower bound).
    public var surveysWholeSkeleton: Bool {
        coverage.contains(.wholeBody) || (coverage.isEmpty && modality.isTracer)
    }

    /// Whether the study imaged the whole spine (cervical, thoracic and lumbar), as a whole-body
    /// survey or a whole-spine MRI does: the vertebral bodies involved are then all known.
    public var surveysWholeSpine: Bool {
        surveysWholeSkeleton || [BodyRegion.cervicalSpine, .thoracicSpine, .lumbarSpine].allSatisfy(coverage.contains)
    }

    public func covers(_ lesion: Lesion) -> Bool {
        if coverage.isEmpty { return modality.isTracer }
        if coverage.contains(.wholeBody) { return true }
        if coverage.contains(.abdomen), lesion.bone == .vertebra, let level = lesion.level, level.region == .lumbar, level.number <= 4 { return true }
        guard let needed = BodyRegion.needed(for: lesion) else { return false }
        return needed.isSubset(of: Set(coverage))
    }
}

/// Body regions a study can cover. Limbs by side; a limb lesion without a recorded side is
/// covered only when both sides were imaged (docs/case-format.md).
public enum BodyRegion: String, InputEnum, Codable {
    case wholeBody, skull, cervicalSpine, thoracicSpine, lumbarSpine, sacrum, chest, pelvis
    case leftUpperLimb, rightUpperLimb, leftLowerLimb, rightLowerLimb
    /// An abdominal study (the commonest staging CT is chest–abdomen–pelvis): of the skeleton
    /// it surely shows the lumbar vertebrae L1–L4 — an abdominal CT runs from the diaphragm to
    /// the iliac crests, which lie at L4 — and nothing else is taken as looked at (`covers`).
    case abdomen

    public var label: LocalizedText {
        switch self {
        case .wholeBody: LocalizedText(en: "whole body", zh: "全身")
        case .skull: LocalizedText(en: "skull", zh: "颅骨")
        case .cervicalSpine: LocalizedText(en: "cervical spine", zh: "颈椎")
        case .thoracicSpine: LocalizedText(en: "thoracic spine", zh: "胸椎")
        case .lumbarSpine: LocalizedText(en: "lumbar spine", zh: "腰椎")
        case .sacrum: LocalizedText(en: "sacrum and coccyx", zh: "骶尾骨")
        case .chest: LocalizedText(en: "chest wall (ribs, sternum, clavicles, scapulae)", zh: "胸廓（肋骨、胸骨、锁骨、肩胛骨）")
        case .pelvis: LocalizedText(en: "pelvis and acetabula", zh: "骨盆及髋臼")
        case .leftUpperLimb: LocalizedText(en: "left upper limb", zh: "左上肢")
        case .rightUpperLimb: LocalizedText(en: "right upper limb", zh: "右上肢")
        case .leftLowerLimb: LocalizedText(en: "left lower limb", zh: "左下肢")
        case .rightLowerLimb: LocalizedText(en: "right lower limb", zh: "右下肢")
        case .abdomen: LocalizedText(en: "abdomen (lumbar vertebrae L1–L4)", zh: "腹部（腰 1–4 椎体）")
        }
    }

    /// The regions a study must all have covered to have looked at the lesion; nil when only a
    /// whole-body study can (a bone recorded as "other"). A vague position needs every region it
    /// could lie in: a limb lesion without a side needs both limbs, a vertebra without a level
    /// the whole spine.
    public static func needed(for lesion: Lesion) -> Set<BodyRegion>? {
        func limb(_ left: BodyRegion, _ right: BodyRegion) -> Set<BodyRegion> {
            switch lesion.laterality {
            case .left: [left]
            case .right: [right]
            default: [left, right]
            }
        }
        switch lesion.bone {
        case .skull: return [.skull]
        case .vertebra:
            switch lesion.level?.region {
            case .cervical: return [.cervicalSpine]
            case .thoracic: return [.thoracicSpine]
            case .lumbar: return [.lumbarSpine]
            case .sacral: return [.sacrum]
            case .none: return [.cervicalSpine, .thoracicSpine, .lumbarSpine]
            }
        case .sacrum: return [.sacrum]
        case .rib, .sternum, .clavicle, .scapula: return [.chest]
        case .pelvis, .acetabulum: return [.pelvis]
        case .humerus, .radius, .ulna, .hand: return limb(.leftUpperLimb, .rightUpperLimb)
        case .femur, .tibia, .fibula, .foot: return limb(.leftLowerLimb, .rightLowerLimb)
        case .other: return nil
        }
    }
}

public enum Modality: String, InputEnum, Codable {
    case xray, ct, mri, boneScan, petCt

    public var label: LocalizedText {
        switch self {
        case .xray: LocalizedText(en: "X-ray", zh: "X 线片")
        case .ct: LocalizedText(en: "CT", zh: "CT 检查")
        case .mri: LocalizedText(en: "MRI", zh: "MRI 检查")
        case .boneScan: LocalizedText(en: "bone scan", zh: "骨扫描（ECT）")
        case .petCt: LocalizedText(en: "PET-CT", zh: "PET-CT 检查")
        }
    }

    /// Anatomic imaging that shows bone destruction and can be measured (MDA X-ray/CT/MRI).
    public var isAnatomic: Bool { self == .xray || self == .ct || self == .mri }
    /// Whole-body tracer imaging (uptake, not structure).
    public var isTracer: Bool { self == .boneScan || self == .petCt }
}

public enum CTWindow: String, ValueEnum, Codable {
    case softTissue, bone, lung

    /// The windows a CT's title or report names: "胸腰椎CT平扫（骨窗）", "BONE ALGORITHM", "纵隔窗…肺窗…"
    /// (unseen bundle ehr39: a title saying the bone window was read, and every finding asking
    /// whether it was). A window not named is not assumed.
    static let namedBy: [(CTWindow, [String])] = [
        (.bone, ["骨窗", "bone window", "bone windows", "bone algorithm", "bone kernel", "osseous window"]),
        (.softTissue, ["软组织窗", "纵隔窗", "soft tissue window", "soft-tissue window", "mediastinal window"]),
        (.lung, ["肺窗", "lung window", "lung windows"]),
    ]

    public static func named(in texts: [String]) -> [CTWindow] {
        let text = texts.joined(separator: " ").lowercased()
        return namedBy.compactMap { window, words in words.contains(where: text.contains) ? window : nil }
    }

    public var label: LocalizedText {
        switch self {
        case .softTissue: LocalizedText(en: "soft-tissue window", zh: "软组织窗")
        case .bone: LocalizedText(en: "bone window", zh: "骨窗")
        case .lung: LocalizedText(en: "lung window", zh: "肺窗")
        }
    }
}

public enum LesionCharacter: String, InputEnum, Codable {
    case lytic, blastic, mixed

    public var label: LocalizedText {
        switch self {
        case .lytic: LocalizedText(en: "lytic", zh: "溶骨性")
        case .blastic: LocalizedText(en: "blastic", zh: "成骨性")
        case .mixed: LocalizedText(en: "mixed", zh: "混合性")
        }
    }

    var mirels: Mirels.Lesion {
        switch self {
        case .lytic: .lytic
        case .blastic: .blastic
        case .mixed: .mixed
        }
    }

    var sins: SINS.Lesion {
        switch self {
        case .lytic: .lytic
        case .blastic: .blastic
        case .mixed: .mixed
        }
    }
}

public enum FillIn: String, ValueEnum, Codable {
    case none, partial, complete
}

/// What one study showed of one lesion. Every field is optional: record what was read.
public struct LesionObservation: Sendable, Hashable, Encodable {
    public var lesion: String
    /// False: the lesion was looked for and not seen (e.g. a staging CT before it appeared).
    public var present: Bool
    public var character: LesionCharacter?
    /// One or two perpendicular diameters in mm.
    public var diametersMm: [Double]?
    public var softTissueMm: Double?
    public var boneDestruction: Bool?
    public var scleroticRim: Bool?
    public var fillIn: FillIn?
    /// Tracer uptake (bone scan, PET-CT).
    public var uptake: Bool?
    /// The reader's estimate of the change in uptake against the prior scan, in percent.
    public var uptakeChangePercent: Double?
    /// MRI: signal back to normal.
    public var normalSignal: Bool?
    /// Fraction of the bone diameter involved (plain film), for Mirels.
    public var fractionOfDiameter: Double?
    /// The Mirels size class read directly (instead of, or with, the fraction).
    public var mirelsSize: Mirels.Size?
    public var collapse: SINS.Collapse?
    public var alignment: SINS.Alignment?
    public var posterolateral: SINS.Posterolateral?
    public var escc: ESCC.Grade?
    public var fracture: Bool?
    // Differential-diagnosis features.
    public var jointSpaceNarrowing: Bool?
    public var osteophytes: Bool?
    public var subchondralCysts: Bool?
    public var epiphyseal: Bool?
    public var eccentric: Bool?

    public init(lesion: String, present: Bool = true) {
        self.lesion = lesion
        self.present = present
    }

    /// Sum of products of perpendicular diameters (one diameter: its square), for MDA.
    public var product: Double? {
        guard let diameters = diametersMm, let first = diameters.first else { return nil }
        return diameters.count > 1 ? first * diameters[1] : first * first
    }

    public var degenerativeFeatures: [String] {
        [("jointSpaceNarrowing", jointSpaceNarrowing), ("osteophytes", osteophytes), ("subchondralCysts", subchondralCysts)]
            .filter { $0.1 == true }.map(\.0)
    }
}
