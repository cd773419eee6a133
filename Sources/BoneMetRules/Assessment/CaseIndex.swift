/// The case as the rules read it: only what was known on `asOf`, sorted so that the order of
/// the file never changes a result, with per-lesion series built once (O(lesions × studies)).
/// A class: every rule keeps it and passes it on, and each copy of a struct of fifteen lists
/// and tables retained and released every one of them (≈ 4 % of an assessment, issue #12).
final class CaseIndex {
    /// A class: the rules filter and pass these lists around many times per assessment, and a
    /// copy of a struct holding a whole study retained each of its fields (~6 % of an
    /// assessment, issue #12); a copy of this is one reference.
    final class Point {
        let study: ImagingStudy
        let observation: LesionObservation

        init(study: ImagingStudy, observation: LesionObservation) {
            self.study = study
            self.observation = observation
        }

        /// The bone itself was read here: an X-ray, CT or MRI, or the CT of a PET-CT whose
        /// reading records the lesion's anatomy (character, size, rim, fill-in, SINS items). A
        /// PET-CT reading "lytic, 20 × 12 mm, destruction" left a humerus "not assessable — no
        /// X-ray/CT reading" and its type out of Mirels.
        var readsBone: Bool { Self.readsBone(observation, on: study.modality) }

        static func readsBone(_ observation: LesionObservation, on modality: Modality) -> Bool {
            if modality.isAnatomic { return true }
            guard modality == .petCt else { return false }
            return MDA.hasAnatomy(observation) || observation.collapse != nil || observation.alignment != nil
                || observation.posterolateral != nil
        }

        /// The study shows the lesion. A bone scan or PET reading "no uptake" with nothing of the
        /// bone's anatomy does not: an L3 with no uptake on the baseline bone scan (and absent on
        /// the CT) was "first seen" that day — before the therapy — and its new sclerosis under
        /// osimertinib was called a lesion that had been there all along. Such a reading still
        /// says the lesion is cold (the myeloma differential reads it from `points`).
        var showsLesion: Bool { Self.shows(observation, on: study.modality) }

        static func shows(_ observation: LesionObservation, on modality: Modality) -> Bool {
            guard observation.present else { return false }
            guard modality.isTracer, observation.uptake == false else { return true }
            return readsBone(observation, on: modality) || observation.boneDestruction == true || observation.fracture == true
                || observation.escc != nil
        }
    }

    let record: CaseRecord
    /// Private: a rule that compared a date with it would escape `horizon`. Rules ask `known`,
    /// `stillRunning` or `ageNow`, and date a finding that holds as of today `assessedOn`.
    private let asOf: PartialDate
    let settings: RuleSettings
    let studies: [ImagingStudy]
    let lesions: [Lesion]
    let lesionsById: LesionKeyed<Lesion>
    /// Observations of each lesion, oldest first.
    let series: LesionKeyed<[Point]>
    /// Of those, the ones in which the lesion was seen.
    private let presentSeries: LesionKeyed<[Point]>
    /// Treatments started by `asOf`, and planned ones, by start date.
    let treatments: [Treatment]
    /// Rows of one bone-modifying agent recorded over the same time, read as one course.
    let agentCoursesJoined: [JoinedCourse]
    /// Systemic rows that name only a bone-modifying agent, read as its course (their ids).
    let treatmentsReadAsBoneAgents: [String]
    /// Of those, the courses taken out of a regimen row, with the row as recorded.
    let boneAgentsFromRegimens: [String: Treatment]
    /// The laboratory results known on `asOf` whose values a laboratory can report in the unit
    /// written, oldest first; the others are `implausibleLabs` — no rule reads them
    /// (`DiagnosisRules.implausibleLabFindings` names them).
    let labs: [LabResult]
    let implausibleLabs: [LabResult]
    /// The first day after `asOf` on which any reading of the date can turn (issue #12):
    /// every comparison with `asOf` goes through `known`, `stillRunning` or `ageNow`, which
    /// note their turning day here.
    let horizon: DayHorizon
    /// Lesions seen at least once, in id order; of those, the ones imaging or pathology supports
    /// as metastases. Worked out once: the rules ask for them dozens of times per assessment
    /// (issue #12: recomputing them was a quarter of an assessment). Reading them here notes
    /// their turning days (a biopsy's date) even for a case no rule asks about — only ever an
    /// earlier re-assessment, never a later one.
    private(set) var seenLesions: [Lesion] = []
    private(set) var metastaticLesions: [Lesion] = []
    /// Cockcroft–Gault results by the day they are asked for (`creatinineClearance`): several
    /// rules ask for the same one, and its exact decimal arithmetic was 3 % of an assessment.
    var clearanceMemo: [Int: Clearance?] = [:]
    /// Each lesion's readings that excluded destruction (`destructionExcluded`), worked out once:
    /// every time point asks whether each of its lesions is a metastasis (issue #12: a quarter of
    /// the time points' cost).
    private var destructionExcludedMemo = LesionKeyed<[Point]>()
    /// Each lesion's answer to `isMetastaticCandidate`, worked out once: every time point, the
    /// diagnosis, surgery and response rules ask it of each lesion again (issue #12).
    private var metastaticCandidateMemo = LesionKeyed<Bool>()
    /// Each lesion's tracer reading and degenerative picture, asked by most of the rules above.
    private var tracerUptakeMemo = LesionKeyed<Bool?>()
    var degenerativePictureMemo = LesionKeyed<Point?>()
    /// Each lesion's open differential and long disease-free interval, worked out once: the
    /// diagnosis, Mirels, spine and bone-agent rules ask them of each lesion again, and they were
    /// some 9 % of an assessment (issue #12, thirty-second round).
    var openDifferentialMemo = LesionKeyed<[LocalizedText]>()
    var longIntervalMemo = (counting: LesionKeyed<Int?>(), ignoringHealing: LesionKeyed<Int?>())
    /// Each lesion's candidate primaries and each primary's healed lesions (keyed by the
    /// primary's id), asked by the same rules.
    var primaryCandidatesMemo = LesionKeyed<[PrimaryCancer]>()
    var healedUnderMemo = LesionKeyed<[(lesion: Lesion, date: PartialDate)]>()
    /// Each metastatic lesion's first imaged fracture (`CaseIndex+Fractures`), worked out once:
    /// the SRE history, PATHFx and every long bone's Mirels finding ask for it.
    private(set) lazy var imagedFractures: [(lesion: Lesion, point: Point)] = workOutImagedFractures()
    /// The other lesion records of each lesion's site (`Lesion.siteKey`: one vertebra or long-bone
    /// segment entered from two reports), by lesion id.
    private(set) lazy var sameSiteRecords: LesionKeyed<[String]> = {
        let grouped = Dictionary(grouping: lesions.filter { $0.siteKey != nil }, by: { $0.siteKey ?? "" })
        var others = LesionKeyed<[String]>()
        for group in grouped.values where group.count > 1 {
            for lesion in group { others[lesion.id] = group.map(\.id).filter { $0 != lesion.id } }
        }
        return others
    }()
    /// Fractures an antiresorptive may explain, by lesion id (`CaseIndex+AntiresorptiveFractures`).
    private(set) lazy var antiresorptiveFractures: LesionKeyed<AntiresorptiveFracture> = workOutAntiresorptiveFractures()
    /// The sites of the metastatic lesions: records of one site (`Lesion.siteKey`: T11 entered
    /// from two reports) count once — for "solitary" and the scores' counts.
    private(set) lazy var metastaticSiteCount: Int = Lesion.siteCount(metastaticLesions)
    /// Whether a whole-body survey (bone scan, PET-CT, whole-body CT or MRI) is on record: only
    /// then is a count of bone metastases complete. Without one a "solitary" lesion is only the
    /// one looked for — Tomita scored it "solitary: wide or marginal excision" and Tokuhashi
    /// "0 extraspinal foci" for a hepatocellular T8 never screened (rule set 2026.12.48).
    /// A survey read only in its report (`readingNotRecorded`) settles no count: an imported bone
    /// scan reporting L4, T10 and a rib read "vertebral body metastases 1" with only L4 recorded.
    private(set) lazy var skeletonSurveyed: Bool = studies.contains { $0.surveysWholeSkeleton && !$0.readingNotRecorded }
    /// Whether the whole spine was imaged: the vertebral bodies involved are all known.
    private(set) lazy var spineSurveyed: Bool = studies.contains { $0.surveysWholeSpine && !$0.readingNotRecorded }
    /// A whole-body survey on record whose lesions are not: done, not to be ordered again.
    private(set) lazy var skeletonSurveyUnread: Bool = studies.contains { $0.surveysWholeSkeleton && $0.readingNotRecorded }
    /// The first sighting of any metastatic lesion: where the disease-free interval ended.
    private(set) lazy var firstMetastasisSeen: PartialDate? = metastaticLesions.compactMap { firstSeen($0.id) }.min()
    /// Each lesion's clinical name by id, when the record's lesion ids are distinct (a
    /// validated record's are): every finding about a lesion names it, and each name looked at
    /// every other lesion's (issue #12).
    private var lesionLabels: LesionKeyed<LocalizedText>?

    init(_ record: CaseRecord, asOf: PartialDate, settings: RuleSettings) {
        // A vertebra recorded without its level is read at the level its note names ("胸7椎体"),
        // a limb bone without its side at the side ("右股骨颈").
        var record = record
        if record.lesions.contains(where: { ($0.level == nil || $0.laterality == nil) && $0.note != nil }) {
            record.lesions = record.lesions.map(\.withSiteFromNote)
        }
        self.record = record
        self.asOf = asOf
        self.settings = settings
        let horizon = DayHorizon(asOf: asOf)
        self.horizon = horizon
        let known = { (date: PartialDate?) -> Bool in horizon.known(date) }
        // An X-ray, CT or MRI without a coverage covers what its description names as a whole
        // (`coverageFromRegion`: "全身低剂量CT", "whole spine MRI").
        studies = record.studies.filter { known($0.date) }.map { study in
            let read = study.coverageFromRegion
            guard !read.isEmpty else { return study }
            var study = study
            study.coverage = read
            return study
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        lesions = record.lesions.sorted { $0.id < $1.id }
        var byId = LesionKeyed<Lesion>()
        for lesion in record.lesions where byId[lesion.id] == nil { byId[lesion.id] = lesion }
        lesionsById = byId
        knownPrimaries = record.primaries.filter { $0.site != .unknown }.sorted { $0.id < $1.id }
        var series = LesionKeyed<[Point]>()
        for study in studies {
            for observation in study.observations { series[observation.lesion, default: []].append(Point(study: study, observation: observation)) }
        }
        self.series = series
        // Asked for by most rules, for every lesion (issue #12): filtered once.
        presentSeries = series.mapValues { points in points.filter(\.showsLesion) }
        // A treatment that ends after `asOf` was still running then: its end and stop reason
        // are not yet known, nor are doses given later.
        var readAsAgents: [String] = []
        var fromRegimens: [String: Treatment] = [:]
        // Glucocorticoids are part of a myeloma's or lymphoma's treatment; elsewhere a row of
        // supportive drugs only is no regimen (`DrugClasses.isSupportiveOnly`) and is left out.
        let haematological = record.primaries.contains { $0.isPlasmaCellDisease || $0.isLymphoma }
            || record.biopsies.contains { $0.result == .myeloma || $0.result == .lymphoma }
        let given: [Treatment] = record.treatments.filter { treatment in
            (treatment.planned || known(treatment.start)) && (haematological || !DrugClasses.isSupportiveOnly(treatment))
        }.flatMap { treatment -> [Treatment] in
            guard let (regimen, course) = Self.boneAgentReading(treatment) else { return [treatment] }
            readAsAgents.append(course.id)
            guard let regimen else { return [course] }
            fromRegimens[course.id] = treatment
            return [regimen, course]
        }
        treatmentsReadAsBoneAgents = readAsAgents
        boneAgentsFromRegimens = fromRegimens
        let rows = Self.cyclesJoined(given
            .map { treatment in
                var seen = treatment
                if let end = treatment.end, !known(end) {
                    seen.end = nil
                    seen.stopReason = nil
                }
                seen.doses = treatment.doses.filter { known($0) }
                // A local treatment entered without its lesion, on the lesion its name places.
                if treatment.lesions.isEmpty { seen.lesions = Self.lesionsNamed(by: treatment, in: record) }
                // Recorded `other` (as an EHR import records a fixation of no stated kind) is read
                // from the name too: a nail or plate protects the bone whatever the row calls it.
                if treatment.kind == .surgery, treatment.procedure == nil || treatment.procedure == .other {
                    seen.procedure = Self.procedureReading(seen, in: record, known: known) ?? treatment.procedure
                }
                // A course's dose written in its name only ("T6 姑息放疗 20Gy/5F").
                if treatment.kind == .radiotherapy, treatment.doseGy == nil, let written = RadiotherapyDoseText.read(treatment.name) {
                    seen.doseGy = written.gy
                    seen.fractions = treatment.fractions ?? written.fractions
                }
                // A bone agent's dose and interval written in its name only ("唑来膦酸 4mg q4w"), as
                // a systemic row naming the agent is read (`boneAgentReading`): a castration-
                // resistant prostate cancer's course at CrCl 56 read "3.5 mg for CrCl 56" as
                // information beside the 4 mg of its name (unseen record cb150-f, 2026.12.397).
                if treatment.kind == .boneModifyingAgent, treatment.doseMg == nil || treatment.intervalWeeks == nil, let name = treatment.name {
                    let written = BoneAgentDosageText.readUnique(name)
                    seen.doseMg = treatment.doseMg ?? written.doseMg
                    seen.intervalWeeks = treatment.intervalWeeks ?? written.intervalWeeks
                }
                return seen
            }
            .sorted { ($0.start?.earliestDay ?? Int.max, $0.id) < ($1.start?.earliestDay ?? Int.max, $1.id) }, gapDays: settings.regimenGapDays)
        (treatments, agentCoursesJoined) = Self.agentCoursesJoined(rows)
        let knownLabs = record.labs.filter { known($0.date) }
            .sorted(by: LabResult.recordOrder)
        labs = knownLabs.filter(\.isPlausible)
        implausibleLabs = knownLabs.filter { !$0.isPlausible }
        seenLesions = lesions.filter { !presentPoints($0.id).isEmpty }
        // With the metastases a record dates as diagnosed but holds no imaging of (an EHR's
        // confirmed Condition): the diagnosis, biopsy and bone-agent rules ask about them too.
        metastaticLesions = lesions.filter { isRecordedMetastasis($0.id) }
        bonePrimaryCandidates = workOutBonePrimaryCandidates()
        if lesionsById.count == lesions.count {
            let bases = lesions.map { $0.label }
            var sameName: [LocalizedText: Int] = [:]
            for base in bases { sameName[base, default: 0] += 1 }
            var labels = LesionKeyed<LocalizedText>()
            for (lesion, base) in zip(lesions, bases) {
                labels[lesion.id] = sameName[base, default: 0] > 1 ? Self.distinguished(lesion, base) : base
            }
            lesionLabels = labels
        }
    }

    /// The date of a finding that holds as of the assessment itself.
    var assessedOn: PartialDate { asOf }

    // MARK: Lesions and imaging

    func points(_ lesion: String) -> [Point] { series[lesion] ?? [] }

    /// Observations in which the lesion was seen (`Point.showsLesion`).
    func presentPoints(_ lesion: String) -> [Point] { presentSeries[lesion] ?? [] }

    /// When the lesion is first known to exist: its first study that shows it, or its recorded
    /// diagnosis date when that is earlier (an EHR's Condition onset) — a lesion diagnosed before
    /// therapy was there before therapy, whatever the first study in this record says.
    func firstSeen(_ lesion: String) -> PartialDate? {
        let imaged = presentPoints(lesion).first?.study.date
        guard let diagnosed = lesionsById[lesion]?.diagnosed else { return imaged }
        guard let imaged else { return diagnosed }
        return diagnosed.latestDay < imaged.earliestDay ? diagnosed : imaged
    }

    /// Anatomic characters recorded for a lesion (X-ray, CT, MRI), oldest first.
    func characters(_ lesion: String) -> [LesionCharacter] {
        presentPoints(lesion).filter(\.readsBone).compactMap(\.observation.character)
    }

    /// Bone destruction was read on a CT bone window (or X-ray) for this lesion.
    func destructionSeen(_ lesion: String) -> Bool {
        presentPoints(lesion).contains { point in
            point.observation.boneDestruction == true
                || (point.readsBone && [.lytic, .mixed].contains(point.observation.character))
        }
    }

    /// CT bone-window (or X-ray) reads that found no structural lesion: no destruction and no
    /// lytic, blastic or mixed change (a visible blastic lesion is not "no destruction").
    /// Readings that exclude bone destruction at the lesion: a CT bone window that saw no
    /// destruction there (or only degenerative change) — or no lesion at all (`present: false`:
    /// the hot spot has nothing under it) — or an X-ray that saw no destruction, except of a rib,
    /// which X-ray shows poorly (reference.md, imaging by purpose).
    /// A reading counts only until a later X-ray, CT or MRI shows the lesion with a character, and
    /// `present: false` only once there was uptake to look under (a CT before the lesion
    /// appeared excludes nothing).
    /// Studies this many days apart belong to one assessment (RECIST 1.1, Eisenhauer 2009: a
    /// baseline's imaging within 4 weeks).
    static let oneAssessmentDays = 28

    func destructionExcluded(_ lesion: String) -> [Point] {
        if let known = destructionExcludedMemo[lesion] { return known }
        let excluded = workOutDestructionExcluded(lesion)
        destructionExcludedMemo[lesion] = excluded
        return excluded
    }

    private func workOutDestructionExcluded(_ lesion: String) -> [Point] {
        let rib = lesionsById[lesion]?.bone == .rib
        let all = points(lesion)
        let uptakeDays = all.filter { $0.study.modality.isTracer && $0.observation.present && $0.observation.uptake == true }.map(\.study.date.earliestDay)
        let characterPoints = all.filter { $0.readsBone && $0.observation.present && $0.observation.character != nil }
        // Sclerosis along a fracture whose reading excludes destruction is the fracture's own
        // (callus, an insufficiency fracture's sclerotic line), not a blastic lesion — when every
        // reading of the lesion's character is such: a cervical cancer's sacrum, broken in the
        // field of its pelvic radiotherapy, "fracture lines with sclerosis, no destruction or
        // mass", read "unexplained pure blastic lesion — biopsy" (cb64-n). A lesion read blastic
        // before it broke, or apart from a fracture, is a blastic lesion.
        let fractureSclerosis = !characterPoints.isEmpty && characterPoints.allSatisfy { point in
            point.observation.character == .blastic && point.observation.fracture == true && point.observation.boneDestruction == false
        }
        let characterDays = fractureSclerosis ? [] : characterPoints.map(\.study.date.earliestDay)
        return all.filter { point in
            guard !characterDays.contains(where: { $0 > point.study.date.latestDay }) else { return false }
            let boneWindow = point.study.hasBoneWindowCT
            // A reading that named degenerative change (joint-space narrowing, osteophytes,
            // subchondral cysts) and no lytic, blastic or mixed lesion read the hot spot as a
            // joint, not as destruction, whether or not it also wrote "no destruction": scenario
            // 9's knee, read so, stayed "Mirels 7–11 — complete it" and "PD" on its bone scans.
            let readAsDegenerative = point.observation.boneDestruction == nil && !point.observation.degenerativeFeatures.isEmpty
            let noDestruction = point.observation.present && (point.observation.boneDestruction == false || readAsDegenerative)
                && (point.observation.character == nil || fractureSclerosis)
            if boneWindow {
                // A bone window that found nothing where tracer lights up: read after the scan, or
                // before it within one assessment (RECIST 1.1 takes a baseline's studies within 4
                // weeks). A restaging CT finding no rib lesion two days before the bone scan's new
                // rib focus left the focus "no X-ray or CT read" and progression by MDA beside the
                // CT's partial response (cb51-d). Earlier, a lesion may have arisen since.
                return noDestruction || (!point.observation.present
                    && uptakeDays.contains { $0 <= point.study.date.latestDay + Self.oneAssessmentDays })
            }
            return point.study.modality == .xray && !rib && noDestruction
        }
    }

    func tracerUptake(_ lesion: String) -> Bool? {
        if let known = tracerUptakeMemo[lesion] { return known }
        let uptake = workOutTracerUptake(lesion)
        tracerUptakeMemo[lesion] = uptake
        return uptake
    }

    private func workOutTracerUptake(_ lesion: String) -> Bool? {
        let reads = points(lesion).filter { $0.study.modality.isTracer }.compactMap(\.observation.uptake)
        if reads.contains(true) { return true }
        return reads.isEmpty ? nil : false
    }

    // MARK: Diagnosis facts

    func diagnosticBiopsy(_ lesion: String) -> Biopsy? {
        record.biopsies.filter { $0.lesion == lesion && ($0.result?.isDiagnostic ?? false) && known($0.date) }
            .max { $0.date < $1.date }
    }

    /// Primaries of a known site, in id order (worked out once: asked for by most rules).
    let knownPrimaries: [PrimaryCancer]
    var hasKnownPrimary: Bool { !knownPrimaries.isEmpty }
    /// The primaries the patient's bone disease may come from: the candidates of every
    /// metastatic lesion together (`workOutBonePrimaryCandidates`, CaseIndex+Primaries.swift).
    private(set) var bonePrimaryCandidates: [PrimaryCancer] = []
    /// The one primary the bone disease comes from, when that is settled; nil with none or
    /// several candidates (never the first of a list).
    var bonePrimary: PrimaryCancer? {
        let candidates = bonePrimaryCandidates
        return candidates.count == 1 ? candidates.first : nil
    }

    /// Lesions that imaging or pathology supports as bone metastases (not scenario 2's uptake
    /// without destruction, not a lesion whose biopsy showed something else).
    func isMetastaticCandidate(_ lesion: String) -> Bool {
        if let known = metastaticCandidateMemo[lesion] { return known }
        let candidate = workOutMetastaticCandidate(lesion)
        metastaticCandidateMemo[lesion] = candidate
        return candidate
    }

    private func workOutMetastaticCandidate(_ lesion: String) -> Bool {
        if let biopsy = diagnosticBiopsy(lesion) { return biopsyShowsTheDisease(biopsy, lesion: lesion) }
        if !destructionExcluded(lesion).isEmpty && !destructionSeen(lesion) { return false }
        if blasticAwaitingFollowUp(lesion) { return false }
        if degenerativePicture(lesion) != nil { return false }
        return !presentPoints(lesion).isEmpty
    }

    /// A bone metastasis by the record, imaged or not: imaging or pathology supports it
    /// (`isMetastaticCandidate`), or, with no imaging on record, a diagnosis dates it (an EHR's
    /// bone-metastasis Condition onset; a suspected one carries no date). An EHR femur metastasis
    /// irradiated and nailed, with no imaging exported, counted neither as a skeletal-related event.
    func isRecordedMetastasis(_ lesion: String) -> Bool {
        if isMetastaticCandidate(lesion) { return true }
        guard series[lesion] == nil, let diagnosed = lesionsById[lesion]?.diagnosed, known(diagnosed) else { return false }
        return diagnosticBiopsy(lesion).map { biopsyShowsTheDisease($0, lesion: lesion) } ?? true
    }

    /// A biopsy of a bone lesion showed metastasis: with no primary on record, the bone disease
    /// is a proven metastasis of an unknown primary — the other lesions are not "of unknown nature"
    /// for want of a primary. A CUP's ilium proven adenocarcinoma left its humerus and T9 at
    /// "biopsy first: no known primary" before any fixation.
    var metastasisProvenInBone: Bool {
        seenLesions.contains { diagnosticBiopsy($0.id)?.result == .metastasis }
    }

    /// A biopsy that shows the patient's own bone disease: a metastasis, or myeloma (lymphoma)
    /// where the lesion's primary is myeloma (lymphoma). A myeloma patient's biopsied L1 was
    /// left out of the response, the spine's scores and Tokuhashi, while the femur nobody
    /// biopsied was in. Myeloma in a breast-cancer patient stays another disease.
    func biopsyShowsTheDisease(_ biopsy: Biopsy, lesion: String) -> Bool {
        switch biopsy.result {
        case .metastasis: return true
        case .myeloma:
            return primaryCandidates(for: lesion).contains(where: \.isPlasmaCellDisease)
        case .lymphoma:
            return primaryCandidates(for: lesion).contains(where: \.isLymphoma)
        default: return false
        }
    }

    /// A pure blastic lesion, cold on tracer imaging, seen before any systemic therapy acted and
    /// explained by nothing (no prostate primary, no irradiated field, no biopsy-proven bone
    /// metastasis of its one primary): the source hospital follows it up rather than biopsying it
    /// (reference.md) — no metastasis diagnosis until follow-up shows one, as for uptake without
    /// destruction. A lung cancer's cold 8 mm sclerotic focus of the ilium, "follow up", made its
    /// lytic T5 one of "multiple" bone metastases in every score (unseen record cb21-s).
    func blasticAwaitingFollowUp(_ lesion: String) -> Bool {
        guard diagnosticBiopsy(lesion) == nil, tracerUptake(lesion) == false, !destructionSeen(lesion) else { return false }
        let characters = characters(lesion)
        guard !characters.isEmpty, characters.allSatisfy({ $0 == .blastic }), let firstSeen = firstSeen(lesion) else { return false }
        if systemicActing(at: firstSeen) != nil || knownPrimaries.contains(where: { $0.site == .prostate }) { return false }
        if localTreatments(lesion, kind: .radiotherapy).contains(where: { !$0.planned && ($0.start?.earliestDay ?? Int.max) <= firstSeen.latestDay }) {
            return false
        }
        let candidates = primaryCandidates(for: lesion)
        if candidates.count == 1, let primary = candidates.first, record.biopsies.contains(where: { biopsy in
            biopsy.result == .metastasis && known(biopsy.date)
                && biopsy.lesion.map { $0 != lesion && primaryCandidates(for: $0).map(\.id) == [primary.id] } == true
        }) {
            return false
        }
        return true
    }

    /// Bone metastasis established enough to act on systemically: proven by biopsy, or bone
    /// destruction on imaging, or blastic lesions in prostate cancer — in a lesion whose nature
    /// imaging can settle. An unexplained blastic lesion awaiting biopsy is not; nor is a
    /// lesion that needs tissue before it can be called a metastasis at all (a solitary lesion,
    /// no known primary, a long disease-free interval: it may be a primary bone tumour, myeloma
    /// or a second primary). Several candidate primaries leave the origin open, not the
    /// metastasis.
    var hasEstablishedMetastasis: Bool {
        metastaticLesions.contains { lesion in
            if let biopsy = diagnosticBiopsy(lesion.id), biopsyShowsTheDisease(biopsy, lesion: lesion.id) { return true }
            // A metastasis the record dates as diagnosed with no imaging of it (an EHR's confirmed
            // Condition) stands on that diagnosis: a breast cancer's femur metastasis of that kind,
            // with no agent, drew no word on bone-modifying agents.
            guard destructionSeen(lesion.id) || series[lesion.id] == nil || knownPrimaries.contains(where: { $0.site == .prostate }) else { return false }
            return !awaitsTissueDiagnosis(lesion.id)
        }
    }

    /// The only metastatic site (records of one site count once).
    func isSolitary(_ lesion: String) -> Bool {
        metastaticSiteCount == 1 && metastaticLesions.contains { $0.id == lesion }
    }

    /// Whether only tissue can tell that a lesion is a metastasis (`openDifferential` without
    /// its "more than one candidate primary").
    func awaitsTissueDiagnosis(_ lesion: String) -> Bool {
        guard diagnosticBiopsy(lesion) == nil, !tissueNotSought(lesion) else { return false }
        // A lymphoma's bone involvement is staged, not biopsied (`lymphomaBoneDisease`).
        if lymphomaBoneDisease(lesion) { return false }
        // A solitary lesion sclerosed under systemic therapy gets no biopsy (the diagnosis
        // findings: "healed under systemic therapy — biopsy no longer recommended"): its response
        // to the cancer's therapy is the diagnosis it will have. A breast cancer's solitary ilium,
        // healed under anastrozole and denosumab, kept "bone-modifying agent: decide after
        // diagnosis" after the denosumab stopped (cb64-t).
        // The only lesion known of a cancer shown metastatic elsewhere is no solitary lesion of
        // unknown nature (`metastaticElsewhere`): the agent does not wait on it.
        if isSolitary(lesion), !metastaticElsewhere(lesion) { return sclerosedUnderTherapy(lesion) == nil && healedUnderHormonalTherapy[lesion] == nil }
        if !hasKnownPrimary && !metastasisProvenInBone { return true }
        // The interval's question is not put to a lesion healed under therapy (no biopsy comes).
        return longDiseaseFreeInterval(endedBy: lesion) != nil && sclerosedUnderTherapy(lesion) == nil
    }

    /// A pure blastic lesion the biopsy rules send for no tissue (source hospital: blastic bone
    /// is not biopsied once systemic therapy acts on it; a prostate cancer's blastic lesion is
    /// its typical metastasis): no biopsy will come, so it does not wait for one. A castration-
    /// resistant prostate cancer's solitary blastic T10, destroyed and compressing the cord, read
    /// "bone-modifying agent: decide after diagnosis (awaiting biopsy)" beside "biopsy only if the
    /// picture is atypical".
    func tissueNotSought(_ lesion: String) -> Bool {
        let characters = characters(lesion)
        guard !characters.isEmpty, characters.allSatisfy({ $0 == .blastic }), let firstSeen = firstSeen(lesion) else { return false }
        return knownPrimaries.contains { $0.site == .prostate } || systemicActing(at: firstSeen) != nil || systemicActingNow() != nil
    }

    // MARK: Treatments

    /// Lesions of undecided primary read as the cancer a lesion first seen on the same study was
    /// proven to be (`workOutEpisodeAttributions`, CaseIndex+Primaries.swift).
    private(set) lazy var episodeAttributions: LesionKeyed<EpisodeAttribution> = workOutEpisodeAttributions()

    /// Lesions healed completely under a hormonal therapy (`workOutHealedUnderHormonalTherapy`).
    private(set) lazy var healedUnderHormonalTherapy: LesionKeyed<PartialDate> = workOutHealedUnderHormonalTherapy()

    private(set) lazy var systemicTherapies: [Treatment] = treatments.filter { $0.kind == .systemic && !$0.planned }

    /// Each systemic therapy with its class as recorded or read from its drugs (`DrugClasses`),
    /// read once: the prognosis scores ask for it per candidate primary.
    private(set) lazy var systemicReadings: [(therapy: Treatment, reading: DrugClasses.Reading)] =
        systemicTherapies.map { ($0, DrugClasses.reading($0)) }

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

    /// The most recent systemic therapy started before a study's day: a regimen begun on the day
    /// of a study was begun after it — the study is its baseline and the previous regimen's last
    /// (the response's treatment window reads it so). Letrozole + palbociclib begun the day of a
    /// CT at 16 weeks of letrozole made that CT's new sclerosis "seen within 12 weeks of a new
    /// therapy … flare" (unseen record cb99-c, 2026.12.344).
    func latestSystemicStart(before date: PartialDate) -> Treatment? {
        systemicTherapies.filter { ($0.start?.earliestDay ?? Int.max) < date.earliestDay }.last
    }

    /// Operations on a lesion leave out its embolisations (`isOperation`).
    func localTreatments(_ lesion: String, kind: TreatmentKind) -> [Treatment] {
        (treatmentsByLesion[lesion] ?? []).filter { $0.kind == kind && (kind != .surgery || !embolisations.contains($0.id)) }
    }

    /// Every treatment row naming the lesion, of any kind.
    func treatmentsNaming(_ lesion: String) -> [Treatment] { treatmentsByLesion[lesion] ?? [] }

    /// Surgery rows that are embolisations (`SurgicalProcedureText.readsEmbolisation`), by id:
    /// they stay in a response's treatment window (they act on the tumour) but are no operation.
    private(set) lazy var embolisations: Set<String> = Set(treatments.filter { treatment in
        treatment.kind == .surgery && (treatment.procedure == nil || treatment.procedure == .other)
            && SurgicalProcedureText.readsEmbolisation(treatment.name)
    }.map(\.id))

    /// An operation: a surgery row that is not an embolisation.
    func isOperation(_ treatment: Treatment) -> Bool {
        treatment.kind == .surgery && !embolisations.contains(treatment.id)
    }

    /// The treatments naming each lesion, gathered once: the rules ask per lesion and kind
    /// (24 call sites), and filtering every treatment each time copied each one (a profile of the
    /// background re-assessment: 2–3 % of an assessment).
    private lazy var treatmentsByLesion: LesionKeyed<[Treatment]> = {
        var byLesion = LesionKeyed<[Treatment]>()
        for treatment in treatments {
            // A lesion named twice in one row counts once, as `contains` read it.
            for lesion in Set(treatment.lesions) { byLesion[lesion, default: []].append(treatment) }
        }
        return byLesion
    }()

    // MARK: Names

    /// A lesion's clinical name; when two lesions of the record would read the same, the
    /// clinician's note (or, failing that, the record's id in words) tells them apart.
    func label(_ lesion: Lesion) -> LocalizedText {
        // The names worked out once, for the record's own lesions.
        if let labels = lesionLabels, lesionsById[lesion.id] == lesion, let label = labels[lesion.id] { return label }
        let base = lesion.label
        guard lesions.contains(where: { $0.id != lesion.id && $0.label == base }) else { return base }
        return Self.distinguished(lesion, base)
    }

    /// A name two lesions share, told apart by the clinician's note or the record's id.
    private static func distinguished(_ lesion: Lesion, _ base: LocalizedText) -> LocalizedText {
        if let note = lesion.note { return LocalizedText(en: "\(base.en) — \(note)", zh: "\(base.zhHans)——\(note)") }
        return LocalizedText(en: "\(base.en) (lesion record “\(lesion.id)”)", zh: "\(base.zhHans)（病灶记录“\(lesion.id)”）")
    }

    func label(lesionId id: String) -> LocalizedText {
        if let label = lesionLabels?[id] { return label }
        return lesionsById[id].map(label) ?? LocalizedText(en: "lesion record “\(id)”", zh: "病灶记录“\(id)”")
    }

    // MARK: Imaging coverage

    /// Whether a study looked at a lesion: an explicit observation (seen or `present: false`),
    /// a whole-body study, or a recorded coverage that includes its region.
    /// A CT read without the bone window (its windows recorded, the bone window not among them)
    /// looked at the soft tissue, not the bone: a lesion not seen there was not excluded — the
    /// source's three-step assessment pulls the staging CT to read its bone window. A T10 absent
    /// on a staging chest CT read with soft-tissue and lung windows was "PD — new lytic lesion"
    /// two months later.
    func looked(at lesion: String, in study: ImagingStudy) -> Bool {
        if study.readingNotRecorded { return false }
        if study.readsSoftTissueOnly {
            return study.observation(of: lesion)?.present == true
        }
        if study.observation(of: lesion) != nil { return true }
        guard let value = lesionsById[lesion] else { return false }
        return study.covers(value)
    }

    /// Whether any study before `date` looked at the lesion's region.
    func everImaged(_ lesion: String, before date: PartialDate) -> Bool {
        studies.contains { $0.date.latestDay < date.earliestDay && looked(at: lesion, in: $0) }
    }
}
