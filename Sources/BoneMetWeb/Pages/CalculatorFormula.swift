import BoneMetDomain
import Plot

/// How each calculator computes its result, shown on its page as a bedside calculator shows it
/// (issue #10). Every line is read from the code that computes the score — the bands from the
/// score's own band table, the formulas as implemented (reference.md) — so page and result
/// cannot disagree.
enum CalculatorFormula {
    static func bands<B: ScoreBand>(_ type: B.Type) -> [BandInfo] { B.allCases.map(\.info) }

    static let sumOfItems = LocalizedText(en: "Total = the sum of the points of each item (shown beside each choice).", zh: "总分 = 各项得分之和（每个选项旁标有分值）。")

    /// The explanation and the bands (result → meaning) of a calculator, when it has them.
    static func of(_ name: String) -> (how: [LocalizedText], bands: [BandInfo]) {
        switch name {
        case "mirels": ([sumOfItems], bands(Mirels.Band.self))
        case "sins": ([sumOfItems], bands(SINS.Category.self))
        case "tokuhashi":
            ([sumOfItems, LocalizedText(
                en: "Karnofsky, bone metastases outside the spine, vertebral metastases and the primary site score by their ranges (Tokuhashi 2005).",
                zh: "Karnofsky 评分、脊柱外骨转移数、椎体转移数及原发灶部位按区间计分（Tokuhashi 2005）。")], bands(Tokuhashi.Prognosis.self))
        case "tomita": ([sumOfItems], bands(Tomita.Strategy.self))
        case "katagiri":
            ([sumOfItems, LocalizedText(
                en: "The primary scores by its growth class; laboratory points come from the values given (CRP, LDH, albumin, platelets, calcium, bilirubin) or the class chosen.",
                zh: "原发灶按生长分类计分；检验分值来自所填数值（CRP、LDH、白蛋白、血小板、血钙、胆红素）或所选分类。")], bands(Katagiri.Risk.self))
        case "crcl":
            ([LocalizedText(
                en: "Cockcroft–Gault: CrCl (mL/min) = (140 − age) × weight (kg) ÷ (72 × serum creatinine, mg/dL), × 0.85 for a woman; creatinine in µmol/L ÷ 88.4 = mg/dL.",
                zh: "Cockcroft–Gault 公式：CrCl（mL/min）=（140 − 年龄）× 体重（kg）÷（72 × 血肌酐 mg/dL），女性 × 0.85；肌酐 µmol/L ÷ 88.4 = mg/dL。")], [])
        case "zoledronicDose":
            ([LocalizedText(en: "Dose by the baseline Cockcroft–Gault CrCl (Zometa label):", zh: "按基线 Cockcroft–Gault 肌酐清除率给药（Zometa 说明书）：")],
             ZoledronicAcid.DoseBand.allCases.map(\.info))
        case "zoledronicRenalCheck":
            ([LocalizedText(
                en: "Before every dose: withhold when serum creatinine rose ≥ 0.5 mg/dL from a normal baseline (< 1.4 mg/dL) or ≥ 1.0 mg/dL from an abnormal one; resume at the same dose when back within 10 % of baseline.",
                zh: "每次给药前：基线正常（< 1.4 mg/dL）者血肌酐升高 ≥ 0.5 mg/dL、基线异常者升高 ≥ 1.0 mg/dL 时暂停；恢复至基线 10% 以内后按原剂量继续。")], [])
        default: ([], [])
        }
    }

    static func node(_ name: String, _ language: AppLanguage) -> Node<HTML.BodyContext> {
        let (how, bands) = of(name)
        guard !how.isEmpty || !bands.isEmpty else { return .empty }
        return .element(named: "details", nodes: [
            .class("formula"), .attribute(named: "open", value: "open"),
            .element(named: "summary", text: texts.title(language)),
            .group(how.map { .p(.text($0(language))) }),
            .if(!bands.isEmpty, .ul(.forEach(bands) { band in
                .li(.strong(.text(band.label(language))), .text(" — \(band.meaning(language))"))
            })),
        ])
    }

    static let texts = (title: LocalizedText(en: "How it is calculated", zh: "计算方法"), points: LocalizedText(en: "points", zh: "分"))
    static let all = [texts.title, texts.points, sumOfItems]
}
