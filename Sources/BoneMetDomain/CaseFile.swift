import Foundation

/// A case file (docs/case-format.md, docs/case.schema.json): JSON in, a validated `CaseRecord`
/// out — or every problem, each with the path of the bad field.
public enum CaseFile {
    public struct Invalid: Error, Sendable {
        public let errors: [InputError]
    }

    public static func read(_ text: String) throws(Invalid) -> CaseRecord {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw Invalid(errors: [error])
        }
        return try read(value)
    }

    /// A case file BoneMet stored itself: read straight from its bytes (`StoredCaseReader`,
    /// issue #12), or strictly — with every problem reported — when that reader gives up.
    public static func readStored(_ text: String) throws(Invalid) -> CaseRecord {
        if let record = StoredCaseReader.read(text) { return record }
        return try read(text)
    }

    public static func read(_ data: Data) throws(Invalid) -> CaseRecord {
        guard let text = String(data: data, encoding: .utf8) else {
            throw Invalid(errors: [InputError(field: nil, problem: .custom(LocalizedText(en: "the file is not UTF-8 text", zh: "文件不是 UTF-8 文本")))])
        }
        return try read(text)
    }

    public static func read(_ value: JSONValue) throws(Invalid) -> CaseRecord {
        let log = ValidationLog()
        let record = FieldReader(value, path: .root, keys: Keys.root, log: log).flatMap { CaseSections.record($0) }
        if let record {
            CaseConsistency.check(
                record, log: log, declaredLesionIds: declaredIds(value, section: "lesions"), declaredPrimaryIds: declaredIds(value, section: "primaries"))
        }
        guard let record, log.errors.isEmpty else {
            throw Invalid(errors: log.errors.isEmpty ? [InputError(field: nil, problem: .notAnObject)] : log.errors)
        }
        return record
    }

    /// One lesion reading (`studies[].observations[]`), read and checked as the case file's are
    /// — the FHIR import builds it from an exported Observation's components: the reading, or the
    /// errors that kept it out.
    public static func readObservation(_ value: JSONValue) -> (observation: LesionObservation?, errors: [InputError]) {
        let log = ValidationLog()
        let observation = FieldReader(value, path: .root, keys: Keys.observation, log: log).flatMap { CaseSections.observation($0) }
        return log.errors.isEmpty ? (observation, []) : (nil, log.errors)
    }

    /// Every lesion (or primary) id the file declares, its other fields valid or not: a reference
    /// to a lesion whose own entry failed (a bone written "股骨") is not a second error — the
    /// lesion's is the one to fix (it read "unknown value \"L1\"; allowed values: (no lesions
    /// defined)" beside it; a primary's site written "boneMarrow" read "(no primaries defined)").
    private static func declaredIds(_ value: JSONValue, section: String) -> Set<String> {
        guard case .object(let root) = value, case .array(let lesions)? = root[section] else { return [] }
        return Set(lesions.compactMap { lesion in
            guard case .object(let fields) = lesion, case .string(let id)? = fields["id"] else { return nil }
            return id
        })
    }

    /// The record as case-file JSON (the same format `read` accepts).
    /// Foundation's pretty, key-sorted format, written by `CaseJSONEncoder` (issue #12).
    public static func write(_ record: CaseRecord) -> String {
        (try? CaseJSONEncoder.encode(record)) ?? "{}"
    }

    /// The keys each object of the case file accepts (also the JSON Schema's properties).
    public enum Keys {
        public static let root = [
            "schemaVersion", "patient", "primaries", "lesions", "studies", "treatments", "labs", "performance", "pain",
            "neurology", "biopsies", "events", "visceralMetastases", "dentalExams", "decisions", "plans", "diseaseStatus",
        ]
        public static let patient = ["id", "sex", "birthDate", "fictional", "weights", "deceased", "deathDate"]
        public static let weight = ["date", "kg"]
        public static let primary = [
            "id", "site", "histology", "histologyType", "er", "pr", "her2", "diagnosed", "hormoneDependent", "targetedTherapy",
            "castrationResistant", "codes",
        ]
        public static let lesion = ["id", "bone", "segment", "level", "laterality", "note", "primary", "diagnosed", "codes"]
        public static let study = [
            "id", "date", "modality", "dicomModality", "windows", "contrast", "studyInstanceUid", "region", "coverage", "report", "observations",
            "unnamedNewLesions",
        ]
        public static let observation = [
            "lesion", "present", "character", "diametersMm", "softTissueMm", "boneDestruction", "scleroticRim", "fillIn", "uptake",
            "uptakeChangePercent", "normalSignal", "fractionOfDiameter", "mirelsSize", "collapse", "alignment", "posterolateral", "escc",
            "fracture", "jointSpaceNarrowing", "osteophytes", "subchondralCysts", "epiphyseal", "eccentric",
        ]
        public static let treatment = [
            "id", "kind", "name", "drugs", "systemicClass", "lesions", "start", "end", "planned", "stopReason", "procedure", "agent",
            "doseMg", "intervalWeeks", "doses", "doseGy", "fractions", "codes",
        ]
        public static let lab = ["date", "test", "value", "unit", "upperLimit", "lowerLimit"]
        public static let performance = ["date", "ecog", "kps"]
        public static let pain = ["date", "lesion", "mirels", "sins", "nrs"]
        public static let neurology = ["date", "status", "frankel", "lesion"]
        public static let biopsy = ["lesion", "date", "decalcification", "result", "histology", "molecularTests"]
        public static let event = ["date", "kind", "lesion", "resolved"]
        public static let visceral = ["organ", "date", "removable", "treatable", "pattern"]
        public static let decision = ["date", "decision", "specialty", "followUp"]
        public static let plans = ["molecularTestsWanted", "transfer", "trialEnrolment"]
        public static let diseaseStatus = ["date", "status", "evidence", "primary"]
    }
}
