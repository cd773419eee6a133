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
    /// One pass into strings of the final size (every assessment joins many lists; two arrays
    /// and two joins each were ~5 % of it, issue #12).
    public static func joined(_ parts: [LocalizedText], en enSeparator: String = "; ", zh zhSeparator: String = "；") -> LocalizedText {
        guard parts.count > 1 else { return parts.first ?? LocalizedText(en: "", zh: "") }
        var enLength = enSeparator.utf8.count * (parts.count - 1)
        var zhLength = zhSeparator.utf8.count * (parts.count - 1)
        for part in parts {
            enLength += part.en.utf8.count
            zhLength += part.zhHans.utf8.count
        }
        var en = ""
        var zh = ""
        en.reserveCapacity(enLength)
        zh.reserveCapacity(zhLength)
        for (position, part) in parts.enumerated() {
            if position > 0 {
                en += enSeparator
                zh += zhSeparator
            }
            en += part.en
            zh += part.zhHans
        }
        return LocalizedText(en: en, zh: zh)
    }
}

extension LocalizedText {
    /// A span of days as a clinician says it: "3 years" from two years on, "14 months" from 60
    /// days, else "50 days".
    public static func elapsed(days: Int) -> LocalizedText {
        days >= 730
            ? LocalizedText(en: "\(days / 365) years", zh: "\(days / 365) 年")
            : days >= 60 ? LocalizedText(en: "\(days / 30) months", zh: "\(days / 30) 个月") : LocalizedText(en: "\(days) days", zh: "\(days) 天")
    }
}
