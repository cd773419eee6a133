enum MirelsCalculator {
    static let site = FieldSpec.choice("site", Mirels.itemLabels.site, Mirels.Site.self)
    static let pain = FieldSpec.choice("pain", Mirels.itemLabels.pain, Mirels.Pain.self)
    static let lesion = FieldSpec.choice("lesion", Mirels.itemLabels.lesion, Mirels.Lesion.self)
    static let size = FieldSpec.choice("size", Mirels.itemLabels.size, Mirels.Size.self)

    static let name = LocalizedText(en: "Mirels", zh: "Mirels 评分")

    static let caveats = (
        specificity: LocalizedText(
            en: "Mirels is sensitive but not specific: at ≥ 9, sensitivity 91 %, specificity 35 % (Damron 2003) — many lesions scored high would not have fractured",
            zh: "Mirels 评分敏感但特异性低：≥9 分时敏感性 91%、特异性 35%（Damron 2003）——许多高分病变并不会骨折"),
        humerus: LocalizedText(
            en: "the humerus performs differently from the lower limb (Evans 2008): weigh function and load-bearing (crutch use) as well",
            zh: "肱骨的表现与下肢不同（Evans 2008）：还需考虑功能和负重（如使用拐杖）"),
        size: LocalizedText(
            en: "sources define size differently (fraction of bone diameter vs of cortex): record what was measured",
            zh: "各文献对大小的定义不同（占骨直径或占皮质的比例）：请记录测量方式")
    )

    static let title = LocalizedText(en: "Mirels score — impending pathological fracture of a long bone", zh: "Mirels 评分——长骨病理性骨折风险")

    static let calculator = Calculator(
        name: "mirels",
        title: title,
        purpose: LocalizedText(
            en: "Fracture prevention first: decide prophylactic fixation of a long-bone metastasis",
            zh: "预防优先：决定长骨转移灶是否行预防性内固定"),
        fields: [site, pain, lesion, size],
        example: JSONObject(["site": "peritrochanteric", "pain": "functional", "lesion": "lytic", "size": "moreThanTwoThirds"])
    ) { reader, settings throws(InputError) in
        let input = Mirels.Input(
            site: try reader.choice(site), pain: try reader.choice(pain), lesion: try reader.choice(lesion),
            size: try reader.choice(size))
        return report(Mirels.evaluate(input, settings: settings), input: input)
    }

    static func report(_ result: Mirels.Result, input: Mirels.Input) -> CalculatorReport {
        var values = ScoreReport.values(result.total, bandKey: "band", band: result.band?.rawValue)
        values["fixationAlert"] = result.fixationAlert.map(JSONValue.bool) ?? .null
        values["fixationThreshold"] = .int(result.threshold)

        var advice: [LocalizedText] = []
        switch result.fixationAlert {
        case .some(true):
            advice.append(LocalizedText(
                en: "fixation alert (Mirels ≥ \(result.threshold)): fix prophylactically before radiotherapy, transfer or trial enrolment — in the source hospital's cases, unfixed high-risk femoral lesions fractured in transit and later",
                zh: "内固定警示（Mirels ≥\(result.threshold)）：在放疗、转院或入组临床试验之前行预防性内固定——来源医院的病例中，未固定的高风险股骨病变在转运途中及之后发生了骨折"))
        case .none:
            advice.append(LocalizedText(
                en: "the possible range crosses the fixation threshold (\(result.threshold)): complete the missing items before deciding",
                zh: "可能的分值跨越内固定阈值（\(result.threshold)）：请补全缺失项后再决定"))
        case .some(false):
            break
        }
        advice += ScoreReport.missingAdvice(result.total)

        var caveats = [caveats.specificity, caveats.size]
        var sources = [Sources.mirels1989, Sources.damron2003]
        if input.site == .upperLimb {
            caveats.append(Self.caveats.humerus)
            sources.append(Sources.evans2008)
        }
        return CalculatorReport(
            calculator: "mirels", title: title, values: values,
            summary: ScoreReport.summary(name, result.total, band: result.band?.info),
            components: result.components, band: result.band?.info, possibleBands: result.possibleBands.map(\.info),
            advice: advice, specialty: .orthopaedics, caveats: caveats, sources: sources, missing: result.total.missing)
    }
}
