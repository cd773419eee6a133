/// A breast cancer whose receptors are on record only in a metastasis's pathology: "（L3椎体穿刺）
/// 转移性腺癌，结合免疫组化符合乳腺来源 … ER(+，80%)，PR(+，20%)" read "ER and PR are not on
/// record — record them", New Katagiri's hormone dependence taken from the fulvestrant given
/// (unseen Chinese bundle ehr34, 2026-12-06). The metastasis's receptors are the disease's now —
/// they can differ from the primary's, which is why metastases are re-biopsied (ESMO 2020,
/// reference.md: receptor re-testing in breast cancer); here they only fill what the primary's
/// record leaves open. Recorded receptors, a recorded dependence, or receptors written in the
/// primary's own histology stand.
extension PrognosisRules {
    /// The latest pathology of a metastasis of `primary` (its lesion's only candidate primary)
    /// that writes ER or PR, with the dependence it shows: ER or PR positive → dependent, both
    /// negative → independent.
    func metastasisReceptors(_ primary: PrimaryCancer) -> (biopsy: Biopsy, dependent: Bool)? {
        guard Self.receptorsLeftOpen(primary) else { return nil }
        let biopsies = index.record.biopsies.filter { biopsy in
            guard index.known(biopsy.date), biopsy.result == .metastasis, let lesion = biopsy.lesion, biopsy.histology != nil else { return false }
            return index.primaryCandidates(for: lesion).map(\.id) == [primary.id]
        }
        for biopsy in biopsies.sorted(by: { $0.date > $1.date }) {
            guard let text = biopsy.histology else { continue }
            let er = ReceptorText.status(.er, in: text), pr = ReceptorText.status(.pr, in: text)
            if er == .positive || pr == .positive { return (biopsy, true) }
            if er == .negative && pr == .negative { return (biopsy, false) }
        }
        return nil
    }

    /// A breast cancer whose record settles no hormone dependence: none recorded, ER and PR
    /// absent or unknown, and neither written together in its histology ("HR+/HER2-" — rule set
    /// .305: the receptors are then on record together).
    static func receptorsLeftOpen(_ primary: PrimaryCancer) -> Bool {
        primary.site == .breast && primary.hormoneDependent == nil
            && [nil, .unknown].contains(primary.effectiveER) && [nil, .unknown].contains(primary.effectivePR)
            && primary.histology.flatMap(ReceptorText.hormoneReceptors(in:)) == nil
    }

    /// Said beside New Katagiri when the hormone dependence was read from a metastasis's pathology.
    func hormoneDependenceReadFromMetastasis() -> LocalizedText? {
        guard index.record.primaries.count == 1, let primary = index.record.primaries.first, let found = metastasisReceptors(primary) else { return nil }
        let lesion = found.biopsy.lesion.map { index.label(lesionId: $0) } ?? LocalizedText(en: "a lesion", zh: "病灶")
        return found.dependent
            ? LocalizedText(
                en: " Hormone-dependent breast cancer read from the pathology of \(lesion.en) (\(found.biopsy.date)): ER or PR positive there; the primary's receptors are not on record.",
                zh: "乳腺癌激素依赖性依据\(lesion.zhHans)病理（\(found.biopsy.date)）判断：ER 或 PR 阳性；原发灶受体未记录。")
            : LocalizedText(
                en: " Hormone-independent breast cancer read from the pathology of \(lesion.en) (\(found.biopsy.date)): ER and PR negative there; the primary's receptors are not on record.",
                zh: "乳腺癌非激素依赖性依据\(lesion.zhHans)病理（\(found.biopsy.date)）判断：ER、PR 均阴性；原发灶受体未记录。")
    }
}
