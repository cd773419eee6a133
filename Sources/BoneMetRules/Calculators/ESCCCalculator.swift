enum ESCCCalculator {
    static let grade = FieldSpec.choice(
        "grade", LocalizedText(en: "ESCC grade (axial T2 MRI, worst level)", zh: "ESCC 分级（轴位 T2 MRI，最重节段）"),
        ESCC.Grade.self, required: true)

    static let title = LocalizedText(en: "ESCC — epidural spinal cord compression grade (Bilsky)", zh: "ESCC——硬膜外脊髓压迫分级（Bilsky）")

    static let calculator = Calculator(
        name: "escc",
        title: title,
        purpose: LocalizedText(
            en: "Neurological arm of NOMS: is the cord compressed, and is surgery needed before radiotherapy",
            zh: "NOMS 的神经学评估：脊髓是否受压，放疗前是否需要手术"),
        fields: [grade],
        example: JSONObject(["grade": "2"])
    ) { reader, settings throws(InputError) in
        // A number is refused with the list of grades: 1 could mean 1a, 1b or 1c.
        if let raw = reader.raw("grade"), let number = raw.number {
            throw InputError(field: "grade", problem: .unknownValue(InputError.format(number), allowed: ESCC.Grade.allowedValues))
        }
        guard let value = try reader.choice(grade, as: ESCC.Grade.self) else {
            throw InputError(field: "grade", problem: .missing)
        }
        return report(ESCC.evaluate(value, settings: settings))
    }

    static let debatedNote = LocalizedText(
        en: "grade 1c (cord abutted) is debated (Bilsky 2010); it counts as high grade only when the setting escc1cIsHighGrade is on — discuss at the MDT",
        zh: "1c 级（触及脊髓）存在争议（Bilsky 2010）；仅当设置 escc1cIsHighGrade 开启时按高级别处理——请在 MDT 讨论")

    static func report(_ result: ESCC.Result) -> CalculatorReport {
        let cls: ESCC.Class = result.highGrade ? .highGrade : .lowGrade
        var values = JSONObject()
        values["grade"] = .string(result.grade.rawValue)
        values["highGrade"] = .bool(result.highGrade)
        values["debated"] = .bool(result.debated)
        let summary = LocalizedText(
            en: "ESCC \(result.grade.label.en): \(cls.info.label.en)",
            zh: "ESCC \(result.grade.label.zhHans)：\(cls.info.label.zhHans)")
        return CalculatorReport(
            calculator: "escc", title: title, values: values, summary: summary, band: cls.info,
            advice: result.debated ? [debatedNote] : [], specialty: .spineSurgery,
            caveats: [
                LocalizedText(
                    en: "grade the worst level on axial T2 MRI; assess myelopathy and radiculopathy clinically (NOMS neurologic)",
                    zh: "在轴位 T2 MRI 上按最重节段分级；脊髓病变和神经根病变需临床评估（NOMS 神经学）")
            ],
            sources: [Sources.bilsky2010, Sources.laufer2013])
    }
}
