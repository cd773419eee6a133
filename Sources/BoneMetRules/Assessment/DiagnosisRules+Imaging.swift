/// Imaging by purpose (the source hospital: X-ray and CT with the bone window for diagnosis and
/// response, MRI before an operation and for the cord, bone scan or PET-CT to survey) and tracer
/// uptake without bone destruction (scenario 2).
extension DiagnosisRules {
    /// CT read without the bone window: bone destruction, the key evidence, can be missed.
    func ctWindowFindings() -> [Finding] {
        // Windows not recorded (an EHR's ImagingStudy, a report pasted without them) say nothing
        // of what was read: one advisory names those CTs, asking for the windows — each read
        // "was not read with the bone window" (a warning per CT) though its report named bone
        // destruction (cb20-z, 2026.12.111). The rules already give such a CT no power to
        // exclude destruction (`hasBoneWindowCT`).
        // A CT read only in its report is asked for its reading first (`readingNotRecordedFinding`);
        // its windows come with it — two advisories named one imported CT (unseen bundle b1).
        let unrecorded = index.studies.filter { $0.modality == .ct && $0.windows.isEmpty && !$0.readingNotRecorded }
        var findings: [Finding] = []
        if !unrecorded.isEmpty {
            let names = LocalizedText.joined(unrecorded.map(\.label), en: "; ", zh: "、")
            findings.append(Finding(
                ruleId: "diagnosis.imaging.ctWindowsNotRecorded", severity: .advisory, duty: .diagnosis, specialty: .radiology,
                subject: unrecorded.count == 1 ? .study(unrecorded[0].id) : .patient, date: unrecorded.map(\.date).max(),
                title: LocalizedText(
                    en: "\(names.en): windows not recorded — was the bone window read?",
                    zh: "\(names.zhHans)：未记录阅片窗位——是否阅骨窗？"),
                detail: LocalizedText(
                    en: "Bone destruction on the CT bone window is the key evidence of a bone metastasis, and the soft-tissue window alone misses it. Record the windows read: until then a CT that saw no destruction does not exclude it.",
                    zh: "CT 骨窗上的骨质破坏是骨转移的关键证据，仅看软组织窗会漏诊。请记录阅片窗位：在此之前，该 CT 未见骨质破坏不能排除破坏。"),
                inputs: [FindingInput("studies", unrecorded.map(\.id).joined(separator: ","))], sources: [Self.sourceHospital]))
        }
        return findings + index.studies.filter { $0.modality == .ct && !$0.windows.isEmpty && !$0.windows.contains(.bone) }.map { study in
            // In clinical words in each language (the Chinese page showed "softTissue").
            let read = LocalizedText.joined(study.windows.map(\.label), en: ", ", zh: "、")
            return Finding(
                ruleId: "diagnosis.imaging.ctWithoutBoneWindow", severity: .warning, duty: .diagnosis, specialty: .radiology,
                subject: .study(study.id), date: study.date,
                title: LocalizedText(
                    en: "\(study.label.en) was not read with the bone window",
                    zh: "\(study.label.zhHans) 未阅骨窗"),
                detail: LocalizedText(
                    en: "Bone destruction on the CT bone window is the key evidence of a bone metastasis; the soft-tissue window alone misses it. Re-read this CT with the bone window (a complete read is soft-tissue + bone window + contrast). Windows read: \(read.en).",
                    zh: "CT 骨窗上的骨质破坏是骨转移的关键证据，仅看软组织窗会漏诊。请用骨窗重新阅片（完整阅片 = 软组织窗 + 骨窗 + 增强）。已阅窗位：\(read.zhHans)。"),
                inputs: [FindingInput("windows", study.windows.map(\.rawValue).joined(separator: ","))], sources: [Self.sourceHospital])
        }
    }

    func imagingByPurposeFindings() -> [Finding] {
        var findings: [Finding] = []
        let lesions = index.metastaticLesions
        // A whole-body CT or MRI screens the whole skeleton too (and is myeloma's own survey); a
        // bone scan or PET-CT of one region (SPECT of the pelvis) does not.
        // A survey done whose lesions are not recorded is not ordered again: the advisory on
        // studies read only in their reports asks for its reading.
        if !lesions.isEmpty && !index.skeletonSurveyed && !index.skeletonSurveyUnread {
            // Myeloma's lesions are lytic without osteoblastic reaction: a bone scan misses them,
            // and whole-body low-dose CT (or PET-CT, whole-body MRI) is the survey (IMWG 2019).
            let myeloma = index.bonePrimaryCandidates.contains { [.myeloma, .plasmacytoma].contains($0.effectiveHistology) || $0.site == .myeloma }
            // While myeloma is only suspected the survey must be able to show it: a bone scan
            // that misses its lesions would seem to answer the question. A 67-year-old with lytic
            // skull, humerus and L2 lesions, no primary and CRAB met was told "bone scan (ECT) or
            // PET-CT" beside "myeloma in the differential" (unseen record cb92-d, rule set .334).
            let suspected = !myeloma && myelomaInDifferential
            findings.append(purposeFinding(
                "diagnosis.imaging.wholeBodyScreening", subject: .patient,
                title: LocalizedText(en: "No whole-body screening on record", zh: "无全身筛查记录"),
                detail: myeloma
                    ? LocalizedText(
                        en: "Whole-body imaging for myeloma: whole-body low-dose CT, PET-CT or whole-body MRI — a bone scan misses myeloma's lytic lesions.",
                        zh: "骨髓瘤的全身影像：全身低剂量 CT、PET-CT 或全身 MRI——骨扫描会漏诊骨髓瘤的溶骨性病灶。")
                    : suspected
                    ? LocalizedText(
                        en: "Whole-body screening for other bone lesions. Myeloma is in the differential: whole-body low-dose CT or PET-CT (or whole-body MRI) — a bone scan misses myeloma's lytic lesions, so a scan without them does not exclude it. Confirm what it finds on X-ray/CT.",
                        zh: "全身筛查其他骨病灶。鉴别诊断中有骨髓瘤：首选全身低剂量 CT 或 PET-CT（或全身 MRI）——骨扫描会漏诊骨髓瘤的溶骨性病灶，骨扫描阴性不能排除骨髓瘤。筛查发现需经 X 线 / CT 确认。")
                    : LocalizedText(
                        en: "Whole-body screening for other bone lesions: bone scan (ECT) or PET-CT. Confirm what it finds on X-ray/CT.",
                        zh: "全身筛查其他骨病灶：骨扫描（ECT）或 PET-CT；筛查发现需经 X 线 / CT 确认。"),
                also: myeloma || suspected ? [Self.hillengass2019] : []))
        }
        // Lesions without an X-ray or CT bone-window read: one finding for all of them (six
        // bone-scan foci gave six identical advisories), naming each.
        let unread = lesions.filter { lesion in
            !index.presentPoints(lesion.id).contains { $0.study.modality == .xray || $0.study.hasBoneWindowCT }
        }
        if let first = unread.first {
            let names = LocalizedText.joined(unread.map { index.label($0) }, en: "; ", zh: "、")
            findings.append(Finding(
                ruleId: "diagnosis.imaging.diagnosticImaging", severity: .advisory, duty: .diagnosis, specialty: .radiology,
                subject: unread.count == 1 ? .lesion(first.id) : .patient, date: index.assessedOn,
                title: unread.count == 1
                    ? LocalizedText(en: "\(names.en): no X-ray or CT bone-window read", zh: "\(names.zhHans)：无 X 线或 CT 骨窗阅片")
                    : LocalizedText(
                        en: "\(unread.count) lesions without an X-ray or CT bone-window read: \(names.en)",
                        zh: "\(unread.count) 处病灶无 X 线或 CT 骨窗阅片：\(names.zhHans)"),
                detail: LocalizedText(
                    en: "For diagnosis and response assessment use plain X-ray and CT (soft-tissue + bone window + contrast); X-ray shows lytic / blastic / mixed character.",
                    zh: "诊断和疗效评估应使用 X 线和 CT（软组织窗 + 骨窗 + 增强）；X 线可判断溶骨 / 成骨 / 混合性。"),
                inputs: [FindingInput("lesions", unread.map(\.id).joined(separator: ","))], sources: [Self.sourceHospital]))
        }
        // An MRI on record as its report only: its reading is asked for, not another MRI (below).
        let reportOnlyMRI = index.studies.contains { $0.modality == .mri && $0.readingNotRecorded && index.known($0.date) }
        for lesion in lesions {
            let points = index.presentPoints(lesion.id)
            // Judged on the X-ray/CT/MRI reads only: a bone-scan hot spot read on a film alone
            // still needs the CT (a rib seen on both was not told so).
            let anatomic = points.filter(\.readsBone)
            if lesion.bone == .rib && !anatomic.isEmpty && anatomic.allSatisfy({ $0.study.modality == .xray }) {
                findings.append(purposeFinding(
                    "diagnosis.imaging.ribOnXray", subject: .lesion(lesion.id),
                    title: LocalizedText(en: "\(index.label(lesion).en): ribs are poorly seen on X-ray", zh: "\(index.label(lesion).zhHans)：X 线对肋骨显示不佳"),
                    detail: LocalizedText(en: "Assess rib lesions on CT with the bone window.", zh: "肋骨病灶请用 CT 骨窗评估。")))
            }
            let surgeryPlanned = index.treatments.contains { $0.planned && index.isOperation($0) && $0.lesions.contains(lesion.id) }
            // A deficit recorded for the patient and treated since at a spinal lesion asks no
            // pre-operative MRI any more (`spinalLesionsTreated(since:)`).
            let deficit = index.latestNeurology(for: lesion.id).map { neuro in
                neuro.showsDeficit && (neuro.lesion != nil || index.spinalLesionsTreated(since: neuro).isEmpty)
            } ?? false
            // An MRI on record as its report only is there: its reading is asked for
            // (`diagnosis.imaging.readingNotRecorded`), not another MRI (unseen bundle ehr18 read
            // "T5 vertebra: MRI needed" beside the thoracic MRI's report).
            let hasMRI = reportOnlyMRI || points.contains { $0.study.modality == .mri }
            guard !hasMRI && (surgeryPlanned || (lesion.isSpinal && deficit)) else { continue }
            // An MRI since the lesion was first seen that imaged its region and records no
            // reading of it was done: its reading is asked for, not another MRI (unseen record
            // cb114-e: a pelvis and thoracic-spine MRI read for T5 only, and the planned iliac
            // resection asked for "MRI needed").
            let unreadMRI = points.first.flatMap { first in
                index.studies.last { study in
                    study.modality == .mri && !study.readingNotRecorded && index.known(study.date)
                        && study.date.latestDay >= first.study.date.earliestDay
                        && study.observation(of: lesion.id) == nil && study.covers(lesion)
                }
            }
            if let mri = unreadMRI {
                let label = index.label(lesion)
                findings.append(purposeFinding(
                    "diagnosis.imaging.mriNotReadForLesion", subject: .lesion(lesion.id),
                    title: LocalizedText(
                        en: "\(label.en): the MRI of \(mri.date) imaged it — its reading is not recorded",
                        zh: "\(label.zhHans)：\(mri.date) MRI 已包括该部位——未录入其判读"),
                    detail: lesion.isSpinal
                        ? LocalizedText(
                            en: "Record what that MRI shows of this lesion — its extent and the spinal cord compression (ESCC on axial T2); no new MRI is needed for it.",
                            zh: "请录入该 MRI 对此病灶的所见——范围及脊髓压迫（轴位 T2 ESCC 分级）；无需为此另行 MRI。")
                        : LocalizedText(
                            en: "Record what that MRI shows of this lesion — its pre-operative extent in the marrow and soft tissue; no new MRI is needed for it.",
                            zh: "请录入该 MRI 对此病灶的所见——术前在骨髓和软组织内的范围；无需为此另行 MRI。")))
            } else if lesion.isSpinal && deficit {
                // A deficit at an unimaged spinal lesion is the emergency the spine finding names
                // (whole-spine MRI within 24 hours, NICE NG234): the same MRI asked here as an
                // advisory read as if it could wait (unseen record cb123-d, 2026-12-06).
                findings.append(Finding(
                    ruleId: "diagnosis.imaging.preoperativeMRI", severity: .urgent, duty: .diagnosis, specialty: .radiology,
                    subject: .lesion(lesion.id), date: index.assessedOn,
                    title: LocalizedText(
                        en: "\(index.label(lesion).en): whole-spine MRI within 24 hours",
                        zh: "\(index.label(lesion).zhHans)：24 小时内行全脊柱 MRI"),
                    detail: LocalizedText(
                        en: "A neurological deficit is recorded and this spinal lesion has no MRI: suspected metastatic spinal cord compression (of the cord or the cauda equina). MRI of the whole spine within 24 hours shows the compression (ESCC on axial T2), its extent and any other level; definitive treatment follows within 24 hours of it.",
                        zh: "已记录神经功能障碍，而此脊柱病灶尚无 MRI：疑似转移性脊髓压迫（脊髓或马尾神经）。24 小时内行全脊柱 MRI，显示压迫程度（轴位 T2 ESCC 分级）、范围及其他节段；确认后 24 小时内行确定性治疗。"),
                    sources: [Self.sourceHospital, SurgeryRules.nice2023]))
            } else {
                findings.append(purposeFinding(
                    "diagnosis.imaging.preoperativeMRI", subject: .lesion(lesion.id),
                    title: LocalizedText(en: "\(index.label(lesion).en): MRI needed", zh: "\(index.label(lesion).zhHans)：需行 MRI"),
                    detail: lesion.isSpinal
                        ? LocalizedText(
                            en: "MRI shows the pre-operative extent and spinal cord compression (ESCC grading on axial T2).",
                            zh: "MRI 用于显示术前范围及脊髓压迫（轴位 T2 行 ESCC 分级）。")
                        : LocalizedText(
                            en: "MRI shows the pre-operative extent in the marrow and soft tissue.",
                            zh: "MRI 用于显示术前病灶在骨髓和软组织内的范围。")))
            }
        }
        return findings
    }

    func purposeFinding(
        _ rule: String, subject: FindingSubject, title: LocalizedText, detail: LocalizedText, also: [Citation] = []
    ) -> Finding {
        Finding(
            ruleId: rule, severity: .advisory, duty: .diagnosis, specialty: .radiology, subject: subject, date: index.assessedOn,
            title: title, detail: detail, sources: [Self.sourceHospital] + also)
    }

    /// Bone-scan uptake without CT destruction is not a metastasis (scenario 2).
    func uptakeWithoutDestruction() -> (findings: [Finding], lesions: Set<String>, biopsyAdvised: Bool) {
        var findings: [Finding] = []
        var lesions: Set<String> = []
        // PET-CT uptake and abnormal marrow signal on MRI at a lesion the CT bone window finds
        // intact: two readings against one, imaging cannot decide now — pathology does (source
        // hospital: pathology is the gold standard when imaging cannot decide). A bone scan's
        // uptake is the bone's reaction and follows fractures, degeneration and healing, hence
        // "follow up on the bone window"; a PET-CT's marks the tumour's own metabolism, and
        // marrow metastases — lobular breast cancer's above all — replace marrow before they
        // destroy bone. cb46-a: a lobular breast cancer on anastrozole, CA 15-3 rising, L3 and
        // ilium hot on PET-CT with marrow replaced on MRI, read "do not diagnose … follow up".
        let disagreeing = index.seenLesions.filter { lesion in
            index.uptakeWithoutDestruction(lesion.id) != nil
                && index.presentPoints(lesion.id).contains { $0.study.modality == .petCt && $0.observation.uptake == true }
                && index.presentPoints(lesion.id).last(where: { $0.study.modality == .mri && $0.observation.normalSignal != nil })?.observation.normalSignal == false
        }
        if !disagreeing.isEmpty {
            findings.append(imagingDisagreesFinding(disagreeing))
            lesions.formUnion(disagreeing.map(\.id))
        }
        for lesion in index.seenLesions where !lesions.contains(lesion.id) {
            guard let ct = index.uptakeWithoutDestruction(lesion.id) else { continue }
            lesions.insert(lesion.id)
            let reading = Self.boneReading(ct.study)
            let irradiated = index.localTreatments(lesion.id, kind: .radiotherapy).contains { !$0.planned }
            let field = irradiated
                ? LocalizedText(en: " The lesion lies in an irradiated field, where uptake from treated or healing bone is expected.", zh: "病灶位于放疗野内，治疗后或修复中的骨可出现浓聚。")
                : LocalizedText(en: "", zh: "")
            // A fracture or collapse at the hot spot explains its uptake (unseen record cb39-b: an
            // H-shaped sacral uptake, fracture lines without destruction on the CT, after pelvic
            // radiotherapy): the other reading is named, as `collapseWithoutDestruction` names it.
            let collapsed = index.presentPoints(lesion.id).contains { [.under50, .over50].contains($0.observation.collapse) }
            let broken = index.brokenOnRecord(lesion.id)
                ? (collapsed
                    ? LocalizedText(
                        en: " A collapse is recorded here: a collapsing or healing fracture takes up tracer, and an osteoporotic (insufficiency) fracture is the other reading of both.",
                        zh: "此处记录有椎体塌陷：塌陷或愈合中的骨折可出现浓聚，骨质疏松性（功能不全性）骨折可同时解释二者。")
                    : LocalizedText(
                        en: " A fracture is recorded here: a healing fracture takes up tracer, and an osteoporotic (insufficiency) fracture is the other reading of both.",
                        zh: "此处记录有骨折：愈合中的骨折可出现浓聚，骨质疏松性（功能不全性）骨折可同时解释二者。"))
                : LocalizedText(en: "", zh: "")
            let mri = mriSignal(lesion.id)
            findings.append(Finding(
                ruleId: "diagnosis.uptakeWithoutDestruction", severity: .advisory, duty: .diagnosis, specialty: .orthopaedics,
                subject: .lesion(lesion.id), date: ct.study.date,
                title: LocalizedText(
                    en: "\(index.label(lesion).en): uptake without bone destruction — not a metastasis diagnosis",
                    zh: "\(index.label(lesion).zhHans)：有浓聚但无骨质破坏——不诊断骨转移"),
                detail: LocalizedText(
                    en: "Tracer uptake, but the \(reading.en) (\(ct.study.date)) shows no bone destruction\(ct.observation.present ? "" : " — no lesion at all"). Do not diagnose or treat it as a metastasis; follow up on the CT bone window.\(broken.en)\(field.en)\(mri.en)",
                    zh: "有放射性浓聚，但\(reading.zhHans)（\(ct.study.date)）未见骨质破坏\(ct.observation.present ? "" : "，亦未见病灶")。不应诊断或按骨转移治疗；请以 CT 骨窗随访。\(broken.zhHans)\(field.zhHans)\(mri.zhHans)"),
                inputs: [FindingInput("uptake", "true"), FindingInput("boneDestruction", "false"), FindingInput("irradiated", irradiated.description),
                         FindingInput("fractureOrCollapse", index.brokenOnRecord(lesion.id).description)],
                sources: [Self.sourceHospital]))
        }
        return (findings, lesions, !disagreeing.isEmpty)
    }

    /// PET-CT uptake and abnormal MRI signal at lesions the CT bone window finds intact: not yet
    /// a metastasis diagnosis, and not a matter for follow-up — one image-guided biopsy of the
    /// most accessible decides (source hospital: pathology when imaging cannot decide). One
    /// finding for them all: one biopsy answers.
    func imagingDisagreesFinding(_ lesions: [Lesion]) -> Finding {
        let readings = lesions.map { lesion -> LocalizedText in
            let points = index.presentPoints(lesion.id)
            let pet = points.last { $0.study.modality == .petCt && $0.observation.uptake == true }.map { "\($0.study.date)" } ?? ""
            let mri = points.last { $0.study.modality == .mri && $0.observation.normalSignal == false }.map { "\($0.study.date)" } ?? ""
            let ct = index.uptakeWithoutDestruction(lesion.id)
            let reading = ct.map { Self.boneReading($0.study) } ?? LocalizedText(en: "CT bone window", zh: "CT 骨窗")
            let ctDate = ct.map { "\($0.study.date)" } ?? ""
            return LocalizedText(
                en: "\(index.label(lesion).en): uptake on the PET-CT (\(pet)), abnormal marrow signal on the MRI (\(mri)), no destruction on the \(reading.en) (\(ctDate))",
                zh: "\(index.label(lesion).zhHans)：PET-CT（\(pet)）有浓聚，MRI（\(mri)）骨髓信号异常，\(String(reading.zhHans.drop { $0 == " " }))（\(ctDate)）未见骨质破坏")
        }
        let names = LocalizedText.joined(lesions.map { index.label($0) }, en: "; ", zh: "、")
        let list = LocalizedText.joined(readings, en: "; ", zh: "；")
        let one = lesions.count > 1
            ? LocalizedText(en: " One biopsy of the most accessible of them answers for all.", zh: "选最易取材者活检一处即可。")
            : LocalizedText(en: "", zh: "")
        let first = lesions[0]
        return Finding(
            ruleId: "diagnosis.uptakeWithoutDestruction", severity: .warning, duty: .diagnosis, specialty: .orthopaedics,
            subject: lesions.count == 1 ? .lesion(first.id) : .patient,
            date: lesions.compactMap { index.uptakeWithoutDestruction($0.id)?.study.date }.max() ?? index.assessedOn,
            title: LocalizedText(
                en: "\(names.en): PET-CT and MRI abnormal, no bone destruction — pathology decides",
                zh: "\(names.zhHans)：PET-CT 与 MRI 异常而无骨质破坏——由病理定论"),
            detail: LocalizedText(
                en: "\(list.en.sentenceStart). Imaging disagrees and cannot decide — metastases in the marrow can precede destruction. Not a metastasis diagnosis yet, and no response or progression is judged on it: an image-guided biopsy decides (pathology is the gold standard).\(one.en)",
                zh: "\(list.zhHans)。影像结论不一致，无法定性——骨髓内转移可先于骨质破坏出现。目前尚不能诊断骨转移，也不据此判断疗效或进展：请行影像引导下活检（病理是金标准）。\(one.zhHans)"),
            inputs: [FindingInput("uptake", "petCt"), FindingInput("mriSignal", "abnormal"), FindingInput("boneDestruction", "false"),
                     FindingInput("lesions", lesions.map(\.id).joined(separator: ","))],
            sources: [Self.sourceHospital], claims: lesions.map { Claim(.biopsy, about: $0.id, "biopsy") })
    }
}
