import BoneMetDomain
import Foundation

/// The CDS Hooks 2.0 services BoneMet offers (http://cds-hooks.hl7.org/STU2, standards.md).
/// All three ask for the same prefetch: the patient and the resource types the case record
/// is built from, so an EHR that fulfils prefetch needs no FHIR access for us.
public struct CDSService: Sendable, Hashable {
    public let id: String
    public let hook: String
    public let title: LocalizedText
    public let description: LocalizedText

    public static let prefetch: [(key: String, query: String)] = [
        ("patient", "Patient/{{context.patientId}}"),
        ("conditions", "Condition?patient={{context.patientId}}"),
        ("observations", "Observation?patient={{context.patientId}}"),
        // With the Medications the orders name by reference (Epic and others send them so).
        ("medications", "MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication"),
        ("administrations", "MedicationAdministration?patient={{context.patientId}}&_include=MedicationAdministration:medication"),
        ("procedures", "Procedure?patient={{context.patientId}}"),
        ("imaging", "ImagingStudy?patient={{context.patientId}}"),
    ]

    public static let all: [CDSService] = [
        CDSService(
            id: "bonemet-patient-view", hook: "patient-view",
            title: LocalizedText(en: "BoneMet bone metastasis review", zh: "BoneMet 骨转移评估"),
            description: LocalizedText(
                en: "Impending fracture (Mirels), spinal instability or cord compression (SINS, ESCC, NOMS), biopsy advice, bone response in the last treatment window (MD Anderson) and bone-modifying agent due.",
                zh: "病理性骨折风险（Mirels）、脊柱不稳或脊髓压迫（SINS、ESCC、NOMS）、活检建议、最近治疗窗口的骨反应（MD Anderson）及骨改良药物到期提醒。")),
        CDSService(
            id: "bonemet-order-select", hook: "order-select",
            title: LocalizedText(en: "BoneMet bone-modifying agent check", zh: "BoneMet 骨改良药物核查"),
            description: LocalizedText(
                en: "Zoledronic acid dose against creatinine clearance (with a corrected order), denosumab with eGFR < 30, dental examination before starting.",
                zh: "按肌酐清除率核对唑来膦酸剂量（附修正医嘱）、eGFR < 30 时使用地舒单抗、用药前口腔检查。")),
        CDSService(
            id: "bonemet-order-sign", hook: "order-sign",
            title: LocalizedText(en: "BoneMet bone-modifying agent check at signing", zh: "BoneMet 签署医嘱时骨改良药物核查"),
            description: LocalizedText(
                en: "The same checks as at order selection, on every draft order being signed.",
                zh: "签署时对所有待签医嘱进行与选择医嘱时相同的核查。")),
    ]

    public static func named(_ id: String) -> CDSService? { all.first { $0.id == id } }

    /// `GET /cds-services`.
    public static func discovery(language: Language) -> FHIRJSON {
        let prefetch = FHIRJSON.object(Self.prefetch.map { .init($0.key, .string($0.query)) })
        return .object([.init("services", .array(all.map { service in
            .object([
                .init("hook", .string(service.hook)), .init("id", .string(service.id)), .init("title", .string(service.title(language))),
                .init("description", .string(service.description(language))), .init("prefetch", prefetch),
            ])
        }))])
    }
}
