/// Coded histology where the rules need it (issue #8): radiosensitivity for NOMS comes from the
/// histology, not the organ — small-cell lung cancer is radiosensitive, non-small-cell is not
/// (reference.md, "Histology and radiosensitivity"; Laufer 2013).
public enum HistologyType: String, InputEnum, Codable {
    case smallCellCarcinoma, nonSmallCellCarcinoma, adenocarcinoma, squamousCellCarcinoma
    case ductalCarcinoma, lobularCarcinoma, renalCellCarcinoma, hepatocellularCarcinoma
    case thyroidCarcinoma, urothelialCarcinoma, neuroendocrineTumour, melanoma, sarcoma
    case lymphoma, myeloma, plasmacytoma, seminoma, nonSeminomatousGermCell, other

    public var label: LocalizedText {
        switch self {
        case .smallCellCarcinoma: LocalizedText(en: "small-cell carcinoma", zh: "小细胞癌")
        case .nonSmallCellCarcinoma: LocalizedText(en: "non-small-cell carcinoma", zh: "非小细胞癌")
        case .adenocarcinoma: LocalizedText(en: "adenocarcinoma", zh: "腺癌")
        case .squamousCellCarcinoma: LocalizedText(en: "squamous-cell carcinoma", zh: "鳞状细胞癌")
        case .ductalCarcinoma: LocalizedText(en: "invasive ductal carcinoma", zh: "浸润性导管癌")
        case .lobularCarcinoma: LocalizedText(en: "invasive lobular carcinoma", zh: "浸润性小叶癌")
        case .renalCellCarcinoma: LocalizedText(en: "renal-cell carcinoma", zh: "肾细胞癌")
        case .hepatocellularCarcinoma: LocalizedText(en: "hepatocellular carcinoma", zh: "肝细胞癌")
        case .thyroidCarcinoma: LocalizedText(en: "thyroid carcinoma", zh: "甲状腺癌")
        case .urothelialCarcinoma: LocalizedText(en: "urothelial carcinoma", zh: "尿路上皮癌")
        case .neuroendocrineTumour: LocalizedText(en: "neuroendocrine tumour", zh: "神经内分泌肿瘤")
        case .melanoma: LocalizedText(en: "melanoma", zh: "黑色素瘤")
        case .sarcoma: LocalizedText(en: "sarcoma", zh: "肉瘤")
        case .lymphoma: LocalizedText(en: "lymphoma", zh: "淋巴瘤")
        case .myeloma: LocalizedText(en: "myeloma", zh: "骨髓瘤")
        case .plasmacytoma: LocalizedText(en: "plasmacytoma", zh: "浆细胞瘤")
        case .seminoma: LocalizedText(en: "seminoma", zh: "精原细胞瘤")
        case .nonSeminomatousGermCell: LocalizedText(en: "non-seminomatous germ-cell tumour", zh: "非精原细胞性生殖细胞肿瘤")
        case .other: LocalizedText(en: "other histology", zh: "其他组织学类型")
        }
    }

    /// Reads a coded type from a pathology text, only where the words are unambiguous
    /// ("non-small" before "small"); nil when the text does not decide.
    public static func infer(from text: String) -> HistologyType? {
        // Read once per text in the process: the same pathology texts recur across cases and
        // rules (radiosensitivity, the molecular tests a biopsy implies, the biopsy's primary), and
        // reading one — lower-casing, a substring search per word — was a fifth of an assessment
        // in the re-assessment benchmark after rule set 2026.12.195 (issue #12).
        inferred.value(text) {
            let t = text.lowercased()
            return rules.first { $0.1.contains(where: t.contains) }?.0 ?? nil
        }
    }

    private static let inferred = ProcessMemo<String, HistologyType?>()

    private static let rules: [(HistologyType?, [String])] = [
            (.nonSmallCellCarcinoma, ["non-small", "non small", "nsclc", "非小细胞"]),
            (.smallCellCarcinoma, ["small cell", "small-cell", "sclc", "小细胞"]),
            (.seminoma, ["seminoma", "精原细胞瘤"]),
            (.plasmacytoma, ["plasmacytoma", "浆细胞瘤"]),
            (.myeloma, ["myeloma", "骨髓瘤"]),
            (.lymphoma, ["lymphoma", "淋巴瘤"]),
            // A clear-cell carcinoma of the ovary or endometrium is not renal-cell (ehr46's
            // neighbours: "卵巢透明细胞癌" read as a hypervascular renal-cell carcinoma): undecided.
            (nil, ["卵巢透明细胞癌", "内膜透明细胞癌", "宫颈透明细胞癌", "阴道透明细胞癌", "ovarian clear cell", "endometrial clear cell"]),
            (.renalCellCarcinoma, ["renal cell", "renal-cell", "clear cell renal", "肾细胞癌", "透明细胞癌"]),
            (.hepatocellularCarcinoma, ["hepatocellular", "肝细胞癌"]),
            // A bile duct's cancer is an adenocarcinoma, not the liver's hepatocellular one
            // (unseen bundle ehr46, rule set .385: "肝内胆管细胞癌" read as the liver's HCC —
            // hypervascular, radioresistant).
            (.adenocarcinoma, ["cholangiocarcinoma", "胆管细胞癌", "胆管癌"]),
            (.melanoma, ["melanoma", "黑色素瘤"]),
            (.sarcoma, ["sarcoma", "肉瘤"]),
            // The renal pelvis's and ureter's cancer is urothelial, not renal-cell (ehr46: "肾盂癌").
            (.urothelialCarcinoma, ["urothelial", "尿路上皮", "肾盂癌", "输尿管癌", "renal pelvis carcinoma", "renal pelvic carcinoma"]),
            // A neuroendocrine *carcinoma* (large-cell, poorly differentiated, NEC) is a high-grade
            // carcinoma, not the well-differentiated tumour (carcinoid) the coded type names:
            // undecided here (small-cell is read above). A lung LCNEC read as a carcinoid would
            // score Tokuhashi's carcinoid 5 points (2026.12.99).
            (nil, ["neuroendocrine carcinoma", "lcnec", "large cell neuroendocrine", "large-cell neuroendocrine", "神经内分泌癌"]),
            (.neuroendocrineTumour, ["neuroendocrine", "carcinoid", "神经内分泌", "类癌"]),
            (.lobularCarcinoma, ["lobular", "小叶癌"]),
            (.ductalCarcinoma, ["ductal", "导管癌"]),
            (.squamousCellCarcinoma, ["squamous", "鳞癌", "鳞状细胞癌"]),
            (.adenocarcinoma, ["adenocarcinoma", "腺癌"]),
        ]
}

/// How a metastasis responds to conventional radiotherapy (NOMS "O"; Laufer 2013; reference.md).
public enum Radiosensitivity: String, Sendable, Hashable {
    case sensitive, resistant, unknown

    public var label: LocalizedText {
        switch self {
        case .sensitive: LocalizedText(en: "radiosensitive", zh: "放疗敏感")
        case .resistant: LocalizedText(en: "radioresistant", zh: "放疗抵抗")
        case .unknown: LocalizedText(en: "radiosensitivity unknown (histology needed)", zh: "放疗敏感性未知（需组织学）")
        }
    }
}

extension PrimaryCancer {
    /// The coded histology, or the one its pathology text states unambiguously.
    public var effectiveHistology: HistologyType? { histologyType ?? histology.flatMap(HistologyType.infer(from:)) }

    /// Radiosensitivity from the histology first, then the organ (reference.md): small-cell lung
    /// cancer, lymphoma, myeloma/plasmacytoma and seminoma sensitive; NSCLC, renal, thyroid,
    /// hepatocellular, colorectal, melanoma and sarcoma resistant; breast and prostate usually
    /// treated as sensitive. Lung without histology is unknown: small-cell is sensitive.
    /// The very radiosensitive tumours Patchell 2005 left out of its trial of decompressive
    /// surgery (lymphoma, leukaemia, myeloma, germ-cell): radiotherapy leads even with a deficit.
    /// Myeloma or plasmacytoma, by site or histology.
    public var isPlasmaCellDisease: Bool { site == .myeloma || [.myeloma, .plasmacytoma].contains(effectiveHistology) }
    /// Lymphoma, by site or histology.
    public var isLymphoma: Bool { site == .lymphoma || effectiveHistology == .lymphoma }

    /// The "primary site" the prognosis tables read. Their rows name tumour types beside organs
    /// (Tokuhashi 2005: "thyroid, breast, prostate, carcinoid 5", osteosarcoma 0; Katagiri 2014:
    /// myeloma, lymphoma, melanoma, sarcoma), so a histology that is one of those types is read
    /// as it, whatever organ it arose in: a typical carcinoid of the lung scored "lung 0" instead
    /// of "carcinoid 5" (2026.12.99). A neuroendocrine carcinoma is not a carcinoid (`infer`).
    public var scoredSite: PrimarySite {
        if isPlasmaCellDisease { return .myeloma }
        if isLymphoma { return .lymphoma }
        switch effectiveHistology {
        case .neuroendocrineTumour: return .carcinoid
        case .melanoma: return .melanoma
        // Katagiri names sarcoma, Tokuhashi osteosarcoma: a uterine leiomyosarcoma is a sarcoma,
        // not the uterine cancer (carcinoma) of Tokuhashi's "uterus 3".
        case .sarcoma:
            if site == .osteosarcoma { return .osteosarcoma }
            let text = histology?.lowercased() ?? ""
            return text.contains("osteosarcoma") || text.contains("骨肉瘤") ? .osteosarcoma : .sarcoma
        default: return site
        }
    }

    public var isVeryRadiosensitive: Bool {
        switch effectiveHistology {
        case .lymphoma, .myeloma, .plasmacytoma, .seminoma, .nonSeminomatousGermCell: return true
        case nil: return site == .lymphoma || site == .myeloma
        default: return false
        }
    }

    public var radiosensitivity: Radiosensitivity {
        switch effectiveHistology {
        case .smallCellCarcinoma, .lymphoma, .myeloma, .plasmacytoma, .seminoma: return .sensitive
        case .nonSmallCellCarcinoma, .renalCellCarcinoma, .hepatocellularCarcinoma, .thyroidCarcinoma, .melanoma, .sarcoma:
            return .resistant
        // Adenocarcinoma and squamous carcinoma of the lung are non-small-cell (resistant); of
        // any other organ they say nothing beyond the organ (breast/prostate adenocarcinoma
        // stay sensitive), so they fall through to the organ below.
        case .adenocarcinoma where site == .lung, .squamousCellCarcinoma where site == .lung: return .resistant
        // The liver's and kidney's resistant tumours are hepatocellular and renal-cell (reference.md);
        // another histology there (a cholangiocarcinoma, a urothelial carcinoma of the renal
        // pelvis) is not named by the sources (ehr46, rule set .385).
        case .some(let other) where other != .other && [.liver, .kidney].contains(site): return .unknown
        default: break
        }
        switch site {
        case .lymphoma, .myeloma, .breast, .prostate: return .sensitive
        case .kidney, .melanoma, .thyroid, .colon, .rectum, .sarcoma, .osteosarcoma, .liver: return .resistant
        default: return .unknown
        }
    }

    /// Hypervascular metastases (renal, thyroid, hepatocellular; also myeloma): pre-operative
    /// embolisation is commonly considered before open surgery (reference.md; Pazionis 2014).
    public var isHypervascular: Bool {
        switch effectiveHistology {
        case .renalCellCarcinoma, .hepatocellularCarcinoma, .thyroidCarcinoma, .myeloma, .plasmacytoma: return true
        // A liver or kidney primary of another histology is not its organ's hypervascular tumour
        // (hepatocellular, renal-cell): a cholangiocarcinoma, a renal pelvis's urothelial
        // carcinoma were offered pre-operative embolisation (ehr46, rule set .385).
        case .some(let other) where other != .other && [.liver, .kidney].contains(site): return false
        default: return [.kidney, .thyroid, .liver, .myeloma].contains(site)
        }
    }

    /// Prostate: castration-resistant as recorded, or as "hormone-independent" (Katagiri's term
    /// for the same state) when only that is recorded.
    public var isCastrationResistant: Bool? {
        guard site == .prostate else { return nil }
        return effectiveCastrationResistant ?? hormoneDependent.map { !$0 }
    }

    /// How the primary is named in findings: "lung (small-cell carcinoma)".
    public var label: LocalizedText {
        guard let histology = effectiveHistology else { return site.label }
        // "myeloma", not "myeloma (myeloma)"; the same for lymphoma and melanoma.
        if histology.label.en == site.label.en { return site.label }
        // Chinese names the organ in the histology when it is there: 肝细胞癌, 肾细胞癌, 甲状腺癌 —
        // not 肝肝细胞癌 (while 肺 + 腺癌 is 肺腺癌).
        let zh = histology.label.zhHans.hasPrefix(site.label.zhHans) ? histology.label.zhHans : "\(site.label.zhHans)\(histology.label.zhHans)"
        return LocalizedText(en: "\(site.label.en) (\(histology.label.en))", zh: zh)
    }
}
