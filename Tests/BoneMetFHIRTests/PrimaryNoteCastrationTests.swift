@testable import BoneMetFHIR
import BoneMetRules
import Foundation
import Testing

/// An unseen US bundle (ehr36, 2026-12-06): a prostate cancer's Condition coded C61 with its
/// castration state only in `note` — "Gleason 4+4=8. Now castration-resistant since 2025." — came
/// in without it. The note is read for the state (with a note to confirm), not made the histology;
/// a negated name ("not castration-resistant") is not read.
extension RealEHRImportTests {
    func prostate(note: String) -> String {
        #"{"resource": {"resourceType": "Condition", "id": "pc", "subject": {"reference": "Patient/h9"}, "onsetDateTime": "2019-03-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C61"}], "text": "Malignant neoplasm of prostate"}, "note": [{"text": "\#(note)"}]}}"#
    }

    @Test func aProstateCancersNoteSaysItsCastrationState() async throws {
        func primary(_ note: String) async throws -> (PrimaryCancer, [String]) {
            let (summary, record) = try await hisPatient([
                prostate(note: note),
                hisCondition("bm", text: "Secondary malignant neoplasm of bone", system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C79.51", site: "L2 vertebra"),
            ])
            return (try #require(record.primaries.first), summary.notes.map(\.message))
        }
        let (resistant, notes) = try await primary("Gleason 4+4=8. Now castration-resistant since 2025.")
        #expect(resistant.castrationResistant == true)
        #expect(resistant.histology == "Malignant neoplasm of prostate", "the note is not the histology")
        #expect(notes.contains("castration-resistant read from the condition's note — confirm"), "\(notes)")
        #expect(try await primary("Metastatic hormone-sensitive disease on ADT.").0.castrationResistant == false)
        #expect(try await primary("PSA rising but not castration-resistant: testosterone 180 ng/dL.").0.castrationResistant == nil)
        #expect(try await primary("Discussed at tumour board.").0.castrationResistant == nil)
    }
}

@Suite struct CastrationTextNegationTests {
    @Test func englishNegationsAreNotRead() {
        for text in ["not castration-resistant", "not yet castration resistant", "non-CRPC", "no longer hormone-sensitive", "never castration-sensitive"] {
            #expect(PrimaryCancer.castrationResistant(readIn: text) == nil, "\(text)")
        }
        #expect(PrimaryCancer.castrationResistant(readIn: "mHSPC, now mCRPC") == true)
        #expect(PrimaryCancer.castrationResistant(readIn: "castration-resistant; not hormone-sensitive") == true)
        #expect(PrimaryCancer.castrationResistant(readIn: "非去势抵抗") == nil)
    }
}
