/// One anti-angiogenic drug's hold before elective surgery and wait after it, each with the
/// source that gives it (`AntiAngiogenicDrugs.Drug.holdBefore`/`resumeAfter`). Where the two
/// sources disagree the other's interval is named beside the chosen one, so a surgeon who
/// works by the other label sees the difference (rule set 2026.12.411).
extension SurgeryRules {
    /// "The regulatory recommendation (Front Oncol 2021): elective surgery at least 1 day after
    /// the last dose (from …) (the US prescribing information: 2 days; a setting chooses); the US
    /// prescribing information: not given again for at least 14 days after major surgery and
    /// until the wound has healed". `named`: several drugs in one regimen, each led by its name.
    func holdSentence(
        _ drug: AntiAngiogenicDrugs.Drug, choice: AntiAngiogenicHoldSource, from base: PartialDate?, named: Bool
    ) -> LocalizedText {
        let hold = drug.holdBefore(choice)
        let resume = drug.resumeAfter(choice)
        let before = hold.chosen.map { interval in
            let days = interval.days
            let from = base.map { $0.adding(days: days) }
            let other = hold.other.map { other in
                LocalizedText(
                    en: " (\(Self.sourceName(other.source).en): \(other.days) day\(other.days == 1 ? "" : "s"); a setting chooses)",
                    zh: "（\(Self.sourceName(other.source).zhHans)为 \(other.days) 天，可在设置中选择）")
            }
            return LocalizedText(
                en: "elective surgery at least \(days) day\(days == 1 ? "" : "s") after the last dose\(from.map { " (from \($0))" } ?? "")\(other?.en ?? "")",
                zh: "择期手术距末次用药至少 \(days) 天\(from.map { "（\($0) 起）" } ?? "")\(other?.zhHans ?? "")")
        // No interval in BoneMet's sources: said so, not "its label: … the interval its label
        // gives" (a lenvatinib read so, cb24-h).
        } ?? LocalizedText(
            en: "hold it before elective surgery for the interval given there (not in BoneMet's sources)",
            zh: "择期手术前按其中规定的间隔停药（BoneMet 资料未收录具体天数）")
        let after = resume.chosen.map { interval in
            LocalizedText(
                en: "not given again for at least \(interval.days) days after major surgery and until the wound has healed",
                zh: "大手术后至少 \(interval.days) 天且伤口愈合后方可再用")
        } ?? LocalizedText(en: "not given again until the wound has healed", zh: "伤口愈合后方可再用")
        // Each clause led by its source: "Its label: …" — or, where the interval comes from the
        // regulatory table rather than the label, that table (axitinib's "24 hours" is the
        // table's; its label was named for it, cb23-t), or the US prescribing information.
        let beforeSource = hold.chosen?.source ?? drug.source
        let afterSource = resume.chosen?.source ?? drug.source
        if beforeSource == afterSource {
            let lead = named
                ? (beforeSource == drug.source ? drug.label
                    : LocalizedText(en: "\(drug.label.en) (\(Self.sourceName(beforeSource).en))",
                                    zh: "\(drug.label.zhHans)（\(Self.sourceName(beforeSource).zhHans)）"))
                : Self.sourceName(beforeSource).sentenceStart
            return LocalizedText(en: "\(lead.en): \(before.en); \(after.en)", zh: "\(lead.zhHans)：\(before.zhHans)；\(after.zhHans)")
        }
        let first = Self.sourceName(beforeSource)
        let second = Self.sourceName(afterSource)
        let sentence = LocalizedText(
            en: "\(named ? first.en : first.en.sentenceStart): \(before.en); \(second.en): \(after.en)",
            zh: "\(first.zhHans)：\(before.zhHans)；\(second.zhHans)：\(after.zhHans)")
        return named
            ? LocalizedText(en: "\(drug.label.en) — \(sentence.en)", zh: "\(drug.label.zhHans)——\(sentence.zhHans)")
            : sentence
    }

    /// Planned operations inside the chosen hold but on or after the other source's shorter one:
    /// said so, that the date may stand by that source. A cabozantinib stopped 25 days before a
    /// planned femoral nailing was told "move it" by the table's 28 days, the US label's 21 named
    /// only beside the interval (unseen record cb158-c, rule set 2026.12.412).
    func otherHoldKeeps(
        _ drugs: [AntiAngiogenicDrugs.Drug], choice: AntiAngiogenicHoldSource, _ planned: [Treatment], base: PartialDate?
    ) -> LocalizedText? {
        guard let base else { return nil }
        let holds = drugs.map { $0.holdBefore(choice) }
        // Only where the sources disagree for some drug; the other source's binding hold takes
        // each drug's other interval, or its chosen one where the sources agree or one gives it.
        guard let other = holds.lazy.compactMap(\.other).first else { return nil }
        let chosen = holds.compactMap { $0.chosen?.days }.max() ?? 0
        let otherDays = holds.compactMap { ($0.other ?? $0.chosen)?.days }.max() ?? 0
        guard otherDays < chosen else { return nil }
        let binding = AntiAngiogenicDrugs.Drug.Interval(days: otherDays, source: other.source)
        let otherEnd = base.adding(days: binding.days)
        let holdEnd = base.adding(days: chosen)
        let early = planned.filter { operation in
            operation.start.map { $0.earliestDay < holdEnd.earliestDay && $0.earliestDay >= otherEnd.earliestDay } == true
        }
        guard !early.isEmpty, early.count == planned.filter({ $0.start.map { $0.earliestDay < holdEnd.earliestDay } == true }).count else { return nil }
        let whose = Self.sourceName(binding.source)
        return LocalizedText(
            en: " By \(whose.en) (\(binding.days) days, from \(otherEnd)) the date may stand — which source the MDT follows is a setting.",
            zh: "按\(whose.zhHans)（\(binding.days) 天，\(otherEnd) 起）该日期可以保留——依据哪一来源可在设置中选择。")
    }

    /// A source of a drug's interval in the middle of a sentence.
    static func sourceName(_ source: Citation) -> LocalizedText {
        if source == AntiAngiogenicDrugs.tkiTable {
            return LocalizedText(en: "the regulatory recommendation (Front Oncol 2021)", zh: "监管建议（Front Oncol 2021 汇总）")
        }
        if source == AntiAngiogenicDrugs.usLabels {
            return LocalizedText(en: "the US prescribing information", zh: "美国说明书")
        }
        return LocalizedText(en: "its label", zh: "其说明书")
    }
}

extension LocalizedText {
    /// The English with its first letter capitalised, the Chinese as it is.
    fileprivate var sentenceStart: LocalizedText { LocalizedText(en: en.sentenceStart, zh: zhHans) }
}
