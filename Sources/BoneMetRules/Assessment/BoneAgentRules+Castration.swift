/// A prostate cancer's castration status as the record settles it for the bone-modifying agent's
/// indication (and New Katagiri's hormone dependence): progression under androgen deprivation —
/// a confirmed PCWG3 PSA progression, or a hormonal regimen stopped for progression — with
/// testosterone at castrate level is castration resistance (Scher HI et al. J Clin Oncol
/// 2016;34:1402-18).
extension BoneAgentRules {
    /// The latest PSA progression by PCWG3 under a hormonal therapy still running.
    func psaProgressionUnderADT() -> PCWG3Rules.PSAProgression? {
        PCWG3Rules(index: index).psaProgressions().last { progression in
            progression.followedBy == nil && DrugClasses.reading(progression.therapy).classes.contains(.endocrine)
        }
    }

    /// Castrate testosterone (PCWG3, Scher 2016: < 50 ng/dL, 1.7 nmol/L).
    static let castrateTestosteroneNgDl = LabTest.castrateTestosteroneNgDl

    /// The latest testosterone measured under the androgen deprivation of a PSA progression.
    func testosteroneUnderADT(_ progression: PCWG3Rules.PSAProgression) -> LabResult? {
        guard let start = progression.therapy.start else { return nil }
        return index.labs.last { $0.test == .testosterone && $0.canonicalValue != nil && $0.date.earliestDay >= start.earliestDay }
    }

    /// The castration status a PSA progression under androgen deprivation and the testosterone
    /// measured under it settle: castrate (< 50 ng/dL) — castration-resistant, the agent indicated
    /// (PCWG3; Fizazi 2011); not castrate — not castration resistance as it stands, the androgen
    /// deprivation not achieving castration. The findings asked to "check testosterone and record
    /// the status" and had no place for the result (rule set 2026.12.194).
    func castrationSettledByTestosterone() -> Indication? {
        guard let progression = psaProgressionUnderADT(), let testosterone = testosteroneUnderADT(progression),
            let ngDl = testosterone.canonicalValue
        else { return castrationResistanceByStoppedADT() ?? castrationResistanceByBoneScan() ?? castrationResistanceByPSAUnderDeprivation() }
        let psa = Self.psaProgressionClause(progression)
        let value = Self.testosteroneText(testosterone, ngDl: ngDl)
        if ngDl < Self.castrateTestosteroneNgDl {
            return Self.castrationResistant(cause: psa, testosterone: testosterone, value: value)
        }
        return Indication(verdict: .unknown, text: LocalizedText(
            en: "Prostate cancer:\(psa.en), but testosterone is not at castrate level (\(value.en), \(testosterone.date); castrate < 50 ng/dL, PCWG3): not castration resistance as it stands — the androgen deprivation is not achieving castration; check it with medical oncology. The agent prevents SREs once castration-resistant (Fizazi 2011), not in castration-sensitive disease (CALGB 90202).",
            zh: "前列腺癌：\(psa.zhHans)，但睾酮未达去势水平（\(testosterone.date) \(value.zhHans)；去势水平 < 50 ng/dL，PCWG3）：目前尚不属于去势抵抗——雄激素剥夺未达到去势效果，请与肿瘤内科核查。骨改良药物仅在去势抵抗阶段预防 SRE（Fizazi 2011），去势敏感阶段无获益（CALGB 90202）。"),
            sources: [PCWG3Rules.source, Self.fizazi2011, Self.smith2014])
    }

    /// A hormonal regimen stopped for progression with testosterone at castrate level measured
    /// under it (from its start to `regimenGapDays` after its end: a depot's castration outlasts
    /// the last injection) — progression despite castration, castration resistance by PCWG3.
    /// Goserelin + bicalutamide stopped for progression in August, testosterone 0.3 ng/mL in
    /// October, abiraterone begun, read "record the castration status" (unseen record cb67-e,
    /// 2026.12.268). A testosterone above castrate level then proves nothing either way (the
    /// deprivation may have ended), so only castration settles it.
    func castrationResistanceByStoppedADT() -> Indication? {
        for regimen in index.systemicTherapies.reversed() where regimen.stopReason == .progression {
            guard let start = regimen.start, let end = regimen.end, index.known(end),
                DrugClasses.reading(regimen).classes.contains(.endocrine)
            else { continue }
            // Measured under the androgen deprivation running through the regimen's end — its
            // own, or a GnRH agonist beneath it: enzalutamide stopped for progression on
            // goserelin given throughout, testosterone 0.3 nmol/L under goserelin a month before
            // enzalutamide began, read "record the castration status" (unseen record cb114-j).
            let from = min(start.earliestDay, deprivationStart(runningOn: end.latestDay) ?? start.earliestDay)
            guard
                let testosterone = index.labs.last(where: { lab in
                    lab.test == .testosterone && lab.date.earliestDay >= from
                        && lab.date.earliestDay <= end.latestDay + index.settings.regimenGapDays
                        && (lab.canonicalValue.map { $0 < Self.castrateTestosteroneNgDl } ?? false)
                }),
                let ngDl = testosterone.canonicalValue
            else { continue }
            let cause = LocalizedText(
                en: " \(regimen.displayName.en) was stopped for progression (\(end))", zh: "\(regimen.displayName.zhHans)因进展停用（\(end)）")
            return Self.castrationResistant(cause: cause, testosterone: testosterone, value: Self.testosteroneText(testosterone, ngDl: ngDl))
        }
        return nil
    }

    /// The first day of the androgen deprivation running on `day`: the earliest start among the
    /// hormonal regimens begun by then and not ended before it (PCWG3 keeps castration beneath
    /// every later line, Scher 2016).
    func deprivationStart(runningOn day: Int) -> Int? {
        index.systemicTherapies.filter { regimen in
            guard !regimen.planned, let start = regimen.start, start.earliestDay <= day else { return false }
            if let end = regimen.end, end.latestDay < day { return false }
            return DrugClasses.reading(regimen).classes.contains(.endocrine)
        }.compactMap { $0.start?.earliestDay }.min()
    }

    /// Radiographic progression under androgen deprivation with castrate testosterone is
    /// castration resistance as PSA progression is (PCWG3: progression — PSA, radiographic or
    /// both — with testosterone < 50 ng/dL; Scher 2016). A bone-scan progression confirmed by
    /// the 2+2 rule on goserelin, testosterone 0.3 nmol/L a week before the scan, and radium-223
    /// given since, read "record the castration status" (unseen record cb114-j). The latest
    /// testosterone measured under that deprivation up to the confirming scan decides.
    func castrationResistanceByBoneScan() -> Indication? {
        let verdicts = PCWG3Rules(index: index).verdicts().values.sorted { $0.scan.date.earliestDay > $1.scan.date.earliestDay }
        for verdict in verdicts {
            guard case .progression(let confirmedBy) = verdict.status,
                let confirmation = index.studies.first(where: { $0.id == confirmedBy }),
                let from = deprivationStart(runningOn: verdict.scan.date.earliestDay),
                let testosterone = index.labs.last(where: { lab in
                    lab.test == .testosterone && lab.canonicalValue != nil && lab.date.earliestDay >= from
                        && lab.date.earliestDay <= confirmation.date.latestDay + index.settings.regimenGapDays
                }),
                let ngDl = testosterone.canonicalValue, ngDl < Self.castrateTestosteroneNgDl
            else { continue }
            let cause = LocalizedText(
                en: " bone-scan progression under androgen deprivation (PCWG3 2+2: dated \(verdict.scan.date), confirmed \(confirmation.date))",
                zh: "雄激素剥夺治疗中骨扫描进展（PCWG3 2+2：\(verdict.scan.date) 起算，\(confirmation.date) 确认）")
            return Self.castrationResistant(cause: cause, testosterone: testosterone, value: Self.testosteroneText(testosterone, ngDl: ngDl))
        }
        return nil
    }

    /// A PSA progression confirmed under the androgen deprivation running beneath the regimens
    /// added to it (`PCWG3Rules.psaProgressionUnderDeprivation`), with castrate testosterone — the
    /// latest measured under that deprivation: castration resistance by PCWG3, whichever added
    /// regimen each value fell in. Leuprorelin since 2022 with abiraterone to July 2025, PSA 4.0 →
    /// 12.2 → 38.5 ng/mL, docetaxel begun between the last two, testosterone 18 ng/dL, read "record
    /// the castration status": the rise was abiraterone's, its confirmation docetaxel's, and
    /// neither regimen's own (unseen EHR bundle ehr2, 2026.12.398).
    func castrationResistanceByPSAUnderDeprivation() -> Indication? {
        guard let found = PCWG3Rules(index: index).psaProgressionUnderDeprivation(deprivationStart: deprivationStart(runningOn:)),
            let testosterone = index.labs.last(where: { lab in
                lab.test == .testosterone && lab.canonicalValue != nil && deprivationStart(runningOn: lab.date.earliestDay) == found.from
            }),
            let ngDl = testosterone.canonicalValue, ngDl < Self.castrateTestosteroneNgDl
        else { return nil }
        let since = PartialDate(dayNumber: found.from)
        let format = PCWG3Rules.psaNumber
        let cause = LocalizedText(
            en: " PSA progresses under androgen deprivation (since \(since): \(format(found.reference.value)) → \(format(found.rise.value)) → \(format(found.confirmation.value)) ng/mL, confirmed \(found.confirmation.date))",
            zh: "雄激素剥夺治疗中 PSA 进展（\(since) 起：\(format(found.reference.value)) → \(format(found.rise.value)) → \(format(found.confirmation.value)) ng/mL，\(found.confirmation.date) 确认）")
        return Self.castrationResistant(cause: cause, testosterone: testosterone, value: Self.testosteroneText(testosterone, ngDl: ngDl))
    }

    /// Castration resistance proven by the record: its cause (the progression under deprivation)
    /// with the castrate testosterone — the agent is indicated (ESMO 2020; Fizazi 2011).
    static func castrationResistant(cause: LocalizedText, testosterone: LabResult, value: LocalizedText) -> Indication {
        Indication(verdict: .start, text: LocalizedText(
            en: "Castration-resistant prostate cancer (PCWG3):\(cause.en) with testosterone at castrate level (\(value.en), \(testosterone.date); < 50 ng/dL). With bone metastases: start (ESMO 2020; Fizazi 2011).",
            zh: "去势抵抗性前列腺癌（PCWG3）：\(cause.zhHans)，睾酮处于去势水平（\(testosterone.date) \(value.zhHans)；< 50 ng/dL）。合并骨转移：应开始使用（ESMO 2020；Fizazi 2011）。"),
            sources: [PCWG3Rules.source, esmo2020, fizazi2011])
    }

    /// "32 ng/dL" or "1.1 nmol/L (32 ng/dL)" — as reported, with ng/dL beside another unit.
    static func testosteroneText(_ lab: LabResult, ngDl: Double) -> LocalizedText {
        let reported = "\(PCWG3Rules.psaNumber(lab.value)) \(lab.unit)"
        let text = lab.unit == "ng/dL" ? reported : "\(reported) (\(PCWG3Rules.psaNumber((ngDl * 10).rounded() / 10)) ng/dL)"
        return LocalizedText(en: text, zh: text)
    }

    /// The PSA progression as a clause (no advice): " PSA progresses under … confirmed …".
    static func psaProgressionClause(_ progression: PCWG3Rules.PSAProgression) -> LocalizedText {
        LocalizedText(
            en: " PSA progresses under androgen deprivation (\(progression.therapy.displayName.en): \(PCWG3Rules.psaNumber(progression.reference.value)) → \(PCWG3Rules.psaNumber(progression.confirmation.value)) ng/mL, confirmed \(progression.confirmation.date))",
            zh: "雄激素剥夺治疗中 PSA 进展（\(progression.therapy.displayName.zhHans)：\(PCWG3Rules.psaNumber(progression.reference.value)) → \(PCWG3Rules.psaNumber(progression.confirmation.value)) ng/mL，\(progression.confirmation.date) 确认）")
    }

    static func progressionUnderADTText(_ progression: PCWG3Rules.PSAProgression) -> LocalizedText {
        LocalizedText(
            en: " PSA progresses under androgen deprivation (\(progression.therapy.displayName.en): \(PCWG3Rules.psaNumber(progression.reference.value)) → \(PCWG3Rules.psaNumber(progression.confirmation.value)) ng/mL, confirmed \(progression.confirmation.date); PCWG3): with testosterone at castrate levels (< 50 ng/dL) this is castration-resistant disease — measure testosterone (record it as a lab) or record the status.",
            zh: "雄激素剥夺治疗中 PSA 进展（\(progression.therapy.displayName.zhHans)：\(PCWG3Rules.psaNumber(progression.reference.value)) → \(PCWG3Rules.psaNumber(progression.confirmation.value)) ng/mL，\(progression.confirmation.date) 确认；PCWG3）：若睾酮处于去势水平（< 50 ng/dL），即为去势抵抗——请查睾酮（作为化验记录）或记录去势状态。")
    }
}
