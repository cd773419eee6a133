/// A lesion "not seen" on a CT, MRI or film sooner after a study that showed it than any bone
/// heals. Unseen record cb107-f (2026-12-06): a lytic L1 on a bone-window CT, recorded absent on
/// the lumbar MRI two days later, was read "the vertebra has healed (MDA complete response)" and
/// its SINS and NOMS were no longer given. Healing and flare take weeks to about 3 months
/// (Hamaoka 2004; the latency setting, 8 weeks by default): one of the two readings is wrong —
/// the lesion missed, or another lesion's finding entered under it. The findings read it as the
/// study that showed it (the reading that asks for more, as for two readings of one day), and
/// radiology is asked to reconcile the two.
extension DiagnosisRules {
    func absentTooSoonFindings() -> [Finding] {
        index.seenLesions.compactMap { lesion -> Finding? in
            guard let (absent, shown) = index.absentTooSoon(lesion.id) else { return nil }
            let name = index.label(lesion)
            let days = absent.date.earliestDay - shown.date.latestDay
            let weeks = index.settings.blasticLatencyWeeks
            // A date without its day gives a range, said as one ("1–60 days" between a CT of
            // 2026-10 and an MRI of 2026-11); "1 days" is not said.
            let most = absent.date.latestDay - shown.date.earliestDay
            let span = most == days ? "\(days)" : "\(days)–\(most)"
            let unit = most == 1 ? "day" : "days"
            return Finding(
                ruleId: "diagnosis.record.absentTooSoon", severity: .advisory, duty: .diagnosis, specialty: .radiology,
                subject: .lesion(lesion.id), date: absent.date,
                title: LocalizedText(
                    en: "\(name.en): not seen on the \(absent.label.en), \(span) \(unit) after the \(shown.label.en) showed it — the readings disagree",
                    zh: "\(name.zhHans)：\(shown.label.zhHans)可见，\(span) 天后的 \(absent.label.zhHans)未见——两份读片不一致"),
                detail: most >= weeks * 7
                    ? LocalizedText(
                        en: "Their dates, recorded without the day, allow \(span) days between the studies, and a bone lesion takes weeks to about 3 months to heal (Hamaoka 2004; setting \"latency before sclerosis can be a treatment effect\": \(weeks) weeks): record the days. If the studies are less than \(weeks) weeks apart, one of the two readings is wrong — the lesion missed, or recorded under the wrong site. Meanwhile the findings read the lesion as the \(shown.label.en) showed it.",
                        zh: "两次检查日期未记录到日，相隔可能为 \(span) 天；骨病灶愈合需数周至约 3 个月（Hamaoka 2004；设置“硬化可归因于治疗的最短时间”：\(weeks) 周）：请补全日期。如两次检查相隔不足 \(weeks) 周，两份读片中必有一份有误——漏诊，或记录在错误部位。在此之前，各项结论按 \(shown.label.zhHans)所见读取该病灶。")
                    : LocalizedText(
                        en: "A bone lesion does not heal in \(span) \(unit): healing takes weeks to about 3 months (Hamaoka 2004; setting \"latency before sclerosis can be a treatment effect\": \(weeks) weeks). One of the two readings is wrong — the lesion missed, or recorded under the wrong site. Review both studies side by side and correct the record. Meanwhile the findings read the lesion as the \(shown.label.en) showed it.",
                        zh: "骨病灶不会在 \(span) 天内愈合：愈合需数周至约 3 个月（Hamaoka 2004；设置“硬化可归因于治疗的最短时间”：\(weeks) 周）。两份读片中必有一份有误——漏诊，或记录在错误部位。请对照两次检查复核并更正记录。在此之前，各项结论按 \(shown.label.zhHans)所见读取该病灶。"),
                inputs: [FindingInput("shownOn", shown.date.description), FindingInput("absentOn", absent.date.description),
                         FindingInput("days", span)],
                sources: [Self.hamaoka2004, Self.sourceHospital])
        }
    }
}
