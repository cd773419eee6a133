import BoneMetRules
import Foundation
import Testing

/// `bonemet calc` run as a program: good input prints one JSON object, bad input exits 2 with one line.
@Suite struct CalcCommandTests {
    func object(_ text: String) throws -> JSONObject {
        guard case .object(let object) = try JSONValue.parse(text) else { throw InputError(field: nil, problem: .notAnObject) }
        return object
    }

    @Test func mirelsFromJSONOption() throws {
        let result = try CLI.run([
            "calc", "mirels", "--lang", "en", "--json",
            #"{"site":"peritrochanteric","pain":"functional","lesion":"lytic","size":"moreThanTwoThirds"}"#,
        ])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let output = try object(result.stdout)
        #expect(output["score"] == .int(12))
        #expect(output["min"] == .int(12))
        #expect(output["max"] == .int(12))
        #expect(output["band"] == .string("high"))
        #expect(output["ruleSetVersion"] == .string(RuleSet.version))
    }

    @Test func inputFromStandardInput() throws {
        let result = try CLI.run(["calc", "zoledronicDose", "--lang", "en"], stdin: #"{"crclMlMin": 35}"#)
        #expect(result.status == 0)
        let output = try object(result.stdout)
        #expect(output["doseMg"]?.number == 3.0)
        #expect(result.stdout.contains(#""doseMg": 3.0"#))
        #expect(output["recommended"] == .bool(true))
    }

    @Test func crclContractKeys() throws {
        let result = try CLI.run(["calc", "crcl", "--json", #"{"sex":"male","age":60,"weightKg":72.9,"serumCreatinineUmolL":88.4}"#])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""crclMlMin": 81.0"#))
        #expect(result.stdout.contains(#""zoledronicAcidDoseMg": 4.0"#))
    }

    @Test func chineseTextFormat() throws {
        let result = try CLI.run(["calc", "sins", "--lang", "zh", "--format", "text", "--json", #"{"level":"T11","pain":"mechanical"}"#])
        #expect(result.status == 0)
        #expect(result.stdout.contains("SINS 评分"))
        #expect(result.stdout.contains("负责科室：脊柱外科"))
    }

    @Test func languageFromTheEnvironment() throws {
        let result = try CLI.run(["calc", "escc", "--json", #"{"grade":"2"}"#], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(try object(result.stdout)["language"] == .string("zh-Hans"))
    }

    @Test func mirelsThresholdOption() throws {
        let input = #"{"site":"lowerLimb","pain":"moderate","lesion":"mixed","size":"oneThirdToTwoThirds"}"#
        let eight = try object(try CLI.run(["calc", "mirels", "--json", input]).stdout)
        let nine = try object(try CLI.run(["calc", "mirels", "--mirels-threshold", "9", "--json", input]).stdout)
        #expect(eight["fixationAlert"] == .bool(true))
        #expect(nine["fixationAlert"] == .bool(false))
        let bad = try CLI.run(["calc", "mirels", "--mirels-threshold", "7", "--json", input])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("mirelsFixationThreshold"))
    }

    @Test func listShowsEveryCalculatorWithItsFields() throws {
        let json = try CLI.run(["calc", "--list", "--lang", "en"])
        #expect(json.status == 0)
        guard case .array(let items) = try JSONValue.parse(json.stdout) else { Issue.record("not an array"); return }
        #expect(items.count == Calculators.all.count)
        let text = try CLI.run(["calc", "--list", "--format", "text", "--lang", "zh"])
        for name in Calculators.names { #expect(text.stdout.contains(name)) }
        #expect(text.stdout.contains("示例"))
    }

    @Test(arguments: [
        (["calc", "mirel", "--json", "{}"], "unknown calculator \"mirel\"; allowed: mirels, sins"),
        (["calc", "mirels", "--json", "{site:"], "not valid JSON"),
        (["calc", "mirels", "--json", "[1]"], "must be a JSON object"),
        (["calc", "escc", "--json", "{}"], "field \"grade\": required but missing"),
        (["calc", "mirels", "--json", #"{"pain":"severe"}"#], "allowed values: mild, moderate, functional"),
        (["calc", "crcl", "--json", #"{"sex":"male","age":200,"weightKg":70,"serumCreatinineMgDl":1}"#], "field \"age\": out of range; allowed: 18–120"),
        (["calc", "crcl", "--json", #"{"sex":"male","age":60,"weightKg":-70,"serumCreatinineMgDl":1}"#], "field \"weightKg\""),
        (["calc", "tokuhashi", "--json", #"{"kps":105}"#], "field \"kps\": out of range; allowed: 0–100"),
        (["calc", "mirels", "--lang", "fr", "--json", "{}"], "allowed values: zh, en"),
        (["calc", "mirels", "--format", "xml", "--json", "{}"], "allowed values: json, text"),
        (["calc", "mirels", "--no-such-option"], "Unknown option"),
        (["calc", "mirels"], "field \"--json\": required but missing"),
    ])
    func badInputExitsTwoWithOneClearLine(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments + (arguments.contains("--lang") ? [] : ["--lang", "en"]))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func kps55IsFine() throws {
        #expect(try CLI.run(["calc", "tokuhashi", "--json", #"{"kps":55}"#]).status == 0)
    }

    @Test func badInputInChinese() throws {
        let result = try CLI.run(["calc", "mirels", "--lang", "zh", "--json", #"{"pain":"severe"}"#])
        #expect(result.status == 2)
        #expect(result.stderr.contains("字段 \"pain\"：未知的值 \"severe\"；允许的值：mild, moderate, functional"))
    }

    @Test func helpExitsZero() throws {
        let result = try CLI.run(["calc", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--json"))
    }
}
