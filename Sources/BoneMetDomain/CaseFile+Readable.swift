import BoneMetRules

extension CaseFile {
    /// A record BoneMet built from another system's data (an EHR import, a CDS prefetch), made
    /// one that reads back as any typed case does: for each problem the strict reader finds —
    /// a birth date after a clinical fact (a 1900-01-01 placeholder date), a dose before its
    /// treatment's start, a segment that is not of the bone — the field is left out, else the
    /// list entry that holds it, with a note. Stored unread, such a record would have made its
    /// case unreadable after import.
    public static func readable(_ record: CaseRecord) -> (record: CaseRecord, dropped: [String]) {
        let text = write(record)
        // The usual case, quickly: it reads as written (the stored-case reader, issue #12).
        if StoredCaseReader.read(text) != nil { return (record, []) }
        guard var value = try? JSONValue.parse(text) else { return (record, []) }
        var dropped: [String] = []
        var tried: Set<String> = []
        var unresolved = "the record"
        for _ in 0..<64 {
            let problem: InputError
            do {
                return (try read(value), dropped)
            } catch {
                guard let first = error.errors.first(where: { $0.field != nil }) else { break }
                problem = first
            }
            guard let path = problem.field else { break }
            unresolved = "\(path): \(problem.message(.en))"
            var steps = Self.steps(path)
            // A field already left out and still wrong (a required one): its list entry goes.
            if tried.contains(path) {
                while let last = steps.last, case .key = last { steps.removeLast() }
            }
            tried.insert(path)
            guard !steps.isEmpty, let removed = Self.removing(steps[...], from: value) else { break }
            value = removed
            dropped.append("\(path): \(problem.message(.en)) — left out")
        }
        // Nothing to leave out would make it read (the patient's own id): stored as mapped, and
        // said so — none of the notes above applies to what is stored.
        return (record, ["\(unresolved) — the case does not read back; check it"])
    }

    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// "studies[0].observations[1].diametersMm[0]" → its steps.
    static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "["), let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { steps.append(.key(String(name))) }
            steps += indices.map(Step.index)
        }
        return steps
    }

    /// The value without what the steps lead to (nil when they lead nowhere).
    static func removing(_ steps: ArraySlice<Step>, from value: JSONValue) -> JSONValue? {
        guard let step = steps.first else { return nil }
        let rest = steps.dropFirst()
        switch (step, value) {
        case (.key(let key), .object(var object)):
            guard let member = object[key] else { return nil }
            if rest.isEmpty {
                object[key] = nil
            } else {
                guard let changed = removing(rest, from: member) else { return nil }
                object[key] = changed
            }
            return .object(object)
        case (.index(let index), .array(var items)):
            guard items.indices.contains(index) else { return nil }
            if rest.isEmpty {
                items.remove(at: index)
            } else {
                guard let changed = removing(rest, from: items[index]) else { return nil }
                items[index] = changed
            }
            return .array(items)
        default:
            return nil
        }
    }
}
