import Foundation

/// Rendered page fragments that depend only on a case's version, the day, the language and
/// whether the viewer may edit (issue #12: "render once per case version"). The key names all
/// of them, so an edit (new version), a new day or a new rule set is a new entry — nothing is
/// ever invalidated by hand. Access is checked before a fragment is used; the fragment holds no
/// viewer's data (the CSRF token is a per-process marker replaced per request).
final class RenderCache: @unchecked Sendable {
    // @unchecked: all state is touched only under the lock.
    private let lock = NSLock()
    /// Each fragment split at the CSRF marker, so serving it is a join, not a search.
    private var entries: [String: [String]] = [:]
    private var order: [String] = []
    private var bytes = 0
    let maxEntries: Int
    let maxBytes: Int
    /// Stands in for the CSRF token inside cached HTML; random per process, so no text in a
    /// record can ever match it.
    let csrfMarker = "csrf-" + UUID().uuidString

    init(maxEntries: Int = 512, maxBytes: Int = 64 << 20) {
        self.maxEntries = max(1, maxEntries)
        self.maxBytes = max(1, maxBytes)
    }

    /// The cached fragment, or `make()`'s, remembered (oldest entries dropped past the limits),
    /// with `csrf` where `make` put the marker.
    func fragment(_ key: String, csrf: String = "", make: () -> String) -> String {
        if let hit = lock.withLock({ entries[key] }) { return hit.joined(separator: csrf) }
        let made = make()
        let parts = made.split(separator: csrfMarker, omittingEmptySubsequences: false).map(String.init)
        lock.withLock {
            guard entries[key] == nil else { return }
            entries[key] = parts
            order.append(key)
            bytes += made.utf8.count
            while entries.count > maxEntries || bytes > maxBytes, !order.isEmpty {
                let oldest = order.removeFirst()
                bytes -= entries.removeValue(forKey: oldest)?.reduce(0) { $0 + $1.utf8.count } ?? 0
            }
        }
        return parts.joined(separator: csrf)
    }

    var count: Int { lock.withLock { entries.count } }
}
