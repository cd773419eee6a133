import ArgumentParser
import BoneMetDomain
import Foundation

/// `--settings FILE` (or BONEMET_SETTINGS): the rule settings where sources disagree, one JSON
/// file for assess, import and serve (docs/case-format.md, "Settings"). A bad file exits 2
/// naming the field and its allowed values.
struct SettingsOption: ParsableArguments {
    @Option(name: .long, help: "Rule settings file (JSON; docs/case-format.md lists the keys). Default: the documented defaults.")
    var settings: String?

    func load(command: String) throws -> RuleSettings {
        guard let path = settings ?? ProcessInfo.processInfo.environment["BONEMET_SETTINGS"], !path.isEmpty else { return .default }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIFailure.reject("field \"--settings\": cannot read \"\(path)\"", command: command)
        }
        do {
            return try RuleSettings.read(text: text)
        } catch {
            throw CLIFailure.reject("--settings \(path): \(error.message(.en))", command: command)
        }
    }
}
