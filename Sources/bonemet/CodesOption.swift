import ArgumentParser
import BoneMetDomain
import BoneMetFHIR
import Foundation

/// `--codes FILE` (or BONEMET_CODES): a site's own condition and laboratory codes mapped to
/// what BoneMet understands (docs/fhir.md, "Local codes"). Validated at start: a bad file exits
/// 2 naming the field.
struct CodesOption: ParsableArguments {
    @Option(name: .long, help: "Local code mapping file (JSON; docs/fhir.md, \"Local codes\").")
    var codes: String?

    func load(command: String) throws -> CodeMappings {
        guard let path = codes ?? ProcessInfo.processInfo.environment["BONEMET_CODES"], !path.isEmpty else { return .none }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIFailure.reject("field \"--codes\": cannot read \"\(path)\"", command: command)
        }
        do {
            return try CodeMappings.read(text: text)
        } catch {
            throw CLIFailure.reject("--codes \(path): \(error.message(.en))", command: command)
        }
    }
}
