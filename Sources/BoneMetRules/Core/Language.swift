/// The two languages every user-facing text exists in. Chinese first: the source hospital's language.
public enum Language: String, Sendable, CaseIterable, Codable, Hashable {
    case zhHans = "zh-Hans"
    case en

    /// Accepts the codes people type or browsers send: `zh`, `zh-Hans`, `zh-CN`, `en`, `en-US`.
    public init?(code: String) {
        let lower = code.lowercased()
        if lower == "zh" || lower.hasPrefix("zh-") || lower.hasPrefix("zh_") {
            self = .zhHans
        } else if lower == "en" || lower.hasPrefix("en-") || lower.hasPrefix("en_") {
            self = .en
        } else {
            return nil
        }
    }

    /// The short code used on the command line.
    public var shortCode: String {
        switch self {
        case .zhHans: "zh"
        case .en: "en"
        }
    }
}
