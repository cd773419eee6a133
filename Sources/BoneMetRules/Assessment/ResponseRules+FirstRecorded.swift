/// A lesion first recorded on a study whose predecessor of its kind did not image its region, but
/// which an earlier study did image without showing it.
extension ResponseRules {
    /// "Not counted as new" stays — the pair compared could not see it — but a destructive lesion
    /// that an earlier study of its region did not show is named against that study: a HER2-positive
    /// breast cancer's lytic humerus, first on the September CT, stood as "the previous CT did not
    /// image its region" though the whole-body PET-CT of March had shown only the spine and
    /// sternum (unseen record cb64-y). If it was absent then, it is a new lytic lesion: progression
    /// by MDA (Hamaoka 2004) — the images decide.
    func firstRecordedSinceSurvey(
        _ lesion: String, observation: LesionObservation, current: ImagingStudy, previous: ImagingStudy
    ) -> LocalizedText {
        let plain = LocalizedText(
            en: "first recorded — the previous \(previous.modality.label.en) did not image its region; not counted as new",
            zh: "首次记录——上次\(previous.modality.label.zhHans)未包括该部位；不计为新发")
        let destructive = [.lytic, .mixed].contains(observation.character) || observation.boneDestruction == true
        guard destructive, let earlier = index.studies.last(where: { study in
            study.date.latestDay < current.date.earliestDay && index.looked(at: lesion, in: study)
                && study.observation(of: lesion)?.present != true
        }) else { return plain }
        let study = LocalizedText(en: "the \(earlier.modality.label.en) of \(earlier.date)", zh: "\(earlier.date) \(earlier.modality.label.zhHans)")
        return LocalizedText(
            en: "\(plain.en); \(study.en) imaged its region and did not show it: if it was absent then, this is a new lytic lesion — progression (MDA); compare the images",
            zh: "\(plain.zhHans)；\(study.zhHans)包括该部位而未见此病灶：如当时确实没有，则为新发溶骨性病灶——即进展（MDA）；请对比影像")
    }
}
