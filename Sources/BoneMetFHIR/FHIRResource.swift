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

    /// A resource BoneMet staged itself: it passed `check` when it was staged (the import's
    /// pass 1), so pass 2 only parses it (issue #12: the strict reader is for input).
    init(staged text: String) throws(FHIRError) {
        let json = try FHIRJSON.parse(text)
        guard case .object = json, let type = json["resourceType"]?.string, !type.isEmpty else { throw FHIRError("not a staged resource") }
        self.json = json
        self.resourceType = type
        self.id = json["id"]?.string
    }

    /// One step of the path to a node: a member name or an array index.
    enum Step {
        case key(String)
        case index(Int)
    }

    /// The path as FHIRPath-like text (`Observation.code.coding[0]`), built only for an error:
    /// building it for every node was a measurable part of the import.
    static func text(_ steps: [Step]) -> String {
        steps.reduce(into: "") { text, step in
            switch step {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
    }

    static func check(_ node: FHIRJSON, path: String) throws(FHIRError) {
        var steps: [Step] = [.key(path)]
        try check(node, steps: &steps)
    }

    static func check(_ node: FHIRJSON, steps: inout [Step]) throws(FHIRError) {
        switch node {
        case .string(let value):
            if value.isEmpty { throw FHIRError("empty string (leave the element out instead)", path: text(steps)) }
        case .array(let items):
            if items.isEmpty { throw FHIRError("empty array (leave the element out instead)", path: text(steps)) }
            for (index, item) in items.enumerated() {
                steps.append(.index(index))
                try check(item, steps: &steps)
                steps.removeLast()
            }
        case .object(let members):
            if members.isEmpty { throw FHIRError("empty object (leave the element out instead)", path: text(steps)) }
            // Choice variants met so far (an object has none or a few: a list, not a dictionary).
            var choices: [(base: String, key: String)] = []
            for member in members {
                if member.key == "modifierExtension" {
                    for (index, extensionNode) in member.value.array.enumerated() {
                        let url = extensionNode["url"]?.string ?? "?"
                        if !knownModifierExtensions.contains(url) {
                            throw FHIRError(
                                "unknown modifierExtension \(url): the resource cannot be used safely", path: text(steps + [.key("modifierExtension"), .index(index)]))
                        }
                    }
                }
                if let base = choiceBase(member.key) {
                    if let other = choices.first(where: { $0.base == base }) {
                        throw FHIRError(
                            "\(base)[x] given twice (\(other.key) and \(member.key)); only one variant is allowed", path: text(steps + [.key(member.key)]))
                    }
                    choices.append((base, member.key))
                }
                steps.append(.key(member.key))
                try check(member.value, steps: &steps)
                steps.removeLast()
            }
        case .number, .bool, .null:
            break
        }
    }

    /// `valueQuantity` → `value`; `valueSet` or `value` → nil (not a choice variant).
    /// Called for every member of every resource, so it works on UTF-8 bytes. A variant has an
    /// ASCII capital right after its base, so only the parts of a key before one of its capitals
    /// can be its base (`multipleBirth` in `multipleBirthInteger` is cut at the B and at the I):
    /// a look-up for each, not a walk through every base (a seventh of parsing and checking).
    static func choiceBase(_ key: String) -> String? {
        let bytes = key.utf8
        var index = bytes.startIndex
        while let capital = bytes[index...].firstIndex(where: { (0x41...0x5A).contains($0) }) {
            if capital != bytes.startIndex, let base = String(bytes[..<capital]), choiceBases.contains(base) {
                return key == "valueSet" ? nil : base
            }
            index = bytes.index(after: capital)
        }
        return nil
    }
}
