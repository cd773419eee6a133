import Foundation

extension Array where Element: Sendable {
    /// `map` with the array cut into one slice per core, each mapped in its own task; the
    /// results in the original order. For CPU work done per batch (decoding, assessing, writing
    /// case files) where a task per element would cost more than the work.
    public func mapOnEveryCore<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        guard count > 1 else { return map(transform) }
        return await withTaskGroup(of: (Int, [T]).self) { group in
            for (start, slice) in slices(Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)) {
                group.addTask { (start, slice.map(transform)) }
            }
            var parts: [(Int, [T])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// The array cut into at most `parts` slices of equal size (the last may be shorter), each
    /// with the index it starts at: one per core for `mapOnEveryCore` and `mapInBackground`.
    func slices(_ parts: Int) -> [(start: Int, elements: [Element])] {
        guard !isEmpty else { return [] }
        let parts = Swift.max(1, Swift.min(count, parts))
        let size = (count + parts - 1) / parts
        return stride(from: 0, to: count, by: size).map { ($0, Array(self[$0..<Swift.min(count, $0 + size)])) }
    }
}
