import BoneMetDomain
import BoneMetFHIR
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Testing

extension RealEHRImportTests {
    /// An unseen Chinese EHR bundle (ehr6, 2026-12-05): a renal-cell carcinoma's T8 metastasis,
    /// "脊髓压迫症" (G95.202), "截瘫（不完全性）" (G82.201), "高钙血症" with no code, dexamethasone
    /// and a stopped sunitinib order with its bounds. The paraplegia, the hypercalcaemia and the
    /// dexamethasone were dropped, and sunitinib read as given on its first day alone.
    func problemListBundle(_ extra: [String]) async throws -> (BulkImporter.Summary, CaseRecord) {
        let subject = #""subject": {"reference": "Patient/p6"}"#
        return try await importEntries([
            #"{"resource": {"resourceType": "Patient", "id": "p6", "gender": "male", "birthDate": "1961-07-07"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2024-01-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C64.x01"}], "text": "左肾透明细胞癌"}}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "bm", \#(subject), "onsetDateTime": "2026-10-20", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C79.501"}], "text": "胸椎继发恶性肿瘤"}, "bodySite": [{"text": "T8椎体"}]}}"#,
        ] + extra.map { #"{"resource": {"resourceType": \#($0), \#(subject)}}"# })
    }

    @Test func aDeficitOnTheProblemListIsTheNeurologicalStatusOfItsOnset() async throws {
        let (summary, record) = try await problemListBundle([
            #""Condition", "id": "para", "onsetDateTime": "2026-11-28", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "G82.201"}], "text": "截瘫（不完全性）"}"#,
            #""Condition", "id": "full", "onsetDateTime": "2026-11-30", "code": {"text": "完全性截瘫"}, "bodySite": [{"text": "T8"}]"#,
            #""Condition", "id": "cm", "onsetDateTime": "2026-12-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "G82.21"}]}"#,
            #""Condition", "id": "ces", "onsetDateTime": "2026-12-02", "code": {"text": "马尾综合征"}"#,
            #""Condition", "id": "old", "onsetDateTime": "2025-01-02", "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "resolved"}]}, "code": {"text": "不完全性截瘫"}"#,
        ])
        #expect(record.neurology.map(\.date.description) == ["2026-11-28", "2026-11-30", "2026-12-01", "2026-12-02"])
        #expect(record.neurology.map(\.status) == [.myelopathy, .myelopathy, .myelopathy, .caudaEquina])
        #expect(record.neurology.map(\.frankel) == [nil, .A, .A, nil], "incomplete is B–D: not settled; complete is A")
        #expect(record.neurology[1].lesion == "bm", "placed by its body site")
        #expect(summary.notes.contains { $0.resource == "Condition/para" && $0.message.contains("Frankel grade not stated") })
        #expect(summary.notes.contains { $0.resource == "Condition/old" && $0.message.contains("resolved: not used") })
    }

    @Test func eventsWrittenOnlyInWordsAreEventsButNotTheirRisk() async throws {
        let (_, record) = try await problemListBundle([
            #""Condition", "id": "hca", "onsetDateTime": "2026-11-28", "code": {"text": "高钙血症"}"#,
            #""Condition", "id": "fx", "onsetDateTime": "2026-11-29", "code": {"text": "Pathologic fracture"}, "bodySite": [{"text": "T8"}]"#,
            #""Condition", "id": "risk", "onsetDateTime": "2026-11-29", "code": {"text": "病理性骨折风险"}"#,
            #""Condition", "id": "htn", "onsetDateTime": "2020-01-01", "code": {"text": "高血压"}"#,
        ])
        #expect(record.events.map(\.kind) == [.pathologicalFracture, .hypercalcaemia] || record.events.map(\.kind) == [.hypercalcaemia, .pathologicalFracture])
        #expect(record.events.first { $0.kind == .pathologicalFracture }?.lesion == "bm")
        #expect(record.lesions.map(\.id) == ["bm"], "a metastasis text is not an event")
    }

    @Test func dexamethasoneIsKeptAndAnOrdersBoundsAreItsSpan() async throws {
        let (summary, record) = try await problemListBundle([
            #""MedicationRequest", "id": "sun", "status": "stopped", "intent": "order", "medicationCodeableConcept": {"text": "舒尼替尼 50mg"}, "authoredOn": "2024-02-01", "dosageInstruction": [{"timing": {"repeat": {"boundsPeriod": {"start": "2024-02-01", "end": "2026-10-25"}}}}]"#,
            #""MedicationRequest", "id": "dex", "status": "active", "intent": "order", "medicationCodeableConcept": {"text": "地塞米松磷酸钠注射液 10mg"}, "authoredOn": "2026-11-28""#,
            #""MedicationRequest", "id": "ppi", "status": "active", "intent": "order", "medicationCodeableConcept": {"text": "奥美拉唑肠溶胶囊"}, "authoredOn": "2026-11-28""#,
            #""Condition", "id": "scc", "onsetDateTime": "2026-11-28", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "G95.202"}], "text": "脊髓压迫症"}"#,
            #""DiagnosticReport", "id": "mri", "status": "final", "code": {"text": "胸椎MR平扫+增强"}, "effectiveDateTime": "2026-11-28", "conclusion": "T8椎体及附件骨质破坏伴软组织肿块形成，突入椎管，相应水平脊髓明显受压变形。""#,
        ])
        let sunitinib = try #require(record.treatments.first { $0.id == "sun" })
        #expect(sunitinib.end?.description == "2026-10-25")
        let dexamethasone = try #require(record.treatments.first { $0.id == "dex" })
        #expect(dexamethasone.kind == .systemic && dexamethasone.systemicClass == nil && dexamethasone.end == nil)
        #expect(!record.treatments.contains { $0.id == "ppi" }, "other supportive drugs are not ours")
        #expect(summary.notes.contains { $0.resource == "MedicationRequest/dex" && $0.message.hasPrefix("dexamethasone kept as supportive care") })
        let assessment = assess(record, asOf: try #require(PartialDate(year: 2026, month: 12, day: 1)))
        let emergency = try #require(assessment.findings.first { $0.severity == .urgent && $0.subject == .lesion("bm") })
        #expect(emergency.detail.en.contains("dexamethasone on record since 2026-11-28"))
        // The MRI sent as its report is the reading to record, not one to find.
        #expect(emergency.detail.en.contains("the MRI of 2026-11-28 is on record as its report only — record its reading of this vertebra"))
        #expect(emergency.detail.zhHans.contains("2026-11-28 MRI 检查仅有报告文本"))
        #expect(!assessment.findings.contains { $0.ruleId == "surgery.spine.deficitWithoutLesion" })
    }

    /// The same EHR's performance status under its own code, named in words: only LOINC was read.
    @Test func aPerformanceStatusNamedInWordsIsRead() async throws {
        let (summary, record) = try await problemListBundle([
            #""Observation", "id": "ps1", "status": "final", "code": {"coding": [{"system": "urn:local", "code": "PS01"}], "text": "ECOG评分"}, "effectiveDateTime": "2026-11-01", "valueInteger": 2"#,
            #""Observation", "id": "ps2", "status": "final", "code": {"text": "KPS评分"}, "effectiveDateTime": "2026-11-20", "valueString": "60分""#,
            #""Observation", "id": "ps3", "status": "final", "code": {"text": "体能状态评分"}, "effectiveDateTime": "2026-11-25", "valueQuantity": {"value": 7}"#,
            #""Observation", "id": "ps4", "status": "final", "code": {"text": "KPS"}, "effectiveDateTime": "2026-11-26", "valueInteger": 65"#,
        ])
        #expect(record.performance.map(\.ecog) == [2, nil])
        #expect(record.performance.map(\.kps) == [nil, 60])
        #expect(summary.notes.contains { $0.resource == "Observation/ps1" && $0.message.hasPrefix("ECOG read by its name") })
        #expect(!summary.notes.contains { $0.resource == "Observation/ps3" && $0.message.hasPrefix("ECOG") }, "ECOG 7 is no grade")
    }
}
