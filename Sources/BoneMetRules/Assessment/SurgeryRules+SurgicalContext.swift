/// What an operation proposed on a lesion must take into account — the tissue diagnosis still open
/// and a hypervascular primary's embolisation — said by the Mirels and spine findings alike (moved
/// out of SurgeryRules.swift, over 40 KiB).
extension SurgeryRules {
    /// What every surgical recommendation for a lesion must also say: biopsy first while the
    /// diagnosis is open, and pre-operative embolisation for hypervascular metastases.
    /// `emergency`: a spinal compression with a neurological deficit, whose definitive treatment
    /// is due within 24 hours (NICE NG234) — the operation does not wait for a biopsy, and the
    /// tissue is taken at it (an HCC's T11 at ESCC 3, Frankel C, read "emergency spine referral,
    /// tissue diagnosis first"; unseen record cb21-v).
    func surgicalContext(_ id: String, open: [LocalizedText], emergency: Bool = false) -> (en: String, zhHans: String, sources: [Citation]) {
        var en: [String] = []
        var zh: [String] = []
        var sources: [Citation] = []
        if !open.isEmpty {
            let reasons = LocalizedText.joined(open, en: "; ", zh: "；")
            // Operated on already, no pathology on record: that operation's tissue answers it,
            // as the diagnosis finding says (`operativeTissueNote`). A renal-cell T8 decompressed
            // and instrumented in January, compressed again in September, read "Biopsy first …
            // never instrument an undiagnosed lesion" beside "the pathology of the tissue taken
            // then answers this — biopsy again only if no tissue was sent" (unseen record cb156-e,
            // rule set 2026.12.406).
            // With a deficit the decompression does not wait for that result either (rule set
            // 2026.12.410): frozen section at the operation if it is not known by then.
            if let operation = index.operationWithoutPathology(id) {
                let note = CaseIndex.operativeTissueNote(operation)
                if emergency {
                    en.append("Tissue: no tissue diagnosis on record (\(reasons.en)). \(note.en) With a neurological deficit the decompression does not wait for it: if the result is not known by then, send tissue for frozen section before any implant is placed.")
                    zh.append("病理：尚无病理诊断记录（\(reasons.zhHans)）。\(note.zhHans)存在神经功能障碍时减压不等待其结果：届时如仍未知，植入内固定前先送术中冰冻病理。")
                } else {
                    en.append("Pathology first: no tissue diagnosis on record (\(reasons.en)). \(note.en) A primary bone tumour, myeloma or a second primary must be excluded before any further fixation.")
                    zh.append("先明确病理：尚无病理诊断记录（\(reasons.zhHans)）。\(note.zhHans)再次内固定前须排除原发骨肿瘤、骨髓瘤或第二原发肿瘤。")
                }
            } else if !emergency && index.blasticUnderTherapy(id) {
                en.append("Tissue at the operation: no tissue diagnosis yet (\(reasons.en)), but a needle biopsy of blastic bone under systemic therapy would likely sample reactive bone or necrosis — if it is operated on, send tissue for frozen section before any implant is placed.")
                zh.append("术中取病理：尚无病理诊断（\(reasons.zhHans)），但全身治疗中的成骨性骨质穿刺活检很可能只取到反应骨或坏死组织——如行手术，植入内固定前先送术中冰冻病理。")
            } else if emergency {
                en.append("Tissue at the operation: no tissue diagnosis yet (\(reasons.en)) — with a neurological deficit the decompression does not wait for a biopsy: send tissue for frozen section before any implant is placed, as a primary bone tumour, myeloma or a second primary must be excluded before any fixation.")
                zh.append("术中取病理：尚无病理诊断（\(reasons.zhHans)）——存在神经功能障碍时减压不等待活检：植入内固定前先送术中冰冻病理，因任何内固定前须排除原发骨肿瘤、骨髓瘤或第二原发肿瘤。")
            } else {
                // A nail is a long bone's: a vertebra read "never nail an undiagnosed lesion"
                // (cb23-r, T9); the spine's fixation is instrumentation.
                let spinal = index.lesionsById[id]?.isSpinal == true
                en.append("Biopsy first: no tissue diagnosis yet (\(reasons.en)) — a primary bone tumour, myeloma or a second primary must be excluded before any fixation; never \(spinal ? "instrument" : "nail") an undiagnosed lesion. If surgery cannot wait, send tissue for frozen section before any implant is placed.")
                zh.append("先活检：尚无病理诊断（\(reasons.zhHans)）——任何内固定前须排除原发骨肿瘤、骨髓瘤或第二原发肿瘤；绝不对未确诊病灶行\(spinal ? "内固定" : "髓内钉固定")。如手术不能等待，植入内固定前先送术中冰冻病理。")
            }
            if let taken = index.openBiopsyNote(id) {
                en.append(taken.en)
                zh.append(taken.zhHans)
            }
            sources.append(DiagnosisRules.sourceHospital)
        }
        let hypervascular = index.primaryCandidates(for: id).filter(\.isHypervascular)
        if !hypervascular.isEmpty {
            let sentence = embolisationSentence(id, hypervascular: hypervascular)
            en.append(sentence.en)
            zh.append(sentence.zhHans)
            sources.append(Self.pazionis2014)
        }
        return (en.joined(separator: " "), zh.joined(), sources)
    }

    static let pazionis2014 = Citation(
        id: "pazionis2014", text: "Pazionis TJ et al. Clin Orthop Relat Res 2014;472:3179-87 (embolisation of hypervascular bone metastases)")
}
