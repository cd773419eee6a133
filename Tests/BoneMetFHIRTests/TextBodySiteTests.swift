import BoneMetDomain
import BoneMetFHIR
import BoneMetRules
import Foundation
import Testing

extension RealEHRImportTests {
    /// An unseen Chinese EHR bundle (2026-12-04): a planned "右股骨近端髓内钉内固定术" whose
    /// bodySite was text only ("右股骨颈") was dropped — the importer read SNOMED-coded body sites
    /// alone for procedures, though it reads the text for a bone metastasis's Condition — so the
    /// planned fixation never reached its lesion; radiotherapy with "L3椎体" as its site was
    /// "without a bone site". A body site named in text, else the procedure's own name, now finds
    /// the one lesion of that bone (and side); with two lesions of the bone it stays unlinked.
    @Test func aBodySiteWrittenAsTextFindsItsLesion() async throws {
        let subject = #""subject": {"reference": "Patient/t1"}"#
        func entry(_ json: String) -> String { #"{"resource": \#(json)}"# }
        func metastasis(_ id: String, _ site: String) -> String {
            entry(#"{"resourceType": "Condition", "id": "\#(id)", \#(subject), "onsetDateTime": "2024-03-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C79.500"}], "text": "骨转移"}, "bodySite": [{"text": "\#(site)"}]}"#)
        }
        func procedure(_ id: String, _ name: String, site: String?, status: String = "completed", date: String = "2024-04-10") -> String {
            let body = site.map { #", "bodySite": [{"text": "\#($0)"}]"# } ?? ""
            return entry(#"{"resourceType": "Procedure", "id": "\#(id)", "status": "\#(status)", \#(subject), "performedDateTime": "\#(date)", "code": {"text": "\#(name)"}\#(body)}"#)
        }
        let entries = [
            entry(#"{"resourceType": "Patient", "id": "t1", "gender": "female", "birthDate": "1961-03-15"}"#),
            entry(#"{"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2019-06-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C50.900"}], "text": "左乳浸润性导管癌"}}"#),
            metastasis("fe", "右股骨颈"), metastasis("l3", "L3椎体"), metastasis("r5", "左第5肋"), metastasis("r7", "右第7肋"),
            procedure("nail", "右股骨近端髓内钉内固定术", site: "右股骨颈", status: "preparation", date: "2024-06-20"),
            procedure("rt", "放射治疗 30Gy/10F", site: "L3椎体"),
            procedure("pkp", "经皮椎体后凸成形术（PKP）L3", site: nil),
            procedure("rib", "肋骨放疗 8Gy/1F", site: "肋骨"),
        ]
        let text = #"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ","))]}"#
        let (_, records) = try await importBundle(text)
        let record = try #require(records.first)
        let nail = try #require(record.treatments.first { $0.id == "nail" })
        #expect(nail.kind == .surgery && nail.planned && nail.lesions == ["fe"] && nail.procedure == .prophylacticFixation)
        let rt = try #require(record.treatments.first { $0.id == "rt" })
        #expect(rt.kind == .radiotherapy && rt.lesions == ["l3"] && rt.doseGy == 30)
        // No body site: the name names the vertebra — the one spinal lesion.
        #expect(record.treatments.first { $0.id == "pkp" }?.lesions == ["l3"])
        // "肋骨" names a bone with two lesions: on bone, but no one lesion.
        #expect(record.treatments.first { $0.id == "rib" }?.lesions == [])
    }
}

extension RealEHRImportTests {
    /// The same Chinese EHR bundle's calcium came with only the LIS's own code ("CA", display "钙")
    /// and was "not used" — a calcium of 3.1 mmol/L, no hypercalcaemia seen. A result named as
    /// laboratories print the test is read by its name, its unit checked as any result's, with a
    /// note asking for the code to be mapped; ionised calcium and urine values, named otherwise,
    /// are not.
    @Test func aLocalCodedResultIsReadByItsName() async throws {
        let subject = #""subject": {"reference": "Patient/n1"}"#
        func observation(_ id: String, _ display: String, _ value: Double, _ unit: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", \#(subject), "effectiveDateTime": "2024-05-20", "code": {"coding": [{"system": "urn:oid:1.2.156.112604.1.2.0", "code": "\#(id)", "display": "\#(display)"}]}, "valueQuantity": {"value": \#(value), "unit": "\#(unit)"}}}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "n1", "gender": "female", "birthDate": "1968-08-01"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2022-05-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C50.900"}]}}}"#,
            observation("CA", "钙", 3.1, "mmol/L"), observation("ALB", "白蛋白", 35, "g/L"), observation("CREA", "肌酐（酶法）", 72, "μmol/L"),
            observation("ICA", "离子钙", 1.4, "mmol/L"), observation("UCA", "尿钙", 5.2, "mmol/24h"), observation("PLTP", "血小板压积", 0.2, "%"),
        ]
        let (summary, records) = try await importBundle(#"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ","))]}"#)
        let record = try #require(records.first)
        #expect(record.labs.map(\.test).sorted { $0.rawValue < $1.rawValue } == [.albumin, .calcium, .creatinine])
        #expect(record.labs.first { $0.test == .calcium }?.value == 3.1)
        #expect(summary.notes.contains { $0.resource == "Observation/CA" && $0.message == "calcium read by its name \"钙\": map its code (--codes) to confirm" })
    }
}
