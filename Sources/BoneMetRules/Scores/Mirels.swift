/// Mirels score for impending pathological fracture of a long bone.
/// Mirels H. Clin Orthop Relat Res 1989;(249):256-264 — four items scored 1–3, total 4–12.
public enum Mirels {
    public enum Site: String, InputEnum, Codable {
        case upperLimb, lowerLimb, peritrochanteric
        public var points: Int {
            switch self {
            case .upperLimb: 1
            case .lowerLimb: 2
            case .peritrochanteric: 3
            }
        }
        public var label: LocalizedText {
            switch self {
            case .upperLimb: LocalizedText(en: "upper limb", zh: "上肢")
            case .lowerLimb: LocalizedText(en: "lower limb", zh: "下肢")
            case .peritrochanteric: LocalizedText(en: "peritrochanteric", zh: "转子周围")
            }
        }
    }

    public enum Pain: String, InputEnum, Codable {
        case mild, moderate, functional
        public var points: Int {
            switch self {
            case .mild: 1
            case .moderate: 2
            case .functional: 3
            }
        }
        public var label: LocalizedText {
            switch self {
            case .mild: LocalizedText(en: "mild", zh: "轻度")
            case .moderate: LocalizedText(en: "moderate", zh: "中度")
            case .functional: LocalizedText(en: "functional (with limb use)", zh: "功能性（肢体活动时疼痛）")
            }
        }
    }

    public enum Lesion: String, InputEnum, Codable {
        case blastic, mixed, lytic
        public var points: Int {
            switch self {
            case .blastic: 1
            case .mixed: 2
            case .lytic: 3
            }
        }
        public var label: LocalizedText {
            switch self {
            case .blastic: LocalizedText(en: "blastic", zh: "成骨性")
            case .mixed: LocalizedText(en: "mixed", zh: "混合性")
            case .lytic: LocalizedText(en: "lytic", zh: "溶骨性")
            }
        }
    }

    public enum Size: String, InputEnum, Codable {
        case lessThanOneThird, oneThirdToTwoThirds, moreThanTwoThirds
        public var points: Int {
            switch self {
            case .lessThanOneThird: 1
            case .oneThirdToTwoThirds: 2
            case .moreThanTwoThirds: 3
            }
        }
        public var label: LocalizedText {
            switch self {
            case .lessThanOneThird: LocalizedText(en: "< 1/3 of bone diameter", zh: "小于骨直径的 1/3")
            case .oneThirdToTwoThirds: LocalizedText(en: "1/3–2/3 of bone diameter", zh: "骨直径的 1/3–2/3")
            case .moreThanTwoThirds: LocalizedText(en: "> 2/3 of bone diameter", zh: "大于骨直径的 2/3")
            }
        }

        /// The size class of a measured fraction of the bone diameter (plain film).
        /// Exactly 1/3 and 2/3 fall in the middle class, as the table reads "1/3–2/3". Entries are
        /// read to two decimals: 0.33 and 0.67 are one third and two thirds as written, so the
        /// class never flips on the rounding of an entry (issue #8).
        public static func of(fraction: Double) -> Size {
            let tolerance = 0.005
            if fraction < 1.0 / 3.0 - tolerance { return .lessThanOneThird }
            if fraction > 2.0 / 3.0 + tolerance { return .moreThanTwoThirds }
            return .oneThirdToTwoThirds
        }
    }

    public struct Input: Sendable, Hashable, Codable {
        public var site: Site?
        /// The sites a lesion may be at when its record does not settle one (`site` nil): a femur
        /// with no segment recorded is lower limb or peritrochanteric (2–3 points, not 1–3).
        public var siteAmong: [Site]?
        public var pain: Pain?
        public var lesion: Lesion?
        public var size: Size?

        public init(site: Site? = nil, siteAmong: [Site]? = nil, pain: Pain? = nil, lesion: Lesion? = nil, size: Size? = nil) {
            self.site = site
            self.siteAmong = siteAmong
            self.pain = pain
            self.lesion = lesion
            self.size = size
        }
    }

    public enum Band: String, ScoreBand, Codable {
        case low, borderline, high

        /// ≤ 7 low, 8 borderline, ≥ 9 high (Mirels 1989; reference.md).
        public static func of(total: Int) -> Band {
            if total <= 7 { return .low }
            if total == 8 { return .borderline }
            return .high
        }

        public var label: LocalizedText { info.label }

        public var info: BandInfo {
            switch self {
            case .low:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "low risk (≤ 7)", zh: "低风险（≤7 分）"),
                    meaning: LocalizedText(
                        en: "fracture risk about 0–4 % at 6 months after irradiation",
                        zh: "放疗后 6 个月骨折风险约 0–4%"),
                    recommendation: LocalizedText(
                        en: "radiotherapy and observation; Mirels alone does not indicate fixation",
                        zh: "放疗并观察；仅凭 Mirels 评分不需要内固定"))
            case .borderline:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "borderline (8)", zh: "临界（8 分）"),
                    meaning: LocalizedText(
                        en: "fracture risk about 15 % at 6 months after irradiation",
                        zh: "放疗后 6 个月骨折风险约 15%"),
                    recommendation: LocalizedText(
                        en: "consider prophylactic fixation before radiotherapy: the source hospital fixes at ≥ 8 (so does Mirels 1989's abstract); later literature fixes at ≥ 9 — decide at the MDT",
                        zh: "放疗前考虑预防性内固定：来源医院 ≥8 分即固定（Mirels 1989 摘要亦为 ≥8）；后续文献以 ≥9 分为界——由 MDT 决定"))
            case .high:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "high risk (≥ 9)", zh: "高风险（≥9 分）"),
                    meaning: LocalizedText(
                        en: "fracture risk about 33 % or more at 6 months after irradiation",
                        zh: "放疗后 6 个月骨折风险约 33% 或更高"),
                    recommendation: LocalizedText(
                        en: "prophylactic fixation recommended before radiotherapy, transfer or trial enrolment; urgent orthopaedic referral",
                        zh: "建议在放疗、转院或入组临床试验之前行预防性内固定；紧急转诊骨科"))
            }
        }
    }

    public struct Result: Sendable, Hashable {
        public let components: [ScoreComponent]
        public let total: ScoreTotal
        public let band: Band?
        public let possibleBands: [Band]
        /// Whether the total reaches the configured fixation threshold; nil while the range straddles it.
        public let fixationAlert: Bool?
        public let threshold: Int
    }

    public static let itemLabels = (
        site: LocalizedText(en: "site", zh: "部位"),
        pain: LocalizedText(en: "pain", zh: "疼痛"),
        lesion: LocalizedText(en: "lesion type", zh: "病变类型"),
        size: LocalizedText(en: "size (fraction of bone diameter)", zh: "大小（占骨直径比例）")
    )

    public static func evaluate(_ input: Input, settings: RuleSettings = .default) -> Result {
        let components = [
            ScoreComponent.item(
                "site", itemLabels.site, input.site, among: input.siteAmong,
                amongLabel: LocalizedText.joined(input.siteAmong?.map(\.label) ?? [], en: " or ", zh: "或")
            ) { $0.points },
            ScoreComponent.item("pain", itemLabels.pain, input.pain) { $0.points },
            ScoreComponent.item("lesion", itemLabels.lesion, input.lesion) { $0.points },
            ScoreComponent.item("size", itemLabels.size, input.size) { $0.points },
        ]
        let total = ScoreTotal(components)
        let threshold = settings.mirelsFixationThreshold
        let alert: Bool? =
            total.min >= threshold ? true : total.max < threshold ? false : nil
        return Result(
            components: components, total: total, band: Band.of(range: total.range),
            possibleBands: Band.possible(in: total.range), fixationAlert: alert, threshold: threshold)
    }
}
