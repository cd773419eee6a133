/// What the spine finding reads from the record beside its scores: paraplegia's onset, a lesion
/// healed or quiet, the SINS items missing (moved out of SurgeryRules+Spine.swift, which holds the
/// NOMS finding itself).
extension SurgeryRules {
    /// The first day of an unbroken run of complete paraplegia (Frankel A) ending at the latest
    /// neurological record, when it is at least 2 days (48 hours) before that record or the
    /// assessment's day: Patchell RA et al.
    /// Lancet 2005;366:643-8 enrolled no one paraplegic for longer than 48 hours.
    /// When the deficit of the latest examination began: the earliest of the examinations before
    /// it that showed a deficit no milder (Frankel the same or worse, or the same state when a
    /// grade is missing), unbroken. Myelopathy with Frankel A on 19 November and again on 30
    /// November, dexamethasone from the 21st and the whole-spine MRI of the 21st, read
    /// "dexamethasone 16 mg as soon as possible; MRI of the whole spine within 24 hours if not
    /// done" — both measured from the 30th (unseen record cb125-b). A deficit that worsened since
    /// is a new one (NICE NG234: a new or progressing deficit is the emergency).
    func deficitOnset(_ lesion: String, latest: NeurologyRecord) -> PartialDate {
        let records = index.record.neurology
            .filter { index.known($0.date) && ($0.lesion == nil || $0.lesion == lesion) && $0.date <= latest.date }
            .sorted { $0.date < $1.date }
        var onset = latest.date
        for record in records.reversed() where record.date < latest.date {
            let noMilder: Bool = switch (record.frankel, latest.frankel) {
            case let (was?, now?): was.rawValue <= now.rawValue
            default: record.status == latest.status
            }
            guard record.showsDeficit, noMilder else { break }
            onset = record.date
        }
        return onset
    }

    func paraplegiaOnset(_ lesion: String, latest: NeurologyRecord?) -> PartialDate? {
        guard let latest, latest.frankel == .A else { return nil }
        let records = index.record.neurology
            .filter { index.known($0.date) && ($0.lesion == nil || $0.lesion == lesion) && $0.frankel != nil }
            .sorted { $0.date < $1.date }
        var onset = latest.date
        for record in records.reversed() where record.date <= latest.date {
            guard record.frankel == .A else { break }
            onset = record.date
        }
        // Up to the assessment's day: the latest examination stands until another is recorded
        // (a Frankel A of 29 November assessed on 1 December is two days' paraplegia — it read
        // "decompression keeps more patients walking", unseen record cb77-x).
        let until = max(latest.date.earliestDay, index.assessedOn.earliestDay)
        return until - onset.latestDay >= 2 ? onset : nil
    }

    /// The lesion's latest reading of the bone shows a complete response (MDA, Hamaoka 2004):
    /// complete sclerotic fill-in on X-ray/CT, or normal signal on MRI. Said with the study.
    static func healedCompletely(_ lesion: String, index: CaseIndex) -> LocalizedText? {
        guard let latest = index.presentPoints(lesion).last(where: \.readsBone) else { return nil }
        if latest.observation.fillIn == .complete {
            return LocalizedText(
                en: "complete sclerotic fill-in on the \(latest.study.label.en)",
                zh: "\(latest.study.label.zhHans)示完全硬化填充")
        }
        if latest.study.modality == .mri, latest.observation.normalSignal == true {
            return LocalizedText(en: "normal signal on the \(latest.study.label.en)", zh: "\(latest.study.label.zhHans)示信号恢复正常")
        }
        return nil
    }

    /// Stable by SINS, pain-free — or healed (complete response, MDA) with no pain recorded — and
    /// neurologically intact: no radiotherapy or surgery is in question now, whether the epidural
    /// grade is unknown or low. A breast cancer's T10 filled in completely under endocrine therapy,
    /// intact, read "grade ESCC before choosing radiotherapy or surgery" as an advisory.
    ///
    /// `unexamined`: all of that but the examination — no neurological record since the lesion was
    /// found. A breast cancer's T10, ESCC 0, its MRI signal normal again (MDA complete response)
    /// and NRS 0, with no neurological row, read "Stable, low-grade: conventional radiotherapy"
    /// beside the complete response (unseen record cb111-a, rule set .359): the examination is
    /// what is missing, not radiotherapy.
    func quietLesion(_ lesion: String, sins: SINS.Result, neuro: NeurologyRecord?, deficit: Bool)
        -> (quiet: Bool, healed: LocalizedText?, unexamined: Bool)
    {
        let pain = sins.components.first { $0.key == "pain" }?.value
        let painFree = pain == SINS.Pain.none.rawValue
        let healed = Self.healedCompletely(lesion, index: index).flatMap { pain == nil || painFree ? $0 : nil }
        // An "intact" examined before the lesion was found vouches for nothing about it now.
        let examined = neuro.map { !index.predatesLesion($0.date, lesion: lesion) } ?? false
        let calm = sins.category == .stable && (painFree || healed != nil) && !deficit
        return (calm && neuro?.status == .intact && examined, healed, calm && !examined)
    }

    static func sinsMissing(_ keys: [String]) -> String {
        keys.map { key in
            switch key {
            case "location": "部位"
            case "pain": "疼痛"
            case "lesion": "骨病变类型"
            case "alignment": "脊柱序列"
            case "collapse": "椎体塌陷"
            case "posterolateral": "后外侧结构受累"
            default: key
            }
        }.joined(separator: "、")
    }
}

extension SurgeryRules {
    /// Pain graded for SINS in a record that names no lesion, where the level has no pain of its
    /// own: said with what SINS would be if it is this level's, as Mirels says it for a limb
    /// (`siteLessPain`). "Mechanical pain, NRS 6" recorded for the patient left the only spinal
    /// lesion at "SINS 8–11" with nothing of it (cb58-f). Never scored as the level's: the record
    /// does not say where it hurts.
    func sitelessPain(_ input: SINS.Input, level: VertebralLevel?, locationWithin: [SINS.Location]? = nil) -> LocalizedText? {
        guard input.pain == nil, let record = index.latestSitelessPain(where: { $0.sinsGrade != nil }), let grade = record.sinsGrade else { return nil }
        var withPain = input
        withPain.pain = grade
        let total = SINS.evaluate(withPain, level: level, locationWithin: locationWithin).total
        let text = total.score.map(String.init) ?? "\(total.min)–\(total.max)"
        return Self.sitelessPainSentence(
            record, grade: grade.label, painFree: record.sins == nil, scale: "SINS", part: LocalizedText(en: "level", zh: "节段"), score: text)
    }

    /// What a score would be if a pain record that names no site is this lesion's — one sentence
    /// for SINS and Mirels. "NRS 0" recorded for the patient (`painFree`) is no pain anywhere that
    /// day, said as such; Mirels then counts his lowest grade (`lowestGrade`).
    static func sitelessPainSentence(
        _ record: PainRecord, grade: LocalizedText, painFree: Bool, scale: String, part: LocalizedText, score: String,
        lowestGrade: LocalizedText? = nil
    ) -> LocalizedText {
        if painFree {
            return LocalizedText(
                en: "A pain record names no site (\(record.date): NRS 0, pain-free): if this \(part.en) is pain-free, \(scale) is \(score)\(lowestGrade.map { " (\($0.en))" } ?? "") — record the pain at its lesion.",
                zh: "一条疼痛记录未注明部位（\(record.date)：NRS 0，无痛）：若此\(part.zhHans)无痛，\(scale) 为 \(score) 分\(lowestGrade.map { "（\($0.zhHans)）" } ?? "")——请在相应病灶下记录疼痛。")
        }
        return LocalizedText(
            en: "A pain record names no site (\(record.date): \(grade.en)): if it is this \(part.en)'s pain, \(scale) is \(score) — record the pain at its lesion.",
            zh: "一条疼痛记录未注明部位（\(record.date)：\(grade.zhHans)）：若为此\(part.zhHans)疼痛，\(scale) 为 \(score) 分——请在相应病灶下记录疼痛。")
    }
}

extension SurgeryRules {
    /// SINS's lesion type read on a study more than four weeks (`oneAssessmentDays`) before the
    /// lesion's latest reading of its bone: the type may have changed since. A prostate cancer's
    /// T6, "blastic" on the CT of 2025-01, scored SINS 9 from it beside the MRI of 2026-11 with a
    /// collapse, a 22 mm soft-tissue mass and ESCC 3 (unseen record cb82-l, rule set 2026.12.316).
    static func typeReadBefore(_ typed: CaseIndex.Point?, latest: CaseIndex.Point) -> LocalizedText? {
        guard let typed, let character = typed.observation.character,
            latest.study.date.earliestDay - typed.study.date.latestDay > CaseIndex.oneAssessmentDays
        else { return nil }
        return LocalizedText(
            en: " — its lesion type (\(character.label.en)) from the \(typed.study.label.en), before the \(latest.study.label.en): read the type again on CT",
            zh: "——其病灶性质（\(character.label.zhHans)）来自\(typed.study.label.zhHans)，早于\(latest.study.label.zhHans)：请在 CT 上重新判读")
    }
}
