/// A new lesion whose character is not recorded, under a therapy acting long enough: a new lytic
/// lesion is progression, new sclerosis under therapy is not by itself — osteoblastic flare where
/// other lesions respond (seed; MDA, Hamaoka 2004).
extension ResponseRules {
    static let characterPendingReason = LocalizedText(
        en: "character not recorded: a new lytic lesion is progression, new sclerosis under therapy not by itself — record it",
        zh: "未记录病灶性质：新发溶骨为进展，治疗中新发硬化本身不代表进展——请记录其性质")

    static let characterOnCTReason = LocalizedText(
        en: "its character is read on CT (bone window): new sclerosis without destruction under therapy would not be progression by itself — record it",
        zh: "其性质需以 CT（骨窗）判读：治疗中新发硬化且无骨质破坏本身不代表进展——请记录其性质")

    /// The time point's responses with its new lesions of unrecorded character read as they can
    /// be, and whether the time point waits on their character (`pending`).
    ///
    /// On X-ray or CT they wait on it (not evaluable): a breast cancer's first restaging CT —
    /// known lesions filling in, "3 new lesions" (the report: 新发成骨灶) — read PD (unseen record
    /// cb27-r). Sooner than the latency too when the known lesions heal on the same study (the
    /// premise of the latency refuted by the study itself, as for itemised new sclerosis in
    /// `applyFlare`): a breast cancer's CT at 39 days of anastrozole and palbociclib, the
    /// sternum's new rim and T5's conversion beside "2 new lesions" (report: 新发成骨灶), read PD
    /// (unseen record cb78-am).
    ///
    /// An MRI's new lesion stays MDA's new bone metastasis (Hamaoka 2004), unless X-ray or CT
    /// reads it sclerotic (`sclerosisOnLaterAnatomy`); the MRI does not show its character, so
    /// the reading says where it is decided: a breast cancer's L3 down 78 % at 13 weeks of THP
    /// beside a new 8 mm T11 focus on the MRI read "PD — new lesion" with no word of it (unseen
    /// record cb162-s).
    func awaitingCharacter(
        _ responses: [LesionResponse], current: ImagingStudy, untreated: Bool, unnamed: Int
    ) -> (responses: [LesionResponse], pending: Bool) {
        let knownHeal = responses.contains { !$0.isNew && $0.category.isResponse }
            && !responses.contains { !$0.isNew && $0.category == .progressiveDisease }
        let acting = !untreated
            && (index.therapyActingLongEnough(on: current.date) != nil
                || (knownHeal && index.latestSystemicStart(before: current.date)?.start.map { $0.latestDay < current.date.earliestDay } == true))
        guard acting else { return (responses, false) }
        let xrayOrCT = current.modality == .xray || current.modality == .ct
        var pending = xrayOrCT && unnamed > 0
        let read = responses.map { response -> LesionResponse in
            guard Self.newWithoutCharacter(response, on: current) else { return response }
            if xrayOrCT {
                pending = true
                return response.with(category: .notEvaluable, flare: false, reason: Self.characterPendingReason)
            }
            guard current.modality == .mri, !characterReadSince(response.lesion, on: current.date) else { return response }
            return response.with(category: .progressiveDisease, flare: false, reason: Self.characterOnCTReason)
        }
        return (read, pending)
    }

    /// New, read as progression, with no character, destruction, epidural tumour or soft-tissue
    /// mass (≥ 10 mm) recorded: with any of these it is clearly progressive whatever its character
    /// (MDA, Hamaoka 2004).
    private static func newWithoutCharacter(_ response: LesionResponse, on study: ImagingStudy) -> Bool {
        guard response.isNew, response.category == .progressiveDisease, let observation = study.observation(of: response.lesion)
        else { return false }
        return observation.character == nil && observation.boneDestruction != true
            && (observation.escc ?? .g0) == .g0 && (observation.softTissueMm ?? 0) < 10
    }

    /// An X-ray, CT or PET-CT on or after the day that reads the lesion's character.
    private func characterReadSince(_ lesion: String, on date: PartialDate) -> Bool {
        index.studies.contains { study in
            [.xray, .ct, .petCt].contains(study.modality) && study.date.earliestDay >= date.earliestDay
                && study.observation(of: lesion).map { $0.present && $0.character != nil } == true
        }
    }
}
