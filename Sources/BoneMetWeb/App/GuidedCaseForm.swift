import BoneMetDomain
import Foundation

/// The guided new-patient form (issue #10): a real patient entered without JSON — identity,
/// primary, up to three lesions, up to three studies with a reading per lesion, treatments,
/// labs, performance/pain/neurology, a biopsy and an event — turned into a case file that the
/// same reader validates. Fields are named by where they go (`l1.bone`, `s2.r1.diametersMm`);
/// a reader's error is put back beside the field it names, and everything typed is kept.
struct GuidedCaseForm {
    /// One field of the form.
    struct Field: Sendable {
        /// Form name, e.g. `s1.r2.character`.
        let name: String
        /// Case-format key and the definition it belongs to (for labels and value sets).
        let key: String
        let definition: String
        let kind: Kind
        /// CSS classes that show the field only when it applies (by site, bone, modality, kind).
        var only: [String] = []
    }

    enum Kind: Sendable {
        case schema(CaseSchema.Kind)
        /// "18×14", "18 x 14", "18" (mm).
        case diameters
        /// CT: was the bone window read? yes → soft-tissue and bone windows.
        case boneWindow
        /// A lesion of this form (L1–L3).
        case lesionPicker
        /// Seen / not seen in this study.
        case present
    }

    static let lesionSlots = 3
    static let studySlots = 3
    static let treatmentSlots = 2
    static let labSlots = 3

    static func schemaKind(_ key: String, in definition: String) -> CaseSchema.Kind {
        CaseSchema.definitions.first { $0.name == definition }?.types[key] ?? .string
    }

    static func field(_ name: String, _ key: String, _ definition: String, only: [String] = []) -> Field {
        Field(name: name, key: key, definition: definition, kind: .schema(schemaKind(key, in: definition)), only: only)
    }

    static let patient: [Field] = [field("pt.id", "id", "patient"), field("pt.sex", "sex", "patient"), field("pt.birthDate", "birthDate", "patient")]
    static let primary: [Field] = [
        field("p1.site", "site", "primary"), field("p1.histologyType", "histologyType", "primary"), field("p1.diagnosed", "diagnosed", "primary"),
        field("p1.er", "er", "primary", only: ["only-breast"]), field("p1.pr", "pr", "primary", only: ["only-breast"]),
        field("p1.her2", "her2", "primary", only: ["only-breast"]), field("p1.castrationResistant", "castrationResistant", "primary", only: ["only-prostate"]),
    ]
    static func lesion(_ n: Int) -> [Field] {
        [
            field("l\(n).bone", "bone", "lesion"), field("l\(n).laterality", "laterality", "lesion"),
            field("l\(n).segment", "segment", "lesion", only: ["long-bone-l\(n)"]), field("l\(n).level", "level", "lesion", only: ["spine-l\(n)"]),
            field("l\(n).note", "note", "lesion"),
        ]
    }
    static func study(_ n: Int) -> [Field] {
        [
            field("s\(n).date", "date", "study"), field("s\(n).modality", "modality", "study"),
            Field(name: "s\(n).boneWindow", key: "windows", definition: "study", kind: .boneWindow, only: ["only-ct"]),
        ]
    }
    static func reading(study s: Int, lesion l: Int) -> [Field] {
        let prefix = "s\(s).r\(l)"
        return [
            Field(name: "\(prefix).present", key: "present", definition: "observation", kind: .present),
            field("\(prefix).character", "character", "observation", only: ["anatomic"]),
            Field(name: "\(prefix).diametersMm", key: "diametersMm", definition: "observation", kind: .diameters, only: ["anatomic"]),
            field("\(prefix).boneDestruction", "boneDestruction", "observation", only: ["anatomic"]),
            field("\(prefix).uptake", "uptake", "observation", only: ["functional"]),
            field("\(prefix).fracture", "fracture", "observation"),
        ]
    }
    static func treatment(_ n: Int) -> [Field] {
        [
            field("t\(n).kind", "kind", "treatment"), field("t\(n).name", "name", "treatment"), field("t\(n).start", "start", "treatment"),
            field("t\(n).end", "end", "treatment"), field("t\(n).agent", "agent", "treatment", only: ["only-boneModifyingAgent"]),
            field("t\(n).procedure", "procedure", "treatment", only: ["only-surgery"]),
            field("t\(n).doseGy", "doseGy", "treatment", only: ["only-radiotherapy"]), field("t\(n).fractions", "fractions", "treatment", only: ["only-radiotherapy"]),
            field("t\(n).stopReason", "stopReason", "treatment"),
        ]
    }
    static func lab(_ n: Int) -> [Field] {
        [field("lab\(n).test", "test", "lab"), field("lab\(n).value", "value", "lab"), field("lab\(n).unit", "unit", "lab"), field("lab\(n).date", "date", "lab")]
    }
    static let clinical: [Field] = [
        field("cl.date", "date", "performance"), field("cl.ecog", "ecog", "performance"), field("cl.nrs", "nrs", "pain"),
        field("cl.mirels", "mirels", "pain"), field("cl.sins", "sins", "pain"), field("cl.status", "status", "neurology"),
        field("cl.frankel", "frankel", "neurology"),
    ]
    static let biopsy: [Field] = [
        field("b1.date", "date", "biopsy"), Field(name: "b1.lesion", key: "lesion", definition: "biopsy", kind: .lesionPicker),
        field("b1.result", "result", "biopsy"), field("b1.decalcification", "decalcification", "biopsy"), field("b1.histology", "histology", "biopsy"),
    ]
    static let event: [Field] = [
        field("e1.date", "date", "event"), field("e1.kind", "kind", "event"), Field(name: "e1.lesion", key: "lesion", definition: "event", kind: .lesionPicker),
    ]

    static var allFields: [Field] {
        var fields = patient + primary
        for l in 1...lesionSlots { fields += lesion(l) }
        for s in 1...studySlots {
            fields += study(s)
            for l in 1...lesionSlots { fields += reading(study: s, lesion: l) }
        }
        for t in 1...treatmentSlots { fields += treatment(t) }
        for n in 1...labSlots { fields += lab(n) }
        return fields + clinical + biopsy + event
    }

    // MARK: Reading the submitted form

    /// The case file the form describes, and errors by field name (conversion errors found
    /// here, and the reader's errors mapped back onto the fields).
    struct Result {
        var json: JSONValue
        var errors: [String: String]
        /// JSON object path (`lesions[0]`, `studies[1].observations[0]`) → form prefix (`l1`, `s2.r1`).
        var prefixes: [String: String]

        /// The form field an error of the case reader names (`lesions[0].level` → `l1.level`), if any.
        func fieldName(for path: String) -> String? {
            let match = prefixes.keys.filter { path == $0 || path.hasPrefix($0 + ".") }.max { $0.count < $1.count }
            guard let match, let prefix = prefixes[match], path.count > match.count else { return nil }
            var key = String(path.dropFirst(match.count + 1))
            if let bracket = key.firstIndex(of: "[") { key = String(key[..<bracket]) }
            if key == "windows" { key = "boneWindow" }
            let name = "\(prefix).\(key)"
            return GuidedCaseForm.allFields.contains { $0.name == name } ? name : nil
        }
    }

    let values: [String: String]
    let language: AppLanguage

    init(values: [String: String], language: AppLanguage) {
        self.values = values.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        self.language = language
    }

    func value(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }

    func any(_ fields: [Field]) -> Bool { fields.contains { value($0.name) != nil } }

    func read() -> Result {
        var errors: [String: String] = [:]
        /// JSON error path (e.g. `lesions[0]`) → the form prefix it came from (`l1`).
        var prefixes: [String: String] = [:]

        func convert(_ field: Field) -> JSONValue? {
            guard let text = value(field.name) else { return nil }
            switch field.kind {
            case .schema(let kind):
                switch kind {
                case .number:
                    guard let number = Self.number(text) else { errors[field.name] = GuidedTexts.notANumber(language); return nil }
                    return .double(number)
                case .integer:
                    guard let number = Self.number(text), number == number.rounded() else { errors[field.name] = GuidedTexts.notAWholeNumber(language); return nil }
                    return .int(Int(number))
                case .boolean: return .bool(text == "true")
                default: return .string(text)
                }
            case .diameters:
                guard let diameters = Self.diameters(text) else { errors[field.name] = GuidedTexts.badDiameters(language); return nil }
                return .array(diameters.map { .double($0) })
            case .boneWindow:
                return .array(text == "true" ? [.string("softTissue"), .string("bone")] : [.string("softTissue")])
            case .lesionPicker, .present:
                return .string(text)
            }
        }
        func object(_ fields: [Field], skip: Set<String> = []) -> JSONObject {
            var object = JSONObject()
            for field in fields where !skip.contains(field.key) {
                if let value = convert(field) { object[field.key] = value }
            }
            return object
        }

        var root = JSONObject()
        root["schemaVersion"] = .int(CaseRecord.schemaVersion)
        root["patient"] = .object(object(Self.patient))
        prefixes["patient"] = "pt"
        if any(Self.primary) {
            var primary = JSONObject()
            primary["id"] = .string("P1")
            for (key, value) in object(Self.primary).pairs { primary[key] = value }
            root["primaries"] = .array([.object(primary)])
            prefixes["primaries[0]"] = "p1"
        }
        // Lesions: L1–L3 by slot, so readings, biopsies and events can name them.
        var lesions: [JSONValue] = []
        var lesionIds: [Int: String] = [:]
        for l in 1...Self.lesionSlots where any(Self.lesion(l)) {
            var lesion = JSONObject()
            lesion["id"] = .string("L\(l)")
            for (key, value) in object(Self.lesion(l)).pairs { lesion[key] = value }
            prefixes["lesions[\(lesions.count)]"] = "l\(l)"
            lesionIds[l] = "L\(l)"
            lesions.append(.object(lesion))
        }
        if !lesions.isEmpty { root["lesions"] = .array(lesions) }
        var studies: [JSONValue] = []
        for s in 1...Self.studySlots {
            let readings = (1...Self.lesionSlots).filter { any(Self.reading(study: s, lesion: $0)) }
            guard any(Self.study(s)) || !readings.isEmpty else { continue }
            var study = JSONObject()
            study["id"] = .string("S\(s)")
            for (key, value) in object(Self.study(s)).pairs { study[key] = value }
            var observations: [JSONValue] = []
            for l in readings {
                var observation = JSONObject()
                observation["lesion"] = .string("L\(l)")
                if lesionIds[l] == nil { errors["s\(s).r\(l).present"] = GuidedTexts.lesionMissing(language) }
                for (key, value) in object(Self.reading(study: s, lesion: l), skip: ["present"]).pairs { observation[key] = value }
                if let present = value("s\(s).r\(l).present") { observation["present"] = .bool(present == "seen") }
                prefixes["studies[\(studies.count)].observations[\(observations.count)]"] = "s\(s).r\(l)"
                observations.append(.object(observation))
            }
            if !observations.isEmpty { study["observations"] = .array(observations) }
            prefixes["studies[\(studies.count)]"] = "s\(s)"
            studies.append(.object(study))
        }
        if !studies.isEmpty { root["studies"] = .array(studies) }
        var treatments: [JSONValue] = []
        for t in 1...Self.treatmentSlots where any(Self.treatment(t)) {
            var treatment = JSONObject()
            treatment["id"] = .string("T\(t)")
            for (key, value) in object(Self.treatment(t)).pairs { treatment[key] = value }
            prefixes["treatments[\(treatments.count)]"] = "t\(t)"
            treatments.append(.object(treatment))
        }
        if !treatments.isEmpty { root["treatments"] = .array(treatments) }
        var labs: [JSONValue] = []
        for n in 1...Self.labSlots where any(Self.lab(n)) {
            prefixes["labs[\(labs.count)]"] = "lab\(n)"
            labs.append(.object(object(Self.lab(n))))
        }
        if !labs.isEmpty { root["labs"] = .array(labs) }
        // Performance, pain and neurology of one visit share its date.
        let clinical = object(Self.clinical)
        if !clinical.isEmpty {
            let date = clinical["date"] ?? .string("")
            if clinical["date"] == nil { errors["cl.date"] = GuidedTexts.dateNeeded(language) }
            if let ecog = clinical["ecog"] {
                root["performance"] = .array([.object(JSONObject([("date", date), ("ecog", ecog)]))])
                prefixes["performance[0]"] = "cl"
            }
            let painKeys = ["nrs", "mirels", "sins"].filter { clinical[$0] != nil }
            if !painKeys.isEmpty {
                var pain = JSONObject([("date", date)])
                for key in painKeys { pain[key] = clinical[key] }
                root["pain"] = .array([.object(pain)])
                prefixes["pain[0]"] = "cl"
            }
            if let status = clinical["status"] {
                var neurology = JSONObject([("date", date), ("status", status)])
                neurology["frankel"] = clinical["frankel"]
                root["neurology"] = .array([.object(neurology)])
                prefixes["neurology[0]"] = "cl"
            } else if clinical["frankel"] != nil {
                errors["cl.status"] = GuidedTexts.statusNeeded(language)
            }
        }
        if any(Self.biopsy) {
            root["biopsies"] = .array([.object(object(Self.biopsy))])
            prefixes["biopsies[0]"] = "b1"
        }
        if any(Self.event) {
            root["events"] = .array([.object(object(Self.event))])
            prefixes["events[0]"] = "e1"
        }
        for picker in ["b1.lesion", "e1.lesion"] {
            if let id = value(picker), let slot = Int(id.dropFirst()), lesionIds[slot] == nil { errors[picker] = GuidedTexts.lesionMissing(language) }
        }
        return Result(json: .object(root), errors: errors, prefixes: prefixes)
    }

    /// Numbers as clinicians type them: "18", "18.5", "18,5", full-width digits.
    static func number(_ text: String) -> Double? {
        let halfWidth = String(text.unicodeScalars.map { scalar -> Character in
            (0xFF10...0xFF19).contains(scalar.value) ? UnicodeScalar(scalar.value - 0xFF10 + 0x30).map(Character.init) ?? Character(scalar) : Character(scalar)
        })
        let plain = halfWidth.replacingOccurrences(of: "，", with: ".").replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "．", with: ".")
        // Digits as people write them: not "inf", "nan" or hex, and no number beyond any clinical
        // field (1e300 in a whole-number field trapped converting to Int — a crash of the server).
        guard plain.allSatisfy({ "0123456789.+-eE".contains($0) }), let number = Double(plain), number.isFinite, number.magnitude < 1e15 else { return nil }
        return number
    }

    /// "18×14", "18 x 14", "18*14", "18" — one or two diameters in mm.
    static func diameters(_ text: String) -> [Double]? {
        let parts = text.lowercased().replacingOccurrences(of: "mm", with: "")
            .split(whereSeparator: { "×x*X ＊".contains($0) }).map(String.init).filter { !$0.isEmpty }
        guard (1...2).contains(parts.count) else { return nil }
        let numbers = parts.compactMap(number)
        return numbers.count == parts.count && numbers.allSatisfy { $0 > 0 } ? numbers : nil
    }
}

enum GuidedTexts {
    static let title = LocalizedText(en: "New patient", zh: "新建患者")
    static let intro = LocalizedText(
        en: "Enter what you have; everything can be added or corrected later on the case page. Fields marked * are needed.",
        zh: "填写已有信息即可，之后可在病例页面补充或修改。带 * 的为必填项。")
    static let patient = LocalizedText(en: "Patient", zh: "患者")
    static let primary = LocalizedText(en: "Primary cancer", zh: "原发肿瘤")
    static func lesion(_ n: Int) -> LocalizedText { LocalizedText(en: "Bone lesion \(n)", zh: "骨病灶 \(n)") }
    static func study(_ n: Int) -> LocalizedText { LocalizedText(en: "Imaging study \(n)", zh: "影像检查 \(n)") }
    static func reading(_ n: Int) -> LocalizedText { LocalizedText(en: "Reading of bone lesion \(n)", zh: "骨病灶 \(n) 的表现") }
    static func treatment(_ n: Int) -> LocalizedText { LocalizedText(en: "Treatment \(n)", zh: "治疗 \(n)") }
    static let labs = LocalizedText(en: "Labs and tumour markers", zh: "检验与肿瘤标志物")
    static let clinical = LocalizedText(en: "Performance status, pain and neurology (one visit)", zh: "体能状态、疼痛与神经功能（同一次就诊）")
    static let biopsy = LocalizedText(en: "Biopsy", zh: "活检")
    static let event = LocalizedText(en: "Event (fracture, cord compression …)", zh: "事件（骨折、脊髓压迫等）")
    static let more = LocalizedText(en: "more", zh: "更多")
    static let boneWindow = LocalizedText(en: "CT bone window read", zh: "已阅 CT 骨窗")
    static let seen = LocalizedText(en: "seen", zh: "可见")
    static let notSeen = LocalizedText(en: "looked for, not seen", zh: "已检查，未见")
    static let create = LocalizedText(en: "Create and assess", zh: "创建并评估")
    static let createAndStudy = LocalizedText(en: "Create and add the next study", zh: "创建并继续添加检查")
    static let json = LocalizedText(en: "Power users: paste a case file (JSON) instead", zh: "高级用户：改为粘贴病例文件（JSON）")
    static let notANumber = LocalizedText(en: "write a number, e.g. 1.2", zh: "请填写数字，例如 1.2")
    static let notAWholeNumber = LocalizedText(en: "write a whole number", zh: "请填写整数")
    static let badDiameters = LocalizedText(en: "one or two diameters in mm, e.g. 18×14", zh: "填写一或两个径线（mm），例如 18×14")
    static let lesionMissing = LocalizedText(en: "this bone lesion is not filled in above", zh: "上方未填写该骨病灶")
    static let dateNeeded = LocalizedText(en: "the date of the visit is needed", zh: "需要填写就诊日期")
    static let statusNeeded = LocalizedText(en: "choose the neurological status with the Frankel grade", zh: "填写 Frankel 分级时请选择神经功能状态")
    static let diametersHint = LocalizedText(en: "e.g. 18×14", zh: "例如 18×14")
    static let all = [
        title, intro, patient, primary, labs, clinical, biopsy, event, more, boneWindow, seen, notSeen, create, createAndStudy, json, notANumber,
        notAWholeNumber, badDiameters, lesionMissing, dateNeeded, statusNeeded, diametersHint,
    ] + (1...3).flatMap { [lesion($0), study($0), reading($0)] } + (1...2).map(treatment)
}
