/// JSON text read value by value, in document order, without building a tree (issue #12: a
/// stored case file is read on every case page and by every re-assessment; the tree of
/// `JSONValue`s and the strict reader's look-ups were most of that read).
///
/// Made for text a program wrote, not for input: it reads exactly the shape the caller asks
/// for and gives up (`Miss`) on anything else — a `null`, a value of another type, keys not in
/// strictly ascending byte order (so no repeated key), an escaped key. Whoever gets a `Miss`
/// reads the text with the strict reader, which reports what is wrong. Strings and numbers are
/// read by `JSONParser`'s own code, so they are what the strict reader sees, escapes included.
public struct JSONCursor {
    /// Not the shape asked for: read the text with the strict reader instead.
    public struct Miss: Error {
        public init() {}
    }

    @usableFromInline var parser: JSONParser

    @usableFromInline
    init(parser: JSONParser) {
        self.parser = parser
    }

    /// Runs `body` over `text`; nil when it misses or text follows the value.
    public static func read<T>(_ text: String, _ body: (inout JSONCursor) throws(Miss) -> T) -> T? {
        var text = text
        return text.withUTF8 { bytes -> T? in
            var cursor = JSONCursor(parser: JSONParser(bytes))
            guard let value = try? body(&cursor) else { return nil }
            cursor.parser.skipSpace()
            return cursor.parser.index == bytes.count ? value : nil
        }
    }

    /// One object's members as they are read: where the last key was, for the order check.
    public struct Members {
        @usableFromInline var last: Range<Int>?
        @usableFromInline init() {}
    }

    /// One array's elements as they are read.
    public struct Elements {
        @usableFromInline var started = false
        @usableFromInline init() {}
    }

    /// A member's key: its bytes in the text, valid only inside `read`.
    public struct Key {
        @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
        @usableFromInline let range: Range<Int>

        @usableFromInline
        init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
            self.bytes = bytes
            self.range = range
        }

        // Inlinable, as the cursor's steps below: a stored case's reader compares every key
        // with the names it knows, from another module.
        @inlinable
        public static func == (key: Key, name: StaticString) -> Bool {
            guard key.range.count == name.utf8CodeUnitCount else { return false }
            // `withUTF8Buffer`, not `utf8Start`: a one-character name is not stored as a pointer.
            return name.withUTF8Buffer { expected in
                var offset = 0
                for index in key.range {
                    guard key.bytes[index] == expected[offset] else { return false }
                    offset += 1
                }
                return true
            }
        }
    }

    @inlinable
    mutating func expect(_ byte: UInt8) throws(Miss) {
        parser.skipSpace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == byte else { throw Miss() }
        parser.index += 1
    }

    /// Opens an object (`{`).
    @inlinable
    public mutating func beginObject() throws(Miss) -> Members {
        try expect(UInt8(ascii: "{"))
        return Members()
    }

    /// The next member's key, its value next to read; nil after the last member.
    @inlinable
    public mutating func nextKey(_ members: inout Members) throws(Miss) -> Key? {
        parser.skipSpace()
        guard parser.index < parser.bytes.count else { throw Miss() }
        if parser.bytes[parser.index] == UInt8(ascii: "}") {
            parser.index += 1
            return nil
        }
        if members.last != nil { try expect(UInt8(ascii: ",")) }
        try expect(UInt8(ascii: "\""))
        let start = parser.index
        while parser.index < parser.bytes.count {
            let byte = parser.bytes[parser.index]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20, byte != UInt8(ascii: "\\") else { throw Miss() }
            parser.index += 1
        }
        let range = start..<parser.index
        try expect(UInt8(ascii: "\""))
        try expect(UInt8(ascii: ":"))
        if let last = members.last {
            guard parser.bytes[last].lexicographicallyPrecedes(parser.bytes[range]) else { throw Miss() }
        }
        members.last = range
        return Key(bytes: parser.bytes, range: range)
    }

    /// Opens an array (`[`).
    @inlinable
    public mutating func beginArray() throws(Miss) -> Elements {
        try expect(UInt8(ascii: "["))
        return Elements()
    }

    /// Whether another element follows (then it is next to read).
    @inlinable
    public mutating func nextElement(_ elements: inout Elements) throws(Miss) -> Bool {
        parser.skipSpace()
        guard parser.index < parser.bytes.count else { throw Miss() }
        if parser.bytes[parser.index] == UInt8(ascii: "]") {
            parser.index += 1
            return false
        }
        if elements.started { try expect(UInt8(ascii: ",")) }
        elements.started = true
        return true
    }

    /// A string, as `JSONParser` reads it.
    public mutating func string() throws(Miss) -> String {
        parser.skipSpace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else { throw Miss() }
        do { return try parser.string() } catch { throw Miss() }
    }

    /// A number, as `JSONValue.number` gives what `JSONParser` reads.
    public mutating func number() throws(Miss) -> Double {
        parser.skipSpace()
        guard parser.index < parser.bytes.count else { throw Miss() }
        let byte = parser.bytes[parser.index]
        guard byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else { throw Miss() }
        guard let value = try? parser.number(), let number = value.number else { throw Miss() }
        return number
    }

    /// `true` or `false`.
    public mutating func bool() throws(Miss) -> Bool {
        parser.skipSpace()
        guard parser.index < parser.bytes.count else { throw Miss() }
        switch parser.bytes[parser.index] {
        case UInt8(ascii: "t"):
            do { try parser.literal("true") } catch { throw Miss() }
            return true
        case UInt8(ascii: "f"):
            do { try parser.literal("false") } catch { throw Miss() }
            return false
        default: throw Miss()
        }
    }
}
