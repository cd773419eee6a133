/// A rejected input: which field, what is wrong, and what would be accepted — in both languages.
/// Messages never echo numbers from the input (they may be patient data); an unknown word is
/// echoed, shortened, because seeing the typo is what lets a user fix it.
public struct InputError: Error, Sendable, Hashable {
    public enum Problem: Sendable, Hashable {
        case malformedJSON
        case notAnObject
        case unknownCalculator(String, allowed: [String])
        case unknownField(allowed: [String])
        case missing
        case unknownValue(String, allowed: [String])
        case wrongType(expected: ExpectedType)
        /// A coded field given as another JSON type (`"fillIn": true`): the values it takes.
        case notOneOf(allowed: [String])
        case outOfRange(min: Double, max: Double)
        case conflict(with: String)
        case invalidVertebralLevel(String)
        case invalidDate(String)
        case custom(LocalizedText)
    }

    public enum ExpectedType: Sendable, Hashable {
        case string, wholeNumber, number, boolean, object, array

        var label: LocalizedText {
            switch self {
            case .string: LocalizedText(en: "a text value", zh: "文本")
            case .wholeNumber: LocalizedText(en: "a whole number", zh: "整数")
            case .number: LocalizedText(en: "a number", zh: "数字")
            case .boolean: LocalizedText(en: "true or false", zh: "true 或 false")
            case .object: LocalizedText(en: "a JSON object", zh: "JSON 对象")
            case .array: LocalizedText(en: "a JSON array", zh: "JSON 数组")
            }
        }
    }

    /// The path of the bad field (`pain`, `lesions[2].bone`), or nil when the whole input is bad.
    public let field: String?
    public let problem: Problem

    public init(field: String?, problem: Problem) {
        self.field = field
        self.problem = problem
    }

    /// The same error reported under a parent path (`lesions[2]` + `bone` → `lesions[2].bone`).
    public func nested(under parent: String) -> InputError {
        if parent.isEmpty { return self }
        guard let field else { return InputError(field: parent, problem: problem) }
        let joined = field.hasPrefix("[") ? parent + field : parent + "." + field
        return InputError(field: joined, problem: problem)
    }

    public var text: LocalizedText {
        let detail = problemText
        guard let field else { return detail }
        return LocalizedText(en: "field \"\(field)\": \(detail.en)", zh: "字段 \"\(field)\"：\(detail.zhHans)")
    }

    public func message(_ language: Language) -> String { text(language) }

    private var problemText: LocalizedText {
        switch problem {
        case .malformedJSON:
            return LocalizedText(en: "the input is not valid JSON", zh: "输入不是有效的 JSON")
        case .notAnObject:
            return LocalizedText(en: "the input must be a JSON object ({…})", zh: "输入必须是 JSON 对象（{…}）")
        case .unknownCalculator(let name, let allowed):
            let list = allowed.joined(separator: ", ")
            return LocalizedText(
                en: "unknown calculator \"\(Self.shorten(name))\"; allowed: \(list)",
                zh: "未知的计算器 \"\(Self.shorten(name))\"；可用：\(list)")
        case .unknownField(let allowed):
            let list = allowed.joined(separator: ", ")
            // The field's own name is the last part of its path ("lesions[0].laterallity").
            let name = field.map { String($0.split(separator: ".").last ?? Substring($0)) }
            let hint = name.map { Self.hint(for: $0, among: allowed) } ?? LocalizedText(en: "", zh: "")
            return LocalizedText(en: "unknown field\(hint.en); allowed fields: \(list)", zh: "未知字段\(hint.zhHans)；允许的字段：\(list)")
        case .missing:
            return LocalizedText(en: "required but missing", zh: "必填但缺失")
        case .unknownValue(let value, let allowed):
            let list = allowed.joined(separator: ", ")
            let hint = Self.hint(for: value, among: allowed)
            return LocalizedText(
                en: "unknown value \"\(Self.shorten(value))\"\(hint.en); allowed values: \(list)",
                zh: "未知的值 \"\(Self.shorten(value))\"\(hint.zhHans)；允许的值：\(list)")
        case .wrongType(let expected):
            return LocalizedText(en: "must be \(expected.label.en)", zh: "必须是\(expected.label.zhHans)")
        case .notOneOf(let allowed):
            let list = allowed.joined(separator: ", ")
            return LocalizedText(en: "must be one of the text values: \(list)", zh: "必须是以下文本值之一：\(list)")
        case .outOfRange(let min, let max):
            let range = "\(Self.format(min))–\(Self.format(max))"
            return LocalizedText(en: "out of range; allowed: \(range)", zh: "超出范围；允许范围：\(range)")
        case .conflict(let other):
            return LocalizedText(
                en: "cannot be given together with \"\(other)\"; give one of them",
                zh: "不能与 \"\(other)\" 同时提供；请只提供其中之一")
        case .invalidVertebralLevel(let value):
            return LocalizedText(
                en: "\"\(Self.shorten(value))\" is not a vertebral level; allowed: C1–C7, T1–T12, L1–L5, S1–S5",
                zh: "\"\(Self.shorten(value))\" 不是椎体节段；允许：C1–C7、T1–T12、L1–L5、S1–S5")
        case .invalidDate(let value):
            return LocalizedText(
                en: "\"\(Self.shorten(value))\" is not a date; allowed: YYYY, YYYY-MM or YYYY-MM-DD (year first; also 2025/3/4, 2025.03.04 and the Chinese year-month-day form)",
                zh: "\"\(Self.shorten(value))\" 不是日期；允许：YYYY、YYYY-MM 或 YYYY-MM-DD（年份在前；也可写作 2025/3/4、2025.03.04、2025年3月4日）")
        case .custom(let text):
            return text
        }
    }

    public static func shorten(_ value: String) -> String {
        value.count > 40 ? String(value.prefix(40)) + "…" : value
    }

    public static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(describing: number)
    }
}
