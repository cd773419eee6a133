import BoneMetDomain
import Foundation

/// Findings of the rules as CDS Hooks cards. Every card carries the finding's reason (detail),
/// its sources, the responsible specialty and, when the patient has a case, a link to it.
/// The rules decide; this file only chooses which findings a hook shows and how.
public enum CDSCards {
    /// What patient-view shows (the issue's list): impending or actual fracture, spine,
    /// biopsy advice, the latest response time point, bone-modifying agent indication or
    /// dose due — and anything urgent.
    static let patientViewRules = [
        "surgery.mirels.impendingFracture", "surgery.mirels.fractured", "surgery.spine.", "diagnosis.biopsy.", "diagnosis.blastic.uptakeBiopsy",
        "boneAgents.doseDue", "boneAgents.indication", "surgery.lesion.notAssessable", "surgery.pelvis.", "surgery.girdle.", "surgery.handFoot.", "labs.", "surgery.mirels.operated", "boneAgents.concurrent",
        "surgery.mirels.progressingAfterFixation",
        // Safety around surgery and the agents (rule sets 2026.12.48–51).
        "diagnosis.differential.atypicalFemoralFracture", "surgery.timing.antiAngiogenic", "boneAgents.radium223.withAbiraterone",
        "boneAgents.osteonecrosisOfJaw",
        // A vertebral fracture after denosumab was stopped (rule set 2026.12.55).
        "diagnosis.differential.fractureAfterDenosumab",
    ]
    /// What the order hooks show about a draft bone-modifying agent.
    static let orderRules: Set<String> = [
        "boneAgents.zoledronic.dose", "boneAgents.zoledronic.notRecommended", "boneAgents.zoledronic.crclUnknown",
        "boneAgents.zoledronic.renalHold", "boneAgents.denosumab.hypocalcaemiaRisk", "boneAgents.dentalExam",
        // Pamidronate against its label, held for the kidneys, or with no creatinine (2026.12.328).
        "boneAgents.pamidronate.label", "boneAgents.pamidronate.renalHold", "boneAgents.pamidronate.creatinineUnknown",
        // Ibandronate's dose or frequency for the CrCl (rule sets 2026.12.158, .333).
        "boneAgents.ibandronate.dose",
    ]

    public struct Context: Sendable {
        public let asOf: PartialDate
        public let settings: RuleSettings
        public let language: Language
        /// Absolute URL of the patient's case page, when there is one.
        public let caseURL: String?

        public init(asOf: PartialDate, settings: RuleSettings, language: Language, caseURL: String?) {
            self.asOf = asOf
            self.settings = settings
            self.language = language
            self.caseURL = caseURL
        }
    }

    /// The case record from what the EHR gave (prefetch or fetched): its Patient, or one
    /// made from the context when the EHR had none.
    public static func record(patientId: String, resources: [FHIRResource]) -> CaseRecord {
        let patient = resources.first { $0.resourceType == "Patient" }
            ?? (try? FHIRResource(.object([.init("resourceType", .string("Patient")), .init("id", .string(patientId))])))
        guard let patient else { return CaseRecord(patient: Patient(id: "fhir:" + patientId)) }
        // A prefetch of orders with their Medications included (`_include=MedicationRequest:medication`)
        // names the drugs by reference, as an import does (`MedicationCatalog`).
        let medications = MedicationCatalog.of(resources)
        let related = resources.filter { $0.resourceType != "Patient" }.map { resource in
            medications.inlined(resource.json).flatMap { try? FHIRResource($0) } ?? resource
        }
        return FHIRCaseMapper.map(patient: patient, related: related).record
    }

    public static func patientView(record: CaseRecord, context: Context) -> [FHIRJSON] {
        patientView(assessment: assess(record, asOf: context.asOf, settings: context.settings), context: context)
    }

    /// The same from an assessment already made (of `context.asOf` and `context.settings`).
    public static func patientView(assessment: Assessment, context: Context) -> [FHIRJSON] {
        var chosen = assessment.findings.filter { finding in
            finding.severity == .urgent || patientViewRules.contains { finding.ruleId == $0 || ($0.hasSuffix(".") && finding.ruleId.hasPrefix($0)) }
        }
        // The bone response of the latest treatment window, if any.
        if let last = assessment.findings.filter({ $0.ruleId == "boneHealth.mda.timePoint" }).max(by: { ($0.date ?? .init(dayNumber: 0)) < ($1.date ?? .init(dayNumber: 0)) }) {
            chosen.append(last)
        }
        var seen: Set<String> = []
        return chosen.sorted { $0.severity > $1.severity }.filter { seen.insert("\($0.ruleId)|\($0.subject)").inserted }.map { card($0, context: context, suggestions: []) }
    }

    /// order-select (the selected drafts) and order-sign (all drafts): each draft that is a
    /// bone-modifying agent is added to the record as a planned treatment and assessed.
    /// Drafts of anything else give no card.
    public static func orders(request: CDSRequest, record: CaseRecord, context: Context) -> [FHIRJSON] {
        let selected = request.hook == "order-select" && !request.selections.isEmpty ? Set(request.selections) : nil
        var cards: [FHIRJSON] = []
        for draft in request.draftOrders where draft.resourceType == "MedicationRequest" {
            if let selected, !selected.contains("MedicationRequest/\(draft.id ?? "")") { continue }
            guard let treatment = draftTreatment(draft, asOf: context.asOf) else { continue }
            var withDraft = record
            withDraft.treatments.append(treatment)
            let assessment = assess(withDraft, asOf: context.asOf, settings: context.settings)
            // Hypocalcaemia is the patient's, not the order's, but the order must wait for it (both
            // agents' labels), so the prescriber sees it on the order; so does osteonecrosis of
            // the jaw (the agent is decided with dental care).
            for finding in assessment.findings
            where (finding.subject == .treatment(treatment.id)
                && (orderRules.contains(finding.ruleId) || (finding.ruleId == "boneAgents.choice" && finding.severity >= .warning)))
                || finding.ruleId == "labs.hypocalcaemia" || finding.ruleId == "boneAgents.osteonecrosisOfJaw" {
                // (The choice between agents is for the MDT; on an order only what argues against
                // it: SRE prevention not indicated, or a bone-loss dose for bone metastases.)
                if finding.ruleId == "boneAgents.zoledronic.dose" {
                    guard finding.severity >= .warning, let dose = finding.inputs.first(where: { $0.name == "doseMg" })?.value, let mg = Double(dose) else { continue }
                    cards.append(card(finding, context: context, suggestions: [doseSuggestion(draft, mg: mg, language: context.language)]))
                } else {
                    cards.append(card(finding, context: context, suggestions: []))
                }
            }
        }
        return cards
    }

    /// A draft order as a planned treatment: dates default to today, dose in mg when given in mg.
    static func draftTreatment(_ draft: FHIRResource, asOf: PartialDate) -> Treatment? {
        var json = draft.json
        if json["authoredOn"] == nil, case .object(var members) = json {
            members.append(.init("authoredOn", .string(asOf.description)))
            json = .object(members)
        }
        guard let resource = try? FHIRResource(json), var treatment = FHIRCaseMapper.medication(resource, primaries: []),
            treatment.kind == .boneModifyingAgent
        else { return nil }
        treatment.id = "draft:" + (draft.id ?? "order")
        treatment.planned = true
        treatment.doses = []
        // (Its dose and interval were read by the mapper, `FHIRCaseMapper.dosing`.)
        // Within the case format's limits, as every mapped record (CaseLimits).
        var draftRecord = CaseRecord(patient: Patient(id: "draft"))
        draftRecord.treatments = [treatment]
        treatment = CaseLimits.fit(draftRecord).record.treatments.first ?? treatment
        return treatment
    }

    /// The draft with its dose replaced: an `update` action the EHR can apply, consistent in
    /// every field — the dose quantity, a dosage text that named the old dose, a dispense
    /// quantity in mg — and without the EHR's narrative, which would still show the old dose.
    static func doseSuggestion(_ draft: FHIRResource, mg: Double, language: Language) -> FHIRJSON {
        let doseText = FHIRExporter.num(mg).decimalText ?? String(describing: mg)
        let quantity = FHIRExporter.milligrams(mg)
        var dosages = draft.json["dosageInstruction"]?.array ?? []
        var first = dosages.first?.members.filter { $0.key != "doseAndRate" } ?? []
        if let index = first.firstIndex(where: { $0.key == "text" }), let text = first[index].value.string {
            first[index] = .init("text", .string(replacingDose(in: text, with: doseText)))
        }
        let dosage = FHIRJSON.object(first + [.init("doseAndRate", .array([.object([.init("doseQuantity", quantity)])]))])
        if dosages.isEmpty { dosages = [dosage] } else { dosages[0] = dosage }
        var members = draft.json.members.filter { $0.key != "dosageInstruction" && $0.key != "text" }
        members.append(.init("dosageInstruction", .array(dosages)))
        if let index = members.firstIndex(where: { $0.key == "dispenseRequest" }), case .object(var dispense) = members[index].value,
            let q = dispense.firstIndex(where: { $0.key == "quantity" }), dispense[q].value["code"]?.string == "mg" || dispense[q].value["unit"]?.string == "mg"
        {
            dispense[q] = .init("quantity", quantity)
            members[index] = .init("dispenseRequest", .object(dispense))
        }
        let label = LocalizedText(en: "Change the dose to \(doseText) mg", zh: "剂量改为 \(doseText) mg")
        return FHIRExporter.obj([
            ("label", .string(label(language))), ("uuid", .string(UUID().uuidString.lowercased())), ("isRecommended", .bool(true)),
            ("actions", .array([FHIRExporter.obj([
                ("type", .string("update")), ("description", .string(label(language))), ("resource", .object(members)),
            ])])),
        ])
    }

    /// A dosage text with every "N mg" replaced by the new dose ("4 mg IV over 15 min" →
    /// "3 mg IV over 15 min"); a text naming no dose gets it in front.
    public static func replacingDose(in text: String, with dose: String) -> String {
        var result = ""
        var replaced = false
        var index = text.startIndex
        while index < text.endIndex {
            if text[index].isNumber {
                var end = index
                while end < text.endIndex, text[end].isNumber || text[end] == "." { end = text.index(after: end) }
                var unit = end
                while unit < text.endIndex, text[unit] == " " { unit = text.index(after: unit) }
                if text[unit...].lowercased().hasPrefix("mg") && !text[unit...].lowercased().hasPrefix("mg/") {
                    result += dose
                    result += text[end..<unit]
                    replaced = true
                    index = unit
                    continue
                }
                result += text[index..<end]
                index = end
                continue
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return replaced ? result : "\(dose) mg; " + text
    }

    static func card(_ finding: Finding, context: Context, suggestions: [FHIRJSON]) -> FHIRJSON {
        let language = context.language
        let indicator = switch finding.severity {
        case .urgent: "critical"
        case .warning: "warning"
        case .advisory, .info: "info"
        }
        let title = finding.title(language)
        // CDS Hooks: summary under 140 characters.
        let summary = title.count < 140 ? title : String(title.prefix(138)) + "…"
        let responsible = LocalizedText(en: "Responsible", zh: "负责专科")
        let sourcesLabel = LocalizedText(en: "Sources", zh: "依据")
        var detail = [markdownSafe(finding.detail(language))]
        if !finding.inputs.isEmpty { detail.append(finding.inputs.map { "`\($0.name)` = \(markdownSafe($0.value))" }.joined(separator: ", ")) }
        detail.append("**\(responsible(language))**: \(finding.specialty.label(language))")
        if !finding.sources.isEmpty { detail.append("**\(sourcesLabel(language))**: " + finding.sources.map { markdownSafe($0(language)) }.joined(separator: "; ")) }
        let openCase = LocalizedText(en: "Open the case in BoneMet", zh: "在 BoneMet 中打开病例")
        return FHIRExporter.obj([
            ("uuid", .string(UUID().uuidString.lowercased())), ("summary", .string(summary)), ("detail", .string(detail.joined(separator: "\n\n"))),
            ("indicator", .string(indicator)),
            ("source", FHIRExporter.obj([
                ("label", .string("BoneMet")),
                ("topic", FHIRExporter.obj([("system", .string("urn:bonemet:rule")), ("code", .string(finding.ruleId)), ("display", .string(title))])),
            ])),
            ("suggestions", suggestions.isEmpty ? nil : .array(suggestions)),
            ("selectionBehavior", suggestions.isEmpty ? nil : .string("at-most-one")),
            ("links", context.caseURL.map { .array([FHIRExporter.obj([("label", .string(openCase(language))), ("url", .string($0)), ("type", .string("absolute"))])]) }),
        ])
    }

    /// CDS Hooks detail is GitHub-flavoured markdown without raw HTML: escape what a browser would take as a tag.
    /// One pass (three `replacingOccurrences` per text were 2 % of a CDS call's CPU).
    static func markdownSafe(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
