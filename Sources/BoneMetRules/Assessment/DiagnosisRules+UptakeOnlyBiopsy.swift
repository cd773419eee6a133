/// A lesion that would be biopsied but is known only from tracer uptake (rule set 2026.12.187):
/// X-ray and CT bone window first — uptake is not a diagnosis (the source hospital).
extension DiagnosisRules {
    /// A lesion that would be biopsied but is known only from tracer uptake: its X-ray and CT bone
    /// window first; the biopsy follows if they show a lesion.
    func uptakeOnlyBiopsyFinding(_ lesion: Lesion, reasons: LocalizedText, inputs: [FindingInput], surgeryPlanned: Bool) -> Finding {
        let name = index.label(lesion)
        return Finding(
            ruleId: "diagnosis.biopsy.indicated", severity: surgeryPlanned ? .warning : .advisory, duty: .diagnosis,
            specialty: .orthopaedics, subject: .lesion(lesion.id), date: index.firstSeen(lesion.id),
            title: LocalizedText(
                en: "\(name.en): X-ray and CT bone window first — biopsy if they show a lesion",
                zh: "\(name.zhHans)：先行 X 线和 CT 骨窗检查——如见病灶再活检"),
            detail: LocalizedText(
                en: "\(reasons.en). Known so far only from tracer uptake, which is not a diagnosis: bone destruction on the CT bone window is the key evidence. Image it on X-ray and CT with the bone window; a lesion they show is for biopsy (pathology is the gold standard when imaging cannot decide); uptake without destruction is not a metastasis — follow it up on the bone window.",
                zh: "\(reasons.zhHans)。目前仅见放射性浓聚，浓聚本身不能诊断：CT 骨窗上的骨质破坏才是关键证据。请行 X 线和 CT 骨窗检查；如见病灶则需活检（影像无法定性时病理是金标准）；有浓聚而无骨质破坏者不诊断骨转移——以骨窗随访。"),
            inputs: inputs + [FindingInput("anatomicRead", "false")], sources: [Self.sourceHospital],
            claims: [Claim(.biopsy, about: lesion.id, "biopsy")])
    }
}
