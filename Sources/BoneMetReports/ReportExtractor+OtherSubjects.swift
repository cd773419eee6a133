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

/// Another structure, or the known lesions unnamed: whose a finding is when a trigger or a subject
/// says it is not this site's (moved out of ReportExtractor+Reading.swift, past 580 lines).
extension ReportExtractor {
    /// Whether an "another structure" trigger (a benign diagnosis, a disc, a healing fracture)
    /// speaks of what is at `position`. "…异常信号，考虑血管瘤": a benign diagnosis in a clause of
    /// its own speaks for the sentence's finding; in a clause that names its own site
    /// ("L5/S1椎间盘突出") only there.
    func speaksOfAnother(
        _ span: TextSpan, at position: TextSpan, field: String, among mentions: [Mention], triggers: [(TextSpan, Trigger)], sites: [TextSpan], text: ReportText
    ) -> Bool {
        if field != "fracture", Self.fractureOnlyOthers.contains(text.text(span).lowercased()) { return false }
        // Callus on a fracture called pathological is that fracture healing, still the lesion's:
        // "右肱骨中上段病理性骨折，…见骨痂形成；原溶骨性病灶内见成骨修复" made the fracture, and with it the
        // healing lesion, "about another structure" (unseen X-ray report, 2026-12-06).
        if field == "fracture", Self.fractureOnlyOthers.contains(text.text(span).lowercased()),
            ["病理", "patholog"].contains(where: text.text(position).lowercased().contains) { return false }
        let clause = Self.clause(text, around: span)
        let ownSite = sites.contains { clause.start <= $0.start && $0.end <= clause.end }
        // A siteless diagnosis before a clause that names its own site speaks of what came before
        // it: "L4/5双侧小关节骨质增生硬化，…考虑退行性改变，L4椎体未见骨质破坏" made L4's denied destruction
        // "present, about another structure" (unseen CT report, 2026-12-06).
        let laterClauseOwnSite = !ownSite && span.end <= position.start && !Self.sameClause(text, span.start, position.start) && {
            let later = Self.clause(text, around: position)
            return sites.contains { later.start <= $0.start && $0.end <= later.end }
        }()
        let reaches = ownSite ? Self.sameClause(text, span.start, position.start) : !laterClauseOwnSite
        // "…考虑骨质疏松性骨折可能性大，转移不除外", "possible metastasis versus insufficiency
        // fracture": metastasis kept open in the same statement — the lesion stays a
        // candidate (the doubt is said by its own trigger), not another structure.
        let metastasisOpen = mentions.contains { other in
            guard other.field == "lesion" else { return false }
            let words = text.text(other.span).lowercased()
            guard words.contains("转移") || words.contains("metasta") else { return false }
            let before = text.text(TextSpan(max(0, other.span.start - 3), other.span.start)).lowercased()
            if before.hasSuffix("未见") || before.hasSuffix("无") || before.hasSuffix("no ") { return false }
            let otherClause = Self.clause(text, around: other.span)
            return Self.sameClause(text, other.span.start, span.start)
                || !sites.contains { otherClause.start <= $0.start && $0.end <= otherClause.end }
        }
        let a = min(span.start, position.start)
        let b = max(span.end, position.end)
        let terminated = triggers.contains { $0.1.kind == "terminate" && a <= $0.0.start && $0.0.end <= b }
        return reaches && !metastasisOpen && !terminated && Self.withinTheOneNamed(span, position: position, sites: sites, text: text)
    }

    /// "…, the latter likely a bone island", "…，后者考虑骨岛": the diagnosis is of the last site named
    /// before it (the former's, "前者", of the first) — it made the lytic femoral neck beside a
    /// femoral head's bone island "about another structure" too (unseen CT report, batch 30). The
    /// last site's description begins after the list word before it ("and", "，", "、", ";").
    static func withinTheOneNamed(_ span: TextSpan, position: TextSpan, sites: [TextSpan], text: ReportText) -> Bool {
        let clause = clause(text, around: span)
        let lead = text.text(TextSpan(clause.start, span.start)).lowercased()
        let latter = ["the latter", "latter", "后者"].contains(where: lead.contains)
        let former = ["the former", "former", "前者"].contains(where: lead.contains)
        guard latter || former else { return true }
        let before = sites.filter { $0.end <= span.start }.sorted { $0.start < $1.start }
        guard before.count >= 2 else { return true }
        let last = before[before.count - 1], previous = before[before.count - 2]
        let between = text.text(TextSpan(previous.end, last.start)).lowercased() as NSString
        let boundary = [" and ", ",", "、", ";", " as well as "].compactMap { word -> Int? in
            let found = between.range(of: word, options: .backwards)
            return found.location == NSNotFound ? nil : previous.end + found.location + found.length
        }.max() ?? previous.end
        return latter ? position.start >= boundary : position.start < boundary
    }

    /// "Another structure" triggers that speak of a fracture only, not of the lesion around it:
    /// callus is a finding (the fracture healing), where "healing fracture" and "healed fracture"
    /// are diagnoses that explain the sentence's finding ("uptake … corresponds to a healed fracture").
    static let fractureOnlyOthers: Set<String> = ["骨痂", "callus"]

    /// Subjects that name the lesions already known or the rest of them, without a site:
    /// "原有病灶", "余骨", "the remaining lesions". Follow-up reports open with them ("原有病灶浓聚
    /// 程度相仿，新见右第8肋…浓聚灶"); what such a clause says belongs to no site named in another
    /// (unseen record cb39-d read "unchanged" for the two new foci).
    static let unnamedLesionSubjects = [
        "原有病灶", "原病灶", "原有骨转移灶", "原有转移灶", "原有骨病灶", "其余病灶", "其余骨病灶", "其余骨转移灶", "余病灶", "余骨",
        "其他病灶", "其它病灶", "other lesions", "remaining lesions", "known lesions", "previously seen lesions",
        "previously noted lesions", "previously described lesions", "pre existing lesions", "existing lesions",
    ]

    /// Whether a clause's subject is an unnamed set of lesions (`unnamedLesionSubjects`) and it
    /// names no site of its own.
    static func speaksOfUnnamedLesions(_ text: ReportText, clause: TextSpan, sites: [TextSpan]) -> Bool {
        guard !sites.contains(where: { clause.start <= $0.start && $0.end <= clause.end }) else { return false }
        let words = text.text(clause).lowercased()
        return unnamedLesionSubjects.contains { words.contains($0) }
    }
}
