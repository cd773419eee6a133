import Foundation

/// Whether an operation removed its lesion — by its coded procedure, or by the words of its name
/// where the coded procedure is the implant beside the removal. An operating list writes one row
/// for a combined operation ("左肱骨病灶刮除骨水泥填充髓内钉内固定术": curettage, cement and a
/// nail); coded as the fixation, the curettage was lost, and a renal-cell humerus curetted and
/// nailed read "PR — product of diameters −60 %" on the next CT, credited to the regimen begun
/// after it (unseen record cb81-c, 2026.12.315).
extension Treatment {
    /// The removal this operation did: its procedure where that removes the lesion (resection,
    /// arthroplasty, curettage), else the curettage or resection its name writes. Nil for any
    /// other operation, and for a planned one.
    public var removal: SurgicalProcedure? {
        guard kind == .surgery else { return nil }
        if let procedure, procedure.removesLesion { return procedure }
        return SurgicalProcedureText.removalWritten(name)
    }

    /// `removal` is not nil: what imaging shows of the lesion after it is the operation.
    public var removesLesion: Bool { removal != nil }
}

extension SurgicalProcedureText {
    /// The removal of the lesion an operation's name writes beside whatever else it did:
    /// intralesional curettage ("刮除", "病灶清除", "curettage") or a resection of the tumour
    /// ("肿瘤切除", "en bloc", "spondylectomy", "excision"). Not a laminectomy ("椎板切除"), which
    /// removes the lamina to decompress the cord and leaves the vertebral body's tumour, nor an
    /// implant taken out ("内固定取出").
    static func removalWritten(_ name: String?) -> SurgicalProcedure? {
        guard let text = name?.lowercased(), !text.isEmpty else { return nil }
        func has(_ words: String...) -> Bool { words.contains { text.contains($0) } }
        if has("刮除", "病灶清除", "curettage", "curetted", "intralesional") { return .curettage }
        // "切除" of the lamina alone is a decompression: strike it before looking for a resection.
        var resectionText = text
        for laminectomy in ["椎板切除", "laminectomy", "关节突切除", "facetectomy"] {
            resectionText = resectionText.replacingOccurrences(of: laminectomy, with: " ")
        }
        let resection = ["切除", "resection", "resected", "excision", "en bloc", "spondylectomy", "vertebrectomy", "corpectomy"]
        if resection.contains(where: resectionText.contains), !has("取出", "拆除") { return .resection }
        return nil
    }
}

/// Cement put into a lesion (`ResponseRules.cementedInInterval`): beside the removal, what an
/// operation's name writes about what it left in the lesion.
extension Treatment {
    /// An operation that put cement into its lesions: coded as cement augmentation, or a name
    /// writing cement ("骨水泥", "PKP", "vertebroplasty") beside whatever else it did.
    public var putsCement: Bool {
        guard kind == .surgery else { return false }
        if procedure == .cementAugmentation { return true }
        guard let text = name?.lowercased(), !text.isEmpty else { return false }
        if ["骨水泥", "cement", "vertebroplasty", "kyphoplasty", "椎体成形", "后凸成形"].contains(where: text.contains) { return true }
        let words = ASCIIWords.of(text)
        return words.contains("pvp") || words.contains("pkp")
    }
}
