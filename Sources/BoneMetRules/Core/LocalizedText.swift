/// A user-facing text in both product languages. Both are required at construction, so a
/// missing translation cannot compile; `BilingualTextTests` also rejects empty or untranslated ones.
public struct LocalizedText: Sendable, Hashable, Codable {
    public let en: String
    public let zhHans: String

    public init(en: String, zh: String) {
        self.en = en
        self.zhHans = zh
    }

    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: en
        case .zhHans: zhHans
        }
    }

    enum CodingKeys: String, CodingKey {
        case en
        case zhHans = "zh-Hans"
    }

    /// Joins texts with a separator suited to each language.
    public static func joined(_ parts: [LocalizedText], en enSeparator: String = "; ", zh zhSeparator: String = "；") -> LocalizedText {
        LocalizedText(
            en: parts.map(\.en).joined(separator: enSeparator),
            zh: parts.map(\.zhHans).joined(separator: zhSeparator)
        )
    }
}
