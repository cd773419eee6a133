@testable import BoneMetFHIR
import BoneMetRules
import Foundation
import Testing

/// An unseen European bundle (ehr33, 2026-12-06): laboratories reporting in SI units code the
/// same tests by their own LOINC codes — creatinine in µmol/L as 14682-9, calcium in mmol/L as
/// 2000-8, total bilirubin in µmol/L as 14631-6 … — and each was "not used": the zoledronic acid
/// dose and the hypercalcaemia went unchecked.
extension RealEHRImportTests {
    @Test func siUnitLabCodesAreTheirTests() async throws {
        let cases: [(loinc: String, value: Double, unit: String, test: LabTest)] = [
            ("14682-9", 150, "umol/L", .creatinine), ("59826-8", 95, "µmol/L", .creatinine), ("2000-8", 2.95, "mmol/L", .calcium),
            ("61151-7", 34, "g/L", .albumin), ("61152-5", 3.1, "g/dL", .albumin), ("26515-7", 85, "10*9/L", .platelets),
            ("26474-7", 0.9, "10*9/L", .lymphocytes), ("14631-6", 28, "umol/L", .bilirubin), ("14913-8", 0.6, "nmol/L", .testosterone),
        ]
        for item in cases {
            let (summary, record) = try await hisPatient([
                hisCondition("bc", text: "Malignant neoplasm of breast", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C50.911"),
                usObservation("lab", loinc: item.loinc, #""valueQuantity": {"value": \#(item.value), "unit": "\#(item.unit)", "system": "http://unitsofmeasure.org", "code": "\#(item.unit)"}"#),
            ])
            let lab = try #require(record.labs.first, "\(item.loinc): \(summary.notes)")
            #expect(lab.test == item.test, "\(item.loinc)")
            #expect(lab.value == item.value, "\(item.loinc)")
        }
    }

    /// An albumin-corrected calcium is not the total calcium the rules correct: read as one it
    /// would be corrected twice.
    @Test func anAlbuminCorrectedCalciumIsNotATotalCalcium() async throws {
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "Malignant neoplasm of breast", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C50.911"),
            usObservation("adj", loinc: "29265-6", #""valueQuantity": {"value": 2.9, "unit": "mmol/L"}"#),
        ])
        #expect(record.labs.isEmpty)
        // Said, with what to send instead.
        #expect(summary.skipped.keys.contains { $0.hasPrefix("albumin-corrected calcium not used") && $0.contains("send the total calcium") })
    }
}

/// ehr34 (unseen Chinese bundle, 2026-12-06): a metastasis Condition with two sites and only a
/// recorded date printed "no onset: diagnosed by its recorded date …" twice — once per lesion.
extension RealEHRImportTests {
    @Test func aSeveralSiteConditionsNoteIsSaidOnce() async throws {
        let subject = #""subject": {"reference": "Patient/m5"}"#
        let (summary, record) = try await importEntries([
            #"{"resource": {"resourceType": "Patient", "id": "m5", "gender": "female", "birthDate": "1960"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2018-04-02", "code": {"text": "左乳腺浸润性导管癌术后", "coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C50.9"}]}}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "c2", \#(subject), "recordedDate": "2026-10-12", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C79.5"}], "text": "骨继发恶性肿瘤"}, "bodySite": [{"text": "腰3椎体、右髂骨"}]}}"#,
        ])
        #expect(record.lesions.count == 2)
        #expect(record.lesions.allSatisfy { $0.diagnosed?.description == "2026-10-12" })
        #expect(summary.notes.filter { $0.message.hasPrefix("no onset: diagnosed by its recorded date") }.count == 1)
    }
}
