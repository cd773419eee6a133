import BoneMetRules
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
}
