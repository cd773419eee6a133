/// Laboratory values the rules derive from the record: creatinine clearance, albumin-corrected
/// calcium and the myeloma-defining CRAB features.
extension CaseIndex {
    struct Clearance {
        let value: Double
        let date: PartialDate
        let creatinine: Double
    }

    /// Cockcroft–Gault from the latest creatinine on or before a date (default: the assessment
    /// date), with the weight and age at that date (reference.md).
    func creatinineClearance(onOrBefore date: PartialDate? = nil) -> Clearance? {
        guard let lab = latestLab(.creatinine, onOrBefore: date), let creatinine = lab.canonicalValue, creatinine > 0,
            let sex = record.patient.sex, let age = age(at: lab.date), (18...120).contains(age),
            let weight = latestWeight(onOrBefore: lab.date) ?? latestWeight()
        else { return nil }
        let value = CockcroftGault.clearance(.init(sex: sex, ageYears: age, weightKg: weight.kg, serumCreatinineMgDl: creatinine))
        return Clearance(value: value, date: lab.date, creatinine: creatinine)
    }

    struct CorrectedCalcium {
        let date: PartialDate
        /// mg/dL, albumin-corrected when an albumin was on record.
        let mgDl: Double
        let measuredMgDl: Double
        let albuminGDl: Double?
        /// The upper limit used, mg/dL: the result's own, else the setting.
        let upperLimitMgDl: Double
    }

    /// The latest calcium, corrected for the latest albumin on or before it (Payne RB et al.
    /// BMJ 1973;4:643-6: Ca mg/dL + 0.8 × (4.0 − albumin g/dL)).
    func correctedCalcium() -> CorrectedCalcium? {
        guard let lab = latestLab(.calcium), let measured = lab.canonicalValue else { return nil }
        let albumin = latestLab(.albumin, onOrBefore: lab.date)?.canonicalValue
        let corrected = albumin.map { measured + 0.8 * (4.0 - $0) } ?? measured
        let factor = lab.test.factor(for: lab.unit) ?? 1
        let upper = lab.upperLimit.map { $0 * factor } ?? settings.calciumUpperLimitMgDl
        return CorrectedCalcium(
            date: lab.date, mgDl: (corrected * 100).rounded() / 100, measuredMgDl: measured, albuminGDl: albumin, upperLimitMgDl: upper)
    }

    /// One CRAB feature (IMWG, Rajkumar 2014): abnormal, normal, or not on record.
    struct CRABFeature {
        let name: LocalizedText
        /// nil: not on record.
        let abnormal: Bool?
        let value: String?
    }

    /// Calcium > 11 mg/dL or > 1 mg/dL above the upper limit; CrCl < 40 mL/min or creatinine
    /// > 2 mg/dL; haemoglobin < 10 g/dL or > 2 g/dL below the lower limit; ≥ 1 osteolytic lesion.
    func crab() -> [CRABFeature] {
        var features: [CRABFeature] = []
        if let calcium = correctedCalcium() {
            let abnormal = calcium.mgDl > 11 || calcium.mgDl > calcium.upperLimitMgDl + 1
            features.append(CRABFeature(
                name: LocalizedText(en: "calcium", zh: "血钙"), abnormal: abnormal,
                value: "\(Self.format(calcium.mgDl)) mg/dL\(calcium.albuminGDl == nil ? "" : " (corrected)")"))
        } else {
            features.append(CRABFeature(name: LocalizedText(en: "calcium", zh: "血钙"), abnormal: nil, value: nil))
        }
        let clearance = creatinineClearance()
        if let creatinine = latestLab(.creatinine)?.canonicalValue {
            let abnormal = creatinine > 2 || (clearance.map { $0.value < 40 } ?? false)
            features.append(CRABFeature(
                name: LocalizedText(en: "renal function", zh: "肾功能"), abnormal: abnormal,
                value: "creatinine \(Self.format(creatinine)) mg/dL\(clearance.map { ", CrCl \(Self.format($0.value)) mL/min" } ?? "")"))
        } else {
            features.append(CRABFeature(name: LocalizedText(en: "renal function", zh: "肾功能"), abnormal: nil, value: nil))
        }
        if let lab = latestLab(.hemoglobin), let hb = lab.canonicalValue {
            let lower = lab.lowerLimit.map { $0 * (lab.test.factor(for: lab.unit) ?? 1) }
            let abnormal = hb < 10 || (lower.map { hb < $0 - 2 } ?? false)
            features.append(CRABFeature(name: LocalizedText(en: "haemoglobin", zh: "血红蛋白"), abnormal: abnormal, value: "\(Self.format(hb)) g/dL"))
        } else {
            features.append(CRABFeature(name: LocalizedText(en: "haemoglobin", zh: "血红蛋白"), abnormal: nil, value: nil))
        }
        let lytic = seenLesions.filter { characters($0.id).contains(.lytic) }.count
        features.append(CRABFeature(
            name: LocalizedText(en: "osteolytic lesions", zh: "溶骨性病变"), abnormal: lytic > 0, value: String(lytic)))
        return features
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(describing: rounded)
    }
}
