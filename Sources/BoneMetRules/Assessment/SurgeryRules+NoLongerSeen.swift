/// A lesion that a later X-ray, CT or MRI looked for and did not see: the bone has healed
/// (MDA complete response, Hamaoka 2004) and there is no lesion left whose fracture risk or
/// stability could be scored. A HER2-positive breast cancer's femoral shaft, lytic in January and
/// "not seen" on the bone-window CT in October (the response read CR), still read "Mirels 7–11
/// may reach the fixation threshold — complete it" from the January CT (unseen record cb85-k).
extension SurgeryRules {
    /// Mirels not scored for a lesion no longer seen: the last score, where it was read, and the
    /// study that no longer shows it.
    func mirelsNoLongerSeenFinding(_ lesion: Lesion, name: LocalizedText, last: MirelsPoint, absent: ImagingStudy, inputs: [FindingInput]) -> Finding {
        let total = last.result.total
        let score = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
        return Finding(
            ruleId: "surgery.mirels.noLongerSeen", severity: .info, duty: .surgery, specialty: .orthopaedics,
            subject: .lesion(lesion.id), date: absent.date,
            title: LocalizedText(
                en: "\(name.en): no longer seen on the \(absent.label.en) — no fracture risk to score",
                zh: "\(name.zhHans)：\(absent.label.zhHans)未再见病灶——无骨折风险可评"),
            detail: LocalizedText(
                en: "Last scored Mirels \(score) on the \(last.study.label.en). The \(absent.label.en) looked for the lesion and did not see it: the bone has healed (MDA complete response), and Mirels scores a lesion in the bone. Score it again if a later study shows it.",
                zh: "最近一次 Mirels \(score) 分（\(last.study.label.zhHans)）。\(absent.label.zhHans)复查该部位未见病灶：骨已修复（MDA 完全缓解），Mirels 评估的是骨内病灶。如后续检查再见病灶，请重新评分。"),
            inputs: inputs + [FindingInput("noLongerSeenOn", absent.date.description)],
            sources: [Sources.mirels1989, ResponseRules.sources[0]])
    }
}

extension SurgeryRules {
    /// SINS and NOMS not proposed for a vertebra whose lesion a later CT or MRI no longer shows,
    /// unless a neurological deficit or a cord compression is on record for it — those are read
    /// as ever (the emergency does not wait for the imaging to agree).
    func spineNoLongerSeenFinding(_ lesion: Lesion, latest: ImagingStudy) -> Finding? {
        guard let absent = index.noLongerSeen(lesion.id) else { return nil }
        if index.latestNeurology(for: lesion.id)?.showsDeficit == true || index.latestNeurology()?.showsDeficit == true { return nil }
        if index.record.events.contains(where: { $0.kind == .cordCompression && $0.isCurrent && index.known($0.date) }) { return nil }
        let name = index.label(lesion)
        return Finding(
            ruleId: "surgery.spine.noLongerSeen", severity: .info, duty: .surgery, specialty: .spineSurgery,
            subject: .lesion(lesion.id), date: absent.date,
            title: LocalizedText(
                en: "\(name.en): no longer seen on the \(absent.label.en) — no stability to score",
                zh: "\(name.zhHans)：\(absent.label.zhHans)未再见病灶——无稳定性可评"),
            detail: LocalizedText(
                en: "Last read on the \(latest.label.en). The \(absent.label.en) looked for the lesion and did not see it: the vertebra has healed (MDA complete response), and SINS and NOMS score a lesion in it. Score it again if a later study shows it, or if pain or a neurological sign points to it.",
                zh: "最近一次阅片：\(latest.label.zhHans)。\(absent.label.zhHans)复查该部位未见病灶：椎体已修复（MDA 完全缓解），SINS 与 NOMS 评估的是椎体内病灶。如后续检查再见病灶，或疼痛、神经体征指向该处，请重新评分。"),
            inputs: [FindingInput("lastReadOn", latest.date.description), FindingInput("noLongerSeenOn", absent.date.description)],
            sources: [Sources.fisher2010, ResponseRules.sources[0]])
    }
}

extension SurgeryRules {
    /// A pelvic, girdle, hand or foot lesion no longer seen on a later CT, MRI or film: nothing is
    /// left for orthopaedic oncology to judge. A HER2-positive breast cancer's ilium, lytic in
    /// January 2025, irradiated, and "not seen" on the bone-window CTs of July 2025 and July 2026
    /// (the response read CR), still read "bone destruction — no validated score; orthopaedic
    /// oncology to judge" from the January CT (unseen record cb103-k).
    func unscoredNoLongerSeenFinding(_ lesion: Lesion, name: LocalizedText, last: ImagingStudy, absent: ImagingStudy) -> Finding {
        Finding(
            ruleId: Self.unscoredRuleId(lesion.bone), severity: .info, duty: .surgery, specialty: .orthopaedics,
            subject: .lesion(lesion.id), date: absent.date,
            title: LocalizedText(
                en: "\(name.en): no longer seen on the \(absent.label.en) — no decision waits on it now",
                zh: "\(name.zhHans)：\(absent.label.zhHans)未再见病灶——目前无需处理"),
            detail: LocalizedText(
                en: "Last seen on the \(last.label.en). The \(absent.label.en) looked for the lesion and did not see it: the bone has healed (MDA complete response), and no decision on protected weight bearing, radiotherapy or surgery waits on it. Orthopaedic oncology judges it again if a later study shows it or pain points to it.",
                zh: "最近一次见病灶：\(last.label.zhHans)。\(absent.label.zhHans)复查该部位未见病灶：骨已修复（MDA 完全缓解），目前无需决定限制负重、放疗或手术。如后续检查再见病灶或疼痛指向该处，由骨肿瘤科重新判断。"),
            inputs: [FindingInput("bone", lesion.bone.rawValue), FindingInput("lastSeenOn", last.date.description), FindingInput("noLongerSeenOn", absent.date.description)],
            sources: [Sources.mirels1989, Sources.fisher2010, ResponseRules.sources[0]])
    }
}
