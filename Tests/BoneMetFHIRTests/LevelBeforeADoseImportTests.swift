@testable import BoneMetFHIR
import BoneMetRules
import Foundation
import Testing

/// Unseen bundle ehr4 (2026-12-07): "Radiation treatment management, L3, 8 Gy x 1" with a bone
/// metastasis at L3 on record was dropped as "radiotherapy without a bone site" — the dose after
/// the level was read as a further level. It is the radiotherapy of L3, its dose read from its
/// name.
extension RealEHRImportTests {
    @Test func aCourseWritingItsDoseAfterTheLevelIsPlacedThere() async throws {
        let (summary, record) = try await hisPatient([
            hisCondition("pc", text: "Malignant tumor of prostate", system: "http://snomed.info/sct", code: "399068003"),
            hisCondition("bm", text: "Metastasis to bone, L3", system: "http://snomed.info/sct", code: "94222008"),
            #"{"resource": {"resourceType": "Procedure", "id": "rt", "status": "completed", "subject": {"reference": "Patient/h9"}, "performedDateTime": "2026-09-20", "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "77427"}], "text": "Radiation treatment management, L3, 8 Gy x 1"}}}"#,
        ])
        let course = try #require(record.treatments.first { $0.kind == .radiotherapy }, "\(summary.notes)")
        #expect(course.lesions == ["bm"])
        #expect(course.doseGy == 8 && course.fractions == 1)
        #expect(!summary.notes.contains { $0.message.contains("without a bone site") })
    }
}
