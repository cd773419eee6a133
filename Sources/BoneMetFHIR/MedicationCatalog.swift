/// The Medication resources of an import, by id, so that an order naming its drug by
/// `medicationReference` ("Medication/med1", "urn:uuid:…") reads like one naming it inline. Epic
/// and other EHRs send MedicationRequest so, the drug in a Medication resource of the same Bundle
/// or of the bulk export's Medication file: a denosumab order was dropped without a word, and the
/// Medication counted as "not used" (unseen bundle b6). A contained Medication (`#id`) is read
/// where the order is (`FHIRCaseMapper.medicationTreatment`).
struct MedicationCatalog: Sendable {
    private var codes: [String: FHIRJSON] = [:]

    static let empty = MedicationCatalog()

    var isEmpty: Bool { codes.isEmpty }

    /// Adds a Medication resource's code (other resources are ignored).
    mutating func add(_ resource: FHIRResource) {
        guard resource.resourceType == "Medication", let id = resource.id, let code = resource.json["code"] else { return }
        codes[id] = code
    }

    static func of(_ resources: [FHIRResource]) -> MedicationCatalog {
        var catalog = MedicationCatalog()
        for resource in resources { catalog.add(resource) }
        return catalog
    }

    /// The order with its drug inline (`medicationCodeableConcept` in place of the reference), when
    /// it names it by a reference to a Medication of the catalog; nil otherwise.
    func inlined(_ json: FHIRJSON) -> FHIRJSON? {
        guard !codes.isEmpty, json["medicationCodeableConcept"] == nil, let reference = json["medicationReference"],
            let text = reference["reference"]?.string, !text.hasPrefix("#"),
            text.hasPrefix("urn:uuid:") || text.hasPrefix("Medication/") || text.contains("/Medication/"),
            let id = FHIRRead.referenceId(reference), let code = codes[id], case .object(var members) = json
        else { return nil }
        // In its place: medication[x] is one choice (the strict reader refuses both).
        guard let at = members.firstIndex(where: { $0.key == "medicationReference" }) else { return nil }
        members[at] = FHIRJSON.Member("medicationCodeableConcept", code)
        return .object(members)
    }
}
