/// Radium-223 against its label (rule set 2026.12.149). A castration-resistant prostate cancer
/// with liver metastases was given radium-223 and nothing was said (cb24-f): the label is for
/// castration-resistant disease with symptomatic bone metastases and no known visceral metastatic
/// disease (ALSYMPCA, Parker 2013, enrolled no one with visceral metastases); blood counts are
/// checked before every dose — before the first ANC ≥ 1.5 × 10⁹/L, platelets ≥ 100 × 10⁹/L and
/// haemoglobin ≥ 10 g/dL, before the later ones ANC ≥ 1.0 × 10⁹/L and platelets ≥ 50 × 10⁹/L —
/// and chemotherapy beside it is not recommended outside clinical trials (additive marrow
/// suppression). The abiraterone combination is `radiumWithAbiraterone`.
extension BoneAgentRules {
    static let parker2013 = Citation(
        id: "parker2013", text: "Parker C et al. N Engl J Med 2013;369:213-23 (ALSYMPCA: radium-223 in castration-resistant prostate cancer with symptomatic bone metastases, no visceral metastases)")
    static let xofigoIndication = Citation(
        id: "xofigoIndication",
        text: "Xofigo (radium-223) prescribing information: castration-resistant prostate cancer with symptomatic bone metastases and no known visceral metastatic disease; blood counts before every dose (first: ANC ≥ 1.5 × 10⁹/L, platelets ≥ 100 × 10⁹/L, haemoglobin ≥ 10 g/dL; later: ANC ≥ 1.0 × 10⁹/L, platelets ≥ 50 × 10⁹/L); not with chemotherapy outside clinical trials",
        zh: "Xofigo（镭-223）说明书：用于伴症状性骨转移且无已知内脏转移的去势抵抗性前列腺癌；每次给药前查血常规（首次：ANC ≥1.5×10⁹/L、血小板 ≥100×10⁹/L、血红蛋白 ≥10 g/dL；其后：ANC ≥1.0×10⁹/L、血小板 ≥50×10⁹/L）；临床试验外不与化疗联用")

    /// The label's blood-count limits (Xofigo prescribing information): before the first dose and
    /// before each later one. Haemoglobin only before the first.
    enum RadiumCounts {
        static let firstPlateletsPerUl = 100_000.0
        static let firstHaemoglobinGdL = 10.0
        static let laterPlateletsPerUl = 50_000.0
    }

    func radiumAgainstLabel() -> [Finding] {
        guard index.knownPrimaries.contains(where: { $0.site == .prostate }) else { return [] }
        // A course given now or planned, as for the abiraterone combination (`currentRadium`).
        guard let course = currentRadium().first else { return [] }
        let given = !course.planned && (course.start != nil || !course.doses.isEmpty)
        var reasons: [LocalizedText] = []

        // Visceral metastases (lymph nodes are none: ALSYMPCA took nodes < 3 cm).
        let visceral = (index.record.visceralMetastases ?? []).filter { !$0.isLymphNode }
        if !visceral.isEmpty {
            let organs = visceral.map { v in
                LocalizedText(en: v.date.map { "\(v.organ) (\($0))" } ?? v.organ, zh: v.date.map { "\(ImportMarkers.shown(v.organ, zh: true))（\($0)）" } ?? ImportMarkers.shown(v.organ, zh: true))
            }
            let list = LocalizedText.joined(organs, en: ", ", zh: "、")
            reasons.append(LocalizedText(
                en: "visceral metastases on record — \(list.en): the label is for disease without known visceral metastases, and ALSYMPCA enrolled none",
                zh: "病历有内脏转移——\(list.zhHans)：说明书适用于无已知内脏转移者，ALSYMPCA 未纳入内脏转移患者"))
        }
        // Castration-sensitive disease recorded: the label is castration-resistant disease.
        if index.knownPrimaries.contains(where: { $0.site == .prostate && $0.isCastrationResistant == false }) {
            reasons.append(LocalizedText(
                en: "the prostate cancer is recorded as castration-sensitive: the label is castration-resistant disease",
                zh: "前列腺癌记录为去势敏感：说明书适用于去势抵抗性疾病"))
        }
        // Blood counts against the dose they came before. A course already given had its first
        // dose against the first-dose limits, with the counts on or before it: a haemoglobin of
        // 9.2 g/dL three weeks before radium-223 began was read against "a later dose", which has
        // no haemoglobin limit, and nothing was said (unseen record cb81-ab, 2026.12.315). The
        // latest counts after the first dose are held to the later doses' limits.
        let firstDose = given ? ([course.doses.filter(index.known).min(), course.start].compactMap { $0 }.min()) : nil
        let beforeFirst: (LabTest) -> LabResult? = { test in
            firstDose.map { index.latestLab(test, onOrBefore: $0) } ?? index.latestLab(test)
        }
        // A count below the first dose's limit: "its first dose (…) followed …" once given.
        func firstDoseReason(_ lab: LabResult, _ value: LocalizedText, limit: String) -> LocalizedText {
            firstDose.map { day in
                LocalizedText(
                    en: "its first dose (\(day)) followed \(value.en) (\(lab.date)), below the label's \(limit) before the first dose",
                    zh: "首次给药（\(day)）前\(value.zhHans)（\(lab.date)），低于说明书首次给药前要求的 \(limit)")
            } ?? LocalizedText(
                en: "\(value.en) (\(lab.date)) below the label's \(limit) before the first dose",
                zh: "\(value.zhHans)（\(lab.date)）低于说明书首次给药前要求的 \(limit)")
        }
        if let platelets = beforeFirst(.platelets), let count = platelets.canonicalValue, count < RadiumCounts.firstPlateletsPerUl {
            reasons.append(firstDoseReason(
                platelets, LocalizedText(
                    en: "\(firstDose == nil ? "platelets" : "platelets of") \(count.groupedThousands)/µL",
                    zh: "血小板 \(count.groupedThousands)/µL"), limit: "100 000/µL"))
        }
        if let firstDose, let platelets = index.latestLab(.platelets), platelets.date.earliestDay > firstDose.latestDay,
           let count = platelets.canonicalValue, count < RadiumCounts.laterPlateletsPerUl {
            reasons.append(LocalizedText(
                en: "platelets \(count.groupedThousands)/µL (\(platelets.date)) below the label's 50 000/µL before a later dose",
                zh: "血小板 \(count.groupedThousands)/µL（\(platelets.date)）低于说明书后续给药前要求的 50 000/µL"))
        }
        if let haemoglobin = beforeFirst(.hemoglobin), let hb = haemoglobin.canonicalValue, hb < RadiumCounts.firstHaemoglobinGdL {
            reasons.append(firstDoseReason(
                haemoglobin, LocalizedText(
                    en: "\(firstDose == nil ? "haemoglobin" : "a haemoglobin of") \(CaseIndex.format(hb)) g/dL",
                    zh: "血红蛋白 \(CaseIndex.format(hb)) g/dL"), limit: "10 g/dL"))
        }
        // Chemotherapy running beside it (docetaxel, cabazitaxel …): additive marrow suppression.
        let radiumStart = (course.start ?? course.doses.min() ?? index.assessedOn).earliestDay
        let chemotherapy = index.systemicReadings.filter { therapy, reading in
            therapy.id != course.id && reading.classes.contains(.chemotherapy)
                && (therapy.end.map { $0.latestDay >= radiumStart } ?? true)
        }.map(\.therapy)
        if let chemo = chemotherapy.first {
            reasons.append(LocalizedText(
                en: "chemotherapy beside it (\(chemo.label.en)): not recommended outside clinical trials — additive marrow suppression",
                zh: "同时进行化疗（\(chemo.label.zhHans)）：临床试验外不推荐——骨髓抑制叠加"))
        }
        guard !reasons.isEmpty else { return [] }
        let list = LocalizedText.joined(reasons, en: "; ", zh: "；")
        let counts = LocalizedText(
            en: " Before every dose the label asks for blood counts: first dose ANC ≥ 1.5 × 10⁹/L, platelets ≥ 100 × 10⁹/L, haemoglobin ≥ 10 g/dL; later doses ANC ≥ 1.0 × 10⁹/L, platelets ≥ 50 × 10⁹/L (stop if they do not recover within 6–8 weeks).",
            zh: "说明书要求每次给药前查血常规：首次中性粒细胞绝对计数（ANC）≥1.5×10⁹/L、血小板 ≥100×10⁹/L、血红蛋白 ≥10 g/dL；后续 ANC ≥1.0×10⁹/L、血小板 ≥50×10⁹/L（6–8 周内未恢复则停药）。")
        return [Finding(
            ruleId: "boneAgents.radium223.label", severity: .warning, duty: .boneAgents, specialty: .medicalOncology,
            subject: .treatment(course.id), date: index.assessedOn,
            title: LocalizedText(en: "Radium-223 outside its label", zh: "镭-223 超出说明书适用范围"),
            detail: LocalizedText(
                en: "\(course.label.en) \(course.planned ? "is planned" : "runs"): \(list.en). Decide at the MDT: radium-223 or another line.\(counts.en)",
                zh: "\(course.label.zhHans)\(course.planned ? "已计划" : "正在进行")：\(list.zhHans)。请在 MDT 讨论：镭-223 或其他治疗。\(counts.zhHans)"),
            inputs: [FindingInput("radium223", course.id)] + reasons.indices.map { FindingInput("reason\($0 + 1)", reasons[$0].en) },
            sources: [Self.xofigoIndication, Self.parker2013])]
    }
}
