import BoneMetDomain

/// What a Condition's code says about cancer, recognised by value set rather than a short list
/// (issue #9): ICD-10 by range, SNOMED CT by the shipped table, a site's own codes by its
/// mapping file, and — when no code is recognised — the text, marked for confirmation.
public enum CancerClass: Sendable, Hashable {
    /// A primary cancer of a known site (and histology when the code carries it).
    case primary(PrimarySite, HistologyType?)
    /// A malignant neoplasm whose site the Condition's bodySite gives.
    case primaryAtBodySite
    /// A metastasis to bone or bone marrow: a bone lesion.
    case boneMetastasis
    /// A metastasis outside bone (visceral, nodal, brain).
    case secondary
    /// A metastasis whose site the bodySite gives (bone when it is a bone).
    case secondaryAtBodySite
}

public enum CancerCodes {
    static let snomed: [String: CancerClass] = {
        var table: [String: CancerClass] = [:]
        for line in SNOMEDCancerTable.tsv.split(separator: "\n") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 4 else { continue }
            let histology = HistologyType(rawValue: columns[3])
            switch columns[1] {
            case "primary": if let site = PrimarySite(rawValue: columns[2]) { table[columns[0]] = .primary(site, histology) }
            case "primaryAtBodySite": table[columns[0]] = .primaryAtBodySite
            case "bone": table[columns[0]] = .boneMetastasis
            case "secondary": table[columns[0]] = .secondary
            case "secondaryAtBodySite": table[columns[0]] = .secondaryAtBodySite
            default: break
            }
        }
        return table
    }()

    /// The SNOMED CT code an export writes for a primary: the first row of the table for its
    /// site with its histology (or with none) — always the same code for the same primary.
    public static func preferredSNOMED(site: PrimarySite, histology: HistologyType?) -> String? {
        var fallback: String?
        for line in SNOMEDCancerTable.tsv.split(separator: "\n") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 4, columns[1] == "primary", columns[2] == site.rawValue, site != .other else { continue }
            if let histology, columns[3] == histology.rawValue { return columns[0] }
            if columns[3] == "-" && fallback == nil { fallback = columns[0] }
        }
        return fallback
    }

    /// Whether a code system is ICD-10 in any edition: WHO (`…/sid/icd-10`), ICD-10-CM, or a
    /// national extension such as China's clinical ICD-10 (any URI naming icd-10 / icd10, or
    /// China's OID for it).
    public static func isICD10(_ system: String?) -> Bool {
        guard let system = system?.lowercased() else { return false }
        return system.contains("icd-10") || system.contains("icd10") || isChineseICD10OID(system)
    }

    /// China's health-information standards name the national ICD-10 (GB/T 14396) by the OID
    /// 2.16.156.10011.2.3.3.11 — `codeSystemName="ICD-10"` in the electronic-record documents of
    /// WS/T 500, and `urn:oid:2.16.156.10011.2.3.3.11` in the FHIR a Chinese EHR derives from them —
    /// with tables under it (".11.2" causes of death, ".11.3" diagnoses). A Chinese EHR's breast
    /// cancer "C50.401" so coded was recognised by its text only (unseen bundle ehr9).
    static func isChineseICD10OID(_ system: String) -> Bool {
        let oid = system.hasPrefix("urn:oid:") ? String(system.dropFirst("urn:oid:".count)) : system
        return oid == "2.16.156.10011.2.3.3.11" || oid.hasPrefix("2.16.156.10011.2.3.3.11.")
    }

    /// The class of one coding, or nil when the code says nothing about cancer.
    public static func classify(system: String?, code: String?, mappings: CodeMappings = .none) -> CancerClass? {
        guard let code, !code.isEmpty else { return nil }
        if let local = mappings.condition(system: system, code: code) { return local }
        if system == FHIRCodes.snomed { return snomed[code] }
        if isICD10(system) { return icd10(code) }
        return nil
    }

    /// An ICD-10 code as compared: upper case, without the dot and spaces (`c79.51` → `C7951`),
    /// so any edition's writing of it matches.
    static func icd10Key(_ raw: String) -> String {
        raw.uppercased().filter { $0 != "." && $0 != " " }
    }

    /// ICD-10 chapter II by range (WHO, ICD-10-CM and national extensions alike; the dot and
    /// extension digits do not matter: `C79.51`, `C79.5`, `C79.500` are all bone).
    /// C77–C79 secondary (C79.5x bone and bone marrow), C7B secondary neuroendocrine (C7B.03
    /// bone), C00–C76 and C80–C97 primary by site; D codes (in situ, uncertain) are not cancer.
    public static func icd10(_ raw: String) -> CancerClass? {
        let code = icd10Key(raw)
        guard code.hasPrefix("C"), code.count >= 3 else { return nil }
        let category = String(code.prefix(3))
        if category == "C7B" { return code.hasPrefix("C7B03") ? .boneMetastasis : .secondary }
        // C7A.0 carcinoid tumours, C7A.8 other neuroendocrine tumours; C7A.1 is the poorly
        // differentiated neuroendocrine *carcinoma* (ICD-10-CM), no carcinoid for the scores.
        if category == "C7A" { return code.hasPrefix("C7A1") ? .primary(.other, nil) : .primary(.carcinoid, .neuroendocrineTumour) }
        if ["C77", "C78"].contains(category) { return .secondary }
        if category == "C79" { return code.hasPrefix("C795") ? .boneMetastasis : .secondary }
        guard let number = Int(code.dropFirst().prefix(2)), (0...97).contains(number) else { return nil }
        return .primary(icdSite(number, code: code), icdHistology(number, code: code))
    }

    static func icdSite(_ n: Int, code: String) -> PrimarySite {
        switch n {
        case 0...14, 30...32: .headAndNeck
        case 15: .esophagus
        case 16: .stomach
        case 18: .colon
        case 19, 20: .rectum
        case 22: .liver
        case 23, 24: .gallbladder
        case 25: .pancreas
        case 34: .lung
        case 40, 41, 47, 49: .sarcoma
        case 43: .melanoma
        case 50: .breast
        case 53, 54, 55: .uterus
        case 61: .prostate
        case 64, 65: .kidney
        case 67: .bladder
        case 73: .thyroid
        case 80: .unknown
        case 81...86: .lymphoma
        case 90: code.hasPrefix("C900") || code.hasPrefix("C901") || code.hasPrefix("C902") || code.hasPrefix("C903") ? .myeloma : .other
        default: .other
        }
    }

    static func icdHistology(_ n: Int, code: String) -> HistologyType? {
        switch n {
        case 40, 41, 47, 49: .sarcoma
        case 43: .melanoma
        case 81...86: .lymphoma
        case 90: code.hasPrefix("C902") || code.hasPrefix("C903") ? .plasmacytoma : code.hasPrefix("C900") ? .myeloma : nil
        default: nil
        }
    }

    // MARK: Text

    /// What a text recognition found: the class, or why a cancer word was not taken.
    public enum TextReading: Sendable, Hashable {
        case recognised(CancerClass)
        /// The text names cancer as a suspicion, a history, a risk or a benign or in-situ lesion.
        case notACancerDiagnosis
    }

    static let cancerWords = [
        "malignant neoplasm", "malignancy", "carcinoma", "cancer", "sarcoma", "myeloma", "lymphoma", "metasta", "neoplasm, malignant",
        "癌", "恶性肿瘤", "恶性", "转移", "肉瘤", "骨髓瘤", "淋巴瘤",
    ]
    /// "继发" with a cancer word within three characters after it: "骨继发恶性肿瘤", "继发性骨恶性肿瘤",
    /// "肝继发性恶性肿瘤", "继发癌" — not "化疗后继发白血病", nor "继发性骨质疏松" beside a cancer named
    /// further on.
    static func namesSecondary(_ text: String) -> Bool {
        let c = Array(text)
        for i in c.indices.dropLast() where c[i] == "继" && c[i + 1] == "发" {
            let after = c[(i + 2)...].prefix(5)
            for (offset, j) in after.indices.enumerated() where offset <= 3 {
                if c[j] == "癌" || (c[j] == "恶" && j + 1 < c.count && c[j + 1] == "性") { return true }
            }
        }
        return false
    }

    /// A myeloma's or lymphoma's bone disease — "骨髓瘤骨病", "多发性骨髓瘤伴溶骨性骨破坏", "myeloma bone
    /// disease", "lymphoma with bone involvement" — is its lesions of bone, as a metastasis is a solid
    /// tumour's: "骨髓瘤骨病" with body sites "颅骨、T7、L2椎体、骨盆" became a second myeloma primary and
    /// the four lesions were lost (unseen bundle ehr28). The disease alone ("多发性骨髓瘤") stays the
    /// primary.
    static func namesHaematologicalBoneDisease(_ text: String) -> Bool {
        let haematological = ["myeloma", "骨髓瘤", "lymphoma", "淋巴瘤"]
        let boneDisease = [
            "骨病", "溶骨", "骨破坏", "骨质破坏", "骨浸润", "骨受累", "骨侵犯",
            "bone disease", "bone lesion", "lytic lesion", "osteolytic", "bone involvement", "skeletal involvement", "lytic bone",
        ]
        return haematological.contains(where: text.contains) && boneDisease.contains(where: text.contains)
    }

    /// A breast named by its side, as Chinese records write it: "左乳浸润性导管癌", "右乳癌术后",
    /// "双乳" — a breast cancer written so was a primary of site "other" (unseen bundle ehr25): no
    /// hormone-dependence, no Tokuhashi or Katagiri primary, no breast indication for the agents.
    /// Not "乳头状" (papillary), which a thyroid's carcinoma is; read after every site word, so
    /// "甲状腺…乳头状癌" is the thyroid's.
    static func namesBreastBySide(_ text: String) -> Bool {
        let c = Array(text)
        for i in c.indices.dropLast() where "左右双".contains(c[i]) && c[i + 1] == "乳" {
            if i + 2 < c.count, c[i + 2] == "头" { continue }
            return true
        }
        return false
    }

    static let notDiagnosisWords = [
        "suspected", "suspicion", "possible", "rule out", "screening", "family history", "history of", "risk of", "at risk", "benign",
        "in situ", "uncertain behavior", "uncertain behaviour",
        "疑似", "可疑", "待排", "家族史", "筛查", "良性", "原位", "既往史",
    ]
    static let boneWords = ["bone", "osseous", "skeletal", "vertebra", "spine", "spinal", "femur", "humerus", "pelvi", "rib", "sacrum", "骨", "椎"]
    static let siteWords: [(PrimarySite, [String])] = [
        (.myeloma, ["myeloma", "骨髓瘤", "plasmacytoma", "浆细胞瘤"]), (.lymphoma, ["lymphoma", "淋巴瘤"]), (.melanoma, ["melanoma", "黑色素瘤"]),
        (.sarcoma, ["sarcoma", "肉瘤"]), (.breast, ["breast", "乳腺", "乳房", "乳癌"]), (.lung, ["lung", "bronch", "肺"]),
        (.prostate, ["prostat", "前列腺"]), (.kidney, ["kidney", "renal", "肾"]), (.thyroid, ["thyroid", "甲状腺"]),
        // "Colorectal" names no one of the two and contains "rectal" ("结直肠" contains "直肠"): it
        // read as the rectum (Tokuhashi 4), where the English word was meant for the colon (2, the
        // lower survival estimate) — read before the rectum's words (unseen bundle, 2026-12-05).
        (.colon, ["colorectal", "结直肠"]),
        (.rectum, ["rectum", "rectal", "直肠"]), (.colon, ["colon", "结肠"]), (.stomach, ["stomach", "gastric", "胃"]),
        (.liver, ["liver", "hepatocellular", "hepatic", "肝"]), (.pancreas, ["pancrea", "胰"]), (.esophagus, ["esophag", "oesophag", "食管"]),
        (.bladder, ["bladder", "膀胱"]), (.uterus, ["uter", "endometri", "cervix", "cervical cancer", "子宫", "宫颈"]),
        (.headAndNeck, ["head and neck", "larynx", "laryngeal", "pharyn", "tongue", "tonsil", "nasopharyn", "头颈", "喉", "咽", "舌", "鼻咽"]),
        (.unknown, ["unknown primary", "primary unknown", "原发灶不明", "原发不明"]),
    ]

    /// The bone and side a text names ("左股骨转移", "metastasis to the right femur"), when it
    /// names exactly one bone (`Bone.named(in:)`, which the rules read treatment names with).
    public static func bone(fromText text: String) -> (Bone, Laterality?)? {
        Bone.named(in: text).map { ($0.bone, $0.side) }
    }

    /// Reads a Condition's text (code.text, a coding's display) for cancer, in English or
    /// Chinese. Nil when it says nothing about cancer.
    public static func fromText(_ text: String) -> TextReading? {
        let t = text.lowercased()
        guard cancerWords.contains(where: t.contains) else { return nil }
        if notDiagnosisWords.contains(where: t.contains) { return .notACancerDiagnosis }
        // China's ICD-10 names the secondaries C77–C79 "继发恶性肿瘤" ("骨继发恶性肿瘤" is C79.5): a
        // Chinese EHR's "骨继发恶性肿瘤" sent by its text became a second primary of site "other"
        // and its iliac lesion was lost (unseen bundle ehr9). "继发" beside a cancer word only — a
        // therapy-related "继发白血病" is a second cancer, not a metastasis.
        let metastasis = t.contains("metasta") || t.contains("secondary") || t.contains("转移")
            || namesSecondary(t) || namesHaematologicalBoneDisease(t)
        if metastasis {
            return .recognised(boneWords.contains(where: t.contains) ? .boneMetastasis : .secondary)
        }
        let site = siteWords.first { $0.1.contains(where: t.contains) }?.0 ?? (namesBreastBySide(t) ? .breast : .other)
        return .recognised(.primary(site, HistologyType.infer(from: text)))
    }
}
