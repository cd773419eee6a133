import BoneMetDomain

/// A site's own codes (docs/fhir.md, "Local codes"): conditions and laboratory tests a hospital
/// codes locally, mapped to what BoneMet understands. Read from a JSON file given to
/// `bonemet import` / `bonemet serve` with `--codes FILE` and validated at start: a bad entry
/// stops the command with the field's path.
///
/// ```json
/// {"conditions": [{"system": "urn:hospital:dx", "code": "BM01", "kind": "boneMetastasis"},
///                 {"system": "urn:hospital:dx", "code": "LC-S", "kind": "primary", "site": "lung",
///                  "histologyType": "smallCellCarcinoma"}],
///  "labs": [{"system": "https://intranet.aumc.nl/labtestcodes", "code": "20005", "test": "creatinine"}],
///  "medications": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "…", "agent": "zoledronicAcid"}]}
/// ```
///
/// Bone-modifying agents are otherwise recognised by ATC and by name (standards.md); RxNorm
/// codes are not shipped because none is verified here — a site adds the ingredient and product
/// codes of its own RxNorm release (docs/fhir.md).
public struct CodeMappings: Sendable, Hashable {
    var conditions: [String: CancerClass] = [:]
    var labs: [String: LabTest] = [:]
    var medications: [String: BoneAgent] = [:]

    public static let none = CodeMappings()

    public var isEmpty: Bool { conditions.isEmpty && labs.isEmpty && medications.isEmpty }
    public var count: Int { conditions.count + labs.count + medications.count }

    static func key(_ system: String?, _ code: String) -> String { "\(system ?? "")|\(code)" }

    func condition(system: String?, code: String) -> CancerClass? { conditions.isEmpty ? nil : conditions[Self.key(system, code)] }
    func lab(system: String?, code: String) -> LabTest? { labs.isEmpty ? nil : labs[Self.key(system, code)] }
    func medication(system: String?, code: String) -> BoneAgent? { medications.isEmpty ? nil : medications[Self.key(system, code)] }

    static let kinds = ["primary", "primaryAtBodySite", "boneMetastasis", "secondary", "secondaryAtBodySite"]

    /// Reads and validates a mapping file; every problem names its field.
    public static func read(text: String) throws(InputError) -> CodeMappings {
        let root = try InputReader(try JSONValue.parse(text), fields: ["conditions", "labs", "medications"])
        var mappings = CodeMappings()
        for (index, item) in try array(root, "conditions").enumerated() {
            let path = "conditions[\(index)]"
            do throws(InputError) {
                let entry = try InputReader(item, fields: ["system", "code", "kind", "site", "histologyType", "display"])
                let system = try entry.required("system", try entry.string("system"))
                let code = try entry.required("code", try entry.string("code"))
                let kind = try entry.required("kind", try entry.string("kind"))
                let mapped: CancerClass
                switch kind {
                case "primary":
                    mapped = .primary(try entry.required("site", try entry.enumValue("site", as: PrimarySite.self)), try entry.enumValue("histologyType", as: HistologyType.self))
                case "primaryAtBodySite": mapped = .primaryAtBodySite
                case "boneMetastasis": mapped = .boneMetastasis
                case "secondary": mapped = .secondary
                case "secondaryAtBodySite": mapped = .secondaryAtBodySite
                default: throw InputError(field: "kind", problem: .unknownValue(kind, allowed: kinds))
                }
                mappings.conditions[key(system, code)] = mapped
            } catch {
                throw error.nested(under: path)
            }
        }
        for (index, item) in try array(root, "labs").enumerated() {
            do throws(InputError) {
                let entry = try InputReader(item, fields: ["system", "code", "test", "display"])
                let system = try entry.required("system", try entry.string("system"))
                let code = try entry.required("code", try entry.string("code"))
                mappings.labs[key(system, code)] = try entry.required("test", try entry.enumValue("test", as: LabTest.self))
            } catch {
                throw error.nested(under: "labs[\(index)]")
            }
        }
        for (index, item) in try array(root, "medications").enumerated() {
            do throws(InputError) {
                let entry = try InputReader(item, fields: ["system", "code", "agent", "display"])
                let system = try entry.required("system", try entry.string("system"))
                let code = try entry.required("code", try entry.string("code"))
                mappings.medications[key(system, code)] = try entry.required("agent", try entry.enumValue("agent", as: BoneAgent.self))
            } catch {
                throw error.nested(under: "medications[\(index)]")
            }
        }
        return mappings
    }

    private static func array(_ reader: InputReader, _ key: String) throws(InputError) -> [JSONValue] {
        guard let raw = reader.raw(key) else { return [] }
        guard case .array(let items) = raw else { throw InputError(field: key, problem: .wrongType(expected: .array)) }
        return items
    }
}
