import BoneMetDomain
import BoneMetFHIR
import Foundation
import Testing

extension RealEHRImportTests {
    /// An EHR's pathological fracture coded with its site in ICD-10-CM (M84.551A "pathological
    /// fracture in neoplastic disease, right femur") and no bodySite reached no lesion: the femur
    /// it broke kept "fracture risk cannot be assessed — no X-ray/CT reading", and the
    /// "intramedullary nailing of femur" three days later was an operation of unknown kind.
    /// M84.4/M84.5/M84.6 share their site characters (CMS ICD-10-CM tabular list); only codes that
    /// name one bone are read. A fixation on or after a current fracture of its lesion fixed it.
    @Test func aFractureCodedWithItsSiteReachesItsLesionAndItsNail() async throws {
        let subject = #""subject": {"reference": "Patient/f1"}"#
        func condition(_ id: String, _ code: String, onset: String, site: String = "") -> String {
            #"{"resource": {"resourceType": "Condition", "id": "\#(id)", \#(subject), "onsetDateTime": "\#(onset)", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "\#(code)"}]}\#(site)}}"#
        }
        func site(_ snomed: String) -> String { #", "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "\#(snomed)"}]}]"# }
        func bundle(fracture: String, nailed: String) -> String {
            let entries = [
                #"{"resource": {"resourceType": "Patient", "id": "f1", "gender": "female", "birthDate": "1961"}}"#,
                condition("pc", "C50.911", onset: "2019-03-14"),
                condition("bm", "C79.51", onset: "2026-05-02", site: site("71341001")),
                condition("fx", fracture, onset: "2026-06-20"),
                #"{"resource": {"resourceType": "Procedure", "id": "nail", "status": "completed", \#(subject), "performedDateTime": "\#(nailed)", "code": {"text": "Intramedullary nailing of femur"}, "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "71341001"}]}]}}"#,
            ]
            return #"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ",\n"))]}"#
        }
        let (summary, records) = try await importBundle(bundle(fracture: "M84.551A", nailed: "2026-06-23"))
        let record = try #require(records.first)
        let lesion = try #require(record.lesions.first?.id)
        #expect(record.events == [ClinicalEvent(date: PartialDate("2026-06-20")!, kind: .pathologicalFracture, lesion: lesion)])
        #expect(record.treatments.first { $0.kind == .surgery }?.procedure == .fractureFixation)
        #expect(summary.notes.contains { $0.resource == "Condition/fx" && $0.message.contains("linked to lesion \(lesion) by the bone its code names (right femur)") })
        #expect(summary.notes.contains { $0.resource == "Procedure/nail" && $0.message.hasPrefix("fixation after the pathological fracture of lesion") })
        // A nail before the fracture did not fix it; a left humerus is not the femur (a neoplastic
        // fracture there is a lesion of its own, which the femur's nail did not fix; one "not
        // elsewhere classified" is no lesion); an ankle names no one bone.
        for (code, nailed, linked, fixed) in [
            ("M84.551A", "2026-06-01", true, false), ("M84.522A", "2026-06-23", true, false), ("M84.422A", "2026-06-23", false, false),
            ("M84.571A", "2026-06-23", false, false), ("M84.453A", "2026-06-23", true, true),
        ] {
            let (other, back) = try await importBundle(bundle(fracture: code, nailed: nailed))
            let record = try #require(back.first)
            #expect((record.events.first?.lesion != nil) == linked, "\(code)")
            #expect(record.treatments.first { $0.kind == .surgery }?.procedure == (fixed ? .fractureFixation : .prophylacticFixation), "\(code)")
            #expect(other.notes.contains { $0.message.hasPrefix("fixation without") } == !fixed, "\(code)")
        }
    }

    /// cb17: the bone metastasis coded "C79.51" with no body site, beside "M84.551A pathological
    /// fracture in neoplastic disease, right femur", its nail and radiotherapy coded to the femur:
    /// the metastasis was a bone "other" asking for an X-ray and a biopsy, the fracture reached no
    /// lesion, and neither the nail nor the radiotherapy reached the femur. A fracture *in
    /// neoplastic disease* (M84.5) places the one metastasis of unknown site on its bone, or adds a
    /// lesion of that bone where every lesion has its own; M84.4 (not elsewhere classified) places
    /// nothing.
    @Test func aNeoplasticFractureCodePlacesItsMetastasis() async throws {
        let subject = #""subject": {"reference": "Patient/g1"}"#
        let femur = #""bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "71341001"}]}]"#
        func bundle(fracture: String, metastasisSite: String = "") -> String {
            let entries = [
                #"{"resource": {"resourceType": "Patient", "id": "g1", "gender": "female", "birthDate": "1961"}}"#,
                #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2019-03-14", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C50.911"}]}}}"#,
                #"{"resource": {"resourceType": "Condition", "id": "bm", \#(subject), "onsetDateTime": "2026-05-02", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C79.51"}]}\#(metastasisSite)}}"#,
                #"{"resource": {"resourceType": "Condition", "id": "fx", \#(subject), "onsetDateTime": "2026-06-20", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "\#(fracture)"}]}}}"#,
                #"{"resource": {"resourceType": "Procedure", "id": "nail", "status": "completed", \#(subject), "performedDateTime": "2026-06-23", "code": {"text": "Intramedullary nailing of femur"}, \#(femur)}}"#,
                #"{"resource": {"resourceType": "Procedure", "id": "rt", "status": "completed", \#(subject), "performedDateTime": "2026-07-15", "code": {"text": "Radiotherapy"}, \#(femur)}}"#,
            ]
            return #"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ",\n"))]}"#
        }
        let (summary, records) = try await importBundle(bundle(fracture: "M84.551A"))
        let record = try #require(records.first)
        #expect(record.lesions.count == 1)
        let lesion = try #require(record.lesions.first)
        #expect(lesion.bone == .femur && lesion.laterality == .right)
        #expect(record.events.first?.lesion == lesion.id)
        #expect(record.treatments.first { $0.kind == .surgery }?.procedure == .fractureFixation)
        #expect(record.treatments.filter { $0.kind != .systemic }.allSatisfy { $0.lesions == [lesion.id] })
        #expect(summary.notes.contains { $0.resource == "Condition/fx" && $0.message.contains("placed on the right femur") && $0.message.hasSuffix("confirm") })

        // Not elsewhere classified: no tumour named, nothing placed.
        let (_, nec) = try await importBundle(bundle(fracture: "M84.451A"))
        let unplaced = try #require(nec.first)
        #expect(unplaced.lesions.map(\.bone) == [.other])
        #expect(unplaced.events.first?.lesion == nil)

        // Every lesion sited (a vertebra): the femur's fracture adds the femur's lesion.
        let vertebra = #", "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "3572006"}], "text": "T10"}]"#
        let (added, withSpine) = try await importBundle(bundle(fracture: "M84.552A", metastasisSite: vertebra))
        let two = try #require(withSpine.first)
        let femurLesion = try #require(two.lesions.first { $0.bone == .femur })
        #expect(two.lesions.count == 2 && femurLesion.laterality == .left && femurLesion.diagnosed == PartialDate("2026-06-20"))
        #expect(two.events.first?.lesion == femurLesion.id)
        #expect(added.notes.contains { $0.message.contains("of the left femur added") })
    }

    /// A spinal metastasis Condition whose body site is coded "vertebral column" with its text
    /// "T10 vertebral body" came in as a vertebra with no level: no SINS location, no Tokuhashi
    /// count, no name. One level named in the body-site text is its level (the report grammar:
    /// MRI sequence names are not levels); a span names no one vertebra.
    @Test func aVertebraTakesTheLevelItsBodySiteTextNames() async throws {
        for (text, level) in [("T10 vertebral body", "T10"), ("胸10椎体", "T10"), ("L3", "L3"), ("T9-T11", nil), ("T2 weighted hyperintensity", nil), ("thoracic spine", nil)] {
            let entries = [
                #"{"resource": {"resourceType": "Patient", "id": "v1", "gender": "male", "birthDate": "1958-04-02"}}"#,
                #"{"resource": {"resourceType": "Condition", "id": "pc", "subject": {"reference": "Patient/v1"}, "onsetDateTime": "2025-11-02", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C34.11"}]}}}"#,
                #"{"resource": {"resourceType": "Condition", "id": "bm", "subject": {"reference": "Patient/v1"}, "onsetDateTime": "2026-09-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C79.51"}]}, "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "3572006"}], "text": "\#(text)"}]}}"#,
            ]
            let (_, records) = try await importBundle(#"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ",\n"))]}"#)
            let lesion = try #require(records.first?.lesions.first)
            #expect(lesion.bone == .vertebra)
            #expect(lesion.level?.description == level, "\(text)")
        }
    }

    /// cb17: a bone metastasis whose body site is only text, "左股骨近端", came in as a left femur
    /// with no segment — and a femur without its segment leaves Mirels's site open (2–3). The text
    /// names the segment: 近端/proximal, 骨干/shaft, 远端/distal; the trochanters (转子, 粗隆) are
    /// peritrochanteric. Two segments named are none; a segment the bone lacks is none. A femur's
    /// proximal end named alone (rule set 2026.12.255) stays in the note: it may be
    /// peritrochanteric, so its name says "proximal" and Mirels keeps the site open (2–3).
    @Test func aLongBonesSegmentNamedInItsBodySiteTextIsRead() async throws {
        let cases: [(String, Bone, BoneSegment?)] = [
            ("左股骨近端", .femur, .proximal), ("右股骨粗隆间", .femur, .peritrochanteric), ("股骨转子下及近端", .femur, .peritrochanteric),
            ("left femoral neck", .femur, .proximal), ("肱骨干", .humerus, .diaphysis), ("distal tibia", .tibia, .distal),
            ("proximal and distal femur", .femur, nil), ("左股骨", .femur, nil),
        ]
        for (text, bone, segment) in cases {
            let entries = [
                #"{"resource": {"resourceType": "Patient", "id": "s1", "gender": "female", "birthDate": "1962-05-01"}}"#,
                #"{"resource": {"resourceType": "Condition", "id": "pc", "subject": {"reference": "Patient/s1"}, "onsetDateTime": "2021-03-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C50.911"}]}}}"#,
                #"{"resource": {"resourceType": "Condition", "id": "bm", "subject": {"reference": "Patient/s1"}, "onsetDateTime": "2026-03-02", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C79.51"}]}, "bodySite": [{"text": "\#(text)"}]}}"#,
            ]
            let (_, records) = try await importBundle(#"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ",\n"))]}"#)
            let lesion = try #require(records.first?.lesions.first, "\(text)")
            #expect(lesion.bone == bone && lesion.siteSegment == segment, "\(text)")
            #expect(lesion.proximalNoteOnly == (text == "左股骨近端"), "\(text)")
            let open = bone == .femur && (segment == nil || (segment == .proximal && text != "left femoral neck"))
            #expect((lesion.mirelsSitesPossible != nil) == open, "\(text)")
        }
    }

    /// A lung cancer's femur metastasis and one Procedure to it, named `text` (id "rt").
    static func femurProcedureBundle(named text: String) -> String {
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "d1", "gender": "male", "birthDate": "1958-04-02"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", "subject": {"reference": "Patient/d1"}, "onsetDateTime": "2025-11-02", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C34.11"}]}}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "bm", "subject": {"reference": "Patient/d1"}, "onsetDateTime": "2026-09-10", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C79.51"}]}, "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "71341001"}]}]}}"#,
            #"{"resource": {"resourceType": "Procedure", "id": "rt", "status": "completed", "subject": {"reference": "Patient/d1"}, "performedDateTime": "2026-10-05", "code": {"text": "\#(text)"}, "reasonReference": [{"reference": "Condition/bm"}]}}"#,
        ]
        return #"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ",\n"))]}"#
    }

    /// A radiotherapy course's dose written in its name (no mCODE dose extension): read, with a
    /// note to confirm; a text naming two doses, or none, gives none.
    @Test func aRadiotherapyDoseWrittenInItsNameIsRead() async throws {
        let cases: [(String, Double?, Int?)] = [
            ("Radiotherapy T10 30 Gy/10 fx", 30, 10), ("SBRT 24Gy/2F", 24, 2), ("Palliative radiotherapy 8 Gy x 1", 8, 1),
            ("radiotherapy 20 Gy in 5 fractions", 20, 5), ("放疗 30Gy/10次", 30, 10), ("Radiotherapy 3000 cGy/10", 30, 10),
            ("Radiotherapy 20 Gy, boost 10 Gy", nil, nil), ("Radiotherapy", nil, nil), ("Radiotherapy 12.5 Gy", 12.5, nil),
        ]
        for (text, gy, fractions) in cases {
            let (summary, records) = try await importBundle(Self.femurProcedureBundle(named: text))
            let course = try #require(records.first?.treatments.first { $0.kind == .radiotherapy }, "\(text)")
            #expect(course.doseGy == gy && course.fractions == fractions, "\(text)")
            #expect(summary.notes.contains { $0.resource == "Procedure/rt" && $0.message.hasPrefix("dose read from its name") } == (gy != nil), "\(text)")
        }
    }

    /// cb17: radiotherapy named by its technique — "IMRT", "VMAT", "调强放疗", "射波刀" (CyberKnife),
    /// "external beam" — to a bone metastasis was no radiotherapy: no course, no skeletal-related
    /// event, no irradiated field. Abbreviations count as whole words; "RT" alone is not read.
    @Test func aRadiotherapyNamedByItsTechniqueIsRadiotherapy() async throws {
        for (text, read) in [
            ("IMRT T10 30Gy/10F", true), ("VMAT 20 Gy/5 fx", true), ("调强放疗 30Gy/10次", true), ("射波刀 24Gy/3F", true),
            ("External beam radiation to femur 8 Gy", true), ("SABR 35 Gy/5", true), ("RT 30Gy/10F", false), ("Primary vmatrix review", false),
        ] {
            let (_, records) = try await importBundle(Self.femurProcedureBundle(named: text))
            let course = records.first?.treatments.first { $0.kind == .radiotherapy }
            #expect((course != nil) == read, "\(text)")
            if read { #expect(course?.lesions == ["bm"] && course?.doseGy != nil, "\(text)") }
        }
    }

    /// ICD-10 C77 is a lymph-node metastasis whatever its text (or none): kept as lymph nodes,
    /// which the prognosis scores do not count as a viscus; C78.7 (liver) stays a viscus.
    @Test func aLymphNodeMetastasisComesInAsNodes() async throws {
        let entries = [
            #"{"resource": {"resourceType": "Patient", "id": "n1", "gender": "female", "birthDate": "1960-01-01"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", "subject": {"reference": "Patient/n1"}, "onsetDateTime": "2023-01-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C50.911"}]}}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "ln", "subject": {"reference": "Patient/n1"}, "onsetDateTime": "2023-01-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C77.3"}]}}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "lv", "subject": {"reference": "Patient/n1"}, "onsetDateTime": "2024-01-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C78.7", "display": "Secondary malignant neoplasm of liver"}]}}}"#,
        ]
        let (_, records) = try await importBundle(#"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ",\n"))]}"#)
        let visceral = try #require(records.first?.visceralMetastases)
        #expect(visceral.map(\.isLymphNode) == [true, false])
        #expect(visceral.first?.organ == "lymph nodes")
    }
}
