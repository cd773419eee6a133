/// Fractures an antiresorptive may explain — an atypical femoral fracture under a bone agent, a
/// vertebral fracture after denosumab was stopped — where no tumour was ever seen: worked out once
/// for the differential findings that name them and for the findings that would otherwise treat
/// them as fractures through a metastasis (the skeletal-related events, NOMS). A breast cancer's
/// two vertebrae collapsed ten months after denosumab was stopped, no destruction on the MRI: the
/// differential said "before treating it as a metastasis (its scores, surgery or radiotherapy) …"
/// while the same assessment counted two pathological fractures and advised radiotherapy by
/// histology (unseen record cb21-d).
extension CaseIndex {
    struct AntiresorptiveFracture {
        enum Kind {
            /// Denosumab stopped on this day, before the fracture; no antiresorptive running. Or,
            /// `lapsed`, its next dose due on this day and not given — not within `regimenGapDays`
            /// (setting) of it, the fracture later still.
            case reboundAfterDenosumab(stopped: PartialDate, lapsed: Bool)
            /// Bone agents given from this day, before the fracture.
            case atypicalFemoral(agents: [BoneAgent], since: PartialDate)
        }
        let kind: Kind
        let fractured: PartialDate

        var label: LocalizedText {
            switch kind {
            case .reboundAfterDenosumab(let stopped, let lapsed):
                lapsed
                    ? LocalizedText(en: "rebound fracture after denosumab lapsed (due \(stopped), not given)", zh: "地舒单抗中断（\(stopped) 应给药而未给）后反弹性骨折")
                    : LocalizedText(en: "rebound fracture after denosumab was stopped (\(stopped))", zh: "地舒单抗停药（\(stopped)）后反弹性骨折")
            case .atypicalFemoral:
                LocalizedText(en: "atypical femoral fracture", zh: "非典型股骨骨折")
            }
        }
    }

    func workOutAntiresorptiveFractures() -> LesionKeyed<AntiresorptiveFracture> {
        let courses = treatments.filter { $0.kind == .boneModifyingAgent && !$0.planned && $0.start != nil }
        guard !courses.isEmpty else { return LesionKeyed() }
        let stoppedDenosumab = treatments.filter { $0.kind == .boneModifyingAgent && $0.agent == .denosumab && !$0.planned && $0.end != nil }
        // A denosumab course left open whose next dose fell due and was not given within
        // `regimenGapDays` (setting: the break that ends a regimen) before a day: lapsed by then —
        // its due day. A renal-cell cancer's course, last dose 2026-01-05, read as running when
        // T12 and L2 collapsed in October without destruction: no rebound in the differential
        // (unseen record cb98-d, 2026.12.343).
        func lapsed(_ course: Treatment, before day: PartialDate) -> PartialDate? {
            guard course.agent == .denosumab, course.end == nil, let last = course.doses.filter(known).max() else { return nil }
            let due = last.adding(days: course.dosingIntervalWeeks * 7)
            return due.latestDay + settings.regimenGapDays < day.earliestDay ? due : nil
        }
        func running(at day: PartialDate) -> Bool {
            courses.contains { $0.end == nil && $0.start.map(known) == true && lapsed($0, before: day) == nil }
        }
        var found = LesionKeyed<AntiresorptiveFracture>()
        for lesion in seenLesions {
            // The shaft from below the lesser trochanter to above the supracondylar flare (Shane
            // 2014): the diaphysis, and the peritrochanteric segment for its subtrochanteric part.
            if lesion.bone == .femur, lesion.siteSegment == .diaphysis || lesion.siteSegment == .peritrochanteric,
               let fractured = fracturedWithoutTumour(lesion, collapse: false) {
                let before = courses.filter { ($0.start ?? fractured) < fractured }.sorted { ($0.start ?? fractured) < ($1.start ?? fractured) }
                if let start = before.first?.start {
                    found[lesion.id] = AntiresorptiveFracture(
                        kind: .atypicalFemoral(agents: before.compactMap(\.agent).distinct, since: start), fractured: fractured)
                }
            }
            // Broken after denosumab was stopped or had lapsed, with no antiresorptive running.
            if lesion.bone == .vertebra, let fractured = fracturedWithoutTumour(lesion, collapse: true), !running(at: fractured) {
                let stops = stoppedDenosumab.compactMap(\.end).filter { $0.latestDay < fractured.earliestDay }.map { ($0, false) }
                    + courses.compactMap { lapsed($0, before: fractured) }.map { ($0, true) }
                if let (stop, lapsed) = stops.max(by: { $0.0 < $1.0 }) {
                    found[lesion.id] = AntiresorptiveFracture(kind: .reboundAfterDenosumab(stopped: stop, lapsed: lapsed), fractured: fractured)
                }
            }
        }
        return found
    }

    /// The first day the lesion was seen or recorded broken (a fracture on imaging, a vertebral
    /// collapse when `collapse` counts, or a pathological-fracture event), or nil when it never
    /// was or a tumour was seen there — no lytic or mixed bone, no destruction, no biopsy
    /// showing the disease.
    private func fracturedWithoutTumour(_ lesion: Lesion, collapse: Bool) -> PartialDate? {
        let points = presentPoints(lesion.id)
        let imaged = points.first { point in
            point.observation.fracture == true || (collapse && [.under50, .over50].contains(point.observation.collapse))
        }?.study.date
        let recorded = record.events
            .filter { $0.kind == .pathologicalFracture && $0.lesion == lesion.id && known($0.date) }.map(\.date).min()
        guard let fractured = [imaged, recorded].compactMap({ $0 }).min() else { return nil }
        // A blastic lesion seen before any bone agent was given is a tumour, not the agent's
        // doing: the sclerosis an antiresorptive's stress reaction lays down (the cortical
        // thickening of an atypical femoral fracture, Shane 2014) cannot precede the agent. A liver
        // cancer's femoral shaft, blastic on the CT and film before zoledronic acid began and broken
        // five weeks into it, read "atypical femoral fracture … where no bone destruction or lytic
        // lesion was seen" (a generated record, g374, rule set 2026.12.393). Blastic at the
        // fracture itself stays the fracture's sclerosis (the case format).
        //
        // A vertebra blastic on a study before it broke, whole on that study, is a tumour too,
        // whatever the agent: a rebound fracture comes on without a sclerotic forerunner (no stress
        // reaction precedes it, as it does an atypical femoral fracture). A breast cancer's T12,
        // blastic and whole on the MRI taken under denosumab, collapsed with L1 and L2 after it was
        // stopped: the three were "rebound fractures … with no bone destruction or lytic change on
        // record" (unseen record cb151-b, 2026.12.398).
        let firstAgent = treatments.filter { $0.kind == .boneModifyingAgent && !$0.planned }.compactMap(\.start).min()
        let tumourSeen = points.contains { point in
            guard point.observation.boneDestruction != true, point.observation.character != .lytic, point.observation.character != .mixed else { return true }
            guard point.observation.character == .blastic, point.observation.fracture != true else { return false }
            if firstAgent.map({ point.study.date.latestDay < $0.earliestDay }) == true { return true }
            let whole = ![.under50, .over50].contains(point.observation.collapse)
            return collapse && whole && point.study.date.latestDay < fractured.earliestDay
        }
        if tumourSeen { return nil }
        if let biopsy = diagnosticBiopsy(lesion.id), biopsyShowsTheDisease(biopsy, lesion: lesion.id) { return nil }
        return fractured
    }
}
