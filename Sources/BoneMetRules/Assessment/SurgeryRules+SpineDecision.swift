/// A spinal lesion's surgical recommendation (SINS ≥ 7, high-grade compression, a deficit) with
/// an orthopaedic, spine-surgery or MDT decision recorded since its scoring study and no operation
/// on record: the decision is quoted, as the Mirels findings quote theirs. A breast cancer's L1
/// at SINS 11 with the MDT's "拟行PKP，术后放疗" read only "spine-surgery consultation for
/// stabilisation" (unseen record cb88-f) — the consultation had happened and its plan was not
/// recorded as one.
extension SurgeryRules {
    /// The decision on record with what its finding says of it.
    func spineDecision(_ lesion: Lesion, since date: PartialDate) -> (decision: MDTDecision, text: LocalizedText)? {
        guard let decision = spineDecisionOnRecord(since: date) else { return nil }
        let quoted = Self.quotedDecision(decision)
        if let named = Self.plannedOperation(in: decision.decision, lesion: lesion) {
            return (decision, LocalizedText(
                en: "\(quoted.en) It names an operation (\(named.en)) that is not on record: record it as a planned operation with its date, so that its timing is checked (anti-angiogenic drugs, radiotherapy after it).",
                zh: "\(quoted.zhHans)其中提到的手术（\(named.zhHans)）尚未录入：请按计划手术录入并注明日期，以便核对时机（抗血管生成药物、术后放疗）。"))
        }
        return (decision, LocalizedText(
            en: "\(quoted.en) No operation is on record: record it if done or planned; if non-operative care was chosen, that decision stands — reassess if pain or neurological signs worsen.",
            zh: "\(quoted.zhHans)病历中无手术记录：如已做或已计划请录入；如选择非手术治疗，以该决定为准——疼痛或神经症状加重时再评估。"))
    }

    /// The latest orthopaedic, spine-surgery or MDT decision (or one of no specialty) dated on or
    /// after a day.
    func spineDecisionOnRecord(since date: PartialDate) -> MDTDecision? {
        index.record.decisions.filter { decision in
            index.known(decision.date) && decision.date.latestDay >= date.earliestDay
                && (decision.specialty == nil || [.orthopaedics, .spineSurgery, .mdtCoordinator].contains(decision.specialty))
        }.max { $0.date < $1.date }
    }
}
