/// A table keyed by lesion id. A record holds a handful of lesions, and their ids ("L1", "T12")
/// are short strings stored inline, compared in one step: a linear search over them beats
/// hashing the key (SipHash) on every look-up — the rules ask a lesion's series, record and
/// memos some hundreds of times per assessment, and hashing was ~6 % of it (issue #12, thirtieth
/// round). Past `linearLimit` keys a dictionary of positions takes over.
struct LesionKeyed<Value> {
    private var keys: [String] = []
    private(set) var values: [Value] = []
    private var positions: [String: Int]?
    private static var linearLimit: Int { 12 }

    init() {}

    var count: Int { keys.count }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        for i in keys.indices where keys[i] == key { return i }
        return nil
    }

    private mutating func append(_ key: String, _ value: Value) {
        keys.append(key)
        values.append(value)
        if positions != nil {
            positions?[key] = keys.count - 1
        } else if keys.count > Self.linearLimit {
            positions = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    subscript(key: String) -> Value? {
        get { position(of: key).map { values[$0] } }
        set {
            // Tables here only grow: a memo or a series is never emptied of a key.
            guard let newValue else { return }
            if let i = position(of: key) { values[i] = newValue } else { append(key, newValue) }
        }
    }

    subscript(key: String, default value: @autoclosure () -> Value) -> Value {
        get { position(of: key).map { values[$0] } ?? value() }
        _modify {
            let i: Int
            if let found = position(of: key) { i = found } else {
                append(key, value())
                i = keys.count - 1
            }
            yield &values[i]
        }
    }

    func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> LesionKeyed<T> {
        var mapped = LesionKeyed<T>()
        mapped.keys = keys
        mapped.values = try values.map(transform)
        mapped.positions = positions
        return mapped
    }
}

extension LesionKeyed: Sendable where Value: Sendable {}
