/// Reads a calculator's JSON object field by field with strict checks: every key must be one
/// the calculator declares, every value of the declared type and range. `null` means "unknown".
public struct InputReader: Sendable {
    public let object: JSONObject
    public let declaredFields: [String]

    public init(_ value: JSONValue, fields: [String]) throws(InputError) {
        guard case .object(let object) = value else { throw InputError(field: nil, problem: .notAnObject) }
        for (key, _) in object.pairs where !fields.contains(key) {
            throw InputError(field: key, problem: .unknownField(allowed: fields))
        }
        self.object = object
        self.declaredFields = fields
    }

    /// An object whose every key the caller has already found among `fields` (the case-file
    /// reader reports unknown keys itself and passes on only the known ones).
    public init(checked object: JSONObject, fields: [String]) {
        self.object = object
        self.declaredFields = fields
    }

    /// The raw value, or nil when absent or `null`.
    public func raw(_ key: String) -> JSONValue? {
        switch object[key] {
        case .none, .some(.null): nil
        case .some(let value): value
        }
    }

    public func has(_ key: String) -> Bool { raw(key) != nil }

    // Inlinable: specialised where it is called (the case-file reader asks it for every coded
    // field; unspecialised, each call looked up the metadata of its enum — issue #12).
    @inlinable
    public func enumValue<E: ValueEnum>(_ key: String, as type: E.Type = E.self) throws(InputError) -> E? {
        guard let value = raw(key) else { return nil }
        guard case .string(let text) = value else {
            throw InputError(field: key, problem: .notOneOf(allowed: E.allowedValues))
        }
        guard let result = E(rawValue: text) else {
            throw InputError(field: key, problem: .unknownValue(text, allowed: E.allowedValues))
        }
        return result
    }

    public func string(_ key: String) throws(InputError) -> String? {
        guard let value = raw(key) else { return nil }
        guard case .string(let text) = value else {
            throw InputError(field: key, problem: .wrongType(expected: .string))
        }
        return text
    }

    public func bool(_ key: String) throws(InputError) -> Bool? {
        guard let value = raw(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw InputError(field: key, problem: .wrongType(expected: .boolean))
        }
        return flag
    }

    public func int(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard let value = raw(key) else { return nil }
        guard let number = value.number else {
            throw InputError(field: key, problem: .wrongType(expected: .wholeNumber))
        }
        guard number == number.rounded(), number.magnitude < 1e15 else {
            throw InputError(field: key, problem: .wrongType(expected: .wholeNumber))
        }
        let whole = Int(number)
        guard range.contains(whole) else {
            throw InputError(field: key, problem: .outOfRange(min: Double(range.lowerBound), max: Double(range.upperBound)))
        }
        return whole
    }

    public func double(_ key: String, in range: ClosedRange<Double>) throws(InputError) -> Double? {
        guard let value = raw(key) else { return nil }
        guard let number = value.number, number.isFinite else {
            throw InputError(field: key, problem: .wrongType(expected: .number))
        }
        guard range.contains(number) else {
            throw InputError(field: key, problem: .outOfRange(min: range.lowerBound, max: range.upperBound))
        }
        return number
    }

    public func required<T>(_ key: String, _ value: T?) throws(InputError) -> T {
        guard let value else { throw InputError(field: key, problem: .missing) }
        return value
    }

    /// Rejects two fields that are alternatives for the same fact.
    public func exclusive(_ first: String, _ second: String) throws(InputError) {
        if has(first) && has(second) { throw InputError(field: second, problem: .conflict(with: first)) }
    }
}
