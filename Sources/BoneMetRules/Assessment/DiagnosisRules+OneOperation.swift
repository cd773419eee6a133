/// Lesions asked for a biopsy only because one planned operation takes them all. A thyroid
/// cancer's left ilium and acetabulum, one expansile mass for one hemipelvic resection, read
/// "left pelvis: biopsy indicated" and "left acetabulum: biopsy indicated" as two warnings (unseen
/// record cb39-h): the source hospital's indication is the operation's — "lesion planned for
/// surgery: confirm pathology" — and the pathology of its lesions is settled before or during that
/// one operation. One finding for the operation names them; each lesion keeps its claim.
extension DiagnosisRules {
    func oneFindingPerOperation(_ findings: [Finding]) -> [Finding] {
        var byOperation: [String: [Int]] = [:]
        var order: [Treatment] = []
        for (position, finding) in findings.enumerated() {
            guard finding.ruleId == "diagnosis.biopsy.indicated", case .lesion(let lesion) = finding.subject,
                finding.inputs.map(\.name) == ["surgeryPlanned"],
                let operation = index.treatments.first(where: { $0.planned && index.isOperation($0) && $0.lesions.contains(lesion) })
            else { continue }
            if byOperation[operation.id] == nil { order.append(operation) }
            byOperation[operation.id, default: []].append(position)
        }
        var merged: [Int: Finding] = [:]
        var dropped: Set<Int> = []
        for operation in order {
            guard let positions = byOperation[operation.id], positions.count > 1, let first = positions.first else { continue }
            // In the order the operation lists them.
            let lesions = positions.compactMap { position -> Lesion? in
                guard case .lesion(let lesion) = findings[position].subject else { return nil }
                return index.lesionsById[lesion]
            }.sorted { (operation.lesions.firstIndex(of: $0.id) ?? 0) < (operation.lesions.firstIndex(of: $1.id) ?? 0) }
            let names = LocalizedText.joined(lesions.map { index.label($0) }, en: "; ", zh: "、")
            // Its name as the operating list writes it, without the kind the label adds.
            let named = operation.name.map { LocalizedText(en: $0, zh: $0) } ?? operation.label
            merged[first] = Finding(
                ruleId: "diagnosis.biopsy.indicated", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
                subject: .treatment(operation.id), date: positions.compactMap { findings[$0].date }.min(),
                title: LocalizedText(
                    en: "\(names.en): biopsy indicated — one operation (\(named.en))",
                    zh: "\(names.zhHans)：有活检指征——同一手术（\(named.zhHans)）"),
                detail: LocalizedText(
                    en: "Planned for one operation (\(named.en)): confirm the pathology of the lesions it treats before it (biopsy) or during it (frozen section before any implant). Pathology is the gold standard when imaging cannot decide; lytic or mixed lesions can be biopsied at any time.",
                    zh: "同一手术（\(named.zhHans)）计划处理这些病灶：术前（活检）或术中（植入内固定前冰冻切片）确认其病理。影像无法定性时病理是金标准；溶骨或混合性病灶随时可活检。"),
                inputs: [FindingInput("surgeryPlanned", "true"), FindingInput("operation", operation.id),
                         FindingInput("lesions", lesions.map(\.id).joined(separator: ","))],
                sources: [Self.sourceHospital],
                claims: lesions.map { Claim(.biopsy, about: $0.id, "biopsy") })
            dropped.formUnion(positions.dropFirst())
        }
        return findings.indices.compactMap { position in
            dropped.contains(position) ? nil : merged[position] ?? findings[position]
        }
    }
}
