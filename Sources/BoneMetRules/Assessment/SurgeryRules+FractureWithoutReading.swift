/// A long-bone lesion whose pathological fracture is on record (an EHR's problem-list fracture,
/// M84.5) but no X-ray or CT reading of it: the bone has broken, so Mirels — the risk of a
/// fracture — is not the question, and "fracture risk cannot be assessed — no X-ray/CT reading"
/// was said of an EHR femur that had broken and been nailed. Said as the imaged fracture is
/// (`surgery.mirels.fractured`): fixed, or to be fixed.
extension SurgeryRules {
    func fractureWithoutReading(_ lesion: Lesion) -> Finding? {
        let id = lesion.id
        guard lesion.mirelsSite != nil, let fracture = index.record.events.last(where: {
            $0.kind == .pathologicalFracture && $0.isCurrent && $0.lesion == id && index.known($0.date)
        }) else { return nil }
        let name = index.label(lesion)
        let operations = index.localTreatments(id, kind: .surgery)
        let fixation = operations.first { !$0.planned && ($0.procedure?.protectsLongBone ?? false) }
            ?? operations.first { $0.planned && ($0.procedure?.protectsLongBone ?? false) }
        // An operation of unrecorded kind after the fracture: probably its fixation — ask for it.
        let unnamed = fixation == nil
            ? operations.first { !$0.planned && $0.procedure == .other && ($0.start.map { $0.latestDay >= fracture.date.earliestDay } ?? false) }
            : nil
        let open = index.biopsyFirstReasons(id)
        let needsFixation = (fixation == nil || fixation?.planned == true) && unnamed == nil
        let surgical = needsFixation ? surgicalContext(id, open: index.openDifferential(id)) : (en: "", zhHans: "", sources: [])
        let base = LocalizedText(
            en: "Pathological fracture recorded on \(fracture.date); no X-ray or CT reading of it on record. Mirels scores the risk of a fracture and does not apply.",
            zh: "\(fracture.date) 记录有病理性骨折；病历中无该部位的 X 线或 CT 阅片记录。Mirels 评估的是骨折风险，已不适用。")
        let status = unnamed.map { unnamed in
            LocalizedText(
                en: "An operation on it is recorded (\(unnamed.label.en)) without what it did: if it fixed the fracture, record it as fracture fixation.",
                zh: "记录有针对该部位的手术（\(unnamed.label.zhHans)），但未注明术式：如为骨折内固定，请按“骨折内固定”记录。")
        } ?? Self.fixationStatus(fixation, lesion: lesion)
        // A decision since the fracture, no operation on record: the referral has happened.
        if fixation == nil, unnamed == nil, let decided = decisionSince(fracture.date.earliestDay) {
            return Self.decidedFractureFinding(
                id, name: name, lesion: lesion, lead: base, decision: decided,
                inputs: [FindingInput("fracture", fracture.date.description), FindingInput("anatomicReadings", "0")])
        }
        let severity: Severity = needsFixation ? .urgent : unnamed != nil ? .advisory : .info
        return Finding(
            ruleId: "surgery.mirels.fractured", severity: severity, duty: .surgery, specialty: .orthopaedics,
            subject: .lesion(id), date: fracture.date,
            title: unnamed != nil
                ? LocalizedText(en: "\(name.en): pathological fracture — record what its operation did", zh: "\(name.zhHans)：病理性骨折——请补录手术术式")
                : Self.fracturedTitle(name, tissueFirst: needsFixation && !open.isEmpty, lesion: lesion),
            detail: LocalizedText(
                en: [base.en, status.en, surgical.en].filter { !$0.isEmpty }.joined(separator: " "),
                zh: "\(base.zhHans)\(status.zhHans)\(surgical.zhHans)"),
            inputs: [FindingInput("fracture", fracture.date.description), FindingInput("anatomicReadings", "0")],
            sources: [Sources.mirels1989] + (unnamed == nil ? Self.reconstructionSources(fixation, lesion: lesion) : []) + surgical.sources,
            claims: needsFixation ? Self.fixationClaims(id, open: open) : [])
    }
}
