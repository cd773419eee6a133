/// Hormone dependence for New Katagiri's primary-lesion item (Katagiri 2014: hormone-dependent
/// breast and prostate cancer grow slowly), as the record shows it: written, read from receptors or
/// the castration status, from a metastasis's pathology, from the receptor-directed therapy given,
/// or from a PSA falling under the first androgen deprivation. Moved out of PrognosisRules.swift
/// (over 40 KiB) with rule set .400; behaviour unchanged.
extension PrognosisRules {
    /// Hormone dependence as the record shows it: a prostate cancer whose castration resistance
    /// the record proves — progression under androgen deprivation with castrate testosterone
    /// (PCWG3; `BoneAgentRules.castrationSettledByTestosterone`) — is hormone-independent for
    /// New Katagiri whatever status was written, as its bone-agent finding reads it: a stopped
    /// goserelin + bicalutamide with testosterone 0.3 ng/mL read "castration-resistant — start" there
    /// and "prostate → 0–2, not settled" here (unseen record cb67-e, 2026.12.269). A hormone
    /// dependence recorded as such stands.
    func hormoneDependent(_ primary: PrimaryCancer) -> Bool? {
        if primary.site == .prostate, primary.hormoneDependent == nil,
            BoneAgentRules(index: index).castrationSettledByTestosterone()?.verdict == .start
        {
            return false
        }
        if let known = Self.hormoneDependent(primary) { return known }
        if let found = metastasisReceptors(primary) { return found.dependent }
        if psaFallShowsHormoneDependence(primary) != nil { return true }
        return receptorTherapyGiven(primary) == nil ? nil : true
    }

    /// The PSA falling under the first androgen deprivation on record, the prostate cancer the
    /// record's only primary with no castration status written (`PCWG3Rules
    /// .psaFallUnderFirstEndocrineTherapy`): a cancer responding to its hormonal therapy is
    /// hormone-dependent, New Katagiri's slow growth (Katagiri 2014), as the bone-agent finding
    /// reads it castration-sensitive. Goserelin + enzalutamide with PSA 86 → 2.1 ng/mL read
    /// "castration-sensitive" there and "prostate → 0–2, not settled" here (unseen record
    /// cb151-e, 2026.12.398).
    func psaFallShowsHormoneDependence(_ primary: PrimaryCancer) -> (therapy: Treatment, baseline: LabResult, latest: LabResult)? {
        guard primary.site == .prostate, Self.hormoneDependent(primary) == nil, index.record.primaries.count == 1 else { return nil }
        return PCWG3Rules(index: index).psaFallUnderFirstEndocrineTherapy()
    }

    /// Said beside New Katagiri when the hormone dependence was read from the PSA's fall.
    func hormoneDependenceReadFromPSA() -> LocalizedText? {
        guard let primary = index.record.primaries.first, let fall = psaFallShowsHormoneDependence(primary) else { return nil }
        let start = fall.therapy.start.map { " \($0)" } ?? ""
        let values = "\(PCWG3Rules.psaNumber(fall.baseline.value)) → \(PCWG3Rules.psaNumber(fall.latest.value)) ng/mL"
        return LocalizedText(
            en: " Hormone-dependent prostate cancer read from the PSA's fall under its first androgen deprivation (\(fall.therapy.displayName.en)\(start): \(values)) — unless earlier hormonal therapy is missing from the record; record the castration status.",
            zh: "前列腺癌激素依赖性依据首次雄激素剥夺治疗下 PSA 下降判断（\(fall.therapy.displayName.zhHans)\(start)：\(values)）——除非病历遗漏了更早的内分泌治疗；请录入去势状态。")
    }

    /// The anti-oestrogen, aromatase inhibitor or CDK4/6 inhibitor given to the record's one
    /// primary, a breast cancer whose ER and PR are not on record: these are given only to
    /// hormone-receptor-positive disease (`DrugClasses.oestrogenReceptorDirected`), so the cancer
    /// is hormone-dependent for New Katagiri. An EHR import of a breast cancer on letrozole, no
    /// receptor result sent, read "breast → 0–2, not settled" (unseen bundle, 2026-12-04).
    /// Recorded receptors (even "low") and a recorded dependence stand; with a second primary on
    /// record the drug may be that one's.
    func receptorTherapyGiven(_ primary: PrimaryCancer) -> Treatment? {
        // "HR+/HER2-" written: the receptors are on record together (rule set .305) — the
        // therapy is not what says so ("read from the therapy given … ER and PR are not on
        // record — record them" beside "浸润性小叶癌 HR+/HER2-", unseen record cb77-t); nor when
        // a metastasis's pathology writes them (`metastasisReceptors`).
        guard Self.receptorsLeftOpen(primary), index.record.primaries.count == 1, metastasisReceptors(primary) == nil
        else { return nil }
        return index.systemicTherapies.first(where: DrugClasses.namesOestrogenReceptorTherapy)
    }

    /// Said beside New Katagiri when the hormone dependence was read from the therapy given.
    func hormoneDependenceReadFromTherapy() -> LocalizedText? {
        guard let primary = index.record.primaries.first, let therapy = receptorTherapyGiven(primary) else { return nil }
        let start = therapy.start.map { " \($0)" } ?? ""
        return LocalizedText(
            en: " Hormone-dependent breast cancer read from the therapy given (\(therapy.displayName.en)\(start)): given only to hormone-receptor-positive disease; ER and PR are not on record — record them.",
            zh: "乳腺癌激素依赖性依据已用治疗判断（\(therapy.displayName.zhHans)\(start)）：该药仅用于激素受体阳性者；未记录 ER、PR——请录入。")
    }

    /// Hormone dependence as recorded, else from receptors (breast: ER or PR positive →
    /// dependent; both negative → independent) or castration status (prostate: castration-
    /// resistant → independent); "low" or unknown receptors leave it unknown.
    static func hormoneDependent(_ primary: PrimaryCancer) -> Bool? {
        if let recorded = primary.hormoneDependent { return recorded }
        if primary.site == .prostate { return primary.effectiveCastrationResistant.map { !$0 } }
        guard primary.site == .breast else { return nil }
        let er = primary.effectiveER, pr = primary.effectivePR
        if er == .positive || pr == .positive { return true }
        if er == .negative && pr == .negative { return false }
        // "HR+/HER2-", "激素受体阳性", "Luminal B": the two together.
        switch primary.histology.flatMap(ReceptorText.hormoneReceptors(in:)) {
        case .positive?: return true
        case .negative?: return false
        default: return nil
        }
    }
}
