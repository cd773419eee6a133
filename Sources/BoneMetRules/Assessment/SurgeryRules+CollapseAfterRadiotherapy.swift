/// A vertebral body that collapsed after radiotherapy to it while the lesion responded (rule set
/// 2026.12.50). An EGFR-mutant T12 given stereotactic radiotherapy (24 Gy in 2 fractions)
/// collapsed by more than half four months later with a new sclerotic rim and CEA back to
/// normal (MDA PR): the finding read SINS 13 "unstable" and "already irradiated: any further
/// radiotherapy is a re-irradiation decision" — as if the tumour had grown. Vertebral
/// compression fracture is a known late effect of spine radiotherapy, stereotactic above all
/// (Sahgal A et al. J Clin Oncol 2013;31:3426-31: more often with ≥ 20 Gy per fraction, lytic
/// tumour, and collapse or malalignment before treatment); what it asks is mechanical —
/// stabilisation or cement augmentation for the pain and alignment — not more radiotherapy.
extension SurgeryRules {
    static let sahgal2013 = Citation(
        id: "sahgal2013", text: "Sahgal A et al. J Clin Oncol 2013;31:3426-31 (vertebral compression fracture after spine stereotactic radiotherapy)")

    /// The note for the NOMS finding, when the first study showing the body collapsed follows a
    /// study that showed it uncollapsed with a radiotherapy course to it begun between them, and
    /// the response over that interval is not progression.
    func collapseAfterRadiotherapy(_ lesion: String, timePoints: [TimePointResponse]) -> (text: LocalizedText, source: Citation)? {
        let points = index.presentPoints(lesion).filter { $0.observation.collapse != nil }
        guard let collapsedAt = points.firstIndex(where: { $0.observation.collapse == .under50 || $0.observation.collapse == .over50 }),
            // Uncollapsed before: no collapse, with or without more than half the body involved —
            // a T7 read "no collapse, > 50 % involved" before its SBRT and collapsed after it was
            // not recognised (unseen record cb62-b).
            collapsedAt > 0, [SINS.Collapse.none, .noCollapseOver50Involved].contains(points[collapsedAt - 1].observation.collapse)
        else { return nil }
        let before = points[collapsedAt - 1].study.date, after = points[collapsedAt].study.date
        guard let course = index.localTreatments(lesion, kind: .radiotherapy).last(where: { course in
            guard !course.planned, let start = course.start else { return false }
            return start.earliestDay >= before.earliestDay && start.latestDay < after.earliestDay
        }) else { return nil }
        // Judged by the response over the interval (any study pair ending at or after the
        // collapse): a lesion growing or progressing is not this.
        let responses = timePoints.filter { $0.to.earliestDay >= after.earliestDay }.flatMap { point in
            point.lesions.filter { $0.lesion == lesion }.map { (point.flare, $0.category) }
        }
        guard responses.contains(where: { $0.1 != .notEvaluable }), !responses.contains(where: { !$0.0 && $0.1 == .progressiveDisease }) else { return nil }
        let responding = responses.contains { $0.1 == .partialResponse || $0.1 == .completeResponse }
        let state = responding
            ? LocalizedText(en: "while the lesion responds (MDA)", zh: "而病灶呈治疗反应（MDA）")
            : LocalizedText(en: "without progression of the lesion (MDA)", zh: "病灶无进展（MDA）")
        let label = course.label.zhHans
        let since = label.first?.isASCII == true ? "自 \(label) 后" : "自\(label)后"
        return (LocalizedText(
            en: "Collapse new since \(course.label.en) (uncollapsed on \(before), collapsed on \(after)) \(state.en): a vertebral compression fracture after radiotherapy — a known late effect, above all of stereotactic radiotherapy with high doses per fraction (Sahgal 2013) — not tumour progression. The question is mechanical: stabilisation or cement augmentation for mechanical pain and alignment, not more radiotherapy.",
            zh: "\(since)新出现压缩（\(before) 未压缩，\(after) 已压缩），\(state.zhHans)：为放疗后椎体压缩骨折——放疗（尤其高分次剂量立体定向放疗）的已知迟发反应（Sahgal 2013），而非肿瘤进展。需解决的是力学问题：针对机械性疼痛和力线行稳定手术或骨水泥强化，而非再放疗。"),
            Self.sahgal2013)
    }
}
