/// ECOG and Karnofsky (KPS) performance status read for one another, for the scores that ask
/// for the scale the record did not use (revised Tokuhashi: KPS; New Katagiri: ECOG).
///
/// The published conversions disagree — ECOG-ACRIN's scale beside Karnofsky (ECOG 0 = KPS
/// 90–100, 1 = 70–80, 2 = 50–60, 3 = 30–40, 4 = 10–20; Oken 1982), Ma 2010 (100, 80–90, 60–70,
/// 40–50, 10–30) and Prasad 2018 (100, 80–90, 70, 50–60, 10–40) — so no one table is chosen:
/// a grade stands for the union of what they give it, and a score item is settled only when
/// every reading scores alike (rule set 2026.12.48).
public enum PerformanceConversion {
    /// The KPS an ECOG grade may stand for; nil outside 0–4.
    public static func kpsRange(ecog: Int) -> ClosedRange<Int>? {
        switch ecog {
        case 0: 90...100
        case 1: 70...90
        case 2: 50...70
        case 3: 30...60
        case 4: 10...40
        default: nil
        }
    }

    /// The ECOG grades a KPS may stand for (a KPS between the scale's steps read with the step
    /// below, as Tokuhashi's points read it); nil outside 0–100.
    public static func ecogRange(kps: Int) -> ClosedRange<Int>? {
        guard (0...100).contains(kps) else { return nil }
        let step = max(10, kps / 10 * 10)
        let grades = (0...4).filter { kpsRange(ecog: $0)?.contains(step) == true }
        guard let low = grades.min(), let high = grades.max() else { return nil }
        return low...high
    }

    public static let citations = [
        Citation(id: "oken1982", text: "Oken MM et al. Am J Clin Oncol 1982;5:649-55 (ECOG performance status; ECOG-ACRIN scale beside Karnofsky)"),
        Citation(id: "ma2010", text: "Ma C et al. Eur J Cancer 2010;46:3175-83 (interconversion of ECOG, KPS and PPS)"),
        Citation(id: "prasad2018", text: "Prasad KT et al. World J Clin Oncol 2018;9:140-7 (KPS–ECOG interconversion, 5 844 paired assessments)"),
    ]
}
