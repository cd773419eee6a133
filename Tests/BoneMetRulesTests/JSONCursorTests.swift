import BoneMetRules
import Testing

/// `JSONCursor` reads exactly the shape it is asked for, as `JSONParser` reads its values, and
/// gives up on anything else (issue #12: the stored case file's reader).
@Suite struct JSONCursorTests {
    /// Reads an object of one-character and longer keys: a string, a number, a boolean, a list.
    static func read(_ text: String) -> [String]? {
        JSONCursor.read(text) { (c: inout JSONCursor) throws(JSONCursor.Miss) -> [String] in
            var seen: [String] = []
            var members = try c.beginObject()
            while let key = try c.nextKey(&members) {
                if key == "a" { seen.append("a=\(try c.string())") }
                else if key == "b" { seen.append("b=\(try c.number())") }
                else if key == "flag" { seen.append("flag=\(try c.bool())") }
                else if key == "list" {
                    var items = try c.beginArray()
                    while try c.nextElement(&items) { seen.append("item=\(try c.number())") }
                }
                else { throw JSONCursor.Miss() }
            }
            return seen
        }
    }

    @Test func readsValuesAsTheParserDoes() throws {
        let text = #" { "a" : "x\"y\u00e9\n" , "b": -1.5e2, "flag": false, "list": [1, 2.5, 4.0] } "#
        #expect(Self.read(text) == ["a=x\"yé\n", "b=-150.0", "flag=false", "item=1.0", "item=2.5", "item=4.0"])
        // The same values the tree gives.
        guard case .object(let tree) = try JSONValue.parse(text) else { Issue.record("not an object"); return }
        #expect(tree["a"] == .string("x\"yé\n"))
        #expect(tree["b"]?.number == -150)
        #expect(Self.read(#"{}"#) == [])
        #expect(Self.read(#"{"list":[]}"#) == [])
    }

    @Test func anythingElseIsAMiss() {
        for text in [
            #"{"b":1,"a":"x"}"#,           // keys out of order
            #"{"a":"x","a":"y"}"#,         // a repeated key
            #"{"\u0061":"x"}"#,            // an escaped key
            #"{"a":null}"#,                // null
            #"{"a":1}"#,                   // another type
            #"{"b":"1"}"#,
            #"{"flag":"true"}"#,
            #"{"c":1}"#,                   // a key the reader does not know
            #"{"a":"x"} {}"#,              // text after the value
            #"{"a":"x",}"#,                // a trailing comma
            #"{"list":[1,]}"#,
            #"{"b":01}"#,                  // what the parser refuses
            #"{"a":"x"#,                   // cut short
            #"[]"#,
            "",
        ] {
            #expect(Self.read(text) == nil, "\(text)")
        }
    }
}
