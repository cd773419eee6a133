/// The assessment of a case as of a date: every finding of the three orthopaedic duties and
/// bone-modifying agents, with the structured results behind them (response per time point,
/// Mirels history, prognosis scores). Pure: the same record, date and settings always give
/// the same assessment.
public struct Assessment: Sendable {
    public let asOf: PartialDate
    public let settings: RuleSettings
    public let ruleSetVersion: String
    /// Ordered by severity (most urgent first), then duty, date, subject and rule.
    public let findings: [Finding]
    public let timePoints: [TimePointResponse]
    public let mirels: [MirelsTimePoint]
    public let tokuhashi: Tokuhashi.Result?
    public let tomita: Tomita.Result?
    public let katagiri: Katagiri.Result?
    /// The first day after `asOf` on which the same record, settings and rule set can give
    /// different findings (a planned treatment starts, a dose falls due, a course's end passes,
    /// a birthday); nil when only a new fact can change them. Before it, re-assessing gives the
    /// same findings but for the date of those that hold "as of the assessment" (issue #12:
    /// the background re-assessment visits only cases whose day has come).
    public let nextChange: PartialDate?

    public func findings(for duty: Duty) -> [Finding] { findings.filter { $0.duty == duty } }
}

/// Mirels of one long-bone lesion at one study.
public struct MirelsTimePoint: Sendable, Hashable {
    public let lesion: String
    public let study: String
    public let date: PartialDate
    public let input: Mirels.Input
    public let total: ScoreTotal
    public let band: Mirels.Band?
    public let fixationAlert: Bool?
}

/// Assesses a case record as of a date (issue #3). Facts dated after `asOf` are ignored, so an
/// assessment can be replayed as it stood on any day.
///
/// `details: false` writes each finding's title but not its detail and inputs (left empty):
/// for the background re-assessment, which stores only what a list shows (rule, severity,
/// subject, date, title) and compares it with what was stored — the details were a large part
/// of its time (issue #12). Every other field is the same as with details.
public func assess(_ record: CaseRecord, asOf: PartialDate, settings: RuleSettings = .default, details: Bool = true) -> Assessment {
    details
        ? assessing(record, asOf: asOf, settings: settings)
        : Finding.$detailsWritten.withValue(false) { assessing(record, asOf: asOf, settings: settings) }
}

private func assessing(_ record: CaseRecord, asOf: PartialDate, settings: RuleSettings) -> Assessment {
    let index = CaseIndex(record, asOf: asOf, settings: settings)
    let pcwg3 = PCWG3Rules(index: index)
    let verdicts = pcwg3.verdicts()
    let psa = pcwg3.psaProgressions()
    let response = ResponseRules(index: index, pcwg3: verdicts, psa: psa)
    let timePoints = response.timePoints()
    let surgery = SurgeryRules(index: index)
    let history = surgery.mirelsHistory()
    let prognosis = PrognosisRules(index: index)
    let scores = prognosis.scores()
    // Surgery first: diagnosis rules must know which lesions a finding proposes to operate on,
    // so that "fix" and "biopsy first" / "do not biopsy" never disagree.
    let surgical = surgery.findings(history: history, prognosis: scores, timePoints: timePoints)
    let differential = DifferentialRules(index: index).findings()
    let operated = Set((surgical + differential).flatMap(\.claims).filter { $0.topic == .fixation }.map(\.about))

    var findings = DiagnosisRules(
        index: index, surgeryProposed: operated, myelomaInDifferential: differential.contains { $0.ruleId == "diagnosis.differential.myeloma" },
        timePoints: timePoints
    ).findings()
    findings += differential
    findings += response.findings(timePoints)
    findings += pcwg3.findings(verdicts, psa: psa)
    findings += surgical
    // An operation proposed (fix now, or biopsy first) while an anti-angiogenic drug runs.
    let proposed = Set((surgical + differential).flatMap(\.claims)
        .filter { $0.topic == .fixation && ($0.stance == "fixNow" || $0.stance == "biopsyFirst") }.map(\.about))
    findings += surgery.antiAngiogenicTiming(proposed: proposed)
    findings += prognosis.findings(scores)
    findings += LabRules(index: index).findings()
    findings += BoneAgentRules(index: index, katagiri: scores.katagiri, timePoints: timePoints).findings()
    if let later = DiagnosisRules.datedAfterFinding(record, known: index.horizon.known) { findings.append(later) }

    // Most urgent first everywhere (page, report, API) — of equal severity, those whose source
    // gives hours to act (fewest first: a compression with a deficit, NICE NG234); then by duty,
    // date, subject and rule, so the order never depends on the record's order.
    // Each finding's key is worked out once (an interval's id is a new string each time) and
    // the findings are moved once, not at every step of the sort.
    let keys = findings.map { finding in
        (severity: finding.severity.rank, hours: finding.withinHours ?? Int.max, duty: finding.duty.rank, date: finding.date?.earliestDay ?? Int.min,
         kind: finding.subject.kind, subject: finding.subject.id ?? "", rule: finding.ruleId)
    }
    let order = keys.indices.sorted { i, j in
        let a = keys[i]
        let b = keys[j]
        if a.severity != b.severity { return a.severity > b.severity }
        if a.hours != b.hours { return a.hours < b.hours }
        if a.duty != b.duty { return a.duty < b.duty }
        if a.date != b.date { return a.date < b.date }
        return (a.kind, a.subject, a.rule) < (b.kind, b.subject, b.rule)
    }
    findings = order.map { findings[$0] }
    // After a recorded death nothing is proposed (the death date is a day the findings turn on
    // when the assessment is replayed as of an earlier day).
    let died = record.patient.deathDate.map { index.horizon.known($0) } ?? (record.patient.deceased == true)
    if died {
        let conflict = DiagnosisRules.afterDeathFinding(record, known: index.horizon.known)
        findings = (conflict.map { [$0] } ?? []) + [DiagnosisRules.deceasedFinding(record.patient, entriesAfter: conflict != nil)]
    }
    return Assessment(
        asOf: asOf, settings: settings, ruleSetVersion: RuleSet.version, findings: findings, timePoints: timePoints,
        mirels: history.map {
            MirelsTimePoint(
                lesion: $0.lesion, study: $0.study.id, date: $0.study.date, input: $0.input, total: $0.result.total,
                band: $0.result.band, fixationAlert: $0.result.fixationAlert)
        },
        tokuhashi: scores.tokuhashi, tomita: scores.tomita, katagiri: scores.katagiri,
        nextChange: died ? nil : index.horizon.next.map(PartialDate.init(dayNumber:)))
}
