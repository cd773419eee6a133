import BoneMetDomain
import BoneMetFHIR
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Testing

/// A lesion's note travels through FHIR (Condition.note): the rules read a segment from it. cb19-b
/// (unseen record, 2026-12-03): a renal-cell "proximal" right femur noted "右股骨转子下" is
/// peritrochanteric for Mirels (rule set 2026.12.95) — exported and imported again, the note was
/// lost and the site scored 2, not 3; an EHR's Condition note was not read at all.
@Suite struct LesionNoteTravelsTests {
    static let asOf = PartialDate(year: 2026, month: 10, day: 25) ?? PartialDate(dayNumber: 0)

    static func record() -> CaseRecord {
        var r = CaseRecord(patient: Patient(id: "note-1", sex: .male, birthDate: PartialDate("1958-09")))
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, diagnosed: PartialDate("2021-03"))]
        r.lesions = [Lesion(id: "RF", bone: .femur, segment: .proximal, laterality: .right, note: "右股骨转子下")]
        var x = LesionObservation(lesion: "RF")
        x.character = .lytic
        x.fractionOfDiameter = 0.5
        r.studies = [ImagingStudy(id: "X1", date: asOf, modality: .xray, observations: [x])]
        r.pain = [PainRecord(date: asOf, lesion: "RF", mirels: .mild)]
        return r
    }

    /// The imported case's Mirels site, from a bundle (ours, or with our lesion extension removed
    /// as another EHR would send it).
    func importedSite(foreign: Bool) async throws -> (Lesion, Mirels.Site?) {
        let original = Self.record()
        var bundle = FHIRExporter.bundle(caseId: "case-1", record: original, assessment: nil).serialized()
        if foreign {
            // Another system's Condition: no BoneMet lesion extension.
            var json = try #require(try JSONSerialization.jsonObject(with: Data(bundle.utf8)) as? [String: Any])
            var entries = try #require(json["entry"] as? [[String: Any]])
            for index in entries.indices {
                guard var resource = entries[index]["resource"] as? [String: Any], resource["resourceType"] as? String == "Condition" else { continue }
                resource["extension"] = (resource["extension"] as? [[String: Any]])?.filter { !(($0["url"] as? String) ?? "").hasSuffix("lesion") }
                entries[index]["resource"] = resource
            }
            json["entry"] = entries
            bundle = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        }
        return try await TestDatabases.with(.sqlite) { store in
            let importer = BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: Self.asOf, now: { 1 })
            #expect(try await importer.run(bundle: bundle).created == 1)
            let caseId = try #require(try await SQLCaseStore(store).list(search: nil, limit: 10, offset: 0).first?.id)
            let back = try #require(try await SQLCaseStore(store).get(id: caseId)).record
            let lesion = try #require(back.lesions.first)
            return (lesion, lesion.mirelsSite)
        }
    }

    @Test func ourExportKeepsTheNote() async throws {
        let (lesion, site) = try await importedSite(foreign: false)
        #expect(lesion.note == "右股骨转子下")
        #expect(site == .peritrochanteric)
    }

    @Test func anotherSystemsConditionNoteIsRead() async throws {
        let (lesion, site) = try await importedSite(foreign: true)
        #expect(lesion.note?.contains("右股骨转子下") == true, "\(lesion.note ?? "nil")")
        #expect(site == .peritrochanteric)
    }
}
