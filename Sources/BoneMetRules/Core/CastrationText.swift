/// Castration status as diagnosis texts write it, when the record has no coded
/// `castrationResistant`: "mCRPC", "去势抵抗性前列腺癌", "castration-resistant" → resistant;
/// "mHSPC", "mCSPC", "激素敏感性", "castration-sensitive" → sensitive. A prostate cancer whose
/// diagnosis read "高负荷转移性激素敏感性前列腺癌 (mHSPC)", given zoledronic acid every 4 weeks
/// from the start of its first ADT, read "record the castration status" (unseen record cb28-h).
/// Resistance follows sensitivity and never the reverse, so a text naming both ("mHSPC 进展为
/// mCRPC") reads resistant. A name after "非" (not), or after English "not", "non", "never" or "no
/// longer" ("not castration-resistant", "no longer hormone-sensitive") is not read — an EHR's note
/// is read for it too (`FHIRMapping`), and notes write negations. Nothing recognised: nil.
enum CastrationText {
    static let resistant = [
        "crpc", "mcrpc", "nmcrpc", "castration-resistant", "castration resistant", "castrate-resistant", "castrate resistant",
        "hormone-refractory", "hormone refractory", "去势抵抗", "去势难治", "激素难治", "雄激素非依赖",
    ].map { Array($0.unicodeScalars) }
    static let sensitive = [
        "hspc", "mhspc", "cspc", "mcspc", "castration-sensitive", "castration sensitive", "castrate-sensitive", "castration-naive",
        "hormone-sensitive", "hormone sensitive", "hormone-naive", "去势敏感", "激素敏感",
    ].map { Array($0.unicodeScalars) }

    static func castrationResistant(in text: String) -> Bool? {
        let scalars = Array(text.lowercased().unicodeScalars)
        if contains(resistant, in: scalars) { return true }
        if contains(sensitive, in: scalars) { return false }
        return nil
    }

    private static func contains(_ names: [[Unicode.Scalar]], in scalars: [Unicode.Scalar]) -> Bool {
        for name in names where name.count <= scalars.count {
            let latin = name.first.map { $0.isASCII } ?? false
            for start in 0...(scalars.count - name.count) where scalars[start..<start + name.count].elementsEqual(name) {
                let before: Unicode.Scalar = start > 0 ? scalars[start - 1] : " "
                let after: Unicode.Scalar = start + name.count < scalars.count ? scalars[start + name.count] : " "
                // A Latin name stands alone ("crpc", not the end of "mcrpc" — listed itself).
                if latin && (isLetter(before) || isLetter(after)) { continue }
                if before == "非" || negatedInEnglish(scalars[..<start]) { continue }
                return true
            }
        }
        return false
    }

    /// Whether the words just before a name negate it: "not", "non" ("non-castrate", "non
    /// castration-resistant"), "never", "no longer", "not yet".
    private static func negatedInEnglish(_ before: ArraySlice<Unicode.Scalar>) -> Bool {
        let text = String(String.UnicodeScalarView(before.suffix(12)))
        return ["not ", "not yet ", "non-", "non ", "never ", "no longer "].contains { text.hasSuffix($0) }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar))
    }
}

extension PrimaryCancer {
    /// Castration status as a text writes it (`CastrationText`): true resistant, false sensitive,
    /// nil not said — for an importer reading a note beside the diagnosis.
    public static func castrationResistant(readIn text: String) -> Bool? {
        CastrationText.castrationResistant(in: text)
    }

    /// Castration status as recorded, else as the prostate primary's diagnosis text writes it
    /// (`CastrationText`).
    public var effectiveCastrationResistant: Bool? {
        guard site == .prostate else { return castrationResistant }
        return castrationResistant ?? histology.flatMap(CastrationText.castrationResistant(in:))
    }
}
