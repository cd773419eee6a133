/// Pure blastic lesions (reference.md, the source hospital's biopsy rules): unexplained before
/// therapy (uptake → biopsy, none → follow-up), explained (prostate cancer, a proven metastasis of
/// the same primary, an irradiated field), and blastic bone under systemic therapy (do not biopsy).
extension DiagnosisRules {
    /// Pure blastic lesions: unexplained before therapy (uptake → biopsy, none → follow-up) and
    /// blastic lesions that appear after systemic therapy started (do not biopsy: likely response).
    func blasticLesionFindings(excluding: Set<String>) -> (findings: [Finding], handled: Set<String>, biopsyAdvised: Bool) {
        var findings: [Finding] = []
        var handled: Set<String> = []
        var biopsyAdvised = false
        // Lesions asking the same of the patient are said once: one bone scan surveys them all,
        // and one biopsy of the most accessible gives the diagnosis (five blastic lesions of a
        // lung cancer read five "biopsy" warnings).
        var toBiopsy: [(lesion: Lesion, firstSeen: PartialDate, preExisting: LocalizedText?)] = []
        var toScan: [(lesion: Lesion, firstSeen: PartialDate, preExisting: LocalizedText?)] = []
        for lesion in index.seenLesions where !excluding.contains(lesion.id) && index.diagnosticBiopsy(lesion.id) == nil {
            let characters = index.characters(lesion.id)
            guard !characters.isEmpty, characters.allSatisfy({ $0 == .blastic }), let firstSeen = index.firstSeen(lesion.id) else { continue }
            handled.insert(lesion.id)
            if let acting = index.systemicActing(at: firstSeen), let start = acting.start {
                let operated = surgeryProposed.contains(lesion.id)
                // "Appearing after therapy started" needs an earlier study of its region that did
                // not show it; a first recorded image under therapy cannot date the lesion, so
                // its sclerosis is not called a response (a CRPC patient's first scan after years
                // of ADT shows progression as often as healing).
                let dated = index.everImaged(lesion.id, before: firstSeen)
                // Stopped before the lesion was first seen (within `regimenGapDays`, still acting):
                // said so — "under systemic therapy since 2023-06-01" was said of a lesion first
                // seen nine days after adjuvant tamoxifen ended (unseen record cb80-y).
                let stopped = acting.end.flatMap { end in end.latestDay < firstSeen.earliestDay ? end : nil }
                let stoppedText = stopped.map { end in
                    LocalizedText(
                        en: " (\(acting.displayName.en) stopped on \(end), \(end.days(to: firstSeen)) days before)",
                        zh: "（\(acting.displayName.zhHans)已于 \(end) 停用，\(end.days(to: firstSeen)) 天前）")
                } ?? LocalizedText(en: "", zh: "")
                // Undated and explained (a prostate cancer's blastic spine first imaged years into
                // ADT): nobody asks for its biopsy, and "do not biopsy" for each of its lesions
                // filled the first screen; the explanation says what there is to say.
                if !dated, let explanation = blasticExplanation(lesion, firstSeen: firstSeen) {
                    findings.append(blasticExplainedFinding(lesion, firstSeen: firstSeen, explanation: explanation))
                    continue
                }
                let fracture = dated ? Self.brokenWhenFirstSeen(lesion, firstSeen: firstSeen, index: index) : LocalizedText(en: "", zh: "")
                let why = dated
                    ? LocalizedText(
                        en: "First seen \(firstSeen), at least \(index.settings.blasticLatencyWeeks) weeks (setting) after systemic therapy started (\(start))\(stoppedText.en). Blastic change after therapy is common and likely response; a biopsy would likely sample reactive bone or necrosis.\(fracture.en)",
                        zh: "首次发现于 \(firstSeen)，在全身治疗开始（\(start)）至少 \(index.settings.blasticLatencyWeeks) 周（设置）之后\(stoppedText.zhHans)。治疗后出现成骨性改变很常见，多为治疗反应；活检很可能只取到反应骨或坏死组织。\(fracture.zhHans)")
                    : LocalizedText(
                        en: "First recorded \(firstSeen), \(stopped == nil ? "under systemic therapy since \(start)" : "after systemic therapy given since \(start)")\(stoppedText.en); no earlier imaging of this region, so when it appeared is unknown and its sclerosis is not read as a response. Blastic bone under therapy may be treated disease: a biopsy would likely sample reactive bone or necrosis.",
                        zh: "首次记录于 \(firstSeen)，\(stopped == nil ? "自 \(start) 起接受全身治疗" : "此前自 \(start) 起接受全身治疗")\(stoppedText.zhHans)；此前无该部位影像，出现时间不明，其硬化不视为治疗反应。治疗中的成骨性骨质可能是已受治疗的病灶：活检很可能只取到反应骨或坏死组织。")
                findings.append(blasticNoBiopsyFinding(
                    lesion, date: firstSeen, operated: operated,
                    title: operated
                        ? LocalizedText(
                            en: "blastic lesion \(dated ? "after systemic therapy started — likely response" : "under systemic therapy"); surgery proposed",
                            zh: "\(dated ? "全身治疗开始后出现的成骨性病灶——多为治疗反应" : "全身治疗中的成骨性病灶")；已建议手术")
                        : LocalizedText(
                            en: "blastic lesion \(dated ? "after systemic therapy started" : stopped == nil ? "under systemic therapy" : "just after systemic therapy") — do not biopsy",
                            zh: "\(dated ? "全身治疗开始后出现的成骨性病灶" : stopped == nil ? "全身治疗中的成骨性病灶" : "全身治疗刚结束时的成骨性病灶")——不建议活检"),
                    why: why,
                    inputs: [
                        FindingInput("firstSeen", firstSeen.description), FindingInput("systemicStart", start.description),
                        FindingInput("blasticLatencyWeeks", index.settings.blasticLatencyWeeks.description),
                        FindingInput("priorImagingOfRegion", dated.description), FindingInput("timing", "firstSeenUnderTherapy"),
                    ]))
                continue
            }
            // Seen before the therapy could have caused it: judged as a pre-existing lesion.
            let preExisting: LocalizedText? = index.systemicTooRecent(at: firstSeen)?.start.flatMap { start in
                start.earliestDay <= firstSeen.latestDay
                    ? LocalizedText(
                        en: " First seen \(start.days(to: firstSeen)) days into systemic therapy (started \(start)) — sooner than a treatment effect can appear (setting: \(index.settings.blasticLatencyWeeks) weeks), so it was there before and is judged as pre-existing.",
                        zh: "首次发现于全身治疗开始（\(start)）后第 \(start.days(to: firstSeen)) 天——早于治疗起效所需时间（设置：\(index.settings.blasticLatencyWeeks) 周），应视为治疗前已存在的病灶。")
                    : nil
            }
            if let explanation = blasticExplanation(lesion, firstSeen: firstSeen) {
                findings.append(blasticExplainedFinding(lesion, firstSeen: firstSeen, explanation: explanation))
                continue
            }
            let uptake = index.tracerUptake(lesion.id)
            // Seen before systemic therapy, but the therapy has acted on bone since: the time for
            // a biopsy of blastic bone has passed (source hospital: not after systemic therapy
            // started). A breast cancer's L4, blastic with uptake in June, read "biopsy (before
            // systemic therapy)" in November, five months into letrozole.
            if uptake != .some(false), let acting = index.systemicActingNow(), let start = acting.start {
                let operated = surgeryProposed.contains(lesion.id)
                // Stopped since (within `regimenGapDays`, still acting on bone): said as stopped —
                // "systemic therapy under way" was said four weeks after the regimen ended
                // (unseen record cb80-t).
                let stopped = acting.end.flatMap { index.known($0) ? $0 : nil }
                let stoppedText = stopped.map { LocalizedText(en: ", and stopped on \($0)", zh: "，已于 \($0) 停用") } ?? LocalizedText(en: "", zh: "")
                let state = stopped == nil
                    ? LocalizedText(en: "systemic therapy under way", zh: "全身治疗已在进行")
                    : LocalizedText(en: "systemic therapy given", zh: "已接受全身治疗")
                findings.append(blasticNoBiopsyFinding(
                    lesion, date: index.assessedOn, operated: operated,
                    title: operated
                        ? LocalizedText(en: "blastic lesion, \(state.en); surgery proposed", zh: "成骨性病灶，\(state.zhHans)；已建议手术")
                        : LocalizedText(en: "blastic lesion, \(state.en) — do not biopsy", zh: "成骨性病灶，\(state.zhHans)——不建议活检"),
                    why: flareReading(lesion.id).map { flare in
                        LocalizedText(
                            en: "First seen \(firstSeen), \(start.days(to: firstSeen)) days into \(acting.displayName.en): the \(flare.modality.label.en) of \(flare.to) reads it as osteoblastic flare — the known lesions heal on the same study, so the therapy acts on bone already (MDA: response, not progression). A biopsy of blastic bone would likely sample reactive bone or necrosis. Follow it on the CT bone window with the response assessment; a lesion that turns lytic or mixed can be biopsied at any time.",
                            zh: "首次发现于 \(firstSeen)，即\(acting.displayName.zhHans)开始后第 \(start.days(to: firstSeen)) 天：\(flare.to) \(flare.modality.label.zhHans)判为成骨性闪烁——同次检查中已知病灶正在修复，说明治疗已对骨起效（MDA：缓解，而非进展）。活检成骨性骨质很可能只取到反应骨或坏死组织。请以 CT 骨窗随访并评估疗效；如转为溶骨性或混合性，可随时活检。")
                    } ?? LocalizedText(
                        en: "First seen \(firstSeen), before \(acting.displayName.en) began to act on bone; it started \(start), at least \(index.settings.blasticLatencyWeeks) weeks (setting) ago\(stoppedText.en). A biopsy of blastic bone now would likely sample reactive bone or necrosis: the time for it was before systemic therapy. Follow it on the CT bone window with the response assessment; a lesion that turns lytic or mixed can be biopsied at any time.",
                        zh: "首次发现于 \(firstSeen)，早于\(acting.displayName.zhHans)对骨起效；该治疗始于 \(start)，距今已至少 \(index.settings.blasticLatencyWeeks) 周（设置）\(stoppedText.zhHans)。此时活检成骨性骨质很可能只取到反应骨或坏死组织：活检时机应在全身治疗之前。请以 CT 骨窗随访并评估疗效；如转为溶骨性或混合性，可随时活检。"),
                    inputs: [
                        FindingInput("firstSeen", firstSeen.description), FindingInput("systemicStart", start.description),
                        FindingInput("blasticLatencyWeeks", index.settings.blasticLatencyWeeks.description),
                        FindingInput("uptake", uptake.map { $0.description } ?? "unknown"), FindingInput("timing", "therapyBegunSinceSeen"),
                    ]))
                continue
            }
            switch uptake {
            case .some(true):
                biopsyAdvised = true
                toBiopsy.append((lesion, firstSeen, preExisting))
            case .some(false) where surgeryProposed.contains(lesion.id):
                // Follow-up is the rule, but not for a lesion about to be fixed: the surgical
                // finding asks for tissue first.
                findings.append(Finding(
                    ruleId: "diagnosis.blastic.noUptakeFollowUp", severity: .info, duty: .diagnosis, specialty: .orthopaedics,
                    subject: .lesion(lesion.id), date: firstSeen,
                    title: LocalizedText(
                        en: "\(index.label(lesion).en): pure blastic lesion without uptake — surgery proposed",
                        zh: "\(index.label(lesion).zhHans)：无浓聚的单纯成骨性病灶——已建议手术"),
                    detail: LocalizedText(
                        en: "No lytic component and no tracer uptake would mean follow-up rather than biopsy, but surgery is proposed for this lesion: follow the surgical finding on tissue before fixation.",
                        zh: "无溶骨成分且无放射性浓聚，本应影像随访而不活检；但该病灶已建议手术：内固定前是否取病理见外科结论。"),
                    inputs: [FindingInput("character", "blastic"), FindingInput("uptake", "false")], sources: [Self.sourceHospital]))
            case .some(false):
                findings.append(Finding(
                    ruleId: "diagnosis.blastic.noUptakeFollowUp", severity: .info, duty: .diagnosis, specialty: .orthopaedics,
                    subject: .lesion(lesion.id), date: firstSeen,
                    title: LocalizedText(
                        en: "\(index.label(lesion).en): pure blastic lesion without uptake — follow up",
                        zh: "\(index.label(lesion).zhHans)：无浓聚的单纯成骨性病灶——随访"),
                    detail: LocalizedText(
                        en: "No lytic component and no tracer uptake: follow-up imaging rather than biopsy.\(preExisting?.en ?? "")",
                        zh: "无溶骨成分且无放射性浓聚：影像随访，暂不活检。\(preExisting?.zhHans ?? "")"),
                    inputs: [FindingInput("character", "blastic"), FindingInput("uptake", "false")], sources: [Self.sourceHospital],
                    claims: [Claim(.biopsy, about: lesion.id, "noBiopsy")]))
            case .none:
                toScan.append((lesion, firstSeen, nil))
            }
        }
        findings += uptakeBiopsyFindings(toBiopsy) + getBoneScanFindings(toScan)
        return (findings, handled, biopsyAdvised)
    }

    /// Unexplained pure blastic lesions with uptake (source hospital: uptake → biopsy), one finding
    /// for each lesion, or one for the patient naming them when there are several.
    private func uptakeBiopsyFindings(_ lesions: [(lesion: Lesion, firstSeen: PartialDate, preExisting: LocalizedText?)]) -> [Finding] {
        guard let first = lesions.first else { return [] }
        let (several, names) = severalNamed(lesions)
        let preExisting = LocalizedText.joined(lesions.compactMap(\.preExisting).distinct, en: "", zh: "")
        if let lytic = lyticTargets(for: lesions.map(\.lesion)) {
            return [lyticFirstFinding(lesions, several: several, names: names, lytic: lytic, preExisting: preExisting)]
        }
        return [Finding(
            ruleId: "diagnosis.blastic.uptakeBiopsy", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
            subject: several ? .patient : .lesion(first.lesion.id), date: lesions.map(\.firstSeen).min(),
            title: several
                ? LocalizedText(
                    en: "\(lesions.count) unexplained pure blastic lesions with uptake — biopsy one: \(names.en)",
                    zh: "\(lesions.count) 处原因不明的单纯成骨性病灶伴浓聚——活检其中一处：\(names.zhHans)")
                : LocalizedText(
                    en: "\(names.en): unexplained pure blastic lesion with uptake — biopsy",
                    zh: "\(names.zhHans)：原因不明的单纯成骨性病灶伴浓聚——建议活检"),
            detail: several
                ? LocalizedText(
                    en: "No lytic component, no treatment or history to explain them, and tracer uptake: obtain pathology from the most accessible one — one diagnosis answers for lesions of the same picture (biopsy before systemic therapy is appropriate for blastic lesions). Blastic bone needs decalcification: ask for EDTA, not acid, if receptor re-testing or NGS may be wanted.\(preExisting.en)",
                    zh: "无溶骨成分，无治疗或病史可解释，且有放射性浓聚：请对最易取材的一处取病理——同类表现的病灶一处确诊即可（成骨性病灶在全身治疗前可行活检）。成骨性标本需脱钙：如可能需要受体复测或 NGS，请用 EDTA 而非酸性脱钙液。\(preExisting.zhHans)")
                : LocalizedText(
                    en: "No lytic component, \(unexplained(first.lesion).en), and tracer uptake: obtain pathology (biopsy before systemic therapy is appropriate for blastic lesions). Blastic bone needs decalcification: ask for EDTA, not acid, if receptor re-testing or NGS may be wanted.\(preExisting.en)",
                    zh: "无溶骨成分，\(unexplained(first.lesion).zhHans)，且有放射性浓聚：需取病理（成骨性病灶在全身治疗前可行活检）。成骨性标本需脱钙：如可能需要受体复测或 NGS，请用 EDTA 而非酸性脱钙液。\(preExisting.zhHans)"),
            inputs: [FindingInput("character", "blastic"), FindingInput("uptake", "true")]
                + (several ? [FindingInput("lesions", lesions.map(\.lesion.id).joined(separator: ","))] : []),
            sources: [Self.sourceHospital, Self.vanEs2019],
            claims: lesions.map { Claim(.biopsy, about: $0.lesion.id, "biopsy") })]
    }

    /// Undiagnosed lytic or mixed lesions of the same candidate primaries as the blastic ones, not
    /// healed into blastic bone under therapy: tissue from one of them answers for the blastic
    /// lesions too, and the source hospital biopsies lytic or mixed bone at any time while blastic
    /// bone needs the right moment and decalcification. A carcinoid's blastic ilium read "biopsy"
    /// beside "biopsy the T10 (mixed)" for the same question — two biopsies for one diagnosis.
    private func lyticTargets(for blastic: [Lesion]) -> [Lesion]? {
        let ids = Set(blastic.map(\.id))
        let primaries = Set(blastic.flatMap { index.primaryCandidates(for: $0.id).map(\.id) })
        let targets = index.metastaticLesions.filter { lesion in
            !ids.contains(lesion.id) && index.diagnosticBiopsy(lesion.id) == nil
                && index.characters(lesion.id).contains { $0 == .lytic || $0 == .mixed }
                && index.sclerosedUnderTherapy(lesion.id) == nil
                && Set(index.primaryCandidates(for: lesion.id).map(\.id)) == primaries
        }
        return targets.isEmpty ? nil : targets
    }

    /// Unexplained blastic lesions with uptake beside an undiagnosed lytic or mixed lesion: one
    /// biopsy, of the lytic or mixed lesion first; the blastic one only if that does not settle it.
    private func lyticFirstFinding(
        _ lesions: [(lesion: Lesion, firstSeen: PartialDate, preExisting: LocalizedText?)], several: Bool, names: LocalizedText,
        lytic: [Lesion], preExisting: LocalizedText
    ) -> Finding {
        let targets = LocalizedText.joined(lytic.map { index.label($0) }, en: "; ", zh: "、")
        return Finding(
            ruleId: "diagnosis.blastic.uptakeBiopsy", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
            subject: several ? .patient : .lesion(lesions[0].lesion.id), date: lesions.map(\.firstSeen).min(),
            title: LocalizedText(
                en: "\(several ? "\(lesions.count) unexplained pure blastic lesions" : "\(names.en): unexplained pure blastic lesion") with uptake — pathology needed: biopsy a lytic or mixed lesion first (\(targets.en))",
                zh: "\(several ? "\(lesions.count) 处原因不明的单纯成骨性病灶" : "\(names.zhHans)：原因不明的单纯成骨性病灶")伴浓聚——需要病理：先活检溶骨或混合性病灶（\(targets.zhHans)）"),
            detail: LocalizedText(
                en: "No lytic component, \(several ? "no treatment or history to explain them (\(names.en))" : unexplained(lesions[0].lesion).en), and tracer uptake: pathology is needed. The most accessible lytic or mixed lesion not yet diagnosed (\(targets.en)) answers for \(several ? "them" : "it") if it shows the same disease — lytic or mixed lesions can be biopsied at any time; biopsy blastic bone only if that does not settle it or the picture differs (before systemic therapy, decalcified with EDTA, not acid, if receptor re-testing or NGS may be wanted).\(preExisting.en)",
                zh: "无溶骨成分，\(several ? "无治疗或病史可解释（\(names.zhHans)）" : unexplained(lesions[0].lesion).zhHans)，且有放射性浓聚：需要病理。尚未确诊的溶骨或混合性病灶（\(targets.zhHans)）中选最易取材者活检，若示同一疾病即可一并解释——溶骨或混合性病灶随时可活检；仅在其不能明确诊断或表现不同时再活检成骨性骨质（应在全身治疗前，如可能需要受体复测或 NGS，用 EDTA 而非酸性脱钙液）。\(preExisting.zhHans)"),
            inputs: [FindingInput("character", "blastic"), FindingInput("uptake", "true"),
                     FindingInput("lyticFirst", lytic.map(\.id).joined(separator: ","))]
                + (several ? [FindingInput("lesions", lesions.map(\.lesion.id).joined(separator: ","))] : []),
            sources: [Self.sourceHospital, Self.vanEs2019],
            claims: lytic.map { Claim(.biopsy, about: $0.id, "biopsy") })
    }

    /// Unexplained pure blastic lesions with no bone scan yet (uptake → biopsy; none → follow-up):
    /// one scan answers for all of them.
    private func getBoneScanFindings(_ lesions: [(lesion: Lesion, firstSeen: PartialDate, preExisting: LocalizedText?)]) -> [Finding] {
        guard let first = lesions.first else { return [] }
        let (several, names) = severalNamed(lesions)
        return [Finding(
            ruleId: "diagnosis.blastic.getBoneScan", severity: .advisory, duty: .diagnosis, specialty: .radiology,
            subject: several ? .patient : .lesion(first.lesion.id), date: lesions.map(\.firstSeen).min(),
            title: several
                ? LocalizedText(
                    en: "\(lesions.count) unexplained pure blastic lesions — get a bone scan: \(names.en)",
                    zh: "\(lesions.count) 处原因不明的单纯成骨性病灶——行骨扫描：\(names.zhHans)")
                : LocalizedText(
                    en: "\(names.en): unexplained pure blastic lesion — get a bone scan",
                    zh: "\(names.zhHans)：原因不明的单纯成骨性病灶——行骨扫描"),
            detail: LocalizedText(
                en: "Uptake → biopsy; no uptake → follow-up.\(several ? " One whole-body scan answers for every lesion." : "")",
                zh: "有浓聚 → 活检；无浓聚 → 随访。\(several ? "一次全身骨扫描即可评估所有病灶。" : "")"),
            inputs: several ? [FindingInput("lesions", lesions.map(\.lesion.id).joined(separator: ","))] : [],
            sources: [Self.sourceHospital])]
    }

    /// Whether several lesions are asked for at once, and their names.
    private func severalNamed(_ lesions: [(lesion: Lesion, firstSeen: PartialDate, preExisting: LocalizedText?)]) -> (Bool, LocalizedText) {
        (lesions.count > 1, LocalizedText.joined(lesions.map { index.label($0.lesion) }, en: "; ", zh: "、"))
    }

    /// "Do not biopsy" for a blastic lesion under systemic therapy (the source hospital's timing);
    /// with surgery proposed for it, the surgical finding decides on tissue and nothing is claimed.
    /// A lesion first seen already broken — a vertebra collapsed, a fracture — and never read
    /// with destruction: the sclerosis may be the fracture's own (compacted trabeculae, callus),
    /// and an osteoporotic (insufficiency) fracture the other reading. A breast cancer's L2, clear
    /// in April, blastic and collapsed over 50 % beside the cemented L1 in September under
    /// letrozole, read only "likely response" while SINS scored it and it counted as a
    /// pathological fracture (probe cb161-l, rule set 2026.12.426). Said, not decided: the
    /// source hospital's key evidence of a metastasis is destruction on CT.
    static func brokenWhenFirstSeen(_ lesion: Lesion, firstSeen: PartialDate, index: CaseIndex) -> LocalizedText {
        let first = index.presentPoints(lesion.id).filter { $0.study.date == firstSeen }
        let broken = first.contains { [.under50, .over50].contains($0.observation.collapse) || $0.observation.fracture == true }
        guard broken, !index.destructionSeen(lesion.id) else { return LocalizedText(en: "", zh: "") }
        let what = lesion.isSpinal ? LocalizedText(en: "collapsed", zh: "椎体塌陷") : LocalizedText(en: "broken", zh: "骨折")
        return LocalizedText(
            en: " It was \(what.en) when first seen, with no bone destruction on record: the sclerosis may be the fracture's own, and an osteoporotic (insufficiency) fracture is the other reading — weigh it before \(lesion.isSpinal ? "the collapse is scored and treated as a metastasis (SINS, a skeletal-related event)" : "the fracture is treated as a pathological one (a skeletal-related event)").",
            zh: "首次发现时即已\(what.zhHans)，且无骨质破坏记录：其硬化可能为骨折本身所致，骨质疏松性（不全性）骨折是另一种解释——\(lesion.isSpinal ? "在按转移瘤评分和处理该塌陷（SINS、骨相关事件）前" : "在按病理性骨折处理（骨相关事件）前")请权衡。")
    }

    private func blasticNoBiopsyFinding(
        _ lesion: Lesion, date: PartialDate, operated: Bool, title: LocalizedText, why: LocalizedText, inputs: [FindingInput]
    ) -> Finding {
        Finding(
            ruleId: "diagnosis.biopsy.blasticAfterTherapy", severity: .advisory, duty: .diagnosis, specialty: .orthopaedics,
            subject: .lesion(lesion.id), date: date,
            title: LocalizedText(en: "\(index.label(lesion).en): \(title.en)", zh: "\(index.label(lesion).zhHans)：\(title.zhHans)"),
            detail: LocalizedText(
                en: "\(why.en)\(operated ? " Surgery is proposed for this lesion: follow the surgical finding on tissue before fixation." : "")",
                zh: "\(why.zhHans)\(operated ? "该病灶已建议手术：内固定前是否取病理见外科结论。" : "")"),
            inputs: inputs, sources: [Self.sourceHospital, Self.hamaoka2004],
            claims: operated ? [] : [Claim(.biopsy, about: lesion.id, "noBiopsy")])
    }

    /// History that explains a blastic lesion: radiotherapy to it, a prostate primary, or bone
    /// metastasis of its one candidate primary already proven by biopsy of another lesion (a
    /// breast cancer with a biopsied pelvic metastasis had "unexplained — biopsy" warnings on
    /// every other blastic lesion of the same survey).
    private func blasticExplainedFinding(_ lesion: Lesion, firstSeen: PartialDate, explanation: LocalizedText) -> Finding {
        Finding(
            ruleId: "diagnosis.blastic.explained", severity: .info, duty: .diagnosis, specialty: .orthopaedics,
            subject: .lesion(lesion.id), date: firstSeen,
            title: LocalizedText(en: "\(index.label(lesion).en): pure blastic lesion", zh: "\(index.label(lesion).zhHans)：单纯成骨性病灶"),
            detail: explanation,
            sources: [Self.sourceHospital] + (index.primaryCandidates(for: lesion.id).map(\.site) == [.osteosarcoma] ? [Self.crombe2024] : []))
    }

    private func blasticExplanation(_ lesion: Lesion, firstSeen: PartialDate) -> LocalizedText? {
        let candidates = index.primaryCandidates(for: lesion.id)
        if candidates.count == 1, let primary = candidates.first,
            let proof = index.record.biopsies.first(where: { biopsy in
                biopsy.result == .metastasis && index.known(biopsy.date)
                    && biopsy.lesion.map { $0 != lesion.id && index.primaryCandidates(for: $0).map(\.id) == [primary.id] } == true
            }),
            let proven = proof.lesion.flatMap({ index.lesionsById[$0] })
        {
            return LocalizedText(
                en: "Bone metastasis of the \(primary.site.label.en) primary is proven by the biopsy of the \(index.label(proven).en) (\(proof.date)): a blastic lesion of the same disease needs no biopsy of its own unless the picture is atypical.",
                zh: "\(index.label(proven).zhHans)活检（\(proof.date)）已证实\(primary.site.label.zhHans)原发灶的骨转移：同一疾病的成骨性病灶无需单独活检，除非表现不典型。")
        }
        if index.localTreatments(lesion.id, kind: .radiotherapy).contains(where: { !$0.planned && ($0.start?.earliestDay ?? Int.max) <= firstSeen.latestDay }) {
            return LocalizedText(en: "Sclerosis in an irradiated field: follow up.", zh: "放疗野内的硬化：随访。")
        }
        // The lesion's own primary, not any on record: a prostate cancer of 2018 (PSA 0.08) beside a
        // lung squamous-cell carcinoma of 2026 explained a blastic L2 as "prostate cancer typically
        // gives blastic metastases" while the record's other finding said the primary is open
        // (unseen record cb66-b, 2026.12.264).
        if candidates.count == 1, candidates.first?.site == .prostate {
            return LocalizedText(
                en: "Prostate cancer typically gives blastic metastases; biopsy only if the picture is atypical.",
                zh: "前列腺癌骨转移多为成骨性；仅在表现不典型时活检。")
        }
        // Osteosarcoma makes tumour bone (osteoid matrix): its skeletal metastases are often
        // mineralised, sclerotic (Crombé A et al. J Clin Med 2024;13:5710). A 16-year-old's relapse,
        // a blastic L4 beside a mixed ilium and lung nodules, read "no treatment or history to
        // explain it" (unseen record cb147-a, rule set 2026.12.392).
        if candidates.count == 1, candidates.first?.site == .osteosarcoma {
            return LocalizedText(
                en: "Osteosarcoma forms tumour bone (osteoid matrix): its bone metastases are often sclerotic (Crombé 2024); biopsy only if the picture is atypical.",
                zh: "骨肉瘤可形成肿瘤骨（骨样基质）：其骨转移灶常呈硬化（成骨）表现（Crombé 2024）；仅在表现不典型时活检。")
        }
        return nil
    }

    /// Why nothing explains the lesion: no treatment or history — or, with a prostate cancer among
    /// several candidate primaries, the primary it belongs to is open (cb66-b).
    private func unexplained(_ lesion: Lesion) -> LocalizedText {
        guard index.primaryUndecided(lesion.id) else {
            return LocalizedText(en: "no treatment or history to explain it", zh: "无治疗或病史可解释")
        }
        let names = LocalizedText.joined(index.primaryCandidates(for: lesion.id).map(\.label), en: " or ", zh: "或")
        return LocalizedText(en: "no treatment to explain it, its primary open (\(names.en))", zh: "无治疗可解释，其原发灶未定（\(names.zhHans)）")
    }

    /// The response time point that reads the lesion as osteoblastic flare, if one does. A lung
    /// cancer's new sclerotic rib, first seen 42 days into osimertinib on the CT where the known
    /// lesions heal, was read "osteoblastic flare: the therapy acts on bone already" by the
    /// response and "first seen before osimertinib began to act on bone" by its no-biopsy
    /// finding (unseen record cb105-g).
    /// Not when a later study reads it progressing (rule set .346: the later progression has the
    /// last word).
    func flareReading(_ lesion: String) -> LesionResponse? {
        let readings = timePoints.flatMap(\.lesions).filter { $0.lesion == lesion }
        guard let flare = readings.first(where: \.flare),
            !readings.contains(where: { $0.category == .progressiveDisease && $0.to.earliestDay > flare.to.latestDay })
        else { return nil }
        return flare
    }

    static let crombe2024 = Citation(
        id: "crombe2024",
        text: "Crombé A et al. J Clin Med 2024;13:5710 (imaging of osteosarcoma: an osteoid-forming tumour; its metastatic patterns)",
        zh: "Crombé A 等. J Clin Med 2024;13:5710（骨肉瘤影像：形成骨样基质的肿瘤及其转移模式）")
}
