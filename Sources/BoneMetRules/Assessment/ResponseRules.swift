/// Bone-health assessment over time (duty 2): MDA response per lesion and per time point,
/// flare handling, attribution of every interval to the therapies active in it, and the
/// check of regimen switches made for "progression" (the source hospital's method; reference.md).
struct ResponseRules {
    let index: CaseIndex
    /// PCWG3 verdicts of prostate bone scans, by scan id: the time point follows them.
    var pcwg3: [String: PCWG3Rules.Verdict] = [:]
    /// PSA progression by PCWG3 per regimen: a regimen stopped for progression may rest on it.
    var psa: [PCWG3Rules.PSAProgression] = []

    static let sources = [
        Citation(id: "hamaoka2004", text: "Hamaoka T et al. J Clin Oncol 2004;22:2942-53 (MD Anderson bone response criteria)"),
        Citation(id: "costelloe2009", text: "Costelloe CM et al. Lancet Oncol 2009;10:606-14"),
    ]
    static let attributionSource = Citation(
        id: "sourceHospital",
        text: "Xu HR (Beijing Jishuitan Hospital). Bone metastases: three things the orthopaedic surgeon wants to say — MDT talk; bone response judged by treatment window",
        zh: "徐海荣（北京积水潭医院）. 肿瘤骨转移——骨科大夫想说的三件事（MDT 对谈）：按治疗窗口评价骨转移疗效")

    /// Every time point, oldest first: each study against the previous study of the same modality.
    func timePoints() -> [TimePointResponse] {
        var results: [TimePointResponse] = []
        for modality in Modality.allCases {
            // A study of report text only compares nothing and is compared with nothing: the
            // next read study pairs with the last read one (`readingNotRecorded`).
            let studies = index.studies.filter { $0.modality == modality && !$0.readingNotRecorded }
            for current in studies {
                // Against the latest study of an earlier day: two studies of one day (a PET-CT
                // and its CT read apart, a duplicate sent twice) are one examination, not an
                // interval — "2026-06-12 → 2026-06-12: PD, new focus of uptake" compared them.
                // So is a study whose partial date may be that day: an outside bone scan of
                // "2025-03" and the hospital's own of 2025-03-20 may be days apart or the same
                // scan, and "2025-03 → 2025-03-20: PD, new focus, untreated" read the better scan's
                // extra focus as progression. The previous study is one certainly before.
                let earlier = studies.filter { $0.date.latestDay < current.date.earliestDay }
                let looking = earlier.last { study in current.observations.contains { index.looked(at: $0.lesion, in: study) } }
                if looking == nil, let point = againstPETCT(current, anatomic: results) {
                    results.append(point)
                    continue
                }
                guard let last = earlier.last else {
                    // The first study of its method: only its new lesions, against another
                    // method's record of their absence, make a time point.
                    if let point = newSinceAnotherMethod(current) { results.append(point) }
                    continue
                }
                // Against the latest that imaged any of this study's lesions: a chest CT and a
                // pelvic CT on consecutive days, at staging and again at restaging, compared each
                // with the other region's — no lesion in common, and a breast cancer's partial
                // fill-in under letrozole and palbociclib had no time point at all (unseen record
                // cb160-e). Where none did, the latest (its lesions are first recorded).
                let latest = looking ?? last
                // That earlier day's studies are one examination too: a CT of the chest and one
                // of the abdomen and pelvis, an MRI of the thoracic and one of the lumbar spine.
                // Compared with one of them only, the other's lesions had no prior reading and
                // dropped out of the response (a lumbar and a pelvic lesion vanished from the
                // restaging of a breast cancer imaged by two CTs each time).
                let sameDay = studies.filter { $0.date == latest.date }
                let shared = { (study: ImagingStudy) in current.observations.filter { study.observation(of: $0.lesion) != nil }.count }
                let previous = sameDay.max { shared($0) < shared($1) } ?? latest
                let point = timePoint(previous: previous, sameDay: sameDay, earlier: earlier, current: current, anatomic: results)
                // A pair with no bone metastasis to compare is not a time point of the response.
                guard !point.lesions.isEmpty || point.unnamedNewLesions > 0 else { continue }
                // Nor is staging: untreated between the two, every lesion first imaged now. A CT
                // of the cervical spine and one of the pelvis a day apart read "CT of 2026-11-19:
                // bone response not evaluable — sacrum first recorded" (unseen record cb61-e).
                // Kept when the previous CT was read without the bone window: re-reading it is asked.
                // A lesion shown before only by another method (the bone scan or PET-CT that sent
                // the patient to CT) is first imaged by this one now too: a renal-cell cancer's
                // thoracic and pelvic CT the day after the humerus's read "bone response not
                // evaluable — the previous CT did not image its region" (unseen record cb160-d).
                let staging = point.untreated && point.unnamedNewLesions == 0 && !previous.readsSoftTissueOnly
                    // (Never imaged before satisfies it too: no earlier study looked at the lesion.)
                    && point.lesions.allSatisfy { $0.firstRecorded && shownBeforeOnlyByOtherMethods($0.lesion, before: current) }
                if !staging && !isPostoperativeCheck(point, after: previous.date, on: current.date) { results.append(point) }
            }
        }
        return results.sorted { ($0.to, $0.study) < ($1.to, $1.study) }
    }

    /// A check film after an operation on every lesion it compares, made sooner than a treatment
    /// shows in bone (`blasticLatencyWeeks`), that can judge nothing: the operation's picture,
    /// not a time point. A femur's film eleven days after its nail read "X-ray of 2026-01-08:
    /// bone response not evaluable" (unseen record cb62-e). A new lesion or a judged change on
    /// it still stands.
    private func isPostoperativeCheck(_ point: TimePointResponse, after previous: PartialDate, on date: PartialDate) -> Bool {
        guard point.overall == .notEvaluable, point.unnamedNewLesions == 0, !point.lesions.isEmpty,
            point.lesions.allSatisfy({ $0.category == .notEvaluable && !$0.isNew })
        else { return false }
        let latency = index.settings.blasticLatencyWeeks * 7
        return point.lesions.allSatisfy { response in
            index.localTreatments(response.lesion, kind: .surgery).contains { operation in
                guard !operation.planned, let start = operation.start else { return false }
                return start.earliestDay >= previous.earliestDay && start.latestDay <= date.earliestDay
                    && date.earliestDay - start.latestDay < latency
            }
        }
    }

    func timePoint(
        previous examination: ImagingStudy, sameDay: [ImagingStudy], earlier: [ImagingStudy], current: ImagingStudy,
        anatomic: [TimePointResponse]
    ) -> TimePointResponse {
        let previous = examination
        let flareTherapy = therapyInFlareWindow(at: current.date)
        let anatomicFlare = current.modality.isTracer && flareTherapy == nil
            ? flareOnAnatomy(after: previous.date, through: current.date, in: anatomic) : nil
        var responses: [LesionResponse] = []
        var newLesions: [String] = []
        // MDA assesses bone metastases: lesions judged otherwise (uptake without destruction,
        // another diagnosis on biopsy) are not response-assessed.
        for observation in current.observations.sorted(by: { $0.lesion < $1.lesion }) where index.isMetastaticCandidate(observation.lesion) {
            let lesion = observation.lesion
            // The study of the previous examination that read this lesion, or that looked at its
            // region; else the latest earlier study of the method that did — a chest-abdomen-
            // pelvis CT after a chest CT compares its pelvis with the last CT of the pelvis.
            let previous = sameDay.first { $0.observation(of: lesion) != nil } ?? sameDay.first { index.looked(at: lesion, in: $0) }
                ?? earlier.last { index.looked(at: lesion, in: $0) } ?? examination
            let treatments = index.activeTreatments(after: previous.date, before: current.date, lesion: lesion)
            let untreated = !treatments.contains { $0.kind != .boneModifyingAgent }
            let ids = treatments.map(\.id)
            func response(
                _ category: MDA.Category, _ reasons: [LocalizedText], change: Double? = nil, isNew: Bool = false, firstRecorded: Bool = false,
                byAnatomy: Bool = false
            ) -> LesionResponse {
                LesionResponse(
                    lesion: lesion, fromStudy: previous.id, toStudy: current.id, from: previous.date, to: current.date,
                    modality: current.modality, category: category, reasons: reasons, sizeChangePercent: change, isNew: isNew,
                    firstRecorded: firstRecorded, flare: false, treatments: ids, untreated: untreated, byAnatomy: byAnatomy)
            }
            // The same site under another record on the previous examination, and this record
            // not on it (a follow-up report entered as a lesion of its own): compared with that
            // record's reading. A breast cancer's T11, lytic at baseline, entered from the next
            // CT's report as "T11b", read "PD — new lytic lesion" (unseen record cb21-n).
            if sameDay.allSatisfy({ $0.observation(of: lesion) == nil }),
               let (twin, study, prior) = sameSiteReading(of: lesion, in: sameDay, current: current) {
                let result = MDA.classify(prior: prior, current: observation, modality: current.modality)
                let note = LocalizedText(
                    en: "compared with the same site's record \(twin) on the \(study.modality.label.en) of \(study.date)",
                    zh: "与同一部位的病灶记录 \(twin)（\(study.date) \(study.modality.label.zhHans)）比较")
                responses.append(LesionResponse(
                    lesion: lesion, fromStudy: study.id, toStudy: current.id, from: study.date, to: current.date,
                    modality: current.modality, category: result.category, reasons: result.reasons + [note], sizeChangePercent: result.sizeChangePercent,
                    isNew: false, firstRecorded: false, flare: false, treatments: ids, untreated: untreated, byAnatomy: result.byAnatomy))
                continue
            }
            // Removed in this interval (resection, arthroplasty, curettage): what the follow-up
            // shows is the operation — a resected femur read "CR, no longer seen" and turned the
            // time point into a partial response credited to the systemic therapy.
            if let removal = index.localTreatments(lesion, kind: .surgery).first(where: { surgery in
                guard !surgery.planned, surgery.removesLesion, let start = surgery.start else { return false }
                return previous.date.earliestDay <= start.latestDay && start.earliestDay <= current.date.latestDay
            }), let procedure = removal.removal, let start = removal.start {
                responses.append(response(.notEvaluable, [LocalizedText(
                    en: "\(procedure.label.en) on \(start) — the operation, not a response",
                    zh: "\(start) 行\(procedure.label.zhHans)——为手术所致，不是疗效")]))
                continue
            }
            // Against a PET-CT (`againstPETCT`): its CT's reading of the lesion, or none.
            let across = previous.modality != current.modality
            if across, let prior = previous.observation(of: lesion), prior.present, !MDA.hasAnatomy(prior) {
                responses.append(response(.notEvaluable, [LocalizedText(
                    en: "the \(previous.modality.label.en) of \(previous.date) recorded only its uptake — no reading of its CT to compare with",
                    zh: "\(previous.date) \(previous.modality.label.zhHans)仅记录其放射性浓聚——无其 CT 读片可供比较")]))
                continue
            }
            // Compared when the previous study showed the lesion, or read it cold where it was
            // known already (a lytic lesion without uptake then, with uptake now). A reading of
            // "no uptake" where nothing had been seen is no sighting: the lesion is new since.
            if let prior = previous.observation(of: lesion), prior.present, CaseIndex.Point.shows(prior, on: previous.modality)
                || index.presentPoints(lesion).contains(where: { $0.study.date.latestDay <= previous.date.latestDay }) {
                let result = MDA.classify(prior: healedBefore(prior, lesion: lesion, through: previous.date), current: observation, modality: current.modality)
                // Gone days after a study showed it: no bone heals that fast (`absentTooSoon`) —
                // a lytic L1 "CR — lesion no longer seen" two days after its CT (cb107-f).
                if !observation.present, CaseIndex.tooSoonToHeal(from: previous.date, to: current.date, settings: index.settings) {
                    let days = current.date.earliestDay - previous.date.latestDay
                    responses.append(response(.notEvaluable, [LocalizedText(
                        en: "not seen \(days) days after the \(previous.modality.label.en) of \(previous.date) showed it — too soon to have healed: one of the readings is wrong",
                        zh: "\(previous.date) \(previous.modality.label.zhHans)可见，\(days) 天后未见——时间过短，不可能已愈合：其中一份读片有误")]))
                    continue
                }
                if [.completeResponse, .partialResponse].contains(result.category),
                   let cement = cementedInInterval(lesion, from: previous.date, to: current.date) {
                    responses.append(response(.notEvaluable, [Self.cementReason(cement)]))
                    continue
                }
                // Compared with an earlier study than the time point's own (the last that imaged
                // this lesion): said, so that a change over months is not read as the days between
                // the two studies of the time point (cb160-m: "06-01 → 06-10: PR — pelvis").
                let against = across
                    ? [LocalizedText(en: "against the CT of the \(previous.modality.label.en) of \(previous.date)", zh: "与 \(previous.date) \(previous.modality.label.zhHans)的 CT 比较")]
                    : previous.date != examination.date
                    ? [LocalizedText(en: "since the \(previous.modality.label.en) of \(previous.date)", zh: "与 \(previous.date) \(previous.modality.label.zhHans)比较")]
                    : []
                responses.append(response(result.category, result.reasons + against, change: result.sizeChangePercent, byAnatomy: result.byAnatomy))
            } else if observation.present, !isFirstAppearance(lesion, at: current), index.looked(at: lesion, in: previous),
                      !index.presentPoints(lesion).contains(where: { $0.study.id != previous.id && $0.study.date.earliestDay <= previous.date.latestDay }),
                      let first = index.presentPoints(lesion).first {
                // Not seen on the previous study nor before it, first seen on another study in
                // between: new since the previous one, and judged where it was first seen
                // (isFirstAppearance) — not counted again here. A breast cancer's new
                // L2 sclerosis, flare on the CT, read "seen again after it was no longer seen" on
                // the bone scan two days later, though it had never been seen before.
                responses.append(response(.notEvaluable, [LocalizedText(
                    en: "new since \(previous.date); first seen on the \(first.study.modality.label.en) of \(first.study.date), judged there",
                    zh: "\(previous.date) 后新出现；首见于 \(first.study.date) \(first.study.modality.label.zhHans)，疗效按该检查判断")]))
            } else if observation.present, !isFirstAppearance(lesion, at: current), let prior = previous.observation(of: lesion), !prior.present {
                // Looked for and not seen last time, seen again now: a local recurrence after a
                // resection, or regrowth after a complete response. It had no time point at all.
                let removal = index.localTreatments(lesion, kind: .surgery).last { !$0.planned && $0.removesLesion }
                let cause = removal.flatMap { surgery in surgery.start.map { start in
                    LocalizedText(en: "after \(surgery.removal?.label.en ?? "surgery") on \(start)", zh: "于 \(start) \(surgery.removal?.label.zhHans ?? "手术")后")
                } } ?? LocalizedText(en: "after it was no longer seen on \(previous.date)", zh: "于 \(previous.date) 消失后")
                let destructive = (current.modality.isAnatomic || (current.modality == .petCt && MDA.hasAnatomy(observation)))
                    && ([.lytic, .mixed].contains(observation.character) || observation.boneDestruction == true)
                responses.append(destructive
                    ? response(.progressiveDisease, [LocalizedText(en: "lytic lesion again \(cause.en)", zh: "\(cause.zhHans)再次出现溶骨性病灶")])
                    : response(.notEvaluable, [LocalizedText(
                        en: "seen again \(cause.en) — confirm on follow-up", zh: "\(cause.zhHans)再次可见——请随访确认")]))
            } else if observation.present, isFirstAppearance(lesion, at: current) {
                // New only against a prior study that looked at the lesion's region (issue #8).
                if index.looked(at: lesion, in: previous) {
                    newLesions.append(lesion)
                    responses.append(response(.progressiveDisease, [Self.newLesionReason(observation, modality: current.modality)], isNew: true))
                } else if let absent = recordedAbsent(lesion, before: current) {
                    // Not imaged by the previous study of this method, recorded absent by a
                    // study of another that sees destruction at least as early.
                    newLesions.append(lesion)
                    responses.append(response(.progressiveDisease, [Self.absentBeforeReason(observation, absent: absent)], isNew: true))
                } else {
                    let imagedBefore = index.everImaged(lesion, before: current.date)
                    let softTissueOnly = previous.readsSoftTissueOnly
                        && (previous.observation(of: lesion) != nil || index.lesionsById[lesion].map(previous.covers) == true)
                    responses.append(response(.notEvaluable, [softTissueOnly
                        ? LocalizedText(
                            en: "first recorded — the previous CT was read without the bone window, which misses bone destruction: not counted as new; re-read it with the bone window",
                            zh: "首次记录——上次 CT 未用骨窗阅片，不用骨窗可漏诊骨质破坏：不计为新发；请以骨窗重新阅片")
                        : imagedBefore
                        ? firstRecordedSinceSurvey(lesion, observation: observation, current: current, previous: previous)
                        : LocalizedText(
                            en: "first recorded — no prior imaging of this region; not progression and no judgement of any regimen",
                            zh: "首次记录——此前无该部位影像；不属于进展，也不能据此评价任何方案")], firstRecorded: true))
                }
            }
        }
        responses += unreadKnownLesions(current, earlier: earlier + sameDay)
        let unnamed = current.unnamedNewLesions ?? 0
        // The window's treatments: systemic therapy and bone agents act on every lesion,
        // radiotherapy and surgery only on theirs — an operation on a lesion this comparison
        // does not include is not part of its window (it named a humerus nail as a cause of the
        // pelvis's response, and would call an otherwise untreated interval treated).
        let compared = Set(responses.map(\.lesion))
        let treatments = index.activeTreatments(after: previous.date, before: current.date, lesion: nil).filter { treatment in
            treatment.kind == .systemic || treatment.kind == .boneModifyingAgent || treatment.lesions.contains(where: compared.contains)
        }
        let untreated = !treatments.contains { $0.kind != .boneModifyingAgent }
        let healing = current.modality.isTracer ? healingOnAnatomy(after: previous.date, through: current.date, in: anatomic) : [:]
        var adjusted = applyFlare(
            responses, flareTherapy: flareTherapy, anatomicFlare: anatomicFlare, healing: healing, modality: current.modality)
        let character = awaitingCharacter(adjusted, current: current, untreated: untreated, unnamed: unnamed)
        adjusted = character.responses
        let characterPending = character.pending
        let verdict = current.modality == .boneScan ? pcwg3[current.id] : nil
        if let verdict { adjusted = applyPCWG3(adjusted, verdict: verdict) }
        let flare = adjusted.contains(where: \.flare)
        var overall = overall(
            adjusted, unnamedNew: verdict == nil && !characterPending ? unnamed : 0, inFlareWindow: flareTherapy != nil || anatomicFlare != nil,
            modality: current.modality)
        if verdict?.status.isProgression == true { overall = .progressiveDisease }
        // Waiting on the new lesions' character unless progression stands without them.
        if characterPending && overall != .progressiveDisease { overall = .notEvaluable }
        var point = TimePointResponse(
            study: current.id, previousStudy: previous.id, from: previous.date, to: current.date, modality: current.modality,
            overall: overall, newLesions: newLesions, unnamedNewLesions: unnamed, flare: flare, treatments: treatments.map(\.id),
            untreated: untreated, lesions: adjusted)
        point.newCharacterPending = characterPending && overall == .notEvaluable
        if current.modality.isTracer, verdict == nil, overall != .progressiveDisease {
            point.flareNotExcluded = anatomicFlare.map { .anatomy($0.modality, $0.to) } ?? (flareTherapy != nil ? .window : nil)
        }
        return point
    }

    /// Another record of the lesion's site read on the previous examination (and showing it)
    /// while not read on this study: the record, its study and its reading.
    private func sameSiteReading(
        of lesion: String, in sameDay: [ImagingStudy], current: ImagingStudy
    ) -> (String, ImagingStudy, LesionObservation)? {
        for twin in index.sameSiteRecords[lesion] ?? [] where current.observation(of: twin) == nil {
            for study in sameDay {
                if let prior = study.observation(of: twin), CaseIndex.Point.shows(prior, on: study.modality) { return (twin, study, prior) }
            }
        }
        return nil
    }

    /// Prostate bone scans follow PCWG3 (Scher 2016): new lesions are progression only when the
    /// 2+2 rule confirms them, and a change of intensity is not progression. Until then the
    /// new lesions are not evaluable, so the MDA time point never calls what PCWG3 does not.
    private func applyPCWG3(_ responses: [LesionResponse], verdict: PCWG3Rules.Verdict) -> [LesionResponse] {
        responses.map { response in
            if response.isNew {
                if verdict.status.isProgression {
                    return response.with(category: .progressiveDisease, flare: false, superseding: true, reason: LocalizedText(
                        en: "PCWG3 2+2: progression confirmed", zh: "PCWG3 2+2：进展已确认"))
                }
                return response.with(category: .notEvaluable, flare: false, superseding: true, reason: LocalizedText(
                    en: "PCWG3: new lesion not (yet) progression — see the PCWG3 finding", zh: "PCWG3：新病灶尚不构成进展——见 PCWG3 结论"))
            }
            if response.category == .progressiveDisease {
                return response.with(category: .stableDisease, flare: false, superseding: true, reason: LocalizedText(
                    en: "PCWG3: more intense uptake of a known lesion is not progression", zh: "PCWG3：已知病灶浓聚增强不属于进展"))
            }
            return response
        }
    }

    /// A lesion is new when this is the first study, of any modality, in which it is seen — or,
    /// on X-ray, CT or MRI, the first of those: uptake on a bone scan or PET shows where to
    /// look, the bone itself is first seen on anatomic imaging (reference.md: destruction on CT
    /// is the key evidence), and there its character is read — new sclerosis under therapy is
    /// flare, a new lytic lesion progression. A pelvic focus on the 8-week bone scan, sclerotic
    /// on the CT two days later, was left out of the CT's time point altogether.
    private func isFirstAppearance(_ lesion: String, at study: ImagingStudy) -> Bool {
        let points = index.presentPoints(lesion)
        guard let first = points.first else { return false }
        if first.study.id == study.id { return true }
        guard study.modality.isAnatomic else { return false }
        return points.first { $0.study.modality.isAnatomic }?.study.id == study.id
    }

    static func newLesionReason(_ observation: LesionObservation, modality: Modality) -> LocalizedText {
        // Seen without uptake, a tracer study's new lesion is no "focus of uptake": a PET-CT's
        // new L5 sclerosis read without FDG uptake under letrozole and ribociclib said "new focus
        // of uptake" (unseen record cb161-e). It is named by what its CT reads, and "no uptake".
        if modality.isTracer {
            guard observation.uptake == false else { return LocalizedText(en: "new focus of uptake", zh: "新发放射性浓聚灶") }
            let onCT = newLesionReason(observation, modality: .ct)
            let seen = observation.character == nil
                ? onCT
                : LocalizedText(en: "\(onCT.en) on its CT", zh: "CT 示\(onCT.zhHans)")
            return LocalizedText(en: "\(seen.en), without uptake", zh: "\(seen.zhHans)，无放射性浓聚")
        }
        switch observation.character {
        case .blastic: return LocalizedText(en: "new sclerotic (blastic) lesion", zh: "新发成骨（硬化）性病灶")
        case .lytic, .mixed: return LocalizedText(en: "new lytic lesion", zh: "新发溶骨性病灶")
        case .none: return LocalizedText(en: "new lesion", zh: "新发病灶")
        }
    }

    /// The systemic therapy whose flare window (setting) contains this date, once it has run
    /// the blastic latency (setting): sclerosis seen sooner was there before it could act.
    func therapyInFlareWindow(at date: PartialDate) -> Treatment? {
        guard let therapy = index.latestSystemicStart(before: date), let start = therapy.start else { return nil }
        let days = date.earliestDay - start.earliestDay
        return days >= index.settings.blasticLatencyWeeks * 7 && days <= index.settings.flareWindowWeeks * 7 ? therapy : nil
    }

    /// The X-ray, CT or MRI time point since the previous scan that read osteoblastic flare under
    /// the therapy still the latest at this scan, with no anatomic progression in the interval.
    /// MDA counts new or hotter foci on a bone scan as progression "only after a flare reaction
    /// has been excluded" (Hamaoka 2004): a CT that shows the flare five days before the scan
    /// does not exclude it, though the scan falls a day past the flare window (setting). An
    /// EGFR lung cancer's CT read PR with new sclerosis at 11½ weeks of osimertinib; the bone
    /// scan of 12 weeks and a day read PD for the same sclerosis. The window still bounds it:
    /// the CT's flare was read within it.
    private func flareOnAnatomy(after from: PartialDate, through to: PartialDate, in points: [TimePointResponse]) -> TimePointResponse? {
        let interval = points.filter { point in
            point.modality.isAnatomic && point.to.earliestDay > from.latestDay && point.to.latestDay <= to.latestDay
        }
        guard !interval.contains(where: { $0.overall == .progressiveDisease }),
              let flare = interval.last(where: { $0.flare && $0.overall.isResponse }),
              let therapy = therapyInFlareWindow(at: flare.to),
              index.latestSystemicStart(before: to)?.id == therapy.id
        else { return nil }
        return flare
    }

    /// The known lesions that X-ray, CT or MRI since the previous scan read as responding (PR or
    /// CR: sclerotic rim, fill-in, shrinkage), with no anatomic progression in the interval —
    /// each with the time point that read it. More uptake in such a lesion is the osteoblastic
    /// repair the anatomy shows, so the flare MDA asks to exclude before calling PD is not
    /// excluded (Hamaoka 2004), whatever the weeks since the therapy began: an EGFR lung
    /// cancer's bone scan at 12½ weeks of osimertinib read PD (uptake +30 %) for the T10 lesion
    /// whose CT the day before read a new sclerotic rim, PR (unseen record cb29-c).
    ///
    /// So does the X-ray, CT or MRI read after the scan against a study before it — the same
    /// restaging a day or two later, or the next under the same treatment — when no treatment
    /// began or ended between the scan and it: the lesion healing across the scan's date under
    /// unchanged treatment is the repair the scan's uptake showed. A breast cancer's bone scan at
    /// 12½ weeks of letrozole and palbociclib read PD (L2 uptake +30 %) beside the CT of the next
    /// day that read the same vertebra's new rim and fill-in PR (unseen record cb78-a).
    private func healingOnAnatomy(
        after from: PartialDate, through to: PartialDate, in points: [TimePointResponse]
    ) -> [String: TimePointResponse] {
        let interval = points.filter { point in
            point.modality.isAnatomic && point.to.earliestDay > from.latestDay && point.to.latestDay <= to.latestDay
        }
        let across = points.filter { point in
            point.modality.isAnatomic && point.from.latestDay < to.earliestDay && point.to.earliestDay > to.latestDay
        }
        guard !(interval + across).contains(where: { $0.overall == .progressiveDisease }) else { return [:] }
        var healing: [String: TimePointResponse] = [:]
        for point in across.reversed() {
            for response in point.lesions where !response.isNew && response.category.isResponse
                && !treatmentChanged(between: to, and: point.to, lesion: response.lesion)
            {
                healing[response.lesion] = point
            }
        }
        for point in interval {
            for response in point.lesions where !response.isNew && response.category.isResponse {
                healing[response.lesion] = point
            }
        }
        return healing
    }

    /// Whether a treatment acting on the lesion began or ended between two days (the first
    /// excluded): a systemic therapy or bone agent, or radiotherapy or an operation of this lesion
    /// (or of no lesion named). What an anatomic study after a scan shows is the scan's own
    /// picture only when nothing acting on the lesion changed in between; radiotherapy of another
    /// lesion does not.
    func treatmentChanged(between scan: PartialDate, and later: PartialDate, lesion: String) -> Bool {
        index.treatments.contains { treatment in
            guard !treatment.planned else { return false }
            if treatment.kind == .radiotherapy || treatment.kind == .surgery, !treatment.lesions.isEmpty, !treatment.lesions.contains(lesion) {
                return false
            }
            let inside = { (day: PartialDate) in day.latestDay > scan.earliestDay && day.earliestDay <= later.latestDay }
            return treatment.start.map(inside) == true || treatment.effectiveEnd.map(inside) == true
        }
    }

    /// Removed by an operation between the two studies (resection, arthroplasty, curettage).
    private func removedInInterval(_ response: LesionResponse) -> Bool {
        index.localTreatments(response.lesion, kind: .surgery).contains { surgery in
            guard !surgery.planned, surgery.removesLesion, let start = surgery.start else { return false }
            return response.from.earliestDay <= start.latestDay && start.earliestDay <= response.to.latestDay
        }
    }

    private func overall(_ responses: [LesionResponse], unnamedNew: Int, inFlareWindow: Bool, modality: Modality) -> MDA.Category {
        if responses.contains(where: { $0.category == .progressiveDisease }) { return .progressiveDisease }
        if unnamedNew > 0 && !(modality.isTracer && inFlareWindow) { return .progressiveDisease }
        let evaluated = responses.filter { $0.category != .notEvaluable }
        if evaluated.isEmpty { return .notEvaluable }
        // Complete response only with every lesion judged complete: a lesion not evaluable (its
        // size not measured, first recorded) may still hold disease — a breast cancer's two flare
        // lesions unmeasured beside two filled in read "CR" (unseen record cb75-f). As RECIST 1.1
        // reads a complete response of the evaluated lesions beside others not evaluated: partial.
        // A lesion an operation removed in the interval is no longer there to judge.
        let unjudged = responses.contains { $0.category == .notEvaluable && !removedInInterval($0) }
        if evaluated.allSatisfy({ $0.category == .completeResponse }) && unnamedNew == 0 { return unjudged ? .partialResponse : .completeResponse }
        if evaluated.contains(where: { $0.category.isResponse }) { return .partialResponse }
        return .stableDisease
    }
}

extension LesionResponse {
    /// The response re-judged: `reason` added to what was observed and judged so far — or, with
    /// `superseding`, to what was observed only (the first reason), when this judgement replaces
    /// the earlier one (PCWG3 over the MDA flare clause: "flare not excluded, repeat the scan"
    /// beside "PCWG3 2+2: progression confirmed" said two things at once).
    func with(category: MDA.Category, flare: Bool, superseding: Bool = false, reason: LocalizedText) -> LesionResponse {
        LesionResponse(
            lesion: lesion, fromStudy: fromStudy, toStudy: toStudy, from: from, to: to, modality: modality, category: category,
            reasons: (superseding ? Array(reasons.prefix(1)) : reasons) + [reason], sizeChangePercent: sizeChangePercent, isNew: isNew,
            firstRecorded: firstRecorded, flare: flare, treatments: treatments, untreated: untreated, byAnatomy: byAnatomy)
    }
}

extension ResponseRules {
    /// A lesion filled in completely stays healed through the readings after it that find it
    /// sclerotic without destruction and do not write the fill-in again: the prior reading is
    /// taken as filled in, so MDA's complete response continues (`MDA.classify`). Only the study
    /// right before was looked at: a breast cancer's ilium, completely filled in (2024-07), read
    /// CR on the next CT (2025-03) and "SD — product of diameters 0.0 %" on the one after
    /// (2025-07), then SD at every CT (unseen record cb127-a, 2026-12-06). A reading with
    /// destruction, or not blastic, ends the healing; bone scans and MRI say nothing of it.
    func healedBefore(_ prior: LesionObservation, lesion: String, through date: PartialDate) -> LesionObservation {
        guard prior.fillIn == nil, prior.character == .blastic, prior.boneDestruction == false else { return prior }
        let readings = index.presentPoints(lesion).filter { point in
            point.study.date.latestDay <= date.latestDay && [.xray, .ct].contains(point.study.modality) && point.observation.character != nil
        }
        for point in readings.reversed() {
            let reading = point.observation
            if reading.fillIn == .complete {
                var healed = prior
                healed.fillIn = .complete
                return healed
            }
            guard reading.character == .blastic, reading.boneDestruction != true else { return prior }
        }
        return prior
    }
}
