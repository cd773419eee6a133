/// Renders a report as JSON (contract keys first) or as text for a terminal, in one language.
extension CalculatorReport {
    public func json(_ language: Language) -> JSONValue {
        var object = JSONObject()
        object["calculator"] = .string(calculator)
        for (key, value) in values.pairs { object[key] = value }
        object["missing"] = .array(missing.map(JSONValue.string))
        object["title"] = .string(title(language))
        object["summary"] = .string(summary(language))
        object["interpretation"] = band.map { Self.json($0, language) } ?? .null
        if band == nil && !possibleBands.isEmpty {
            object["possibleInterpretations"] = .array(possibleBands.map { Self.json($0, language) })
        }
        if !components.isEmpty {
            object["components"] = .array(components.map { Self.json($0, language) })
        }
        object["advice"] = .array(advice.map { .string($0(language)) })
        object["specialty"] = .object(JSONObject(["id": .string(specialty.rawValue), "label": .string(specialty.label(language))]))
        object["caveats"] = .array(caveats.map { .string($0(language)) })
        object["sources"] = .array(sources.map { .object(JSONObject(["id": .string($0.id), "text": .string($0.text)])) })
        object["ruleSetVersion"] = .string(ruleSetVersion)
        object["language"] = .string(language.rawValue)
        return .object(object)
    }

    private static func json(_ info: BandInfo, _ language: Language) -> JSONValue {
        .object(JSONObject([
            "id": .string(info.id), "label": .string(info.label(language)),
            "meaning": .string(info.meaning(language)), "recommendation": .string(info.recommendation(language)),
        ]))
    }

    private static func json(_ component: ScoreComponent, _ language: Language) -> JSONValue {
        .object(JSONObject([
            "field": .string(component.key),
            "label": .string(component.label(language)),
            "value": component.value.map(JSONValue.string) ?? .null,
            "valueLabel": component.valueLabel.map { .string($0(language)) } ?? .null,
            "points": component.points.map(JSONValue.int) ?? .null,
            "min": .int(component.possible.lowerBound),
            "max": .int(component.possible.upperBound),
        ]))
    }

    public func text(_ language: Language) -> String {
        let words = RenderWords.self
        let colon = language == .zhHans ? "：" : ": "
        var lines = ["\(title(language))", "  \(summary(language))"]
        if !components.isEmpty {
            lines.append(words.components(language))
            for component in components {
                let value = component.valueLabel.map { $0(language) } ?? words.unknown(language)
                let points = component.points.map(String.init)
                    ?? "\(component.possible.lowerBound)–\(component.possible.upperBound)"
                lines.append("  - \(component.label(language))\(colon)\(value) → \(points)")
            }
        }
        if let band {
            lines.append("\(words.band(language))\(colon)\(band.label(language)) — \(band.meaning(language))")
            lines.append("\(words.recommendation(language))\(colon)\(band.recommendation(language))")
        } else if !possibleBands.isEmpty {
            lines.append("\(words.possibleBands(language))\(colon)" + possibleBands.map { $0.label(language) }.joined(separator: " / "))
        }
        if !missing.isEmpty { lines.append("\(words.missing(language))\(colon)" + missing.joined(separator: ", ")) }
        for item in advice { lines.append("\(words.advice(language))\(colon)\(item(language))") }
        lines.append("\(words.specialty(language))\(colon)\(specialty.label(language))")
        for caveat in caveats { lines.append("\(words.caveat(language))\(colon)\(caveat(language))") }
        for source in sources { lines.append("\(words.source(language))\(colon)\(source(language))") }
        lines.append("\(words.ruleSet(language)): \(ruleSetVersion)")
        return lines.joined(separator: "\n")
    }
}

/// Labels of the text rendering.
enum RenderWords {
    static let components = LocalizedText(en: "Components", zh: "评分项")
    static let unknown = LocalizedText(en: "unknown", zh: "未知")
    static let band = LocalizedText(en: "Band", zh: "分级")
    static let recommendation = LocalizedText(en: "Recommendation", zh: "建议")
    static let possibleBands = LocalizedText(en: "Possible bands (items unknown)", zh: "可能的分级（部分项目未知）")
    static let missing = LocalizedText(en: "Missing", zh: "缺失项")
    static let advice = LocalizedText(en: "Advice", zh: "提示")
    static let specialty = LocalizedText(en: "Responsible specialty", zh: "负责科室")
    static let caveat = LocalizedText(en: "Caveat", zh: "注意")
    static let source = LocalizedText(en: "Source", zh: "来源")
    static let ruleSet = LocalizedText(en: "Rule set", zh: "规则集版本")

    static let all = [components, unknown, band, recommendation, possibleBands, missing, advice, specialty, caveat, source, ruleSet]
}
