/// A destructive lesion first seen on X-ray, CT or MRI where an earlier study of another method
/// looked for it and recorded it absent: a new lesion, when that method sees bone destruction at
/// least as well. A lung cancer staged by whole-body PET-CT (left radius and right tibia "not
/// seen") and restaged a year into osimertinib by its first CT — both bones lytic — had no time
/// point at all: time points pair studies of one method, and the CT had none before it (unseen
/// record cb74-d).
extension ResponseRules {
    /// How early a method shows bone destruction (Hamaoka T et al. J Clin Oncol 2004;22:2942-53;
    /// Costelloe CM et al. Lancet Oncol 2009;10:606-14): plain film only after 30–75 % of the bone
    /// is lost, and a bone scan shows the osteoblastic reaction, missing purely lytic lesions; CT
    /// shows cortical and trabecular destruction; MRI and PET-CT show the marrow involved before
    /// the bone is destroyed. An absence on a less sensitive method does not make a lesion new
    /// (it says "compare the images", `firstRecordedSinceSurvey`).
    static func destructionSensitivity(_ modality: Modality) -> Int {
        switch modality {
        case .xray, .boneScan: 0
        case .ct: 1
        case .mri, .petCt: 2
        }
    }

    /// The latest study certainly before `current`, of a method at least as sensitive to bone
    /// destruction, that recorded the lesion absent (`present: false` — looked for, not seen),
    /// when the lesion is destructive on `current` and nothing showed it, nor was it diagnosed,
    /// before `current`. A CT read without the bone window misses destruction: its absence says nothing.
    func recordedAbsent(_ lesion: String, before current: ImagingStudy) -> ImagingStudy? {
        guard current.modality.isAnatomic, index.isMetastaticCandidate(lesion),
            let observation = current.observation(of: lesion), observation.present,
            [.lytic, .mixed].contains(observation.character) || observation.boneDestruction == true
        else { return nil }
        let absent = index.studies.last { study in
            study.date.latestDay < current.date.earliestDay && study.observation(of: lesion)?.present == false
                && !study.readsSoftTissueOnly
                && Self.destructionSensitivity(study.modality) >= Self.destructionSensitivity(current.modality)
        }
        // This study is the lesion's first sighting: a radius lytic on an X-ray and on the CT five
        // days later is new once, on the X-ray.
        guard let absent, let seen = index.firstSeen(lesion), seen.earliestDay > absent.date.latestDay,
            seen.latestDay >= current.date.earliestDay
        else { return nil }
        return absent
    }

    static func absentBeforeReason(_ observation: LesionObservation, absent: ImagingStudy) -> LocalizedText {
        let new = newLesionReason(observation, modality: .ct)
        return LocalizedText(
            en: "\(new.en) — recorded absent on the \(absent.modality.label.en) of \(absent.date), a method that shows bone destruction at least as early",
            zh: "\(new.zhHans)——\(absent.date) \(absent.modality.label.zhHans)记录该部位未见病灶（该方法显示骨质破坏不晚于本次检查）")
    }

    /// The time point of an X-ray, CT or MRI with no earlier study of its own method: its new
    /// lesions (`recordedAbsent`) against the studies that recorded them absent. Its other
    /// lesions are not judged across methods (`noComparableStudyFinding` says so where a
    /// baseline on another anatomic method exists).
    func newSinceAnotherMethod(_ current: ImagingStudy) -> TimePointResponse? {
        var responses: [LesionResponse] = []
        var latestAbsent: ImagingStudy?
        for observation in current.observations.sorted(by: { $0.lesion < $1.lesion }) {
            guard let absent = recordedAbsent(observation.lesion, before: current) else { continue }
            if latestAbsent.map({ $0.date.earliestDay < absent.date.earliestDay }) ?? true { latestAbsent = absent }
            let treatments = index.activeTreatments(after: absent.date, before: current.date, lesion: observation.lesion)
            responses.append(LesionResponse(
                lesion: observation.lesion, fromStudy: absent.id, toStudy: current.id, from: absent.date, to: current.date,
                modality: current.modality, category: .progressiveDisease, reasons: [Self.absentBeforeReason(observation, absent: absent)],
                sizeChangePercent: nil, isNew: true, firstRecorded: false, flare: false, treatments: treatments.map(\.id),
                untreated: !treatments.contains { $0.kind != .boneModifyingAgent }))
        }
        guard let previous = latestAbsent else { return nil }
        let compared = Set(responses.map(\.lesion))
        let treatments = index.activeTreatments(after: previous.date, before: current.date, lesion: nil).filter { treatment in
            treatment.kind == .systemic || treatment.kind == .boneModifyingAgent || treatment.lesions.contains(where: compared.contains)
        }
        return TimePointResponse(
            study: current.id, previousStudy: previous.id, from: previous.date, to: current.date, modality: current.modality,
            overall: .progressiveDisease, newLesions: responses.map(\.lesion), unnamedNewLesions: 0, flare: false,
            treatments: treatments.map(\.id), untreated: !treatments.contains { $0.kind != .boneModifyingAgent }, lesions: responses)
    }
}
