import ArgumentParser
import BoneMetRules
import Foundation

/// `--lang` and `--format`, shared by the subcommands that print clinical output.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Language of texts and errors: zh or en (default: from LANG, else en).")
    var lang: String?

    @Option(name: .long, help: "Output format: json or text (assess: also markdown).")
    var format: String = "json"

    enum Format: String, CaseIterable { case json, text, markdown }

    /// The chosen language; an unknown code is a bad input, named with the allowed values.
    func language(environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> Language {
        if let lang {
            guard let language = Language(code: lang) else {
                throw InputError(field: "--lang", problem: .unknownValue(lang, allowed: ["zh", "en"]))
            }
            return language
        }
        for key in ["BONEMET_LANG", "LC_ALL", "LANG"] {
            if let value = environment[key], !value.isEmpty { return Language(code: value) ?? .en }
        }
        return .en
    }

    func outputFormat(allowed: [Format] = [.json, .text]) throws(InputError) -> Format {
        guard let value = Format(rawValue: format), allowed.contains(value) else {
            throw InputError(field: "--format", problem: .unknownValue(format, allowed: allowed.map(\.rawValue)))
        }
        return value
    }
}
