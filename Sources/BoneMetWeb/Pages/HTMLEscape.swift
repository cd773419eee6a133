import Plot

/// Plot escapes text nodes but writes attribute values as they are (issue #11): a value a user
/// typed — a search, a form field kept after an error, a lesion note shown in the editor — could
/// close the attribute and inject markup. Every attribute value that can hold user text goes
/// through `attribute(_:)`, via the `typed…` helpers below (a test renders the pages with
/// attribute-breaking payloads).
enum HTMLEscape {
    static func attribute(_ value: String) -> String {
        escape(value) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            default: nil
            }
        }
    }

    /// Text content escaped for HTML (`&`, `<`, `>`). Plot's own escaping builds a String per
    /// character — an eighth of a page's cost under load (issue #12) — and passes entities in
    /// the text through as markup; this scans the UTF-8 bytes once and returns the text itself
    /// when nothing needs escaping.
    static func text(_ value: String) -> String {
        escape(value) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            default: nil
            }
        }
    }

    /// One pass over the UTF-8 bytes (every character to escape is ASCII, so multi-byte
    /// characters pass through whole); the text itself when nothing needs escaping.
    private static func escape(_ value: String, _ entity: (UInt8) -> StaticString?) -> String {
        var value = value
        return value.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { entity($0) != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if let replacement = entity(byte) {
                    replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? value
    }
}

extension Node {
    /// Shadows Plot's `Node.text` in this module: the same escaping of `&`, `<` and `>`, done
    /// in one pass over the bytes (HTMLEscape.text).
    static func text(_ text: String) -> Node {
        .raw(HTMLEscape.text(text))
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
