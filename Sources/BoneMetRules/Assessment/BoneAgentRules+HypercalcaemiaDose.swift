/// A zoledronic acid course given so far only in hypercalcaemia of malignancy. The Zometa label
/// doses it differently from SRE prevention: 4 mg over ≥ 15 min whatever the CrCl while serum
/// creatinine is < 4.5 mg/dL (patients above it were not studied); its CrCl bands are for SRE
/// prevention. A 4 mg dose given for a corrected calcium of 15 mg/dL at CrCl 34 read "Zoledronic
/// acid 3.0 mg for CrCl 33.8 (ordered 4.0 mg)" beside the hypercalcaemia finding's "4 mg, no
/// CrCl adjustment" — two findings of one assessment contradicting each other.
extension BoneAgentRules {
    /// The dose finding of a course whose every dose so far was given in hypercalcaemia; nil when
    /// a dose was given with calcium normal (SRE prevention: dosed by CrCl as usual).
    func hypercalcaemiaDoses(
        _ agent: Treatment, clearance: CaseIndex.Clearance, band: ZoledronicAcid.DoseBand, basis: LocalizedText
    ) -> Finding? {
        let given = agent.givenDoses.filter(index.known).sorted()
        let atDoses = given.enumerated().map { offset, dose in
            (day: dose, hypercalcaemia: index.hypercalcaemia(atDose: dose, previousDose: offset > 0 ? given[offset - 1] : nil))
        }
        guard let first = atDoses.first, atDoses.allSatisfy({ $0.hypercalcaemia != nil }), let why = first.hypercalcaemia else { return nil }
        let days = given.map(\.description).joined(separator: ", ")
        let ordered = agent.doseMg.map { "\(String(describing: $0)) mg" }
        let creatinine = given.compactMap { index.latestLab(.creatinine, onOrBefore: $0) }.last
        let creatinineMgDl = creatinine?.canonicalValue
        let crcl = String(describing: clearance.value)
        let prevention = band.doseMg.map { dose in
            LocalizedText(
                en: "For SRE prevention from the next dose: \(String(describing: dose)) mg for CrCl \(crcl) mL/min (\(basis.en)) — \(band.info.recommendation.en).",
                zh: "此后预防 SRE 的剂量：肌酐清除率 \(crcl) mL/min（\(basis.zhHans)）对应 \(String(describing: dose)) mg——\(band.info.recommendation.zhHans)。")
        } ?? LocalizedText(
            en: "For SRE prevention zoledronic acid is not recommended at CrCl \(crcl) mL/min (< 30): \(band.info.recommendation.en).",
            zh: "肌酐清除率 \(crcl) mL/min（< 30）时不推荐唑来膦酸用于预防 SRE：\(band.info.recommendation.zhHans)。")
        let severity: Severity
        let state: LocalizedText
        // A course still running (no end, or one not reached) at CrCl < 30: its next
        // dose would be SRE prevention, which the label does not recommend there — the title says
        // so, not "no CrCl adjustment" (cb28-b: a myeloma's zoledronic acid every 4 weeks at
        // CrCl 28 read as information only).
        let continuing = agent.end.map(index.stillRunning(until:)) ?? true
        let stopNext = band.doseMg == nil && continuing
        if let creatinineMgDl, creatinineMgDl >= 4.5, let creatinine {
            severity = .warning
            state = LocalizedText(
                en: "Given with creatinine \(CaseIndex.creatinineText(creatinine, mgDl: creatinineMgDl)) (\(creatinine.date)): at or above 4.5 mg/dL the label's hypercalcaemia trials enrolled no one — weigh denosumab and watch renal function.",
                zh: "给药时血肌酐 \(CaseIndex.creatinineText(creatinine, mgDl: creatinineMgDl))（\(creatinine.date)）：≥4.5 mg/dL 的患者未纳入说明书的高钙血症研究——权衡地舒单抗并监测肾功能。")
        } else {
            let next = band.doseMg.flatMap { dose in agent.doseMg.map { abs($0 - dose) > 0.001 } } ?? false
            severity = (next && continuing) || stopNext ? .advisory : .info
            let ofFour = agent.doseMg.map { abs($0 - 4) > 0.001 } ?? false
                ? LocalizedText(en: " (ordered \(ordered ?? "")): the label needs no reduction below 4 mg here.", zh: "（医嘱 \(ordered ?? "")）：此时说明书无需减量至 4 mg 以下。")
                : LocalizedText(en: ".", zh: "。")
            state = LocalizedText(
                en: "The hypercalcaemia dose is 4 mg IV over ≥ 15 min, not adjusted for CrCl while creatinine is < 4.5 mg/dL\(ofFour.en)",
                zh: "高钙血症剂量为 4 mg 静脉滴注 ≥15 分钟，血肌酐 < 4.5 mg/dL 时不按肌酐清除率调整\(ofFour.zhHans)")
        }
        return Finding(
            ruleId: "boneAgents.zoledronic.dose", severity: severity, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(agent.id), date: first.day,
            title: stopNext
                ? LocalizedText(
                    en: "Zoledronic acid\(ordered.map { " \($0)" } ?? "") on \(days) for hypercalcaemia — no further doses for SRE prevention at CrCl \(crcl) mL/min",
                    zh: "\(days) 唑来膦酸\(ordered.map { " \($0) " } ?? "")用于高钙血症——肌酐清除率 \(crcl) mL/min 时不再用于预防 SRE")
                : LocalizedText(
                    en: "Zoledronic acid\(ordered.map { " \($0)" } ?? "") on \(days) for hypercalcaemia — no CrCl adjustment",
                    zh: "\(days) 唑来膦酸\(ordered.map { " \($0) " } ?? "")用于高钙血症——不按肌酐清除率调整"),
            detail: LocalizedText(
                en: "Given in hypercalcaemia (\(why.text.en)). \(state.en) \(prevention.en)",
                zh: "高钙血症时给药（\(why.text.zhHans)）。\(state.zhHans)\(prevention.zhHans)"),
            inputs: [FindingInput("crclMlMin", crcl), FindingInput("indication", "hypercalcaemia"), FindingInput("doseMg", band.doseMg.map { String(describing: $0) } ?? "notRecommended")],
            sources: [LabRules.zometaHypercalcaemia, Sources.cockcroftGault1976, Sources.zometaLabel],
            claims: [Claim(.boneAgentDose, about: agent.id, band.doseMg.map { String(describing: $0) } ?? "notRecommended")])
    }

    /// For the hypercalcaemia still on record, the label's 4 mg retreatment is dosed by its own
    /// rule — no CrCl adjustment while creatinine is < 4.5 mg/dL, after rehydration (Zometa label)
    /// — not by SRE prevention's `what` (its dose table, its renal hold); empty without one.
    func hypercalcaemiaRetreatment(_ what: LocalizedText) -> LocalizedText {
        guard LabRules.hypercalcaemic(index) != nil else { return LocalizedText(en: "", zh: "") }
        return LocalizedText(
            en: " \(what.en): for the hypercalcaemia still on record the label's 4 mg needs no CrCl adjustment while creatinine is < 4.5 mg/dL (the calcium finding says when).",
            zh: "\(what.zhHans)：对病历中仍存在的高钙血症，血肌酐 < 4.5 mg/dL 时说明书的 4 mg 无需按肌酐清除率调整（何时给药见血钙结论）。")
    }
}

/// The next zoledronic acid dose while the calcium is still high, at a CrCl whose band is below
/// 4 mg: the hypercalcaemia's dose comes first (4 mg, no CrCl adjustment while creatinine is
/// < 4.5 mg/dL and no renal hold — Zometa label), the band's dose after it.
struct HypercalcaemiaNextDose {
    let title: LocalizedText
    let detail: LocalizedText
    /// An order above the label's 4 mg.
    let offLabel: Bool
}

extension BoneAgentRules {
    /// Nil where the calcium is normal, the band's dose is 4 mg, the course is over, or the
    /// kidneys bar the hypercalcaemia dose (creatinine ≥ 4.5 mg/dL, a renal hold: the calcium
    /// finding then names denosumab).
    func hypercalcaemiaNextDose(_ agent: Treatment, bandDose: Double, crcl: String) -> HypercalcaemiaNextDose? {
        guard abs(bandDose - 4) > 0.001, let why = hypercalcaemiaDoseNext(agent) else { return nil }
        let band = String(describing: bandDose)
        let ordered = agent.doseMg.flatMap { abs($0 - 4) > 0.001 ? String(describing: $0) : nil }
        return HypercalcaemiaNextDose(
            title: LocalizedText(
                en: "Zoledronic acid 4 mg for the hypercalcaemia, then \(band) mg for CrCl \(crcl) mL/min\(ordered.map { " (ordered \($0) mg)" } ?? "")",
                zh: "唑来膦酸：高钙血症时 4 mg，此后按肌酐清除率 \(crcl) mL/min 用 \(band) mg\(ordered.map { "（医嘱 \($0) mg）" } ?? "")"),
            detail: LocalizedText(
                en: " That is SRE prevention's dose table: for the hypercalcaemia on record (\(why.text.en)) the label's 4 mg needs no CrCl adjustment while creatinine is < 4.5 mg/dL (the calcium finding says when); the doses after it, with calcium normal, are \(band) mg.",
                zh: "此为预防 SRE 的剂量表：对病历中的高钙血症（\(why.text.zhHans)），血肌酐 < 4.5 mg/dL 时说明书的 4 mg 无需按肌酐清除率调整（何时给药见血钙结论）；血钙恢复正常后的剂量为 \(band) mg。"),
            offLabel: agent.doseMg.map { $0 > 4.001 } ?? false)
    }
}

extension BoneAgentRules {
    /// What makes a zoledronic acid course's next dose the hypercalcaemia's, as its doses are read
    /// (`CaseIndex.hypercalcaemia(atDose:)`: a corrected calcium ≥ 12 mg/dL, or one above the limit
    /// with the hypercalcaemia recorded as an event, since its last dose — one dated before that
    /// dose was its reason), with the course running (or planned) and the kidneys not barring the
    /// label's hypercalcaemia dose (creatinine ≥ 4.5 mg/dL or a renal hold, where the calcium
    /// finding names denosumab, as `LabRules` reads it).
    func hypercalcaemiaDoseNext(_ agent: Treatment) -> CaseIndex.HypercalcaemiaAtDose? {
        guard agent.agent == .zoledronicAcid, !Self.hypercalcaemiaDoseBarred(index), agent.end.map(index.stillRunning(until:)) ?? true
        else { return nil }
        return index.hypercalcaemia(atDose: index.assessedOn, previousDose: agent.givenDoses.filter(index.known).max())
    }

    /// A zoledronic acid course on record held for renal function.
    static func renalHoldOnRecord(_ index: CaseIndex) -> Bool {
        index.treatments.contains { renalHold($0, index: index) != nil }
    }

    /// Zoledronic acid barred from treating hypercalcaemia by the kidneys: a renal hold, or a
    /// creatinine of 4.5 mg/dL or more, above which the label's hypercalcaemia trials enrolled no
    /// one (the calcium finding then names denosumab).
    static func hypercalcaemiaDoseBarred(_ index: CaseIndex) -> Bool {
        renalHoldOnRecord(index) || (index.latestLab(.creatinine)?.canonicalValue).map { $0 >= 4.5 } == true
    }
}
