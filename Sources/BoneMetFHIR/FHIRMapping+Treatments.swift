import BoneMetDomain
import Foundation

/// Treatments from FHIR: medications (bone-modifying agents by ATC, name or a site's code;
/// cancer therapy by its reason) and the joining of cycle orders into regimens.
extension FHIRCaseMapper {
    /// Bone-modifying agents by ATC or name; other medications only when they treat a cancer
    /// condition of the record (reasonReference) — a hospital's drug list is not ours to guess.
    static func medication(_ resource: FHIRResource, primaries: Set<String>, mappings: CodeMappings = .none) -> Treatment? {
        guard var treatment = medicationTreatment(resource, primaries: primaries, mappings: mappings) else { return nil }
        var concept = resource.json["medicationCodeableConcept"]
        if concept == nil, let reference = resource.json["medicationReference"]?["reference"]?.string, reference.hasPrefix("#") {
            concept = (resource.json["contained"]?.array ?? []).first { $0["id"]?.string == String(reference.dropFirst()) }?["code"]
        }
        // RxNorm, ATC or a local code, as the EHR sent them: kept and exported.
        treatment.codes = FHIRRead.sourceCodes(concept)
        // Our own export's drugs as entered, class and stop reason (`FHIRExporter.regimenExtensions`).
        let extensions = (resource.json["extension"]?.array ?? []).filter { $0["url"]?.string?.hasPrefix(FHIRExporter.bonemet) == true }
        func values(_ name: String) -> [String] {
            extensions.filter { $0["url"]?.string == FHIRExporter.bonemet + name }.compactMap { $0["valueString"]?.string ?? $0["valueCode"]?.string }
        }
        if treatment.kind == .systemic, !values("drug").isEmpty { treatment.drugs = values("drug") }
        if let systemicClass = values("systemic-class").first.flatMap(SystemicClass.init(rawValue:)) { treatment.systemicClass = systemicClass }
        if let reason = values("stop-reason").first.flatMap(StopReason.init(rawValue:)) { treatment.stopReason = reason }
        // An order of intent "plan" is planned, not given (FHIR MedicationRequest.intent).
        if resource.resourceType == "MedicationRequest", resource.json["intent"]?.string == "plan" { treatment.planned = true }
        return treatment
    }

    /// A MedicationRequest for one dose: its timing given once (`timing.repeat.count` 1, or the
    /// frequency code "ONCE"), or its dosage text says so — "st" / "stat" (statim), "once", "单次",
    /// "一次", "立即". Completed, it is the dose given on its day: ten monthly zoledronic acid orders
    /// "4mg 静脉滴注 st", all completed, were a course with no dose on record — no interval, no
    /// dose due, no long-term interval question (unseen bundle ehr13).
    static func oneTimeOrder(_ resource: FHIRResource) -> Bool {
        guard resource.resourceType == "MedicationRequest" else { return false }
        return (resource.json["dosageInstruction"]?.array ?? []).contains { dosage in
            if dosage["timing"]?["repeat"]?["count"]?.decimalText == "1" { return true }
            if FHIRRead.codings(dosage["timing"]?["code"]).contains(where: { $0.code?.uppercased() == "ONCE" }) { return true }
            guard let text = dosage["text"]?.string?.lowercased() else { return false }
            let words = text.split { !$0.isLetter }.map(String.init)
            return words.contains { ["st", "stat", "once"].contains($0) } || ["单次", "一次", "立即"].contains(where: text.contains)
        }
    }

    static func medicationTreatment(_ resource: FHIRResource, primaries: Set<String>, mappings: CodeMappings) -> Treatment? {
        let r = resource.json
        // The medication inline, or a contained Medication referenced as `#id`.
        var concept = r["medicationCodeableConcept"]
        if concept == nil, let reference = r["medicationReference"]?["reference"]?.string, reference.hasPrefix("#") {
            concept = (r["contained"]?.array ?? []).first { $0["id"]?.string == String(reference.dropFirst()) }?["code"]
        }
        let name = FHIRRead.text(concept)?.lowercased() ?? ""
        let atc = FHIRRead.codings(concept).compactMap { $0.system?.contains("atc") == true ? $0.code : nil }
        let dated = FHIRRead.date(r["authoredOn"]) ?? FHIRRead.periodStart(r, "effective") ?? FHIRRead.periodStart(r, "occurrence")
        // A plan may have no date yet (a bone agent "to start"); any other order needs one.
        let plan = resource.resourceType == "MedicationRequest" && r["intent"]?.string == "plan"
        guard dated != nil || plan else { return nil }
        let start = dated ?? PartialDate(dayNumber: 0)
        let id = FHIRRead.itemId(r) ?? resource.id ?? UUID().uuidString
        // An order that is no longer active ended, at the latest, when its validity ended; a
        // completed or stopped order without one is taken as given on its own day. An active
        // order is ongoing.
        let status = r["status"]?.string ?? ""
        // (Cancelled, not-taken and draft resources never reach here: `FHIRRead.statusNotUsed`.)
        let finished = ["completed", "stopped"].contains(status)
        let statedEnd = statedEnd(r)
        // (Bone-agent administrations are doses of one course: a completed dose does not end it.)
        let end = statedEnd
        // An administration is a dose given; an order or statement is not — except a completed
        // order for one dose (`oneTimeOrder`), as a Chinese day ward's system records each infusion.
        let doses = resource.resourceType == "MedicationAdministration" || (status == "completed" && oneTimeOrder(resource)) ? [start] : []
        // Our own code first (an export of ours names the agent it meant), then a site's mapping,
        // then ATC and names.
        let agent = FHIRRead.codings(concept).first { $0.system == FHIRExporter.boneAgentSystem }?.code.flatMap(BoneAgent.init(rawValue:))
            ?? FHIRRead.codings(concept).lazy.compactMap { coding in coding.code.flatMap { mappings.medication(system: coding.system, code: $0) } }.first
            ?? boneAgent(atc: atc, name: name)
        if let agent {
            let dosing = dosing(r, isAdministration: resource.resourceType == "MedicationAdministration")
            return Treatment(
                id: id, kind: .boneModifyingAgent, name: FHIRRead.text(concept), start: dated, end: end, agent: agent,
                doseMg: dosing.doseMg, intervalWeeks: dosing.intervalWeeks, doses: doses)
        }
        // Cancer-related: a reason that is one of the record's cancers (reasonReference), or a
        // reason code that is a cancer by value set (reasonCode, as mCODE examples send it).
        guard !cancerReasonMissing(resource, primaries: primaries, mappings: mappings) || isAntineoplastic(concept, atc: atc) else {
            // Dexamethasone is kept as supportive care: NICE NG234's steroid for a spinal cord
            // compression (the emergency finding names it as given), a myeloma's therapy. An
            // EHR's "地塞米松磷酸钠注射液" beside a cord compression was dropped, and the finding
            // asked for the dexamethasone already given.
            guard isDexamethasone(concept, atc: atc) else { return nil }
            return Treatment(
                id: id, kind: .systemic, name: FHIRRead.text(concept), drugs: [FHIRRead.text(concept) ?? "dexamethasone"],
                start: dated, end: statedEnd ?? (finished ? start : nil))
        }
        return Treatment(
            id: id, kind: .systemic, name: FHIRRead.text(concept), drugs: [FHIRRead.text(concept) ?? "?"],
            systemicClass: systemicClass(atc: atc), start: dated, end: statedEnd ?? (finished ? start : nil))
    }

    /// The end an order or statement gives itself: its validity period's, its effective period's,
    /// or the bounds of its dosage timing — a stopped sunitinib order "2024-02-01 to 2026-10-25"
    /// was read as given on its first day alone.
    static func statedEnd(_ r: FHIRJSON) -> PartialDate? {
        let bounds = (r["dosageInstruction"]?.array ?? []).lazy.compactMap { FHIRRead.date($0["timing"]?["repeat"]?["boundsPeriod"]?["end"]) }.first
        return FHIRRead.date(r["dispenseRequest"]?["validityPeriod"]?["end"]) ?? FHIRRead.periodEnd(r, "effective") ?? bounds
    }

    static func statesItsEnd(_ r: FHIRJSON) -> Bool { statedEnd(r) != nil }

    /// A cancer drug by its class: an ATC code in L01 (antineoplastic agents) or L02 (endocrine
    /// therapy), or a name `DrugClasses` reads as chemotherapy, targeted, immunotherapy or
    /// endocrine therapy. Many EHRs send orders without a reason; a letrozole order without one
    /// was dropped without a word, and the case showed no systemic therapy at all.
    static func isAntineoplastic(_ concept: FHIRJSON?, atc: [String]) -> Bool {
        if atc.contains(where: { $0.uppercased().hasPrefix("L01") || $0.uppercased().hasPrefix("L02") }) { return true }
        let names = ([FHIRRead.text(concept)] + FHIRRead.codings(concept).map(\.display)).compactMap { $0 }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return false }
        return !DrugClasses.reading(Treatment(id: "?", kind: .systemic, drugs: names)).classes.isEmpty
    }

    /// Dexamethasone by its ATC code (H02AB02) or its name, English or Chinese.
    static func isDexamethasone(_ concept: FHIRJSON?, atc: [String]) -> Bool {
        if atc.contains(where: { $0.uppercased() == "H02AB02" }) { return true }
        let names = ([FHIRRead.text(concept)] + FHIRRead.codings(concept).map(\.display)).compactMap { $0?.lowercased() }
        return names.contains { $0.contains("dexamethasone") || $0.contains("地塞米松") }
    }

    /// Whether an order became a systemic therapy by its class alone (no cancer reason on it):
    /// said in a note so that the import's reader can check it.
    static func cancerReasonMissing(_ resource: FHIRResource, primaries: Set<String>, mappings: CodeMappings) -> Bool {
        let r = resource.json
        let reasons = (r["reasonReference"]?.array ?? []).compactMap(FHIRRead.referenceId)
        let reasonCodes = (r["reasonCode"]?.array ?? []).flatMap(FHIRRead.codings)
        return !reasons.contains(where: primaries.contains)
            && !reasonCodes.contains { CancerCodes.classify(system: $0.system, code: $0.code, mappings: mappings) != nil }
    }

    /// Orders of the same drug whose gaps stay within `gapDays` (a setting) become one regimen
    /// window, from the first order to the end of the last (open while the last is active):
    /// hundreds of cycle orders are a handful of regimens. Bone-agent orders of one agent are one
    /// course with every dose given.
    static func merge(_ record: CaseRecord, gapDays: Int, cyclesGiven: Set<String> = []) -> CaseRecord {
        var record = record
        var merged: [Treatment] = []
        // The days of the cycles given in each merged regimen (by its index), while its latest
        // row is one.
        var cycleDays: [Int: [Int]] = [:]
        for treatment in record.treatments.sorted(by: { ($0.start?.earliestDay ?? 0, $0.id) < ($1.start?.earliestDay ?? 0, $1.id) }) {
            if treatment.kind == .systemic, let start = treatment.start,
                let index = merged.lastIndex(where: { $0.kind == .systemic && $0.name == treatment.name }),
                let reach = merged[index].end ?? merged[index].start,
                merged[index].end == nil || start.earliestDay - reach.latestDay <= gapDays
            {
                if merged[index].end != nil {
                    merged[index].end = treatment.end
                    merged[index].stopReason = treatment.stopReason
                }
                cycleDays[index] = cyclesGiven.contains(treatment.id) ? (cycleDays[index] ?? []) + [start.earliestDay] : nil
                // The doses given (administrations) stay with the regimen: radium-223's six
                // injections were dropped when its order and doses were joined.
                merged[index].doses += treatment.doses.filter { !merged[index].doses.contains($0) }
                merged[index].doses.sort()
                continue
            }
            if treatment.kind == .boneModifyingAgent, let index = merged.lastIndex(where: { $0.kind == .boneModifyingAgent && $0.agent == treatment.agent }) {
                merged[index].doses += treatment.doses
                if let end = merged[index].end, let start = treatment.start, start.earliestDay > end.latestDay {
                    // Ordered (or given) again after the course's end: resumed, and it ends as the
                    // later row does. Denosumab every 4 weeks completed in January, then every 12
                    // weeks from a new order, kept January's end — the patient read "Bone
                    // metastases without a bone-modifying agent" with four doses given since
                    // (unseen record cb83-o, round trip; rule set 2026.12.317).
                    merged[index].end = treatment.end
                    merged[index].stopReason = treatment.stopReason
                } else if merged[index].end == nil {
                    merged[index].end = treatment.end
                }
                // The latest order or administration that states a dose or interval is the one in force.
                if let dose = treatment.doseMg { merged[index].doseMg = dose }
                if let weeks = treatment.intervalWeeks { merged[index].intervalWeeks = weeks }
                continue
            }
            if treatment.kind == .systemic, cyclesGiven.contains(treatment.id), let start = treatment.start {
                cycleDays[merged.count] = [start.earliestDay]
            }
            merged.append(treatment)
        }
        // A regimen of cycles given (completed orders, each ending on its own day) acts until its
        // next cycle is due, not only on the day of its last: a Chinese day ward's pemetrexed and
        // pembrolizumab every 3 weeks, last given 10 days before, read "目前无治疗" (no current
        // treatment) on the case's first line, and a study after the last cycle fell in an
        // untreated interval (unseen bundle ehr13). Its end is the last cycle's day plus its usual
        // gap (the median between its cycles) — the data's own interval, no assumed schedule; a
        // regimen whose last row was stopped, or given once, ends as written.
        for (index, days) in cycleDays where days.count >= 2 {
            let gaps = zip(days.dropFirst(), days).map { $0 - $1 }.filter { $0 > 0 }.sorted()
            guard !gaps.isEmpty, let last = days.last else { continue }
            merged[index].end = PartialDate(dayNumber: last + gaps[gaps.count / 2])
        }
        record.treatments = merged
        return record
    }
}

extension FHIRCaseMapper {
    /// A DiagnosticReport's text for the study (issue #13): its `conclusion`, else the first
    /// plain-text `presentedForm` (base64, UTF-8) — the full report many PACS send. It is kept
    /// on the study and offered for suggested readings; nothing is read into the record unconfirmed.
    static func reportText(_ report: FHIRJSON) -> String? {
        if let conclusion = report["conclusion"]?.string, !conclusion.isEmpty { return conclusion }
        for form in report["presentedForm"]?.array ?? [] {
            guard let type = form["contentType"]?.string, type.lowercased().hasPrefix("text/plain"), let data = form["data"]?.string,
                let bytes = Data(base64Encoded: data, options: .ignoreUnknownCharacters), let text = String(data: bytes, encoding: .utf8),
                !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { continue }
            return text
        }
        return nil
    }
}
