/// Lesions a biopsy settled as something the metastasis scores are not for.
extension CaseIndex {
    /// The biopsy result when it says the lesion is benign, degenerative, a primary bone
    /// tumour or a giant cell tumour: Mirels (impending fracture of a metastasis) and SINS
    /// (instability from a spinal neoplasm, scored for metastases) do not apply, and a primary
    /// bone tumour is resected by a bone-tumour surgeon, never nailed (reference.md). Myeloma and
    /// lymphoma lesions are malignant bone disease: both scores still apply.
    /// Tracer uptake with no destruction under it on the CT bone window (or X-ray), and no
    /// biopsy: not a metastasis diagnosis (scenario 2) — the reading that excludes it, else nil.
    /// Nor is it scored for fracture risk or stability: a degenerative knee with uptake and no
    /// destruction was "Mirels 7–11 may reach the fixation threshold — complete it".
    /// A soft-tissue mass at the lesion (below) is tumour the bone window cannot exclude.
    func uptakeWithoutDestruction(_ lesion: String) -> Point? {
        guard tracerUptake(lesion) == true else { return nil }
        return unopposedNoDestruction(lesion)?.last
    }

    /// The reading that excluded destruction at a lesion that has collapsed or broken (a
    /// vertebral collapse recorded, a fracture seen or on record), when nothing else — tracer
    /// uptake (`uptakeWithoutDestruction` speaks then), a soft-tissue mass, a biopsy — says what
    /// it is; else nil. The CT bone window is named before an X-ray of the same lesion (it is the
    /// reading the source hospital's rule asks for).
    func collapseWithoutDestruction(_ lesion: String) -> Point? {
        guard tracerUptake(lesion) != true, let readings = unopposedNoDestruction(lesion) else { return nil }
        return brokenOnRecord(lesion) ? readings.last(where: { $0.study.modality == .ct }) ?? readings.last : nil
    }

    /// A vertebral collapse recorded at the lesion, a fracture seen there or a pathological
    /// fracture on record for it.
    func brokenOnRecord(_ lesion: String) -> Bool {
        presentPoints(lesion).contains { point in
            [.under50, .over50].contains(point.observation.collapse) || point.observation.fracture == true
        } || record.events.contains { $0.kind == .pathologicalFracture && $0.lesion == lesion && known($0.date) }
    }

    /// A lesion the record's own imaging or pathology judges no bone metastasis (destruction
    /// excluded under a collapse or uptake, another diagnosis on biopsy, the degenerative
    /// picture, blastic bone awaiting follow-up): a fracture or compression recorded there is no
    /// skeletal-related event. An 82-year-old's L1 wedge fracture after lifting, no destruction on
    /// the CT bone window (the diagnosis finding: osteoporotic), was counted "1 skeletal-related
    /// event" (unseen record cb29-j). A lesion with no imaging and no biopsy is not judged.
    func judgedNotMetastatic(_ lesion: String) -> Bool {
        guard diagnosticBiopsy(lesion) != nil || !presentPoints(lesion).isEmpty else { return false }
        return !isRecordedMetastasis(lesion)
    }

    /// The readings that excluded destruction at a lesion, when nothing on record opposes them:
    /// no destruction seen, no soft-tissue mass, no diagnostic biopsy; else nil (none, too).
    private func unopposedNoDestruction(_ lesion: String) -> [Point]? {
        guard !destructionSeen(lesion), diagnosticBiopsy(lesion) == nil, softTissueMass(lesion) == nil else { return nil }
        let readings = destructionExcluded(lesion)
        return readings.isEmpty ? nil : readings
    }

    /// Tumour tissue seen at the lesion on CT or MRI whatever its bone shows: epidural extension
    /// (ESCC above 0) or a soft-tissue component. A hot T7 with no destruction on the CT bone
    /// window and ESCC 2 with myelopathy on MRI read "not a metastasis diagnosis — do not treat
    /// it as a metastasis", its cord compression silent. The latest such reading, else nil.
    func softTissueMass(_ lesion: String) -> Point? {
        presentPoints(lesion).last { point in
            point.study.modality.isAnatomic
                && ((point.observation.escc.map { $0 > .g0 } ?? false) || (point.observation.softTissueMm ?? 0) > 0)
        }
    }

    /// A spinal lesion the spine findings score (SINS, ESCC, NOMS): not a hot spot without
    /// destruction, not a lesion a biopsy showed to be something else.
    func isScoredSpinal(_ lesion: Lesion) -> Bool {
        lesion.isSpinal && notForMetastasisScores(lesion.id) == nil && uptakeWithoutDestruction(lesion.id) == nil
            && collapseWithoutDestruction(lesion.id) == nil && degenerativePicture(lesion.id) == nil
    }

    func notForMetastasisScores(_ lesion: String) -> BiopsyResult? {
        guard let result = diagnosticBiopsy(lesion)?.result,
            [.benign, .degenerative, .primaryBoneTumour, .giantCellTumour].contains(result)
        else { return nil }
        return result
    }
}

extension BiopsyResult {
    /// How a pathology result is named in findings.
    var label: LocalizedText {
        switch self {
        case .metastasis: LocalizedText(en: "metastasis", zh: "转移瘤")
        case .myeloma: LocalizedText(en: "myeloma", zh: "骨髓瘤")
        case .lymphoma: LocalizedText(en: "lymphoma", zh: "淋巴瘤")
        case .primaryBoneTumour: LocalizedText(en: "primary bone tumour", zh: "原发骨肿瘤")
        case .giantCellTumour: LocalizedText(en: "giant cell tumour", zh: "骨巨细胞瘤")
        case .benign: LocalizedText(en: "benign lesion", zh: "良性病变")
        case .degenerative: LocalizedText(en: "degenerative change", zh: "退行性改变")
        case .reactiveOrNecrotic: LocalizedText(en: "reactive or necrotic bone", zh: "反应性或坏死骨")
        case .nonDiagnostic: LocalizedText(en: "non-diagnostic", zh: "未能确诊")
        case .pending: LocalizedText(en: "pending", zh: "待报告")
        }
    }
}

extension CaseIndex {
    /// Seen, but only as tracer uptake: no X-ray, CT, MRI or PET-CT read of the bone itself.
    func seenOnlyAsUptake(_ lesion: String) -> Bool {
        let points = presentPoints(lesion)
        return !points.isEmpty && !points.contains(where: \.readsBone)
    }
}

extension CaseIndex {
    /// The reading that shows a lesion as degenerative joint disease (reference.md: periarticular
    /// change with joint-space narrowing, osteophytes and subchondral cysts): an X-ray, CT or MRI
    /// with all three, and nothing of a tumour on any reading — no bone destruction recorded, no
    /// soft-tissue mass (≥ 10 mm), no epidural tumour — and no biopsy. Not scored as a metastasis
    /// then: a breast cancer's tibial plateau with the three on X-ray, its subchondral cyst
    /// recorded "lytic", read "impending fracture (Mirels 9–11) — biopsy first, then prophylactic
    /// fixation" beside "degenerative joint disease in the differential" (cb28-z).
    func degenerativePicture(_ lesion: String) -> Point? {
        if let known = degenerativePictureMemo[lesion] { return known }
        let picture = workOutDegenerativePicture(lesion)
        degenerativePictureMemo[lesion] = picture
        return picture
    }

    private func workOutDegenerativePicture(_ lesion: String) -> Point? {
        let points = presentPoints(lesion)
        guard let point = points.last(where: { $0.study.modality.isAnatomic && $0.observation.degenerativeFeatures.count == 3 }),
            diagnosticBiopsy(lesion) == nil,
            !points.contains(where: { point in
                let o = point.observation
                return o.boneDestruction == true || (o.softTissueMm ?? 0) >= 10 || (o.escc.map { $0 > .g0 } ?? false)
            })
        else { return nil }
        return point
    }
}
