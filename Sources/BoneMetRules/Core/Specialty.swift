/// The MDT specialty responsible for acting on a finding (role division: drug decisions stay
/// with medical oncology; orthopaedics assesses and operates — seed-summary.md).
public enum Specialty: String, InputEnum, Codable {
    case orthopaedics
    case spineSurgery
    case medicalOncology
    case radiationOncology
    case radiology
    case pathology
    case haematology
    case mdtCoordinator

    public var label: LocalizedText {
        switch self {
        case .orthopaedics: LocalizedText(en: "Orthopaedic oncology", zh: "骨肿瘤科")
        case .spineSurgery: LocalizedText(en: "Spine surgery", zh: "脊柱外科")
        case .medicalOncology: LocalizedText(en: "Medical oncology", zh: "肿瘤内科")
        case .radiationOncology: LocalizedText(en: "Radiation oncology", zh: "放疗科")
        case .radiology: LocalizedText(en: "Radiology", zh: "影像科")
        case .pathology: LocalizedText(en: "Pathology", zh: "病理科")
        case .haematology: LocalizedText(en: "Haematology", zh: "血液科")
        case .mdtCoordinator: LocalizedText(en: "MDT coordinator", zh: "MDT 协调员")
        }
    }
}
