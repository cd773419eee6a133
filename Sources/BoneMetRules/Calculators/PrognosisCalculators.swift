/// Tokuhashi, Tomita and Katagiri: the prognosis scores that gate how much surgery a patient
/// should be offered (the "S" of NOMS).
enum TokuhashiCalculator {
    static let kps = FieldSpec("kps", Tokuhashi.itemLabels.kps, .integer(0...100))
    static let extraspinal = FieldSpec("extraspinalBoneMets", Tokuhashi.itemLabels.extraspinal, .integer(0...1000))
    // C1–S5 is 29 vertebrae: a count above that is a typing error.
    static let vertebral = FieldSpec("vertebralBodyMets", Tokuhashi.itemLabels.vertebral, .integer(1...29))
    static let visceral = FieldSpec.choice("visceralMets", Tokuhashi.itemLabels.visceral, Tokuhashi.VisceralMets.self)
    static let primary = FieldSpec.choice("primary", Tokuhashi.itemLabels.primary, PrimarySite.self)
    static let frankel = FieldSpec.choice("frankel", Tokuhashi.itemLabels.palsy, Tokuhashi.Frankel.self)

    static let title = LocalizedText(en: "Revised Tokuhashi score (2005) — spinal metastasis prognosis", zh: "改良 Tokuhashi 评分（2005）——脊柱转移预后")

    static let calculator = Calculator(
        name: "tokuhashi",
        title: title,
        purpose: LocalizedText(
            en: "Expected survival of a patient with spinal metastases, to match the extent of surgery",
            zh: "脊柱转移患者的预计生存期，用于匹配手术范围"),
        fields: [kps, extraspinal, vertebral, visceral, primary, frankel],
        example: JSONObject([
            "kps": 70, "extraspinalBoneMets": 1, "vertebralBodyMets": 1, "visceralMets": "none", "primary": "breast",
            "frankel": "E",
        ])
    ) { reader, _ throws(InputError) in
        let input = Tokuhashi.Input(
            kps: try reader.integer(kps), extraspinalBoneMets: try reader.integer(extraspinal),
            vertebralBodyMets: try reader.integer(vertebral), visceralMets: try reader.choice(visceral),
            primary: try reader.choice(primary), frankel: try reader.choice(frankel))
        let result = Tokuhashi.evaluate(input)
        return CalculatorReport(
            calculator: "tokuhashi", title: title,
            values: ScoreReport.values(result.total, bandKey: "prognosis", band: result.prognosis?.rawValue),
            summary: ScoreReport.summary(LocalizedText(en: "Tokuhashi", zh: "Tokuhashi 评分"), result.total, band: result.prognosis?.info),
            components: result.components, band: result.prognosis?.info, possibleBands: result.possiblePrognoses.map(\.info),
            advice: ScoreReport.missingAdvice(result.total), specialty: .spineSurgery,
            caveats: [
                LocalizedText(
                    en: "this is the revised 2005 version; do not mix with the 1990 version, whose primary points and bands differ",
                    zh: "此为 2005 年改良版；请勿与 1990 年原版混用（原发灶评分和分级不同）"),
                LocalizedText(
                    en: "a KPS between the scale's steps counts with the step below (75 scores as 70)",
                    zh: "KPS 介于量表刻度之间时按较低一档计分（75 按 70 计）"),
            ],
            sources: [Sources.tokuhashi2005], missing: result.total.missing)
    }
}

enum TomitaCalculator {
    static let primary = FieldSpec.choice("primary", LocalizedText(en: "primary site", zh: "原发灶部位"), PrimarySite.self)
    static let growth = FieldSpec.choice("primaryGrowth", Tomita.itemLabels.growth, PrimaryGrowth.self)
    static let visceral = FieldSpec.choice("visceralMets", Tomita.itemLabels.visceral, Tomita.VisceralMets.self)
    static let bone = FieldSpec.choice("boneMets", Tomita.itemLabels.bone, Tomita.BoneMets.self)

    static let title = LocalizedText(en: "Tomita score (2001) — surgical strategy for spinal metastases", zh: "Tomita 评分（2001）——脊柱转移手术策略")

    static let calculator = Calculator(
        name: "tomita",
        title: title,
        purpose: LocalizedText(
            en: "Goal and extent of spinal surgery from tumour growth and metastatic spread",
            zh: "根据肿瘤生长速度和转移范围确定脊柱手术的目标和范围"),
        fields: [primary, growth, visceral, bone],
        example: JSONObject(["primary": "kidney", "visceralMets": "none", "boneMets": "solitary"])
    ) { reader, _ throws(InputError) in
        let input = Tomita.Input(
            primary: try reader.choice(primary), primaryGrowth: try reader.choice(growth),
            visceralMets: try reader.choice(visceral), boneMets: try reader.choice(bone))
        let result = Tomita.evaluate(input)
        var advice: [LocalizedText] = []
        if let site = result.unclassifiedPrimary {
            advice.append(LocalizedText(
                en: "Tomita's growth classes as used here do not name \(site.label.en): give primaryGrowth slow|moderate|rapid",
                zh: "此处采用的 Tomita 生长分类未列出\(site.label.zhHans)：请提供 primaryGrowth（slow|moderate|rapid）"))
        }
        advice += ScoreReport.missingAdvice(result.total)
        return CalculatorReport(
            calculator: "tomita", title: title,
            values: ScoreReport.values(result.total, bandKey: "strategy", band: result.strategy?.rawValue),
            summary: ScoreReport.summary(LocalizedText(en: "Tomita", zh: "Tomita 评分"), result.total, band: result.strategy?.info),
            components: result.components, band: result.strategy?.info, possibleBands: result.possibleStrategies.map(\.info),
            advice: advice, specialty: .spineSurgery,
            caveats: [
                LocalizedText(
                    en: "Tomita classifies growth by primary site alone; Katagiri 2014 also accounts for hormonal and targeted therapy",
                    zh: "Tomita 仅按原发部位划分生长速度；Katagiri 2014 还考虑了内分泌和靶向治疗")
            ],
            sources: [Sources.tomita2001], missing: result.total.missing)
    }
}

enum KatagiriCalculator {
    static let primary = FieldSpec.choice("primary", LocalizedText(en: "primary site", zh: "原发灶部位"), PrimarySite.self)
    static let hormone = FieldSpec(
        "hormoneDependent", LocalizedText(en: "hormone-dependent (breast, prostate)", zh: "激素依赖（乳腺癌、前列腺癌）"), .boolean)
    static let targeted = FieldSpec(
        "targetedTherapy", LocalizedText(en: "molecular-targeted therapy (lung)", zh: "分子靶向治疗（肺癌）"), .boolean)
    static let growth = FieldSpec.choice("primaryGrowth", LocalizedText(en: "primary growth class", zh: "原发肿瘤生长分类"), PrimaryGrowth.self)
    static let visceral = FieldSpec.choice("visceralMets", Katagiri.itemLabels.visceral, Katagiri.VisceralMets.self)
    static let labs = FieldSpec.choice("labs", Katagiri.itemLabels.labs, Katagiri.Labs.self)
    static let crp = FieldSpec("crpMgDl", LocalizedText(en: "CRP", zh: "C 反应蛋白"), .number(0...100, unit: "mg/dL"))
    static let ldh = FieldSpec("ldhIuL", LocalizedText(en: "LDH", zh: "乳酸脱氢酶"), .number(0...50_000, unit: "IU/L"))
    static let albumin = FieldSpec("albuminGDl", LocalizedText(en: "albumin", zh: "白蛋白"), .number(0...10, unit: "g/dL"))
    static let platelets = FieldSpec("plateletsPerUl", LocalizedText(en: "platelets", zh: "血小板"), .number(0...5_000_000, unit: "/µL"))
    static let calcium = FieldSpec(
        "calciumMgDl", LocalizedText(en: "corrected calcium", zh: "校正血钙"), .number(0...25, unit: "mg/dL"))
    static let bilirubin = FieldSpec("bilirubinMgDl", LocalizedText(en: "total bilirubin", zh: "总胆红素"), .number(0...50, unit: "mg/dL"))
    static let ecog = FieldSpec("ecog", LocalizedText(en: "ECOG performance status", zh: "ECOG 体能状态"), .integer(0...4))
    static let chemo = FieldSpec("previousChemotherapy", Katagiri.itemLabels.chemo, .boolean)
    static let multiple = FieldSpec("multipleSkeletalMets", Katagiri.itemLabels.multiple, .boolean)

    static let rawLabs = [crp, ldh, albumin, platelets, calcium, bilirubin]

    static let title = LocalizedText(en: "New Katagiri score (2014) — skeletal metastasis prognosis", zh: "新 Katagiri 评分（2014）——骨转移预后")

    static let calculator = Calculator(
        name: "katagiri",
        title: title,
        purpose: LocalizedText(
            en: "Expected survival of a patient with skeletal metastases, including hormonal and targeted therapy and laboratory data",
            zh: "骨转移患者的预计生存期，纳入内分泌和靶向治疗以及实验室检查"),
        fields: [primary, hormone, targeted, growth, visceral, labs] + rawLabs + [ecog, chemo, multiple],
        example: JSONObject([
            "primary": "lung", "targetedTherapy": false, "visceralMets": "nodular", "crpMgDl": 1.2, "ldhIuL": 210,
            "albuminGDl": 3.9, "plateletsPerUl": 230_000, "calciumMgDl": 9.4, "bilirubinMgDl": 0.6, "ecog": 1,
            "previousChemotherapy": true, "multipleSkeletalMets": true,
        ])
    ) { reader, _ throws(InputError) in
        for field in rawLabs { try reader.exclusive("labs", field.key) }
        let values = Katagiri.LabValues(
            crpMgDl: try reader.number(crp), ldhIuL: try reader.number(ldh), albuminGDl: try reader.number(albumin),
            plateletsPerUl: try reader.number(platelets), calciumMgDl: try reader.number(calcium),
            bilirubinMgDl: try reader.number(bilirubin))
        let input = Katagiri.Input(
            primary: try reader.choice(primary), hormoneDependent: try reader.flag(hormone),
            targetedTherapy: try reader.flag(targeted), primaryGrowth: try reader.choice(growth),
            visceralMets: try reader.choice(visceral), labs: try reader.choice(labs), labValues: values,
            ecog: try reader.integer(ecog), previousChemotherapy: try reader.flag(chemo),
            multipleSkeletalMets: try reader.flag(multiple))
        let result = Katagiri.evaluate(input)
        var out = ScoreReport.values(result.total, bandKey: "risk", band: result.risk?.rawValue)
        let labsComponent = result.components.first { $0.key == "labs" }
        out["labsTier"] = labsComponent?.value.map(JSONValue.string) ?? .null
        var advice: [LocalizedText] = []
        if input.primaryGrowth == nil, let site = input.primary,
            Katagiri.growth(of: site, hormoneDependent: input.hormoneDependent, targetedTherapy: input.targetedTherapy) == nil
        {
            advice.append(LocalizedText(
                en: "the growth class of \(site.label.en) depends on what the record does not say: give \(result.total.missing.first ?? "primaryGrowth")",
                zh: "\(site.label.zhHans)的生长分类取决于记录中缺失的信息：请提供 \(result.total.missing.first ?? "primaryGrowth")"))
        }
        advice += ScoreReport.missingAdvice(result.total)
        return CalculatorReport(
            calculator: "katagiri", title: title, values: out,
            summary: ScoreReport.summary(LocalizedText(en: "Katagiri", zh: "Katagiri 评分"), result.total, band: result.risk?.info),
            components: result.components, band: result.risk?.info, possibleBands: result.possibleRisks.map(\.info),
            advice: advice, specialty: .orthopaedics,
            caveats: [
                LocalizedText(
                    en: "calcium is the albumin-corrected value; the worse laboratory tier counts (at most 2 points)",
                    zh: "血钙为白蛋白校正值；实验室检查按较差一档计分（最多 2 分）"),
                LocalizedText(
                    en: "survival figures are from the 2005–2008 Japanese cohort of Katagiri 2014",
                    zh: "生存数据来自 Katagiri 2014 的 2005–2008 年日本队列"),
            ],
            sources: [Sources.katagiri2014], missing: result.total.missing)
    }
}
