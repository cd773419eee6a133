import Foundation

/// An assessment rendered for people and programs, in one language: JSON (API and
/// `bonemet assess --format json`), plain text, or Markdown (printable, pasteable into notes).
public enum AssessmentReport {
    public static func json(_ assessment: Assessment, record: CaseRecord, language: Language) -> JSONValue {
        var object = JSONObject()
        object["patient"] = .object(JSONObject(["id": .string(record.patient.id), "fictional": .bool(record.patient.fictional)]))
        object["asOf"] = .string(assessment.asOf.description)
        object["ruleSetVersion"] = .string(assessment.ruleSetVersion)
        object["language"] = .string(language.rawValue)
        object["settings"] = settings(assessment.settings)
        object["findings"] = .array(assessment.findings.map { finding($0, language) })
        object["timePoints"] = .array(assessment.timePoints.map { timePoint($0, language) })
        object["mirels"] = .array(assessment.mirels.map { point in
            .object(JSONObject([
                "lesion": .string(point.lesion), "study": .string(point.study), "date": .string(point.date.description),
                "score": point.total.score.map(JSONValue.int) ?? .null, "min": .int(point.total.min), "max": .int(point.total.max),
                "band": point.band.map { .string($0.rawValue) } ?? .null,
                "fixationAlert": point.fixationAlert.map(JSONValue.bool) ?? .null,
                "missing": .array(point.total.missing.map(JSONValue.string)),
            ]))
        })
        var scores = JSONObject()
        if let result = assessment.tokuhashi { scores["tokuhashi"] = score(result.total, band: result.prognosis?.rawValue) }
        if let result = assessment.tomita { scores["tomita"] = score(result.total, band: result.strategy?.rawValue) }
        if let result = assessment.katagiri { scores["katagiri"] = score(result.total, band: result.risk?.rawValue) }
        object["scores"] = .object(scores)
        return .object(object)
    }

    static func settings(_ settings: RuleSettings) -> JSONValue { settings.json }

    static func score(_ total: ScoreTotal, band: String?) -> JSONValue {
        .object(JSONObject([
            "score": total.score.map(JSONValue.int) ?? .null, "min": .int(total.min), "max": .int(total.max),
            "band": band.map(JSONValue.string) ?? .null, "missing": .array(total.missing.map(JSONValue.string)),
        ]))
    }

    public static func finding(_ finding: Finding, _ language: Language) -> JSONValue {
        var object = JSONObject()
        object["ruleId"] = .string(finding.ruleId)
        object["severity"] = .string(finding.severity.rawValue)
        object["duty"] = .string(finding.duty.rawValue)
        object["specialty"] = .string(finding.specialty.rawValue)
        object["specialtyLabel"] = .string(finding.specialty.label(language))
        object["subject"] = .object(JSONObject(["kind": .string(finding.subject.kind), "id": finding.subject.id.map(JSONValue.string) ?? .null]))
        object["date"] = finding.date.map { .string($0.description) } ?? .null
        object["title"] = .string(finding.title(language))
        object["detail"] = .string(finding.detail(language))
        object["inputs"] = .object(JSONObject(finding.inputs.map { ($0.name, JSONValue.string($0.value)) }))
        object["sources"] = .array(finding.sources.map { .object(JSONObject(["id": .string($0.id), "text": .string($0.text)])) })
        object["ruleSetVersion"] = .string(finding.ruleSetVersion)
        object["withinHours"] = finding.withinHours.map(JSONValue.int) ?? .null
        object["claims"] = .array(finding.claims.map { claim in
            .object(JSONObject(["topic": .string(claim.topic.rawValue), "about": .string(claim.about), "stance": .string(claim.stance)]))
        })
        return .object(object)
    }

    static func timePoint(_ point: TimePointResponse, _ language: Language) -> JSONValue {
        .object(JSONObject([
            "study": .string(point.study), "previousStudy": .string(point.previousStudy),
            "from": .string(point.from.description), "to": .string(point.to.description),
            "modality": .string(point.modality.rawValue), "overall": .string(point.overall.rawValue),
            "untreated": .bool(point.untreated), "treatments": .array(point.treatments.map(JSONValue.string)),
            "flare": .bool(point.flare), "newLesions": .array(point.newLesions.map(JSONValue.string)),
            "unnamedNewLesions": .int(point.unnamedNewLesions), "newCharacterPending": .bool(point.newCharacterPending),
            "lesions": .array(point.lesions.map { response in
                .object(JSONObject([
                    "lesion": .string(response.lesion), "category": .string(response.category.rawValue),
                    "reasons": .array(response.reasons.map { .string($0(language)) }),
                    "sizeChangePercent": response.sizeChangePercent.map(JSONValue.double) ?? .null,
                    "new": .bool(response.isNew), "firstRecorded": .bool(response.firstRecorded), "flare": .bool(response.flare),
                ]))
            }),
        ]))
    }

    static let words = (
        title: LocalizedText(en: "BoneMet assessment", zh: "BoneMet 骨转移评估"),
        patient: LocalizedText(en: "Patient", zh: "患者"),
        fictional: LocalizedText(en: "FICTIONAL CASE", zh: "虚构病例"),
        asOf: LocalizedText(en: "as of", zh: "评估日期"),
        none: LocalizedText(en: "no findings", zh: "无结论"),
        source: LocalizedText(en: "Source", zh: "来源"),
        specialty: LocalizedText(en: "Responsible", zh: "负责科室"),
        ruleSet: LocalizedText(en: "Rule set", zh: "规则集版本"),
        settings: LocalizedText(en: "Settings", zh: "规则设置")
    )

    static let marks: [Severity: String] = [.urgent: "!!!", .warning: "!!", .advisory: "!", .info: "·"]

    public static func text(_ assessment: Assessment, record: CaseRecord, language: Language) -> String {
        var lines = [header(assessment, record: record, language: language), ""]
        for duty in Duty.allCases {
            let findings = assessment.findings(for: duty)
            lines.append("== \(duty.label(language)) ==")
            if findings.isEmpty { lines.append("  (\(words.none(language)))") }
            for finding in findings {
                lines.append("\(marks[finding.severity] ?? "·") [\(finding.severity.label(language))] \(finding.title(language))")
                lines.append("    \(finding.detail(language))")
                let colon = language == .zhHans ? "：" : ": "
                lines.append("    \(words.specialty(language))\(colon)\(finding.specialty.label(language)) · \(words.source(language))\(colon)\(Citation.line(finding.sources, language))")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    public static func markdown(_ assessment: Assessment, record: CaseRecord, language: Language) -> String {
        var lines = ["# \(words.title(language))", "", header(assessment, record: record, language: language), ""]
        for duty in Duty.allCases {
            lines.append("## \(duty.label(language))")
            lines.append("")
            let findings = assessment.findings(for: duty)
            if findings.isEmpty { lines.append("_\(words.none(language))_") }
            for finding in findings {
                lines.append("- **\(finding.severity.label(language))** — \(escape(finding.title(language)))  ")
                lines.append("  \(escape(finding.detail(language)))  ")
                lines.append("  _\(words.specialty(language)): \(finding.specialty.label(language)); \(words.source(language)): \(escape(Citation.line(finding.sources, language)))_")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func header(_ assessment: Assessment, record: CaseRecord, language: Language) -> String {
        let fictional = record.patient.fictional ? " — \(words.fictional(language))" : ""
        let colon = language == .zhHans ? "：" : ": "
        return "\(words.patient(language)) \(record.patient.id)\(fictional) · \(words.asOf(language)) \(assessment.asOf) · \(words.ruleSet(language)) \(assessment.ruleSetVersion)\n\(words.settings(language))\(colon)\(assessment.settings.summary(language))"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "*", with: "\\*").replacingOccurrences(of: "_", with: "\\_")
    }
}
