import BoneMetDomain

/// MDT decisions and care plans, exported so that export → import gives them back. A femoral
/// fracture whose orthopaedic consultation chose a brace and radiotherapy read "advisory: decision
/// on record" in BoneMet, and "urgent: fixation" after a round trip that dropped the decision
/// (unseen record cb83-f, 2026-12-05); a planned transfer or trial enrolment makes a fixation
/// more urgent, and molecular tests wanted ask for EDTA. FHIR R4 has no tumour-board resource and
/// mCODE no profile for one: a decision is a ClinicalImpression — "a clinical assessment … and
/// the resulting plan" — of BoneMet's own code `mdt-decision`, its text the `summary`, its
/// specialty an extension, its follow-up items `note`s; the plans are Patient extensions, as
/// "no visceral metastases" is.
extension FHIRExporter {
    static func decisionResources(_ record: CaseRecord, rid: (String, String) -> String, subject: FHIRJSON) -> [FHIRJSON] {
        record.decisions.enumerated().map { index, decision in
            obj([
                ("resourceType", .string("ClinicalImpression")), ("id", .string(rid("decision", String(index)))), ("status", .string("completed")),
                ("extension", decision.specialty.map { .array([ext(bonemet + "decision-specialty", ("valueCode", .string($0.rawValue)))]) }),
                ("code", concept([coding(readingSystem, "mdt-decision", "MDT decision")], text: "MDT decision")), ("subject", subject),
                ("effectiveDateTime", .string(decision.date.description)), ("summary", .string(decision.decision)),
                ("note", decision.followUp.isEmpty ? nil : .array(decision.followUp.map { obj([("text", .string($0))]) })),
            ])
        }
    }

    /// The Patient's own extensions: visceral metastases assessed and none found, and the plans.
    static func patientExtensions(_ record: CaseRecord) -> FHIRJSON? {
        var extensions: [FHIRJSON] = []
        // Visceral metastases assessed and none found (`[]`) is not "not assessed" (absent).
        if record.visceralMetastases?.isEmpty == true { extensions.append(ext(bonemet + "no-visceral-metastases", ("valueBoolean", .bool(true)))) }
        let plans = record.plans
        if let wanted = plans.molecularTestsWanted { extensions.append(ext(bonemet + "plan-molecular-tests-wanted", ("valueBoolean", .bool(wanted)))) }
        if let transfer = plans.transfer { extensions.append(ext(bonemet + "plan-transfer", ("valueDate", .string(transfer.description)))) }
        if let trial = plans.trialEnrolment { extensions.append(ext(bonemet + "plan-trial-enrolment", ("valueDate", .string(trial.description)))) }
        return extensions.isEmpty ? nil : .array(extensions)
    }
}

extension FHIRCaseMapper {
    /// Our own export's decision (`FHIRExporter.decisionResources`); nil for any other
    /// ClinicalImpression, which BoneMet does not read.
    static func ownDecision(_ r: FHIRJSON) -> MDTDecision? {
        guard FHIRRead.has(r["code"], FHIRExporter.readingSystem, "mdt-decision"), let date = FHIRRead.periodStart(r, "effective"),
            let text = r["summary"]?.string, !text.isEmpty
        else { return nil }
        let specialty = FHIRRead.extensionValue(r, "decision-specialty")?.string.flatMap(Specialty.init(rawValue:))
        let followUp = (r["note"]?.array ?? []).compactMap { $0["text"]?.string }.filter { !$0.isEmpty }
        return MDTDecision(date: date, decision: text, specialty: specialty, followUp: followUp)
    }

    /// The plans our own export put on the Patient; nil when it carries none.
    static func ownPlans(_ patient: FHIRJSON) -> CarePlans? {
        let extensions = patient["extension"]?.array ?? []
        func value(_ name: String) -> FHIRJSON? { extensions.first { $0["url"]?.string == FHIRExporter.bonemet + name } }
        let wanted = value("plan-molecular-tests-wanted")?["valueBoolean"]?.bool
        let transfer = FHIRRead.date(value("plan-transfer")?["valueDate"])
        let trial = FHIRRead.date(value("plan-trial-enrolment")?["valueDate"])
        guard wanted != nil || transfer != nil || trial != nil else { return nil }
        return CarePlans(molecularTestsWanted: wanted, transfer: transfer, trialEnrolment: trial)
    }
}
