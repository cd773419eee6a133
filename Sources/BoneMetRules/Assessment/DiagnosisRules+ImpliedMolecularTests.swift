/// The molecular tests a biopsied cancer implies by itself (rule set 2026.12.195; reference.md:
/// receptor re-testing in breast cancer, NGS in lung cancer → EDTA decalcification).
extension DiagnosisRules {
    /// The molecular tests a bone biopsy's cancer needs by itself (reference.md: "receptor
    /// re-testing in breast cancer, NGS in lung cancer"), unless the record says none are wanted:
    /// its lesion's one candidate primary, or — no primary on record — what its histology names
    /// (TTF-1, Napsin A, "肺来源"; GATA3, "乳腺来源"). An acid-decalcified femur biopsy of a
    /// TTF-1-positive adenocarcinoma, the primary not yet recorded, drew no warning because no
    /// plan had said "molecular tests wanted" (cb28-v). Small-cell lung cancer is not tested so.
    func impliedMolecularTests(lesion: String?, histology: String?) -> LocalizedText? {
        guard index.record.plans.molecularTestsWanted != false else { return nil }
        let breast = LocalizedText(en: "ER/PR/HER2 in-situ hybridisation and DNA/RNA", zh: "ER/PR/HER2 原位杂交及 DNA/RNA")
        let lung = LocalizedText(en: "EGFR, ALK and other driver-gene tests (DNA/RNA, FISH)", zh: "EGFR、ALK 等驱动基因检测（DNA/RNA、FISH）")
        let text = histology?.lowercased() ?? ""
        let smallCell = HistologyType.infer(from: text) == .smallCellCarcinoma
        let candidates = lesion.map(index.primaryCandidates(for:)) ?? index.knownPrimaries
        func tests(_ primary: PrimaryCancer) -> LocalizedText? {
            if primary.site == .breast { return breast }
            if primary.site == .lung && primary.effectiveHistology != .smallCellCarcinoma && !smallCell { return lung }
            return nil
        }
        if candidates.count == 1, let primary = candidates.first { return tests(primary) }
        // Several candidate primaries: the specimen is tested for whichever it proves to be, so
        // the tests of each that has them are at stake — a breast cancer of 2016 and a lung
        // adenocarcinoma of 2025, their lesions "biopsy indicated: more than one candidate
        // primary", drew no word on EDTA (unseen record cb153-d, rule set 2026.12.400).
        if candidates.count > 1 {
            let wanted: [LocalizedText] = [breast, lung].filter { text in candidates.contains { tests($0) == text } }
            return wanted.isEmpty ? nil : LocalizedText.joined(wanted, en: ", or ", zh: "，或")
        }
        guard candidates.isEmpty, !smallCell else { return nil }
        // The markers read as positive (`ImmunoprofileText`): "TTF-1(-)，GATA3(+)" named the lung
        // because TTF-1 was written at all.
        let organs = ImmunoprofileText.organs(in: text)
        let lungMarked = organs.contains(.lung) || ["肺来源", "lung origin", "lung primary"].contains(where: text.contains)
        let breastMarked = organs.contains(.breast) || ["乳腺来源", "breast origin", "breast primary"].contains(where: text.contains)
        if lungMarked && !breastMarked { return lung }
        if breastMarked && !lungMarked { return breast }
        return nil
    }
}
