import Foundation

/// Rendered text kept by a key that names everything it depends on, so nothing is ever
/// invalidated by hand — an edit, a new day or a new rule set is a new key. Bounded by entries
/// and bytes; the oldest entry goes first. Used for the case page's fragments (`RenderCache`)
/// and the page frame around every page (`Chrome`).
final class BoundedRenderCache<Value>: @unchecked Sendable {
    // @unchecked: all state is touched only under the lock; a value is immutable once stored.
    private let lock = NSLock()
    private var entries: [String: (value: Value, bytes: Int)] = [:]
    private var order: [String] = []
    private var bytes = 0
    let maxEntries: Int
    let maxBytes: Int

    init(maxEntries: Int, maxBytes: Int) {
        self.maxEntries = max(1, maxEntries)
        self.maxBytes = max(1, maxBytes)
    }

    /// The stored value, or `make()`'s (the value and its size in bytes), remembered.
    func value(_ key: String, make: () -> (value: Value, bytes: Int)) -> Value {
        if let hit = lock.withLock({ entries[key]?.value }) { return hit }
        let made = make()
        lock.withLock {
            guard entries[key] == nil else { return }
            entries[key] = made
            order.append(key)
            bytes += made.bytes
            while entries.count > maxEntries || bytes > maxBytes, !order.isEmpty {
                bytes -= entries.removeValue(forKey: order.removeFirst())?.bytes ?? 0
            }
        }
        return made.value
    }

    var count: Int { lock.withLock { entries.count } }
}

/// Where a viewer's CSRF token goes in cached HTML: random per process, so no text in a record
/// can ever match it. Cached text is kept split at it, so serving it is a join, not a search.
enum CSRFMarker {
    static let text = "csrf-" + UUID().uuidString

    static func split<S: StringProtocol>(_ text: S) -> [String] {
        text.split(separator: Self.text, omittingEmptySubsequences: false).map { String($0) }
    }
}

/// Rendered page fragments that depend only on a case's version, the day, the language and
/// whether the viewer may edit (issue #12: "render once per case version"). Access is checked
/// before a fragment is used; the fragment holds no viewer's data (the CSRF token is a marker
/// replaced per request).
final class RenderCache: Sendable {
    private let cache: BoundedRenderCache<[String]>
    var csrfMarker: String { CSRFMarker.text }

    init(maxEntries: Int = 512, maxBytes: Int = 64 << 20) {
        cache = BoundedRenderCache(maxEntries: maxEntries, maxBytes: maxBytes)
    }

    /// The cached fragment, or `make()`'s, remembered, with `csrf` where `make` put the marker.
    func fragment(_ key: String, csrf: String = "", make: () -> String) -> String {
        cache.value(key) {
            let made = make()
            return (CSRFMarker.split(made), made.utf8.count)
        }.joined(separator: csrf)
    }

    var count: Int { cache.count }
}
