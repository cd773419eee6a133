import Plot

/// Plot escapes text nodes but writes attribute values as they are (issue #11): a value a user
/// typed — a search, a form field kept after an error, a lesion note shown in the editor — could
/// close the attribute and inject markup. Every attribute value that can hold user text goes
/// through `attribute(_:)`, via the `typed…` helpers below (a test renders the pages with
/// attribute-breaking payloads).
enum HTMLEscape {
    static func attribute(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension Attribute where Context == HTML.InputContext {
    /// `value="…"` for text a user typed or the record holds, escaped.
    static func typedValue(_ value: String) -> Attribute {
        Attribute(name: "value", value: HTMLEscape.attribute(value), ignoreIfValueIsEmpty: false)
    }

    /// `placeholder="…"`, escaped.
    static func typedPlaceholder(_ value: String) -> Attribute {
        Attribute(name: "placeholder", value: HTMLEscape.attribute(value))
    }
}
