import BoneMetDomain
import Foundation

/// What our own export writes in BoneMet's codes and extensions, read back
/// (`FHIRExporter`, FHIRExport+ClinicalRecords.swift): grades and statuses, visceral metastases,
/// a primary's coded histology and states, biopsies.
extension FHIRCaseMapper {
    /// A value in BoneMet's reading-value system (a grade, a status).
    static func readingValue(_ concept: FHIRJSON?) -> String? {
        FHIRRead.codings(concept).first { $0.system == FHIRExporter.readingValueSystem }?.code
    }

    /// The value of one of BoneMet's reading components (`mirels`, `sins`, `frankel`).
    static func component(_ r: FHIRJSON, _ key: String) -> String? {
        (r["component"]?.array ?? []).first { FHIRRead.has($0["code"], FHIRExporter.readingSystem, key) }.flatMap { readingValue($0["valueCodeableConcept"]) }
    }

    static func ownExtension(_ r: FHIRJSON, _ name: String) -> FHIRJSON? {
        (r["extension"]?.array ?? []).first { $0["url"]?.string == FHIRExporter.bonemet + name }
    }

    /// A visceral metastasis as our export writes it (`FHIRExporter.visceralResources`).
    static func ownVisceral(_ r: FHIRJSON) -> VisceralMetastasis {
        var visceral = VisceralMetastasis(organ: FHIRRead.text(r["code"]) ?? "metastasis", date: FHIRRead.periodStart(r, "onset"))
        visceral.removable = ownExtension(r, "visceral-removable")?["valueBoolean"]?.bool
        visceral.treatable = ownExtension(r, "visceral-treatable")?["valueBoolean"]?.bool
        visceral.pattern = ownExtension(r, "visceral-pattern")?["valueCode"]?.string.flatMap(Katagiri.VisceralMets.init(rawValue:))
        return visceral
    }

    /// The coded histology and score states our export puts on a primary (`primaryExtensions`).
    static func readPrimaryExtensions(_ r: FHIRJSON, into primary: inout PrimaryCancer) {
        if let type = ownExtension(r, "histology-type")?["valueCode"]?.string.flatMap(HistologyType.init(rawValue:)) { primary.histologyType = type }
        if let flag = ownExtension(r, "castration-resistant")?["valueBoolean"]?.bool { primary.castrationResistant = flag }
        if let flag = ownExtension(r, "hormone-dependent")?["valueBoolean"]?.bool { primary.hormoneDependent = flag }
        if let flag = ownExtension(r, "targeted-therapy")?["valueBoolean"]?.bool { primary.targetedTherapy = flag }
    }

    /// A biopsy as our export writes it (`FHIRExporter.biopsyResource`).
    static func ownBiopsy(_ r: FHIRJSON, lesionIds: [String: String], lesions: [Lesion]) -> Biopsy? {
        guard let date = FHIRRead.periodStart(r, "performed") else { return nil }
        let lesion = FHIRRead.referenceId(r["reasonReference"]?.array.first).map { lesionIds[$0] ?? $0 }.flatMap { id in
            lesions.contains { $0.id == id } ? id : nil
        }
        let molecular = (r["extension"]?.array ?? []).filter { $0["url"]?.string == FHIRExporter.bonemet + "molecular-test" }.compactMap { $0["valueString"]?.string }
        return Biopsy(
            lesion: lesion, date: date,
            decalcification: ownExtension(r, "decalcification")?["valueCode"]?.string.flatMap(Decalcification.init(rawValue:)),
            result: ownExtension(r, "biopsy-result")?["valueCode"]?.string.flatMap(BiopsyResult.init(rawValue:)),
            histology: ownExtension(r, "biopsy-histology")?["valueString"]?.string, molecularTests: molecular)
    }
}
