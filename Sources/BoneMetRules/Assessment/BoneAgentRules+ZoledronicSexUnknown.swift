/// Zoledronic acid when only the patient's sex is missing: Cockcroft–Gault (Cockcroft & Gault
/// 1976) differs between the sexes by the female factor 0.85 alone, so the two computations bound
/// the patient's CrCl, and the Zometa label's dose table gives a dose at each bound. Where both
/// bounds fall in one band the dose is known; where the dose on record exceeds the larger one it
/// is above the label whatever the sex. An EHR record without administrative sex — a man or a
/// woman of 70, 60 kg, creatinine 1.3 mg/dL (CrCl 38.1 or 44.9) — on 4 mg read only "record sex"
/// (unseen record cb132-a, rule set .378).
extension BoneAgentRules {
    func sexBounds(_ agent: Treatment) -> (text: LocalizedText, above: LocalizedText?) {
        guard let bounds = index.clearanceEitherSex(onOrBefore: creatinineDay(agent)) else { return (LocalizedText(en: "", zh: ""), nil) }
        let female = ZoledronicAcid.DoseBand.of(crclMlMin: bounds.female)
        let male = ZoledronicAcid.DoseBand.of(crclMlMin: bounds.male)
        func dose(_ band: ZoledronicAcid.DoseBand) -> LocalizedText {
            band.doseMg.map { LocalizedText(en: "\(String(describing: $0)) mg", zh: " \(String(describing: $0)) mg") }
                ?? LocalizedText(en: "not recommended", zh: "不推荐使用")
        }
        let creatinine = CaseIndex.creatinineText(bounds.lab, mgDl: bounds.lab.canonicalValue ?? 0)
        let weight = CaseIndex.format(bounds.weightKg, decimals: 1)
        let crcl = LocalizedText(
            en: " Until then, at the creatinine of \(bounds.lab.date) (\(creatinine)), \(weight) kg and age \(bounds.age), CrCl is \(CaseIndex.format(bounds.female, decimals: 1)) mL/min for a woman and \(CaseIndex.format(bounds.male, decimals: 1)) for a man",
            zh: "在记录性别之前：按 \(bounds.lab.date) 的血肌酐（\(creatinine)）、体重 \(weight) kg、\(bounds.age) 岁计算，女性 CrCl 为 \(CaseIndex.format(bounds.female, decimals: 1)) mL/min，男性为 \(CaseIndex.format(bounds.male, decimals: 1)) mL/min")
        let doses = female == male
            ? LocalizedText(en: ": \(dose(female).en) by the label either way.", zh: "：按说明书两者均为\(dose(female).zhHans)。")
            : LocalizedText(
                en: ": \(dose(female).en) for a woman, \(dose(male).en) for a man.",
                zh: "：女性\(dose(female).zhHans)，男性\(dose(male).zhHans)。")
        // The dose on record above the larger bound's (or any dose where neither bound allows one).
        var above: LocalizedText? = nil
        var given = LocalizedText(en: "", zh: "")
        if let recorded = agent.doseMg {
            let text = CaseIndex.format(recorded)
            if male.doseMg.map({ recorded > $0 }) ?? true {
                above = LocalizedText(
                    en: "Zoledronic acid \(text) mg: above the label's dose for either sex",
                    zh: "唑来膦酸 \(text) mg：无论性别均高于说明书剂量")
                given = LocalizedText(
                    en: " The \(text) mg on record is above the label's dose for either: reduce it (or decide another agent) before the next dose, and record the sex.",
                    zh: "病历中的 \(text) mg 无论男女均高于说明书剂量：下次给药前减量（或改用其他药物），并记录性别。")
            }
        }
        return (LocalizedText(en: crcl.en + doses.en + given.en, zh: crcl.zhHans + doses.zhHans + given.zhHans), above)
    }
}
