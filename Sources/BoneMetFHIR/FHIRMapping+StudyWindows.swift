import BoneMetRules

/// The CT windows a study's own name or report names (`CTWindow.named(in:)`): a CT report titled
/// "胸腰椎CT平扫（骨窗）" was imported with no window, and every finding asked "windows not recorded —
/// was the bone window read?" while the title said it was (unseen bundle ehr39, 2026-12-06). Read
/// only for a CT whose windows are not sent otherwise (our own export's extension).
extension FHIRCaseMapper {
    public static func windowsNamed(in texts: [String]) -> [CTWindow] { CTWindow.named(in: texts) }
}
