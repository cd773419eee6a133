import BoneMetRules

/// `bonemet calc --list`: every calculator with its fields, allowed values and an example.
enum CalculatorListing {
    static func json(_ language: Language) -> JSONValue {
        .array(Calculators.all.map { calculator in
            var object = JSONObject()
            object["name"] = .string(calculator.name)
            object["title"] = .string(calculator.title(language))
            object["purpose"] = .string(calculator.purpose(language))
            object["fields"] = .array(calculator.fields.map { field in
                .object(JSONObject([
                    "key": .string(field.key), "label": .string(field.label(language)),
                    "allowed": .string(field.allowedDescription), "required": .bool(field.required),
                ]))
            })
            object["example"] = .object(calculator.example)
            return .object(object)
        })
    }

    static func text(_ language: Language) -> String {
        let required = LocalizedText(en: "required", zh: "必填")(language)
        let example = LocalizedText(en: "example", zh: "示例")(language)
        return Calculators.all.map { calculator in
            var lines = ["\(calculator.name) — \(calculator.title(language))", "  \(calculator.purpose(language))"]
            for field in calculator.fields {
                let mark = field.required ? " (\(required))" : ""
                lines.append("  \(field.key)\(mark): \(field.allowedDescription) — \(field.label(language))")
            }
            lines.append("  \(example): bonemet calc \(calculator.name) --json '\(JSONValue.object(calculator.example).serialized(pretty: false))'")
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
