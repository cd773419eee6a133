@testable import BoneMetFHIR
import BoneMetRules
import Foundation
import Testing

/// An unseen UK bundle (ehr35, 2026-12-06): letrozole "stopped", authored 2017-07-01, with no
/// validity period, showed "2017-07-01–2017-07-01" without a word — taken as ended on its own day.
/// The import says so, that the day it stopped be recorded; an order that states its end does not.
extension RealEHRImportTests {
    func letrozole(_ status: String, end: String? = nil) -> String {
        let validity = end.map { #", "dispenseRequest": {"validityPeriod": {"start": "2017-07-01", "end": "\#($0)"}}"# } ?? ""
        return #"{"resource": {"resourceType": "MedicationRequest", "id": "m1", "status": "\#(status)", "intent": "order", "subject": {"reference": "Patient/h9"}, "authoredOn": "2017-07-01", "medicationCodeableConcept": {"text": "Letrozole 2.5mg tablets"}\#(validity)}}"#
    }

    @Test func aStoppedOrderWithoutItsEndIsSaid() async throws {
        let conditions = [
            hisCondition("bc", text: "Malignant neoplasm of breast", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C50.911"),
            hisCondition("bm", text: "Secondary malignant neoplasm of bone", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C79.51", site: "L2 vertebra"),
        ]
        func imported(_ order: String) async throws -> (Treatment, [String]) {
            let (summary, record) = try await hisPatient(conditions + [order])
            return (try #require(record.treatments.first), summary.notes.map(\.message))
        }
        let (stopped, notes) = try await imported(letrozole("stopped"))
        #expect(stopped.end == PartialDate("2017-07-01"))
        #expect(notes.contains("stopped order with no end date: taken as ended on its own day (2017-07-01) — record when it stopped"), "\(notes)")
        let (bounded, boundedNotes) = try await imported(letrozole("stopped", end: "2021-06-30"))
        #expect(bounded.end == PartialDate("2021-06-30"))
        #expect(!boundedNotes.contains { $0.hasPrefix("stopped order with no end date") })
        #expect(try await !imported(letrozole("completed")).1.contains { $0.hasPrefix("stopped order") }, "a completed order given on its day is a cycle")
    }
}
