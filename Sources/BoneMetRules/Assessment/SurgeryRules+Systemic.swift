/// NOMS "S" (Laufer 2013): the systemic status every spinal recommendation is gated by, from
/// what the record settles — the revised Tokuhashi and New Katagiri bands and the latest
/// performance status. It was "see the prognosis scores", so an urgent separation surgery was
/// advised to a patient whose Tokuhashi (4: < 6 months), Katagiri (9: high risk) and KPS 40 all
/// said otherwise, without a word about it.
extension SurgeryRules {
    struct SystemicStatus {
        let text: LocalizedText
        /// A settled score puts expected survival short — revised Tokuhashi 0–8 (< 6 months,
        /// Tokuhashi 2005) or New Katagiri 7–10 (high risk: 6-month survival 27 %, Katagiri 2014) —
        /// and no settled score puts it longer. An ALK-positive lung cancer on alectinib at
        /// Tokuhashi 3–7 and New Katagiri 6 (intermediate: 1-year survival 49 %) read "expected
        /// survival is short … otherwise radiotherapy alone and supportive care" (unseen record
        /// cb27-u). On targeted therapy a lung cancer's Tokuhashi, which predates it and scores
        /// the organ alone, does not vote short (its own finding's caveat).
        let short: Bool
    }

    func systemicStatus(_ scores: PrognosisRules.Scores?) -> SystemicStatus {
        var parts: [LocalizedText] = []
        var shortVote = false
        var longerVote = false
        let targetedLung = scores?.spinePrimaries.contains { $0.site == .lung && PrognosisRules(index: index).targetedTherapy($0) == true } ?? false
        if let tokuhashi = scores?.tokuhashi {
            let total = tokuhashi.total
            let number = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
            let band = tokuhashi.prognosis.map { LocalizedText(en: " (\($0.info.label.en))", zh: "（\($0.info.label.zhHans)）") } ?? LocalizedText(en: "", zh: "")
            let underestimates = targetedLung && total.max <= 8
                ? LocalizedText(en: " — likely underestimates survival on targeted therapy", zh: "——靶向治疗下可能低估生存")
                : LocalizedText(en: "", zh: "")
            parts.append(LocalizedText(
                en: "revised Tokuhashi \(number)\(band.en)\(underestimates.en)", zh: "改良 Tokuhashi \(number) 分\(band.zhHans)\(underestimates.zhHans)"))
            if total.max <= 8 && !targetedLung { shortVote = true }
            if total.min >= 9 { longerVote = true }
        }
        if let katagiri = scores?.katagiri {
            let total = katagiri.total
            let number = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
            let band = katagiri.risk.map { LocalizedText(en: " (\($0.info.label.en))", zh: "（\($0.info.label.zhHans)）") } ?? LocalizedText(en: "", zh: "")
            parts.append(LocalizedText(en: "New Katagiri \(number)\(band.en)", zh: "新 Katagiri \(number) 分\(band.zhHans)"))
            if total.min >= 7 { shortVote = true }
            if total.max <= 6 { longerVote = true }
        }
        let short = shortVote && !longerVote
        if let performance = index.currentPerformance() {
            if let kps = performance.kps { parts.append(LocalizedText(en: "KPS \(kps)", zh: "KPS \(kps)")) }
            if let ecog = performance.ecog { parts.append(LocalizedText(en: "ECOG \(ecog)", zh: "ECOG \(ecog)")) }
        }
        guard !parts.isEmpty else {
            return SystemicStatus(
                text: LocalizedText(en: "S: not settled by the record (performance status, prognosis)", zh: "S：病历未能确定（体能状态、预后）"), short: false)
        }
        let list = LocalizedText.joined(parts, en: ", ", zh: "，")
        return SystemicStatus(text: LocalizedText(en: "S: \(list.en)", zh: "S：\(list.zhHans)"), short: short)
    }

    /// What a short expected survival means for a surgical recommendation (NOMS: all gated by
    /// systemic status; Patchell 2005 enrolled patients expected to live ≥ 3 months).
    static let shortSurvivalCaution = LocalizedText(
        en: "Expected survival is short by the prognosis scores: weigh any operation against it — decompression surgery helped patients expected to live at least 3 months (Patchell 2005); otherwise radiotherapy alone (with dexamethasone for a deficit) and supportive care. Decide with the patient and family at the MDT.",
        zh: "预后评分提示预计生存期短：任何手术都需与之权衡——减压手术获益的是预计生存 ≥3 个月的患者（Patchell 2005）；否则单纯放疗（有神经功能障碍时加地塞米松）和支持治疗。在 MDT 上与患者及家属共同决定。")
}
