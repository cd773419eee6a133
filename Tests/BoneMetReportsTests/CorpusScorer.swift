import BoneMetReports
import Foundation

/// Scores the extractor against the annotated corpus (Corpus/reports.jsonl, written by hand):
/// precision and recall per field over (report, site, field, value, certainty), and the count
/// of readings the extractor affirmed where the report negates or doubts them.
struct CorpusScorer {
    struct Report {
        let id: String
        let text: String
        /// site → field → "value|certainty"; "certainty" → the lesion's certainty.
        let gold: [String: [String: String]]
    }

    struct Tally {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    static let fields = ["character", "diametersMm", "destruction", "rim", "softTissue", "fracture", "collapse", "posterolateral", "escc", "uptake", "comparison", "fractionOfDiameter", "mirelsSize", "epiphyseal", "eccentric"]
    /// Lesions the extractor proposes (about another structure, or cleared: not proposed).
    static let proposed: Set<Certainty> = [.affirmed, .uncertain, .historical]

    static func load() throws -> [Report] {
        guard let url = Bundle.module.url(forResource: "reports", withExtension: "jsonl", subdirectory: "Corpus") else { throw CocoaError(.fileNoSuchFile) }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let id = object["id"] as? String,
                let body = object["text"] as? String, let gold = object["gold"] as? [[String: String]]
            else { throw CocoaError(.coderReadCorrupt) }
            var sites: [String: [String: String]] = [:]
            for lesion in gold {
                guard let site = lesion["site"] else { throw CocoaError(.coderReadCorrupt) }
                sites[site] = lesion.filter { $0.key != "site" }
            }
            return Report(id: id, text: body, gold: sites)
        }
    }

    var tallies: [String: Tally] = [:]
    /// Readings affirmed by the extractor that the gold marks negated/uncertain/other/historical.
    var unsafe: [String] = []
    var misses: [String] = []

    mutating func score(_ report: Report, _ extraction: ReportExtraction) {
        let predicted = extraction.lesions.filter { Self.proposed.contains($0.certainty) }
        var predictedSites: Set<String> = []
        var predictedReadings: Set<String> = []
        var affirmedByExtractor: Set<String> = []
        for lesion in predicted {
            predictedSites.insert("\(lesion.site.key)|\(lesion.certainty.rawValue)")
            // The reading the editor pre-fills: the first of each field.
            for field in Self.fields {
                guard let reading = lesion.reading(field) else { continue }
                predictedReadings.insert("\(lesion.site.key)|\(reading.field)|\(reading.value)|\(reading.certainty.rawValue)")
                if reading.certainty == .affirmed { affirmedByExtractor.insert("\(lesion.site.key)|\(reading.field)") }
            }
        }
        var goldSites: Set<String> = []
        var goldReadings: Set<String> = []
        for (site, readings) in report.gold {
            goldSites.insert("\(site)|\(readings["certainty"] ?? "affirmed")")
            for (field, raw) in readings where Self.fields.contains(field) {
                let parts = raw.split(separator: "|").map(String.init)
                let certainty = parts.count > 1 ? parts[1] : "affirmed"
                goldReadings.insert("\(site)|\(field)|\(parts[0])|\(certainty)")
                if certainty != "affirmed", affirmedByExtractor.contains("\(site)|\(field)") { unsafe.append("\(report.id): \(site) \(field) is \(certainty)") }
            }
        }
        tally("site+side", predicted: predictedSites, gold: goldSites, report: report.id)
        for field in Self.fields {
            tally(field, predicted: predictedReadings.filter { $0.split(separator: "|")[1] == field }, gold: goldReadings.filter { $0.split(separator: "|")[1] == field }, report: report.id)
        }
    }

    mutating func tally(_ name: String, predicted: Set<String>, gold: Set<String>, report: String) {
        var tally = tallies[name] ?? Tally()
        tally.truePositives += predicted.intersection(gold).count
        tally.falsePositives += predicted.subtracting(gold).count
        tally.falseNegatives += gold.subtracting(predicted).count
        tallies[name] = tally
        for extra in predicted.subtracting(gold) { misses.append("\(report) extra   \(extra)") }
        for missing in gold.subtracting(predicted) { misses.append("\(report) missing \(missing)") }
    }

    func table() -> String {
        var lines = ["field            precision  recall   tp  fp  fn"]
        for name in ["site+side"] + Self.fields {
            guard let tally = tallies[name] else { continue }
            lines.append(
                name.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + String(format: " %9.3f %7.3f %4d %3d %3d", tally.precision, tally.recall, tally.truePositives, tally.falsePositives, tally.falseNegatives))
        }
        return lines.joined(separator: "\n")
    }
}
