/// Bone-modifying agents (reference.md): indication, preferred agent (setting), CrCl from the
/// latest labs, zoledronic acid dose and renal hold, denosumab hypocalcaemia risk, dental
/// examination, calcium and vitamin D, dosing interval, SRE history. Drug decisions are
/// addressed to medical oncology; the rules inform, never decide.
struct BoneAgentRules {
    let index: CaseIndex

    static let asco2017 = Citation(id: "vanPoznak2017", text: "Van Poznak C et al. J Clin Oncol 2017;35:3978-86 (ASCO)")
    static let esmo2020 = Citation(id: "coleman2020", text: "Coleman R et al. Ann Oncol 2020;31:1650-63 (ESMO)")

    var agents: [Treatment] { index.treatments.filter { $0.kind == .boneModifyingAgent } }
    /// Agents given now or planned (not stopped by `asOf`).
    var currentAgents: [Treatment] {
        agents.filter { $0.planned || ($0.end.map { $0.latestDay >= index.asOf.earliestDay } ?? true) }
    }

    func findings() -> [Finding] {
        let metastatic = index.hasEstablishedMetastasis
        var findings: [Finding] = []
        if metastatic && currentAgents.isEmpty { findings.append(indication()) }
        let clearance = creatinineClearance()
        for agent in currentAgents {
            switch agent.agent {
            case .zoledronicAcid: findings += zoledronic(agent, clearance: clearance)
            case .denosumab: findings += denosumab(agent, clearance: clearance)
            default: break
            }
            if let dental = dentalExam(agent) { findings.append(dental) }
            if let due = doseDue(agent) { findings.append(due) }
            findings.append(supplements(agent))
        }
        if let sre = sreHistory() { findings.append(sre) }
        return findings
    }

    private func indication() -> Finding {
        let preferred = index.settings.preferredBoneAgent
        let site = index.mainPrimary?.site
        let scope: LocalizedText =
            site == .breast || site == .prostate
            ? LocalizedText(en: "ESMO 2020: start in breast cancer and castration-resistant prostate cancer with bone metastases.", zh: "ESMO 2020：乳腺癌及去势抵抗性前列腺癌骨转移应开始使用。")
            : LocalizedText(en: "ESMO 2020: in other solid tumours, start when life expectancy is ≥ 3 months.", zh: "ESMO 2020：其他实体瘤预计生存期 ≥3 个月时开始使用。")
        return Finding(
            ruleId: "boneAgents.indication", severity: .advisory, duty: .boneAgents, specialty: .medicalOncology,
            subject: .patient, date: index.asOf,
            title: LocalizedText(en: "Bone metastases without a bone-modifying agent", zh: "有骨转移但未使用骨改良药物"),
            detail: LocalizedText(
                en: "\(scope.en) Preferred agent (setting): \(preferred.label.en). Evidence either way: denosumab delayed the first SRE more than zoledronic acid in breast cancer (Stopeck 2010, HR 0.82) without renal toxicity; ASCO 2017 finds the evidence insufficient to prefer one. Dental examination before starting. Decision: medical oncology.",
                zh: "\(scope.zhHans)首选药物（设置）：\(preferred.label.zhHans)。两方面证据：乳腺癌中地舒单抗较唑来膦酸更能推迟首次 SRE（Stopeck 2010，HR 0.82），且无肾毒性；ASCO 2017 认为证据不足以优选其一。开始前先做口腔检查。由肿瘤内科决定。"),
            inputs: [FindingInput("preferredBoneAgent", preferred.rawValue), FindingInput("primary", site?.rawValue ?? "unknown")],
            sources: [Self.esmo2020, Self.asco2017, Sources.stopeck2010])
    }

    struct Clearance {
        let value: Double
        let date: PartialDate
        let creatinine: Double
    }

    /// Cockcroft–Gault from the latest creatinine, with the weight and age at that date.
    func creatinineClearance() -> Clearance? {
        guard let lab = index.latestLab(.creatinine), let creatinine = lab.canonicalValue, creatinine > 0,
            let sex = index.record.patient.sex, let age = index.age(at: lab.date), (18...120).contains(age),
            let weight = index.latestWeight(onOrBefore: lab.date) ?? index.latestWeight()
        else { return nil }
        let value = CockcroftGault.clearance(.init(sex: sex, ageYears: age, weightKg: weight.kg, serumCreatinineMgDl: creatinine))
        return Clearance(value: value, date: lab.date, creatinine: creatinine)
    }

    private func zoledronic(_ agent: Treatment, clearance: Clearance?) -> [Finding] {
        var findings: [Finding] = []
        guard let clearance else {
            findings.append(Finding(
                ruleId: "boneAgents.zoledronic.crclUnknown", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
                subject: .treatment(agent.id), date: index.asOf,
                title: LocalizedText(en: "Zoledronic acid: creatinine clearance cannot be computed", zh: "唑来膦酸：无法计算肌酐清除率"),
                detail: LocalizedText(
                    en: "The dose depends on Cockcroft–Gault CrCl: record serum creatinine, weight, sex and birth date.",
                    zh: "剂量取决于 Cockcroft–Gault 肌酐清除率：请记录血肌酐、体重、性别和出生日期。"),
                sources: [Sources.zometaLabel]))
            return findings
        }
        let band = ZoledronicAcid.DoseBand.of(crclMlMin: clearance.value)
        let crcl = String(describing: clearance.value)
        if let dose = band.doseMg {
            let differs = agent.doseMg.map { abs($0 - dose) > 0.001 } ?? false
            findings.append(Finding(
                ruleId: "boneAgents.zoledronic.dose", severity: differs ? .warning : .info, duty: .boneAgents,
                specialty: .medicalOncology, subject: .treatment(agent.id), date: clearance.date,
                title: LocalizedText(
                    en: "Zoledronic acid \(String(describing: dose)) mg for CrCl \(crcl) mL/min\(differs ? " (ordered \(agent.doseMg.map { String(describing: $0) } ?? "") mg)" : "")",
                    zh: "肌酐清除率 \(crcl) mL/min：唑来膦酸 \(String(describing: dose)) mg\(differs ? "（医嘱 \(agent.doseMg.map { String(describing: $0) } ?? "") mg）" : "")"),
                detail: LocalizedText(
                    en: "Cockcroft–Gault from creatinine \(String(describing: clearance.creatinine)) mg/dL (\(clearance.date)). \(band.info.recommendation.en).",
                    zh: "Cockcroft–Gault，血肌酐 \(String(describing: clearance.creatinine)) mg/dL（\(clearance.date)）。\(band.info.recommendation.zhHans)。"),
                inputs: [FindingInput("crclMlMin", crcl), FindingInput("doseMg", String(describing: dose))],
                sources: [Sources.cockcroftGault1976, Sources.zometaLabel]))
        } else {
            findings.append(Finding(
                ruleId: "boneAgents.zoledronic.notRecommended", severity: .urgent, duty: .boneAgents, specialty: .medicalOncology,
                subject: .treatment(agent.id), date: clearance.date,
                title: LocalizedText(
                    en: "Zoledronic acid not recommended: CrCl \(crcl) mL/min (< 30)",
                    zh: "不推荐唑来膦酸：肌酐清除率 \(crcl) mL/min（< 30）"),
                detail: LocalizedText(en: band.info.recommendation.en + ".", zh: band.info.recommendation.zhHans + "。"),
                inputs: [FindingInput("crclMlMin", crcl)], sources: [Sources.cockcroftGault1976, Sources.zometaLabel]))
        }
        if !agent.planned, let start = agent.start,
            let baseline = index.latestLab(.creatinine, onOrBefore: start)?.canonicalValue,
            let current = index.latestLab(.creatinine), let currentValue = current.canonicalValue, current.date > start
        {
            let check = ZoledronicAcid.renalCheck(baselineCreatinineMgDl: baseline, currentCreatinineMgDl: currentValue)
            if check.withhold {
                findings.append(Finding(
                    ruleId: "boneAgents.zoledronic.renalHold", severity: .urgent, duty: .boneAgents, specialty: .medicalOncology,
                    subject: .treatment(agent.id), date: current.date,
                    title: LocalizedText(en: "Withhold zoledronic acid: creatinine rose by \(String(describing: check.riseMgDl)) mg/dL", zh: "暂停唑来膦酸：血肌酐升高 \(String(describing: check.riseMgDl)) mg/dL"),
                    detail: LocalizedText(
                        en: "Baseline \(String(describing: baseline)) mg/dL, now \(String(describing: currentValue)) mg/dL (threshold \(String(describing: check.thresholdMgDl)) for a \(check.baselineNormal ? "normal" : "abnormal") baseline). Resume at the same dose when creatinine is ≤ \(String(describing: check.resumeAtOrBelowMgDl)) mg/dL.",
                        zh: "基线 \(String(describing: baseline)) mg/dL，当前 \(String(describing: currentValue)) mg/dL（\(check.baselineNormal ? "基线正常" : "基线异常")的阈值为 \(String(describing: check.thresholdMgDl))）。血肌酐降至 ≤\(String(describing: check.resumeAtOrBelowMgDl)) mg/dL 后按原剂量恢复。"),
                    inputs: [FindingInput("baselineCreatinineMgDl", String(describing: baseline)), FindingInput("currentCreatinineMgDl", String(describing: currentValue))],
                    sources: [Sources.zometaLabel]))
            }
        }
        return findings
    }

    /// Denosumab: no renal dose adjustment, but severe hypocalcaemia with eGFR < 30 or dialysis.
    private func denosumab(_ agent: Treatment, clearance: Clearance?) -> [Finding] {
        let egfr = index.latestLab(.egfr)?.canonicalValue
        let proxy = egfr == nil ? clearance?.value : nil
        guard let value = egfr ?? proxy, value < 30 else { return [] }
        let measure = egfr != nil
            ? LocalizedText(en: "eGFR \(String(describing: value))", zh: "eGFR \(String(describing: value))")
            : LocalizedText(en: "CrCl \(String(describing: value)) mL/min (no eGFR on record)", zh: "肌酐清除率 \(String(describing: value)) mL/min（无 eGFR 记录）")
        return [Finding(
            ruleId: "boneAgents.denosumab.hypocalcaemiaRisk", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: index.asOf,
            title: LocalizedText(en: "Denosumab with \(measure.en): risk of severe hypocalcaemia", zh: "地舒单抗且\(measure.zhHans)：严重低钙血症风险"),
            detail: LocalizedText(
                en: "Boxed warning: eGFR < 30 or dialysis. Check calcium before each dose and for CKD–mineral bone disorder; calcium and vitamin D supplementation; monitor calcium closely.",
                zh: "黑框警告：eGFR < 30 或透析。每次给药前查血钙并评估慢性肾病–矿物质骨异常；补充钙和维生素 D；密切监测血钙。"),
            inputs: [FindingInput(egfr != nil ? "egfr" : "crclMlMin", String(describing: value))],
            sources: [Citation(id: "xgevaLabel", text: "Xgeva (denosumab) prescribing information: severe hypocalcaemia in advanced CKD")])]
    }

    private func dentalExam(_ agent: Treatment) -> Finding? {
        let before = agent.start ?? index.asOf
        guard !index.record.dentalExams.contains(where: { $0.earliestDay <= before.latestDay }) else { return nil }
        return Finding(
            ruleId: "boneAgents.dentalExam", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: agent.start,
            title: LocalizedText(en: "No dental examination before \(agent.agent?.label.en ?? "the bone-modifying agent")", zh: "使用\(agent.agent?.label.zhHans ?? "骨改良药物")前无口腔检查记录"),
            detail: LocalizedText(
                en: "Osteonecrosis of the jaw (denosumab about 2.0 %, zoledronic acid 1.4 % in Stopeck 2010): dental examination and preventive dentistry before starting; avoid invasive dental procedures during treatment.",
                zh: "下颌骨坏死（Stopeck 2010 中地舒单抗约 2.0%、唑来膦酸 1.4%）：开始前进行口腔检查和预防性口腔处理；治疗期间避免有创口腔操作。"),
            sources: [Sources.stopeck2010])
    }

    /// Next dose due from the last dose given and the interval (recorded, or the usual 4 weeks).
    private func doseDue(_ agent: Treatment) -> Finding? {
        guard !agent.planned, let last = agent.doses.filter({ index.known($0) }).max() else { return nil }
        let weeks = agent.intervalWeeks ?? 4
        let due = last.adding(days: weeks * 7)
        guard due.earliestDay <= index.asOf.latestDay else { return nil }
        return Finding(
            ruleId: "boneAgents.doseDue", severity: .advisory, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: due,
            title: LocalizedText(en: "\(agent.agent?.label.en ?? "Bone-modifying agent") dose due since \(due)", zh: "\(agent.agent?.label.zhHans ?? "骨改良药物") 自 \(due) 起应给药"),
            detail: LocalizedText(
                en: "Last dose \(last), interval \(weeks) weeks. Zoledronic acid every 3–4 or 12 weeks (CALGB 70604); denosumab every 4 weeks. For patients doing well long-term: continue, lengthen the interval or switch, decided on safety.",
                zh: "末次给药 \(last)，间隔 \(weeks) 周。唑来膦酸每 3–4 周或每 12 周（CALGB 70604）；地舒单抗每 4 周。长期获益的患者：继续、延长间隔或换药，依据安全性决定。"),
            inputs: [FindingInput("lastDose", last.description), FindingInput("intervalWeeks", weeks.description)],
            sources: [Sources.himelstein2017])
    }

    private func supplements(_ agent: Treatment) -> Finding {
        Finding(
            ruleId: "boneAgents.calciumVitaminD", severity: .info, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: agent.start,
            title: LocalizedText(en: "Calcium and vitamin D with \(agent.agent?.label.en ?? "the bone-modifying agent")", zh: "使用\(agent.agent?.label.zhHans ?? "骨改良药物")时补充钙和维生素 D"),
            detail: LocalizedText(
                en: "Calcium ≥ 500 mg and vitamin D ≥ 400 IU daily unless hypercalcaemic.\(agent.agent == .denosumab ? " On stopping denosumab, plan for rebound bone turnover." : "")",
                zh: "除非高钙血症，每日钙 ≥500 mg、维生素 D ≥400 IU。\(agent.agent == .denosumab ? "停用地舒单抗时需注意骨转换反弹。" : "")"),
            sources: [Self.esmo2020])
    }

    /// Skeletal-related events: pathological fracture, radiotherapy to bone, surgery to bone,
    /// spinal cord compression (Stopeck 2010 / CALGB 70604); hypercalcaemia per setting.
    func sreEvents() -> [(date: PartialDate?, label: LocalizedText)] {
        var events: [(PartialDate?, LocalizedText)] = []
        for event in index.record.events where index.known(event.date) {
            if event.kind == .hypercalcaemia && !index.settings.hypercalcaemiaIsSRE { continue }
            events.append((event.date, event.kind.label))
        }
        // Radiotherapy or surgery counts when given to a bone metastasis (not, say, chest-wall
        // radiotherapy whose field happens to include a rib).
        for treatment in index.treatments where !treatment.planned && treatment.lesions.contains(where: index.isMetastaticCandidate) {
            if treatment.kind == .radiotherapy { events.append((treatment.start, LocalizedText(en: "radiotherapy to bone", zh: "骨放疗"))) }
            if treatment.kind == .surgery { events.append((treatment.start, LocalizedText(en: "surgery to bone", zh: "骨手术"))) }
        }
        return events.sorted { ($0.0?.earliestDay ?? Int.min) < ($1.0?.earliestDay ?? Int.min) }
    }

    private func sreHistory() -> Finding? {
        let events = sreEvents()
        guard !events.isEmpty else { return nil }
        let list = LocalizedText.joined(events.map { event in
            LocalizedText(en: "\(event.date.map { "\($0) " } ?? "")\(event.label.en)", zh: "\(event.date.map { "\($0) " } ?? "")\(event.label.zhHans)")
        }, en: "; ", zh: "；")
        return Finding(
            ruleId: "boneAgents.sreHistory", severity: .info, duty: .boneAgents, specialty: .medicalOncology,
            subject: .patient, date: index.asOf,
            title: LocalizedText(en: "\(events.count) skeletal-related event(s) on record", zh: "记录有 \(events.count) 次骨相关事件（SRE）"),
            detail: LocalizedText(
                en: "\(list.en). Definition: pathological fracture, radiotherapy or surgery to bone, spinal cord compression\(index.settings.hypercalcaemiaIsSRE ? ", hypercalcaemia (setting)" : "").",
                zh: "\(list.zhHans)。定义：病理性骨折、骨放疗或骨手术、脊髓压迫\(index.settings.hypercalcaemiaIsSRE ? "、高钙血症（设置）" : "")。"),
            inputs: [FindingInput("count", events.count.description)],
            sources: [Sources.stopeck2010, Sources.himelstein2017])
    }
}
