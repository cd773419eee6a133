/// The case as the rules read it: only what was known on `asOf`, sorted so that the order of
/// the file never changes a result, with per-lesion series built once (O(lesions × studies)).
struct CaseIndex {
    struct Point {
        let study: ImagingStudy
        let observation: LesionObservation
    }

    let record: CaseRecord
    let asOf: PartialDate
    let settings: RuleSettings
    let studies: [ImagingStudy]
    let lesions: [Lesion]
    let lesionsById: [String: Lesion]
    /// Observations of each lesion, oldest first.
    let series: [String: [Point]]
    /// Treatments started by `asOf`, and planned ones, by start date.
    let treatments: [Treatment]
    let labs: [LabResult]

    init(_ record: CaseRecord, asOf: PartialDate, settings: RuleSettings) {
        self.record = record
        self.asOf = asOf
        self.settings = settings
        let known = { (date: PartialDate?) -> Bool in (date?.earliestDay ?? Int.min) <= asOf.latestDay }
        studies = record.studies.filter { known($0.date) }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        lesions = record.lesions.sorted { $0.id < $1.id }
        lesionsById = Dictionary(record.lesions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var series: [String: [Point]] = [:]
        for study in studies {
            for observation in study.observations { series[observation.lesion, default: []].append(Point(study: study, observation: observation)) }
        }
        self.series = series
        // A treatment that ends after `asOf` was still running then: its end and stop reason
        // are not yet known, nor are doses given later.
        treatments = record.treatments.filter { $0.planned || known($0.start) }
            .map { treatment in
                var seen = treatment
                if let end = treatment.end, !known(end) {
                    seen.end = nil
                    seen.stopReason = nil
                }
                seen.doses = treatment.doses.filter { known($0) }
                return seen
            }
            .sorted { ($0.start?.earliestDay ?? Int.max, $0.id) < ($1.start?.earliestDay ?? Int.max, $1.id) }
        labs = record.labs.filter { known($0.date) }
            .sorted { ($0.date, $0.test.rawValue, $0.value) < ($1.date, $1.test.rawValue, $1.value) }
    }

    // MARK: Lesions and imaging

    func points(_ lesion: String) -> [Point] { series[lesion] ?? [] }

    /// Observations in which the lesion was seen.
    func presentPoints(_ lesion: String) -> [Point] { points(lesion).filter(\.observation.present) }

    func firstSeen(_ lesion: String) -> PartialDate? { presentPoints(lesion).first?.study.date }

    /// Lesions seen at least once, in id order.
    var seenLesions: [Lesion] { lesions.filter { !presentPoints($0.id).isEmpty } }

    /// Anatomic characters recorded for a lesion (X-ray, CT, MRI), oldest first.
    func characters(_ lesion: String) -> [LesionCharacter] {
        presentPoints(lesion).filter { $0.study.modality.isAnatomic }.compactMap(\.observation.character)
    }

    /// Bone destruction was read on a CT bone window (or X-ray) for this lesion.
    func destructionSeen(_ lesion: String) -> Bool {
        presentPoints(lesion).contains { point in
            point.observation.boneDestruction == true
                || (point.study.modality.isAnatomic && [.lytic, .mixed].contains(point.observation.character))
        }
    }

    /// CT bone-window (or X-ray) reads that found no structural lesion: no destruction and no
    /// lytic, blastic or mixed change (a visible blastic lesion is not "no destruction").
    func destructionExcluded(_ lesion: String) -> [Point] {
        points(lesion).filter { point in
            point.observation.boneDestruction == false && point.observation.character == nil
                && (point.study.modality == .xray || (point.study.modality == .ct && point.study.windows.contains(.bone)))
        }
    }

    func tracerUptake(_ lesion: String) -> Bool? {
        let reads = points(lesion).filter { $0.study.modality.isTracer }.compactMap(\.observation.uptake)
        if reads.contains(true) { return true }
        return reads.isEmpty ? nil : false
    }

    // MARK: Diagnosis facts

    func diagnosticBiopsy(_ lesion: String) -> Biopsy? {
        record.biopsies.filter { $0.lesion == lesion && ($0.result?.isDiagnostic ?? false) && known($0.date) }
            .max { $0.date < $1.date }
    }

    var knownPrimaries: [PrimaryCancer] { record.primaries.filter { $0.site != .unknown }.sorted { $0.id < $1.id } }
    var hasKnownPrimary: Bool { !knownPrimaries.isEmpty }
    var mainPrimary: PrimaryCancer? { knownPrimaries.first }

    /// Lesions that imaging or pathology supports as bone metastases (not scenario 2's uptake
    /// without destruction, not a lesion whose biopsy showed something else).
    func isMetastaticCandidate(_ lesion: String) -> Bool {
        if let biopsy = diagnosticBiopsy(lesion) { return biopsy.result == .metastasis }
        if !destructionExcluded(lesion).isEmpty && !destructionSeen(lesion) { return false }
        return !presentPoints(lesion).isEmpty
    }

    var metastaticLesions: [Lesion] { seenLesions.filter { isMetastaticCandidate($0.id) } }

    /// Bone metastasis established enough to act on systemically: proven by biopsy, or bone
    /// destruction on imaging, or blastic lesions in prostate cancer. An unexplained blastic
    /// lesion awaiting biopsy is not.
    var hasEstablishedMetastasis: Bool {
        metastaticLesions.contains { lesion in
            diagnosticBiopsy(lesion.id)?.result == .metastasis || destructionSeen(lesion.id)
                || knownPrimaries.contains { $0.site == .prostate }
        }
    }

    // MARK: Treatments

    var systemicTherapies: [Treatment] { treatments.filter { $0.kind == .systemic && !$0.planned } }

    var firstSystemicStart: PartialDate? { systemicTherapies.compactMap(\.start).min() }

    /// Treatments acting on a lesion strictly between two dates: systemic therapy and
    /// bone-modifying agents act everywhere; radiotherapy and surgery only where given.
    func activeTreatments(after from: PartialDate, before to: PartialDate, lesion: String?) -> [Treatment] {
        treatments.filter { treatment in
            guard treatment.isActive(after: from, before: to) else { return false }
            switch treatment.kind {
            case .systemic, .boneModifyingAgent: return true
            case .radiotherapy, .surgery: return lesion.map { treatment.lesions.contains($0) } ?? !treatment.lesions.isEmpty
            }
        }
    }

    /// The most recent systemic therapy started on or before a date.
    func latestSystemicStart(onOrBefore date: PartialDate) -> Treatment? {
        systemicTherapies.filter { ($0.start?.earliestDay ?? Int.max) <= date.latestDay }.last
    }

    func localTreatments(_ lesion: String, kind: TreatmentKind) -> [Treatment] {
        treatments.filter { $0.kind == kind && $0.lesions.contains(lesion) }
    }

    // MARK: Clinical facts

    func age(at date: PartialDate) -> Int? { record.patient.birthDate.map { $0.wholeYears(to: date) } }

    var ageNow: Int? { age(at: asOf) }

    func latestLab(_ test: LabTest, onOrBefore date: PartialDate? = nil) -> LabResult? {
        let limit = (date ?? asOf).latestDay
        return labs.last { $0.test == test && $0.date.earliestDay <= limit && $0.canonicalValue != nil }
    }

    func latestWeight(onOrBefore date: PartialDate? = nil) -> WeightRecord? {
        let limit = (date ?? asOf).latestDay
        return record.patient.weights.filter { $0.date.earliestDay <= limit }.max { $0.date < $1.date }
    }

    func latestPerformance(onOrBefore date: PartialDate? = nil) -> PerformanceStatus? {
        let limit = (date ?? asOf).latestDay
        return record.performance.filter { $0.date.earliestDay <= limit }.max { $0.date < $1.date }
    }

    func pain(for lesion: String, onOrBefore date: PartialDate) -> [PainRecord] {
        record.pain.filter { $0.lesion == lesion && $0.date.earliestDay <= date.latestDay }.sorted { $0.date < $1.date }
    }

    /// The latest neurological status of a lesion's level, or of the patient.
    func latestNeurology(for lesion: String? = nil) -> NeurologyRecord? {
        let records = record.neurology.filter { known($0.date) && ($0.lesion == nil || $0.lesion == lesion) }
        return records.max { ($0.date, $0.lesion != nil ? 1 : 0) < ($1.date, $1.lesion != nil ? 1 : 0) }
    }

    func known(_ date: PartialDate?) -> Bool { (date?.earliestDay ?? Int.min) <= asOf.latestDay }

    /// Years from the first primary diagnosis to a date.
    func yearsSincePrimary(to date: PartialDate) -> Int? {
        knownPrimaries.compactMap(\.diagnosed).min().map { $0.wholeYears(to: date) }
    }
}
