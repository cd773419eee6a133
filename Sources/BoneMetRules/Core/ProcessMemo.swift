import Synchronization

/// Answers worked out once per key in the process, for readings of a record's text that recur
/// across cases (a hospital's regimens are a few hundred texts): drug classes, anti-angiogenic
/// drug names (issue #12: each was several per cent of an assessment). Bounded: emptied when
/// it holds `limit` answers, so an unusual stream of texts cannot grow it without end.
final class ProcessMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let answers = Mutex<[Key: Value]>([:])
    private let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
    }

    /// The answer for `key`, worked out by `make` the first time (outside the lock: two threads
    /// may both work it out; they agree, the answer is a function of the key).
    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let known = answers.withLock({ $0[key] }) { return known }
        let value = make()
        answers.withLock { table in
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[key] = value
        }
        return value
    }
}
