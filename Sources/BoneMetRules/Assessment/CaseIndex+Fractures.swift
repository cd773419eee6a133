/// Pathological fractures and spinal cord compression the imaging shows, recorded as events or not.
extension CaseIndex {
    /// Each metastatic spinal lesion's first MRI or CT graded ESCC 2 or 3 — "cord compressed"
    /// by the grade's own definition (Bilsky 2010) — the SRE "spinal cord compression" (Stopeck
    /// 2010) whether or not anyone recorded it as an event. 1c (abutted, not compressed) is not.
    func imagedCordCompressions() -> [(lesion: Lesion, point: Point)] {
        metastaticLesions.filter(\.isSpinal).compactMap { lesion in
            presentPoints(lesion.id).first { $0.observation.escc == .g2 || $0.observation.escc == .g3 }.map { (lesion, $0) }
        }
    }

    /// Each metastatic lesion's first study showing a fracture or a collapsed vertebral body
    /// (SINS collapse < 50 % or > 50 %: a vertebral compression fracture). The trials counted
    /// radiographic vertebral fractures as pathological fractures (Stopeck 2010), so a collapse
    /// nobody recorded as an event is one all the same.
    func workOutImagedFractures() -> [(lesion: Lesion, point: Point)] {
        metastaticLesions.compactMap { lesion in
            presentPoints(lesion.id).first { point in
                point.observation.fracture == true || point.observation.collapse == .under50 || point.observation.collapse == .over50
            }.map { (lesion, $0) }
        }
    }

    /// Whether a bone has broken, for PATHFx's "pathological vs impending fracture": a recorded
    /// event, or a fracture the imaging reports. A vertebral collapse alone is left out: PATHFx
    /// asks about the skeletal lesion to be operated on, and the spine has its own model (SORG).
    /// A fracture an antiresorptive may explain, where no tumour was seen, is not one
    /// (`antiresorptiveFractures`).
    /// A fracture recorded at a lesion the imaging or pathology judges no metastasis (a rib broken
    /// in a fall, uptake without destruction) is not one either, as for the SRE count: PATHFx read
    /// "fracture pathological" beside "left rib: not a metastasis diagnosis".
    var hasPathologicalFracture: Bool {
        record.events.contains { event in
            event.kind == .pathologicalFracture && event.isCurrent && known(event.date)
                && event.lesion.map { antiresorptiveFractures[$0] == nil && !judgedNotMetastatic($0) } ?? true
        }
            || imagedFractures.contains { $0.point.observation.fracture == true && antiresorptiveFractures[$0.lesion.id] == nil }
    }
}
