import BoneMetReports
import BoneMetTestSupport
import Foundation
import Testing

/// A report is text someone typed or pasted: whatever it holds, the reader answers and never
/// traps (a trap in a request would stop the server). Reports are generated from every term of
/// every lexicon, run together with numbers, units, levels, ranges and punctuation the way
/// reports are written — overlapping terms among them ("前肋骨质": 前肋 and 肋骨 overlapped, and
/// the reader trapped on a span that ended before it began). Seeded, so a failure repeats.
@Suite struct ExtractorFuzzTests {
    typealias Generator = SeededGenerator

    static var terms: [String] {
        get throws {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Sources/BoneMetReports/Lexicons")
            var terms: [String] = []
            for name in ReportExtractor.lexiconNames {
                let text = try String(contentsOf: folder.appendingPathComponent(name + ".tsv"), encoding: .utf8)
                for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                    if let term = line.split(separator: "\t").first { terms.append(String(term)) }
                }
            }
            return terms
        }
    }

    static let glue = [
        "", "", " ", "，", "。", "、", "；", ",", ". ", "; ", "及", "和", " and ", "(", ")", "（", "）", "约", "第", "-", "~", "至", "×", "x", " x ", "%",
        "cm", "mm", "1", "2", "3.5", "12", "1/2", "2/3", "T", "L", "C", "S", "T10", "L1-L3", "胸10", "十二", "\n", "\t", "😀", "\u{0301}", "?", "不", "未见", "no ",
    ]

    @Test func anyMixOfTermsIsReadWithoutATrap() throws {
        let extractor = try ReportExtractor()
        let terms = try Self.terms
        #expect(terms.count > 300)
        var generator = Generator(state: 20_261_201)
        var lesions = 0
        for _ in 0..<3_000 {
            var report = ""
            for _ in 0..<Int.random(in: 1...24, using: &generator) {
                report += Bool.random(using: &generator) ? terms.randomElement(using: &generator) ?? "" : Self.glue.randomElement(using: &generator) ?? ""
            }
            let units = Array(report.utf16)
            let result = extractor.extract(report)
            for lesion in result.lesions {
                lesions += 1
                for span in lesion.siteEvidence + lesion.readings.flatMap(\.evidence) {
                    #expect(0 <= span.start && span.start <= span.end && span.end <= units.count, "\(span) in \(report)")
                }
            }
        }
        #expect(lesions > 1_000)
    }
}
