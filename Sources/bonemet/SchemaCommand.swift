import ArgumentParser
import BoneMetDomain

/// `bonemet schema`: prints the JSON Schema of the case file (docs/case.schema.json).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the JSON Schema of the case file.")

    func run() throws {
        print(CaseSchema.json().serialized())
    }
}
