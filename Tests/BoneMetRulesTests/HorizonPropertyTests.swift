import BoneMetRules
import Testing

/// Issue #12: the background re-assessment visits a stored case again only on its
/// `nextChange` day. That is safe only if no day before it gives other findings. These tests
/// walk generated whole records day by day (`ContradictionPropertyTests.randomRecord`: planned
/// and future-dated treatments, doses, course ends, labs, pain, biopsies, birthdays) and fail
/// on any finding that changes before the promised day.
@Suite struct HorizonPropertyTests {
    /// What a stored finding holds but its date, and its date.
    struct Stable: Hashable {
        let rest: String
        let date: PartialDate?
        init(_ f: Finding) {
            rest = [
                f.ruleId, f.severity.rawValue, f.duty.rawValue, f.specialty.rawValue, f.subject.kind, f.subject.id ?? "",
                f.title.en, f.title.zhHans, f.detail.en, f.detail.zhHans,
                f.inputs.map { "\($0.name)=\($0.value)" }.joined(separator: ","), f.claims.map { "\($0)" }.joined(separator: ","),
            ].joined(separator: "|")
            date = f.date
        }
    }

    static func stable(_ record: CaseRecord, _ asOf: PartialDate) -> (findings: [Stable], next: PartialDate?) {
        let a = assess(record, asOf: asOf)
        return (a.findings.map(Stable.init), a.nextChange)
    }

    /// The same findings, but that a finding holding "as of the assessment" carries each
    /// assessment's own date (which moves every day by definition): after pairing equal dates,
    /// what is left must be dated `asOf` before and `day` after, as many of each.
    static func same(_ first: [Stable], asOf: PartialDate, _ later: [Stable], on day: PartialDate) -> Bool {
        let a = Dictionary(grouping: first, by: \.rest)
        let b = Dictionary(grouping: later, by: \.rest)
        guard Set(a.keys) == Set(b.keys) else { return false }
        for (rest, before) in a {
            var left = before.map(\.date)
            var right: [PartialDate?] = []
            for date in (b[rest] ?? []).map(\.date) {
                if let i = left.firstIndex(of: date) { left.remove(at: i) } else { right.append(date) }
            }
            guard left.count == right.count, left.allSatisfy({ $0 == asOf }), right.allSatisfy({ $0 == day }) else { return false }
        }
        return true
    }

    @Test func noFindingChangesBeforeTheNextChangeDay() {
        let random = ContradictionPropertyTests.Random(generator: AssessmentPropertyTests.Generator(state: 1212))
        var walked = 0
        var promised = 0
        var turnedOnTheDay = 0
        for id in 0..<150 {
            let record = ContradictionPropertyTests.randomRecord(random, id: id)
            for offset in [random.int(-30...200), random.int(200...700)] {
                let asOf = ContradictionPropertyTests.start.adding(days: offset)
                let first = Self.stable(record, asOf)
                let horizon = first.next?.earliestDay ?? Int.max
                #expect(horizon > asOf.earliestDay, "record \(id) as of \(asOf): next change \(first.next?.description ?? "-") is not after")
                if first.next != nil { promised += 1 }
                // Every day up to 40 days on, and the day before the promised one.
                var days = Array(1...40).map { asOf.earliestDay + $0 }
                if horizon != Int.max && horizon - 1 > asOf.earliestDay + 40 { days.append(horizon - 1) }
                for dayNumber in days {
                    let later = Self.stable(record, PartialDate(dayNumber: dayNumber))
                    walked += 1
                    if dayNumber < horizon {
                        if !Self.same(first.findings, asOf: asOf, later.findings, on: PartialDate(dayNumber: dayNumber)) {
                            let gone = Set(first.findings).subtracting(later.findings).map { "\($0.rest.prefix(60))… \($0.rest.suffix(60)) \($0.date?.description ?? "")" }
                            let new = Set(later.findings).subtracting(first.findings).map { "\($0.rest.prefix(60))… \($0.rest.suffix(60)) \($0.date?.description ?? "")" }
                            Issue.record("record \(id): findings as of \(asOf) changed by \(PartialDate(dayNumber: dayNumber)), before the promised \(first.next?.description ?? "never"): \(gone) → \(new)")
                            break
                        }
                    } else if dayNumber == horizon, !Self.same(first.findings, asOf: asOf, later.findings, on: PartialDate(dayNumber: dayNumber)) {
                        turnedOnTheDay += 1
                    }
                }
            }
        }
        // The walk is not vacuous: most records promise a day, and on many the findings do turn then.
        #expect(walked > 10_000)
        #expect(promised > 100)
        #expect(turnedOnTheDay > 10)
    }

    @Test func aPlannedStartADueDoseACourseEndAndABirthdayAreEachAChangeDay() {
        var seen = LesionObservation(lesion: "L1")
        seen.character = .lytic
        seen.diametersMm = [20, 15]
        var record = CaseRecord(
            patient: Patient(id: "horizon", sex: .female, birthDate: day("1955-03-10")),
            primaries: [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2024-01-10"))],
            lesions: [Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .left)],
            studies: [ImagingStudy(id: "S1", date: day("2025-01-05"), modality: .ct, windows: [.softTissue, .bone],
                observations: [seen])])
        // Nothing dated ahead: the next birthday is the only day that can change a finding.
        #expect(assess(record, asOf: day("2025-02-01")).nextChange == day("2025-03-10"))
        // A dose given on 2025-02-01 every 4 weeks is due on 2025-03-01 — before the birthday.
        record.treatments = [Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2025-02-01"), agent: .zoledronicAcid, doses: [day("2025-02-01")])]
        #expect(assess(record, asOf: day("2025-02-01")).nextChange == day("2025-03-01"))
        // The agent's course ends on 2025-02-20: from 2025-02-21 it no longer runs.
        // The agent's course ends on 2025-02-20: the end is known from that day, and from
        // 2025-02-21 the agent no longer runs.
        record.treatments[0].end = day("2025-02-20")
        #expect(assess(record, asOf: day("2025-02-10")).nextChange == day("2025-02-20"))
        #expect(assess(record, asOf: day("2025-02-20")).nextChange == day("2025-02-21"))
        // A study dated ahead (entered before it happened) counts from its day.
        record.treatments = []
        record.studies.append(ImagingStudy(id: "S2", date: day("2025-02-15"), modality: .mri, observations: []))
        #expect(assess(record, asOf: day("2025-02-01")).nextChange == day("2025-02-15"))
        // Without a birth date and with nothing ahead, only a new fact can change the findings.
        record.patient.birthDate = nil
        #expect(assess(record, asOf: day("2025-03-01")).nextChange == nil)
    }

    @Test func aTwentyNinthOfFebruaryBirthdayIsWatchedNoLaterThanItTurns() {
        let record = CaseRecord(
            patient: Patient(id: "leap", sex: .male, birthDate: day("1960-02-29")),
            primaries: [PrimaryCancer(id: "P1", site: .prostate)], lesions: [], studies: [])
        // 2025 has no 29 February: the age turns on 1 March; the horizon says 28 February (earlier is safe).
        #expect(assess(record, asOf: day("2025-01-15")).nextChange == day("2025-02-28"))
        #expect(assess(record, asOf: day("2028-01-15")).nextChange == day("2028-02-29"))
    }
}
