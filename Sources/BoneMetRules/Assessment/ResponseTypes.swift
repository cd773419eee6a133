/// The MDA response of one lesion over one interval, attributed to the treatments active in it.
public struct LesionResponse: Sendable, Hashable {
    public let lesion: String
    public let fromStudy: String
    public let toStudy: String
    public let from: PartialDate
    public let to: PartialDate
    public let modality: Modality
    public let category: MDA.Category
    public let reasons: [LocalizedText]
    public let sizeChangePercent: Double?
    /// The lesion first appeared in this interval, on a prior study that looked at its region.
    public let isNew: Bool
    /// First recorded on this study with no prior imaging of its region: neither new nor a
    /// judgement of any regimen (issue #8).
    public let firstRecorded: Bool
    /// New sclerosis or uptake judged osteoblastic flare (response, not progression).
    public let flare: Bool
    /// Treatments active in the interval for this lesion (ids).
    public let treatments: [String]
    /// No systemic therapy and no local treatment of this lesion in the interval.
    public let untreated: Bool
    /// Judged on the CT of a PET-CT (growth, a new lytic component), not its uptake: never flare.
    public var byAnatomy = false
}

/// The overall bone response at one study against the previous study of the same modality.
public struct TimePointResponse: Sendable, Hashable {
    public let study: String
    public let previousStudy: String
    public let from: PartialDate
    public let to: PartialDate
    public let modality: Modality
    public let overall: MDA.Category
    public let newLesions: [String]
    public let unnamedNewLesions: Int
    public let flare: Bool
    public let treatments: [String]
    public let untreated: Bool
    public let lesions: [LesionResponse]
    /// New lesions on an X-ray or CT under a therapy acting long enough whose character is not
    /// recorded (unnamed, or named without character or destruction): sclerosis would be response
    /// (flare), a lytic lesion progression — the time point waits on their reading (not evaluable).
    /// Stored before `flareNotExcluded`, not after it: with a Bool after that optional enum the
    /// Swift 6.3.1 debug build crashed (swift_release of a bad pointer) destroying a
    /// `Result<TimePointResponse, Error>` holding a time point with the flag set — a `#require`
    /// in a test (NewLesionsOfUnrecordedCharacterTests keeps that call).
    public var newCharacterPending = false
    /// A scan's new or hotter foci not counted as progression because flare is not excluded:
    /// within the flare window, or after an X-ray, CT or MRI time point that read osteoblastic
    /// flare (its modality and date). Nil on anatomic time points and where the scan is PD.
    public var flareNotExcluded: FlareBasis?

    public enum FlareBasis: Sendable, Hashable {
        case window
        case anatomy(Modality, PartialDate)
    }
}
