import Foundation

/// The words the EHR import writes into a record's free text beside what the source sent — a
/// lesion's note, a primary's histology, a visceral metastasis's organ: "recognised by text —
/// confirm", "suspected (provisional)", "lymph nodes (…)". They are stored in English (the
/// record's data travels to exports and other systems as written); a Chinese page shows them in
/// Chinese — a Chinese EHR's imported case read "描述：腰3椎体; recognised by text — confirm"
/// and "其他骨（多发骨转移; recognised by text — confirm）" (unseen bundles ehr9–ehr13).
public enum ImportMarkers {
    static let phrases: [(en: String, zh: String)] = [
        ("recognised by text — confirm", "由文本识别——请核实"),
        ("suspected (unconfirmed)", "疑似（未确认）"),
        ("suspected (provisional)", "疑似（初步诊断）"),
        ("suspected (differential)", "疑似（鉴别诊断）"),
    ]

    /// The text as shown in one language: in Chinese, the import's phrases in Chinese; a text
    /// that is only the import's "metastasis" or begins "lymph nodes" (an organ it named) too.
    public static func shown(_ text: String, zh: Bool) -> String {
        // Every phrase starts with a Latin lower-case letter: a note without one (most Chinese
        // notes) is shown as it is, without a search (lesion labels are built for every finding).
        guard zh, text.utf8.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return text }
        if text == "metastasis" { return "转移" }
        if text == "lymph nodes" { return "淋巴结" }
        if text.hasPrefix("lymph nodes ("), text.hasSuffix(")") { return "淋巴结（" + text.dropFirst("lymph nodes (".count).dropLast() + "）" }
        var shown = text
        for phrase in phrases where shown.contains(phrase.en) {
            // The import joins its phrase with "; " — a Chinese list's "；".
            shown = shown.replacingOccurrences(of: "; " + phrase.en, with: "；" + phrase.zh).replacingOccurrences(of: phrase.en, with: phrase.zh)
        }
        return shown
    }

    /// In both languages.
    public static func localized(_ text: String) -> LocalizedText {
        LocalizedText(en: text, zh: shown(text, zh: true))
    }
}
