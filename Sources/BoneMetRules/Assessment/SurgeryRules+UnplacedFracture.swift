/// A pathological fracture on record whose site the record cannot give (rule set 2026.12.321).
///
/// A breast cancer's pathological fracture recorded three weeks before, no lesion named — as an
/// EHR's fracture Condition without a body site arrives — was only counted among the skeletal-
/// related events (cb90-l): nothing asked where it was. Where it is decides what is done, and
/// whether anything is urgent: a limb long bone broken through a metastasis is fixed, a vertebra
/// is assessed for stability and cord compression, the pelvis or shoulder girdle by orthopaedic
/// oncology (the source hospital's surgical duty: prevent and treat pathological fractures).
/// Not said when a lesion on record shows or records a fracture: the record may have placed it
/// there (as the skeletal-related events count it once, `BoneAgentRules.sreEvents`).
extension SurgeryRules {
    func unplacedFractureFinding() -> Finding? {
        guard let fracture = index.record.events.last(where: {
            $0.kind == .pathologicalFracture && $0.lesion == nil && $0.isCurrent && index.known($0.date)
        }) else { return nil }
        let placed = index.record.events.contains { $0.kind == .pathologicalFracture && $0.lesion != nil && index.known($0.date) }
            || !index.imagedFractures.isEmpty
        guard !placed else { return nil }
        return Finding(
            ruleId: "surgery.fracture.siteUnrecorded", severity: .warning, duty: .surgery, specialty: .orthopaedics,
            subject: .patient, date: fracture.date,
            title: LocalizedText(
                en: "Pathological fracture of \(fracture.date): its site is not recorded",
                zh: "\(fracture.date) 病理性骨折：未记录骨折部位"),
            detail: LocalizedText(
                en: "A pathological fracture is on record (\(fracture.date)) with no lesion named, and no lesion on record shows a fracture. Where it is decides what is done: a limb long bone broken through a metastasis is fixed (fixation or arthroplasty); a vertebra is assessed for stability and cord compression (SINS, ESCC, neurological status); the pelvis or shoulder girdle is judged by orthopaedic oncology. Record the fracture at its lesion, with the X-ray or CT reading that shows it.",
                zh: "病历中有一处病理性骨折（\(fracture.date)），未注明所在病灶，且病历中无任何病灶显示骨折。骨折部位决定处理：四肢长骨经转移灶骨折需固定（内固定或关节置换）；椎体需评估稳定性和脊髓压迫（SINS、ESCC、神经功能）；骨盆或肩胛带由骨肿瘤科判断。请将该骨折记录到所在病灶，并录入显示骨折的 X 线或 CT 读片。"),
            inputs: [FindingInput("fracture", fracture.date.description), FindingInput("lesion", "unrecorded")],
            sources: [Self.sourceHospitalSurgery])
    }
}
