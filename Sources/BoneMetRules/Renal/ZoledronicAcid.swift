import Foundation

/// Zoledronic acid dosing and renal safety (Zometa prescribing information; reference.md).
/// Dose by baseline Cockcroft–Gault CrCl: > 60 → 4.0 mg; 50–60 → 3.5; 40–49 → 3.3; 30–39 → 3.0;
/// < 30 not recommended. Before every dose: withhold if creatinine rose ≥ 0.5 mg/dL (normal
/// baseline < 1.4) or ≥ 1.0 mg/dL (abnormal baseline); resume when back within 10 % of baseline.
public enum ZoledronicAcid {
    public enum DoseBand: String, Sendable, CaseIterable, Hashable, Codable {
        case over60, from50to60, from40to49, from30to39, below30

        /// The label's integer bands read on a continuous CrCl: > 60, 50–60, 40 to < 50,
        /// 30 to < 40, < 30.
        public static func of(crclMlMin: Double) -> DoseBand {
            if crclMlMin > 60 { return .over60 }
            if crclMlMin >= 50 { return .from50to60 }
            if crclMlMin >= 40 { return .from40to49 }
            if crclMlMin >= 30 { return .from30to39 }
            return .below30
        }

        /// Dose in mg, or nil when not recommended.
        public var doseMg: Double? {
            switch self {
            case .over60: 4.0
            case .from50to60: 3.5
            case .from40to49: 3.3
            case .from30to39: 3.0
            case .below30: nil
            }
        }

        public var info: BandInfo {
            let label: LocalizedText =
                switch self {
                case .over60: LocalizedText(en: "CrCl > 60 mL/min", zh: "CrCl > 60 mL/min（肌酐清除率）")
                case .from50to60: LocalizedText(en: "CrCl 50–60 mL/min", zh: "CrCl 50–60 mL/min（肌酐清除率）")
                case .from40to49: LocalizedText(en: "CrCl 40–49 mL/min", zh: "CrCl 40–49 mL/min（肌酐清除率）")
                case .from30to39: LocalizedText(en: "CrCl 30–39 mL/min", zh: "CrCl 30–39 mL/min（肌酐清除率）")
                case .below30: LocalizedText(en: "CrCl < 30 mL/min", zh: "CrCl < 30 mL/min（肌酐清除率）")
                }
            guard let dose = doseMg else {
                return BandInfo(
                    id: rawValue, label: label,
                    meaning: LocalizedText(en: "zoledronic acid is not recommended", zh: "不推荐使用唑来膦酸"),
                    recommendation: LocalizedText(
                        en: "do not give zoledronic acid; medical oncology may consider denosumab 120 mg SC every 4 weeks (no renal dose adjustment) with hypocalcaemia precautions: calcium and vitamin D, monitor calcium — eGFR < 30 or dialysis carries a boxed warning for severe hypocalcaemia",
                        zh: "不予唑来膦酸；肿瘤内科可考虑地舒单抗 120 mg 皮下注射每 4 周一次（无需按肾功能调整剂量），并预防低钙血症：补充钙和维生素 D、监测血钙——eGFR < 30 或透析患者有严重低钙血症的黑框警告"))
            }
            let text = String(describing: dose)
            return BandInfo(
                id: rawValue, label: label,
                meaning: LocalizedText(en: "zoledronic acid \(text) mg", zh: "唑来膦酸 \(text) mg"),
                recommendation: LocalizedText(
                    en: "zoledronic acid \(text) mg IV over ≥ 15 min every 3–4 weeks, or every 12 weeks (CALGB 70604: non-inferior); check serum creatinine before every dose",
                    zh: "唑来膦酸 \(text) mg 静脉滴注 ≥15 分钟，每 3–4 周一次，或每 12 周一次（CALGB 70604：非劣效）；每次给药前检查血肌酐"))
        }
    }

    /// Creatinine at or above which a baseline counts as abnormal (mg/dL).
    public static let abnormalBaselineMgDl = Decimal(string: "1.4") ?? 1
    public static let riseThresholdNormalBaseline = Decimal(string: "0.5") ?? 0
    public static let riseThresholdAbnormalBaseline = Decimal(1)
    /// Resume when creatinine is back within 10 % of baseline.
    public static let resumeFactor = Decimal(string: "1.1") ?? 1

    public struct RenalCheck: Sendable, Hashable {
        public let withhold: Bool
        public let baselineNormal: Bool
        public let riseMgDl: Double
        public let thresholdMgDl: Double
        /// The resume limit in mg/dL, rounded down to two decimals (as shown).
        public let resumeAtOrBelowMgDl: Double
        /// The current creatinine is at most 10 % above baseline, compared exactly in the unit
        /// the laboratory reported.
        public let withinTenPercent: Bool
        /// That limit (baseline + 10 %) and the withholding rise in the current result's unit, as
        /// the check uses them (µmol/L: 93.5 for a baseline of 85; a rise of 44.2).
        public var resumeAtOrBelowInUnit: Double = 0
        public var thresholdInUnit: Double = 0
    }

    /// Creatinine in a laboratory's unit: its value and how many of that unit make 1 mg/dL
    /// (µmol/L: 88.4 — Cockcroft–Gault's "µmol/L ÷ 88.4", reference.md).
    public struct Creatinine: Sendable {
        public let value: Decimal
        public let perMgDl: Decimal

        public init(_ value: Double, unit: String) {
            self.value = ExactDecimal.from(value)
            perMgDl = unit == "mg/dL" ? 1 : Decimal(string: "88.4") ?? 1
        }

        /// In another creatinine's unit (exact from mg/dL to µmol/L).
        func value(inUnitOf other: Creatinine) -> Decimal {
            perMgDl == other.perMgDl ? value : value * other.perMgDl / perMgDl
        }
    }

    /// The renal check of a creatinine against the baseline, in the current result's unit: a
    /// baseline of 80 µmol/L and a result of 88 µmol/L are exactly 10 % apart — back within 10 %.
    /// Compared in mg/dL (÷ 88.4, then the limit rounded down to 0.99) it read "not yet
    /// ≤ 0.99 mg/dL (88 µmol/L)" (cb22-b, rule set 2026.12.125).
    public static func renalCheck(baseline: Creatinine, current: Creatinine) -> RenalCheck {
        let unit = current.perMgDl
        let base = baseline.value(inUnitOf: current)
        let rise = current.value - base
        let normal = base < abnormalBaselineMgDl * unit
        let threshold = (normal ? riseThresholdNormalBaseline : riseThresholdAbnormalBaseline) * unit
        let baseMgDl = base / unit
        // Rounded down: a rounded-up limit could let a creatinine more than 10 % above baseline pass.
        let resume = ExactDecimal.rounded(baseMgDl * resumeFactor, scale: 2, mode: .down)
        return RenalCheck(
            withhold: rise >= threshold, baselineNormal: normal, riseMgDl: ExactDecimal.double(rise / unit),
            thresholdMgDl: ExactDecimal.double(threshold / unit), resumeAtOrBelowMgDl: ExactDecimal.double(resume),
            withinTenPercent: current.value <= base * resumeFactor, resumeAtOrBelowInUnit: ExactDecimal.double(base * resumeFactor),
            thresholdInUnit: ExactDecimal.double(threshold))
    }

    public static func renalCheck(baselineCreatinineMgDl: Double, currentCreatinineMgDl: Double) -> RenalCheck {
        renalCheck(baseline: Creatinine(baselineCreatinineMgDl, unit: "mg/dL"), current: Creatinine(currentCreatinineMgDl, unit: "mg/dL"))
    }
}
