/// Whether a systemic therapy can be the cause of sclerosis, or has made a biopsy of blastic bone
/// unrewarding: the source hospital's biopsy timing ("blastic before systemic therapy: biopsy;
/// after it started: not recommended — the sample is likely reactive bone or necrosis") and
/// Hamaoka 2004's weeks to months before a treatment shows in bone.
extension CaseIndex {
    /// The systemic therapy acting on bone on `date` that started last: begun at least
    /// `blasticLatencyWeeks` (setting) before it, and running then or stopped no more than
    /// `regimenGapDays` (setting: a longer gap is a break between regimens) before it. An
    /// adjuvant course finished years earlier made a new blastic lesion "likely response — do not
    /// biopsy". The latest of several: sclerosis under ADT since 2022 and docetaxel since May is
    /// read as docetaxel's effect (flare and healing follow a new treatment, Hamaoka 2004) — it
    /// named the ADT of four years before.
    func systemicActing(at date: PartialDate) -> Treatment? {
        let latency = settings.blasticLatencyWeeks * 7
        let acting = systemicTherapies.filter { therapy in
            guard let start = therapy.start, start.latestDay + latency <= date.earliestDay else { return false }
            guard let end = therapy.end else { return true }
            return end.latestDay + settings.regimenGapDays >= date.earliestDay
        }
        return acting.max { ($0.start?.earliestDay ?? .min) < ($1.start?.earliestDay ?? .min) }
    }

    /// The same as of the assessment's date, each turning day noted for the horizon (`known`,
    /// `stillRunning`).
    func systemicActingNow() -> Treatment? {
        let latency = settings.blasticLatencyWeeks * 7
        return systemicTherapies.first { therapy in
            guard let start = therapy.start, known(PartialDate(dayNumber: start.latestDay + latency)) else { return false }
            guard let end = therapy.end else { return true }
            return stillRunning(until: PartialDate(dayNumber: end.latestDay + settings.regimenGapDays))
        }
    }

    /// A systemic therapy begun on or before `date` but less than `blasticLatencyWeeks` before
    /// it: too recent for what is seen that day to be its effect.
    func systemicTooRecent(at date: PartialDate) -> Treatment? {
        let latency = settings.blasticLatencyWeeks * 7
        return systemicTherapies.first { therapy in
            guard let start = therapy.start else { return false }
            return start.earliestDay <= date.latestDay && start.latestDay + latency > date.earliestDay
        }
    }

    /// A lytic or mixed lesion that has turned blastic under systemic therapy: its latest bone
    /// reading is blastic or completely filled in (MDA: healing, Hamaoka 2004) on a study made
    /// while a regimen was acting. The source hospital does not biopsy blastic bone after systemic
    /// therapy started — the needle would take reactive bone or necrosis — so such a lesion is no
    /// longer the "lytic or mixed lesion biopsied at any time" it was (a breast cancer 5 years
    /// after surgery, two years into anastrozole with every lesion filled in, was still told to
    /// biopsy "the most accessible lytic or mixed lesion (sacrum; T11)").
    func sclerosedUnderTherapy(_ lesion: String) -> PartialDate? {
        // No longer seen at all on a study made while a regimen acted: healed as far as imaging
        // can tell (MDA: complete response) — nothing left to biopsy. A HER2-positive breast
        // cancer's solitary femoral lesion, gone on the bone-window CT after paclitaxel and
        // trastuzumab, read "biopsy indicated — lytic lesions can be biopsied at any time"
        // (unseen record cb85-k, rule set 2026.12.318).
        if let absent = noLongerSeen(lesion), systemicActing(at: absent.date) != nil { return absent.date }
        // Its MRI signal normal again is MDA's complete response on MRI (Hamaoka 2004): a breast
        // cancer's solitary T10, normal on the MRI under letrozole and abemaciclib, read "biopsy
        // indicated — lytic or mixed lesions can be biopsied at any time" (cb111-b, rule set .359).
        guard let latest = presentPoints(lesion).last(where: \.readsBone),
            latest.observation.character == .blastic || latest.observation.fillIn == .complete
                || (latest.study.modality == .mri && latest.observation.normalSignal == true),
            systemicActing(at: latest.study.date) != nil
        else { return nil }
        return latest.study.date
    }
}

extension CaseIndex {
    /// The lesions that healed completely under a hormonal therapy (`healedUnderHormonalTherapy`,
    /// read once), with the day: read blastic after a lytic or mixed reading, completely filled
    /// in, or normal on MRI after a reading that showed it (MDA: complete response, Hamaoka
    /// 2004), on a study made while a regimen with an
    /// endocrine drug and no chemotherapy acted (`systemicActing`; glucocorticoids are supportive,
    /// not endocrine, in `DrugClasses`), the lesion not irradiated before it. Only a hormone-sensitive cancer
    /// heals so under letrozole, fulvestrant or androgen deprivation — not myeloma, whose lesions
    /// rarely heal even under its own therapy (IMWG, Kumar 2016), nor another primary: the
    /// long disease-free interval's question (a second primary or myeloma?) is answered. A breast
    /// cancer with every lesion filled in under letrozole and palbociclib by 2023 was still, in
    /// 2026, "myeloma in the differential", its fixed femur "an undiagnosed lesion" and its
    /// humerus "biopsy first" (unseen record cb76-p).
    func workOutHealedUnderHormonalTherapy() -> LesionKeyed<PartialDate> {
        var healed = LesionKeyed<PartialDate>()
        for lesion in seenLesions {
            let readings = presentPoints(lesion.id).filter(\.readsBone)
            var destructive = false
            var previous: PartialDate?
            for point in readings {
                let observation = point.observation
                defer {
                    if observation.character == .lytic || observation.character == .mixed { destructive = true }
                    previous = point.study.date
                }
                // Its MRI signal normal again after a reading that showed it is MDA's complete
                // response on MRI (Hamaoka 2004), as a complete fill-in is (rule set .361).
                let normalised = point.study.modality == .mri && observation.normalSignal == true && previous != nil
                guard observation.fillIn == .complete || (destructive && observation.character == .blastic) || normalised else { continue }
                let day = point.study.date
                guard let therapy = systemicActing(at: day),
                    let reading = systemicReadings.first(where: { $0.therapy.id == therapy.id })?.reading,
                    reading.classes.contains(.endocrine), !reading.classes.contains(.chemotherapy)
                else { continue }
                // Healed under hormonal therapy alone: every regimen given since the lesion's
                // previous reading (else since the acting one began) is hormonal. A femur sclerotic
                // in rim under capecitabine, filled in by the next CT after it had stopped and
                // fulvestrant begun, was "healed under hormonal therapy, as only a
                // hormone-sensitive cancer does" (unseen record cb98-a, 2026.12.342).
                let from = previous ?? therapy.start ?? day
                let alsoGiven = systemicReadings.filter { $0.therapy.isActive(after: from, before: day) }
                guard alsoGiven.allSatisfy({ $0.reading.classes.contains(.endocrine) && !$0.reading.classes.contains(.chemotherapy) }) else { continue }
                let irradiated = localTreatments(lesion.id, kind: .radiotherapy).contains { ($0.start?.earliestDay ?? .max) <= day.latestDay }
                if irradiated { continue }
                healed[lesion.id] = day
                break
            }
        }
        return healed
    }

    /// A lesion whose latest bone reading (X-ray, CT, MRI) was made before any systemic therapy
    /// began, while other lesions have been read since: what it shows is the picture before
    /// treatment — the day of that reading. A breast cancer's humerus, on one film of 2024-02
    /// and never imaged again, the other lesions healed under two years of letrozole and
    /// palbociclib, stood as "the most accessible lytic lesion" to biopsy for the long
    /// disease-free interval, and kept a myeloma work-up open (unseen record cb62-a): it is to be
    /// imaged again first.
    func readOnlyBeforeTherapy(_ lesion: String) -> PartialDate? {
        guard let firstStart = systemicTherapies.compactMap({ $0.start?.latestDay }).min(),
            let latest = presentPoints(lesion).last(where: \.readsBone), latest.study.date.latestDay < firstStart
        else { return nil }
        let othersReadSince = seenLesions.contains { other in
            other.id != lesion && presentPoints(other.id).contains { $0.readsBone && $0.study.date.earliestDay >= firstStart }
        }
        return othersReadSince ? latest.study.date : nil
    }
}

extension CaseIndex {
    /// The study after the lesion's latest bone reading that recorded it absent (`present: false`)
    /// and can vouch for the bone: a CT read with the bone window (a CT whose windows are not
    /// recorded excludes nothing; nor does a CT exclude a lesion only MRI has shown), an MRI
    /// (marrow), or an X-ray where the lesion's last sighting
    /// was itself on plain film — a film misses what a CT showed until 30–75 % of the bone is
    /// lost (Hamaoka 2004). A tracer study does not: a lytic lesion gone cold on PET is still a
    /// hole in the bone. Nil when the lesion is seen again on or after it, and when it came too
    /// soon after the sighting for the bone to have healed (`absentTooSoon`).
    func noLongerSeen(_ lesion: String) -> ImagingStudy? {
        guard let (absent, scored) = absentReading(lesion), !Self.tooSoonToHeal(from: scored.date, to: absent.date, settings: settings)
        else { return nil }
        return absent
    }

    /// The absent reading of `noLongerSeen` made sooner after the study that showed the lesion
    /// than a bone heals: a lytic L1 on a bone-window CT, "not seen" on the MRI two days later,
    /// was read "the vertebra has healed (MDA complete response)" and its SINS dropped (unseen
    /// record cb107-f, 2026.12.357). One of the readings is wrong; the lesion is read as shown.
    func absentTooSoon(_ lesion: String) -> (absent: ImagingStudy, shown: ImagingStudy)? {
        guard let (absent, scored) = absentReading(lesion), Self.tooSoonToHeal(from: scored.date, to: absent.date, settings: settings)
        else { return nil }
        return (absent, scored)
    }

    /// Healing and flare take weeks to about 3 months (Hamaoka 2004): a lesion gone sooner than
    /// the latency setting after a study showed it has not healed in between. Measured as the
    /// shortest interval the dates allow, so that a reading is never called healed on a guess.
    static func tooSoonToHeal(from shown: PartialDate, to absent: PartialDate, settings: RuleSettings) -> Bool {
        absent.earliestDay - shown.latestDay < settings.blasticLatencyWeeks * 7
    }

    private func absentReading(_ lesion: String) -> (absent: ImagingStudy, scored: ImagingStudy)? {
        // The lesion's own series (oldest first) holds its absent readings too: no scan of every study.
        guard let absent = points(lesion).last(where: { !$0.observation.present })?.study,
            let scored = presentPoints(lesion).last(where: \.readsBone)?.study,
            absent.date.earliestDay > scored.date.latestDay
        else { return nil }
        if let seen = presentPoints(lesion).last, seen.study.date.latestDay >= absent.date.earliestDay { return nil }
        // Removed by an operation since it was last seen (resection, arthroplasty, curettage):
        // its absence is the operation, not healing (`lastRemoval`).
        if let removed = lastRemoval(lesion, onOrBefore: absent.date), removed.latestDay >= scored.date.earliestDay { return nil }
        switch absent.modality {
        case .ct:
            // A lesion only MRI has shown (marrow signal) is not excluded by a CT: CT sees bone
            // destruction, and marrow disease precedes it (Hamaoka 2004). An L2 seen on the MRI
            // alone, "not seen" on a CT, read "healed (MDA complete response)".
            guard absent.windows.contains(.bone),
                  presentPoints(lesion).contains(where: { point in
                      switch point.study.modality {
                      case .ct, .xray: true
                      case .petCt: MDA.hasAnatomy(point.observation)
                      case .mri, .boneScan: false
                      }
                  })
            else { return nil }
            return (absent, scored)
        case .mri: return (absent, scored)
        case .xray: return scored.modality == .xray ? (absent, scored) : nil
        case .boneScan, .petCt: return nil
        }
    }
}
