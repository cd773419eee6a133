/// Radiotherapy in NOMS: the lesion's radiosensitivity ("O"), the courses it already had, and a
/// compressed or unstable vertebra whose radiotherapy began on or after the study that showed
/// it — the definitive treatment is under way or given (NICE NG234: surgery and/or radiotherapy),
/// so NOMS no longer proposes it — unless the spine is unstable, which radiotherapy does not
/// mend (SINS 13–18: stabilisation, Fisher 2010; Laufer 2013).
extension SurgeryRules {
    func radiotherapyGiven(
        _ course: Treatment, after study: PartialDate, deficit: Bool, sins: SINS.Result, sinsText: String
    ) -> (severity: Severity, text: LocalizedText, sources: [Citation]) {
        var sources: [Citation] = []
        let lag = course.start.map { $0.earliestDay - study.latestDay }
        let when: LocalizedText = lag.map { days in
            days <= 0
                ? LocalizedText(en: " (begun the day of the study of \(study))", zh: "（\(study) 检查当日开始）")
                : LocalizedText(en: " (begun \(days) day\(days == 1 ? "" : "s") after the study of \(study))", zh: "（\(study) 检查后 \(days) 天开始）")
        } ?? LocalizedText(en: "", zh: "")
        var late = LocalizedText(en: "", zh: "")
        if deficit, let lag, lag >= 2 {
            late = LocalizedText(
                en: " With a neurological deficit NICE NG234 asks for definitive treatment within 24 hours of the confirming MRI.",
                zh: "有神经功能障碍时，NICE NG234 要求确诊 MRI 后 24 小时内完成确定性治疗。")
            sources.append(Self.nice2023)
        }
        let follow = deficit
            ? LocalizedText(
                en: " Follow the neurology closely: a deficit that progresses under radiotherapy needs urgent spine-surgery review.",
                zh: "密切随访神经功能：放疗期间神经功能障碍加重需紧急请脊柱外科评估。")
            : LocalizedText(en: "", zh: "")
        if sins.category == .unstable {
            return (.warning, LocalizedText(
                en: "Radiotherapy given: \(course.label.en)\(when.en), but SINS \(sinsText) is unstable and radiotherapy does not restore stability — spine-surgery review for stabilisation.\(late.en)\(follow.en)",
                zh: "已放疗：\(course.label.zhHans)\(when.zhHans)，但 SINS \(sinsText) 分提示不稳定，放疗不能恢复稳定性——请脊柱外科评估稳定手术。\(late.zhHans)\(follow.zhHans)"), sources)
        }
        // Potentially unstable (7–12) is a surgical consultation of its own (Fisher 2010), which
        // the course does not answer: a small-cell T6 at SINS 9, collapsed with mechanical pain,
        // read "Treated: T6 radiotherapy" (info) once irradiated (unseen record cb63-a).
        if sins.category == .potentiallyUnstable {
            return (.warning, LocalizedText(
                en: "Radiotherapy given: \(course.label.en)\(when.en), but SINS \(sinsText) is potentially unstable (7–12) and radiotherapy does not restore stability — spine-surgery consultation (open stabilisation, or cement augmentation for axial-load pain without gross instability).\(late.en)\(follow.en)",
                zh: "已放疗：\(course.label.zhHans)\(when.zhHans)，但 SINS \(sinsText) 分提示潜在不稳定（7–12 分），放疗不能恢复稳定性——请脊柱外科会诊（开放稳定手术，或无明显不稳的轴向负荷痛行骨水泥强化）。\(late.zhHans)\(follow.zhHans)"), sources)
        }
        if sins.category == nil, sins.total.max >= 13 {
            return (.advisory, LocalizedText(
                en: "Radiotherapy given: \(course.label.en)\(when.en). SINS \(sinsText) may be unstable, which radiotherapy does not mend: complete the missing items (\(sins.total.missing.joined(separator: ", "))).\(late.en)\(follow.en)",
                zh: "已放疗：\(course.label.zhHans)\(when.zhHans)。SINS \(sinsText) 分可能提示不稳定，而放疗不能恢复稳定性：请补全缺失项（\(Self.sinsMissing(sins.total.missing))）。\(late.zhHans)\(follow.zhHans)"), sources)
        }
        return (.info, LocalizedText(
            en: "Treated: \(course.label.en)\(when.en).\(late.en)\(follow.en)",
            zh: "已处理：\(course.label.zhHans)\(when.zhHans)。\(late.zhHans)\(follow.zhHans)"), sources)
    }

    /// Radiotherapy after a decompression: NOMS (Laufer 2013) follows decompression or separation
    /// surgery with radiotherapy (stereotactic for radioresistant tumours), as Patchell 2005 gave
    /// surgery plus radiotherapy. A T4 decompressed for ESCC 3 read "Treated: decompression" with
    /// its planned course unnamed (cb23-i). For a decompression or separation surgery, or any
    /// spinal operation of a compressed cord: the course given or planned since, else that none is
    /// on record (`missing`). Nil for other operations (cement for pain alone).
    func radiotherapyAfterDecompression(_ lesion: String, operation: Treatment, compressed: Bool) -> (text: LocalizedText, missing: Bool)? {
        guard [.decompression, .separationSurgery].contains(operation.procedure) || compressed,
            operation.procedure != .cementAugmentation, let day = operation.start else { return nil }
        let courses = index.localTreatments(lesion, kind: .radiotherapy)
        if let given = courses.last(where: { !$0.planned && ($0.start.map { $0.latestDay >= day.earliestDay } ?? false) }) {
            return (LocalizedText(en: "Radiotherapy after it: \(given.label.en).", zh: "术后放疗：\(given.label.zhHans)。"), false)
        }
        if let planned = courses.first(where: \.planned) {
            return (LocalizedText(en: "Radiotherapy after it planned: \(planned.label.en).", zh: "已计划术后放疗：\(planned.label.zhHans)。"), false)
        }
        // Irradiated before the operation: more is a re-irradiation, radiation oncology's
        // decision (as `priorRadiotherapy` says before any course), not a gap to fill.
        if let before = courses.last(where: { !$0.planned && $0.start != nil }) {
            return (LocalizedText(
                en: "Irradiated before it (\(before.label.en)): radiotherapy after the operation would be a re-irradiation — radiation oncology decides.",
                zh: "术前已放疗（\(before.label.zhHans)）：术后再放疗属再程放疗——由放疗科决定。"), false)
        }
        let radioresistant = radiosensitivity(of: lesion).value == .resistant
        return (LocalizedText(
            en: "No radiotherapy after it is on record: NOMS follows decompression with radiotherapy\(radioresistant ? " — stereotactic radiosurgery for this radioresistant histology" : "").",
            zh: "病历中无术后放疗：NOMS 要求减压术后行放疗\(radioresistant ? "——本病理类型放疗抵抗，宜立体定向放射外科" : "")。"), true)
    }

    /// NOMS "O" for one lesion: from its primary's histology; with several candidate primaries
    /// that disagree, unknown until biopsy; a myeloma or lymphoma on the lesion's own biopsy that
    /// is not yet recorded as a primary is what the lesion is.
    func radiosensitivity(of lesion: String) -> (value: Radiosensitivity, text: LocalizedText) {
        let candidates = index.primaryCandidates(for: lesion)
        let values = Set(candidates.map(\.radiosensitivity))
        // A breast cancer's L4, its biopsy plasma-cell myeloma, read "O: breast — radiosensitive".
        if index.biopsyPrimary(lesion) == nil, let biopsy = index.diagnosticBiopsy(lesion),
            let disease = biopsy.result == .myeloma ? PrimarySite.myeloma : biopsy.result == .lymphoma ? PrimarySite.lymphoma : nil
        {
            return (.sensitive, LocalizedText(
                en: "O: \(disease.label.en) on its biopsy of \(biopsy.date) — radiosensitive",
                zh: "O：\(biopsy.date) 活检示\(disease.label.zhHans)——放疗敏感"))
        }
        // Several candidates alike: each named, not the first as if it were the one.
        if candidates.count > 1, values.count == 1, let value = values.first {
            let names = LocalizedText.joined(candidates.map(\.label), en: " or ", zh: "或")
            return (value, value == .unknown
                ? LocalizedText(en: "O: \(names.en) — \(value.label.en)", zh: "O：\(names.zhHans)——\(value.label.zhHans)")
                : LocalizedText(en: "O: \(names.en) — either \(value.label.en)", zh: "O：\(names.zhHans)——均\(value.label.zhHans)"))
        }
        if candidates.count > 1 && values.count > 1 {
            let list = LocalizedText.joined(
                candidates.map { LocalizedText(en: "\($0.label.en) \($0.radiosensitivity.label.en)", zh: "\($0.label.zhHans)\($0.radiosensitivity.label.zhHans)") },
                en: "; ", zh: "；")
            return (.unknown, LocalizedText(
                en: "O: depends on the primary (\(list.en)) — biopsy decides", zh: "O：取决于原发灶（\(list.zhHans)）——需活检确定"))
        }
        guard let primary = candidates.first, let value = values.first else {
            // A carcinoma of unknown primary has its histology: what is missing is the primary
            // (NOMS classes radiosensitivity by tumour type) — "histology needed" was said of an
            // adenocarcinoma proven in bone.
            // The histology is the unknown primary's, or that of a biopsy that proved a
            // metastasis (a CUP's iliac "adenocarcinoma, TTF-1+" read "histology needed").
            let recorded = index.record.primaries.first(where: { $0.site == .unknown })?.histology.flatMap { $0.isEmpty ? nil : $0 }
            let biopsied = index.record.biopsies.last { biopsy in
                biopsy.result == .metastasis && index.known(biopsy.date) && !(biopsy.histology ?? "").isEmpty
            }?.histology
            if let histology = recorded ?? biopsied {
                return (.unknown, LocalizedText(
                    en: "O: radiosensitivity unknown — primary not identified (\(histology)); it follows the primary once found",
                    zh: "O：放疗敏感性未知——原发灶未明（\(histology)）；待原发灶明确后确定"))
            }
            return (.unknown, LocalizedText(en: "O: radiosensitivity unknown (histology needed)", zh: "O：放疗敏感性未知（需组织学）"))
        }
        // A histology on record that the NOMS sources do not class (a carcinoid, a neuroendocrine
        // carcinoma, an adenocarcinoma of an organ without a class): "histology needed" asked
        // for what was there (a lung carcinoid read "lung cancer of unrecorded histology").
        if value == .unknown, primary.effectiveHistology != nil {
            return (.unknown, LocalizedText(
                en: "O: \(primary.label.en) — a tumour type the radiosensitivity classes of NOMS do not name: radiation oncology judges it",
                zh: "O：\(primary.label.zhHans)——NOMS 的放疗敏感性分类未包括此肿瘤类型：由放疗科判断"))
        }
        // A pathology text on record that names no type the rules read, of an organ the NOMS
        // classes do not name either: the histology is there, the class is not — "histology
        // needed" asked for what was recorded (cb79-c: a nasopharyngeal "非角化性未分化型癌").
        if value == .unknown && primary.site != .lung, let text = primary.histology, !text.isEmpty {
            return (.unknown, LocalizedText(
                en: "O: \(primary.label.en), \"\(text)\" — a tumour type the radiosensitivity classes of NOMS do not name: radiation oncology judges it",
                zh: "O：\(primary.label.zhHans)，“\(text)”——NOMS 的放疗敏感性分类未包括此肿瘤类型：由放疗科判断"))
        }
        if value == .unknown && primary.site == .lung, let text = primary.histology, !text.isEmpty {
            return (.unknown, LocalizedText(
                en: "O: lung cancer, \"\(text)\" — not read as small-cell (radiosensitive) or non-small-cell (radioresistant): record the histology type, or radiation oncology judges it",
                zh: "O：肺癌，“\(text)”——未能判读为小细胞（放疗敏感）或非小细胞（放疗抵抗）：请记录组织学类型，或由放疗科判断"))
        }
        if value == .unknown && primary.site == .lung {
            return (.unknown, LocalizedText(
                en: "O: lung cancer of unrecorded histology — small-cell is radiosensitive, non-small-cell radioresistant (record the histology)",
                zh: "O：肺癌组织学未记录——小细胞肺癌放疗敏感，非小细胞肺癌放疗抵抗（请记录组织学类型）"))
        }
        let moderately = primary.effectiveHistology.map { [.nonSmallCellCarcinoma, .adenocarcinoma, .squamousCellCarcinoma].contains($0) } == true
            && primary.site == .lung
        return (value, LocalizedText(
            en: "O: \(primary.label.en) — \(value.label.en)\(moderately ? " (NSCLC moderately)" : "")",
            zh: "O：\(primary.label.zhHans)——\(value.label.zhHans)\(moderately ? "（非小细胞肺癌为中度）" : "")"))
    }

    /// Radiotherapy already given to the lesion before a study, with the cumulative dose on
    /// record. A course begun on or after the study is the treatment of what it showed, not
    /// a prior course (`radiotherapyGiven`).
    func priorRadiotherapy(_ lesion: String, before study: PartialDate) -> (courses: [Treatment], totalGy: Double?)? {
        let courses = index.localTreatments(lesion, kind: .radiotherapy).filter { course in
            !course.planned && (course.start.map { $0.earliestDay < study.earliestDay } ?? true)
        }
        guard !courses.isEmpty else { return nil }
        let doses = courses.compactMap(\.doseGy)
        return (courses, doses.count == courses.count ? doses.reduce(0, +) : nil)
    }
}

extension SurgeryRules {
    /// What a radiotherapy course planned for a spinal lesion (no operation given or planned)
    /// leaves undone: the stability of an unstable spine (SINS 13–18), which radiotherapy does not
    /// restore (Fisher 2010; NOMS, Laufer 2013 — as for a course already given), and the tissue
    /// diagnosis of an undiagnosed lesion, which comes before it. An unstable T12 (SINS 18,
    /// subluxed) of a breast cancer 5½ years out, lytic and unbiopsied, read "spine-surgery
    /// consultation … Planned: radiotherapy 20 Gy in 5 fractions" (unseen record cb132-c).
    /// A decision recorded since the scoring study (`spineDecision`) is quoted in place of asking
    /// for one.
    /// With a compression whose recommendation is an operation first (`surgeryFirst`: a
    /// radioresistant tumour's high-grade ESCC, a deficit — Patchell 2005 —, an irradiated
    /// level), the course planned alone is said to be short of it (NOMS, Laufer 2013).
    func plannedRadiotherapyCaveat(
        sins: SINS.Result, sinsText: String, unstable: Bool, tissueFirst: Bool, surgeryFirst: Bool = false, decided: LocalizedText?
    ) -> LocalizedText {
        var en: [String] = []
        var zh: [String] = []
        // What the course leaves undone, then the decision on record — or what is to be decided.
        func say(_ lead: LocalizedText, ask: LocalizedText) {
            if let decided {
                en.append("\(lead.en). \(decided.en)")
                zh.append("\(lead.zhHans)。\(decided.zhHans)")
            } else {
                en.append("\(lead.en): \(ask.en)")
                zh.append("\(lead.zhHans)：\(ask.zhHans)")
            }
        }
        if surgeryFirst {
            let instability = unstable && sins.category == .unstable
            say(
                LocalizedText(
                    en: "The course planned is radiotherapy alone, where decompression or separation surgery was recommended before it\(instability ? ", and radiotherapy does not restore stability (SINS \(sinsText), unstable)" : "")",
                    zh: "已计划的仅为放疗，而建议是先行减压或分离手术\(instability ? "，且放疗不能恢复稳定性（SINS \(sinsText) 分，不稳定）" : "")"),
                ask: LocalizedText(
                    en: "the operation is decided before the course begins, or the reason it is not done (not fit for surgery, declined) is recorded.",
                    zh: "应在放疗开始前决定手术，或记录不手术的理由（不适合手术、拒绝）。"))
        } else if unstable, sins.category == .unstable {
            say(
                LocalizedText(en: "Radiotherapy does not restore stability (SINS \(sinsText), unstable)", zh: "放疗不能恢复稳定性（SINS \(sinsText) 分，不稳定）"),
                ask: LocalizedText(
                    en: "the stabilisation is decided before it begins, or the reason it is not done is recorded.",
                    zh: "应在放疗开始前决定稳定手术，或记录不手术的理由。"))
        }
        if tissueFirst {
            en.append("It is planned before any tissue diagnosis: the biopsy comes first.")
            zh.append("该放疗计划早于病理诊断：应先活检。")
        }
        return LocalizedText(en: en.map { " " + $0 }.joined(), zh: zh.joined())
    }
}
