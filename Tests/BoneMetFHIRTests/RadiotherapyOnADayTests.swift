@testable import BoneMetFHIR
import BoneMetRules
import Foundation
import Testing

/// An unseen UK bundle (ehr35, 2026-12-06): "Palliative radiotherapy right femur 8Gy single
/// fraction", a completed Procedure dated by `performedDateTime` alone, came in with no end — a
/// course running for ever: "current treatment" on the case page in December, and every later
/// interval "irradiated". Completed on a day, it ends that day; a period's end, or a course in
/// progress, stays as sent.
extension RealEHRImportTests {
    func radiotherapy(status: String, performed: String) -> String {
        #"{"resource": {"resourceType": "Procedure", "id": "rt", "status": "\#(status)", "subject": {"reference": "Patient/h9"}, \#(performed), "code": {"text": "Palliative radiotherapy right femur 8Gy single fraction"}, "bodySite": [{"text": "Right femur"}]}}"#
    }

    @Test func aCourseCompletedOnADayEndsThatDay() async throws {
        let entries = [
            hisCondition("bc", text: "Malignant neoplasm of breast", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C50.911"),
            hisCondition("bm", text: "Secondary malignant neoplasm of bone", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C79.51", site: "Right proximal femur"),
        ]
        func course(_ status: String, _ performed: String) async throws -> Treatment {
            let (summary, record) = try await hisPatient(entries + [radiotherapy(status: status, performed: performed)])
            return try #require(record.treatments.first { $0.kind == .radiotherapy }, "\(summary.notes)")
        }
        let once = try await course("completed", #""performedDateTime": "2026-11-20""#)
        #expect(once.start == PartialDate("2026-11-20") && once.end == PartialDate("2026-11-20"))
        #expect(once.lesions == ["bm"] && once.fractions == 1)
        #expect(!once.isActive(on: PartialDate("2026-12-06")!))
        // A period says its own end; a course in progress has none yet.
        let period = try await course("completed", #""performedPeriod": {"start": "2026-11-02", "end": "2026-11-13"}"#)
        #expect(period.end == PartialDate("2026-11-13"))
        let running = try await course("in-progress", #""performedDateTime": "2026-11-20""#)
        #expect(running.end == nil)
    }
}
