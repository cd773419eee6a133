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

        public init(
            kps: Int? = nil, extraspinalBoneMets: Int? = nil, vertebralBodyMets: Int? = nil,
            visceralMets: VisceralMets? = nil, primary: PrimarySite? = nil, frankel: Frankel? = nil, visceralMetsPresent: Bool? = nil
        ) {
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
            counted("kps", itemLabels.kps, input.kps, possible: 0...2, points: kpsPoints),
            counted("extraspinalBoneMets", itemLabels.extraspinal, input.extraspinalBoneMets, possible: 0...2, points: extraspinalPoints),
            counted("vertebralBodyMets", itemLabels.vertebral, input.vertebralBodyMets, possible: 0...2, points: vertebralPoints),
            .item(
                "visceralMets", itemLabels.visceral, input.visceralMets,
                among: input.visceralMetsPresent == true ? [.removable, .unremovable] : nil,
                amongLabel: LocalizedText(en: "present, removability not recorded", zh: "有，未记录能否切除")
            ) { $0.points },
            .item("primary", itemLabels.primary, input.primary, points: primaryPoints),
            .item("frankel", itemLabels.palsy, input.frankel) { $0.points },
        ]
        let total = ScoreTotal(components)
        return Result(
            components: components, total: total, prognosis: Prognosis.of(range: total.range),
            possiblePrognoses: Prognosis.possible(in: total.range))
    }

    private static func counted(
        _ key: String, _ label: LocalizedText, _ value: Int?, possible: ClosedRange<Int>, points: (Int) -> Int
    ) -> ScoreComponent {
        guard let value else { return ScoreComponent(key: key, label: label, unknownWithin: possible) }
        let text = String(value)
        return ScoreComponent(key: key, label: label, value: text, valueLabel: LocalizedText(en: text, zh: text), points: points(value))
    }
}
