import ArgumentParser
import BoneMetRules
import Foundation

/// `bonemet calc NAME --json '<object>'` (or the object on stdin); `bonemet calc --list`.
struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Run a bedside score: mirels, sins, escc, tokuhashi, tomita, katagiri, crcl, zoledronicDose, zoledronicRenalCheck.",
        discussion: "Input is one JSON object, from --json or standard input. `bonemet calc --list` lists every calculator with its fields."
    )

    @Argument(help: "Calculator name (see --list).")
    var name: String?

    @Flag(name: .long, help: "List the calculators, their fields and an example input.")
    var list = false

    @Option(name: .long, help: "The input as one JSON object; read from standard input when omitted.")
    var json: String?

    @Option(name: .long, help: "Mirels fixation-alert threshold: 8 (default, source hospital) or 9 (later literature).")
    var mirelsThreshold: Int?

    @Flag(name: .customLong("escc-1c-high-grade"), help: "Count ESCC grade 1c as high grade (default: low grade).")
    var escc1cHighGrade = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        var language = Language.en
        do {
            language = try output.language()
            let format = try output.outputFormat()
            if list {
                print(format == .json ? CalculatorListing.json(language).serialized() : CalculatorListing.text(language))
                return
            }
            guard let name else {
                throw InputError(field: "NAME", problem: .unknownCalculator("", allowed: Calculators.names))
            }
            let calculator = try Calculators.named(name)
            let settings = RuleSettings(
                mirelsFixationThreshold: mirelsThreshold ?? RuleSettings.default.mirelsFixationThreshold,
                escc1cIsHighGrade: escc1cHighGrade)
            let input = try JSONValue.parse(try readInput())
            let report = try calculator.run(input, settings: settings)
            print(format == .json ? report.json(language).serialized() : report.text(language))
        } catch {
            let prefix = name.map { "calc \($0)" } ?? "calc"
            throw CLIFailure.reject(error.message(language), command: prefix)
        }
    }

    private func readInput() throws(InputError) -> String {
        if let json { return json }
        if isatty(FileHandle.standardInput.fileDescriptor) != 0 {
            throw InputError(field: "--json", problem: .missing)
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8),
            !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else {
            throw InputError(field: "--json", problem: .missing)
        }
        return text
    }
}

extension Error {
    /// The user-facing message of an error in the chosen language; never an internal description.
    func message(_ language: Language) -> String {
        if let input = self as? InputError { return input.message(language) }
        return LocalizedText(en: "unexpected error; nothing was changed", zh: "意外错误；未做任何更改")(language)
    }
}
