/// An operation proposed or planned while an anti-angiogenic drug runs (rule set 2026.12.49):
/// when elective surgery may follow the last dose, and when the drug may follow the operation
/// (`AntiAngiogenicDrugs`). Addressed to medical oncology, who hold the drug, with the surgeon.
extension SurgeryRules {
    /// `proposed`: the lesions a finding of this assessment proposes to operate on (its
    /// fixation claims: fix now, or biopsy first).
    func antiAngiogenicTiming(proposed: Set<String>) -> [Finding] {
        let plannedOperations = index.treatments.filter { index.isOperation($0) && $0.planned }
        guard !proposed.isEmpty || !plannedOperations.isEmpty else { return [] }
        var operations = proposed.sorted().compactMap { id in index.lesionsById[id].map { index.label($0) } }
        operations += plannedOperations.map { LocalizedText(en: "planned: \($0.label.en)", zh: "已计划：\($0.label.zhHans)") }
        let what = LocalizedText.joined(operations, en: "; ", zh: "；")
        let running = index.systemicTherapies.compactMap { regimen -> Finding? in
            let drugs = AntiAngiogenicDrugs.named(in: regimen)
            guard !drugs.isEmpty else { return nil }
            let doses = regimen.doses.filter { index.known($0) }
            let lastDose = doses.max()
            // A regimen that ended counts while its longest known hold has not run out since
            // its end; without a known hold, only while it runs (no interval is made up).
            let choice = index.settings.antiAngiogenicHoldSource
            let holdDays = drugs.compactMap { $0.holdBefore(choice).chosen?.days }.max()
            if let end = regimen.end {
                guard index.stillRunning(until: end.adding(days: holdDays ?? 0)) else { return nil }
            }
            let perDrug = drugs.map { drug in
                holdSentence(drug, choice: choice, from: lastDose ?? regimen.end, named: drugs.count > 1)
            }
            let names = LocalizedText.joined(drugs.map(\.label), en: " and ", zh: "、")
            let rules = LocalizedText.joined(perDrug, en: ". ", zh: "。")
            // Without dose dates (a daily oral drug, or doses not entered) the interval counts
            // from the day it is stopped.
            let last = lastDose.map { LocalizedText(en: "Last dose on record: \($0).", zh: "记录的末次用药：\($0)。") }
                ?? regimen.end.map { LocalizedText(en: "Stopped on \($0) (no dose dates on record).", zh: "已于 \($0) 停用（未记录用药日期）。") }
                ?? LocalizedText(
                    en: "No dose dates on record: while it is taken, the interval counts from the day it is stopped.",
                    zh: "未记录用药日期：仍在使用时，间隔自停药之日起计算。")
            // A planned operation dated inside the hold: said with its date. A renal-cell cancer's
            // femoral resection was planned 14 days after the last sunitinib dose, its label's 21
            // days named beside it as if unrelated (unseen record cb31-f).
            // Still taken with no dose dates, the hold is counted from today: a planned operation
            // sooner than that cannot keep its date — cabozantinib running, the femoral nailing
            // planned four days on, read only "the interval counts from the day it is stopped"
            // (cb66-f).
            let base = lastDose ?? regimen.end
            let inside = holdDays.flatMap { days in
                insideHold(plannedOperations, holdEnd: (base ?? index.assessedOn).adding(days: days), base: base).map { inside in
                    let keeps = otherHoldKeeps(drugs, choice: choice, plannedOperations, base: base)
                    return LocalizedText.joined([inside] + (keeps.map { [$0] } ?? []), en: "", zh: "")
                }
            }
            // Stopped, its hold not over: not "while it runs". A liver cancer's atezolizumab and
            // bevacizumab, stopped for progression three weeks before, read "while … runs"
            // (unseen record cb78-g).
            let stoppedOn = regimen.end.flatMap { index.known($0) ? $0 : nil }
            let title = stoppedOn == nil
                ? LocalizedText(
                    en: "Operation proposed on \(names.en): time it with the drug (wound healing, bleeding)",
                    zh: "使用\(names.zhHans)期间拟手术：手术时机需与用药协调（伤口愈合、出血）")
                : LocalizedText(
                    en: "Operation proposed within the hold after \(names.en): time it with the drug (wound healing, bleeding)",
                    zh: "停用\(names.zhHans)后的间隔内拟手术：手术时机需与停药间隔协调（伤口愈合、出血）")
            let when = stoppedOn.map { end in
                LocalizedText(
                    en: "within the hold after \(regimen.label.en), stopped on \(end)",
                    zh: "\(regimen.label.zhHans)已于 \(end) 停用，尚在停药间隔内")
            } ?? LocalizedText(en: "while \(regimen.label.en) runs", zh: "\(regimen.label.zhHans)治疗期间")
            return timingFinding(
                regimen, drugs: drugs,
                title: title,
                detail: LocalizedText(
                    en: "An operation is proposed or planned (\(what.en)) \(when.en). \(names.en.sentenceStart) impairs wound healing and adds bleeding risk. \(rules.en). \(last.en)\(inside?.en ?? "") An urgent operation does not wait for it — tell the surgeon and anaesthetist; an elective one is planned in the gap with medical oncology, so that systemic therapy is interrupted as little as possible (orthopaedics helps without disrupting).",
                    zh: "\(when.zhHans)拟行或已计划手术（\(what.zhHans)）。\(names.zhHans)影响伤口愈合并增加出血风险。\(rules.zhHans)。\(last.zhHans)\(inside?.zhHans ?? "")急诊手术不因此等待——告知手术医生和麻醉医生；择期手术与肿瘤内科共同安排在用药间隙，尽量少中断全身治疗（骨科“协助不添乱”）。"),
                inputs: [FindingInput("lastDose", lastDose.map { "\($0)" } ?? "unknown")])
        }
        return running + plannedStarts(what: what)
    }

    /// The planned operations dated before the hold ends, said with the way out. `base` is the
    /// last dose or the stop the hold counts from; nil while the drug is still taken without dose
    /// dates (counted from today). A renal-cell cancer's femoral resection was planned 14 days
    /// after the last sunitinib dose, its label's 21 days named beside it as if unrelated (unseen
    /// record cb31-f).
    private func insideHold(_ planned: [Treatment], holdEnd: PartialDate, base: PartialDate?) -> LocalizedText? {
        let early = planned.filter { operation in operation.start.map { $0.earliestDay < holdEnd.earliestDay } == true }
        guard !early.isEmpty else { return nil }
        let named = LocalizedText.joined(early.map { operation in
            let on = operation.start.map(\.description) ?? ""
            guard let base else {
                return LocalizedText(en: "\(operation.displayName.en) on \(on)", zh: "\(operation.displayName.zhHans)（\(on)）")
            }
            let days = (operation.start?.earliestDay ?? 0) - base.latestDay
            return LocalizedText(
                en: "\(operation.displayName.en) on \(on) is \(days) days after it",
                zh: "\(operation.displayName.zhHans)（\(on)）距其 \(days) 天")
        }, en: "; ", zh: "；")
        let where_ = base == nil
            ? LocalizedText(
                en: " falls inside the hold even if the drug is stopped today (\(index.assessedOn))",
                zh: "即使今日（\(index.assessedOn)）停药也仍在停药间隔内")
            : LocalizedText(en: " — inside the hold", zh: "——在停药间隔内")
        return LocalizedText(
            en: " The planned \(named.en)\(where_.en): move it to \(holdEnd) or later, or, if it cannot wait, accept the risk knowingly with the surgeon.",
            zh: "已计划的\(named.zhHans)\(where_.zhHans)：推迟至 \(holdEnd) 或之后；如不能等待，与手术医生明确权衡风险。")
    }

    /// The timing finding of one regimen, addressed to medical oncology, with its drugs' sources.
    private func timingFinding(
        _ regimen: Treatment, drugs: [AntiAngiogenicDrugs.Drug], title: LocalizedText, detail: LocalizedText, inputs: [FindingInput]
    ) -> Finding {
        // The sources whose intervals are said: each interval's, used or named beside the chosen
        // one, and the drug's own where a clause has no interval ("until the wound has healed";
        // a lenvatinib whose both intervals are the US label's listed its own label too, cb158-a).
        let choice = index.settings.antiAngiogenicHoldSource
        var sources = drugs.flatMap { drug -> [Citation] in
            let hold = drug.holdBefore(choice)
            let resume = drug.resumeAfter(choice)
            let intervals = [hold.chosen, hold.other, resume.chosen, resume.other].compactMap { $0 }
            return (hold.chosen == nil || resume.chosen == nil ? [drug.source] : []) + intervals.map(\.source)
        }.distinct
        sources.append(DiagnosisRules.sourceHospital)
        return Finding(
            ruleId: "surgery.timing.antiAngiogenic", severity: .warning, duty: .surgery, specialty: .medicalOncology,
            subject: .treatment(regimen.id), date: index.assessedOn, title: title, detail: detail,
            inputs: [FindingInput("drugs", drugs.map(\.label.en).joined(separator: ","))] + inputs, sources: sources)
    }

    /// A regimen with an anti-angiogenic drug planned (not yet started) while an operation is
    /// proposed or planned: it starts after the wound has healed. A renal-cell cancer's T11
    /// metastasis, ESCC 2, was sent for urgent separation surgery with axitinib planned to start
    /// in five days, and nothing said which comes first (unseen record cb29-f).
    private func plannedStarts(what: LocalizedText) -> [Finding] {
        index.treatments.filter { $0.kind == .systemic && $0.planned }.compactMap { regimen -> Finding? in
            let drugs = AntiAngiogenicDrugs.named(in: regimen)
            guard !drugs.isEmpty else { return nil }
            let names = LocalizedText.joined(drugs.map(\.label), en: " and ", zh: "、")
            let perDrug = drugs.map { drug -> LocalizedText in
                let interval = drug.resumeAfter(index.settings.antiAngiogenicHoldSource).chosen
                // The source named where it is not the drug's own (the US prescribing information
                // filling in for the regulatory table, rule set 2026.12.411).
                let whose = interval.flatMap { $0.source == drug.source ? nil : Self.sourceName($0.source) }
                let after = interval.map { interval in
                    LocalizedText(
                        en: "at least \(interval.days) days after major surgery and once the wound has healed\(whose.map { " (\($0.en))" } ?? "")",
                        zh: "大手术后至少 \(interval.days) 天且伤口愈合后\(whose.map { "（\($0.zhHans)）" } ?? "")")
                } ?? LocalizedText(en: "once the wound has healed", zh: "伤口愈合后")
                return drugs.count > 1
                    ? LocalizedText(en: "\(drug.label.en): \(after.en)", zh: "\(drug.label.zhHans)：\(after.zhHans)") : after
            }
            let when = LocalizedText.joined(perDrug, en: "; ", zh: "；")
            return timingFinding(
                regimen, drugs: drugs,
                title: LocalizedText(
                    en: "\(names.en.sentenceStart) planned with an operation proposed: decide which comes first",
                    zh: "拟手术同时计划使用\(names.zhHans)：先定先后"),
                detail: LocalizedText(
                    en: "An operation is proposed or planned (\(what.en)) and \(regimen.label.en) is planned. \(names.en.sentenceStart) impairs wound healing and adds bleeding risk: if the operation comes first, start it \(when.en); once it runs, an elective operation waits for its hold. An urgent operation does not wait — plan the start with medical oncology so that systemic therapy is delayed as little as possible (orthopaedics helps without disrupting).",
                    zh: "拟行或已计划手术（\(what.zhHans)），同时计划\(regimen.label.zhHans)。\(names.zhHans)影响伤口愈合并增加出血风险：若先手术，\(when.zhHans)再开始用药；一旦开始用药，择期手术需按停药间隔等待。急诊手术不因此等待——与肿瘤内科共同安排开始时间，尽量少推迟全身治疗（骨科“协助不添乱”）。"),
                inputs: [FindingInput("planned", "true")])
        }
    }
}
