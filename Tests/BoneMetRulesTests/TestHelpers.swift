import BoneMetRules
import Testing

/// Runs a calculator by name on a JSON object literal.
func run(_ name: String, _ input: JSONObject, settings: RuleSettings = .default) throws -> CalculatorReport {
    try Calculators.named(name).run(.object(input), settings: settings)
}

/// The error a calculator raises for an input, or nil when it accepts it.
func inputError(_ name: String, _ input: JSONValue) -> InputError? {
    do {
        _ = try Calculators.named(name).run(input)
        return nil
    } catch {
        return error
    }
}

extension CalculatorReport {
    func int(_ key: String) -> Int? {
        if case .int(let value) = values[key] { return value }
        return nil
    }
    func string(_ key: String) -> String? {
        if case .string(let value) = values[key] { return value }
        return nil
    }
    func bool(_ key: String) -> Bool? {
        if case .bool(let value) = values[key] { return value }
        return nil
    }
    func double(_ key: String) -> Double? { values[key]?.number }
    func isNull(_ key: String) -> Bool { values[key] == .null }
}

/// Every combination of the cases of the given enums' raw values.
func combinations(_ lists: [[String]]) -> [[String]] {
    lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
}
