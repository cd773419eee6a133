/// What a resource's own `status` says about whether it happened (FHIR R4 value sets). A lab
/// "entered in error", an administration "not done", a cancelled bone scan or an order
/// withdrawn before any dose is not a fact about the patient; the import used them all as if
/// they were (a "not-done" denosumab dose delayed the next one by a cycle; a cancelled bone
/// scan counted as a whole-skeleton survey and made a lesion "solitary").
extension FHIRRead {
    /// By resource type, the statuses whose resources are not used, each with why — from the
    /// R4 definitions: ObservationStatus (registered: no result yet), EventStatus (Procedure,
    /// MedicationAdministration: not-done), ImagingStudyStatus (registered: nothing available),
    /// DiagnosticReportStatus, MedicationRequest status (cancelled: "withdrawn before any
    /// administrations have occurred"; draft: not yet actionable), MedicationStatement status
    /// (not-taken; intended: not yet taken).
    static let statusesNotUsed: [String: [String: String]] = [
        "Observation": ["registered": "no result yet", "cancelled": "cancelled", "entered-in-error": "entered in error"],
        "Procedure": ["not-done": "not done", "entered-in-error": "entered in error"],
        "ImagingStudy": ["registered": "nothing available yet", "cancelled": "cancelled", "entered-in-error": "entered in error"],
        "DiagnosticReport": ["registered": "no report yet", "cancelled": "cancelled", "entered-in-error": "entered in error"],
        "MedicationRequest": ["cancelled": "withdrawn before any dose", "draft": "a draft, not an order", "entered-in-error": "entered in error"],
        "MedicationAdministration": ["not-done": "not given", "entered-in-error": "entered in error"],
        "ClinicalImpression": ["entered-in-error": "entered in error"],
        "MedicationStatement": ["not-taken": "not taken", "intended": "not yet taken", "entered-in-error": "entered in error"],
    ]

    /// The note for a resource whose status says it did not happen (or is an error); nil to use it.
    /// Its `statusReason` (MedicationAdministration, Procedure, MedicationStatement; a
    /// CodeableConcept, or a list of them) is said with it: a zoledronic acid dose "not-done" for
    /// "牙科治疗中，暂停" — held for dental treatment — was said only "not given" (unseen bundle
    /// ehr8), and the reason the next dose is late was lost.
    static func statusNotUsed(_ resourceType: String, _ resource: FHIRJSON) -> String? {
        guard let status = resource["status"]?.string, let why = statusesNotUsed[resourceType]?[status] else { return nil }
        let reasons = (resource["statusReason"]?.array ?? resource["statusReason"].map { [$0] } ?? []).compactMap { text($0) }
        let reason = reasons.isEmpty ? "" : " — reason: \(reasons.joined(separator: "; "))"
        return "status \(status) (\(why)\(reason)): not used"
    }

    /// Results used but not final (ObservationStatus and DiagnosticReportStatus `preliminary`:
    /// "initial or interim … may be incomplete or unverified"): used, and said, so that a dose
    /// set by a preliminary creatinine is confirmed against the final one (unseen bundle ehr8).
    static func statusToConfirm(_ resourceType: String, _ resource: FHIRJSON) -> String? {
        guard ["Observation", "DiagnosticReport"].contains(resourceType), resource["status"]?.string == "preliminary" else { return nil }
        return "status preliminary (initial or interim, may be incomplete or unverified): used — confirm with the final result"
    }

    /// A Condition that is over: clinicalStatus inactive, remission or resolved, or an
    /// abatement recorded (any abatement[x] but `abatementBoolean: false`). FHIR R4 Condition:
    /// "abatement … the date or estimated date that the condition resolved or went into
    /// remission"; clinicalStatus is required unless verificationStatus is entered-in-error.
    static func conditionResolved(_ resource: FHIRJSON) -> Bool {
        if let status = codings(resource["clinicalStatus"]).first?.code, ["inactive", "remission", "resolved"].contains(status) { return true }
        if let flag = resource["abatementBoolean"]?.bool { return flag }
        return ["abatementDateTime", "abatementAge", "abatementPeriod", "abatementRange", "abatementString"].contains { resource[$0] != nil }
    }
}
