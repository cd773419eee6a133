import BoneMetDomain
import Foundation

/// The rest of the case record the rules read, in BoneMet's own codes and extensions where no
/// code in standards.md carries it (docs/fhir.md): a fictional case's label, a regimen's drugs
/// and class, a primary's coded histology and states, pain with its lesion and grades,
/// neurology, biopsies, visceral metastases and planned operations. The import reads each back
/// (`FHIRCaseMapper`, FHIRMapping+OwnRecords.swift): exported and imported again, the unseen
/// records of 2026-11/12 came back with their scores and emergencies unchanged.
extension FHIRExporter {
    /// A fictional (demonstration) case carries HL7's "test health data" security label, so it
    /// stays fictional wherever it goes — imported back, it had become a real patient's case.
    public static let testDataSecurity = coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HTEST", "test health data")

    static func patientMeta(fictional: Bool) -> FHIRJSON {
        obj([("profile", .array([.string(mcode + "mcode-cancer-patient")])), ("security", fictional ? .array([testDataSecurity]) : nil)])
    }

    /// A regimen's drugs as entered, its class and why it stopped: the medication's text is its
    /// name alone ("亮丙瑞林+阿帕他胺"), which read back as one drug of no known class.
    static func regimenExtensions(_ treatment: Treatment) -> FHIRJSON? {
        var extensions = treatment.drugs.map { ext(bonemet + "drug", ("valueString", .string($0))) }
        if let systemicClass = treatment.systemicClass { extensions.append(ext(bonemet + "systemic-class", ("valueCode", .string(systemicClass.rawValue)))) }
        if let reason = treatment.stopReason { extensions.append(ext(bonemet + "stop-reason", ("valueCode", .string(reason.rawValue)))) }
        return extensions.isEmpty ? nil : .array(extensions)
    }

    static func gradeComponent(_ key: String, _ value: String) -> FHIRJSON {
        obj([("code", concept([coding(readingSystem, key)])), ("valueCodeableConcept", concept([coding(readingValueSystem, value)]))])
    }

    /// A pain record: the NRS as LOINC 72514-3 (vital signs), the lesion as `focus`, its Mirels
    /// and SINS grades as components. Mirels and SINS read the grade at the lesion; an export
    /// that kept the score alone turned a functional femoral pain into an unknown one.
    static func painResource(_ pain: PainRecord, id: String, subject: FHIRJSON, lesionRid: (String) -> String) -> FHIRJSON? {
        guard pain.nrs != nil || pain.mirels != nil || pain.sins != nil else { return nil }
        var codings = [coding(readingSystem, "pain", "Pain at a bone lesion")]
        if pain.nrs != nil { codings.insert(coding(FHIRCodes.loinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"), at: 0) }
        let components = [pain.mirels.map { gradeComponent("mirels", $0.rawValue) }, pain.sins.map { gradeComponent("sins", $0.rawValue) }].compactMap { $0 }
        return obj([
            ("resourceType", .string("Observation")), ("id", .string(id)), ("status", .string("final")),
            ("category", Self.observationCategory("vital-signs")), ("code", concept(codings)), ("subject", subject),
            ("focus", pain.lesion.map { .array([reference("Condition", lesionRid($0))]) }),
            ("effectiveDateTime", .string(pain.date.description)),
            ("valueQuantity", pain.nrs.map { nrs in
                obj([("value", num(Double(nrs))), ("unit", .string("{score}")), ("system", .string(FHIRCodes.ucum)), ("code", .string("{score}"))])
            }),
            ("component", components.isEmpty ? nil : .array(components)),
        ])
    }

    /// A neurological examination: its status (intact, radiculopathy, myelopathy, cauda equina)
    /// as the value, the Frankel grade as a component, the lesion as `focus` — the spinal
    /// emergency rules read them.
    static func neurologyResource(_ neurology: NeurologyRecord, id: String, subject: FHIRJSON, lesionRid: (String) -> String) -> FHIRJSON {
        obj([
            ("resourceType", .string("Observation")), ("id", .string(id)), ("status", .string("final")),
            ("category", Self.observationCategory("exam")),
            ("code", concept([coding(readingSystem, "neurology", "Neurological status")], text: "Neurological status")), ("subject", subject),
            ("focus", neurology.lesion.map { .array([reference("Condition", lesionRid($0))]) }),
            ("effectiveDateTime", .string(neurology.date.description)),
            ("valueCodeableConcept", concept([coding(readingValueSystem, neurology.status.rawValue)], text: neurology.status.label.en)),
            ("component", neurology.frankel.map { .array([gradeComponent("frankel", $0.rawValue)]) }),
        ])
    }

    /// The coded histology and the states the scores read (castration resistance, hormone
    /// dependence, targeted therapy) as the record holds them: the Condition's SNOMED code names
    /// the organ, and an imported primary lost "adenocarcinoma" or "castration-sensitive".
    static func primaryExtensions(_ primary: PrimaryCancer) -> [FHIRJSON] {
        var out: [FHIRJSON] = []
        if let type = primary.histologyType { out.append(ext(bonemet + "histology-type", ("valueCode", .string(type.rawValue)))) }
        if let flag = primary.castrationResistant { out.append(ext(bonemet + "castration-resistant", ("valueBoolean", .bool(flag)))) }
        if let flag = primary.hormoneDependent { out.append(ext(bonemet + "hormone-dependent", ("valueBoolean", .bool(flag)))) }
        if let flag = primary.targetedTherapy { out.append(ext(bonemet + "targeted-therapy", ("valueBoolean", .bool(flag)))) }
        return out
    }

    /// Visceral metastases as problem-list Conditions: the organ as the text, BoneMet's code and
    /// ICD-10-CM C79.9 (secondary malignant neoplasm, unspecified site) beside it; removable
    /// (Tokuhashi), treatable (Tomita) and the pattern (New Katagiri) as extensions.
    static func visceralResources(_ record: CaseRecord, rid: (String, String) -> String, subject: FHIRJSON, primaryRefs: [FHIRJSON]) -> [FHIRJSON] {
        (record.visceralMetastases ?? []).enumerated().map { index, visceral in
            var extensions: [FHIRJSON] = []
            if let flag = visceral.removable { extensions.append(ext(bonemet + "visceral-removable", ("valueBoolean", .bool(flag)))) }
            if let flag = visceral.treatable { extensions.append(ext(bonemet + "visceral-treatable", ("valueBoolean", .bool(flag)))) }
            if let pattern = visceral.pattern { extensions.append(ext(bonemet + "visceral-pattern", ("valueCode", .string(pattern.rawValue)))) }
            return obj([
                ("resourceType", .string("Condition")), ("id", .string(rid("visceral", String(index)))),
                ("extension", extensions.isEmpty ? nil : .array(extensions)),
                ("clinicalStatus", Self.clinicalStatus), ("verificationStatus", Self.verification("confirmed")), ("category", Self.problemList),
                ("code", concept([coding(readingSystem, "visceral-metastasis", "Visceral metastasis"), coding(FHIRCodes.icd10cm, "C79.9")], text: visceral.organ)),
                ("subject", subject), ("onsetDateTime", visceral.date.map { .string($0.description) }),
            ])
        }
    }

    /// A biopsy: the lesion it sampled as `reasonReference`, its result, decalcification,
    /// pathology text and molecular tests as BoneMet extensions — the diagnosis rules' tissue
    /// (whether a lesion still awaits it, EDTA, the second primary's proof).
    static func biopsyResource(_ biopsy: Biopsy, id: String, subject: FHIRJSON, lesionRid: (String) -> String) -> FHIRJSON {
        var extensions: [FHIRJSON] = []
        if let result = biopsy.result { extensions.append(ext(bonemet + "biopsy-result", ("valueCode", .string(result.rawValue)))) }
        if let decalcification = biopsy.decalcification { extensions.append(ext(bonemet + "decalcification", ("valueCode", .string(decalcification.rawValue)))) }
        if let histology = biopsy.histology { extensions.append(ext(bonemet + "biopsy-histology", ("valueString", .string(histology)))) }
        extensions += biopsy.molecularTests.map { ext(bonemet + "molecular-test", ("valueString", .string($0))) }
        return obj([
            ("resourceType", .string("Procedure")), ("id", .string(id)),
            ("extension", extensions.isEmpty ? nil : .array(extensions)), ("status", .string("completed")),
            ("code", concept([coding(readingSystem, "biopsy", "Bone biopsy")], text: "Bone biopsy")), ("subject", subject),
            ("performedDateTime", .string(biopsy.date.description)),
            ("reasonReference", biopsy.lesion.map { .array([reference("Condition", lesionRid($0))]) }),
        ])
    }

    /// A planned operation or radiotherapy course: a Procedure "in preparation" (the import reads
    /// it back as planned), dated when a date is set, no profile claimed (mCODE's are of
    /// procedures done).
    static func plannedProcedure(
        _ treatment: Treatment, rid: (String, String) -> String, subject: FHIRJSON, primaryRefs: [FHIRJSON], lesionRid: (String) -> String
    ) -> FHIRJSON {
        let reasons = treatment.lesions.isEmpty ? primaryRefs : treatment.lesions.map { reference("Condition", lesionRid($0)) }
        let code = procedureCode(treatment)
        return obj([
            ("resourceType", .string("Procedure")), ("id", .string(rid("proc", treatment.id))),
            ("identifier", .array([obj([("system", .string(itemIdSystem)), ("value", .string(treatment.id))])])),
            ("extension", Self.procedureExtensions(treatment)),
            ("status", .string("preparation")), ("code", code), ("subject", subject),
            ("performedPeriod", treatment.start.map { obj([("start", .string($0.description))]) }),
            ("reasonReference", reasons.isEmpty ? nil : .array(reasons)),
        ])
    }

    /// A radiotherapy course (SNOMED 1217123003) or an operation by its name, with the source
    /// system's own codes (a CPT code of an imported operation) kept.
    static func procedureCode(_ treatment: Treatment) -> FHIRJSON {
        treatment.kind == .radiotherapy
            ? concept(withSourceCodes(treatment.codes, [coding(FHIRCodes.snomed, "1217123003", "Radiotherapy course of treatment")]), text: treatment.name)
            : concept(withSourceCodes(treatment.codes, []), text: treatment.name ?? treatment.procedure?.label.en ?? "surgery")
    }
}
