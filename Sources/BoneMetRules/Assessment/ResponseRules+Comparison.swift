/// What a study is compared with beyond the previous study of its method: a PET-CT's CT as the
/// baseline of the first CT, staging after another method, and the known lesions a study imaged
/// without reading them.
extension ResponseRules {
    /// A CT with no earlier CT of its lesions, after a PET-CT whose CT read one of them (a size,
    /// a character, a rim or fill-in — `MDA.hasAnatomy`), a treatment begun between: compared with
    /// that CT, as a PET-CT's own CT is read as a CT (`MDA.classify`). A PET-CT at diagnosis and
    /// CT restaging is the common sequence: an EGFR lung cancer's T7 and ilium, lytic on the
    /// PET-CT, rimmed and filling in on the CT at 12 weeks of osimertinib (CEA 45 → 6), had no
    /// time point at all (unseen record cb160-j). Untreated between, the CT is the anatomic
    /// baseline itself: no time point.
    func againstPETCT(_ current: ImagingStudy, anatomic: [TimePointResponse]) -> TimePointResponse? {
        guard current.modality == .ct else { return nil }
        let readsOne = { (study: ImagingStudy) in
            current.observations.contains { study.observation(of: $0.lesion).map { $0.present && MDA.hasAnatomy($0) } == true }
        }
        guard let pet = index.studies.last(where: { study in
            study.modality == .petCt && !study.readingNotRecorded && study.date.latestDay < current.date.earliestDay && readsOne(study)
        }) else { return nil }
        let sameDay = index.studies.filter { $0.modality == .petCt && !$0.readingNotRecorded && $0.date == pet.date }
        let point = timePoint(previous: pet, sameDay: sameDay, earlier: sameDay, current: current, anatomic: anatomic)
        guard !point.untreated, !point.lesions.isEmpty else { return nil }
        return point
    }

    /// Known lesions a study imaged but did not read: not evaluable, each said, so that the time
    /// point is seen to rest on the lesions read. A breast cancer's restaging CT of the chest,
    /// abdomen and pelvis itemised T8 (filling in) and not the left ilium, lytic on the pelvic CT
    /// at baseline: "PR — T8" said nothing of the ilium (unseen record cb160-k). Only a study read
    /// for bone (at least one lesion itemised), a lesion its method showed before — present on the
    /// latest earlier study of the method that read it — and not removed by an operation since.
    func unreadKnownLesions(_ current: ImagingStudy, earlier: [ImagingStudy]) -> [LesionResponse] {
        guard !current.observations.isEmpty else { return [] }
        return index.lesions.compactMap { lesion -> LesionResponse? in
            let id = lesion.id
            guard current.observation(of: id) == nil, index.isMetastaticCandidate(id), index.looked(at: id, in: current),
                !(index.sameSiteRecords[id] ?? []).contains(where: { current.observation(of: $0) != nil }),
                let prior = earlier.filter({ $0.observation(of: id) != nil }).max(by: { $0.date < $1.date }),
                prior.observation(of: id)?.present == true,
                !index.localTreatments(id, kind: .surgery).contains(where: { surgery in
                    !surgery.planned && surgery.removesLesion && surgery.start.map { $0.latestDay >= prior.date.earliestDay } == true
                })
            else { return nil }
            let treatments = index.activeTreatments(after: prior.date, before: current.date, lesion: id)
            return LesionResponse(
                lesion: id, fromStudy: prior.id, toStudy: current.id, from: prior.date, to: current.date, modality: current.modality,
                category: .notEvaluable,
                // What to record is what the method shows: a bone scan its uptake, not a size.
                reasons: [current.modality == .boneScan
                    ? LocalizedText(
                        en: "imaged by this \(current.modality.label.en) but not read — record what it shows (uptake, more or less than before, or none)",
                        zh: "本次 \(current.modality.label.zhHans)包括该部位但未记录读片——请录入所见（有无放射性浓聚，较前增强或减弱）")
                    : LocalizedText(
                        en: "imaged by this \(current.modality.label.en) but not read — record what it shows (seen, with its size and character, or not seen)",
                        zh: "本次 \(current.modality.label.zhHans)包括该部位但未记录读片——请录入所见（可见及其大小、性质，或未见）")],
                sizeChangePercent: nil, isNew: false, firstRecorded: false, flare: false, treatments: treatments.map(\.id),
                untreated: !treatments.contains { $0.kind != .boneModifyingAgent })
        }
    }

    /// Every earlier study that imaged the lesion showed it, and none was of this study's method.
    func shownBeforeOnlyByOtherMethods(_ lesion: String, before current: ImagingStudy) -> Bool {
        index.studies.allSatisfy { study in
            guard study.date.latestDay < current.date.earliestDay, index.looked(at: lesion, in: study) else { return true }
            return study.modality != current.modality && study.observation(of: lesion)?.present == true
        }
    }
}
