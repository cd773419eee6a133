import BoneMetRules
import Testing

/// Small cases built in code for rule tests.
func day(_ text: String) -> PartialDate {
    guard let date = PartialDate(text) else {
        Issue.record("bad date \(text)")
        return PartialDate(dayNumber: 0)
    }
    return date
}

func observation(_ lesion: String, _ character: LesionCharacter? = nil, _ diameters: [Double]? = nil, configure: (inout LesionObservation) -> Void = { _ in }) -> LesionObservation {
    var o = LesionObservation(lesion: lesion)
    o.character = character
    o.diametersMm = diameters
    configure(&o)
    return o
}

/// A staging CT of the trunk and both lower limbs (its coverage is recorded, so a lesion first
/// seen on a later study in these regions is new against it).
func ct(_ id: String, _ date: String, _ observations: [LesionObservation]) -> ImagingStudy {
    ImagingStudy(
        id: id, date: day(date), modality: .ct, windows: [.softTissue, .bone],
        coverage: [.chest, .thoracicSpine, .lumbarSpine, .pelvis, .leftLowerLimb, .rightLowerLimb], observations: observations)
}

/// A whole-body bone scan with uptake at each lesion named: the skeleton surveyed, so the
/// lesions on record are all there are (the scores' counts are settled).
func survey(_ id: String, _ date: String, _ lesions: [String]) -> ImagingStudy {
    ImagingStudy(id: id, date: day(date), modality: .boneScan, observations: lesions.map { observation($0) { $0.uptake = true } })
}

extension Assessment {
    func rule(_ id: String) -> [Finding] { findings.filter { $0.ruleId == id } }
    func has(_ id: String, subject: FindingSubject? = nil) -> Bool {
        findings.contains { $0.ruleId == id && (subject == nil || $0.subject == subject) }
    }
}

/// A breast-cancer patient with one lytic femoral lesion, treated from 2023-01-10.
func baseCase() -> CaseRecord {
    CaseRecord(
        patient: Patient(id: "t1", sex: .female, birthDate: day("1970-01-01"), weights: [WeightRecord(date: day("2023-01-01"), kg: 60)]),
        primaries: [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2022-06"), hormoneDependent: true)],
        lesions: [Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .left)],
        studies: [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", "2023-03-20", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
        ],
        treatments: [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2023-01-10"))])
}

/// A T9 compression (ESCC 3, SINS lytic, collapse over 50 %, bilateral posterolateral) beside
/// three more lytic lesions, the skeleton surveyed, neurologically intact: the spine finding's
/// systemic status (NOMS S) is read from the primary, performance and viscera given.
func spineCompressionCase(primary: PrimaryCancer, performance: PerformanceStatus, visceral: [VisceralMetastasis]) -> CaseRecord {
    var r = baseCase()
    r.primaries = [primary]
    r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T9")), Lesion(id: "L2", bone: .pelvis), Lesion(id: "L3", bone: .rib), Lesion(id: "L4", bone: .scapula)]
    r.studies = [survey("B0", "2023-01-03", ["L1", "L2", "L3", "L4"]), ct("S1", "2023-01-05", [
        observation("L1", .lytic) { $0.boneDestruction = true; $0.escc = .g3; $0.collapse = .over50; $0.alignment = .normal; $0.posterolateral = .bilateral },
        observation("L2", .lytic) { $0.boneDestruction = true }, observation("L3", .lytic) { $0.boneDestruction = true },
        observation("L4", .lytic) { $0.boneDestruction = true },
    ])]
    r.treatments = []
    r.performance = [performance]
    r.neurology = [NeurologyRecord(date: day("2023-01-04"), status: .intact, frankel: .E)]
    r.visceralMetastases = visceral
    return r
}

/// The bone-modifying-agent indication finding of a record assessed on a day (naming the rules
/// found when there is none).
func indicationFinding(_ r: CaseRecord, asOf date: String) throws -> Finding {
    let a = assess(r, asOf: day(date))
    return try #require(a.rule("boneAgents.indication").first, "\(a.findings.map(\.ruleId))")
}
