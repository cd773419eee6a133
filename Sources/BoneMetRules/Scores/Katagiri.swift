/// New Katagiri score for skeletal metastases (Katagiri H et al. Cancer Med 2014;3:1359-67).
/// Primary 0/2/3, visceral or brain metastases 0/1/2, laboratory data 0/1/2, ECOG 3–4 1,
/// previous chemotherapy 1, multiple skeletal metastases 1; total 0–10.
public enum Katagiri {
    public enum VisceralMets: String, InputEnum, Codable {
        case none, nodular, disseminated
        public var points: Int {
            switch self {
            case .none: 0
            case .nodular: 1
            case .disseminated: 2
            }
        }
        public var label: LocalizedText {
            switch self {
            case .none: LocalizedText(en: "no visceral or brain metastases", zh: "无内脏或脑转移")
            case .nodular: LocalizedText(en: "nodular visceral or brain metastases", zh: "结节性内脏或脑转移")
            case .disseminated: LocalizedText(en: "disseminated (pleural, peritoneal, leptomeningeal)", zh: "播散性（胸膜、腹膜、软脑膜）")
            }
        }
    }

    public enum Labs: String, InputEnum, Codable {
        case normal, abnormal, critical
        public var points: Int {
            switch self {
            case .normal: 0
            case .abnormal: 1
            case .critical: 2
            }
        }
        public var label: LocalizedText {
            switch self {
            case .normal: LocalizedText(en: "normal", zh: "正常")
            case .abnormal: LocalizedText(en: "abnormal (CRP ≥ 0.4 mg/dL, LDH ≥ 250 IU/L or albumin < 3.7 g/dL)", zh: "异常（CRP ≥0.4 mg/dL、LDH ≥250 IU/L 或白蛋白 <3.7 g/dL）")
            case .critical: LocalizedText(en: "critical (platelets < 100 000/µL, corrected calcium ≥ 10.3 mg/dL or total bilirubin ≥ 1.4 mg/dL)", zh: "危急（血小板 <100 000/µL、校正血钙 ≥10.3 mg/dL 或总胆红素 ≥1.4 mg/dL）")
            }
        }
    }

    /// Raw laboratory values; any may be unknown. Calcium is the albumin-corrected value.
    public struct LabValues: Sendable, Hashable, Codable {
        public var crpMgDl: Double?
        public var ldhIuL: Double?
        public var albuminGDl: Double?
        public var plateletsPerUl: Double?
        public var calciumMgDl: Double?
        public var bilirubinMgDl: Double?

        public init(
            crpMgDl: Double? = nil, ldhIuL: Double? = nil, albuminGDl: Double? = nil, plateletsPerUl: Double? = nil,
            calciumMgDl: Double? = nil, bilirubinMgDl: Double? = nil
        ) {
            self.crpMgDl = crpMgDl
            self.ldhIuL = ldhIuL
            self.albuminGDl = albuminGDl
            self.plateletsPerUl = plateletsPerUl
            self.calciumMgDl = calciumMgDl
            self.bilirubinMgDl = bilirubinMgDl
        }

        public var isEmpty: Bool {
            [crpMgDl, ldhIuL, albuminGDl, plateletsPerUl, calciumMgDl, bilirubinMgDl].allSatisfy { $0 == nil }
        }
    }

    /// Thresholds of Katagiri 2014: abnormal CRP ≥ 0.4 mg/dL, LDH ≥ 250 IU/L, albumin < 3.7 g/dL;
    /// critical platelets < 100 000/µL, corrected calcium ≥ 10.3 mg/dL, total bilirubin ≥ 1.4 mg/dL.
    public enum Thresholds {
        public static let crpMgDl = 0.4
        public static let ldhIuL = 250.0
        public static let albuminGDl = 3.7
        public static let plateletsPerUl = 100_000.0
        public static let calciumMgDl = 10.3
        public static let bilirubinMgDl = 1.4
    }

    /// The laboratory tier the raw values allow: points when decided, or the possible range and
    /// the values still needed. The worse tier wins, so one critical value decides it alone.
    public static func labTier(_ values: LabValues) -> (possible: ClosedRange<Int>, missing: [String]) {
        let critical: [(String, Double?, (Double) -> Bool)] = [
            ("plateletsPerUl", values.plateletsPerUl, { $0 < Thresholds.plateletsPerUl }),
            ("calciumMgDl", values.calciumMgDl, { $0 >= Thresholds.calciumMgDl }),
            ("bilirubinMgDl", values.bilirubinMgDl, { $0 >= Thresholds.bilirubinMgDl }),
        ]
        let abnormal: [(String, Double?, (Double) -> Bool)] = [
            ("crpMgDl", values.crpMgDl, { $0 >= Thresholds.crpMgDl }),
            ("ldhIuL", values.ldhIuL, { $0 >= Thresholds.ldhIuL }),
            ("albuminGDl", values.albuminGDl, { $0 < Thresholds.albuminGDl }),
        ]
        if critical.contains(where: { $0.1.map($0.2) == true }) { return (2...2, []) }
        let criticalUnknown = critical.filter { $0.1 == nil }.map(\.0)
        let abnormalKnown = abnormal.contains { $0.1.map($0.2) == true }
        let abnormalUnknown = abnormal.filter { $0.1 == nil }.map(\.0)
        let low = abnormalKnown ? 1 : 0
        let high = !criticalUnknown.isEmpty ? 2 : (abnormalKnown || !abnormalUnknown.isEmpty ? 1 : 0)
        // Only the values that could still change the tier are missing.
        var missing = criticalUnknown
        if !abnormalKnown { missing += abnormalUnknown }
        return (low...high, low == high ? [] : missing)
    }

    /// Growth class of the primaries reference.md names for Katagiri 2014. Breast and prostate
    /// need `hormoneDependent`, lung needs `targetedTherapy`; other unnamed primaries need
    /// `primaryGrowth` (the sources disagree on where "others" belong).
    public static func growth(of site: PrimarySite, hormoneDependent: Bool?, targetedTherapy: Bool?) -> PrimaryGrowth? {
        switch site {
        case .breast, .prostate: hormoneDependent.map { $0 ? .slow : .moderate }
        case .lung: targetedTherapy.map { $0 ? .moderate : .rapid }
        case .thyroid, .myeloma, .lymphoma: .slow
        case .kidney, .sarcoma, .osteosarcoma: .moderate
        case .colon, .rectum, .stomach, .pancreas, .headAndNeck, .esophagus, .liver, .melanoma, .unknown: .rapid
        case .gallbladder, .bladder, .uterus, .carcinoid, .other: nil
        }
    }

    public static func growthPoints(_ growth: PrimaryGrowth) -> Int {
        switch growth {
        case .slow: 0
        case .moderate: 2
        case .rapid: 3
        }
    }

    public struct Input: Sendable, Hashable, Codable {
        public var primary: PrimarySite?
        public var hormoneDependent: Bool?
        public var targetedTherapy: Bool?
        public var primaryGrowth: PrimaryGrowth?
        public var visceralMets: VisceralMets?
        /// Visceral or brain metastases are on record but not their pattern: 1 or 2, not 0–2.
        public var visceralMetsPresent: Bool?
        public var labs: Labs?
        public var labValues: LabValues
        public var ecog: Int?
        public var previousChemotherapy: Bool?
        public var multipleSkeletalMets: Bool?
        /// Karnofsky performance status, read for the ECOG item when no ECOG is given
        /// (`PerformanceConversion.ecogRange(kps:)`).
        public var kps: Int?

        public init(
            primary: PrimarySite? = nil, hormoneDependent: Bool? = nil, targetedTherapy: Bool? = nil,
            primaryGrowth: PrimaryGrowth? = nil, visceralMets: VisceralMets? = nil, labs: Labs? = nil,
            labValues: LabValues = LabValues(), ecog: Int? = nil, previousChemotherapy: Bool? = nil,
            multipleSkeletalMets: Bool? = nil, visceralMetsPresent: Bool? = nil, kps: Int? = nil
        ) {
            self.kps = kps
            self.visceralMetsPresent = visceralMetsPresent
            self.primary = primary
            self.hormoneDependent = hormoneDependent
            self.targetedTherapy = targetedTherapy
            self.primaryGrowth = primaryGrowth
            self.visceralMets = visceralMets
            self.labs = labs
            self.labValues = labValues
            self.ecog = ecog
            self.previousChemotherapy = previousChemotherapy
            self.multipleSkeletalMets = multipleSkeletalMets
        }
    }

    public enum Risk: String, ScoreBand, Codable {
        case low, intermediate, high

        /// 0–3 low, 4–6 intermediate, 7–10 high (Katagiri 2014).
        public static func of(total: Int) -> Risk {
            if total <= 3 { return .low }
            if total <= 6 { return .intermediate }
            return .high
        }

        public var label: LocalizedText { info.label }

        public var info: BandInfo {
            switch self {
            case .low:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "low risk (0–3)", zh: "低危（0–3 分）"),
                    meaning: LocalizedText(en: "1-year survival about 91 %, 2-year about 78 %", zh: "1 年生存率约 91%，2 年约 78%"),
                    recommendation: LocalizedText(
                        en: "long expected survival: where surgery or radiotherapy is indicated, choose durable local treatment",
                        zh: "预计生存期长：需手术或放疗时选择持久的局部治疗"))
            case .intermediate:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "intermediate risk (4–6)", zh: "中危（4–6 分）"),
                    meaning: LocalizedText(en: "1-year survival about 49 %", zh: "1 年生存率约 49%"),
                    recommendation: LocalizedText(
                        en: "weigh the durability of local treatment against recovery time",
                        zh: "权衡局部治疗的持久性与恢复时间"))
            case .high:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "high risk (7–10)", zh: "高危（7–10 分）"),
                    meaning: LocalizedText(en: "6-month survival about 27 %, 1-year about 6 %", zh: "6 个月生存率约 27%，1 年约 6%"),
                    recommendation: LocalizedText(
                        en: "short expected survival: prefer the least invasive effective palliation",
                        zh: "预计生存期短：优先选择创伤最小的有效姑息治疗"))
            }
        }
    }

    public struct Result: Sendable, Hashable {
        public let components: [ScoreComponent]
        public let total: ScoreTotal
        public let risk: Risk?
        public let possibleRisks: [Risk]
    }

    public static let itemLabels = (
        primary: LocalizedText(en: "primary lesion", zh: "原发灶"),
        visceral: LocalizedText(en: "visceral or brain metastases", zh: "内脏或脑转移"),
        labs: LocalizedText(en: "laboratory data", zh: "实验室检查"),
        ecog: LocalizedText(en: "ECOG performance status 3–4", zh: "ECOG 体能状态 3–4"),
        chemo: LocalizedText(en: "previous chemotherapy", zh: "既往化疗"),
        multiple: LocalizedText(en: "multiple skeletal metastases", zh: "多发骨转移")
    )

    public static func evaluate(_ input: Input) -> Result {
        let components = [
            primaryComponent(input),
            .item(
                "visceralMets", itemLabels.visceral, input.visceralMets,
                among: input.visceralMetsPresent == true ? [.nodular, .disseminated] : nil,
                amongLabel: LocalizedText(en: "present, pattern not recorded", zh: "有，未记录分布类型")
            ) { $0.points },
            labsComponent(input),
            ecogComponent(input.ecog, kps: input.kps),
            yesNo("previousChemotherapy", itemLabels.chemo, input.previousChemotherapy),
            yesNo("multipleSkeletalMets", itemLabels.multiple, input.multipleSkeletalMets),
        ]
        let total = ScoreTotal(components)
        let missing = components.flatMap { component -> [String] in
            guard component.points == nil else { return [] }
            switch component.key {
            case "primaryGrowth": return primaryMissing(input)
            case "labs": return labsMissing(input)
            default: return [component.key]
            }
        }
        let fixedTotal = ScoreTotal(min: total.min, max: total.max, missing: missing)
        return Result(
            components: components, total: fixedTotal, risk: Risk.of(range: total.range),
            possibleRisks: Risk.possible(in: total.range))
    }

    private static func primaryComponent(_ input: Input) -> ScoreComponent {
        let label = itemLabels.primary
        if let growth = input.primaryGrowth {
            return ScoreComponent(key: "primaryGrowth", label: label, value: growth.rawValue, valueLabel: growth.label, points: growthPoints(growth))
        }
        guard let site = input.primary else {
            return ScoreComponent(key: "primaryGrowth", label: label, unknownWithin: 0...3)
        }
        if let growth = growth(of: site, hormoneDependent: input.hormoneDependent, targetedTherapy: input.targetedTherapy) {
            return ScoreComponent(
                key: "primaryGrowth", label: label, value: site.rawValue, valueLabel: Tomita.primaryLabel(site, growth),
                points: growthPoints(growth))
        }
        let possible: ClosedRange<Int> =
            switch site {
            case .breast, .prostate: 0...2
            default: 2...3
            }
        return ScoreComponent(key: "primaryGrowth", label: label, unknownWithin: possible, value: site.rawValue, valueLabel: site.label)
    }

    private static func primaryMissing(_ input: Input) -> [String] {
        switch input.primary {
        case .none: ["primary"]
        case .some(.breast), .some(.prostate): ["hormoneDependent"]
        case .some(.lung): ["targetedTherapy"]
        case .some: ["primaryGrowth"]
        }
    }

    private static func labsComponent(_ input: Input) -> ScoreComponent {
        let label = itemLabels.labs
        if let labs = input.labs {
            return ScoreComponent(key: "labs", label: label, value: labs.rawValue, valueLabel: labs.label, points: labs.points)
        }
        let tier = labTier(input.labValues)
        if let points = tier.possible.lowerBound == tier.possible.upperBound ? tier.possible.lowerBound : nil,
            let labs = Labs.allCases.first(where: { $0.points == points })
        {
            return ScoreComponent(
                key: "labs", label: label, value: labs.rawValue, valueLabel: settledLabLabel(input.labValues, labs) ?? labs.label, points: points)
        }
        return ScoreComponent(key: "labs", label: label, unknownWithin: tier.possible, valueLabel: partialLabLabel(input.labValues, missing: tier.missing))
    }

    /// A settled tier named by the values that decide it ("critical (platelets 82 000/µL < 100 000;
    /// total bilirubin 1.58 mg/dL ≥ 1.4)"): the criteria alone, "platelets < 100 000/µL, corrected
    /// calcium ≥ 10.3 mg/dL or total bilirubin ≥ 1.4 mg/dL", left the reader to find which.
    static func settledLabLabel(_ values: LabValues, _ tier: Labs) -> LocalizedText? {
        func number(_ value: Double) -> String { CaseIndex.format(value, decimals: 2) }
        func count(_ value: Double) -> String { value.groupedThousands }
        var deciding: [LocalizedText] = []
        switch tier {
        case .critical:
            if let platelets = values.plateletsPerUl, platelets < Thresholds.plateletsPerUl {
                deciding.append(LocalizedText(
                    en: "platelets \(count(platelets))/µL < \(count(Thresholds.plateletsPerUl))", zh: "血小板 \(count(platelets))/µL <\(count(Thresholds.plateletsPerUl))"))
            }
            if let calcium = values.calciumMgDl, calcium >= Thresholds.calciumMgDl {
                deciding.append(LocalizedText(
                    en: "corrected calcium \(number(calcium)) mg/dL ≥ \(number(Thresholds.calciumMgDl))", zh: "校正血钙 \(number(calcium)) mg/dL ≥\(number(Thresholds.calciumMgDl))"))
            }
            if let bilirubin = values.bilirubinMgDl, bilirubin >= Thresholds.bilirubinMgDl {
                deciding.append(LocalizedText(
                    en: "total bilirubin \(number(bilirubin)) mg/dL ≥ \(number(Thresholds.bilirubinMgDl))", zh: "总胆红素 \(number(bilirubin)) mg/dL ≥\(number(Thresholds.bilirubinMgDl))"))
            }
        case .abnormal:
            deciding = abnormalValues(values)
        case .normal:
            return nil
        }
        guard !deciding.isEmpty else { return nil }
        let name = tier == .critical ? LocalizedText(en: "critical", zh: "危急") : LocalizedText(en: "abnormal", zh: "异常")
        let list = LocalizedText.joined(deciding, en: "; ", zh: "；")
        return LocalizedText(en: "\(name.en) (\(list.en))", zh: "\(name.zhHans)（\(list.zhHans)）")
    }

    /// The values past Katagiri's abnormal thresholds, named with them ("LDH 310 IU/L ≥ 250").
    static func abnormalValues(_ values: LabValues) -> [LocalizedText] {
        func number(_ value: Double) -> String { CaseIndex.format(value, decimals: 2) }
        var abnormal: [LocalizedText] = []
        if let crp = values.crpMgDl, crp >= Thresholds.crpMgDl {
            abnormal.append(LocalizedText(en: "CRP \(number(crp)) mg/dL ≥ \(number(Thresholds.crpMgDl))", zh: "CRP \(number(crp)) mg/dL ≥\(number(Thresholds.crpMgDl))"))
        }
        if let ldh = values.ldhIuL, ldh >= Thresholds.ldhIuL {
            abnormal.append(LocalizedText(en: "LDH \(number(ldh)) IU/L ≥ \(number(Thresholds.ldhIuL))", zh: "LDH \(number(ldh)) IU/L ≥\(number(Thresholds.ldhIuL))"))
        }
        if let albumin = values.albuminGDl, albumin < Thresholds.albuminGDl {
            abnormal.append(LocalizedText(
                en: "albumin \(number(albumin)) g/dL < \(number(Thresholds.albuminGDl))", zh: "白蛋白 \(number(albumin)) g/dL <\(number(Thresholds.albuminGDl))"))
        }
        return abnormal
    }

    /// What is known of a tier still open: the values that already decide part of it and those
    /// still needed ("abnormal (LDH 310 IU/L ≥ 250); not recorded: platelets, bilirubin") —
    /// "unknown" read as if nothing was on record.
    static func partialLabLabel(_ values: LabValues, missing: [String]) -> LocalizedText? {
        guard !values.isEmpty else { return nil }
        let abnormal = abnormalValues(values)
        let names: [String: LocalizedText] = [
            "plateletsPerUl": LocalizedText(en: "platelets", zh: "血小板"), "calciumMgDl": LocalizedText(en: "corrected calcium", zh: "校正血钙"),
            "bilirubinMgDl": LocalizedText(en: "total bilirubin", zh: "总胆红素"), "crpMgDl": LocalizedText(en: "CRP", zh: "CRP"),
            "ldhIuL": LocalizedText(en: "LDH", zh: "LDH"), "albuminGDl": LocalizedText(en: "albumin", zh: "白蛋白"),
        ]
        let needed = LocalizedText.joined(missing.compactMap { names[$0] }, en: ", ", zh: "、")
        let known = abnormal.isEmpty
            ? LocalizedText(en: "no abnormal or critical value so far", zh: "目前无异常或危急值")
            : LocalizedText(
                en: "abnormal (\(LocalizedText.joined(abnormal).en))", zh: "异常（\(LocalizedText.joined(abnormal).zhHans)）")
        return LocalizedText(en: "\(known.en); not recorded: \(needed.en)", zh: "\(known.zhHans)；未记录：\(needed.zhHans)")
    }

    private static func labsMissing(_ input: Input) -> [String] {
        input.labValues.isEmpty ? ["labs"] : labTier(input.labValues).missing
    }

    /// ECOG 3–4 → 1. Without an ECOG grade, the grades the KPS may stand for over the published
    /// conversions (`PerformanceConversion`): KPS ≤ 40 is ECOG 3–4 and KPS ≥ 70 ECOG 0–2 in every
    /// one of them; KPS 50–60 leaves the point open.
    private static func ecogComponent(_ ecog: Int?, kps: Int?) -> ScoreComponent {
        guard let ecog else {
            guard let kps, let grades = PerformanceConversion.ecogRange(kps: kps) else {
                return ScoreComponent(key: "ecog", label: itemLabels.ecog, unknownWithin: 0...1)
            }
            let low = grades.lowerBound >= 3 ? 1 : 0, high = grades.upperBound >= 3 ? 1 : 0
            let gradesText = grades.lowerBound == grades.upperBound ? "\(grades.lowerBound)" : "\(grades.lowerBound)–\(grades.upperBound)"
            let label = LocalizedText(
                en: "KPS \(kps) (ECOG \(gradesText) by the published conversions)",
                zh: "KPS \(kps)（按已发表的换算相当于 ECOG \(gradesText)）")
            if low == high { return ScoreComponent(key: "ecog", label: itemLabels.ecog, value: "KPS \(kps)", valueLabel: label, points: low) }
            return ScoreComponent(key: "ecog", label: itemLabels.ecog, unknownWithin: low...high, value: "KPS \(kps)", valueLabel: label)
        }
        return ScoreComponent(
            key: "ecog", label: itemLabels.ecog, value: String(ecog),
            valueLabel: LocalizedText(en: "ECOG \(ecog)", zh: "ECOG 评分 \(ecog)"),
            points: ecog >= 3 ? 1 : 0)
    }

    private static func yesNo(_ key: String, _ label: LocalizedText, _ value: Bool?) -> ScoreComponent {
        guard let value else { return ScoreComponent(key: key, label: label, unknownWithin: 0...1) }
        return ScoreComponent(
            key: key, label: label, value: value ? "true" : "false",
            valueLabel: value ? LocalizedText(en: "yes", zh: "是") : LocalizedText(en: "no", zh: "否"), points: value ? 1 : 0)
    }
}
