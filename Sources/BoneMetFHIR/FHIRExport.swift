import BoneMetDomain
import Foundation

/// A case as an mCODE Bundle (collection): cancer patient, primary and secondary cancer
/// conditions, tumour markers and labs, performance status, a disease status for every
/// response assessment (evidence: imaging), medication requests and administrations,
/// procedures, imaging studies. Standard codes where standards.md gives them; BoneMet's own
/// extensions carry what no verified code holds, so our import reads its export back intact.
public enum FHIRExporter {
    static let mcode = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
    public static let bonemet = "http://bonemet.example/fhir/StructureDefinition/"
    public static let patientIdSystem = "urn:bonemet:patient"
    public static let caseIdSystem = "urn:bonemet:case"
    public static let labSystem = "urn:bonemet:lab"
    /// The id an item has in the case record, on every exported resource that stands for one.
    public static let itemIdSystem = "urn:bonemet:id"
    static let atc = "http://www.whocc.no/atc"
    public static let boneAgentSystem = "urn:bonemet:bone-agent"
    /// The method of a disease status BoneMet derived itself (MDA criteria on imaging).
    public static let methodSystem = "urn:bonemet:method"

    typealias J = FHIRJSON
    static func obj(_ members: [(String, FHIRJSON?)]) -> FHIRJSON { .object(members.compactMap { key, value in value.map { .init(key, $0) } }) }
    static func str(_ text: String?) -> FHIRJSON? { text.flatMap { $0.isEmpty ? nil : .string($0) } }
    static func num(_ value: Double) -> FHIRJSON { .number(value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(describing: value)) }
    static func coding(_ system: String, _ code: String, _ display: String? = nil) -> FHIRJSON {
        obj([("system", .string(system)), ("code", .string(code)), ("display", str(display))])
    }
    static func concept(_ codings: [FHIRJSON], text: String? = nil) -> FHIRJSON { obj([("coding", codings.isEmpty ? nil : .array(codings)), ("text", str(text))]) }
    static func profile(_ id: String) -> FHIRJSON { obj([("profile", .array([.string(mcode + id)]))]) }
    static func reference(_ type: String, _ id: String) -> FHIRJSON { obj([("reference", .string("\(type)/\(id)"))]) }
    static func ext(_ url: String, _ value: (String, FHIRJSON)) -> FHIRJSON { obj([("url", .string(url)), value]) }

    /// A lesion's bone as a Condition's `bodySite`: the SNOMED body structure, with laterality and
    /// location qualifiers inside it (mCODE STU4).
    static func lesionBodySite(_ lesion: Lesion) -> FHIRJSON {
        var siteExtensions: [FHIRJSON] = []
        if let side = lesion.laterality.flatMap({ laterality[$0] }) {
            siteExtensions.append(ext(mcode + "mcode-laterality-qualifier", ("valueCodeableConcept", concept([coding(FHIRCodes.snomed, side)]))))
        }
        if let qualifier = lesion.segment.flatMap({ locationQualifier[$0] }) {
            siteExtensions.append(ext(mcode + "mcode-location-qualifier", ("valueCodeableConcept", concept([coding(FHIRCodes.snomed, qualifier.0, qualifier.1)]))))
        }
        return .array([withExtensions(siteExtensions, concept(bodySite[lesion.bone].map { [coding(FHIRCodes.snomed, $0)] } ?? [], text: lesion.label.en))])
    }

    /// FHIR ids: [A-Za-z0-9-.]{1,64}. An id that fits is kept as it is; any other is shortened
    /// and given a hash of the whole text, so two different ids never collide by truncation or
    /// by character replacement.
    /// FHIR R4 `id`: [A-Za-z0-9\-\.]{1,64}. On UTF-8 bytes (every staged resource's id is checked:
    /// walking it as Characters was ~2.5 % of an import, issue #12); the same answer as
    /// `idCharacter` on every Character (`FHIRJSONTests.idsAreCheckedAsTheirCharacters`).
    public static func isValidId(_ text: String) -> Bool {
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= 64 && bytes.allSatisfy(idByte)
    }

    static func idByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x2E
    }

    static func idCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == ".") }

    public static func fhirId(_ text: String) -> String {
        let allowed = idCharacter
        if isValidId(text) { return text }
        let cleaned = String(text.map { allowed($0) ? $0 : "-" }.prefix(47))
        return "\(cleaned)-\(hash(text))"
    }

    /// FNV-1a, 64 bits, as 16 hex digits: deterministic across runs and platforms.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// ICD-10-CM category of a primary site that the import maps back to the same site.
    static let icd: [PrimarySite: String] = [
        .breast: "C50.919", .prostate: "C61", .lung: "C34.90", .kidney: "C64.9", .thyroid: "C73", .colon: "C18.9", .rectum: "C20",
        .stomach: "C16.9", .liver: "C22.9", .gallbladder: "C23", .pancreas: "C25.9", .esophagus: "C15.9", .bladder: "C67.9", .uterus: "C55",
        .headAndNeck: "C14.8", .melanoma: "C43.9", .carcinoid: "C7A.00", .myeloma: "C90.00", .lymphoma: "C85.90", .sarcoma: "C49.9",
        .osteosarcoma: "C41.9", .unknown: "C80.1", .other: "C80.1",
    ]

    /// LOINC of the labs standards.md names (and CA 27-29 kept under our own code).
    static let loinc: [LabTest: String] = [
        .ca153: "6875-9", .cea: "2039-6", .psa: "2857-1", .ca125: "10334-1", .creatinine: "2160-0", .calcium: "17861-6", .albumin: "1751-7",
        .alkalinePhosphatase: "6768-6", .hemoglobin: "718-7", .platelets: "777-3", .lymphocytes: "731-0", .crp: "1988-5", .ldh: "2532-0",
        .bilirubin: "1975-2", .mProtein: "33358-3", .freeLightChainRatio: "48378-4",
        .testosterone: "2986-8",
    ]

    static let bodySite: [Bone: String] = [
        .femur: "71341001", .humerus: "85050009", .vertebra: "3572006", .sacrum: "87141009", .pelvis: "118645006", .acetabulum: "37783008",
        .rib: "113197003", .scapula: "79601000", .clavicle: "51299004", .skull: "89546000",
    ]
    static let laterality: [Laterality: String] = [.left: "7771000", .right: "24028007", .bilateral: "51440002", .midline: "399488007"]
    /// mCODE LocationQualifierVS (SNOMED qualifier values): the segments that have one.
    static let locationQualifier: [BoneSegment: (String, String)] = [.proximal: ("40415009", "Proximal"), .distal: ("46053002", "Distal")]

    /// A concept with extensions first (FHIR element order: extension, coding, text).
    static func withExtensions(_ extensions: [FHIRJSON], _ concept: FHIRJSON) -> FHIRJSON {
        guard !extensions.isEmpty, case .object(let members) = concept else { return concept }
        return .object([.init("extension", .array(extensions))] + members)
    }

    public static func bundle(caseId: String, record: CaseRecord, assessment: Assessment?) -> FHIRJSON {
        let resources = resources(caseId: caseId, record: record, assessment: assessment)
        return obj([
            ("resourceType", .string("Bundle")), ("type", .string("collection")),
            ("entry", resources.isEmpty ? nil : .array(resources.map { resource in
                obj([("fullUrl", .string("urn:uuid:\(resource["id"]?.string ?? "")")), ("resource", resource)])
            })),
        ])
    }

    public static func resources(caseId: String, record: CaseRecord, assessment: Assessment?) -> [FHIRJSON] {
        let patientId = fhirId(caseId)
        let subject = reference("Patient", patientId)
        func rid(_ kind: String, _ id: String) -> String { fhirId("\(patientId.prefix(36))-\(kind)-\(id)") }
        var out: [FHIRJSON] = []
        out.append(obj([
            ("resourceType", .string("Patient")), ("id", .string(patientId)), ("meta", Self.patientMeta(fictional: record.patient.fictional == true)),
            ("identifier", .array([
                obj([("system", .string(patientIdSystem)), ("value", .string(record.patient.id))]),
                obj([("system", .string(caseIdSystem)), ("value", .string(caseId))]),
            ])),
            // Pseudonymous: US Core asks for a name, so it says why there is none (masked).
            ("name", .array([obj([("extension", .array([ext("http://hl7.org/fhir/StructureDefinition/data-absent-reason", ("valueCode", .string("masked")))]))])])),
            ("gender", .string(record.patient.sex?.rawValue ?? "unknown")), ("birthDate", record.patient.birthDate.map { .string($0.description) }),
            ("deceasedDateTime", record.patient.deathDate.map { .string($0.description) }),
            ("deceasedBoolean", record.patient.deathDate == nil && record.patient.deceased == true ? .bool(true) : nil),
            ("extension", Self.patientExtensions(record)),
        ]))
        for primary in record.primaries {
            var codings = [coding(FHIRCodes.icd10cm, icd[primary.site] ?? "C80.1")]
            if let snomed = CancerCodes.preferredSNOMED(site: primary.site, histology: primary.effectiveHistology) {
                codings.insert(coding(FHIRCodes.snomed, snomed), at: 0)
            }
            codings = Self.withSourceCodes(primary.codes, codings)
            out.append(obj([
                ("resourceType", .string("Condition")), ("id", .string(rid("primary", primary.id))), ("meta", profile("mcode-primary-cancer-condition")),
                ("identifier", .array([obj([("system", .string(itemIdSystem)), ("value", .string(primary.id))])])),
                ("clinicalStatus", Self.clinicalStatus), ("verificationStatus", Self.verification("confirmed")), ("category", Self.problemList),
                ("extension", .array([ext(bonemet + "primary-site", ("valueCode", .string(primary.site.rawValue)))] + Self.primaryExtensions(primary))),
                // The text is the pathology as entered, none without it: the site's English name
                // written there came back as the histology "breast" on the Chinese page (cb83-j).
                ("code", concept(codings, text: primary.histology)), ("subject", subject),
                ("onsetDateTime", primary.diagnosed.map { .string($0.description) }),
            ]))
            // Receptor status as mCODE tumour marker tests (LOINC; LOINC answers), focused on the primary.
            let receptors: [(String, String, ReceptorStatus?)] = [("er", "85337-4", primary.er), ("pr", "85339-0", primary.pr), ("her2", "85319-2", primary.her2)]
            for (name, loinc, status) in receptors {
                guard let status, status != .unknown else { continue }
                let value: FHIRJSON =
                    switch status {
                    case .positive: concept([coding(FHIRCodes.loinc, "LA6576-8", "Positive")])
                    case .negative: concept([coding(FHIRCodes.loinc, "LA6577-6", "Negative")])
                    default: concept([], text: "low")
                    }
                out.append(obj([
                    ("resourceType", .string("Observation")), ("id", .string(rid("\(name)-\(primary.id)", "receptor"))),
                    // mCODE's tumour marker test needs its date: claimed only with one (a primary
                    // without `diagnosed` gave an Observation claiming it with none — cb83-j).
                    ("meta", primary.diagnosed == nil ? nil : profile("mcode-tumor-marker-test")), ("status", .string("final")), ("category", Self.observationCategory("laboratory")),
                    ("code", concept([coding(FHIRCodes.loinc, loinc)])), ("subject", subject),
                    ("focus", .array([reference("Condition", rid("primary", primary.id))])),
                    ("effectiveDateTime", primary.diagnosed.map { .string($0.description) }), ("valueCodeableConcept", value),
                ]))
            }
        }
        // Systemic therapy and disease status concern every primary of the record, not the first.
        let primaryRefs = record.primaries.map { reference("Condition", rid("primary", $0.id)) }
        for lesion in record.lesions {
            var extensions = [ext(bonemet + "lesion", ("valueString", .string(lesionCode(lesion))))]
            // The related primary: the one the lesion names, or the only one; never the first of several.
            let related = lesion.primary.flatMap { id in record.primaries.first { $0.id == id } }
                ?? (record.primaries.count == 1 ? record.primaries.first : nil)
            if let primaryRef = related.map({ reference("Condition", rid("primary", $0.id)) }) { extensions.append(ext("http://hl7.org/fhir/StructureDefinition/condition-related", ("valueReference", primaryRef))) }
            out.append(obj([
                ("resourceType", .string("Condition")), ("id", .string(rid("lesion", lesion.id))), ("meta", profile("mcode-secondary-cancer-condition")),
                ("extension", .array(extensions)),
                // Confirmed by a biopsy that showed metastasis; otherwise the MDT's imaging reading.
                ("clinicalStatus", Self.clinicalStatus),
                ("verificationStatus", Self.verification(
                    record.biopsies.contains { $0.lesion == lesion.id && $0.result == .metastasis } ? "confirmed" : "provisional")),
                ("category", Self.problemList),
                ("code", concept(Self.withSourceCodes(lesion.codes, [coding(FHIRCodes.snomed, "94222008", "Secondary malignant neoplasm of bone"), coding(FHIRCodes.icd10cm, "C79.51")]))),
                ("bodySite", Self.lesionBodySite(lesion)),
                ("subject", subject), ("onsetDateTime", lesion.diagnosed.map { .string($0.description) }),
                // The lesion's note ("右股骨转子下") travels: the rules read a segment from it.
                ("note", lesion.note.map { .array([obj([("text", .string($0))])]) }),
            ]))
        }
        for (index, lab) in record.labs.enumerated() {
            let code = loinc[lab.test].map { coding(FHIRCodes.loinc, $0) } ?? coding(labSystem, lab.test.rawValue)
            var range: [(String, FHIRJSON?)] = []
            if let high = lab.upperLimit { range.append(("high", obj([("value", num(high)), ("unit", .string(lab.unit))]))) }
            if let low = lab.lowerLimit { range.append(("low", obj([("value", num(low)), ("unit", .string(lab.unit))]))) }
            out.append(obj([
                ("resourceType", .string("Observation")), ("id", .string(rid("lab", String(index)))),
                ("meta", lab.test.isTumourMarker ? profile("mcode-tumor-marker-test") : nil), ("status", .string("final")),
                ("category", Self.observationCategory("laboratory")),
                ("code", concept([code], text: lab.test.label.en)), ("subject", subject), ("effectiveDateTime", .string(lab.date.description)),
                ("valueQuantity", obj([("value", num(lab.value)), ("unit", .string(lab.unit)), ("system", .string(FHIRCodes.ucum)), ("code", .string(ucum(lab.unit)))])),
                ("referenceRange", range.isEmpty ? nil : .array([obj(range)])),
            ]))
        }
        for (index, status) in record.performance.enumerated() {
            if let ecog = status.ecog { out.append(performance(rid("ecog", String(index)), "mcode-ecog-performance-status", "89247-1", ecog, status.date, subject)) }
            if let kps = status.kps { out.append(performance(rid("kps", String(index)), "mcode-karnofsky-performance-status", "89243-0", kps, status.date, subject)) }
        }
        for (index, weight) in record.patient.weights.enumerated() {
            out.append(obj([
                ("resourceType", .string("Observation")), ("id", .string(rid("weight", String(index)))), ("status", .string("final")),
                ("code", concept([coding(FHIRCodes.loinc, "29463-7", "Body weight")])), ("subject", subject),
                ("effectiveDateTime", .string(weight.date.description)),
                ("valueQuantity", obj([("value", num(weight.kg)), ("unit", .string("kg")), ("system", .string(FHIRCodes.ucum)), ("code", .string("kg"))])),
            ]))
        }
        for point in assessment?.timePoints ?? [] {
            let value: (String, String) =
                switch point.overall {
                case .completeResponse, .partialResponse: ("268910001", "Patient's condition improved")
                case .stableDisease: ("359746009", "Patient's condition stable")
                case .progressiveDisease: ("271299001", "Patient's condition worsened")
                case .notEvaluable: ("709137006", "Patient condition undetermined")
                }
            out.append(obj([
                ("resourceType", .string("Observation")), ("id", .string(rid("status", point.study))), ("meta", profile("mcode-cancer-disease-status")),
                ("extension", .array([ext(mcode + "mcode-cancer-disease-status-evidence-type", ("valueCodeableConcept", concept([coding(FHIRCodes.snomed, "363679005", "Imaging")])))])),
                ("status", .string("final")), ("code", concept([coding(FHIRCodes.loinc, "97509-4")])), ("subject", subject),
                ("focus", primaryRefs.isEmpty ? nil : .array(primaryRefs)), ("effectiveDateTime", .string(point.to.description)),
                ("valueCodeableConcept", concept([coding(FHIRCodes.snomed, value.0, value.1)], text: "bone response \(point.overall.rawValue) (MDA)")),
                // Said to be BoneMet's own, so a re-import recomputes it rather than keeping it as a clinician's.
                ("method", concept([coding(methodSystem, "mda", "MD Anderson bone response criteria (BoneMet)")])),
                ("derivedFrom", .array([reference("ImagingStudy", rid("study", point.study))])),
            ]))
        }
        // Disease statuses clinicians recorded in the EHR, given back as they came.
        for (index, status) in record.diseaseStatus.enumerated() {
            let focus = status.primary.map { [reference("Condition", rid("primary", $0))] } ?? primaryRefs
            out.append(obj([
                ("resourceType", .string("Observation")), ("id", .string(rid("ehr-status", String(index)))), ("meta", profile("mcode-cancer-disease-status")),
                ("extension", status.evidence.map { .array([ext(mcode + "mcode-cancer-disease-status-evidence-type", ("valueCodeableConcept", concept([], text: $0)))]) }),
                ("status", .string("final")), ("code", concept([coding(FHIRCodes.loinc, "97509-4")])), ("subject", subject),
                ("focus", focus.isEmpty ? nil : .array(focus)), ("effectiveDateTime", .string(status.date.description)),
                ("valueCodeableConcept", concept([coding(FHIRCodes.snomed, status.status.snomed)], text: status.status.label.en)),
            ]))
        }
        // Pain on the 0–10 numeric rating scale (LOINC 72514-3, as Synthea and US Core send it),
        // with the lesion it is at and its Mirels / SINS grade in BoneMet's own codes; a graded
        // pain without a score carries our code alone. Neurology likewise (FHIRExport+Readings).
        for (index, pain) in record.pain.enumerated() {
            if let resource = Self.painResource(pain, id: rid("pain", String(index)), subject: subject, lesionRid: { rid("lesion", $0) }) { out.append(resource) }
        }
        for (index, neurology) in record.neurology.enumerated() {
            out.append(Self.neurologyResource(neurology, id: rid("neurology", String(index)), subject: subject, lesionRid: { rid("lesion", $0) }))
        }
        // Events (skeletal-related events, osteonecrosis of the jaw) as problem-list Conditions:
        // ICD-10-CM for other systems, BoneMet's own code and lesion for a way back (EventCodes).
        for (index, event) in record.events.enumerated() {
            let icd = EventCodes.icd10cm(event.kind)
            out.append(obj([
                ("resourceType", .string("Condition")), ("id", .string(rid("event", String(index)))),
                ("extension", event.lesion.map { .array([ext(bonemet + "event-lesion", ("valueString", .string($0)))]) }),
                ("clinicalStatus", event.isCurrent ? Self.clinicalStatus : Self.resolvedStatus), ("verificationStatus", Self.verification("confirmed")), ("category", Self.problemList),
                ("code", concept([coding(FHIRCodes.icd10cm, icd.code, icd.display), coding(EventCodes.system, event.kind.rawValue, event.kind.label.en)], text: event.kind.label.en)),
                ("bodySite", event.lesion.flatMap { id in record.lesions.first { $0.id == id } }.flatMap(Self.lesionBodySite)),
                ("subject", subject), ("onsetDateTime", .string(event.date.description)),
            ]))
        }
        out += Self.visceralResources(record, rid: rid, subject: subject, primaryRefs: primaryRefs)
        for (index, biopsy) in record.biopsies.enumerated() {
            out.append(Self.biopsyResource(biopsy, id: rid("biopsy", String(index)), subject: subject, lesionRid: { rid("lesion", $0) }))
        }
        out += Self.decisionResources(record, rid: rid, subject: subject)
        for (index, exam) in record.dentalExams.enumerated() {
            out.append(obj([
                ("resourceType", .string("Procedure")), ("id", .string(rid("dental", String(index)))), ("status", .string("completed")),
                ("code", concept([coding(readingSystem, "dental-exam", "Dental examination")], text: "Dental examination")), ("subject", subject),
                ("performedDateTime", .string(exam.description)),
            ]))
        }
        // Planned treatments too: an operation or course as a Procedure "in preparation", a
        // drug as a MedicationRequest of intent "plan" (the timing and dose rules read them).
        for treatment in record.treatments {
            out += treatmentResources(treatment, rid: rid, subject: subject, primaryRefs: primaryRefs, lesionRefs: record.lesions.map { reference("Condition", rid("lesion", $0.id)) }, lesionRid: { rid("lesion", $0) })
        }
        for study in record.studies {
            out.append(obj([
                ("resourceType", .string("ImagingStudy")), ("id", .string(rid("study", study.id))), ("status", .string("available")),
                ("identifier", .array([obj([("system", .string(itemIdSystem)), ("value", .string(study.id))])]
                    + (study.studyInstanceUid.map { [obj([("system", .string("urn:dicom:uid")), ("value", .string("urn:oid:\($0)"))])] } ?? []))),
                ("modality", .array([coding("http://dicom.nema.org/resources/ontology/DCM", study.dicomModality ?? dicom(study.modality))])), ("subject", subject),
                ("started", .string(study.date.description)), ("description", str(study.region)),
                ("extension", Self.studyExtensions(study)),
            ]))
            out += Self.readingResources(study, rid: rid, subject: subject, lesionRid: { rid("lesion", $0) })
            if let report = study.report, !report.isEmpty {
                out.append(obj([
                    ("resourceType", .string("DiagnosticReport")), ("id", .string(rid("report", study.id))), ("status", .string("final")),
                    ("code", concept([], text: "Imaging report")), ("subject", subject), ("effectiveDateTime", .string(study.date.description)),
                    ("imagingStudy", .array([reference("ImagingStudy", rid("study", study.id))])), ("conclusion", .string(report)),
                ]))
            }
        }
        return out
    }

    static func performance(_ id: String, _ profileId: String, _ code: String, _ value: Int, _ date: PartialDate, _ subject: FHIRJSON) -> FHIRJSON {
        obj([
            ("resourceType", .string("Observation")), ("id", .string(id)), ("meta", profile(profileId)), ("status", .string("final")),
            ("category", observationCategory("survey")),
            ("code", concept([coding(FHIRCodes.loinc, code)])), ("subject", subject), ("effectiveDateTime", .string(date.description)),
            ("valueInteger", .number(String(value))),
        ])
    }

    /// The source system's own codings first (as received), then BoneMet's where they differ.
    static func withSourceCodes(_ codes: [String], _ ours: [FHIRJSON]) -> [FHIRJSON] {
        let source = codes.compactMap { text -> FHIRJSON? in
            let parts = text.split(separator: "|", maxSplits: 1).map(String.init)
            return parts.count == 2 ? coding(parts[0], parts[1]) : nil
        }
        let keys = Set(source.map { "\($0["system"]?.string ?? "")|\($0["code"]?.string ?? "")" })
        return source + ours.filter { !keys.contains("\($0["system"]?.string ?? "")|\($0["code"]?.string ?? "")") }
    }

    static let clinicalStatus = concept([coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active")])
    static let resolvedStatus = concept([coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "resolved")])
    static let problemList = FHIRJSON.array([concept([coding("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")])])
    static func verification(_ code: String) -> FHIRJSON { concept([coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", code)]) }
    static func observationCategory(_ code: String) -> FHIRJSON {
        .array([concept([coding("http://terminology.hl7.org/CodeSystem/observation-category", code)])])
    }

    static let doseDeliveredURL = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-dose-delivered-to-volume"

    /// Our procedure code; for radiotherapy the mCODE dose delivered (cGy) and fractions.
    static func procedureExtensions(_ treatment: Treatment) -> FHIRJSON? {
        var items: [FHIRJSON] = []
        if let procedure = treatment.procedure { items.append(ext(bonemet + "procedure", ("valueCode", .string(procedure.rawValue)))) }
        if treatment.kind == .radiotherapy && (treatment.doseGy != nil || treatment.fractions != nil) {
            var parts: [FHIRJSON] = []
            if let gy = treatment.doseGy {
                let quantity = obj([("value", num(gy * 100)), ("unit", .string("cGy")), ("system", .string(FHIRCodes.ucum)), ("code", .string("cGy"))])
                parts.append(ext("totalDoseDelivered", ("valueQuantity", quantity)))
            }
            if let fractions = treatment.fractions { parts.append(ext("fractionsDelivered", ("valueUnsignedInt", .number(String(fractions))))) }
            items.append(obj([("extension", .array(parts)), ("url", .string(doseDeliveredURL))]))
        }
        return items.isEmpty ? nil : .array(items)
    }

    static func treatmentResources(
        _ treatment: Treatment, rid: (String, String) -> String, subject: FHIRJSON, primaryRefs: [FHIRJSON], lesionRefs: [FHIRJSON],
        lesionRid: (String) -> String
    ) -> [FHIRJSON] {
        if treatment.planned && (treatment.kind == .radiotherapy || treatment.kind == .surgery) {
            return [plannedProcedure(treatment, rid: rid, subject: subject, primaryRefs: primaryRefs, lesionRid: lesionRid)]
        }
        guard treatment.start != nil || treatment.planned else { return [] }
        let start = treatment.start
        let period = start.map { obj([("start", .string($0.description)), ("end", treatment.end.map { .string($0.description) })]) }
        switch treatment.kind {
        case .systemic, .boneModifyingAgent:
            var codings: [FHIRJSON] = []
            if treatment.agent == .denosumab { codings.append(coding(atc, "M05BX04", "denosumab")) }
            if treatment.agent == .zoledronicAcid { codings.append(coding(atc, "M05BA08", "zoledronic acid")) }
            // Ibandronate and pamidronate have no code in standards.md; our own system keeps them.
            if let agent = treatment.agent { codings.append(coding(boneAgentSystem, agent.rawValue, agent.label.en)) }
            codings = Self.withSourceCodes(treatment.codes, codings)
            let name = treatment.name ?? treatment.agent?.label.en ?? treatment.drugs.joined(separator: " + ")
            // Systemic therapy treats the primaries; a bone-modifying agent the bone metastases.
            let reasons = treatment.kind == .systemic ? primaryRefs : lesionRefs
            var out = [obj([
                ("resourceType", .string("MedicationRequest")), ("id", .string(rid("med", treatment.id))),
                ("extension", Self.regimenExtensions(treatment)),
                ("identifier", .array([obj([("system", .string(itemIdSystem)), ("value", .string(treatment.id))])])),
                // The profile asks for authoredOn: a plan not yet dated claims none.
                ("meta", reasons.isEmpty || start == nil ? nil : profile("mcode-cancer-related-medication-request")),
                ("status", .string(treatment.end == nil || treatment.planned ? "active" : "completed")),
                ("intent", .string(treatment.planned ? "plan" : "order")), ("medicationCodeableConcept", concept(codings, text: name)), ("subject", subject),
                ("authoredOn", start.map { .string($0.description) }),
                ("reasonReference", reasons.isEmpty ? nil : .array(reasons)),
                ("dosageInstruction", Self.dosageInstruction(treatment)),
                ("dispenseRequest", period.map { obj([("validityPeriod", $0)]) }),
            ])]
            for (index, dose) in treatment.doses.enumerated() {
                out.append(obj([
                    ("resourceType", .string("MedicationAdministration")), ("id", .string(rid("dose-\(treatment.id)", String(index)))),
                    // The course's own id: the import joins the order and its doses into one course,
                    // which kept whichever id sorted first — a case's random id made it "…-dose-ZA-0".
                    ("identifier", .array([obj([("system", .string(itemIdSystem)), ("value", .string(treatment.id))])])),
                    ("extension", Self.regimenExtensions(treatment)),
                    ("request", reference("MedicationRequest", rid("med", treatment.id))),
                    ("status", .string("completed")), ("medicationCodeableConcept", concept(codings, text: name)), ("subject", subject),
                    ("effectiveDateTime", .string(dose.description)),
                    ("dosage", treatment.doseMg.map { obj([("dose", Self.milligrams($0))]) }),
                ]))
            }
            return out
        case .radiotherapy, .surgery:
            // The lesions treated; without any, the primaries (the profile is claimed only with a reason).
            let procedureReasons = treatment.lesions.isEmpty ? primaryRefs : treatment.lesions.map { reference("Condition", lesionRid($0)) }
            let code = Self.procedureCode(treatment)
            return [obj([
                ("resourceType", .string("Procedure")), ("id", .string(rid("proc", treatment.id))),
                ("identifier", .array([obj([("system", .string(itemIdSystem)), ("value", .string(treatment.id))])])),
                ("meta", procedureReasons.isEmpty ? nil : profile(treatment.kind == .radiotherapy ? "mcode-radiotherapy-course-summary" : "mcode-cancer-related-surgical-procedure")),
                ("extension", Self.procedureExtensions(treatment)),
                ("status", .string("completed")), ("code", code), ("subject", subject), ("performedPeriod", period),
                ("reasonReference", procedureReasons.isEmpty ? nil : .array(procedureReasons)),
            ])]
        }
    }

    /// A bone-modifying agent's dose (UCUM mg) and interval (once every N weeks), as ordered.
    static func dosageInstruction(_ treatment: Treatment) -> FHIRJSON? {
        guard treatment.kind == .boneModifyingAgent, treatment.doseMg != nil || treatment.intervalWeeks != nil else { return nil }
        let timing = treatment.intervalWeeks.map { weeks in
            obj([("repeat", obj([("frequency", .number("1")), ("period", .number(String(weeks))), ("periodUnit", .string("wk"))]))])
        }
        let dose = treatment.doseMg.map { FHIRJSON.array([obj([("doseQuantity", milligrams($0))])]) }
        return .array([obj([("timing", timing), ("doseAndRate", dose)])])
    }

    static func milligrams(_ value: Double) -> FHIRJSON {
        obj([("value", num(value)), ("unit", .string("mg")), ("system", .string(FHIRCodes.ucum)), ("code", .string("mg"))])
    }

    /// `bone|segment|level|id` of a lesion, read back by our import.
    static func lesionCode(_ lesion: Lesion) -> String {
        [lesion.bone.rawValue, lesion.segment?.rawValue ?? "", lesion.level?.description ?? "", lesion.id].joined(separator: "|")
    }

    static func dicom(_ modality: Modality) -> String {
        switch modality {
        case .ct: "CT"
        case .mri: "MR"
        case .boneScan: "NM"
        case .petCt: "PT"
        case .xray: "CR"
        }
    }

    static func ucum(_ unit: String) -> String {
        ["µmol/L": "umol/L", "IU/L": "[IU]/L", "/µL": "/uL", "10^9/L": "10*9/L", "10^3/µL": "10*3/uL", "10^3/uL": "10*3/uL", "ratio": "{ratio}"][unit] ?? unit
    }
}
