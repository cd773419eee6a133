/// Surgery (duty 3), prevention first: Mirels for every long-bone lesion at every time point,
/// with the fixation alert; SINS, ESCC and a NOMS-style recommendation for every spinal lesion.
struct SurgeryRules {
    let index: CaseIndex

    /// Mirels at one time point of one lesion.
    struct MirelsPoint {
        let lesion: String
        let study: ImagingStudy
        let input: Mirels.Input
        let result: Mirels.Result
    }

    func mirelsHistory() -> [MirelsPoint] {
        index.seenLesions.flatMap { lesion -> [MirelsPoint] in
            guard let site = lesion.mirelsSite else { return [] }
            return index.presentPoints(lesion.id).filter { $0.study.modality.isAnatomic }.map { point in
                let pain = index.pain(for: lesion.id, onOrBefore: point.study.date).last { $0.mirels != nil }?.mirels
                let input = Mirels.Input(
                    site: site, pain: pain, lesion: point.observation.character?.mirels,
                    size: point.observation.fractionOfDiameter.map(Mirels.Size.of(fraction:)))
                return MirelsPoint(lesion: lesion.id, study: point.study, input: input, result: Mirels.evaluate(input, settings: index.settings))
            }
        }
    }

    func findings(history: [MirelsPoint]) -> [Finding] {
        mirelsFindings(history) + spineFindings()
    }

    // MARK: Long bones

    private func mirelsFindings(_ history: [MirelsPoint]) -> [Finding] {
        let byLesion = Dictionary(grouping: history, by: \.lesion)
        return byLesion.keys.sorted().compactMap { id -> Finding? in
            guard let points = byLesion[id], let latest = points.last, let lesion = index.lesionsById[id] else { return nil }
            let fractured = index.record.events.contains { $0.kind == .pathologicalFracture && $0.lesion == id && index.known($0.date) }
            let protected = index.localTreatments(id, kind: .surgery).first { $0.procedure?.protectsLongBone ?? false }
            let total = latest.result.total
            let scoreText = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
            let history = points.map { "\($0.study.date) \($0.result.total.score.map(String.init) ?? "\($0.result.total.min)–\($0.result.total.max)")" }
                .joined(separator: ", ")
            let components = latest.result.components.map { "\($0.key)=\($0.value ?? "?")" }.joined(separator: ", ")
            var inputs = latest.result.components.map { FindingInput($0.key, $0.value ?? "unknown") }
            inputs.append(FindingInput("threshold", latest.result.threshold.description))
            inputs.append(FindingInput("history", history))
            let band = latest.result.band?.info.label ?? LocalizedText(en: "band undetermined", zh: "分级未定")
            let base = LocalizedText(
                en: "Mirels \(scoreText) (\(components)); \(band.en). History: \(history).",
                zh: "Mirels \(scoreText) 分（\(components)）；\(band.zhHans)。历次：\(history)。")
            let sources = [Sources.mirels1989, Sources.damron2003]
            if fractured {
                return Finding(
                    ruleId: "surgery.mirels.fractured", severity: protected == nil ? .urgent : .info, duty: .surgery,
                    specialty: .orthopaedics, subject: .lesion(id), date: latest.study.date,
                    title: LocalizedText(en: "\(lesion.label.en): pathological fracture on record", zh: "\(lesion.label.zhHans)：已发生病理性骨折"),
                    detail: LocalizedText(
                        en: "\(base.en) \(protected == nil ? "No fixation on record: orthopaedic referral for fixation." : "Treated: \(protected?.label.en ?? "").")",
                        zh: "\(base.zhHans)\(protected == nil ? "无内固定记录：请骨科会诊行内固定。" : "已处理：\(protected?.label.zhHans ?? "")。")"),
                    inputs: inputs, sources: sources)
            }
            if let protected {
                return Finding(
                    ruleId: "surgery.mirels.protected", severity: .info, duty: .surgery, specialty: .orthopaedics,
                    subject: .lesion(id), date: latest.study.date,
                    title: LocalizedText(
                        en: "\(lesion.label.en): Mirels \(scoreText) — \(protected.planned ? "fixation planned" : "fixed")",
                        zh: "\(lesion.label.zhHans)：Mirels \(scoreText) 分——\(protected.planned ? "已计划内固定" : "已内固定")"),
                    detail: LocalizedText(en: "\(base.en) \(protected.label.en).", zh: "\(base.zhHans)\(protected.label.zhHans)。"),
                    inputs: inputs, sources: sources)
            }
            switch latest.result.fixationAlert {
            case .some(true):
                return Finding(
                    ruleId: "surgery.mirels.impendingFracture", severity: .urgent, duty: .surgery, specialty: .orthopaedics,
                    subject: .lesion(id), date: latest.study.date,
                    title: LocalizedText(
                        en: "\(lesion.label.en): impending fracture (Mirels \(scoreText)) — prophylactic fixation, urgent orthopaedic referral",
                        zh: "\(lesion.label.zhHans)：骨折风险高（Mirels \(scoreText) 分）——预防性内固定，紧急骨科转诊"),
                    detail: LocalizedText(
                        en: "\(base.en) At or above the fixation threshold (\(latest.result.threshold)): fix before radiotherapy\(plannedContext(id).en), before transfer or trial enrolment. Prevention first: unfixed high-risk lesions fracture in transit and later.",
                        zh: "\(base.zhHans)达到内固定阈值（\(latest.result.threshold)）：应在放疗前\(plannedContext(id).zhHans)、转院或入组临床试验前行内固定。预防优先：未固定的高风险病灶会在转运途中或之后骨折。"),
                    inputs: inputs, sources: sources)
            case .none:
                return Finding(
                    ruleId: "surgery.mirels.incomplete", severity: .advisory, duty: .surgery, specialty: .orthopaedics,
                    subject: .lesion(id), date: latest.study.date,
                    title: LocalizedText(
                        en: "\(lesion.label.en): Mirels \(scoreText) may reach the fixation threshold — complete it",
                        zh: "\(lesion.label.zhHans)：Mirels \(scoreText) 分，可能达到内固定阈值——请补全评分"),
                    detail: LocalizedText(
                        en: "\(base.en) Missing: \(total.missing.joined(separator: ", ")) (pain with limb use, lesion type on X-ray, fraction of the bone diameter).",
                        zh: "\(base.zhHans)缺失：\(total.missing.joined(separator: ", "))（肢体活动时疼痛、X 线病变类型、占骨直径比例）。"),
                    inputs: inputs, sources: sources)
            case .some(false):
                return Finding(
                    ruleId: "surgery.mirels.belowThreshold", severity: .info, duty: .surgery, specialty: .orthopaedics,
                    subject: .lesion(id), date: latest.study.date,
                    title: LocalizedText(en: "\(lesion.label.en): Mirels \(scoreText) — below the fixation threshold", zh: "\(lesion.label.zhHans)：Mirels \(scoreText) 分——低于内固定阈值"),
                    detail: LocalizedText(en: "\(base.en) Reassess at every study.", zh: "\(base.zhHans)每次复查时重新评分。"),
                    inputs: inputs, sources: sources)
            }
        }
    }

    private func plannedContext(_ lesion: String) -> LocalizedText {
        var en: [String] = []
        var zh: [String] = []
        if let rt = index.localTreatments(lesion, kind: .radiotherapy).first(where: \.planned) {
            en.append("planned \(rt.start.map { "for \($0)" } ?? "")")
            zh.append("（已计划\(rt.start.map { "于 \($0)" } ?? "")放疗）")
        }
        if let transfer = index.record.plans.transfer {
            en.append("transfer planned \(transfer)")
            zh.append("（计划 \(transfer) 转院）")
        }
        if let trial = index.record.plans.trialEnrolment {
            en.append("trial enrolment planned \(trial)")
            zh.append("（计划 \(trial) 入组试验）")
        }
        return LocalizedText(en: en.isEmpty ? "" : " (" + en.joined(separator: "; ") + ")", zh: zh.joined())
    }

    // MARK: Spine

    static let radiosensitive: Set<PrimarySite> = [.lymphoma, .myeloma, .breast, .prostate]
    static let radioresistant: Set<PrimarySite> = [.kidney, .melanoma, .thyroid, .colon, .rectum, .sarcoma, .osteosarcoma, .liver, .lung]

    private func spineFindings() -> [Finding] {
        index.seenLesions.filter(\.isSpinal).compactMap { lesion -> Finding? in
            let points = index.presentPoints(lesion.id).filter { $0.study.modality.isAnatomic }
            guard let latest = points.last else { return nil }
            let observation = latest.observation
            let pain = index.pain(for: lesion.id, onOrBefore: latest.study.date).last { $0.sins != nil }?.sins
            let sins = SINS.evaluate(
                SINS.Input(
                    location: lesion.level.map(SINS.Location.of), pain: pain, lesion: observation.character?.sins,
                    alignment: observation.alignment, collapse: observation.collapse, posterolateral: observation.posterolateral),
                level: lesion.level)
            let escc = points.last { $0.observation.escc != nil }?.observation.escc.map { ESCC.evaluate($0, settings: index.settings) }
            let neuro = index.latestNeurology(for: lesion.id)
            let deficit = neuro?.status.isCompressionDeficit == true || (neuro?.frankel.map { $0 != .E } ?? false)
            let treated = index.localTreatments(lesion.id, kind: .surgery).first { $0.procedure?.treatsSpine ?? false }
            return noms(lesion: lesion, date: latest.study.date, sins: sins, escc: escc, neuro: neuro, deficit: deficit, treated: treated)
        }
    }

    private func noms(
        lesion: Lesion, date: PartialDate, sins: SINS.Result, escc: ESCC.Result?, neuro: NeurologyRecord?, deficit: Bool,
        treated: Treatment?
    ) -> Finding {
        let site = index.mainPrimary?.site
        let oncologic: LocalizedText =
            if let site, Self.radiosensitive.contains(site) {
                LocalizedText(en: "O: \(site.label.en) — radiosensitive", zh: "O：\(site.label.zhHans)——放疗敏感")
            } else if let site, Self.radioresistant.contains(site) {
                LocalizedText(en: "O: \(site.label.en) — radioresistant\(site == .lung ? " (NSCLC moderately)" : "")", zh: "O：\(site.label.zhHans)——放疗抵抗\(site == .lung ? "（非小细胞肺癌为中度）" : "")")
            } else {
                LocalizedText(en: "O: radiosensitivity unknown (histology needed)", zh: "O：放疗敏感性未知（需组织学）")
            }
        let highGrade = escc?.highGrade == true
        let total = sins.total
        let sinsText = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
        let neurologic = LocalizedText(
            en: "N: ESCC \(escc?.grade.rawValue ?? "not graded")\(neuro.map { ", \($0.status.label.en)" } ?? "")\(neuro?.frankel.map { ", Frankel \($0.rawValue)" } ?? "")",
            zh: "N：ESCC \(escc?.grade.rawValue ?? "未分级")\(neuro.map { "，\($0.status.label.zhHans)" } ?? "")\(neuro?.frankel.map { "，Frankel \($0.rawValue)" } ?? "")")
        let mechanical = LocalizedText(
            en: "M: SINS \(sinsText) (\(sins.category?.info.label.en ?? "category undetermined"))",
            zh: "M：SINS \(sinsText) 分（\(sins.category?.info.label.zhHans ?? "分级未定")）")
        let systemic = LocalizedText(en: "S: see the prognosis scores", zh: "S：见预后评分")
        let framework = LocalizedText.joined([neurologic, oncologic, mechanical, systemic], en: "; ", zh: "；")

        let severity: Severity
        let recommendation: LocalizedText
        let sensitive = site.map { Self.radiosensitive.contains($0) } ?? false
        if let treated {
            severity = .info
            recommendation = LocalizedText(en: "Treated: \(treated.label.en).", zh: "已处理：\(treated.label.zhHans)。")
        } else if deficit || highGrade {
            severity = .urgent
            recommendation = sensitive && !deficit
                ? LocalizedText(
                    en: "High-grade compression in a radiosensitive tumour: urgent conventional radiotherapy is an option unless the spine is unstable — urgent spine-surgery and radiation-oncology review.",
                    zh: "放疗敏感肿瘤的高级别压迫：除非脊柱不稳，可紧急常规放疗——紧急请脊柱外科和放疗科会诊。")
                : LocalizedText(
                    en: "Urgent spine-surgery referral: decompression / separation surgery, then radiotherapy (radiosurgery for radioresistant tumours). Neurological deficit makes it an emergency.",
                    zh: "紧急脊柱外科转诊：减压 / 分离手术后放疗（放疗抵抗肿瘤行立体定向放射外科）。有神经功能障碍即为急诊。")
        } else if let consult = sins.consultSpineSurgery, consult {
            severity = .warning
            recommendation = LocalizedText(
                en: "SINS ≥ 7: spine-surgery consultation for stabilisation (open, or cement augmentation for axial-load pain without gross instability); radiotherapy by histology.",
                zh: "SINS ≥7：脊柱外科会诊评估稳定手术（开放手术，或无明显不稳的轴向负荷痛行骨水泥强化）；按组织学选择放疗。")
        } else if sins.consultSpineSurgery == nil {
            severity = .advisory
            recommendation = LocalizedText(
                en: "SINS range crosses 7: complete the missing items (\(total.missing.joined(separator: ", "))).",
                zh: "SINS 分值跨越 7 分：请补全缺失项（\(total.missing.joined(separator: ", "))）。")
        } else if escc == nil {
            severity = .advisory
            recommendation = LocalizedText(
                en: "Epidural compression not graded: grade ESCC on axial T2 MRI before choosing radiotherapy or surgery.",
                zh: "硬膜外压迫未分级：在选择放疗或手术前，请在轴位 T2 MRI 上进行 ESCC 分级。")
        } else {
            severity = .info
            recommendation = sensitive
                ? LocalizedText(en: "Stable, low-grade: conventional radiotherapy.", zh: "稳定、低级别压迫：常规放疗。")
                : LocalizedText(en: "Stable, low-grade: stereotactic radiosurgery for radioresistant histology.", zh: "稳定、低级别压迫：放疗抵抗组织学行立体定向放射外科。")
        }
        var inputs = sins.components.map { FindingInput($0.key, $0.value ?? "unknown") }
        inputs.append(FindingInput("escc", escc?.grade.rawValue ?? "unknown"))
        inputs.append(FindingInput("neurology", neuro?.status.rawValue ?? "unknown"))
        return Finding(
            ruleId: "surgery.spine.noms", severity: severity, duty: .surgery, specialty: .spineSurgery,
            subject: .lesion(lesion.id), date: date,
            title: LocalizedText(
                en: "\(lesion.label.en): SINS \(sinsText), ESCC \(escc?.grade.rawValue ?? "not graded") — \(severity == .urgent ? "urgent spine referral" : severity == .warning ? "spine-surgery consultation" : "NOMS assessment")",
                zh: "\(lesion.label.zhHans)：SINS \(sinsText) 分，ESCC \(escc?.grade.rawValue ?? "未分级")——\(severity == .urgent ? "紧急脊柱外科转诊" : severity == .warning ? "脊柱外科会诊" : "NOMS 评估")"),
            detail: LocalizedText(en: "\(framework.en). \(recommendation.en)", zh: "\(framework.zhHans)。\(recommendation.zhHans)"),
            inputs: inputs, sources: [Sources.fisher2010, Sources.bilsky2010, Sources.laufer2013])
    }
}
