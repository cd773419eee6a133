import BoneMetDomain
import BoneMetFHIR
import Foundation
import Testing

/// CDS Hooks requests shaped as in the CDS Hooks 2.0 specification, with prefetch built from
/// the acceptance-scenario cases (examples/), answered by the same rules as the case page.
@Suite struct CDSCardTests {
    static let asOf = PartialDate(year: 2023, month: 6, day: 30) ?? PartialDate(dayNumber: 0)
    static let context = CDSCards.Context(asOf: asOf, settings: .default, language: .en, caseURL: "https://bonemet.example/cases/c1")

    static func example(_ name: String) throws -> CaseRecord {
        try CaseFile.read(try String(contentsOf: FHIRExportTests.examples.appendingPathComponent(name), encoding: .utf8))
    }

    /// A request body: prefetch with every key the discovery asks for, as searchset Bundles.
    static func body(hook: String, record: CaseRecord, extraContext: String = "", omit: Set<String> = []) -> String {
        let resources = FHIRExporter.resources(caseId: "pt1", record: record, assessment: nil)
        func bundle(_ type: String) -> String {
            let entries = resources.filter { $0["resourceType"]?.string == type }.map { #"{"resource":\#($0.serialized())}"# }
            return #"{"resourceType":"Bundle","type":"searchset","entry":[\#(entries.joined(separator: ","))]}"#
        }
        let patient = resources.first { $0["resourceType"]?.string == "Patient" }?.serialized() ?? "null"
        var prefetch = [
            "patient": patient, "conditions": bundle("Condition"), "observations": bundle("Observation"),
            "medications": bundle("MedicationRequest"), "administrations": bundle("MedicationAdministration"), "procedures": bundle("Procedure"), "imaging": bundle("ImagingStudy"),
        ]
        for key in omit { prefetch.removeValue(forKey: key) }
        let prefetchJSON = prefetch.map { #""\#($0.key)":\#($0.value)"# }.joined(separator: ",")
        return #"{"hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","hook":"\#(hook)","context":{"userId":"Practitioner/example","patientId":"pt1"\#(extraContext)},"prefetch":{\#(prefetchJSON)}}"#
    }

    static func draft(_ id: String, atc: String, name: String, mg: Double) -> String {
        let order = #"{"resourceType":"MedicationRequest","id":"ID","status":"draft","intent":"order","subject":{"reference":"Patient/pt1"},"medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"ATC"}],"text":"NAME"},"dosageInstruction":[{"text":"IV over 15 min","doseAndRate":[{"doseQuantity":{"value":MG,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}]}]}"#
            .replacingOccurrences(of: "ID", with: id).replacingOccurrences(of: "ATC", with: atc).replacingOccurrences(of: "NAME", with: name)
            .replacingOccurrences(of: "MG", with: String(describing: mg))
        return #","draftOrders":{"resourceType":"Bundle","type":"collection","entry":[{"resource":"# + order + "}]}"
    }

    func cards(_ service: String, _ body: String) throws -> [FHIRJSON] {
        let service = try #require(CDSService.named(service))
        let request = try CDSRequest(parsing: body, service: service)
        var resources: [FHIRResource] = []
        for value in request.prefetch.values { resources += try CDSRequest.resources(in: value) }
        let record = CDSCards.record(patientId: request.patientId, resources: resources)
        return service.hook == "patient-view"
            ? CDSCards.patientView(record: record, context: Self.context) : CDSCards.orders(request: request, record: record, context: Self.context)
    }

    func code(_ card: FHIRJSON) -> String? { card["source"]?["topic"]?["code"]?.string }

    @Test func discoveryListsTheThreeHooksWithPrefetch() {
        let json = CDSService.discovery(language: .en)
        let services = json["services"]?.array ?? []
        #expect(services.compactMap { $0["hook"]?.string } == ["patient-view", "order-select", "order-sign"])
        #expect(services.first?["prefetch"]?["patient"]?.string == "Patient/{{context.patientId}}")
        #expect(CDSService.discovery(language: .zhHans)["services"]?.array.first?["title"]?.string == "BoneMet 骨转移评估")
    }

    @Test func patientViewShowsTheImpendingFractureWithReasonSourceAndLink() throws {
        // The MDT's case record (imaging reads, pain) is what Mirels needs; the EHR's FHIR
        // data alone does not carry it, so a patient with a BoneMet case is assessed on it.
        let cards = CDSCards.patientView(record: try Self.example("06-impending-femoral-fracture.json"), context: Self.context)
        let fracture = try #require(cards.first { code($0) == "surgery.mirels.impendingFracture" })
        #expect(fracture["indicator"]?.string == "critical" || fracture["indicator"]?.string == "warning")
        #expect((fracture["summary"]?.string ?? "").count < 140)
        #expect(fracture["detail"]?.string?.contains("Mirels") == true)
        #expect(fracture["detail"]?.string?.contains("Responsible") == true)
        #expect(fracture["links"]?.array.first?["url"]?.string == "https://bonemet.example/cases/c1")
        #expect(fracture["links"]?.array.first?["type"]?.string == "absolute")
        let zh = CDSCards.patientView(
            record: try Self.example("06-impending-femoral-fracture.json"),
            context: CDSCards.Context(asOf: Self.asOf, settings: .default, language: .zhHans, caseURL: nil))
        #expect(zh.first { code($0) == "surgery.mirels.impendingFracture" }?["detail"]?.string?.contains("负责专科") == true)
    }

    /// Rule set 2026.12.55: a patient whose record states a death gets no card — the same
    /// impending fracture, with the death sent in the prefetched Patient.
    @Test func aDeceasedPatientGetsNoCard() throws {
        var record = try Self.example("06-impending-femoral-fracture.json")
        record.patient.deathDate = PartialDate("2023-05-01")
        #expect(CDSCards.patientView(record: record, context: Self.context).isEmpty)
        let fromPrefetch = try cards("bonemet-patient-view", Self.body(hook: "patient-view", record: record))
        #expect(fromPrefetch.isEmpty)
        record.patient.deathDate = nil
        #expect(!CDSCards.patientView(record: record, context: Self.context).isEmpty)
    }

    @Test func patientViewFromPrefetchAlone() throws {
        // Zoledronic acid last given 2023-05-10, every 4 weeks: due by 2023-06-30, seen from
        // the EHR's MedicationRequest and MedicationAdministration alone.
        var record = try Self.example("10a-zoledronic-crcl-35.json")
        let index = try #require(record.treatments.firstIndex { $0.kind == .boneModifyingAgent })
        record.treatments[index].planned = false
        record.treatments[index].doses = [try #require(PartialDate("2023-05-10"))]
        let due = try cards("bonemet-patient-view", Self.body(hook: "patient-view", record: record))
        #expect(due.contains { code($0) == "boneAgents.doseDue" })
        // Without the administrations there is no dose to count from.
        let without = try cards("bonemet-patient-view", Self.body(hook: "patient-view", record: record).replacingOccurrences(of: "MedicationAdministration", with: "Basic"))
        #expect(!without.contains { code($0) == "boneAgents.doseDue" })
    }

    @Test func orderSelectCorrectsTheZoledronicDoseForCrCl35() throws {
        var record = try Self.example("10a-zoledronic-crcl-35.json")
        record.treatments.removeAll { $0.kind == .boneModifyingAgent }
        let body = Self.body(hook: "order-select", record: record, extraContext: #","selections":["MedicationRequest/zol-draft"]"# + Self.draft("zol-draft", atc: "M05BA08", name: "zoledronic acid", mg: 4))
        let cards = try cards("bonemet-order-select", body)
        let dose = try #require(cards.first { code($0) == "boneAgents.zoledronic.dose" })
        #expect(dose["indicator"]?.string == "warning")
        let action = try #require(dose["suggestions"]?.array.first?["actions"]?.array.first)
        #expect(action["type"]?.string == "update")
        let quantity = action["resource"]?["dosageInstruction"]?.array.first?["doseAndRate"]?.array.first?["doseQuantity"]
        // Cockcroft–Gault (140 − 73) × 60 / (72 × 1.6) = 34.9 mL/min → 3.0 mg (reference.md, Zometa label).
        #expect(quantity?["value"]?.decimalText == "3")
        #expect(action["resource"]?["id"]?.string == "zol-draft")
        // Consistent in every field: a dosage text naming no dose gets the new one in front.
        #expect(action["resource"]?["dosageInstruction"]?.array.first?["text"]?.string == "3 mg; IV over 15 min")
        // A dental examination in the prefetch (BoneMet's own Procedure code) is read: no dental
        // warning; without one, it shows.
        #expect(cards.contains { code($0) == "boneAgents.dentalExam" } == record.dentalExams.isEmpty)
        record.dentalExams = []
        let noExam = Self.body(hook: "order-select", record: record, extraContext: #","selections":["MedicationRequest/zol-draft"]"# + Self.draft("zol-draft", atc: "M05BA08", name: "zoledronic acid", mg: 4))
        #expect(try self.cards("bonemet-order-select", noExam).contains { code($0) == "boneAgents.dentalExam" })
    }

    /// An EHR patient with a bone metastasis but no imaging reads or pain scores: a card saying
    /// what is missing to assess fracture risk, with the link to complete it — not silence.
    @Test func aBoneMetastasisWithNothingToScoreStillGetsACard() throws {
        let resources = try MCODEFixture.conditions.map { try FHIRResource(parsing: $0) } + [try FHIRResource(parsing: MCODEFixture.patient)]
        let record = CDSCards.record(patientId: "p1", resources: resources)
        #expect(!record.lesions.isEmpty && record.studies.isEmpty)
        let cards = CDSCards.patientView(record: record, context: Self.context)
        let card = try #require(cards.first { code($0) == "surgery.lesion.notAssessable" })
        #expect(card["summary"]?.string?.contains("fracture risk cannot be assessed") == true)
        #expect(card["detail"]?.string?.contains("fraction of the bone diameter") == true)
        #expect(card["links"]?.array.first?["url"]?.string == "https://bonemet.example/cases/c1")
    }

    /// Rule set 2026.12.51: a draft bone-modifying agent for a patient whose BoneMet case records
    /// osteonecrosis of the jaw shows that card on the order (the agent is decided with dental
    /// care), as hypocalcaemia does; the patient view shows it too.
    @Test func osteonecrosisOfTheJawShowsOnTheOrderAndThePatientView() throws {
        var record = try Self.example("10a-zoledronic-crcl-35.json")
        record.treatments.removeAll { $0.kind == .boneModifyingAgent }
        record.events.append(ClinicalEvent(date: PartialDate(year: 2023, month: 5, day: 2) ?? PartialDate(dayNumber: 0), kind: .osteonecrosisOfJaw))
        let body = Self.body(hook: "order-sign", record: record, extraContext: Self.draft("zol-draft", atc: "M05BA08", name: "zoledronic acid", mg: 3))
        let service = try #require(CDSService.named("bonemet-order-sign"))
        let request = try CDSRequest(parsing: body, service: service)
        #expect(CDSCards.orders(request: request, record: record, context: Self.context).contains { code($0) == "boneAgents.osteonecrosisOfJaw" })
        #expect(CDSCards.patientView(record: record, context: Self.context).contains { code($0) == "boneAgents.osteonecrosisOfJaw" })
    }

    @Test func theCorrectedDoseIsTheSameInEveryField() {
        #expect(CDSCards.replacingDose(in: "4 mg IV over 15 min every 4 weeks", with: "3.5") == "3.5 mg IV over 15 min every 4 weeks")
        #expect(CDSCards.replacingDose(in: "zoledronic acid 4mg in 100 mL", with: "3") == "zoledronic acid 3mg in 100 mL")
        #expect(CDSCards.replacingDose(in: "4 mg/100 mL vial", with: "3") == "3 mg; 4 mg/100 mL vial")
        #expect(CDSCards.replacingDose(in: "静脉滴注 15 分钟", with: "3") == "3 mg; 静脉滴注 15 分钟")
    }

    @Test func theRightDoseNeedsNoCorrection() throws {
        var record = try Self.example("10a-zoledronic-crcl-35.json")
        record.treatments.removeAll { $0.kind == .boneModifyingAgent }
        let body = Self.body(hook: "order-sign", record: record, extraContext: Self.draft("zol-draft", atc: "M05BA08", name: "zoledronic acid", mg: 3))
        #expect(try !cards("bonemet-order-sign", body).contains { code($0) == "boneAgents.zoledronic.dose" })
    }

    @Test func denosumabWithSevereRenalImpairmentWarnsOfHypocalcaemia() throws {
        var record = try Self.example("10b-zoledronic-crcl-25.json")
        record.treatments.removeAll { $0.kind == .boneModifyingAgent }
        let body = Self.body(hook: "order-sign", record: record, extraContext: Self.draft("dmab", atc: "M05BX04", name: "denosumab", mg: 120))
        let cards = try cards("bonemet-order-sign", body)
        #expect(cards.contains { code($0) == "boneAgents.denosumab.hypocalcaemiaRisk" && $0["indicator"]?.string == "warning" })
        #expect(!cards.contains { code($0) == "boneAgents.zoledronic.dose" })
    }

    /// Pamidronate ordered where the kidneys bar it (rule set 2026.12.328): the Aredia label's
    /// severe renal impairment (CrCl 25) shows on the order, as zoledronic acid's does; with no
    /// creatinine on record the order asks for it.
    @Test func pamidronateOrderedInSevereRenalImpairmentOrWithoutCreatinineShowsIt() throws {
        var record = try Self.example("10b-zoledronic-crcl-25.json")
        record.treatments.removeAll { $0.kind == .boneModifyingAgent }
        let body = Self.body(hook: "order-sign", record: record, extraContext: Self.draft("pam", atc: "M05BA03", name: "pamidronate", mg: 90))
        #expect(try cards("bonemet-order-sign", body).contains { code($0) == "boneAgents.pamidronate.label" && $0["indicator"]?.string == "warning" })
        record.labs.removeAll { $0.test == .creatinine }
        let none = Self.body(hook: "order-sign", record: record, extraContext: Self.draft("pam", atc: "M05BA03", name: "pamidronate", mg: 90))
        #expect(try cards("bonemet-order-sign", none).contains { code($0) == "boneAgents.pamidronate.creatinineUnknown" })
    }

    /// Ibandronate ordered at CrCl 25 (rule set 2026.12.333): the infusion's 2 mg shows on the
    /// order as zoledronic acid's dose does.
    @Test func ibandronateOrderedShowsItsDoseForTheCrCl() throws {
        var record = try Self.example("10b-zoledronic-crcl-25.json")
        record.treatments.removeAll { $0.kind == .boneModifyingAgent }
        let body = Self.body(hook: "order-sign", record: record, extraContext: Self.draft("iban", atc: "M05BA06", name: "ibandronic acid", mg: 6))
        let card = try cards("bonemet-order-sign", body).first { code($0) == "boneAgents.ibandronate.dose" }
        #expect(card?["indicator"]?.string == "warning")
    }

    /// Denosumab 60 mg ordered for bone metastases is the bone-loss dose (rule set 2026.12.26):
    /// the order shows it; 120 mg shows no such card (the choice between agents stays off orders).
    @Test func aBoneLossDoseOrderedForBoneMetastasesIsFlagged() throws {
        var record = try Self.example("06-impending-femoral-fracture.json")
        record.treatments.removeAll { $0.kind == .boneModifyingAgent }
        let low = try cards("bonemet-order-sign", Self.body(hook: "order-sign", record: record, extraContext: Self.draft("dmab", atc: "M05BX04", name: "Prolia", mg: 60)))
        #expect(low.contains { code($0) == "boneAgents.choice" && $0["indicator"]?.string == "warning" })
        let usual = try cards("bonemet-order-sign", Self.body(hook: "order-sign", record: record, extraContext: Self.draft("dmab", atc: "M05BX04", name: "Xgeva", mg: 120)))
        #expect(!usual.contains { code($0) == "boneAgents.choice" })
    }

    /// A bone-modifying agent ordered while calcium is low: both labels require it corrected
    /// first, so the order shows the hypocalcaemia (rule set 2026.12.2) before the first dose of
    /// the drafted course (2026.12.57); the patient view too.
    @Test func anAgentOrderedDuringHypocalcaemiaShowsIt() throws {
        var record = try Self.example("15-denosumab-ckd-hypocalcaemia.json")
        record.treatments.removeAll { $0.kind == .boneModifyingAgent }
        let context = CDSCards.Context(
            asOf: try #require(PartialDate("2025-04-20")), settings: .default, language: .en, caseURL: "https://bonemet.example/cases/c1")
        let service = try #require(CDSService.named("bonemet-order-sign"))
        let request = try CDSRequest(
            parsing: Self.body(hook: "order-sign", record: record, extraContext: Self.draft("dmab", atc: "M05BX04", name: "denosumab", mg: 120)),
            service: service)
        var resources: [FHIRResource] = []
        for value in request.prefetch.values { resources += try CDSRequest.resources(in: value) }
        let mapped = CDSCards.record(patientId: request.patientId, resources: resources)
        let cards = CDSCards.orders(request: request, record: mapped, context: context)
        let low = try #require(cards.first { code($0) == "labs.hypocalcaemia" })
        #expect(low["indicator"]?.string == "warning")
        #expect(low["detail"]?.string?.contains("Correct it before the first dose of denosumab") == true)
        #expect(CDSCards.patientView(record: mapped, context: context).contains { code($0) == "labs.hypocalcaemia" })
    }

    @Test func ordersWeDoNotCareAboutGiveNoCards() throws {
        let record = try Self.example("10a-zoledronic-crcl-35.json")
        let body = Self.body(hook: "order-select", record: record, extraContext: Self.draft("amox", atc: "J01CA04", name: "amoxicillin", mg: 500))
        #expect(try cards("bonemet-order-select", body).isEmpty)
        // order-select evaluates only the selected drafts.
        var noBMA = record
        noBMA.treatments.removeAll { $0.kind == .boneModifyingAgent }
        let unselected = Self.body(
            hook: "order-select", record: noBMA, extraContext: #","selections":["MedicationRequest/other"]"# + Self.draft("zol", atc: "M05BA08", name: "zoledronic acid", mg: 4))
        #expect(try cards("bonemet-order-select", unselected).isEmpty)
    }

    @Test func badRequestsNameTheField() throws {
        let service = try #require(CDSService.named("bonemet-order-select"))
        func failure(_ body: String) -> CDSFailure? {
            do { _ = try CDSRequest(parsing: body, service: service) } catch { return error }
            return nil
        }
        #expect(failure("{")?.status == 400)
        #expect(failure(#"{"hook":"patient-view","hookInstance":"x","context":{"patientId":"p"}}"#)?.field == "hook")
        #expect(failure(#"{"hook":"order-select","hookInstance":"x","context":{"patientId":"p"}}"#)?.field == "context.draftOrders")
        #expect(failure(#"{"hook":"order-select","hookInstance":"x","context":{}}"#)?.field == "context.patientId")
        #expect(failure(#"{"hook":"order-select","context":{"patientId":"p"}}"#)?.field == "hookInstance")
        #expect(failure(#"{"hook":"order-select","hookInstance":"x","fhirServer":"ftp://x","context":{"patientId":"p","draftOrders":{"resourceType":"Bundle","type":"collection"}}}"#)?.field == "fhirServer")
        // A missing prefetch key is "not fulfilled"; null is "nothing found".
        let body = Self.body(hook: "patient-view", record: try Self.example("06-impending-femoral-fracture.json"), omit: ["imaging"])
        let request = try CDSRequest(parsing: body, service: try #require(CDSService.named("bonemet-patient-view")))
        #expect(request.unfulfilled == ["imaging"])
        #expect(try CDSRequest.resources(in: .null).isEmpty)
    }

    /// The CDS Hooks 2.0 specification's own requests (shared/data/fhir-public/cds-hooks-spec):
    /// they parse, and orders BoneMet has nothing to say about (a pureed diet, amoxicillin)
    /// get no card.
    @Test func theSpecificationsOwnRequests() throws {
        let folder = RealEHRImportTests.shared.appendingPathComponent("cds-hooks-spec")
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        let patientView = try String(contentsOf: folder.appendingPathComponent("spec-patient-view.request.json"), encoding: .utf8)
        let request = try CDSRequest(parsing: patientView, service: try #require(CDSService.named("bonemet-patient-view")))
        #expect(request.patientId == "1288992")
        #expect(request.fhirServer == "http://hooks.smarthealthit.org:9080")
        for (name, hook, service) in [
            ("spec-order-select-R4.context.json", "order-select", "bonemet-order-select"), ("spec-order-sign-R4.context.json", "order-sign", "bonemet-order-sign"),
        ] {
            let context = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let inner = try #require(try FHIRJSON.parse(context)["context"]).serialized()
            let body = #"{"hook":"\#(hook)","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","context":\#(inner),"prefetch":{"patient":{"resourceType":"Patient","id":"1288992","gender":"male","birthDate":"1925-12-23"}}}"#
            let parsed = try CDSRequest(parsing: body, service: try #require(CDSService.named(service)))
            #expect(!parsed.draftOrders.isEmpty, "\(name)")
            let record = CDSCards.record(patientId: parsed.patientId, resources: try parsed.prefetch.values.flatMap { try CDSRequest.resources(in: $0) })
            #expect(CDSCards.orders(request: parsed, record: record, context: Self.context).isEmpty, "\(name)")
        }
    }
}
