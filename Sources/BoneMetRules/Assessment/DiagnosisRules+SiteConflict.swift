/// A lesion whose recorded side or vertebral level differs from the one its own note names:
/// "left" hand with the note "右手第3掌骨", a T10 noted "胸12椎体". Every finding — and the
/// biopsy, fixation or radiotherapy planned from them — takes the recorded value, so a slip in
/// either is a wrong-site risk (cb25-h: a colon cancer's metacarpal recorded left, noted right,
/// was asked to be biopsied on the left without a word). The note is only read where the record
/// leaves the value out (`Lesion.withSiteFromNote`); here the two are compared.
extension DiagnosisRules {
    static let whoSafeSurgery2009 = Citation(
        id: "whoSafeSurgery2009",
        text: "WHO Guidelines for Safe Surgery 2009: Safe Surgery Saves Lives (Surgical Safety Checklist: site confirmed and marked)",
        zh: "世界卫生组织《安全手术指南》2009：安全手术拯救生命（手术安全核对表：确认并标记手术部位）")

    func siteConflictFindings() -> [Finding] {
        index.lesions.compactMap { lesion -> Finding? in
            guard let note = lesion.note else { return nil }
            let recorded: LocalizedText
            let noted: LocalizedText
            let what: LocalizedText
            // The bone itself first: a humerus recorded as a femur is scored as a lower limb
            // (Mirels site 2, not 1) and would be fixed as one (unseen record pattern, cb83,
            // 2026.12.317). A pelvis and its acetabulum are one place. A bone recorded `other` whose
            // note names one of the listed bones is asked about too: that bone's scores (Mirels,
            // SINS) are not made for `other`.
            if let named = Bone.named(in: note)?.bone, named != lesion.bone,
               !(Set([named, lesion.bone]) == [.pelvis, .acetabulum])
            {
                recorded = lesion.bone.label
                noted = named.label
                what = LocalizedText(en: "bone", zh: "所在骨")
            } else {
                switch lesion.bone {
                case .vertebra, .sacrum:
                    guard let level = lesion.level,
                          let named = VertebralLevel.named(in: note, regions: lesion.bone == .sacrum ? [.sacral] : [.cervical, .thoracic, .lumbar]),
                          named != level else { return nil }
                    recorded = LocalizedText(en: level.description, zh: level.description)
                    noted = LocalizedText(en: named.description, zh: named.description)
                    what = LocalizedText(en: "level", zh: "节段")
                default:
                    guard let side = lesion.laterality, side == .left || side == .right,
                          let named = Laterality.named(in: note), named != side else { return nil }
                    recorded = side.label
                    noted = named.label
                    what = LocalizedText(en: "side", zh: "侧别")
                }
            }
            let name = index.label(lesion)
            return Finding(
                ruleId: "diagnosis.record.siteConflict", severity: .warning, duty: .diagnosis, specialty: .mdtCoordinator,
                subject: .lesion(lesion.id), date: index.assessedOn,
                title: LocalizedText(
                    en: "\(name.en): recorded \(recorded.en), its note says \(noted.en) — confirm the \(what.en)",
                    zh: "\(name.zhHans)：记录为\(recorded.zhHans)，备注为\(noted.zhHans)——请核对\(what.zhHans)"),
                detail: LocalizedText(
                    en: "The lesion record gives \(recorded.en) and its note (\"\(note)\") names \(noted.en). Every finding about it takes the recorded \(what.en), and so would a biopsy, fixation or radiotherapy planned from them. Confirm the \(what.en) on the images and correct the record; confirm and mark the site before any procedure.",
                    zh: "病灶记录为\(recorded.zhHans)，其备注（“\(note)”）写为\(noted.zhHans)。关于该病灶的所有提示均按记录的\(what.zhHans)给出，据此计划的活检、固定或放疗也会如此。请在影像上核对\(what.zhHans)并更正记录；任何操作前确认并标记部位。"),
                inputs: [FindingInput("lesion", lesion.id), FindingInput(what.en, recorded.en), FindingInput("note", noted.en)],
                sources: [Self.whoSafeSurgery2009])
        }
    }
}
