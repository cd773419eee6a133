import Foundation
import BoneMetDomain

/// The sections of a case record as forms, generated from the case-file schema definitions
/// (the same keys and value sets the reader validates), so every part of the record is
/// editable through a form without a hand-written form per type.
struct RecordSection: Sendable {
    /// Key in the case file (`lesions`), or `studies/3/observations` for a nested list.
    let path: String
    let definition: String
    let title: LocalizedText
    /// A single object (patient, plans) rather than a list.
    let single: Bool

    var fields: [(key: String, kind: CaseSchema.Kind, required: Bool)] {
        guard let definition = CaseSchema.definitions.first(where: { $0.name == self.definition }) else { return [] }
        return definition.keys.compactMap { key in
            guard let kind = definition.types[key], Self.editable(kind) else { return nil }
            return (key, kind, definition.required.contains(key))
        }
    }

    /// Lists of objects are their own sections (observations of a study, weights of a patient).
    static func editable(_ kind: CaseSchema.Kind) -> Bool {
        switch kind {
        case .ref: false
        case .array(let element):
            if case .ref = element { false } else { true }
        default: true
        }
    }

    static let all: [RecordSection] = [
        RecordSection(path: "patient", definition: "patient", title: LocalizedText(en: "Patient", zh: "患者"), single: true),
        RecordSection(path: "patient/weights", definition: "weight", title: LocalizedText(en: "Weight", zh: "体重"), single: false),
        RecordSection(path: "primaries", definition: "primary", title: LocalizedText(en: "Primary cancers", zh: "原发肿瘤"), single: false),
        RecordSection(path: "lesions", definition: "lesion", title: LocalizedText(en: "Lesions", zh: "病灶"), single: false),
        RecordSection(path: "studies", definition: "study", title: LocalizedText(en: "Imaging studies", zh: "影像检查"), single: false),
        RecordSection(path: "treatments", definition: "treatment", title: LocalizedText(en: "Treatments", zh: "治疗"), single: false),
        RecordSection(path: "labs", definition: "lab", title: LocalizedText(en: "Labs and tumour markers", zh: "检验与肿瘤标志物"), single: false),
        RecordSection(path: "performance", definition: "performance", title: LocalizedText(en: "Performance status", zh: "体能状态"), single: false),
        RecordSection(path: "pain", definition: "pain", title: LocalizedText(en: "Pain", zh: "疼痛"), single: false),
        RecordSection(path: "neurology", definition: "neurology", title: LocalizedText(en: "Neurology", zh: "神经功能"), single: false),
        RecordSection(path: "biopsies", definition: "biopsy", title: LocalizedText(en: "Biopsies", zh: "活检"), single: false),
        RecordSection(path: "events", definition: "event", title: LocalizedText(en: "Events", zh: "事件"), single: false),
        RecordSection(path: "visceralMetastases", definition: "visceral", title: LocalizedText(en: "Visceral metastases", zh: "内脏转移"), single: false),
        RecordSection(path: "decisions", definition: "decision", title: LocalizedText(en: "MDT decisions", zh: "MDT 决议"), single: false),
        RecordSection(path: "plans", definition: "plans", title: LocalizedText(en: "Plans", zh: "计划"), single: true),
        RecordSection(
            path: "diseaseStatus", definition: "diseaseStatus", title: LocalizedText(en: "Disease status recorded in the EHR", zh: "电子病历记录的疾病状态"),
            single: false),
    ]

    static let observations = LocalizedText(en: "Observations", zh: "病灶观察")

    /// The section for a path, including `studies/N/observations`.
    static func named(_ path: String) -> RecordSection? {
        if let section = all.first(where: { $0.path == path }) { return section }
        let parts = path.split(separator: "/")
        if parts.count == 3, parts[0] == "studies", Int(parts[1]) != nil, parts[2] == "observations" {
            return RecordSection(path: path, definition: "observation", title: observations, single: false)
        }
        return nil
    }

    /// The key path of the section inside the record JSON: ["studies", 3, "observations"].
    var components: [String] { path.split(separator: "/").map(String.init) }

    /// The path prefix errors of item `index` carry: `studies[3].observations[1]`.
    func errorPrefix(index: Int?) -> String {
        var prefix = ""
        for part in components {
            if let number = Int(part) { prefix += "[\(number)]" } else { prefix += prefix.isEmpty ? part : "." + part }
        }
        if let index, !single { prefix += "[\(index)]" }
        return prefix
    }

    /// A form value for one field of a JSON item (arrays joined by commas).
    /// A value in clinical words: an enum's label or yes/no in the page's language; free text
    /// and numbers as they are.
    static func text(_ value: JSONValue?, key: String, definition: String, language: AppLanguage) -> String {
        switch value {
        case .some(.string(let raw)): CaseFieldLabels.value(raw, key: key, in: definition).map { $0(language) } ?? ImportMarkers.shown(raw, zh: language == .zhHans)
        case .some(.bool(let flag)): CaseFieldLabels.value(flag ? "true" : "false", key: key, in: definition).map { $0(language) } ?? String(flag)
        case .some(.array(let items)): items.map { text($0, key: key, definition: definition, language: language) }.joined(separator: language == .zhHans ? "、" : ", ")
        default: text(value)
        }
    }

    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .none, .some(.null): ""
        case .some(.string(let text)): text
        case .some(.bool(let flag)): flag ? "true" : "false"
        case .some(.int(let number)): String(number)
        case .some(.double(let number)): String(describing: number)
        case .some(.array(let items)): items.map { text($0) }.joined(separator: ", ")
        case .some(.object): ""
        }
    }

    /// A JSON item from the form: empty fields are absent; what does not parse is kept as text
    /// so the reader's own error names the field and what it accepts.
    func item(from form: FormData, keeping original: JSONObject?) -> (item: JSONObject, typed: [String: String]) {
        var item = original ?? JSONObject()
        var typed: [String: String] = [:]
        for field in fields {
            let raw = (form[field.key] ?? "").trimmingCharacters(in: .whitespaces)
            typed[field.key] = raw
            item[field.key] = raw.isEmpty ? nil : Self.value(raw, kind: field.kind)
        }
        return (item, typed)
    }

    static func value(_ raw: String, kind: CaseSchema.Kind) -> JSONValue {
        switch kind {
        case .integer: Int(raw).map(JSONValue.int) ?? .string(raw)
        case .number: Double(raw.replacingOccurrences(of: ",", with: ".")).map(JSONValue.double) ?? .string(raw)
        case .boolean: raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : .string(raw)
        case .array(let element):
            .array(raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { value($0, kind: element) })
        default: .string(raw)
        }
    }
}

/// Reading and writing a section of the record JSON.
enum RecordJSON {
    static func get(_ root: JSONValue, _ path: [String]) -> JSONValue? {
        var current: JSONValue? = root
        for part in path {
            switch current {
            case .some(.object(let object)): current = object[part]
            case .some(.array(let items)): current = Int(part).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return current
    }

    static func set(_ root: JSONValue, _ path: [String], _ value: JSONValue?) -> JSONValue {
        guard let first = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch root {
        case .object(var object):
            object[first] = rest.isEmpty ? value : set(object[first] ?? (Int(rest[0]) != nil ? .array([]) : .object(JSONObject())), rest, value)
            return .object(object)
        case .array(var items):
            guard let index = Int(first), items.indices.contains(index) else { return root }
            if rest.isEmpty {
                if let value { items[index] = value } else { items.remove(at: index) }
            } else {
                items[index] = set(items[index], rest, value)
            }
            return .array(items)
        default:
            return root
        }
    }
}
