import BoneMetDomain
import Foundation
import Testing

/// `bonemet assess` run as a program.
@Suite struct AssessCommandTests {
    static let examples = DocsTests.root.appendingPathComponent("examples")

    func example(_ name: String) -> String { Self.examples.appendingPathComponent(name).path }

    @Test func jsonOutputForAnExample() throws {
        let result = try CLI.run(["assess", example("06-impending-femoral-fracture.json"), "--as-of", "2023-06-30", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        guard case .object(let output) = try JSONValue.parse(result.stdout), case .array(let findings)? = output["findings"] else {
            Issue.record("not an assessment object")
            return
        }
        #expect(output["asOf"] == .string("2023-06-30"))
        #expect(output["patient"] == .object(["id": "demo-06", "fictional": true]))
        #expect(findings.contains { finding in
            guard case .object(let object) = finding else { return false }
            return object["ruleId"] == .string("surgery.mirels.impendingFracture") && object["severity"] == .string("urgent")
        })
    }

    @Test func chineseTextAndMarkdown() throws {
        let text = try CLI.run(["assess", example("08-late-spinal-cauda-equina.json"), "--as-of", "2023-06-30", "--lang", "zh", "--format", "text"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("== 外科治疗 =="))
        #expect(text.stdout.contains("紧急脊柱外科转诊"))
        #expect(text.stdout.contains("虚构病例"))
        let markdown = try CLI.run(["assess", example("01-response-window-t10.json"), "--as-of", "2023-06-30", "--lang", "en", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# BoneMet assessment"))
        #expect(markdown.stdout.contains("## Bone-health assessment"))
    }

    @Test func standardInputAndAsOfFiltersLaterFacts() throws {
        let text = try String(contentsOfFile: example("01-response-window-t10.json"), encoding: .utf8)
        let early = try CLI.run(["assess", "-", "--as-of", "2022-02-01", "--lang", "en"], stdin: text)
        #expect(early.status == 0)
        #expect(!early.stdout.contains("unsupportedSwitch"))
        let late = try CLI.run(["assess", "-", "--as-of", "2022-06-01", "--lang", "en"], stdin: text)
        #expect(late.stdout.contains("unsupportedSwitch"))
    }

    @Test func aBadFileListsEveryBadFieldAndExitsTwo() throws {
        let bad = #"{"patient": {"id": "p", "sex": "f"}, "lesions": [{"id": "L1", "bone": "femurr"}], "studies": [{"id": "S", "date": "2022-02-30", "modality": "ct"}]}"#
        let result = try CLI.run(["assess", "-", "--lang", "en"], stdin: bad)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.contains { $0.contains("field \"patient.sex\"") })
        #expect(lines.contains { $0.contains("field \"lesions[0].bone\"") })
        #expect(lines.contains { $0.contains("field \"studies[0].date\"") })
    }

    @Test(arguments: [
        (["assess", "/no/such/file.json"], "cannot read the file"),
        (["assess", "-", "--as-of", "2023-02"], "field \"--as-of\""),
        (["assess", "-", "--format", "pdf"], "allowed values: json, text, markdown"),
        (["assess", "-", "--preferred-agent", "aspirin"], "allowed values: denosumab, zoledronicAcid"),
        (["assess", "-", "--mirels-threshold", "10"], "mirelsFixationThreshold"),
    ])
    func badArgumentsExitTwo(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments + ["--lang", "en"], stdin: #"{"patient": {"id": "p"}}"#)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
