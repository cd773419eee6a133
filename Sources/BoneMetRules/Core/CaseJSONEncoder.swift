/// Writes an `Encodable` value as the JSON text Foundation's `JSONEncoder` gives with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` — byte for byte, so stored case
/// files, their import hashes and exports are unchanged — without Foundation (issue #12: its
/// encoder was 8 % of a bulk import). `CaseJSONEncoderTests` compares the two on every example
/// case, generated records and awkward strings.
///
/// Only what case records use is supported: strings, booleans, integers, doubles, nested
/// objects and arrays. A non-finite double fails (as Foundation's does).
public enum CaseJSONEncoder {
    public struct Unencodable: Error, Sendable {
        public let reason: String
    }

    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        // Written as UTF-8 bytes and made a String once: appending to a String checks its
        // storage and flags at every piece (half of writing a case file, issue #12).
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        write(encoder.root ?? .object(ObjectRef()), indent: 0, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: The tree

    final class ObjectRef {
        /// In the order encoded; a key written twice keeps its last value (as a dictionary
        /// would). A list, not a dictionary: hashing every key was a sixth of the encoder.
        private(set) var members: [(key: String, node: Node)] = []

        func set(_ key: String, _ node: Node) { members.append((key, node)) }

        /// The members in key order (UTF-8 bytes), each key once with its last value. Sorted in
        /// place (the tree is written once): copying every member out was a tenth of writing.
        func sortInKeyOrder() -> [(key: String, node: Node)] {
            // Swift's sort is stable: of members with one key, the last encoded stays last.
            members.sort { keyOrder($0.key, $1.key) }
            var index = members.count - 1
            while index > 0 {
                if members[index - 1].key == members[index].key { members.remove(at: index - 1) }
                index -= 1
            }
            return members
        }
    }

    final class ArrayRef {
        var items: [Node] = []
    }

    enum Node {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case object(ObjectRef)
        case array(ArrayRef)
    }

    /// A value as a node: primitives directly, anything else through its own `encode(to:)`.
    /// The primitives are recognised by their type, not by casting: a cast is tried against
    /// every case of the list for every record, array and enum (8 % of the encoder). A primitive
    /// wrapped in another type (`any Encodable`) still ends here through its own `encode(to:)`.
    static func node<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> Node {
        if T.self == String.self, let text = value as? String { return .string(text) }
        if T.self == Bool.self, let flag = value as? Bool { return .bool(flag) }
        if T.self == Int.self, let number = value as? Int { return .number(String(number)) }
        if T.self == Int64.self, let number = value as? Int64 { return .number(String(number)) }
        if T.self == Int32.self, let number = value as? Int32 { return .number(String(number)) }
        if T.self == UInt8.self, let number = value as? UInt8 { return .number(String(number)) }
        if T.self == UInt.self, let number = value as? UInt { return .number(String(number)) }
        if T.self == Double.self, let number = value as? Double { return try double(number) }
        if T.self == Float.self, let number = value as? Float { return try double(Double(number)) }
        let encoder = TreeEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.root ?? .object(ObjectRef())
    }

    /// Foundation writes a double by its shortest round-trip text without a trailing ".0".
    static func double(_ value: Double) throws -> Node {
        guard value.isFinite else { throw Unencodable(reason: "a number that is not finite") }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }

    // MARK: Writing (Foundation's pretty format: two spaces, `"key" : value`, keys sorted)

    /// Indentation, made once (a case file nests a few levels deep).
    static let indents: [[UInt8]] = (0..<32).map { [UInt8](repeating: 0x20, count: $0 * 2) }
    static func newline(_ indent: Int, to out: inout [UInt8]) {
        out.append(0x0A)
        if indent / 2 < indents.count {
            out.append(contentsOf: indents[indent / 2])
        } else {
            out.append(contentsOf: repeatElement(0x20, count: indent))
        }
    }

    static func write(_ node: Node, indent: Int, to out: inout [UInt8]) {
        switch node {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, to: &out)
        case .array(let array):
            out.append(UInt8(ascii: "["))
            guard !array.items.isEmpty else {
                out.append(0x0A)
                newline(indent, to: &out)
                out.append(UInt8(ascii: "]"))
                return
            }
            for (index, item) in array.items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 2, to: &out)
                write(item, indent: indent + 2, to: &out)
            }
            newline(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            guard !object.members.isEmpty else {
                out.append(0x0A)
                newline(indent, to: &out)
                out.append(UInt8(ascii: "}"))
                return
            }
            for (index, member) in object.sortInKeyOrder().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 2, to: &out)
                writeString(member.key, to: &out)
                out.append(contentsOf: " : ".utf8)
                write(member.node, indent: indent + 2, to: &out)
            }
            newline(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Keys in the order of their UTF-8 bytes.
    /// (On the strings' contiguous bytes: the generic comparison of two UTF-8 views walked them
    /// index by index.)
    static func keyOrder(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { left in
            b.withUTF8 { right in
                for offset in 0..<min(left.count, right.count) where left[offset] != right[offset] {
                    return left[offset] < right[offset]
                }
                return left.count < right.count
            }
        }
    }

    /// A JSON string as Foundation writes it: `"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f` escaped
    /// short, other control characters as `\u00XX` (lower-case hex), everything else as is
    /// (`JSONValue.writeString`, the FHIR writer's, writes `\b` and `\f` as `\u0008`, `\u000c`.)
    static func writeString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let utf8 = value.utf8
        // Most strings need no escape: appended whole.
        guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out.append(contentsOf: utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

// MARK: The Encoder

private final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var root: CaseJSONEncoder.Node?

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // A second request for the same object adds to it (as Foundation's does).
        if case .object(let existing) = root { return KeyedEncodingContainer(KeyedTree<Key>(object: existing, codingPath: codingPath)) }
        let object = CaseJSONEncoder.ObjectRef()
        root = .object(object)
        return KeyedEncodingContainer(KeyedTree<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let existing) = root { return UnkeyedTree(array: existing, codingPath: codingPath) }
        let array = CaseJSONEncoder.ArrayRef()
        root = .array(array)
        return UnkeyedTree(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleTree(encoder: self) }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: CaseJSONEncoder.ObjectRef
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { object.set(key.stringValue, try CaseJSONEncoder.double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, .number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.set(key.stringValue, try CaseJSONEncoder.node(value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = CaseJSONEncoder.ObjectRef()
        object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedTree<NestedKey>(object: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = CaseJSONEncoder.ArrayRef()
        object.set(key.stringValue, .array(nested))
        return UnkeyedTree(array: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { SubEncoder(codingPath: codingPath) { [object] in object.set("super", $0) } }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SubEncoder(codingPath: codingPath) { [object] in object.set(key.stringValue, $0) }
    }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
    let array: CaseJSONEncoder.ArrayRef
    let codingPath: [any CodingKey]
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.items.append(.null) }
    mutating func encode(_ value: Bool) throws { array.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.items.append(try CaseJSONEncoder.double(value)) }
    mutating func encode(_ value: Int) throws { array.items.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { array.items.append(try CaseJSONEncoder.node(value, codingPath: codingPath)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = CaseJSONEncoder.ObjectRef()
        array.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedTree<NestedKey>(object: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = CaseJSONEncoder.ArrayRef()
        array.items.append(.array(nested))
        return UnkeyedTree(array: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let index = array.items.count
        array.items.append(.null)
        return SubEncoder(codingPath: codingPath) { [array] in array.items[index] = $0 }
    }
}

private struct SingleTree: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.root = .null }
    mutating func encode(_ value: Bool) throws { encoder.root = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.root = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.root = try CaseJSONEncoder.double(value) }
    mutating func encode(_ value: Int) throws { encoder.root = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.root = try CaseJSONEncoder.node(value, codingPath: codingPath) }
}

/// An encoder whose result lands in a parent's slot when it is used (`superEncoder`).
private final class SubEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let inner: TreeEncoder
    let store: (CaseJSONEncoder.Node) -> Void

    init(codingPath: [any CodingKey], store: @escaping (CaseJSONEncoder.Node) -> Void) {
        self.codingPath = codingPath
        self.inner = TreeEncoder(codingPath: codingPath)
        self.store = store
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let container = inner.container(keyedBy: type)
        if let root = inner.root { store(root) }
        return container
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let container = inner.unkeyedContainer()
        if let root = inner.root { store(root) }
        return container
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        // A single value is known only once written: write straight into the parent.
        SubSingle(parent: self)
    }

    private struct SubSingle: SingleValueEncodingContainer {
        let parent: SubEncoder
        var codingPath: [any CodingKey] { parent.codingPath }
        mutating func encodeNil() throws { parent.store(.null) }
        mutating func encode(_ value: Bool) throws { parent.store(.bool(value)) }
        mutating func encode(_ value: String) throws { parent.store(.string(value)) }
        mutating func encode(_ value: Double) throws { parent.store(try CaseJSONEncoder.double(value)) }
        mutating func encode(_ value: Int) throws { parent.store(.number(String(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws { parent.store(try CaseJSONEncoder.node(value, codingPath: codingPath)) }
    }
}
