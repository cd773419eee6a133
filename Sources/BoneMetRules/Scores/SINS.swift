/// Spinal Instability Neoplastic Score.
/// Fisher CG et al. Spine 2010;35:E1221-9; validated by Fourney DR et al. J Clin Oncol 2011;29:3072-7.
/// Six items, total 0–18: 0–6 stable, 7–12 potentially unstable, 13–18 unstable.
public enum SINS {
    public enum Location: String, InputEnum, Codable {
        case junctional, mobile, semirigid, rigid
        public var points: Int {
            switch self {
            case .junctional: 3
            case .mobile: 2
            case .semirigid: 1
            case .rigid: 0
            }
        }
        public var label: LocalizedText {
            switch self {
            case .junctional: LocalizedText(en: "junctional (occiput–C2, C7–T2, T11–L1, L5–S1)", zh: "交界区（枕骨–C2、C7–T2、T11–L1、L5–S1）")
            case .mobile: LocalizedText(en: "mobile spine (C3–C6, L2–L4)", zh: "活动节段（C3–C6、L2–L4）")
            case .semirigid: LocalizedText(en: "semirigid (T3–T10)", zh: "半固定节段（T3–T10）")
            case .rigid: LocalizedText(en: "rigid (S2–S5)", zh: "固定节段（S2–S5）")
            }
        }

        /// Location class of a vertebral level (Fisher 2010, table 1).
        public static func of(_ level: VertebralLevel) -> Location {
            switch (level.region, level.number) {
            case (.cervical, 1...2), (.cervical, 7), (.thoracic, 1...2), (.thoracic, 11...12), (.lumbar, 1), (.lumbar, 5),
                (.sacral, 1):
                return .junctional
            case (.cervical, _), (.lumbar, _):
                return .mobile
            case (.thoracic, _):
                return .semirigid
            case (.sacral, _):
                return .rigid
            }
        }
    }

    public enum Pain: String, InputEnum, Codable {
        case mechanical, occasional, none
        public var points: Int {
            switch self {
            case .mechanical: 3
            case .occasional: 1
            case .none: 0
            }
        }
        public var label: LocalizedText {
            switch self {
            case .mechanical: LocalizedText(en: "mechanical pain", zh: "机械性疼痛")
            case .occasional: LocalizedText(en: "occasional non-mechanical pain", zh: "偶发非机械性疼痛")
            case .none: LocalizedText(en: "pain-free", zh: "无痛")
            }
        }
    }

    public enum Lesion: String, InputEnum, Codable {
        case lytic, mixed, blastic
        public var points: Int {
            switch self {
            case .lytic: 2
            case .mixed: 1
            case .blastic: 0
            }
        }
        public var label: LocalizedText {
            switch self {
            case .lytic: LocalizedText(en: "lytic", zh: "溶骨性")
            case .mixed: LocalizedText(en: "mixed", zh: "混合性")
            case .blastic: LocalizedText(en: "blastic", zh: "成骨性")
            }
        }
    }

    public enum Alignment: String, InputEnum, Codable {
        case subluxation, deNovoDeformity, normal
        public var points: Int {
            switch self {
            case .subluxation: 4
            case .deNovoDeformity: 2
            case .normal: 0
            }
        }
        public var label: LocalizedText {
            switch self {
            case .subluxation: LocalizedText(en: "subluxation / translation", zh: "半脱位 / 移位")
            case .deNovoDeformity: LocalizedText(en: "de novo deformity (kyphosis / scoliosis)", zh: "新发畸形（后凸 / 侧弯）")
            case .normal: LocalizedText(en: "normal alignment", zh: "序列正常")
            }
        }
    }

    public enum Collapse: String, InputEnum, Codable {
        case over50, under50, noCollapseOver50Involved, none
        public var points: Int {
            switch self {
            case .over50: 3
            case .under50: 2
            case .noCollapseOver50Involved: 1
            case .none: 0
            }
        }
        public var label: LocalizedText {
            switch self {
            case .over50: LocalizedText(en: "collapse > 50 %", zh: "椎体塌陷 > 50%")
            case .under50: LocalizedText(en: "collapse < 50 %", zh: "椎体塌陷 < 50%")
            case .noCollapseOver50Involved: LocalizedText(en: "no collapse, > 50 % of body involved", zh: "无塌陷，但椎体受累 > 50%")
            case .none: LocalizedText(en: "none of the above", zh: "以上均无")
            }
        }
    }

    public enum Posterolateral: String, InputEnum, Codable {
        case bilateral, unilateral, none
        public var points: Int {
            switch self {
            case .bilateral: 3
            case .unilateral: 1
            case .none: 0
            }
        }
        public var label: LocalizedText {
            switch self {
            case .bilateral: LocalizedText(en: "bilateral", zh: "双侧")
            case .unilateral: LocalizedText(en: "unilateral", zh: "单侧")
            case .none: LocalizedText(en: "none", zh: "无")
            }
        }
    }

    public struct Input: Sendable, Hashable, Codable {
        public var location: Location?
        public var pain: Pain?
        public var lesion: Lesion?
        public var alignment: Alignment?
        public var collapse: Collapse?
        public var posterolateral: Posterolateral?
        /// Pain recorded at the level on a numeric scale (this NRS, above 0) but not whether it is
        /// mechanical: the lesion is not pain-free, so the item is 1 or 3, not 0–3.
        public var painNRSWithoutKind: Int?

        public init(
            location: Location? = nil, pain: Pain? = nil, lesion: Lesion? = nil, alignment: Alignment? = nil,
            collapse: Collapse? = nil, posterolateral: Posterolateral? = nil, painNRSWithoutKind: Int? = nil
        ) {
            self.painNRSWithoutKind = painNRSWithoutKind
            self.location = location
            self.pain = pain
            self.lesion = lesion
            self.alignment = alignment
            self.collapse = collapse
            self.posterolateral = posterolateral
        }
    }

    public enum Category: String, ScoreBand, Codable {
        case stable, potentiallyUnstable, unstable

        /// 0–6 stable, 7–12 potentially unstable, 13–18 unstable (Fisher 2010).
        public static func of(total: Int) -> Category {
            if total <= 6 { return .stable }
            if total <= 12 { return .potentiallyUnstable }
            return .unstable
        }

        public var label: LocalizedText { info.label }

        public var info: BandInfo {
            switch self {
            case .stable:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "stable (0–6)", zh: "稳定（0–6 分）"),
                    meaning: LocalizedText(en: "no neoplastic instability", zh: "无肿瘤性不稳定"),
                    recommendation: LocalizedText(
                        en: "no surgical consultation needed for stability; treat pain and the tumour (radiotherapy per NOMS)",
                        zh: "稳定性方面无需手术会诊；针对疼痛和肿瘤治疗（按 NOMS 选择放疗）"))
            case .potentiallyUnstable:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "potentially unstable (7–12)", zh: "潜在不稳定（7–12 分）"),
                    meaning: LocalizedText(en: "indeterminate stability", zh: "稳定性不确定"),
                    recommendation: LocalizedText(
                        en: "spine-surgery consultation (SINS ≥ 7)", zh: "脊柱外科会诊（SINS ≥7）"))
            case .unstable:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "unstable (13–18)", zh: "不稳定（13–18 分）"),
                    meaning: LocalizedText(en: "neoplastic spinal instability", zh: "肿瘤性脊柱不稳定"),
                    recommendation: LocalizedText(
                        en: "spine-surgery consultation for stabilisation (open or percutaneous, cement augmentation where suited)",
                        zh: "脊柱外科会诊，考虑稳定手术（开放或经皮，必要时骨水泥强化）"))
            }
        }
    }

    public struct Result: Sendable, Hashable {
        public let components: [ScoreComponent]
        public let total: ScoreTotal
        public let category: Category?
        public let possibleCategories: [Category]
        /// True when the total is at least 7 for every possible value; nil while uncertain.
        public let consultSpineSurgery: Bool?
    }

    public static let itemLabels = (
        location: LocalizedText(en: "location", zh: "部位"),
        pain: LocalizedText(en: "pain", zh: "疼痛"),
        lesion: LocalizedText(en: "bone lesion", zh: "骨病变类型"),
        alignment: LocalizedText(en: "radiographic alignment", zh: "脊柱序列"),
        collapse: LocalizedText(en: "vertebral body collapse", zh: "椎体塌陷"),
        posterolateral: LocalizedText(en: "posterolateral involvement", zh: "后外侧结构受累")
    )

    /// SINS ≥ 7 calls for a spine-surgery consultation (Fisher 2010).
    public static let consultationThreshold = 7

    /// `locationWithin`: the locations an unknown location may still be (a vertebra without its
    /// level is never the rigid sacrum); nil or empty: any.
    public static func evaluate(_ input: Input, level: VertebralLevel? = nil, locationWithin: [Location]? = nil) -> Result {
        let location: ScoreComponent
        if let loc = input.location {
            location = ScoreComponent(
                key: "location", label: itemLabels.location, value: level?.description ?? loc.rawValue,
                valueLabel: loc.label, points: loc.points)
        } else if let candidates = locationWithin?.map(\.points), let low = candidates.min(), let high = candidates.max() {
            location = ScoreComponent(key: "location", label: itemLabels.location, unknownWithin: low...high)
        } else {
            location = .item("location", itemLabels.location, Location?.none) { $0.points }
        }
        let components = [
            location,
            // NRS 0 is a pain-free lesion (`PainRecord.sinsGrade`); an NRS above 0 without the
            // pain's kind is pain, mechanical or not — 1 or 3: "SINS 4–7" for a renal-cell L4
            // with NRS 6 on record counted the pain-free 0 among its possibilities (unseen record
            // cb157-d, rule set 2026.12.408).
            .item(
                "pain", itemLabels.pain, input.pain, among: input.painNRSWithoutKind.map { $0 > 0 ? [Pain.mechanical, .occasional] : [] },
                amongLabel: LocalizedText(
                    en: "pain recorded (NRS \(input.painNRSWithoutKind ?? 0)), mechanical or not not recorded",
                    zh: "有疼痛记录（NRS \(input.painNRSWithoutKind ?? 0)），未记录是否为机械性")
            ) { $0.points },
            .item("lesion", itemLabels.lesion, input.lesion) { $0.points },
            .item("alignment", itemLabels.alignment, input.alignment) { $0.points },
            .item("collapse", itemLabels.collapse, input.collapse) { $0.points },
            .item("posterolateral", itemLabels.posterolateral, input.posterolateral) { $0.points },
        ]
        let total = ScoreTotal(components)
        let consult: Bool? =
            total.min >= consultationThreshold ? true : total.max < consultationThreshold ? false : nil
        return Result(
            components: components, total: total, category: Category.of(range: total.range),
            possibleCategories: Category.possible(in: total.range), consultSpineSurgery: consult)
    }
}
