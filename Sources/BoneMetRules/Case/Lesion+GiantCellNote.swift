import Foundation

/// What a lesion's note says of the picture reference.md names for giant cell tumour of bone
/// ("epiphyseal eccentric lytic lesion in a young adult"; Chakarun 2013): where in the bone's end
/// and whether off its axis. A 27-year-old's distal femur noted "右股骨远端干骺端-骨骺偏心性溶骨性病变"
/// was read as a metastasis of unknown origin, scored for prognosis and offered fixation — the
/// readings recorded no `epiphyseal` / `eccentric`, the note said both (unseen record cb117-g).
extension Lesion {
    /// Growth-plate words every adult long bone has (the plate, its line or scar, its closure)
    /// and the metaphysis ("干骺端" holds "骺端"): not the epiphysis.
    static let physisWords = [
        "骨骺线", "骺线", "骨骺板", "骺板", "骺软骨", "骺闭合", "骺愈合", "干骺",
        "epiphyseal line", "epiphyseal plate", "epiphyseal scar", "epiphyseal closure", "epiphyseal cartilage",
        "epiphyses are closed", "epiphyses closed", "closed epiphyses",
    ]
    static let epiphysisWords = ["骺", "epiphys", "epimetaphys"]
    static let eccentricWords = ["偏心", "eccentric"]
    static let deniedBefore = ["非", "无", "not ", "non-", "non", "no "]

    /// The note places the lesion in the epiphysis of a limb long bone ("干骺端-骨骺", "股骨远端骨骺",
    /// "epiphyseal", "epimetaphyseal"), the growth plate's words aside.
    public var noteNamesEpiphysis: Bool {
        guard mirelsSite != nil, var text = note?.lowercased() else { return false }
        for word in Self.physisWords { text = text.replacingOccurrences(of: word, with: " ") }
        return Self.affirms(Self.epiphysisWords, in: text)
    }

    /// The note calls the lesion eccentric ("偏心性", "eccentric"), not denied ("非偏心").
    public var noteNamesEccentric: Bool {
        guard mirelsSite != nil, let text = note?.lowercased() else { return false }
        return Self.affirms(Self.eccentricWords, in: text)
    }

    private static func affirms(_ words: [String], in text: String) -> Bool {
        words.contains { word in
            var rest = text[...]
            while let range = rest.range(of: word) {
                let before = text[..<range.lowerBound]
                if !deniedBefore.contains(where: { before.hasSuffix($0) }) { return true }
                rest = rest[range.upperBound...]
            }
            return false
        }
    }
}
