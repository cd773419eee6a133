import Foundation

/// The word lists the extractor reads, kept as data (`Lexicons/*.tsv`, each with its sources)
/// so a site can add its radiologists' terms without touching code (docs/report-extraction.md).
/// Lines: `term<TAB>value[<TAB>value…]`; `#` starts a comment.
public struct Lexicon: Sendable {
    public struct Entry: Sendable, Hashable {
        public let term: String
        public let values: [String]
    }

    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Parses TSV text; malformed lines (no tab) are errors naming the line, never skipped silently.
    public init(tsv text: String, name: String) throws(LexiconError) {
        var entries: [Entry] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines.subtracting(.init(charactersIn: "\t")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2, !fields[0].isEmpty, fields.dropFirst().allSatisfy({ !$0.isEmpty }) else {
                throw LexiconError(file: name, line: number + 1)
            }
            entries.append(Entry(term: fields[0], values: Array(fields.dropFirst())))
        }
        self.entries = entries
    }

    /// A bundled lexicon by name (`findings`, `context`, `sites`, …).
    public static func bundled(_ name: String) throws(LexiconError) -> Lexicon {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Lexicons")
            ?? Bundle.module.url(forResource: name, withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw LexiconError(file: name + ".tsv", line: 0) }
        return try Lexicon(tsv: text, name: name + ".tsv")
    }
}

public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public var description: String {
        line == 0 ? "lexicon \(file) is missing" : "lexicon \(file), line \(line): expected term<TAB>value"
    }
}
