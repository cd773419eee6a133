/// A radiotherapy course's dose as EHRs and case records write it in its name, when no dose is
/// recorded beside it (no mCODE dose extension; no `doseGy`): "Radiotherapy T10 30 Gy/10 fx",
/// "SBRT 24Gy/2F", "8 Gy x 1", "20 Gy in 5 fractions", "放疗 30Gy/10次", "3000 cGy/10". An EHR's
/// "Radiotherapy T10 30 Gy/10 fx" came in with no dose, and a later course read "cumulative dose
/// not on record — obtain it".
/// One total dose only: a text naming two ("20 Gy … boost 10 Gy") is not read. A case record's
/// "T6 姑息放疗 20Gy/5F" without `doseGy` read "cumulative dose not on record — obtain it" too.
public enum RadiotherapyDoseText {
    nonisolated(unsafe) static let pattern = #/(?i)(\d+(?:\.\d+)?)\s*(c?gy)(?:\s*(?:/|in|×|x|\*)\s*(\d{1,2})\s*(?:fx|fractions?|f|次|分次)?(?![\d.]))?/#

    /// One fraction written in words: "8 Gy single fraction", "8Gy单次照射" (ehr33: "Palliative
    /// radiotherapy left femur 8 Gy single fraction" read its dose and no fraction count). Not
    /// "单次" alone: "单次3Gy" is the dose of each fraction.
    static let singleFraction = ["single fraction", "single-fraction", "one fraction", "单次照射", "单次放疗"]

    public static func read(_ text: String?) -> (gy: Double, fractions: Int?)? {
        guard let text, !text.isEmpty else { return nil }
        let matches = text.matches(of: pattern)
        guard matches.count == 1, let match = matches.first, let value = Double(match.output.1) else { return nil }
        let gy = match.output.2.lowercased() == "cgy" ? value / 100 : value
        // A fraction count of 0 or a total beyond any course: not a dose.
        guard gy > 0, gy <= 100 else { return nil }
        let fractions = match.output.3.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            ?? (singleFraction.contains(where: text.lowercased().contains) ? 1 : nil)
        return (gy, fractions)
    }
}
