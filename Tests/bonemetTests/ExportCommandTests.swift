import BoneMetTestSupport
import Foundation
import Testing

/// `bonemet import` → `bonemet export` → `bonemet import` elsewhere, as an IT team moving
/// cases between installations would run it.
@Suite struct ExportCommandTests {
    static let bundle = #"""
        {"resourceType":"Bundle","type":"collection","entry":[
        {"resource":{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1958-04"}},
        {"resource":{"resourceType":"Condition","id":"primary1","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009"}]},"onsetDateTime":"2015-03"}},
        {"resource":{"resourceType":"Condition","id":"bone1","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C79.51"}]},"bodySite":[{"coding":[{"system":"http://snomed.info/sct","code":"41111004"}]}],"onsetDateTime":"2023-01-05"}},
        {"resource":{"resourceType":"MedicationRequest","id":"zol1","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"M05BA08"}]},"authoredOn":"2023-01-20"}}
        ]}
        """#

    /// Every installation, export and bundle of a test in one folder, removed after it.
    let scratch = ScratchFolder("bm-cli")

    func temporary(_ name: String) -> String { scratch.path("\(name)-\(UUID().uuidString)") }

    @Test func casesTravelFromOneInstallationToAnother() throws {
        let source = temporary("source")
        let target = temporary("target")
        let folder = temporary("export")
        let bundleFile = temporary("bundle") + ".json"
        try Data(Self.bundle.utf8).write(to: URL(fileURLWithPath: bundleFile))
        let imported = try CLI.run(["import", bundleFile, "--data", source])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 created"))

        let exported = try CLI.run(["export", "--out", folder, "--data", source])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("1 case(s) exported"))
        let patients = try String(contentsOfFile: folder + "/Patient.ndjson", encoding: .utf8).split(separator: "\n")
        #expect(patients.count == 1)
        let manifest = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains(#""url":"Patient.ndjson""#))
        #expect(manifest.contains(#""url":"MedicationRequest.ndjson""#))

        let again = try CLI.run(["import", folder, "--data", target])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("1 created"))
        #expect(again.stdout.contains("bad lines: 0"))

        // One case as a Bundle, by the case id the export carries.
        let line = String(try #require(patients.first))
        let marker = #""system":"urn:bonemet:case","value":""#
        let range = try #require(line.range(of: marker))
        let caseId = String(line[range.upperBound...].prefix { $0 != "\"" })
        let one = try CLI.run(["export", "--case", caseId, "--data", source])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.hasPrefix(#"{"resourceType":"Bundle","type":"collection""#))
        #expect(one.stdout.contains("M05BA08"))
    }

    @Test func badRequestsAreRejectedWithTheField() throws {
        let source = temporary("source")
        let bundleFile = temporary("bundle") + ".json"
        try Data(Self.bundle.utf8).write(to: URL(fileURLWithPath: bundleFile))
        #expect(try CLI.run(["import", bundleFile, "--data", source]).status == 0)
        let folder = temporary("export")
        #expect(try CLI.run(["export", "--out", folder, "--data", source]).status == 0)

        let notEmpty = try CLI.run(["export", "--out", folder, "--data", source])
        #expect(notEmpty.status == 2)
        #expect(notEmpty.stderr.contains("--out"))
        let neither = try CLI.run(["export", "--data", source])
        #expect(neither.status == 2)
        #expect(neither.stderr.contains("--case"))
        let unknown = try CLI.run(["export", "--case", "no-such-case", "--data", source])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--case"))
        let noDatabase = try CLI.run(["export", "--out", temporary("x"), "--data", temporary("missing")])
        #expect(noDatabase.status == 2)
        #expect(noDatabase.stderr.contains("--data"))
        let badDate = try CLI.run(["export", "--out", temporary("y"), "--as-of", "2023-13", "--data", source])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--as-of"))
        let month = try CLI.run(["export", "--out", temporary("z"), "--as-of", "2023-06", "--data", source])
        #expect(month.status == 2)
        #expect(month.stderr.contains("is not a day"))
        // The written forms of a case file's dates are read as the same day.
        let dotted = try CLI.run(["export", "--out", temporary("w"), "--as-of", "2023.6.30", "--data", source])
        #expect(dotted.status == 0, "\(dotted.stderr)")
    }
}
