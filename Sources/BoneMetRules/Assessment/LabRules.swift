/// Laboratory emergencies of bone metastases: hypercalcaemia of malignancy, graded on the
/// albumin-corrected calcium (Payne 1973) as Stewart 2005 grades it, and hypocalcaemia, graded
/// as CTCAE v5.0 grades it — both with the action and who acts.
struct LabRules {
    let index: CaseIndex

    static let payne1973 = Citation(id: "payne1973", text: "Payne RB et al. Br Med J 1973;4:643-6 (albumin-corrected calcium)")
    static let zometaHypercalcaemia = Citation(
        id: "zometaHypercalcaemia",
        text: "Zometa (zoledronic acid) prescribing information: hypercalcaemia of malignancy 4 mg over ≥ 15 min, no dose adjustment for creatinine < 4.5 mg/dL, retreatment after ≥ 7 days", zh: "择泰（唑来膦酸）说明书：恶性肿瘤高钙血症 4 mg 静滴 ≥15 分钟，肌酐 < 4.5 mg/dL 时无需调整剂量，≥7 天后方可再次给药")
    static let stewart2005 = Citation(id: "stewart2005", text: "Stewart AF. N Engl J Med 2005;352:373-9 (hypercalcaemia associated with cancer)")

    enum HypercalcaemiaGrade: String {
        case mild, moderate, severe

        /// Mild < 12 mg/dL (< 3.0 mmol/L), moderate 12–14 (3.0–3.5), severe > 14 (> 3.5) (Stewart 2005),
        /// in the unit the calcium was reported in (3.5 mmol/L is moderate, though 14.03 mg/dL).
        static func of(_ calcium: CaseIndex.CorrectedCalcium) -> HypercalcaemiaGrade {
            if let mmol = calcium.mmol {
                return mmol > 3.5 ? .severe : mmol >= 3.0 ? .moderate : .mild
            }
            if calcium.mgDl > 14 { return .severe }
            if calcium.mgDl >= 12 { return .moderate }
            return .mild
        }

        var label: LocalizedText {
            switch self {
            case .mild: LocalizedText(en: "mild", zh: "轻度")
            case .moderate: LocalizedText(en: "moderate", zh: "中度")
            case .severe: LocalizedText(en: "severe", zh: "重度")
            }
        }
    }

    /// Whether the latest (corrected) calcium is above its upper limit.
    static func hypercalcaemic(_ index: CaseIndex) -> CaseIndex.CorrectedCalcium? {
        guard let calcium = index.correctedCalcium(), calcium.aboveUpperLimit else { return nil }
        return calcium
    }

    func findings() -> [Finding] {
        if let low = Self.hypocalcaemic(index) { return [hypocalcaemia(low)] }
        guard let calcium = Self.hypercalcaemic(index) else { return hypercalcaemiaRecorded().map { [$0] } ?? [] }
        let grade = HypercalcaemiaGrade.of(calcium)
        let mmol = calcium.mmolText
        // One decimal, unless rounding moves it onto or across the upper limit or a grade's
        // bound (12, 14 mg/dL): "corrected calcium 10.5 mg/dL" above an upper limit of 10.5 read
        // as a contradiction (10.54, unseen record cb31-d); then two.
        let oneDecimal = (calcium.mgDl * 10).rounded() / 10
        let blurred = [calcium.upperLimitMgDl, 12, 14].contains { bound in
            (oneDecimal > bound) != (calcium.mgDl > bound) || (oneDecimal < bound) != (calcium.mgDl < bound)
        }
        let value = blurred ? CaseIndex.format(calcium.mgDl, decimals: 2) : CaseIndex.format(calcium.mgDl)
        let how = calcium.albuminGDl.map { albumin in
            LocalizedText(
                en: "measured \(calcium.measuredAsReported ?? "\(CaseIndex.format(calcium.measuredMgDl)) mg/dL") corrected for albumin \(calcium.albuminAsReported ?? "\(CaseIndex.format(albumin)) g/dL")",
                zh: "实测 \(calcium.measuredAsReported ?? "\(CaseIndex.format(calcium.measuredMgDl)) mg/dL")，按白蛋白 \(calcium.albuminAsReported ?? "\(CaseIndex.format(albumin)) g/dL") 校正")
        } ?? LocalizedText(en: "uncorrected — no albumin on record; record it", zh: "未校正——病历无白蛋白，请补充")
        // Zoledronic acid withheld for renal function — a renal hold of a course, or a creatinine
        // of 4.5 mg/dL or more, above which the label's hypercalcaemia trials enrolled no one:
        // denosumab instead. Otherwise the hypercalcaemia dose is 4 mg whatever the CrCl — the
        // label's CrCl bands (and "< 30 not recommended") are for SRE prevention. With CrCl < 30
        // both are shown with their risks: denosumab's boxed warning is severe hypocalcaemia at
        // eGFR < 30, so it is no safe default there (it was named alone before 2026.12.13).
        let held = BoneAgentRules.renalHoldOnRecord(index)
        let barred = BoneAgentRules.hypercalcaemiaDoseBarred(index)
        let crcl = index.creatinineClearance()
        let severeRenal = crcl.map { $0.value < 30 } ?? false
        let hypocalcaemiaWarning = LocalizedText(
            en: " (no renal adjustment; severe hypocalcaemia risk at eGFR < 30 — monitor calcium as it falls)",
            zh: "（无需按肾功能调整；eGFR < 30 时有严重低钙血症风险——血钙下降时密切监测）")
        let agentText: LocalizedText
        if barred {
            agentText = LocalizedText(
                en: "denosumab\(severeRenal ? hypocalcaemiaWarning.en : "") (zoledronic acid is withheld for renal function — \(held ? "a renal hold" : "creatinine ≥ 4.5 mg/dL"))",
                zh: "地舒单抗\(severeRenal ? hypocalcaemiaWarning.zhHans : "")（因肾功能暂停唑来膦酸——\(held ? "肾功能暂停中" : "血肌酐 ≥4.5 mg/dL")）")
        } else if severeRenal, let crcl {
            let value = String(describing: crcl.value)
            agentText = LocalizedText(
                en: "either zoledronic acid 4 mg IV over ≥ 15 min — CrCl \(value) mL/min is below the SRE-prevention bands, but the hypercalcaemia label sets no CrCl limit while creatinine is < 4.5 mg/dL (hydrate first; check creatinine before any repeat, not within 7 days) — or denosumab\(hypocalcaemiaWarning.en); the choice is medical oncology's",
                zh: "可选唑来膦酸 4 mg 静脉滴注 ≥15 分钟——肌酐清除率 \(value) mL/min 低于预防 SRE 的剂量分档，但高钙血症适应证在血肌酐 < 4.5 mg/dL 时不设肌酐清除率限制（先补液；重复给药前复查血肌酐，7 天内不重复）——或地舒单抗\(hypocalcaemiaWarning.zhHans)；由肿瘤内科选择")
        } else {
            agentText = LocalizedText(
                en: "zoledronic acid 4 mg IV over ≥ 15 min (in hypercalcaemia no CrCl adjustment while creatinine is < 4.5 mg/dL; not repeated within 7 days) — denosumab when refractory or renal function forbids",
                zh: "唑来膦酸 4 mg 静脉滴注 ≥15 分钟（高钙血症时血肌酐 < 4.5 mg/dL 无需按肌酐清除率调整；7 天内不重复）——难治或肾功能不允许时用地舒单抗")
        }
        let treated = treatedEpisode(latest: calcium)
        // Denosumab running (SRE dose, not stopped): the advice "denosumab when refractory" read
        // as if it were not — a CRPC on denosumab every 4 weeks, last dose three weeks before a
        // calcium of 3.3 mmol/L (cb23-x). The hypercalcaemia arose under it; the record says so.
        let onDenosumab = index.treatments.last { agent in
            agent.kind == .boneModifyingAgent && agent.agent == .denosumab && !agent.planned && agent.end == nil && !agent.isBoneLossDose
                && agent.start.map { $0.earliestDay <= calcium.date.latestDay } == true
        }
        let underAgent = onDenosumab.map { agent in
            let last = agent.doses.filter { $0.earliestDay <= calcium.date.latestDay }.max()
            // Its next dose (its interval, else the label's every 4 weeks) due more than
            // `regimenGapDays` (setting: the days without a treatment that make a break) before
            // the calcium: the course had lapsed — "denosumab is running (last dose 2025-08-16):
            // this hypercalcaemia arose under it" was said fifteen months on (unseen record
            // cb80-ac). A dose a few days late is still the course.
            let due = last.map { PartialDate(dayNumber: $0.latestDay + (agent.intervalWeeks ?? 4) * 7) }
            if let last, let due, due.latestDay + index.settings.regimenGapDays < calcium.date.earliestDay {
                return LocalizedText(
                    en: " Denosumab had lapsed (last dose \(last), due since \(due)): this hypercalcaemia arose after it — whether resuming it or zoledronic acid treats it is medical oncology's decision.",
                    zh: "地舒单抗已中断（末次给药 \(last)，自 \(due) 起应给药）：本次高钙血症发生于中断之后——恢复地舒单抗还是用唑来膦酸治疗，由肿瘤内科决定。")
            }
            return LocalizedText(
                en: " Denosumab is running (\(last.map { "last dose \($0)" } ?? "since \(agent.start.map(\.description) ?? "")")): this hypercalcaemia arose under it — whether its next dose or zoledronic acid treats it is medical oncology's decision.",
                zh: "地舒单抗正在使用（\(last.map { "末次给药 \($0)" } ?? "自 \(agent.start.map(\.description) ?? "") 起")）：本次高钙血症发生于其使用期间——以其下一剂还是唑来膦酸治疗，由肿瘤内科决定。")
        } ?? (barred ? nil : underBisphosphonate(calcium)) ?? LocalizedText(en: "", zh: "")
        let treatment: LocalizedText =
            treated.map { treated in
                // A bisphosphonate given days before this episode began treats nothing of it yet:
                // hydration (and calcitonin) now, the retreatment after the label's 7 days.
                guard treated.beforeEpisode, grade != .mild else { return treatedText(treated, latest: calcium) }
                let given = treatedText(treated, latest: calcium)
                return LocalizedText(
                    en: "Treat now: IV isotonic saline; calcitonin for a rapid, short effect.\(underAgent.en) \(given.en)",
                    zh: "立即处理：静脉等渗盐水；降钙素可快速短效降钙。\(underAgent.zhHans)\(given.zhHans)")
            } ?? (grade == .mild
            ? LocalizedText(
                // Below 12 mg/dL a zoledronic acid dose is read as the hypercalcaemia's only with
                // the episode on record (`hypercalcaemia(atDose:)`): said where the advice is given.
                en: "Hydrate and look for the cause; if symptomatic or rising, treat as moderate: IV isotonic saline, then \(agentText.en) — record the hypercalcaemia as an event when treating it, so the dose is read as its treatment.\(underAgent.en)",
                zh: "补液并查找病因；如有症状或持续升高，按中度处理：静脉等渗盐水，随后\(agentText.zhHans)——治疗时请将高钙血症记录为事件，以便该剂量按高钙血症治疗读取。\(underAgent.zhHans)")
            : LocalizedText(
                en: "Treat now: IV isotonic saline, then \(agentText.en); calcitonin for a rapid, short effect.\(underAgent.en)\(grade == .severe ? " Severe: an emergency — admit and monitor." : "")",
                zh: "立即处理：静脉等渗盐水，随后\(agentText.zhHans)；降钙素可快速短效降钙。\(underAgent.zhHans)\(grade == .severe ? "重度：急症——收住院并监测。" : "")"))
        // Lymphoma makes calcitriol (1,25-dihydroxyvitamin D) in a few: glucocorticoids treat
        // that hypercalcaemia (Stewart 2005). A DLBCL's was sent only to PTHrP and bone metastases.
        let lymphoma = index.knownPrimaries.contains(where: \.isLymphoma)
            || index.record.biopsies.contains { $0.result == .lymphoma && index.known($0.date) }
        // A myeloma's hypercalcaemia is one of its CRAB features (IMWG, Rajkumar 2014): the cause
        // is known and says the disease may be active — a myeloma on VRd was sent to "PTHrP, PTH,
        // vitamin D, bone metastases" (cb64-d).
        let myeloma = index.knownPrimaries.contains(where: \.isPlasmaCellDisease)
            || index.record.biopsies.contains { $0.result == .myeloma && index.known($0.date) }
        // A clonal protein on record puts myeloma in the differential (`monoclonalSigns`): the
        // hypercalcaemia of a 74-year-old with no known primary, three lytic lesions and an M
        // protein of 2.8 g/dL was sent to "PTHrP, PTH, vitamin D, bone metastases" beside the
        // myeloma differential of the same assessment (unseen record cb162-z).
        let clonal = !myeloma && !lymphoma && !index.monoclonalSigns().isEmpty
        let cause = myeloma
            ? LocalizedText(
                en: "Myeloma on record: hypercalcaemia is one of its CRAB features (IMWG) — haematology to judge whether the myeloma is active; PTH and vitamin D if it does not fit.",
                zh: "病历中有骨髓瘤：高钙血症是其 CRAB 表现之一（IMWG）——由血液科判断骨髓瘤是否活动；如不相符再查 PTH 和维生素 D。")
            : clonal
            ? LocalizedText(
                en: "Look for the cause: a monoclonal protein is on record — myeloma, in the differential, makes hypercalcaemia one of its CRAB features (IMWG); PTHrP, PTH, vitamin D, bone metastases.",
                zh: "查找病因：病历中有单克隆蛋白——鉴别诊断中的骨髓瘤以高钙血症为其 CRAB 表现之一（IMWG）；另查 PTHrP、PTH、维生素 D、骨转移。")
            : lymphoma
            ? LocalizedText(
                en: "Look for the cause: PTHrP, PTH, vitamin D — in lymphoma 1,25-dihydroxyvitamin D (calcitriol), which glucocorticoids treat — bone lesions.",
                zh: "查找病因：PTHrP、PTH、维生素 D——淋巴瘤可产生 1,25-二羟维生素 D（骨化三醇），糖皮质激素有效——骨病灶。")
            : LocalizedText(en: "Look for the cause: PTHrP, PTH, vitamin D, bone metastases.", zh: "查找病因：PTHrP、PTH、维生素 D、骨转移。")
        return [Finding(
            // Treated and not severe: followed, not acted on at once.
            ruleId: "labs.hypercalcaemia", severity: grade == .mild || (treated.map { !$0.beforeEpisode } == true && grade != .severe) ? .warning : .urgent, duty: .boneAgents,
            specialty: .medicalOncology, subject: .patient, date: calcium.date,
            title: LocalizedText(
                en: "Hypercalcaemia, \(grade.label.en): \(calcium.albuminGDl == nil ? "calcium (uncorrected)" : "corrected calcium") \(value) mg/dL (\(mmol) mmol/L) on \(calcium.date)",
                zh: "\(grade.label.zhHans)高钙血症：\(calcium.albuminGDl == nil ? "血钙（未校正）" : "校正血钙") \(value) mg/dL（\(mmol) mmol/L），\(calcium.date)"),
            detail: LocalizedText(
                en: "Calcium \(how.en); upper limit \(calcium.upperLimitAsReported ?? "\(CaseIndex.format(calcium.upperLimitMgDl)) mg/dL"). Grades (Stewart 2005): mild < 12, moderate 12–14, severe > 14 mg/dL (< 3.0, 3.0–3.5, > 3.5 mmol/L) or symptomatic. \(treatment.en) \(cause.en) Withhold calcium and vitamin D supplements while calcium is high.",
                zh: "血钙\(how.zhHans)；上限 \(calcium.upperLimitAsReported ?? "\(CaseIndex.format(calcium.upperLimitMgDl)) mg/dL")。分级（Stewart 2005）：轻度 < 12，中度 12–14，重度 > 14 mg/dL（< 3.0、3.0–3.5、> 3.5 mmol/L）或有症状。\(treatment.zhHans)\(cause.zhHans)血钙升高期间停用钙剂和维生素 D。"),
            inputs: [
                FindingInput("correctedCalciumMgDl", value), FindingInput("grade", grade.rawValue),
                FindingInput("albuminGDl", calcium.albuminGDl.map(CaseIndex.format) ?? "unknown"),
                FindingInput("upperLimitMgDl", CaseIndex.format(calcium.upperLimitMgDl)),
            ],
            sources: [Self.stewart2005, Self.payne1973, Self.zometaHypercalcaemia] + (myeloma || clonal ? [DifferentialRules.rajkumar2014] : []),
            claims: [Claim(.supplements, about: "patient", "withhold")])]
    }
}
