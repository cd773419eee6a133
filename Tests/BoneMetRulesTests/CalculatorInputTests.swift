import BoneMetRules
import Testing

/// Bad input is refused with the field and the allowed values, in both languages (issue #2).
@Suite struct CalculatorInputTests {
    @Test func unknownCalculatorListsTheCalculators() {
        #expect(throws: InputError.self) { _ = try Calculators.named("mirel") }
        do {
            _ = try Calculators.named("mirel")
        } catch {
            #expect(error.message(.en).contains("mirels, sins, escc"))
            #expect(error.message(.zhHans).contains("未知的计算器"))
        }
    }

    @Test func malformedJSONAndNonObjects() {
        #expect(throws: InputError(field: nil, problem: .malformedJSON)) { _ = try JSONValue.parse("{site: 1") }
        #expect(throws: InputError(field: nil, problem: .malformedJSON)) { _ = try JSONValue.parse("") }
        #expect(inputError("mirels", .array([]))?.problem == .notAnObject)
    }

    @Test func unknownEnumValueNamesFieldAndAllowedValuesInBothLanguages() throws {
        let error = try #require(inputError("mirels", .object(["pain": "severe"])))
        #expect(error.field == "pain")
        #expect(error.message(.en) == "field \"pain\": unknown value \"severe\"; allowed values: mild, moderate, functional")
        #expect(error.message(.zhHans) == "字段 \"pain\"：未知的值 \"severe\"；允许的值：mild, moderate, functional")
    }

    @Test func unknownFieldIsRefusedRatherThanSilentlyIgnored() throws {
        // A typo must not turn into an "unknown item" range.
        let error = try #require(inputError("mirels", .object(["sizee": "lessThanOneThird"])))
        #expect(error.field == "sizee")
        #expect(error.message(.en).contains("site, pain, lesion, size"))
    }

    @Test func wrongTypes() {
        #expect(inputError("mirels", .object(["pain": 2]))?.problem == .notOneOf(allowed: ["mild", "moderate", "functional"]))
        #expect(inputError("katagiri", .object(["previousChemotherapy": "yes"]))?.problem == .wrongType(expected: .boolean))
        #expect(inputError("tokuhashi", .object(["kps": "80"]))?.problem == .wrongType(expected: .wholeNumber))
        #expect(inputError("zoledronicDose", .object(["crclMlMin": "35"]))?.problem == .wrongType(expected: .number))
    }

    @Test func nullMeansUnknown() throws {
        let report = try run("mirels", ["site": "lowerLimb", "pain": nil, "lesion": "lytic", "size": "lessThanOneThird"])
        #expect(report.missing == ["pain"])
    }

    @Test func errorMessagesNeverEchoNumbersFromTheInput() throws {
        let error = try #require(inputError("crcl", .object(["sex": "male", "age": 137, "weightKg": 70, "serumCreatinineMgDl": 1])))
        #expect(!error.message(.en).contains("137"))
        #expect(error.message(.en).contains("18–120"))
    }

    @Test func longUnknownValuesAreShortened() throws {
        let long = String(repeating: "x", count: 200)
        let error = try #require(inputError("mirels", .object(["pain": .string(long)])))
        #expect(error.message(.en).count < 150)
    }

    @Test func everyExampleRunsAndEveryDeclaredFieldIsAccepted() throws {
        #expect(Set(Calculators.names).count == Calculators.all.count)
        for calculator in Calculators.all {
            let report = try calculator.run(.object(calculator.example))
            #expect(report.calculator == calculator.name)
            #expect(report.ruleSetVersion == RuleSet.version)
            #expect(!report.sources.isEmpty, "\(calculator.name) cites no source")
            for key in calculator.example.keys { #expect(calculator.fields.contains { $0.key == key }) }
        }
    }
}
