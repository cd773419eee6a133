/// One bone-modifying agent recorded as two courses over the same time: an EHR that sends the
/// order twice, or a new row for the same course (a dose written again, a renewed
/// prescription) with the first left open. Read apart, a zoledronic acid entered as Z1 (doses to
/// May) and Z2 (the same doses and June's) said "dose due since 2026-06-04" from the one row
/// while the other recorded that very dose, and every finding of the course twice (unseen record
/// cb82-q, rule set 2026.12.316). One agent cannot run as two courses at once: rows of the same
/// agent and dose class (the bone-loss dose is another regimen) whose spans overlap — the later
/// begun before the earlier ended, or the earlier still open — are read as one course: the first
/// row's id, the earliest start, every dose given in either, the dose and interval of the later
/// row (the one in force), open if either is open. `boneAgents.recordedTwice` names the rows.
extension CaseIndex {
    struct JoinedCourse: Sendable {
        let kept: String
        let joined: [String]
    }

    static func agentCoursesJoined(_ treatments: [Treatment]) -> (treatments: [Treatment], joined: [JoinedCourse]) {
        var result: [Treatment] = []
        var joined: [String: [String]] = [:]
        for treatment in treatments {
            guard treatment.kind == .boneModifyingAgent, !treatment.planned, let agent = treatment.agent, agent != .other,
                let start = treatment.start,
                let at = result.lastIndex(where: { course in
                    course.kind == .boneModifyingAgent && !course.planned && course.agent == agent
                        && course.isBoneLossDose == treatment.isBoneLossDose
                        && (course.start.map { $0.earliestDay <= start.latestDay } ?? false)
                        && (course.end.map { start.earliestDay <= $0.latestDay } ?? true)
                })
            else {
                result.append(treatment)
                continue
            }
            var course = result[at]
            var doses = course.givenDoses
            for dose in treatment.givenDoses where !doses.contains(dose) { doses.append(dose) }
            course.doses = doses.sorted()
            if course.end == nil || treatment.end == nil {
                course.end = nil
                course.stopReason = nil
            } else if let end = treatment.end, let kept = course.end, end > kept {
                course.end = end
                course.stopReason = treatment.stopReason
            }
            course.doseMg = treatment.doseMg ?? course.doseMg
            course.intervalWeeks = treatment.intervalWeeks ?? course.intervalWeeks
            course.name = course.name ?? treatment.name
            for code in treatment.codes where !course.codes.contains(code) { course.codes.append(code) }
            result[at] = course
            joined[course.id, default: []].append(treatment.id)
        }
        let courses = result.filter { joined[$0.id] != nil }.map { JoinedCourse(kept: $0.id, joined: joined[$0.id] ?? []) }
        return (result, courses)
    }
}
