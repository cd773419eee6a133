import BoneMetDomain

/// Texts of care-team access and "break the glass" (issue #11).
enum CareTeamTexts {
    static let minimumReason = 10
    static let notOnTeamTitle = LocalizedText(en: "Not on this patient's care team", zh: "您不在该患者的诊疗团队中")
    static let reason = LocalizedText(en: "Reason for opening the record now", zh: "现在打开病历的理由")
    static let breakGlass = LocalizedText(en: "Open the record (emergency access)", zh: "打开病历（紧急访问）")
    static let breakGlassNote = LocalizedText(
        en: "Your name, the time, your address and this reason go into the audit log the privacy officer reviews. Access lasts 12 hours.",
        zh: "您的姓名、时间、地址和理由将记入隐私官审阅的审计日志。访问权限有效 12 小时。")
    static let reasonTooShort = LocalizedText(
        en: "Write the reason in at least \(minimumReason) characters (for example: on call, patient admitted with cord compression).",
        zh: "理由至少 \(minimumReason) 个字（例如：值班，患者因脊髓压迫入院）。")
    static let team = LocalizedText(en: "Care team", zh: "诊疗团队")
    static let createdCase = LocalizedText(en: "created the case", zh: "创建病例")
    static let added = LocalizedText(en: "added", zh: "已加入")
    static let atMeeting = LocalizedText(en: "at an MDT meeting about the patient", zh: "参加该患者的 MDT 会议")
    static let addMember = LocalizedText(en: "Add to the care team", zh: "加入诊疗团队")
    static let remove = LocalizedText(en: "Remove", zh: "移除")
    static let emergencyAccess = LocalizedText(en: "You opened this record by emergency access until", zh: "您通过紧急访问打开此病历，有效至")
    static let coordinatorsSeeAll = LocalizedText(
        en: "MDT coordinators see every patient; others see the patients whose care team they are on.",
        zh: "MDT 协调员可查看所有患者；其他人仅可查看其所在诊疗团队的患者。")
}
