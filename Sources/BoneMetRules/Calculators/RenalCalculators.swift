/// Creatinine clearance and zoledronic acid dosing and renal checks. Drug decisions rest with
/// medical oncology (role division, seed-summary.md): these calculators inform, never prescribe.
enum RenalCalculators {
    static let sex = FieldSpec.choice("sex", LocalizedText(en: "sex", zh: "性别"), CockcroftGault.Sex.self, required: true)
    // Cockcroft–Gault was derived in adults.
    static let age = FieldSpec("age", LocalizedText(en: "age (years)", zh: "年龄（岁）"), .integer(18...120), required: true)
    static let weight = FieldSpec("weightKg", LocalizedText(en: "actual body weight", zh: "实际体重"), .number(10...400, unit: "kg"), required: true)
    static let scrMg = FieldSpec(
        "serumCreatinineMgDl", LocalizedText(en: "serum creatinine", zh: "血肌酐"), .number(0.1...30, unit: "mg/dL"))
    static let scrUmol = FieldSpec(
        "serumCreatinineUmolL", LocalizedText(en: "serum creatinine", zh: "血肌酐"), .number(9...2650, unit: "µmol/L"))
    static let crclField = FieldSpec(
        "crclMlMin", LocalizedText(en: "creatinine clearance (Cockcroft–Gault)", zh: "肌酐清除率（Cockcroft–Gault）"),
        .number(0...300, unit: "mL/min"), required: true)
    static let baseline = FieldSpec(
        "baselineCreatinineMgDl", LocalizedText(en: "baseline serum creatinine", zh: "基线血肌酐"), .number(0.1...30, unit: "mg/dL"),
        required: true)
    static let current = FieldSpec(
        "currentCreatinineMgDl", LocalizedText(en: "serum creatinine before this dose", zh: "本次给药前血肌酐"),
        .number(0.1...30, unit: "mg/dL"), required: true)

    static let bmaCaveats = [
        LocalizedText(
            en: "dental examination and preventive dentistry before starting (osteonecrosis of the jaw); calcium ≥ 500 mg and vitamin D ≥ 400 IU daily",
            zh: "开始前进行口腔检查和预防性口腔处理（下颌骨坏死）；每日补充钙 ≥500 mg 和维生素 D ≥400 IU"),
        LocalizedText(
            en: "the choice and dosing of bone-modifying agents rest with medical oncology",
            zh: "骨改良药物的选择和剂量由肿瘤内科决定"),
    ]

    static func doseValues(_ crcl: Double, into values: inout JSONObject, key: String) -> ZoledronicAcid.DoseBand {
        let band = ZoledronicAcid.DoseBand.of(crclMlMin: crcl)
        values[key] = band.doseMg.map(JSONValue.double) ?? .null
        values["recommended"] = .bool(band.doseMg != nil)
        values["doseBand"] = .string(band.rawValue)
        return band
    }

    static let crclTitle = LocalizedText(en: "Creatinine clearance (Cockcroft–Gault) and zoledronic acid dose", zh: "肌酐清除率（Cockcroft–Gault）及唑来膦酸剂量")

    static let crcl = Calculator(
        name: "crcl",
        title: crclTitle,
        purpose: LocalizedText(
            en: "Renal function for bone-modifying agents: CrCl and the zoledronic acid dose it allows",
            zh: "骨改良药物的肾功能评估：肌酐清除率及相应的唑来膦酸剂量"),
        fields: [sex, age, weight, scrMg, scrUmol],
        example: JSONObject(["sex": "female", "age": 64, "weightKg": 58, "serumCreatinineMgDl": 1.1])
    ) { reader, _ throws(InputError) in
        try reader.exclusive(scrMg.key, scrUmol.key)
        let mgDl: Double
        if let value = try reader.number(scrMg) {
            mgDl = value
        } else if let umol = try reader.number(scrUmol) {
            mgDl = CockcroftGault.milligramsPerDecilitre(fromMicromolPerLitre: umol)
        } else {
            throw InputError(field: scrMg.key, problem: .custom(LocalizedText(
                en: "required but missing; give serumCreatinineMgDl or serumCreatinineUmolL",
                zh: "必填但缺失；请提供 serumCreatinineMgDl 或 serumCreatinineUmolL")))
        }
        let input = CockcroftGault.Input(
            sex: try reader.required(sex.key, try reader.choice(sex)), ageYears: try reader.required(age.key, try reader.integer(age)),
            weightKg: try reader.required(weight.key, try reader.number(weight)), serumCreatinineMgDl: mgDl)
        let clearance = CockcroftGault.clearance(input)
        var values = JSONObject()
        values["crclMlMin"] = .double(clearance)
        values["serumCreatinineMgDl"] = .double(mgDl)
        let band = doseValues(clearance, into: &values, key: "zoledronicAcidDoseMg")
        let clearanceText = String(describing: clearance)
        let summary = LocalizedText(
            en: "CrCl \(clearanceText) mL/min: \(band.info.meaning.en)",
            zh: "肌酐清除率 \(clearanceText) mL/min：\(band.info.meaning.zhHans)")
        return CalculatorReport(
            calculator: "crcl", title: crclTitle, values: values, summary: summary, band: band.info,
            specialty: .medicalOncology,
            caveats: [
                LocalizedText(
                    en: "Cockcroft–Gault with actual body weight, as the zoledronic acid label doses by it; × 0.85 for women",
                    zh: "Cockcroft–Gault 公式使用实际体重（唑来膦酸说明书按此给药）；女性 × 0.85"),
            ] + bmaCaveats,
            sources: [Sources.cockcroftGault1976, Sources.zometaLabel, Sources.himelstein2017])
    }

    static let zoledronicDoseTitle = LocalizedText(en: "Zoledronic acid dose by creatinine clearance", zh: "按肌酐清除率确定唑来膦酸剂量")

    static let zoledronicDose = Calculator(
        name: "zoledronicDose",
        title: zoledronicDoseTitle,
        purpose: LocalizedText(
            en: "The labelled zoledronic acid dose for a baseline Cockcroft–Gault CrCl",
            zh: "按基线 Cockcroft–Gault 肌酐清除率确定说明书剂量"),
        fields: [crclField],
        example: JSONObject(["crclMlMin": 35])
    ) { reader, _ throws(InputError) in
        let crcl = try reader.required(crclField.key, try reader.number(crclField))
        var values = JSONObject()
        let band = doseValues(crcl, into: &values, key: "doseMg")
        return CalculatorReport(
            calculator: "zoledronicDose", title: zoledronicDoseTitle,
            values: values,
            summary: LocalizedText(en: "\(band.info.label.en): \(band.info.meaning.en)", zh: "\(band.info.label.zhHans)：\(band.info.meaning.zhHans)"),
            band: band.info, specialty: .medicalOncology, caveats: bmaCaveats,
            sources: [Sources.zometaLabel, Sources.himelstein2017])
    }

    static let zoledronicRenalCheckTitle = LocalizedText(en: "Zoledronic acid renal check before a dose", zh: "唑来膦酸给药前肾功能核查")

    static let zoledronicRenalCheck = Calculator(
        name: "zoledronicRenalCheck",
        title: zoledronicRenalCheckTitle,
        purpose: LocalizedText(
            en: "Whether a creatinine rise since baseline means withholding the next dose",
            zh: "自基线以来的血肌酐升高是否需要暂停下一次给药"),
        fields: [baseline, current],
        example: JSONObject(["baselineCreatinineMgDl": 1.0, "currentCreatinineMgDl": 1.6])
    ) { reader, _ throws(InputError) in
        let base = try reader.required(baseline.key, try reader.number(baseline))
        let now = try reader.required(current.key, try reader.number(current))
        let check = ZoledronicAcid.renalCheck(baselineCreatinineMgDl: base, currentCreatinineMgDl: now)
        var values = JSONObject()
        values["withhold"] = .bool(check.withhold)
        values["resumeAtOrBelowMgDl"] = .double(check.resumeAtOrBelowMgDl)
        values["riseMgDl"] = .double(check.riseMgDl)
        values["thresholdMgDl"] = .double(check.thresholdMgDl)
        values["baselineNormal"] = .bool(check.baselineNormal)
        let threshold = String(describing: check.thresholdMgDl)
        let resume = String(describing: check.resumeAtOrBelowMgDl)
        let baselineText = check.baselineNormal
            ? LocalizedText(en: "normal baseline (< 1.4 mg/dL)", zh: "基线正常（< 1.4 mg/dL）")
            : LocalizedText(en: "abnormal baseline (≥ 1.4 mg/dL)", zh: "基线异常（≥ 1.4 mg/dL）")
        let summary =
            check.withhold
            ? LocalizedText(
                en: "withhold zoledronic acid: creatinine rose by ≥ \(threshold) mg/dL from an \(baselineText.en); resume at the same dose when it is ≤ \(resume) mg/dL (within 10 % of baseline)",
                zh: "暂停唑来膦酸：血肌酐较\(baselineText.zhHans)升高 ≥\(threshold) mg/dL；降至 ≤\(resume) mg/dL（基线 10% 以内）后按原剂量恢复")
            : LocalizedText(
                en: "no renal hold for this rise: it is below \(threshold) mg/dL for a \(baselineText.en) — but a dose already withheld for an earlier rise resumes only when creatinine is ≤ \(resume) mg/dL (within 10 % of baseline)",
                zh: "此次升高无需因肾功能暂停：低于\(baselineText.zhHans)的阈值 \(threshold) mg/dL——但若此前已因血肌酐升高暂停，须降至 ≤\(resume) mg/dL（基线 10% 以内）方可恢复")
        return CalculatorReport(
            calculator: "zoledronicRenalCheck",
            title: zoledronicRenalCheckTitle,
            values: values, summary: summary, specialty: .medicalOncology,
            caveats: [
                LocalizedText(
                    en: "check serum creatinine before every dose; the dose itself follows the baseline CrCl (zoledronicDose)",
                    zh: "每次给药前检查血肌酐；剂量本身按基线肌酐清除率确定（zoledronicDose）")
            ] + bmaCaveats,
            sources: [Sources.zometaLabel])
    }
}
