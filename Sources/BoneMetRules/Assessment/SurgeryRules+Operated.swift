/// A long-bone lesion curetted or cemented without fixation: Mirels no longer scores it.
extension SurgeryRules {
    /// The last curettage or cement augmentation done on the lesion. An operation of no recorded
    /// kind is not taken for one: an open biopsy entered as "surgery" must not silence the
    /// fixation alert.
    func unprotectingOperation(_ id: String) -> Treatment? {
        index.localTreatments(id, kind: .surgery).last { treatment in
            !treatment.planned && treatment.start != nil && [.curettage, .cementAugmentation].contains(treatment.procedure)
        }
    }

    /// Mirels (1989) scored untreated lesions; after a curettage the film shows the cavity and
    /// its cement, and "mixed lesion, > 2/3 of the diameter" read from it sent a curetted and
    /// cemented humerus to "prophylactic fixation, urgent" as if nothing had been done. Whether
    /// a curettage with cement and no plate or nail protects the bone is the operating
    /// surgeon's judgement — BoneMet has no source that scores it — so it says what is known:
    /// the score before the operation and that no fixation is on record.
    func operatedFinding(_ id: String, lesion: Lesion, points: [MirelsPoint], operation: Treatment) -> Finding? {
        guard let day = operation.start else { return nil }
        let name = index.label(lesion)
        let before = points.last { $0.study.date.latestDay < day.earliestDay }
        let threshold = points.last?.result.threshold ?? index.settings.mirelsFixationThreshold
        let reached = before?.result.fixationAlert == true
        let what = operation.procedure?.label ?? operation.kind.label
        let beforeText: LocalizedText = before.map { point in
            let total = point.result.total
            let score = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
            return LocalizedText(
                en: "Before the operation: Mirels \(score) (\(point.study.modality.label.en) of \(point.study.date))\(reached ? ", at or above the fixation threshold (\(threshold))" : "").",
                zh: "术前：Mirels \(score) 分（\(point.study.date) \(point.study.modality.label.zhHans)）\(reached ? "，达到内固定阈值（\(threshold)）" : "")。")
        } ?? LocalizedText(en: "No Mirels score from before the operation.", zh: "无术前 Mirels 评分。")
        var inputs = [FindingInput("operation", operation.label.en), FindingInput("threshold", threshold.description)]
        if let before { inputs.append(FindingInput("scoreBefore", before.result.total.score.map(String.init) ?? "\(before.result.total.min)–\(before.result.total.max)")) }
        return Finding(
            ruleId: "surgery.mirels.operated", severity: reached ? .warning : .advisory, duty: .surgery, specialty: .orthopaedics,
            subject: .lesion(id), date: day,
            title: LocalizedText(
                en: "\(name.en): \(what.en) on \(day), no fixation on record — does the bone need protecting?",
                zh: "\(name.zhHans)：\(day) 已行\(what.zhHans)，无内固定记录——是否需要保护骨骼？"),
            detail: LocalizedText(
                en: "\(beforeText.en) Mirels scores an untreated lesion; after the operation the films show the cavity and its filling, so BoneMet does not score them. Curettage or cement without a plate, nail or prosthesis is not fixation: the operating orthopaedic oncologist judges on the post-operative X-ray whether the bone needs fixation or protected use, and records any fixation done.",
                zh: "\(beforeText.zhHans)Mirels 评分针对未经治疗的病灶；术后影像显示的是术腔及其填充物，BoneMet 不再据此评分。刮除或骨水泥填充而无钢板、髓内钉或假体者不属于内固定：由主刀骨肿瘤医师依据术后 X 线判断是否需要内固定或保护性使用患肢，已行内固定请记录。"),
            inputs: inputs, sources: [Sources.mirels1989])
    }

    /// An implant already in the same bone, put in for another lesion (a long nail for the
    /// peritrochanteric lesion, a second lesion in the diaphysis a year later): whether it spans
    /// this lesion decides whether the bone is protected, and only the film shows it. The
    /// diaphyseal lesion of a nailed femur was sent to "prophylactic fixation, urgent" as if the
    /// femur held nothing.
    func sameBoneImplant(_ lesion: Lesion) -> (treatment: Treatment, for: Lesion)? {
        for treatment in index.treatments where treatment.kind == .surgery && !treatment.planned && treatment.start != nil
            && (treatment.procedure?.protectsLongBone ?? false) && !treatment.lesions.contains(lesion.id)
        {
            if let other = treatment.lesions.compactMap({ index.lesionsById[$0] }).first(where: {
                $0.bone == lesion.bone && $0.laterality == lesion.laterality && $0.laterality != nil
            }) {
                return (treatment, other)
            }
        }
        return nil
    }

    static func implantText(_ implant: (treatment: Treatment, for: Lesion), index: CaseIndex) -> LocalizedText {
        let other = index.label(implant.for)
        return LocalizedText(
            en: "The bone already holds an implant (\(implant.treatment.label.en), for \(other.en)): check on the X-ray whether it spans this lesion — a lesion it spans is protected; one beyond it needs its own fixation.",
            zh: "该骨已有内植物（\(implant.treatment.label.zhHans)，用于\(other.zhHans)）：请在 X 线片上确认其是否跨越本病灶——被跨越的病灶已受保护，超出范围者需单独固定。")
    }

    /// A fracture first seen after the bone was fixed is not the fracture the fixation treated:
    /// the implant failed or the bone broke beside it. A nailed femur X-rayed broken eight months
    /// later read "pathological fracture on record — Treated: prophylactic fixation" (info).
    func fractureAfterFixation(_ id: String, protected: Treatment?) -> Finding? {
        guard let fixation = protected, !fixation.planned, let day = fixation.start, let lesion = index.lesionsById[id] else { return nil }
        let recorded = index.record.events.filter { $0.kind == .pathologicalFracture && $0.lesion == id && index.known($0.date) }.map(\.date)
        let imaged = index.presentPoints(id).filter { $0.observation.fracture == true }.map(\.study.date)
        guard let first = (recorded + imaged).min(), first.earliestDay > day.latestDay else { return nil }
        let name = index.label(lesion)
        return Finding(
            ruleId: "surgery.mirels.fractured", severity: .urgent, duty: .surgery, specialty: .orthopaedics,
            subject: .lesion(id), date: first,
            title: LocalizedText(
                en: "\(name.en): fracture after \(fixation.procedure?.label.en ?? "fixation") — urgent orthopaedic review",
                zh: "\(name.zhHans)：\(fixation.procedure?.label.zhHans ?? "内固定")后骨折——紧急骨科评估"),
            detail: LocalizedText(
                en: "Fixed on \(day) (\(fixation.label.en)); the fracture is first recorded on \(first), after it: implant failure or a fracture beside the implant (disease progressing around it) — revision is the orthopaedic oncologist's decision, with imaging of the whole bone.",
                zh: "\(day) 已行\(fixation.label.zhHans)；骨折首次记录于 \(first)，晚于手术：内固定失效或内植物旁骨折（病灶在其周围进展）——是否翻修由骨肿瘤医师决定，需全长骨影像。"),
            inputs: [FindingInput("fixation", fixation.id), FindingInput("fractureFirstSeen", first.description)],
            sources: [Sources.mirels1989], claims: [Claim(.fixation, about: id, "fixNow")])
    }

    /// A fixed lesion that progressed after the fixation (MDA progressive disease on a study
    /// after the operation, not flare). A nail shares the load with the bone around it: a renal
    /// femur nailed and irradiated, grown 121 % on CT seven months later with more than two
    /// thirds of the diameter gone and pain on use, read "Mirels 11 — fixed" (info). The
    /// implant's future is the orthopaedic oncologist's judgement; the finding says what changed.
    func progressionAfterFixation(_ id: String, fixation: Treatment, timePoints: [TimePointResponse], mirels: String) -> Finding? {
        guard !fixation.planned, let day = fixation.start, fixation.procedure?.removesLesion != true, let lesion = index.lesionsById[id] else { return nil }
        // The latest reading of each modality after the operation: a CT's progression is not
        // undone by a later film that could not measure it.
        let after = timePoints.filter { point in point.to.earliestDay > day.latestDay && point.lesions.contains { $0.lesion == id } }
        let latestByModality = Dictionary(grouping: after, by: \.modality).compactMap { $0.value.last }
        guard let last = latestByModality.filter({ point in
                !point.flare && point.lesions.contains { $0.lesion == id && $0.category == .progressiveDisease }
            }).max(by: { $0.to < $1.to }),
            let response = last.lesions.first(where: { $0.lesion == id })
        else { return nil }
        let name = index.label(lesion)
        let change = response.sizeChangePercent.map { percent in
            let signed = (percent > 0 ? "+" : "") + CaseIndex.format(percent, decimals: 0)
            return LocalizedText(en: ", product of diameters \(signed) %", zh: "，径线乘积 \(signed)%")
        }
            // Without a product, the reason it was progression (the extent across the bone, a
            // blastic lesion turning lytic) is what changed.
            ?? response.reasons.first.map { LocalizedText(en: ", \($0.en)", zh: "，\($0.zhHans)") }
            ?? LocalizedText(en: "", zh: "")
        let modality = last.modality.label
        return Finding(
            ruleId: "surgery.mirels.progressingAfterFixation", severity: .warning, duty: .surgery, specialty: .orthopaedics,
            subject: .lesion(id), date: last.to,
            title: LocalizedText(
                en: "\(name.en): progressing after \(fixation.procedure?.label.en ?? "fixation") — orthopaedic review of the implant",
                zh: "\(name.zhHans)：\(fixation.procedure?.label.zhHans ?? "内固定")后病灶进展——骨科评估内植物"),
            detail: LocalizedText(
                en: "Fixed on \(day) (\(fixation.displayName.en)); since then the lesion progressed (MDA progressive disease on the \(modality.en) of \(last.to)\(change.en)); Mirels now \(mirels). The implant shares the load with bone still being destroyed: review it on imaging of the whole bone for loosening or impending failure, and the local and systemic control of this lesion — revision or further local treatment is the orthopaedic oncologist's decision with radiation oncology.",
                zh: "\(day) 已行\(fixation.displayName.zhHans)；此后病灶进展（\(last.to) \(modality.zhHans) MDA 评估为疾病进展\(change.zhHans)）；目前 Mirels \(mirels) 分。内植物与仍在被破坏的骨共同承重：请行全长骨影像评估有无松动或即将失效，并评估该病灶的局部和全身控制——是否翻修或追加局部治疗由骨肿瘤医师与放疗科决定。"),
            inputs: [FindingInput("fixation", fixation.id), FindingInput("progressionOn", last.to.description)],
            sources: [Sources.mirels1989] + ResponseRules.sources)
    }
}
