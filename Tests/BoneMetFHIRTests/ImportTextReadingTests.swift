import BoneMetDomain
import BoneMetFHIR
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Testing

extension RealEHRImportTests {
    /// One patient's Bundle entries, imported: the summary and the patient's case.
    func importEntries(_ entries: [String]) async throws -> (BulkImporter.Summary, CaseRecord) {
        let (summary, records) = try await importBundle(#"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ","))]}"#)
        return (summary, try #require(records.first))
    }

    /// An unseen Chinese EHR bundle (2026-12-04): a castration-resistant prostate cancer's
    /// "多发骨转移" (C79.5, no body site) became one lesion of bone "other" with no note — the text
    /// saying it is several lesions was dropped, so the scores counted one site and "solitary"
    /// was possible. Without a body site, a condition text naming several lesions is kept as the
    /// note the rules read (the case format: a note saying 多发, multiple … counts as ≥ 2 sites).
    @Test func aConditionOfSeveralBoneMetastasesCountsAsSeveral() async throws {
        let subject = #""subject": {"reference": "Patient/s1"}"#
        func condition(_ id: String, _ code: String, _ text: String, site: String? = nil) -> String {
            let body = site.map { #", "bodySite": [{"text": "\#($0)"}]"# } ?? ""
            return #"{"resource": {"resourceType": "Condition", "id": "\#(id)", \#(subject), "onsetDateTime": "2024-02-20", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "\#(code)"}], "text": "\#(text)"}\#(body)}}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "s1", "gender": "male", "birthDate": "1950-06-02"}}"#,
            condition("pc", "C61.x00", "前列腺癌"), condition("m1", "C79.500", "多发骨转移"), condition("m2", "C79.500", "骨转移"),
            condition("m3", "C79.500", "multiple bone metastases", site: "左侧髂骨"),
        ]
        let (_, record) = try await importEntries(entries)
        let several = try #require(record.lesions.first { $0.id == "m1" })
        #expect(several.bone == .other)
        #expect(several.note == "多发骨转移")
        #expect(several.namesSeveral)
        #expect(record.lesions.first { $0.id == "m2" }?.note == nil, "one metastasis of unknown site: no note, as before")
        #expect(record.lesions.first { $0.id == "m3" }?.note == "左侧髂骨", "a body site names the one lesion")
    }
}

extension RealEHRImportTests {
    /// The same bundle: palliative radiotherapy "L4椎体姑息放疗 30Gy/10F" (no body site) was dropped
    /// as "radiotherapy without a bone site"; with a T10 lesion the record's only vertebral one, a
    /// name naming a vertebra reached T10 whatever its level. A vertebra is matched by the level
    /// its text names; radiotherapy to a bone no lesion is on, in a patient with bone metastases,
    /// places the one single metastasis of unknown site there or adds a lesion of that bone (as a
    /// pathological fracture in neoplastic disease does), with a note to confirm.
    func radiotherapyBundle(_ metastases: [(String, String, String?)], procedures: [(String, String, String?)]) async throws -> (BulkImporter.Summary, CaseRecord) {
        let subject = #""subject": {"reference": "Patient/r1"}"#
        let conditions = metastases.map { id, text, site in
            let body = site.map { #", "bodySite": [{"text": "\#($0)"}]"# } ?? ""
            return #"{"resource": {"resourceType": "Condition", "id": "\#(id)", \#(subject), "onsetDateTime": "2024-02-20", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C79.500"}], "text": "\#(text)"}\#(body)}}"#
        }
        let courses = procedures.map { id, name, site in
            let body = site.map { #", "bodySite": [{"text": "\#($0)"}]"# } ?? ""
            return #"{"resource": {"resourceType": "Procedure", "id": "\#(id)", "status": "completed", \#(subject), "code": {"text": "\#(name)"}, "performedPeriod": {"start": "2025-09-01", "end": "2025-09-12"}\#(body)}}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "r1", "gender": "male", "birthDate": "1950-06-02"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2024-02-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C61.x00"}], "text": "前列腺癌"}}}"#,
        ] + conditions + courses
        return try await importEntries(entries)
    }

    @Test func radiotherapyReachesTheVertebraOfItsLevel() async throws {
        let (_, record) = try await radiotherapyBundle(
            [("t10", "骨转移", "T10椎体"), ("l2", "骨转移", "L2椎体")], procedures: [("rt1", "T10椎体放疗 8Gy/1F", nil), ("rt2", "L4椎体姑息放疗 30Gy/10F", nil)])
        #expect(record.treatments.first { $0.id == "rt1" }?.lesions == ["t10"])
        let l4 = try #require(record.treatments.first { $0.id == "rt2" })
        #expect(l4.lesions == ["rt-rt2"], "not T10 nor L2: a lesion of L4 is added")
        #expect(record.lesions.first { $0.id == "rt-rt2" }.map { ($0.bone, $0.level) } ?? (.other, nil) == (.vertebra, VertebralLevel("L4")))
    }

    @Test func radiotherapyPlacesTheOneMetastasisOfUnknownSite() async throws {
        let (summary, record) = try await radiotherapyBundle([("m1", "骨转移", nil)], procedures: [("rt1", "L4椎体姑息放疗 30Gy/10F", nil)])
        #expect(record.lesions.count == 1)
        #expect(record.lesions.first.map { ($0.id, $0.bone, $0.level) } ?? ("", .other, nil) == ("m1", .vertebra, VertebralLevel("L4")))
        #expect(record.treatments.first { $0.id == "rt1" }?.lesions == ["m1"])
        #expect(summary.notes.contains { $0.message.hasPrefix("bone metastasis m1 without a body site placed on the L4 vertebra by radiotherapy") })
    }

    @Test func severalOfUnknownSiteAreNotGuessedFrom() async throws {
        let (_, record) = try await radiotherapyBundle([("m1", "多发骨转移", nil)], procedures: [("rt1", "左股骨放疗 20Gy/5F", nil)])
        #expect(record.lesions.first { $0.id == "m1" }?.bone == .other, "the several stay unsited")
        let added = try #require(record.lesions.first { $0.id == "rt-rt1" })
        #expect(added.bone == .femur && added.laterality == .left)
    }

    @Test func aVertebraWithoutItsLevelOrNoMetastasisPlacesNothing() async throws {
        let (summary, record) = try await radiotherapyBundle(
            [("t10", "骨转移", "T10椎体")], procedures: [("rt1", "腰椎放疗 30Gy/10F", nil), ("rt2", "胸椎放疗 30Gy/10F", nil)])
        #expect(record.treatments.first { $0.id == "rt1" }?.lesions == [], "the lumbar spine is not T10")
        #expect(record.treatments.first { $0.id == "rt2" }?.lesions == ["t10"], "the thoracic spine's one lesion")
        #expect(record.lesions.count == 1)
        #expect(summary.notes.contains { $0.resource == "Procedure/rt1" && $0.message.hasPrefix("radiotherapy to a bone site no lesion matches") })
        let (_, none) = try await radiotherapyBundle([], procedures: [("rt1", "L4椎体姑息放疗 30Gy/10F", nil)])
        #expect(none.lesions.isEmpty, "no bone metastasis on record: nothing added")
    }
}

extension RealEHRImportTests {
    /// The same bundle's testosterone under goserelin came as "< 0.35 nmol/L" (below the assay's
    /// detection) and was "a bound, not a value — not used", leaving castration resistance
    /// unsettled. A bound under the castrate level (PCWG3: < 50 ng/dL) is castrate whatever the
    /// value: stored at its bound, with a note. A bound above it, or any other test's bound
    /// ("CRP < 5 mg/L"), stays unused.
    @Test func aTestosteroneBelowACastrateBoundIsCastrate() async throws {
        let subject = #""subject": {"reference": "Patient/q1"}"#
        func observation(_ id: String, _ loinc: String, _ value: Double, _ unit: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", \#(subject), "effectiveDateTime": "2026-11-10", "code": {"coding": [{"system": "http://loinc.org", "code": "\#(loinc)"}]}, "valueQuantity": {"value": \#(value), "comparator": "<", "unit": "\#(unit)"}}}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "q1", "gender": "male", "birthDate": "1950-06-02"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2024-02-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C61.x00"}], "text": "前列腺癌"}}}"#,
            observation("t1", "2986-8", 0.35, "nmol/L"), observation("t2", "2986-8", 2.0, "nmol/L"), observation("c1", "1988-5", 5, "mg/L"),
        ]
        let (summary, record) = try await importEntries(entries)
        #expect(record.labs.map(\.test) == [.testosterone])
        #expect(record.labs.first?.value == 0.35)
        #expect(summary.notes.contains { $0.resource == "Observation/t1" && $0.message.contains("below the castrate level") })
        #expect(summary.notes.contains { $0.resource == "Observation/t2" && $0.message.hasSuffix("a bound, not a value — not used") }, "< 57.7 ng/dL may be above 50")
        #expect(summary.notes.contains { $0.resource == "Observation/c1" && $0.message.hasSuffix("a bound, not a value — not used") })
    }
}

extension RealEHRImportTests {
    /// An unseen bundle (b5, 2026-12-04): a laboratory interface sent its numbers as text —
    /// calcium `valueString` "3.15 mmol/L", creatinine "68" — and both vanished without a note: a
    /// hypercalcaemia never seen. A text that is one number with an optional unit is read (its unit
    /// checked as any result's, a unit left out read as the one the value is possible in), with a
    /// note; a bound stays a bound; anything else is said and not used.
    @Test func aNumberSentAsTextIsRead() async throws {
        let subject = #""subject": {"reference": "Patient/v1"}"#
        func observation(_ id: String, _ loinc: String, _ text: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", \#(subject), "effectivePeriod": {"start": "2026-11-10T08:00:00+08:00"}, "code": {"coding": [{"system": "http://loinc.org", "code": "\#(loinc)"}]}, "valueString": "\#(text)"}}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "v1", "gender": "female", "birthDate": "1960-01-01"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2020-01-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C50.9"}]}}}"#,
            observation("ca", "17861-6", "3.15 mmol/L"), observation("cr", "2160-0", "68"), observation("crp", "1988-5", "< 5 mg/L"),
            observation("alb", "1751-7", "阴性"), observation("hb", "718-7", "110-120 g/L"),
        ]
        let (summary, record) = try await importEntries(entries)
        #expect(record.labs.map(\.test) == [.calcium, .creatinine])
        #expect(record.labs.first { $0.test == .calcium }.map { ($0.value, $0.unit, $0.date.description) } ?? (0, "", "") == (3.15, "mmol/L", "2026-11-10"))
        #expect(record.labs.first { $0.test == .creatinine }?.unit == "µmol/L")
        #expect(summary.notes.contains { $0.resource == "Observation/ca" && $0.message == "calcium read from its text value \"3.15 mmol/L\" — confirm" })
        #expect(summary.notes.contains { $0.resource == "Observation/crp" && $0.message.hasSuffix("a bound, not a value — not used") })
        #expect(summary.notes.contains { $0.resource == "Observation/alb" && $0.message == "albumin with valueString \"阴性\": not a number with a unit — not used" })
        #expect(summary.notes.contains { $0.resource == "Observation/hb" && $0.message.hasSuffix("not a number with a unit — not used") })
    }
}

extension RealEHRImportTests {
    /// Chinese laboratory systems print a flag after an abnormal result — "2.85mmol/L↑",
    /// "32 g/L (L)", "95 偏低" —, and the flag came along as the unit's: not known, the result not
    /// used (2026-12-05). The flag is no part of the unit.
    @Test func aResultsFlagIsNoPartOfItsUnit() async throws {
        let subject = #""subject": {"reference": "Patient/f1"}"#
        func observation(_ id: String, _ loinc: String, _ text: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", \#(subject), "effectiveDateTime": "2026-11-10", "code": {"coding": [{"system": "http://loinc.org", "code": "\#(loinc)"}]}, "valueString": "\#(text)"}}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "f1", "gender": "female", "birthDate": "1960-01-01"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2020-01-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C50.9"}]}}}"#,
            observation("ca", "17861-6", "2.85mmol/L↑"), observation("alb", "1751-7", "32 g/L (L)"), observation("hb", "718-7", "95 偏低"),
            observation("cr", "2160-0", "130 µmol/L H"),
        ]
        let (_, record) = try await importEntries(entries)
        let read = Dictionary(record.labs.map { ($0.test, "\($0.value) \($0.unit)") }, uniquingKeysWith: { first, _ in first })
        #expect(read[.calcium] == "2.85 mmol/L")
        #expect(read[.albumin] == "32.0 g/L")
        #expect(read[.hemoglobin] == "95.0 g/L")
        #expect(read[.creatinine] == "130.0 µmol/L")
    }
}

extension RealEHRImportTests {
    /// Bundle b5's T8 metastasis came with a `recordedDate` and no onset: no diagnosis date, and
    /// with no imaging in the bundle the lesion was no known metastasis — no prognosis score, no
    /// bone-agent indication. It was diagnosed by the day it was recorded, as a primary's
    /// recordedDate is read; said in a note.
    @Test func aMetastasisWithOnlyItsRecordedDateIsKnownFromThen() async throws {
        let subject = #""subject": {"reference": "Patient/w1"}"#
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "w1", "gender": "female", "birthDate": "1960-01-01"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2020-01-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C50.9"}]}}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "t8", \#(subject), "recordedDate": "2026-10-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C79.5"}], "text": "骨转移"}, "bodySite": [{"text": "T8椎体"}]}}"#,
        ]
        let (summary, record) = try await importEntries(entries)
        #expect(record.lesions.first?.diagnosed?.description == "2026-10-01")
        #expect(summary.notes.contains { $0.resource == "Condition/t8" && $0.message.hasPrefix("no onset: diagnosed by its recorded date 2026-10-01") })
        #expect(assess(record, asOf: PartialDate("2026-12-04") ?? PartialDate(dayNumber: 0)).katagiri != nil, "a known metastasis: scored")
    }
}

extension RealEHRImportTests {
    /// An unseen bundle (b6, 2026-12-04) in the form Epic and other EHRs send: a MedicationRequest
    /// naming its drug by `medicationReference` to a Medication resource of the same Bundle. The
    /// denosumab order was dropped without a word ("Medication: resource type not used"). The
    /// Medication's code is read as the order's drug, in a Bundle and in a bulk export's
    /// Medication file; a contained Medication (`#id`) was read already.
    @Test func aDrugNamedByReferenceToAMedicationIsRead() async throws {
        let subject = #""subject": {"reference": "Patient/m6"}"#
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "m6", "gender": "female", "birthDate": "1962-01-01"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2020-01-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C50.9"}]}}}"#,
            #"{"fullUrl": "urn:uuid:5f1c2d3e-0000-4000-8000-000000000001", "resource": {"resourceType": "Medication", "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "M05BX04", "display": "denosumab"}], "text": "地舒单抗注射液"}}}"#,
            #"{"resource": {"resourceType": "Medication", "id": "zol", "code": {"text": "唑来膦酸注射液"}}}"#,
            #"{"resource": {"resourceType": "MedicationRequest", "id": "r1", "status": "active", "intent": "order", \#(subject), "medicationReference": {"reference": "urn:uuid:5f1c2d3e-0000-4000-8000-000000000001"}, "authoredOn": "2026-06-10", "dosageInstruction": [{"timing": {"repeat": {"frequency": 1, "period": 4, "periodUnit": "wk"}}, "doseAndRate": [{"doseQuantity": {"value": 120, "unit": "mg"}}]}]}}"#,
            #"{"resource": {"resourceType": "MedicationAdministration", "id": "a1", "status": "completed", \#(subject), "medicationReference": {"reference": "Medication/zol"}, "effectiveDateTime": "2025-01-10"}}"#,
        ]
        let (summary, record) = try await importEntries(entries)
        let denosumab = try #require(record.treatments.first { $0.id == "r1" })
        #expect(denosumab.agent == .denosumab && denosumab.doseMg == 120 && denosumab.intervalWeeks == 4)
        #expect(record.treatments.first { $0.id == "a1" }?.agent == .zoledronicAcid)
        #expect(!summary.skipped.keys.contains { $0.contains("Medication") }, "\(summary.skipped)")
    }
}

extension FHIRImportTests {
    /// The same drug by reference in a bulk export: its Medication.ndjson is read first, and the
    /// orders of MedicationRequest.ndjson take their drug from it (b6 split by type).
    @Test func aBulkExportsMedicationFileNamesTheOrdersDrug() async throws {
        try await TestDatabases.with(.sqlite) { store in
            let folder = try scratch.folder()
            let files = [
                "Patient.ndjson": #"{"resourceType": "Patient", "id": "m7", "gender": "female", "birthDate": "1962-01-01"}"#,
                "Condition.ndjson": #"{"resourceType": "Condition", "id": "pc", "subject": {"reference": "Patient/m7"}, "onsetDateTime": "2020-01-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C50.9"}]}}"#,
                "Medication.ndjson": #"{"resourceType": "Medication", "id": "med1", "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "M05BX04"}], "text": "denosumab"}}"#,
                "MedicationRequest.ndjson": #"{"resourceType": "MedicationRequest", "id": "r1", "status": "active", "intent": "order", "subject": {"reference": "Patient/m7"}, "medicationReference": {"reference": "Medication/med1"}, "authoredOn": "2026-06-10"}"#,
            ]
            for (name, line) in files { try (line + "\n").write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            let asOf = PartialDate(year: 2026, month: 12, day: 4) ?? PartialDate(dayNumber: 0)
            let summary = try await BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: asOf, now: { 1 }).run(folder)
            #expect(summary.created == 1)
            let cases = try await SQLCaseStore(store).list(search: nil, limit: 10, offset: 0)
            let id = try #require(cases.first?.id)
            let stored = try await SQLCaseStore(store).get(id: id)
            let record = try #require(stored?.record)
            #expect(record.treatments.first { $0.id == "r1" }?.agent == .denosumab)
        }
    }
}

extension RealEHRImportTests {
    /// A CDS Hooks prefetch of orders with their Medications included (`_include=
    /// MedicationRequest:medication`) names the drugs by reference too: read as the import reads
    /// them.
    @Test func aPrefetchsIncludedMedicationNamesTheOrdersDrug() throws {
        let resources = try [
            #"{"resourceType": "Patient", "id": "m8", "gender": "female", "birthDate": "1962-01-01"}"#,
            #"{"resourceType": "Condition", "id": "pc", "subject": {"reference": "Patient/m8"}, "onsetDateTime": "2020-01-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C50.9"}]}}"#,
            #"{"resourceType": "Medication", "id": "med1", "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "M05BX04"}]}}"#,
            #"{"resourceType": "MedicationRequest", "id": "r1", "status": "active", "intent": "order", "subject": {"reference": "Patient/m8"}, "medicationReference": {"reference": "Medication/med1"}, "authoredOn": "2026-06-10"}"#,
        ].map { try FHIRResource(parsing: $0) }
        let record = CDSCards.record(patientId: "m8", resources: resources)
        #expect(record.treatments.first { $0.id == "r1" }?.agent == .denosumab)
    }
}

extension RealEHRImportTests {
    /// A pathology report of a bone biopsy (2026-12-05): the conclusion "（左股骨）转移性腺癌" was
    /// dropped as "conclusion not attached: no imaging study", and the femur stayed "biopsy
    /// indicated". It is its lesion's biopsy where the texts place it on one lesion and name one
    /// result without a negation — said "confirm"; otherwise a note asks for the biopsy.
    @Test func aPathologyReportIsItsLesionsBiopsy() async throws {
        let subject = #""subject": {"reference": "Patient/q1"}"#
        func report(_ id: String, _ date: String, _ conclusion: String) -> String {
            #"{"resource": {"resourceType": "DiagnosticReport", "id": "\#(id)", "status": "final", \#(subject), "category": [{"coding": [{"system": "http://loinc.org", "code": "LP7839-6", "display": "Pathology"}]}], "code": {"text": "骨穿刺活检病理"}, "effectiveDateTime": "\#(date)", "conclusion": "\#(conclusion)"}}"#
        }
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "q1", "gender": "male", "birthDate": "1960-01-01"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2026-01-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C34.9"}]}}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "m1", \#(subject), "onsetDateTime": "2026-10-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C79.5"}], "text": "骨转移"}, "bodySite": [{"text": "左股骨"}]}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "m2", \#(subject), "onsetDateTime": "2026-10-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C79.5"}], "text": "骨转移"}, "bodySite": [{"text": "T10椎体"}]}}"#,
            report("p1", "2026-10-12", "（左股骨）转移性腺癌，TTF-1(+)，NapsinA(+)"),
            report("p2", "2026-10-20", "（T10椎体）送检骨组织，未见转移性肿瘤"),
            report("p3", "2026-10-25", "转移性腺癌"),
        ]
        let (summary, record) = try await importEntries(entries)
        let femur = try #require(record.lesions.first { $0.bone == .femur })
        #expect(record.biopsies.count == 1)
        let biopsy = try #require(record.biopsies.first)
        #expect(biopsy.lesion == femur.id && biopsy.result == .metastasis && biopsy.date.description == "2026-10-12")
        #expect(biopsy.histology?.contains("TTF-1(+)") == true)
        #expect(summary.notes.contains { $0.resource == "DiagnosticReport/p1" && $0.message.hasSuffix("metastasis — confirm") })
        #expect(summary.notes.contains { $0.resource == "DiagnosticReport/p2" && $0.message.contains("its result is not read") })
        #expect(summary.notes.contains { $0.resource == "DiagnosticReport/p3" && $0.message.contains("no bone of the record named") })
    }
}

extension RealEHRImportTests {
    /// A pathology report that names no bone, its specimen does (2026-12-05): EHRs send the site
    /// on the Specimen (`collection.bodySite`) the report refers to, and "转移性腺癌，EGFR 19外显子缺失"
    /// alone placed nothing — the femur stayed "biopsy indicated". The specimen's site and type are
    /// read with the report's texts; a site that names another lesion than the report places none.
    @Test func aPathologyReportIsPlacedByItsSpecimen() async throws {
        let subject = #""subject": {"reference": "Patient/q2"}"#
        func report(_ id: String, _ specimen: String, _ conclusion: String, date: String? = "2026-10-14") -> String {
            #"{"resource": {"resourceType": "DiagnosticReport", "id": "\#(id)", "status": "final", \#(subject), "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "SP"}]}], "code": {"text": "病理诊断"}, \#(date.map { #""effectiveDateTime": "\#($0)", "# } ?? "")"specimen": [{"reference": "Specimen/\#(specimen)"}], "conclusion": "\#(conclusion)"}}"#
        }
        func specimen(_ id: String, _ site: String) -> String {
            #"{"resource": {"resourceType": "Specimen", "id": "\#(id)", \#(subject), "type": {"text": "骨组织"}, "collection": {"collectedDateTime": "2026-10-11", "bodySite": {"text": "\#(site)"}}}}"#
        }
        // A SNOMED CT body structure alone (71341001 femur): the bone it codes places the report.
        let coded = #"{"resource": {"resourceType": "Specimen", "id": "s3", \#(subject), "collection": {"collectedDateTime": "2026-10-12", "bodySite": {"coding": [{"system": "http://snomed.info/sct", "code": "71341001"}]}}}}"#
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "q2", "gender": "female", "birthDate": "1962-01-01"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2026-01-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C34.9"}]}}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "m1", \#(subject), "onsetDateTime": "2026-10-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C79.5"}], "text": "骨转移"}, "bodySite": [{"text": "左股骨"}]}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "m2", \#(subject), "onsetDateTime": "2026-10-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C79.5"}], "text": "骨转移"}, "bodySite": [{"text": "T10椎体"}]}}"#,
            specimen("s1", "左股骨干"),
            specimen("s2", "T10椎体"),
            report("p1", "s1", "转移性腺癌，EGFR 19外显子缺失"),
            // The report names the femur, its specimen the vertebra: placed on neither.
            report("p2", "s2", "（左股骨）转移性腺癌"),
            // No date of its own: the specimen's collection is the biopsy's day.
            report("p3", "s2", "转移性腺癌", date: nil),
            coded,
            report("p4", "s3", "转移性腺癌", date: "2026-10-16"),
        ]
        let (summary, record) = try await importEntries(entries)
        let femur = try #require(record.lesions.first { $0.bone == .femur })
        let spine = try #require(record.lesions.first { $0.bone == .vertebra })
        let onFemur = try #require(record.biopsies.first { $0.lesion == femur.id })
        #expect(onFemur.result == .metastasis && onFemur.date.description == "2026-10-14")
        let onSpine = try #require(record.biopsies.first { $0.lesion == spine.id })
        #expect(onSpine.date.description == "2026-10-11")
        #expect(record.biopsies.count == 3)
        #expect(record.biopsies.contains { $0.lesion == femur.id && $0.date.description == "2026-10-16" })
        #expect(summary.notes.contains { $0.resource == "DiagnosticReport/p2" && $0.message.contains("several lesions named") })
    }
}

extension RealEHRImportTests {
    /// An unseen Chinese EHR bundle (2026-12-05): the breast cancer's onset written "2019年3月"
    /// (`onsetString`) gave no diagnosis date; ER and HER-2 sent by name only were "not used"; the
    /// hip replacement "右侧人工股骨头置换术" (no body site) was dropped; and the pathology of its
    /// specimen, "转移性乳腺癌" from "右股骨头" with only L3 on record, placed nothing — the femur's
    /// fracture stayed "urgent fixation". Each is read now, with a note to confirm.
    @Test func aChineseHipReplacementCaseReadsWhole() async throws {
        let subject = #""subject": {"reference": "Patient/q3"}"#
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "q3", "gender": "female", "birthDate": "1958-02-02"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C50.911"}], "text": "左乳浸润性导管癌"}, "onsetString": "2019年3月"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "bm", \#(subject), "code": {"coding": [{"system": "http://snomed.info/sct", "code": "94222008"}], "text": "骨转移"}, "bodySite": [{"text": "腰3椎体"}], "onsetDateTime": "2026-09-12"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "fx", \#(subject), "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "M84.4"}], "text": "右股骨颈病理性骨折"}, "bodySite": [{"text": "右股骨颈"}], "onsetDateTime": "2026-09-20"}}"#,
            #"{"resource": {"resourceType": "Observation", "id": "er", "status": "final", \#(subject), "code": {"text": "ER"}, "effectiveDateTime": "2019-03-20", "valueCodeableConcept": {"text": "阳性(+++，90%)"}}}"#,
            #"{"resource": {"resourceType": "Observation", "id": "her2", "status": "final", \#(subject), "code": {"text": "HER-2"}, "effectiveDateTime": "2019-03-20", "valueCodeableConcept": {"text": "(1+)"}}}"#,
            #"{"resource": {"resourceType": "Procedure", "id": "hip", "status": "completed", \#(subject), "code": {"text": "右侧人工股骨头置换术"}, "performedDateTime": "2026-09-24"}}"#,
            #"{"resource": {"resourceType": "Procedure", "id": "neph", "status": "completed", \#(subject), "code": {"text": "乳腺癌改良根治术"}, "performedDateTime": "2019-04-02"}}"#,
            #"{"resource": {"resourceType": "Specimen", "id": "sp", \#(subject), "collection": {"collectedDateTime": "2026-09-24", "bodySite": {"text": "右股骨头"}}}}"#,
            #"{"resource": {"resourceType": "DiagnosticReport", "id": "p1", "status": "final", \#(subject), "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "SP"}]}], "code": {"text": "术后病理"}, "specimen": [{"reference": "Specimen/sp"}], "effectiveDateTime": "2026-09-30", "conclusion": "转移性乳腺癌，ER(90%+)，PR(20%+)，HER-2(1+)"}}"#,
        ]
        let (summary, record) = try await importEntries(entries)
        let primary = try #require(record.primaries.first)
        #expect(primary.diagnosed?.description == "2019-03")
        #expect(primary.er == .positive && primary.her2 == .low)
        #expect(summary.notes.contains { $0.resource == "Observation/her2" && $0.message.contains("HER2 read by its name") })
        let femur = try #require(record.lesions.first { $0.bone == .femur })
        #expect(femur.laterality == .right && femur.note == "右股骨头" && femur.diagnosed?.description == "2026-09-30")
        #expect(record.biopsies.contains { $0.lesion == femur.id && $0.result == .metastasis })
        #expect(record.events.contains { $0.kind == .pathologicalFracture && $0.lesion == femur.id })
        let hip = try #require(record.treatments.first { $0.id == "hip" })
        #expect(hip.procedure == .arthroplasty && hip.lesions == [femur.id])
        // An operation naming no bone is no orthopaedic procedure: not kept.
        #expect(!record.treatments.contains { $0.id == "neph" })
        let asOf = try #require(PartialDate("2026-12-05"))
        let fractured = try #require(assess(record, asOf: asOf).findings.first { $0.ruleId == "surgery.mirels.fractured" })
        #expect(fractured.severity == .info)
    }
}

extension RealEHRImportTests {
    /// A PSA below detection ("< 0.01 ng/mL", valueQuantity.comparator) is the nadir of a
    /// response to androgen deprivation: stored at its bound with a note (2026-12-05); other
    /// bounds stay unused.
    @Test func anUndetectablePSAIsStoredAtItsBound() async throws {
        let subject = #""subject": {"reference": "Patient/q4"}"#
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "q4", "gender": "male", "birthDate": "1950-05-05"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2023-01-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C61"}]}}}"#,
            #"{"resource": {"resourceType": "Observation", "id": "psa", "status": "final", \#(subject), "code": {"coding": [{"system": "http://loinc.org", "code": "2857-1"}]}, "effectiveDateTime": "2026-06-01", "valueQuantity": {"value": 0.01, "comparator": "<", "unit": "ng/mL"}}}"#,
            #"{"resource": {"resourceType": "Observation", "id": "psa2", "status": "final", \#(subject), "code": {"coding": [{"system": "http://loinc.org", "code": "2857-1"}]}, "effectiveDateTime": "2026-07-01", "valueQuantity": {"value": 100, "comparator": ">", "unit": "ng/mL"}}}"#,
        ]
        let (summary, record) = try await importEntries(entries)
        #expect(record.labs.count == 1)
        #expect(record.labs.first.map { $0.test == .psa && $0.value == 0.01 && $0.unit == "ng/mL" } == true)
        #expect(summary.notes.contains { $0.resource == "Observation/psa" && $0.message.contains("below detection — stored at its bound") })
        #expect(summary.notes.contains { $0.resource == "Observation/psa2" && $0.message.contains("a bound, not a value") })
    }
}
