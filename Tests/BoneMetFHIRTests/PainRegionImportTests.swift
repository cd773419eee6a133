import BoneMetDomain
import BoneMetFHIR
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Testing

extension RealEHRImportTests {
    /// Unseen bundle ehr38 (2026-12-06): a US EHR's pain score (LOINC 72514-3, NRS 7) charted at
    /// "right hip, worse with walking", the patient's one lesion there an intertrochanteric femoral
    /// metastasis: imported with no lesion, so the femur's Mirels read its pain unknown. A body
    /// region holding one lesion on that side places it, with a note to confirm; a region holding
    /// several, or none, places nothing; a named bone is read as before.
    @Test func aPainScoreAtABodyRegionReachesItsOneLesion() async throws {
        let subject = #""subject": {"reference": "Patient/h1"}"#
        func condition(_ id: String, _ code: String, _ site: String) -> String {
            #"{"resource": {"resourceType": "Condition", "id": "\#(id)", \#(subject), "onsetDateTime": "2025-03-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "\#(code)"}]}, "bodySite": [{"text": "\#(site)"}]}}"#
        }
        func pain(_ id: String, _ site: String, loinc: Bool = true) -> String {
            let code = loinc
                ? #"{"coding": [{"system": "http://loinc.org", "code": "72514-3"}]}"#
                : #"{"text": "疼痛评分"}"#
            return #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", \#(subject), "effectiveDateTime": "2026-11-02", "code": \#(code), "valueInteger": 7, "bodySite": {"text": "\#(site)"}}}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "h1", "gender": "female", "birthDate": "1957-02-14"}}"#,
            condition("pc", "C50.9", "left breast"), condition("f", "C79.51", "right proximal femur, intertrochanteric"),
            condition("v", "C79.51", "L2 vertebral body"), condition("v2", "C79.51", "T9 vertebral body"),
            condition("h", "C79.51", "left humerus, proximal"),
            pain("p1", "right hip, worse with walking"), pain("p2", "下腰部", loinc: false), pain("p3", "left thigh"),
            pain("p4", "shoulder"), pain("p5", "right femoral neck"),
        ]
        let (summary, record) = try await importEntries(entries)
        #expect(record.pain.count == 5)
        // "Worse with walking" at a femur is Mirels's functional pain (ehr40, below).
        #expect(record.pain.map(\.mirels) == [.functional, nil, nil, nil, nil], "\(record.pain.map(\.mirels))")
        #expect(record.pain.map(\.lesion) == ["f", "v", nil, "h", "f"], "\(record.pain.map(\.lesion))")
        #expect(summary.notes.contains { $0.resource == "Observation/p1" && $0.message == #"pain NRS 7 at "right hip, worse with walking" read at f, the one lesion of that region — confirm"# })
        // The lower back holds one lumbar lesion (the thoracic T9 is not in it).
        #expect(summary.notes.contains { $0.resource == "Observation/p2" && $0.message.contains("read at v, the one lesion of that region") })
        // The left thigh holds no lesion (the femur's is on the right); the shoulder, with no side
        // and one lesion there, reaches it.
        #expect(!summary.notes.contains { $0.resource == "Observation/p3" && $0.message.contains("read at") })
        // A bone named ("femoral neck") is read as a bone, not as the neck.
        #expect(!summary.notes.contains { $0.resource == "Observation/p5" && $0.message.contains("one lesion of that region") })
    }

    /// Unseen bundle ehr40 (2026-12-06): a Chinese ward's pain score by name with its value as text,
    /// "NRS 6分，左髋负重时加重", was not used ("its value not 0–10"); the text names the score, then
    /// where the pain is and that load worsens it. The number is read when it ends there ("分",
    /// "/10", punctuation, the end) — not "3天前" —, the place after it as the body site, and pain on
    /// load as Mirels functional pain at a limb long bone, SINS mechanical pain at the spine
    /// (Mirels 1989, Fisher 2010), never against a negation in its clause.
    @Test func aPainScoreWrittenAsTextWithItsPlaceAndLoad() async throws {
        let subject = #""subject": {"reference": "Patient/c1"}"#
        func condition(_ id: String, _ code: String, _ site: String) -> String {
            #"{"resource": {"resourceType": "Condition", "id": "\#(id)", \#(subject), "onsetDateTime": "2026-10-15", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "\#(code)"}]}, "bodySite": [{"text": "\#(site)"}]}}"#
        }
        func pain(_ id: String, _ value: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", \#(subject), "effectiveDateTime": "2026-11-20", "code": {"text": "疼痛评分"}, "valueString": "\#(value)"}}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "c1", "gender": "female", "birthDate": "1966-03-12"}}"#,
            condition("pc", "C50.9", "乳腺"), condition("f", "C79.51", "左股骨转子间"), condition("v", "C79.51", "腰2椎体"),
            pain("p1", "NRS 6分，左髋负重时加重"), pain("p2", "4/10，腰部活动时加重"), pain("p3", "3分，左髋无负重痛"),
            pain("p4", "3天前出现左髋疼痛"), pain("p5", "VAS：5"), pain("p6", "7.5"),
        ]
        let (summary, record) = try await importEntries(entries)
        #expect(record.pain.map(\.nrs) == [6, 4, 3, 5], "\(record.pain.map(\.nrs))")
        #expect(record.pain.map(\.lesion) == ["f", "v", "f", nil], "\(record.pain.map(\.lesion))")
        #expect(record.pain.map(\.mirels) == [.functional, nil, nil, nil])
        #expect(record.pain.map(\.sins) == [nil, .mechanical, nil, nil])
        #expect(summary.notes.contains { $0.resource == "Observation/p1" && $0.message == #"pain "负重时加重" read as Mirels functional pain at f — confirm"# })
        #expect(summary.notes.contains { $0.resource == "Observation/p4" && $0.message == "pain score by its name, its value not 0–10: not used" })
        #expect(summary.notes.contains { $0.resource == "Observation/p6" && $0.message == "pain score by its name, its value not 0–10: not used" })
        // The chart's other words for load, and a negation in the clause.
        func load(_ text: String) -> String? {
            FHIRCaseMapper.loadText(.object([.init("valueString", .string(text))]))
        }
        for text in ["right hip pain with ambulation", "weight-bearing pain, left femur", "下地行走时加重", "NRS 5，翻身时加重"] {
            #expect(load(text) != nil, "\(text)")
        }
        for text in ["no pain with ambulation", "左髋无负重痛", "rest pain at night", "NRS 3"] {
            #expect(load(text) == nil, "\(text)")
        }
    }
}
