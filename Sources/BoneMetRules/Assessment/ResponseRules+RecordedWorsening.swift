/// A regimen stopped for "progression" while the EHR's own disease status said "worsened": the
/// stop rests on that record. Unseen record cb118-k: osimertinib stopped for progression after a
/// disease status "worsened — 肺部病灶增大" (the lung lesion larger), its bone window PR then SD,
/// read as a warning "a switch for bone progression is not supported". The status is no response
/// (the rules judge bone from its readings); it is what the stop rested on, as new metastases
/// outside bone are (`progressionOutsideBone`).
extension ResponseRules {
    /// Words that place a recorded worsening in bone (then the bone's readings are what answer it):
    /// Chinese by their characters, English words by their start, short ones whole ("rib" is not
    /// "ribociclib" or "described", "ECT" not "detected").
    static let boneEvidenceWords = ["骨", "椎", "肋", "bone", "osseous", "skeletal", "vertebra", "spine", "spinal", "pelvi", "femur", "femoral", "humer", "sacr", "ilium", "iliac"]
    static let boneEvidenceTokens: Set<String> = ["ect", "spect", "rib", "ribs"]

    /// The "worsened" statuses recorded from the regimen's start up to its stop, known on the day.
    func worseningRecorded(while therapy: Treatment) -> [DiseaseStatusRecord] {
        guard let start = therapy.start else { return [] }
        return index.record.diseaseStatus.filter { row in
            row.status == .worsened && index.known(row.date) && row.date.earliestDay >= start.earliestDay
                && (therapy.end.map { row.date.earliestDay <= $0.latestDay } ?? true)
        }
    }

    /// Organs, the primary and tumour markers: a worsening whose evidence names one of them (and no
    /// bone) was outside bone. An evidence type alone ("Imaging", "Symptoms" — mCODE's evidence
    /// types, as an EHR sends them) says what it rests on, not where.
    static let outsideBoneEvidenceWords = [
        "肺", "肝", "脑", "胸膜", "腹膜", "淋巴结", "肾上腺", "原发", "乳腺", "前列腺", "纵隔", "皮肤", "胸水", "腹水", "标志物",
        "lung", "pulmonary", "liver", "hepatic", "brain", "pleura", "peritone", "lymph", "adrenal", "primary", "breast", "prostate",
        "mediastin", "skin", "effusion", "ascites", "marker",
    ]
    static let outsideBoneEvidenceTokens: Set<String> = ["psa", "cea", "afp", "ca125", "ca15", "ca19", "ca", "nse", "cyfra"]

    /// Whether a text names one of the words (CJK by characters, Latin words by their start) or
    /// tokens (whole Latin words, `ASCIIWords`: "CA19-9" is "ca19" and "9").
    static func names(_ text: String, words: [String], tokens: Set<String>) -> Bool {
        let latin = ASCIIWords.of(text.lowercased())
        return words.contains { word in
            word.unicodeScalars.first.map { $0.isASCII } == true ? latin.contains { $0.hasPrefix(word) } : text.contains(word)
        } || !latin.isDisjoint(with: tokens)
    }

    enum EvidencePlace { case bone, outsideBone, unplaced }

    /// Where a status's evidence places the worsening: bone words first (then the bone's readings
    /// answer it), else an organ, the primary or a marker, else nowhere said.
    static func place(_ row: DiseaseStatusRecord) -> EvidencePlace {
        guard let evidence = row.evidence else { return .unplaced }
        if names(evidence, words: boneEvidenceWords, tokens: boneEvidenceTokens) { return .bone }
        return names(evidence, words: outsideBoneEvidenceWords, tokens: outsideBoneEvidenceTokens) ? .outsideBone : .unplaced
    }

    /// The stop resting on a recorded worsening: outside bone, information; where not said, an
    /// advisory asking where — the bone window beside it either way.
    func progressionRecorded(_ therapy: Treatment, rows: [DiseaseStatusRecord], observed: LocalizedText, saysWhere: Bool) -> Finding {
        let statuses = LocalizedText.joined(rows.map { row in
            let evidence = row.evidence.map { LocalizedText(en: " (\($0))", zh: "（\($0)）") } ?? LocalizedText(en: "", zh: "")
            return LocalizedText(en: "\(row.date) worsened\(evidence.en)", zh: "\(row.date) 疾病进展\(evidence.zhHans)")
        }, en: "; ", zh: "；")
        let bone = LocalizedText(
            en: "Bone response in its own window: \(observed.en) — the bone metastases did not progress under it and are not counted as failing it.",
            zh: "其用药窗口内的骨疗效：\(observed.zhHans)——骨转移在其治疗下未进展，不应计为其对骨转移无效。")
        let detail = saysWhere
            ? LocalizedText(
                en: "The disease status recorded while it ran: \(statuses.en) — a progression outside bone; the stop rests on it. \(bone.en)",
                zh: "用药期间记录的疾病状态：\(statuses.zhHans)——为骨外进展，停药依据在此。\(bone.zhHans)")
            : LocalizedText(
                en: "The disease status recorded while it ran: \(statuses.en), not saying where. \(bone.en) If the progression was outside bone (primary, viscera, tumour markers), the stop rests on it; if it was read in bone, review it against these readings.",
                zh: "用药期间记录的疾病状态：\(statuses.zhHans)，未说明部位。\(bone.zhHans)若进展在骨外（原发灶、内脏、肿瘤标志物），停药依据在此；若为骨的进展，请对照上述读片复核。")
        return Finding(
            ruleId: "boneHealth.attribution.unsupportedSwitch", severity: saysWhere ? .info : .advisory,
            duty: .boneHealth, specialty: .medicalOncology, subject: .treatment(therapy.id), date: therapy.end,
            title: saysWhere
                ? LocalizedText(en: "\(therapy.label.en) was stopped for progression recorded outside bone", zh: "\(therapy.label.zhHans) 因记录的骨外进展停用")
                : LocalizedText(en: "\(therapy.label.en) was stopped for a recorded progression — its bone window shows none", zh: "\(therapy.label.zhHans) 因记录的进展停用——其用药窗口内骨未见进展"),
            detail: detail,
            inputs: [
                FindingInput("treatment", therapy.id), FindingInput("stopReason", "progression"),
                FindingInput("diseaseStatus", rows.map { "\($0.date) worsened" }.joined(separator: ", ")),
            ],
            sources: Self.sources + [Self.attributionSource])
    }
}
