@testable import BoneMetFHIR
import BoneMetRules
import Foundation
import Testing

/// An unseen US bundle (ehr29, 2026-12-06): a breast cancer's "Estrogen receptor [Interpretation]
/// in Tissue" (LOINC 16112-5) and "HER2 [Interpretation] in Tissue" (48676-1) were "observation not
/// used"; a pain NRS sent as `valueInteger` was dropped; the femur's operation coded CPT 27245
/// ("… femoral fracture; with intramedullary implant") was "not read as an orthopaedic operation",
/// and the fixed fracture read "no fixation on record: urgent referral for fixation".
extension RealEHRImportTests {
    func usObservation(_ id: String, loinc: String, _ value: String) -> String {
        #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/h9"}, "effectiveDateTime": "2026-11-20", "code": {"coding": [{"system": "http://loinc.org", "code": "\#(loinc)"}]}, \#(value)}}"#
    }

    @Test func receptorsByTheirInterpretationAndImmuneStainCodes() async throws {
        let cases: [(String, String, KeyPath<PrimaryCancer, ReceptorStatus?>, ReceptorStatus)] = [
            ("16112-5", #""valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "10828004"}]}"#, \.er, .positive),
            ("40556-3", #""valueCodeableConcept": {"text": "Negative"}"#, \.er, .negative),
            ("16113-3", #""valueCodeableConcept": {"text": "Positive"}"#, \.pr, .positive),
            ("40557-1", #""valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "260385009"}]}"#, \.pr, .negative),
            ("48676-1", #""valueCodeableConcept": {"text": "Negative (IHC 1+)"}"#, \.her2, .low),
            ("18474-7", #""valueCodeableConcept": {"text": "Positive (3+)"}"#, \.her2, .positive),
        ]
        for (loinc, value, field, status) in cases {
            let (summary, record) = try await hisPatient([
                hisCondition("bc", text: "Malignant neoplasm of breast", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C50.911"),
                usObservation("rc", loinc: loinc, value),
            ])
            #expect(record.primaries.first?[keyPath: field] == status, "\(loinc)")
            #expect(!summary.notes.contains { $0.resource == "Observation/rc" }, "\(loinc): \(summary.notes)")
        }
    }

    @Test func aPainScoreOrKPSAsIntegerOrQuantity() async throws {
        let (_, record) = try await hisPatient([
            hisCondition("bc", text: "Malignant neoplasm of breast", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C50.911"),
            usObservation("p1", loinc: "72514-3", #""valueInteger": 5"#),
            usObservation("k1", loinc: "89243-0", #""valueQuantity": {"value": 60, "unit": "{score}"}"#),
        ])
        #expect(record.pain.map(\.nrs) == [5])
        #expect(record.performance.compactMap(\.kps) == [60])
        // Outside the scale: said, not read.
        let (summary, outside) = try await hisPatient([
            hisCondition("bc", text: "Malignant neoplasm of breast", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C50.911"),
            usObservation("p2", loinc: "72514-3", #""valueInteger": 12"#),
        ])
        #expect(outside.pain.isEmpty)
        #expect(summary.notes.contains { $0.resource == "Observation/p2" && $0.message.contains("outside 0–10") })
    }

    @Test func aCPTFixationByItsImplantIsTheFracturesFixationWithItsCodeKept() async throws {
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "Malignant neoplasm of breast", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C50.911"),
            hisCondition("bm", text: "Secondary malignant neoplasm of bone", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C79.51", site: "Left femur, proximal"),
            #"{"resource": {"resourceType": "Procedure", "id": "orif", "status": "completed", "subject": {"reference": "Patient/h9"}, "performedDateTime": "2026-10-04", "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "27245"}], "text": "Treatment of intertrochanteric, peritrochanteric, or subtrochanteric femoral fracture; with intramedullary implant"}}}"#,
        ])
        let operation = try #require(record.treatments.first { $0.kind == .surgery }, "\(summary.notes)")
        #expect(operation.procedure == .fractureFixation)
        #expect(operation.lesions == ["bm"])
        #expect(operation.codes == ["http://www.ama-assn.org/go/cpt|27245"])
        // Exported with it.
        #expect(FHIRExporter.bundle(caseId: "c", record: record, assessment: nil).serialized().contains(#""code":"27245""#))
    }
}
