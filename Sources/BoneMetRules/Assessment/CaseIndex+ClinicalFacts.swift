/// The clinical facts of the record as of the assessment day — age, labs, weight, performance,
/// pain and neurology — each read as the rules need it (kept out of CaseIndex.swift, which had
/// grown past 40 KB).
extension CaseIndex {
    func age(at date: PartialDate) -> Int? { record.patient.birthDate.map { $0.wholeYears(to: date) } }

    var ageNow: Int? {
        guard let birth = record.patient.birthDate else { return nil }
        horizon.watchAnniversary(of: birth)
        return birth.wholeYears(to: assessedOn)
    }

    /// The age now as far as the record says it: one number with a whole birth date; with the
    /// year (or year and month) only, from the latest possible birthday's age to the earliest's
    /// (born "1955", on 2026-11-29: 70–71). `ageNow` is the upper end (the cautious side of the
    /// rules that read it: a work-up raised, the lower clearance).
    var ageRangeNow: ClosedRange<Int>? {
        guard let birth = record.patient.birthDate else { return nil }
        let latestBirth = PartialDate(dayNumber: birth.latestDay)
        horizon.watchAnniversary(of: birth)
        horizon.watchAnniversary(of: latestBirth)
        let oldest = birth.wholeYears(to: assessedOn)
        return min(latestBirth.wholeYears(to: assessedOn), oldest)...oldest
    }

    /// The latest lab of a test on or before a date (by default: known on `assessedOn`; `labs` holds
    /// only those).
    func latestLab(_ test: LabTest, onOrBefore date: PartialDate? = nil) -> LabResult? {
        let limit = date?.latestDay ?? Int.max
        return labs.last { $0.test == test && $0.date.earliestDay <= limit && $0.canonicalValue != nil }
    }

    func latestWeight(onOrBefore date: PartialDate? = nil) -> WeightRecord? {
        record.patient.weights.filter { weight in date.map { weight.date.earliestDay <= $0.latestDay } ?? known(weight.date) }.max { $0.date < $1.date }
    }

    /// The weight nearest in time to a date (of those known on `assessedOn`; a tie goes to the earlier):
    /// Cockcroft–Gault takes the weight of the day of the creatinine. A baseline creatinine of
    /// November 2025 with weights of June 2026 (58 kg) and November 2026 (49 kg) took the latest,
    /// 49 kg, and called the course's 3.5 mg "not the label's dose" (cb20-f; 2026.12.100).
    func weight(nearest date: PartialDate) -> WeightRecord? {
        let known = record.patient.weights.filter { self.known($0.date) }
        func distance(_ weight: WeightRecord) -> Int {
            if weight.date.latestDay < date.earliestDay { return date.earliestDay - weight.date.latestDay }
            if weight.date.earliestDay > date.latestDay { return weight.date.earliestDay - date.latestDay }
            return 0
        }
        return known.min { a, b in
            let da = distance(a), db = distance(b)
            return da != db ? da < db : a.date < b.date
        }
    }

    /// The performance status of the latest day on record. Records of that day are read
    /// together — an ECOG row and a KPS row of one visit were one of them at random — each scale
    /// at its worst where a day holds two grades of it.
    func latestPerformance(onOrBefore date: PartialDate? = nil) -> PerformanceStatus? {
        let records = record.performance.filter { status in date.map { status.date.earliestDay <= $0.latestDay } ?? known(status.date) }
        guard let latest = records.map(\.date).max() else { return nil }
        let sameDay = records.filter { $0.date == latest }
        if sameDay.count == 1 { return sameDay[0] }
        return PerformanceStatus(date: latest, ecog: sameDay.compactMap(\.ecog).max(), kps: sameDay.compactMap(\.kps).min())
    }

    func pain(for lesion: String, onOrBefore date: PartialDate) -> [PainRecord] {
        record.pain.filter { $0.lesion == lesion && $0.date.earliestDay <= date.latestDay }.sorted { $0.date < $1.date }
    }

    /// The most recent neurological status for a lesion: its own records and the patient-level
    /// ones, whichever is newer (a lesion record wins a tie). For the patient (`lesion` nil) every
    /// record counts — an old patient-level grade never outranks a newer lesion record — and of
    /// the records of the latest day the worst is taken.
    func latestNeurology(for lesion: String? = nil) -> NeurologyRecord? {
        let records = record.neurology.filter { known($0.date) && (lesion == nil || $0.lesion == nil || $0.lesion == lesion) }
        guard let latest = records.map(\.date).max() else { return nil }
        let sameDay = records.filter { $0.date == latest }
        return sameDay.max { a, b in
            let keyA = (a.lesion != nil && lesion != nil ? 1 : 0, Self.neurologySeverity(a))
            let keyB = (b.lesion != nil && lesion != nil ? 1 : 0, Self.neurologySeverity(b))
            return keyA < keyB
        }
    }

    /// Orders records of one day from intact to the worst deficit.
    static func neurologySeverity(_ record: NeurologyRecord) -> Int {
        let frankel = record.frankel.map { 5 - (Tokuhashi.Frankel.allCases.firstIndex(of: $0) ?? 4) } ?? 0
        let status = NeurologicalStatus.allCases.firstIndex(of: record.status) ?? 0
        return status * 10 + frankel
    }

    /// The Frankel grade of the most recent neurology: recorded, or E when the patient was
    /// recorded neurologically intact (Frankel E: normal motor and sensory function).
    func latestFrankel(for lesion: String? = nil) -> Tokuhashi.Frankel? {
        guard let latest = latestNeurology(for: lesion) else { return nil }
        return latest.frankel ?? (latest.status == .intact ? .E : nil)
    }

    /// The most recent pain record of a lesion that grades the given scale, as of `assessedOn` —
    /// whenever it was written relative to the studies.
    /// The most recent pain record that names no lesion and grades the given scale (said beside a
    /// lesion's Mirels or SINS, never scored as its own).
    func latestSitelessPain(where grades: (PainRecord) -> Bool) -> PainRecord? {
        record.pain.filter { $0.lesion == nil && known($0.date) && grades($0) }.max(by: Self.painOrder)
    }

    func latestPain(for lesion: String, where grades: (PainRecord) -> Bool) -> PainRecord? {
        record.pain.filter { $0.lesion == lesion && known($0.date) && grades($0) }.max(by: Self.painOrder)
    }

    /// Oldest first; of one day, a graded record after one with a number only (the grade is the
    /// clinician's reading of that day's pain).
    static func painOrder(_ a: PainRecord, _ b: PainRecord) -> Bool {
        if a.date != b.date { return a.date < b.date }
        return (a.sins == nil && a.mirels == nil) && (b.sins != nil || b.mirels != nil)
    }
}

/// The performance status of the patient with bone metastases. A grade recorded more than one
/// assessment's span (`oneAssessmentDays`, RECIST 1.1's 4-week baseline window) before the first
/// bone metastasis was seen describes the patient before the metastatic disease: an ECOG 0 of
/// two and a half years before a lung cancer's bone metastases scored Tokuhashi's general
/// condition 2, Katagiri's 0 and PATHFx's "ECOG 0" (unseen record cb81-ac2, 2026.12.315).
/// Tokuhashi (2005), Katagiri (2014) and PATHFx score the patient as assessed for the bone
/// metastases.
extension CaseIndex {
    func currentPerformance() -> PerformanceStatus? {
        guard let latest = latestPerformance() else { return nil }
        return performancePredatesMetastases(latest) ? nil : latest
    }

    /// The latest performance status when it predates the bone metastases (left out of the scores).
    var outdatedPerformance: PerformanceStatus? {
        latestPerformance().flatMap { performancePredatesMetastases($0) ? $0 : nil }
    }

    private func performancePredatesMetastases(_ status: PerformanceStatus) -> Bool {
        Self.predates(status.date, firstSeen: firstMetastasisSeen)
    }

    /// More than one assessment's span before `firstSeen` (nil: nothing seen yet, nothing predates).
    static func predates(_ date: PartialDate, firstSeen: PartialDate?) -> Bool {
        guard let firstSeen else { return false }
        return firstSeen.earliestDay - date.latestDay > oneAssessmentDays
    }

    /// Whether a record of this date predates the lesion's first sighting by more than one
    /// assessment's span: it describes the patient before the lesion was known. An "intact" of
    /// two and a half years before a T-spine metastasis read "neurologically intact (2024-03-01)"
    /// in its NOMS and scored Tokuhashi's palsy 2 (unseen record cb81-ac3, 2026.12.315).
    func predatesLesion(_ date: PartialDate, lesion: String) -> Bool {
        Self.predates(date, firstSeen: firstSeen(lesion))
    }

    /// Tokuhashi's palsy: the latest Frankel grade, unless recorded before the first spinal
    /// metastasis was seen (as `currentPerformance`).
    /// The latest neurology (as `currentFrankel` reads it) records a deficit — myelopathy or
    /// cauda equina compression — without a Frankel grade.
    func currentDeficitWithoutGrade(spinal: [Lesion]) -> Bool {
        guard let neuro = latestNeurology(), !Self.predates(neuro.date, firstSeen: spinal.compactMap({ firstSeen($0.id) }).min()) else { return false }
        return neuro.frankel == nil && (neuro.status == .myelopathy || neuro.status == .caudaEquina)
    }

    func currentFrankel(spinal: [Lesion]) -> Tokuhashi.Frankel? {
        guard let neuro = latestNeurology(), !Self.predates(neuro.date, firstSeen: spinal.compactMap({ firstSeen($0.id) }).min()) else { return nil }
        return latestFrankel()
    }

    /// A laboratory value for the prognosis scores: the latest, unless measured more than one
    /// assessment's span before the first bone metastasis was seen (as `currentPerformance`). An
    /// albumin of two years before the metastases made New Katagiri's laboratory item "abnormal"
    /// (unseen record cb81-ad, 2026.12.315); Katagiri (2014) and PATHFx take the values at the
    /// assessment of the bone metastases.
    func currentLab(_ test: LabTest) -> LabResult? {
        latestLab(test).flatMap { Self.predates($0.date, firstSeen: firstMetastasisSeen) ? nil : $0 }
    }
}

extension CaseIndex {
    /// Whether the record shows the lesion's cancer already metastatic elsewhere — a visceral
    /// metastasis on record (lymph nodes are none; not castration resistance, which may be
    /// non-metastatic, nmCRPC) — so that a bone lesion
    /// that is the only one known is no "solitary lesion of unknown nature" (reference.md's biopsy
    /// indication): stage IV is settled without it, and the solitary lesion's questions — a
    /// primary bone tumour, myeloma, a second primary — are asked where it matters, before any
    /// operation (the surgery findings: tissue first or at the operation). An extensive-stage
    /// small-cell lung cancer's T4 beside its liver metastases read "biopsy indicated: the only
    /// one known" (unseen record cb87-k).
    func metastaticElsewhere(_ lesion: String) -> Bool {
        let candidates = primaryCandidates(for: lesion)
        guard !candidates.isEmpty else { return false }
        return record.visceralMetastases?.contains(where: { !$0.isLymphNode && known($0.date) }) == true
    }
}
