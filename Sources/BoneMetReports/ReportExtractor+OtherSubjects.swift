import Foundation

/// What a sentence without a site speaks of when it is not the lesion before it: another subject
/// (an organ, a joint, the injection site) or the spine named without a level (moved out of
/// ReportExtractor.swift, past 40 KB).
extension ReportExtractor {
    /// Subjects of a report sentence that are not a bone site of the lexicons: organs a bone scan
    /// shows (kidneys, bladder), the injection site, joints, lymph nodes — not the soft tissue (a
    /// lesion's mass) nor an organ that names the primary ("肺癌骨转移"). A sentence naming
    /// one and no site speaks of it, not of the lesion before.
    static let otherSubjects = [
        "双肾", "肾脏", "肾影", "膀胱", "注射", "关节", "淋巴结",
        "kidneys", "bladder", "injection", "joint", "knee", "shoulder", "elbow", "ankle", "wrist", "lymph node",
    ]

    /// The spine named without a level: "spinal metastases", "vertebral", "脊柱", "胸椎" — not
    /// "paravertebral" (a rib's mass beside the spine) nor "椎旁".
    static func namesTheSpine(_ sentence: String) -> Bool {
        let words = sentence.lowercased()
        if ["脊柱", "椎体", "胸椎", "腰椎", "颈椎"].contains(where: words.contains) { return true }
        return words.range(of: #"\b(spine|spinal|vertebra|vertebrae|vertebral)\b"#, options: .regularExpression) != nil
    }

    /// Organs other than bone. A sentence without a site that names one speaks of that organ:
    /// "右肺上叶见一大小约3.2cm×2.8cm的软组织肿块" after a PET-CT's list of bones gave the lung
    /// mass and its size to skull, humerus, sternum, ribs and pelvis (unseen PET-CT report,
    /// 2026-12-06). A primary's name — "肺癌骨转移", "lung cancer" — is no organ's finding, nor the
    /// spinal canal's cerebrospinal fluid ("周围脑脊液信号").
    static let organs = [
        "肺", "肝", "脾", "胰", "肾上腺", "脑", "乳腺", "胸膜", "纵隔", "胆囊", "胃", "甲状腺", "前列腺", "子宫", "卵巢",
        "lung", "pulmonary", "lobe", "liver", "hepatic", "spleen", "splenic", "pancrea", "adrenal", "brain", "breast",
        "pleura", "mediastin", "gallbladder", "stomach", "thyroid", "prostate", "uterus", "ovar",
    ]
    static let primaryNames = [
        #"(肺|肝|乳腺|甲状腺|前列腺|胃|胰腺|肾)(恶性肿瘤|癌|ca)"#, "肺窗", "纵隔窗", "脑脊液", "cerebrospinal",
        #"\b(lung|breast|thyroid|prostate|prostatic|liver|hepatocellular|pancreatic|gastric|stomach)\s+(cancer|carcinoma|primary|adenocarcinoma|ca)\b"#,
        #"\b(lung|mediastinal) windows?\b"#,
    ]

    static func namesAnOrgan(_ sentence: String) -> Bool {
        var words = sentence.lowercased()
        for pattern in primaryNames {
            words = words.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return organs.contains { words.contains($0) }
    }

    static func namesAnotherSubject(_ sentence: String) -> Bool {
        var words = sentence.lowercased()
        // The spine's own joints are the vertebra's posterior elements (SINS), not another subject.
        for own in ["关节突关节", "关节突", "肋椎关节", "肋横突关节", "facet joints", "facet joint", "facet", "costovertebral joint", "costovertebral", "costotransverse joint", "costotransverse"] {
            words = words.split(separator: own, omittingEmptySubsequences: false).joined(separator: " ")
        }
        // A sentence about the lesion reaching a joint ("累及右髋关节，伴病理性骨折", "extends into
        // the hip joint") still speaks of the lesion.
        if ["累及", "侵犯", "延伸", "波及", "involv", "extend", "extension", "invad", "invasion"].contains(where: words.contains) { return false }
        return otherSubjects.contains { words.contains($0) } || namesAnOrgan(words)
    }
}
