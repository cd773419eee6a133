/// What a treatment row's text writes where its fields are empty: an operation's kind, a bone
/// agent entered as a systemic therapy.
extension CaseIndex {
    /// The lesions a radiotherapy course or an operation recorded with none (`lesions` empty) is
    /// on, by what its name writes, as the EHR import places a Procedure by its text
    /// (`FHIRRead.bodySiteLesion`): the vertebrae it names — one level, a list or a span, every
    /// lesion of the record at those levels ("T10-T12 姑息放疗 30Gy/10F" irradiates T11's lesion;
    /// a field covers every level in it) —, else the one lesion of the bone (and side) it names.
    /// Entered without its lesion, a breast cancer's femur nailed in September ("右股骨近端PFNA内固
    /// 定术") was sent in November for an urgent prophylactic fixation, and a lung cancer's T11
    /// irradiated in August read as never treated (unseen records cb83-j, cb83-i, 2026.12.317).
    /// Nothing is guessed: two lesions of the bone named, or a spinal region without a level, place
    /// nothing. A lesion looked for and not seen on its latest study up to the treatment's day was
    /// not there to be treated: a renal-cell T12 decompressed with "T10-L2椎弓根钉内固定术" in May —
    /// L1 clear on that month's MRI, destroyed and collapsed in November — read L1 "treated" by the
    /// operation, "no radiotherapy after it", and its tissue to be found at it (unseen record
    /// cb97-d, 2026.12.341).
    static func lesionsNamed(by treatment: Treatment, in record: CaseRecord) -> [String] {
        guard treatment.kind == .radiotherapy || treatment.kind == .surgery, treatment.lesions.isEmpty,
            let name = treatment.name, !name.isEmpty else { return [] }
        let placed = Lesion.placed(by: name, among: record.lesions)
        guard let start = treatment.start else { return placed }
        return placed.filter { !notSeen($0, upTo: start, in: record) }
    }

    /// Whether the latest study reading a lesion, up to a day, found it absent (`present: false`);
    /// a reading of it present on that same day wins. (Also the case page's first line:
    /// `CaseRecord.notSeen`.)
    static func notSeen(_ lesion: String, upTo day: PartialDate, in record: CaseRecord) -> Bool {
        let readings = record.studies
            .filter { $0.date.latestDay <= day.latestDay }
            .flatMap { study in study.observations.filter { $0.lesion == lesion }.map { (study.date, $0.present) } }
        guard let latest = readings.map(\.0).max() else { return false }
        let thatDay = readings.filter { $0.0 == latest }
        return thatDay.allSatisfy { !$0.1 }
    }

    /// An operation recorded without its kind is what its name writes (`SurgicalProcedureText`):
    /// spinal internal fixation is stabilisation, and a fixation of no stated kind done on or
    /// after its lesion's pathological fracture — recorded, or shown on imaging — fixed it; with
    /// no fracture of its lesion before it, it fixed a bone that had not broken: a prophylactic
    /// fixation (Mirels 1989's term). Read as "other", a renal-cell femur nailed in September
    /// (右股骨髓内钉内固定术) was told in November to have an urgent prophylactic fixation and that
    /// its radiotherapy had been given "without fixation" (cb20-k, 2026.12.105).
    /// `known`: whether a fact of that date is known on the day assessed (a planned operation is
    /// read against the fractures known then).
    static func procedureReading(_ operation: Treatment, in record: CaseRecord, known: (PartialDate) -> Bool) -> SurgicalProcedure? {
        let lesions = operation.lesions.compactMap { id in record.lesions.first { $0.id == id } }
        let read = SurgicalProcedureText.read(
            [operation.name], spinal: !lesions.isEmpty && lesions.allSatisfy(\.isSpinal),
            diaphyseal: !lesions.isEmpty && lesions.allSatisfy { $0.segment == .diaphysis })
        guard read == .other else { return read }
        guard let start = operation.start else {
            // A planned fixation, not yet dated, is of the fracture its lesion has, else
            // prophylactic: a planned "刮除+PFNA内固定" of a Mirels 10 femur read as no
            // fixation, and the femur was sent for an urgent prophylactic fixation (cb23-h).
            guard operation.planned else { return read }
            let broken = record.events.contains { event in
                event.kind == .pathologicalFracture && event.isCurrent && known(event.date) && event.lesion.map(operation.lesions.contains) == true
            } || record.studies.contains { study in
                known(study.date) && study.observations.contains { $0.present && $0.fracture == true && operation.lesions.contains($0.lesion) }
            }
            return broken ? .fractureFixation : .prophylacticFixation
        }
        let imaged = record.studies.contains { study in
            study.date.earliestDay <= start.latestDay
                && study.observations.contains { $0.present && $0.fracture == true && operation.lesions.contains($0.lesion) }
        }
        return imaged || SurgicalProcedureText.fixedFracture(operation, events: record.events) != nil ? .fractureFixation : .prophylacticFixation
    }

    /// A "systemic therapy" row whose every drug is one bone-modifying agent ("唑来膦酸 4mg",
    /// "Xgeva") is that agent's course (`regimen` nil): entered so, a breast cancer on zoledronic
    /// acid read "bone metastases without a bone-modifying agent", and its dose and renal checks
    /// never ran. A row naming one beside anticancer drugs ("ibandronate + capecitabine", the
    /// seed's own switch) gives the agent's course (id `<row>-<agent>`) beside the regimen
    /// without it: read whole, the ibandronate was an anticancer drug and the regimen's class
    /// open. A row whose class is recorded was classed as a regimen by whoever entered it, and is
    /// left so (and not searched: every assessment asks, issue #12).
    static func boneAgentReading(_ treatment: Treatment) -> (regimen: Treatment?, course: Treatment)? {
        guard treatment.kind == .systemic, treatment.agent == nil, treatment.systemicClass == nil else { return nil }
        let named = DrugClasses.drugTexts(treatment).map { ($0, BoneAgent.named(in: $0)) }
        let agentTexts = named.filter { $0.1 != nil }
        guard let agent = agentTexts.first?.1, agentTexts.allSatisfy({ $0.1 == agent }) else { return nil }
        var course = treatment
        course.kind = .boneModifyingAgent
        course.agent = agent
        // The dose and interval its text writes, where the row records none.
        let written = BoneAgentDosageText.readUnique(agentTexts.map(\.0).joined(separator: " "))
        course.doseMg = course.doseMg ?? written.doseMg
        course.intervalWeeks = course.intervalWeeks ?? written.intervalWeeks
        guard agentTexts.count < named.count else { return (nil, course) }
        var regimen = treatment
        regimen.drugs = named.filter { $0.1 == nil }.map(\.0)
        course.id = "\(treatment.id)-\(agent.rawValue)"
        course.drugs = agentTexts.map(\.0)
        course.name = agentTexts.map(\.0).joined(separator: " + ")
        course.stopReason = nil
        return (regimen, course)
    }
}

extension CaseRecord {
    /// Whether the latest study reading a lesion, up to a day, found it absent (`CaseIndex.notSeen`).
    public func notSeen(_ lesion: String, upTo day: PartialDate) -> Bool { CaseIndex.notSeen(lesion, upTo: day, in: self) }
}
