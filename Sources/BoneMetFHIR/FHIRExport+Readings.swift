import BoneMetDomain
import Foundation

/// What a study showed of each lesion — the readings every rule works from (character, sizes,
/// destruction, rim, fill-in, uptake, SINS items, ESCC, Mirels size …) — and what the study
/// covered. No code in standards.md carries them (mCODE has no lesion-level bone reading), so
/// they travel in BoneMet's own system, as the exact primary site and the lesion's segment do:
/// one Observation per lesion read on a study (`category` imaging, `focus` → the lesion's
/// Condition, `derivedFrom` → the ImagingStudy), one component per field of the case format,
/// named by its case-format key. An export imported back gave a case with its studies empty of
/// readings: every time point, Mirels, SINS and ESCC was lost on the way (unseen records
/// cb51–cb68, round-tripped, 2026-12-04).
extension FHIRExporter {
    public static let readingSystem = "urn:bonemet:reading"
    public static let readingValueSystem = "urn:bonemet:reading-value"
    /// The code of the Observation itself.
    public static let lesionReadingCode = "lesion-reading"

    /// The units of the numeric fields (UCUM).
    static let readingUnits: [String: String] = ["diametersMm": "mm", "softTissueMm": "mm", "uptakeChangePercent": "%", "fractionOfDiameter": "1"]

    /// The lesion readings of a study as Observations.
    static func readingResources(
        _ study: ImagingStudy, rid: (String, String) -> String, subject: FHIRJSON, lesionRid: (String) -> String
    ) -> [FHIRJSON] {
        study.observations.enumerated().compactMap { index, observation -> FHIRJSON? in
            let components = readingComponents(observation)
            return obj([
                // Zero-padded: the import reads resources in id order, and "-10" sorted before "-2".
                ("resourceType", .string("Observation")), ("id", .string(rid("reading-\(study.id)", String(format: "%03d", index)))), ("status", .string("final")),
                ("category", Self.observationCategory("imaging")),
                ("code", concept([coding(readingSystem, lesionReadingCode, "Bone lesion reading")], text: "Bone lesion reading")),
                ("subject", subject), ("focus", .array([reference("Condition", lesionRid(observation.lesion))])),
                ("effectiveDateTime", .string(study.date.description)),
                ("derivedFrom", .array([reference("ImagingStudy", rid("study", study.id))])),
                ("component", components.isEmpty ? nil : .array(components)),
            ])
        }
    }

    /// One component per field recorded, in the case format's key order; two diameters are two
    /// components of one code, in order.
    static func readingComponents(_ observation: LesionObservation) -> [FHIRJSON] {
        guard let text = try? CaseJSONEncoder.encode(observation), let json = try? FHIRJSON.parse(text) else { return [] }
        var out: [FHIRJSON] = []
        for member in json.members where member.key != "lesion" {
            let code = concept([coding(readingSystem, member.key)])
            let values: [FHIRJSON] = if case .array(let items) = member.value { items } else { [member.value] }
            for value in values {
                let typed: (String, FHIRJSON)? =
                    switch value {
                    case .bool(let flag): ("valueBoolean", .bool(flag))
                    case .number(let literal):
                        ("valueQuantity", obj([
                            ("value", .number(literal)), ("unit", .string(readingUnits[member.key] ?? "1")),
                            ("system", .string(FHIRCodes.ucum)), ("code", .string(readingUnits[member.key] ?? "1")),
                        ]))
                    case .string(let word): ("valueCodeableConcept", concept([coding(readingValueSystem, word)]))
                    default: nil
                    }
                guard let typed else { continue }
                out.append(obj([("code", code), typed]))
            }
        }
        return out
    }

    /// What the study covered, its CT windows and contrast, and the new lesions it showed but did
    /// not itemise: BoneMet's extensions on the ImagingStudy (the response rules read each).
    static func studyExtensions(_ study: ImagingStudy) -> FHIRJSON? {
        var extensions = study.coverage.map { ext(bonemet + "study-coverage", ("valueCode", .string($0.rawValue))) }
        extensions += study.windows.map { ext(bonemet + "ct-window", ("valueCode", .string($0.rawValue))) }
        if let contrast = study.contrast { extensions.append(ext(bonemet + "contrast", ("valueBoolean", .bool(contrast)))) }
        if let unnamed = study.unnamedNewLesions { extensions.append(ext(bonemet + "unnamed-new-lesions", ("valueInteger", num(Double(unnamed))))) }
        return extensions.isEmpty ? nil : .array(extensions)
    }
}
