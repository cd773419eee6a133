@testable import BoneMetReports
import Testing

/// What the extractor suites share: the bundled extractor, and the suggestions of a text by site.
protocol ExtractorFixture {
    var extractor: ReportExtractor { get }
}

/// The bundled extractor, read once for every suite that uses it.
enum BundledExtractor {
    static let read = Result { () throws(LexiconError) -> ReportExtractor in try ReportExtractor() }
}

extension ExtractorFixture {
    /// The bundled extractor. Its lexicons ship with the target: unreadable, every suite using it
    /// fails at once, naming the lexicon error.
    var extractor: ReportExtractor {
        switch BundledExtractor.read {
        case .success(let extractor): return extractor
        case .failure(let error): preconditionFailure("the bundled lexicons: \(error)")
        }
    }

    /// The site keys the text's suggestions have, in order.
    func keys(_ text: String) -> [String] { extractor.extract(text).lesions.map(\.site.key) }

    /// The suggestion at `key` (a failed expectation naming the keys found when there is none).
    func requireLesion(_ key: String, in text: String) throws -> SuggestedLesion {
        let found = extractor.extract(text).lesions
        return try #require(found.first { $0.site.key == key }, "\(found.map(\.site.key))")
    }
}
