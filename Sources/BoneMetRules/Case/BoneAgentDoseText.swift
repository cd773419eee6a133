/// A bone-modifying agent's dose and interval as a regimen row writes them when the agent was
/// entered as a systemic therapy: "地舒单抗 120mg 皮下注射 q4w", "唑来膦酸 4mg 每4周",
/// "zoledronic acid 4 mg IV every 12 weeks", "Xgeva 120 mg q28d". The course read from such a row
/// said "no dose on record" beside the 120 mg its text wrote, and the zoledronic acid dose check
/// by creatinine clearance had no ordered dose to compare. One dose and one interval only.
enum BoneAgentDoseText {
    nonisolated(unsafe) static let dose = #/(?i)(\d+(?:\.\d+)?)\s*mg(?![a-z/])/#
    nonisolated(unsafe) static let weeks = #/(?i)(?:\bq\s*(\d{1,2})\s*(?:w|wk|wks|weeks?)\b|每\s*(\d{1,2})\s*周|every\s+(\d{1,2})\s+weeks?|\bq\s*(\d{1,3})\s*d(?:ays?)?\b)/#

    static func read(_ text: String) -> (mg: Double?, weeks: Int?) {
        let doses = Set(text.matches(of: dose).compactMap { Double($0.output.1) })
        let intervals = Set(text.matches(of: weeks).compactMap { match -> Int? in
            if let w = match.output.1 ?? match.output.2 ?? match.output.3 { return Int(w) }
            // Days: only a whole number of weeks (q28d is every 4 weeks).
            return match.output.4.flatMap { Int($0) }.flatMap { $0 % 7 == 0 && $0 > 0 ? $0 / 7 : nil }
        })
        return (doses.count == 1 ? doses.first : nil, intervals.count == 1 ? intervals.first.flatMap { $0 > 0 ? $0 : nil } : nil)
    }
}
