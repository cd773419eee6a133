/// A biopsy that has not (yet) given a diagnosis: its result pending, or non-diagnostic, or
/// reactive bone or necrosis only. The biopsy findings asked for "a biopsy" of a lesion biopsied
/// a month before whose sample was necrotic — and would ask again while a result was pending.
extension CaseIndex {
    /// The latest biopsy of the lesion known by the assessment's date, when no diagnostic one is.
    func openBiopsy(_ lesion: String) -> Biopsy? {
        guard diagnosticBiopsy(lesion) == nil else { return nil }
        return record.biopsies.filter { $0.lesion == lesion && known($0.date) }.max { $0.date < $1.date }
    }

    /// The lesion's open biopsy when its result is still awaited (the tissue is taken: what comes
    /// first is its result, not a biopsy).
    func awaitedBiopsy(_ lesion: String) -> Biopsy? {
        openBiopsy(lesion).flatMap { $0.awaitsResult ? $0 : nil }
    }

    /// What the open biopsy means for the next step, as a sentence (empty without one).
    func openBiopsyNote(_ lesion: String) -> LocalizedText? {
        guard let biopsy = openBiopsy(lesion) else { return nil }
        let histology = biopsy.histology.map { LocalizedText(en: " (\($0))", zh: "（\($0)）") } ?? LocalizedText(en: "", zh: "")
        // The specimen was acid-decalcified: the repeat is decalcified with EDTA, which keeps the
        // receptors and DNA/RNA a molecular work-up needs (van Es 2019) — the two findings on one
        // non-diagnostic acid specimen asked for "a repeat" and "EDTA" apart (unseen record cb38-a).
        let edta = biopsy.decalcification == .acid
            ? LocalizedText(en: ", decalcified with EDTA this time", zh: "，此次请用 EDTA 脱钙")
            : LocalizedText(en: "", zh: "")
        if biopsy.awaitsResult && biopsy.decalcification == .acid {
            // Its diagnosis comes from it; the molecular tests need other tissue (the
            // acid-decalcification warning), so "rather than biopsy again" is the diagnosis's.
            return LocalizedText(
                en: "A biopsy was taken on \(biopsy.date); its result is pending — await it for the diagnosis (it was acid-decalcified: molecular tests need other tissue).",
                zh: "已于 \(biopsy.date) 活检，结果待报告——诊断请等待结果（该标本经酸脱钙：分子检测需另取组织）。")
        }
        switch biopsy.result {
        case .none, .some(.pending):
            return LocalizedText(
                en: "A biopsy was taken on \(biopsy.date); its result is pending — await it rather than biopsy again.",
                zh: "已于 \(biopsy.date) 活检，结果待报告——等待结果，无需重复活检。")
        case .some(.reactiveOrNecrotic):
            return LocalizedText(
                en: "The biopsy of \(biopsy.date) showed reactive bone or necrosis only\(histology.en): no diagnosis — repeat the biopsy\(edta.en).",
                zh: "\(biopsy.date) 活检仅见反应骨或坏死\(histology.zhHans)：未能确诊——需重复活检\(edta.zhHans)。")
        default:
            return LocalizedText(
                en: "The biopsy of \(biopsy.date) was non-diagnostic\(histology.en): repeat the biopsy\(edta.en).",
                zh: "\(biopsy.date) 活检未能确诊\(histology.zhHans)：需重复活检\(edta.zhHans)。")
        }
    }
}
