import BoneMetRules
import Testing

/// Every calculator answers any input — a report or an error naming the field — and never
/// traps (the calculators run in the server for the bedside pages and the API). Seeded: each
/// field gets values at and beyond its limits, of other kinds, huge, non-finite-looking and
/// empty, in many combinations.
@Suite struct CalculatorFuzzTests {
    typealias Generator = AssessmentPropertyTests.Generator

    static func odd(for field: FieldSpec, using generator: inout Generator) -> JSONValue {
        var values: [JSONValue] = [.null, .bool(true), .string(""), .string("x"), .array([]), .object(JSONObject()), .double(1e300), .double(-1e300), .int(Int.max), .int(Int.min), .double(0.5), .int(-1), .int(0)]
        switch field.kind {
        case .choice(let options):
            values += options.map(JSONValue.string) + [.string(options.first.map { $0.uppercased() } ?? "")]
        case .integer(let range):
            values += [.int(range.lowerBound), .int(range.upperBound), .int(range.lowerBound - 1), .int(range.upperBound + 1), .double(Double(range.upperBound) + 0.5)]
        case .number(let range, _):
            values += [.double(range.lowerBound), .double(range.upperBound), .double(range.lowerBound - 0.001), .double(range.upperBound * 10 + 1), .double(range.upperBound.nextUp)]
        default:
            break
        }
        return values.randomElement(using: &generator) ?? .null
    }

    @Test func anyInputIsAReportOrANamedErrorNeverATrap() {
        var generator = Generator(state: 424_242)
        var reports = 0
        var errors = 0
        for calculator in Calculators.all {
            for _ in 0..<400 {
                var object = JSONObject()
                for field in calculator.fields where Bool.random(using: &generator) || field.required {
                    object[field.key] = Self.odd(for: field, using: &generator)
                }
                if Int.random(in: 0..<10, using: &generator) == 0 { object["unknownField"] = .int(1) }
                do {
                    let report = try calculator.run(.object(object))
                    reports += 1
                    _ = report.allTexts
                } catch {
                    errors += 1
                }
            }
        }
        #expect(reports > 100)
        #expect(errors > 1_000)
    }
}
