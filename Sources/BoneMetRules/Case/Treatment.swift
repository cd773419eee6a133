/// A treatment with its date range. The response of a lesion between two studies is
/// attributed to the treatments active in that interval (the source hospital's method).
public struct Treatment: Sendable, Hashable, Encodable {
    public var id: String
    public var kind: TreatmentKind
    public var name: String?
    public var drugs: [String]
    /// Class of a systemic therapy (Katagiri counts previous chemotherapy).
    public var systemicClass: SystemicClass?
    /// Lesions a local treatment (radiotherapy, surgery) was given to.
    public var lesions: [String]
    public var start: PartialDate?
    /// Nil while ongoing (or, for surgery, a single day: `start`).
    public var end: PartialDate?
    /// Planned, not yet given.
    public var planned: Bool
    public var stopReason: StopReason?
    public var procedure: SurgicalProcedure?
    public var agent: BoneAgent?
    public var doseMg: Double?
    public var intervalWeeks: Int?
    /// Dates of bone-modifying-agent doses given.
    public var doses: [PartialDate]
    public var doseGy: Double?
    public var fractions: Int?
    /// The source system's codings of the medication or procedure (`system|code`: RxNorm, ATC,
    /// SNOMED CT …), kept for export.
    public var codes: [String] = []

    public init(
        id: String, kind: TreatmentKind, name: String? = nil, drugs: [String] = [], systemicClass: SystemicClass? = nil,
        lesions: [String] = [],
        start: PartialDate? = nil, end: PartialDate? = nil, planned: Bool = false, stopReason: StopReason? = nil,
        procedure: SurgicalProcedure? = nil, agent: BoneAgent? = nil, doseMg: Double? = nil,
        intervalWeeks: Int? = nil, doses: [PartialDate] = [], doseGy: Double? = nil, fractions: Int? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.drugs = drugs
        self.systemicClass = systemicClass
        self.lesions = lesions
        self.start = start
        self.end = end
        self.planned = planned
        self.stopReason = stopReason
        self.procedure = procedure
        self.agent = agent
        self.doseMg = doseMg
        self.intervalWeeks = intervalWeeks
        self.doses = doses
        self.doseGy = doseGy
        self.fractions = fractions
    }

    /// Dates a bone-modifying agent was given: the doses on record, else its start (a course
    /// recorded without its doses began with one). None while planned.
    public var givenDoses: [PartialDate] {
        guard !planned else { return [] }
        return doses.isEmpty ? [start].compactMap { $0 } : doses
    }

    /// The day a course began to be given: its start or its first recorded dose, whichever is
    /// earlier. A record often lists only the recent doses of a long course — zoledronic acid begun
    /// 2023-09-15 with the doses of 2026 listed read its baseline creatinine of 2023-09-10 as
    /// "2 years before the first dose" (unseen record cb83-c, 2026.12.317).
    public var firstDay: PartialDate? {
        [doses.min(), start].compactMap { $0 }.min()
    }

    /// The last day the treatment can have acted: its end, the surgery day, or open. A
    /// radiotherapy course recorded without its end is not open for ever: it was given within
    /// its fractions (five a week) or, fractions unknown, the longest conventional course (8
    /// weeks, 35–40 fractions) — a "131I 治疗" of 2016 read as the current treatment in 2026.
    public var effectiveEnd: PartialDate? {
        switch kind {
        case .surgery: return end ?? start
        case .radiotherapy:
            guard end == nil, let start, !planned else { return end }
            let days = fractions.map { max(1, ($0 * 7 + 4) / 5) } ?? Self.longestRadiotherapyCourseDays
            return PartialDate(dayNumber: start.latestDay + days - 1)
        default: return end
        }
    }

    /// The longest conventional external-beam course: 35–40 fractions, five a week.
    static let longestRadiotherapyCourseDays = 56

    /// Whether the treatment was active at any time strictly between two dates. Partial dates
    /// count wherever they might fall, so a treatment is never silently left out of a window.
    public func isActive(after from: PartialDate, before to: PartialDate) -> Bool {
        guard !planned, let start, start.earliestDay < to.latestDay else { return false }
        if let end = effectiveEnd { return end.latestDay > from.earliestDay }
        return true
    }

    public func isActive(on date: PartialDate) -> Bool {
        guard !planned, let start, start.earliestDay <= date.latestDay else { return false }
        if let end = effectiveEnd { return end.latestDay >= date.earliestDay }
        return true
    }

    /// The name as entered, unless it is only the bone agent's generic English name: an EHR's
    /// (or BoneMet's own export's) "denosumab" then reads as the agent's label in each language —
    /// an imported course showed "denosumab" on the Chinese case page (cb83-a, 2026-12-05).
    var enteredName: String? {
        guard let name, let agent, name.lowercased().filter({ !$0.isWhitespace }) == agent.label.en.lowercased().filter({ !$0.isWhitespace }) else { return name }
        return nil
    }

    public var label: LocalizedText {
        // An operation is a day, not a course that is still running: "2025-01-15", not "2025-01-15–".
        let when = start.map { " \($0)" + (end.map { "–\($0)" } ?? (kind == .surgery ? "" : "–")) } ?? ""
        // Named as clinicians name it; the record id is never part of it (it is not a clinical word).
        if let text = enteredName ?? (drugs.isEmpty ? nil : drugs.joined(separator: " + ")) {
            return LocalizedText(en: "\(text)\(when) (\(kind.label.en))", zh: "\(text)\(when)（\(kind.label.zhHans)）")
        }
        if let named = agent?.label ?? procedure?.label {
            return LocalizedText(en: "\(named.en)\(when) (\(kind.label.en))", zh: "\(named.zhHans)\(when)（\(kind.label.zhHans)）")
        }
        // A radiotherapy course by its dose: "radiotherapy 20 Gy in 5 fractions" tells a
        // single 8 Gy from an SBRT course (re-irradiation, cord tolerance).
        if kind == .radiotherapy, let gy = doseGy {
            let dose = gy == gy.rounded() && abs(gy) < 1_000_000 ? String(Int(gy)) : String(describing: gy)
            let en = fractions.map { " in \($0) fraction\($0 == 1 ? "" : "s")" } ?? ""
            let zh = fractions.map { "/\($0) 次" } ?? ""
            return LocalizedText(en: "radiotherapy \(dose) Gy\(en)\(when)", zh: "放疗 \(dose) Gy\(zh)\(when)")
        }
        return LocalizedText(en: "\(kind.label.en)\(when)", zh: "\(kind.label.zhHans)\(when)")
    }

    /// The treatment's name alone (regimen, drugs, agent, procedure, else its kind).
    public var displayName: LocalizedText {
        if let text = enteredName ?? (drugs.isEmpty ? nil : drugs.joined(separator: " + ")) { return LocalizedText(en: text, zh: text) }
        return agent?.label ?? procedure?.label ?? kind.label
    }
}

public enum TreatmentKind: String, InputEnum, Codable {
    case systemic, radiotherapy, surgery, boneModifyingAgent

    public var label: LocalizedText {
        switch self {
        case .systemic: LocalizedText(en: "systemic therapy", zh: "全身治疗")
        case .radiotherapy: LocalizedText(en: "radiotherapy", zh: "放疗")
        case .surgery: LocalizedText(en: "surgery", zh: "手术")
        case .boneModifyingAgent: LocalizedText(en: "bone-modifying agent", zh: "骨改良药物")
        }
    }
}

public enum SystemicClass: String, ValueEnum, Codable {
    case chemotherapy, endocrine, targeted, immunotherapy, other

    public var label: LocalizedText {
        switch self {
        case .chemotherapy: LocalizedText(en: "chemotherapy", zh: "化疗")
        case .endocrine: LocalizedText(en: "endocrine therapy", zh: "内分泌治疗")
        case .targeted: LocalizedText(en: "targeted therapy", zh: "靶向治疗")
        case .immunotherapy: LocalizedText(en: "immunotherapy", zh: "免疫治疗")
        case .other: LocalizedText(en: "other", zh: "其他")
        }
    }
}

public enum StopReason: String, ValueEnum, Codable {
    case progression, toxicity, completed, patientChoice, other

    public var label: LocalizedText {
        switch self {
        case .progression: LocalizedText(en: "progression", zh: "进展")
        case .toxicity: LocalizedText(en: "toxicity", zh: "毒性")
        case .completed: LocalizedText(en: "completed", zh: "完成")
        case .patientChoice: LocalizedText(en: "patient's choice", zh: "患者意愿")
        case .other: LocalizedText(en: "other", zh: "其他")
        }
    }
}

public enum SurgicalProcedure: String, InputEnum, Codable {
    case prophylacticFixation, fractureFixation, arthroplasty, resection, curettage, decompression
    case separationSurgery, stabilisation, cementAugmentation, other

    public var label: LocalizedText {
        switch self {
        case .prophylacticFixation: LocalizedText(en: "prophylactic fixation", zh: "预防性内固定")
        case .fractureFixation: LocalizedText(en: "fracture fixation", zh: "骨折内固定")
        case .arthroplasty: LocalizedText(en: "arthroplasty", zh: "关节置换")
        case .resection: LocalizedText(en: "resection and reconstruction", zh: "切除重建")
        case .curettage: LocalizedText(en: "curettage", zh: "刮除术")
        case .decompression: LocalizedText(en: "decompression", zh: "减压术")
        case .separationSurgery: LocalizedText(en: "separation surgery", zh: "分离手术")
        case .stabilisation: LocalizedText(en: "stabilisation", zh: "稳定手术")
        case .cementAugmentation: LocalizedText(en: "cement augmentation", zh: "骨水泥强化")
        case .other: LocalizedText(en: "other surgery", zh: "其他手术")
        }
    }

    /// Procedures that protect a long bone against fracture.
    public var protectsLongBone: Bool {
        switch self {
        case .prophylacticFixation, .fractureFixation, .arthroplasty, .resection: true
        default: false
        }
    }

    /// Removes the lesion itself (en bloc or intralesional, or with the bone end replaced): its
    /// absence, or the cement in its cavity, afterwards is the operation, not a response.
    public var removesLesion: Bool {
        switch self {
        case .resection, .arthroplasty, .curettage: true
        default: false
        }
    }

    /// Procedures that stabilise or decompress the spine.
    public var treatsSpine: Bool {
        switch self {
        case .decompression, .separationSurgery, .stabilisation, .cementAugmentation, .resection: true
        default: false
        }
    }
}

public enum BoneAgent: String, InputEnum, Codable {
    case zoledronicAcid, denosumab, ibandronate, pamidronate, other

    public var label: LocalizedText {
        switch self {
        case .zoledronicAcid: LocalizedText(en: "zoledronic acid", zh: "唑来膦酸")
        case .denosumab: LocalizedText(en: "denosumab", zh: "地舒单抗")
        case .ibandronate: LocalizedText(en: "ibandronate", zh: "伊班膦酸钠")
        case .pamidronate: LocalizedText(en: "pamidronate", zh: "帕米膦酸二钠")
        case .other: LocalizedText(en: "other bone-modifying agent", zh: "其他骨改良药物")
        }
    }
}
