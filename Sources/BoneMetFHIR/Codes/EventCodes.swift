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
        // A morphology code (ICD-O, "M8440/3" cystadenocarcinoma) is carried under China's ICD-10
        // OID beside the diagnosis codes: its "M844" is no pathological fracture. ICD-10 codes
        // never hold the behaviour's "/".
        guard CancerCodes.isICD10(system), !code.contains("/") else { return nil }
        let normalised = CancerCodes.icd10Key(code)
        if ["M844", "M845", "M846"].contains(where: normalised.hasPrefix) { return .pathologicalFracture }
        if normalised.hasPrefix("G952") { return .cordCompression }
        if normalised.hasPrefix("E8352") { return .hypercalcaemia }
        if normalised.hasPrefix("M8718") { return .osteonecrosisOfJaw }
        return nil
    }

    /// The bone (and side) an ICD-10-CM pathological-fracture code names: M84.4, M84.5 and M84.6
    /// share their site characters (M84.551 right femur, M84.552 left femur, M84.562 left tibia,
    /// M84.434 left radius …; CMS ICD-10-CM tabular list). A fracture coded so, with no bodySite,
    /// reached no lesion: the femur it broke kept asking for a Mirels reading, and the nail that
    /// fixed it was no fracture fixation. Only sites that name one bone are read (not "shoulder",
    /// "ankle", "hip, unspecified" or "other site"); the pelvis is M84.454 in M84.4 and M84.x50
    /// in M84.5 and M84.6.
    static func fractureSite(system: String?, code: String?) -> (bone: Bone, side: Laterality?)? {
        guard let code, CancerCodes.isICD10(system), !code.contains("/") else { return nil }
        let key = CancerCodes.icd10Key(code)
        guard key.count >= 6, ["M844", "M845", "M846"].contains(where: key.hasPrefix) else { return nil }
        let category = key[key.index(key.startIndex, offsetBy: 3)]
        let site = String(key.dropFirst(4).prefix(2))
        if site == (category == "4" ? "54" : "50") { return (.pelvis, nil) }
        let sites: [String: (Bone, Laterality?)] = [
            "21": (.humerus, .right), "22": (.humerus, .left), "29": (.humerus, nil),
            "31": (.ulna, .right), "32": (.ulna, .left), "33": (.radius, .right), "34": (.radius, .left),
            "41": (.hand, .right), "42": (.hand, .left),
            "51": (.femur, .right), "52": (.femur, .left), "53": (.femur, nil),
            "61": (.tibia, .right), "62": (.tibia, .left), "63": (.fibula, .right), "64": (.fibula, .left),
            "74": (.foot, .right), "75": (.foot, .left),
        ]
        return sites[site].map { (bone: $0.0, side: $0.1) }
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
