/// The response findings: one per time point (the MDA reading, its treatment window and what in
/// it is not the regimen's), natural history in an untreated interval, osteoblastic flare.
extension ResponseRules {
    func findings(_ points: [TimePointResponse]) -> [Finding] {
        var findings: [Finding] = []
        for point in points {
            findings.append(timePointFinding(
                point, followedBy: Self.answeredBy(point, in: points), unconfirmed: unconfirmedUnderImmunotherapy(point, in: points)))
            if point.untreated && point.overall != .notEvaluable && point.overall != .stableDisease {
                findings.append(naturalHistoryFinding(point))
            }
            for response in point.lesions where response.flare {
                // A later study that reads the same lesion progressing has the last word: an EGFR
                // lung cancer's L4 sclerosis at 6 weeks of osimertinib (flare) had grown 67 % by 20
                // weeks, read PD, while "flare — do not change therapy for it" stood beside it
                // (unseen record cb101-c, 2026.12.346).
                let later = points.filter { $0.to.earliestDay > response.to.latestDay }.sorted { $0.to < $1.to }.lazy
                    .compactMap { later in later.lesions.first { $0.lesion == response.lesion && $0.category == .progressiveDisease }.map { (later, $0) } }.first
                findings.append(flareFinding(response, progressedOn: later))
            }
        }
        findings += switchFindings(points)
        if let unpaired = noComparableStudyFinding(points) { findings.append(unpaired) }
        findings += firstSeenSinceSurveyFindings(points)
        if let blood = bloodCancerResponseFinding() { findings.append(blood) }
        findings += measurabilityFindings()
        return findings
    }

    /// "treatment window: …" of a list of treatments (worked out once for both languages).
    static func window(_ treatments: LocalizedText) -> LocalizedText {
        LocalizedText(en: "treatment window: \(treatments.en)", zh: "治疗窗口：\(treatments.zhHans)")
    }

    func treatmentList(_ ids: [String]) -> LocalizedText {
        let labels = ids.compactMap { id in index.treatments.first { $0.id == id }?.label }
        guard !labels.isEmpty else { return LocalizedText(en: "no treatment", zh: "无治疗") }
        return LocalizedText.joined(labels, en: "; ", zh: "；")
    }

    /// The next time point of the same method, not progression, that a progression was followed
    /// by: the progression is history then, its decision taken — a PD of March 2025 under
    /// fulvestrant stood first among "what must be done first" in December 2026 beside the PR of
    /// September 2025 under capecitabine (cb28-l).
    static func answeredBy(_ point: TimePointResponse, in points: [TimePointResponse]) -> TimePointResponse? {
        guard point.overall == .progressiveDisease else { return nil }
        return points.first { later in
            later.study != point.study && later.modality == point.modality && later.from.earliestDay >= point.to.earliestDay
                && [.completeResponse, .partialResponse, .stableDisease].contains(later.overall)
        }
    }

    func timePointFinding(_ point: TimePointResponse, followedBy later: TimePointResponse? = nil, unconfirmed: LocalizedText? = nil) -> Finding {
        let study = index.studies.first { $0.id == point.study }
        // Local radiotherapy acts on its own lesion only (the source hospital's attribution): a
        // lesion irradiated in the interval says so, and a response seen only in irradiated
        // lesions is not the systemic therapy's (a tamoxifen window read "PR" from an irradiated
        // rib while the pelvis stood still).
        let irradiated = irradiatedInInterval
        // The radiotherapy courses when only irradiated lesions responded (once, for the title
        // and the detail).
        let irradiatedOnly = irradiationOnlyResponse(point)
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
            let onlyIrradiatedResponded = !irradiatedOnly.isEmpty
            let agentsOnly = boneAgentsOnly(point)
            let onlyAgent = agentsOnly.map { names in
                LocalizedText(en: "; only \(names.en) ran — a bone-modifying agent, not an anticancer therapy", zh: "；期间仅使用\(names.zhHans)——骨改良药物，并非抗肿瘤治疗")
            } ?? LocalizedText(en: "", zh: "")
            let window = baseline
                ? LocalizedText(
                    en: "baseline before any \(agentsOnly == nil ? "treatment" : "anticancer therapy") (natural history)\(onlyAgent.en)",
                    zh: "\(agentsOnly == nil ? "治疗" : "抗肿瘤治疗")前基线期（疾病自然进程）\(onlyAgent.zhHans)")
                : point.untreated
                ? LocalizedText(en: "no anticancer therapy in this interval\(onlyAgent.en)", zh: "本区间内无抗肿瘤治疗\(onlyAgent.zhHans)")
                : Self.window(treatmentList(point.treatments))
            let offTreatment = baseline || point.untreated ? nil : untreatedTail(point)
            let switched = baseline || point.untreated ? nil : regimenSwitch(point)
            let undated = baseline || point.untreated ? nil : undatedBoundary(point)
            let window2 = LocalizedText(
                en: "\(window.en)\(lateStart?.en ?? "")\(switched?.en ?? "")\(undated?.en ?? "")\(offTreatment?.en ?? "")\(tooEarly?.en ?? "")",
                zh: "\(window.zhHans)\(lateStart?.zhHans ?? "")\(switched?.zhHans ?? "")\(undated?.zhHans ?? "")\(offTreatment?.zhHans ?? "")\(tooEarly?.zhHans ?? "")")
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
                case nil:
                    if point.newCharacterPending {
                        unnamed = LocalizedText(
                            en: "\(unnamed.en) — their character decides: a new lytic lesion is progression; new sclerosis under therapy is not progression by itself (osteoblastic flare where other lesions respond); record each with its character (lytic, blastic or mixed)",
                            zh: "\(unnamed.zhHans)——其性质决定疗效：新发溶骨为进展；治疗中新发硬化本身不代表进展（其他病灶缓解时为成骨性闪烁）；请逐一记录并注明性质（溶骨、成骨或混合）")
                    }
                }
                detailParts.append(unnamed)
            }
            // Every judged lesion complete, others not evaluable: said why it is not CR.
            let unjudged = point.lesions.filter { $0.category == .notEvaluable }
            if point.overall == .partialResponse, !unjudged.isEmpty,
                point.lesions.filter({ $0.category != .notEvaluable }).allSatisfy({ $0.category == .completeResponse })
            {
                let names = LocalizedText.joined(unjudged.map { index.label(lesionId: $0.lesion) }, en: ", ", zh: "、")
                detailParts.append(LocalizedText(
                    en: "Complete response of the lesions judged; not CR while \(names.en) cannot be judged — CR needs a complete response in every lesion",
                    zh: "已评价病灶均完全缓解；\(names.zhHans)无法评价，故不判定为完全缓解——完全缓解需全部病灶均完全缓解"))
            }
            if onlyIrradiatedResponded {
                detailParts.append(LocalizedText(
                    en: "Only irradiated lesions responded: the response of the lesions not irradiated shows the systemic therapy's own effect",
                    zh: "仅接受放疗的病灶出现缓解：全身治疗本身的疗效应看未放疗的病灶"))
            }
            if let markers = markerSummary(from: point.from, to: point.to) { detailParts.append(markers) }
            if let unconfirmed { detailParts.append(unconfirmed) }
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
        let anticancer = boneAgentsOnly(point) != nil
        let suffix = baseline && progression
            ? LocalizedText(
                en: " — before any \(anticancer ? "anticancer therapy" : "treatment"): natural history, not a treatment failure",
                zh: "——\(anticancer ? "抗肿瘤治疗" : "治疗")前：疾病自然进程，并非治疗失败")
            : young.map { young in
                LocalizedText(en: " — \(young.days) days into \(young.names.en): too early to judge it", zh: "——\(young.names.zhHans)仅用药 \(young.days) 天：尚不能据此评价")
            }
            ?? (point.newCharacterPending
            ? LocalizedText(en: " — the new lesions' character decides", zh: "——取决于新发病灶的性质")
            : nil)
            ?? pcwg3Suffix(point)
            ?? (irradiatedOnly.isEmpty
            ? nil
            : LocalizedText(en: " — in the irradiated lesions only", zh: "——仅放疗病灶缓解"))
            ?? (bloodOnly && point.overall.isResponse
            ? LocalizedText(en: " — a reading of the bone, not the disease's response", zh: "——仅为骨的影像表现，并非该疾病的疗效评价")
            : LocalizedText(en: "", zh: ""))
        // A baseline's progression is natural history already (information): said as before.
        // Under a regimen begun since the progression, that regimen is named: "followed by PR"
        // alone read as if the progression had answered itself, when the PR was the next line's
        // (letrozole's new femoral lesion, then PR under fulvestrant + abemaciclib; cb35-a).
        // A later response seen only in the lesions irradiated since is the radiotherapy's, not the
        // new regimen's: "followed by PR under fulvestrant" named the regimen for a humerus that
        // responded to 20 Gy while the spine stood still (unseen record cb76-i).
        let history = baseline ? nil : later.map { later in
            let radiotherapy = irradiationOnlyResponse(later)
            // A regimen begun too recently for an effect on bone (`blasticLatencyWeeks`) says how
            // long it had run: "followed by SD under eribulin" ten days into it read as eribulin's
            // stable disease (cb76-f).
            let regimens = later.treatments.compactMap { id in
                index.treatments.first { $0.id == id && $0.kind == .systemic && !point.treatments.contains(id) }
            }
            let begun = regimens.map(\.displayName)
            let daysIn = regimens.compactMap { regimen in
                regimen.start.map { later.to.earliestDay - $0.latestDay }
            }.filter { $0 >= 0 && $0 < index.settings.blasticLatencyWeeks * 7 }.min()
            let under = !radiotherapy.isEmpty ? {
                let names = LocalizedText.joined(radiotherapy.map(\.displayName), en: "; ", zh: "；")
                return LocalizedText(en: " in the irradiated lesions only (\(names.en))", zh: "（仅放疗病灶缓解：\(names.zhHans)）")
            }()
            : begun.isEmpty ? LocalizedText(en: "", zh: "") : {
                let names = LocalizedText.joined(begun, en: " + ", zh: "+")
                guard let daysIn else { return LocalizedText(en: " under \(names.en)", zh: "（\(names.zhHans)治疗下）") }
                return LocalizedText(en: " under \(names.en) (\(daysIn) days in)", zh: "（\(names.zhHans)治疗下，仅用药 \(daysIn) 天）")
            }()
            return LocalizedText(
                en: "\(suffix.en) — followed by \(later.overall.rawValue) on \(later.to)\(under.en)",
                zh: "\(suffix.zhHans)——其后 \(later.to) 为 \(later.overall.rawValue)\(under.zhHans)")
        }
        let treated = progression && !baseline && history == nil && young == nil ? locallyTreatedSince(point) : nil
        let headline = history ?? treated.map { names in
            LocalizedText(en: "\(suffix.en) — treated since: \(names.en)", zh: "\(suffix.zhHans)——其后已处理：\(names.zhHans)")
        } ?? suffix
        return Finding(
            ruleId: "boneHealth.mda.timePoint",
            severity: history != nil || treated != nil ? .info : progression && !baseline ? (young == nil ? .warning : .advisory) : point.newCharacterPending ? .advisory : .info,
            duty: .boneHealth, specialty: .orthopaedics, subject: .study(point.study), date: point.to,
            title: LocalizedText(
                en: "\(studyLabel.en.sentenceStart): bone response \(point.overall.label.en) (MDA)\(headline.en)",
                zh: "\(studyLabel.zhHans)：骨转移疗效 \(point.overall.label.zhHans)（MDA）\(headline.zhHans)"),
            detail: detail(bloodOnly: bloodOnly),
            inputs: [
                FindingInput("previousStudy", point.previousStudy), FindingInput("study", point.study),
                FindingInput("treatments", point.treatments.joined(separator: ",")),
            ],
            sources: Self.sources + [Self.attributionSource] + (pcwg3[point.study] != nil ? [PCWG3Rules.source] : []) + (lateStart != nil ? [Self.eisenhauer2009] : []) + (young != nil && pcwg3[point.study] == nil ? [PCWG3Rules.source] : [])
                + (unconfirmed != nil ? [Self.seymour2017] : []),
            claims: point.overall == .notEvaluable ? [] : [Claim(.progression, about: point.study, progression ? "progression" : "notProgression")])
    }

    /// Whether a lesion was irradiated in its interval (the source hospital's attribution: local
    /// radiotherapy acts on its own lesion only).
    func irradiatedInInterval(_ response: LesionResponse) -> Bool {
        response.treatments.contains { id in index.treatments.contains { $0.id == id && $0.kind == .radiotherapy } }
    }

    /// The radiotherapy courses of a response seen only in lesions irradiated in the interval,
    /// while a lesion not irradiated was judged and did not respond; empty otherwise.
    func irradiationOnlyResponse(_ point: TimePointResponse) -> [Treatment] {
        let responding = point.lesions.filter(\.category.isResponse)
        guard point.overall.isResponse, !responding.isEmpty, responding.allSatisfy(irradiatedInInterval),
            point.lesions.contains(where: { !irradiatedInInterval($0) && $0.category != .notEvaluable })
        else { return [] }
        let ids = Set(responding.flatMap(\.treatments))
        return index.treatments.filter { $0.kind == .radiotherapy && ids.contains($0.id) }
    }

    /// The local treatments (radiotherapy, an operation) given since a progression to every lesion
    /// that progressed, when nothing else did (no unnamed new lesions): the progression was acted
    /// on, and its time point is history until the next study judges the treatment. An ALK lung
    /// cancer's femur progressing on alectinib, irradiated (SBRT) a fortnight later on the MDT's
    /// decision, kept "CT: progressive disease" as a warning on the first screen six months on
    /// (unseen record cb66-c, 2026.12.265).
    func locallyTreatedSince(_ point: TimePointResponse) -> LocalizedText? {
        let progressing = point.lesions.filter { $0.category == .progressiveDisease }.map(\.lesion)
        guard !progressing.isEmpty, point.unnamedNewLesions == 0 else { return nil }
        var given: [Treatment] = []
        for lesion in progressing {
            let since = (index.localTreatments(lesion, kind: .radiotherapy) + index.localTreatments(lesion, kind: .surgery)).filter { treatment in
                guard !treatment.planned, let start = treatment.start, index.known(start) else { return false }
                return start.earliestDay >= point.to.earliestDay
            }
            guard !since.isEmpty else { return nil }
            for treatment in since where !given.contains(where: { $0.id == treatment.id }) { given.append(treatment) }
        }
        return LocalizedText.joined(given.map(\.label), en: "; ", zh: "；")
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
    func naturalHistoryFinding(_ point: TimePointResponse) -> Finding {
        let baseline = isBaseline(point)
        let agents = boneAgentsOnly(point)
        let title =
            baseline
            ? LocalizedText(
                en: "Baseline \(point.from) → \(point.to): change before any \(agents == nil ? "treatment" : "anticancer therapy") is natural history",
                zh: "基线期 \(point.from) → \(point.to)：\(agents == nil ? "治疗" : "抗肿瘤治疗")前的变化属于疾病自然进程")
            : LocalizedText(
                en: "Change between \(point.from) and \(point.to) happened off treatment",
                zh: "\(point.from) 至 \(point.to) 期间的变化发生在停止治疗期间")
        let detail =
            baseline && agents != nil
            ? LocalizedText(
                en: "No anticancer therapy had started yet — only \(agents?.en ?? ""), a bone-modifying agent, ran: the change (\(point.overall.label.en)) shows the disease without anticancer therapy. It is the baseline against which the first regimen is judged — not a response to, or failure of, any regimen.",
                zh: "尚未开始抗肿瘤治疗——期间仅使用\(agents?.zhHans ?? "")（骨改良药物）：该变化（\(point.overall.label.zhHans)）反映未经抗肿瘤治疗时的疾病表现，是评价首个方案的基线——既不是任何方案的疗效，也不是其失败。")
            : baseline
            ? LocalizedText(
                en: "No treatment had started yet: the change (\(point.overall.label.en)) shows how the disease behaves untreated. It is the baseline against which the first regimen is judged — not a response to, or failure of, any regimen.",
                zh: "尚未开始任何治疗：该变化（\(point.overall.label.zhHans)）反映疾病未经治疗时的表现，是评价首个方案的基线——既不是任何方案的疗效，也不是其失败。")
            : LocalizedText(
                en: "No systemic therapy or local treatment was active in this interval\(agents.map { " (only \($0.en), a bone-modifying agent)" } ?? ""): the change (\(point.overall.label.en)) is natural history of the disease and says nothing for or against any regimen. Judge a regimen only by the window in which it was given.",
                zh: "此区间内无全身治疗或局部治疗\(agents.map { "（仅使用骨改良药物\($0.zhHans)）" } ?? "")：该变化（\(point.overall.label.zhHans)）属于疾病自然进程，不能作为任何方案有效或无效的依据。评价方案只看其用药窗口。")
        return Finding(
            ruleId: "boneHealth.attribution.naturalHistory", severity: baseline ? .info : .advisory, duty: .boneHealth,
            specialty: .medicalOncology, subject: .interval(from: point.from, to: point.to), date: point.to, title: title, detail: detail,
            inputs: [FindingInput("from", point.from.description), FindingInput("to", point.to.description), FindingInput("overall", point.overall.rawValue)],
            sources: [Self.attributionSource])
    }

    /// The bone-modifying agents that ran in an interval no anticancer therapy acted in, named: the
    /// interval is not "untreated" for them. A breast cancer on denosumab alone for four months
    /// read "no treatment had started yet … how the disease behaves untreated" (cb24-w, rule set
    /// 2026.12.164).
    func boneAgentsOnly(_ point: TimePointResponse) -> LocalizedText? {
        guard point.untreated else { return nil }
        let agents = point.treatments.compactMap { id in index.treatments.first { $0.id == id && $0.kind == .boneModifyingAgent } }
        guard !agents.isEmpty else { return nil }
        let names = LocalizedText.joined(agents.map { $0.agent?.label ?? TreatmentKind.boneModifyingAgent.label }, en: ", ", zh: "、")
        return names
    }

    func flareFinding(_ response: LesionResponse, progressedOn later: (point: TimePointResponse, response: LesionResponse)? = nil) -> Finding {
        let name = index.label(lesionId: response.lesion)
        var title = LocalizedText(
            en: "\(name.en): new sclerosis is osteoblastic flare — response, not progression",
            zh: "\(name.zhHans)：新发硬化为成骨性闪烁——属于缓解，而非进展")
        var detail = LocalizedText(
            en: "Seen within \(index.settings.flareWindowWeeks) weeks of a new therapy while other lesions respond (sclerotic rim or fill-in): by the MDA criteria this is partial response. Do not change therapy for it.",
            zh: "在新治疗开始后 \(index.settings.flareWindowWeeks) 周内出现，且其他病灶有缓解（硬化缘或填充）：按 MDA 标准属于部分缓解。不应因此更改治疗。")
        if let later {
            let study = later.point.modality.label
            let reasons = LocalizedText.joined(later.response.reasons, en: "; ", zh: "；")
            title = LocalizedText(
                en: "\(name.en): its new sclerosis of \(response.to) was osteoblastic flare; the \(study.en) of \(later.point.to) reads it progressing",
                zh: "\(name.zhHans)：\(response.to) 的新发硬化曾为成骨性闪烁；\(later.point.to) \(study.zhHans)示其进展")
            detail = LocalizedText(
                en: "Seen within \(index.settings.flareWindowWeeks) weeks of a new therapy while other lesions responded (sclerotic rim or fill-in): by the MDA criteria that was partial response. The \(study.en) of \(later.point.to) reads the lesion progressive disease (\(reasons.en)): that later reading, not the flare, decides now.",
                zh: "在新治疗开始后 \(index.settings.flareWindowWeeks) 周内出现，且其他病灶有缓解（硬化缘或填充）：按 MDA 标准当时属于部分缓解。\(later.point.to) \(study.zhHans)示该病灶疾病进展（\(reasons.zhHans)）：现以该次较晚的判读为准，而非闪烁。")
        }
        return Finding(
            ruleId: "boneHealth.mda.flare", severity: .info, duty: .boneHealth, specialty: .orthopaedics,
            subject: .lesion(response.lesion), date: response.to, title: title, detail: detail,
            inputs: [FindingInput("flareWindowWeeks", index.settings.flareWindowWeeks.description), FindingInput("study", response.toStudy)]
                + (later.map { [FindingInput("progressedOn", $0.point.study)] } ?? []),
            sources: Self.sources)
    }
}

extension ResponseRules {
    /// A prostate bone scan's new lesions as PCWG3 reads them, in its time point's title: the MDA
    /// category excludes them until the 2+2 rule confirms them (`applyPCWG3`), and "stable disease
    /// (SD)" stood alone over "3 new lesion(s) not itemised" — SD has no new lesions (Hamaoka 2004)
    /// — while the PCWG3 finding beside it said "not progression yet" (unseen record cb149-c,
    /// rule set 2026.12.393).
    func pcwg3Suffix(_ point: TimePointResponse) -> LocalizedText? {
        guard let verdict = pcwg3[point.study], verdict.newCount > 0 else { return nil }
        let count = verdict.newCount
        switch verdict.status {
        case .unconfirmed, .persistenceUnknown:
            return LocalizedText(
                en: " — \(count) new lesions await PCWG3 confirmation", zh: "——\(count) 处新病灶待 PCWG3 确认")
        case .flare:
            return LocalizedText(en: " — its new lesions were flare (PCWG3)", zh: "——其新病灶为闪烁现象（PCWG3）")
        case .notPersisting:
            return LocalizedText(en: " — its new lesions did not persist (PCWG3)", zh: "——其新病灶未持续存在（PCWG3）")
        case .belowThreshold:
            return LocalizedText(
                en: " — \(count) new lesion\(count == 1 ? "" : "s"), below PCWG3's 2", zh: "——\(count) 处新病灶，未达 PCWG3 的 2 处")
        case .progression:
            return nil
        }
    }
}
