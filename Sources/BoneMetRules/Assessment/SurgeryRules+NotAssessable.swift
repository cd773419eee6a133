/// Lesions on record that nobody has read on X-ray, CT or MRI: what is missing to score them,
/// or — a cord compression or deficit recorded at an unread vertebra — the emergency (rule set
/// 2026.12.274). Split out of SurgeryRules.swift.
extension SurgeryRules {
    /// A long-bone or spinal lesion on record (an EHR's bone-metastasis condition, a bone-scan
    /// hot spot) with no X-ray, CT or MRI reading: fracture risk and spinal stability cannot be
    /// scored. Said, with what is missing, rather than left silent.
    func notAssessableFindings() -> [Finding] {
        index.lesions.compactMap { lesion -> Finding? in
            guard lesion.mirelsSite != nil || lesion.isSpinal else { return nil }
            if let biopsy = index.diagnosticBiopsy(lesion.id), !index.biopsyShowsTheDisease(biopsy, lesion: lesion.id) { return nil }
            guard !index.presentPoints(lesion.id).contains(where: \.readsBone) else { return nil }
            if lookedForAndAbsent(lesion) { return nil }
            if let fractured = fractureWithoutReading(lesion) { return fractured }
            if index.localTreatments(lesion.id, kind: .surgery).contains(where: { !$0.planned && (($0.procedure?.protectsLongBone ?? false) || ($0.procedure?.treatsSpine ?? false)) }) {
                return nil
            }
            let name = index.label(lesion)
            let spinal = lesion.isSpinal
            if spinal, let emergency = compressionWithoutReading(lesion) { return emergency }
            // The study to read, where one is on record as its report only (an EHR's CT sent as
            // text: "record the reading (or paste the report)" asked for what was there, ehr5).
            let record = reportOnlyStudy(spinal ? [.ct, .mri] : [.xray, .ct]).map { study in
                LocalizedText(
                    en: "The \(study.label.en) is on record as its report only: record its reading of this lesion from the report (its report page suggests the readings), and the pain.",
                    zh: "\(study.label.zhHans)仅有报告文本：请据报告录入该病灶的阅片结果（报告页面可提取建议读片结果）及疼痛情况。")
            } ?? LocalizedText(
                en: "Record the reading (or paste the report) and the pain in BoneMet.", zh: "请在 BoneMet 中录入阅片结果（或粘贴报告）和疼痛情况。")
            return Finding(
                ruleId: "surgery.lesion.notAssessable", severity: .advisory, duty: .surgery,
                specialty: spinal ? .spineSurgery : .orthopaedics, subject: .lesion(lesion.id), date: index.assessedOn,
                title: spinal
                    ? LocalizedText(
                        en: "\(name.en): spinal stability and cord compression cannot be assessed — no CT/MRI reading",
                        zh: "\(name.zhHans)：无 CT/MRI 阅片记录——无法评估脊柱稳定性和脊髓压迫")
                    : LocalizedText(
                        en: "\(name.en): fracture risk cannot be assessed — no X-ray/CT reading",
                        zh: "\(name.zhHans)：无 X 线 / CT 阅片记录——无法评估骨折风险"),
                detail: spinal
                    ? LocalizedText(
                        en: "SINS needs the lesion type, collapse, alignment and posterolateral involvement from CT or MRI, and whether the pain is mechanical; ESCC needs axial T2 MRI; record the neurological status. \(record.en)",
                        zh: "SINS 需要 CT 或 MRI 上的病变类型、椎体塌陷、脊柱序列和后外侧结构受累，以及疼痛是否为机械性；ESCC 需要轴位 T2 MRI；并记录神经功能状态。\(record.zhHans)")
                    : LocalizedText(
                        en: "Mirels needs the lesion type (lytic, blastic, mixed) and the fraction of the bone diameter involved on plain film, and the pain with limb use. \(record.en)",
                        zh: "Mirels 评分需要 X 线片上的病变类型（溶骨、成骨、混合）和占骨直径比例，以及肢体活动时的疼痛。\(record.zhHans)"),
                inputs: [FindingInput("anatomicReadings", "0")],
                sources: spinal ? [Sources.fisher2010, Sources.bilsky2010] : [Sources.mirels1989])
        }
    }

    /// The latest study of these methods on record as its report only (`readingNotRecorded`).
    private func reportOnlyStudy(_ modalities: Set<Modality>) -> ImagingStudy? {
        index.studies.filter { modalities.contains($0.modality) && $0.readingNotRecorded }.max { $0.date.earliestDay < $1.date.earliestDay }
    }

    /// A row never seen on any study and recorded absent on a CT, MRI or X-ray (or a PET-CT's CT)
    /// is a site looked at and found free — kept to notice a lesion appearing there later —, not
    /// an unread lesion: an L5 absent on CT and bone scan read "spinal stability cannot be
    /// assessed — no CT/MRI reading". A diagnosis recorded after that reading (an EHR's
    /// Condition onset) is a lesion again.
    private func lookedForAndAbsent(_ lesion: Lesion) -> Bool {
        guard index.presentPoints(lesion.id).isEmpty else { return false }
        return index.points(lesion.id).contains { point in
            !point.observation.present && (point.study.modality.isAnatomic || point.study.modality == .petCt)
                && lesion.diagnosed.map { $0.latestDay <= point.study.date.earliestDay } ?? true
        }
    }

    /// A spinal cord compression recorded at a vertebra no CT or MRI reading is on record for (an
    /// EHR's G95.2 condition beside its bone-metastasis condition, the MRI only as report text):
    /// NICE NG234's emergency, not "cannot be assessed" — an EHR bundle's T10 compression of
    /// yesterday read as an advisory to record the reading (unseen bundle, 2026-12-04). The same
    /// event the NOMS finding reads (`compressionEvent`): current, no examination, grade or local
    /// treatment since.
    /// A deficit recorded at it (or for the patient, with one spinal lesion) and not treated since
    /// is the same emergency.
    private func compressionWithoutReading(_ lesion: Lesion) -> Finding? {
        let spinalCount = index.lesions.filter(\.isSpinal).count
        var neuro = index.latestNeurology(for: lesion.id)
        if neuro == nil, spinalCount == 1, let patient = index.latestNeurology(), patient.lesion == nil { neuro = patient }
        let event = compressionEvent(lesion, spinalCount: spinalCount, neuro: neuro, escc: nil, gradedOn: nil)
        // A deficit recorded for the patient and treated since at another spinal lesion was
        // placed there by the team (`spinalLesionsTreated(since:)`).
        let untreatedDeficit = neuro.map { neuro in
            let treatedElsewhere = index.spinalLesionsTreated(since: neuro).contains { $0 != lesion.id }
            return neuro.showsDeficit && !treatedElsewhere && !(index.localTreatments(lesion.id, kind: .surgery) + index.localTreatments(lesion.id, kind: .radiotherapy)).contains {
                !$0.planned && ($0.kind == .radiotherapy || ($0.procedure?.treatsSpine ?? false)) && ($0.start.map { $0.latestDay >= neuro.date.earliestDay } ?? false)
            }
        } ?? false
        guard event != nil || untreatedDeficit else { return nil }
        let name = index.label(lesion)
        let emergency = deficitEmergency(lesion.id, neuro: neuro, compressionEvent: event, date: index.assessedOn, radiotherapyFirst: false)
        let what = event.map { LocalizedText(en: "spinal cord compression recorded (\($0.date))", zh: "已记录脊髓压迫（\($0.date)）") }
            ?? LocalizedText(en: "neurological deficit recorded (\(neuro?.date.description ?? ""))", zh: "已记录神经功能障碍（\(neuro?.date.description ?? "")）")
        // A CT or MRI on record as its report only (an EHR's thoracic MRI sent as text, unseen
        // bundle ehr6) is the reading to record — "record the MRI's reading … or paste the
        // report" asked for what was already there.
        let recordIt = reportOnlyStudy([.mri, .ct]).map { study in
            LocalizedText(
                en: "No CT or MRI reading of this vertebra is recorded: the \(study.label.en) is on record as its report only — record its reading of this vertebra (ESCC on axial T2, collapse, alignment, posterior elements) from the report, and the neurological examination",
                zh: "病历中无该椎体的 CT 或 MRI 阅片记录：\(study.label.zhHans)仅有报告文本——请据报告录入该椎体的阅片结果（轴位 T2 的 ESCC 分级、椎体塌陷、脊柱序列、后方结构）及神经系统检查")
        } ?? LocalizedText(
            en: "No CT or MRI reading of this vertebra is on record: record the MRI's reading (ESCC on axial T2, collapse, alignment, posterior elements — or paste the report) and the neurological examination",
            zh: "病历中无该椎体的 CT 或 MRI 阅片记录：请录入 MRI 阅片结果（轴位 T2 的 ESCC 分级、椎体塌陷、脊柱序列、后方结构——或粘贴报告）及神经系统检查")
        return Finding(
            ruleId: "surgery.lesion.notAssessable", severity: .urgent, duty: .surgery,
            specialty: .spineSurgery, subject: .lesion(lesion.id), date: index.assessedOn,
            title: LocalizedText(
                en: "\(name.en): \(what.en) — emergency spine referral",
                zh: "\(name.zhHans)：\(what.zhHans)——急诊脊柱外科转诊"),
            detail: LocalizedText(
                en: "\(emergency.en) Urgent spine-surgery and radiation-oncology referral. \(recordIt.en), so that SINS, ESCC and NOMS can guide the treatment.",
                zh: "\(emergency.zhHans)紧急请脊柱外科和放疗科会诊。\(recordIt.zhHans)，以便按 SINS、ESCC 和 NOMS 指导治疗。"),
            inputs: [FindingInput("anatomicReadings", "0"), FindingInput(event == nil ? "deficit" : "cordCompression", "\(event?.date ?? neuro?.date ?? index.assessedOn)")],
            sources: [Self.nice2023, Self.patchell2005, Sources.bilsky2010, Sources.fisher2010])
    }
}
