/// The primary-site vocabulary shared by every score and the case record (issue #2).
public enum PrimarySite: String, InputEnum, Codable {
    case breast, prostate, lung, kidney, thyroid, colon, rectum, stomach, liver, gallbladder, pancreas
    case esophagus, bladder, uterus, headAndNeck, melanoma, carcinoid, myeloma, lymphoma, sarcoma
    case osteosarcoma, unknown, other

    public var label: LocalizedText {
        switch self {
        case .breast: LocalizedText(en: "breast", zh: "乳腺")
        case .prostate: LocalizedText(en: "prostate", zh: "前列腺")
        case .lung: LocalizedText(en: "lung", zh: "肺")
        case .kidney: LocalizedText(en: "kidney", zh: "肾")
        case .thyroid: LocalizedText(en: "thyroid", zh: "甲状腺")
        case .colon: LocalizedText(en: "colon", zh: "结肠")
        case .rectum: LocalizedText(en: "rectum", zh: "直肠")
        case .stomach: LocalizedText(en: "stomach", zh: "胃")
        case .liver: LocalizedText(en: "liver", zh: "肝")
        case .gallbladder: LocalizedText(en: "gallbladder", zh: "胆囊")
        case .pancreas: LocalizedText(en: "pancreas", zh: "胰腺")
        case .esophagus: LocalizedText(en: "oesophagus", zh: "食管")
        case .bladder: LocalizedText(en: "bladder", zh: "膀胱")
        case .uterus: LocalizedText(en: "uterus", zh: "子宫")
        case .headAndNeck: LocalizedText(en: "head and neck", zh: "头颈部")
        case .melanoma: LocalizedText(en: "melanoma", zh: "黑色素瘤")
        case .carcinoid: LocalizedText(en: "carcinoid", zh: "类癌")
        case .myeloma: LocalizedText(en: "myeloma", zh: "骨髓瘤")
        case .lymphoma: LocalizedText(en: "lymphoma", zh: "淋巴瘤")
        case .sarcoma: LocalizedText(en: "sarcoma", zh: "肉瘤")
        case .osteosarcoma: LocalizedText(en: "osteosarcoma", zh: "骨肉瘤")
        case .unknown: LocalizedText(en: "unknown primary", zh: "原发灶不明")
        case .other: LocalizedText(en: "other", zh: "其他")
        }
    }
}

/// Growth class of a primary, as used by Tomita and Katagiri (each maps primaries differently).
public enum PrimaryGrowth: String, InputEnum, Codable {
    case slow, moderate, rapid

    public var label: LocalizedText {
        switch self {
        case .slow: LocalizedText(en: "slow growth", zh: "生长缓慢")
        case .moderate: LocalizedText(en: "moderate growth", zh: "生长中等")
        case .rapid: LocalizedText(en: "rapid growth", zh: "生长迅速")
        }
    }
}
