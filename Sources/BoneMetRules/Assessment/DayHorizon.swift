/// How long an assessment stays true as days pass (issue #12). The rules read the date of the
/// assessment in three ways only — whether a dated fact had happened by then (`known`), whether
/// something with an end date still ran (`stillRunning`), and the patient's age — and each
/// notes here the first later day on which its answer turns. The earliest such day is when the
/// same record must be assessed again; before it, re-assessing can only give the same findings
/// (the findings dated "as of the assessment" aside). Earlier is always safe; later never is,
/// so a turning day is rounded down where it is not exact (a 29 February birthday).
final class DayHorizon {
    let asOf: PartialDate
    /// The first day after `asOf` on which a reading noted so far turns; nil while none can.
    private(set) var next: Int?

    init(asOf: PartialDate) {
        self.asOf = asOf
    }

    private func watch(_ day: Int) {
        guard day > asOf.latestDay else { return }
        next = min(next ?? day, day)
    }

    /// A dated fact counts once its earliest day is on or before the assessment's last day.
    func known(_ date: PartialDate?) -> Bool {
        guard let date else { return true }
        if date.earliestDay <= asOf.latestDay { return true }
        watch(date.earliestDay)
        return false
    }

    /// Something ending on `end` still runs while its last day is not before the assessment's
    /// first; it stops counting the day after.
    func stillRunning(until end: PartialDate) -> Bool {
        guard end.latestDay >= asOf.earliestDay else { return false }
        watch(end.latestDay + 1)
        return true
    }

    /// Whole years from a birth date change on its anniversary (`PartialDate.wholeYears`: a
    /// missing month or day reads as the first).
    func watchAnniversary(of birth: PartialDate) {
        let month = birth.month ?? 1
        let day = birth.day ?? 1
        let after = PartialDate(dayNumber: asOf.latestDay)
        let year = ((after.month ?? 1), (after.day ?? 1)) < (month, day) ? after.year : after.year + 1
        watch(PartialDate.days(year: year, month: month, day: min(day, PartialDate.daysInMonth(year: year, month: month))))
    }
}
