import Foundation

/// Collects every problem found in a case file, so one run reports them all.
final class ValidationLog {
    private(set) var errors: [InputError] = []
    /// A field read twice (a treatment's `planned` decides whether `start` is required) is
    /// reported once: the same error twice reads as two problems to whoever mends the file.
    func add(_ error: InputError) {
        if !errors.contains(error) { errors.append(error) }
    }
}

/// Where a value is in the case file (`studies[1].observations[0]`), written out only when a
/// problem is logged. Issue #12: writing the path of every element of every array as text (a
/// few strings each) was ~5 % of reading a stored case, which has no problems to report.
final class FieldPath: Sendable {
    private let parent: FieldPath?
    /// The key under the parent ("" at the root).
    private let key: String
    /// The element of the parent's array `key`, if this is one.
    private let index: Int?

    static let root = FieldPath(parent: nil, key: "", index: nil)

    private init(parent: FieldPath?, key: String, index: Int?) {
        self.parent = parent
        self.key = key
        self.index = index
    }

    /// The value at `key` of this object (an object field).
    func child(_ key: String) -> FieldPath { FieldPath(parent: self, key: key, index: nil) }

    /// Element `index` of this object's array `key`.
    func element(_ key: String, _ index: Int) -> FieldPath { FieldPath(parent: self, key: key, index: index) }

    var text: String {
        guard let parent else { return key }
        let field = FieldReader.join(parent.text, key)
        return index.map { field + "[\($0)]" } ?? field
    }
}

/// Reads one JSON object of a case file at a path (`studies[1].observations[0]`), logging each
/// bad field with its full path and carrying on; the value of a bad field is nil.
struct FieldReader {
    let reader: InputReader
    let path: FieldPath
    let log: ValidationLog

    init?(_ value: JSONValue, path: FieldPath, keys: [String], log: ValidationLog) {
        guard case .object(let object) = value else {
            let text = path.text
            log.add(InputError(field: text.isEmpty ? nil : text, problem: .wrongType(expected: .object)))
            return nil
        }
        // Report every unknown key, not only the first; then read the known ones (the object as
        // it is when every key is known — the usual case, and a stored record's always).
        var unknown = false
        for (key, _) in object.pairs where !keys.contains(key) {
            unknown = true
            log.add(InputError(field: Self.join(path.text, key), problem: .unknownField(allowed: keys)))
        }
        var known = object
        if unknown {
            known = JSONObject()
            for (key, value) in object.pairs where keys.contains(key) { known[key] = value }
        }
        self.reader = InputReader(checked: known, fields: keys)
        self.path = path
        self.log = log
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : key.hasPrefix("[") ? path + key : path + "." + key
    }

    func fieldPath(_ key: String) -> String { Self.join(path.text, key) }

    /// Nothing but spaces (Foundation's `.whitespaces`); a text that starts with a visible ASCII
    /// character is decided without Foundation (issue #12: trimming every text field was a
    /// tenth of reading a stored case).
    static func blank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.trimmingCharacters(in: .whitespaces).isEmpty
    }

    private func attempt<T>(_ key: String, required: Bool, _ body: () throws(InputError) -> T?) -> T? {
        do {
            let value = try body()
            if value == nil && required { log.add(InputError(field: fieldPath(key), problem: .missing)) }
            return value
        } catch {
            log.add(error.nested(under: path.text))
            return nil
        }
    }

    /// `blankIsAbsent`: an empty text is the field left out (a laboratory's unit-less ratio sent
    /// with `"unit": ""`), not an error.
    func string(_ key: String, required: Bool = false, blankIsAbsent: Bool = false) -> String? {
        attempt(key, required: required) { () throws(InputError) in
            guard let text = try reader.string(key) else { return nil }
            if blankIsAbsent && Self.blank(text) { return nil }
            if Self.blank(text) {
                throw InputError(field: key, problem: .custom(LocalizedText(en: "must not be empty", zh: "不能为空")))
            }
            return text
        }
    }

    func value<E: ValueEnum>(_ key: String, _ type: E.Type = E.self, required: Bool = false) -> E? {
        attempt(key, required: required) { () throws(InputError) in try reader.enumValue(key, as: type) }
    }

    func date(_ key: String, required: Bool = false) -> PartialDate? {
        attempt(key, required: required) { () throws(InputError) in
            guard let value = reader.raw(key) else { return nil }
            // A date given as another JSON type (`"trialEnrolment": true`) is named as a date to
            // write, not "must be a text value" (unseen record cb30-h).
            guard case .string(let text) = value else {
                throw InputError(field: key, problem: .invalidDate(value.serialized(pretty: false)))
            }
            guard let date = PartialDate(written: text) else { throw InputError(field: key, problem: .invalidDate(text)) }
            return date
        }
    }

    func double(_ key: String, in range: ClosedRange<Double>, required: Bool = false) -> Double? {
        attempt(key, required: required) { () throws(InputError) in try reader.double(key, in: range) }
    }

    func int(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        attempt(key, required: required) { () throws(InputError) in try reader.int(key, in: range) }
    }

    func bool(_ key: String, required: Bool = false) -> Bool? {
        attempt(key, required: required) { () throws(InputError) in try reader.bool(key) }
    }

    func level(_ key: String) -> VertebralLevel? {
        attempt(key, required: false) { () throws(InputError) in
            guard let text = try reader.string(key) else { return nil }
            guard let level = VertebralLevel(text) else { throw InputError(field: key, problem: .invalidVertebralLevel(text)) }
            return level
        }
    }

    /// The elements of an array field, each read at `key[i]`; bad elements are logged and skipped.
    func array<T>(_ key: String, required: Bool = false, element: (JSONValue, FieldPath) -> T?) -> [T]? {
        guard let raw = reader.raw(key) else {
            if required { log.add(InputError(field: fieldPath(key), problem: .missing)) }
            return nil
        }
        guard case .array(let items) = raw else {
            log.add(InputError(field: fieldPath(key), problem: .wrongType(expected: .array)))
            return nil
        }
        return items.enumerated().compactMap { offset, item in element(item, path.element(key, offset)) }
    }

    func objects<T>(_ key: String, keys: [String], read: (FieldReader) -> T?) -> [T] {
        array(key) { value, path in FieldReader(value, path: path, keys: keys, log: log).flatMap(read) } ?? []
    }

    func object<T>(_ key: String, keys: [String], required: Bool = false, read: (FieldReader) -> T?) -> T? {
        guard let raw = reader.raw(key) else {
            if required { log.add(InputError(field: fieldPath(key), problem: .missing)) }
            return nil
        }
        return FieldReader(raw, path: path.child(key), keys: keys, log: log).flatMap(read)
    }

    func strings(_ key: String) -> [String] {
        array(key) { value, path in
            guard case .string(let text) = value else {
                log.add(InputError(field: path.text, problem: .wrongType(expected: .string)))
                return nil
            }
            return text
        } ?? []
    }

    func values<E: ValueEnum>(_ key: String, _ type: E.Type = E.self) -> [E] {
        array(key) { value, path in
            guard case .string(let text) = value else {
                log.add(InputError(field: path.text, problem: .notOneOf(allowed: E.allowedValues)))
                return nil
            }
            guard let result = E(rawValue: text) else {
                log.add(InputError(field: path.text, problem: .unknownValue(text, allowed: E.allowedValues)))
                return nil
            }
            return result
        } ?? []
    }

    func dates(_ key: String) -> [PartialDate] {
        array(key) { value, path in
            guard case .string(let text) = value, let date = PartialDate(written: text) else {
                log.add(InputError(field: path.text, problem: .invalidDate(value.serialized(pretty: false))))
                return nil
            }
            return date
        } ?? []
    }
}
