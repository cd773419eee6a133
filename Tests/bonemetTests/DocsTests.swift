import BoneMetRules
import Foundation
import Testing

/// The user docs stay in step with the code: every calculator has a section naming each field.
@Suite struct DocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func calculatorDocsCoverEveryCalculatorAndField() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/calculators.md"), encoding: .utf8)
        let sections = text.components(separatedBy: "\n## ")
        for calculator in Calculators.all {
            let section = try #require(sections.first { $0.hasPrefix(calculator.name + " ") }, "no section for \(calculator.name)")
            for field in calculator.fields {
                #expect(section.contains("`\(field.key)`"), "\(calculator.name): field \(field.key) undocumented")
            }
        }
    }

    @Test func readmeGivesTheTwoCommands() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(text.contains("swift run bonemet"))
        #expect(text.contains("scripts/test"))
    }
}
