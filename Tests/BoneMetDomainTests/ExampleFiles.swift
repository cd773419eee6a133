import BoneMetDomain
import Foundation
import Testing

/// The acceptance-scenario case files in examples/.
enum ExampleFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("examples")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func record(_ name: String) throws -> CaseRecord {
        try CaseFile.read(try text(name))
    }

    static func assessment(_ name: String, asOf: String = "2023-06-30", settings: RuleSettings = .default) throws -> Assessment {
        let date = try #require(PartialDate(asOf))
        return assess(try record(name), asOf: date, settings: settings)
    }
}

extension Assessment {
    func rule(_ id: String) -> [Finding] { findings.filter { $0.ruleId == id } }
    func has(_ id: String, subject: FindingSubject? = nil) -> Bool {
        findings.contains { $0.ruleId == id && (subject == nil || $0.subject == subject) }
    }
}
