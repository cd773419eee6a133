/// The neurology of a spinal level beyond the deficit that makes an emergency (NOMS neurologic;
/// NICE NG234): a radiculopathy not yet imaged, and what is left after an irradiated compression.
extension SurgeryRules {
    /// Radiculopathy is a neurological symptom of possible compression: whole-spine MRI within
    /// 24 hours (NICE NG234; quality statement QS56: suspected MSCC with neurological symptoms or
    /// signs), unless an MRI of the lesion or of the whole spine has been done since. A T12 at
    /// SINS 11 with radiculopathy and no MRI read "spine-surgery consultation … once ESCC is
    /// graded" (unseen record cb62-d); only myelopathy and cauda equina made it urgent. The record,
    /// or nil.
    func radiculopathyWithoutMRI(_ lesion: String, neuro: NeurologyRecord?) -> NeurologyRecord? {
        guard let neuro, neuro.status == .radiculopathy else { return nil }
        let imaged = index.studies.contains { study in
            study.modality == .mri && study.date.earliestDay >= neuro.date.earliestDay
                && (study.surveysWholeSpine || study.observation(of: lesion)?.escc != nil)
        }
        return imaged ? nil : neuro
    }

    /// A deficit recorded before radiotherapy to this level, the compression graded low on an
    /// MRI after the course, and the deficit recorded since no worse (Frankel the same or
    /// better, or the same state): what is left of a treated compression, recovering — not a new
    /// emergency. A prostate cancer's T10, ESCC 3 with myelopathy (Frankel C) irradiated in
    /// August, ESCC 1b and Frankel D in November, was sent again for "dexamethasone 16 mg, MRI
    /// within 24 hours, decompression" (unseen record cb62-g). A worse deficit, or one without an
    /// earlier record to compare, stays the emergency (NICE NG234: a new or progressing deficit).
    func residualDeficit(_ lesion: String, neuro: NeurologyRecord?, escc: ESCC.Result?, gradedOn study: ImagingStudy?) -> LocalizedText? {
        guard let neuro, neuro.showsDeficit, let escc, !escc.highGrade, let study, study.modality == .mri else { return nil }
        let records = index.record.neurology.filter { ($0.lesion == nil || $0.lesion == lesion) && index.known($0.date) && $0.showsDeficit }
        guard let course = index.localTreatments(lesion, kind: .radiotherapy).last(where: { course in
            guard !course.planned, let start = course.start else { return false }
            return start.latestDay < study.date.earliestDay && start.latestDay <= neuro.date.earliestDay
        }), let start = course.start,
            let before = records.filter({ $0.date.latestDay <= start.latestDay }).max(by: { $0.date < $1.date })
        else { return nil }
        let notWorse: Bool = switch (before.frankel, neuro.frankel) {
        case let (was?, now?): now.rawValue >= was.rawValue
        case (nil, nil): before.status == neuro.status
        default: false
        }
        guard notWorse else { return nil }
        func state(_ r: NeurologyRecord) -> LocalizedText {
            let frankel = r.frankel.map(\.rawValue)
            return LocalizedText(
                en: "\(r.status.label.en)\(frankel.map { ", Frankel \($0)" } ?? "") (\(r.date))",
                zh: "\(r.status.label.zhHans)\(frankel.map { "，Frankel \($0)" } ?? "")（\(r.date)）")
        }
        let change = before.frankel != nil && before.frankel != neuro.frankel
            ? LocalizedText(en: "improved from", zh: "较前改善，此前为")
            : LocalizedText(en: "unchanged since", zh: "与治疗前相同，此前为")
        return LocalizedText(
            en: "Residual deficit after treatment: \(state(neuro).en), \(change.en) \(state(before).en) before \(course.label.en); ESCC now \(escc.grade.rawValue) on the MRI of \(study.date). Not a new compression: rehabilitation, and a neurological check at every visit — a new or worsening deficit is an emergency (whole-spine MRI within 24 hours).",
            zh: "治疗后残留神经功能障碍：\(state(neuro).zhHans)，\(change.zhHans)\(state(before).zhHans)（\(course.label.zhHans)前）；\(study.date) MRI 示 ESCC 现为 \(escc.grade.rawValue)。并非新发压迫：康复治疗，每次随访检查神经功能——新发或加重的神经功能障碍为急诊（24 小时内全脊柱 MRI）。")
    }

    /// A deficit recorded after an operation on the lesion that is new, or worse than the last one
    /// before it: a recurrence. One no worse is what the operation left (a T12 operated on at
    /// Frankel C, Frankel D six weeks later, read "recurrent compression after" its own
    /// separation surgery — unseen record cb80-ak). Grades that cannot be compared (a Frankel
    /// grade on one side only) do not make a recurrence; a high ESCC grade read after the
    /// operation still does.
    func deficitNewOrWorse(_ lesion: String, neuro: NeurologyRecord, since day: PartialDate) -> Bool {
        guard neuro.showsDeficit, neuro.date.earliestDay > day.latestDay else { return false }
        let before = index.record.neurology.filter { record in
            (record.lesion == nil || record.lesion == lesion) && index.known(record.date) && record.date.latestDay <= day.latestDay
        }.max { $0.date < $1.date }
        guard let before, before.showsDeficit else { return true }
        switch (before.frankel, neuro.frankel) {
        case let (was?, now?): return now.rawValue < was.rawValue
        case (nil, nil): return CaseIndex.neurologySeverity(neuro) > CaseIndex.neurologySeverity(before)
        default: return false
        }
    }

    /// The radiotherapy of a spinal lesion as the compression finding reads it: the courses given
    /// before the compression (a re-irradiation decision) and the course begun on or after the
    /// study that graded it (its treatment).
    ///
    /// The compression is dated by the study that graded it, not by a later study that did not
    /// (a breast cancer's T9 at ESCC 2 in May, 30 Gy/10F four days later, responding on the CT of
    /// October: "urgent spine referral — decompression" from the May grade, the course read as a
    /// prior one; unseen record cb80-ai). A course begun on or after the grade is its treatment —
    /// unless a deficit new or worse than before it has been recorded since it began
    /// (`deficitNewOrWorse`): then, as after an operation (`recurred`), the compression recurred,
    /// dated by the latest study, and the courses before it are prior ones (re-irradiation).
    /// A T6 small-cell metastasis irradiated from the day after the MRI read "already irradiated:
    /// any further radiotherapy is a re-irradiation decision" before the course was its treatment.
    func compressionCourses(
        _ lesion: String, date: PartialDate, gradedOn: PartialDate?, deficit: Bool, neuro: NeurologyRecord?, recurred operated: Bool
    ) -> (prior: (courses: [Treatment], totalGy: Double?)?, since: Treatment?) {
        let gradedDate = gradedOn ?? date
        let courseAfterGrade = index.localTreatments(lesion, kind: .radiotherapy).last { course in
            !course.planned && (course.start.map { $0.earliestDay >= gradedDate.earliestDay } ?? false)
        }
        let failedCourse = courseAfterGrade.flatMap { course -> Treatment? in
            guard deficit, let start = course.start, let neuro, deficitNewOrWorse(lesion, neuro: neuro, since: start) else { return nil }
            return course
        }
        let recurred = operated || failedCourse != nil
        return (priorRadiotherapy(lesion, before: recurred ? date : gradedDate), recurred ? nil : courseAfterGrade)
    }

    /// A deficit recorded after the operation that is no worse than before it (not a recurrence,
    /// `deficitNewOrWorse`) is what the operation left: said, with what would make it an
    /// emergency (unseen record cb80-ak). Nil for a deficit recorded before the operation.
    func deficitLeft(by operation: Treatment, neuro: NeurologyRecord) -> LocalizedText? {
        guard let day = operation.start, neuro.date.earliestDay > day.latestDay else { return nil }
        let frankel = neuro.frankel.map(\.rawValue)
        return LocalizedText(
            en: " Deficit after it, no worse than before: \(neuro.status.label.en)\(frankel.map { ", Frankel \($0)" } ?? "") (\(neuro.date)) — rehabilitation and a neurological check at every visit; a new or worsening deficit is an emergency (whole-spine MRI within 24 hours).",
            zh: "术后神经功能障碍未较术前加重：\(neuro.status.label.zhHans)\(frankel.map { "，Frankel \($0)" } ?? "")（\(neuro.date)）——康复治疗，每次随访检查神经功能；新发或加重的神经功能障碍为急诊（24 小时内全脊柱 MRI）。")
    }

    /// Whether the compression recurred after an operation on the lesion: graded high again, or a
    /// deficit new or worse (`deficitNewOrWorse`), read on or after a study after it. A T10 renal
    /// metastasis at ESCC 2 nine months after separation surgery and SBRT, growing by 183 %, read
    /// "info — Treated: separation surgery". The grade must itself be read after the operation:
    /// the pre-operative MRI's ESCC 2 beside a post-operative check film read "recurrent
    /// compression after" the separation surgery it had led to (unseen record cb80-ah).
    func recurs(
        after operation: Treatment, lesion: String, latest: PartialDate, escc: ESCC.Result?, gradedOn: PartialDate?, deficit: Bool,
        neuro: NeurologyRecord?
    ) -> Bool {
        guard let day = operation.start, latest.earliestDay > day.latestDay else { return false }
        if escc?.highGrade == true, let gradedOn, gradedOn.earliestDay > day.latestDay { return true }
        return deficit && (neuro.map { deficitNewOrWorse(lesion, neuro: $0, since: day) } ?? false)
    }

    /// A spinal cord compression recorded as an event (an EHR condition, a discharge summary's
    /// "MSCC") at this lesion — or for the patient, with one spinal lesion — that is the latest
    /// word on the cord: no neurological examination, no ESCC grade, no spinal operation or
    /// radiotherapy of the lesion since, and not recorded as resolved (an EHR condition whose
    /// clinicalStatus is resolved or that has an abatement is history). A CRPC's T8 with "cord compression" recorded yesterday
    /// read "SINS 1–14, ESCC not graded — complete the missing items" (advisory). Read as NICE
    /// NG234's emergency (whole-spine MRI within 24 hours, dexamethasone, definitive treatment).
    func compressionEvent(
        _ lesion: Lesion, spinalCount: Int, neuro: NeurologyRecord?, escc: ESCC.Result?, gradedOn: PartialDate?
    ) -> ClinicalEvent? {
        guard let event = index.record.events.last(where: { event in
            event.kind == .cordCompression && event.isCurrent && index.known(event.date) && (event.lesion == lesion.id || (event.lesion == nil && spinalCount == 1))
        }) else { return nil }
        let day = event.date.earliestDay
        if let neuro, neuro.date.latestDay >= day { return nil }
        if escc != nil, let gradedOn, gradedOn.latestDay >= day { return nil }
        let treatedSince = index.localTreatments(lesion.id, kind: .surgery).contains { !$0.planned && ($0.procedure?.treatsSpine ?? false) && ($0.start.map { $0.latestDay >= day } ?? false) }
            || index.localTreatments(lesion.id, kind: .radiotherapy).contains { !$0.planned && ($0.start.map { $0.latestDay >= day } ?? false) }
        return treatedSince ? nil : event
    }
}
