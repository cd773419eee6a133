/// Choices where sources disagree. Every rule reads these instead of a hard-coded pick;
/// defaults follow the source hospital (docs/calculators.md and docs/case-format.md list each
/// with its sources). One settings file sets them for `assess`, `import` and `serve`.
public struct RuleSettings: Sendable, Hashable, Codable {
    /// Mirels total at which prophylactic fixation is alerted. 8: the source hospital and
    /// Mirels 1989's abstract; 9: later literature. Only these two values are supported.
    public var mirelsFixationThreshold: Int
    /// Whether Bilsky ESCC grade 1c counts as high grade. Bilsky 2010 calls 1c debated; default
    /// false (low grade), shown with a note whenever the grade is 1c.
    public var escc1cIsHighGrade: Bool

    /// Weeks after the start of a new therapy in which new sclerosis or uptake may be flare.
    /// PCWG3 (Scher 2016) takes the first post-baseline scan at 8–12 weeks; MDA "about 3 months".
    public var flareWindowWeeks: Int
    /// The bone-modifying agent the MDT prefers. ASCO 2017 finds the evidence insufficient to
    /// prefer one; the source hospital prefers denosumab (Stopeck 2010: time to first SRE HR 0.82).
    public var preferredBoneAgent: BoneAgent
    /// Years from the primary diagnosis after which a new bone lesion is a "long disease-free
    /// interval" and needs pathology. The source gives no number; 5 years is the conventional
    /// boundary of late recurrence (e.g. breast cancer), and the MDT may change it.
    public var longDiseaseFreeIntervalYears: Int
    /// Age above which multiple lytic lesions or an unknown primary call for a myeloma work-up
    /// (reference.md: "age > 50–60").
    public var myelomaWorkupAgeAbove: Int
    /// Whether hypercalcaemia of malignancy counts as a skeletal-related event (Zometa EU label
    /// yes, Xgeva EU label and the trial definition of Stopeck 2010 / CALGB 70604 no).
    public var hypercalcaemiaIsSRE: Bool
    /// Weeks a systemic therapy must have run before sclerosis first seen under it can be a
    /// treatment effect (flare or healing). Flare and sclerotic healing are described from weeks
    /// to about 3 months (Hamaoka 2004); PCWG3 (Scher 2016) reads the first post-baseline scan at
    /// 8–12 weeks. Default 8, the earliest of those scans: a lesion first seen sooner was there
    /// before the therapy could act and is judged as pre-existing.
    public var blasticLatencyWeeks: Int
    /// Upper limit of serum calcium (mg/dL) used when a result carries no reference range of its
    /// own. 10.5 mg/dL (2.6 mmol/L) is the usual adult upper limit; set the laboratory's.
    public var calciumUpperLimitMgDl: Double
    /// Lower limit of serum calcium (mg/dL) used when a result carries no reference range of its
    /// own. 8.5 mg/dL is the usual adult lower limit, the pair of the 10.5 above (China's WS/T
    /// 404.6-2015 reference interval 2.11–2.52 mmol/L: 8.46–10.1 mg/dL); set the laboratory's.
    /// A corrected calcium under it is CTCAE grade 1 hypocalcaemia (< LLN–8.0 mg/dL), which both
    /// bone agents' labels ask to be corrected before a dose.
    public var calciumLowerLimitMgDl: Double
    /// Age range in which an eccentric epiphyseal lytic lesion raises giant cell tumour of bone
    /// (reference.md: "in a young adult"). Default 20–40: the third and fourth decades, where
    /// most giant cell tumours occur (Chakarun CJ et al. Radiographics 2013;33:197-211).
    public var giantCellTumourAgeMin: Int
    public var giantCellTumourAgeMax: Int
    /// Days without a regimen that make a break in treatment: an EHR import joins two orders of
    /// the same drug this close into one regimen window, and the rules count a study up to this
    /// long after a regimen stopped as still showing that regimen (its stop for "progression";
    /// change after a longer gap is natural history). Cycles last 1–4 weeks; a gap of more than
    /// two missed 28-day cycles (56 days) is taken as a break between regimens. Set per site.
    public var regimenGapDays: Int
    /// Whose interval an anti-angiogenic drug is held for before elective surgery where sources
    /// give two: the regulatory recommendations tabulated in Front Oncol 2021;11:696865 (table 3,
    /// the EU and Chinese labels: axitinib 24 hours, cabozantinib 28 days) or the US prescribing
    /// information (axitinib 2 days, cabozantinib 3 weeks). Either way, where the chosen source
    /// gives no interval the other's is used, named with its source.
    public var antiAngiogenicHoldSource: AntiAngiogenicHoldSource

    public static let allowedMirelsThresholds: ClosedRange<Int> = 8...9
    public static let allowedFlareWindowWeeks: ClosedRange<Int> = 8...13
    public static let allowedLongDiseaseFreeIntervalYears: ClosedRange<Int> = 1...20
    public static let allowedMyelomaWorkupAges: ClosedRange<Int> = 50...60
    public static let allowedBlasticLatencyWeeks: ClosedRange<Int> = 2...13
    public static let allowedCalciumUpperLimits: ClosedRange<Double> = 9.5...11.0
    public static let allowedCalciumLowerLimits: ClosedRange<Double> = 8.0...9.0
    public static let allowedGiantCellTumourAges: ClosedRange<Int> = 10...60
    public static let allowedRegimenGapDays: ClosedRange<Int> = 7...365

    public init(
        mirelsFixationThreshold: Int = 8, escc1cIsHighGrade: Bool = false, flareWindowWeeks: Int = 12,
        preferredBoneAgent: BoneAgent = .denosumab, longDiseaseFreeIntervalYears: Int = 5,
        myelomaWorkupAgeAbove: Int = 50, hypercalcaemiaIsSRE: Bool = false, blasticLatencyWeeks: Int = 8,
        calciumUpperLimitMgDl: Double = 10.5, giantCellTumourAgeMin: Int = 20, giantCellTumourAgeMax: Int = 40, regimenGapDays: Int = 56,
        calciumLowerLimitMgDl: Double = 8.5, antiAngiogenicHoldSource: AntiAngiogenicHoldSource = .frontOncol2021
    ) {
        self.antiAngiogenicHoldSource = antiAngiogenicHoldSource
        self.calciumLowerLimitMgDl = calciumLowerLimitMgDl
        self.regimenGapDays = regimenGapDays
        self.mirelsFixationThreshold = mirelsFixationThreshold
        self.escc1cIsHighGrade = escc1cIsHighGrade
        self.flareWindowWeeks = flareWindowWeeks
        self.preferredBoneAgent = preferredBoneAgent
        self.longDiseaseFreeIntervalYears = longDiseaseFreeIntervalYears
        self.myelomaWorkupAgeAbove = myelomaWorkupAgeAbove
        self.hypercalcaemiaIsSRE = hypercalcaemiaIsSRE
        self.blasticLatencyWeeks = blasticLatencyWeeks
        self.calciumUpperLimitMgDl = calciumUpperLimitMgDl
        self.giantCellTumourAgeMin = giantCellTumourAgeMin
        self.giantCellTumourAgeMax = giantCellTumourAgeMax
    }

    public static let `default` = RuleSettings()

    /// The keys of a settings file, in the order they are echoed.
    public static let keys = [
        "mirelsFixationThreshold", "escc1cIsHighGrade", "flareWindowWeeks", "preferredBoneAgent",
        "longDiseaseFreeIntervalYears", "myelomaWorkupAgeAbove", "hypercalcaemiaIsSRE", "blasticLatencyWeeks",
        "calciumUpperLimitMgDl", "giantCellTumourAgeMin", "giantCellTumourAgeMax", "regimenGapDays", "calciumLowerLimitMgDl",
        "antiAngiogenicHoldSource",
    ]

    /// Validates values that came from outside (command line, configuration, a form).
    public func validated() throws(InputError) -> RuleSettings {
        let checks: [(String, Int, ClosedRange<Int>)] = [
            ("mirelsFixationThreshold", mirelsFixationThreshold, Self.allowedMirelsThresholds),
            ("flareWindowWeeks", flareWindowWeeks, Self.allowedFlareWindowWeeks),
            ("longDiseaseFreeIntervalYears", longDiseaseFreeIntervalYears, Self.allowedLongDiseaseFreeIntervalYears),
            ("myelomaWorkupAgeAbove", myelomaWorkupAgeAbove, Self.allowedMyelomaWorkupAges),
            ("blasticLatencyWeeks", blasticLatencyWeeks, Self.allowedBlasticLatencyWeeks),
            ("giantCellTumourAgeMin", giantCellTumourAgeMin, Self.allowedGiantCellTumourAges),
            ("giantCellTumourAgeMax", giantCellTumourAgeMax, Self.allowedGiantCellTumourAges),
            ("regimenGapDays", regimenGapDays, Self.allowedRegimenGapDays),
        ]
        for (field, value, range) in checks where !range.contains(value) {
            throw InputError(
                field: field, problem: .outOfRange(min: Double(range.lowerBound), max: Double(range.upperBound)))
        }
        if !Self.allowedCalciumUpperLimits.contains(calciumUpperLimitMgDl) {
            throw InputError(
                field: "calciumUpperLimitMgDl",
                problem: .outOfRange(min: Self.allowedCalciumUpperLimits.lowerBound, max: Self.allowedCalciumUpperLimits.upperBound))
        }
        if !Self.allowedCalciumLowerLimits.contains(calciumLowerLimitMgDl) {
            throw InputError(
                field: "calciumLowerLimitMgDl",
                problem: .outOfRange(min: Self.allowedCalciumLowerLimits.lowerBound, max: Self.allowedCalciumLowerLimits.upperBound))
        }
        if giantCellTumourAgeMax < giantCellTumourAgeMin {
            throw InputError(field: "giantCellTumourAgeMax", problem: .conflict(with: "giantCellTumourAgeMin"))
        }
        // A flare can only be recognised once the therapy has had time to act.
        if blasticLatencyWeeks > flareWindowWeeks {
            throw InputError(field: "blasticLatencyWeeks", problem: .conflict(with: "flareWindowWeeks"))
        }
        guard preferredBoneAgent == .denosumab || preferredBoneAgent == .zoledronicAcid else {
            throw InputError(
                field: "preferredBoneAgent",
                problem: .unknownValue(preferredBoneAgent.rawValue, allowed: ["denosumab", "zoledronicAcid"]))
        }
        return self
    }

    /// Reads a settings file (a JSON object with any of `keys`); absent keys keep their default.
    /// Every unknown key and bad value is refused with its field name.
    public static func read(_ value: JSONValue) throws(InputError) -> RuleSettings {
        let reader = try InputReader(value, fields: keys)
        let base = RuleSettings.default
        var settings = base
        settings.mirelsFixationThreshold = try reader.int("mirelsFixationThreshold", in: allowedMirelsThresholds) ?? base.mirelsFixationThreshold
        settings.escc1cIsHighGrade = try reader.bool("escc1cIsHighGrade") ?? base.escc1cIsHighGrade
        settings.flareWindowWeeks = try reader.int("flareWindowWeeks", in: allowedFlareWindowWeeks) ?? base.flareWindowWeeks
        settings.preferredBoneAgent = try reader.enumValue("preferredBoneAgent", as: BoneAgent.self) ?? base.preferredBoneAgent
        settings.longDiseaseFreeIntervalYears =
            try reader.int("longDiseaseFreeIntervalYears", in: allowedLongDiseaseFreeIntervalYears) ?? base.longDiseaseFreeIntervalYears
        settings.myelomaWorkupAgeAbove = try reader.int("myelomaWorkupAgeAbove", in: allowedMyelomaWorkupAges) ?? base.myelomaWorkupAgeAbove
        settings.hypercalcaemiaIsSRE = try reader.bool("hypercalcaemiaIsSRE") ?? base.hypercalcaemiaIsSRE
        settings.blasticLatencyWeeks = try reader.int("blasticLatencyWeeks", in: allowedBlasticLatencyWeeks) ?? base.blasticLatencyWeeks
        settings.calciumUpperLimitMgDl = try reader.double("calciumUpperLimitMgDl", in: allowedCalciumUpperLimits) ?? base.calciumUpperLimitMgDl
        settings.giantCellTumourAgeMin = try reader.int("giantCellTumourAgeMin", in: allowedGiantCellTumourAges) ?? base.giantCellTumourAgeMin
        settings.giantCellTumourAgeMax = try reader.int("giantCellTumourAgeMax", in: allowedGiantCellTumourAges) ?? base.giantCellTumourAgeMax
        settings.regimenGapDays = try reader.int("regimenGapDays", in: allowedRegimenGapDays) ?? base.regimenGapDays
        settings.calciumLowerLimitMgDl = try reader.double("calciumLowerLimitMgDl", in: allowedCalciumLowerLimits) ?? base.calciumLowerLimitMgDl
        settings.antiAngiogenicHoldSource =
            try reader.enumValue("antiAngiogenicHoldSource", as: AntiAngiogenicHoldSource.self) ?? base.antiAngiogenicHoldSource
        return try settings.validated()
    }

    /// Reads a settings file's text.
    public static func read(text: String) throws(InputError) -> RuleSettings {
        try read(JSONValue.parse(text))
    }

    /// The settings as name → value, in `keys` order, for echoing in every output.
    public var echo: [(key: String, value: String)] {
        let values: [String: String] = [
            "mirelsFixationThreshold": String(mirelsFixationThreshold), "escc1cIsHighGrade": String(escc1cIsHighGrade),
            "flareWindowWeeks": String(flareWindowWeeks), "preferredBoneAgent": preferredBoneAgent.rawValue,
            "longDiseaseFreeIntervalYears": String(longDiseaseFreeIntervalYears), "myelomaWorkupAgeAbove": String(myelomaWorkupAgeAbove),
            "hypercalcaemiaIsSRE": String(hypercalcaemiaIsSRE), "blasticLatencyWeeks": String(blasticLatencyWeeks),
            "calciumUpperLimitMgDl": String(describing: calciumUpperLimitMgDl), "giantCellTumourAgeMin": String(giantCellTumourAgeMin),
            "giantCellTumourAgeMax": String(giantCellTumourAgeMax), "regimenGapDays": String(regimenGapDays),
            "calciumLowerLimitMgDl": String(describing: calciumLowerLimitMgDl),
            "antiAngiogenicHoldSource": antiAngiogenicHoldSource.rawValue,
        ]
        return Self.keys.map { ($0, values[$0] ?? "") }
    }

    /// What each setting means, for people (the echo in text reports and pages).
    public static func label(_ key: String) -> LocalizedText {
        switch key {
        case "mirelsFixationThreshold": LocalizedText(en: "Mirels fixation threshold", zh: "Mirels 内固定阈值")
        case "escc1cIsHighGrade": LocalizedText(en: "ESCC 1c counted as high grade", zh: "ESCC 1c 级按高级别计")
        case "flareWindowWeeks": LocalizedText(en: "flare window (weeks)", zh: "闪烁窗口（周）")
        case "preferredBoneAgent": LocalizedText(en: "preferred bone-modifying agent", zh: "首选骨改良药物")
        case "longDiseaseFreeIntervalYears": LocalizedText(en: "long disease-free interval (years)", zh: "长无病间期（年）")
        case "myelomaWorkupAgeAbove": LocalizedText(en: "myeloma work-up above age", zh: "骨髓瘤筛查年龄下限")
        case "hypercalcaemiaIsSRE": LocalizedText(en: "hypercalcaemia counted as SRE", zh: "高钙血症计为 SRE")
        case "blasticLatencyWeeks": LocalizedText(en: "latency before sclerosis can be a treatment effect (weeks)", zh: "硬化可归因于治疗的最短时间（周）")
        case "calciumUpperLimitMgDl": LocalizedText(en: "calcium upper limit when the lab gives none (mg/dL)", zh: "化验单未给出时的血钙上限（mg/dL）")
        case "giantCellTumourAgeMin": LocalizedText(en: "giant cell tumour age from", zh: "骨巨细胞瘤年龄下限")
        case "giantCellTumourAgeMax": LocalizedText(en: "giant cell tumour age to", zh: "骨巨细胞瘤年龄上限")
        case "regimenGapDays": LocalizedText(en: "days without a regimen that make a break in treatment", zh: "视为治疗中断的停药天数")
        case "calciumLowerLimitMgDl": LocalizedText(en: "calcium lower limit when the lab gives none (mg/dL)", zh: "化验单未给出时的血钙下限（mg/dL）")
        case "antiAngiogenicHoldSource": LocalizedText(en: "anti-angiogenic hold before surgery from", zh: "抗血管生成药物术前停药间隔依据")
        default: LocalizedText(en: key, zh: key)
        }
    }

    /// The settings in words, one language: "Mirels fixation threshold 8; …".
    public func summary(_ language: Language) -> String {
        echo.map { item in
            var value = item.value
            if item.key == "preferredBoneAgent" { value = preferredBoneAgent.label(language) }
            if item.key == "antiAngiogenicHoldSource" { value = antiAngiogenicHoldSource.label(language) }
            if value == "true" { value = language == .zhHans ? "是" : "yes" }
            if value == "false" { value = language == .zhHans ? "否" : "no" }
            return "\(Self.label(item.key)(language)) \(value)"
        }.joined(separator: language == .zhHans ? "；" : "; ")
    }

    /// The settings as a JSON object (the settings-file format).
    public var json: JSONValue {
        var object = JSONObject()
        object["mirelsFixationThreshold"] = .int(mirelsFixationThreshold)
        object["escc1cIsHighGrade"] = .bool(escc1cIsHighGrade)
        object["flareWindowWeeks"] = .int(flareWindowWeeks)
        object["preferredBoneAgent"] = .string(preferredBoneAgent.rawValue)
        object["longDiseaseFreeIntervalYears"] = .int(longDiseaseFreeIntervalYears)
        object["myelomaWorkupAgeAbove"] = .int(myelomaWorkupAgeAbove)
        object["hypercalcaemiaIsSRE"] = .bool(hypercalcaemiaIsSRE)
        object["blasticLatencyWeeks"] = .int(blasticLatencyWeeks)
        object["calciumUpperLimitMgDl"] = .double(calciumUpperLimitMgDl)
        object["giantCellTumourAgeMin"] = .int(giantCellTumourAgeMin)
        object["giantCellTumourAgeMax"] = .int(giantCellTumourAgeMax)
        object["regimenGapDays"] = .int(regimenGapDays)
        object["calciumLowerLimitMgDl"] = .double(calciumLowerLimitMgDl)
        object["antiAngiogenicHoldSource"] = .string(antiAngiogenicHoldSource.rawValue)
        return .object(object)
    }
}

/// The source of an anti-angiogenic drug's hold before elective surgery where two give one
/// (`RuleSettings.antiAngiogenicHoldSource`).
public enum AntiAngiogenicHoldSource: String, InputEnum, Codable {
    case frontOncol2021, usPrescribingInformation

    public var label: LocalizedText {
        switch self {
        case .frontOncol2021: LocalizedText(en: "regulatory recommendations (Front Oncol 2021)", zh: "监管建议（Front Oncol 2021 汇总）")
        case .usPrescribingInformation: LocalizedText(en: "US prescribing information", zh: "美国说明书")
        }
    }
}
