import BoneMetDomain

/// Conditions that are events of the case record — skeletal-related events and osteonecrosis of
/// the jaw — as EHRs record them: a Condition coded in ICD-10. Without this a pathological
/// fracture on the problem list never reached the case (no "fractured" Mirels finding, no SRE
/// history) and an exported case lost its events on the way back.
///
/// ICD-10 categories read (any edition; the dot and extension digits do not matter):
/// - M84.4 pathological fracture NEC (WHO and ICD-10-CM), M84.5 pathological fracture in
///   neoplastic disease and M84.6 in other disease (ICD-10-CM) → pathological fracture;
/// - G95.2 cord compression (WHO "cord compression, unspecified"; ICD-10-CM G95.20, G95.29) →
///   spinal cord compression;
/// - E83.52 hypercalcaemia (ICD-10-CM; WHO's E83.5 holds hypo- and hypercalcaemia alike and is
///   not read) → hypercalcaemia;
/// - M87.18 osteonecrosis due to drugs, jaw (ICD-10-CM M87.180; WHO's M87.1 names no bone and is
///   not read) → osteonecrosis of the jaw.
/// BoneMet's own export carries `urn:bonemet:event|<kind>` beside the ICD-10-CM code.
enum EventCodes {
    static let system = "urn:bonemet:event"

    static func kind(system: String?, code: String?) -> EventKind? {
        guard let code, !code.isEmpty else { return nil }
        if system == Self.system { return EventKind(rawValue: code) }
        guard CancerCodes.isICD10(system) else { return nil }
        let normalised = CancerCodes.icd10Key(code)
        if ["M844", "M845", "M846"].contains(where: normalised.hasPrefix) { return .pathologicalFracture }
        if normalised.hasPrefix("G952") { return .cordCompression }
        if normalised.hasPrefix("E8352") { return .hypercalcaemia }
        if normalised.hasPrefix("M8718") { return .osteonecrosisOfJaw }
        return nil
    }

    /// The ICD-10-CM code BoneMet exports for an event (the category's unspecified code).
    static func icd10cm(_ kind: EventKind) -> (code: String, display: String) {
        switch kind {
        case .pathologicalFracture: ("M84.50XA", "Pathological fracture in neoplastic disease, unspecified site, initial encounter for fracture")
        case .cordCompression: ("G95.20", "Unspecified cord compression")
        case .hypercalcaemia: ("E83.52", "Hypercalcemia")
        case .osteonecrosisOfJaw: ("M87.180", "Osteonecrosis due to drugs, jaw")
        }
    }
}
