extension Array where Element: Equatable {
    /// The elements in their order, each once (small lists: the agents of a patient, a
    /// finding's sources).
    var distinct: [Element] {
        reduce(into: []) { kept, element in if !kept.contains(element) { kept.append(element) } }
    }
}
