import BoneMetDomain
import BoneMetFHIR
import BoneMetTestSupport
import Foundation
import Testing

/// What an EHR sends is read, refused with a reason, or mapped — never a trap: a trap while
/// reading a CDS prefetch or an import line stops the server or the import. Seeded mutations
/// of the mCODE fixture: bytes (cut, dropped, doubled, replaced) and values (every member
/// replaced by a value of another kind or an odd one — dates out of range, huge numbers, empty
/// and very long strings), each resource read, then the patient's resources mapped to a case
/// and assessed.
@Suite struct FHIRFuzzTests {
    typealias Generator = SeededGenerator

    static var resources: [String] {
        [MCODEFixture.patient] + MCODEFixture.conditions + MCODEFixture.observations + MCODEFixture.medications + MCODEFixture.procedures
            + MCODEFixture.imaging
    }

    static var oddValues: [Any] { [
        NSNull(), "", "x", "9999-99-99", "2023-02-30", "0000-01-01", "1900", "2023-06-01T25:61:00Z", "-1", String(repeating: "骨", count: 5_000),
        -1, 0, 1e308, -1e308, 0.000_001, Int.max, Int.min, true, false, [Any](), [String: Any](), ["x"], ["reference": "Patient/p1"],
        ["coding": [["system": "http://loinc.org", "code": "2160-0"]]], ["value": "abc", "unit": "mg/dL"], ["value": -5, "unit": "kg"],
    ] }

    /// Every path to a value in a JSON object tree.
    static func paths(_ value: Any, _ prefix: [Any] = []) -> [[Any]] {
        var found: [[Any]] = [prefix]
        if let object = value as? [String: Any] {
            for (key, member) in object { found += paths(member, prefix + [key]) }
        } else if let array = value as? [Any] {
            for (index, member) in array.enumerated() { found += paths(member, prefix + [index]) }
        }
        return found
    }

    static func replacing(_ value: Any, at path: ArraySlice<Any>, with new: Any) -> Any {
        guard let step = path.first else { return new }
        if var object = value as? [String: Any], let key = step as? String, let member = object[key] {
            object[key] = replacing(member, at: path.dropFirst(), with: new)
            return object
        }
        if var array = value as? [Any], let index = step as? Int, array.indices.contains(index) {
            array[index] = replacing(array[index], at: path.dropFirst(), with: new)
            return array
        }
        return value
    }

    static func mapAndAssess(_ texts: [String]) {
        let parsed = texts.compactMap { try? FHIRResource(parsing: $0) }
        guard let patient = parsed.first(where: { $0.resourceType == "Patient" }) else { return }
        let (record, _) = FHIRCaseMapper.map(patient: patient, related: parsed.filter { $0.resourceType != "Patient" })
        // What is stored from an EHR reads back as any typed case does (CaseLimits).
        do {
            _ = try CaseFile.read(CaseFile.write(record))
        } catch {
            Issue.record("a mapped record does not read back: \(error.errors.prefix(3).map { "\($0.field ?? "") \($0)" })")
        }
        let asOf = PartialDate(year: 2023, month: 6, day: 1) ?? PartialDate(dayNumber: 0)
        _ = assess(record, asOf: asOf)
        _ = CDSCards.record(patientId: "p1", resources: parsed)
    }

    @Test func valuesOfEveryKindInEveryMember() throws {
        var generator = Generator(state: 12_345)
        var variants = 0
        let oddValues = Self.oddValues
        for (position, text) in Self.resources.enumerated() {
            let tree = try JSONSerialization.jsonObject(with: Data(text.utf8))
            for path in Self.paths(tree) where !path.isEmpty {
                for _ in 0..<3 {
                    let odd = oddValues.randomElement(using: &generator) ?? NSNull()
                    let changed = Self.replacing(tree, at: path[...], with: odd)
                    guard JSONSerialization.isValidJSONObject(changed),
                        let data = try? JSONSerialization.data(withJSONObject: changed) else { continue }
                    var texts = Self.resources
                    texts[position] = String(decoding: data, as: UTF8.self)
                    Self.mapAndAssess(texts)
                    variants += 1
                }
            }
        }
        #expect(variants > 500)
    }

    @Test func bytesCutDroppedDoubledOrReplaced() {
        var generator = Generator(state: 67_890)
        let noise: [UInt8] = Array(#"{}[]",:\0 -+.eE9"#.utf8) + [0x00, 0x7F, 0xC3, 0xE9, 0xFF, 0xF0, 0x9F]
        var refused = 0
        for _ in 0..<4_000 {
            var texts = Self.resources
            let position = Int.random(in: 0..<texts.count, using: &generator)
            var bytes = Array(texts[position].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.removeSubrange(at...)
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 8)], at: at)
                default: bytes[at] = noise.randomElement(using: &generator) ?? 0
                }
            }
            if (try? FHIRJSON.parse(bytes: bytes)) == nil { refused += 1 }
            texts[position] = String(decoding: bytes, as: UTF8.self)
            Self.mapAndAssess(texts)
        }
        #expect(refused > 1_000)
    }
}
