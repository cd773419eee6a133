/// Revised Tokuhashi score for spinal metastases (Tokuhashi Y et al. Spine 2005;30:2186-91).
/// Six items, total 0–15. Do not mix with the 1990 version (different primary points and bands).
public enum Tokuhashi {
    public enum VisceralMets: String, InputEnum, Codable {
        case none, removable, unremovable
        public var points: Int {
            switch self {
            case .unremovable: 0
            case .removable: 1
            case .none: 2
            }
        }
        public var label: LocalizedText {
            switch self {
            case .none: LocalizedText(en: "no major internal-organ metastases", zh: "无主要脏器转移")
            case .removable: LocalizedText(en: "removable", zh: "可切除")
            case .unremovable: LocalizedText(en: "unremovable", zh: "不可切除")
            }
        }
    }

    public enum Frankel: String, InputEnum, Codable {
        case A, B, C, D, E
        /// Complete palsy (A, B) 0; incomplete (C, D) 1; none (E) 2.
        public var points: Int {
            switch self {
            case .A, .B: 0
            case .C, .D: 1
            case .E: 2
            }
        }
        public var label: LocalizedText {
            switch self {
            case .A: LocalizedText(en: "Frankel A (complete palsy)", zh: "Frankel A（完全瘫痪）")
            case .B: LocalizedText(en: "Frankel B (sensory only)", zh: "Frankel B（仅保留感觉）")
            case .C: LocalizedText(en: "Frankel C (motor useless)", zh: "Frankel C（运动功能无用）")
            case .D: LocalizedText(en: "Frankel D (motor useful)", zh: "Frankel D（运动功能有用）")
            case .E: LocalizedText(en: "Frankel E (no palsy)", zh: "Frankel E（无瘫痪）")
            }
        }
    }

    public struct Input: Sendable, Hashable, Codable {
        public var kps: Int?
        public var extraspinalBoneMets: Int?
        public var vertebralBodyMets: Int?
        public var visceralMets: VisceralMets?
        /// Organ metastases are on record but not whether they are removable: 0 or 1, not 0–2.
        public var visceralMetsPresent: Bool?
        public var primary: PrimarySite?
        public var frankel: Frankel?
        /// ECOG performance status, read for the general condition when no KPS is given
        /// (`PerformanceConversion.kpsRange(ecog:)`).
        public var ecog: Int?
        /// The counts are what was looked for, not a survey: without a whole-body survey (or a
        /// whole-spine study for the vertebral bodies) more foci may exist, so the item scores
        /// anywhere from the count's points down to the fewest.
        public var extraspinalCountIsLowerBound: Bool?
        public var vertebralCountIsLowerBound: Bool?
        /// A record among the counted is several lesions by its note ("骨盆多发"): counted as two,
        /// at least (the count is a lower bound for that reason, said so).
        public var extraspinalIncludesSeveral: Bool?
        public var vertebralIncludesSeveral: Bool?
        /// Imaging shows new lesions it did not itemise (`unnamedNewLesions`): the counts are lower
        /// bounds for that reason, said so (not "no whole-body survey" after one).
        public var unitemisedNewLesions: Bool?
        /// The whole-body (whole-spine) study on record is its report only, its lesions not yet
        /// recorded: the counts are lower bounds for that reason, said so — "no whole-body survey"
        /// beside a whole-body CT's report (unseen bundle ehr10).
        public var surveyReportOnly: Bool?
        public var spineSurveyReportOnly: Bool?
        /// A neurological deficit is recorded (myelopathy, cauda equina compression) but no
        /// Frankel grade: palsy is complete or incomplete (A–D), 0–1, never "none" (E).
        public var palsyWithoutGrade: Bool?

        public init(
            kps: Int? = nil, extraspinalBoneMets: Int? = nil, vertebralBodyMets: Int? = nil,
            visceralMets: VisceralMets? = nil, primary: PrimarySite? = nil, frankel: Frankel? = nil, visceralMetsPresent: Bool? = nil,
            ecog: Int? = nil, extraspinalCountIsLowerBound: Bool? = nil, vertebralCountIsLowerBound: Bool? = nil,
            extraspinalIncludesSeveral: Bool? = nil, vertebralIncludesSeveral: Bool? = nil, unitemisedNewLesions: Bool? = nil,
            palsyWithoutGrade: Bool? = nil, surveyReportOnly: Bool? = nil, spineSurveyReportOnly: Bool? = nil
        ) {
            self.palsyWithoutGrade = palsyWithoutGrade
            self.surveyReportOnly = surveyReportOnly
            self.spineSurveyReportOnly = spineSurveyReportOnly
            self.ecog = ecog
            self.unitemisedNewLesions = unitemisedNewLesions
            self.extraspinalIncludesSeveral = extraspinalIncludesSeveral
            self.vertebralIncludesSeveral = vertebralIncludesSeveral
            self.extraspinalCountIsLowerBound = extraspinalCountIsLowerBound
            self.vertebralCountIsLowerBound = vertebralCountIsLowerBound
            self.visceralMetsPresent = visceralMetsPresent
            self.kps = kps
            self.extraspinalBoneMets = extraspinalBoneMets
            self.vertebralBodyMets = vertebralBodyMets
            self.visceralMets = visceralMets
            self.primary = primary
            self.frankel = frankel
        }
    }

    /// General condition by KPS: 10–40 → 0, 50–70 → 1, 80–100 → 2. A value between the scale's
    /// steps counts with the step below (KPS 75 scores as 70; 45 as 40) — the cautious reading.
    public static func kpsPoints(_ kps: Int) -> Int {
        if kps >= 80 { return 2 }
        if kps >= 50 { return 1 }
        return 0
    }

    /// Extraspinal bone metastasis foci: ≥ 3 → 0, 1–2 → 1, 0 → 2.
    public static func extraspinalPoints(_ count: Int) -> Int {
        if count >= 3 { return 0 }
        if count >= 1 { return 1 }
        return 2
    }

    /// Vertebral body metastases: ≥ 3 → 0, 2 → 1, 1 → 2.
    public static func vertebralPoints(_ count: Int) -> Int {
        if count >= 3 { return 0 }
        if count == 2 { return 1 }
        return 2
    }

    /// Primary site: lung, osteosarcoma, stomach, bladder, oesophagus, pancreas 0; liver,
    /// gallbladder, unidentified 1; others 2; kidney, uterus 3; rectum 4; thyroid, breast,
    /// prostate, carcinoid 5 (Tokuhashi 2005, table 1).
    public static func primaryPoints(_ site: PrimarySite) -> Int {
        switch site {
        case .lung, .osteosarcoma, .stomach, .bladder, .esophagus, .pancreas: 0
        case .liver, .gallbladder, .unknown: 1
        case .kidney, .uterus: 3
        case .rectum: 4
        case .thyroid, .breast, .prostate, .carcinoid: 5
        case .colon, .headAndNeck, .melanoma, .myeloma, .lymphoma, .sarcoma, .other: 2
        }
    }

    public enum Prognosis: String, ScoreBand, Codable {
        case lessThan6Months, atLeast6Months, atLeast1Year

        /// 0–8 < 6 months, 9–11 ≥ 6 months, 12–15 ≥ 1 year (Tokuhashi 2005).
        public static func of(total: Int) -> Prognosis {
            if total <= 8 { return .lessThan6Months }
            if total <= 11 { return .atLeast6Months }
            return .atLeast1Year
        }

        public var label: LocalizedText { info.label }

        public var info: BandInfo {
            switch self {
            case .lessThan6Months:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "0–8: expected survival < 6 months", zh: "0–8 分：预计生存期 < 6 个月"),
                    meaning: LocalizedText(en: "short expected survival", zh: "预计生存期短"),
                    recommendation: LocalizedText(
                        en: "conservative (palliative) treatment", zh: "保守（姑息）治疗"))
            case .atLeast6Months:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "9–11: expected survival ≥ 6 months", zh: "9–11 分：预计生存期 ≥ 6 个月"),
                    meaning: LocalizedText(en: "intermediate expected survival", zh: "预计生存期中等"),
                    recommendation: LocalizedText(
                        en: "palliative surgery; excisional surgery for a single lesion without major internal-organ metastases",
                        zh: "姑息性手术；单发病灶且无主要脏器转移者可行切除性手术"))
            case .atLeast1Year:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "12–15: expected survival ≥ 1 year", zh: "12–15 分：预计生存期 ≥ 1 年"),
                    meaning: LocalizedText(en: "long expected survival", zh: "预计生存期长"),
                    recommendation: LocalizedText(en: "excisional surgery", zh: "切除性手术"))
            }
        }
    }

    public struct Result: Sendable, Hashable {
        public let components: [ScoreComponent]
        public let total: ScoreTotal
        public let prognosis: Prognosis?
        public let possiblePrognoses: [Prognosis]
    }

    public static let itemLabels = (
        kps: LocalizedText(en: "general condition (KPS)", zh: "一般情况（KPS）"),
        extraspinal: LocalizedText(en: "extraspinal bone metastasis foci", zh: "脊柱外骨转移灶数"),
        vertebral: LocalizedText(en: "vertebral body metastases", zh: "椎体转移数"),
        visceral: LocalizedText(en: "major internal-organ metastases", zh: "主要脏器转移"),
        primary: LocalizedText(en: "primary site", zh: "原发灶部位"),
        palsy: LocalizedText(en: "palsy (Frankel)", zh: "瘫痪（Frankel 分级）")
    )

    public static func evaluate(_ input: Input) -> Result {
        let components = [
            generalCondition(kps: input.kps, ecog: input.ecog),
            counted(
                "extraspinalBoneMets", itemLabels.extraspinal, input.extraspinalBoneMets, atLeast: input.extraspinalCountIsLowerBound == true,
                several: input.extraspinalIncludesSeveral == true, unitemised: input.unitemisedNewLesions == true,
                reportOnly: input.surveyReportOnly == true, possible: 0...2, points: extraspinalPoints),
            counted(
                "vertebralBodyMets", itemLabels.vertebral, input.vertebralBodyMets, atLeast: input.vertebralCountIsLowerBound == true,
                several: input.vertebralIncludesSeveral == true, unitemised: input.unitemisedNewLesions == true,
                reportOnly: input.spineSurveyReportOnly == true, possible: 0...2, points: vertebralPoints),
            .item(
                "visceralMets", itemLabels.visceral, input.visceralMets,
                among: input.visceralMetsPresent == true ? [.removable, .unremovable] : nil,
                amongLabel: LocalizedText(en: "present, removability not recorded", zh: "有，未记录能否切除")
            ) { $0.points },
            .item("primary", itemLabels.primary, input.primary, points: primaryPoints),
            // A deficit recorded without its grade is a palsy of some degree: 0–1, not 0–2 — a
            // cauda equina compression read "palsy (Frankel): unknown → 0–2" (unseen record
            // cb157-c, rule set 2026.12.407).
            .item(
                "frankel", itemLabels.palsy, input.frankel, among: input.palsyWithoutGrade == true ? [.A, .B, .C, .D] : nil,
                amongLabel: LocalizedText(en: "a neurological deficit recorded, its Frankel grade not (A–D)", zh: "有神经功能障碍记录，未记录 Frankel 分级（A–D）")
            ) { $0.points },
        ]
        let total = ScoreTotal(components)
        return Result(
            components: components, total: total, prognosis: Prognosis.of(range: total.range),
            possiblePrognoses: Prognosis.possible(in: total.range))
    }

    /// General condition from the KPS, else from the ECOG grade over the published conversions
    /// (`PerformanceConversion.kpsRange(ecog:)`): settled when every KPS it may stand for scores alike.
    private static func generalCondition(kps: Int?, ecog: Int?) -> ScoreComponent {
        if kps != nil || ecog == nil { return counted("kps", itemLabels.kps, kps, possible: 0...2, points: kpsPoints) }
        guard let ecog, let range = PerformanceConversion.kpsRange(ecog: ecog) else { return counted("kps", itemLabels.kps, nil, possible: 0...2, points: kpsPoints) }
        let low = kpsPoints(range.lowerBound), high = kpsPoints(range.upperBound)
        let value = "ECOG \(ecog)"
        let label = LocalizedText(
            en: "ECOG \(ecog) (KPS \(range.lowerBound)–\(range.upperBound) by the published conversions)",
            zh: "ECOG \(ecog)（按已发表的换算相当于 KPS \(range.lowerBound)–\(range.upperBound)）")
        if low == high { return ScoreComponent(key: "kps", label: itemLabels.kps, value: value, valueLabel: label, points: low) }
        return ScoreComponent(key: "kps", label: itemLabels.kps, unknownWithin: low...high, value: value, valueLabel: label)
    }

    /// A count's points; a count that is only a lower bound (no survey) scores from its own
    /// points down to the most foci's (more foci never score more).
    private static func counted(
        _ key: String, _ label: LocalizedText, _ value: Int?, atLeast: Bool = false, several: Bool = false, unitemised: Bool = false,
        reportOnly: Bool = false, possible: ClosedRange<Int>,
        points: (Int) -> Int
    ) -> ScoreComponent {
        guard let value else { return ScoreComponent(key: key, label: label, unknownWithin: possible) }
        let text = String(value)
        guard atLeast || several else {
            return ScoreComponent(key: key, label: label, value: text, valueLabel: LocalizedText(en: text, zh: text), points: points(value))
        }
        let high = points(value), low = points(1000)
        var reasons: [LocalizedText] = []
        if atLeast && unitemised {
            reasons.append(LocalizedText(en: "new lesions on imaging not itemised", zh: "影像所示新发病灶未逐一记录"))
        } else if atLeast && reportOnly {
            reasons.append(LocalizedText(
                en: "the \(key == "vertebralBodyMets" ? "whole-body or whole-spine" : "whole-body") study on record is its report only: record its lesions",
                zh: "\(key == "vertebralBodyMets" ? "全身或全脊柱" : "全身")检查仅有报告文本：请录入其病灶"))
        } else if atLeast {
            reasons.append(key == "vertebralBodyMets"
                ? LocalizedText(en: "the whole spine not imaged", zh: "未行全脊柱检查")
                : LocalizedText(en: "no whole-body survey", zh: "未行全身筛查"))
        }
        if several { reasons.append(LocalizedText(en: "a record of several lesions counted as two", zh: "记为多发的病灶按 2 处计")) }
        let why = LocalizedText.joined(reasons, en: "; ", zh: "；")
        let valueLabel = value == 0
            ? LocalizedText(en: "none known (\(why.en))", zh: "尚未发现（\(why.zhHans)）")
            : LocalizedText(en: "at least \(value) (\(why.en))", zh: "至少 \(value) 处（\(why.zhHans)）")
        if low == high { return ScoreComponent(key: key, label: label, value: "≥\(value)", valueLabel: valueLabel, points: high) }
        return ScoreComponent(key: key, label: label, unknownWithin: low...high, value: "≥\(value)", valueLabel: valueLabel)
    }
}
