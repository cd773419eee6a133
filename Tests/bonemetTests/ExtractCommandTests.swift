import BoneMetTestSupport
import Foundation
import Testing

/// Issue #13: `bonemet extract` for batch use — text in the clinician's language or JSON with
/// evidence spans, a hospital's own terms from a folder, exit code 2 naming what is wrong.
@Suite struct ExtractCommandTests {
    static let report = "T10椎体见溶骨性骨质破坏，大小约18×14mm，未见病理性骨折。右侧髂翼见成骨性病灶。"

    let scratch = ScratchFolder("lexicons")

    func folder(_ files: [String: String]) throws -> URL {
        let url = try scratch.folder()
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    @Test func textAndJSONFromStandardInput() throws {
        let zh = try CLI.run(["extract", "-", "--lang", "zh"], stdin: Self.report)
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("T10（病历中尚无） — 明确描述"))
        #expect(zh.stdout.contains("病理性骨折：无 · 描述为无 · 「病理性骨折」"))
        let json = try CLI.run(["extract", "-", "--format", "json"], stdin: Self.report)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let lesions = try #require(object["lesions"] as? [[String: Any]])
        #expect(lesions.count == 1)  // 髂翼 is not a bundled term
        let readings = try #require(lesions.first?["readings"] as? [[String: Any]])
        let size = try #require(readings.first { $0["field"] as? String == "diametersMm" })
        #expect(size["value"] as? String == "18x14")
    }

    @Test func aHospitalsOwnTermsAreAdded() throws {
        let lexicons = try folder(["sites.tsv": "# our radiologists' words\n髂翼\tpelvis\n"])
        let result = try CLI.run(["extract", "-", "--lexicons", lexicons.path, "--lang", "en"], stdin: Self.report)
        #expect(result.status == 0)
        #expect(result.stdout.contains("right pelvis (not in the case yet) — stated"))
        let broken = try folder(["findings.tsv": "骨破坏区\tdestruction:true\nno tab on this line\n"])
        let refused = try CLI.run(["extract", "-", "--lexicons", broken.path], stdin: Self.report)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("findings.tsv, line 2: expected term<TAB>value"))
    }

    @Test func badInputIsExitCodeTwoNamingTheField() throws {
        let format = try CLI.run(["extract", "-", "--format", "xml"], stdin: Self.report)
        #expect(format.status == 2)
        #expect(format.stderr.contains("field \"--format\""))
        let missing = try CLI.run(["extract", "/nonexistent/report.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("field \"REPORT\""))
        let folder = try CLI.run(["extract", "-", "--lexicons", "/nonexistent"], stdin: "x")
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("field \"--lexicons\""))
    }
}
