import ArgumentParser
import BoneMetDomain
import BoneMetWeb

/// `bonemet schema`: prints the JSON Schema of the case file (docs/case.schema.json).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the JSON Schema of the case file.")

    func run() throws {
        print(CaseSchema.json().serialized())
    }
}

/// `bonemet openapi`: prints the OpenAPI 3.1 document of the JSON API (also at /api/openapi.json).
struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi", abstract: "Print the OpenAPI 3.1 document of the JSON API.")

    func run() throws {
        print(OpenAPIDocument.json().serialized())
    }
}
