import Foundation
import Testing

@testable import BoneMetRules

/// Issue #12: JSON is read by BoneMet's own one-pass parser. It must read every document as
/// Foundation's JSONDecoder did (the reader it replaced, still here as `JSONValue: Decodable`)
/// and refuse what that refused — checked case by case and on generated documents.
@Suite struct JSONParserTests {
    static func viaFoundation(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func viaParser(_ text: String) -> JSONValue? {
        try? JSONValue.parse(text)
    }

    static let edgeCases = [
        "4", "4.0", "1e2", "-0", "1E+2", "-4.50", "100000000000000000000", "9223372036854775807", "9223372036854775808",
        #"{"a":1,"a":2}"#, " [1, 2] ", "01", "1.", ".5", #""\ud83e\udDB4""#, #""\ud800""#, "\"a\tb\"", "[1] x", "\u{FEFF}[1]",
        "NaN", #""\/""#, "-", "[-1.5e-3]", "1e400", "true", "nul", "\"\u{7f}\"", "{}", "[]", "", "\"骨转移 T10\"",
        #"{"b":[1,{"c":null}],"a":"x\n\"y\""}"#, #"{"a" 1}"#, #"["\u00e9\u4e2d"]"#, "[1 2]", "{,}", #"{"a":}"#, "  ", "-01", "2.5E-3",
    ]

    @Test(arguments: edgeCases)
    func readsAsTheDecoderDid(text: String) {
        #expect(Self.viaParser(text) == Self.viaFoundation(text), "\(text.debugDescription)")
    }

    /// Where BoneMet is stricter on purpose: a trailing comma is not JSON (the decoder let it pass).
    @Test func trailingCommasAndDeepNestingAreRefused() {
        #expect(Self.viaParser("[1,]") == nil)
        #expect(Self.viaParser(#"{"a":1,}"#) == nil)
        // Hostile nesting is an error, not a stack overflow.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(Self.viaParser(deep) == nil)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(Self.viaParser(fine) != nil)
    }

    /// Generated documents (seeded, so a failure repeats): written compact and indented, read
    /// back by both readers, equal to each other and to the value written.
    @Test func generatedDocumentsRoundTrip() {
        var generator = AssessmentPropertyTests.Generator(state: 20_261_130)
        for _ in 0..<400 {
            let value = Self.randomValue(depth: 0, using: &generator)
            for pretty in [false, true] {
                let text = value.serialized(pretty: pretty)
                let parsed = Self.viaParser(text)
                #expect(parsed == value, "\(text)")
                #expect(parsed == Self.viaFoundation(text), "\(text)")
            }
        }
    }

    /// Objects around the size at which `JSONObject` starts keeping a dictionary of positions
    /// (and the parser a set of the keys seen): read as the decoder reads them, a repeated key
    /// early or late included.
    @Test(arguments: [0, 1, JSONObject.indexedFrom - 1, JSONObject.indexedFrom, JSONObject.indexedFrom + 1, 3 * JSONObject.indexedFrom])
    func objectsOfManyKeysReadAsTheDecoderDid(count: Int) throws {
        var members = (0..<count).map { #""k\#($0)":\#($0)"# }
        members.reverse()
        if count > 0 {
            members.append(#""k0":"again""#)
            members.insert(#""k\#(count - 1)":"early""#, at: 0)
        }
        let text = "{" + members.joined(separator: ",") + "}"
        let parsed = try #require(Self.viaParser(text))
        #expect(parsed == Self.viaFoundation(text))
        guard case .object(let object) = parsed else { return }
        #expect(object.keys == (0..<count).map { "k\($0)" }.sorted())
        if count > 1 { #expect(object["k0"] == .int(0)) }
        #expect(object["missing"] == nil)
    }

    static func randomValue(depth: Int, using generator: inout AssessmentPropertyTests.Generator) -> JSONValue {
        let pick = Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator)
        switch pick {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int.random(in: -1_000_000...1_000_000, using: &generator))
        case 3: return .double(Double(2 * Int.random(in: -100_000...100_000, using: &generator) + 1) / 64) // never integral
        case 4:
            let alphabet = Array("abc 骨转移T10\"\\/\n\t<>&é🦴\u{1}")
            return .string(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }))
        case 5: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var object = JSONObject()
            for index in 0..<Int.random(in: 0...4, using: &generator) {
                object["k\(Int.random(in: 0...9, using: &generator))\(index)"] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(object)
        }
    }
}
