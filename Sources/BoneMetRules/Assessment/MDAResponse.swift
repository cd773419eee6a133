/// MD Anderson bone response criteria for one lesion between two studies of the same modality.
/// Hamaoka T et al. J Clin Oncol 2004;22:2942-53; Costelloe CM et al. Lancet Oncol 2009;10:606-14.
public enum MDA {
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case completeResponse = "CR", partialResponse = "PR", stableDisease = "SD", progressiveDisease = "PD"
        case notEvaluable = "NE"

        public var label: LocalizedText {
            switch self {
            case .completeResponse: LocalizedText(en: "complete response (CR)", zh: "完全缓解（CR）")
            case .partialResponse: LocalizedText(en: "partial response (PR)", zh: "部分缓解（PR）")
            case .stableDisease: LocalizedText(en: "stable disease (SD)", zh: "疾病稳定（SD）")
            case .progressiveDisease: LocalizedText(en: "progressive disease (PD)", zh: "疾病进展（PD）")
            case .notEvaluable: LocalizedText(en: "not evaluable", zh: "无法评估")
            }
        }

        var isResponse: Bool { self == .completeResponse || self == .partialResponse }
    }

    /// ≥ 50 % decrease of the sum of products is PR; ≥ 25 % increase is PD (MDA).
    public static let partialResponseDecreasePercent = -50.0
    public static let progressionIncreasePercent = 25.0

    public struct Result: Sendable, Hashable {
        public let category: Category
        public let reasons: [LocalizedText]
        /// Change of the product of perpendicular diameters, percent, when both were measured.
        public let sizeChangePercent: Double?
        /// Judged on the CT of a PET-CT (its anatomy), not on its uptake.
        public var byAnatomy = false
    }

    /// Classifies a lesion seen on both studies (or seen before and gone now).
    /// PD is checked first (a growing lesion with a new rim is still growing), then CR, PR, SD.
    public static func classify(prior: LesionObservation, current: LesionObservation, modality: Modality) -> Result {
        var change: Double?
        if let before = prior.product, let after = current.product, before > 0 {
            change = ((after - before) / before * 1000).rounded() / 10
        }
        let changeText = change.map { String(describing: $0) } ?? ""
        if !current.present {
            let reason = modality.isTracer
                ? LocalizedText(en: "tracer uptake no longer seen", zh: "放射性浓聚消失")
                : LocalizedText(en: "lesion no longer seen", zh: "病灶消失")
            return Result(category: .completeResponse, reasons: [reason], sizeChangePercent: change)
        }
        if modality.isTracer {
            let uptake = classifyUptake(prior: prior, current: current)
            // A PET-CT's CT, read with its sizes and character, is a CT: a lytic acetabular lesion
            // grown from 35 × 30 to 42 × 34 mm with 40 % more uptake was read on its uptake alone
            // and, with other lesions responding, called osteoblastic flare. The anatomy decides
            // when it shows progression or response (MDA is defined on X-ray, CT and MRI); the
            // uptake speaks only where the anatomy shows no change.
            guard modality == .petCt, Self.hasAnatomy(prior), Self.hasAnatomy(current) else { return uptake }
            var anatomic = classify(prior: prior, current: current, modality: .ct)
            // Nor where it cannot tell (a character without sizes: "not evaluable"): a pelvic
            // lesion whose uptake fell 55 % read "NE — size not measured" (cb20-u, 2026.12.109).
            guard anatomic.category != .stableDisease, anatomic.category != .notEvaluable else { return uptake }
            anatomic.byAnatomy = true
            return anatomic
        }

        if let change, change >= progressionIncreasePercent {
            return Result(
                category: .progressiveDisease,
                reasons: [LocalizedText(en: "product of diameters +\(changeText) % (≥ 25 %)", zh: "垂直径乘积增加 \(changeText)%（≥25%）")],
                sizeChangePercent: change)
        }
        // A soft-tissue component measured on both (CT or MRI) is a measured part of the lesion
        // (RECIST 1.1 measures a lytic or mixed bone lesion by it): ≥ 20 % and ≥ 5 mm larger is
        // progression (Eisenhauer 2009) — MDA's "clearly progressive lesion" — whatever the
        // bone's diameters. An acetabular lesion turned lytic, its component 15 → 28 mm, read
        // "NE — size not measured" (unseen record cb80-ao).
        if modality == .ct || modality == .mri, let growth = softTissueGrowth(prior: prior, current: current) {
            return Result(category: .progressiveDisease, reasons: [growth], sizeChangePercent: change)
        }
        // Without sizes, the film's fraction of the bone's diameter is the lesion's measured extent
        // across the bone: MDA counts a ≥ 25 % increase (≥ 50 % decrease) of an ill-defined lesion
        // (Hamaoka 2004, table 3). A peritrochanteric lesion with a sclerotic rim turned lytic and
        // spread from 0.30 to 0.55 of the diameter under fulvestrant read "NE — size not measured"
        // (unseen record cb64-u, 2026.12.260).
        // A lytic or mixed lesion now blastic has converted (a response sign): its sclerosis's
        // extent is not the destruction's, so the fraction does not compare across the conversion.
        let converted = prior.character.map { $0 != .blastic } == true && current.character == .blastic
        let extent = change == nil && !converted ? extentChange(prior: prior, current: current) : nil
        if let extent, extent.percent >= progressionIncreasePercent {
            return Result(
                category: .progressiveDisease,
                reasons: [LocalizedText(
                    en: "extent across the bone \(extent.text) (+\(String(describing: extent.percent)) %, ≥ 25 %)",
                    zh: "占骨直径比例 \(extent.text)（增加 \(String(describing: extent.percent))%，≥25%）")],
                sizeChangePercent: nil)
        }
        // Intact bone where the lesion is now destroyed: the anatomy shows a lytic lesion it did
        // not show before — MDA's new lytic lesion, whatever the tracer saw there first. A HER2+
        // breast cancer's T8, hot on the bone scan with no destruction on CT, lytic 14 × 12 mm
        // with destruction on the CT six months later, read "NE — size not measured" (unseen
        // record cb81-l).
        if prior.boneDestruction == false, prior.character == nil || prior.character == .blastic,
           current.boneDestruction == true || current.character == .lytic || current.character == .mixed {
            return Result(
                category: .progressiveDisease,
                reasons: [LocalizedText(en: "bone destruction where there was none", zh: "原无骨质破坏处出现骨质破坏")],
                sizeChangePercent: change)
        }
        if prior.character == .blastic, let now = current.character, now != .blastic {
            return Result(
                category: .progressiveDisease,
                reasons: [LocalizedText(en: "new lytic component in a blastic lesion", zh: "成骨性病灶出现新的溶骨成分")],
                sizeChangePercent: change)
        }
        if current.fillIn == .complete || (modality == .mri && current.normalSignal == true) {
            let reason = modality == .mri
                ? LocalizedText(en: "MRI signal normalised", zh: "MRI 信号恢复正常")
                : LocalizedText(en: "complete sclerotic fill-in", zh: "完全硬化填充")
            return Result(category: .completeResponse, reasons: [reason], sizeChangePercent: change)
        }
        // Filled in completely before, read sclerotic without destruction now (the fill-in not
        // written again): the healed lesion stays healed — MDA's complete response continues. A
        // breast cancer's pelvis, completely filled in under letrozole, read "NE — size not
        // measured" on the next CT's "blastic, no destruction" (unseen records cb81-af, cb81-o).
        if prior.fillIn == .complete, current.character == .blastic, current.boneDestruction == false, current.fillIn == nil {
            return Result(
                category: .completeResponse,
                reasons: [LocalizedText(en: "still sclerotic without destruction after complete fill-in", zh: "完全硬化填充后仍为成骨性、无骨质破坏")],
                sizeChangePercent: change)
        }
        var reasons: [LocalizedText] = []
        if current.scleroticRim == true && prior.scleroticRim != true {
            reasons.append(LocalizedText(en: "new sclerotic rim", zh: "新出现硬化缘"))
        }
        // Fill-in is of lytic (or mixed) lesions (Hamaoka 2004: "partial sclerotic fill-in of
        // lytic lesions"): a lesion blastic already, read "more sclerotic" (the report reader's
        // "increased sclerosis"), is not a partial response by it.
        if current.fillIn == .partial && prior.fillIn != .partial && prior.character != .blastic {
            reasons.append(LocalizedText(en: "partial sclerotic fill-in", zh: "部分硬化填充"))
        }
        if let before = prior.character, before != .blastic, current.character == .blastic {
            reasons.append(LocalizedText(en: "lytic-to-blastic conversion", zh: "溶骨性转为成骨性"))
        }
        // A lytic lesion read mixed now has gained sclerosis within it: MDA's partial sclerotic
        // fill-in of a lytic lesion (Hamaoka 2004) in the reader's words for its character. A
        // breast cancer's L3, lytic at staging and mixed at the same size on the PET-CT after four
        // months of letrozole and ribociclib, read "SD" on its uptake (unseen record cb161-e).
        if prior.character == .lytic, current.character == .mixed, current.fillIn != .partial {
            reasons.append(LocalizedText(en: "lytic now mixed: partial sclerotic fill-in", zh: "溶骨性转为混合性：部分硬化填充"))
        }
        if let change, change <= partialResponseDecreasePercent {
            reasons.append(LocalizedText(en: "product of diameters \(changeText) % (≥ 50 % decrease)", zh: "垂直径乘积变化 \(changeText)%（减少 ≥50%）"))
        }
        if let extent, extent.percent <= partialResponseDecreasePercent {
            reasons.append(LocalizedText(
                en: "extent across the bone \(extent.text) (\(String(describing: extent.percent)) %, ≥ 50 % decrease)",
                zh: "占骨直径比例 \(extent.text)（变化 \(String(describing: extent.percent))%，减少 ≥50%）"))
        }
        if !reasons.isEmpty { return Result(category: .partialResponse, reasons: reasons, sizeChangePercent: change) }
        // No size on one of the studies and no sign either way: the size is unknown, not
        // unchanged. A femoral lesion measured 40 × 28 → 62 × 40 mm on CT was "SD — no
        // measurable change" on the films taken beside the CTs, which recorded no size (its
        // width went from 0.6 to 0.9 of the bone's diameter).
        if change == nil {
            var reason = LocalizedText(en: "size not measured on one or both studies — change unknown", zh: "至少一次检查未测量大小——变化未知")
            if let before = prior.fractionOfDiameter, let after = current.fractionOfDiameter, before != after {
                let text = "\(String(describing: before)) → \(String(describing: after))"
                reason = LocalizedText(
                    en: "\(reason.en); fraction of the bone's diameter \(text)", zh: "\(reason.zhHans)；占骨直径比例 \(text)")
            }
            // Healing seen before and lytic now: said, as it is the question the measurement
            // answers. A breast cancer's ilium, mixed with partial fill-in at 4 months of
            // letrozole and ribociclib, lytic again at 10, read only "size not measured" (unseen
            // record cb138-a, rule set .381). No verdict without a size (MDA's progression is a
            // size or a new lesion, Hamaoka 2004).
            let healing = prior.character == .mixed || prior.fillIn == .partial || prior.scleroticRim == true
            if healing, current.character == .lytic, current.fillIn != .partial, current.fillIn != .complete, current.scleroticRim != true {
                reason = LocalizedText(
                    en: "\(reason.en); healing on the previous study (\(Self.healingText(prior).en)), lytic now — measure it on both studies to judge progression",
                    zh: "\(reason.zhHans)；前次检查有修复征象（\(Self.healingText(prior).zhHans)），本次为溶骨性——请在两次检查上测量以判断是否进展")
            }
            return Result(category: .notEvaluable, reasons: [reason], sizeChangePercent: nil)
        }
        let stable = change.map {
            LocalizedText(en: "product of diameters \($0 > 0 ? "+" : "")\(changeText) % (< 50 % decrease, < 25 % increase)", zh: "垂直径乘积变化 \(changeText)%（减少 <50%，增加 <25%）")
        } ?? LocalizedText(en: "no measurable change and no sign of response or progression", zh: "无可测量变化，亦无缓解或进展征象")
        return Result(category: .stableDisease, reasons: [stable], sizeChangePercent: change)
    }

    /// The healing signs a study recorded, in words.
    static func healingText(_ o: LesionObservation) -> LocalizedText {
        var parts: [LocalizedText] = []
        if o.character == .mixed { parts.append(LocalizedText(en: "mixed", zh: "混合性")) }
        if o.fillIn == .partial { parts.append(LocalizedText(en: "partial sclerotic fill-in", zh: "部分硬化填充")) }
        if o.scleroticRim == true { parts.append(LocalizedText(en: "sclerotic rim", zh: "硬化缘")) }
        return LocalizedText.joined(parts, en: ", ", zh: "、")
    }

    /// RECIST 1.1's progression of a measured soft-tissue component: ≥ 20 % and ≥ 5 mm larger.
    static let softTissueProgressionPercent = 20.0
    static let softTissueProgressionMm = 5.0

    /// The soft-tissue component's growth as a reason, when it is progression by RECIST 1.1.
    static func softTissueGrowth(prior: LesionObservation, current: LesionObservation) -> LocalizedText? {
        guard let before = prior.softTissueMm, let after = current.softTissueMm else { return nil }
        // Measured as none before (0 mm, "record it (or 0)"), a component now ≥ 5 mm has grown by
        // RECIST's 5 mm and by any percentage: a breast cancer's T12, lytic without a component
        // in December, with a 14 mm component, collapse and ESCC 2 in June read "NE — size not
        // measured" (unseen record cb162-r).
        if before == 0 {
            guard after >= softTissueProgressionMm else { return nil }
            let text = "0 → \(CaseIndex.format(after)) mm"
            return LocalizedText(
                en: "soft-tissue component \(text) (new; RECIST 1.1: ≥ 20 % and ≥ 5 mm)",
                zh: "软组织成分 \(text)（新出现；RECIST 1.1：≥20% 且 ≥5 mm）")
        }
        let percent = ((after - before) / before * 1000).rounded() / 10
        guard after - before >= softTissueProgressionMm, percent >= softTissueProgressionPercent else { return nil }
        let text = "\(CaseIndex.format(before)) → \(CaseIndex.format(after)) mm"
        return LocalizedText(
            en: "soft-tissue component \(text) (+\(String(describing: percent)) %; RECIST 1.1: ≥ 20 % and ≥ 5 mm)",
            zh: "软组织成分 \(text)（增加 \(String(describing: percent))%；RECIST 1.1：≥20% 且 ≥5 mm）")
    }

    /// Relative change of the fraction of the bone's diameter, percent to one decimal, when both
    /// studies recorded one (a size class alone is a band, not a measure).
    static func extentChange(prior: LesionObservation, current: LesionObservation) -> (percent: Double, text: String)? {
        guard let before = prior.fractionOfDiameter, let after = current.fractionOfDiameter, before > 0 else { return nil }
        let percent = ((after - before) / before * 1000).rounded() / 10
        return (percent, "\(String(describing: before)) → \(String(describing: after))")
    }

    /// An observation that reads the bone itself: a size, a character, a rim or fill-in.
    static func hasAnatomy(_ observation: LesionObservation) -> Bool {
        observation.product != nil || observation.character != nil || observation.scleroticRim != nil || observation.fillIn != nil
    }

    static func classifyUptake(prior: LesionObservation, current: LesionObservation) -> Result {
        if prior.uptake == true && current.uptake == false {
            return Result(category: .completeResponse, reasons: [LocalizedText(en: "tracer uptake normalised", zh: "放射性浓聚恢复正常")], sizeChangePercent: nil)
        }
        // A known lesion cold on the previous scan: uptake now is a hotter lesion (MDA: PD
        // once flare is excluded — the flare rules see to that); cold on both, the scan cannot
        // follow it (myeloma's and some renal and thyroid lesions stay cold: Hamaoka 2004).
        if prior.uptake == false && current.uptakeChangePercent == nil {
            if current.uptake == true {
                return Result(
                    category: .progressiveDisease,
                    reasons: [LocalizedText(en: "uptake where there was none", zh: "原无浓聚处出现浓聚")],
                    sizeChangePercent: nil)
            }
            if current.uptake == false {
                return Result(
                    category: .notEvaluable,
                    reasons: [LocalizedText(en: "no uptake on either scan — this scan cannot follow the lesion", zh: "两次均无浓聚——该检查无法随访此病灶")],
                    sizeChangePercent: nil)
            }
        }
        if let change = current.uptakeChangePercent {
            let text = String(describing: change)
            if change <= partialResponseDecreasePercent {
                return Result(
                    category: .partialResponse,
                    reasons: [LocalizedText(en: "uptake \(text) % (≥ 50 % decrease)", zh: "浓聚变化 \(text)%（减少 ≥50%）")],
                    sizeChangePercent: nil)
            }
            if change >= progressionIncreasePercent {
                return Result(
                    category: .progressiveDisease,
                    reasons: [LocalizedText(en: "uptake +\(text) % (≥ 25 % increase)", zh: "浓聚增加 \(text)%（≥25%）")],
                    sizeChangePercent: nil)
            }
        }
        return Result(
            category: .stableDisease,
            reasons: [LocalizedText(en: "uptake without ≥ 50 % decrease or ≥ 25 % increase", zh: "浓聚无 ≥50% 减少或 ≥25% 增加")],
            sizeChangePercent: nil)
    }
}
