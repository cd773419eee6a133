import BoneMetRules

/// Readings the import makes of a resource's own words and status that the case format has no
/// field for, each said in the import notes.
extension FHIRCaseMapper {
    /// A prostate cancer's castration state written only in the Condition's note ("Gleason 4+4=8.
    /// Now castration-resistant since 2025."), as a US EHR keeps it, was not read (unseen bundle
    /// ehr36, 2026-12-06): read into the primary, and the note to confirm it returned. The note is
    /// not made the histology — notes say much else.
    static func readCastrationFromNote(_ r: FHIRJSON, into primary: inout PrimaryCancer) -> String? {
        guard primary.site == .prostate, primary.effectiveCastrationResistant == nil else { return nil }
        let annotations = (r["note"]?.array ?? []).compactMap { $0["text"]?.string }.joined(separator: " ")
        guard let state = PrimaryCancer.castrationResistant(readIn: annotations) else { return nil }
        primary.castrationResistant = state
        return "castration-\(state ? "resistant" : "sensitive") read from the condition's note — confirm"
    }

    /// A stopped order that gives no end (no validity period, no bounds) is taken as ended on its
    /// own day: said, so that the day it stopped is recorded — an EHR's letrozole "stopped",
    /// authored 2017-07-01, read "2017-07-01–2017-07-01" without a word (unseen bundle ehr35).
    static func stoppedWithoutEnd(_ resource: FHIRResource, _ treatment: Treatment) -> String? {
        let r = resource.json
        guard treatment.kind == .systemic, resource.resourceType == "MedicationRequest", r["status"]?.string == "stopped",
            let start = treatment.start, treatment.end == start, !statesItsEnd(r)
        else { return nil }
        return "stopped order with no end date: taken as ended on its own day (\(start)) — record when it stopped"
    }
}
