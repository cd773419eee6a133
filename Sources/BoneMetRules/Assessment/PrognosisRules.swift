/// Prognosis scores from the record (the "S" of NOMS): Tokuhashi and Tomita for spinal
/// metastases, Katagiri for all; ranges where the record is silent. PATHFx and SORG are linked
/// with the inputs the case holds, never re-implemented (reference.md).
struct PrognosisRules {
    let index: CaseIndex

    struct Scores {
        var tokuhashi: Tokuhashi.Result?
        var tomita: Tomita.Result?
        var katagiri: Katagiri.Result?
    }

    var metastatic: [Lesion] { index.metastaticLesions }

    func scores() -> Scores {
        guard !metastatic.isEmpty else { return Scores() }
        let spinal = metastatic.filter(\.isSpinal)
        var scores = Scores(katagiri: Katagiri.evaluate(katagiriInput()))
        if !spinal.isEmpty {
            scores.tokuhashi = Tokuhashi.evaluate(tokuhashiInput())
            scores.tomita = Tomita.evaluate(tomitaInput())
        }
        return scores
    }

    func tokuhashiInput() -> Tokuhashi.Input {
        let visceral: Tokuhashi.VisceralMets? = index.record.visceralMetastases.flatMap { list in
            if list.isEmpty { return Tokuhashi.VisceralMets.none }
            if list.contains(where: { $0.removable == false }) { return .unremovable }
            return list.allSatisfy { $0.removable == true } ? .removable : nil
        }
        return Tokuhashi.Input(
            kps: index.latestPerformance()?.kps,
            extraspinalBoneMets: metastatic.filter { !$0.isSpinal }.count,
            vertebralBodyMets: max(1, metastatic.filter { $0.bone == .vertebra }.count),
            visceralMets: visceral, primary: index.mainPrimary?.site ?? (index.record.primaries.isEmpty ? nil : .unknown),
            frankel: index.latestNeurology()?.frankel)
    }

    func tomitaInput() -> Tomita.Input {
        let visceral: Tomita.VisceralMets? = index.record.visceralMetastases.flatMap { list in
            if list.isEmpty { return Tomita.VisceralMets.none }
            if list.contains(where: { $0.treatable == false }) { return .untreatable }
            return list.allSatisfy { $0.treatable == true } ? .treatable : nil
        }
        return Tomita.Input(
            primary: index.mainPrimary?.site ?? (index.record.primaries.isEmpty ? nil : .unknown), visceralMets: visceral,
            boneMets: metastatic.count == 1 ? .solitary : .multiple)
    }

    func katagiriInput() -> Katagiri.Input {
        let visceral: Katagiri.VisceralMets? = index.record.visceralMetastases.flatMap { list in
            if list.isEmpty { return Katagiri.VisceralMets.none }
            if list.contains(where: { $0.pattern == .disseminated }) { return .disseminated }
            return list.allSatisfy { $0.pattern != nil } ? .nodular : nil
        }
        let systemic = index.systemicTherapies
        let chemo: Bool? =
            systemic.contains { $0.systemicClass == .chemotherapy } ? true
            : systemic.contains { $0.systemicClass == nil } ? nil : false
        let primary = index.mainPrimary
        return Katagiri.Input(
            primary: primary?.site ?? (index.record.primaries.isEmpty ? nil : .unknown),
            hormoneDependent: primary.flatMap(Self.hormoneDependent), targetedTherapy: primary?.targetedTherapy, visceralMets: visceral,
            labValues: labValues(), ecog: index.latestPerformance()?.ecog, previousChemotherapy: chemo,
            multipleSkeletalMets: metastatic.count >= 2)
    }

    /// Hormone dependence as recorded, else from receptors: ER or PR positive → dependent;
    /// both negative → independent; "low" or unknown receptors leave it unknown.
    static func hormoneDependent(_ primary: PrimaryCancer) -> Bool? {
        if let recorded = primary.hormoneDependent { return recorded }
        guard primary.site == .breast else { return nil }
        if primary.er == .positive || primary.pr == .positive { return true }
        if primary.er == .negative && primary.pr == .negative { return false }
        return nil
    }

    /// Latest values in Katagiri's units. Calcium is albumin-corrected (Payne 1973:
    /// Ca + 0.8 × (4.0 − albumin g/dL)); without albumin it stays unknown.
    func labValues() -> Katagiri.LabValues {
        let value = { (test: LabTest) in index.latestLab(test)?.canonicalValue }
        let albumin = value(.albumin)
        let corrected = value(.calcium).flatMap { calcium in albumin.map { calcium + 0.8 * (4.0 - $0) } }
        return Katagiri.LabValues(
            crpMgDl: value(.crp), ldhIuL: value(.ldh), albuminGDl: albumin, plateletsPerUl: value(.platelets),
            calciumMgDl: corrected, bilirubinMgDl: value(.bilirubin))
    }

    func findings(_ scores: Scores) -> [Finding] {
        var findings: [Finding] = []
        if let result = scores.tokuhashi {
            findings.append(scoreFinding(
                "surgery.prognosis.tokuhashi", name: LocalizedText(en: "Revised Tokuhashi", zh: "改良 Tokuhashi 评分"),
                total: result.total, band: result.prognosis?.info, components: result.components, specialty: .spineSurgery,
                source: Sources.tokuhashi2005))
        }
        if let result = scores.tomita {
            findings.append(scoreFinding(
                "surgery.prognosis.tomita", name: LocalizedText(en: "Tomita", zh: "Tomita 评分"), total: result.total,
                band: result.strategy?.info, components: result.components, specialty: .spineSurgery, source: Sources.tomita2001))
        }
        if let result = scores.katagiri {
            findings.append(scoreFinding(
                "surgery.prognosis.katagiri", name: LocalizedText(en: "New Katagiri", zh: "新 Katagiri 评分"), total: result.total,
                band: result.risk?.info, components: result.components, specialty: .orthopaedics, source: Sources.katagiri2014))
        }
        if !metastatic.isEmpty { findings.append(survivalModelInputs()) }
        return findings
    }

    private func scoreFinding(
        _ rule: String, name: LocalizedText, total: ScoreTotal, band: BandInfo?, components: [ScoreComponent],
        specialty: Specialty, source: Citation
    ) -> Finding {
        let number = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
        let bandText = band.map { LocalizedText(en: ": \($0.label.en) — \($0.recommendation.en)", zh: "：\($0.label.zhHans)——\($0.recommendation.zhHans)") }
            ?? LocalizedText(en: ": band depends on the missing items", zh: "：分级取决于缺失项")
        let missing = total.missing.isEmpty
            ? LocalizedText(en: "", zh: "")
            : LocalizedText(en: " Missing from the record: \(total.missing.joined(separator: ", ")).", zh: "病历缺失：\(total.missing.joined(separator: ", "))。")
        return Finding(
            ruleId: rule, severity: .info, duty: .surgery, specialty: specialty, subject: .patient, date: index.asOf,
            title: LocalizedText(en: "\(name.en) \(number)\(bandText.en)", zh: "\(name.zhHans) \(number) 分\(bandText.zhHans)"),
            detail: LocalizedText(
                en: "From the record: \(components.map { "\($0.key) \($0.value ?? "?") → \($0.points.map(String.init) ?? "\($0.possible.lowerBound)–\($0.possible.upperBound)")" }.joined(separator: "; ")).\(missing.en)",
                zh: "依据病历：\(components.map { "\($0.key) \($0.value ?? "?") → \($0.points.map(String.init) ?? "\($0.possible.lowerBound)–\($0.possible.upperBound)")" }.joined(separator: "；"))。\(missing.zhHans)"),
            inputs: components.map { FindingInput($0.key, $0.value ?? "unknown") }, sources: [source])
    }

    /// PATHFx 3.0 (Anderson 2020) and SORG (Karhade 2019) inputs the case already holds.
    private func survivalModelInputs() -> Finding {
        let fractured = index.record.events.contains { $0.kind == .pathologicalFracture && index.known($0.date) }
        let lymphNodes = index.record.visceralMetastases.map { list in list.contains { $0.organ.lowercased().contains("lymph") } }
        let visceral = index.record.visceralMetastases.map { list in list.contains { !$0.organ.lowercased().contains("lymph") } }
        let items: [(String, String?)] = [
            ("age", index.ageNow.map(String.init)),
            ("sex", index.record.patient.sex?.rawValue),
            ("primary", index.mainPrimary?.site.rawValue),
            ("ecog", index.latestPerformance()?.ecog.map(String.init)),
            ("fracture", fractured ? "pathological" : "impending"),
            ("boneMetastases", metastatic.count == 1 ? "solitary" : "multiple"),
            ("visceralMetastases", visceral.map { $0.description }),
            ("lymphNodeMetastases", lymphNodes.map { $0.description }),
            ("haemoglobinGDl", index.latestLab(.hemoglobin)?.canonicalValue.map { String(describing: $0) }),
            ("lymphocytes10e9L", index.latestLab(.lymphocytes)?.canonicalValue.map { String(describing: $0) }),
        ]
        let known = items.filter { $0.1 != nil }.map { "\($0.0)=\($0.1 ?? "")" }.joined(separator: ", ")
        let missing = items.filter { $0.1 == nil }.map(\.0).joined(separator: ", ")
        return Finding(
            ruleId: "surgery.prognosis.survivalModelInputs", severity: .info, duty: .surgery, specialty: .orthopaedics,
            subject: .patient, date: index.asOf,
            title: LocalizedText(en: "PATHFx / SORG survival estimate: inputs on record", zh: "PATHFx / SORG 生存预测：病历中已有的输入项"),
            detail: LocalizedText(
                en: "Enter these in PATHFx 3.0 (pathfx.org; survival at 1–24 months) or SORG (90-day and 1-year mortality after spine surgery); BoneMet does not compute their numbers. Known: \(known). Missing: \(missing.isEmpty ? "none" : missing).",
                zh: "请将以下数据输入 PATHFx 3.0（pathfx.org；1–24 个月生存率）或 SORG（脊柱手术后 90 天及 1 年死亡率）；BoneMet 不计算其结果。已有：\(known)。缺失：\(missing.isEmpty ? "无" : missing)。"),
            inputs: items.map { FindingInput($0.0, $0.1 ?? "unknown") },
            sources: [
                Citation(id: "anderson2020", text: "Anderson AB et al. Clin Orthop Relat Res 2020;478:808-18 (PATHFx 3.0)"),
                Citation(id: "karhade2019", text: "Karhade AV et al. Neurosurgery 2019 (SORG)"),
            ])
    }
}
