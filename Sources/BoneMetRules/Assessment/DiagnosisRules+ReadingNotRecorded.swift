/// Studies read only in their reports (`ImagingStudy.readingNotRecorded`): one advisory naming
/// them. The rules do not read reports, so such a study shows nothing and excludes nothing — an
/// imported bone scan whose report named three new foci was silently no evidence at all, and the
/// clinician was not told that its lesions wait to be recorded (unseen bundle, 2026-12-04).
extension DiagnosisRules {
    func readingNotRecordedFinding() -> Finding? {
        // Only where a lesion of the record could be read on it: a lung cancer without bone
        // lesions, its staging PET-CT reported "全身骨骼未见明确转移", was asked for lesions there
        // were none to record (unseen record cb75-b). A study whose region is not recorded may
        // show any of them.
        let lesions = index.lesions
        let studies = index.studies.filter { study in
            study.readingNotRecorded && !lesions.isEmpty && (study.coverage.isEmpty || lesions.contains(where: study.covers))
        }
        guard !studies.isEmpty else { return nil }
        let names = LocalizedText.joined(studies.map(\.label), en: "; ", zh: "、")
        let withReport = studies.contains { $0.report?.contains { !$0.isWhitespace } == true }
        return Finding(
            ruleId: "diagnosis.imaging.readingNotRecorded", severity: .advisory, duty: .diagnosis, specialty: .radiology,
            subject: studies.count == 1 ? .study(studies[0].id) : .patient, date: studies.map(\.date).max(),
            title: LocalizedText(
                en: "\(names.en.sentenceStart): lesions not recorded — the study counts for nothing until they are",
                zh: "\(names.zhHans)：未录入病灶——录入前该检查不作为任何依据"),
            detail: LocalizedText(
                en: "No lesion is recorded on \(studies.count == 1 ? "this study" : "these studies")\(withReport ? ", only the report" : ""). BoneMet does not read report text: until each lesion seen (or looked for and not seen) is recorded, \(studies.count == 1 ? "it shows" : "they show") no lesion and \(studies.count == 1 ? "excludes" : "exclude") none — no response, no new lesion, no bone-scan progression count is judged from \(studies.count == 1 ? "it" : "them"). \(withReport ? "Read the report into lesions on the study's report page (suggested readings to accept or correct), or record them by hand." : "Record the reading by hand.")",
                zh: "\(studies.count == 1 ? "该检查" : "这些检查")未录入任何病灶\(withReport ? "，仅有报告文本" : "")。BoneMet 不读取报告文本：在录入所见病灶（以及查看而未见的病灶）之前，\(studies.count == 1 ? "该检查" : "这些检查")既不显示病灶，也不排除病灶——不据此判断疗效、新发病灶或骨扫描进展计数。\(withReport ? "请在该检查的报告页将报告转为病灶记录（逐条确认或修改建议读数），或手工录入。" : "请手工录入阅片结果。")"),
            inputs: [FindingInput("studies", studies.map(\.id).joined(separator: ","))], sources: [Self.sourceHospital])
    }
}
