/// Epidural spinal cord compression grade (Bilsky MH et al. J Neurosurg Spine 2010;13:324-8),
/// read on axial T2 MRI at the worst level. Grades stay strings: "1a" is not 1.
public enum ESCC {
    public enum Grade: String, InputEnum, Codable, Comparable {
        case g0 = "0", g1a = "1a", g1b = "1b", g1c = "1c", g2 = "2", g3 = "3"

        public var label: LocalizedText {
            switch self {
            case .g0: LocalizedText(en: "0 — bone-only disease", zh: "0 级——仅骨内病变")
            case .g1a: LocalizedText(en: "1a — epidural impingement, no thecal-sac deformation", zh: "1a 级——硬膜外受累，硬膜囊无变形")
            case .g1b: LocalizedText(en: "1b — thecal sac deformed, spinal cord not abutted", zh: "1b 级——硬膜囊变形，未触及脊髓")
            case .g1c: LocalizedText(en: "1c — spinal cord abutted, not compressed", zh: "1c 级——触及脊髓，无压迫")
            case .g2: LocalizedText(en: "2 — cord compressed, CSF visible around the cord", zh: "2 级——脊髓受压，脊髓周围仍可见脑脊液")
            case .g3: LocalizedText(en: "3 — cord compressed, no CSF visible", zh: "3 级——脊髓受压，脑脊液消失")
            }
        }

        /// Position from 0 to 3 (also how the worse of two readings of one day is chosen).
        var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.order < rhs.order }
    }

    public enum Class: String, Sendable, Hashable {
        case lowGrade, highGrade

        public var info: BandInfo {
            switch self {
            case .lowGrade:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "low-grade compression", zh: "低级别压迫"),
                    meaning: LocalizedText(
                        en: "the cord is not compressed",
                        zh: "脊髓未受压"),
                    recommendation: LocalizedText(
                        en: "radiotherapy by histology (NOMS): conventional for radiosensitive tumours, stereotactic radiosurgery for radioresistant ones; check stability with SINS",
                        zh: "按组织学选择放疗（NOMS）：放疗敏感肿瘤常规放疗，放疗抵抗肿瘤立体定向放射外科；用 SINS 评估稳定性"))
            case .highGrade:
                BandInfo(
                    id: rawValue, label: LocalizedText(en: "high-grade compression", zh: "高级别压迫"),
                    meaning: LocalizedText(en: "the spinal cord is compressed", zh: "脊髓受压"),
                    recommendation: LocalizedText(
                        en: "urgent spine-surgery referral: decompression / separation surgery before radiotherapy unless the histology is radiosensitive (lymphoma, myeloma, seminoma; breast and prostate usually treated as sensitive) — NOMS; myelopathy makes it an emergency",
                        zh: "紧急脊柱外科转诊：除非组织学对放疗敏感（淋巴瘤、骨髓瘤、精原细胞瘤；乳腺癌和前列腺癌通常按敏感处理），放疗前行减压 / 分离手术——NOMS；出现脊髓病变即为急诊"))
            }
        }
    }

    public struct Result: Sendable, Hashable {
        public let grade: Grade
        public let highGrade: Bool
        /// Grade 1c: Bilsky 2010 leaves it debated; its class follows a setting.
        public let debated: Bool
    }

    public static func evaluate(_ grade: Grade, settings: RuleSettings = .default) -> Result {
        let high: Bool =
            switch grade {
            case .g2, .g3: true
            case .g1c: settings.escc1cIsHighGrade
            case .g0, .g1a, .g1b: false
            }
        return Result(grade: grade, highGrade: high, debated: grade == .g1c)
    }
}
