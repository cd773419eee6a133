@testable import BoneMetRules
import Testing

@Suite struct JSONValueTests {
    @Test func parsesEveryJSONTypeAndKeepsBooleansApartFromNumbers() throws {
        let value = try JSONValue.parse(#"{"a": true, "b": 1, "c": 1.5, "d": "x", "e": null, "f": [1, "y"], "g": {"h": false}}"#)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object["a"] == .bool(true))
        #expect(object["b"] == .int(1))
        #expect(object["c"] == .double(1.5))
        #expect(object["d"] == .string("x"))
        #expect(object["e"] == .null)
        #expect(object["f"] == .array([.int(1), .string("y")]))
        #expect(object["g"] == .object(["h": false]))
    }

    @Test func serializesInInsertionOrderWithEscapes() {
        var object = JSONObject()
        object["z"] = "a\"b\\c\nd\u{1}"
        object["a"] = .double(4.0)
        object["m"] = .array([])
        #expect(JSONValue.object(object).serialized(pretty: false) == #"{"z":"a\"b\\c\nd\u0001","a":4.0,"m":[]}"#)
    }

    @Test func roundTripsThroughTheParser() throws {
        let original: JSONValue = .object(["name": "骨转移", "n": 3, "x": 0.1, "list": [true, nil]])
        let text = original.serialized()
        let parsed = try JSONValue.parse(text)
        #expect(parsed == original)
        #expect(try parsed.serialized() == JSONValue.parse(parsed.serialized()).serialized())
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(JSONValue.double(.infinity).serialized() == "null")
    }

    /// `JSONObject` keeps its members in a list and, from `indexedFrom` members on, their
    /// positions too: setting, replacing and removing read the same on both sides of that
    /// size, and equality and hashing ignore the order members came in.
    @Test(arguments: [3, JSONObject.indexedFrom, 2 * JSONObject.indexedFrom + 3])
    func objectsReadTheSameAtEverySize(count: Int) {
        var forward = JSONObject()
        var backward = JSONObject()
        for index in 0..<count { forward["k\(index)"] = .int(index) }
        for index in (0..<count).reversed() { backward["k\(index)"] = .int(index) }
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        #expect(forward.keys == (0..<count).map { "k\($0)" })
        #expect(Set([JSONValue.object(forward), .object(backward)]).count == 1)
        // Replaced in place, removed, then added again at the end.
        forward["k1"] = .string("one")
        #expect(forward["k1"] == .string("one"))
        #expect(forward.keys[1] == "k1")
        #expect(forward != backward)
        forward["k0"] = nil
        #expect(forward["k0"] == nil)
        #expect(forward["k2"] == .int(2))
        #expect(forward["k\(count - 1)"] == .int(count - 1))
        #expect(forward.keys.count == count - 1)
        forward["k0"] = .int(0)
        forward["k1"] = .int(1)
        #expect(forward.keys.last == "k0")
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        // Removing a key that is not there changes nothing.
        forward["absent"] = nil
        #expect(forward == backward)
    }
}
