/// A broken long bone with no operation on record, but an orthopaedic (or MDT) decision recorded
/// since it broke (rule set 2026.12.225). The referral the fracture finding asks for has happened:
/// a humerus broken in June, "患者拒绝手术，吊带制动+放疗" recorded by orthopaedics and 20 Gy given,
/// still read "urgent: orthopaedic referral for fixation" (cb48-d). The decision is quoted as
/// written — BoneMet does not read free text for what was decided — and the finding becomes an
/// advisory: record the operation if one was done or planned, the reason if none. An impending
/// fracture (Mirels at the threshold) with a decision since its scoring study stays a warning,
/// the decision quoted (a Mirels 9 femur, "放疗后再评估" recorded by the MDT, read as if no one
/// had seen it).
extension SurgeryRules {
    func decisionSince(_ day: Int?) -> MDTDecision? {
        index.record.decisions.filter { decision in
            guard index.known(decision.date) else { return false }
            guard decision.specialty == nil || [.orthopaedics, .mdtCoordinator].contains(decision.specialty) else { return false }
            return day.map { decision.date.latestDay >= $0 } ?? true
        }.max { $0.date < $1.date }
    }

    /// Since the fracture, or since the study that scored an impending one (Mirels at the
    /// threshold: the finding stays a warning — prevention first — with the decision quoted).
    static func decisionText(_ decision: MDTDecision, lesion: Lesion) -> LocalizedText {
        let quoted = quotedDecision(decision)
        let operation = lesion.isFemoralHeadOrNeck ? LocalizedText(en: "operation", zh: "手术") : LocalizedText(en: "fixation", zh: "内固定")
        // A decision naming an operation as the operating list writes it, and no refusal: the
        // operation is planned but not recorded as such, so nothing times it (anti-angiogenic
        // drugs, transfer, radiotherapy after it). An RCC's "拟行瘤段切除+人工肱骨头置换，术前栓塞"
        // read "if non-operative care was chosen, that decision stands" (unseen record cb86-i).
        // Still quoted, not taken as a fact: the clinician records the planned operation.
        if let named = plannedOperation(in: decision.decision, lesion: lesion) {
            return LocalizedText(
                en: "\(quoted.en) It names an operation (\(named.en)) that is not on record: record it as a planned operation with its date, so that its timing is checked (anti-angiogenic drugs, transfer, radiotherapy after it) — or the decision that replaced it.",
                zh: "\(quoted.zhHans)其中提到的手术（\(named.zhHans)）尚未录入：请按计划手术录入并注明日期，以便核对时机（抗血管生成药物、转院、术后放疗）——或录入取代它的决定。")
        }
        return LocalizedText(
            en: "\(quoted.en) No \(operation.en) is on record: record it if done or planned; if non-operative care was chosen, that decision stands — reassess if pain or function worsens.",
            zh: "\(quoted.zhHans)病历中无\(operation.zhHans)记录：如已做或已计划请录入；如选择非手术治疗，以该决定为准——疼痛或功能加重时再评估。")
    }

    /// "Decision on record (date, who): «text»." — quoted as written, never read as a fact.
    static func quotedDecision(_ decision: MDTDecision) -> LocalizedText {
        let who = decision.specialty?.label ?? LocalizedText(en: "MDT", zh: "MDT")
        return LocalizedText(
            en: "Decision on record (\(decision.date), \(who.en)): «\(decision.decision)».",
            zh: "已有决定（\(decision.date)，\(who.zhHans)）：「\(decision.decision)」。")
    }

    /// The orthopaedic procedure a decision's text names for the lesion, when it names one and no
    /// refusal or deferral of surgery ("拒绝手术", "暂不手术", "非手术", "declined surgery",
    /// "no surgery", "not a surgical candidate").
    static func plannedOperation(in text: String, lesion: Lesion) -> LocalizedText? {
        let lower = text.lowercased()
        let refusals = ["拒绝", "暂不", "不手术", "非手术", "不宜手术", "放弃手术", "不考虑手术", "保守", "declin", "refus", "no surgery", "not a surgical", "non-operative", "nonoperative", "conservative"]
        guard !refusals.contains(where: lower.contains) else { return nil }
        guard let procedure = SurgicalProcedureText.read([text], spinal: lesion.isSpinal, diaphyseal: lesion.segment == .diaphysis) else { return nil }
        // A fixation of no stated kind ("拟行PFNA内固定") is `other` to the reader: a fixation.
        return procedure == .other ? LocalizedText(en: "fixation", zh: "内固定") : procedure.label
    }

    /// The broken bone's finding once a decision is on record: what the fracture finding leads
    /// with (`lead`), then the decision quoted.
    static func decidedFractureFinding(
        _ id: String, name: LocalizedText, lesion: Lesion, lead: LocalizedText, decision: MDTDecision, inputs: [FindingInput]
    ) -> Finding {
        let decided = decisionText(decision, lesion: lesion)
        return Finding(
            ruleId: "surgery.mirels.fractured", severity: .advisory, duty: .surgery, specialty: .orthopaedics,
            subject: .lesion(id), date: decision.date,
            title: LocalizedText(
                en: "\(name.en): pathological fracture — decision on record, no operation recorded",
                zh: "\(name.zhHans)：病理性骨折——已有决定，无手术记录"),
            detail: LocalizedText(en: "\(lead.en) \(decided.en)", zh: "\(lead.zhHans)\(decided.zhHans)"),
            inputs: inputs + [FindingInput("decision", decision.date)], sources: [Sources.mirels1989])
    }
}
