/// Zoledronic acid by kidney function (Zometa label): the dose from the baseline CrCl, the renal
/// hold as a state, and when the agent cannot be given at all.
extension BoneAgentRules {
    /// The renal hold of a zoledronic acid course: creatinine rose ≥ 0.5 mg/dL over a normal
    /// baseline (≥ 1.0 over an abnormal one) since the first dose, and has not yet come back within
    /// 10 % of baseline (Zometa label: the hold is a state — a creatinine that has fallen but is
    /// still above that line keeps it). `trigger` is the result that opened the hold.
    static func renalHold(_ agent: Treatment, index: CaseIndex) -> RenalHold? {
        renalHolds(agent, index: index).open
    }

    /// Every renal hold of a course: the one still open, and those closed by a creatinine back
    /// within 10 % of baseline (`closedBy`), in order.
    static func renalHolds(_ agent: Treatment, index: CaseIndex) -> (open: RenalHold?, closed: [ClosedRenalHold]) {
        // Pamidronate's label withholds it on the same renal deterioration (Aredia label; rule set
        // 2026.12.173), so its course is followed the same way.
        guard agent.agent == .zoledronicAcid || agent.agent == .pamidronate, !agent.planned, let courseStart = agent.start else { return (nil, []) }
        // A course begun in hypercalcaemia is measured from SRE prevention's baseline, as it is
        // dosed: the creatinine before its first dose given with calcium normal. The creatinine
        // of the hypercalcaemia (dehydration raises it) hid a real deterioration behind its
        // height, and one finding named two baselines — "Baseline 1 mg/dL (88 µmol/L)" beside
        // "the baseline CrCl 53.8" from 80 µmol/L (unseen record cb81-p, 2026.12.315).
        var start = courseStart
        if case .firstDose(let day)? = sreStart(agent, index: index) { start = day }
        guard let baselineLab = index.latestLab(.creatinine, onOrBefore: start), let baseline = baselineLab.canonicalValue
        else { return (nil, []) }
        var hold: RenalHold?
        var closed: [ClosedRenalHold] = []
        for lab in index.labs where lab.test == .creatinine && lab.date > start {
            guard lab.canonicalValue != nil else { continue }
            // In the laboratory's unit: µmol/L results are compared as reported, not through ÷ 88.4.
            let check = ZoledronicAcid.renalCheck(
                baseline: .init(baselineLab.value, unit: baselineLab.unit), current: .init(lab.value, unit: lab.unit))
            if check.withhold {
                hold = RenalHold(check: check, current: lab, trigger: hold?.trigger ?? lab, baseline: baseline, peak: hold.map { ($0.peak.canonicalValue ?? 0) >= (lab.canonicalValue ?? 0) ? $0.peak : lab } ?? lab, baselineDate: baselineLab.date)
            } else if let open = hold {
                if check.withinTenPercent {
                    closed.append(ClosedRenalHold(trigger: open.trigger, peak: open.peak, closedBy: lab, baselineLab: baselineLab))
                    hold = nil
                } else {
                    hold = RenalHold(check: check, current: lab, trigger: open.trigger, baseline: baseline, peak: open.peak, baselineDate: baselineLab.date)
                }
            }
        }
        return (hold, closed)
    }

    /// A renal hold that is over: the result that opened it, its highest creatinine and the result
    /// back within 10 % of baseline.
    struct ClosedRenalHold {
        let trigger: LabResult
        let peak: LabResult
        let closedBy: LabResult
        let baselineLab: LabResult
    }

    struct RenalHold {
        /// The check of the current creatinine against the baseline (its rise may be below the line now).
        let check: ZoledronicAcid.RenalCheck
        let current: LabResult
        let trigger: LabResult
        let baseline: Double
        /// The highest creatinine of the hold so far.
        let peak: LabResult
        /// Creatinine fell since the rise but is not yet within 10 % of baseline.
        var easing: Bool { !check.withhold }
        /// The day the baseline creatinine was measured.
        var baselineDate: PartialDate? = nil
    }

    /// Whether zoledronic acid cannot be given now: a course on renal hold or dosed from a CrCl
    /// < 30; with no course, a latest CrCl < 30.
    static func zoledronicBarred(_ index: CaseIndex) -> Bool {
        let courses = index.treatments.filter { $0.kind == .boneModifyingAgent && $0.agent == .zoledronicAcid }
        if courses.contains(where: { course in
            renalHold(course, index: index) != nil
                || dosingClearance(course, index: index).map { ZoledronicAcid.DoseBand.of(crclMlMin: $0.clearance.value).doseMg == nil } == true
        }) { return true }
        return index.creatinineClearance().map { $0.value < 30 } ?? false
    }

    /// Zoledronic acid is dosed from the baseline CrCl (Zometa label): the creatinine clearance
    /// before the first dose. During a renal hold it resumes at that same dose once creatinine is
    /// back within 10 % of baseline — the raised creatinine never re-doses it.
    func zoledronic(_ agent: Treatment) -> [Finding] {
        var findings: [Finding] = []
        let started = !agent.planned && agent.start != nil
        let dosing = Self.dosingClearance(agent, index: index)
        let baseline = dosing?.baseline == true ? dosing?.clearance : nil
        // The renal hold needs creatinine alone: a record without weight or birth date (no CrCl)
        // still withholds the next dose when creatinine rose — it was never checked there.
        let clearance = dosing?.clearance
        let band = clearance.map { ZoledronicAcid.DoseBand.of(crclMlMin: $0.value) }
        let crcl = clearance.map { String(describing: $0.value) }
        let basis = dosing?.sreStart.map { start -> LocalizedText in
            switch start {
            case .firstDose(let day):
                LocalizedText(
                    en: "baseline of SRE prevention: before its first dose, \(day) — the doses before it were given in hypercalcaemia, dosed without CrCl adjustment",
                    zh: "预防 SRE 的基线：其首剂（\(day)）前——此前各剂为高钙血症时给药，不按肌酐清除率调整")
            case .notYet:
                LocalizedText(
                    en: "latest, as the baseline of SRE prevention — every dose so far was given in hypercalcaemia",
                    zh: "最近一次，作为预防 SRE 的基线——迄今各剂均为高钙血症时给药")
            }
        } ?? (baseline != nil
            ? (Self.staleBaselineAge(baseline?.date, agent: agent).map { note in
                // The dose the latest creatinine gives, beside the old baseline's.
                let latest = index.creatinineClearance().flatMap { latest -> LocalizedText? in
                    guard let base = baseline, latest.date.earliestDay > base.date.latestDay else { return nil }
                    let dose = ZoledronicAcid.DoseBand.of(crclMlMin: latest.value).doseMg.map { "\(String(describing: $0)) mg" }
                    return LocalizedText(
                        en: "; the latest, of \(latest.date), gives CrCl \(String(describing: latest.value)) mL/min\(dose.map { ": \($0)" } ?? ": not recommended (< 30)") — measure creatinine and weigh which describes the kidneys",
                        zh: "；最近一次（\(latest.date)）肌酐清除率 \(String(describing: latest.value)) mL/min\(dose.map { "：\($0)" } ?? "：不推荐（< 30）")——请复查血肌酐并判断哪一次反映当前肾功能")
                } ?? LocalizedText(en: "", zh: "")
                return LocalizedText(
                    en: "baseline: \(note.en) before the first dose — no nearer creatinine is on record\(latest.en)",
                    zh: "基线：早于首剂 \(note.zhHans)——病历中无更接近首剂的血肌酐\(latest.zhHans)")
            } ?? LocalizedText(en: "baseline (before the first dose)", zh: "基线（首剂前）"))
            : started
                ? LocalizedText(en: "latest — no creatinine before the first dose is on record", zh: "最近一次——病历中无首剂前的血肌酐")
                : LocalizedText(en: "latest, as the baseline for the first dose", zh: "最近一次，作为首剂的基线"))
        if let renal = Self.renalHold(agent, index: index), let currentValue = renal.current.canonicalValue {
            let text = renalHoldText(renal, agent: agent)
            let resumeDose = Self.resumeDose(agent, band: band, clearance: clearance)
            let title = text.title
            let state = text.state
            let givenDuring = text.givenDuring
            let resume = text.resume
            // The alternative as the kidneys stand now: a creatinine of 2.4 mg/dL (CrCl 21) read
            // "hypocalcaemia risk if eGFR < 30" as if that were another patient's (cb23-g).
            func alternative() -> LocalizedText { holdAlternative() }
            findings.append(Finding(
                ruleId: "boneAgents.zoledronic.renalHold", severity: .urgent, duty: .boneAgents, specialty: .medicalOncology,
                subject: .treatment(agent.id), date: renal.current.date,
                title: title,
                // The hold is SRE prevention's (the label's renal deterioration in bone metastases
                // and myeloma); a retreatment of hypercalcaemia is dosed by the label's own rule
                // — a creatinine risen 0.9 → 1.6 mg/dL beside a corrected calcium of 12.3 read
                // "withhold zoledronic acid" beside "retreat (zoledronic acid 4 mg, label)"
                // (unseen bundle ehr38).
                detail: { let hyper = hypercalcaemiaRetreatment(LocalizedText(en: "The hold is SRE prevention's (the label's renal deterioration)", zh: "该暂停针对预防 SRE（说明书的肾功能恶化标准）")); return LocalizedText(
                    en: "\(state.en)\(givenDuring.en) Resume when creatinine is ≤ \(resume), \(resumeDose.en) — not re-dosed from the raised creatinine. \(alternative().en)\(hyper.en)",
                    zh: "\(state.zhHans)\(givenDuring.zhHans)血肌酐降至 ≤\(resume) 后\(resumeDose.zhHans)——不按升高后的血肌酐重新定剂量。\(alternative().zhHans)\(hyper.zhHans)") }(),
                inputs: [
                    FindingInput("baselineCreatinineMgDl", String(describing: renal.baseline)),
                    FindingInput("currentCreatinineMgDl", String(describing: currentValue)), FindingInput("baselineCrclMlMin", crcl ?? "unknown"),
                ],
                sources: [Sources.zometaLabel],
                claims: [Claim(.boneAgentDose, about: agent.id, "withhold"), Claim(.boneAgentTiming, about: agent.id, "withhold")]))
            return findings
        }
        guard let clearance, let band, let crcl else {
            findings.append(clearanceUnknownFinding(agent))
            return findings
        }
        if let hypercalcaemic = hypercalcaemiaDoses(agent, clearance: clearance, band: band, basis: basis) {
            findings.append(hypercalcaemic)
            return findings
        }
        if let dose = band.doseMg {
            let differs = agent.doseMg.map { abs($0 - dose) > 0.001 } ?? false
            // The adjuvant course of early breast cancer keeps the label's renal dose, on its own
            // schedule (ASCO–CCO 2017) — not "every 3–4 weeks, or every 12 weeks" (cb24-y).
            let recommendation = isAdjuvantBreastSchedule(agent)
                ? LocalizedText(
                    en: "zoledronic acid \(String(describing: dose)) mg IV over ≥ 15 min \(Self.adjuvantSchedule.en); check serum creatinine before every dose",
                    zh: "唑来膦酸 \(String(describing: dose)) mg 静脉滴注 ≥15 分钟，\(Self.adjuvantSchedule.zhHans)；每次给药前检查血肌酐")
                : band.info.recommendation
            // Its indication in question: the dose is for a course that is continued, said so
            // (cb64-p: "every 3–4 weeks, or every 12 weeks" beside "not indicated").
            let continued = sreNotIndicated
                ? LocalizedText(
                    en: " The indication is in question (see the finding on it): this dose applies only if the course is continued.",
                    zh: "其适应证存疑（见相关结论）：此剂量仅适用于继续该疗程时。")
                : LocalizedText(en: "", zh: "")
            // (An old baseline's note names the latest clearance already.)
            let staleNoted = baseline != nil && Self.staleBaselineAge(baseline?.date, agent: agent) != nil
            let fallen = staleNoted ? nil : clearanceFallenBelow30(since: clearance.date)
            // The calcium still high: the next dose is the hypercalcaemia's, 4 mg whatever the CrCl
            // (Zometa label) — the band is for the doses after it. A planned 4 mg at CrCl 31 in a
            // corrected calcium of 12.3 mg/dL read "3.0 mg (ordered 4.0 mg)" as a warning beside the
            // calcium finding's "zoledronic acid 4 mg IV … no CrCl adjustment" (unseen record cb143-d).
            let hyper = hypercalcaemiaNextDose(agent, bandDose: dose, crcl: crcl)
            let title = hyper?.title ?? LocalizedText(
                en: "Zoledronic acid \(String(describing: dose)) mg for CrCl \(crcl) mL/min\(differs ? " (ordered \(agent.doseMg.map { String(describing: $0) } ?? "") mg)" : "")",
                zh: "肌酐清除率 \(crcl) mL/min：唑来膦酸 \(String(describing: dose)) mg\(differs ? "（医嘱 \(agent.doseMg.map { String(describing: $0) } ?? "") mg）" : "")")
            let severity: Severity = hyper.map { $0.offLabel || fallen != nil ? .warning : .advisory }
                ?? (differs || fallen != nil ? .warning : .info)
            findings.append(Finding(
                ruleId: "boneAgents.zoledronic.dose", severity: severity, duty: .boneAgents,
                specialty: .medicalOncology, subject: .treatment(agent.id), date: clearance.date,
                title: title,
                detail: LocalizedText(
                    en: "Cockcroft–Gault from creatinine \(clearance.creatinineAsReported) (\(clearance.date); \(basis.en)), \(clearance.otherInputs.en): \(recommendation.en).\(hyper?.detail.en ?? "")\(continued.en)\(fallen?.en ?? "")",
                    zh: "Cockcroft–Gault，血肌酐 \(clearance.creatinineAsReported)（\(clearance.date)；\(basis.zhHans)），\(clearance.otherInputs.zhHans)：\(recommendation.zhHans)。\(hyper?.detail.zhHans ?? "")\(continued.zhHans)\(fallen?.zhHans ?? "")"),
                inputs: [FindingInput("crclMlMin", crcl), FindingInput("doseMg", String(describing: dose)), FindingInput("crclBasis", baseline != nil ? "baseline" : "latest")],
                sources: [Sources.cockcroftGault1976, Sources.zometaLabel] + (hyper == nil ? [] : [LabRules.zometaHypercalcaemia]),
                claims: [Claim(.boneAgentDose, about: agent.id, String(describing: dose))]))
            if let due = creatinineDue(agent) { findings.append(due) }
        } else {
            // The CrCl bands are SRE prevention's: with the calcium still high, the hypercalcaemia
            // finding's retreatment (4 mg, no CrCl adjustment below creatinine 4.5 mg/dL, Zometa
            // label) is not barred by them — a myeloma at CrCl 29 read "do not give zoledronic
            // acid" beside "no repeat dose before …, and only if calcium does not return to normal".
            let hypercalcaemia = hypercalcaemiaRetreatment(LocalizedText(en: "This is SRE prevention's dose table", zh: "此为预防 SRE 的剂量表"))
            // The baseline in acute kidney injury, the kidneys better since: the label doses by
            // baseline CrCl and says nothing of re-baselining, so the latest clearance is named
            // with its band for the decision. A myeloma at CrCl 29.6 in hypercalcaemia (creatinine
            // 2.1 mg/dL), 41.5 two months into VRd, read "do not give" without the later value
            // (unseen record cb74-f).
            let recovered: LocalizedText = {
                guard let latest = index.creatinineClearance(), latest.date.earliestDay > clearance.date.latestDay, latest.value >= 30,
                    let dose = ZoledronicAcid.DoseBand.of(crclMlMin: latest.value).doseMg
                else { return LocalizedText(en: "", zh: "") }
                return LocalizedText(
                    en: " Since then creatinine is \(latest.creatinineAsReported) (\(latest.date)): CrCl \(String(describing: latest.value)) mL/min, the band of \(String(describing: dose)) mg. The label doses by the CrCl before the first dose and does not say when renal function that has recovered makes a new baseline — medical oncology decides, with the creatinine checked before every dose.",
                    zh: "此后血肌酐为 \(latest.creatinineAsReported)（\(latest.date)）：肌酐清除率 \(String(describing: latest.value)) mL/min，对应 \(String(describing: dose)) mg 档。说明书按首剂前的肌酐清除率定剂量，未说明肾功能恢复后何时重新确定基线——由肿瘤内科决定，每次给药前检查血肌酐。")
            }()
            // Its next dose the hypercalcaemia's (calcium ≥ 12 mg/dL or an event since its last
            // dose, the kidneys not barring it): the label's 4 mg, whatever the CrCl — the title
            // says the course stops after it, not "not recommended" as an emergency beside the
            // calcium finding's "zoledronic acid 4 mg … or denosumab". A squamous lung cancer's
            // planned zoledronic acid at CrCl 17.7 in a corrected calcium of 15.2 mg/dL read
            // "Zoledronic acid not recommended" (urgent) (unseen record cb149-f, rule set
            // 2026.12.393), as a course given so far only in hypercalcaemia reads
            // (`hypercalcaemiaDoses`).
            let hypercalcaemiaFirst = hypercalcaemiaDoseNext(agent) != nil
            findings.append(Finding(
                ruleId: "boneAgents.zoledronic.notRecommended", severity: hypercalcaemiaFirst ? .advisory : .urgent, duty: .boneAgents, specialty: .medicalOncology,
                subject: .treatment(agent.id), date: clearance.date,
                title: hypercalcaemiaFirst
                    ? LocalizedText(
                        en: "Zoledronic acid 4 mg for the hypercalcaemia — no further doses for SRE prevention at CrCl \(crcl) mL/min",
                        zh: "唑来膦酸 4 mg 用于高钙血症——肌酐清除率 \(crcl) mL/min 时不再用于预防 SRE")
                    : LocalizedText(
                        en: "Zoledronic acid not recommended: CrCl \(crcl) mL/min (< 30)",
                        zh: "不推荐唑来膦酸：肌酐清除率 \(crcl) mL/min（< 30）"),
                detail: LocalizedText(
                    // The band's recommendation names denosumab and its warning already (it was said
                    // twice); the CrCl is said with what it was worked out from, as the dose finding
                    // says it ("… warning (baseline (before the first dose))" read oddly).
                    en: "Cockcroft–Gault from creatinine \(clearance.creatinineAsReported) (\(clearance.date); \(basis.en)), \(clearance.otherInputs.en): \(hypercalcaemiaFirst ? "for SRE prevention, " : "")\(band.info.recommendation.en).\(hypercalcaemia.en)\(recovered.en)",
                    zh: "Cockcroft–Gault，血肌酐 \(clearance.creatinineAsReported)（\(clearance.date)；\(basis.zhHans)），\(clearance.otherInputs.zhHans)：\(hypercalcaemiaFirst ? "预防 SRE 时" : "")\(band.info.recommendation.zhHans)。\(hypercalcaemia.zhHans)\(recovered.zhHans)"),
                inputs: [FindingInput("crclMlMin", crcl)],
                sources: [Sources.cockcroftGault1976, Sources.zometaLabel] + (hypercalcaemia.en.isEmpty ? [] : [LabRules.zometaHypercalcaemia]),
                claims: [Claim(.boneAgentDose, about: agent.id, "notRecommended")]
                    + (hypercalcaemiaFirst ? [] : [Claim(.boneAgentTiming, about: agent.id, "withhold")])))
        }
        return findings
    }

    /// Denosumab as the alternative to a bisphosphonate the kidneys bar or hold, as they stand now:
    /// below 30 its boxed warning is said, not left conditional (a creatinine of 2.4 mg/dL, CrCl 21,
    /// read "hypocalcaemia risk if eGFR < 30" as if that were another patient's, cb23-g). For the
    /// zoledronic acid renal hold and pamidronate's label finding.
    /// What may be given while a bisphosphonate is withheld for the kidneys: denosumab — unless
    /// osteonecrosis of the jaw is open on record, when no agent is proposed before dental care
    /// has decided (denosumab carries the same risk). A zoledronic acid held for a creatinine rise
    /// offered "alternative during the hold: denosumab" beside the jaw's osteonecrosis of ten days
    /// before (unseen record cb36-d).
    func holdAlternative() -> LocalizedText {
        if let onj = osteonecrosisOfJaw {
            return LocalizedText(
                en: "No other agent during the hold: the osteonecrosis of the jaw on record (\(onj.date)) decides any bone-modifying agent with dental care — denosumab carries the same risk.",
                zh: "暂停期间不换用其他药物：病历中的下颌骨坏死（\(onj.date)）决定是否使用任何骨改良药物，需与口腔科共同决定——地舒单抗同样有此风险。")
        }
        let denosumab = denosumabAlternative()
        return LocalizedText(en: "Alternative during the hold: \(denosumab.en).", zh: "暂停期间的替代药物：\(denosumab.zhHans)。")
    }

    func denosumabAlternative() -> LocalizedText {
        let name = BoneAgent.denosumab.label
        guard let kidney = kidneyBelow30(clearance: index.creatinineClearance()) else {
            return LocalizedText(
                en: "\(name.en) (no renal adjustment; hypocalcaemia risk if eGFR < 30)",
                zh: "\(name.zhHans)（无需按肾功能调整；eGFR < 30 时有低钙血症风险）")
        }
        return LocalizedText(
            en: "\(name.en) needs no renal adjustment, but kidney function is now \(kidney.measure.en) (< 30): its boxed warning of severe hypocalcaemia applies — check for CKD–mineral bone disorder and correct calcium and vitamin D first",
            zh: "\(name.zhHans)无需按肾功能调整，但当前肾功能 \(kidney.measure.zhHans)（< 30），适用其严重低钙血症黑框警告——先评估慢性肾病–矿物质骨异常并纠正钙和维生素 D")
    }

    /// An eGFR on record beside a CrCl that cannot be computed: it is not ignored, but it is not
    /// the label's measure — the Zometa dose table is by Cockcroft–Gault CrCl in mL/min, and eGFR
    /// (mL/min/1.73 m², normalised to body surface) is not interchangeable with it. An eGFR 38
    /// read "record serum creatinine" as if nothing about the kidneys were known. Below 30 it
    /// points to the severe impairment where the label does not recommend zoledronic acid.
    static func egfrOnRecord(_ index: CaseIndex) -> LocalizedText {
        egfrOnRecord(index, drug: BoneAgent.zoledronicAcid.label, why: LocalizedText(
            en: "its dose table is by Cockcroft–Gault CrCl in mL/min, which eGFR does not replace",
            zh: "其剂量表按 Cockcroft–Gault 肌酐清除率（mL/min）制定，eGFR 不能替代"))
    }

    /// The eGFR on record said for a bisphosphonate whose label reads something else (`why`), with
    /// severe impairment named below 30 — zoledronic acid's dose table, pamidronate's creatinine.
    static func egfrOnRecord(_ index: CaseIndex, drug: LocalizedText, why: LocalizedText) -> LocalizedText {
        guard let egfr = index.latestLab(.egfr), let value = egfr.canonicalValue else { return LocalizedText(en: "", zh: "") }
        let text = CaseIndex.format(value, decimals: 1)
        let severe = value < 30
            ? LocalizedText(
                en: " Below 30 it points to severe renal impairment, where the label does not recommend \(drug.en): confirm by CrCl before any dose.",
                zh: "低于 30 提示重度肾功能不全，说明书不推荐此时使用\(drug.zhHans)：任何给药前以肌酐清除率确认。")
            : LocalizedText(en: "", zh: "")
        return LocalizedText(
            en: " The eGFR on record (\(text) mL/min/1.73 m², \(egfr.date)) is not the label's measure: \(why.en).\(severe.en)",
            zh: "病历中的 eGFR（\(text) mL/min/1.73 m²，\(egfr.date)）并非说明书所用指标：\(why.zhHans)。\(severe.zhHans)")
    }

    /// Zoledronic acid without a CrCl: what is missing, said by name — or, under 18, that the
    /// adult dose table does not apply (Cockcroft–Gault was derived in adults aged 18–92; the
    /// Zometa label: not indicated in children, safety and effectiveness not established).
    private func clearanceUnknownFinding(_ agent: Treatment) -> Finding {
        let gaps = index.clearanceGaps(onOrBefore: creatinineDay(agent))
        var title: LocalizedText
        var boundsGiven = false
        // The next dose the hypercalcaemia's: 4 mg whatever the CrCl (Zometa label) — what is
        // missing decides the doses after it, not this one (as the dose finding says at a known
        // CrCl, rule set 2026.12.388; here since 2026.12.393).
        let hypercalcaemia = hypercalcaemiaDoseNext(agent).map { why in
            LocalizedText(
                en: " For the hypercalcaemia on record (\(why.text.en)) the label's 4 mg needs no CrCl adjustment while creatinine is < 4.5 mg/dL (the calcium finding says when): the clearance decides the doses after it.",
                zh: "对病历中的高钙血症（\(why.text.zhHans)），血肌酐 < 4.5 mg/dL 时说明书的 4 mg 无需按肌酐清除率调整（何时给药见血钙结论）：肌酐清除率决定此后的剂量。")
        }
        let detail: LocalizedText
        let input: FindingInput
        if let age = gaps.minorAge, gaps.missing.isEmpty {
            title = LocalizedText(en: "Zoledronic acid: no adult dose table for a patient aged \(age)", zh: "唑来膦酸：\(age) 岁患者不适用成人剂量表")
            detail = LocalizedText(
                en: "Cockcroft–Gault CrCl was derived in adults (18–92 years) and the Zometa label's doses by CrCl are for adults; the label does not establish its use in children. Dose and monitoring are decided with paediatric oncology.",
                zh: "Cockcroft–Gault 肌酐清除率公式来自成人（18–92 岁），Zometa 说明书按肌酐清除率的剂量适用于成人；说明书未确立其在儿童中的使用。剂量和监测请与儿童肿瘤科共同决定。")
            input = FindingInput("ageYears", age.description)
        } else {
            let missing = gaps.missing.isEmpty
                ? LocalizedText(en: "serum creatinine, weight, sex and birth date", zh: "血肌酐、体重、性别和出生日期")
                : LocalizedText.joined(gaps.missing, en: ", ", zh: "、")
            title = LocalizedText(en: "Zoledronic acid: creatinine clearance cannot be computed", zh: "唑来膦酸：无法计算肌酐清除率")
            let weights = weightBands(agent)
            let sexes = sexBounds(agent)
            if let above = sexes.above { title = above }
            boundsGiven = !sexes.text.en.isEmpty
            detail = LocalizedText(
                en: "The dose depends on Cockcroft–Gault CrCl: record \(missing.en).\(weights.en)\(sexes.text.en)\(Self.egfrOnRecord(index).en)\(hypercalcaemia?.en ?? "")",
                zh: "剂量取决于 Cockcroft–Gault 肌酐清除率：请记录\(missing.zhHans)。\(weights.zhHans)\(sexes.text.zhHans)\(Self.egfrOnRecord(index).zhHans)\(hypercalcaemia?.zhHans ?? "")")
            input = FindingInput("missing", gaps.missing.isEmpty ? "unknown" : gaps.missing.map(\.en).joined(separator: ","))
        }
        return Finding(
            ruleId: "boneAgents.zoledronic.crclUnknown", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: index.assessedOn, title: title, detail: detail, inputs: [input],
            sources: ((gaps.minorAge != nil && gaps.missing.isEmpty) || index.latestLab(.egfr) != nil || boundsGiven
                ? [Sources.cockcroftGault1976, Sources.zometaLabel] : [Sources.zometaLabel])
                + (hypercalcaemia != nil && !(gaps.minorAge != nil && gaps.missing.isEmpty) ? [LabRules.zometaHypercalcaemia] : []))
    }

    /// The day the dose's creatinine is read by: the first dose's (the label's baseline), or —
    /// none on record before it — the latest, as the dose finding reads it ("latest — no
    /// creatinine before the first dose is on record"). A prostate cancer's course with a
    /// creatinine of November and no weight read "record serum creatinine, weight" (cb85-c).
    func creatinineDay(_ agent: Treatment) -> PartialDate? {
        guard !agent.planned, let start = agent.start, index.latestLab(.creatinine, onOrBefore: start) != nil else { return nil }
        return start
    }

    /// Only the weight missing: the label's bands as weights at the baseline creatinine, sex and
    /// age (Cockcroft–Gault is linear in weight), and whether the dose given fits any of them. An
    /// 82-year-old woman with creatinine 1.2 mg/dL on 4 mg every 4 weeks read only "record
    /// weight" — 4 mg needs CrCl > 60, which at that creatinine and age means over 105 kg (cb25-k).
    private func weightBands(_ agent: Treatment) -> LocalizedText {
        let none = LocalizedText(en: "", zh: "")
        guard let (lab, creatinine, age, perKg) = index.clearancePerKilogram(onOrBefore: creatinineDay(agent)),
            let sex = index.record.patient.sex
        else { return none }
        func kg(_ clearance: Double) -> String { CaseIndex.format(clearance / perKg, decimals: 1) }
        let given = agent.doseMg.flatMap { dose -> LocalizedText? in
            let text = CaseIndex.format(dose)
            let fits: LocalizedText
            switch dose {
            case 4...: fits = LocalizedText(en: "over \(kg(60)) kg", zh: "体重超过 \(kg(60)) kg")
            case 3.5..<4: fits = LocalizedText(en: "\(kg(50))–\(kg(60)) kg", zh: "体重 \(kg(50))–\(kg(60)) kg")
            case 3.3..<3.5: fits = LocalizedText(en: "\(kg(40))–\(kg(50)) kg", zh: "体重 \(kg(40))–\(kg(50)) kg")
            case 3.0..<3.3: fits = LocalizedText(en: "\(kg(30))–\(kg(40)) kg", zh: "体重 \(kg(30))–\(kg(40)) kg")
            default: return nil
            }
            return LocalizedText(en: " The \(text) mg on record fits \(fits.en) only.", zh: "病历中的 \(text) mg 仅适合\(fits.zhHans)。")
        } ?? none
        let sexText = sex == .female ? LocalizedText(en: "a woman", zh: "女性") : LocalizedText(en: "a man", zh: "男性")
        return LocalizedText(
            en: " Until then, at the creatinine of \(lab.date) (\(CaseIndex.format(creatinine, decimals: 2)) mg/dL) in \(sexText.en) of \(age), CrCl is \(CaseIndex.format(perKg, decimals: 3)) × weight: 4.0 mg needs over \(kg(60)) kg, 3.5 mg \(kg(50))–\(kg(60)) kg, 3.3 mg \(kg(40))–\(kg(50)) kg, 3.0 mg \(kg(30))–\(kg(40)) kg; under \(kg(30)) kg (CrCl < 30) it is not recommended.\(given.en)",
            zh: "在记录体重之前：按 \(lab.date) 的血肌酐（\(CaseIndex.format(creatinine, decimals: 2)) mg/dL）、\(age) 岁\(sexText.zhHans)计算，CrCl = \(CaseIndex.format(perKg, decimals: 3)) × 体重：4.0 mg 需体重超过 \(kg(60)) kg，3.5 mg 为 \(kg(50))–\(kg(60)) kg，3.3 mg 为 \(kg(40))–\(kg(50)) kg，3.0 mg 为 \(kg(30))–\(kg(40)) kg；低于 \(kg(30)) kg（CrCl < 30）不推荐使用。\(given.zhHans)")
    }

    /// Other creatinines of the day of the one a hold reads, that differ from it: said, so that
    /// the discordance is repeated rather than trusted (an EHR sent 0.9 and 1.6 mg/dL of one morning,
    /// and "creatinine rose by 0.8" stood alone — unseen record cb80-i).
    func sameDayCreatinines(besides current: LabResult) -> LocalizedText {
        let others = index.record.labs.filter { lab in
            lab.test == .creatinine && lab.date == current.date && lab.canonicalValue != nil && lab.canonicalValue != current.canonicalValue
        }
        guard !others.isEmpty else { return LocalizedText(en: "", zh: "") }
        let values = others.map { CaseIndex.creatinineText($0, mgDl: $0.canonicalValue ?? 0) }.joined(separator: ", ")
        return LocalizedText(
            en: " The same day's record also holds creatinine \(values): repeat it to settle which is right.",
            zh: "同日另有血肌酐 \(values)：请复查以确认哪一结果正确。")
    }

    /// A renal hold said in words, for zoledronic acid and pamidronate alike: the title (withhold, or
    /// keep withholding while creatinine has fallen but not yet to within 10 % of baseline), the
    /// state against the baseline, the creatinine to resume at, and doses given since the rise.
    func renalHoldText(_ renal: RenalHold, agent: Treatment) -> (title: LocalizedText, state: LocalizedText, resume: String, givenDuring: LocalizedText) {
        let name = agent.agent?.label ?? LocalizedText(en: "the agent", zh: "该药")
        let hold = renal.check
        let current = renal.current
        let currentValue = current.canonicalValue ?? renal.baseline
        // In the laboratory's own unit too (µmol/L in most of the world), rounded as reported.
        let baselineText = CaseIndex.creatinineAmount(renal.baseline, like: current)
        // The limits in the laboratory's unit as the check uses them, to one decimal — 0.5 mg/dL
        // is 44.2 µmol/L (a rise of 44 does not withhold); a baseline of 85 µmol/L resumes at
        // 93.5 — not the mg/dL limit converted back and rounded.
        func limit(_ mgDl: Double, inUnit: Double) -> String {
            let mg = "\(CaseIndex.format(mgDl, decimals: 2)) mg/dL"
            return current.unit == "mg/dL" ? mg : "\(mg) (\(CaseIndex.format(inUnit, decimals: 1)) \(current.unit))"
        }
        let threshold = limit(hold.thresholdMgDl, inUnit: hold.thresholdInUnit)
        let resume = limit(hold.resumeAtOrBelowMgDl, inUnit: hold.resumeAtOrBelowInUnit)
        let currentText = CaseIndex.creatinineText(current, mgDl: currentValue)
        let title: LocalizedText
        let state: LocalizedText
        if renal.easing {
            // Fallen since the rise, but not yet within 10 % of baseline: still withheld.
            let trigger = CaseIndex.creatinineText(renal.trigger, mgDl: renal.trigger.canonicalValue ?? currentValue)
            title = LocalizedText(
                en: "Keep withholding \(name.en): creatinine \(currentText), not yet ≤ \(resume)",
                zh: "继续暂停\(name.zhHans)：血肌酐 \(currentText)，尚未降至 ≤\(resume)")
            state = LocalizedText(
                en: "Baseline \(baselineText); withheld since \(trigger) on \(renal.trigger.date) (a rise of \(threshold) withholds it after \(hold.baselineNormal ? "a normal" : "an abnormal") baseline); now \(currentText) (\(current.date)), still more than 10 % above baseline.",
                zh: "基线 \(baselineText)；\(renal.trigger.date) 血肌酐 \(trigger)，自此暂停（\(hold.baselineNormal ? "基线正常" : "基线异常")时升高 \(threshold) 即暂停）；当前 \(currentText)（\(current.date)），仍高于基线 10% 以上。")
        } else {
            let rise = CaseIndex.creatinineAmount(hold.riseMgDl, like: current)
            title = LocalizedText(en: "Withhold \(name.en): creatinine rose by \(rise)", zh: "暂停\(name.zhHans)：血肌酐升高 \(rise)")
            let sameDay = sameDayCreatinines(besides: current)
            let stale = Self.staleBaselineAge(renal.baselineDate, agent: agent).map { note in
                LocalizedText(
                    en: " of \(renal.baselineDate?.description ?? ""), \(note.en) before the first dose — no nearer creatinine is on record, so the rise may predate the course;",
                    zh: "（\(renal.baselineDate?.description ?? "")，早于首剂 \(note.zhHans)——病历中无更接近首剂的血肌酐），升高可能早于本疗程；")
            } ?? LocalizedText(en: ",", zh: "，")
            state = LocalizedText(
                en: "Baseline \(baselineText)\(stale.en) now \(currentText) (a rise of \(threshold) withholds it after \(hold.baselineNormal ? "a normal" : "an abnormal") baseline).\(sameDay.en)",
                zh: "基线 \(baselineText)\(stale.zhHans)当前 \(currentText)（\(hold.baselineNormal ? "基线正常" : "基线异常")时升高 \(threshold) 即暂停）。\(sameDay.zhHans)")
        }
        // Doses given after the result that opened the hold: against it, and nephrotoxic on a
        // kidney already worse. A myeloma's zoledronic acid given three days after creatinine
        // rose 1.2 → 1.8 mg/dL read only "withhold" (cb24-e, rule set 2026.12.163).
        let during = agent.givenDoses.filter { index.known($0) && $0.earliestDay > renal.trigger.date.latestDay }.sorted()
        let givenDuring = during.isEmpty
            ? LocalizedText(en: "", zh: "")
            : LocalizedText(
                en: " Given since that rise (\(renal.trigger.date)): \(during.map(String.init(describing:)).joined(separator: ", ")) — the label withholds it; measure creatinine now.",
                zh: "血肌酐升高（\(renal.trigger.date)）后仍给药：\(during.map(String.init(describing:)).joined(separator: "、"))——说明书要求暂停；请立即复查血肌酐。")
        return (title, state, resume, givenDuring)
    }
}
