import BoneMetDomain
import BoneMetFHIR
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import SQLKit
import Testing

/// Issue #9: EHR data as hospitals write it — codes as value sets, text that says cancer,
/// mCODE STU4 shapes, transaction Bundles, a site's own codes — and nothing skipped without a word.

@Suite struct CancerValueSetTests {
    @Test func icd10ByRangeInEveryEdition() {
        let cm = "http://hl7.org/fhir/sid/icd-10-cm"
        #expect(CancerCodes.classify(system: cm, code: "C50.912") == .primary(.breast, nil))
        #expect(CancerCodes.classify(system: cm, code: "C34.90") == .primary(.lung, nil))
        #expect(CancerCodes.classify(system: cm, code: "C79.51") == .boneMetastasis)
        #expect(CancerCodes.classify(system: cm, code: "C79.52") == .boneMetastasis)
        #expect(CancerCodes.classify(system: cm, code: "C7B.03") == .boneMetastasis)
        #expect(CancerCodes.classify(system: cm, code: "C78.00") == .secondary)
        #expect(CancerCodes.classify(system: cm, code: "C90.00") == .primary(.myeloma, .myeloma))
        #expect(CancerCodes.classify(system: cm, code: "C90.30") == .primary(.myeloma, .plasmacytoma))
        #expect(CancerCodes.classify(system: cm, code: "C83.30") == .primary(.lymphoma, .lymphoma))
        #expect(CancerCodes.classify(system: cm, code: "C61") == .primary(.prostate, nil))
        #expect(CancerCodes.classify(system: cm, code: "C80.1") == .primary(.unknown, nil))
        #expect(CancerCodes.classify(system: cm, code: "D05.10") == nil)
        #expect(CancerCodes.classify(system: cm, code: "I10") == nil)
        // WHO ICD-10 and the Chinese national clinical extension (C79.500, by prefix).
        #expect(CancerCodes.classify(system: "http://hl7.org/fhir/sid/icd-10", code: "C79.5") == .boneMetastasis)
        #expect(CancerCodes.classify(system: "urn:cn:nhc:icd-10-clinical", code: "C79.500") == .boneMetastasis)
        #expect(CancerCodes.classify(system: "urn:cn:nhc:icd10", code: "C50.900x001") == .primary(.breast, nil))
        #expect(CancerCodes.classify(system: "urn:local", code: "C79.51") == nil)
    }

    @Test func snomedByTheShippedTable() {
        let sct = FHIRCodes.snomed
        #expect(CancerCodes.classify(system: sct, code: "353431000119107") == .primary(.breast, nil))
        #expect(CancerCodes.classify(system: sct, code: "254637007") == .primary(.lung, .nonSmallCellCarcinoma))
        #expect(CancerCodes.classify(system: sct, code: "363346000") == .primaryAtBodySite)
        #expect(CancerCodes.classify(system: sct, code: "94222008") == .boneMetastasis)
        #expect(CancerCodes.classify(system: sct, code: "128462008") == .secondaryAtBodySite)
        #expect(CancerCodes.classify(system: sct, code: "38341003") == nil)
        // The export writes one code per primary, the same every run.
        #expect(CancerCodes.preferredSNOMED(site: .lung, histology: nil) == "93880001")
        #expect(CancerCodes.preferredSNOMED(site: .lung, histology: .nonSmallCellCarcinoma) == "254637007")
        #expect(CancerCodes.preferredSNOMED(site: .breast, histology: nil) == "254837009")
        #expect(CancerCodes.preferredSNOMED(site: .other, histology: nil) == nil)
    }

    @Test func textThatSaysCancerInEnglishAndChinese() {
        #expect(CancerCodes.fromText("Metastatic carcinoma to bone") == .recognised(.boneMetastasis))
        #expect(CancerCodes.fromText("乳腺癌骨转移") == .recognised(.boneMetastasis))
        #expect(CancerCodes.fromText("肝转移") == .recognised(.secondary))
        #expect(CancerCodes.fromText("左肺腺癌") == .recognised(.primary(.lung, .adenocarcinoma)))
        // "Colorectal" is not the rectum's word (it contains "rectal", "结直肠" contains "直肠").
        #expect(CancerCodes.fromText("结直肠癌") == .recognised(.primary(.colon, nil)))
        #expect(CancerCodes.fromText("Colorectal adenocarcinoma") == .recognised(.primary(.colon, .adenocarcinoma)))
        #expect(CancerCodes.fromText("直肠腺癌") == .recognised(.primary(.rectum, .adenocarcinoma)))
        #expect(CancerCodes.fromText("乙状结肠癌") == .recognised(.primary(.colon, nil)))
        #expect(CancerCodes.fromText("Multiple myeloma") == .recognised(.primary(.myeloma, .myeloma)))
        #expect(CancerCodes.fromText("恶性肿瘤") == .recognised(.primary(.other, nil)))
        #expect(CancerCodes.fromText("Suspected lung cancer (situation)") == .notACancerDiagnosis)
        #expect(CancerCodes.fromText("Carcinoma in situ of breast") == .notACancerDiagnosis)
        #expect(CancerCodes.fromText("乳腺癌家族史") == .notACancerDiagnosis)
        #expect(CancerCodes.fromText("Essential hypertension") == nil)
        #expect(CancerCodes.bone(fromText: "左股骨转移")?.0 == .femur)
        #expect(CancerCodes.bone(fromText: "左股骨转移")?.1 == .left)
        #expect(CancerCodes.bone(fromText: "metastasis to the right humerus")?.0 == .humerus)
        #expect(CancerCodes.bone(fromText: "骨转移") == nil)
    }

    @Test func siteMappingFileIsValidatedWithTheField() throws {
        let mappings = try CodeMappings.read(text: #"""
        {"conditions": [{"system": "urn:hospital:dx", "code": "BM01", "kind": "boneMetastasis"},
                        {"system": "urn:hospital:dx", "code": "LC-S", "kind": "primary", "site": "lung", "histologyType": "smallCellCarcinoma"}],
         "labs": [{"system": "https://intranet.aumc.nl/labtestcodes", "code": "20005", "test": "creatinine"}]}
        """#)
        #expect(mappings.count == 3)
        #expect(CancerCodes.classify(system: "urn:hospital:dx", code: "BM01", mappings: mappings) == .boneMetastasis)
        #expect(CancerCodes.classify(system: "urn:hospital:dx", code: "LC-S", mappings: mappings) == .primary(.lung, .smallCellCarcinoma))
        func field(_ text: String) -> String? {
            do {
                _ = try CodeMappings.read(text: text)
                return nil
            } catch {
                return error.field
            }
        }
        #expect(field(#"{"conditions": [{"system": "s", "code": "c", "kind": "tumour"}]}"#) == "conditions[0].kind")
        #expect(field(#"{"conditions": [{"system": "s", "code": "c", "kind": "primary"}]}"#) == "conditions[0].site")
        #expect(field(#"{"labs": [{"system": "s", "code": "c", "test": "sodium"}]}"#) == "labs[0].test")
        #expect(field(#"{"diagnoses": []}"#) == "diagnoses")
    }
}

/// mCODE STU4 examples translated from the implementation guide's FSH (HL7/fhir-mCODE-ig,
/// input/fsh/EX_Basic.fsh: primary-cancer-condition-nsclc, cancer-patient-john-anyperson,
/// ecog-performance-status-fully-active, cancer-related-medication-request-gefitinib,
/// lab-result-observation-hemoglobin; HL7 implementation guides are CC0), with a bone
/// metastasis of our own in the SecondaryCancerCondition shape, sent as a transaction Bundle
/// with `urn:uuid` fullUrls and no resource ids, as EHRs send them.
enum MCODESTU4Bundle {
    static let text = #"""
    {"resourceType": "Bundle", "type": "transaction", "entry": [
      {"fullUrl": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001", "request": {"method": "POST", "url": "Patient"},
       "resource": {"resourceType": "Patient", "meta": {"profile": ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-patient"]},
         "identifier": [{"use": "usual", "system": "http://hospital.example.org", "value": "m123"}],
         "name": [{"family": "Anyperson", "given": ["John", "B."]}], "gender": "male", "birthDate": "1951-01-20",
         "address": [{"line": ["123 Main St"], "city": "Anytown", "postalCode": "12345", "country": "US"}]}},
      {"fullUrl": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0002", "request": {"method": "POST", "url": "Condition"},
       "resource": {"resourceType": "Condition",
         "extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                        "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "35917007", "display": "Adenocarcinoma"}]}}],
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category", "code": "problem-list-item"}]}],
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "254637007", "display": "Non-small cell lung cancer (disorder)"}]},
         "bodySite": [{"extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier",
                                      "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "7771000", "display": "Left (qualifier value)"}]}}],
                       "coding": [{"system": "http://snomed.info/sct", "code": "39607008", "display": "Lung structure (body structure)"}]}],
         "subject": {"reference": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001"}, "onsetDateTime": "2019-04-01"}},
      {"fullUrl": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0003", "request": {"method": "POST", "url": "Condition"},
       "resource": {"resourceType": "Condition",
         "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/condition-related",
                        "valueReference": {"reference": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0002"}}],
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "94222008", "display": "Secondary malignant neoplasm of bone"}]},
         "bodySite": [{"extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier",
                                      "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "24028007", "display": "Right (qualifier value)"}]}}],
                       "coding": [{"system": "http://snomed.info/sct", "code": "41111004", "display": "Shaft of femur"}]}],
         "subject": {"reference": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001"}, "onsetDateTime": "2019-05-01"}},
      {"fullUrl": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0004", "request": {"method": "POST", "url": "Observation"},
       "resource": {"resourceType": "Observation", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "89247-1", "display": "ECOG Performance Status score"}]},
         "subject": {"reference": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001"}, "effectiveDateTime": "2019-04-01", "valueInteger": 0}},
      {"fullUrl": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0005", "request": {"method": "POST", "url": "MedicationRequest"},
       "resource": {"resourceType": "MedicationRequest", "status": "active", "intent": "order",
         "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "349472", "display": "gefitinib 250 MG Oral Tablet"}]},
         "subject": {"reference": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001"}, "authoredOn": "2019-04-01",
         "reasonCode": [{"coding": [{"system": "http://snomed.info/sct", "code": "254637007", "display": "Non-small cell lung cancer (disorder)"}]}]}},
      {"fullUrl": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0006", "request": {"method": "POST", "url": "Observation"},
       "resource": {"resourceType": "Observation", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "718-7", "display": "Hemoglobin [Mass/volume] in Blood"}]},
         "subject": {"reference": "urn:uuid:6f1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001"}, "effectiveDateTime": "2019-04-01",
         "valueQuantity": {"value": 13.5, "unit": "g/dl", "system": "http://unitsofmeasure.org", "code": "g/dL"}}}
    ]}
    """#
}

@Suite struct RealEHRImportTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/fhir-public")
    static let asOf = PartialDate(dayNumber: 19_875)  // 2024-06-01

    func importBundle(_ text: String, mappings: CodeMappings = .none) async throws -> (BulkImporter.Summary, [CaseRecord]) {
        try await TestDatabases.with(.sqlite) { store in
            let importer = BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: Self.asOf, mappings: mappings, now: { 1 })
            let summary = try await importer.run(bundle: text)
            let cases = try await SQLCaseStore(store).list(search: nil, limit: 50, offset: 0)
            var records: [CaseRecord] = []
            for item in cases { if let stored = try await SQLCaseStore(store).get(id: item.id) { records.append(stored.record) } }
            return (summary, records)
        }
    }

    @Test func anMCODESTU4TransactionBundleBecomesTheCaseAClinicianWouldWrite() async throws {
        let (summary, records) = try await importBundle(MCODESTU4Bundle.text)
        #expect(summary.created == 1)
        let record = try #require(records.first)
        #expect(record.patient.sex == .male)
        let primary = try #require(record.primaries.first)
        #expect(primary.site == .lung)
        #expect(primary.histologyType == .nonSmallCellCarcinoma)
        #expect(primary.diagnosed == PartialDate("2019-04-01"))
        let lesion = try #require(record.lesions.first)
        #expect(lesion.bone == .femur && lesion.segment == .diaphysis)
        #expect(lesion.laterality == .right)  // mCODE STU4: inside bodySite
        #expect(lesion.primary == primary.id)  // condition-related by urn:uuid
        #expect(record.performance.first?.ecog == 0)
        let gefitinib = try #require(record.treatments.first { $0.kind == .systemic && $0.name?.contains("gefitinib") == true })  // reasonCode
        #expect(gefitinib.codes == ["http://www.nlm.nih.gov/research/umls/rxnorm|349472"])  // RxNorm kept …
        #expect(FHIRExporter.bundle(caseId: "c", record: record, assessment: nil).serialized().contains("349472"))  // … and exported
        #expect(record.labs.contains { $0.test == .hemoglobin && $0.value == 13.5 })
    }

    @Test func nothingIdentifyingIsKeptFromTheEHR() async throws {
        let (_, records) = try await importBundle(MCODESTU4Bundle.text)
        let written = try #require(records.first.map(CaseFile.write))
        for value in ["Anyperson", "John", "123 Main St", "Anytown", "m123"] { #expect(!written.contains(value), "\(value)") }
    }

    /// FHIR R4 id grammar ([A-Za-z0-9-.]{1,64}): a resource whose id breaks it is skipped with
    /// that reason (issue #11); 64 characters is still an id.
    @Test func idsOutsideTheGrammarAreSkippedWithTheReason() async throws {
        let long = String(repeating: "p", count: 64)
        let bundle = #"""
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "id": "bad id!", "gender": "female"}},
          {"resource": {"resourceType": "Patient", "id": "\#(long)", "gender": "female"}},
          {"resource": {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/\#(long)"},
                        "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C50.911"}]}}}
        ]}
        """#
        let (summary, records) = try await importBundle(bundle)
        #expect(records.count == 1)
        #expect(records.first?.patient.id == "fhir:" + long)
        #expect(summary.skipped.keys.contains { $0.contains("breaks the FHIR id grammar") })
    }

    @Test func aConditionRecognisedOnlyByTextIsImportedToConfirm() async throws {
        let bundle = #"""
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "id": "zh1", "gender": "female", "birthDate": "1966"}},
          {"resource": {"resourceType": "Condition", "id": "dx1", "subject": {"reference": "Patient/zh1"},
                        "code": {"coding": [{"system": "urn:hospital:dx", "code": "X-77"}], "text": "乳腺癌"}, "onsetDateTime": "2020-05"}},
          {"resource": {"resourceType": "Condition", "id": "dx2", "subject": {"reference": "Patient/zh1"},
                        "code": {"text": "左股骨骨转移"}, "onsetDateTime": "2024-03"}},
          {"resource": {"resourceType": "Condition", "id": "dx3", "subject": {"reference": "Patient/zh1"},
                        "code": {"text": "疑似肺癌"}}}
        ]}
        """#
        let (summary, records) = try await importBundle(bundle)
        let record = try #require(records.first)
        #expect(record.primaries.first?.site == .breast)
        #expect(record.primaries.first?.histology?.contains("recognised by text — confirm") == true)
        #expect(record.lesions.first?.bone == .femur)
        #expect(record.lesions.first?.laterality == .left)
        #expect(summary.notes.filter { $0.message.hasPrefix("recognised by text") }.count == 2)
        #expect(summary.skipped.keys.contains { $0.contains("suspicion") })
    }

    @Test func aSitesOwnCodesMapThroughItsFile() async throws {
        let mappings = try CodeMappings.read(text: #"""
        {"conditions": [{"system": "urn:hospital:dx", "code": "BM01", "kind": "boneMetastasis"}, {"system": "urn:hospital:dx", "code": "PC", "kind": "primary", "site": "prostate"}],
         "labs": [{"system": "https://intranet.aumc.nl/labtestcodes", "code": "20005", "test": "creatinine"}],
         "medications": [{"system": "urn:hospital:drug", "code": "BMA-7", "agent": "denosumab"}]}
        """#)
        let bundle = #"""
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "id": "loc1", "gender": "male", "birthDate": "1950"}},
          {"resource": {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/loc1"}, "code": {"coding": [{"system": "urn:hospital:dx", "code": "PC"}]}}},
          {"resource": {"resourceType": "Condition", "id": "c2", "subject": {"reference": "Patient/loc1"}, "code": {"coding": [{"system": "urn:hospital:dx", "code": "BM01"}]},
                        "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "118645006"}]}]}},
          {"resource": {"resourceType": "Observation", "id": "o1", "status": "final", "subject": {"reference": "Patient/loc1"},
                        "code": {"coding": [{"system": "https://intranet.aumc.nl/labtestcodes", "code": "20005", "display": "Creatinine(Serum)"}]},
                        "issued": "2013-04-04T14:34:00+01:00", "valueQuantity": {"value": 122, "unit": "umol/L", "system": "http://snomed.info/sct", "code": "258814008"}}},
          {"resource": {"resourceType": "MedicationAdministration", "id": "m1", "status": "completed", "subject": {"reference": "Patient/loc1"},
                        "medicationCodeableConcept": {"coding": [{"system": "urn:hospital:drug", "code": "BMA-7"}]}, "effectiveDateTime": "2013-05-02"}}
        ]}
        """#
        let (_, records) = try await importBundle(bundle, mappings: mappings)
        let record = try #require(records.first)
        #expect(record.primaries.first?.site == .prostate)
        #expect(record.lesions.first?.bone == .pelvis)
        // FHIR R4 example f204's shape: a local code, a SNOMED unit, `issued` without `effective`.
        let creatinine = try #require(record.labs.first { $0.test == .creatinine })
        #expect(creatinine.unit == "µmol/L")
        #expect(creatinine.date == PartialDate("2013-04-04"))
        // A bone agent known only by the site's code (RxNorm codes are added this way, not shipped).
        let agent = try #require(record.treatments.first { $0.kind == .boneModifyingAgent })
        #expect(agent.agent == .denosumab && agent.doses == [PartialDate("2013-05-02")!])
        #expect(throws: InputError.self) { try CodeMappings.read(text: #"{"medications": [{"system": "s", "code": "c", "agent": "aspirin"}]}"#) }
        // Without the file the same patient has no cancer, and says so.
        let (summary, none) = try await importBundle(bundle)
        #expect(none.isEmpty)
        #expect(summary.skipped["patient without a cancer condition"] == 1)
        #expect(summary.skippedPatients.first?.patient == "loc1")
    }

    /// mCODE STU4 shapes: a radiotherapy course summary with its delivered dose (cGy) and bone
    /// body site, and ER / PR / HER2 as tumour marker tests with LOINC answers.
    @Test func radiotherapyDoseAndReceptorsAsMCODESendsThem() async throws {
        let bundle = #"""
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "id": "rt1", "gender": "female", "birthDate": "1960"}},
          {"resource": {"resourceType": "Condition", "id": "bc", "subject": {"reference": "Patient/rt1"},
                        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "353431000119107"}]}, "onsetDateTime": "2018-03-16"}},
          {"resource": {"resourceType": "Condition", "id": "bm", "subject": {"reference": "Patient/rt1"},
                        "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C79.51"}]},
                        "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "41111004"}],
                                      "extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier",
                                                     "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "24028007"}]}}]}]}},
          {"resource": {"resourceType": "Procedure", "id": "rtc", "status": "completed", "subject": {"reference": "Patient/rt1"},
                        "extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-dose-delivered-to-volume",
                                       "extension": [{"url": "totalDoseDelivered", "valueQuantity": {"value": 800, "unit": "cGy", "system": "http://unitsofmeasure.org", "code": "cGy"}},
                                                     {"url": "fractionsDelivered", "valueUnsignedInt": 1}]}],
                        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1217123003"}]},
                        "performedPeriod": {"start": "2023-02-01", "end": "2023-02-01"},
                        "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "71341001"}],
                                      "extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier",
                                                     "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "24028007"}]}}]}]}},
          {"resource": {"resourceType": "Observation", "id": "er", "status": "final", "subject": {"reference": "Patient/rt1"}, "effectiveDateTime": "2018-03-10",
                        "code": {"coding": [{"system": "http://loinc.org", "code": "85337-4"}]},
                        "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA6576-8", "display": "Positive"}]}}},
          {"resource": {"resourceType": "Observation", "id": "her2", "status": "final", "subject": {"reference": "Patient/rt1"}, "effectiveDateTime": "2018-03-10",
                        "code": {"coding": [{"system": "http://loinc.org", "code": "85319-2"}]}, "valueCodeableConcept": {"text": "HER2 阴性"}}}
        ]}
        """#
        let (_, records) = try await importBundle(bundle)
        let record = try #require(records.first)
        let rt = try #require(record.treatments.first { $0.kind == .radiotherapy })
        #expect(rt.doseGy == 8)
        #expect(rt.fractions == 1)
        #expect(rt.lesions == ["bm"])  // by the bone body site and side
        #expect(record.primaries.first?.er == .positive)
        #expect(record.primaries.first?.her2 == .negative)
    }

    /// The EHR's own codings and DICOM modality go back out as they came (DX stays DX); an onset
    /// given as an age is said, not turned into a guessed date.
    @Test func sourceCodesAndModalityRoundTrip() async throws {
        let bundle = #"""
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "id": "dx1", "gender": "female", "birthDate": "1955-02-01"}},
          {"resource": {"resourceType": "Condition", "id": "pc", "subject": {"reference": "Patient/dx1"}, "onsetAge": {"value": 63, "unit": "a", "system": "http://unitsofmeasure.org", "code": "a"},
                        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "353431000119107"}, {"system": "urn:cn:nhc:icd-10-clinical", "code": "C50.900x001"}]}}},
          {"resource": {"resourceType": "Condition", "id": "bm", "subject": {"reference": "Patient/dx1"},
                        "code": {"coding": [{"system": "urn:cn:nhc:icd-10-clinical", "code": "C79.500"}]},
                        "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "41111004"}]}]}},
          {"resource": {"resourceType": "ImagingStudy", "id": "xr", "status": "available", "subject": {"reference": "Patient/dx1"}, "started": "2023-05-01",
                        "modality": [{"system": "http://dicom.nema.org/resources/ontology/DCM", "code": "DX"}]}}
        ]}
        """#
        let (summary, records) = try await importBundle(bundle)
        let record = try #require(records.first)
        #expect(record.primaries.first?.codes == ["http://snomed.info/sct|353431000119107", "urn:cn:nhc:icd-10-clinical|C50.900x001"])
        #expect(record.lesions.first?.codes == ["urn:cn:nhc:icd-10-clinical|C79.500"])
        #expect(record.studies.first?.modality == .xray && record.studies.first?.dicomModality == "DX")
        #expect(record.primaries.first?.diagnosed == nil)
        #expect(summary.notes.contains { $0.message.contains("onset given as age 63") })
        let exported = FHIRExporter.bundle(caseId: "c1", record: record, assessment: nil).serialized()
        #expect(exported.contains(#""code":"DX""#))
        #expect(exported.contains("353431000119107") && exported.contains("C79.500"))
        // And back again: still DX, still the same codes.
        let (_, again) = try await importBundle(exported)
        #expect(again.first?.studies.first?.dicomModality == "DX")
        #expect(again.first?.lesions.first?.codes.first == "urn:cn:nhc:icd-10-clinical|C79.500")
    }

    @Test func publicR4ExamplesImportOrSayWhy() async throws {
        let folder = Self.shared.appendingPathComponent("r4-spec-examples/bundles")
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        let headNeck = try String(contentsOf: folder.appendingPathComponent("f201-roel-head-neck-tumour.bundle.json"), encoding: .utf8)
        let (summary, records) = try await importBundle(headNeck)
        #expect(summary.created == 1)
        // "Malignant neoplastic disease" (363346000) with bodySite "Entire head and neck".
        #expect(records.first?.primaries.first?.site == .headAndNeck)
        let nsclc = try String(contentsOf: folder.appendingPathComponent("f001-pieter-nsclc.bundle.json"), encoding: .utf8)
        let (_, lung) = try await importBundle(nsclc)
        #expect(lung.first?.primaries.first?.site == .lung)
        #expect(lung.first?.primaries.first?.histologyType == .nonSmallCellCarcinoma)
    }

    @Test func syntheaExportSaysWhatItSkippedAndSetsTheLogAside() async throws {
        let folder = Self.shared.appendingPathComponent("synthea-bulk-10-full")
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        let (summary, record, everything, stillStaged) = try await TestDatabases.with(.sqlite) { store in
            let summary = try await BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: Self.asOf, now: { 1 }).run(folder)
            let cases = try await SQLCaseStore(store).list(search: nil, limit: 5, offset: 0)
            let caseId = try #require(cases.first?.id)
            let stored = try await SQLCaseStore(store).get(id: caseId)
            let record = try #require(stored).record
            // Issue #11: after importing a full EHR export, no name, national id (SSN), passport,
            // driver's licence, address or phone of any patient is anywhere in the database, and
            // nothing is left staged, for the patients imported or not.
            let everything = try await Self.allText(store)
            let stillStaged = try await SQLFHIRStaging(store).stagedPatients()
            return (summary, record, everything, stillStaged)
        }
        let patients = try String(contentsOf: folder.appendingPathComponent("Patient.000.ndjson"), encoding: .utf8)
            .split(separator: "\n").map { try FHIRJSON.parse(String($0)) }
        var identifying: Set<String> = []
        for patient in patients {
            for name in patient["name"]?.array ?? [] {
                identifying.formUnion((name["given"]?.array ?? []).compactMap(\.string))
                if let family = name["family"]?.string { identifying.insert(family) }
            }
            for identifier in patient["identifier"]?.array ?? [] where identifier["value"]?.string != patient["id"]?.string {
                if let value = identifier["value"]?.string { identifying.insert(value) }
            }
            for address in patient["address"]?.array ?? [] { identifying.formUnion((address["line"]?.array ?? []).compactMap(\.string)) }
            for telecom in patient["telecom"]?.array ?? [] { if let value = telecom["value"]?.string { identifying.insert(value) } }
        }
        #expect(identifying.count > 50)
        #expect(identifying.filter { everything.contains($0) }.isEmpty)
        // Nothing stays staged at all: the imported patient's resources go once the case is built.
        #expect(stillStaged.isEmpty, "only the case is kept")
        // Hundreds of cycle orders are a handful of regimens (setting regimenGapDays), and one
        // NSCLC coded twice is one primary (with a note to confirm).
        #expect(record.treatments.filter { $0.kind == .systemic }.count == 2)
        #expect(record.primaries.map(\.site).sorted { $0.rawValue < $1.rawValue } == [.breast, .lung])
        #expect(summary.notes.contains { $0.message.hasPrefix("same site and histology") })
        #expect(summary.nonFHIRFiles == ["log.ndjson"])
        #expect(summary.scan.badLineCount == 0)
        #expect(summary.created == 1)
        #expect(summary.skipped["patient without a cancer condition"] == 12)
        #expect(summary.skipped["resource type not used by BoneMet (Encounter)"] == 1215)
        #expect(summary.skipped.keys.contains { $0.hasPrefix("condition: mentions cancer as a suspicion") })
        #expect(summary.skippedPatients.count == 12)
    }
}

extension RealEHRImportTests {
    /// Synthea with Observations (issue #9): the shared export plus Synthea Observation lines
    /// (Tests/fixtures/synthea-observations, CC0, source in its README). Labs by Synthea's LOINC
    /// codes, pain 0–10, weight; Observations BoneMet does not read are not staged — the PRAPARE
    /// survey's address never reaches the database.
    @Test func syntheaWithObservationsGivesLabsPainAndWeightAndKeepsNoSurvey() async throws {
        let shared = Self.shared.appendingPathComponent("synthea-bulk-10-full")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synthea-obs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: shared.path) {
            try FileManager.default.copyItem(at: shared.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/synthea-observations/Observation.000.ndjson")
        try FileManager.default.copyItem(at: fixture, to: folder.appendingPathComponent("Observation.000.ndjson"))
        let (summary, record, everything) = try await TestDatabases.with(.sqlite) { store in
            let summary = try await BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: Self.asOf, now: { 1 }).run(folder)
            let caseId = try #require(try await SQLCaseStore(store).list(search: nil, limit: 5, offset: 0).first?.id)
            let record = try #require(try await SQLCaseStore(store).get(id: caseId)).record
            let everything = try await Self.allText(store)
            return (summary, record, everything)
        }
        #expect(summary.created == 1)
        #expect(record.labs.contains { $0.test == .creatinine && $0.value == 1 && $0.unit == "mg/dL" && $0.date == PartialDate("2020-03-20") })
        #expect(record.labs.contains { $0.test == .calcium && $0.value == 9.4 })
        #expect(record.labs.count == 2)
        #expect(record.patient.weights == [WeightRecord(date: PartialDate("2020-03-20")!, kg: 68.2)])
        #expect(record.pain.map(\.nrs) == [4])
        #expect(summary.skipped.first { $0.key.hasPrefix("observation not used by BoneMet") }?.value == 4)
        #expect(!everything.contains("749 Bradtke Neck Suite 21"))
        #expect(!everything.contains("Blood pressure panel"))
    }

    /// mCODE STU4 shapes the case format now holds (issue #9): a metastasis's own onset date,
    /// the location qualifier inside bodySite (proximal / distal), and the clinician's disease
    /// status (97509-4; translated from the guide's example cancer-disease-status-jenny-m, with
    /// both evidence-type extension URLs the guide has used). Exported and read back unchanged;
    /// BoneMet's own imaging-derived statuses are not read back as a clinician's.
    @Test func onsetLocationQualifierAndDiseaseStatusRoundTrip() async throws {
        let bundle = #"""
        {"resourceType": "Bundle", "type": "transaction", "entry": [
          {"fullUrl": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001", "request": {"method": "POST", "url": "Patient"},
           "resource": {"resourceType": "Patient", "gender": "female", "birthDate": "1965-04-12"}},
          {"fullUrl": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0002", "request": {"method": "POST", "url": "Condition"},
           "resource": {"resourceType": "Condition",
             "code": {"coding": [{"system": "http://snomed.info/sct", "code": "254837009", "display": "Malignant neoplasm of breast"}]},
             "subject": {"reference": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001"}, "onsetDateTime": "2018-03-01"}},
          {"fullUrl": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0003", "request": {"method": "POST", "url": "Condition"},
           "resource": {"resourceType": "Condition",
             "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/condition-related",
                            "valueReference": {"reference": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0002"}}],
             "code": {"coding": [{"system": "http://snomed.info/sct", "code": "94222008", "display": "Secondary malignant neoplasm of bone"}]},
             "bodySite": [{"extension": [
                 {"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier",
                  "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "7771000"}]}},
                 {"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-location-qualifier",
                  "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "40415009", "display": "Proximal"}]}}],
               "coding": [{"system": "http://snomed.info/sct", "code": "85050009", "display": "Humerus"}]}],
             "subject": {"reference": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001"}, "onsetDateTime": "2018-10-15"}},
          {"fullUrl": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0004", "request": {"method": "POST", "url": "Observation"},
           "resource": {"resourceType": "Observation", "status": "final",
             "extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-disease-status-evidence-type",
                            "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "363679005", "display": "Imaging (procedure)"}]}}],
             "code": {"coding": [{"system": "http://loinc.org", "code": "97509-4", "display": "Cancer Disease Progression"}]},
             "subject": {"reference": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001"},
             "focus": [{"reference": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0002"}], "effectiveDateTime": "2018-11-01",
             "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "268910001", "display": "Patient's condition improved (finding)"}]}}},
          {"fullUrl": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0005", "request": {"method": "POST", "url": "Observation"},
           "resource": {"resourceType": "Observation", "status": "final",
             "extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-evidence-type",
                            "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "363679005", "display": "Imaging (procedure)"}]}}],
             "code": {"coding": [{"system": "http://loinc.org", "code": "97509-4"}]},
             "subject": {"reference": "urn:uuid:7a1c4ab0-0a55-4bb4-9f0e-2b8f0d6a0001"}, "effectiveDateTime": "2019-02-01",
             "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "999999999"}]}}}
        ]}
        """#
        let (summary, records) = try await importBundle(bundle)
        let record = try #require(records.first)
        let lesion = try #require(record.lesions.first)
        #expect(lesion.bone == .humerus && lesion.segment == .proximal && lesion.laterality == .left)
        #expect(lesion.diagnosed == PartialDate("2018-10-15"))
        #expect(lesion.label.en == "left humerus, proximal")
        let primary = try #require(record.primaries.first)
        #expect(record.diseaseStatus == [DiseaseStatusRecord(date: PartialDate("2018-11-01")!, status: .improved, evidence: "Imaging (procedure)", primary: primary.id)])
        #expect(summary.notes.contains { $0.message == "disease status value not in the mCODE value set: not used" })

        // Out and back: the same lesion date, qualifier and status; BoneMet's derived statuses
        // (one per response time point, method urn:bonemet:method) are not read back.
        var withStudies = record
        var reading = LesionObservation(lesion: lesion.id)
        reading.character = .lytic
        reading.diametersMm = [20, 15]
        withStudies.studies = [
            ImagingStudy(id: "S1", date: PartialDate("2018-10-15")!, modality: .ct, windows: [.bone], observations: [reading]),
            ImagingStudy(id: "S2", date: PartialDate("2019-01-15")!, modality: .ct, windows: [.bone], observations: [reading]),
        ]
        let assessment = assess(withStudies, asOf: PartialDate("2019-02-01")!)
        #expect(!assessment.timePoints.isEmpty)
        let exported = FHIRExporter.bundle(caseId: "c1", record: withStudies, assessment: assessment).serialized()
        #expect(exported.contains("mcode-location-qualifier") && exported.contains("40415009"))
        let (_, back) = try await importBundle(exported)
        let again = try #require(back.first)
        #expect(again.lesions.first?.diagnosed == lesion.diagnosed)
        #expect(again.lesions.first?.segment == .proximal)
        #expect(again.diseaseStatus == record.diseaseStatus)
    }

    /// Every text value of every row of every table, joined (to search the whole database).
    static func allText(_ store: SQLStore) async throws -> String {
        try await store.read { db in
            let tables = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map { try $0.decode(column: "name", as: String.self) }
            var text = ""
            for table in tables {
                for row in try await db.raw("SELECT * FROM \(ident: table)").all() {
                    for column in row.allColumns { if let value = try? row.decode(column: column, as: String.self) { text += value + "\n" } }
                }
            }
            return text
        }
    }
}

@Suite struct DeterministicExportTests {
    @Test func theSameCaseGivesTheSameFHIREveryRunAndIdsNeverCollide() throws {
        var record = CaseRecord(
            patient: Patient(id: "p"), primaries: [PrimaryCancer(id: "P1", site: .lung), PrimaryCancer(id: "P2", site: .breast)],
            lesions: [Lesion(id: String(repeating: "a", count: 70) + "1", bone: .rib), Lesion(id: String(repeating: "a", count: 70) + "2", bone: .rib)])
        record.lesions[0].primary = "P2"
        let first = FHIRExporter.bundle(caseId: "case-1", record: record, assessment: nil).serialized()
        for _ in 0..<5 { #expect(FHIRExporter.bundle(caseId: "case-1", record: record, assessment: nil).serialized() == first) }
        #expect(first.contains("93880001"))  // lung of unrecorded histology: not the NSCLC code
        let ids = (try FHIRJSON.parse(first)["entry"]?.array ?? []).compactMap { $0["resource"]?["id"]?.string }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count <= 64 })
        #expect(FHIRExporter.fhirId("short-id") == "short-id")
    }
}

extension RealEHRImportTests {
    /// Rule set 2026.12.55: Patient.deceased[x] reaches the case. Three of the Synthea sample's
    /// thirteen patients have a `deceasedDateTime`; the first of them (its real line, names and
    /// all), given a breast cancer and a femoral metastasis, imports as a patient who died on
    /// that date — with no proposal after it — and exports and imports back the same.
    @Test func aDeathInTheEHRReachesTheCaseAndGoesBackOut() async throws {
        let folder = Self.shared.appendingPathComponent("synthea-bulk-10-full")
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        let lines = try String(contentsOf: folder.appendingPathComponent("Patient.000.ndjson"), encoding: .utf8).split(separator: "\n")
        let line = try #require(lines.first { $0.contains("deceasedDateTime") })
        let patient = try FHIRJSON.parse(String(line))
        let id = try #require(patient["id"]?.string)
        let died = try #require(patient["deceasedDateTime"]?.string.flatMap { PartialDate(String($0.prefix(10))) })
        func bundle(_ patientLine: String, _ id: String) -> String {
            #"""
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"resource": \#(patientLine)},
              {"resource": {"resourceType": "Condition", "id": "pc-\#(id)", "subject": {"reference": "Patient/\#(id)"}, "onsetDateTime": "1960-01-01",
                            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C50.911"}]}}},
              {"resource": {"resourceType": "Condition", "id": "bm-\#(id)", "subject": {"reference": "Patient/\#(id)"}, "onsetDateTime": "1960-06-01",
                            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C79.51"}]},
                            "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "41111004"}]}]}}
            ]}
            """#
        }
        let (_, records) = try await importBundle(bundle(String(line), id))
        let record = try #require(records.first)
        #expect(record.patient.deathDate == died && record.patient.deceased == true)
        #expect(assess(record, asOf: Self.asOf).findings.map(\.ruleId) == ["diagnosis.record.deceased"])
        let exported = FHIRExporter.bundle(caseId: "c1", record: record, assessment: nil).serialized()
        #expect(exported.contains(#""deceasedDateTime":"\#(died)""#))
        let (_, back) = try await importBundle(exported)
        #expect(back.first?.patient.deathDate == died)

        // deceasedBoolean: true without a date is a death; false is what every living patient says.
        for (flag, expected) in [("true", true as Bool?), ("false", nil)] {
            let (_, flagged) = try await importBundle(bundle(#"{"resourceType": "Patient", "id": "b1", "gender": "female", "deceasedBoolean": \#(flag)}"#, "b1"))
            let one = try #require(flagged.first)
            #expect(one.patient.deceased == expected && one.patient.deathDate == nil)
            let out = FHIRExporter.bundle(caseId: "c2", record: one, assessment: nil).serialized()
            #expect(out.contains(#""deceasedBoolean":true"#) == (expected == true))
        }
    }
}

extension RealEHRImportTests {
    /// FHIR R4 statuses that say a resource did not happen, or is an error, keep it out of the
    /// case (FHIRRead.statusNotUsed): each was used as a fact before — a "not-done" denosumab
    /// dose counted as given, a cancelled bone scan as a whole-skeleton survey, a creatinine
    /// entered in error as the patient's. A procedure in preparation is a planned one.
    @Test func resourcesWhoseStatusSaysTheyDidNotHappenAreNotFacts() async throws {
        func entry(_ json: String) -> String { #"{"resource": \#(json)}"# }
        let subject = #""subject": {"reference": "Patient/s1"}"#
        func creatinine(_ id: String, _ status: String, _ value: Double) -> String {
            entry(#"{"resourceType": "Observation", "id": "\#(id)", "status": "\#(status)", \#(subject), "effectiveDateTime": "2024-04-01", "code": {"coding": [{"system": "http://loinc.org", "code": "2160-0"}]}, "valueQuantity": {"value": \#(value), "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"}}"#)
        }
        func dose(_ id: String, _ status: String, _ date: String) -> String {
            entry(#"{"resourceType": "MedicationAdministration", "id": "\#(id)", "status": "\#(status)", \#(subject), "effectiveDateTime": "\#(date)", "medicationCodeableConcept": {"coding": [{"system": "http://www.whocc.no/atc", "code": "M05BX04", "display": "denosumab"}]}}"#)
        }
        func scan(_ id: String, _ status: String) -> String {
            entry(#"{"resourceType": "ImagingStudy", "id": "\#(id)", "status": "\#(status)", \#(subject), "started": "2024-03-20", "modality": [{"system": "http://dicom.nema.org/resources/ontology/DCM", "code": "NM"}]}"#)
        }
        func letrozole(_ id: String, _ status: String) -> String {
            entry(#"{"resourceType": "MedicationRequest", "id": "\#(id)", "status": "\#(status)", "intent": "order", \#(subject), "authoredOn": "2024-03-01", "medicationCodeableConcept": {"text": "letrozole \#(id)"}, "reasonReference": [{"reference": "Condition/pc"}]}"#)
        }
        func fixation(_ id: String, _ status: String, _ performed: String?) -> String {
            let date = performed.map { #", "performedDateTime": "\#($0)""# } ?? ""
            return entry(#"{"resourceType": "Procedure", "id": "\#(id)", "status": "\#(status)", \#(subject)\#(date), "code": {"text": "prophylactic intramedullary nailing of femur"}, "reasonReference": [{"reference": "Condition/bm"}]}"#)
        }
        let entries = [
            entry(#"{"resourceType": "Patient", "id": "s1", "gender": "female", "birthDate": "1960-01-01"}"#),
            entry(#"{"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2023-01-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C50.911"}]}}"#),
            entry(#"{"resourceType": "Condition", "id": "bm", \#(subject), "onsetDateTime": "2024-03-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C79.51"}]}, "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "41111004"}]}]}"#),
            creatinine("cr1", "final", 0.9), creatinine("cr2", "entered-in-error", 9.0), creatinine("cr3", "cancelled", 8.0), creatinine("cr4", "registered", 7.0),
            // A bound is no value (CRP "< 5 mg/L" read as 0.5 mg/dL was abnormal for New Katagiri).
            entry(#"{"resourceType": "Observation", "id": "gfr", "status": "final", \#(subject), "effectiveDateTime": "2024-04-01", "code": {"coding": [{"system": "http://loinc.org", "code": "33914-3"}]}, "valueQuantity": {"value": 60, "comparator": ">", "unit": "mL/min/{1.73_m2}", "system": "http://unitsofmeasure.org", "code": "mL/min/{1.73_m2}"}}"#),
            dose("d1", "completed", "2024-03-05"), dose("d2", "not-done", "2024-04-02"), dose("d3", "entered-in-error", "2024-04-03"),
            scan("ns1", "cancelled"), scan("ns2", "entered-in-error"), scan("ns3", "registered"),
            letrozole("lz1", "active"), letrozole("lz2", "cancelled"), letrozole("lz3", "draft"),
            fixation("fx1", "not-done", "2024-04-10"), fixation("fx2", "preparation", nil), fixation("fx3", "entered-in-error", "2024-04-11"),
            // ECOG as the LOINC answer (list LL529-9), as the German MII profiles send it; ECOG 5 (dead) is no grade here.
            entry(#"{"resourceType": "Observation", "id": "ps1", "status": "final", \#(subject), "effectiveDateTime": "2024-04-01", "code": {"coding": [{"system": "http://loinc.org", "code": "89247-1"}]}, "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA9624-3"}]}}"#),
            entry(#"{"resourceType": "Observation", "id": "ps2", "status": "final", \#(subject), "effectiveDateTime": "2024-04-02", "code": {"coding": [{"system": "http://loinc.org", "code": "89247-1"}]}, "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA9627-6"}]}}"#),
        ]
        let bundle = #"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ",\n"))]}"#
        let (summary, records) = try await importBundle(bundle)
        let record = try #require(records.first)
        #expect(record.labs.map(\.value) == [0.9])
        #expect(record.performance.map(\.ecog) == [2])
        #expect(record.treatments.first { $0.agent == .denosumab }?.doses == [PartialDate("2024-03-05")!])
        #expect(record.studies.isEmpty)
        #expect(record.treatments.filter { $0.kind == .systemic }.map(\.name) == ["letrozole lz1"])
        let surgeries = record.treatments.filter { $0.kind == .surgery }
        #expect(surgeries.count == 1 && surgeries.first?.planned == true && surgeries.first?.procedure == .prophylacticFixation)
        for (id, message) in [
            ("Observation/cr2", "status entered-in-error (entered in error): not used"), ("MedicationAdministration/d2", "status not-done (not given): not used"),
            ("ImagingStudy/ns1", "status cancelled (cancelled): not used"), ("MedicationRequest/lz2", "status cancelled (withdrawn before any dose): not used"),
            ("Procedure/fx1", "status not-done (not done): not used"), ("Observation/gfr", "egfr > 60.0 mL/min/1.73m2: a bound, not a value — not used"),
        ] {
            #expect(summary.notes.contains { $0.resource == id && $0.message == message }, "\(id)")
        }
    }
}

extension RealEHRImportTests {
    /// Events on the problem list (EventCodes): a pathological fracture coded M84.5 with the
    /// femur as body site lands on the femoral lesion, a cord compression G95.2 (WHO) and
    /// hypercalcaemia E83.52 come in; WHO's E83.5 (hypo- or hyper-) and M87.1 (no bone named)
    /// are not read. A case's events go out as Conditions and come back the same.
    @Test func eventsOnTheProblemListReachTheCaseAndGoBackOut() async throws {
        let subject = #""subject": {"reference": "Patient/e1"}"#
        func condition(_ id: String, _ system: String, _ code: String, onset: String? = "2024-05-02", site: String = "") -> String {
            let date = onset.map { #", "onsetDateTime": "\#($0)""# } ?? ""
            return #"{"resource": {"resourceType": "Condition", "id": "\#(id)", \#(subject)\#(date), "code": {"coding": [{"system": "\#(system)", "code": "\#(code)"}]}\#(site)}}"#
        }
        let femur = #", "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "41111004"}]}]"#
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "e1", "gender": "female", "birthDate": "1960-01-01"}}"#,
            condition("pc", FHIRCodes.icd10cm, "C50.911", onset: "2023-01-01"),
            condition("bm", FHIRCodes.icd10cm, "C79.51", onset: "2024-03-01", site: femur),
            condition("fx", FHIRCodes.icd10cm, "M84.58XA", site: femur),
            condition("cc", "http://hl7.org/fhir/sid/icd-10", "G95.2", onset: "2024-06-01"),
            condition("hc", FHIRCodes.icd10cm, "E83.52", onset: "2024-06-03"),
            condition("who-ca", "http://hl7.org/fhir/sid/icd-10", "E83.5", onset: "2024-06-04"),
            condition("who-onj", "http://hl7.org/fhir/sid/icd-10", "M87.1", onset: "2024-06-05"),
            condition("nodate", FHIRCodes.icd10cm, "M87.180", onset: nil),
        ]
        let (summary, records) = try await importBundle(#"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ",\n"))]}"#)
        let record = try #require(records.first)
        let lesion = try #require(record.lesions.first?.id)
        #expect(record.events == [
            ClinicalEvent(date: PartialDate("2024-05-02")!, kind: .pathologicalFracture, lesion: lesion),
            ClinicalEvent(date: PartialDate("2024-06-01")!, kind: .cordCompression),
            ClinicalEvent(date: PartialDate("2024-06-03")!, kind: .hypercalcaemia),
        ])
        #expect(summary.notes.contains { $0.resource == "Condition/nodate" && $0.message == "osteonecrosisOfJaw without an onset or recorded date: not used" })
        // The SRE history lists them.
        #expect(assess(record, asOf: PartialDate("2024-06-10")!).findings.contains { $0.ruleId == "boneAgents.sreHistory" })
        // Out and back.
        var withJaw = record
        withJaw.events.append(ClinicalEvent(date: PartialDate("2024-07-01")!, kind: .osteonecrosisOfJaw))
        let exported = FHIRExporter.bundle(caseId: "c1", record: withJaw, assessment: nil).serialized()
        #expect(exported.contains(#""code":"M84.50XA""#) && exported.contains(#""code":"M87.180""#))
        let (_, back) = try await importBundle(exported)
        #expect(back.first?.events == withJaw.events)
    }
}

extension RealEHRImportTests {
    /// FHIR R4 Condition: clinicalStatus (active | recurrence | relapse | inactive | remission |
    /// resolved) and abatement[x], "the date or estimated date that the condition resolved or went
    /// into remission". A cord compression of 2021 resolved after radiotherapy came in as a current
    /// one — with nothing recorded after it, NICE's emergency. Resolved, inactive, remission or
    /// abated events come in resolved (still SREs); active ones stay current; export keeps it.
    @Test func resolvedConditionsComeInAsPastEvents() async throws {
        let subject = #""subject": {"reference": "Patient/r1"}"#
        func condition(_ id: String, _ code: String, _ extra: String) -> String {
            #"{"resource": {"resourceType": "Condition", "id": "\#(id)", \#(subject), "onsetDateTime": "2021-06-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "\#(code)"}]}\#(extra)}}"#
        }
        func status(_ code: String) -> String {
            #", "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "\#(code)"}]}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "r1", "gender": "male", "birthDate": "1950-01-01"}}"#,
            condition("pc", "C61", ""),
            condition("cc-resolved", "G95.20", status("resolved")),
            condition("hc-abated", "E83.52", #", "abatementDateTime": "2021-06-09""#),
            condition("hc-remission", "E83.52", status("remission")),
            condition("cc-active", "G95.29", status("active")),
            condition("cc-not-abated", "G95.29", #", "abatementBoolean": false"#),
        ]
        let (_, records) = try await importBundle(#"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ",\n"))]}"#)
        let record = try #require(records.first)
        let day = PartialDate("2021-06-01")!
        #expect(record.events.filter { $0.kind == .cordCompression }.map(\.resolved).sorted { ($0 ?? false) == false && ($1 ?? false) } == [nil, nil, true])
        #expect(record.events.filter { $0.kind == .hypercalcaemia } == [
            ClinicalEvent(date: day, kind: .hypercalcaemia, resolved: true), ClinicalEvent(date: day, kind: .hypercalcaemia, resolved: true),
        ])
        let exported = FHIRExporter.bundle(caseId: "c1", record: record, assessment: nil).serialized()
        #expect(exported.contains(#""code":"resolved""#))
        let (_, back) = try await importBundle(exported)
        #expect(back.first?.events == record.events)
    }
}

extension RealEHRImportTests {
    /// FHIR R4 Condition.verificationStatus: unconfirmed (provisional, differential) is "not
    /// sufficient to assert it". A provisional "bone metastasis, femur" came in as a diagnosed
    /// lesion dated by its onset. It is kept (imaging attaches to it) but said as suspected, with
    /// no diagnosis date; a confirmed one keeps its date.
    @Test func aSuspectedBoneMetastasisIsNotADiagnosis() async throws {
        let subject = #""subject": {"reference": "Patient/v1"}"#
        func metastasis(_ id: String, _ status: String, site: String) -> String {
            #"{"resource": {"resourceType": "Condition", "id": "\#(id)", \#(subject), "onsetDateTime": "2024-03-01", "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "\#(status)"}]}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C79.51"}]}, "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "\#(site)"}]}]}}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "v1", "gender": "male", "birthDate": "1950-01-01"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2023-01-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C61"}]}}}"#,
            metastasis("femur", "provisional", site: "41111004"),
            metastasis("humerus", "confirmed", site: "85050009"),
        ]
        let (summary, records) = try await importBundle(#"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ",\n"))]}"#)
        let record = try #require(records.first)
        let femur = try #require(record.lesions.first { $0.id == "femur" })
        #expect(femur.diagnosed == nil)
        #expect(femur.note?.contains("suspected (provisional)") == true)
        #expect(record.lesions.first { $0.id == "humerus" }?.diagnosed == PartialDate("2024-03-01"))
        #expect(summary.notes.contains { $0.resource == "Condition/femur" && $0.message.hasPrefix("verification status provisional: a suspected bone metastasis") })
    }
}

/// EHRs converted from CDA or HL7 v2 send code systems by their HL7 OID (`urn:oid:2.16.840.1.113883.6.1`
/// for LOINC …) instead of the URI FHIR requires. A Condition coded `urn:oid:2.16.840.1.113883.6.3|C79.5`
/// was recognised by its text only, and a LOINC creatinine by OID not at all. The OIDs of HL7's
/// terminology registry are read as their URIs; an unknown OID stays as sent.
@Suite struct CodeSystemOIDTests {
    @Test func knownOIDsAreReadAsTheirURIs() {
        #expect(FHIRCodes.canonicalSystem("urn:oid:2.16.840.1.113883.6.96") == FHIRCodes.snomed)
        #expect(FHIRCodes.canonicalSystem("urn:oid:2.16.840.1.113883.6.1") == FHIRCodes.loinc)
        #expect(FHIRCodes.canonicalSystem("2.16.840.1.113883.6.90") == FHIRCodes.icd10cm)
        #expect(FHIRCodes.canonicalSystem("urn:oid:2.16.840.1.113883.6.3") == "http://hl7.org/fhir/sid/icd-10")
        #expect(FHIRCodes.canonicalSystem("urn:oid:2.16.840.1.113883.6.73") == "http://www.whocc.no/atc")
        #expect(FHIRCodes.canonicalSystem("http://loinc.org/") == FHIRCodes.loinc)
        // Unknown OIDs and local systems are kept as sent.
        #expect(FHIRCodes.canonicalSystem("urn:oid:1.2.3.4") == "urn:oid:1.2.3.4")
        #expect(FHIRCodes.canonicalSystem("urn:local") == "urn:local")
        #expect(FHIRCodes.canonicalSystem(nil) == nil)
    }

    @Test func aBundleCodedByOIDImportsByItsCodes() throws {
        let patient = try FHIRResource(parsing: #"{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1968-04-02"}"#)
        let related = try [
            #"{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.3","code":"C50.9"}]},"onsetDateTime":"2021-03-15"}"#,
            #"{"resourceType":"Condition","id":"c2","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.3","code":"C79.5"}]},"bodySite":[{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.96","code":"41111004"}]}],"onsetDateTime":"2026-09-02"}"#,
            #"{"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.1","code":"2160-0"}]},"effectiveDateTime":"2026-09-08","valueQuantity":{"value":58,"unit":"umol/L"}}"#,
        ].map { try FHIRResource(parsing: $0) }
        let (record, notes) = FHIRCaseMapper.map(patient: patient, related: related)
        #expect(record.primaries.map(\.site) == [.breast], "\(notes)")
        #expect(record.lesions.map(\.bone) == [.femur])
        #expect(record.labs.map(\.test) == [.creatinine])
        #expect(!notes.contains { $0.message.contains("recognised by text") })
    }
}
