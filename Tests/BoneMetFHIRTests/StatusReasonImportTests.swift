import BoneMetDomain
import BoneMetFHIR
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Testing

extension RealEHRImportTests {
    /// Unseen bundle ehr8 (2026-12-07): a Chinese prostate-cancer record whose problem list writes
    /// "多发骨转移（L3椎体、右髂骨）", a zoledronic acid dose "not-done" for dental treatment, and a
    /// creatinine still "preliminary". The first lesion was "多发骨转移（L3椎体" — its "多发" counted
    /// one vertebra as several for Tokuhashi —, the dose's reason was dropped, and the
    /// preliminary creatinine set the dose unsaid.
    @Test func aListInBracketsLeavesItsHeadingOutOfTheFirstSite() async throws {
        let (_, record) = try await sitesBundle(#"{"text": "多发骨转移（L3椎体、右髂骨）"}"#)
        #expect(record.lesions.map(\.note) == ["L3椎体", "右髂骨"])
        #expect(record.lesions.map(\.bone) == [.vertebra, .pelvis] && record.lesions.first?.level?.description == "L3")
        // The one vertebra is one: no "several lesions" reading of its note.
        #expect(record.lesions.first?.namesSeveral == false)
        // ASCII brackets alike; a heading that names a site is a site's words and stays.
        let (_, ascii) = try await sitesBundle(#"{"text": "bone metastases (T12, left femur)"}"#)
        #expect(ascii.lesions.map(\.note) == ["T12椎体", "left femur"])
        let (_, named) = try await sitesBundle(#"{"text": "L3椎体（病理性骨折）、右髂骨"}"#)
        #expect(named.lesions.first?.note == "L3椎体（病理性骨折）")
    }

    @Test func aDoseNotGivenSaysWhyAndAPreliminaryResultIsSaid() async throws {
        let subject = #""subject": {"reference": "Patient/m5"}"#
        let (summary, record) = try await sitesBundle(#"{"text": "L3椎体"}"#, extra: [
            #"{"resource": {"resourceType": "MedicationAdministration", "id": "z1", "status": "completed", \#(subject), "effectiveDateTime": "2026-10-08", "medicationCodeableConcept": {"text": "唑来膦酸注射液 4mg"}}}"#,
            #"{"resource": {"resourceType": "MedicationAdministration", "id": "z2", "status": "not-done", \#(subject), "effectiveDateTime": "2026-11-05", "medicationCodeableConcept": {"text": "唑来膦酸注射液 4mg"}, "statusReason": [{"text": "牙科治疗中，暂停"}]}}"#,
            #"{"resource": {"resourceType": "Observation", "id": "cr", "status": "preliminary", \#(subject), "effectiveDateTime": "2026-11-20", "code": {"coding": [{"system": "http://loinc.org", "code": "2160-0"}]}, "valueQuantity": {"value": 130, "unit": "umol/L"}}}"#,
        ])
        #expect(record.treatments.first { $0.agent == .zoledronicAcid }?.doses.map(\.description) == ["2026-10-08"])
        #expect(summary.notes.contains { $0.resource == "MedicationAdministration/z2" && $0.message == "status not-done (not given — reason: 牙科治疗中，暂停): not used" })
        #expect(record.labs.map(\.value) == [130], "a preliminary result is used")
        #expect(summary.notes.contains { $0.resource == "Observation/cr" && $0.message.hasPrefix("status preliminary") && $0.message.hasSuffix("confirm with the final result") })
    }
}
