/// Laboratory values the rules derive from the record: creatinine clearance, albumin-corrected
/// calcium and the myeloma-defining CRAB features.
extension CaseIndex {
    struct Clearance {
        let value: Double
        let date: PartialDate
        /// mg/dL.
        let creatinine: Double
        /// The creatinine as the laboratory reported it: "64 µmol/L (0.72 mg/dL)", "0.7 mg/dL".
        let creatinineAsReported: String
        /// The weight the formula took and its date, and the age at the creatinine: said with the
        /// dose, so a weight from years before is seen (a 78-kg weight two and a half years old
        /// made a 50 mL/min clearance nobody could check).
        var weight: WeightRecord? = nil
        var ageYears: Int? = nil
        /// The age at the latest day the partial birth date can mean, when younger than
        /// `ageYears`: a birth year alone makes the age one of two, and the older one (the lower
        /// clearance, the cautious dose) is taken — said, so that a reader who works the formula
        /// with the younger age sees why the band differs (cb22-h: born "1950", CrCl 49.3 at 76
        /// and 50.0 at 75, 3.3 mg against 3.5 mg).
        var youngestAge: Int? = nil

        var otherInputs: LocalizedText {
            let weightText = weight.map { w in
                LocalizedText(en: "weight \(CaseIndex.format(w.kg)) kg (\(w.date))", zh: "体重 \(CaseIndex.format(w.kg)) kg（\(w.date)）")
            }
            let ageText = ageYears.map { age in
                guard let young = youngestAge, young < age else { return LocalizedText(en: "age \(age)", zh: "年龄 \(age) 岁") }
                return LocalizedText(
                    en: "age \(age) (the birth date gives \(young)–\(age): the older age, the lower clearance, is taken)",
                    zh: "年龄 \(age) 岁（按出生日期为 \(young)–\(age) 岁：取较大年龄，即较低的肌酐清除率）")
            }
            return LocalizedText.joined([weightText, ageText].compactMap { $0 }, en: ", ", zh: "，")
        }
    }

    /// A creatinine amount (a limit, a rise) in mg/dL, and in the unit of `lab` when the
    /// laboratory reports another: "0.88 mg/dL (78 µmol/L)".
    static func creatinineAmount(_ mgDl: Double, like lab: LabResult) -> String {
        let mg = "\(format(mgDl, decimals: 2)) mg/dL"
        guard lab.unit != "mg/dL", let factor = lab.test.factor(for: lab.unit), factor > 0 else { return mg }
        return "\(mg) (\(format(mgDl / factor, decimals: factor < 0.1 ? 0 : 2)) \(lab.unit))"
    }

    /// A creatinine as reported, with mg/dL when it was reported in another unit.
    static func creatinineText(_ lab: LabResult, mgDl: Double) -> String {
        let mg = "\(format(mgDl, decimals: 2)) mg/dL"
        return lab.unit == "mg/dL" ? mg : "\(format(lab.value, decimals: 2)) \(lab.unit) (\(mg))"
    }

    /// Cockcroft–Gault from the latest creatinine on or before a date (default: the assessment
    /// date), with the weight and age at that date (reference.md).
    func creatinineClearance(onOrBefore date: PartialDate? = nil) -> Clearance? {
        let key = date?.latestDay ?? Int.max
        if let known = clearanceMemo[key] { return known }
        let clearance = workOutClearance(onOrBefore: date)
        clearanceMemo[key] = clearance
        return clearance
    }

    private func workOutClearance(onOrBefore date: PartialDate?) -> Clearance? {
        guard let lab = latestLab(.creatinine, onOrBefore: date), let creatinine = lab.canonicalValue, creatinine > 0,
            let sex = record.patient.sex, let age = age(at: lab.date), (18...120).contains(age),
            let weight = weight(nearest: lab.date)
        else { return nil }
        let value = CockcroftGault.clearance(.init(sex: sex, ageYears: age, weightKg: weight.kg, serumCreatinineMgDl: creatinine))
        let birth = record.patient.birthDate.map { PartialDate(dayNumber: $0.latestDay) }
        return Clearance(
            value: value, date: lab.date, creatinine: creatinine, creatinineAsReported: Self.creatinineText(lab, mgDl: creatinine), weight: weight,
            ageYears: age, youngestAge: birth?.wholeYears(to: lab.date))
    }

    /// What keeps Cockcroft–Gault from being computed: the inputs missing, and an age under 18 at
    /// the creatinine (the formula was derived in adults, and the Zometa label's dose table is
    /// for adults). A 16-year-old with creatinine, weight, sex and birth date on record was asked
    /// to "record serum creatinine, weight, sex and birth date".
    /// With only the weight missing: CrCl per kilogram of body weight at the creatinine on or
    /// before `date` (the latest without one), the patient's sex and an adult age — Cockcroft &
    /// Gault 1976 is linear in weight, so a dose band's CrCl is a weight. Nil otherwise.
    func clearancePerKilogram(onOrBefore date: PartialDate? = nil) -> (lab: LabResult, creatinineMgDl: Double, age: Int, perKg: Double)? {
        guard latestWeight() == nil, let lab = latestLab(.creatinine, onOrBefore: date), let creatinine = lab.canonicalValue,
            creatinine > 0, let sex = record.patient.sex, let age = age(at: lab.date), (18...120).contains(age)
        else { return nil }
        let perKg = Double(140 - age) / (72 * creatinine) * (sex == .female ? 0.85 : 1)
        return perKg > 0 ? (lab, creatinine, age, perKg) : nil
    }

    /// With only the sex missing: Cockcroft–Gault for a woman and for a man at the creatinine on or
    /// before `date` (the latest without one), the weight nearest it and an adult age — the two
    /// bounds the patient's CrCl lies at (the female factor 0.85 is the only difference). A
    /// record from an EHR without administrative sex read only "record sex" beside 4 mg of
    /// zoledronic acid that neither bound allowed (unseen record cb132-a). Nil otherwise.
    func clearanceEitherSex(onOrBefore date: PartialDate? = nil) -> (lab: LabResult, female: Double, male: Double, weightKg: Double, age: Int)? {
        guard record.patient.sex == nil, let lab = latestLab(.creatinine, onOrBefore: date), let creatinine = lab.canonicalValue,
            creatinine > 0, let age = age(at: lab.date), (18...120).contains(age), let weight = weight(nearest: lab.date)
        else { return nil }
        func clearance(_ sex: CockcroftGault.Sex) -> Double {
            CockcroftGault.clearance(.init(sex: sex, ageYears: age, weightKg: weight.kg, serumCreatinineMgDl: creatinine))
        }
        return (lab, clearance(.female), clearance(.male), weight.kg, age)
    }

    func clearanceGaps(onOrBefore date: PartialDate? = nil) -> (missing: [LocalizedText], minorAge: Int?) {
        var missing: [LocalizedText] = []
        let lab = latestLab(.creatinine, onOrBefore: date)
        if lab?.canonicalValue == nil { missing.append(LocalizedText(en: "serum creatinine", zh: "血肌酐")) }
        if record.patient.sex == nil { missing.append(LocalizedText(en: "sex", zh: "性别")) }
        if latestWeight() == nil { missing.append(LocalizedText(en: "weight", zh: "体重")) }
        if record.patient.birthDate == nil { missing.append(LocalizedText(en: "birth date", zh: "出生日期")) }
        let minor = lab.flatMap { age(at: $0.date) }.flatMap { $0 < 18 ? $0 : nil }
        return (missing, minor)
    }

    struct CorrectedCalcium {
        let date: PartialDate
        /// mg/dL, albumin-corrected when an albumin was on record.
        let mgDl: Double
        let measuredMgDl: Double
        let albuminGDl: Double?
        /// The upper limit used, mg/dL: the result's own, else the setting.
        let upperLimitMgDl: Double
        /// The result's own lower limit, mg/dL; nil when the laboratory gave none.
        let lowerLimitMgDl: Double?
        /// The calcium, albumin and upper limit as the laboratory reported them, with mg/dL (g/dL)
        /// beside: "2.85 mmol/L (11.4 mg/dL)"; nil where the report is in the rules' unit.
        /// The corrected calcium in mmol/L by Payne's SI formula (Ca + 0.02 × (40 − albumin g/L)),
        /// for a result reported in mmol/L: its limits are judged in that unit (Stewart 2005's
        /// "severe > 3.5 mmol/L" is not "> 14 mg/dL" converted — 3.5 mmol/L is 14.03 mg/dL).
        var mmol: Double? = nil
        var measuredAsReported: String? = nil
        var albuminAsReported: String? = nil
        var upperLimitAsReported: String? = nil
        var lowerLimitAsReported: String? = nil

        /// The laboratory's own limits, in mmol/L, for a result reported so.
        var upperLimitMmol: Double? = nil
        var lowerLimitMmol: Double? = nil

        /// Above the upper limit — in mmol/L for a result reported so and given with its limit
        /// (the corrected SI value against the laboratory's number), else in mg/dL.
        var aboveUpperLimit: Bool {
            if let mmol, let upperLimitMmol { return mmol > upperLimitMmol }
            return mgDl > upperLimitMgDl
        }

        /// Below the laboratory's lower limit, likewise; nil when it gave none.
        var belowLowerLimit: Bool? {
            if let mmol, let lowerLimitMmol { return mmol < lowerLimitMmol }
            return lowerLimitMgDl.map { mgDl < $0 }
        }

        /// The corrected value in mmol/L, two decimals (SI when reported so, else mg/dL ÷ 4.008).
        var mmolText: String { String(describing: ((mmol ?? mgDl / 4.008) * 100).rounded() / 100) }
    }

    /// The latest calcium, corrected for the latest albumin on or before it (Payne RB et al.
    /// BMJ 1973;4:643-6: Ca mg/dL + 0.8 × (4.0 − albumin g/dL)).
    func correctedCalcium() -> CorrectedCalcium? {
        latestLab(.calcium).flatMap(correctedCalcium(of:))
    }

    /// The latest calcium on or before a day (a dose's), corrected as above.
    func correctedCalcium(onOrBefore date: PartialDate) -> CorrectedCalcium? {
        latestLab(.calcium, onOrBefore: date).flatMap(correctedCalcium(of:))
    }

    /// Every calcium result on record, corrected, oldest first.
    func correctedCalciumHistory() -> [CorrectedCalcium] {
        labs.filter { $0.test == .calcium }.compactMap(correctedCalcium(of:))
    }

    /// What shows a bone-agent dose was given in hypercalcaemia of malignancy: the latest
    /// corrected calcium on or before its day above the upper limit, or a hypercalcaemia recorded
    /// as an event after that calcium (or with no calcium on record) and by the day.
    struct HypercalcaemiaAtDose {
        let calcium: CorrectedCalcium?
        let event: PartialDate?

        var text: LocalizedText {
            if let calcium {
                let value = CaseIndex.format(calcium.mgDl)
                return LocalizedText(
                    en: "\(calcium.albuminGDl == nil ? "calcium" : "corrected calcium") \(value) mg/dL on \(calcium.date)",
                    zh: "\(calcium.date) \(calcium.albuminGDl == nil ? "血钙" : "校正血钙") \(value) mg/dL")
            }
            return LocalizedText(en: "hypercalcaemia recorded on \(event?.description ?? "")", zh: "\(event?.description ?? "") 记录高钙血症")
        }
    }

    /// The hypercalcaemia a dose was given in: the latest calcium on or before it high, else a
    /// hypercalcaemia event since that calcium. `previousDose`: the course's dose before this
    /// one — a calcium or event dated on or before it was that dose's reason, and says nothing of
    /// this one (a course begun for a calcium of 14 mg/dL and given monthly with no recheck read
    /// "4 mg on … for hypercalcaemia — no CrCl adjustment" for every dose after it).
    ///
    /// A calcium above the upper limit but under 12 mg/dL (3.0 mmol/L) is the label's
    /// hypercalcaemia of malignancy only where the record calls it so (a `hypercalcaemia` event
    /// since the previous dose — symptoms, a clinician's diagnosis): the Zometa label doses
    /// hypercalcaemia of malignancy "albumin-corrected serum calcium ≥ 12 mg/dL [3.0 mmol/L]",
    /// its trials' entry level. A myeloma's first monthly 4 mg, given with a corrected calcium of
    /// 11.5 at CrCl 34, read as a hypercalcaemia dose "without CrCl adjustment" and left its
    /// SRE-prevention dose (3.0 mg) unsaid (unseen record cb82-h, rule set 2026.12.316).
    func hypercalcaemia(atDose day: PartialDate, previousDose: PartialDate? = nil) -> HypercalcaemiaAtDose? {
        let after = previousDose?.latestDay ?? Int.min
        let calcium = correctedCalcium(onOrBefore: day)
        func event(since: Int) -> ClinicalEvent? {
            record.events.last { $0.kind == .hypercalcaemia && $0.date.earliestDay > since && $0.date.earliestDay <= day.latestDay }
        }
        if let calcium, calcium.date.earliestDay > after, calcium.aboveUpperLimit {
            if calcium.mgDl >= Self.labelHypercalcaemiaMgDl || event(since: after) != nil {
                return HypercalcaemiaAtDose(calcium: calcium, event: nil)
            }
            return nil
        }
        let since = max(calcium?.date.latestDay ?? Int.min, after)
        return event(since: since).map { HypercalcaemiaAtDose(calcium: nil, event: $0.date) }
    }

    /// The Zometa label's hypercalcaemia of malignancy: albumin-corrected calcium ≥ 12 mg/dL.
    static let labelHypercalcaemiaMgDl = 12.0

    func correctedCalcium(of lab: LabResult) -> CorrectedCalcium? {
        guard let measured = lab.canonicalValue else { return nil }
        let albuminLab = latestLab(.albumin, onOrBefore: lab.date)
        let albumin = albuminLab?.canonicalValue
        let corrected = albumin.map { measured + 0.8 * (4.0 - $0) } ?? measured
        let factor = lab.test.factor(for: lab.unit) ?? 1
        let upper = lab.upperLimit.map { $0 * factor } ?? settings.calciumUpperLimitMgDl
        let si = lab.unit != "mg/dL"
        // Payne 1973 in SI units (reference.md), to four decimals.
        let albuminGL = albuminLab.flatMap { $0.unit == "g/L" ? $0.value : $0.canonicalValue.map { $0 * 10 } }
        let mmol = si ? ((albuminGL.map { lab.value + 0.02 * (40 - $0) } ?? lab.value) * 10_000).rounded() / 10_000 : nil
        return CorrectedCalcium(
            date: lab.date, mgDl: (corrected * 100).rounded() / 100, measuredMgDl: measured, albuminGDl: albumin, upperLimitMgDl: upper,
            lowerLimitMgDl: lab.lowerLimit.map { $0 * factor }, mmol: mmol,
            measuredAsReported: si ? "\(Self.format(lab.value, decimals: 2)) \(lab.unit) (\(Self.format(measured)) mg/dL)" : nil,
            albuminAsReported: albuminLab.flatMap { $0.unit == "g/dL" ? nil : "\(Self.format($0.value)) \($0.unit)" },
            upperLimitAsReported: si ? lab.upperLimit.map { "\(Self.format($0, decimals: 2)) \(lab.unit) (\(Self.format(upper)) mg/dL)" } : nil,
            lowerLimitAsReported: si ? lab.lowerLimit.map { "\(Self.format($0, decimals: 2)) \(lab.unit) (\(Self.format($0 * factor)) mg/dL)" } : nil,
            upperLimitMmol: si ? lab.upperLimit : nil, lowerLimitMmol: si ? lab.lowerLimit : nil)
    }

    /// One CRAB feature (IMWG, Rajkumar 2014): abnormal, normal, or not on record.
    struct CRABFeature {
        let name: LocalizedText
        /// nil: not on record (`value` nil), or measured but undetermined (`value` says why).
        let abnormal: Bool?
        let value: LocalizedText?
    }

    /// Calcium > 11 mg/dL or > 1 mg/dL above the upper limit; CrCl < 40 mL/min or creatinine
    /// > 2 mg/dL; haemoglobin < 10 g/dL or > 2 g/dL below the lower limit; ≥ 1 osteolytic lesion.
    /// IMWG writes each limit in both units, and they are not one number converted (2.75 mmol/L
    /// is 11.02 mg/dL, 177 µmol/L 2.002 mg/dL): a result is judged by the limit of the unit it was
    /// reported in. Compared in mg/dL, a calcium of exactly 2.75 mmol/L and a creatinine of
    /// exactly 177 µmol/L — not above IMWG's limits — were CRAB features (rule set 2026.12.129).
    func crab() -> [CRABFeature] {
        var features: [CRABFeature] = []
        if let lab = latestLab(.calcium), let calcium = correctedCalcium(of: lab) {
            let abnormal = calcium.mmol.map { corrected in
                corrected > 2.75 || lab.upperLimit.map { corrected > (($0 + 0.25) * 10_000).rounded() / 10_000 } == true
            } ?? (calcium.mgDl > 11 || calcium.mgDl > calcium.upperLimitMgDl + 1)
            let mgDl = "\(Self.format(calcium.mgDl, decimals: 2)) mg/dL"
            let corrected = calcium.albuminGDl != nil
            // In the laboratory's unit first, as its report reads.
            let value = calcium.mmol.map { mmol in
                let si = "\(Self.format(mmol, decimals: 2)) mmol/L"
                return LocalizedText(en: "\(si) (\(mgDl)\(corrected ? ", corrected" : ""))", zh: "\(si)（\(mgDl)\(corrected ? "，校正" : "")）")
            } ?? LocalizedText(en: "\(mgDl)\(corrected ? " (corrected)" : "")", zh: "\(mgDl)\(corrected ? "（校正）" : "")")
            features.append(CRABFeature(name: LocalizedText(en: "calcium", zh: "血钙"), abnormal: abnormal, value: value))
        } else {
            features.append(CRABFeature(name: LocalizedText(en: "calcium", zh: "血钙"), abnormal: nil, value: nil))
        }
        let clearance = creatinineClearance()
        // IMWG's clearance is "measured or estimated by validated equations" (Rajkumar 2014): an
        // eGFR reported by the laboratory is one. A breast cancer's eGFR 27 with no creatinine on
        // record read "renal function (not on record)" (unseen record cb40-a). The later of
        // the two results speaks; a creatinine of the same day keeps its own limits.
        let creatinineLab = latestLab(.creatinine)
        if let egfr = latestLab(.egfr), let rate = egfr.canonicalValue,
            creatinineLab.map({ $0.date.earliestDay < egfr.date.earliestDay }) ?? true
        {
            let shown = "eGFR \(Self.format(rate)) mL/min/1.73 m²"
            features.append(CRABFeature(
                name: LocalizedText(en: "renal function", zh: "肾功能"), abnormal: rate < 40,
                value: LocalizedText(en: shown, zh: shown)))
        } else if let lab = creatinineLab, let creatinine = lab.canonicalValue {
            let above = lab.unit == "mg/dL" ? lab.value > 2 : lab.value > 177
            // A creatinine within IMWG's limit says nothing of the clearance criterion (< 40
            // mL/min) where Cockcroft–Gault cannot be computed: a man of 72 at 150 µmol/L is
            // below 40 mL/min under 72 kg. It read "not met" with no weight on record (cb85-g);
            // it is undetermined, with what would settle it.
            let gaps = clearance == nil && !above ? clearanceGaps().missing : []
            let abnormal: Bool? = above || (clearance.map { $0.value < 40 } ?? false) ? true : (clearance == nil ? nil : false)
            // Only the weight missing: the weight below which the clearance is under 40 (Cockcroft
            // & Gault 1976 is linear in weight) — a normal creatinine meets it only in a very light
            // patient, which the reader judges.
            let below: String? = gaps.count == 1 && latestWeight() == nil && creatinine > 0
                ? record.patient.sex.flatMap { sex in age(at: lab.date).flatMap { age -> String? in
                    guard (18...120).contains(age) else { return nil }
                    let perKg = Double(140 - age) / (72 * creatinine) * (sex == .female ? 0.85 : 1)
                    return perKg > 0 ? Self.format(40 / perKg, decimals: 1) : nil
                } } : nil
            let settle = gaps.isEmpty ? LocalizedText(en: "", zh: "") : LocalizedText(
                en: " — CrCl < 40 mL/min would meet it\(below.map { " below \($0) kg" } ?? ""): record \(LocalizedText.joined(gaps, en: ", ", zh: "、").en)",
                zh: "——肌酐清除率 < 40 mL/min 即符合\(below.map { "（体重低于 \($0) kg 时）" } ?? "")：请记录\(LocalizedText.joined(gaps, en: ", ", zh: "、").zhHans)")
            features.append(CRABFeature(
                name: LocalizedText(en: "renal function", zh: "肾功能"), abnormal: abnormal,
                value: LocalizedText(
                    en: "creatinine \(Self.creatinineText(lab, mgDl: creatinine))\(clearance.map { ", CrCl \(Self.format($0.value)) mL/min" } ?? "")\(settle.en)",
                    zh: "血肌酐 \(Self.creatinineText(lab, mgDl: creatinine))\(clearance.map { "，肌酐清除率 \(Self.format($0.value)) mL/min" } ?? "")\(settle.zhHans)")))
        } else {
            features.append(CRABFeature(name: LocalizedText(en: "renal function", zh: "肾功能"), abnormal: nil, value: nil))
        }
        if let lab = latestLab(.hemoglobin), let hb = lab.canonicalValue {
            let lower = lab.lowerLimit.map { $0 * (lab.test.factor(for: lab.unit) ?? 1) }
            let abnormal = hb < 10 || (lower.map { hb < $0 - 2 } ?? false)
            let shown = lab.unit == "g/dL" ? "\(Self.format(hb)) g/dL" : "\(Self.format(lab.value)) \(lab.unit)"
            features.append(CRABFeature(name: LocalizedText(en: "haemoglobin", zh: "血红蛋白"), abnormal: abnormal, value: LocalizedText(en: shown, zh: shown)))
        } else {
            features.append(CRABFeature(name: LocalizedText(en: "haemoglobin", zh: "血红蛋白"), abnormal: nil, value: nil))
        }
        // Lytic at their latest reading, as the finding's own "multiple lytic lesions" counts
        // them: a lesion filled in with sclerosis under therapy is no longer osteolytic (and
        // myeloma's rarely heal so). "Multiple lytic lesions (2)" stood beside "osteolytic
        // lesions 4" in one finding (cb54-a: two of four healed under fulvestrant).
        let lytic = seenLesions.filter { characters($0.id).last == .lytic && noLongerSeen($0.id) == nil }.count
        features.append(CRABFeature(
            name: LocalizedText(en: "osteolytic lesions", zh: "溶骨性病变"), abnormal: lytic > 0, value: LocalizedText(en: String(lytic), zh: "\(lytic) 处")))
        return features
    }

    /// A value to `decimals` places, without trailing zeros: 0.72, 7.98, 8.
    static func format(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<max(0, min(decimals, 6)) { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        guard rounded.isFinite, abs(rounded) < 1e15 else { return String(describing: value) }
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(describing: rounded)
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(describing: rounded)
    }
}
