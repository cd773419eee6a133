/// The serum M protein over a myeloma's treatment, shown beside the note that its response is
/// IMWG's. A myeloma whose M protein fell from 4.2 to 0.9 g/dL on VRd read only "response by the
/// IMWG criteria" with the values on record unshown (unseen record cb74-f). Shown, not
/// categorised: IMWG's response also needs the urine M protein, immunofixation and marrow, and its
/// confirmation (Kumar S et al. Lancet Oncol 2016;17:e328-46) — haematology's reading.
extension CaseIndex {
    /// "4.2 g/dL (2026-09-10, before VRd) → 0.9 g/dL (2026-11-15): −79 % from the baseline", with
    /// the lowest value where the latest is not it; nil with fewer than two results.
    func mProteinCourse() -> LocalizedText? {
        let values = labs.filter { $0.test == .mProtein }.compactMap { lab in lab.canonicalValue.map { (lab, $0) } }
        guard values.count >= 2, let latest = values.last else { return nil }
        // The baseline: the latest value on or before the first regimen's start, else the first.
        let firstRegimen = systemicTherapies.first { $0.start != nil }
        let before = firstRegimen?.start.flatMap { start in values.last { $0.0.date.latestDay <= start.latestDay } }
        let baseline = before ?? values[0]
        guard baseline.0.date.latestDay < latest.0.date.earliestDay else { return nil }
        let since = values.filter { $0.0.date.earliestDay > baseline.0.date.latestDay }
        let gdl = { (v: Double) in "\(Self.format(v, decimals: 2)) g/dL" }
        let label = { (lab: LabResult, grams: Double) -> LocalizedText in
            let regimen = before != nil && lab.date == baseline.0.date ? firstRegimen.map(\.displayName) : nil
            return LocalizedText(
                en: "\(gdl(grams)) (\(lab.date)\(regimen.map { ", before \($0.en)" } ?? ""))",
                zh: "\(gdl(grams))（\(lab.date)\(regimen.map { "，\($0.zhHans)前" } ?? "")）")
        }
        var text = LocalizedText(
            en: "\(label(baseline.0, baseline.1).en) → \(label(latest.0, latest.1).en)",
            zh: "\(label(baseline.0, baseline.1).zhHans) → \(label(latest.0, latest.1).zhHans)")
        if baseline.1 > 0 {
            let change = (latest.1 - baseline.1) / baseline.1 * 100
            let sign = change > 0 ? "+" : change < 0 ? "−" : ""
            let percent = "\(sign)\(Self.format(abs(change), decimals: 0)) %"
            text = LocalizedText(en: "\(text.en): \(percent) from the baseline", zh: "\(text.zhHans)：较基线 \(percent)")
        }
        if let lowest = since.min(by: { $0.1 < $1.1 }), lowest.1 < latest.1 {
            text = LocalizedText(
                en: "\(text.en); lowest \(label(lowest.0, lowest.1).en)", zh: "\(text.zhHans)；最低 \(label(lowest.0, lowest.1).zhHans)")
        }
        return text
    }
}
