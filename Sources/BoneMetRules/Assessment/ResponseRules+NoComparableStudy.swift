/// A restaging on another method than the lesions' baseline: said, not left silent.
extension ResponseRules {
    /// Time points pair a study with the previous study of its own modality (MDA's criteria are
    /// defined per method — Hamaoka 2004; RECIST 1.1: the same method and technique at baseline
    /// and follow-up). A breast cancer staged on CT and restaged three months into THP on MRI
    /// only (pelvis 30 × 24 → 36 × 29 mm) had no response finding at all. The latest anatomic
    /// study with no time point of its own, after the last time point, whose lesions were seen
    /// before on another method with a treatment begun or running between the two, is named with
    /// what to do: restage on the baseline's method, or keep it as the new baseline.
    func noComparableStudyFinding(_ points: [TimePointResponse]) -> Finding? {
        // Myeloma's and lymphoma's lesions are judged by their own criteria (IMWG, Lugano), not
        // by an MDA time point: an X-ray of a myeloma femur taken for Mirels after a whole-body
        // CT read "response not assessed — restage on CT".
        let judged = { (o: LesionObservation, modality: Modality) in
            Self.readsResponse(o, on: modality) && index.isMetastaticCandidate(o.lesion) && index.bloodCancer(o.lesion) == nil
        }
        // A lesion recorded not seen on a film, that only CT or MRI had shown: its absence is no
        // response either (MDA reads each method against itself). A breast cancer's left ilium,
        // lytic 25 × 20 mm on CT, "not seen" on a pelvic X-ray ten months into letrozole and
        // ribociclib, was passed over in silence (unseen record cb137-c, rule set .380).
        let missedOnFilm = { (o: LesionObservation, modality: Modality) in
            modality == .xray && !o.present && index.isMetastaticCandidate(o.lesion) && index.bloodCancer(o.lesion) == nil
        }
        let timed = Set(points.map(\.study))
        let lastTimed = points.filter { $0.modality.isAnatomic }.map(\.to.earliestDay).max()
        let candidates = index.studies.filter { study in
            study.modality.isAnatomic && !timed.contains(study.id)
                && lastTimed.map { study.date.earliestDay > $0 } ?? true
                && study.observations.contains { judged($0, study.modality) || missedOnFilm($0, study.modality) }
        }
        for study in candidates.reversed() {
            let lesions = study.observations.filter { judged($0, study.modality) || missedOnFilm($0, study.modality) }.map(\.lesion)
            let absent = Set(study.observations.filter { missedOnFilm($0, study.modality) }.map(\.lesion))
            // An earlier study of its own method showed them: the pair was made and set aside
            // (a check film after the lesion's operation, `isPostoperativeCheck`) — "no earlier
            // X-ray to compare with" was said of a femur's film a month after its nail, beside
            // the X-ray before it (unseen record cb79-i).
            let sameMethodBefore = index.studies.contains { earlier in
                earlier.modality == study.modality && earlier.date.latestDay < study.date.earliestDay
                    && earlier.observations.contains { $0.present && lesions.contains($0.lesion) }
            }
            guard !sameMethodBefore else { continue }
            // The lesions' last reading on another method, certainly before this study.
            let baseline = index.studies.last { earlier in
                earlier.modality.isAnatomic && earlier.modality != study.modality && earlier.date.latestDay < study.date.earliestDay
                    && earlier.observations.contains { $0.present && lesions.contains($0.lesion) }
            }
            // Within 4 weeks they are one work-up (RECIST 1.1: baseline evaluations no more than
            // 4 weeks before treatment) — an X-ray and a CT three days apart restage nothing.
            guard let baseline, study.date.earliestDay - baseline.date.latestDay > 28 else { continue }
            let treatments = index.activeTreatments(after: baseline.date, before: study.date, lesion: nil).filter {
                $0.kind == .systemic || $0.kind == .boneModifyingAgent || $0.lesions.contains(where: lesions.contains)
            }
            guard !treatments.isEmpty else { continue }
            let sizes: [LocalizedText] = lesions.compactMap { id in
                guard let now = study.observation(of: id)?.diametersMm, let then = baseline.observation(of: id)?.diametersMm,
                    let lesion = index.lesions.first(where: { $0.id == id })
                else { return nil }
                let name = index.label(lesion)
                return LocalizedText(
                    en: "\(name.en) \(Self.size(now)) mm (\(study.modality.label.en)) against \(Self.size(then)) mm (\(baseline.modality.label.en))",
                    zh: "\(name.zhHans) \(Self.size(now)) mm（\(study.modality.label.zhHans)），基线 \(Self.size(then)) mm（\(baseline.modality.label.zhHans)）")
            }
            let sizeText = sizes.isEmpty
                ? LocalizedText(en: "", zh: "")
                : LocalizedText(
                    en: " Sizes on record: \(LocalizedText.joined(sizes, en: "; ", zh: "；").en) — not comparable across methods.",
                    zh: "已记录的大小：\(LocalizedText.joined(sizes, en: "; ", zh: "；").zhHans)——不同检查方法之间不可比较。")
            // Not seen on the film: only those the baseline showed (the others are not this
            // finding's to name).
            let missed = lesions.filter { absent.contains($0) && baseline.observation(of: $0)?.present == true }
                .compactMap { id in index.lesions.first { $0.id == id }.map(index.label) }
            if !absent.isEmpty, missed.isEmpty, lesions.allSatisfy(absent.contains) { continue }
            let missedText = missed.isEmpty
                ? LocalizedText(en: "", zh: "")
                : LocalizedText(
                    en: " Recorded not seen on this \(study.modality.label.en): \(LocalizedText.joined(missed, en: ", ", zh: "、").en) — a lesion shown on \(baseline.modality.label.en) may not show on a film at all, so its absence there is no response.",
                    zh: "本次 \(study.modality.label.zhHans)记录为未见：\(LocalizedText.joined(missed, en: ", ", zh: "、").zhHans)——\(baseline.modality.label.zhHans)所见病灶在 X 线片上可能根本不显示，故其未见并非疗效。")
            // Nothing seen on the film: it is no baseline to take.
            let onlyMissed = lesions.allSatisfy(absent.contains)
            let running = LocalizedText.joined(treatments.map(\.label), en: "; ", zh: "；")
            // Which of its lesions the baseline showed: a humerus on the X-ray, an L3 first imaged
            // anatomically on this CT read "its lesions were last seen on the X-ray" (cb24-t).
            let unseen = lesions.filter { id in baseline.observation(of: id)?.present != true }
                .compactMap { id in index.lesions.first { $0.id == id }.map(index.label) }
            let seen = unseen.isEmpty
                ? LocalizedText(en: "Its lesions were", zh: "其病灶")
                : LocalizedText.joined(
                    lesions.filter { baseline.observation(of: $0)?.present == true }.compactMap { id in index.lesions.first { $0.id == id }.map(index.label) },
                    en: ", ", zh: "、")
            let notBefore = unseen.isEmpty
                ? LocalizedText(en: "", zh: "")
                : LocalizedText(
                    en: " (\(LocalizedText.joined(unseen, en: ", ", zh: "、").en): on no earlier X-ray, CT or MRI — this \(study.modality.label.en) is its baseline)",
                    zh: "（\(LocalizedText.joined(unseen, en: ", ", zh: "、").zhHans)：此前无 X 线、CT 或 MRI——以本次 \(study.modality.label.zhHans)为基线）")
            return Finding(
                ruleId: "boneHealth.mda.noComparableStudy", severity: .advisory, duty: .boneHealth, specialty: .radiology,
                subject: .study(study.id), date: study.date,
                title: LocalizedText(
                    en: "\(study.label.en): response not assessed — no earlier \(study.modality.label.en) to compare with",
                    zh: "\(study.label.zhHans)：未能评价疗效——无更早的同类检查可比较"),
                detail: LocalizedText(
                    en: "\(seen.en.sentenceStart)\(unseen.isEmpty ? "" : lesions.count - unseen.count > 1 ? " were" : " was") last seen on the \(baseline.label.en)\(notBefore.en); treatment since: \(running.en). A bone lesion's response is judged on the method of its baseline: MDA's criteria are defined per method (X-ray/CT, MRI, bone scan) and RECIST 1.1 asks for the same method and technique at baseline and follow-up. Restage on \(baseline.modality.label.en)\(onlyMissed ? "" : ", or take this \(study.modality.label.en) as the new baseline").\(sizeText.en)\(missedText.en)",
                    zh: "\(seen.zhHans)上次见于 \(baseline.label.zhHans)\(notBefore.zhHans)，其间治疗：\(running.zhHans)。骨病灶的疗效须以基线所用的检查方法评价：MDA 标准按检查方法（X 线/CT、MRI、骨扫描）分别定义，RECIST 1.1 要求基线与随访使用相同的方法和技术。请以 \(baseline.modality.label.zhHans)复查\(onlyMissed ? "" : "，或以本次 \(study.modality.label.zhHans)作为新的基线")。\(sizeText.zhHans)\(missedText.zhHans)"),
                inputs: [FindingInput("baselineStudy", baseline.id), FindingInput("baselineModality", baseline.modality.rawValue), FindingInput("modality", study.modality.rawValue)],
                sources: Self.sources + [Self.eisenhauer2009])
        }
        return nil
    }

    /// A reading MDA compares (size, character, rim, fill-in; MRI signal) — not an MRI read for
    /// the cord alone (ESCC) the day after the staging CT, which restages nothing.
    private static func readsResponse(_ observation: LesionObservation, on modality: Modality) -> Bool {
        observation.present && (MDA.hasAnatomy(observation) || (modality == .mri && observation.normalSignal != nil))
    }

    private static func size(_ diameters: [Double]) -> String {
        diameters.map(CaseIndex.format).joined(separator: " × ")
    }
}
