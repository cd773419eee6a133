/// What New Katagiri says of survival beside a fixation finding (Katagiri 2014).
extension SurgeryRules {
    static func fixationSurvivalNote(_ katagiri: Katagiri.Result?) -> LocalizedText? {
        // New Katagiri is the skeletal-metastasis prognosis score (Tokuhashi is the spine's): a
        // settled high-risk band (7–10, 6-month survival 27 %) is weighed against fixation, as
        // the spine's short survival is against an operation. An urgent nail was advised at
        // KPS 40 with disseminated peritoneal disease while Katagiri said the opposite.
        return katagiri.flatMap { result in
            // A band that reaches high risk only through items not on record: which items, so
            // they are completed before the operation is decided — three urgent fixations at
            // ECOG 4 with disseminated liver and pleural disease, New Katagiri 6–7 for want of
            // platelets, calcium and bilirubin, said nothing of survival (cb28-bb).
            if result.total.min < 7 && result.total.max >= 7 {
                let open = LocalizedText.joined(result.components.filter { $0.points == nil }.map(\.label), en: ", ", zh: "、")
                return LocalizedText(
                    en: "New Katagiri \(result.total.min)–\(result.total.max): whether it reaches high risk (7 or more: 6-month survival 27 %) depends on the items not on record (\(open.en)) — complete them before deciding the operation, and weigh it against the expected survival (Katagiri 2014).",
                    zh: "新 Katagiri \(result.total.min)–\(result.total.max) 分：是否达到高危（≥7 分：6 个月生存率 27%）取决于未记录的项目（\(open.zhHans)）——决定手术前请补全，并权衡预计生存期（Katagiri 2014）。")
            }
            guard result.total.min >= 7 else { return nil }
            let number = result.total.score.map(String.init) ?? "\(result.total.min)–\(result.total.max)"
            return LocalizedText(
                en: "Expected survival is short (New Katagiri \(number): high risk, 6-month survival 27 %): weigh the operation against it — the least invasive effective palliation may serve better (Katagiri 2014); decide with the patient and family at the MDT.",
                zh: "预计生存期短（新 Katagiri \(number) 分：高危，6 个月生存率 27%）：需权衡手术——最小创伤的有效姑息治疗可能更合适（Katagiri 2014）；在 MDT 上与患者及家属共同决定。")
        }
    }
}
