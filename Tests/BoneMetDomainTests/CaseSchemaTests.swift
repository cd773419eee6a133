import BoneMetDomain
import Foundation
import Testing

@Suite struct CaseSchemaTests {
    @Test func committedSchemaIsTheGeneratedOne() throws {
        let committed = try String(contentsOf: ExampleFiles.root.appendingPathComponent("docs/case.schema.json"), encoding: .utf8)
        #expect(committed == CaseSchema.json().serialized() + "\n", "run: swift run bonemet schema > docs/case.schema.json")
    }

    @Test func schemaNamesEveryKeyTheReaderAccepts() throws {
        guard case .object(let schema) = CaseSchema.json(), case .object(let defs)? = schema["$defs"],
            case .object(let rootProperties)? = schema["properties"]
        else {
            Issue.record("schema shape")
            return
        }
        #expect(Set(rootProperties.keys) == Set(CaseFile.Keys.root))
        guard case .object(let study)? = defs["study"], case .object(let properties)? = study["properties"] else {
            Issue.record("study definition")
            return
        }
        #expect(Set(properties.keys) == Set(CaseFile.Keys.study))
    }
}
