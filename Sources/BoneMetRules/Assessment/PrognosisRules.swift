/// Prognosis scores from the record (the "S" of NOMS): Tokuhashi and Tomita for spinal
/// metastases, Katagiri for all; ranges where the record is silent. PATHFx and SORG are linked
/// with the inputs the case holds, never re-implemented (reference.md).
struct PrognosisRules {
    let index: CaseIndex

    struct Scores {
        var tokuhashi: Tokuhashi.Result?
        var tomita: Tomita.Result?
        var katagiri: Katagiri.Result?
        /// Totals for each candidate primary when more than one is possible.
        typealias PerPrimary = (primary: PrimaryCancer, katagiri: ScoreTotal, tokuhashi: ScoreTotal?, tomita: ScoreTotal?)
        var perPrimary: [PerPrimary] = []
        /// The primaries the spine's scores were computed for (`spineCandidates`).
        var spinePrimaries: [PrimaryCancer] = []
    }

    var metastatic: [Lesion] { index.metastaticLesions }
    /// Visceral metastases on record: an item they leave open ranges over the present values only
    /// (lung nodules recorded without "treatable" scored Tomita's item 0–4, as if none were known).
    var visceralPresent: Bool { !(visceralMetastases ?? []).isEmpty }
    /// The visceral (and brain) metastases the scores count: the record's, lymph nodes aside
    /// (`VisceralMetastasis.isLymphNode`); nil when not assessed.
    var visceralMetastases: [VisceralMetastasis]? { index.record.visceralMetastases.map { $0.filter { !$0.isLymphNode } } }

    /// The primaries the scores are computed for: the one the bone disease comes from, or every
    /// candidate when that is undecided (never the first of the list); none when none is known.
    var candidates: [PrimaryCancer?] {
        let known = index.bonePrimaryCandidates
        return known.isEmpty ? [nil] : known
    }

    /// The primaries Tokuhashi and Tomita are computed for: those of the spinal metastases, which
    /// the two scores were built on ("primary site of the cancer" of the spinal metastasis,
    /// Tokuhashi 2005; Tomita 2001). A spinal lesion's biopsy settles its primary while a limb
    /// lesion's may stay open: a breast cancer of 2019 and a myeloma of 2026, L4's biopsy
    /// plasma-cell myeloma, a rib unbiopsied — the spine's scores read "depends on which primary".
    /// Every candidate of the bone disease when the spinal lesions name none.
    func spineCandidates(_ spinal: [Lesion]) -> [PrimaryCancer?] {
        let ids = Set(spinal.flatMap { index.primaryCandidates(for: $0.id).map(\.id) })
        let spine = index.bonePrimaryCandidates.filter { ids.contains($0.id) }
        return spine.isEmpty ? candidates : spine
    }

    func scores() -> Scores {
        guard !metastatic.isEmpty, index.loneGiantCellPicture == nil else { return Scores() }
        let spinal = metastatic.filter(\.isSpinal)
        let spine = spinal.isEmpty ? [] : spineCandidates(spinal)
        let katagiri = candidates.map { Katagiri.evaluate(katagiriInput(primary: $0)) }
        var scores = Scores(katagiri: Self.merge(katagiri, rebuild: { components, total in
            Katagiri.Result(components: components, total: total, risk: Katagiri.Risk.of(range: total.range), possibleRisks: Katagiri.Risk.possible(in: total.range))
        }, parts: { ($0.components, $0.total) }))
        if !spinal.isEmpty {
            let tokuhashi = spine.map { Tokuhashi.evaluate(tokuhashiInput(primary: $0)) }
            scores.tokuhashi = Self.merge(tokuhashi, rebuild: { components, total in
                Tokuhashi.Result(components: components, total: total, prognosis: Tokuhashi.Prognosis.of(range: total.range), possiblePrognoses: Tokuhashi.Prognosis.possible(in: total.range))
            }, parts: { ($0.components, $0.total) })
            let tomita = spine.map { Tomita.evaluate(tomitaInput(primary: $0)) }
            scores.tomita = Self.merge(tomita, rebuild: { components, total in
                Tomita.Result(components: components, total: total, strategy: Tomita.Strategy.of(range: total.range), possibleStrategies: Tomita.Strategy.possible(in: total.range), unclassifiedPrimary: nil)
            }, parts: { ($0.components, $0.total) })
        }
        scores.spinePrimaries = spine.compactMap { $0 }
        // The spine's scores per primary only among the spine's own candidates, and only while
        // more than one is open there.
        let spineOpen = scores.spinePrimaries.count > 1
        scores.perPrimary = candidates.count > 1
            ? candidates.compactMap { primary in
                primary.map { p in
                    let onSpine = spineOpen && scores.spinePrimaries.contains { $0.id == p.id }
                    return (p, Katagiri.evaluate(katagiriInput(primary: p)).total,
                     onSpine ? Tokuhashi.evaluate(tokuhashiInput(primary: p)).total : nil,
                     onSpine ? Tomita.evaluate(tomitaInput(primary: p)).total : nil)
                }
            }
            : []
        return scores
    }

    /// One result from the results for each candidate primary: items on which they agree stay,
    /// items on which they differ become ranges (ScoreTotal then gives the range of totals).
    static func merge<R>(_ results: [R], rebuild: ([ScoreComponent], ScoreTotal) -> R, parts: (R) -> ([ScoreComponent], ScoreTotal)) -> R? {
        guard let first = results.first else { return nil }
        guard results.count > 1 else { return first }
        let lists = results.map { parts($0).0 }
        let merged = lists[0].indices.map { i -> ScoreComponent in
            let items = lists.map { $0[i] }
            if Set(items).count == 1 { return items[0] }
            let low = items.map(\.possible.lowerBound).min() ?? 0
            let high = items.map(\.possible.upperBound).max() ?? 0
            let values = items.compactMap(\.value)
            let labels = items.compactMap(\.valueLabel)
            return ScoreComponent(
                key: items[0].key, label: items[0].label, unknownWithin: low...high,
                value: values.isEmpty ? nil : values.joined(separator: " | "),
                valueLabel: labels.isEmpty ? nil : LocalizedText.joined(labels, en: " or ", zh: "或"))
        }
        return rebuild(merged, ScoreTotal(merged))
    }

    func tokuhashiInput(primary: PrimaryCancer?) -> Tokuhashi.Input {
        let visceral: Tokuhashi.VisceralMets? = visceralMetastases.flatMap { list in
            if list.isEmpty { return Tokuhashi.VisceralMets.none }
            if list.contains(where: { $0.removable == false }) { return .unremovable }
            return list.allSatisfy { $0.removable == true } ? .removable : nil
        }
        return Tokuhashi.Input(
            kps: index.currentPerformance()?.kps,
            extraspinalBoneMets: Lesion.siteCount(metastatic.filter { !$0.isSpinal }),
            // The sacrum is part of the spine here as in SINS (levels S1–S5): a sacral lesion
            // beside a vertebral one counted as neither spinal nor extraspinal before 2026.12.11.
            // Vertebral bodies, not lesion records: two records of T11 (two reports entered
            // separately) are one vertebral body (Tokuhashi 2005 counts the bodies involved).
            vertebralBodyMets: max(1, Lesion.siteCount(metastatic.filter(\.isSpinal))),
            visceralMets: visceral, primary: primary?.scoredSite ?? (index.record.primaries.isEmpty ? nil : .unknown),
            frankel: index.currentFrankel(spinal: metastatic.filter(\.isSpinal)), visceralMetsPresent: visceralPresent, ecog: index.currentPerformance()?.ecog,
            // Without a whole-body survey the foci known are the ones looked for (2026.12.48).
            // So are they beside new lesions a study did not itemise (`unitemisedNewLesions`).
            extraspinalCountIsLowerBound: !index.allSitesRecorded,
            vertebralCountIsLowerBound: !index.spineSurveyed || index.unitemisedNewLesions > 0,
            // A record that is several lesions counts as two: at least that many.
            extraspinalIncludesSeveral: metastatic.contains { !$0.isSpinal && $0.namesSeveral },
            vertebralIncludesSeveral: metastatic.contains { $0.isSpinal && $0.namesSeveral },
            unitemisedNewLesions: index.unitemisedNewLesions > 0,
            palsyWithoutGrade: index.currentDeficitWithoutGrade(spinal: metastatic.filter(\.isSpinal)),
            surveyReportOnly: !index.skeletonSurveyed && index.skeletonSurveyUnread,
            spineSurveyReportOnly: !index.spineSurveyed && index.studies.contains { $0.surveysWholeSpine && $0.readingNotRecorded })
    }

    func tomitaInput(primary: PrimaryCancer?) -> Tomita.Input {
        let visceral: Tomita.VisceralMets? = visceralMetastases.flatMap { list in
            if list.isEmpty { return Tomita.VisceralMets.none }
            if list.contains(where: { $0.treatable == false }) { return .untreatable }
            return list.allSatisfy { $0.treatable == true } ? .treatable : nil
        }
        return Tomita.Input(
            primary: primary?.scoredSite ?? (index.record.primaries.isEmpty ? nil : .unknown), visceralMets: visceral,
            boneMets: boneMetastasesSolitary.map { $0 ? .solitary : .multiple }, visceralMetsPresent: visceralPresent)
    }

    func katagiriInput(primary: PrimaryCancer?) -> Katagiri.Input {
        let visceral: Katagiri.VisceralMets? = visceralMetastases.flatMap { list in
            if list.isEmpty { return Katagiri.VisceralMets.none }
            if list.contains(where: { $0.katagiriPattern == .disseminated }) { return .disseminated }
            return list.allSatisfy { $0.katagiriPattern != nil } ? .nodular : nil
        }
        // As recorded, else read from the drugs named (DrugClasses); "no" only when every
        // regimen's class is known.
        let readings = index.systemicReadings.map(\.reading)
        let chemo: Bool? =
            readings.contains { $0.classes.contains(.chemotherapy) } || !chemotherapyInPathologyText.isEmpty ? true
            : readings.contains { !$0.complete } || !conjugatesGiven.isEmpty ? nil : false
        return Katagiri.Input(
            primary: primary?.scoredSite ?? (index.record.primaries.isEmpty ? nil : .unknown),
            hormoneDependent: primary.flatMap(hormoneDependent), targetedTherapy: primary.flatMap(targetedTherapy), visceralMets: visceral,
            labValues: labValues(), ecog: index.currentPerformance()?.ecog, previousChemotherapy: chemo,
            multipleSkeletalMets: boneMetastasesSolitary.map { !$0 }, visceralMetsPresent: visceralPresent,
            kps: index.currentPerformance()?.kps)
    }

    /// One metastatic site or several; nil for one site not yet surveyed for others (no bone
    /// scan, PET-CT or whole-body study): a lesion is "solitary" only when the skeleton was looked
    /// at — Tomita's solitary point and "wide or marginal excision" were given to a T8 never
    /// screened (rule set 2026.12.48).
    var boneMetastasesSolitary: Bool? {
        let sites = index.metastaticSiteCount
        if sites >= 2 { return false }
        return index.allSitesRecorded ? true : nil
    }

    /// Whether a lung primary is treated with molecular targeted therapy (Katagiri 2014's
    /// "moderate growth" lung cancer): as recorded, else from a systemic therapy on record whose
    /// class is targeted (an EGFR or ALK inhibitor; the class recorded, read from the drug names
    /// or an EHR import's ATC code); no when every regimen's drugs are known and none is
    /// targeted. Nothing on record: unknown.
    func targetedTherapy(_ primary: PrimaryCancer) -> Bool? {
        if let recorded = primary.targetedTherapy { return recorded }
        guard primary.site == .lung else { return nil }
        // With another cancer on record, a regimen begun before the lung cancer was diagnosed was
        // the other's: a breast cancer's trastuzumab and pertuzumab of 2017 made the lung cancer
        // of 2026, EGFR wild-type and not yet treated, "moderate growth (targeted therapy)"
        // (unseen record cb78-p).
        let others = index.knownPrimaries.count > 1
        let readings = index.systemicReadings.filter { therapy, _ in
            guard others, let diagnosed = primary.diagnosed, let start = therapy.start else { return true }
            return start.latestDay >= diagnosed.earliestDay
        }.map(\.reading)
        // A recorded class is taken as it stands here: drugs it does not name add chemotherapy
        // (a cytotoxic is one whatever the record calls the regimen), but "targeted" by drug name
        // also takes in antibodies such as bevacizumab, which a clinician who recorded the
        // regimen as chemotherapy did not count as Katagiri's targeted therapy.
        if readings.contains(where: { $0.classes.subtracting($0.beyondRecorded).contains(.targeted) }) { return true }
        // Regimens on record, every drug of a known class and none targeted: not treated with
        // targeted therapy — Katagiri scores the treatment received (a small-cell cancer on
        // etoposide, carboplatin and atezolizumab stayed "2–3").
        return !readings.isEmpty && readings.allSatisfy(\.complete) ? false : nil
    }

    /// The primaries whose pathology text states chemotherapy given ("直肠腺癌 pT3N1M0，术后辅助化疗",
    /// "osteosarcoma after MAP chemotherapy"), read as the drug classes read a regimen (a negation —
    /// "未化疗", "declined" — reads none), unless it is only planned ("拟", "planned"). A rectal
    /// cancer's adjuvant CAPEOX, written in the histology and in no treatment row, left New
    /// Katagiri's "previous chemotherapy" at no (unseen record cb29-g, the regimen left out).
    var chemotherapyInPathologyText: [PrimaryCancer] {
        index.knownPrimaries.filter { primary in
            guard let text = primary.histology, DrugClasses.classes(in: text).contains(.chemotherapy) else { return false }
            return !["拟", "计划", "将行", "planned", "to start", "scheduled"].contains(where: text.lowercased().contains)
        }
    }

    /// The regimens whose class New Katagiri used was read from their drugs' names, said so that
    /// the clinician can check it ("cisplatin + pemetrexed: chemotherapy").
    /// The antibody–drug conjugates given (`DrugClasses.conjugateNamed`).
    var conjugatesGiven: [String] {
        index.systemicTherapies.compactMap(DrugClasses.conjugateNamed(in:))
    }

    func classesReadFromDrugs() -> LocalizedText? {
        let read = index.systemicReadings.compactMap { therapy, reading -> LocalizedText? in
            // Read from the drugs: every class of an unclassed regimen, and what a classed one's
            // drugs add to its recorded class.
            let fromDrugs = reading.recorded ? reading.beyondRecorded : reading.classes
            guard !fromDrugs.isEmpty else { return nil }
            let classes = SystemicClass.allCases.filter(fromDrugs.contains).map(\.label)
            let list = LocalizedText.joined(classes, en: ", ", zh: "、")
            // What the drugs add is said beside the class recorded: "pemetrexed + carboplatin +
            // pembrolizumab: immunotherapy" read as if the recorded chemotherapy had been
            // overruled (unseen record cb61-d).
            if reading.recorded, let stated = therapy.systemicClass {
                return LocalizedText(
                    en: "\(therapy.displayName.en): recorded as \(stated.label.en), its drugs add \(list.en)",
                    zh: "\(therapy.displayName.zhHans)：记录为\(stated.label.zhHans)，按药物另含\(list.zhHans)")
            }
            return LocalizedText(en: "\(therapy.displayName.en): \(list.en)", zh: "\(therapy.displayName.zhHans)：\(list.zhHans)")
        }
        let texts = chemotherapyInPathologyText.compactMap(\.histology)
        let stated = texts.isEmpty || index.systemicReadings.contains(where: { $0.reading.classes.contains(.chemotherapy) })
            ? nil
            : LocalizedText(
                en: " Previous chemotherapy as the pathology text states it (\(texts.joined(separator: "; "))): record the regimen.",
                zh: "既往化疗依据病理文本所述（\(texts.joined(separator: "；"))）：请录入该方案。")
        guard !read.isEmpty else { return stated }
        let list = LocalizedText.joined(read, en: "; ", zh: "；")
        let conjugates = conjugatesGiven.isEmpty || index.systemicReadings.contains(where: { $0.reading.classes.contains(.chemotherapy) })
            ? nil
            : LocalizedText(
                en: " \(conjugatesGiven.joined(separator: ", ")): an antibody–drug conjugate, classed with its antibody but carrying a cytotoxic payload — whether it counts as previous chemotherapy is not settled by Katagiri 2014, which predates it.",
                zh: "\(conjugatesGiven.joined(separator: "、"))：抗体偶联药物，按其抗体归类，但携带细胞毒载荷——是否计为既往化疗，早于其问世的 Katagiri 2014 未能确定。")
        return LocalizedText(
            en: " Class of systemic therapy read from the drugs named (WHO ATC classes): \(list.en).\(stated?.en ?? "")\(conjugates?.en ?? "")",
            zh: "全身治疗类别按所列药物判断（世界卫生组织药物分类）：\(list.zhHans)。\(stated?.zhHans ?? "")\(conjugates?.zhHans ?? "")")
    }

    /// Latest values in Katagiri's units. Calcium is albumin-corrected (Payne 1973:
    /// Ca + 0.8 × (4.0 − albumin g/dL)); without albumin it stays unknown.
    func labValues() -> Katagiri.LabValues {
        let value = { (test: LabTest) in index.currentLab(test)?.canonicalValue }
        let albumin = value(.albumin)
        let corrected = value(.calcium).flatMap { calcium in albumin.map { calcium + 0.8 * (4.0 - $0) } }
        return Katagiri.LabValues(
            crpMgDl: value(.crp), ldhIuL: value(.ldh), albuminGDl: albumin, plateletsPerUl: value(.platelets),
            calciumMgDl: corrected, bilirubinMgDl: value(.bilirubin))
    }

    func findings(_ scores: Scores) -> [Finding] {
        var findings: [Finding] = []
        let byPrimary = { (pick: (PrognosisRules.Scores.PerPrimary) -> ScoreTotal?) -> LocalizedText? in
            guard !scores.perPrimary.isEmpty else { return nil }
            let parts = scores.perPrimary.compactMap { entry -> LocalizedText? in
                guard let total = pick(entry) else { return nil }
                let number = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
                return LocalizedText(en: "\(entry.primary.label.en) \(number)", zh: "\(entry.primary.label.zhHans) \(number) 分")
            }
            guard parts.count > 1 else { return nil }
            let list = LocalizedText.joined(parts, en: "; ", zh: "；")
            return LocalizedText(
                en: " Depends on which primary the bone disease comes from (\(list.en)): biopsy decides — no primary is picked silently.",
                zh: "取决于骨病灶来源于哪个原发灶（\(list.zhHans)）：需活检确定——不会默认选取任一原发灶。")
        }
        // Tokuhashi (2005) and Tomita (2001) score lung cancer by its organ alone; New Katagiri
        // (2014) showed that lung cancer treated with molecular targeted drugs grows as
        // "moderate" and scores it so. Said wherever the two older scores meet such a primary.
        let targetedLung = scores.spinePrimaries.contains { $0.site == .lung && targetedTherapy($0) == true }
        let olderScoreNote = { (note: LocalizedText?) -> LocalizedText? in
            guard targetedLung else { return note }
            let caveat = LocalizedText(
                en: " Caveat: this score predates molecular targeted therapy and scores lung cancer by its organ alone; on targeted therapy lung cancer grows as 'moderate' in New Katagiri (Katagiri 2014), so this likely underestimates survival.",
                zh: "注意：该评分早于分子靶向治疗，仅按器官计肺癌；接受靶向治疗的肺癌在新 Katagiri 评分中按“中速生长”计（Katagiri 2014），本评分可能低估生存期。")
            return LocalizedText(en: "\(note?.en ?? "")\(caveat.en)", zh: "\(note?.zhHans ?? "")\(caveat.zhHans)")
        }
        // A performance scale read for the other one cites the conversions it was read by.
        let performance = index.currentPerformance()
        let conversions = { (converted: Bool) -> [Citation] in converted ? PerformanceConversion.citations : [] }
        // Tokuhashi (2005) and Tomita (2001) were built on, and advise on, spinal metastases:
        // named so, "Tomita 10: terminal care — non-operative supportive care" read as the answer
        // for a fractured femoral neck whose fixation the same assessment advised.
        if let result = scores.tokuhashi {
            findings.append(scoreFinding(
                "surgery.prognosis.tokuhashi", name: LocalizedText(en: "Revised Tokuhashi (spinal metastases)", zh: "改良 Tokuhashi 评分（脊柱转移）"),
                total: result.total, band: result.prognosis?.info, operative: result.prognosis.map { $0 != .lessThan6Months } ?? false,
                components: result.components, specialty: .spineSurgery,
                source: Sources.tokuhashi2005, note: olderScoreNote(byPrimary { $0.tokuhashi }),
                also: (targetedLung ? [Sources.katagiri2014] : []) + conversions(performance?.kps == nil && performance?.ecog != nil)))
        }
        if let result = scores.tomita {
            findings.append(scoreFinding(
                "surgery.prognosis.tomita", name: LocalizedText(en: "Tomita (spinal metastases)", zh: "Tomita 评分（脊柱转移）"), total: result.total,
                band: result.strategy?.info, operative: result.strategy.map { $0 != .supportiveCare } ?? false,
                components: result.components, specialty: .spineSurgery, source: Sources.tomita2001,
                note: olderScoreNote(byPrimary { $0.tomita }), also: targetedLung ? [Sources.katagiri2014] : []))
        }
        if let result = scores.katagiri {
            findings.append(scoreFinding(
                "surgery.prognosis.katagiri", name: LocalizedText(en: "New Katagiri", zh: "新 Katagiri 评分"), total: result.total,
                band: result.risk?.info, components: result.components, specialty: .orthopaedics, source: Sources.katagiri2014,
                note: LocalizedText.joined([byPrimary { $0.katagiri }, classesReadFromDrugs(), hormoneDependenceReadFromTherapy(), hormoneDependenceReadFromMetastasis(), hormoneDependenceReadFromPSA()].compactMap { $0 }, en: "", zh: ""),
                also: conversions(performance?.ecog == nil && performance?.kps != nil)))
        }
        if let lesion = index.loneGiantCellPicture {
            findings.append(Finding(
                ruleId: "surgery.prognosis.afterDiagnosis", severity: .info, duty: .surgery, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: index.firstSeen(lesion.id),
                title: LocalizedText(en: "Prognosis scores: after the pathology", zh: "预后评分：待病理结果后"),
                detail: LocalizedText(
                    en: "The only bone lesion — \(index.label(lesion).en) — is undiagnosed, with the picture of a giant cell tumour in a young adult, and no cancer is on record. The revised Tokuhashi, Tomita and New Katagiri scores and the PATHFx and SORG models are for bone metastases: they apply once pathology shows one.",
                    zh: "\(index.label(lesion).zhHans)为唯一骨病灶，尚未确诊，表现符合青壮年骨巨细胞瘤，且病历中无恶性肿瘤。改良 Tokuhashi、Tomita、新 Katagiri 评分及 PATHFx、SORG 模型适用于骨转移：待病理证实为转移后再评估。"),
                inputs: [FindingInput("lesion", lesion.id)],
                sources: [Sources.tokuhashi2005, Sources.tomita2001, Sources.katagiri2014]))
        } else if !metastatic.isEmpty {
            findings.append(survivalModelInputs())
            if let outdated = outdatedInputsFinding() { findings.append(outdated) }
        }
        return findings
    }

    private func scoreFinding(
        _ rule: String, name: LocalizedText, total: ScoreTotal, band: BandInfo?, operative: Bool = false, components: [ScoreComponent],
        specialty: Specialty, source: Citation, note: LocalizedText? = nil, also: [Citation] = []
    ) -> Finding {
        let number = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
        // The band in brackets: "Revised Tokuhashi 12–14: 12–15: expected survival ≥ 1 year" read
        // as two scores. A band's operation is the score's strategy where surgery is chosen:
        // "Revised Tokuhashi 13–14 — excisional surgery" stood beside "urgent conventional
        // radiotherapy" for a stable, radiosensitive T9 with ESCC 3 (cb25-l) — whether to operate
        // is NOMS's (the spine finding), how far to resect the score's.
        let ifOperated = operative ? LocalizedText(en: "if operated: ", zh: "如手术：") : LocalizedText(en: "", zh: "")
        let bandText = band.map {
            LocalizedText(
                en: " (\($0.label.en)) — \(ifOperated.en)\($0.recommendation.en)",
                zh: "（\($0.label.zhHans)）——\(ifOperated.zhHans)\($0.recommendation.zhHans)")
        } ?? LocalizedText(en: ": band depends on the missing items", zh: "：分级取决于缺失项")
        // The items in words, for the detail only (`assess(details:)`: a stored row is the title).
        func detail() -> LocalizedText {
            let unknown = components.filter { $0.points == nil }
            let missing = unknown.isEmpty
                ? LocalizedText(en: "", zh: "")
                : LocalizedText(
                    en: " Not settled by the record: \(unknown.map(\.label.en).joined(separator: ", ")).",
                    zh: "病历未能确定：\(unknown.map(\.label.zhHans).joined(separator: "、"))。")
            // "label: value → points" in both languages: "ECOG performance status 3–4 ECOG 1 → 0"
            // read as one run of words (rule set 2026.12.404).
            let items = components.map { component -> LocalizedText in
                let value = component.valueLabel ?? LocalizedText(en: "unknown", zh: "未知")
                let points = component.points.map(String.init) ?? "\(component.possible.lowerBound)–\(component.possible.upperBound)"
                return LocalizedText(en: "\(component.label.en): \(value.en) → \(points)", zh: "\(component.label.zhHans)：\(value.zhHans) → \(points) 分")
            }
            let list = LocalizedText.joined(items, en: "; ", zh: "；")
            let noms = operative
                ? LocalizedText(
                    en: " Whether to operate on a lesion follows NOMS (neurology, oncology, stability, systemic disease — the spine findings); the score's strategy says how far to resect where surgery is chosen.",
                    zh: "是否对病灶手术依据 NOMS（神经、肿瘤学、稳定性、全身情况——见脊柱相关提示）；本评分的策略用于已决定手术时的切除范围。")
                : LocalizedText(en: "", zh: "")
            return LocalizedText(
                en: "From the record: \(list.en).\(missing.en)\(note?.en ?? "")\(noms.en)",
                zh: "依据病历：\(list.zhHans)。\(missing.zhHans)\(note?.zhHans ?? "")\(noms.zhHans)")
        }
        return Finding(
            ruleId: rule, severity: .info, duty: .surgery, specialty: specialty, subject: .patient, date: index.assessedOn,
            title: LocalizedText(en: "\(name.en) \(number)\(bandText.en)", zh: "\(name.zhHans) \(number) 分\(bandText.zhHans)"),
            detail: detail(),
            inputs: components.map { FindingInput($0.key, $0.value ?? "unknown") }, sources: [source] + also)
    }

    /// The inputs PATHFx and SORG ask for, as the record holds them.
    private func survivalModelItems() -> [SurvivalModelItem] {
        let fractured = index.hasPathologicalFracture
        let collapsedVertebrae = LocalizedText.joined(
            index.imagedFractures.filter { $0.point.observation.fracture != true && index.antiresorptiveFractures[$0.lesion.id] == nil }.map { index.label($0.lesion) },
            en: ", ", zh: "、")
        let lymphNodes = index.record.visceralMetastases.map { list in list.contains(where: \.isLymphNode) }
        let visceral = index.record.visceralMetastases.map { list in list.contains { !$0.isLymphNode } }
        let primary: LocalizedText? = index.bonePrimary.map { $0.site.label } ?? (index.bonePrimaryCandidates.count > 1
            ? LocalizedText(
                en: "undecided (\(LocalizedText.joined(index.bonePrimaryCandidates.map(\.site.label), en: " or ", zh: "或").en))",
                zh: "未定（\(LocalizedText.joined(index.bonePrimaryCandidates.map(\.site.label), en: " or ", zh: "或").zhHans)）")
            : nil)
        // ECOG as recorded, else the grades a recorded KPS stands for (`PerformanceConversion`).
        let performance = index.currentPerformance()
        let ecog: (value: String?, text: LocalizedText?) = {
            if let grade = performance?.ecog { return ("\(grade)", LocalizedText(en: "\(grade)", zh: "\(grade)")) }
            guard let kps = performance?.kps, let grades = PerformanceConversion.ecogRange(kps: kps) else { return (nil, nil) }
            let range = grades.lowerBound == grades.upperBound ? "\(grades.lowerBound)" : "\(grades.lowerBound)–\(grades.upperBound)"
            return (range, LocalizedText(
                en: "\(range) (KPS \(kps) by the published conversions)", zh: "\(range)（按已发表的换算由 KPS \(kps) 得出）"))
        }()
        let age = index.ageRangeNow.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
        let haemoglobin = index.currentLab(.hemoglobin)?.canonicalValue.map { CaseIndex.format($0, decimals: 1) }
        let lymphocytes = index.currentLab(.lymphocytes)?.canonicalValue.map { CaseIndex.format($0, decimals: 2) }
        // Each input by its key (the finding's inputs, for machines), its clinical name and its
        // value in each language (the text: a Chinese page shows no field names or codes).
        return [
            // A birth year alone gives two ages through most of the year: both, not the older.
            .init("age", age, LocalizedText(en: "age", zh: "年龄"), age.map { LocalizedText(en: $0, zh: "\($0) 岁") }),
            .init("sex", index.record.patient.sex?.rawValue, LocalizedText(en: "sex", zh: "性别"), index.record.patient.sex?.label),
            .init("primary", index.bonePrimary?.site.rawValue
                ?? (index.bonePrimaryCandidates.count > 1 ? "undecided: " + index.bonePrimaryCandidates.map(\.site.rawValue).joined(separator: " or ") : nil),
                LocalizedText(en: "primary", zh: "原发灶"), primary),
            .init("ecog", ecog.value, LocalizedText(en: "ECOG", zh: "ECOG"), ecog.text),
            .init("fracture", fractured ? "pathological" : "impending", LocalizedText(en: "fracture", zh: "骨折"),
                fractured
                    ? LocalizedText(en: "pathological", zh: "已发生病理性骨折")
                    : collapsedVertebrae.en.isEmpty
                    ? LocalizedText(en: "impending (not fractured)", zh: "即将骨折（尚未骨折）")
                    // A collapsed vertebra is counted as a fracture by the SRE finding; "not
                    // fractured" beside it read as a contradiction (cb23-e, T12 collapse > 50 %).
                    : LocalizedText(
                        en: "impending (no long bone broken; the collapse of \(collapsedVertebrae.en) is a vertebral fracture — for the spine use SORG)",
                        zh: "即将骨折（无长骨骨折；\(collapsedVertebrae.zhHans)塌陷属椎体骨折——脊柱请用 SORG）")),
            .init("boneMetastases", boneMetastasesSolitary.map { $0 ? "solitary" : "multiple" }, LocalizedText(en: "bone metastases", zh: "骨转移"),
                boneMetastasesSolitary.map { $0 ? LocalizedText(en: "solitary", zh: "单发") : LocalizedText(en: "multiple", zh: "多发") }),
            .init("visceralMetastases", visceral.map { $0.description }, LocalizedText(en: "visceral metastases", zh: "内脏转移"),
                visceral.map { $0 ? LocalizedText(en: "yes", zh: "有") : LocalizedText(en: "no", zh: "无") }),
            .init("lymphNodeMetastases", lymphNodes.map { $0.description }, LocalizedText(en: "lymph-node metastases", zh: "淋巴结转移"),
                lymphNodes.map { $0 ? LocalizedText(en: "yes", zh: "有") : LocalizedText(en: "no", zh: "无") }),
            .init("haemoglobinGDl", haemoglobin, LocalizedText(en: "haemoglobin", zh: "血红蛋白"),
                haemoglobin.map { LocalizedText(en: "\($0) g/dL", zh: "\($0) g/dL") }),
            .init("lymphocytes10e9L", lymphocytes, LocalizedText(en: "lymphocytes", zh: "淋巴细胞计数"),
                lymphocytes.map { LocalizedText(en: "\($0) ×10⁹/L", zh: "\($0) ×10⁹/L") }),
        ]
    }

    /// PATHFx 3.0 (Anderson 2020) and SORG (Karhade 2019) inputs the case already holds.
    private func survivalModelInputs() -> Finding {
        // The items are written into the detail and the inputs only (`assess(details:)`: a stored
        // row is the title), read once for both.
        lazy var items = survivalModelItems()
        func detail() -> LocalizedText {
            let known = LocalizedText.joined(
                items.compactMap { item in item.text.map { LocalizedText(en: "\(item.label.en) \($0.en)", zh: "\(item.label.zhHans) \($0.zhHans)") } },
                en: ", ", zh: "；")
            let absent = items.filter { $0.text == nil }.map(\.label)
            let missing = absent.isEmpty ? LocalizedText(en: "none", zh: "无") : LocalizedText.joined(absent, en: ", ", zh: "、")
            return LocalizedText(
                en: "Enter these in PATHFx 3.0 (pathfx.org; survival at 1–24 months) or SORG (90-day and 1-year mortality after spine surgery); BoneMet does not compute their numbers. Known: \(known.en.isEmpty ? "none" : known.en). Missing: \(missing.en).",
                zh: "请将以下数据输入 PATHFx 3.0（pathfx.org；1–24 个月生存率）或 SORG（脊柱手术后 90 天及 1 年死亡率）；BoneMet 不计算其结果。已有：\(known.zhHans.isEmpty ? "无" : known.zhHans)。缺失：\(missing.zhHans)。")
        }
        return Finding(
            ruleId: "surgery.prognosis.survivalModelInputs", severity: .info, duty: .surgery, specialty: .orthopaedics,
            subject: .patient, date: index.assessedOn,
            title: LocalizedText(en: "PATHFx / SORG survival estimate: inputs on record", zh: "PATHFx / SORG 生存预测：病历中已有的输入项"),
            detail: detail(),
            inputs: items.map { FindingInput($0.key, $0.value ?? "unknown") },
            sources: [
                Citation(id: "anderson2020", text: "Anderson AB et al. Clin Orthop Relat Res 2020;478:808-18 (PATHFx 3.0)"),
                Citation(id: "karhade2019", text: "Karhade AV et al. Neurosurgery 2019 (SORG)"),
            ])
    }
}

/// One input of the PATHFx / SORG finding: its key and value for machines, its clinical name and
/// value for people.
private struct SurvivalModelItem {
    let key: String
    let value: String?
    let label: LocalizedText
    let text: LocalizedText?

    init(_ key: String, _ value: String?, _ label: LocalizedText, _ text: LocalizedText?) {
        self.key = key
        self.value = value
        self.label = label
        self.text = text
    }
}
