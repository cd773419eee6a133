import Foundation

/// A JSON value. Objects keep the order their keys were inserted in, so output is stable and
/// readable (contract keys first); input order never matters to any calculator.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The numeric value of `.int` or `.double`.
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// A short English name of the JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// An insertion-ordered JSON object.
///
/// Members are kept as a list and found by comparing keys: every object of a case file has a
/// few to a few dozen keys, and a dictionary per object (with a key list beside it) was a
/// tenth of reading a stored case (issue #12). From `indexedFrom` members on, positions are
/// also kept in a dictionary, so a hostile object with many keys stays linear to read.
public struct JSONObject: Sendable, Hashable {
    private var members: [(key: String, value: JSONValue)] = []
    private var positions: [String: Int]?
    static let indexedFrom = 24

    public init() {}

    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        for (key, value) in pairs { self[key] = value }
    }

    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// Members whose keys the caller knows to be distinct (the parser's), in their order.
    init(distinct pairs: [(key: String, value: JSONValue)]) {
        members = pairs
        if members.count >= Self.indexedFrom { reindex() }
    }

    private mutating func reindex() {
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count)
        for (position, member) in members.enumerated() { index[member.key] = position }
        positions = index
    }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return members.firstIndex { $0.key == key }
    }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    if positions != nil { reindex() }
                }
            } else if let newValue {
                members.append((key, newValue))
                if positions != nil {
                    positions?[key] = members.count - 1
                } else if members.count >= Self.indexedFrom {
                    reindex()
                }
            }
        }
    }

    /// The keys in insertion order.
    public var keys: [String] { members.map { $0.key } }
    public var isEmpty: Bool { members.isEmpty }
    /// The members in insertion order.
    public var pairs: [(key: String, value: JSONValue)] { members }

    /// Equal when the same keys hold equal values: JSON objects are unordered, order is presentation.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count && lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// Independent of the order of the members, as equality is.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var one = Hasher()
            one.combine(member.key)
            one.combine(member.value)
            combined ^= one.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONValue: Decodable {
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var object = JSONObject()
            // Decoders do not promise key order; sort so a decoded object is deterministic.
            for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                object[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
            self = .object(object)
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !container.isAtEnd { items.append(try container.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension JSONValue {
    /// Parses JSON text. The error names nothing of the content (it may hold patient data).
    public static func parse(_ text: String) throws(InputError) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw InputError(field: nil, problem: .malformedJSON)
        }
    }

    /// Compact or indented JSON text with keys in insertion order.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value):
            // Swift's description is the shortest text that round-trips, and keeps ".0" (4.0 stays 4.0).
            out += value.isFinite ? String(describing: value) : "null"
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, indent: indent, to: &out) { index, out, inner in
                items[index].write(to: &out, indent: inner)
            }
        case .object(let object):
            let pairs = object.pairs
            writeContainer(open: "{", close: "}", count: pairs.count, indent: indent, to: &out) { index, out, inner in
                JSONValue.writeString(pairs[index].key, to: &out)
                out += inner == nil ? ":" : ": "
                pairs[index].value.write(to: &out, indent: inner)
            }
        }
    }

    private func writeContainer(
        open: String, close: String, count: Int, indent: Int?, to out: inout String,
        element: (Int, inout String, Int?) -> Void
    ) {
        out += open
        guard count > 0 else { out += close; return }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            element(index, &out, inner)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }

    /// A JSON string literal (RFC 8259 escapes). Shared with the FHIR writer (`CaseJSONEncoder`
    /// writes bytes with Foundation's escapes).
    public static func writeString(_ value: String, to out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += value
            out += "\""
            return
        }
        // Runs between escapes are appended whole; only the escaped bytes are written one by one.
        // A run is cut from the UTF-8 view: its bounds are whole scalars (a byte below 0x80
        // always is one) though not always whole characters (a quote followed by a combining
        // mark), which String's own subscript would round.
        let utf8 = value.utf8
        var run = utf8.startIndex
        var index = run
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                utf8.formIndex(after: &index)
                continue
            }
            out += Substring(utf8[run..<index])
            switch byte {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\t"): out += "\\t"
            default:
                let hex = String(byte, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            utf8.formIndex(after: &index)
            run = index
        }
        out += Substring(utf8[run..<utf8.endIndex])
        out += "\""
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (key, value) in elements { self[key] = value }
    }
}

extension JSONValue: ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}
