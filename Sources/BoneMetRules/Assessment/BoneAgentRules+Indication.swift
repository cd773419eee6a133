/// Whether a bone-modifying agent is indicated for SRE prevention (ESMO 2020 by disease state;
/// prostate cancer by castration status), the advice to start one or to wait for a diagnosis, and
/// the choice between the agents with the evidence either way (ASCO 2017: no preference).
extension BoneAgentRules {
    /// The indication of a bone-modifying agent for SRE prevention, by disease state.
    struct Indication {
        enum Verdict { case start, notIndicated, unknown, notEstablished }
        let verdict: Verdict
        let text: LocalizedText
        let sources: [Citation]
        /// The indication said beside a course already given: "indicated", not "start" — a
        /// myeloma's monthly pamidronate read "Pamidronate: the alternative is denosumab. Myeloma
        /// bone disease: start a bone-modifying agent" (unseen record cb91-b, rule set 2026.12.330).
        var whenGiven: LocalizedText?

        init(verdict: Verdict, text: LocalizedText, sources: [Citation], whenGiven: LocalizedText? = nil) {
            self.verdict = verdict
            self.text = text
            self.sources = sources
            self.whenGiven = whenGiven
        }
    }

    func indication(for primary: PrimaryCancer) -> Indication {
        // A solitary plasmacytoma of bone is not myeloma (IMWG, Rajkumar 2014: one lesion, no
        // myeloma-defining event): Raje 2018 enrolled multiple myeloma, and its treatment is
        // radiotherapy. A T11 plasmacytoma under 45 Gy read "myeloma bone disease: start a
        // bone-modifying agent" (unseen record cb69-a, 2026.12.270).
        if isSolitaryPlasmacytoma(primary) {
            return Indication(verdict: .notEstablished, text: LocalizedText(
                en: "Solitary plasmacytoma of bone (one lesion; IMWG, Rajkumar 2014): not myeloma — the evidence for a bone-modifying agent in myeloma bone disease (Raje 2018) is from multiple myeloma, and none is established for a solitary plasmacytoma, treated by radiotherapy. Haematology follows it for progression to myeloma (serum and urine M-protein, free light chains, CRAB), when myeloma bone disease would be the indication.",
                zh: "骨孤立性浆细胞瘤（单发病灶；IMWG，Rajkumar 2014）：并非多发性骨髓瘤——骨髓瘤骨病使用骨改良药物的证据（Raje 2018）来自多发性骨髓瘤，孤立性浆细胞瘤的适应证未确立，其治疗为放疗。由血液科随访是否进展为骨髓瘤（血、尿 M 蛋白，游离轻链，CRAB），届时骨髓瘤骨病即为适应证。"),
                sources: [DifferentialRules.rajkumar2014, Self.raje2018])
        }
        let myeloma = primary.site == .myeloma || primary.effectiveHistology == .myeloma
        if myeloma {
            return Indication(verdict: .start, text: LocalizedText(
                en: "Myeloma bone disease: start a bone-modifying agent (denosumab non-inferior to zoledronic acid, Raje 2018).",
                zh: "骨髓瘤骨病：应开始使用骨改良药物（地舒单抗不劣于唑来膦酸，Raje 2018）。"), sources: [Self.raje2018],
                whenGiven: LocalizedText(
                    en: "Myeloma bone disease: a bone-modifying agent is indicated (denosumab non-inferior to zoledronic acid, Raje 2018).",
                    zh: "骨髓瘤骨病：有使用骨改良药物的适应证（地舒单抗不劣于唑来膦酸，Raje 2018）。"))
        }
        // Lymphoma is not a solid tumour: the trials enrolled solid tumours and myeloma (Henry
        // 2011; ESMO 2020 covers these). A DLBCL of the femur and T9 on R-CHOP read "in solid
        // tumours other than breast and prostate, start".
        if primary.isLymphoma {
            return Indication(verdict: .notEstablished, text: LocalizedText(
                en: "Lymphoma in bone: the trials of bone-modifying agents for SRE prevention enrolled solid tumours and myeloma (Henry 2011; ESMO 2020), not lymphoma — no SRE-prevention indication is established. The bone disease is treated by the lymphoma's own therapy; an agent for hypercalcaemia or bone loss is haematology's decision.",
                zh: "淋巴瘤骨受累：骨改良药物预防 SRE 的研究纳入的是实体瘤和骨髓瘤（Henry 2011；ESMO 2020），未纳入淋巴瘤——预防 SRE 的适应证未确立。骨病变随淋巴瘤本身的治疗处理；如因高钙血症或骨量丢失需用药，由血液科决定。"),
                sources: [Self.esmo2020, Self.henry2011])
        }
        switch primary.site {
        case .breast:
            return Indication(verdict: .start, text: LocalizedText(
                en: "Breast cancer with bone metastases: start (ESMO 2020).", zh: "乳腺癌骨转移：应开始使用（ESMO 2020）。"),
                sources: [Self.esmo2020],
                whenGiven: LocalizedText(en: "Breast cancer with bone metastases: indicated (ESMO 2020).", zh: "乳腺癌骨转移：有适应证（ESMO 2020）。"))
        case .prostate:
            switch primary.isCastrationResistant {
            case .some(true):
                return Indication(verdict: .start, text: LocalizedText(
                    en: "Castration-resistant prostate cancer with bone metastases: start (ESMO 2020; Fizazi 2011).",
                    zh: "去势抵抗性前列腺癌骨转移：应开始使用（ESMO 2020；Fizazi 2011）。"), sources: [Self.esmo2020, Self.fizazi2011],
                    whenGiven: LocalizedText(
                        en: "Castration-resistant prostate cancer with bone metastases: indicated (ESMO 2020; Fizazi 2011).",
                        zh: "去势抵抗性前列腺癌骨转移：有适应证（ESMO 2020；Fizazi 2011）。"))
            case .some(false):
                if let settled = castrationSettledByTestosterone() { return settled }
                // Recorded castration-sensitive, but PSA progressing under androgen deprivation
                // since: with castrate testosterone that is castration resistance (PCWG3), where
                // the agent is indicated — a status recorded at diagnosis read "not indicated"
                // two years on, PSA 0.8 → 5.2 ng/mL under leuprorelin (cb25-r).
                if let progression = psaProgressionUnderADT() {
                    let text = Self.progressionUnderADTText(progression)
                    return Indication(verdict: .unknown, text: LocalizedText(
                        en: "Prostate cancer recorded as castration-sensitive: no SRE-prevention benefit then (CALGB 90202), but indicated once castration-resistant (Fizazi 2011).\(text.en)",
                        zh: "前列腺癌记录为去势敏感：此阶段预防 SRE 无获益（CALGB 90202），进入去势抵抗后则有适应证（Fizazi 2011）。\(text.zhHans)"),
                        sources: [Self.smith2014, Self.fizazi2011, PCWG3Rules.source])
                }
                return Indication(verdict: .notIndicated, text: LocalizedText(
                    en: "Castration-sensitive prostate cancer: no SRE-prevention benefit (CALGB 90202, STAMPEDE) — not indicated at SRE-prevention doses. Bone loss under androgen deprivation is a different indication and dose (denosumab 60 mg every 6 months, Smith 2009).",
                    zh: "去势敏感性前列腺癌：预防 SRE 无获益（CALGB 90202、STAMPEDE）——不按预防 SRE 剂量使用。雄激素剥夺治疗导致的骨量丢失是另一适应证和剂量（地舒单抗 60 mg 每 6 个月，Smith 2009）。"),
                    sources: [Self.smith2014, Self.james2016, Self.smith2009])
            case .none:
                if let settled = castrationSettledByTestosterone() { return settled }
                // PSA progressing under androgen deprivation is what castration resistance is
                // made of (with testosterone at castrate levels): said here, where the indication
                // turns on it — a prostate cancer on goserelin + bicalutamide with PSA 0.8 → 9.8
                // ng/mL read only "record the castration status" (cb20-ff, 2026.12.112).
                let hint = psaProgressionUnderADT().map(Self.progressionUnderADTText) ?? PCWG3Rules(index: index).psaFallUnderFirstEndocrineTherapy().map { fall in
                    LocalizedText(
                        en: " PSA falls under the first systemic therapy on record, a hormonal one begun \(fall.therapy.start.map(String.init(describing:)) ?? "") (\(fall.therapy.displayName.en): \(PCWG3Rules.psaNumber(fall.baseline.value)) → \(PCWG3Rules.psaNumber(fall.latest.value)) ng/mL, \(fall.latest.date)): a cancer responding to its first androgen deprivation is castration-sensitive — resistance is progression with castrate testosterone (PCWG3) — unless earlier hormonal therapy is missing from the record.",
                        zh: "病历中首个全身治疗为内分泌治疗（\(fall.therapy.start.map(String.init(describing:)) ?? "")开始，\(fall.therapy.displayName.zhHans)），其间 PSA 下降（\(PCWG3Rules.psaNumber(fall.baseline.value)) → \(PCWG3Rules.psaNumber(fall.latest.value)) ng/mL，\(fall.latest.date)）：对首次雄激素剥夺治疗有反应即为去势敏感——去势抵抗指睾酮处于去势水平时仍进展（PCWG3）——除非病历遗漏了更早的内分泌治疗。")
                } ?? PCWG3Rules(index: index).firstEndocrineTherapyTooRecent().map { therapy in
                    let start = therapy.start.map(String.init(describing:)) ?? ""
                    return LocalizedText(
                        en: " The first systemic therapy on record, a hormonal one (\(therapy.displayName.en)), began on \(start), less than 12 weeks ago: PCWG3 judges no progression before 12 weeks of a regimen, so the cancer is castration-sensitive as the record stands — unless earlier hormonal therapy is missing from the record.",
                        zh: "病历中首个全身治疗为内分泌治疗（\(therapy.displayName.zhHans)），于 \(start) 开始，不足 12 周：PCWG3 不在治疗满 12 周前判定进展，故按现有病历为去势敏感——除非病历遗漏了更早的内分泌治疗。")
                } ?? LocalizedText(en: "", zh: "")
                return Indication(verdict: .unknown, text: LocalizedText(
                    en: "Prostate cancer: indicated for SRE prevention only once castration-resistant (Fizazi 2011), not in castration-sensitive disease (CALGB 90202) — record the castration status.\(hint.en)",
                    zh: "前列腺癌：仅在去势抵抗阶段用于预防 SRE（Fizazi 2011），去势敏感阶段无获益（CALGB 90202）——请记录去势状态。\(hint.zhHans)"),
                    sources: [Self.fizazi2011, Self.smith2014] + (hint.en.isEmpty ? [] : [PCWG3Rules.source]))
            }
        default:
            return Indication(verdict: .start, text: LocalizedText(
                en: "\(primary.label.en.sentenceStart): in solid tumours other than breast and prostate, start when life expectancy is ≥ 3 months (ESMO 2020; denosumab non-inferior to zoledronic acid, Henry 2011).",
                zh: "\(primary.label.zhHans)：乳腺癌和前列腺癌以外的实体瘤，预计生存期 ≥3 个月时开始使用（ESMO 2020；地舒单抗不劣于唑来膦酸，Henry 2011）。"),
                sources: [Self.esmo2020, Self.henry2011],
                whenGiven: LocalizedText(
                    en: "\(primary.label.en.sentenceStart): in solid tumours other than breast and prostate, indicated when life expectancy is ≥ 3 months (ESMO 2020; denosumab non-inferior to zoledronic acid, Henry 2011).",
                    zh: "\(primary.label.zhHans)：乳腺癌和前列腺癌以外的实体瘤，预计生存期 ≥3 个月时有适应证（ESMO 2020；地舒单抗不劣于唑来膦酸，Henry 2011）。"))
        }
    }

    /// A plasmacytoma (coded or written so) with one bone site on record and no myeloma-defining
    /// event: hypercalcaemia, renal failure or anaemia by the CRAB values would make it myeloma.
    func isSolitaryPlasmacytoma(_ primary: PrimaryCancer) -> Bool {
        guard primary.effectiveHistology == .plasmacytoma, index.metastaticSiteCount == 1 else { return false }
        // The bone lesion is the plasmacytoma itself: only C, R and A tell myeloma from it.
        return !index.crab().contains { $0.abnormal == true && ["calcium", "renal function", "haemoglobin"].contains($0.name.en) }
    }

    /// The choice between the agents, with the evidence either way (a setting prefers one).
    func evidence(preferred: BoneAgent) -> LocalizedText {
        LocalizedText(
            en: "Preferred agent (setting): \(preferred.label.en). Evidence either way: denosumab 120 mg every 4 weeks delayed the first SRE more than zoledronic acid in breast cancer (Stopeck 2010, HR 0.82) and castration-resistant prostate cancer (Fizazi 2011), was non-inferior in other solid tumours and myeloma (Henry 2011; Raje 2018), needs no renal adjustment but carries hypocalcaemia risk and rebound on stopping; zoledronic acid 4 mg (by CrCl) every 3–4 or 12 weeks (CALGB 70604) is cheaper and needs renal monitoring. ASCO 2017 finds the evidence insufficient to prefer one.",
            zh: "首选药物（设置）：\(preferred.label.zhHans)。两方面证据：地舒单抗 120 mg 每 4 周在乳腺癌（Stopeck 2010，HR 0.82）和去势抵抗性前列腺癌（Fizazi 2011）中较唑来膦酸更能推迟首次 SRE，在其他实体瘤和骨髓瘤中不劣于唑来膦酸（Henry 2011；Raje 2018），无需按肾功能调整，但有低钙血症风险且停药后骨转换反弹；唑来膦酸 4 mg（按肌酐清除率）每 3–4 周或每 12 周（CALGB 70604）费用较低，需监测肾功能。ASCO 2017 认为证据不足以优选其一。")
    }

    static let xgevaDiscontinuation = Citation(
        id: "xgevaDiscontinuation", text: "Xgeva (denosumab) prescribing information: multiple vertebral fractures following discontinuation",
        zh: "Xgeva（地舒单抗）说明书：停药后多发椎体骨折")
    static let xgevaLabel = Citation(id: "xgevaLabel", text: "Xgeva (denosumab) prescribing information: severe hypocalcaemia in advanced CKD", zh: "安加维（地舒单抗）说明书：晚期慢性肾病患者严重低钙血症")
    static let evidenceSources = [Sources.stopeck2010, fizazi2011, henry2011, raje2018, Sources.himelstein2017, asco2017]

    func indication() -> Finding {
        if let child = paediatricIndication() { return child }
        let preferred = index.settings.preferredBoneAgent
        let candidates = index.bonePrimaryCandidates
        let indications = candidates.map(indication(for:))
        // The verdicts themselves (an enum is Hashable): their printed names went through reflection.
        let verdicts = Set(indications.map(\.verdict))
        let scope: LocalizedText
        let verdict: Indication.Verdict
        if indications.isEmpty {
            // A biopsy that proved a metastasis has excluded myeloma already.
            let proven = index.record.biopsies.contains { $0.result == .metastasis && index.known($0.date) }
            scope = LocalizedText(
                en: "Primary unknown: ESMO 2020 — in solid tumours, start when life expectancy is ≥ 3 months\(proven ? "" : "; exclude myeloma first").",
                zh: "原发灶不明：ESMO 2020——实体瘤预计生存期 ≥3 个月时开始使用\(proven ? "" : "；先排除骨髓瘤")。")
            verdict = .start
        } else if verdicts.count == 1, let first = indications.first {
            scope = LocalizedText.joined(indications.count == 1 ? [first.text] : indications.map(\.text), en: " ", zh: "")
            verdict = first.verdict
        } else {
            scope = LocalizedText(
                en: "Depends on which primary the bone disease comes from: \(LocalizedText.joined(indications.map(\.text), en: " ", zh: "").en)",
                zh: "取决于骨病灶来源于哪个原发灶：\(LocalizedText.joined(indications.map(\.text), en: " ", zh: "").zhHans)")
            verdict = .unknown
        }
        let claims: [Claim]
        var title: LocalizedText
        let severity: Severity
        // An agent given before and stopped is not "never started": a stopped denosumab course
        // read as if the patient had had none, four years of it forgotten.
        let stopped = verdict == .start ? lastStoppedAgent() : nil
        switch verdict {
        case .start:
            // Myeloma's bone disease is not "bone metastases" (the indication text said so already).
            let myeloma = !candidates.isEmpty && candidates.allSatisfy(\.isPlasmaCellDisease)
            title = myeloma
                ? LocalizedText(en: "Myeloma bone disease without a bone-modifying agent", zh: "骨髓瘤骨病但未使用骨改良药物")
                : LocalizedText(en: "Bone metastases without a bone-modifying agent", zh: "有骨转移但未使用骨改良药物")
            if let stopped, let name = stopped.agent?.label, let end = stopped.end {
                title = LocalizedText(
                    en: "Bone-modifying agent stopped (\(name.en), \(end)) — decide whether to resume",
                    zh: "骨改良药物已停用（\(name.zhHans)，\(end)）——决定是否恢复")
            }
            // A vertebra broken since denosumab was stopped makes the decision a warning.
            severity = stopped.map { !fracturedSinceStop($0).isEmpty } == true ? .warning : .advisory
            claims = [Claim(.boneAgentIndication, about: "patient", "start")]
        case .notIndicated:
            title = LocalizedText(en: "No bone-modifying agent for SRE prevention in castration-sensitive prostate cancer", zh: "去势敏感性前列腺癌不使用骨改良药物预防 SRE")
            severity = .info
            claims = [Claim(.boneAgentIndication, about: "patient", "notIndicated")]
        case .unknown:
            title = LocalizedText(en: "Bone-modifying agent: indication depends on the disease state", zh: "骨改良药物：适应证取决于疾病状态")
            severity = .advisory
            claims = []
        case .notEstablished:
            title = candidates.contains(where: isSolitaryPlasmacytoma)
                ? LocalizedText(
                    en: "Solitary plasmacytoma: no established indication for a bone-modifying agent", zh: "孤立性浆细胞瘤：骨改良药物适应证未确立")
                : LocalizedText(
                    en: "Lymphoma in bone: no established indication for a bone-modifying agent", zh: "淋巴瘤骨受累：骨改良药物适应证未确立")
            severity = .info
            claims = [Claim(.boneAgentIndication, about: "patient", "notEstablished")]
        }
        let renal = verdict == .notIndicated || verdict == .notEstablished ? nil : severeRenalImpairmentText()
        let survival = verdict == .start ? shortSurvivalText(candidates) : nil
        let history = stopped.flatMap(stoppedAgentText)
        // Osteonecrosis of the jaw holding the agent: starting or resuming is decided with dental
        // care (Yarom 2019) — "start (ESMO 2020) … dental examination before starting" beside
        // the ONJ warning read as an order to give it (unseen record cb77-s).
        let dental = osteonecrosisOfJaw.map { onj in
            LocalizedText(
                en: "Osteonecrosis of the jaw is on record (\(onj.date)): whether and when to start or resume is decided with the dentist or oral surgeon treating it.",
                zh: "已有颌骨坏死记录（\(onj.date)）：是否及何时开始或恢复用药，需与诊治颌骨坏死的口腔科共同决定。")
        } ?? LocalizedText(en: "Dental examination before starting.", zh: "开始前先做口腔检查。")
        let advice = verdict == .notEstablished
            ? LocalizedText(en: "Decision: haematology.", zh: "由血液科决定。")
            : verdict == .notIndicated
            ? LocalizedText(en: "Decision: medical oncology.", zh: "由肿瘤内科决定。")
            : LocalizedText(
                en: "\(survival.map { $0.en + " " } ?? "")\(evidence(preferred: preferred).en)\(renal.map { " " + $0.en } ?? "") \(dental.en) Decision: medical oncology.",
                zh: "\(survival?.zhHans ?? "")\(evidence(preferred: preferred).zhHans)\(renal?.zhHans ?? "")\(dental.zhHans)由肿瘤内科决定。")
        return Finding(
            ruleId: "boneAgents.indication", severity: severity, duty: .boneAgents, specialty: verdict == .notEstablished ? .haematology : .medicalOncology,
            subject: .patient, date: index.assessedOn, title: title,
            detail: LocalizedText(
                en: "\(history.map { $0.en + " " } ?? "")\(scope.en) \(advice.en)", zh: "\(history?.zhHans ?? "")\(scope.zhHans)\(advice.zhHans)"),
            inputs: [
                FindingInput("preferredBoneAgent", preferred.rawValue),
                FindingInput("primary", candidates.map(\.site.rawValue).joined(separator: ",").isEmpty ? "unknown" : candidates.map(\.site.rawValue).joined(separator: ",")),
            ],
            sources: [Self.esmo2020] + indications.flatMap(\.sources) + Self.evidenceSources
                + (renal == nil ? [] : [Sources.zometaLabel, Self.xgevaLabel]) + (stopped?.agent == .denosumab ? [Self.xgevaDiscontinuation] : [])
                + (survival == nil ? [] : [Sources.katagiri2014]),
            claims: claims)
    }

    /// ESMO 2020 starts an agent in solid tumours other than breast and prostate cancer when life
    /// expectancy is ≥ 3 months; a settled New Katagiri high-risk band (7–10: 6-month survival
    /// 27 %, 1-year 6 %; Katagiri 2014) puts that in doubt. A lung cancer at KPS 40 with
    /// disseminated pleural disease, Katagiri 10 and Tomita "terminal care" was advised to start
    /// without a word about it.
    func shortSurvivalText(_ candidates: [PrimaryCancer]) -> LocalizedText? {
        let conditional = candidates.allSatisfy { ![.breast, .prostate].contains($0.site) && !$0.isPlasmaCellDisease && !$0.isLymphoma }
        guard conditional, let katagiri, katagiri.total.min >= 7 else { return nil }
        let number = katagiri.total.score.map(String.init) ?? "\(katagiri.total.min)–\(katagiri.total.max)"
        return LocalizedText(
            en: "New Katagiri \(number) (high risk: 6-month survival 27 %, 1-year 6 %; Katagiri 2014): weigh whether life expectancy reaches the 3 months ESMO asks for before starting.",
            zh: "新 Katagiri \(number) 分（高危：6 个月生存率 27%，1 年 6%；Katagiri 2014）：开始前请评估预计生存期是否达到 ESMO 要求的 3 个月。")
    }

    /// Kidney function below 30 (eGFR, else Cockcroft–Gault CrCl) bears on both agents before the
    /// first dose: zoledronic acid is not recommended (Zometa label), denosumab carries the boxed
    /// warning of severe hypocalcaemia (Xgeva label). The start advice said neither at CrCl 21.
    func severeRenalImpairmentText() -> LocalizedText? {
        guard let kidney = kidneyBelow30(clearance: index.creatinineClearance()) else { return nil }
        let measure = kidney.measure
        return LocalizedText(
            en: "Kidney function \(measure.en) (< 30): zoledronic acid is not recommended; denosumab needs no renal adjustment but carries a boxed warning of severe hypocalcaemia — check for CKD–mineral bone disorder and correct calcium and vitamin D first.",
            zh: "肾功能 \(measure.zhHans)（< 30）：不推荐唑来膦酸；地舒单抗无需按肾功能调整，但有严重低钙血症黑框警告——先评估慢性肾病–矿物质骨异常并纠正钙和维生素 D。")
    }

    /// Lesions await their diagnosis: no agent before the lesion is diagnosed (it named "awaiting
    /// biopsy" beside a new blastic lesion under therapy the diagnosis finding says not to
    /// biopsy; it now points to those findings) — unless a lesion's
    /// biopsy already shows myeloma not yet recorded as a primary: myeloma bone disease is the
    /// indication (Raje 2018), decided with haematology. A breast cancer's L4 proven plasma-cell
    /// myeloma read "the bone lesions are not yet diagnosed as metastases (awaiting biopsy …)".
    func afterDiagnosis() -> Finding {
        let hypercalcaemic = LabRules.hypercalcaemic(index) != nil
        if let myeloma = index.seenLesions.lazy.compactMap({ self.index.anotherCancer($0.id) }).first(where: { $0.result == .myeloma }) {
            let name = myeloma.lesion.map(index.label(lesionId:)) ?? LocalizedText(en: "a bone lesion", zh: "骨病灶")
            return Finding(
                ruleId: "boneAgents.indication", severity: .advisory, duty: .boneAgents, specialty: .haematology,
                subject: .patient, date: myeloma.date,
                title: LocalizedText(en: "Myeloma on biopsy: bone-modifying agent for myeloma bone disease", zh: "活检示骨髓瘤：骨髓瘤骨病需用骨改良药物"),
                detail: LocalizedText(
                    en: "The biopsy of \(name.en) (\(myeloma.date)) shows myeloma. Myeloma bone disease: start a bone-modifying agent (denosumab non-inferior to zoledronic acid, Raje 2018), decided with haematology with its treatment. Record the myeloma as a primary cancer, so that the choice, dose and monitoring read it. Dental examination before starting.\(hypercalcaemic ? " The hypercalcaemia is treated now." : "")",
                    zh: "\(name.zhHans)活检（\(myeloma.date)）示骨髓瘤。骨髓瘤骨病：开始使用骨改良药物（地舒单抗不劣于唑来膦酸，Raje 2018），由血液科结合其治疗共同决定。请将骨髓瘤记录为一个原发肿瘤，以便药物选择、剂量和监测据此判断。开始前先做口腔检查。\(hypercalcaemic ? "高钙血症需立即处理。" : "")"),
                sources: [Self.raje2018], claims: [Claim(.boneAgentIndication, about: "patient", "start")])
        }
        // Vertebrae broken after denosumab was stopped are a question of their own, whatever the
        // lesions prove to be: the label's rebound — resuming an antiresorptive is not SRE
        // prevention and does not wait for the diagnosis (cb47-c read only "decide after diagnosis").
        let rebound = index.seenLesions.contains { lesion in
            if case .reboundAfterDenosumab = index.antiresorptiveFractures[lesion.id]?.kind { return true }
            return false
        }
        let reboundText = rebound
            ? LocalizedText(
                en: " The vertebral fractures after denosumab was stopped are another question, not waiting for it: resuming denosumab or another antiresorptive against the rebound is medical oncology's decision now (see the diagnosis findings).",
                zh: "地舒单抗停药后的椎体骨折是另一个问题，不必等待确诊：是否恢复地舒单抗或改用其他抗骨吸收药物以对抗反弹，由肿瘤内科现在决定（见诊断部分）。")
            : LocalizedText(en: "", zh: "")
        return Finding(
            ruleId: "boneAgents.afterDiagnosis", severity: .info, duty: .boneAgents, specialty: .medicalOncology,
            subject: .patient, date: index.assessedOn,
            title: LocalizedText(en: "Bone-modifying agent: decide after diagnosis", zh: "骨改良药物：明确诊断后再决定"),
            detail: LocalizedText(
                en: "The bone lesions are not yet diagnosed as metastases (the diagnosis findings say what settles it: tissue, a CT bone-window read, or follow-up imaging where a biopsy is not advised). Start a bone-modifying agent for SRE prevention only after diagnosis.\(hypercalcaemic ? " The hypercalcaemia is treated now, whatever the diagnosis." : "")\(reboundText.en)",
                zh: "骨病灶尚未确诊为转移（由诊断部分的提示确定：病理、CT 骨窗阅片，或在不建议活检时随访影像）。确诊后再开始用骨改良药物预防 SRE。\(hypercalcaemic ? "高钙血症无论诊断如何均需立即处理。" : "")\(reboundText.zhHans)"),
            sources: [Self.esmo2020], claims: [Claim(.boneAgentIndication, about: "patient", "afterDiagnosis")])
    }

    /// Whenever an agent is ordered: the alternative and the evidence either way, and whether
    /// the disease state indicates it at all.
    /// SRE prevention's indication for each primary the bone disease may come from — none when no
    /// bone lesion is on record at all. A breast cancer on adjuvant letrozole with denosumab
    /// 60 mg, no bone lesion anywhere, read "Breast cancer with bone metastases: start … the bone
    /// metastases on record indicate SRE prevention" (cb23-w). A lesion not yet established (an
    /// EHR's provisional metastasis) still counts: the question is open, not absent.
    var sreIndications: [Indication] {
        noBoneLesion ? [] : index.bonePrimaryCandidates.map(indication(for:))
    }

    /// Every candidate primary's verdict is "not indicated" (castration-sensitive prostate
    /// cancer): no agent is preferred, and a dose is worked out only for a course continued.
    var sreNotIndicated: Bool {
        let indications = sreIndications
        return !indications.isEmpty && indications.allSatisfy { $0.verdict == .notIndicated }
    }

    /// No bone lesion on record that may be a metastasis: none at all, or each one's biopsy named
    /// another disease (a giant cell tumour, a primary bone tumour, a benign or degenerative
    /// lesion). A breast cancer of 2016 with a tibial giant cell tumour proven in 2026 read
    /// "breast cancer with bone metastases: start" (unseen record cb82-g3, rule set 2026.12.316).
    var noBoneLesion: Bool { index.lesions.allSatisfy { index.notForMetastasisScores($0.id) != nil } }

    /// What the disease state on record says of SRE prevention, for a course given at another
    /// indication's dose (denosumab 60 mg, zoledronic acid 5 mg, an osteoporosis bisphosphonate).
    struct SREVerdict {
        /// A bone lesion is on record.
        let boneLesion: Bool
        let indications: [Indication]
        /// Indicated for SRE prevention (or the primary is unknown) with a bone lesion on record.
        let preventionIndicated: Bool
        /// Every candidate primary says "not indicated" (castration-sensitive prostate cancer).
        let notIndicated: Bool
    }

    var sreVerdict: SREVerdict {
        let boneLesion = !noBoneLesion
        let indications = sreIndications
        return SREVerdict(
            boneLesion: boneLesion, indications: indications,
            preventionIndicated: boneLesion && (indications.isEmpty || indications.contains { $0.verdict == .start }),
            notIndicated: !indications.isEmpty && indications.allSatisfy { $0.verdict == .notIndicated })
    }

    /// Said where an agent runs with no bone metastasis on record.
    static let noBoneMetastasis = LocalizedText(
        en: "No bone metastasis is on record: SRE prevention is not this course's indication here.",
        zh: "病历中无骨转移记录：本疗程的适应证并非预防 SRE。")

    func choice(_ agent: Treatment) -> Finding {
        let name = agent.agent?.label ?? TreatmentKind.boneModifyingAgent.label
        let alternative: LocalizedText =
            agent.agent == .denosumab ? BoneAgent.zoledronicAcid.label : BoneAgent.denosumab.label
        let indications = sreIndications
        let notIndicated = sreNotIndicated
        let given = !agent.planned && agent.start.map(index.known) == true
        var state = noBoneLesion ? Self.noBoneMetastasis : LocalizedText.joined(indications.map { given ? $0.whenGiven ?? $0.text : $0.text }, en: " ", zh: "")
        if notIndicated, let due = Self.dueDate(agent, index: index) {
            state = LocalizedText(
                en: "\(state.en) The next dose has been due since \(due): review the indication before giving it.",
                zh: "\(state.zhHans)下一剂自 \(due) 起到期：给药前请重新评估适应证。")
        }
        // With osteonecrosis of the jaw on record, "the alternative is …" read as a way out of
        // it; both agents carry the risk (Stopeck 2010: about 2.0 % vs 1.4 %, not significant).
        if osteonecrosisOfJaw != nil {
            state = LocalizedText(
                en: "\(state.en)\(state.en.isEmpty ? "" : " ")Osteonecrosis of the jaw is on record: switching to \(alternative.en) is no remedy for it — both agents carry the risk (Stopeck 2010: about 2.0 % vs 1.4 %, not significantly different).",
                zh: "\(state.zhHans)已有颌骨坏死记录：换用\(alternative.zhHans)并不能解决——两药均有此风险（Stopeck 2010：约 2.0% 对 1.4%，差异无统计学意义）。")
        }
        // Denosumab with kidney function below 30: zoledronic acid is no alternative for SRE
        // prevention (Zometa label: not recommended below CrCl 30) — "denosumab: the alternative
        // is zoledronic acid" was said for a patient on dialysis.
        let kidney = agent.agent == .denosumab ? kidneyBelow30(clearance: index.creatinineClearance()) : nil
        if let kidney {
            state = LocalizedText(
                en: "\(state.en)\(state.en.isEmpty ? "" : " ")Kidney function \(kidney.measure.en) (< 30): zoledronic acid is not recommended for SRE prevention (Zometa label); denosumab needs no renal adjustment, with its hypocalcaemia precautions.",
                zh: "\(state.zhHans)肾功能 \(kidney.measure.zhHans)（< 30）：不推荐唑来膦酸用于预防 SRE（Zometa 说明书）；地舒单抗无需按肾功能调整，但需防范低钙血症。")
        }
        return Finding(
            ruleId: "boneAgents.choice", severity: notIndicated ? .warning : .info, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: agent.start,
            title: notIndicated
                ? LocalizedText(
                    en: "\(name.en.sentenceStart) for SRE prevention is not indicated in castration-sensitive prostate cancer",
                    zh: "去势敏感性前列腺癌不推荐\(name.zhHans)用于预防 SRE")
                : osteonecrosisOfJaw != nil
                ? LocalizedText(
                    en: "\(name.en.sentenceStart): switching to \(alternative.en) does not avoid osteonecrosis of the jaw",
                    zh: "\(name.zhHans)：换用\(alternative.zhHans)不能避免颌骨坏死")
                : kidney.map { kidney in
                    LocalizedText(
                        en: "\(name.en.sentenceStart): \(alternative.en) is no alternative at \(kidney.measure.en)",
                        zh: "\(name.zhHans)：\(kidney.measure.zhHans) 时\(alternative.zhHans)不能作为替代")
                }
                ?? LocalizedText(en: "\(name.en.sentenceStart): the alternative is \(alternative.en)", zh: "\(name.zhHans)：替代药物为\(alternative.zhHans)"),
            // Not indicated: no agent is preferred — "preferred agent: denosumab, evidence either
            // way" followed "zoledronic acid … is not indicated in castration-sensitive prostate
            // cancer" (cb64-p).
            detail: notIndicated
                ? state
                : LocalizedText(
                    en: "\(state.en.isEmpty ? "" : state.en + " ")\(evidence(preferred: index.settings.preferredBoneAgent).en)",
                    zh: "\(state.zhHans)\(evidence(preferred: index.settings.preferredBoneAgent).zhHans)"),
            inputs: [FindingInput("agent", agent.agent?.rawValue ?? "other"), FindingInput("preferredBoneAgent", index.settings.preferredBoneAgent.rawValue)],
            sources: indications.flatMap(\.sources) + (notIndicated ? [] : Self.evidenceSources) + (kidney == nil ? [] : [Sources.zometaLabel]),
            claims: notIndicated ? [Claim(.boneAgentIndication, about: "patient", "notIndicated")] : [])
    }
}
