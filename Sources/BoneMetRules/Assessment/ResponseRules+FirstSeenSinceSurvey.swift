/// A destructive lesion first seen on the first X-ray, CT or MRI of its method, where an earlier
/// study imaged its region (a whole-body bone scan, a CT covering it) and did not show it, while
/// a systemic therapy ran: if it was absent then, it is new under that therapy — progression (MDA,
/// Hamaoka 2004). Time points pair studies of one method, and an absence only implied by a
/// study's coverage is not taken as a recorded one (`recordedAbsent`), so nothing was said: a
/// breast cancer on letrozole and palbociclib for 2½ years, a humeral shaft lytic and broken on
/// its first X-ray, the whole-body bone scan of the start showing no humerus (unseen record
/// cb115-g). Said as the same-method pairs say it (`firstRecordedSinceSurvey`): compare the images.
extension ResponseRules {
    func firstSeenSinceSurveyFindings(_ points: [TimePointResponse]) -> [Finding] {
        // Every assessment asks (issue #12): nothing to say without a systemic therapy, and only
        // the first study of each method is looked at — found in one pass, not study by study.
        guard index.treatments.contains(where: { $0.kind == .systemic }) else { return [] }
        var firstOfMethod: [Modality: Int] = [:]
        for study in index.studies where study.modality.isAnatomic && !study.readingNotRecorded {
            firstOfMethod[study.modality] = min(firstOfMethod[study.modality] ?? Int.max, study.date.latestDay)
        }
        var findings: [Finding] = []
        for study in index.studies where study.modality.isAnatomic && !study.readingNotRecorded {
            // The first study of its method: a same-method pair says it (`firstRecordedSinceSurvey`).
            guard let first = firstOfMethod[study.modality], study.date.earliestDay <= first else { continue }
            var lesions: [(lesion: Lesion, earlier: ImagingStudy, therapies: [Treatment])] = []
            for observation in study.observations where observation.present {
                guard [.lytic, .mixed].contains(observation.character) || observation.boneDestruction == true,
                    !points.contains(where: { $0.study == study.id && $0.lesions.contains { $0.lesion == observation.lesion } }),
                    index.isMetastaticCandidate(observation.lesion), index.bloodCancer(observation.lesion) == nil,
                    let lesion = index.lesionsById[observation.lesion],
                    let seen = index.firstSeen(lesion.id), seen.latestDay >= study.date.earliestDay,
                    // More than 4 weeks before (within them, one work-up: RECIST 1.1's baseline
                    // window), on a method not far less sensitive to destruction — an MRI's T5 not
                    // on the CT before it is the marrow seen first, not a new lesion.
                    let earlier = index.studies.last(where: { earlier in
                        study.date.earliestDay - earlier.date.latestDay > 28 && index.looked(at: lesion.id, in: earlier)
                            && earlier.observation(of: lesion.id) == nil
                            && Self.destructionSensitivity(earlier.modality) >= Self.destructionSensitivity(study.modality) - 1
                    })
                else { continue }
                let therapies = index.activeTreatments(after: earlier.date, before: study.date, lesion: lesion.id).filter { $0.kind == .systemic }
                guard !therapies.isEmpty else { continue }
                lesions.append((lesion, earlier, therapies))
            }
            guard let first = lesions.first else { continue }
            let names = LocalizedText.joined(lesions.map { index.label($0.lesion) }, en: "; ", zh: "、")
            let earlier = first.earlier
            let therapies = LocalizedText.joined(first.therapies.map(\.label), en: "; ", zh: "；")
            findings.append(Finding(
                ruleId: "boneHealth.mda.firstSeenSinceSurvey", severity: .advisory, duty: .boneHealth, specialty: .radiology,
                subject: lesions.count == 1 ? .lesion(first.lesion.id) : .study(study.id), date: study.date,
                title: LocalizedText(
                    en: "\(names.en): first seen on the \(study.label.en) — possibly new under therapy",
                    zh: "\(names.zhHans)：首见于 \(study.label.zhHans)——可能为治疗中新发"),
                detail: LocalizedText(
                    en: "The \(earlier.modality.label.en) of \(earlier.date) imaged \(lesions.count == 1 ? "its region" : "their regions") and did not show \(lesions.count == 1 ? "it" : "them"); treatment since: \(therapies.en). If absent then, \(lesions.count == 1 ? "this is a new destructive lesion" : "these are new destructive lesions") — progression (MDA) under that treatment. Compare the images, and restage (CT with the bone window; a whole-body survey) before the treatment is judged.",
                    zh: "\(earlier.date) \(earlier.modality.label.zhHans)包括该部位而未见此病灶；其间治疗：\(therapies.zhHans)。如当时确实没有，则为新发破坏性病灶——即该治疗中进展（MDA）。请对比影像，并在评价治疗前复查分期（CT 骨窗；全身检查）。"),
                inputs: [FindingInput("earlierStudy", earlier.id), FindingInput("lesions", lesions.map(\.lesion.id).joined(separator: ","))],
                sources: Self.sources))
        }
        return findings
    }
}
