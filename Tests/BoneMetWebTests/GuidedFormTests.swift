import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BoneMetWeb

/// Issue #10: a real patient entered without JSON — the guided form becomes the case file a
/// clinician would write, errors land beside their fields, nothing typed is lost.
@Suite struct GuidedFormTests {
    static let minimal: [String: String] = [
        "pt.id": "guided-1", "pt.sex": "female", "pt.birthDate": "1961",
        "p1.site": "breast", "p1.diagnosed": "2019-05", "p1.er": "positive",
        "l1.bone": "femur", "l1.laterality": "right", "l1.segment": "peritrochanteric",
        "s1.date": "2023-01-10", "s1.modality": "ct", "s1.boneWindow": "true", "s1.r1.character": "lytic", "s1.r1.diametersMm": "32×25",
        "s2.date": "2023-04-12", "s2.modality": "ct", "s2.r1.character": "lytic", "s2.r1.diametersMm": "40 x 30", "s2.r1.boneDestruction": "true",
        "t1.kind": "systemic", "t1.name": "letrozole + palbociclib", "t1.start": "2023-01-20",
        "lab1.test": "creatinine", "lab1.value": "１.２", "lab1.unit": "mg/dL", "lab1.date": "2023-04-12",
        "cl.date": "2023-04-12", "cl.ecog": "1", "cl.mirels": "functional",
        "b1.date": "2023-01-15", "b1.lesion": "L1", "b1.result": "metastasis", "b1.decalcification": "edta",
    ]

    @Test func theFormBecomesTheCaseAClinicianWouldWrite() throws {
        let result = GuidedCaseForm(values: Self.minimal, language: .en).read()
        #expect(result.errors.isEmpty)
        let record = try CaseFile.read(result.json)
        #expect(record.patient.id == "guided-1" && record.patient.birthDate == PartialDate("1961"))
        #expect(record.primaries.first?.site == .breast && record.primaries.first?.er == .positive)
        let lesion = try #require(record.lesions.first)
        #expect(lesion.id == "L1" && lesion.bone == .femur && lesion.segment == .peritrochanteric && lesion.laterality == .right)
        #expect(record.studies.map(\.id) == ["S1", "S2"])
        #expect(record.studies[0].windows == [.softTissue, .bone])
        #expect(record.studies[1].observations.first?.diametersMm == [40, 30])
        #expect(record.studies[1].observations.first?.boneDestruction == true)
        #expect(record.treatments.first?.name == "letrozole + palbociclib")
        #expect(record.labs.first?.value == 1.2)  // full-width digits read
        #expect(record.performance.first?.ecog == 1)
        #expect(record.pain.first?.mirels == .functional)
        #expect(record.biopsies.first?.lesion == "L1" && record.biopsies.first?.decalcification == .edta)
        // And it is assessed like any other record: Mirels finds the impending fracture.
        let assessment = assess(record, asOf: PartialDate("2023-05-01")!)
        #expect(assessment.findings.contains { $0.ruleId.hasPrefix("surgery.mirels") })
    }

    @Test func errorsLandBesideTheirFields() throws {
        var values = Self.minimal
        values["l1.level"] = "T4"  // a level on a femur
        values["s1.r1.diametersMm"] = "big"
        values["cl.ecog"] = "1.5"
        values["e1.kind"] = "pathologicalFracture"
        values["e1.lesion"] = "L3"  // no third lesion
        values["e1.date"] = "2023-06-01"
        let result = GuidedCaseForm(values: values, language: .zhHans).read()
        #expect(result.errors["s1.r1.diametersMm"] == GuidedTexts.badDiameters(.zhHans))
        #expect(result.errors["cl.ecog"] == GuidedTexts.notAWholeNumber(.zhHans))
        #expect(result.errors["e1.lesion"] == GuidedTexts.lesionMissing(.zhHans))
        // The reader's own errors map back: a level on a femur is an error of `l1.level`.
        values["s1.r1.diametersMm"] = "32"
        values["cl.ecog"] = "1"
        values["e1.lesion"] = "L1"
        let second = GuidedCaseForm(values: values, language: .en).read()
        #expect(second.errors.isEmpty)
        do {
            _ = try CaseFile.read(second.json)
            Issue.record("a level on a femur must be refused")
        } catch {
            let fields = error.errors.compactMap(\.field).compactMap(second.fieldName(for:))
            #expect(fields.contains("l1.level"), "\(error.errors.compactMap(\.field))")
        }
        #expect(second.fieldName(for: "studies[1].observations[0].diametersMm[0]") == "s2.r1.diametersMm")
        #expect(second.fieldName(for: "studies[0].windows") == "s1.boneWindow")
        #expect(second.fieldName(for: "performance[0].ecog") == "cl.ecog")
        #expect(second.fieldName(for: "patient.birthDate") == "pt.birthDate")
    }

    /// Numbers beyond any field, "inf", "nan" or hex are refused beside their field — 1e300 in a
    /// whole-number field trapped converting to Int (the server stopped).
    @Test func hugeOrOddNumbersAreRefusedNotATrap() {
        for odd in ["1e300", "-1e300", "inf", "-infinity", "nan", "0x1p3", "1e15", "９e９９"] {
            var values = Self.minimal
            values["cl.ecog"] = odd
            let result = GuidedCaseForm(values: values, language: .en).read()
            #expect(result.errors["cl.ecog"] == GuidedTexts.notAWholeNumber(.en), "\(odd)")
        }
        #expect(GuidedCaseForm.number("１，５") == 1.5)
        #expect(GuidedCaseForm.number("2e3") == 2000)
        #expect(GuidedCaseForm.number("1e300") == nil)
    }

    @Test func diametersAsCliniciansWriteThem() {
        #expect(GuidedCaseForm.diameters("18×14") == [18, 14])
        #expect(GuidedCaseForm.diameters("18 x 14 mm") == [18, 14])
        #expect(GuidedCaseForm.diameters("18*14") == [18, 14])
        #expect(GuidedCaseForm.diameters("18") == [18])
        #expect(GuidedCaseForm.diameters("18×14×9") == nil)
        #expect(GuidedCaseForm.diameters("0") == nil)
        #expect(GuidedCaseForm.diameters("abc") == nil)
    }

    /// Over HTTP: a bad value answers 422 with every typed value kept (escaped) and the message
    /// beside the field; a good form creates the case, "add the next study" opens that form;
    /// the same patient again is a 409 that links the case.
    @Test(arguments: TestDatabases.engines)
    func overHTTP(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            var doctor = Browser()
            _ = try await doctor.signIn(client, "doctor", WebHarness.password)
            let page = String(buffer: try await doctor.get(client, "/cases/new").body)
            #expect(page.contains(#"name="s2.r1.diametersMm""#) && page.contains("/cases/new/json"))
            var bad = Self.minimal
            bad["l1.note"] = #"near the "lesser trochanter" <b>"#
            bad["s2.r1.diametersMm"] = "forty"
            let refused = try await doctor.post(client, "/cases/guided", form: bad.merging(["_csrf": doctor.csrf ?? ""]) { $1 })
            #expect(refused.status == .unprocessableContent)
            let html = String(buffer: refused.body)
            #expect(html.contains(#"value="forty""#) && html.contains("near the &quot;lesser trochanter&quot; &lt;b&gt;"))
            #expect(html.contains("label class=\"field anatomic bad\""))
            let created = try await doctor.post(client, "/cases/guided", form: Self.minimal.merging(["_csrf": doctor.csrf ?? "", "then": "study"]) { $1 })
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            #expect(location.hasSuffix("/edit-section?section=studies"))
            let caseId = String(location.dropFirst("/cases/".count).prefix(36))
            #expect(try await harness.services.cases.get(id: caseId)?.record.studies.count == 2)
            let again = try await doctor.post(client, "/cases/guided", form: Self.minimal.merging(["_csrf": doctor.csrf ?? ""]) { $1 })
            #expect(again.status == .conflict)
            #expect(String(buffer: again.body).contains("/cases/\(caseId)"))
            // Without the CSRF token nothing is created.
            #expect(try await doctor.post(client, "/cases/guided", form: Self.minimal).status == .forbidden)
        }
    }

    /// Issue #10: the hospital's zone decides "today" on every page and how times are shown:
    /// at 18:05 UTC a Beijing hospital is already on the next day.
    @Test func theHospitalsTimeZoneDecidesTodayAndTimes() async throws {
        let lateEvening: Int64 = 1_795_975_500  // 2026-11-29 18:05 UTC = 2026-11-30 02:05 in Beijing
        let beijing = try HospitalClock.named("Asia/Shanghai")
        let harness = try await WebHarness.make(.sqlite, now: { lateEvening }, clock: beijing)
        try await harness.user("doctor", role: .orthopaedics)
        #expect(harness.services.today == PartialDate("2026-11-30"))
        try await harness.run { client in
            var doctor = Browser()
            _ = try await doctor.signIn(client, "doctor", WebHarness.password)
            _ = try await doctor.get(client, "/cases/new")
            let created = try await doctor.post(client, "/cases/guided", form: Self.minimal.merging(["_csrf": doctor.csrf ?? ""]) { $1 })
            let page = String(buffer: try await doctor.get(client, try #require(created.headers[.location])).body)
            #expect(page.contains("2026-11-30 02:05 UTC+8"))
            #expect(page.contains("2026-11-30"))
            #expect(!page.contains("2026-11-29 18:05"))
        }
    }
}
