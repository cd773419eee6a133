/// Checks across sections: unique ids, references to known lesions, dates in order, levels that
/// fit their bone. Each problem names the path of the field to fix.
enum CaseConsistency {
    /// `declaredLesionIds`, `declaredPrimaryIds`: the ids of lesion and primary entries that
    /// failed to read are not reported again where other sections name them.
    static func check(_ record: CaseRecord, log: ValidationLog, declaredLesionIds: Set<String> = [], declaredPrimaryIds: Set<String> = []) {
        plausibility(record, log: log, declaredPrimaryIds: declaredPrimaryIds)
        unique(record.lesions.map(\.id), section: "lesions", log: log)
        unique(record.studies.map(\.id), section: "studies", log: log)
        unique(record.treatments.map(\.id), section: "treatments", log: log)
        unique(record.primaries.map(\.id), section: "primaries", log: log)

        let lesionIds = record.lesions.map(\.id)
        let known = Set(lesionIds)
        // Paths are written only for a problem to report (issue #12: every stored case's
        // references and codes are checked at every read).
        func reference(_ id: String?, at path: @autoclosure () -> String) {
            guard let id, !known.contains(id), !declaredLesionIds.contains(id) else { return }
            if lesionIds.isEmpty {
                log.add(InputError(field: path(), problem: .custom(LocalizedText(
                    en: "unknown lesion \"\(id)\": the record defines no lesions (add it under \"lesions\")",
                    zh: "未知病灶 \"\(id)\"：病例中没有病灶记录（请在 \"lesions\" 中添加）"))))
            } else {
                log.add(InputError(field: path(), problem: .unknownValue(id, allowed: lesionIds)))
            }
        }
        for (s, study) in record.studies.enumerated() {
            var seen: Set<String> = []
            for (o, observation) in study.observations.enumerated() {
                reference(observation.lesion, at: "studies[\(s)].observations[\(o)].lesion")
                if !seen.insert(observation.lesion).inserted {
                    log.add(InputError(field: "studies[\(s)].observations[\(o)].lesion", problem: .custom(LocalizedText(
                        en: "this lesion is already observed in this study", zh: "该病灶在本次检查中已有观察记录"))))
                }
            }
        }
        for (t, treatment) in record.treatments.enumerated() {
            for (l, lesion) in treatment.lesions.enumerated() { reference(lesion, at: "treatments[\(t)].lesions[\(l)]") }
            if let start = treatment.start, let end = treatment.end, end.latestDay < start.earliestDay {
                log.add(InputError(field: "treatments[\(t)].end", problem: .custom(LocalizedText(
                    en: "ends before it starts (\(start))", zh: "结束日期早于开始日期（\(start)）"))))
            }
        }
        for (i, item) in record.pain.enumerated() { reference(item.lesion, at: "pain[\(i)].lesion") }
        for (i, item) in record.neurology.enumerated() { reference(item.lesion, at: "neurology[\(i)].lesion") }
        for (i, item) in record.biopsies.enumerated() { reference(item.lesion, at: "biopsies[\(i)].lesion") }
        for (i, item) in record.events.enumerated() { reference(item.lesion, at: "events[\(i)].lesion") }
        for (i, lesion) in record.lesions.enumerated() {
            guard let level = lesion.level else { continue }
            let fits = lesion.bone == .vertebra ? level.region != .sacral : lesion.bone == .sacrum ? level.region == .sacral : false
            if !fits {
                log.add(InputError(field: "lesions[\(i)].level", problem: .custom(LocalizedText(
                    en: "level \(level) does not fit bone \"\(lesion.bone.rawValue)\" (vertebra: C, T, L levels; sacrum: S levels)",
                    zh: "节段 \(level) 与骨 \"\(lesion.bone.rawValue)\" 不符（椎体：C、T、L 节段；骶骨：S 节段）"))))
            }
        }
    }

    /// Facts that contradict the calendar or the anatomy (issue #8): each names its field.
    static func plausibility(_ record: CaseRecord, log: ValidationLog, declaredPrimaryIds: Set<String> = []) {
        func custom(_ path: String, _ en: String, _ zh: String) {
            log.add(InputError(field: path, problem: .custom(LocalizedText(en: en, zh: zh))))
        }
        // A birth date after any clinical fact is a data-entry error.
        if let birth = record.patient.birthDate {
            var facts: [PartialDate] = record.studies.map(\.date) + record.labs.map(\.date) + record.biopsies.map(\.date)
            facts += record.treatments.compactMap(\.start) + record.primaries.compactMap(\.diagnosed) + record.events.map(\.date)
            facts += record.pain.map(\.date) + record.neurology.map(\.date) + record.performance.map(\.date)
            facts += record.lesions.compactMap(\.diagnosed) + record.diseaseStatus.map(\.date)
            if let first = facts.min(by: { $0.earliestDay < $1.earliestDay }), first.latestDay < birth.earliestDay {
                custom("patient.birthDate", "is after a clinical fact dated \(first)", "晚于病历中 \(first) 的临床记录")
            }
        }
        if let birth = record.patient.birthDate, let death = record.patient.deathDate, death.latestDay < birth.earliestDay {
            custom("patient.deathDate", "is before the birth date (\(birth))", "早于出生日期（\(birth)）")
        }
        // Laboratory values that cannot be zero.
        for (i, lab) in record.labs.enumerated() where [.creatinine, .calcium, .albumin, .hemoglobin, .egfr].contains(lab.test) && lab.value <= 0 {
            custom("labs[\(i)].value", "must be greater than 0 for \(lab.test.rawValue)", "\(lab.test.label.zhHans)必须大于 0")
        }
        // Doses before the treatment started, and segments that do not belong to the bone.
        for (t, treatment) in record.treatments.enumerated() {
            guard let start = treatment.start else { continue }
            for (d, dose) in treatment.doses.enumerated() where dose.latestDay < start.earliestDay {
                custom("treatments[\(t)].doses[\(d)]", "is before the treatment's start (\(start))", "早于治疗开始日期（\(start)）")
            }
        }
        let primaryIds = record.primaries.map(\.id)
        for (i, lesion) in record.lesions.enumerated() {
            if let segment = lesion.segment, !segment.fits(lesion.bone) {
                custom(
                    "lesions[\(i)].segment",
                    "\"\(segment.rawValue)\" is not a segment of bone \"\(lesion.bone.rawValue)\" (peritrochanteric: femur only; proximal, diaphysis, distal: long bones)",
                    "“\(segment.label.zhHans)”不是\(lesion.bone.label.zhHans)的部位（转子周围仅见于股骨；近端、骨干、远端仅用于长骨）")
            }
            if let primary = lesion.primary, !primaryIds.contains(primary), !declaredPrimaryIds.contains(primary) {
                log.add(InputError(
                    field: "lesions[\(i)].primary",
                    problem: .unknownValue(primary, allowed: primaryIds.isEmpty ? ["(no primaries defined)"] : primaryIds)))
            }
        }
        for (i, status) in record.diseaseStatus.enumerated() {
            if let primary = status.primary, !primaryIds.contains(primary), !declaredPrimaryIds.contains(primary) {
                log.add(InputError(
                    field: "diseaseStatus[\(i)].primary",
                    problem: .unknownValue(primary, allowed: primaryIds.isEmpty ? ["(no primaries defined)"] : primaryIds)))
            }
        }
        // Source codes are `system|code`; a DICOM modality is a code such as DX, CR, MR.
        func checkCodes(_ codes: [String], at path: @autoclosure () -> String) {
            for (c, code) in codes.enumerated() {
                let parts = code.split(separator: "|", omittingEmptySubsequences: false)
                if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
                    custom("\(path())[\(c)]", "write system|code, e.g. http://snomed.info/sct|94222008", "请写成 编码系统|编码，例如 http://snomed.info/sct|94222008")
                }
            }
        }
        for (i, primary) in record.primaries.enumerated() { checkCodes(primary.codes, at: "primaries[\(i)].codes") }
        for (i, lesion) in record.lesions.enumerated() { checkCodes(lesion.codes, at: "lesions[\(i)].codes") }
        for (i, treatment) in record.treatments.enumerated() { checkCodes(treatment.codes, at: "treatments[\(i)].codes") }
        for (s, study) in record.studies.enumerated() {
            if let code = study.dicomModality, code.isEmpty || code.count > 16 || !code.allSatisfy({ ($0.isUppercase || $0.isNumber) && $0.isASCII }) {
                custom("studies[\(s)].dicomModality", "a DICOM modality code in capitals (DX, CR, CT, MR, NM, PT)", "DICOM 检查方式代码（大写，如 DX、CR、CT、MR、NM、PT）")
            }
        }
        let lesions = Dictionary(record.lesions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (s, study) in record.studies.enumerated() {
            if !study.windows.isEmpty && study.modality != .ct && study.modality != .petCt {
                custom("studies[\(s)].windows", "CT windows only apply to CT or PET-CT", "窗位仅适用于 CT 或 PET-CT")
            }
            for (o, observation) in study.observations.enumerated() {
                // The path is written only for a field to report (issue #12: writing it for every
                // observation of every stored case was a tenth of this check).
                for field in misplacedFields(observation, modality: study.modality, lesion: lesions[observation.lesion]) {
                    custom("studies[\(s)].observations[\(o)].\(field.name)", field.en, field.zh)
                }
            }
        }
    }

    /// Observation fields that make no sense for the study's modality or the lesion's bone.
    static func misplacedFields(_ o: LesionObservation, modality: Modality, lesion: Lesion?) -> [(name: String, en: String, zh: String)] {
        var result: [(name: String, en: String, zh: String)] = []
        func wrongModality(_ name: String, _ present: Bool, allowed: [Modality]) {
            guard present, !allowed.contains(modality) else { return }
            let modalityName = modality.label
            let list = allowed.map(\.label.en).joined(separator: ", ")
            let listZh = allowed.map(\.label.zhHans).joined(separator: "、")
            result.append((name, "cannot be read on \(modalityName.en) (only on \(list))", "无法在\(modalityName.zhHans)上判读（仅适用于\(listZh)）"))
        }
        let structural: [Modality] = [.xray, .ct, .mri, .petCt]
        wrongModality("uptake", o.uptake != nil, allowed: [.boneScan, .petCt])
        wrongModality("uptakeChangePercent", o.uptakeChangePercent != nil, allowed: [.boneScan, .petCt])
        wrongModality("normalSignal", o.normalSignal != nil, allowed: [.mri])
        wrongModality("escc", o.escc != nil, allowed: [.mri, .ct])
        // On a structural study none of these can be misplaced: the list is not even built.
        for (name, present) in structural.contains(modality) ? [] : [
            ("character", o.character != nil), ("diametersMm", o.diametersMm != nil), ("softTissueMm", o.softTissueMm != nil),
            ("boneDestruction", o.boneDestruction != nil), ("scleroticRim", o.scleroticRim != nil), ("fillIn", o.fillIn != nil),
            ("fractionOfDiameter", o.fractionOfDiameter != nil), ("mirelsSize", o.mirelsSize != nil), ("collapse", o.collapse != nil),
            ("alignment", o.alignment != nil), ("posterolateral", o.posterolateral != nil), ("epiphyseal", o.epiphyseal != nil),
            ("eccentric", o.eccentric != nil),
        ] {
            wrongModality(name, present, allowed: structural)
        }
        guard let lesion else { return result }
        func wrongBone(_ name: String, _ present: Bool, _ fits: Bool, en: String, zh: String) {
            if present && !fits { result.append((name, en, zh)) }
        }
        let spinal = lesion.isSpinal
        for (name, present) in [("collapse", o.collapse != nil), ("alignment", o.alignment != nil), ("posterolateral", o.posterolateral != nil), ("escc", o.escc != nil)] {
            wrongBone(name, present, spinal, en: "applies to spinal lesions only (SINS / ESCC)", zh: "仅适用于脊柱病灶（SINS / ESCC）")
        }
        let long = lesion.mirelsSite != nil
        for (name, present) in [("fractionOfDiameter", o.fractionOfDiameter != nil), ("mirelsSize", o.mirelsSize != nil), ("epiphyseal", o.epiphyseal != nil)] {
            wrongBone(name, present, long, en: "applies to long bones of the limbs only", zh: "仅适用于四肢长骨")
        }
        return result
    }

    private static func unique(_ ids: [String], section: String, log: ValidationLog) {
        var seen: Set<String> = []
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            log.add(InputError(field: "\(section)[\(index)].id", problem: .custom(LocalizedText(
                en: "duplicate id \"\(InputError.shorten(id))\"", zh: "重复的 id \"\(InputError.shorten(id))\""))))
        }
    }
}
