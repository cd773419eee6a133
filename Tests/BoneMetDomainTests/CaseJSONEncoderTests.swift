import BoneMetDomain
import BoneMetRules
import BoneMetTestSupport
import Foundation
import Testing

/// Issue #12: case files are written without Foundation's encoder, and byte for byte as it
/// wrote them (stored records, their import hashes and exports must not change).
@Suite struct CaseJSONEncoderTests {
    static func foundation(_ record: CaseRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    static var examples: [CaseRecord] {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("examples")
            return try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".json") }.sorted().map {
                try CaseFile.read(String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))
            }
        }
    }

    /// Strings and numbers at the edges of JSON writing.
    static var awkward: CaseRecord {
        var record = CaseRecord(patient: Patient(id: "odd \"quoted\" \\ back/slash\ttab\nline\u{01}\u{08}\u{0C}\u{1F}", sex: .female, birthDate: PartialDate("1950-02")))
        record.patient.weights = [WeightRecord(date: PartialDate("2024")!, kg: 0.1), WeightRecord(date: PartialDate("2024-03-01")!, kg: 1e-7)]
        record.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性导管癌 😀 <b>&amp;</b>", diagnosed: PartialDate("2019-06"))]
        var lesion = Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .left)
        lesion.note = ""
        record.lesions = [lesion]
        var seen = LesionObservation(lesion: "L1")
        seen.diametersMm = [12.5, 3.0, 1e21, 123_456_789.125, -0.0, 2.675]
        seen.fractionOfDiameter = 0.6666666666666666
        record.studies = [ImagingStudy(id: "S1", date: PartialDate("2024-03-01")!, modality: .ct, windows: [.bone], report: "", observations: [seen])]
        record.labs = [LabResult(date: PartialDate("2024-03-01")!, test: .creatinine, value: 88.4, unit: "µmol/L", upperLimit: 97)]
        return record
    }

    @Test func everyExampleCaseIsWrittenAsFoundationWroteIt() throws {
        let examples = try Self.examples
        #expect(examples.count >= 10)
        for record in examples { #expect(try CaseJSONEncoder.encode(record) == (try Self.foundation(record)), "\(record.patient.id)") }
    }

    /// Strings whose escapes sit next to combining marks, emoji and CJK, and generated ones: the
    /// writer copies the text between escapes whole, and must cut it at the escapes exactly.
    @Test func stringsAroundEscapesAreCopiedExactly() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var samples = ["\"\u{301}", "a\n\u{301}b", "\\\u{20DD}", "\u{1F468}\u{200D}\u{1F469}\"\u{1F467}", "唑\t来\"膦\\酸\r", "\"", "\n\n", "e\u{301}\"e\u{301}", ""]
        var generator = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = ["\"", "\\", "\n", "\t", "\u{01}", "\u{08}", "\u{0C}", "\u{1F}", "a", "Z", " ", "/", "\u{301}", "\u{20DD}", "唑", "😀", "\u{200D}", "é"]
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &generator) { text.append(pool.randomElement(using: &generator) ?? "a") }
            samples.append(String(text))
        }
        for sample in samples {
            let ours = try CaseJSONEncoder.encode(sample)
            let theirs = String(decoding: try encoder.encode(sample), as: UTF8.self)
            #expect(ours == theirs, "\(Array(sample.unicodeScalars))")
        }
    }

    @Test func generatedAndAwkwardRecordsToo() throws {
        var records = [Self.awkward, CaseRecord(patient: Patient(id: "empty"))]
        for seed in 1...40 {
            records.append(SyntheticCase.make(lesions: 1 + seed % 7, studies: 1 + seed % 9, treatments: seed % 6, seed: UInt64(seed)))
        }
        for record in records {
            let ours = try CaseJSONEncoder.encode(record)
            let theirs = try Self.foundation(record)
            if ours != theirs {
                let a = Array(ours.utf8), b = Array(theirs.utf8)
                let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                Issue.record("\(record.patient.id.prefix(20)): differs at \(at): ours …\(String(decoding: a[max(0, at - 60)..<min(a.count, at + 40)], as: UTF8.self))… Foundation …\(String(decoding: b[max(0, at - 60)..<min(b.count, at + 40)], as: UTF8.self))…")
            }
        }
        // And it reads back to the same record.
        #expect(try CaseFile.read(CaseJSONEncoder.encode(SyntheticCase.typical)) == SyntheticCase.typical)
    }

    /// What a hand-written `encode(to:)` may do: write a key twice (the last value stays), ask
    /// for its container twice (one object), use super encoders, nest, mix number types.
    struct Unusual: Encodable {
        enum Key: String, CodingKey { case b, a, c, é, z }

        func encode(to encoder: any Encoder) throws {
            var first = encoder.container(keyedBy: Key.self)
            try first.encode("first", forKey: .a)
            try first.encode(Int64(-7), forKey: .z)
            var again = encoder.container(keyedBy: Key.self)
            try again.encode("second", forKey: .a)
            try again.encode([UInt8(1), UInt8(2)], forKey: .b)
            var nested = again.nestedContainer(keyedBy: Key.self, forKey: .c)
            try nested.encode(Float(0.5), forKey: .a)
            try nested.encode(Int32(3), forKey: .b)
            try nested.encode(true, forKey: .a)
            try "accent".encode(to: again.superEncoder(forKey: .é))
            try 42.encode(to: again.superEncoder())
        }
    }

    @Test func handWrittenEncodersAreWrittenAsFoundationWritesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Unusual()), as: UTF8.self)
        #expect(try CaseJSONEncoder.encode(Unusual()) == expected)
        #expect(try CaseJSONEncoder.encode([Unusual(), Unusual()]) == String(decoding: try encoder.encode([Unusual(), Unusual()]), as: UTF8.self))
    }

    @Test func aNumberThatIsNotFiniteIsRefused() {
        var record = CaseRecord(patient: Patient(id: "nan"))
        record.patient.weights = [WeightRecord(date: PartialDate("2024")!, kg: .nan)]
        #expect(throws: CaseJSONEncoder.Unencodable.self) { try CaseJSONEncoder.encode(record) }
    }
}
