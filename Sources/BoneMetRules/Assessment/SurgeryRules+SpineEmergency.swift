/// The emergency of a spinal lesion with a neurological deficit (NICE NG234, 2023; Patchell RA et
/// al. Lancet 2005;366:643-8): what must happen within hours, said with what the record already
/// shows done — a whole-spine MRI since the deficit, dexamethasone begun for it.
extension SurgeryRules {
    /// The sentence appended to the NOMS recommendation when a deficit makes it an emergency.
    func deficitEmergency(
        _ lesion: String, neuro: NeurologyRecord?, compressionEvent: ClinicalEvent?, date: PartialDate, radiotherapyFirst: Bool
    ) -> LocalizedText {
        let paraplegicSince = paraplegiaOnset(lesion, latest: neuro)
        let patchell = radiotherapyFirst
            ? LocalizedText(en: "", zh: "")
            : paraplegicSince.map { since in
                LocalizedText(
                    en: " Complete paraplegia (Frankel A) recorded since \(since): Patchell 2005 excluded patients paraplegic for more than 48 hours, so its benefit of decompression for walking does not apply — surgery is weighed for pain and stability.",
                    zh: "自 \(since) 起记录为完全截瘫（Frankel A）：Patchell 2005 排除了截瘫超过 48 小时的患者，其减压手术改善行走的获益不适用——手术需从疼痛和稳定性角度权衡。")
            }
            // Patchell 2005 excluded compression of the cauda equina or roots alone: its
            // walking benefit is not cited for it (a sacral S3 lesion's cauda equina read it).
            ?? (neuro?.status == .caudaEquina
                ? LocalizedText(
                    en: " Compression of the cauda equina alone was excluded from Patchell 2005, so its walking benefit of decompression is not shown for it: the spine surgeon judges decompression.",
                    zh: "Patchell 2005 未纳入单纯马尾受压的患者，其减压手术改善行走的获益对此未经证实：是否减压由脊柱外科判断。")
                : LocalizedText(
                    en: " Decompression plus radiotherapy keeps more patients walking than radiotherapy alone in selected patients (Patchell 2005).",
                    zh: "对于选择的患者，减压手术加放疗比单纯放疗能让更多患者保持行走能力（Patchell 2005）。"))
        // A whole-spine MRI since the deficit (or the compression recorded) is named, not asked for.
        let since = neuro.map { deficitOnset(lesion, latest: $0) } ?? compressionEvent?.date ?? date
        let spineMRI = index.studies.last { $0.modality == .mri && $0.surveysWholeSpine && $0.date.latestDay >= since.earliestDay }
        let wholeSpine = spineMRI
            .map { LocalizedText(en: "whole-spine MRI done (\($0.date));", zh: "全脊柱 MRI 已完成（\($0.date)）；") }
            ?? LocalizedText(en: "MRI of the whole spine within 24 hours if not done;", zh: "如未做，24 小时内完成全脊柱 MRI；")
        // The 24 hours after that MRI gone by with no radiotherapy or operation of the lesion begun
        // since: said as overdue, not as a deadline still ahead (cb125-b: ESCC 3 on the MRI of 21
        // November, nothing done by 1 December, read "within 24 hours of the confirming MRI").
        let overdue = spineMRI.flatMap { mri -> LocalizedText? in
            let days = index.assessedOn.earliestDay - mri.date.latestDay
            let local = index.localTreatments(lesion, kind: .radiotherapy) + index.localTreatments(lesion, kind: .surgery)
            let begun = local.contains { treatment in
                !treatment.planned && (treatment.start.map { $0.latestDay >= mri.date.earliestDay } ?? false)
            }
            guard days >= 2, !begun else { return nil }
            // Planned and not yet begun: the plan is named, and its delay.
            if let plan = local.last(where: \.planned) {
                return LocalizedText(
                    en: "definitive treatment was due within 24 hours of that MRI — planned (\(plan.label.en)), not begun \(days) days on: overdue, begin it today.",
                    zh: "确定性治疗应在该 MRI 后 24 小时内完成——已计划（\(plan.label.zhHans)），已过 \(days) 天仍未开始：已延误，请今日开始。")
            }
            return LocalizedText(
                en: "definitive treatment (surgery and/or radiotherapy) was due within 24 hours of that MRI — none of this lesion is on record since, \(days) days on: overdue, decide it today.",
                zh: "确定性治疗（手术和 / 或放疗）应在该 MRI 后 24 小时内完成——此后未记录该病灶的任何治疗，已过 \(days) 天：已延误，请今日决定。")
        }
        let definitive = overdue ?? LocalizedText(
            en: "definitive treatment (surgery and/or radiotherapy) within 24 hours of the confirming MRI, before further deterioration.",
            zh: "确诊 MRI 后 24 小时内、在神经功能进一步恶化前完成确定性治疗（手术和 / 或放疗）。")
        let steroid = dexamethasoneGiven(since: since)
            .map { course in
                let name = course.name.map { " (\($0))" } ?? ""
                let nameZh = course.name.map { "，\($0)" } ?? ""
                // Given and over by the day assessed — a single dose administered, as an EHR
                // sends it: said, with the question whether it goes on, not asked for as if none
                // had been given ("dexamethasone 10 mg IV" the evening of the compression read
                // "dexamethasone 16 mg as soon as possible", unseen EHR bundle ehr36).
                guard let end = course.end else {
                    return LocalizedText(
                        en: "dexamethasone on record since \(course.start)\(name);",
                        zh: "已给予地塞米松（\(course.start) 起\(nameZh)）；")
                }
                let when = end == course.start ? "on \(end)" : "\(course.start)–\(end)"
                let whenZh = end == course.start ? "于 \(end) " : "于 \(course.start)–\(end) "
                return LocalizedText(
                    en: "dexamethasone given \(when)\(name), none on record since — confirm it goes on (16 mg as soon as possible if not);",
                    zh: "地塞米松已\(whenZh)给予\(course.name.map { "（\($0)）" } ?? "")，此后无记录——请确认是否继续（如未继续，尽快给予 16 mg）；")
            }
            ?? LocalizedText(en: "dexamethasone 16 mg as soon as possible;", zh: "尽快给予地塞米松 16 mg；")
        return LocalizedText(
            en: "\(compressionEvent == nil ? "Neurological deficit" : "Spinal cord compression recorded") — an emergency: \(compressionEvent == nil ? "" : "examine the patient now; ")\(steroid.en) \(wholeSpine.en) \(definitive.en)\(patchell.en)",
            zh: "\(compressionEvent == nil ? "存在神经功能障碍" : "已记录脊髓压迫")——急诊：\(compressionEvent == nil ? "" : "立即进行神经系统检查；")\(steroid.zhHans)\(wholeSpine.zhHans)\(definitive.zhHans)\(patchell.zhHans)")
    }

    /// Dexamethasone begun for this deficit — from a week before it was recorded on (the row is
    /// often entered with the admission) — and not stopped: asking for it again is noise beside
    /// the order already given. A thyroid cancer's T10 compression with Frankel C, "地塞米松
    /// 10mg iv 后 4mg q6h" from the day of the MRI, read "dexamethasone 16 mg as soon as possible"
    /// (unseen record cb65-f). The row is supportive care, not a regimen (`CaseIndex.treatments`
    /// leaves it out), so the record's own rows are read.
    ///
    /// A course begun for it and already over (`end` given) is returned with its end: the
    /// emergency names it and asks whether it goes on. Running courses are preferred.
    func dexamethasoneGiven(since: PartialDate) -> (start: PartialDate, end: PartialDate?, name: String?)? {
        let begun = index.record.treatments.filter { treatment in
            guard treatment.kind == .systemic, !treatment.planned, let start = treatment.start, index.known(start),
                start.latestDay >= since.earliestDay - 7, DrugClasses.namesDexamethasone(treatment)
            else { return false }
            return true
        }
        if let running = begun.last(where: { $0.end.map(index.stillRunning(until:)) ?? true }), let start = running.start {
            return (start, nil, running.name)
        }
        guard let over = begun.max(by: { ($0.end?.latestDay ?? Int.min) < ($1.end?.latestDay ?? Int.min) }), let start = over.start else { return nil }
        return (start, over.end, over.name)
    }
}
