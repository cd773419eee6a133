/// Differential diagnosis red flags (reference.md): a metastasis must be told apart from
/// myeloma, primary bone tumours such as giant cell tumour, and degenerative joint disease;
/// and an undiagnosed solitary lesion must never be fixed before pathology.
struct DifferentialRules {
    let index: CaseIndex

    func findings() -> [Finding] {
        myeloma() + giantCellTumour() + degenerative() + solitaryBeforeFixation()
    }

    private func myeloma() -> [Finding] {
        guard let age = index.ageNow, age > index.settings.myelomaWorkupAgeAbove else { return [] }
        if index.record.biopsies.contains(where: { $0.result == .myeloma || $0.result == .metastasis }) { return [] }
        let lytic = index.seenLesions.filter { index.characters($0.id).last == .lytic }
        var reasons: [LocalizedText] = []
        if lytic.count >= 2 { reasons.append(LocalizedText(en: "multiple lytic lesions (\(lytic.count))", zh: "多发溶骨性病灶（\(lytic.count) 处）")) }
        if !index.hasKnownPrimary && !index.seenLesions.isEmpty { reasons.append(LocalizedText(en: "no known primary", zh: "原发灶不明")) }
        var secondPrimary = false
        let longInterval = index.seenLesions.contains { lesion in
            guard let first = index.firstSeen(lesion.id), let years = index.yearsSincePrimary(to: first) else { return false }
            return years >= index.settings.longDiseaseFreeIntervalYears
        }
        if longInterval {
            secondPrimary = true
            reasons.append(LocalizedText(en: "new lesion after a long disease-free interval", zh: "长无病间期后出现新病灶"))
        }
        // Multiple lytic lesions in a patient with a recent known primary are the expected picture
        // of metastasis; they raise the flag together with an unknown primary or a long
        // disease-free interval (the seed's two myeloma cases), not alone.
        guard !index.hasKnownPrimary || longInterval else { return [] }
        let list = LocalizedText.joined(reasons, en: "; ", zh: "；")
        let extra = secondPrimary
            ? LocalizedText(en: " A second primary is also in the differential.", zh: "亦需考虑第二原发肿瘤。")
            : LocalizedText(en: "", zh: "")
        return [Finding(
            ruleId: "diagnosis.differential.myeloma", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
            subject: .patient, date: index.asOf,
            title: LocalizedText(en: "Myeloma in the differential — work-up before treating as metastasis", zh: "需鉴别多发性骨髓瘤——按骨转移治疗前先行检查"),
            detail: LocalizedText(
                en: "Age \(age) (setting: > \(index.settings.myelomaWorkupAgeAbove)) with \(list.en). Order serum and urine protein electrophoresis with immunofixation, serum free light chains, calcium, creatinine and haemoglobin; pathology decides.\(extra.en)",
                zh: "年龄 \(age) 岁（设置：> \(index.settings.myelomaWorkupAgeAbove)），\(list.zhHans)。请查血、尿蛋白电泳及免疫固定电泳、血清游离轻链、血钙、肌酐和血红蛋白；以病理定论。\(extra.zhHans)"),
            inputs: [FindingInput("age", age.description), FindingInput("lyticLesions", lytic.count.description), FindingInput("knownPrimary", index.hasKnownPrimary.description)],
            sources: [DiagnosisRules.sourceHospital])]
    }

    private func giantCellTumour() -> [Finding] {
        index.seenLesions.compactMap { lesion -> Finding? in
            guard index.diagnosticBiopsy(lesion.id) == nil,
                let point = index.presentPoints(lesion.id).last(where: {
                    $0.observation.epiphyseal == true && $0.observation.eccentric == true && $0.observation.character == .lytic
                })
            else { return nil }
            let age = index.age(at: point.study.date)
            return Finding(
                ruleId: "diagnosis.differential.giantCellTumour", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: point.study.date,
                title: LocalizedText(en: "\(lesion.label.en): giant cell tumour in the differential", zh: "\(lesion.label.zhHans)：需鉴别骨巨细胞瘤"),
                detail: LocalizedText(
                    en: "An eccentric lytic lesion of the epiphysis is typical of giant cell tumour of bone (most often in young adults)\(age.map { "; age \($0)" } ?? ""). A cancer history does not make it a metastasis: obtain pathology before treating.",
                    zh: "骨骺偏心性溶骨性病灶是骨巨细胞瘤的典型表现（多见于青壮年）\(age.map { "；年龄 \($0) 岁" } ?? "")。有肿瘤病史并不意味着就是转移：治疗前请取病理。"),
                inputs: [FindingInput("epiphyseal", "true"), FindingInput("eccentric", "true"), FindingInput("character", "lytic")],
                sources: [DiagnosisRules.sourceHospital])
        }
    }

    private func degenerative() -> [Finding] {
        index.seenLesions.compactMap { lesion -> Finding? in
            guard let point = index.presentPoints(lesion.id).last(where: { !$0.observation.degenerativeFeatures.isEmpty }) else { return nil }
            let features = point.observation.degenerativeFeatures
            // "Progression" seen only as more tracer uptake, with no bone destruction on X-ray/CT.
            let tracerOnly = !index.destructionSeen(lesion.id) && index.presentPoints(lesion.id).contains {
                $0.study.modality.isTracer && ($0.observation.uptakeChangePercent ?? 0) >= MDA.progressionIncreasePercent
            }
            let featureText = LocalizedText.joined(features.map(Self.featureLabel), en: ", ", zh: "、")
            let warning = tracerOnly
                ? LocalizedText(en: " The \"progression\" rests on bone scans alone: degenerative joints take up tracer too.", zh: "所谓“进展”仅依据骨扫描：退行性关节同样会浓聚示踪剂。")
                : LocalizedText(en: "", zh: "")
            return Finding(
                ruleId: "diagnosis.differential.degenerative", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: point.study.date,
                title: LocalizedText(en: "\(lesion.label.en): degenerative joint disease in the differential", zh: "\(lesion.label.zhHans)：需鉴别退行性骨关节病"),
                detail: LocalizedText(
                    en: "Periarticular change with \(featureText.en) on \(point.study.modality.label.en) (\(point.study.date)). Compare with X-ray before calling it metastasis or progression.\(warning.en)",
                    zh: "\(point.study.date) \(point.study.modality.label.zhHans) 示关节周围改变伴\(featureText.zhHans)。在判定转移或进展前请与 X 线对比。\(warning.zhHans)"),
                inputs: features.map { FindingInput($0, "true") }, sources: [DiagnosisRules.sourceHospital])
        }
    }

    static func featureLabel(_ key: String) -> LocalizedText {
        switch key {
        case "jointSpaceNarrowing": LocalizedText(en: "joint-space narrowing", zh: "关节间隙狭窄")
        case "osteophytes": LocalizedText(en: "osteophytes", zh: "骨赘")
        default: LocalizedText(en: "subchondral cysts", zh: "软骨下囊变")
        }
    }

    /// Never nail an undiagnosed solitary lesion: a primary bone tumour must be excluded first.
    private func solitaryBeforeFixation() -> [Finding] {
        let lesions = index.metastaticLesions
        guard lesions.count == 1, let lesion = lesions.first, index.diagnosticBiopsy(lesion.id) == nil else { return [] }
        let fixations = index.localTreatments(lesion.id, kind: .surgery).filter {
            ($0.procedure?.protectsLongBone ?? false) || $0.procedure == .stabilisation
        }
        guard let fixation = fixations.first else { return [] }
        return [Finding(
            ruleId: "diagnosis.differential.solitaryBeforeFixation", severity: fixation.planned ? .urgent : .warning,
            duty: .diagnosis, specialty: .orthopaedics, subject: .lesion(lesion.id), date: fixation.start ?? index.asOf,
            title: fixation.planned
                ? LocalizedText(en: "\(lesion.label.en): biopsy before fixing an undiagnosed solitary lesion", zh: "\(lesion.label.zhHans)：孤立病灶未确诊前先活检，再内固定")
                : LocalizedText(en: "\(lesion.label.en): a solitary lesion was fixed without a diagnosis", zh: "\(lesion.label.zhHans)：孤立病灶在未确诊时已行内固定"),
            detail: LocalizedText(
                en: "A solitary bone lesion may be a primary bone tumour; nailing it spreads the tumour along the canal and compromises limb salvage. Obtain pathology first.",
                zh: "孤立骨病灶可能是原发骨肿瘤；髓内钉固定会使肿瘤沿髓腔播散，影响保肢。请先取得病理。"),
            inputs: [FindingInput("solitary", "true"), FindingInput("procedure", fixation.procedure?.rawValue ?? "unknown"), FindingInput("planned", fixation.planned.description)],
            sources: [DiagnosisRules.sourceHospital])]
    }
}
