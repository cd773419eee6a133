/// The JSON Schema (2020-12) of the case file, generated from the same key lists and value
/// sets the reader uses; docs/case.schema.json is this output, kept in step by a test.
public enum CaseSchema {
    public indirect enum Kind: Sendable {
        case string, date, level, boolean
        /// A text that may be blank, read as left out (a laboratory's unit).
        case blankableString
        case number(Double, Double)
        case integer(Int, Int)
        case values([String])
        case array(Kind)
        case ref(String)
    }

    typealias Keys = CaseFile.Keys

    public static let definitions: [(name: String, keys: [String], required: [String], types: [String: Kind])] = [
        ("patient", Keys.patient, ["id"], [
            "id": .string, "sex": .values(CockcroftGault.Sex.allowedValues), "birthDate": .date, "fictional": .boolean,
            "weights": .array(.ref("weight")), "deceased": .boolean, "deathDate": .date,
        ]),
        ("weight", Keys.weight, ["date", "kg"], ["date": .date, "kg": .number(1, 400)]),
        ("primary", Keys.primary, ["id", "site"], [
            "id": .string, "site": .values(PrimarySite.allowedValues), "histology": .string,
            "histologyType": .values(HistologyType.allowedValues), "castrationResistant": .boolean, "codes": .array(.string),
            "er": .values(ReceptorStatus.allowedValues), "pr": .values(ReceptorStatus.allowedValues),
            "her2": .values(ReceptorStatus.allowedValues), "diagnosed": .date, "hormoneDependent": .boolean, "targetedTherapy": .boolean,
        ]),
        ("lesion", Keys.lesion, ["id", "bone"], [
            "id": .string, "bone": .values(Bone.allowedValues), "segment": .values(BoneSegment.allowedValues), "level": .level,
            "laterality": .values(Laterality.allowedValues), "note": .string, "primary": .string, "diagnosed": .date, "codes": .array(.string),
        ]),
        ("study", Keys.study, ["id", "date", "modality"], [
            "id": .string, "date": .date, "modality": .values(Modality.allowedValues), "dicomModality": .string, "windows": .array(.values(CTWindow.allowedValues)),
            "contrast": .boolean, "studyInstanceUid": .string, "region": .string, "coverage": .array(.values(BodyRegion.allowedValues)), "report": .string, "observations": .array(.ref("observation")),
            "unnamedNewLesions": .integer(0, 1000),
        ]),
        ("observation", Keys.observation, ["lesion"], [
            "lesion": .string, "present": .boolean, "character": .values(LesionCharacter.allowedValues),
            "diametersMm": .array(.number(0.1, 1000)), "softTissueMm": .number(0, 1000), "boneDestruction": .boolean,
            "scleroticRim": .boolean, "fillIn": .values(FillIn.allowedValues), "uptake": .boolean,
            "uptakeChangePercent": .number(-100, 1000), "normalSignal": .boolean, "fractionOfDiameter": .number(0, 1),
            "mirelsSize": .values(Mirels.Size.allowedValues),
            "collapse": .values(SINS.Collapse.allowedValues), "alignment": .values(SINS.Alignment.allowedValues),
            "posterolateral": .values(SINS.Posterolateral.allowedValues), "escc": .values(ESCC.Grade.allowedValues),
            "fracture": .boolean, "jointSpaceNarrowing": .boolean, "osteophytes": .boolean, "subchondralCysts": .boolean,
            "epiphyseal": .boolean, "eccentric": .boolean,
        ]),
        ("treatment", Keys.treatment, ["id", "kind"], [
            "id": .string, "kind": .values(TreatmentKind.allowedValues), "name": .string, "drugs": .array(.string),
            "systemicClass": .values(SystemicClass.allowedValues), "lesions": .array(.string), "start": .date, "end": .date,
            "planned": .boolean, "stopReason": .values(StopReason.allowedValues), "procedure": .values(SurgicalProcedure.allowedValues),
            "agent": .values(BoneAgent.allowedValues), "doseMg": .number(0, 10_000), "intervalWeeks": .integer(1, 52),
            "doses": .array(.date), "doseGy": .number(0, 200), "fractions": .integer(1, 100), "codes": .array(.string),
        ]),
        ("lab", Keys.lab, ["date", "test", "value"], [
            "date": .date, "test": .values(LabTest.allowedValues), "value": .number(0, 10_000_000), "unit": .blankableString,
            "upperLimit": .number(0, 10_000_000), "lowerLimit": .number(0, 10_000_000),
        ]),
        ("performance", Keys.performance, ["date"], ["date": .date, "ecog": .integer(0, 4), "kps": .integer(0, 100)]),
        ("pain", Keys.pain, ["date"], [
            "date": .date, "lesion": .string, "mirels": .values(Mirels.Pain.allowedValues), "sins": .values(SINS.Pain.allowedValues),
            "nrs": .integer(0, 10),
        ]),
        ("neurology", Keys.neurology, ["date", "status"], [
            "date": .date, "status": .values(NeurologicalStatus.allowedValues), "frankel": .values(Tokuhashi.Frankel.allowedValues),
            "lesion": .string,
        ]),
        ("biopsy", Keys.biopsy, ["date"], [
            "lesion": .string, "date": .date, "decalcification": .values(Decalcification.allowedValues),
            "result": .values(BiopsyResult.allowedValues), "histology": .string, "molecularTests": .array(.string),
        ]),
        ("event", Keys.event, ["date", "kind"], ["date": .date, "kind": .values(EventKind.allowedValues), "lesion": .string, "resolved": .boolean]),
        ("visceral", Keys.visceral, ["organ"], [
            "organ": .string, "date": .date, "removable": .boolean, "treatable": .boolean,
            "pattern": .values(Katagiri.VisceralMets.allowedValues),
        ]),
        ("decision", Keys.decision, ["date", "decision"], [
            "date": .date, "decision": .string, "specialty": .values(Specialty.allowedValues), "followUp": .array(.string),
        ]),
        ("plans", Keys.plans, [], ["molecularTestsWanted": .boolean, "transfer": .date, "trialEnrolment": .date]),
        ("diseaseStatus", Keys.diseaseStatus, ["date", "status"], [
            "date": .date, "status": .values(DiseaseStatus.allowedValues), "evidence": .string, "primary": .string,
        ]),
    ]

    /// The dates `PartialDate(written:)` reads (years 1900–2200; the day's fit to its month is
    /// checked by the reader, answered 422 naming the field).
    public static let datePattern: String = {
        let year = "(19[0-9]{2}|2[01][0-9]{2}|2200)"
        let month = "(0?[1-9]|1[0-2])"
        let day = "(0?[1-9]|[12][0-9]|3[01])"
        // A time of day after a full date is allowed and dropped (PartialDate.timeSuffix).
        let time = "([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?"
        let separated = ["-", "/", "\\."].map { sep in "\(year)(\(sep)\(month)(\(sep)\(day)\(time))?)?" }
        let chinese = "\(year)年(\(month)月(\(day)日?\(time))?)?"
        return "^ *(" + (separated + [chinese]).joined(separator: "|") + ") *$"
    }()

    public static let rootTypes: [String: Kind] = [
        "schemaVersion": .integer(CaseRecord.schemaVersion, CaseRecord.schemaVersion), "patient": .ref("patient"),
        "primaries": .array(.ref("primary")), "lesions": .array(.ref("lesion")), "studies": .array(.ref("study")),
        "treatments": .array(.ref("treatment")), "labs": .array(.ref("lab")), "performance": .array(.ref("performance")),
        "pain": .array(.ref("pain")), "neurology": .array(.ref("neurology")), "biopsies": .array(.ref("biopsy")),
        "events": .array(.ref("event")), "visceralMetastases": .array(.ref("visceral")), "dentalExams": .array(.date),
        "decisions": .array(.ref("decision")), "plans": .ref("plans"), "diseaseStatus": .array(.ref("diseaseStatus")),
    ]

    public static func json() -> JSONValue {
        var defs = JSONObject()
        for definition in definitions {
            defs[definition.name] = object(keys: definition.keys, required: definition.required, types: definition.types)
        }
        var root = JSONObject()
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "https://bonemet.example/case.schema.json"
        root["title"] = "BoneMet case record"
        root["description"] = "A patient's bone-metastasis case (docs/case-format.md). Generated by `bonemet schema`."
        if case .object(let body) = object(keys: Keys.root, required: ["patient"], types: rootTypes) {
            for (key, value) in body.pairs { root[key] = value }
        }
        root["$defs"] = .object(defs)
        return .object(root)
    }

    private static func object(keys: [String], required: [String], types: [String: Kind]) -> JSONValue {
        var properties = JSONObject()
        // A key that may be left out may also be null: "unknown is absent (or null)"
        // (case-format.md) — the reader takes null as absent (`InputReader.raw`), and the schema
        // said only the type; schemathesis sent `deathDate: null` and saw it accepted.
        for key in keys {
            let kind = schema(types[key] ?? .string)
            properties[key] = required.contains(key) ? kind : ["anyOf": [kind, ["type": "null"]]]
        }
        var object = JSONObject()
        object["type"] = "object"
        object["properties"] = .object(properties)
        if !required.isEmpty { object["required"] = .array(required.map(JSONValue.string)) }
        object["additionalProperties"] = false
        return .object(object)
    }

    private static func schema(_ kind: Kind) -> JSONValue {
        switch kind {
        case .string: return ["type": "string", "minLength": 1]
        case .blankableString: return ["type": "string"]
        // Years 1900–2200, as PartialDate accepts; the days of each month are checked by the reader.
        // Year first, as `PartialDate(written:)` reads it: ISO, slashes or dots (one separator
        // throughout, months and days with or without a leading zero), or 年/月/日.
        case .date: return ["type": "string", "pattern": .string(Self.datePattern)]
        case .level: return ["type": "string", "pattern": "^([CcTtLlSs])([1-9]|1[0-2])$"]
        case .boolean: return ["type": "boolean"]
        case .number(let min, let max): return ["type": "number", "minimum": .double(min), "maximum": .double(max)]
        case .integer(let min, let max): return ["type": "integer", "minimum": .int(min), "maximum": .int(max)]
        case .values(let values): return ["enum": .array(values.map(JSONValue.string))]
        case .array(let element): return ["type": "array", "items": schema(element)]
        case .ref(let name): return ["$ref": .string("#/$defs/\(name)")]
        }
    }
}
