/// What the antiresorptive fracture differentials share (atypical femoral fracture, a vertebral
/// fracture after denosumab was stopped): when the bone first broke, provided no tumour was ever
/// seen there — no lytic or mixed bone, no destruction, no biopsy showing the disease.
extension DifferentialRules {
    /// The first day the lesion was seen or recorded broken (a fracture on imaging, a vertebral
    /// collapse when `collapse` counts, or a pathological-fracture event), or nil when it never
    /// was or a tumour was seen there.
    func fracturedWithoutTumour(_ lesion: Lesion, collapse: Bool) -> PartialDate? {
        let points = index.presentPoints(lesion.id)
        let imaged = points.first { point in
            point.observation.fracture == true || (collapse && [.under50, .over50].contains(point.observation.collapse))
        }?.study.date
        let recorded = index.record.events
            .filter { $0.kind == .pathologicalFracture && $0.lesion == lesion.id && index.known($0.date) }.map(\.date).min()
        guard let fractured = [imaged, recorded].compactMap({ $0 }).min() else { return nil }
        let tumourSeen = points.contains { point in
            point.observation.boneDestruction == true || point.observation.character == .lytic || point.observation.character == .mixed
        }
        if tumourSeen { return nil }
        if let biopsy = index.diagnosticBiopsy(lesion.id), index.biopsyShowsTheDisease(biopsy, lesion: lesion.id) { return nil }
        return fractured
    }
}
