@testable import BoneMetFHIR
import BoneMetStorage
import Foundation
import Testing

@Suite struct FHIRJSONTests {
    /// Ids are checked on their bytes; the answer is the one of the Character-wise definition
    /// (ASCII letters, digits, "-" and ".", 1–64 of them) for any text.
    @Test func idsAreCheckedAsTheirCharacters() {
        let samples = [
            "", "a", "A-1.b", "patient-001", String(repeating: "x", count: 64), String(repeating: "x", count: 65), "a b", "a_b", "a/b",
            "١٢٣", "ＡＢＣ", "é", "e\u{301}", "a\r\nb", "骨转移", "😀", "-", ".", "a\u{0}", "Z9", "\u{212A}",
        ]
        for text in samples {
            let characterWise = !text.isEmpty && text.utf8.count <= 64 && text.allSatisfy(FHIRExporter.idCharacter)
            #expect(FHIRExporter.isValidId(text) == characterWise, "\(text.debugDescription)")
        }
        #expect(FHIRExporter.isValidId("A-1.b") && !FHIRExporter.isValidId("é"))
    }

    @Test func decimalsKeepTheirWrittenPrecision() throws {
        let text = #"{"resourceType":"Observation","valueQuantity":{"value":1.50,"unit":"mg/dL"},"n":1e3,"z":-0.0}"#
        let json = try FHIRJSON.parse(text)
        #expect(json["valueQuantity"]?["value"]?.decimalText == "1.50")
        #expect(json.serialized() == text)
    }

    /// A duplicate member name is refused in small objects (a linear look) and large ones (a set).
    @Test(arguments: [3, 15, 16, 17, 40])
    func aDuplicateMemberIsRefused(members: Int) throws {
        let names = (0..<members).map { "m\($0)" }
        let unique = "{" + names.map { #""\#($0)":1"# }.joined(separator: ",") + "}"
        #expect(try FHIRJSON.parse(unique).members.count == members)
        let twice = "{" + (names + [names[members / 2]]).map { #""\#($0)":1"# }.joined(separator: ",") + "}"
        #expect(throws: FHIRError.self) { try FHIRJSON.parse(twice) }
    }

    @Test func membersKeepTheirOrderAndStringsTheirCharacters() throws {
        let text = #"{"b":"骨转移 \"q\" \\ \n","a":["x",true,null,{"c":[]}],"e":"😀 \ud83d\ude00"}"#
        let json = try FHIRJSON.parse(text)
        #expect(json.members.map(\.key) == ["b", "a", "e"])
        #expect(json["e"]?.string == "😀 😀")
        #expect(try FHIRJSON.parse(json.serialized()) == json)
    }

    @Test(arguments: [
        "", "{", #"{"a":1,"a":2}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":"\x"}"#, #"{"a":"\ud83d"}"#, "[1,]", #"{"a":tru}"#, #"{"a":nul}"#, #"{"a":fals"#, "{} {}", "\u{0B}{}",
        String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
    ])
    func invalidJSONIsRejected(text: String) {
        #expect(throws: FHIRError.self) { _ = try FHIRJSON.parse(text) }
    }

    @Test func literalsAndEveryKindOfSpaceAreRead() throws {
        let json = try FHIRJSON.parse(" \t\r\n{ \"t\" :\ttrue ,\n\"f\":false,\r\n\"n\" : null } \n")
        #expect(json["t"]?.bool == true && json["f"]?.bool == false && json["n"] == .null)
    }
}

@Suite struct FHIRResourceTests {
    @Test func anUnknownModifierExtensionRejectsTheResource() {
        let text = #"{"resourceType":"Condition","id":"c1","modifierExtension":[{"url":"http://example.org/negated","valueBoolean":true}]}"#
        #expect(throws: FHIRError.self) { _ = try FHIRResource(parsing: text) }
        do {
            _ = try FHIRResource(parsing: text)
        } catch {
            #expect(error.path == "Condition.modifierExtension[0]")
        }
    }

    @Test func unknownExtensionsAreKeptAndWrittenBack() throws {
        let text = #"{"resourceType":"Patient","id":"p1","extension":[{"url":"http://example.org/x","valueString":"kept"}],"birthDate":"1960","_birthDate":{"extension":[{"url":"http://example.org/y","valueCode":"z"}]}}"#
        let resource = try FHIRResource(parsing: text)
        #expect(resource.json.serialized() == text)
        #expect(resource.json["birthDate"]?.string == "1960")
    }

    @Test func aChoiceElementHasOneVariant() {
        #expect(throws: FHIRError.self) { _ = try FHIRResource(parsing: #"{"resourceType":"Observation","valueQuantity":{"value":1},"valueString":"x"}"#) }
        #expect(throws: FHIRError.self) { _ = try FHIRResource(parsing: #"{"resourceType":"Condition","onsetDateTime":"2020","onsetAge":{"value":60}}"#) }
        #expect(throws: Never.self) { _ = try FHIRResource(parsing: #"{"resourceType":"Observation","valueQuantity":{"value":1},"effectiveDateTime":"2020-01"}"#) }
    }

    /// The base of a choice variant is found by its first capital; the answer is the one of the
    /// definition (a base, then an ASCII capital; `valueSet` is an element of its own).
    @Test func aChoiceBaseIsTheDefinitionsOne() {
        func byDefinition(_ key: String) -> String? {
            FHIRResource.choiceBases.first { base in
                key.utf8.count > base.utf8.count && key.utf8.starts(with: base.utf8) && key != "valueSet"
                    && (0x41...0x5A).contains(Array(key.utf8)[base.utf8.count])
            }
        }
        let keys = [
            "valueQuantity", "valueSet", "value", "Value", "valueéQuantity", "dosageInstruction", "doseQuantity", "resourceType",
            "onsetDateTime", "itemCodeableConcept", "effectivePeriod", "deceasedBoolean", "multipleBirthInteger", "performedPeriod",
            "valuequantity", "valueQ", "V", "", "é", "value\u{301}Quantity", "bodySite", "medicationCodeableConcept", "rateRatio",
            "abatementAge", "reportedReference", "bornDate", "timingTiming", "servicedDate", "productReference", "asNeededBoolean",
            "occurrenceDateTime", "valueQuantity\u{0}", "骨Value", "x\u{0600}Value", "valueSetX", "multipleBirthBoolean",
            "asNeededCodeableConcept", "QValue", "multipleBirth", "asNeeded",
        ]
        for key in keys {
            #expect(FHIRResource.choiceBase(key) == byDefinition(key), "\(key.debugDescription)")
        }
        #expect(FHIRResource.choiceBase("valueQuantity") == "value" && FHIRResource.choiceBase("valueSet") == nil)
    }

    @Test func emptyValuesAreRejectedWithTheirPath() {
        for text in [#"{"resourceType":"Patient","id":""}"#, #"{"resourceType":"Patient","name":[]}"#, #"{"resourceType":"Patient","meta":{}}"#] {
            #expect(throws: FHIRError.self) { _ = try FHIRResource(parsing: text) }
        }
        #expect(throws: FHIRError.self) { _ = try FHIRResource(parsing: #"{"id":"x"}"#) }
    }
}

@Suite struct NDJSONTests {
    func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bm-\(UUID().uuidString).ndjson")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test(arguments: [7, 64, 1 << 18])
    func linesBlankLinesCRLFAndChunkBoundaries(chunkSize: Int) throws {
        let url = try file("{\"resourceType\":\"Patient\",\"id\":\"a\"}\r\n\n   \n{\"resourceType\":\"Patient\",\"id\":\"b\"}\nnot json\n{\"resourceType\":\"Patient\",\"id\":\"c\"}")
        let lines = Array(NDJSONReader(url: url, chunkSize: chunkSize))
        #expect(lines.map(\.number) == [1, 4, 5, 6])
        #expect(String(decoding: lines[0].bytes, as: UTF8.self) == #"{"resourceType":"Patient","id":"a"}"#)
        var scan = BulkScan()
        scan.read(file: url)
        #expect(scan.patients == 3)
        #expect(scan.badLines.map(\.line) == [5])
        try? FileManager.default.removeItem(at: url)
    }

    @Test func aMissingFileYieldsNothing() {
        #expect(Array(NDJSONReader(url: URL(fileURLWithPath: "/no/such.ndjson"))).isEmpty)
    }
}

/// The real public Synthea export in shared/ (skipped when absent, as in a clone without it).
@Suite struct SyntheaExportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/synthea-bulk-10")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path)))
    func aRealExportScansCleanly() throws {
        let scan = try BulkScan.scan(folder: Self.folder)
        #expect(scan.badLineCount == 0, "\(scan.badLines.prefix(3))")
        // Independent count: the non-blank lines of the Patient file.
        let patientLines = try String(contentsOf: Self.folder.appendingPathComponent("Patient.000.ndjson"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        #expect(scan.patients == patientLines)
        #expect(scan.patients > 0)
        #expect(scan.byType["Encounter", default: 0] > 0)
        #expect(scan.skipped == scan.byType["Encounter", default: 0] + scan.byType["AllergyIntolerance", default: 0])
        #expect(scan.cancerConditions >= 2)
        #expect(scan.boneMetastases == 0)
    }
}

@Suite struct GzipNDJSONTests {
    @Test func gzipFilesAreReadAsAStreamAndCorruptionIsReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bm-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = (0..<2000).map { #"{"resourceType":"Patient","id":"p\#($0)","gender":"female"}"# }.joined(separator: "\n") + "\n"
        let plain = folder.appendingPathComponent("Patient.000.ndjson")
        try Data(lines.utf8).write(to: plain)
        // gzip with the system tool, as an export would arrive.
        #expect(try ChildProcess.run("/bin/gzip", ["-k", plain.path]).status == 0)
        try FileManager.default.removeItem(at: plain)
        try Data([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03] + [UInt8](repeating: 0xFF, count: 64)).write(to: folder.appendingPathComponent("Condition.000.ndjson.gz"))
        let scan = try BulkScan.scan(folder: folder)
        #expect(scan.patients == 2000)
        #expect(scan.badLines.contains { $0.file == "Condition.000.ndjson.gz" && $0.problem.contains("corrupt") })
        #expect(!scan.badLines.contains { $0.file == "Patient.000.ndjson.gz" })
        // The same file cut short, as an interrupted download leaves it.
        let whole = try Data(contentsOf: folder.appendingPathComponent("Patient.000.ndjson.gz"))
        try whole.prefix(whole.count - 40).write(to: folder.appendingPathComponent("Patient.000.ndjson.gz"))
        let cut = try BulkScan.scan(folder: folder)
        #expect(cut.badLines.contains { $0.file == "Patient.000.ndjson.gz" && $0.problem.contains("truncated") })
        #expect(cut.patients < 2000)
        try? FileManager.default.removeItem(at: folder)
    }
}
