/// A collapsed vertebra or a broken bone whose CT bone window (or X-ray) shows no bone
/// destruction, with no tracer study, soft-tissue mass or biopsy to say otherwise. A breast
/// cancer's L4, seven years on letrozole, collapsed with "no destruction" on the CT, had no
/// diagnosis finding at all while the spine finding scored SINS and NOMS for it as a breast
/// metastasis (unseen record cb27-w). The source hospital's rule — bone destruction on CT is the
/// key evidence of a metastasis — says it is not one by imaging: an osteoporotic (insufficiency)
/// fracture is the other reading, and pathology decides where imaging cannot. SINS (Fisher
/// 2010) scores neoplastic instability, so the spine's scores wait for it (`isScoredSpinal`).
extension DiagnosisRules {
    func collapseWithoutDestructionFindings() -> [Finding] {
        let each = index.seenLesions.compactMap { lesion -> (lesion: Lesion, finding: Finding)? in
            collapseWithoutDestruction(lesion).map { (lesion, $0) }
        }.sorted { Lesion.anatomicalOrder($0.lesion, $1.lesion) }
        // Lesions read alike — the same study, the same words — are one finding (rule set
        // 2026.12.219): three collapsed vertebrae on one CT were three findings saying the same.
        var groups: [(key: String, members: [(lesion: Lesion, finding: Finding)])] = []
        for item in each {
            let key = item.finding.detail.en + "|" + String(item.finding.title.en.dropFirst(index.label(item.lesion).en.count))
            if let at = groups.firstIndex(where: { $0.key == key }) { groups[at].members.append(item) } else { groups.append((key, [item])) }
        }
        return groups.map { group in
            guard group.members.count > 1, let first = group.members.first?.finding else { return group.members[0].finding }
            let names = LocalizedText.joined(group.members.map { index.label($0.lesion) }, en: "; ", zh: "、")
            let firstName = index.label(group.members[0].lesion)
            return Finding(
                ruleId: first.ruleId, severity: first.severity, duty: first.duty, specialty: first.specialty,
                subject: .patient, date: first.date,
                title: LocalizedText(
                    en: names.en + first.title.en.dropFirst(firstName.en.count),
                    zh: names.zhHans + first.title.zhHans.dropFirst(firstName.zhHans.count)),
                detail: first.detail,
                inputs: first.inputs + [FindingInput("lesions", group.members.map(\.lesion.id).joined(separator: ","))],
                sources: first.sources)
        }
    }

    private func collapseWithoutDestruction(_ lesion: Lesion) -> Finding? {
        guard let ct = index.collapseWithoutDestruction(lesion.id) else { return nil }
        let name = index.label(lesion)
        let broken = lesion.isSpinal
            ? LocalizedText(en: "collapse", zh: "椎体塌陷")
            : LocalizedText(en: "fracture", zh: "骨折")
        let operation = index.operationWithoutPathology(lesion.id).map { operation in
            LocalizedText(
                en: " The tissue of \(operation.label.en), if sent, answers it: record its pathology.",
                zh: "如\(operation.label.zhHans)时送检组织，其病理即可回答：请录入。")
        } ?? LocalizedText(en: "", zh: "")
        let scores = lesion.isSpinal
            ? LocalizedText(
                en: " SINS and NOMS are for neoplastic lesions: not scored until it is shown to be one.",
                zh: "SINS 和 NOMS 适用于肿瘤性病变：明确为肿瘤前不评分。")
            : LocalizedText(en: "", zh: "")
        let reading = Self.boneReading(ct.study)
        return Finding(
            ruleId: "diagnosis.collapseWithoutDestruction", severity: .advisory, duty: .diagnosis, specialty: .orthopaedics,
            subject: .lesion(lesion.id), date: ct.study.date,
            title: LocalizedText(
                en: "\(name.en): \(broken.en) without bone destruction — not a metastasis by imaging",
                zh: "\(name.zhHans)：\(broken.zhHans)但无骨质破坏——影像不支持骨转移"),
            detail: LocalizedText(
                en: "The \(reading.en) of \(ct.study.date) shows no bone destruction here, the key evidence of a bone metastasis: an osteoporotic (insufficiency) fracture is the other reading. Where the treatment depends on it, pathology is the gold standard.\(operation.en)\(mriSignal(lesion.id).en)\(scores.en)",
                zh: "\(ct.study.date) \(reading.zhHans)此处未见骨质破坏，而骨质破坏是诊断骨转移的关键依据：需考虑骨质疏松性（功能不全性）骨折。如治疗取决于此，病理是金标准。\(operation.zhHans)\(mriSignal(lesion.id).zhHans)\(scores.zhHans)"),
            inputs: [FindingInput("boneDestruction", "false"), FindingInput("study", ct.study.id)],
            sources: [Self.sourceHospital, Sources.fisher2010])
    }
}
