import BoneMetDomain
@testable import BoneMetFHIR
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Testing

/// An unseen Chinese hospital-information-system bundle (ehr9, 2026-12-05): a breast cancer coded
/// with China's ICD-10 OID, a "骨继发恶性肿瘤" sent by its text, laboratory reference ranges as text.
extension RealEHRImportTests {
    func hisPatient(_ entries: [String]) async throws -> (BulkImporter.Summary, CaseRecord) {
        try await importEntries([#"{"resource": {"resourceType": "Patient", "id": "h9", "gender": "female", "birthDate": "1962-07-15"}}"#] + entries)
    }

    func hisCondition(_ id: String, text: String, system: String? = nil, code: String? = nil, site: String? = nil) -> String {
        let coding = system.map { #""coding": [{"system": "\#($0)", "code": "\#(code ?? "")"}], "# } ?? ""
        let body = site.map { #", "bodySite": [{"text": "\#($0)"}]"# } ?? ""
        return #"{"resource": {"resourceType": "Condition", "id": "\#(id)", "subject": {"reference": "Patient/h9"}, "onsetDateTime": "2026-09-05", "code": {\#(coding)"text": "\#(text)"}\#(body)}}"#
    }

    /// China's national ICD-10 by its OID (WS/T 500's codeSystem 2.16.156.10011.2.3.3.11, and
    /// its tables under it) is ICD-10: "C50.401" is a breast cancer by its code, not by its text.
    @Test func chinasICD10OIDIsICD10() async throws {
        for system in ["urn:oid:2.16.156.10011.2.3.3.11", "urn:oid:2.16.156.10011.2.3.3.11.3", "2.16.156.10011.2.3.3.11"] {
            let (summary, record) = try await hisPatient([
                hisCondition("bc", text: "左乳腺癌术后", system: system, code: "C50.401"),
                hisCondition("bm", text: "继发性骨恶性肿瘤", system: system, code: "C79.500", site: "腰3椎体"),
            ])
            #expect(record.primaries.map(\.site) == [.breast], "\(system)")
            #expect(record.lesions.map { $0.level?.description } == ["L3"], "\(system)")
            #expect(!summary.notes.contains { $0.message.contains("recognised by text") }, "\(system): by its code")
        }
        // A morphology code carried under the same OID ("M8440/3" cystadenocarcinoma) is no
        // pathological fracture (ICD-10 M84.4).
        let (_, morphology) = try await hisPatient([
            hisCondition("bc", text: "卵巢癌", system: "urn:oid:2.16.156.10011.2.3.3.11", code: "C56.x00"),
            hisCondition("mo", text: "囊腺癌", system: "urn:oid:2.16.156.10011.2.3.3.11.2", code: "M8440/3"),
            hisCondition("fx", text: "病理性骨折", system: "urn:oid:2.16.156.10011.2.3.3.11", code: "M84.400"),
        ])
        #expect(morphology.events.count == 1, "the fracture coded M84.400 only")
        #expect(!CancerCodes.isICD10("urn:oid:2.16.156.10011.2.3.3.12"), "ICD-9-CM-3, the operations' table")
        #expect(!CancerCodes.isICD10("urn:oid:2.16.156.10011.2.3.3.110"))
    }

    /// China's ICD-10 names the secondaries "继发恶性肿瘤": "骨继发恶性肿瘤" by its text became a
    /// second primary of site "other" — "more than one candidate primary" on every score — and
    /// its left iliac lesion was lost.
    @Test func aSecondaryMalignantTumourInChineseIsAMetastasis() async throws {
        let (_, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            hisCondition("bm", text: "骨继发恶性肿瘤", site: "左侧髂骨"),
            hisCondition("lv", text: "肝继发性恶性肿瘤"),
        ])
        #expect(record.primaries.map(\.id) == ["bc"])
        // "继发" beside a cancer word only: a therapy-related leukaemia is a second cancer.
        if case .recognised(.secondary) = CancerCodes.fromText("乳腺癌化疗后继发白血病") { Issue.record("read as a metastasis") }
        if case .recognised(.boneMetastasis) = CancerCodes.fromText("继发性骨恶性肿瘤") {} else { Issue.record("not read as a bone metastasis") }
        let lesion = try #require(record.lesions.first)
        #expect(lesion.bone == .pelvis)
        #expect(lesion.laterality == .left)
        #expect(record.visceralMetastases?.map(\.organ) == ["肝继发性恶性肿瘤"])
    }

    /// A reference range sent as its text only ("2.11-2.52", "0-25") is the result's limits, with a
    /// note; two ranges or words are not read.
    @Test func aReferenceRangeWrittenAsTextIsRead() async throws {
        func lab(_ id: String, _ name: String, _ value: String, range: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/h9"}, "effectiveDateTime": "2026-11-20", "code": {"text": "\#(name)"}, "valueQuantity": \#(value), "referenceRange": [{"text": "\#(range)"}]}}"#
        }
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            lab("ca", "钙", #"{"value": 2.85, "unit": "mmol/L"}"#, range: "2.11-2.52"),
            lab("m", "糖类抗原15-3", #"{"value": 88.2, "unit": "U/ml"}"#, range: "0～25 U/ml"),
            lab("cr", "肌酐", #"{"value": 68, "unit": "umol/L"}"#, range: "男: 53-115; 女: 44-97"),
        ])
        let calcium = try #require(record.labs.first { $0.test == .calcium })
        #expect(calcium.lowerLimit == 2.11 && calcium.upperLimit == 2.52)
        let marker = try #require(record.labs.first { $0.test == .ca153 })
        #expect(marker.lowerLimit == 0 && marker.upperLimit == 25)
        let creatinine = try #require(record.labs.first { $0.test == .creatinine })
        #expect(creatinine.lowerLimit == nil && creatinine.upperLimit == nil, "two ranges: not read")
        #expect(summary.notes.contains { $0.resource == "Observation/ca" && $0.message.contains("reference range read from its text \"2.11-2.52\"") })
    }

    /// ehr10: a weight of 58 kg sent with a local code ("体重") was not read — "record weight"
    /// beside zoledronic acid 4 mg given at a clearance of 38 mL/min. FHIR's body-weight codes
    /// and the weight named in words are read, in kg, g or pounds.
    @Test func aBodyWeightNamedInWordsIsRead() async throws {
        func weight(_ id: String, name: String, date: String, value: String, loinc: String? = nil) -> String {
            let coding = loinc.map { #"{"system": "http://loinc.org", "code": "\#($0)"}"# } ?? #"{"system": "urn:oid:1.2.156.999.1", "code": "TZ"}"#
            return #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/h9"}, "effectiveDateTime": "\#(date)", "code": {"coding": [\#(coding)], "text": "\#(name)"}, \#(value)}}"#
        }
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            weight("w1", name: "体重", date: "2026-11-01", value: #""valueQuantity": {"value": 58, "unit": "kg"}"#),
            weight("w2", name: "体重（kg）", date: "2026-11-08", value: #""valueString": "61.5公斤""#),
            weight("w3", name: "Body weight Measured", date: "2026-11-15", value: #""valueQuantity": {"value": 70000, "unit": "g", "system": "http://unitsofmeasure.org", "code": "g"}"#, loinc: "3141-9"),
            weight("w4", name: "体重", date: "2026-11-22", value: #""valueQuantity": {"value": 60}"#),
            weight("bmi", name: "体重指数", date: "2026-11-01", value: #""valueQuantity": {"value": 22.5, "unit": "kg/m2"}"#),
            weight("ideal", name: "理想体重", date: "2026-11-01", value: #""valueQuantity": {"value": 65, "unit": "kg"}"#),
        ])
        #expect(record.patient.weights.map(\.kg) == [58, 61.5, 70, 60])
        #expect(summary.notes.contains { $0.resource == "Observation/w1" && $0.message.contains("body weight read by its name \"体重\"") })
        #expect(summary.notes.contains { $0.resource == "Observation/w4" && $0.message.contains("no unit sent — read in kg") })
    }

    /// ehr10: a spine department's "Frankel分级" of "C级" under its own code was "observation not
    /// used" — the compressing T11 read as no deficit on record. Read by its name on the lesion
    /// its body site names (an Observation's one CodeableConcept); ASIA's scale is not Frankel's.
    @Test func aFrankelGradeNamedInWordsIsTheNeurologicalStatus() async throws {
        func grade(_ id: String, name: String, date: String, value: String, site: String? = nil) -> String {
            let body = site.map { #", "bodySite": {"text": "\#($0)"}"# } ?? ""
            return #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/h9"}, "effectiveDateTime": "\#(date)", "code": {"coding": [{"system": "urn:oid:1.2.156.999.1", "code": "FK"}], "text": "\#(name)"}, "valueString": "\#(value)"\#(body)}}"#
        }
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            hisCondition("bm", text: "骨转移", site: "胸11椎体、腰2椎体"),
            grade("f1", name: "Frankel分级", date: "2026-11-01", value: "E级"),
            grade("f2", name: "脊髓损伤Frankel分级", date: "2026-11-25", value: "Frankel C级", site: "胸11"),
            grade("f3", name: "Frankel评分", date: "2026-11-26", value: "不详"),
            grade("asia", name: "ASIA分级", date: "2026-11-26", value: "C"),
        ])
        // ASIA's C is a deficit, not Frankel's grade C (ehr22: read as a deficit without a Frankel grade).
        // In the order the resources are read (by id: asia, f1, f2).
        #expect(record.neurology.map(\.frankel) == [nil, .E, .C])
        #expect(record.neurology.map(\.status) == [.myelopathy, .intact, .myelopathy])
        #expect(record.neurology.map(\.lesion) == [nil, nil, "bm-1"], "the body site names T11")
        #expect(summary.notes.contains { $0.resource == "Observation/f3" && $0.message.contains("its value not read") })
        #expect(summary.notes.contains { $0.resource == "Observation/asia" && $0.message == "ASIA C read by its name as a deficit (myelopathy), Frankel grade not stated — confirm with the examination" })
    }

    /// ehr11: a prostate cancer's PSA "<0.003" sent as text without a unit was "a bound, not a value"
    /// (unit-less, no PCWG3 rule reads it) — the later 3.6 ng/mL looked like a fall from 230; its
    /// "睾酮" was not used; its birth date "1957-3-2" and a metastasis's onset "2024/05/10" were
    /// dropped without a word.
    @Test func aProstateCancersLaboratoryAsAChineseSystemSendsIt() async throws {
        func lab(_ id: String, _ name: String, _ date: String, _ value: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/p11"}, "effectiveDateTime": "\#(date)", "code": {"coding": [{"system": "urn:oid:1.2.156.999.1", "code": "\#(id)"}], "text": "\#(name)"}, \#(value)}}"#
        }
        let subject = #""subject": {"reference": "Patient/p11"}"#
        let (summary, record) = try await importEntries([
            #"{"resource": {"resourceType": "Patient", "id": "p11", "gender": "male", "birthDate": "1957-3-2"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2024-05-06 10:00:00", "code": {"text": "前列腺癌"}}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "bm", \#(subject), "onsetDateTime": "2024/5/10", "code": {"text": "骨继发恶性肿瘤"}, "bodySite": [{"text": "L2椎体"}]}}"#,
            lab("psa1", "总前列腺特异性抗原", "2024-05-05 08:00:00", #""valueQuantity": {"value": 230, "unit": "ng/ml"}"#),
            lab("psa2", "总前列腺特异性抗原", "2026-06-05 08:00:00", #""valueString": "<0.003""#),
            lab("tst", "睾酮", "2026-11-05", #""valueQuantity": {"value": 0.3, "unit": "nmol/L"}"#),
        ])
        #expect(record.patient.birthDate?.description == "1957-03-02")
        #expect(record.primaries.first?.diagnosed?.description == "2024-05-06")
        #expect(record.lesions.first?.diagnosed?.description == "2024-05-10")
        let nadir = try #require(record.labs.first { $0.test == .psa && $0.date.description == "2026-06-05" })
        #expect(nadir.value == 0.003 && nadir.unit == "ng/mL")
        #expect(summary.notes.contains { $0.resource == "Observation/psa2" && $0.message.contains("psa sent without a unit: read in ng/mL") })
        #expect(record.labs.contains { $0.test == .testosterone && $0.value == 0.3 && $0.unit == "nmol/L" })
    }

    /// ehr12: a Chinese laboratory prints each test as its name and its abbreviation, "肌酐(Cr)" —
    /// none of a report's fifteen results was read. The brackets go when they hold an
    /// abbreviation or a specimen; ionised calcium, urine values and free PSA stay unread.
    @Test func aTestPrintedWithItsAbbreviationIsRead() async throws {
        func lab(_ id: String, _ name: String, _ value: Double, _ unit: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/h9"}, "effectiveDateTime": "2026-11-20", "code": {"coding": [{"system": "urn:oid:1.2.156.999.1", "code": "\#(id)"}], "text": "\#(name)"}, "valueQuantity": {"value": \#(value), "unit": "\#(unit)"}}}"#
        }
        let (_, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            lab("cr", "肌酐(Cr)", 75, "umol/L"), lab("ca", "钙（血清）", 2.9, "mmol/L"), lab("plt", "血小板计数(PLT)", 180, "10^9/L"),
            lab("lym", "淋巴细胞绝对值(LYM#)", 1.2, "10^9/L"), lab("alb", "ALB(白蛋白)", 35, "g/L"), lab("m", "糖类抗原CA15-3", 60, "U/mL"),
            lab("ica", "离子钙(iCa)", 1.3, "mmol/L"), lab("ucr", "尿肌酐", 8000, "umol/L"), lab("fpsa", "游离前列腺特异性抗原(fPSA)", 0.4, "ng/mL"),
        ])
        #expect(record.labs.map(\.test).sorted { $0.rawValue < $1.rawValue } == [.albumin, .ca153, .calcium, .creatinine, .lymphocytes, .platelets])
        #expect(FHIRCaseMapper.nameKeys("肌酐(酶法)") == ["肌酐(酶法)", "肌酐(酶法)"], "a method is part of the name")
    }

    /// ehr12: "腰椎转移瘤伴病理性骨折" — one problem-list diagnosis naming the metastasis and its
    /// fracture — gave the lesion and lost the fracture.
    @Test func aMetastasisNamingItsFractureGivesTheEvent() async throws {
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            hisCondition("bm", text: "腰椎转移瘤伴病理性骨折", site: "L1椎体"),
            hisCondition("bm2", text: "右股骨转移瘤（病理性骨折风险高）", site: "右股骨"),
        ])
        #expect(record.events.map(\.kind) == [.pathologicalFracture])
        #expect(record.events.first?.lesion == "bm")
        #expect(record.lesions.count == 2)
        #expect(summary.notes.contains { $0.resource == "Condition/bm" && $0.message.contains("named in the metastasis's text") })
        // The same fracture also recorded on its own is one event, not two.
        let (_, twice) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            hisCondition("bm", text: "腰椎转移瘤伴病理性骨折", site: "L1椎体"),
            hisCondition("fx", text: "病理性骨折", site: "L1椎体"),
        ])
        #expect(twice.events.map { "\($0.kind.rawValue) \($0.lesion ?? "")" } == ["pathologicalFracture bm"])
    }

    /// ehr18: a problem list's "胸6椎体病理性压缩骨折" (the fracture's kind between "病理性" and
    /// "骨折") and "双下肢不全瘫" were read as nothing, and a decompression whose body site said
    /// "胸5-6" was placed on neither vertebra.
    @Test func aCompressionFractureAPalsyAndAnOperationOnTwoLevelsAreRead() async throws {
        let (_, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            hisCondition("bm", text: "骨继发恶性肿瘤", site: "胸5、胸6椎体，骶骨"),
            hisCondition("fx", text: "胸6椎体病理性压缩骨折"),
            hisCondition("para", text: "双下肢不全瘫"),
            #"{"resource": {"resourceType": "Procedure", "id": "op", "status": "completed", "subject": {"reference": "Patient/h9"}, "performedDateTime": "2026-09-08", "code": {"text": "胸椎后路减压椎弓根钉内固定术"}, "bodySite": [{"text": "胸5-6"}]}}"#,
        ])
        #expect(record.lesions.map { $0.level?.description ?? $0.bone.rawValue } == ["T5", "T6", "sacrum"])
        #expect(record.events.map { "\($0.kind.rawValue) \($0.lesion ?? "")" } == ["pathologicalFracture bm-2"])
        #expect(record.neurology.map(\.status) == [.myelopathy])
        #expect(record.treatments.first { $0.id == "op" }?.lesions == ["bm-1", "bm-2"])
        // Words that are no fracture or no cord deficit stay unread.
        #expect(EventCodes.kinds(text: "病理性骨折风险高").isEmpty)
        #expect(EventCodes.kinds(text: "病理检查：骨质疏松，既往外伤骨折").isEmpty)
        #expect(EventCodes.kinds(text: "pathological compression fracture of T6") == [.pathologicalFracture])
        #expect(DeficitCodes.deficit(.object([.init("text", .string("左侧偏瘫"))]), words: true) == nil)
        #expect(DeficitCodes.deficit(.object([.init("text", .string("双下肢瘫痪"))]), words: true)?.status == .myelopathy)
    }

    /// ehr18: the plan "胸5-6 术后放疗 30Gy/10F" came as a ServiceRequest, which the import skipped.
    /// A request for radiotherapy or an operation, still to be done, is that treatment planned on
    /// its occurrence date; one carried out since (the operation on record) is no plan; other
    /// requests (a blood count) and finished ones are not read, silently.
    @Test func aRequestForRadiotherapyOrAnOperationIsItsPlan() async throws {
        func request(_ id: String, _ name: String, status: String = "active", authored: String = "2026-11-20", on date: String = "2026-12-08") -> String {
            #"{"resource": {"resourceType": "ServiceRequest", "id": "\#(id)", "status": "\#(status)", "intent": "order", "subject": {"reference": "Patient/h9"}, "authoredOn": "\#(authored)", "occurrenceDateTime": "\#(date)", "code": {"text": "\#(name)"}}}"#
        }
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            hisCondition("bm", text: "骨继发恶性肿瘤", site: "胸5、胸6椎体，右股骨"),
            request("rt", "胸5-6 术后放疗 30Gy/10F"),
            request("cbc", "血常规", status: "completed"),
            request("mri", "腰椎MRI平扫"),
            request("old", "右股骨放疗 8Gy/1F", status: "completed"),
            request("nail", "右股骨髓内钉内固定术", authored: "2026-09-01", on: "2026-09-10"),
            #"{"resource": {"resourceType": "Procedure", "id": "op", "status": "completed", "subject": {"reference": "Patient/h9"}, "performedDateTime": "2026-09-12", "code": {"text": "右股骨髓内钉内固定术"}}}"#,
        ])
        let course = try #require(record.treatments.first { $0.id == "rt" })
        #expect(course.kind == .radiotherapy && course.planned && course.start?.description == "2026-12-08")
        #expect(course.lesions == ["bm-1", "bm-2"] && course.doseGy == 30 && course.fractions == 10)
        #expect(record.treatments.map(\.id).sorted() == ["op", "rt"], "the done plan, the finished course and other requests are not rows")
        #expect(summary.notes.contains { $0.resource == "ServiceRequest/nail" && $0.message.contains("request carried out by op of 2026-09-12") })
        #expect(!summary.notes.contains { ["ServiceRequest/cbc", "ServiceRequest/mri", "ServiceRequest/old"].contains($0.resource) })
    }

    /// ehr22: a spine-surgery ward's "SINS评分" 13, "改良Tokuhashi评分" 10, "硬膜外脊髓压迫分级(ESCC)"
    /// 3级 and "ASIA分级" C were dropped without a word. BoneMet scores them from their items, so
    /// the totals are not taken; the notes say so, with the value and what to record.
    @Test func aScoreBoneMetWorksOutItselfIsSaidNotTaken() async throws {
        func score(_ id: String, _ name: String, _ value: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/h9"}, "effectiveDateTime": "2026-11-12", "code": {"text": "\#(name)"}, \#(value)}}"#
        }
        let (summary, record) = try await hisPatient([
            hisCondition("kc", text: "右肾透明细胞癌术后"),
            hisCondition("bm", text: "骨转移", site: "L3椎体"),
            score("sins", "SINS评分", #""valueInteger": 13"#),
            score("tok", "改良Tokuhashi评分", #""valueInteger": 10"#),
            score("escc", "硬膜外脊髓压迫分级(ESCC)", #""valueString": "3级""#),
            score("asia", "ASIA分级", #""valueString": "C""#),
            score("race", "Ethnicity", #""valueString": "Caucasian""#),
        ])
        func note(_ id: String) -> String? { summary.notes.first { $0.resource == "Observation/\(id)" }?.message }
        #expect(note("sins")?.hasPrefix("SINS 13 recorded by name: BoneMet scores it from its items, not from a total — not used; record the lesion's CT or MRI reading") == true, "\(note("sins") ?? "")")
        #expect(note("tok")?.hasPrefix("revised Tokuhashi 10 recorded by name") == true)
        #expect(note("escc")?.hasPrefix("ESCC 3级 recorded by name: BoneMet reads the grade on an imaging study's reading of its lesion") == true)
        // ASIA's grade is read as the neurological status (a deficit, no Frankel grade); one not read is said.
        #expect(note("asia")?.hasPrefix("ASIA C read by its name as a deficit") == true)
        #expect(note("race") == nil)
        #expect(record.neurology.map(\.status) == [.myelopathy] && record.neurology.first?.frankel == nil)
        #expect(record.studies.isEmpty, "nothing taken from the scores")
        let (unread, _) = try await hisPatient([hisCondition("kc", text: "右肾透明细胞癌术后"), score("asia", "ASIA分级", #""valueString": "不详""#)])
        #expect(unread.notes.contains { $0.resource == "Observation/asia" && $0.message.hasPrefix("ASIA impairment scale 不详 recorded by name: its grade was not read (A–E) — not used") })
    }

    /// ehr24: a discharge summary's diagnoses as one Condition, numbered — read as one lung cancer
    /// and one lesion of bone "other" whose note was the whole list. Item by item now.
    @Test func aNumberedListOfDiagnosesIsReadItemByItem() async throws {
        let (summary, record) = try await hisPatient([
            hisCondition("dx", text: "1.右肺腺癌（cT3N2M1c IVB期，EGFR 19del） 2.多发骨转移（T10、L2椎体，右股骨近端） 3.病理性骨折（右股骨近端） 4.高钙血症 5.高血压病2级"),
        ])
        #expect(record.primaries.map(\.site) == [.lung])
        #expect(record.lesions.map { $0.level?.description ?? "\($0.laterality?.rawValue ?? "") \($0.bone.rawValue)" } == ["T10", "L2", "right femur"])
        #expect(record.events.map { "\($0.kind.rawValue) \($0.lesion ?? "")" }.sorted() == ["hypercalcaemia ", "pathologicalFracture dx-2-3"])
        #expect(summary.notes.contains { $0.resource == "Condition/dx" && $0.message.hasPrefix("a numbered list of 5 diagnoses: read item by item as dx-1 … dx-5") })
        // The list's forms, and texts that number nothing.
        #expect(FHIRCaseMapper.numberedItems("1、乳腺癌术后；2、骨转移") == ["乳腺癌术后", "骨转移"])
        #expect(FHIRCaseMapper.numberedItems("(1)肺癌 (2)骨转移 (3)高钙血症") == ["肺癌", "骨转移", "高钙血症"])
        #expect(FHIRCaseMapper.numberedItems("①前列腺癌②骨转移") == ["前列腺癌", "骨转移"])
        #expect(FHIRCaseMapper.numberedItems("出院诊断：1.肺癌 2.骨转移") == ["肺癌", "骨转移"])
        #expect(FHIRCaseMapper.numberedItems("Diagnoses: 1. lung cancer 2. bone metastases") == ["lung cancer", "bone metastases"])
        #expect(FHIRCaseMapper.numberedItems("高血压病2级") == nil)
        #expect(FHIRCaseMapper.numberedItems("1.乳腺癌") == nil, "one item is no list")
        #expect(FHIRCaseMapper.numberedItems("唑来膦酸 1.5mg 2.0mg") == nil)
        #expect(FHIRCaseMapper.numberedItems("2.骨转移 1.肺癌") == nil, "not in order from 1")
    }

    /// ehr13: ten monthly zoledronic acid orders "4mg 静脉滴注 st", all completed, were a course with
    /// no dose on record. A completed order for one dose is the dose given on its day; an active
    /// one, or a completed order for a course ("q4w"), is not.
    @Test func aCompletedOrderForOneDoseIsTheDoseGiven() async throws {
        func order(_ id: String, _ date: String, status: String = "completed", dosage: String) -> String {
            #"{"resource": {"resourceType": "MedicationRequest", "id": "\#(id)", "status": "\#(status)", "intent": "order", "subject": {"reference": "Patient/h9"}, "authoredOn": "\#(date)", "medicationCodeableConcept": {"text": "注射用唑来膦酸"}, "dosageInstruction": [\#(dosage)]}}"#
        }
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            order("z1", "2026-09-04", dosage: #"{"text": "4mg 静脉滴注 st"}"#),
            order("z2", "2026-10-02", dosage: #"{"timing": {"repeat": {"count": 1}}}"#),
            order("z3", "2026-10-30", dosage: #"{"text": "4mg ivgtt 单次"}"#),
            order("z4", "2026-11-27", status: "active", dosage: #"{"text": "4mg 静脉滴注 st"}"#),
            order("z5", "2026-08-01", dosage: #"{"text": "4mg ivgtt q4w"}"#),
        ])
        let course = try #require(record.treatments.first { $0.kind == .boneModifyingAgent })
        #expect(course.doses.map(\.description) == ["2026-09-04", "2026-10-02", "2026-10-30"])
        // A dose in Chinese units ("毫克") is read.
        let (_, dosed) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            #"{"resource": {"resourceType": "MedicationAdministration", "id": "d1", "status": "completed", "subject": {"reference": "Patient/h9"}, "effectiveDateTime": "2026-11-01", "medicationCodeableConcept": {"text": "地舒单抗注射液"}, "dosage": {"dose": {"value": 120, "unit": "毫克"}}}}"#,
        ])
        #expect(dosed.treatments.first { $0.kind == .boneModifyingAgent }?.doseMg == 120)
        #expect(summary.notes.contains { $0.resource == "MedicationRequest/z1" && $0.message.contains("read as the dose given on 2026-09-04") })
        #expect(!summary.notes.contains { $0.resource == "MedicationRequest/z5" && $0.message.contains("dose given") })
    }

    /// ehr14: an operating list as a Chinese EHR sends it. "右侧髋臼周围肿瘤切除+骨盆重建术" named two
    /// bones and was dropped without a word; "L4椎体转移瘤穿刺活检术" too, and the lesion still read
    /// "biopsy indicated"; an ablation and an implant removal vanished unsaid.
    @Test func anOperatingListIsReadSiteBySite() async throws {
        func procedure(_ id: String, _ name: String, _ date: String) -> String {
            #"{"resource": {"resourceType": "Procedure", "id": "\#(id)", "status": "completed", "subject": {"reference": "Patient/h9"}, "performedDateTime": "\#(date)", "code": {"text": "\#(name)"}}}"#
        }
        let report = #"{"resource": {"resourceType": "DiagnosticReport", "id": "path", "status": "final", "subject": {"reference": "Patient/h9"}, "category": [{"text": "病理"}], "code": {"text": "病理诊断报告"}, "effectiveDateTime": "2026-06-18", "conclusion": "（T10椎体穿刺活检）转移性腺癌，符合乳腺来源。"}}"#
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            hisCondition("bm", text: "骨转移", site: "T10、L4椎体，右髋臼"),
            procedure("op1", "右侧髋臼周围肿瘤切除+骨盆重建术", "2026-07-01"),
            procedure("op2", "L4椎体转移瘤穿刺活检术", "2026-06-14"),
            procedure("op3", "T10椎体穿刺活检术", "2026-06-14"), report,
            procedure("op4", "T10椎体射频消融术", "2026-08-01"),
            procedure("op5", "肺穿刺活检术", "2026-05-01"),
            procedure("op6", "结肠镜检查", "2026-05-02"),
        ])
        let resection = try #require(record.treatments.first { $0.id == "op1" })
        #expect(resection.procedure == .resection)
        #expect(resection.lesions == ["bm-3"])
        #expect(record.biopsies.map { "\($0.lesion ?? "") \($0.result?.rawValue ?? "")" }.sorted() == ["bm-1 metastasis", "bm-2 pending"], "the T10 biopsy's result stands; L4's awaits its own")
        // The result is dated the day its tissue was taken (ehr37: the report's date had stood).
        #expect(record.biopsies.first { $0.lesion == "bm-1" }?.date == PartialDate("2026-06-14"))
        #expect(summary.notes.contains { $0.resource == "Procedure/op3" && $0.message.contains("taken on 2026-06-14: its pathology, reported on 2026-06-18, dated then") })
        #expect(summary.notes.contains { $0.resource == "Procedure/op4" && $0.message.contains("not used — \"T10椎体射频消融术\"") })
        #expect(!summary.notes.contains { $0.resource == "Procedure/op5" || $0.resource == "Procedure/op6" }, "not on bone: not BoneMet's")
    }

    /// ehr37: "CT引导下骨穿刺活检术" of the left ilium on 2026-10-15, its pathology signed 2026-10-19 —
    /// the biopsy was dated by the report. Dated by its tissue; of two biopsies of one lesion the
    /// result is the later one's.
    @Test func aPathologyIsDatedByTheTissueItReports() async throws {
        func procedure(_ id: String, _ date: String) -> String {
            #"{"resource": {"resourceType": "Procedure", "id": "\#(id)", "status": "completed", "subject": {"reference": "Patient/h9"}, "performedDateTime": "\#(date)", "code": {"text": "CT引导下骨穿刺活检术"}, "bodySite": [{"text": "左侧髂骨"}]}}"#
        }
        let report = #"{"resource": {"resourceType": "DiagnosticReport", "id": "path", "status": "final", "subject": {"reference": "Patient/h9"}, "category": [{"text": "病理"}], "code": {"text": "病理诊断报告"}, "effectiveDateTime": "2026-10-19", "conclusion": "（左髂骨穿刺）转移性腺癌，结合免疫组化符合肺来源。"}}"#
        let (_, record) = try await hisPatient([
            hisCondition("lc", text: "右肺腺癌"), hisCondition("bm", text: "骨转移", site: "左侧髂骨"),
            procedure("b1", "2026-09-20"), procedure("b2", "2026-10-15"), report,
        ])
        #expect(record.biopsies.count == 1)
        #expect(record.biopsies.first?.date == PartialDate("2026-10-15"))
        #expect(record.biopsies.first?.result == .metastasis)
    }

    /// ehr14: a dental consultation and a ward's pain score recorded by their names were not read —
    /// "No dental examination before zoledronic acid" beside the consultation on record.
    @Test func aDentalExaminationAndAPainScoreNamedInWordsAreRead() async throws {
        let subject = #""subject": {"reference": "Patient/h9"}"#
        func score(_ id: String, _ name: String, _ value: String, site: String? = nil) -> String {
            let body = site.map { #", "bodySite": {"text": "\#($0)"}"# } ?? ""
            return #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", \#(subject), "effectiveDateTime": "2026-11-20", "code": {"coding": [{"system": "urn:oid:1.2.156.999.1", "code": "\#(id)"}], "text": "\#(name)"}, \#(value)\#(body)}}"#
        }
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            hisCondition("bm", text: "骨转移", site: "L3椎体"),
            #"{"resource": {"resourceType": "Procedure", "id": "den", "status": "completed", \#(subject), "performedDateTime": "2026-09-08", "code": {"text": "口腔科会诊"}}}"#,
            #"{"resource": {"resourceType": "Procedure", "id": "ext", "status": "completed", \#(subject), "performedDateTime": "2026-09-09", "code": {"text": "拔牙术"}}}"#,
            score("p1", "疼痛评分(NRS)", #""valueInteger": 7"#, site: "腰3"),
            score("p2", "疼痛评分", #""valueString": "3分""#),
            score("n1", "NRS2002营养风险筛查", #""valueInteger": 3"#),
            score("n2", "NRS评分", #""valueInteger": 4"#),
            score("v1", "疼痛评分", #""valueInteger": 70"#),
            // ehr20: a visual analogue scale of pain, 0–10.
            score("v2", "VAS评分", #""valueQuantity": {"value": 6, "unit": "分"}"#),
        ])
        #expect(record.dentalExams.map(\.description) == ["2026-09-08"], "an extraction is no examination")
        #expect(record.pain.map(\.nrs) == [7, 3, 6])
        #expect(record.pain.map(\.lesion) == ["bm", nil, nil])
        #expect(summary.notes.contains { $0.resource == "Observation/v1" && $0.message.contains("not 0–10") })
    }

    /// ehr15: a problem list writing the primary and its metastasis as one diagnosis —
    /// "右肺腺癌伴多发骨转移" — came in with the lesion and no primary: an unknown primary for every
    /// score. The primary it names is recorded where the record has none of that site.
    @Test func aMetastasisNamingItsPrimaryGivesThePrimary() async throws {
        let (summary, record) = try await hisPatient([hisCondition("bm", text: "右肺腺癌伴多发骨转移")])
        #expect(record.primaries.map(\.site) == [.lung])
        #expect(record.primaries.first?.histologyType == .adenocarcinoma)
        #expect(record.primaries.first?.diagnosed == nil, "the metastasis's onset is not the primary's diagnosis")
        #expect(summary.notes.contains { $0.resource == "Condition/bm" && $0.message.contains("primary cancer (lung) named in the metastasis's text") })
        let (_, both) = try await hisPatient([hisCondition("lc", text: "肺腺癌"), hisCondition("bm", text: "肺癌骨转移", site: "L2椎体")])
        #expect(both.primaries.map(\.id) == ["lc"], "a primary of that site on record: none added")
        let (_, liver) = try await hisPatient([hisCondition("lv", text: "乳腺癌肝转移"), hisCondition("bm", text: "骨转移", site: "L2椎体")])
        #expect(liver.primaries.map(\.site) == [.breast])
        #expect(liver.visceralMetastases?.count == 1)
        let cases: [(String, PrimarySite?)] = [
            ("乳腺癌骨转移", .breast), ("前列腺癌伴骨转移", .prostate), ("Metastatic prostate cancer to bone", .prostate),
            ("bone metastasis from carcinoma of the breast", .breast), ("乳腺癌肝转移、骨转移", .breast), ("renal cell carcinoma, bone metastases", .kidney),
            ("骨转移瘤", nil), ("肝转移", nil), ("肺癌、前列腺癌骨转移", nil), ("多发骨继发恶性肿瘤", nil),
        ]
        for (text, site) in cases {
            #expect(FHIRCaseMapper.primaryNamed(inMetastasisText: text) == site, "\(text)")
        }
    }

    /// ehr13: pemetrexed every 3 weeks, each cycle a completed order, the last 10 days before —
    /// "目前无治疗" on the first line. A regimen of cycles given acts until its next is due: its end
    /// is the last cycle plus its median gap; stopped, or given once, it ends as written.
    @Test func aRegimenOfCyclesGivenActsUntilTheNextIsDue() async throws {
        func order(_ id: String, _ drug: String, _ date: String, status: String = "completed") -> String {
            #"{"resource": {"resourceType": "MedicationRequest", "id": "\#(id)", "status": "\#(status)", "intent": "order", "subject": {"reference": "Patient/h9"}, "authoredOn": "\#(date)", "medicationCodeableConcept": {"text": "\#(drug)"}}}"#
        }
        let (_, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            order("p1", "培美曲塞二钠注射液", "2026-10-14"), order("p2", "培美曲塞二钠注射液", "2026-11-04"), order("p3", "培美曲塞二钠注射液", "2026-11-25"),
            order("c1", "卡铂注射液", "2026-06-01"), order("c2", "卡铂注射液", "2026-06-22", status: "stopped"),
            order("e1", "艾立布林注射液", "2026-05-01"),
        ])
        func end(_ id: String) -> String? { record.treatments.first { $0.id == id }?.end?.description }
        #expect(end("p1") == "2026-12-16", "the last cycle plus 21 days")
        #expect(end("c1") == "2026-06-22", "stopped: as written")
        #expect(end("e1") == "2026-05-01", "given once: as written")
    }

    /// A myeloma work-up as a Chinese laboratory names it: "M蛋白" and "血清游离轻链κ/λ比值" were not
    /// read, so the myeloma differential lacked its two markers (IMWG).
    @Test func aMyelomaWorkUpNamedInWordsIsRead() async throws {
        func lab(_ id: String, _ name: String, _ value: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/h9"}, "effectiveDateTime": "2026-11-20", "code": {"coding": [{"system": "urn:oid:1.2.156.999.1", "code": "\#(id)"}], "text": "\#(name)"}, \#(value)}}"#
        }
        let (_, record) = try await hisPatient([
            hisCondition("bc", text: "左乳腺癌术后"),
            lab("m", "M蛋白定量", #""valueQuantity": {"value": 1.8, "unit": "g/dL"}"#),
            lab("r", "血清游离轻链κ/λ比值", #""valueQuantity": {"value": 12.5}, "referenceRange": [{"text": "0.26-1.65"}]"#),
        ])
        #expect(record.labs.first { $0.test == .mProtein }?.value == 1.8)
        let ratio = try #require(record.labs.first { $0.test == .freeLightChainRatio })
        #expect(ratio.value == 12.5 && ratio.upperLimit == 1.65)
    }

    /// ehr17: a metastasis sent without a body site whose text names its sites — "骨转移（T12、L1椎体）"
    /// became one vertebra of no level, "骨转移瘤 L3" a bone "other", "Bone metastases: T10, L2 and
    /// right iliac bone" the pelvis alone. The text is the site as written.
    @Test func aMetastasisTextNamingItsSitesIsItsBodySite() async throws {
        let cases: [(String, [String])] = [
            ("骨转移（T12、L1椎体）", ["T12", "L1"]),
            ("骨转移瘤 L3", ["L3"]),
            ("Bone metastases: T10, L2 and right iliac bone", ["T10", "L2", "pelvis"]),
            ("多发骨转移（胸腰椎、骨盆、双侧股骨）", ["vertebra", "pelvis", "femur"]),
            ("右股骨近端转移瘤", ["femur"]),
            ("Secondary malignant neoplasm of bone", ["other"]),
        ]
        for (text, expected) in cases {
            let (_, record) = try await hisPatient([hisCondition("lc", text: "肺腺癌"), hisCondition("bm", text: text)])
            #expect(record.lesions.map { $0.level?.description ?? $0.bone.rawValue } == expected, "\(text)")
        }
        let (_, femur) = try await hisPatient([hisCondition("lc", text: "肺腺癌"), hisCondition("bm", text: "右股骨近端转移瘤")])
        #expect(femur.lesions.first?.note?.hasPrefix("右股骨近端转移瘤") == true, "the segment's words kept in the note")
        let (_, bracketed) = try await hisPatient([hisCondition("lc", text: "肺腺癌"), hisCondition("bm", text: "骨转移（T12、L1椎体）")])
        #expect(bracketed.lesions.last?.note?.hasPrefix("L1椎体；") == true || bracketed.lesions.last?.note?.hasPrefix("L1椎体;") == true, "no stray bracket")
    }

    @Test func rangeTextReadsOneRangeOnly() {
        #expect(FHIRRead.rangeText("2.11-2.52")! == (2.11, 2.52))
        #expect(FHIRRead.rangeText("3.5至5.5 g/dL")! == (3.5, 5.5))
        #expect(FHIRRead.rangeText("0--25")! == (0, 25))
        #expect(FHIRRead.rangeText("<37")! == (nil, 37))
        #expect(FHIRRead.rangeText("≤ 5 mg/L")! == (nil, 5))
        for text in ["阴性", "男: 53-115; 女: 44-97", "5-3", "2.1-", "-2.5", "3.5-5.5 x10^9/L", "1.2.3-4"] {
            #expect(FHIRRead.rangeText(text) == nil, "\(text)")
        }
    }
}
