/// "Neurologically intact" recorded with a Frankel grade below E. A renal-cell cancer's T6 at ESCC 3
/// carried one row "intact, Frankel C" (unseen record cb39-i): the spine finding read "neurologically
/// intact, Frankel C" and took the emergency path on the grade without a word that the two disagree.
/// Frankel 1969 grades E as normal motor and sensory function, A–D as a deficit; every finding
/// reads the deficit (the worse), and the record should be corrected on examination.
extension DiagnosisRules {
    static let frankel1969 = Citation(
        id: "frankel1969",
        text: "Frankel HL et al. Paraplegia 1969;7:179-92 (Frankel grades A–E)",
        zh: "Frankel HL 等. Paraplegia 1969;7:179-92（Frankel 分级 A–E）")

    func neurologyConflictFindings() -> [Finding] {
        let rows = index.record.neurology.filter { index.known($0.date) && $0.statusContradictsFrankel }
        // The latest such row for each lesion (or the patient): an older one corrected since is history.
        let latest = Dictionary(grouping: rows, by: \.lesion).compactMap { _, rows in rows.max { $0.date < $1.date } }
        return latest.sorted { ($0.date, $0.lesion ?? "") < ($1.date, $1.lesion ?? "") }.compactMap { row -> Finding? in
            // Only while it is the latest word on that lesion's neurology.
            guard let current = index.latestNeurology(for: row.lesion), current.date == row.date,
                let frankel = row.frankel
            else { return nil }
            let at = row.lesion.flatMap { index.lesionsById[$0] }.map { index.label($0) }
            return Finding(
                ruleId: "diagnosis.record.neurologyConflict", severity: .warning, duty: .diagnosis, specialty: .spineSurgery,
                subject: row.lesion.map { .lesion($0) } ?? .patient, date: row.date,
                title: LocalizedText(
                    en: "Neurological status of \(row.date)\(at.map { " (\($0.en))" } ?? ""): \"intact\" and \(frankel.label.en) disagree",
                    zh: "\(row.date)\(at.map { "（\($0.zhHans)）" } ?? "")神经功能记录矛盾：“正常”与 \(frankel.label.zhHans)"),
                detail: LocalizedText(
                    en: "Frankel E is normal motor and sensory function; \(frankel.rawValue) is a deficit. BoneMet reads the deficit (the worse) in every finding — the spine's emergency path of cord compression included. Examine the patient and correct the record.",
                    zh: "Frankel E 为运动和感觉功能正常，\(frankel.rawValue) 级为神经功能障碍。BoneMet 在所有结论中按神经功能障碍（较重者）处理——包括脊髓压迫的急诊路径。请查体并更正记录。"),
                inputs: [FindingInput("status", row.status.rawValue), FindingInput("frankel", frankel.rawValue)],
                sources: [Self.frankel1969])
        }
    }
}
