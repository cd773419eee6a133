/// Bone-modifying agents (reference.md): indication, preferred agent (setting), CrCl from the
/// latest labs, zoledronic acid dose and renal hold, denosumab hypocalcaemia risk, dental
/// examination, calcium and vitamin D, dosing interval, SRE history. Drug decisions are
/// addressed to medical oncology; the rules inform, never decide.
struct BoneAgentRules {
    let index: CaseIndex
    /// New Katagiri as the prognosis rules settled it: ESMO's "life expectancy ≥ 3 months" is
    /// weighed against a high-risk band.
    var katagiri: Katagiri.Result? = nil
    /// The bone response's time points (a long monthly course is weighed against progression).
    var timePoints: [TimePointResponse] = []

    static let asco2017 = Citation(id: "vanPoznak2017", text: "Van Poznak C et al. J Clin Oncol 2017;35:3978-86 (ASCO)")
    static let esmo2020 = Citation(id: "coleman2020", text: "Coleman R et al. Ann Oncol 2020;31:1650-63 (ESMO)")

    var agents: [Treatment] { index.treatments.filter { $0.kind == .boneModifyingAgent } }
    /// Agents given now or planned (not stopped by `asOf`).
    var currentAgents: [Treatment] {
        agents.filter { $0.planned || ($0.end.map(index.stillRunning(until:)) ?? true) }
    }

    static let fizazi2011 = Citation(id: "fizazi2011", text: "Fizazi K et al. Lancet 2011;377:813-22 (denosumab vs zoledronic acid, castration-resistant prostate cancer)")
    static let smith2014 = Citation(id: "smith2014", text: "Smith MR et al. J Clin Oncol 2014;32:1143-50 (CALGB 90202: no SRE benefit in castration-sensitive prostate cancer)")
    static let james2016 = Citation(id: "james2016", text: "James ND et al. Lancet 2016;387:1163-77 (STAMPEDE)")
    static let boneLossOnjLabels = Citation(
        id: "boneLossOnjLabels",
        text: "Prolia (denosumab 60 mg) and Reclast/Aclasta (zoledronic acid 5 mg) prescribing information: osteonecrosis of the jaw (oral examination before starting; dental examination where risk factors such as cancer are present)",
        zh: "普罗力（地舒单抗 60 mg）与密固达（唑来膦酸 5 mg）说明书：下颌骨坏死（开始前口腔检查；有肿瘤等危险因素者行口腔专科检查）")
    static let smith2009 = Citation(id: "smith2009", text: "Smith MR et al. N Engl J Med 2009;361:745-55 (denosumab 60 mg for bone loss under ADT)")
    static let raje2018 = Citation(id: "raje2018", text: "Raje N et al. Lancet Oncol 2018;19:370-81 (denosumab vs zoledronic acid in myeloma)")
    static let henry2011 = Citation(id: "henry2011", text: "Henry DH et al. J Clin Oncol 2011;29:1125-32 (denosumab vs zoledronic acid, other solid tumours and myeloma)")

    func findings() -> [Finding] {
        var findings: [Finding] = []
        if currentAgents.isEmpty {
            if index.hasEstablishedMetastasis {
                findings.append(indication())
            } else if !index.metastaticLesions.isEmpty
                // A myeloma proven on the only lesion's biopsy, beside a breast cancer on record:
                // no lesion is a metastasis, and the myeloma bone disease's indication was never
                // said (unseen record cb81-s, 2026.12.315).
                || index.seenLesions.contains(where: { index.anotherCancer($0.id)?.result == .myeloma }) {
                findings.append(afterDiagnosis())
            }
        }
        findings += recordedTwiceFindings()
        let high = LabRules.hypercalcaemic(index)
        var agents = currentAgents
        if let concurrent = concurrentCourses() {
            if let finding = concurrentFinding(concurrent) { findings.append(finding) }
            agents.removeAll { agent in concurrent.older.contains { $0.id == agent.id } }
        }
        for agent in agents {
            switch agent.agent {
            case .zoledronicAcid:
                findings += agent.isBoneLossDose ? osteoporosisDoseRenal(agent) : zoledronic(agent)
                if let close = zoledronicIntervalFinding(agent) { findings.append(close) }
                if let schedule = zoledronicScheduleFinding(agent) { findings.append(schedule) }
                if let longTerm = zoledronicLongTermFinding(agent) { findings.append(longTerm) }
            case .denosumab:
                findings += denosumab(agent, clearance: index.creatinineClearance(), hypercalcaemic: high != nil)
                if let interval = denosumabIntervalFinding(agent) { findings.append(interval) }
            case .pamidronate:
                if let label = pamidronate(agent) { findings.append(label) }
                if let hold = pamidronateRenalHold(agent) { findings.append(hold) }
                if let unknown = pamidronateCreatinineUnknown(agent) { findings.append(unknown) }
                if let due = creatinineDue(agent) { findings.append(due) }
            case .ibandronate:
                if let dose = ibandronate(agent) { findings.append(dose) }
            default: break
            }
            if let during = givenDuringClosedHoldFinding(agent) { findings.append(during) }
            let osteoporosis = agent.osteoporosisBisphosphonate
            let choice = osteoporosis.map { osteoporosisBisphosphonate(agent, drug: $0) }
                ?? (agent.isBoneLossDose ? boneLossDose(agent) : isAdjuvantBreastSchedule(agent) ? adjuvantBreastChoice(agent) : giantCellTumourCourse(agent) ?? choice(agent))
            findings.append(choice)
            // The dental examination's sources are the SRE-prevention agents' (Stopeck 2010).
            if osteoporosis == nil, let dental = dentalExam(agent) { findings.append(dental) }
            // The bone-loss dose is given for bone loss, whatever SRE prevention's indication; an
            // oral bisphosphonate taken daily or weekly has no dose to be due — nor has the
            // ibandronate tablet (it read "IV every 3–4 weeks … dose due", rule set 2026.12.333).
            if osteoporosis == nil, !Self.isIbandronateTablet(agent),
                let due = doseDue(agent, notIndicated: !agent.isBoneLossDose && choice.claims.contains { $0.topic == .boneAgentIndication && $0.stance == "notIndicated" })
            {
                findings.append(due)
            }
            findings.append(supplements(agent, hypercalcaemia: high))
        }
        if let sre = sreHistory() { findings.append(sre) }
        findings += recordedAsSystemic()
        findings += radiumWithAbiraterone()
        findings += radiumAgainstLabel()
        findings += osteonecrosisOfJawFindings()
        return findings
    }

    /// Kidney function below 30, where both agents' labels speak: the latest eGFR, else the
    /// Cockcroft–Gault CrCl given (one reading for the start advice and the denosumab warning).
    func kidneyBelow30(clearance: CaseIndex.Clearance?) -> (value: Double, isEGFR: Bool, measure: LocalizedText)? {
        let egfr = index.latestLab(.egfr)?.canonicalValue
        guard let value = egfr ?? clearance?.value, value < 30 else { return nil }
        let text = String(describing: value)
        return egfr != nil
            ? (value, true, LocalizedText(en: "eGFR \(text)", zh: "eGFR \(text)"))
            : (value, false, LocalizedText(en: "CrCl \(text) mL/min", zh: "肌酐清除率 \(text) mL/min"))
    }

    /// Denosumab: no renal dose adjustment, but severe hypocalcaemia with eGFR < 30 or dialysis.
    /// `hypercalcaemic`: supplements are withheld while calcium is high (`supplements`), so the
    /// advice to give them waits for a normal calcium — the two findings read "withhold" and
    /// "supplement" side by side for a hypercalcaemic patient with CrCl 29.7.
    private func denosumab(_ agent: Treatment, clearance: CaseIndex.Clearance?, hypercalcaemic: Bool) -> [Finding] {
        guard let kidney = kidneyBelow30(clearance: clearance) else { return [] }
        let value = kidney.value
        let measure = kidney.isEGFR
            ? kidney.measure
            : LocalizedText(en: "\(kidney.measure.en) (no eGFR on record)", zh: "\(kidney.measure.zhHans)（无 eGFR 记录）")
        // The calcium the warning is about, said with it: a squamous lung cancer's eGFR 24 beside
        // a corrected calcium of 8.34 mg/dL (no lower limit given) read only "check calcium before
        // each dose" (unseen record cb78-n).
        let latest = index.correctedCalcium().map { calcium in
            let value = "\(CaseIndex.format(calcium.mgDl, decimals: 2)) mg/dL (\(calcium.mmolText) mmol/L)"
            let limit = calcium.lowerLimitMgDl.map { lower in
                LocalizedText(en: "lower limit \(CaseIndex.format(lower)) mg/dL", zh: "下限 \(CaseIndex.format(lower)) mg/dL")
            } ?? LocalizedText(
                en: "no lower limit given with it (the usual adult \(CaseIndex.format(index.settings.calciumLowerLimitMgDl)) mg/dL, setting)",
                zh: "化验单未给出下限（成人常用下限 \(CaseIndex.format(index.settings.calciumLowerLimitMgDl)) mg/dL，设置）")
            return calcium.albuminGDl == nil
                ? LocalizedText(
                    en: " Latest calcium \(value) on \(calcium.date), uncorrected (no albumin on record); \(limit.en).",
                    zh: "最近血钙 \(value)（\(calcium.date)），未校正（无白蛋白记录）；\(limit.zhHans)。")
                : LocalizedText(
                    en: " Latest calcium \(value) on \(calcium.date), corrected for albumin; \(limit.en).",
                    zh: "最近血钙 \(value)（\(calcium.date)），已按白蛋白校正；\(limit.zhHans)。")
        } ?? LocalizedText(en: " No calcium on record: measure it before the next dose.", zh: "病历无血钙记录：下次给药前请检测。")
        return [Finding(
            ruleId: "boneAgents.denosumab.hypocalcaemiaRisk", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: index.assessedOn,
            title: LocalizedText(en: "Denosumab with \(measure.en): risk of severe hypocalcaemia", zh: "地舒单抗且\(measure.zhHans)：严重低钙血症风险"),
            detail: LocalizedText(
                en: "Boxed warning: eGFR < 30 or dialysis. Check calcium before each dose and for CKD–mineral bone disorder; \(hypercalcaemic ? "calcium and vitamin D supplementation once calcium is normal (withheld while it is high)" : "calcium and vitamin D supplementation"); monitor calcium closely.\(latest.en)",
                zh: "黑框警告：eGFR < 30 或透析。每次给药前查血钙并评估慢性肾病–矿物质骨异常；\(hypercalcaemic ? "血钙恢复正常后补充钙和维生素 D（血钙升高期间暂停）" : "补充钙和维生素 D")；密切监测血钙。\(latest.zhHans)"),
            inputs: [FindingInput(kidney.isEGFR ? "egfr" : "crclMlMin", String(describing: value))],
            sources: [Self.xgevaLabel])]
    }

    private func dentalExam(_ agent: Treatment) -> Finding? {
        // Before the start, or for a planned agent without one, by `asOf`.
        // A course begun in hypercalcaemia owes it before its SRE-prevention doses, as the
        // emergency's finding asks: an examination between the hypercalcaemia dose and the first
        // dose given with calcium normal read "No dental examination before zoledronic acid" as a
        // warning (unseen record cb81-p, 2026.12.315).
        var due = agent.start
        if case .firstDose(let day)? = Self.sreStart(agent, index: index) { due = day }
        let examined = index.record.dentalExams.contains { exam in due.map { exam.earliestDay <= $0.latestDay } ?? index.known(exam) }
        guard !examined else { return nil }
        // An osteonecrosis of the jaw on record puts the teeth in dental care's hands already
        // (`boneAgents.osteonecrosisOfJaw`): "dental examination before starting" beside it, for a
        // course of three years, was a second and stale word on the same mouth (cb85-q).
        guard !index.record.events.contains(where: { $0.kind == .osteonecrosisOfJaw && index.known($0.date) }) else { return nil }
        // Every dose so far treated hypercalcaemia of malignancy, an emergency that does not wait
        // for the dentist: the examination comes before the SRE-prevention doses. A zoledronic
        // acid given for a corrected calcium of 16.4 mg/dL read "dental examination before
        // starting" as a warning, as if the start had been a mistake (cb24-q, rule set 2026.12.154).
        let given = agent.givenDoses.filter(index.known).sorted()
        let emergency = !given.isEmpty && zip(given, [nil] + given.map(Optional.some)).allSatisfy { dose, previous in
            index.hypercalcaemia(atDose: dose, previousDose: previous) != nil
        }
        // None given yet and the calcium high now: the first dose is the emergency's (a zoledronic
        // acid planned at a corrected calcium of 12.3 mg/dL read "dental examination before
        // starting" as a warning beside the calcium finding's "treat now", unseen record cb143-d).
        let firstForHypercalcaemia = given.isEmpty && hypercalcaemiaDoseNext(agent) != nil
        let when = firstForHypercalcaemia
            ? LocalizedText(
                en: "its first dose treats the hypercalcaemia on record, which does not wait for it — examine the teeth and give preventive dentistry before the SRE-prevention doses begin",
                zh: "首剂用于治疗病历中的高钙血症，急症无需等待口腔检查——开始预防 SRE 的给药前进行口腔检查和预防性口腔处理")
            : emergency
            ? LocalizedText(
                en: "its doses so far treated hypercalcaemia of malignancy, which does not wait for it — examine the teeth and give preventive dentistry before the SRE-prevention doses begin",
                zh: "目前各剂均用于治疗恶性高钙血症，急症无需等待口腔检查——开始预防 SRE 的给药前进行口腔检查和预防性口腔处理")
            : LocalizedText(
                en: "dental examination and preventive dentistry before starting",
                zh: "开始前进行口腔检查和预防性口腔处理")
        let title = LocalizedText(
            en: "No dental examination before \(agent.agent?.label.en ?? "the bone-modifying agent")",
            zh: "使用\(agent.agent?.label.zhHans ?? "骨改良药物")前无口腔检查记录")
        // The bone-loss dose (denosumab 60 mg every 6 months, zoledronic acid 5 mg a year): the
        // SRE-prevention trial's rates (Stopeck 2010) are not its rates; its labels ask for an
        // oral examination before the first dose and a dental examination where there are risk
        // factors, cancer among them. A 60 mg course under ADT was told the 120 mg rates (cb29-l).
        if agent.isBoneLossDose {
            return Finding(
                ruleId: "boneAgents.dentalExam", severity: .advisory, duty: .boneAgents, specialty: .medicalOncology,
                subject: .treatment(agent.id), date: agent.start, title: title,
                detail: LocalizedText(
                    en: "\(agent.boneLossDoseText.en) is the bone-loss dose: the osteonecrosis-of-the-jaw rates of the SRE-prevention doses do not apply, but its label asks for an oral examination before starting and a dental examination with preventive dentistry where risk factors are present — cancer is one; avoid invasive dental procedures during treatment.",
                    zh: "\(agent.boneLossDoseText.zhHans)为防治骨丢失剂量：预防 SRE 剂量的下颌骨坏死发生率不适用，但其说明书要求开始前进行口腔检查，存在危险因素（肿瘤即为其一）时行口腔专科检查和预防性处理；治疗期间避免有创口腔操作。"),
                sources: [Self.boneLossOnjLabels])
        }
        return Finding(
            ruleId: "boneAgents.dentalExam", severity: emergency || firstForHypercalcaemia ? .advisory : .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: agent.start, title: title,
            detail: LocalizedText(
                en: "Osteonecrosis of the jaw (denosumab about 2.0 %, zoledronic acid 1.4 % in Stopeck 2010): \(when.en); avoid invasive dental procedures during treatment.",
                zh: "下颌骨坏死（Stopeck 2010 中地舒单抗约 2.0%、唑来膦酸 1.4%）：\(when.zhHans)；治疗期间避免有创口腔操作。"),
            sources: [Sources.stopeck2010])
    }

    /// The day the next dose falls due — the last dose given plus the interval (recorded, or the
    /// usual 4 weeks) — once it has come by the assessment date.
    static func dueDate(_ agent: Treatment, index: CaseIndex) -> PartialDate? {
        guard !agent.planned, let last = agent.doses.filter({ index.known($0) }).max() else { return nil }
        let due = last.adding(days: dosingIntervalWeeks(agent, index: index) * 7)
        return index.known(due) ? due : nil
    }

    /// The interval the next dose is due by: the recorded one, else the course's usual — and for
    /// zoledronic acid without one, whose doses on record all stand more than 8 weeks apart
    /// (nearer CALGB 70604's 12-week schedule than the 3–4-week one), 12 weeks. Doses of 2026-07-03
    /// and 2026-10-02 read "due since 2026-10-30 (every 4 weeks assumed)" (unseen EHR bundle
    /// ehr36, 2026-12-06). A gap of exactly 8 weeks keeps the 4-week schedule: the earlier due day.
    static func dosingIntervalWeeks(_ agent: Treatment, index: CaseIndex) -> Int {
        twelveWeeklyByItsDoses(agent, index: index) ? 12 : agent.dosingIntervalWeeks
    }

    /// Zoledronic acid whose interval is not recorded and whose known doses (two or more) are
    /// all more than 8 weeks apart.
    static func twelveWeeklyByItsDoses(_ agent: Treatment, index: CaseIndex) -> Bool {
        guard agent.agent == .zoledronicAcid, agent.intervalWeeks == nil, !agent.isBoneLossDose else { return false }
        let gaps = daysBetweenKnownDoses(agent, index: index)
        return !gaps.isEmpty && gaps.allSatisfy { $0 > 56 }
    }

    /// The days between consecutive known doses of a course, in order.
    static func daysBetweenKnownDoses(_ agent: Treatment, index: CaseIndex) -> [Int] {
        let days = agent.doses.filter { index.known($0) }.map(\.earliestDay).sorted()
        return zip(days, days.dropFirst()).map { $1 - $0 }
    }

    /// Next dose due; not while the agent waits: for renal function (a renal hold, or CrCl < 30
    /// for zoledronic acid; the hold finding says when to resume), for hypocalcaemia to be corrected (the
    /// hypocalcaemia finding names the due day), or because the disease state does not indicate
    /// it (the choice finding says so and names the due day).
    private func doseDue(_ agent: Treatment, notIndicated: Bool) -> Finding? {
        guard let last = agent.doses.filter({ index.known($0) }).max(), let due = Self.dueDate(agent, index: index) else { return nil }
        if agent.agent == .zoledronicAcid && Self.zoledronicBarred(index) { return nil }
        // Pamidronate at a kidney function its label does not recommend it for: the label
        // finding says so, and no dose is "due" beside it.
        if agent.agent == .pamidronate && kidneyBelow30(clearance: index.creatinineClearance()) != nil { return nil }
        if agent.agent == .pamidronate && Self.renalHold(agent, index: index) != nil { return nil }
        if agent.isBoneLossDose && !osteoporosisDoseRenal(agent).isEmpty { return nil }
        if notIndicated || LabRules.hypocalcaemic(index) != nil { return nil }
        // Osteonecrosis of the jaw holds the next dose for a decision with dental care.
        if osteonecrosisOfJaw != nil { return nil }
        // An adjuvant course of its 3 years is over (the choice finding says so).
        let adjuvant = isAdjuvantBreastSchedule(agent)
        if adjuvant, adjuvantCourse(agent)?.complete == true { return nil }
        let weeks = Self.dosingIntervalWeeks(agent, index: index)
        let usual = agent.isBoneLossDose
            ? LocalizedText(
                en: "\(agent.boneLossDoseText.en) (\(agent.agent == .zoledronicAcid ? "label" : "Smith 2009")).",
                zh: "\(agent.boneLossDoseText.zhHans)（\(agent.agent == .zoledronicAcid ? "说明书" : "Smith 2009")）。")
            : adjuvant
            ? LocalizedText(en: "Zoledronic acid 4 mg \(Self.adjuvantSchedule.en).", zh: "唑来膦酸 4 mg \(Self.adjuvantSchedule.zhHans)。")
            : agent.agent == .pamidronate
            ? LocalizedText(
                en: "Pamidronate 90 mg every 3–4 weeks (label); serum creatinine before each dose.",
                zh: "帕米膦酸二钠 90 mg 每 3–4 周（说明书）；每次给药前查血肌酐。")
            : agent.agent == .ibandronate
            ? LocalizedText(
                en: "Ibandronate IV every 3–4 weeks at the dose for the creatinine clearance (label).",
                zh: "伊班膦酸静脉每 3–4 周，剂量按肌酐清除率（说明书）。")
            : LocalizedText(
                en: "Zoledronic acid every 3–4 or 12 weeks (CALGB 70604); denosumab every 4 weeks. For patients doing well long-term: continue, lengthen the interval or switch, decided on safety.",
                zh: "唑来膦酸每 3–4 周或每 12 周（CALGB 70604）；地舒单抗每 4 周。长期获益的患者：继续、延长间隔或换药，依据安全性决定。")
        // Zometa label: serum creatinine before each dose. The last on record predating the last
        // dose is no check of this one.
        let creatinine = agent.agent == .zoledronicAcid ? index.latestLab(.creatinine) : nil
        let recheck: LocalizedText = agent.agent != .zoledronicAcid
            ? LocalizedText(en: "", zh: "")
            : creatinine.map { lab in
                lab.date.latestDay <= last.earliestDay
                    ? LocalizedText(
                        en: " The last serum creatinine on record (\(lab.date)) precedes the last dose: check it before this one (label).",
                        zh: "病历中最近一次血肌酐（\(lab.date)）早于末次给药：本次给药前请复查（说明书）。")
                    : LocalizedText(en: "", zh: "")
            } ?? LocalizedText(en: " No serum creatinine on record: check it before the dose (label).", zh: "病历中无血肌酐：给药前请检查（说明书）。")
        // Denosumab left to lapse is a stop (reference.md: rebound bone turnover on stopping): a
        // course five months past its due day read only "dose due".
        // A vertebra broken since the dose fell due is the label's rebound as well as the disease
        // (cb25-g: denosumab lapsed after 2025-12-25, L1 collapsed on the CT of 2026-10-20, and the
        // finding stayed an advisory that named no fracture) — as after a recorded stop (.159).
        let broken = agent.agent == .denosumab ? vertebralFractures(after: due) : []
        let lapse = !broken.isEmpty
            ? reboundDifferential(broken, since: LocalizedText(en: "Since the dose fell due", zh: "应给药之后"))
            : agent.agent == .denosumab
            ? LocalizedText(
                en: " If it is not to be continued: stopping denosumab is followed by rebound bone turnover, and multiple vertebral fractures after discontinuation are described in its label — decide on another agent rather than let it lapse.",
                zh: "如不再继续：停用地舒单抗后会出现骨转换反弹，其说明书记载停药后可发生多发椎体骨折——应决定改用其他药物，而非任其中断。")
            : LocalizedText(en: "", zh: "")
        // Zoledronic acid's interval not recorded: 4 weeks is assumed for the due day, and the
        // 12-week schedule (CALGB 70604) named beside it — "interval 4 weeks" was said of a
        // single dose given after denosumab, its schedule never recorded (cb55-d).
        let interval: LocalizedText
        if Self.twelveWeeklyByItsDoses(agent, index: index), !adjuvant {
            let weeksApart = Self.daysBetweenKnownDoses(agent, index: index).map { $0 / 7 }
            let apart = Set(weeksApart).count == 1 ? "\(weeksApart[0])" : "\(weeksApart.min() ?? 0)–\(weeksApart.max() ?? 0)"
            interval = LocalizedText(
                en: "interval not recorded — the doses on record stand \(apart) weeks apart, so every 12 weeks is assumed (CALGB 70604); record it",
                zh: "给药间隔未记录——病历中各剂相隔 \(apart) 周，故按每 12 周计（CALGB 70604）；请记录")
        } else if agent.intervalWeeks == nil, agent.agent == .zoledronicAcid, !agent.isBoneLossDose, !adjuvant {
            let twelve = PartialDate(dayNumber: last.latestDay + 84)
            interval = LocalizedText(
                en: "interval not recorded (every 4 weeks assumed; every 12 weeks would make it due on \(twelve)) — record it",
                zh: "给药间隔未记录（按每 4 周计；如每 12 周则于 \(twelve) 到期）——请记录")
        } else {
            interval = LocalizedText(en: "interval \(weeks) weeks", zh: "间隔 \(weeks) 周")
        }
        // Its SRE-prevention indication not settled (castration-sensitive or not yet resistant,
        // no bone metastasis diagnosed): the next dose is the course's only if it continues — a
        // prostate cancer on bicalutamide with testosterone 420 ng/dL read "dose due … decide on
        // another agent rather than let it lapse" beside "not castration resistance as it
        // stands" (unseen record cb80-ab).
        let questioned = !agent.isBoneLossDose && !adjuvant && !sreVerdict.preventionIndicated
            ? LocalizedText(
                en: " Its indication for SRE prevention is not settled (see the finding on it): give the next dose only if the course is to continue.",
                zh: "其预防 SRE 的适应证尚未确定（见相关结论）：仅在继续该疗程时给予下一剂。")
            : LocalizedText(en: "", zh: "")
        // A renal hold opened since the last dose and over now: the dose fell due while it was
        // withheld, so it is due from the day creatinine came back, at the baseline CrCl's dose.
        // A course withheld for a rise 2.5 mg/dL over 1.5 and back to 1.64 read only "dose due
        // since" the day in the hold (unseen record cb162-m).
        let holdOver = agent.agent != .zoledronicAcid ? nil
            : Self.renalHolds(agent, index: index).closed.last { $0.trigger.date.earliestDay >= last.earliestDay }
        let dueText = holdOver.map { hold in
            LocalizedText(
                en: "due: renal hold over on \(hold.closedBy.date)", zh: "应给药：\(hold.closedBy.date) 肾功能暂停已解除")
        } ?? LocalizedText(en: "due since \(due)", zh: "自 \(due) 起应给药")
        let resumed = holdOver.map { hold in
            let trigger = CaseIndex.creatinineText(hold.trigger, mgDl: hold.trigger.canonicalValue ?? 0)
            let back = CaseIndex.creatinineText(hold.closedBy, mgDl: hold.closedBy.canonicalValue ?? 0)
            return LocalizedText(
                en: " Withheld since creatinine \(trigger) on \(hold.trigger.date); \(back) on \(hold.closedBy.date) is back within 10 % of baseline: resume at the dose of the baseline CrCl (label), not re-dosed from the raised creatinine.",
                zh: "\(hold.trigger.date) 血肌酐 \(trigger) 起暂停；\(hold.closedBy.date) 血肌酐 \(back)，已回到基线 10% 以内：按基线肌酐清除率对应剂量恢复给药（说明书），不按升高时的血肌酐重新定剂量。")
        } ?? LocalizedText(en: "", zh: "")
        return Finding(
            ruleId: "boneAgents.doseDue", severity: broken.isEmpty ? .advisory : .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: due,
            title: LocalizedText(
                en: "\(agent.agent?.label.en.sentenceStart ?? "Bone-modifying agent") dose \(dueText.en)\(broken.isEmpty ? "" : " — a vertebra broken since")",
                zh: "\(agent.agent?.label.zhHans ?? "骨改良药物") \(dueText.zhHans)\(broken.isEmpty ? "" : "——此后出现椎体骨折")"),
            detail: LocalizedText(
                en: "Last dose \(last), \(interval.en).\(resumed.en) \(usual.en)\(recheck.en)\(questioned.en)\(lapse.en)",
                zh: "末次给药 \(last)，\(interval.zhHans)。\(resumed.zhHans)\(usual.zhHans)\(recheck.zhHans)\(questioned.zhHans)\(lapse.zhHans)"),
            inputs: [FindingInput("lastDose", last.description), FindingInput("intervalWeeks", weeks.description)],
            sources: (agent.isBoneLossDose ? [agent.agent == .zoledronicAcid ? Self.aclastaLabel : Self.smith2009]
                    : adjuvant ? [Self.dhesyThind2017] : agent.agent == .pamidronate ? [Self.aredia]
                    : agent.agent == .ibandronate ? [Self.bondronat] : [Sources.himelstein2017])
                + (agent.agent == .denosumab ? [Self.xgevaDiscontinuation] : [])
                + (holdOver == nil ? [] : [Sources.zometaLabel]),
            claims: [Claim(.boneAgentTiming, about: agent.id, "due")])
    }

    private func supplements(_ agent: Treatment, hypercalcaemia: CaseIndex.CorrectedCalcium?) -> Finding {
        let name = agent.agent?.label ?? LocalizedText(en: "the bone-modifying agent", zh: "骨改良药物")
        if let hypercalcaemia {
            // Doses given since the high value may have corrected it: said as the last value on
            // record, with a recheck (a calcium of September read "is above the upper limit" in
            // late November, after three doses of zoledronic acid).
            let dosesSince = agent.givenDoses.filter { index.known($0) && $0.earliestDay > hypercalcaemia.date.latestDay }.count
            let value = CaseIndex.format(hypercalcaemia.mgDl)
            let state = dosesSince > 0
                ? LocalizedText(
                    en: "The last calcium on record — corrected \(value) mg/dL on \(hypercalcaemia.date) — was above the upper limit, before \(dosesSince == 1 ? "the dose" : "\(dosesSince) doses") of \(name.en) since: recheck it. No supplements until it is normal",
                    zh: "病历中最近一次血钙——\(hypercalcaemia.date) 校正血钙 \(value) mg/dL——高于上限，此后已给予\(name.zhHans) \(dosesSince) 次：请复查。血钙正常前暂不补充")
                : LocalizedText(
                    en: "Corrected calcium \(value) mg/dL on \(hypercalcaemia.date) is above the upper limit: no supplements with \(name.en) until it is normal",
                    zh: "\(hypercalcaemia.date) 校正血钙 \(value) mg/dL 高于上限：使用\(name.zhHans)时暂不补充，待血钙正常后")
            return Finding(
                ruleId: "boneAgents.calciumVitaminD", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
                subject: .treatment(agent.id), date: hypercalcaemia.date,
                title: LocalizedText(en: "Withhold calcium and vitamin D supplements while calcium is high", zh: "血钙升高期间停用钙剂和维生素 D"),
                detail: LocalizedText(
                    en: "\(state.en), then calcium ≥ 500 mg and vitamin D ≥ 400 IU daily.",
                    zh: dosesSince > 0 ? "\(state.zhHans)；正常后每日钙 ≥500 mg、维生素 D ≥400 IU。" : "\(state.zhHans)每日钙 ≥500 mg、维生素 D ≥400 IU。"),
                inputs: [FindingInput("correctedCalciumMgDl", CaseIndex.format(hypercalcaemia.mgDl))],
                sources: [LabRules.stewart2005, Self.esmo2020], claims: [Claim(.supplements, about: "patient", "withhold")])
        }
        // Hypercalcaemia recorded with no calcium since: held until it is measured, as the
        // calcium finding says — "calcium ≥ 500 mg and vitamin D ≥ 400 IU daily unless
        // hypercalcaemic" stood beside "hold calcium and vitamin D supplements until calcium is
        // known" (a generated record, g124; rule set 2026.12.395).
        if let event = LabRules.hypercalcaemiaUnmeasured(index) {
            return Finding(
                ruleId: "boneAgents.calciumVitaminD", severity: .advisory, duty: .boneAgents, specialty: .medicalOncology,
                subject: .treatment(agent.id), date: event.date,
                title: LocalizedText(
                    en: "Calcium and vitamin D supplements: hold until calcium is measured", zh: "钙剂和维生素 D：测得血钙前暂停"),
                detail: LocalizedText(
                    en: "Hypercalcaemia recorded on \(event.date), no calcium result since: no supplements with \(name.en) until calcium is measured and normal, then calcium ≥ 500 mg and vitamin D ≥ 400 IU daily.",
                    zh: "\(event.date) 记录高钙血症，此后无血钙结果：使用\(name.zhHans)时暂不补充，待测得血钙且正常后每日钙 ≥500 mg、维生素 D ≥400 IU。"),
                inputs: [FindingInput("hypercalcaemiaRecorded", event.date.description)],
                sources: [LabRules.stewart2005, Self.esmo2020], claims: [Claim(.supplements, about: "patient", "withhold")])
        }
        return Finding(
            ruleId: "boneAgents.calciumVitaminD", severity: .info, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: agent.start,
            title: LocalizedText(en: "Calcium and vitamin D with \(name.en)", zh: "使用\(name.zhHans)时补充钙和维生素 D"),
            detail: LocalizedText(
                en: "Calcium ≥ 500 mg and vitamin D ≥ 400 IU daily unless hypercalcaemic.\(agent.agent == .denosumab ? " On stopping denosumab, plan for rebound bone turnover." : "")",
                zh: "除非高钙血症，每日钙 ≥500 mg、维生素 D ≥400 IU。\(agent.agent == .denosumab ? "停用地舒单抗时需注意骨转换反弹。" : "")"),
            sources: [Self.esmo2020], claims: [Claim(.supplements, about: "patient", "give")])
    }
}
