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

    /// Issue #10: the hospital's time zone decides "today"; a zone that is not one exits 2 naming the option.
    @Test func timeZoneOption() throws {
        let bad = try CLI.run(["assess", example("06-impending-femoral-fracture.json"), "--time-zone", "Mars/Olympus"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--time-zone"))
        let viaEnvironment = try CLI.run(["assess", example("06-impending-femoral-fracture.json")], environment: ["BONEMET_TIME_ZONE": "Nowhere/Land"])
        #expect(viaEnvironment.status == 2)
        let good = try CLI.run(["assess", example("06-impending-femoral-fracture.json"), "--time-zone", "Asia/Shanghai", "--lang", "en"])
        #expect(good.status == 0)
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

    /// `--as-of` reads the dates a case file may hold, as its error says: dots, slashes and the
    /// Chinese form are the same day as ISO ("2026.11.21" was refused, found by a probe).
    @Test(arguments: ["2022.06.01", "2022.6.1", "2022/6/1", "2022年6月1日"])
    func asOfReadsTheWrittenForms(written: String) throws {
        let text = try String(contentsOfFile: example("01-response-window-t10.json"), encoding: .utf8)
        let iso = try CLI.run(["assess", "-", "--as-of", "2022-06-01", "--lang", "en"], stdin: text)
        let other = try CLI.run(["assess", "-", "--as-of", written, "--lang", "en"], stdin: text)
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stdout == iso.stdout)
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
        (["assess", "-", "--as-of", "2023-02"], "field \"--as-of\": \"2023-02\" is not a day"),
        (["assess", "-", "--as-of", "30/06/2023"], "field \"--as-of\": \"30/06/2023\" is not a date"),
        (["assess", "-", "--format", "pdf"], "allowed values: json, text, markdown"),
        (["assess", "-", "--preferred-agent", "aspirin"], "allowed values: denosumab, zoledronicAcid"),
        (["assess", "-", "--mirels-threshold", "10"], "mirelsFixationThreshold"),
    ])
    func badArgumentsExitTwo(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments + ["--lang", "en"], stdin: #"{"patient": {"id": "p"}}"#)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// One settings file for assess (and import, serve): every value echoed in the output; a bad
    /// file exits 2 naming the field.
    @Test func settingsFileIsUsedAndEchoed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bonemet-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.json")
        try #"{"mirelsFixationThreshold": 9, "blasticLatencyWeeks": 6}"#.write(to: good, atomically: true, encoding: .utf8)
        let json = try CLI.run(["assess", example("06-impending-femoral-fracture.json"), "--as-of", "2023-06-30", "--settings", good.path])
        #expect(json.status == 0)
        guard case .object(let output) = try JSONValue.parse(json.stdout), case .object(let settings)? = output["settings"] else {
            Issue.record("no settings in the output")
            return
        }
        #expect(settings["mirelsFixationThreshold"] == .int(9))
        #expect(settings["blasticLatencyWeeks"] == .int(6))
        #expect(settings["flareWindowWeeks"] == .int(12))
        let text = try CLI.run(["assess", example("06-impending-femoral-fracture.json"), "--as-of", "2023-06-30", "--settings", good.path, "--lang", "zh", "--format", "text"])
        #expect(text.stdout.contains("规则设置：Mirels 内固定阈值 9"))
        let bad = folder.appendingPathComponent("bad.json")
        try #"{"blasticLatencyWeeks": 1}"#.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["assess", example("06-impending-femoral-fracture.json"), "--settings", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("blasticLatencyWeeks"))
        let missing = try CLI.run(["assess", example("06-impending-femoral-fracture.json"), "--settings", folder.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--settings"))
    }
}
