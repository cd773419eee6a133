/// Tomita score for surgical strategy in spinal metastases (Tomita K et al. Spine 2001;26:298-306).
/// Primary growth 1/2/4, visceral metastases 0/2/4, bone metastases 1/2; total 2–10.
/// (One review prints rapid growth = 3: wrong, the 2–10 range needs 4 — reference.md.)
public enum Tomita {
    public enum VisceralMets: String, InputEnum, Codable {
        case none, treatable, untreatable
        public var points: Int {
            switch self {
            case .none: 0
            case .treatable: 2
            case .untreatable: 4
            }
        }
        public var label: LocalizedText {
            switch self {
            case .none: LocalizedText(en: "no visceral metastases", zh: "无内脏转移")
            case .treatable: LocalizedText(en: "treatable visceral metastases", zh: "内脏转移可治疗")
            case .untreatable: LocalizedText(en: "untreatable visceral metastases", zh: "内脏转移不可治疗")
            }
        }
    }

    public enum BoneMets: String, InputEnum, Codable {
        case solitary, multiple
        public var points: Int {
            switch self {
            case .solitary: 1
            case .multiple: 2
            }
        }
        public var label: LocalizedText {
            switch self {
            case .solitary: LocalizedText(en: "solitary or isolated bone metastasis", zh: "单发或孤立骨转移")
            case .multiple: LocalizedText(en: "multiple bone metastases", zh: "多发骨转移")
            }
        }
    }

    public static func growthPoints(_ growth: PrimaryGrowth) -> Int {
        switch growth {
        case .slow: 1
        case .moderate: 2
        case .rapid: 4
        }
    }

    /// Growth class of the primaries reference.md names for Tomita: slow (breast, thyroid,
    /// prostate), moderate (kidney, uterus), rapid (lung, stomach, liver, colon, unknown).
    /// Any other primary has no class here and must be given as `primaryGrowth`.
    public static func growth(of site: PrimarySite) -> PrimaryGrowth? {
        switch site {
        case .breast, .thyroid, .prostate: .slow
        case .kidney, .uterus: .moderate
        case .lung, .stomach, .liver, .colon, .unknown: .rapid
        default: nil
        }
    }

    public struct Input: Sendable, Hashable, Codable {
        public var primary: PrimarySite?
        /// An explicit growth class; takes precedence over the class derived from `primary`.
        public var primaryGrowth: PrimaryGrowth?
        public var visceralMets: VisceralMets?
        /// Visceral metastases are on record but not whether they are treatable: 2 or 4, not 0–4.
        public var visceralMetsPresent: Bool?
        public var boneMets: BoneMets?

        public init(
            primary: PrimarySite? = nil, primaryGrowth: PrimaryGrowth? = nil, visceralMets: VisceralMets? = nil,
            boneMets: BoneMets? = nil, visceralMetsPresent: Bool? = nil
        ) {
            self.visceralMetsPresent = visceralMetsPresent
            self.primary = primary
            self.primaryGrowth = primaryGrowth
            self.visceralMets = visceralMets
            self.boneMets = boneMets
        }
    }

    public enum Strategy: String, ScoreBand, Codable {
        case wideOrMarginalExcision, marginalOrIntralesionalExcision, palliativeSurgery, supportiveCare

        /// 2–3, 4–5, 6–7, 8–10 (Tomita 2001).
        public static func of(total: Int) -> Strategy {
            if total <= 3 { return .wideOrMarginalExcision }
            if total <= 5 { return .marginalOrIntralesionalExcision }
            if total <= 7 { return .palliativeSurgery }
            return .supportiveCare
        }

        public var label: LocalizedText { info.label }

        public var info: BandInfo {
            switch self {
            case .wideOrMarginalExcision:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "2–3: long-term local control", zh: "2–3 分：长期局部控制"),
                    meaning: LocalizedText(en: "aim at long-term local control", zh: "以长期局部控制为目标"),
                    recommendation: LocalizedText(en: "wide or marginal excision", zh: "广泛或边缘切除"))
            case .marginalOrIntralesionalExcision:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "4–5: middle-term local control", zh: "4–5 分：中期局部控制"),
                    meaning: LocalizedText(en: "aim at middle-term local control", zh: "以中期局部控制为目标"),
                    recommendation: LocalizedText(en: "marginal or intralesional excision", zh: "边缘或病灶内切除"))
            case .palliativeSurgery:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "6–7: short-term palliation", zh: "6–7 分：短期姑息"),
                    meaning: LocalizedText(en: "aim at short-term palliation", zh: "以短期姑息为目标"),
                    recommendation: LocalizedText(en: "palliative surgery", zh: "姑息性手术"))
            case .supportiveCare:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "8–10: terminal care", zh: "8–10 分：终末期关怀"),
                    meaning: LocalizedText(en: "aim at comfort", zh: "以舒适为目标"),
                    recommendation: LocalizedText(en: "non-operative supportive care", zh: "非手术支持治疗"))
            }
        }
    }

    public struct Result: Sendable, Hashable {
        public let components: [ScoreComponent]
        public let total: ScoreTotal
        public let strategy: Strategy?
        public let possibleStrategies: [Strategy]
        /// Set when `primary` was given but has no Tomita class and no `primaryGrowth` was given.
        public let unclassifiedPrimary: PrimarySite?
    }

    public static let itemLabels = (
        growth: LocalizedText(en: "primary tumour growth", zh: "原发肿瘤生长速度"),
        visceral: LocalizedText(en: "visceral metastases", zh: "内脏转移"),
        bone: LocalizedText(en: "bone metastases", zh: "骨转移")
    )

    public static func evaluate(_ input: Input) -> Result {
        let growthComponent: ScoreComponent
        var unclassified: PrimarySite?
        if let growth = input.primaryGrowth ?? input.primary.flatMap(growth(of:)) {
            let value = input.primaryGrowth == nil ? input.primary?.rawValue : growth.rawValue
            let label = input.primaryGrowth == nil ? input.primary.map { primaryLabel($0, growth) } : growth.label
            growthComponent = ScoreComponent(
                key: "primaryGrowth", label: itemLabels.growth, value: value, valueLabel: label, points: growthPoints(growth))
        } else {
            unclassified = input.primary
            growthComponent = ScoreComponent(
                key: "primaryGrowth", label: itemLabels.growth, unknownWithin: 1...4, value: input.primary?.rawValue,
                valueLabel: input.primary?.label)
        }
        let components = [
            growthComponent,
            .item(
                "visceralMets", itemLabels.visceral, input.visceralMets,
                among: input.visceralMetsPresent == true ? [.treatable, .untreatable] : nil,
                amongLabel: LocalizedText(en: "present, treatability not recorded", zh: "有，未记录能否治疗")
            ) { $0.points },
            .item("boneMets", itemLabels.bone, input.boneMets) { $0.points },
        ]
        let total = ScoreTotal(components)
        return Result(
            components: components, total: total, strategy: Strategy.of(range: total.range),
            possibleStrategies: Strategy.possible(in: total.range), unclassifiedPrimary: unclassified)
    }

    static func primaryLabel(_ site: PrimarySite, _ growth: PrimaryGrowth) -> LocalizedText {
        LocalizedText(en: "\(site.label.en) (\(growth.label.en))", zh: "\(site.label.zhHans)（\(growth.label.zhHans)）")
    }
}
