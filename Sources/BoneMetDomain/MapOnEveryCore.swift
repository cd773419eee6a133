import Foundation

extension Array where Element: Sendable {
    /// `map` with the array cut into one slice per core, each mapped in its own task; the
    /// results in the original order. For CPU work done per batch (decoding, assessing, writing
    /// case files) where a task per element would cost more than the work.
    public func mapOnEveryCore<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        guard count > 1 else { return map(transform) }
        let parts = Swift.min(count, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount))
        let size = (count + parts - 1) / parts
        return await withTaskGroup(of: (Int, [T]).self) { group in
            for start in stride(from: 0, to: count, by: size) {
                let slice = Array(self[start..<Swift.min(count, start + size)])
                group.addTask { (start, slice.map(transform)) }
            }
            var parts: [(Int, [T])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
