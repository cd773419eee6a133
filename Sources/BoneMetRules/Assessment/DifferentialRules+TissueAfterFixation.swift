/// What is left to do for a lesion fixed without a tissue diagnosis while its differential is
/// open (`solitaryBeforeFixation`, the fixation done): record the operation's tissue, else take it
/// now — by needle, or, where the biopsy findings send for no needle, where it can answer.
extension DifferentialRules {
    func tissueAfterFixation(_ lesion: Lesion) -> (text: LocalizedText, needleBarred: Bool) {
        // "If none was sent, biopsy now" — but a blastic lesion under systemic therapy is the one
        // the biopsy findings send for no needle (reactive bone or necrosis). A liver cancer's
        // blastic femoral shaft, replaced after its fracture, read "biopsy now" beside "blastic
        // lesion, systemic therapy under way — do not biopsy" (a generated record, g374, rule set
        // 2026.12.393): the tissue is sought where it can answer. So is a pure blastic lesion
        // without tracer uptake: followed on imaging, not biopsied (the source hospital;
        // `diagnosis.blastic.noUptakeFollowUp`).
        let underTherapy = index.blasticUnderTherapy(lesion.id)
        let characters = index.characters(lesion.id)
        let coldBlastic = !characters.isEmpty && characters.allSatisfy { $0 == .blastic } && index.tracerUptake(lesion.id) == .some(false)
        guard underTherapy || coldBlastic else {
            return (LocalizedText(
                en: "if none was sent, biopsy now — the diagnosis decides the systemic therapy and the surgery of the other lesions.",
                zh: "如术中未送检，请现在活检——诊断决定全身治疗及其他病灶的手术。"), false)
        }
        let noNeedle = underTherapy
            ? LocalizedText(
                en: "a needle biopsy of this blastic lesion under systemic therapy would likely sample reactive bone or necrosis",
                zh: "此病灶在全身治疗中呈成骨性，穿刺活检很可能只取到反应骨或坏死组织")
            : LocalizedText(
                en: "this pure blastic lesion without tracer uptake is followed on imaging, not biopsied",
                zh: "此单纯成骨性病灶无放射性浓聚，应影像随访而非活检")
        // Where the tissue can come from: another lesion read lytic or mixed (biopsied at any
        // time, the source hospital), else this one's next operation or its turning lytic.
        let lytic = index.metastaticLesions.filter { other in
            other.id != lesion.id && index.characters(other.id).contains { $0 == .lytic || $0 == .mixed }
        }
        guard !lytic.isEmpty else {
            return (LocalizedText(
                en: "if none was sent, \(noNeedle.en): send tissue at any further operation on it, and follow it with the response assessment — a lesion that turns lytic or mixed can be biopsied at any time.",
                zh: "如术中未送检，\(noNeedle.zhHans)：如再次手术请送病理，并随疗效评估随访——病灶转为溶骨性或混合性时可随时活检。"), true)
        }
        let elsewhere = LocalizedText.joined(lytic.map(index.label), en: "; ", zh: "、")
        return (LocalizedText(
            en: "if none was sent, \(noNeedle.en): take the tissue from a lytic or mixed lesion (\(elsewhere.en)), or at any further operation on this one.",
            zh: "如术中未送检，\(noNeedle.zhHans)：请在溶骨性或混合性病灶（\(elsewhere.zhHans)）取组织，或此处再次手术时送检。"), true)
    }
}
