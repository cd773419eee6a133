/// Oestrogen and progesterone receptor status as pathology texts write them, when the record
/// has no coded `er` / `pr`: "ER(+90%)", "ER（+，90%）", "ER 80%+", "ER-positive", "ER(-)",
/// "ER 0%", "雌激素受体阳性", "PgR(+)". A breast cancer whose pathology read "浸润性导管癌，
/// ER(+90%)，PR(+20%)" scored New Katagiri's primary 0–2 (hormone dependence unknown).
/// A percentage without a sign is read by ASCO/CAP 2020 (Allison KH et al. J Clin Oncol
/// 2020;38:1346-66): ≥ 1 % of nuclei positive, < 1 % negative. Nothing recognised: nil.
public enum ReceptorText {
    /// `hr`: the hormone receptors together — "HR+/HER2-", "HR阳性", "激素受体阳性", as clinics
    /// write a breast cancer's status instead of ER and PR (positive: ER or PR positive).
    public enum Receptor: Sendable { case er, pr, hr }

    /// Receptor names by their scalars (worked out once), nil for the other markers a text lists.
    /// "激素受体" after "雌" or "孕" is ER's or PR's name, matched first at its own position.
    static let names: [(Receptor?, [[Unicode.Scalar]])] = [
        (.er, ["雌激素受体", "er"]), (.pr, ["孕激素受体", "孕酮受体", "pgr", "pr"]), (.hr, ["激素受体", "hormone receptor", "hr"]),
        (nil, ["her2", "her-2", "ki67", "ki-67", "ar"]),
    ].map { ($0.0, $0.1.map { Array($0.unicodeScalars) }) }

    /// The hormone receptors as a clinic writes them together: "HR+", "HR阳性", "激素受体阳性",
    /// or a luminal subtype (luminal A and B are hormone-receptor-positive by definition: St
    /// Gallen 2013, Goldhirsch A et al. Ann Oncol 2013;24:2206-23). A breast cancer written
    /// "浸润性导管癌 HR+/HER2-" or "Luminal B" scored New Katagiri's primary 0–2 (hormone
    /// dependence unknown; unseen record pattern, 2026-12-05).
    public static func hormoneReceptors(in text: String) -> ReceptorStatus? {
        if let status = status(.hr, in: text) { return status }
        let t = normalised(text)
        guard let range = t.firstRange(of: "luminal") else { return nil }
        let head = t[..<range.lowerBound]
        return head.hasSuffix("非") || head.hasSuffix("non-") || head.hasSuffix("non ") ? nil : .positive
    }

    public static func status(_ receptor: Receptor, in text: String) -> ReceptorStatus? {
        let scalars = Array(normalised(text).unicodeScalars)
        let readings = markerReadings(names, in: scalars).compactMap { $0.marker == receptor ? $0.status : nil }
        // Two readings that disagree (a primary and a recurrence in one text) settle nothing.
        guard let first = readings.first else { return tripleNegative(scalars) ? .negative : nil }
        return readings.allSatisfy({ $0 == first }) ? first : nil
    }

    /// Every marker name of `names` in the (normalised) text, by position, with the status written
    /// right after it (up to the next name or 16 characters; nil when none is read). A Latin name
    /// stands alone ("er" is not read in "her" or "cancer"); a nil key is a name matched only so
    /// that it ends the window of the one before (HER2 after ER). Shared by the receptor and the
    /// immunohistochemistry readers.
    static func markerReadings<Marker>(_ names: [(Marker?, [[Unicode.Scalar]])], in scalars: [Unicode.Scalar]) -> [(marker: Marker, status: ReceptorStatus?)] {
        var marks: [(position: Int, end: Int, marker: Marker?)] = []
        var index = 0
        while index < scalars.count {
            var matched = false
            for (which, words) in names {
                for w in words {
                    guard index + w.count <= scalars.count, scalars[index..<index + w.count].elementsEqual(w) else { continue }
                    let latin = w.first.map(isLetter) ?? false
                    let before = index > 0 ? scalars[index - 1] : " "
                    let after = index + w.count < scalars.count ? scalars[index + w.count] : " "
                    if latin && (isLetter(before) || isLetter(after)) { continue }
                    marks.append((index, index + w.count, which))
                    index += w.count
                    matched = true
                    break
                }
                if matched { break }
            }
            if !matched { index += 1 }
        }
        return marks.indices.compactMap { i in
            guard let marker = marks[i].marker else { return nil }
            let stop = i + 1 < marks.count ? min(marks[i + 1].position, marks[i].end + 16) : min(scalars.count, marks[i].end + 16)
            return (marker, read(String(String.UnicodeScalarView(scalars[marks[i].end..<stop]))))
        }
    }

    /// "三阴性乳腺癌", "triple-negative", "TNBC": ER, PR and HER2 all negative — the name a
    /// pathology or clinic text gives instead of the three results (cb25-f: "乳腺癌 三阴性" scored
    /// New Katagiri's primary 0–2, hormone dependence unknown). Not "非三阴性" (not triple-negative).
    static let tripleNegativeNames = ["三阴性", "三阴乳腺癌", "triple negative", "triple-negative", "tnbc"].map { Array($0.unicodeScalars) }

    static func tripleNegative(_ scalars: [Unicode.Scalar]) -> Bool {
        for name in tripleNegativeNames {
            var index = 0
            while index + name.count <= scalars.count {
                defer { index += 1 }
                guard scalars[index..<index + name.count].elementsEqual(name) else { continue }
                let before = index > 0 ? scalars[index - 1] : " "
                if before == "非" || isLetter(before) { continue }
                // "not triple negative", "non-TNBC"
                let head = String(String.UnicodeScalarView(scalars[max(0, index - 4)..<index]))
                if head.hasSuffix("not ") || head.hasSuffix("non-") || head.hasSuffix("non ") { continue }
                let after = index + name.count < scalars.count ? scalars[index + name.count] : " "
                if name.first.map(isLetter) == true && isLetter(after) { continue }
                return true
            }
        }
        return false
    }

    /// The status written right after a receptor's name.
    static func read(_ window: String) -> ReceptorStatus? {
        if window.contains("阴性") || window.contains("negative") { return .negative }
        if window.contains("阳性") || window.contains("positive") { return .positive }
        var digits = ""
        var below = false
        var percent: Double?
        for scalar in window.unicodeScalars {
            switch scalar {
            case "+": return .positive
            case "-", "−": if digits.isEmpty && percent == nil { return .negative }
            case "<": if digits.isEmpty { below = true }
            case "0"..."9", ".": digits.unicodeScalars.append(scalar)
            case "%":
                // "< 1 %" is negative; "< 10 %" could be either.
                if percent == nil, let value = Double(digits) {
                    if below && value > 1 { return nil }
                    percent = below ? 0 : value
                }
                digits = ""
            default:
                if !digits.isEmpty && scalar != " " { digits = "" }
            }
        }
        return percent.map { $0 >= 1 ? .positive : .negative }
    }

    /// Lower case, full-width brackets, signs and percent as ASCII.
    static func normalised(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "（": "("
            case "）": ")"
            case "＋": "+"
            case "－", "﹣": "-"
            case "％": "%"
            case "，": ","
            case "：": ":"
            default: scalar
            }
        }))
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) }
}

extension PrimaryCancer {
    /// ER as recorded, else as its pathology text writes it (`ReceptorText`).
    public var effectiveER: ReceptorStatus? { er ?? histology.flatMap { ReceptorText.status(.er, in: $0) } }
    /// PR as recorded, else as its pathology text writes it.
    public var effectivePR: ReceptorStatus? { pr ?? histology.flatMap { ReceptorText.status(.pr, in: $0) } }
}
