/// When therapies act and how long ago things happened: the timing facts the rules share.
extension CaseIndex {
    /// The systemic therapy active on a date that has run at least the blastic latency (setting)
    /// by then: only such a therapy can have caused new sclerosis (reference.md, timing).
    func therapyActingLongEnough(on date: PartialDate) -> Treatment? {
        systemicTherapies.last { therapy in
            guard let start = therapy.start else { return false }
            return start.latestDay + settings.blasticLatencyWeeks * 7 <= date.earliestDay
        }
    }

    /// Whether a dated fact had happened by `asOf` (undated facts always count).
    func known(_ date: PartialDate?) -> Bool { horizon.known(date) }

    /// Whether something ending on `end` still ran on `asOf`.
    func stillRunning(until end: PartialDate) -> Bool { horizon.stillRunning(until: end) }

    /// Years from the first primary diagnosis to a date.
    func yearsSincePrimary(to date: PartialDate) -> Int? {
        knownPrimaries.compactMap(\.diagnosed).min().map { $0.wholeYears(to: date) }
    }

    /// The years of a long disease-free interval behind a lesion (at least the setting), when
    /// that still leaves its nature open (reference.md: biopsy after a long disease-free
    /// interval — a second primary or myeloma is possible). The interval ends with the patient's
    /// first metastasis, not with each new lesion: years from the primary to the first sighting
    /// of any metastatic lesion. A lesion first seen after a biopsy diagnosed the bone disease
    /// (metastasis, myeloma, lymphoma) is not open on this account. New lesions five years after
    /// the diagnosis of a prostate cancer already progressing in bone on docetaxel were each sent
    /// to biopsy and raised myeloma.
    func longDiseaseFreeInterval(endedBy lesion: String, ignoringHealing: Bool = false) -> Int? {
        if let known = ignoringHealing ? longIntervalMemo.ignoringHealing[lesion] : longIntervalMemo.counting[lesion] { return known }
        let years = workOutLongDiseaseFreeInterval(endedBy: lesion, ignoringHealing: ignoringHealing)
        if ignoringHealing { longIntervalMemo.ignoringHealing[lesion] = .some(years) } else { longIntervalMemo.counting[lesion] = .some(years) }
        return years
    }

    private func workOutLongDiseaseFreeInterval(endedBy lesion: String, ignoringHealing: Bool) -> Int? {
        guard let first = firstSeen(lesion) else { return nil }
        let diagnosedBefore = record.biopsies.contains { biopsy in
            guard let result = biopsy.result, [.metastasis, .myeloma, .lymphoma].contains(result), known(biopsy.date) else { return false }
            return biopsy.lesion != lesion && biopsy.date.latestDay < first.earliestDay
        }
        guard !diagnosedBefore else { return nil }
        // The question it asks — a second primary or myeloma? — answered by another lesion's
        // biopsy, whenever taken: myeloma or lymphoma is there, and its finding
        // (`diagnosis.biopsy.anotherCancer`) says the other lesions may be either disease until
        // biopsied or staged. A breast cancer's L4 proven myeloma left its pelvis "biopsy
        // indicated: long disease-free interval — one biopsy answers it" beside that finding.
        let secondCancerProven = record.biopsies.contains { biopsy in
            biopsy.lesion != lesion && known(biopsy.date) && (biopsy.result == .myeloma || biopsy.result == .lymphoma)
        }
        guard !secondCancerProven else { return nil }
        // "One biopsy answers it": another lesion of the same single primary biopsied (at any
        // time) as that primary's disease settles the question for the episode — a thyroid
        // cancer's pelvis proven metastatic left its C7 "biopsy first" and the patient "biopsy
        // indicated: long disease-free interval".
        let own = primaryCandidates(for: lesion)
        if own.count == 1, let primary = own.first {
            let answered = record.biopsies.contains { biopsy in
                guard let other = biopsy.lesion, other != lesion, known(biopsy.date) else { return false }
                let theirs = primaryCandidates(for: other)
                return theirs.count == 1 && theirs.first?.id == primary.id && biopsyShowsTheDisease(biopsy, lesion: other)
            }
            if answered { return nil }
            // Or a lesion of it healed completely under its hormonal therapy, as only that cancer
            // does (`healedUnderHormonalTherapy`; said by `diagnosis.biopsy.intervalHealed`).
            if !ignoringHealing, !healedUnder(primary).isEmpty { return nil }
        }
        let end = firstMetastasisSeen.map { $0 < first ? $0 : first } ?? first
        guard let years = yearsSincePrimary(of: lesion, to: end), years >= settings.longDiseaseFreeIntervalYears else { return nil }
        if diseaseActive(before: end, candidates: own) { return nil }
        return years
    }

    /// The lesions of a primary (its one candidate) healed completely under its hormonal therapy,
    /// with the day, in record order.
    func healedUnder(_ primary: PrimaryCancer) -> [(lesion: Lesion, date: PartialDate)] {
        if let known = healedUnderMemo[primary.id] { return known }
        let healed = workOutHealedUnder(primary)
        healedUnderMemo[primary.id] = healed
        return healed
    }

    private func workOutHealedUnder(_ primary: PrimaryCancer) -> [(lesion: Lesion, date: PartialDate)] {
        seenLesions.compactMap { lesion in
            guard let date = healedUnderHormonalTherapy[lesion.id] else { return nil }
            let theirs = primaryCandidates(for: lesion.id)
            return theirs.count == 1 && theirs.first?.id == primary.id ? (lesion, date) : nil
        }
    }

    /// Whether the record shows the cancer active before the first metastasis was seen, so the
    /// years since its diagnosis were never disease-free (rule set 2026.12.50): a castration-
    /// resistant prostate cancer (progression under castration — PCWG3), a regimen stopped for
    /// progression, visceral metastases, or a PSA above the laboratory's limit for a prostate
    /// primary. A castration-resistant prostate cancer six years on ADT, docetaxel behind it,
    /// PSA 48, with blastic bone metastases was "long disease-free interval — a second primary
    /// or myeloma is possible", and its bone-modifying agent waited for a biopsy.
    func diseaseActive(before date: PartialDate, candidates: [PrimaryCancer]) -> Bool {
        if candidates.contains(where: { $0.effectiveCastrationResistant == true }) { return true }
        let before = { (day: PartialDate?) -> Bool in day.map { self.known($0) && $0.earliestDay <= date.latestDay } ?? false }
        // The treatments as read (`treatments`): a bone agent's schedule written only in its name
        // ("地舒单抗 120mg q4w"), or one given within a regimen's row, tells as much as its fields — a
        // breast cancer on denosumab 120 mg every 4 weeks from 2022, its first MRI on record of
        // December 2024, was "long disease-free interval (5 years) — biopsy" (unseen record
        // cb151-b, 2026.12.398).
        if treatments.contains(where: { $0.kind == .systemic && $0.stopReason == .progression && before($0.end ?? $0.start) }) { return true }
        // A bone-modifying agent on the metastatic schedule begun before: the bone disease was
        // known then, whatever the first study on record. A breast cancer on zoledronic acid 4 mg
        // every 12 weeks since 2022 and exemestane + everolimus since 2024, its first CT on record
        // of December 2025, was "long disease-free interval (5 years) — biopsy" (cb65-e).
        if treatments.contains(where: { $0.isMetastaticBoneSchedule && before($0.start) }) { return true }
        // Visceral metastases found before the bone's first metastasis; those of the same
        // day are the same recurrence, found by one staging, and end the interval with it — a
        // thyroid cancer eleven years on, lung nodules and T6 and sternal lysis on one staging
        // CT, was no long interval (cb44-e).
        let strictlyBefore = { (day: PartialDate?) -> Bool in day.map { self.known($0) && $0.latestDay < date.earliestDay } ?? false }
        if record.visceralMetastases?.contains(where: { strictlyBefore($0.date) }) == true { return true }
        if candidates.contains(where: { $0.site == .prostate }) {
            return labs.contains { lab in
                guard lab.test == .psa, let limit = lab.upperLimit else { return false }
                return lab.value > limit && before(lab.date)
            }
        }
        return false
    }

    /// Years from the diagnosis of the lesion's primary to a date; with several candidates, the
    /// shortest (the interval is long only if it is long whichever primary it came from).
    func yearsSincePrimary(of lesion: String, to date: PartialDate) -> Int? {
        let dates = primaryCandidates(for: lesion).compactMap(\.diagnosed)
        guard !dates.isEmpty, let latest = dates.max() else { return nil }
        return latest.wholeYears(to: date)
    }
}

extension Treatment {
    /// Zoledronic acid, denosumab or pamidronate at the dose for bone metastases (not the bone-loss
    /// dose) given at most every 12 weeks — the SRE-prevention schedules (every 3–4 weeks, or every
    /// 12 weeks: CALGB 70604); the adjuvant breast schedule is every 6 months (ASCO–CCO 2017) and
    /// ibandronate's monthly tablet is an osteoporosis one, so neither counts.
    /// No interval recorded: denosumab 120 mg is the bone-metastasis dose (Xgeva; the bone-loss
    /// dose is 60 mg every 6 months), and doses on record no more than 12 weeks apart are the
    /// schedule. A lobular breast cancer on denosumab 120 mg since May 2024, its last two monthly
    /// doses listed and no interval, its first imaging of May 2026, read "long disease-free
    /// interval (5 years) — biopsy; myeloma in the differential" (unseen record cb145-c).
    var isMetastaticBoneSchedule: Bool {
        guard kind == .boneModifyingAgent, !planned, !isBoneLossDose,
            agent == .zoledronicAcid || agent == .denosumab || agent == .pamidronate
        else { return false }
        if let weeks = intervalWeeks { return weeks <= 12 }
        if agent == .denosumab, let dose = doseMg, abs(dose - 120) < 0.001 { return true }
        let given = doses.sorted { $0.earliestDay < $1.earliestDay }
        return zip(given, given.dropFirst()).contains { earlier, later in later.latestDay - earlier.earliestDay <= 12 * 7 }
    }
}
