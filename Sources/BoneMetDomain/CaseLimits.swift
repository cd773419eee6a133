import BoneMetRules

/// A record built by BoneMet itself from another system's data (a FHIR import, a CDS prefetch)
/// kept within the limits the case format sets for typed input (`CaseSections.Limits`, the same
/// ranges the strict reader enforces): a value outside them — a lab of 1e300, a dose of −5 mg, a
/// non-number — is left out with a note, never stored. Out-of-range numbers are nonsense for
/// the rules, and some (1e300 as a whole number) trapped where pages format them.
public enum CaseLimits {
    public static func fit(_ record: CaseRecord) -> (record: CaseRecord, dropped: [String]) {
        typealias L = CaseSections.Limits
        var fitted = record
        var dropped: [String] = []
        func within<T: Comparable>(_ value: T?, _ range: ClosedRange<T>, _ what: @autoclosure () -> String) -> T? {
            guard let value else { return nil }
            if range.contains(value) { return value }
            dropped.append("\(what()) \(value) outside \(range.lowerBound)–\(range.upperBound): not used")
            return nil
        }
        fitted.patient.weights = record.patient.weights.filter { within($0.kg, L.weightKg, "weight (kg)") != nil }
        fitted.performance = record.performance.compactMap { status in
            var fitted = status
            fitted.ecog = within(status.ecog, L.ecog, "ECOG")
            fitted.kps = within(status.kps, L.kps, "KPS")
            // A status left with nothing is no status.
            return fitted != status && fitted.ecog == nil && fitted.kps == nil ? nil : fitted
        }
        fitted.pain = record.pain.map { pain in
            var pain = pain
            pain.nrs = within(pain.nrs, L.nrs, "pain score")
            return pain
        }
        fitted.labs = record.labs.compactMap { lab in
            guard within(lab.value, L.labValue, "\(lab.test.rawValue) value") != nil else { return nil }
            var lab = lab
            lab.upperLimit = within(lab.upperLimit, L.labValue, "\(lab.test.rawValue) upper limit")
            lab.lowerLimit = within(lab.lowerLimit, L.labValue, "\(lab.test.rawValue) lower limit")
            return lab
        }
        fitted.treatments = record.treatments.map { treatment in
            var treatment = treatment
            treatment.doseMg = within(treatment.doseMg, L.doseMg, "\(treatment.id) dose (mg)")
            treatment.intervalWeeks = within(treatment.intervalWeeks, L.intervalWeeks, "\(treatment.id) interval (weeks)")
            treatment.doseGy = within(treatment.doseGy, L.doseGy, "\(treatment.id) dose (Gy)")
            treatment.fractions = within(treatment.fractions, L.fractions, "\(treatment.id) fractions")
            return treatment
        }
        fitted.studies = record.studies.map { study in
            var study = study
            study.unnamedNewLesions = within(study.unnamedNewLesions, L.unnamedNewLesions, "\(study.id) new lesions")
            study.observations = study.observations.map { observation in
                var observation = observation
                if let diameters = observation.diametersMm, !(L.diameterCount.contains(diameters.count) && diameters.allSatisfy(L.diameter)) {
                    dropped.append("\(study.id) \(observation.lesion) diameters \(diameters) outside the limits: not used")
                    observation.diametersMm = nil
                }
                observation.softTissueMm = within(observation.softTissueMm, L.softTissueMm, "\(study.id) \(observation.lesion) soft tissue (mm)")
                observation.uptakeChangePercent = within(observation.uptakeChangePercent, L.uptakeChangePercent, "\(study.id) \(observation.lesion) uptake change (%)")
                observation.fractionOfDiameter = within(observation.fractionOfDiameter, L.fractionOfDiameter, "\(study.id) \(observation.lesion) fraction of diameter")
                return observation
            }
            return study
        }
        return (fitted, dropped)
    }
}
