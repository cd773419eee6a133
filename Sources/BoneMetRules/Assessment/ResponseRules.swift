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
            let studies = index.studies.filter { $0.modality == modality }
            for current in studies {
                // Against the latest study of an earlier day: two studies of one day (a PET-CT
                // and its CT read apart, a duplicate sent twice) are one examination, not an
                // interval — "2026-06-12 → 2026-06-12: PD, new focus of uptake" compared them.
                // So is a study whose partial date may be that day: an outside bone scan of
                // "2025-03" and the hospital's own of 2025-03-20 may be days apart or the same
                // scan, and "2025-03 → 2025-03-20: PD, new focus, untreated" read the better scan's
                // extra focus as progression. The previous study is one certainly before.
                guard let latest = studies.last(where: { $0.date.latestDay < current.date.earliestDay }) else { continue }
                // That earlier day's studies are one examination too: a CT of the chest and one
                // of the abdomen and pelvis, an MRI of the thoracic and one of the lumbar spine.
                // Compared with one of them only, the other's lesions had no prior reading and
                // dropped out of the response (a lumbar and a pelvic lesion vanished from the
                // restaging of a breast cancer imaged by two CTs each time).
                let sameDay = studies.filter { $0.date == latest.date }
                let shared = { (study: ImagingStudy) in current.observations.filter { study.observation(of: $0.lesion) != nil }.count }
                let previous = sameDay.max { shared($0) < shared($1) } ?? latest
                let point = timePoint(previous: previous, sameDay: sameDay, current: current, anatomic: results)
                // A pair with no bone metastasis to compare is not a time point of the response.
                if !point.lesions.isEmpty || point.unnamedNewLesions > 0 { results.append(point) }
            }
        }
        return results.sorted { ($0.to, $0.study) < ($1.to, $1.study) }
    }

    private func timePoint(
        previous examination: ImagingStudy, sameDay: [ImagingStudy], current: ImagingStudy, anatomic: [TimePointResponse]
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
            // The study of the previous examination that read this lesion, or that looked at its region.
            let previous = sameDay.first { $0.observation(of: lesion) != nil } ?? sameDay.first { index.looked(at: lesion, in: $0) } ?? examination
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
                guard !surgery.planned, surgery.procedure?.removesLesion == true, let start = surgery.start else { return false }
                return previous.date.earliestDay <= start.latestDay && start.earliestDay <= current.date.latestDay
            }), let procedure = removal.procedure, let start = removal.start {
                responses.append(response(.notEvaluable, [LocalizedText(
                    en: "\(procedure.label.en) on \(start) — the operation, not a response",
                    zh: "\(start) 行\(procedure.label.zhHans)——为手术所致，不是疗效")]))
                continue
            }
            // Compared when the previous study showed the lesion, or read it cold where it was
            // known already (a lytic lesion without uptake then, with uptake now). A reading of
            // "no uptake" where nothing had been seen is no sighting: the lesion is new since.
            if let prior = previous.observation(of: lesion), prior.present, CaseIndex.Point.shows(prior, on: previous.modality)
                || index.presentPoints(lesion).contains(where: { $0.study.date.latestDay <= previous.date.latestDay }) {
                let result = MDA.classify(prior: prior, current: observation, modality: current.modality)
                responses.append(response(result.category, result.reasons, change: result.sizeChangePercent, byAnatomy: result.byAnatomy))
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
                let removal = index.localTreatments(lesion, kind: .surgery).last { !$0.planned && $0.procedure?.removesLesion == true }
                let cause = removal.flatMap { surgery in surgery.start.map { start in
                    LocalizedText(en: "after \(surgery.procedure?.label.en ?? "surgery") on \(start)", zh: "于 \(start) \(surgery.procedure?.label.zhHans ?? "手术")后")
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
                } else {
                    let imagedBefore = index.everImaged(lesion, before: current.date)
                    let softTissueOnly = previous.readsSoftTissueOnly
                        && (previous.observation(of: lesion) != nil || index.lesionsById[lesion].map(previous.covers) == true)
                    responses.append(response(.notEvaluable, [softTissueOnly
                        ? LocalizedText(
                            en: "first recorded — the previous CT was read without the bone window, which misses bone destruction: not counted as new; re-read it with the bone window",
                            zh: "首次记录——上次 CT 未用骨窗阅片，不用骨窗可漏诊骨质破坏：不计为新发；请以骨窗重新阅片")
                        : imagedBefore
                        ? LocalizedText(
                            en: "first recorded — the previous \(previous.modality.label.en) did not image its region; not counted as new",
                            zh: "首次记录——上次\(previous.modality.label.zhHans)未包括该部位；不计为新发")
                        : LocalizedText(
                            en: "first recorded — no prior imaging of this region; not progression and no judgement of any regimen",
                            zh: "首次记录——此前无该部位影像；不属于进展，也不能据此评价任何方案")], firstRecorded: true))
                }
            }
        }
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
        var adjusted = applyFlare(responses, flareTherapy: flareTherapy, anatomicFlare: anatomicFlare, modality: current.modality)
        let verdict = current.modality == .boneScan ? pcwg3[current.id] : nil
        if let verdict { adjusted = applyPCWG3(adjusted, verdict: verdict) }
        let flare = adjusted.contains(where: \.flare)
        var overall = overall(
            adjusted, unnamedNew: verdict == nil ? unnamed : 0, inFlareWindow: flareTherapy != nil || anatomicFlare != nil, modality: current.modality)
        if verdict?.status.isProgression == true { overall = .progressiveDisease }
        var point = TimePointResponse(
            study: current.id, previousStudy: previous.id, from: previous.date, to: current.date, modality: current.modality,
            overall: overall, newLesions: newLesions, unnamedNewLesions: unnamed, flare: flare, treatments: treatments.map(\.id),
            untreated: untreated, lesions: adjusted)
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
        if modality.isTracer { return LocalizedText(en: "new focus of uptake", zh: "新发放射性浓聚灶") }
        switch observation.character {
        case .blastic: return LocalizedText(en: "new sclerotic (blastic) lesion", zh: "新发成骨（硬化）性病灶")
        case .lytic, .mixed: return LocalizedText(en: "new lytic lesion", zh: "新发溶骨性病灶")
        case .none: return LocalizedText(en: "new lesion", zh: "新发病灶")
        }
    }

    /// The systemic therapy whose flare window (setting) contains this date, once it has run
    /// the blastic latency (setting): sclerosis seen sooner was there before it could act.
    func therapyInFlareWindow(at date: PartialDate) -> Treatment? {
        guard let therapy = index.latestSystemicStart(onOrBefore: date), let start = therapy.start else { return nil }
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
              index.latestSystemicStart(onOrBefore: to)?.id == therapy.id
        else { return nil }
        return flare
    }

    /// MDA: new sclerosis (or more uptake) on an interval scan within the flare window of a new
    /// therapy, with other lesions responding and no other progression, is osteoblastic flare —
    /// a response. Under therapy, a new sclerotic lesion is never progression by itself (seed:
    /// "new osteoblastic lesions after treatment are a sign of response, not progression").
    private func applyFlare(
        _ responses: [LesionResponse], flareTherapy: Treatment?, anatomicFlare: TimePointResponse? = nil, modality: Modality
    ) -> [LesionResponse] {
        let othersRespond = responses.contains { !$0.isNew && $0.category.isResponse }
        let otherProgression = responses.contains { response in
            response.category == .progressiveDisease && !Self.isSclerosisOrUptake(response, index: index)
        }
        return responses.map { response in
            guard response.category == .progressiveDisease, Self.isSclerosisOrUptake(response, index: index) else { return response }
            if flareTherapy != nil && othersRespond && !otherProgression {
                return response.with(
                    category: .partialResponse, flare: true,
                    reason: LocalizedText(en: "osteoblastic flare within the flare window, other lesions responding", zh: "闪烁窗口内的成骨性闪烁，其他病灶有缓解"))
            }
            // On a PET-CT whose CT reads the new lesion blastic, as on CT: a prostate cancer's new
            // sclerotic rib focus at 16 weeks of ADT, PSA 85 → 0.8, read "PD — new focus of
            // uptake" (unseen record cb21-u).
            let sclerosis = !modality.isTracer || (modality == .petCt && Self.newBlasticOnItsCT(response, index: index))
            if !response.untreated && sclerosis && index.therapyActingLongEnough(on: response.to) != nil {
                return response.with(
                    category: .stableDisease, flare: false,
                    reason: LocalizedText(en: "new sclerosis under therapy is not progression by itself; confirm on follow-up", zh: "治疗中新发硬化本身不代表进展；随访确认"))
            }
            if let anatomicFlare, modality.isTracer {
                let study = anatomicFlare.modality.label
                return response.with(
                    category: .stableDisease, flare: false,
                    reason: LocalizedText(
                        en: "more uptake after the \(study.en) of \(anatomicFlare.to) read osteoblastic flare: flare not excluded, repeat the scan",
                        zh: "\(anatomicFlare.to) \(study.zhHans)已示成骨性闪烁，其后浓聚增加：不能排除闪烁现象，需复查"))
            }
            if flareTherapy != nil && modality.isTracer {
                return response.with(
                    category: .stableDisease, flare: false,
                    reason: LocalizedText(en: "more uptake within the flare window: flare not excluded, repeat the scan", zh: "闪烁窗口内浓聚增加：不能排除闪烁现象，需复查"))
            }
            return response
        }
    }

    /// A new lesion on a PET-CT whose CT reads it blastic, without destruction.
    static func newBlasticOnItsCT(_ response: LesionResponse, index: CaseIndex) -> Bool {
        guard response.isNew, let observation = index.studies.first(where: { $0.id == response.toStudy })?.observation(of: response.lesion)
        else { return false }
        return observation.character == .blastic && observation.boneDestruction != true
    }

    /// New or growing sclerosis on anatomic imaging, or new/hotter uptake on tracer imaging.
    static func isSclerosisOrUptake(_ response: LesionResponse, index: CaseIndex) -> Bool {
        if response.modality.isTracer { return !response.byAnatomy }
        guard response.isNew else { return false }
        let study = index.studies.first { $0.id == response.toStudy }
        return study?.observation(of: response.lesion)?.character == .blastic
    }

    private func overall(_ responses: [LesionResponse], unnamedNew: Int, inFlareWindow: Bool, modality: Modality) -> MDA.Category {
        if responses.contains(where: { $0.category == .progressiveDisease }) { return .progressiveDisease }
        if unnamedNew > 0 && !(modality.isTracer && inFlareWindow) { return .progressiveDisease }
        let evaluated = responses.filter { $0.category != .notEvaluable }
        if evaluated.isEmpty { return .notEvaluable }
        if evaluated.allSatisfy({ $0.category == .completeResponse }) && unnamedNew == 0 { return .completeResponse }
        if evaluated.contains(where: { $0.category.isResponse }) { return .partialResponse }
        return .stableDisease
    }

    // MARK: Findings

    func findings(_ points: [TimePointResponse]) -> [Finding] {
        var findings: [Finding] = []
        for point in points {
            findings.append(timePointFinding(point))
            if point.untreated && point.overall != .notEvaluable && point.overall != .stableDisease {
                findings.append(naturalHistoryFinding(point))
            }
            for response in point.lesions where response.flare {
                findings.append(flareFinding(response))
            }
        }
        findings += switchFindings(points)
        if let unpaired = noComparableStudyFinding(points) { findings.append(unpaired) }
        if let blood = bloodCancerResponseFinding() { findings.append(blood) }
        findings += measurabilityFindings()
        return findings
    }

    /// "treatment window: …" of a list of treatments (worked out once for both languages).
    private static func window(_ treatments: LocalizedText) -> LocalizedText {
        LocalizedText(en: "treatment window: \(treatments.en)", zh: "治疗窗口：\(treatments.zhHans)")
    }

    private func treatmentList(_ ids: [String]) -> LocalizedText {
        let labels = ids.compactMap { id in index.treatments.first { $0.id == id }?.label }
        guard !labels.isEmpty else { return LocalizedText(en: "no treatment", zh: "无治疗") }
        return LocalizedText.joined(labels, en: "; ", zh: "；")
    }

    private func timePointFinding(_ point: TimePointResponse) -> Finding {
        let study = index.studies.first { $0.id == point.study }
        // Local radiotherapy acts on its own lesion only (the source hospital's attribution): a
        // lesion irradiated in the interval says so, and a response seen only in irradiated
        // lesions is not the systemic therapy's (a tamoxifen window read "PR" from an irradiated
        // rib while the pelvis stood still).
        let irradiated = { (response: LesionResponse) -> Bool in
            response.treatments.contains { id in index.treatments.contains { $0.id == id && $0.kind == .radiotherapy } }
        }
        let baseline = isBaseline(point)
        let lateStart = baseline || point.untreated ? nil : untreatedHead(point)
        let young = baseline || point.untreated || point.overall == .notEvaluable ? nil : youngRegimen(point)
        let tooEarly = young.map { young in
            LocalizedText(
                en: "; \(young.names.en) had run \(young.days) days at this scan — less than the \(index.settings.blasticLatencyWeeks) weeks (setting) a treatment effect on bone needs: its uptake shows the disease before the regimen could act, not its response or failure (PCWG3 reads the first scan after baseline at 8–12 weeks); judge it on a scan from \(index.settings.blasticLatencyWeeks) weeks on",
                zh: "；本次扫描时\(young.names.zhHans)仅用药 \(young.days) 天——短于治疗对骨起效所需的 \(index.settings.blasticLatencyWeeks) 周（设置）：其放射性浓聚反映方案起效前的疾病状态，既非其疗效也非其失败（PCWG3 在治疗后 8–12 周读首次扫描）；请以用药 \(index.settings.blasticLatencyWeeks) 周后的扫描评价")
        }
        // Written only where details are wanted (`assess(details:)`): a stored row is the title.
        func detail(bloodOnly: Bool) -> LocalizedText {
            let lesionLines = point.lesions.map { response -> LocalizedText in
                let name = index.label(lesionId: response.lesion)
                let reasons = LocalizedText.joined(response.reasons, en: ", ", zh: "，")
                let local = irradiated(response) ? LocalizedText(en: " (irradiated in this interval)", zh: "（本区间内接受放疗）") : LocalizedText(en: "", zh: "")
                return LocalizedText(
                    en: "\(name.en): \(response.category.rawValue) — \(reasons.en)\(local.en)",
                    zh: "\(name.zhHans)：\(response.category.rawValue)——\(reasons.zhHans)\(local.zhHans)")
            }
            let responding = point.lesions.filter(\.category.isResponse)
            let onlyIrradiatedResponded = point.overall.isResponse && !responding.isEmpty && responding.allSatisfy(irradiated)
                && point.lesions.contains { !irradiated($0) && $0.category != .notEvaluable }
            let window = baseline
                ? LocalizedText(en: "baseline before any treatment (natural history)", zh: "治疗前基线期（疾病自然进程）")
                : point.untreated
                ? LocalizedText(en: "untreated interval", zh: "未治疗区间")
                : Self.window(treatmentList(point.treatments))
            let offTreatment = baseline || point.untreated ? nil : untreatedTail(point)
            let switched = baseline || point.untreated ? nil : regimenSwitch(point)
            let window2 = LocalizedText(
                en: "\(window.en)\(lateStart?.en ?? "")\(switched?.en ?? "")\(offTreatment?.en ?? "")\(tooEarly?.en ?? "")",
                zh: "\(window.zhHans)\(lateStart?.zhHans ?? "")\(switched?.zhHans ?? "")\(offTreatment?.zhHans ?? "")\(tooEarly?.zhHans ?? "")")
            var detailParts = [
                LocalizedText(en: "\(point.from) → \(point.to), \(window2.en)", zh: "\(point.from) → \(point.to)，\(window2.zhHans)")
            ] + lesionLines
            if point.unnamedNewLesions > 0 {
                var unnamed = LocalizedText(en: "\(point.unnamedNewLesions) new lesion(s) not itemised", zh: "另有 \(point.unnamedNewLesions) 处未逐一记录的新发病灶")
                switch point.flareNotExcluded {
                case .window?:
                    unnamed = LocalizedText(
                        en: "\(unnamed.en) — within the flare window: flare not excluded, not counted as progression; repeat the scan",
                        zh: "\(unnamed.zhHans)——在闪烁窗口内：不能排除闪烁现象，不计为进展；需复查")
                case .anatomy(let modality, let date)?:
                    unnamed = LocalizedText(
                        en: "\(unnamed.en) — the \(modality.label.en) of \(date) read osteoblastic flare: flare not excluded, not counted as progression; repeat the scan",
                        zh: "\(unnamed.zhHans)——\(date) \(modality.label.zhHans)已示成骨性闪烁：不能排除闪烁现象，不计为进展；需复查")
                case nil: break
                }
                detailParts.append(unnamed)
            }
            if onlyIrradiatedResponded {
                detailParts.append(LocalizedText(
                    en: "Only irradiated lesions responded: the response of the lesions not irradiated shows the systemic therapy's own effect",
                    zh: "仅接受放疗的病灶出现缓解：全身治疗本身的疗效应看未放疗的病灶"))
            }
            if let markers = markerSummary(from: point.from, to: point.to) { detailParts.append(markers) }
            if bloodOnly && point.overall.isResponse {
                detailParts.append(LocalizedText(
                    en: "Myeloma and lymphoma respond by their own criteria (IMWG, Lugano): see the response-criteria finding",
                    zh: "骨髓瘤和淋巴瘤按其自身标准（IMWG、Lugano）评价疗效：见疗效标准相关提示"))
            }
            return LocalizedText.joined(detailParts, en: ". ", zh: "。")
        }
        var studyLabel = study?.label ?? LocalizedText(en: point.study, zh: point.study)
        // Two studies of one modality that day (a chest CT and an abdomen-pelvis CT) have a time
        // point each: the title says which, by the region recorded or else the lesions compared.
        if let study, index.studies.contains(where: { $0.id != study.id && $0.modality == study.modality && $0.date == study.date }) {
            let which = study.region.map { LocalizedText(en: $0, zh: $0) }
                ?? LocalizedText.joined(point.lesions.map { index.label(lesionId: $0.lesion) }, en: ", ", zh: "、")
            studyLabel = LocalizedText(en: "\(studyLabel.en) (\(which.en))", zh: "\(studyLabel.zhHans)（\(which.zhHans)）")
        }
        let progression = point.overall == .progressiveDisease
        // Myeloma's or lymphoma's lesions only: their response is the disease's own criteria's
        // (IMWG, Lugano); the bone's sclerosis or shrinkage is a reading, not that response.
        let bloodOnly = !point.lesions.isEmpty && point.lesions.allSatisfy { index.bloodCancer($0.lesion) != nil }
        let suffix = baseline && progression
            ? LocalizedText(en: " — before any treatment: natural history, not a treatment failure", zh: "——治疗前：疾病自然进程，并非治疗失败")
            : young.map { young in
                LocalizedText(en: " — \(young.days) days into \(young.names.en): too early to judge it", zh: "——\(young.names.zhHans)仅用药 \(young.days) 天：尚不能据此评价")
            }
            ?? (bloodOnly && point.overall.isResponse
            ? LocalizedText(en: " — a reading of the bone, not the disease's response", zh: "——仅为骨的影像表现，并非该疾病的疗效评价")
            : LocalizedText(en: "", zh: ""))
        return Finding(
            ruleId: "boneHealth.mda.timePoint", severity: progression && !baseline ? (young == nil ? .warning : .advisory) : .info,
            duty: .boneHealth, specialty: .orthopaedics, subject: .study(point.study), date: point.to,
            title: LocalizedText(
                en: "\(studyLabel.en): bone response \(point.overall.label.en) (MDA)\(suffix.en)",
                zh: "\(studyLabel.zhHans)：骨转移疗效 \(point.overall.label.zhHans)（MDA）\(suffix.zhHans)"),
            detail: detail(bloodOnly: bloodOnly),
            inputs: [
                FindingInput("previousStudy", point.previousStudy), FindingInput("study", point.study),
                FindingInput("treatments", point.treatments.joined(separator: ",")),
            ],
            sources: Self.sources + [Self.attributionSource] + (pcwg3[point.study] != nil ? [PCWG3Rules.source] : []) + (lateStart != nil ? [Self.eisenhauer2009] : []) + (young != nil && pcwg3[point.study] == nil ? [PCWG3Rules.source] : []),
            claims: point.overall == .notEvaluable ? [] : [Claim(.progression, about: point.study, progression ? "progression" : "notProgression")])
    }

    /// An untreated interval before any treatment at all: the baseline, whose change is the
    /// natural history of the disease (the source hospital's attribution).
    func isBaseline(_ point: TimePointResponse) -> Bool {
        point.untreated && !index.treatments.contains { treatment in
            !treatment.planned && treatment.kind != .boneModifyingAgent
                && (treatment.start?.earliestDay ?? Int.max) <= point.from.latestDay
        }
    }

    /// Change in an untreated interval: before any treatment it is the baseline (info); in a gap
    /// between regimens it is "off treatment" (advisory). Neither judges a regimen.
    private func naturalHistoryFinding(_ point: TimePointResponse) -> Finding {
        let baseline = isBaseline(point)
        let title =
            baseline
            ? LocalizedText(
                en: "Baseline \(point.from) → \(point.to): change before any treatment is natural history",
                zh: "基线期 \(point.from) → \(point.to)：治疗前的变化属于疾病自然进程")
            : LocalizedText(
                en: "Change between \(point.from) and \(point.to) happened off treatment",
                zh: "\(point.from) 至 \(point.to) 期间的变化发生在停止治疗期间")
        let detail =
            baseline
            ? LocalizedText(
                en: "No treatment had started yet: the change (\(point.overall.label.en)) shows how the disease behaves untreated. It is the baseline against which the first regimen is judged — not a response to, or failure of, any regimen.",
                zh: "尚未开始任何治疗：该变化（\(point.overall.label.zhHans)）反映疾病未经治疗时的表现，是评价首个方案的基线——既不是任何方案的疗效，也不是其失败。")
            : LocalizedText(
                en: "No systemic therapy or local treatment was active in this interval: the change (\(point.overall.label.en)) is natural history of the disease and says nothing for or against any regimen. Judge a regimen only by the window in which it was given.",
                zh: "此区间内无全身治疗或局部治疗：该变化（\(point.overall.label.zhHans)）属于疾病自然进程，不能作为任何方案有效或无效的依据。评价方案只看其用药窗口。")
        return Finding(
            ruleId: "boneHealth.attribution.naturalHistory", severity: baseline ? .info : .advisory, duty: .boneHealth,
            specialty: .medicalOncology, subject: .interval(from: point.from, to: point.to), date: point.to, title: title, detail: detail,
            inputs: [FindingInput("from", point.from.description), FindingInput("to", point.to.description), FindingInput("overall", point.overall.rawValue)],
            sources: [Self.attributionSource])
    }

    private func flareFinding(_ response: LesionResponse) -> Finding {
        let name = index.label(lesionId: response.lesion)
        return Finding(
            ruleId: "boneHealth.mda.flare", severity: .info, duty: .boneHealth, specialty: .orthopaedics,
            subject: .lesion(response.lesion), date: response.to,
            title: LocalizedText(
                en: "\(name.en): new sclerosis is osteoblastic flare — response, not progression",
                zh: "\(name.zhHans)：新发硬化为成骨性闪烁——属于缓解，而非进展"),
            detail: LocalizedText(
                en: "Seen within \(index.settings.flareWindowWeeks) weeks of a new therapy while other lesions respond (sclerotic rim or fill-in): by the MDA criteria this is partial response. Do not change therapy for it.",
                zh: "在新治疗开始后 \(index.settings.flareWindowWeeks) 周内出现，且其他病灶有缓解（硬化缘或填充）：按 MDA 标准属于部分缓解。不应因此更改治疗。"),
            inputs: [FindingInput("flareWindowWeeks", index.settings.flareWindowWeeks.description), FindingInput("study", response.toStudy)],
            sources: Self.sources)
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
