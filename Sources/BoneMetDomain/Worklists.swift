import BoneMetRules

/// The worklists, "prevention first": each is a set of rules read from stored findings. A
/// stored finding carries the slug of the worklist it is on (at most one: no rule is on two)
/// and its sort key there, so a worklist page is one index range (issue #12).
public struct Worklist: Sendable {
    public let slug: String
    public let title: LocalizedText
    public let rules: [String]
    public let minimumSeverity: Severity
}

public enum Worklists {
    public static let all: [Worklist] = [
        Worklist(
            slug: "impending-fractures", title: LocalizedText(en: "Impending fractures", zh: "骨折高风险"),
            // A bone curetted or cemented without fixation waits for the surgeon's judgement too,
            // and so does an implant in a bone whose lesion progresses around it.
            rules: [
                "surgery.mirels.impendingFracture", "surgery.mirels.fractured", "surgery.mirels.incomplete", "surgery.mirels.operated",
                "surgery.mirels.progressingAfterFixation",
                // A femoral shaft broken on an antiresorptive, no tumour seen: the other femur
                // may be next (rule set 2026.12.48).
                "diagnosis.differential.atypicalFemoralFracture",
                // Bones without a validated score (pelvis, acetabulum, shoulder girdle, sternum;
                // hand and foot since 2026.12.328): destroyed or broken, orthopaedic oncology
                // judges (rule set 2026.12.55).
                "surgery.pelvis.noValidatedScore", "surgery.girdle.noValidatedScore", "surgery.handFoot.noValidatedScore",
                // A fracture the record cannot place: the surgeon needs its site (rule set 2026.12.321).
                "surgery.fracture.siteUnrecorded",
            ],
            minimumSeverity: .advisory),
        Worklist(
            slug: "spine", title: LocalizedText(en: "Spinal instability or compression", zh: "脊柱不稳或压迫"),
            // A cord compression recorded at a vertebra nobody has read is urgent there too (rule
            // set 2026.12.279); the advisory "no CT/MRI reading" stays off the list.
            rules: ["surgery.spine.noms", "surgery.lesion.notAssessable"], minimumSeverity: .warning),
        Worklist(
            slug: "biopsies", title: LocalizedText(en: "Biopsies advised", zh: "建议活检"),
            rules: [
                "diagnosis.biopsy.indicated", "diagnosis.biopsy.noKnownPrimary", "diagnosis.blastic.uptakeBiopsy",
                "diagnosis.differential.solitaryBeforeFixation", "diagnosis.differential.myeloma", "diagnosis.differential.giantCellTumour",
            ],
            minimumSeverity: .advisory),
        Worklist(
            slug: "bone-agents", title: LocalizedText(en: "Bone-modifying agents: due or on hold", zh: "骨改良药物：待给药或暂停"),
            rules: [
                "boneAgents.doseDue", "boneAgents.zoledronic.renalHold", "boneAgents.zoledronic.notRecommended",
                "boneAgents.zoledronic.dose", "boneAgents.zoledronic.crclUnknown",
                // Pamidronate against its label, held, or given with no creatinine (2026.12.328).
                "boneAgents.pamidronate.label", "boneAgents.pamidronate.renalHold", "boneAgents.pamidronate.creatinineUnknown",
                "boneAgents.denosumab.hypocalcaemiaRisk", "boneAgents.dentalExam", "boneAgents.indication",
                // Only its warnings reach the list: SRE prevention not indicated, a bone-loss dose
                // given for bone metastases (the choice between agents is info).
                "boneAgents.choice", "boneAgents.concurrent",
                // Low calcium holds every agent's next dose until it is corrected (rule set 2026.12.2).
                "labs.hypocalcaemia",
            ],
            minimumSeverity: .advisory),
        // A treatment still planned after its date (rule set 2026.12.204): the coordinator asks
        // what happened — a planned fixation otherwise keeps its lesion off the urgent list.
        Worklist(
            slug: "plans-past-date", title: LocalizedText(en: "Plans past their date", zh: "计划日期已过、未记录完成"),
            rules: ["record.plannedDatePassed"], minimumSeverity: .advisory),
        // What the record says against itself (two records of one site, a side or level its note
        // contradicts, a result impossible in its unit, ECOG beside KPS or "intact" beside a Frankel
        // grade that disagree): every finding reads one value, so the coordinator has it corrected.
        Worklist(
            slug: "record-corrections", title: LocalizedText(en: "Record entries to correct", zh: "病历待更正"),
            rules: [
                "diagnosis.record.sameSite", "diagnosis.record.siteConflict", "diagnosis.record.labImplausible",
                "diagnosis.record.performanceConflict", "diagnosis.record.neurologyConflict", "diagnosis.record.afterDeath",
                "diagnosis.record.datedAfter",
                "diagnosis.record.sameDayConflict", "diagnosis.record.absentTooSoon", "diagnosis.record.eventSite", "boneAgents.recordedTwice",
            ],
            minimumSeverity: .advisory),
        Worklist(
            slug: "response-review", title: LocalizedText(en: "Untreated change and unsupported switches", zh: "未治疗期变化与依据不足的换药"),
            rules: ["boneHealth.attribution.naturalHistory", "boneHealth.attribution.unsupportedSwitch"], minimumSeverity: .advisory),
    ]

    public static func named(_ slug: String) -> Worklist? { all.first { $0.slug == slug } }

    /// The worklist a finding is on, if any.
    public static func slug(of finding: Finding) -> String? {
        slug(rule: finding.ruleId, severity: finding.severity)
    }

    public static func slug(rule: String, severity: Severity) -> String? {
        guard let list = byRule[rule] else { return nil }
        return severity >= list.minimumSeverity ? list.slug : nil
    }

    /// Each rule's worklist (no rule is on two): every stored finding asks, and a scan of every
    /// list's rules was 1 % of a re-assessment (issue #12).
    private static let byRule: [String: Worklist] = Dictionary(
        all.flatMap { list in list.rules.map { ($0, list) } }, uniquingKeysWith: { first, _ in first })
}
