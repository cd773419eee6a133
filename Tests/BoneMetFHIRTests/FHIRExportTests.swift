import BoneMetDomain
import BoneMetFHIR
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Testing

/// Export → import must give back the clinical content of the case, so a case can move
/// between BoneMet installations (or round-trip through an EHR) without losing what the
/// rules read.
@Suite struct FHIRExportTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")
    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }
    static let asOf = PartialDate(year: 2023, month: 6, day: 30) ?? PartialDate(dayNumber: 0)

    @Test func everyExampleHasAnExample() { #expect(Self.names.count >= 10) }

    @Test(arguments: names)
    func exportedCaseImportsBackWithItsClinicalContent(name: String) async throws {
        var original = try CaseFile.read(try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8))
        if !original.studies.isEmpty { original.studies[0].report = "Conclusion: see lesion table. 结论：见病灶表。" }
        // An MDT decision travels too (a fracture's conservative decision turns "urgent: fixation"
        // into an advisory; cb83-f, 2026-12-05), one with a specialty and follow-up, one without.
        original.decisions += [
            MDTDecision(date: Self.asOf, decision: "骨科会诊：支具保守治疗+局部放疗", specialty: .orthopaedics, followUp: ["4周后复查X线", "疼痛加重随诊"]),
            MDTDecision(date: PartialDate(year: 2023, month: 6) ?? Self.asOf, decision: "MDT: continue the regimen"),
        ]
        let bundle = FHIRExporter.bundle(caseId: "case-1", record: original, assessment: assess(original, asOf: Self.asOf)).serialized()
        // Every resource passes our own strict reader.
        for entry in try FHIRJSON.parse(bundle)["entry"]?.array ?? [] {
            let resource = try #require(entry["resource"])
            _ = try FHIRResource(parsing: resource.serialized())
        }
        try await TestDatabases.with(.sqlite) { store in
            let importer = BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: Self.asOf, now: { 1 })
            let summary = try await importer.run(bundle: bundle)
            #expect(summary.created == 1)
            let cases = try await SQLCaseStore(store).list(search: nil, limit: 10, offset: 0)
            let caseId = try #require(cases.first?.id)
            let stored = try await SQLCaseStore(store).get(id: caseId)
            let back = try #require(stored).record

            #expect(back.patient.id == original.patient.id)
            #expect(back.patient.sex == original.patient.sex)
            #expect(back.patient.birthDate == original.patient.birthDate)
            #expect(back.patient.weights == original.patient.weights)
            #expect(back.primaries.map(\.site) == original.primaries.map(\.site))
            #expect(back.primaries.map(\.diagnosed) == original.primaries.map(\.diagnosed))
            #expect(back.primaries.map(\.er) == original.primaries.map { $0.er == .unknown ? nil : $0.er })
            #expect(back.primaries.map(\.her2) == original.primaries.map { $0.her2 == .unknown ? nil : $0.her2 })
            #expect(back.treatments.filter { $0.kind == .radiotherapy && !$0.planned }.map(\.doseGy) == original.treatments.filter { $0.kind == .radiotherapy && !$0.planned }.map(\.doseGy))
            #expect(back.lesions.map(\.id) == original.lesions.map(\.id))
            #expect(back.lesions.map(\.bone) == original.lesions.map(\.bone))
            #expect(back.lesions.map(\.segment) == original.lesions.map(\.segment))
            #expect(back.lesions.map(\.level) == original.lesions.map(\.level))
            #expect(back.lesions.map(\.laterality) == original.lesions.map(\.laterality))
            #expect(back.lesions.map(\.note) == original.lesions.map(\.note))
            // The lesion's primary travels as condition-related; with one primary it is that one.
            #expect(back.lesions.map(\.primary) == original.lesions.map { $0.primary ?? (original.primaries.count == 1 ? original.primaries[0].id : nil) })
            #expect(Set(back.labs.map { "\($0.date) \($0.test) \($0.value) \($0.unit) \($0.upperLimit.map(String.init(describing:)) ?? "-")" })
                == Set(original.labs.map { "\($0.date) \($0.test) \($0.value) \($0.unit) \($0.upperLimit.map(String.init(describing:)) ?? "-")" }))
            #expect(Set(back.performance.compactMap { $0.ecog.map { "\($0)" } }) == Set(original.performance.compactMap { $0.ecog.map { "\($0)" } }))
            func treatmentKey(_ t: Treatment) -> String {
                // A bone agent's dose and interval travel too (the zoledronic acid dose check and
                // denosumab's 60 mg against 120 mg read them; the export dropped both).
                "\(t.kind) \(t.start?.description ?? "-") \(t.end?.description ?? "-") \(t.agent.map { "\($0)" } ?? "-") \(t.doses.map(\.description))"
                    + " \(t.kind == .boneModifyingAgent ? "\(t.doseMg.map { "\($0)" } ?? "-") \(t.intervalWeeks.map { "\($0)" } ?? "-")" : "")"
            }
            #expect(Set(back.treatments.filter { !$0.planned }.map(treatmentKey)) == Set(original.treatments.filter { !$0.planned }.map(treatmentKey)))
            // Each under its own id (a bone agent's doses carry it: the course kept whichever of
            // the order's and its first dose's ids sorted first).
            #expect(Set(back.treatments.map(\.id)) == Set(original.treatments.map(\.id)), "\(name)")
            // Planned ones too (a Procedure in preparation, a MedicationRequest of intent "plan").
            #expect(Set(back.treatments.filter(\.planned).map { "\($0.id) \($0.kind) \($0.start?.description ?? "-")" })
                == Set(original.treatments.filter(\.planned).map { "\($0.id) \($0.kind) \($0.start?.description ?? "-")" }), "\(name)")
            #expect(Set(back.studies.map { "\($0.date) \($0.modality) \($0.report ?? "-")" }) == Set(original.studies.map { "\($0.date) \($0.modality) \($0.report ?? "-")" }))
            // What each study showed of each lesion, and what it covered: every rule reads them
            // (an export imported back had studies empty of readings; cb51–cb68, 2026-12-04).
            for study in original.studies {
                let other = try #require(back.studies.first { $0.id == study.id })
                #expect(other.observations == study.observations, "\(name) \(study.id)")
                #expect(other.coverage == study.coverage && other.windows == study.windows, "\(name) \(study.id)")
                #expect(other.contrast == study.contrast && other.unnamedNewLesions == study.unnamedNewLesions, "\(name) \(study.id)")
            }
            // A regimen's drugs as entered, its class and why it stopped; a fictional case stays so.
            for treatment in original.treatments where !treatment.planned && treatment.kind == .systemic {
                let other = try #require(back.treatments.first { $0.id == treatment.id })
                #expect(other.drugs == (treatment.drugs.isEmpty ? other.drugs : treatment.drugs), "\(name) \(treatment.id)")
                #expect(other.systemicClass == treatment.systemicClass && other.stopReason == treatment.stopReason, "\(name) \(treatment.id)")
            }
            #expect(back.patient.fictional == original.patient.fictional, "\(name)")
            // Pain with its lesion and grades, neurology, biopsies, viscera (none found is not
            // "not assessed"), dental examinations, and the primary's coded histology and states.
            #expect(Set(back.pain) == Set(original.pain), "\(name)")
            #expect(Set(back.neurology) == Set(original.neurology), "\(name)")
            #expect(Set(back.biopsies) == Set(original.biopsies), "\(name)")
            #expect(back.visceralMetastases.map(Set.init) == original.visceralMetastases.map(Set.init), "\(name)")
            #expect(Set(back.dentalExams) == Set(original.dentalExams), "\(name)")
            #expect(Set(back.decisions) == Set(original.decisions), "\(name)")
            #expect(back.plans == original.plans, "\(name)")
            #expect(back.primaries.map(\.histologyType) == original.primaries.map(\.histologyType), "\(name)")
            #expect(back.primaries.map { "\(String(describing: $0.castrationResistant)) \(String(describing: $0.hormoneDependent)) \(String(describing: $0.targetedTherapy))" }
                == original.primaries.map { "\(String(describing: $0.castrationResistant)) \(String(describing: $0.hormoneDependent)) \(String(describing: $0.targetedTherapy))" }, "\(name)")

            // Importing the same export again changes nothing; importing it after an edit updates
            // the same case instead of creating a second one.
            #expect(try await importer.run(bundle: bundle).unchanged == 1)
            var edited = original
            edited.patient.weights.append(WeightRecord(date: Self.asOf, kg: 55))
            let editedBundle = FHIRExporter.bundle(caseId: "case-1", record: edited, assessment: nil).serialized()
            #expect(try await importer.run(bundle: editedBundle).updated == 1)
            #expect(try await SQLCaseStore(store).list(search: nil, limit: 10, offset: 0).count == 1)
        }
    }

    /// A stored case's id is a random UUID: "1c93…-dose-ZA-0", the first dose's resource id, sorted
    /// before "ZA" and became the course's id on the way back (bulk export of imported cases,
    /// 2026-12-04). The doses carry the course's own id.
    @Test func aCourseKeepsItsIdWhateverTheCaseId() async throws {
        var record = try CaseFile.read(try String(contentsOf: Self.examples.appendingPathComponent("10a-zoledronic-crcl-35.json"), encoding: .utf8))
        let index = try #require(record.treatments.firstIndex { $0.kind == .boneModifyingAgent })
        record.treatments[index].id = "ZA"
        record.treatments[index].doses = [try #require(PartialDate("2023-05-10"))]
        // A surgery row naming no orthopaedic procedure (a nephrectomy) comes back too.
        record.treatments.append(Treatment(id: "NX", kind: .surgery, name: "右肾根治性切除术", start: PartialDate(year: 2019, month: 6, day: 20)))
        let bundle = FHIRExporter.bundle(caseId: "1c93571f-384d-496b-abe1-080a455028f6", record: record, assessment: nil).serialized()
        try await TestDatabases.with(.sqlite) { store in
            let importer = BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: Self.asOf, now: { 1 })
            _ = try await importer.run(bundle: bundle)
            let id = try #require(try await SQLCaseStore(store).list(search: nil, limit: 10, offset: 0).first?.id)
            let back = try #require(try await SQLCaseStore(store).get(id: id)).record
            #expect(back.treatments.contains { $0.id == "ZA" && $0.kind == .boneModifyingAgent && $0.doses.count == 1 }, "\(back.treatments.map(\.id))")
            #expect(back.treatments.contains { $0.id == "NX" && $0.kind == .surgery && $0.name == "右肾根治性切除术" })
        }
    }

    /// Twelve lesions read on one CT come back in their order: the import reads resources in id
    /// order, and a reading numbered "-10" sorted before "-2".
    @Test func twelveReadingsOfOneStudyKeepTheirOrder() async throws {
        var record = try CaseFile.read(try String(contentsOf: Self.examples.appendingPathComponent("10a-zoledronic-crcl-35.json"), encoding: .utf8))
        let levels = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12"]
        record.lesions += levels.map { Lesion(id: "R\($0)", bone: .vertebra, level: VertebralLevel($0)) }
        let date = try #require(PartialDate("2023-05-01"))
        record.studies.append(ImagingStudy(
            id: "CT12", date: date, modality: .ct, windows: [.bone], coverage: [.thoracicSpine],
            observations: levels.map { level in
                var o = LesionObservation(lesion: "R\(level)")
                o.character = .lytic
                return o
            }))
        let bundle = FHIRExporter.bundle(caseId: "case-12", record: record, assessment: nil).serialized()
        try await TestDatabases.with(.sqlite) { store in
            _ = try await BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: Self.asOf, now: { 1 }).run(bundle: bundle)
            let id = try #require(try await SQLCaseStore(store).list(search: nil, limit: 10, offset: 0).first?.id)
            let back = try #require(try await SQLCaseStore(store).get(id: id)).record
            #expect(back.studies.first { $0.id == "CT12" }?.observations.map(\.lesion) == levels.map { "R\($0)" })
        }
    }
}
