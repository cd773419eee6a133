import BoneMetDomain
import BoneMetFHIR
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Testing

/// mCODE-shaped resources of one patient (shapes of the mCODE STU4 examples; codes from
/// standards.md), one resource type per NDJSON file as a Bulk export delivers them.
enum MCODEFixture {
    static let patient = #"{"resourceType":"Patient","id":"p1","meta":{"profile":["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-patient"]},"gender":"female","birthDate":"1958-04"}"#
    static let conditions = [
        #"{"resourceType":"Condition","id":"primary1","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009","display":"Malignant neoplasm of breast"}]},"onsetDateTime":"2015-03"}"#,
        #"{"resourceType":"Condition","id":"bone1","subject":{"reference":"Patient/p1"},"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/condition-related","valueReference":{"reference":"Condition/primary1"}},{"url":"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"7771000"}]}}],"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C79.51"}]},"bodySite":[{"coding":[{"system":"http://snomed.info/sct","code":"41111004","display":"Shaft of femur"}]}],"onsetDateTime":"2023-01-05"}"#,
    ]
    static let observations = [
        #"{"resourceType":"Observation","id":"ecog1","status":"final","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://loinc.org","code":"89247-1"}]},"effectiveDateTime":"2023-01-05","valueInteger":1}"#,
        #"{"resourceType":"Observation","id":"ca153","status":"final","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://loinc.org","code":"6875-9"}]},"effectiveDateTime":"2023-01-05","valueQuantity":{"value":41.50,"unit":"U/mL","system":"http://unitsofmeasure.org","code":"U/mL"},"referenceRange":[{"high":{"value":25,"unit":"U/mL"}}]}"#,
        #"{"resourceType":"Observation","id":"weight","status":"final","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"effectiveDateTime":"2023-01-04","valueQuantity":{"value":60,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}"#,
        #"{"resourceType":"Observation","id":"creat","status":"final","subject":{"reference":"urn:uuid:p1"},"code":{"coding":[{"system":"http://loinc.org","code":"2160-0"}]},"effectiveDateTime":"2023-01-04","valueQuantity":{"value":88.4,"unit":"umol/L","system":"http://unitsofmeasure.org","code":"umol/L"}}"#,
    ]
    static let medications = [
        #"{"resourceType":"MedicationRequest","id":"zol1","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"M05BA08","display":"zoledronic acid"}]},"authoredOn":"2023-01-20"}"#,
        #"{"resourceType":"MedicationRequest","id":"chemo1","status":"completed","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"paclitaxel"},"authoredOn":"2023-01-10","reasonReference":[{"reference":"Condition/primary1"}]}"#,
        #"{"resourceType":"MedicationRequest","id":"chemo2","status":"completed","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"paclitaxel"},"authoredOn":"2023-03-01","reasonReference":[{"reference":"Condition/primary1"}]}"#,
        #"{"resourceType":"MedicationRequest","id":"other","status":"completed","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"amoxicillin"},"authoredOn":"2023-02-01"}"#,
    ]
    static let procedures = [
        #"{"resourceType":"Procedure","id":"rt1","status":"completed","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"1217123003"}],"text":"Radiotherapy course"},"performedPeriod":{"start":"2023-02-01","end":"2023-02-10"}}"#,
    ]
    static let imaging = [
        #"{"resourceType":"ImagingStudy","id":"ct1","status":"available","subject":{"reference":"Patient/p1"},"started":"2023-01-05T10:00:00Z","modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"}],"identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.2.840.1136.1"}]}"#,
    ]

    /// The export as files in a new folder inside `scratch` (removed with it).
    static func folder(in scratch: ScratchFolder, extra: [String: String] = [:]) throws -> URL {
        let folder = try scratch.folder()
        var files = [
            "Patient.000.ndjson": patient + "\n\n",
            "Condition.000.ndjson": conditions.joined(separator: "\n"),
            "Observation.000.ndjson": observations.joined(separator: "\n") + "\n{bad json\n",
            "MedicationRequest.000.ndjson": medications.joined(separator: "\n"),
            "Procedure.000.ndjson": procedures.joined(separator: "\n"),
            "ImagingStudy.000.ndjson": imaging.joined(separator: "\n"),
            "Encounter.000.ndjson": #"{"resourceType":"Encounter","id":"e1","status":"finished","subject":{"reference":"Patient/p1"}}"#,
        ]
        for (name, text) in extra { files[name] = text }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }
}

@Suite struct FHIRMappingTests {
    @Test func anMCODEPatientBecomesACase() throws {
        let resources = try (MCODEFixture.conditions + MCODEFixture.observations + MCODEFixture.medications + MCODEFixture.procedures + MCODEFixture.imaging)
            .map { try FHIRResource(parsing: $0) }
        let (record, notes) = FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources)
        #expect(notes.isEmpty)
        #expect(record.patient.id == "fhir:p1")
        #expect(record.patient.sex == .female)
        #expect(record.patient.birthDate?.description == "1958-04")
        #expect(record.primaries.map(\.site) == [.breast])
        #expect(record.primaries.first?.diagnosed?.description == "2015-03")
        let lesion = try #require(record.lesions.first)
        #expect(lesion.bone == .femur)
        #expect(lesion.segment == .diaphysis)
        #expect(lesion.laterality == .left)
        #expect(record.performance.first?.ecog == 1)
        #expect(record.patient.weights.first?.kg == 60)
        let marker = try #require(record.labs.first { $0.test == .ca153 })
        #expect(marker.value == 41.5)
        #expect(marker.upperLimit == 25)
        #expect(record.labs.first { $0.test == .creatinine }?.canonicalValue == 1.0)
        #expect(record.treatments.filter { $0.kind == .boneModifyingAgent }.map(\.agent) == [.zoledronicAcid])
        let chemo = try #require(record.treatments.first { $0.kind == .systemic })
        #expect(chemo.start?.description == "2023-01-10")
        // Two cycle orders, both given (completed) → one regimen window, acting until the next
        // cycle was due: the last plus the gap between them (50 days).
        #expect(chemo.end?.description == "2023-04-20")
        #expect(!record.treatments.contains { $0.name == "amoxicillin" })
        #expect(record.treatments.first { $0.kind == .radiotherapy }?.end?.description == "2023-02-10")
        #expect(record.studies.first?.studyInstanceUid == "1.2.840.1136.1")
        #expect(record.studies.first?.modality == .ct)
        #expect(notes.isEmpty)
        // The imported record is a valid case file.
        #expect(try CaseFile.read(CaseFile.write(record)) == record)
    }
}

extension FHIRMappingTests {
    @Test func orthopaedicProceduresAreReadByNameWhenOnBone() throws {
        func procedure(_ id: String, _ text: String, reason: String? = nil, site: String? = nil) -> String {
            let reasonPart = reason.map { #","reasonReference":[{"reference":"Condition/\#($0)"}]"# } ?? ""
            let sitePart = site.map { #","bodySite":[{"coding":[{"system":"http://snomed.info/sct","code":"\#($0)"}]}]"# } ?? ""
            return #"{"resourceType":"Procedure","id":"\#(id)","status":"completed","subject":{"reference":"Patient/p1"},"code":{"text":"\#(text)"},"performedDateTime":"2023-02-15"\#(reasonPart)\#(sitePart)}"#
        }
        let procedures = [
            procedure("a", "Prophylactic intramedullary nailing, left femur", reason: "bone1"),
            procedure("b", "股骨骨折髓内钉内固定术", site: "71341001"),
            procedure("c", "Percutaneous vertebroplasty", site: "3572006"),
            procedure("d", "Internal fixation", reason: "bone1"),
            procedure("e", "Transurethral resection of prostate"),
            procedure("f", "Posterior decompression and pedicle screw fixation"),
        ]
        let resources = try (MCODEFixture.conditions + procedures).map { try FHIRResource(parsing: $0) }
        let (record, notes) = FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources)
        let surgeries = Dictionary(uniqueKeysWithValues: record.treatments.filter { $0.kind == .surgery }.map { ($0.id, $0.procedure) })
        #expect(surgeries["a"] == .prophylacticFixation)
        #expect(surgeries["b"] == .fractureFixation)
        #expect(surgeries["c"] == .cementAugmentation)
        // A fixation that does not say which kind, no fracture of its lesion before it: it fixed a
        // bone that had not broken — prophylactic (Mirels 1989), with a note saying so. As
        // "other" it protected nothing, and the femur read "urgent prophylactic fixation".
        #expect(surgeries["d"] == .prophylacticFixation)
        #expect(notes.contains { $0.resource == "Procedure/d" })
        // Not on bone (no bone condition, no bone site): not an orthopaedic procedure here.
        #expect(surgeries["e"] == nil)
        #expect(surgeries["f"] == nil)
        #expect(record.treatments.first { $0.id == "a" }?.lesions == ["bone1"])
    }

    @Test func reportConclusionsGoOntoTheirStudies() throws {
        let reports = [
            #"{"resourceType":"DiagnosticReport","id":"r1","status":"final","code":{"text":"CT report"},"subject":{"reference":"Patient/p1"},"imagingStudy":[{"reference":"ImagingStudy/ct1"}],"conclusion":"Lytic lesion of the left femoral shaft, 30 mm, cortical involvement."}"#,
            #"{"resourceType":"DiagnosticReport","id":"r2","status":"final","code":{"text":"MRI report"},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2023-03-03","conclusion":"No cord compression."}"#,
        ]
        let resources = try (MCODEFixture.conditions + MCODEFixture.imaging + reports).map { try FHIRResource(parsing: $0) }
        let (record, notes) = FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources)
        #expect(record.studies.first?.report == "Lytic lesion of the left femoral shaft, 30 mm, cortical involvement.")
        // No study that day: not guessed, said.
        #expect(notes.map(\.resource) == ["DiagnosticReport/r2"])
    }

    /// Issue #13: a report sent as a plain-text attachment (presentedForm) is the study's report
    /// text too — kept for suggested readings, never read into the record unconfirmed.
    @Test func aPlainTextPresentedFormIsTheReport() throws {
        let text = "左侧股骨干见溶骨性骨质破坏，大小约3.0×2.0cm。"
        let encoded = Data(text.utf8).base64EncodedString()
        let report = #"{"resourceType":"DiagnosticReport","id":"r3","status":"final","code":{"text":"CT"},"subject":{"reference":"Patient/p1"},"imagingStudy":[{"reference":"ImagingStudy/ct1"}],"presentedForm":[{"contentType":"application/pdf","data":"JVBERi0="},{"contentType":"text/plain; charset=utf-8","data":"\#(encoded)"}]}"#
        let resources = try (MCODEFixture.conditions + MCODEFixture.imaging + [report]).map { try FHIRResource(parsing: $0) }
        let (record, _) = FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources)
        #expect(record.studies.first?.report == text)
        // The observations are the study's own, not read from the text.
        #expect(record.studies.first?.observations.allSatisfy { $0.character == nil } ?? true)
    }
}

@Suite struct FHIRImportTests {
    let scratch = ScratchFolder("bm-export")

    @Test(arguments: TestDatabases.engines)
    func importIsIdempotentReportsBadLinesAndUpdatesOnChange(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let asOf = PartialDate(year: 2023, month: 6, day: 1) ?? PartialDate(dayNumber: 0)
            let importer = BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: asOf, now: { 1 })
            let folder = try MCODEFixture.folder(in: scratch)
            let first = try await importer.run(folder)
            #expect(first.created == 1)
            #expect(first.scan.badLines.map(\.line) == [5])
            #expect(first.scan.badLines.first?.file == "Observation.000.ndjson")
            #expect(first.scan.skipped == 1)
            // Only the case is kept (issue #11): the staged resources went once it was built …
            #expect(try await SQLFHIRStaging(store).stagedPatients().isEmpty)
            #expect(try await SQLFHIRStaging(store).staged(patient: "p1").isEmpty)
            // … unless the hospital keeps them for incremental exports.
            let keptPatients = try await TestDatabases.with(engine) { kept in
                _ = try await BulkImporter(staging: SQLFHIRStaging(kept), user: "import", asOf: asOf, keepStaged: true, now: { 1 }).run(folder)
                return try await SQLFHIRStaging(kept).stagedPatients()
            }
            #expect(keptPatients.count == 1)
            let again = try await importer.run(folder)
            #expect(again.unchanged == 1)
            #expect(again.created == 0)
            let cases = try await SQLCaseStore(store).list(search: nil, limit: 10, offset: 0)
            #expect(cases.count == 1)
            let findings = try await SQLCaseStore(store).findings(caseId: try #require(cases.first?.id))
            #expect(findings.contains { $0.ruleId == "boneAgents.zoledronic.dose" })
            // A changed resource updates the same case.
            let changed = try MCODEFixture.folder(in: scratch, extra: ["Patient.000.ndjson": MCODEFixture.patient.replacingOccurrences(of: "1958-04", with: "1958-05")])
            let update = try await importer.run(changed)
            #expect(update.updated == 1)
            #expect(try await SQLCaseStore(store).list(search: nil, limit: 10, offset: 0).count == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func reImportNeverOverwritesEditsMadeInBoneMet(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let asOf = PartialDate(year: 2023, month: 6, day: 1) ?? PartialDate(dayNumber: 0)
            let importer = BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: asOf, now: { 1 })
            _ = try await importer.run(try MCODEFixture.folder(in: scratch))
            let cases = SQLCaseStore(store)
            let id = try #require(try await cases.list(search: nil, limit: 10, offset: 0).first?.id)
            #expect(try await SQLFHIRStaging(store).caseId(sourceKey: "fhir:p1") == id)
            // The MDT adds a dental examination in BoneMet.
            let stored = try #require(try await cases.get(id: id))
            var edited = stored.record
            edited.dentalExams = [asOf]
            _ = try await cases.update(id: id, record: edited, findings: [], expectedVersion: stored.version, by: "doctor", at: 2)
            // The same export again: nothing to do, the edit stays.
            #expect(try await importer.run(try MCODEFixture.folder(in: scratch)).unchanged == 1)
            #expect(try await cases.get(id: id)?.record.dentalExams == [asOf])
            // A changed source: the case is kept as edited, and the summary says so.
            let changed = try MCODEFixture.folder(in: scratch, extra: ["Patient.000.ndjson": MCODEFixture.patient.replacingOccurrences(of: "1958-04", with: "1958-05")])
            let summary = try await importer.run(changed)
            #expect(summary.keptLocalEdits == 1)
            #expect(summary.updated == 0)
            #expect(summary.notes.contains { $0.message.contains("edited in BoneMet") })
            let after = try #require(try await cases.get(id: id))
            #expect(after.record.dentalExams == [asOf])
            #expect(after.record.patient.birthDate?.description == "1958-04")
        }
    }

    /// Issue #12: pass 1 parses a file's lines in chunks on every core. A file of several chunks
    /// must read as if line by line: the counts and bad lines (in file order) of `BulkScan`, the
    /// unused observations skipped, and of a resource given twice the later copy staged.
    @Test(arguments: TestDatabases.engines)
    func aFileOfManyChunksReadsAsLineByLine(engine: SQLStore.Engine) async throws {
        func weight(_ id: String, _ kg: Int) -> String {
            #"{"resourceType":"Observation","id":"\#(id)","status":"final","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"effectiveDateTime":"2023-01-04","valueQuantity":{"value":\#(kg),"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}"#
        }
        let heartRate = #"{"resourceType":"Observation","id":"hr","status":"final","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"valueQuantity":{"value":70}}"#
        var lines: [String] = []
        var badLines: [Int] = []
        var unused = 0
        for number in 1...(3 * BulkImporter.batchSize + 17) {
            if number % 401 == 0 {
                lines.append("{not json \(number)")
                badLines.append(number)
            } else if number % 97 == 0 {
                lines.append(heartRate.replacingOccurrences(of: #""id":"hr""#, with: #""id":"hr\#(number)""#))
                unused += 1
            } else if number == 10 || number == 3 * BulkImporter.batchSize + 5 {
                // The same resource early and late in the file: the late copy is the one kept.
                lines.append(weight("twice", number == 10 ? 61 : 74))
            } else {
                lines.append(weight("w\(number)", 60))
            }
        }
        let folder = try MCODEFixture.folder(in: scratch, extra: ["Observation.000.ndjson": lines.joined(separator: "\n")])
        try await TestDatabases.with(engine) { store in
            let asOf = PartialDate(year: 2023, month: 6, day: 1) ?? PartialDate(dayNumber: 0)
            let summary = try await BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: asOf, keepStaged: true, now: { 1 }).run(folder)
            let scan = try BulkScan.scan(folder: folder)
            #expect(summary.scan.byType == scan.byType)
            #expect(summary.scan.badLines == scan.badLines)
            #expect(summary.scan.badLines.filter { $0.file == "Observation.000.ndjson" }.map(\.line) == badLines)
            #expect(summary.scan.badLineCount == badLines.count)
            #expect(summary.skipped.first { $0.key.hasPrefix("observation not used") }?.value == unused)
            #expect(summary.created == 1)
            let staged = try await SQLFHIRStaging(store).staged(patient: "p1").filter { $0.type == "Observation" }
            // Every weight once (the one given twice once), nothing unused, nothing bad.
            #expect(staged.count == lines.count - badLines.count - unused - 1)
            let twice = staged.filter { $0.json.contains(#""id":"twice""#) }
            #expect(twice.count == 1)
            #expect(twice.first?.json.contains(#""value":74"#) == true)
        }
    }

    /// Real EHR data has placeholder dates (1900-01-01) and impossible values: the case is
    /// imported with what fits, the rest left out with a note, and it reads back — it was
    /// stored as mapped, and then no longer read (its page and FHIR read failed).
    @Test(arguments: TestDatabases.engines)
    func whatDoesNotFitIsLeftOutAndTheCaseReadsBack(engine: SQLStore.Engine) async throws {
        let placeholder = #"{"resourceType":"Observation","id":"hb0","status":"final","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},"effectiveDateTime":"1900-01-01","valueQuantity":{"value":12.1,"unit":"g/dL","system":"http://unitsofmeasure.org","code":"g/dL"}}"#
        let huge = #"{"resourceType":"Observation","id":"cr9","status":"final","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://loinc.org","code":"2160-0"}]},"effectiveDateTime":"2023-05-03","valueQuantity":{"value":1e300,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"}}"#
        let folder = try MCODEFixture.folder(in: scratch, extra: ["Observation.000.ndjson": (MCODEFixture.observations + [placeholder, huge]).joined(separator: "\n")])
        try await TestDatabases.with(engine) { store in
            let asOf = PartialDate(year: 2023, month: 6, day: 1) ?? PartialDate(dayNumber: 0)
            let summary = try await BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: asOf, now: { 1 }).run(folder)
            #expect(summary.created == 1)
            #expect(summary.notes.contains { $0.message.contains("patient.birthDate") }, "\(summary.notes.map(\.message))")
            #expect(summary.notes.contains { $0.message.contains("creatinine value") }, "\(summary.notes.map(\.message))")
            let id = try #require(try await SQLCaseStore(store).list(search: nil, limit: 10, offset: 0).first?.id)
            let stored = try #require(try await SQLCaseStore(store).get(id: id))
            #expect(stored.record.patient.birthDate == nil)
            #expect(!stored.record.labs.contains { $0.value == 1e300 })
            #expect(stored.record.labs.contains { $0.test == .hemoglobin })
        }
    }

    @Test func aManifestNamesTheFilesToRead() throws {
        let folder = try MCODEFixture.folder(in: scratch, extra: ["Extra.ndjson": #"{"resourceType":"Patient","id":"p2"}"#])
        let manifest = #"{"transactionTime":"2026-11-27T00:00:00Z","request":"https://ehr/fhir/$export","requiresAccessToken":true,"output":[{"type":"Patient","url":"https://ehr/files/Patient.000.ndjson"}],"error":[]}"#
        try Data(manifest.replacingOccurrences(of: "https://ehr/files/", with: "").utf8).write(to: folder.appendingPathComponent("manifest.json"))
        // Only the file the manifest lists: Extra.ndjson is not read.
        let scan = try BulkScan.scan(folder: folder)
        #expect(scan.files == ["Patient.000.ndjson"])
        #expect(scan.patients == 1)
        // A manifest pointing at remote files is refused with the field, not half-read.
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.json"))
        #expect(throws: FHIRError.self) { try BulkScan.scan(folder: folder) }
        do {
            _ = try BulkScan.files(in: folder)
            Issue.record("a remote manifest URL was accepted")
        } catch let error as FHIRError {
            #expect(error.path == "manifest.json.output[0].url")
        }
    }

    @Test func aContainedMedicationIsRead() throws {
        let order = ##"{"resourceType":"MedicationRequest","id":"m1","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"contained":[{"resourceType":"Medication","id":"med","code":{"coding":[{"system":"http://www.whocc.no/atc","code":"M05BX04"}],"text":"Xgeva"}}],"medicationReference":{"reference":"#med"},"authoredOn":"2023-02-01"}"##
        let resources = try ([order] + MCODEFixture.conditions).map { try FHIRResource(parsing: $0) }
        let (record, _) = FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources)
        #expect(record.treatments.first { $0.kind == .boneModifyingAgent }?.agent == .denosumab)
    }

    /// Bone-modifying agents as hospital drug lists send them: by product or Chinese approved name
    /// without an ingredient code, pamidronate and ibandronate by ATC, and with the dose and
    /// interval ordered (denosumab 60 mg every 6 months is the bone-loss dose, 120 mg every 4
    /// weeks SRE prevention; the import kept neither, nor any of these names).
    @Test func boneAgentsByNameATCAndDosage() throws {
        func agent(_ concept: String, dosage: String = "", administration: String? = nil) throws -> Treatment? {
            let order = administration ?? #"{"resourceType":"MedicationRequest","id":"m1","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":\#(concept),"authoredOn":"2023-02-01"\#(dosage)}"#
            let resources = try ([order] + MCODEFixture.conditions).map { try FHIRResource(parsing: $0) }
            return FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources).record.treatments.first { $0.kind == .boneModifyingAgent }
        }
        let named: [(String, BoneAgent)] = [
            ("Xgeva 120 mg", .denosumab), ("Prolia", .denosumab), ("地舒单抗注射液", .denosumab), ("安加维", .denosumab),
            ("Zometa 4 mg/5 mL", .zoledronicAcid), ("唑来膦酸注射液", .zoledronicAcid), ("择泰", .zoledronicAcid),
            ("帕米膦酸二钠", .pamidronate), ("伊班膦酸钠注射液", .ibandronate),
        ]
        for (text, expected) in named {
            #expect(try agent(#"{"text":"\#(text)"}"#)?.agent == expected, "\(text)")
        }
        #expect(try agent(#"{"text":"paracetamol"}"#) == nil)
        #expect(try agent(#"{"coding":[{"system":"http://www.whocc.no/atc","code":"M05BA03"}]}"#)?.agent == .pamidronate)
        #expect(try agent(#"{"coding":[{"system":"http://www.whocc.no/atc","code":"M05BA06"}]}"#)?.agent == .ibandronate)
        // The order's dose and interval.
        let monthly = #","dosageInstruction":[{"timing":{"repeat":{"frequency":1,"period":6,"periodUnit":"mo"}},"doseAndRate":[{"doseQuantity":{"value":60,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}]}]"#
        let prolia = try #require(try agent(#"{"text":"denosumab"}"#, dosage: monthly))
        #expect(prolia.doseMg == 60)
        #expect(prolia.intervalWeeks == 26)
        let weekly = #","dosageInstruction":[{"timing":{"repeat":{"period":28,"periodUnit":"d"}},"doseAndRate":[{"doseQuantity":{"value":0.12,"code":"g"}}]}]"#
        let xgeva = try #require(try agent(#"{"text":"denosumab"}"#, dosage: weekly))
        #expect(xgeva.doseMg == 120)
        #expect(xgeva.intervalWeeks == 4)
        // Twice a period is no interval; a dose in mL is no dose in mg.
        let odd = #","dosageInstruction":[{"timing":{"repeat":{"frequency":2,"period":1,"periodUnit":"wk"}},"doseAndRate":[{"doseQuantity":{"value":5,"unit":"mL"}}]}]"#
        let unread = try #require(try agent(#"{"text":"zoledronic acid"}"#, dosage: odd))
        #expect(unread.doseMg == nil && unread.intervalWeeks == nil)
        // An administration's dose.
        let given = #"{"resourceType":"MedicationAdministration","id":"a1","status":"completed","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"唑来膦酸"},"effectiveDateTime":"2023-02-01","dosage":{"dose":{"value":3.5,"unit":"mg"}}}"#
        let dose = try #require(try agent("", administration: given))
        #expect(dose.doseMg == 3.5)
        #expect(dose.doses == [PartialDate(year: 2023, month: 2, day: 1)])
    }

    /// A cancer drug's ATC code gives its regimen's class (WHO ATC index; L01E/L01F since 2022),
    /// which New Katagiri needs ("previous chemotherapy", lung cancer "with molecular targeted
    /// therapy"); the class was never set on import, so both stayed unknown.
    @Test func aCancerDrugsClassComesFromItsATCCode() throws {
        func treatment(_ atc: [String]) throws -> Treatment? {
            let codings = atc.map { #"{"system":"http://www.whocc.no/atc","code":"\#($0)"}"# }.joined(separator: ",")
            let order = #"{"resourceType":"MedicationRequest","id":"m1","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"coding":[\#(codings)],"text":"drug"},"authoredOn":"2023-02-01","reasonReference":[{"reference":"Condition/primary1"}]}"#
            let resources = try ([order] + MCODEFixture.conditions).map { try FHIRResource(parsing: $0) }
            return FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources).record.treatments.first { $0.kind == .systemic }
        }
        let expected: [(String, SystemicClass?)] = [
            ("L01EB04", .targeted), ("L01XE35", .targeted), ("L01FD01", .targeted), ("L01FG01", .targeted),
            ("L01FF02", .immunotherapy), ("L01FX04", .immunotherapy),
            ("L01XA01", .chemotherapy), ("L01CD01", .chemotherapy), ("L01BC06", .chemotherapy),
            ("L02BG04", .endocrine), ("L02BX03", .endocrine), ("L01XX", nil), ("J01CA04", nil),
        ]
        for (code, systemicClass) in expected {
            let imported = try treatment([code])
            #expect(imported != nil, "\(code)")
            #expect(imported?.systemicClass == systemicClass, "\(code)")
        }
        // Two codings of two classes: left unclassified rather than guessed.
        #expect(try treatment(["L01EB04", "L01XA01"])?.systemicClass == nil)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SyntheaExportTests.folder.path)))
    func theSyntheaExportImportsCleanly() async throws {
        try await TestDatabases.with(.sqlite) { store in
            let asOf = PartialDate(year: 2026, month: 1, day: 1) ?? PartialDate(dayNumber: 0)
            let summary = try await BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: asOf, now: { 1 }).run(SyntheaExportTests.folder)
            #expect(summary.scan.badLineCount == 0)
            #expect(summary.created + summary.withoutCancer == summary.scan.patients)
            // Independent count: patients with a breast or lung cancer condition in the raw file.
            let text = try String(contentsOf: SyntheaExportTests.folder.appendingPathComponent("Condition.000.ndjson"), encoding: .utf8)
            var withCancer: Set<String> = []
            for line in text.split(separator: "\n") where ["254637007", "424132000", "254837009"].contains(where: { line.contains("\"code\":\"\($0)\"") }) {
                if let range = line.range(of: #""reference":"Patient/"#) {
                    withCancer.insert(String(line[range.upperBound...].prefix(36)))
                }
            }
            #expect(summary.created == withCancer.count)
            // Synthea's "Combined chemotherapy and radiation therapy" procedures name no site: each
            // is counted as not used, by kind (independent count from the raw file, the imported
            // patients' only; completed ones — others never reach the mapping).
            let procedures = try String(contentsOf: SyntheaExportTests.folder.appendingPathComponent("Procedure.000.ndjson"), encoding: .utf8)
            let chemoradiation = procedures.split(separator: "\n").filter { line in
                line.contains("\"703423002\"") && !line.contains("\"bodySite\"") && line.contains("\"status\":\"completed\"")
                    && withCancer.contains { line.contains("Patient/\($0)") }
            }.count
            #expect(chemoradiation > 0)
            #expect(summary.skipped["procedure: radiotherapy without a bone site: not used"] == chemoradiation)
        }
    }
}

/// Rule set 2026.12.56, from an EHR bundle written for it: a letrozole order without a reason and
/// a "Radiotherapy" procedure (SNOMED 1287742003) to the femur were both dropped without a word.
@Suite struct UnlinkedCancerTherapyImportTests {
    func map(_ extra: [String]) throws -> (record: CaseRecord, notes: [MappingNote]) {
        let resources = try (MCODEFixture.conditions + extra).map { try FHIRResource(parsing: $0) }
        return FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources)
    }

    @Test func aCancerDrugWithoutAReasonIsReadByItsClassAndSaidSo() throws {
        let letrozole = #"{"resourceType":"MedicationRequest","id":"let","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"72965","display":"letrozole"}]},"authoredOn":"2023-02-01"}"#
        let atcOnly = #"{"resourceType":"MedicationRequest","id":"atc","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"L01CD01"}],"text":"drug 7"},"authoredOn":"2023-03-01"}"#
        let metformin = #"{"resourceType":"MedicationRequest","id":"met","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"metformin 500 mg"},"authoredOn":"2023-02-01"}"#
        let (record, notes) = try map([letrozole, atcOnly, metformin])
        let systemic = record.treatments.filter { $0.kind == .systemic }
        #expect(systemic.map(\.id).sorted() == ["atc", "let"])
        #expect(notes.contains { $0.resource == "MedicationRequest/let" && $0.message.contains("without a cancer reason") })
        #expect(!record.treatments.contains { $0.id == "met" })
        // With a cancer reason: no note.
        let linked = letrozole.replacingOccurrences(of: #""authoredOn""#, with: #""reasonReference":[{"reference":"Condition/primary1"}],"authoredOn""#)
        #expect(try !map([linked]).notes.contains { $0.message.contains("without a cancer reason") })
    }

    @Test func radiotherapyToABoneSiteIsReadWhateverItsCode() throws {
        // MCODEFixture's bone metastasis is a left femur.
        let femur = #"{"resourceType":"Procedure","id":"rtf","status":"completed","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"1287742003","display":"Radiotherapy"}]},"bodySite":[{"coding":[{"system":"http://snomed.info/sct","code":"71341001"}]}],"performedDateTime":"2023-02-05"}"#
        let chinese = #"{"resourceType":"Procedure","id":"rtz","status":"completed","subject":{"reference":"Patient/p1"},"code":{"text":"股骨姑息放疗 8Gy/1f"},"reasonReference":[{"reference":"Condition/bone1"}],"performedDateTime":"2023-03-05"}"#
        // Synthea's chemoradiation with no site: not a course to bone.
        let nowhere = #"{"resourceType":"Procedure","id":"crt","status":"completed","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"703423002","display":"Combined chemotherapy and radiation therapy (procedure)"}]},"performedDateTime":"2023-02-05"}"#
        let (record, notes) = try map([femur, chinese, nowhere])
        let courses = record.treatments.filter { $0.kind == .radiotherapy }
        #expect(courses.map(\.id).sorted() == ["rtf", "rtz"])
        #expect(courses.allSatisfy { $0.lesions == ["bone1"] })
        #expect(notes.contains { $0.resource == "Procedure/crt" && $0.message == "radiotherapy without a bone site: not used" })
    }
}

/// Rule set 2026.12.124 (cb22-a): an Observation's quantity without a unit was read in the test's
/// first unit — a calcium of 2.35 (mmol/L) as 2.35 mg/dL. It is read in the one unit whose value a
/// laboratory can report; a value that fits two units (a haemoglobin of 20: g/dL or g/L) or none is said and not used.
@Suite struct UnitlessQuantityImportTests {
    func observation(_ id: String, loinc: String, value: Double) -> String {
        #"{"resourceType":"Observation","id":"\#(id)","status":"final","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://loinc.org","code":"\#(loinc)"}]},"effectiveDateTime":"2023-01-04","valueQuantity":{"value":\#(value)}}"#
    }

    @Test func aUnitlessQuantityIsReadInTheUnitItFits() throws {
        let resources = try (MCODEFixture.conditions + [
            observation("ca", loinc: "17861-6", value: 2.35), observation("hb", loinc: "718-7", value: 20),
            observation("cr", loinc: "2160-0", value: 5000),
        ]).map { try FHIRResource(parsing: $0) }
        let (record, notes) = FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources)
        #expect(record.labs.map(\.test) == [.calcium])
        #expect(record.labs.first?.unit == "mmol/L")
        #expect(notes.contains { $0.resource == "Observation/hb" && $0.message == "no unit, and 20 fits more than one of its units for hemoglobin: skipped" })
        #expect(notes.contains { $0.resource == "Observation/cr" && $0.message == "no unit, and 5000 fits none of its units for creatinine: skipped" })
    }
}

/// cb23 (2026-12-03): an EHR's platelets, lymphocytes, CRP, LDH, bilirubin, M protein and free
/// light-chain ratio — read by New Katagiri, PATHFx and the myeloma differential — were skipped
/// for want of their LOINC codes, and a US platelet count in "10*3/uL" (or "K/uL") was no unit
/// BoneMet knew. Each is now read by its LOINC code (as laboratories code them) in the units
/// laboratories report.
@Suite struct LaboratoryLOINCImportTests {
    func observation(_ id: String, loinc: String, value: Double, unit: String?) -> String {
        let quantity = unit.map { #"{"value":\#(value),"unit":"\#($0)","system":"http://unitsofmeasure.org","code":"\#($0)"}"# } ?? #"{"value":\#(value)}"#
        return #"{"resourceType":"Observation","id":"\#(id)","status":"final","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://loinc.org","code":"\#(loinc)"}]},"effectiveDateTime":"2023-01-04","valueQuantity":\#(quantity)}"#
    }

    @Test func theLabsTheScoresReadAreImportedByTheirLOINCCodes() throws {
        let resources = try (MCODEFixture.conditions + [
            observation("plt", loinc: "777-3", value: 85, unit: "10*3/uL"), observation("lym", loinc: "731-0", value: 0.9, unit: "10*3/uL"),
            observation("crp", loinc: "1988-5", value: 12, unit: "mg/L"), observation("ldh", loinc: "2532-0", value: 310, unit: "U/L"),
            observation("bil", loinc: "1975-2", value: 25, unit: "umol/L"), observation("mp", loinc: "33358-3", value: 3.1, unit: "g/dL"),
            observation("flc", loinc: "48378-4", value: 150, unit: "{ratio}"),
        ]).map { try FHIRResource(parsing: $0) }
        let (record, notes) = FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources)
        let read = Dictionary(uniqueKeysWithValues: record.labs.map { ($0.test, $0) })
        #expect(read[.platelets]?.canonicalValue == 85_000, "\(notes)")
        #expect(read[.lymphocytes]?.canonicalValue == 0.9)
        #expect(read[.crp]?.value == 12)
        #expect(read[.crp]?.unit == "mg/L")
        #expect(read[.ldh]?.canonicalValue == 310)
        #expect(read[.bilirubin].flatMap(\.canonicalValue).map { abs($0 - 25 / 17.1) < 1e-9 } == true)
        #expect(read[.mProtein]?.canonicalValue == 3.1)
        #expect(read[.freeLightChainRatio]?.unit == "ratio")
        #expect(read[.freeLightChainRatio]?.value == 150)
    }

    @Test func aRoundTripKeepsThemAndTheirCodes() throws {
        var record = CaseRecord(patient: Patient(id: "p1"))
        record.labs = [
            LabResult(date: PartialDate("2023-01-04")!, test: .platelets, value: 85, unit: "10^3/µL"),
            LabResult(date: PartialDate("2023-01-04")!, test: .freeLightChainRatio, value: 0.005, unit: "ratio", upperLimit: 1.65, lowerLimit: 0.26),
            LabResult(date: PartialDate("2023-01-04")!, test: .mProtein, value: 31, unit: "g/L"),
        ]
        let exported = FHIRExporter.resources(caseId: "p1", record: record, assessment: nil)
        let codes = exported.compactMap { r -> String? in
            guard case .string("Observation") = r["resourceType"] else { return nil }
            return r["code"]?["coding"]?.array.first?["code"]?.string
        }
        #expect(codes == ["777-3", "48378-4", "33358-3"])
        let again = FHIRCaseMapper.map(
            patient: try FHIRResource(parsing: MCODEFixture.patient),
            related: try exported.filter { if case .string("Observation") = $0["resourceType"] { true } else { false } }.map { try FHIRResource($0) }).record
        #expect(again.labs.map(\.test) == [.platelets, .freeLightChainRatio, .mProtein])
        #expect(again.labs.map(\.canonicalValue) == [85_000, 0.005, 3.1])
    }

    /// cb83-o (unseen record, round trip, 2026-12-05): denosumab every 4 weeks completed in
    /// January, then every 12 weeks from a new order, came back as one course ended in January
    /// with every dose after it — "Bone metastases without a bone-modifying agent". A course
    /// ordered again after its end is resumed and ends as its later order does.
    @Test func anAgentOrderedAgainAfterItsEndIsRunning() throws {
        var record = CaseRecord(patient: Patient(id: "p1"))
        record.treatments = [
            Treatment(id: "D1", kind: .boneModifyingAgent, start: PartialDate("2025-01-25"), end: PartialDate("2026-01-20"), agent: .denosumab, doseMg: 120, intervalWeeks: 4,
                      doses: [PartialDate("2025-01-25")!, PartialDate("2025-12-27")!]),
            Treatment(id: "D2", kind: .boneModifyingAgent, start: PartialDate("2026-01-24"), agent: .denosumab, doseMg: 120, intervalWeeks: 12,
                      doses: [PartialDate("2026-01-24")!, PartialDate("2026-04-18")!]),
        ]
        let exported = FHIRExporter.resources(caseId: "p1", record: record, assessment: nil)
        let again = FHIRCaseMapper.map(
            patient: try FHIRResource(parsing: MCODEFixture.patient),
            related: try exported.filter { if case .string(let type) = $0["resourceType"] { type.hasPrefix("Medication") } else { false } }.map { try FHIRResource($0) }).record
        let course = try #require(again.treatments.first { $0.kind == .boneModifyingAgent })
        #expect(again.treatments.filter { $0.kind == .boneModifyingAgent }.count == 1)
        #expect(course.end == nil)
        #expect(course.intervalWeeks == 12)
        #expect(course.doses.count == 4)
        // A completed course with no later order keeps its end.
        record.treatments.removeLast()
        let ended = FHIRCaseMapper.map(
            patient: try FHIRResource(parsing: MCODEFixture.patient),
            related: try FHIRExporter.resources(caseId: "p1", record: record, assessment: nil)
                .filter { if case .string(let type) = $0["resourceType"] { type.hasPrefix("Medication") } else { false } }.map { try FHIRResource($0) }).record
        #expect(ended.treatments.first { $0.kind == .boneModifyingAgent }?.end == PartialDate("2026-01-20"))
    }

    /// cb83-j (unseen record, round trip, 2026-12-05): a breast primary with no diagnosis date
    /// exported its receptors undated, claiming mCODE's tumour marker test (which needs a date),
    /// and the import dropped undated Observations: a HER2-positive cancer came back with none.
    @Test func receptorsOfAnUndatedPrimaryTravel() throws {
        var record = CaseRecord(patient: Patient(id: "p1"))
        record.primaries = [PrimaryCancer(id: "P1", site: .breast, er: .positive, pr: .negative, her2: .positive)]
        let exported = FHIRExporter.resources(caseId: "p1", record: record, assessment: nil)
        let receptors = exported.filter { $0["id"]?.string?.hasSuffix("-receptor") == true }
        #expect(receptors.count == 3)
        #expect(receptors.allSatisfy { $0["meta"] == nil && $0["effectiveDateTime"] == nil })
        let again = FHIRCaseMapper.map(
            patient: try FHIRResource(parsing: MCODEFixture.patient), related: try exported.dropFirst().map { try FHIRResource($0) }).record
        let primary = try #require(again.primaries.first)
        #expect(primary.er == .positive && primary.pr == .negative && primary.her2 == .positive)
        // No pathology entered: none comes back (the site's English name was written as the
        // Condition's text and read back as the histology "breast").
        #expect(primary.histology == nil)
    }

    /// Testosterone (LOINC 2986-8) settles castration resistance with a PSA progression under
    /// androgen deprivation (rule set 2026.12.194): imported in nmol/L and ng/dL, exported by its code.
    @Test func testosteroneIsImportedAndExported() throws {
        let resources = try (MCODEFixture.conditions + [
            observation("t1", loinc: "2986-8", value: 0.6, unit: "nmol/L"),
        ]).map { try FHIRResource(parsing: $0) }
        let (record, notes) = FHIRCaseMapper.map(patient: try FHIRResource(parsing: MCODEFixture.patient), related: resources)
        let testosterone = try #require(record.labs.first { $0.test == .testosterone }, "\(notes)")
        #expect(testosterone.unit == "nmol/L")
        #expect(testosterone.canonicalValue.map { abs($0 - 17.304) < 1e-9 } == true)
        let exported = FHIRExporter.resources(caseId: "p1", record: record, assessment: nil)
        #expect(exported.contains { r in r["code"]?["coding"]?.array.first?["code"]?.string == "2986-8" })
    }
}
