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
    public var region: String?
    /// The radiologist's conclusion (free text, e.g. a DiagnosticReport's `conclusion`); shown,
    /// never read by the rules.
    public var report: String?
    public var observations: [LesionObservation]
    /// New lesions seen but not recorded one by one (typically hot spots on a bone scan).
    public var unnamedNewLesions: Int?

    public init(
        id: String, date: PartialDate, modality: Modality, windows: [CTWindow] = [], contrast: Bool? = nil,
        studyInstanceUid: String? = nil, region: String? = nil, report: String? = nil, observations: [LesionObservation] = [],
        unnamedNewLesions: Int? = nil
    ) {
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
        LocalizedText(en: "\(modality.label.en) \(date) (\(id))", zh: "\(date) \(modality.label.zhHans)（\(id)）")
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
