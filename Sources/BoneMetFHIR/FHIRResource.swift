/// One FHIR resource, checked against the rules a strict reader must enforce (standards.md):
/// no empty strings, arrays or objects; an unknown `modifierExtension` rejects the resource
/// (it may change the meaning of everything else); a choice element (`value[x]`, `onset[x]` …)
/// appears in one variant only. Unknown ordinary extensions are kept, untouched.
public struct FHIRResource: Sendable, Hashable {
    public let json: FHIRJSON
    public let resourceType: String
    public let id: String?

    /// Modifier extensions we understand (none yet): any other rejects the resource.
    public static let knownModifierExtensions: Set<String> = []

    /// Choice-element bases of the resources we read (FHIR R4).
    static let choiceBases: Set<String> = [
        "value", "onset", "abatement", "effective", "deceased", "multipleBirth", "medication", "reported", "performed",
        "occurrence", "asNeeded", "dose", "rate", "born", "timing", "serviced", "product", "item",
    ]

    public init(_ json: FHIRJSON) throws(FHIRError) {
        guard case .object = json else { throw FHIRError("a resource must be a JSON object") }
        guard let type = json["resourceType"]?.string, !type.isEmpty else { throw FHIRError("missing resourceType", path: "resourceType") }
        try Self.check(json, path: type)
        self.json = json
        self.resourceType = type
        self.id = json["id"]?.string
    }

    public init(parsing text: String) throws(FHIRError) {
        try self.init(try FHIRJSON.parse(text))
    }

    static func check(_ node: FHIRJSON, path: String) throws(FHIRError) {
        switch node {
        case .string(let text):
            if text.isEmpty { throw FHIRError("empty string (leave the element out instead)", path: path) }
        case .array(let items):
            if items.isEmpty { throw FHIRError("empty array (leave the element out instead)", path: path) }
            for (index, item) in items.enumerated() { try check(item, path: "\(path)[\(index)]") }
        case .object(let members):
            if members.isEmpty { throw FHIRError("empty object (leave the element out instead)", path: path) }
            var choices: [String: String] = [:]
            for member in members {
                if member.key == "modifierExtension" {
                    for (index, extensionNode) in member.value.array.enumerated() {
                        let url = extensionNode["url"]?.string ?? "?"
                        if !knownModifierExtensions.contains(url) {
                            throw FHIRError("unknown modifierExtension \(url): the resource cannot be used safely", path: "\(path).modifierExtension[\(index)]")
                        }
                    }
                }
                if let base = choiceBase(member.key) {
                    if let other = choices[base] {
                        throw FHIRError("\(base)[x] given twice (\(other) and \(member.key)); only one variant is allowed", path: "\(path).\(member.key)")
                    }
                    choices[base] = member.key
                }
                // Primitive extensions (`_field`) may hold only `id` and `extension`.
                try check(member.value, path: "\(path).\(member.key)")
            }
        case .number, .bool, .null:
            break
        }
    }

    /// `valueQuantity` → `value`; `valueSet` or `value` → nil (not a choice variant).
    /// Called for every member of every resource: works on UTF-8 bytes (O(1) counts), since
    /// `String.count` walks the characters and dominated the import profile.
    static func choiceBase(_ key: String) -> String? {
        let bytes = key.utf8
        for base in choiceBases where bytes.count > base.utf8.count && key.hasPrefix(base) {
            let next = bytes[bytes.index(bytes.startIndex, offsetBy: base.utf8.count)]
            // An ASCII capital after the base: `valueQuantity`, `onsetDateTime` (not `valueSet`).
            if (0x41...0x5A).contains(next), key != "valueSet" { return base }
        }
        return nil
    }
}
