import BoneMetRules

/// The CT windows a study's own name or report names: "胸腰椎CT平扫（骨窗）", "CT T-SPINE BONE
/// WINDOW", "骨窗示胸12椎体骨质破坏". Unseen bundle ehr39 (2026-12-06): a Chinese CT report titled
/// "胸腰椎CT平扫（骨窗）" was imported with no window, and every finding asked "windows not recorded —
/// was the bone window read?" while the title said it was. Read only for a CT whose windows are
/// not sent otherwise (our own export's extension); a window not named is not assumed.
extension FHIRCaseMapper {
    static let windowWords: [(CTWindow, [String])] = [
        (.bone, ["骨窗", "bone window", "bone windows", "bone algorithm", "bone kernel", "osseous window"]),
        (.softTissue, ["软组织窗", "纵隔窗", "soft tissue window", "soft-tissue window", "mediastinal window"]),
        (.lung, ["肺窗", "lung window", "lung windows"]),
    ]

    public static func windowsNamed(in texts: [String]) -> [CTWindow] {
        let text = texts.joined(separator: " ").lowercased()
        return windowWords.compactMap { window, words in words.contains(where: text.contains) ? window : nil }
    }
}
