enum SINSCalculator {
    static let level = FieldSpec("level", LocalizedText(en: "vertebral level", zh: "椎体节段"), .vertebralLevel)
    static let location = FieldSpec.choice("location", SINS.itemLabels.location, SINS.Location.self)
    static let pain = FieldSpec.choice("pain", SINS.itemLabels.pain, SINS.Pain.self)
    static let lesion = FieldSpec.choice("lesion", SINS.itemLabels.lesion, SINS.Lesion.self)
    static let alignment = FieldSpec.choice("alignment", SINS.itemLabels.alignment, SINS.Alignment.self)
    static let collapse = FieldSpec.choice("collapse", SINS.itemLabels.collapse, SINS.Collapse.self)
    static let posterolateral = FieldSpec.choice("posterolateral", SINS.itemLabels.posterolateral, SINS.Posterolateral.self)

    static let name = LocalizedText(en: "SINS", zh: "SINS 评分")

    static let title = LocalizedText(en: "SINS — Spinal Instability Neoplastic Score", zh: "SINS——脊柱肿瘤不稳定评分")

    static let calculator = Calculator(
        name: "sins",
        title: title,
        purpose: LocalizedText(
            en: "Mechanical instability of a spinal metastasis: when to consult spine surgery",
            zh: "脊柱转移灶的机械性不稳定：何时请脊柱外科会诊"),
        fields: [level, location, pain, lesion, alignment, collapse, posterolateral],
        example: JSONObject([
            "level": "T11", "pain": "mechanical", "lesion": "lytic", "alignment": "normal", "collapse": "under50",
            "posterolateral": "unilateral",
        ])
    ) { reader, _ throws(InputError) in
        let vertebra = try reader.vertebralLevel(level)
        var given: SINS.Location? = try reader.choice(location)
        if let vertebra {
            let derived = SINS.Location.of(vertebra)
            if let given, given != derived {
                throw InputError(field: "location", problem: .custom(LocalizedText(
                    en: "\"\(given.rawValue)\" contradicts level \(vertebra) (\(derived.rawValue)); give one of them",
                    zh: "\"\(given.rawValue)\" 与节段 \(vertebra)（\(derived.rawValue)）矛盾；请只提供其中之一")))
            }
            given = derived
        }
        let input = SINS.Input(
            location: given, pain: try reader.choice(pain), lesion: try reader.choice(lesion),
            alignment: try reader.choice(alignment), collapse: try reader.choice(collapse),
            posterolateral: try reader.choice(posterolateral))
        return report(SINS.evaluate(input, level: vertebra), level: vertebra, location: given)
    }

    static let urgentCaveat = LocalizedText(
        en: "myelopathy or high-grade epidural compression (ESCC 2–3) is urgent whatever the SINS",
        zh: "脊髓病变或高级别硬膜外压迫（ESCC 2–3 级）无论 SINS 多少分均为紧急情况")

    static func report(_ result: SINS.Result, level: VertebralLevel?, location: SINS.Location?) -> CalculatorReport {
        var values = ScoreReport.values(result.total, bandKey: "category", band: result.category?.rawValue)
        values["level"] = level.map { .string($0.description) } ?? .null
        values["location"] = location.map { .string($0.rawValue) } ?? .null
        values["consultSpineSurgery"] = result.consultSpineSurgery.map(JSONValue.bool) ?? .null

        var advice: [LocalizedText] = []
        switch result.consultSpineSurgery {
        case .some(true):
            advice.append(LocalizedText(
                en: "SINS ≥ \(SINS.consultationThreshold): spine-surgery consultation", zh: "SINS ≥\(SINS.consultationThreshold)：请脊柱外科会诊"))
        case .none:
            advice.append(LocalizedText(
                en: "the possible range crosses \(SINS.consultationThreshold): complete the missing items or consult spine surgery",
                zh: "可能的分值跨越 \(SINS.consultationThreshold) 分：请补全缺失项或请脊柱外科会诊"))
        case .some(false):
            break
        }
        advice += ScoreReport.missingAdvice(result.total)
        return CalculatorReport(
            calculator: "sins", title: title, values: values,
            summary: ScoreReport.summary(name, result.total, band: result.category?.info),
            components: result.components, band: result.category?.info,
            possibleBands: result.possibleCategories.map(\.info), advice: advice, specialty: .spineSurgery,
            caveats: [urgentCaveat], sources: [Sources.fisher2010, Sources.fourney2011], missing: result.total.missing)
    }
}
