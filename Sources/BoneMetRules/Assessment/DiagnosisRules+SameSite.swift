/// Two lesion records at one site. Records assembled from several reports (an outside bone
/// scan, the hospital's CT, an MRI) name the same vertebra twice under different ids: its
/// SINS and NOMS are then followed twice and its studies split between the two (the response
/// compares across the records: `ResponseRules.sameSiteReading`). Only
/// a site specific enough to be one place is asked about — a vertebra or sacral segment by its
/// level, a limb long bone or clavicle by side and segment; two "right rib" or "left pelvis"
/// records may well be two lesions.
extension DiagnosisRules {
    func sameSiteFindings() -> [Finding] {
        var groups: [String: [Lesion]] = [:]
        var order: [String] = []
        for lesion in index.lesions {
            guard let key = lesion.siteKey else { continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(lesion)
        }
        return order.compactMap { key -> Finding? in
            guard let lesions = groups[key], lesions.count > 1, let first = lesions.first else { return nil }
            let site = first.label
            let ids = lesions.map(\.id).joined(separator: ", ")
            let idsZh = lesions.map(\.id).joined(separator: "、")
            return Finding(
                ruleId: "diagnosis.record.sameSite", severity: .advisory, duty: .diagnosis, specialty: .mdtCoordinator,
                subject: .lesion(first.id), date: index.assessedOn,
                title: LocalizedText(
                    en: "\(site.en) recorded \(lesions.count) times (\(ids)) — the same lesion?",
                    zh: "\(site.zhHans)有 \(lesions.count) 条病灶记录（\(idsZh)）——是否为同一病灶？"),
                detail: LocalizedText(
                    en: "Lesion records \(ids) name the same site. If they are one lesion (reports from different studies entered separately), merge them into one record: until then its stability and fracture risk are assessed separately from part of its studies each (its response compares one record's reading with the other's where a study read only one). The prognosis scores count the site once.",
                    zh: "病灶记录 \(idsZh) 指向同一部位。如为同一病灶（不同检查的报告分别录入），请合并为一条记录：否则其稳定性和骨折风险会被分开评估，各自只依据部分检查（某次检查只记录其中一条时，疗效按另一条记录的前次结果比较）。预后评分按一个部位计。"),
                inputs: [FindingInput("lesions", lesions.map(\.id).joined(separator: ","))], sources: [Self.sourceHospital])
        }
    }
}
