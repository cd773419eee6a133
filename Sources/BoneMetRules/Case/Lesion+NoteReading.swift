/// What a lesion's note names where the record leaves it out — the side, the level, the segment —
/// as Chinese records and EHR body-site texts write them ("右股骨颈", "胸7椎体").
extension Laterality {
    /// The one side a note names ("右股骨颈", "left femoral shaft"); nil for none or both
    /// ("左右", "left and right") — a both-sided note is not made "bilateral" here.
    public static func named(in note: String) -> Laterality? {
        let t = note.lowercased()
        let words = t.split { !$0.isLetter }
        let left = t.contains("左") || words.contains("left"), right = t.contains("右") || words.contains("right")
        return left == right ? nil : left ? .left : .right
    }
}

extension Lesion {
    /// The lesion with what its note names and the record left out: the level of a vertebra or
    /// sacrum recorded without one (`VertebralLevel.named(in:regions:)`), the side of a bone that
    /// has sides (`Laterality.named(in:)`: a femur noted "右股骨颈" needed both limbs imaged to be
    /// looked at, and read "femur" in every finding), and the segment `siteSegment` reads from it.
    /// Recorded values are never overruled.
    public var withSiteFromNote: Lesion {
        guard let note else { return self }
        var copy = self
        switch bone {
        case .vertebra, .sacrum:
            if level == nil { copy.level = VertebralLevel.named(in: note, regions: bone == .sacrum ? [.sacral] : [.cervical, .thoracic, .lumbar]) }
        case .skull, .sternum, .other:
            break
        default:
            if laterality == nil { copy.laterality = Laterality.named(in: note) }
            // The segment as `siteSegment` reads it, so that the lesion's name says it too — not
            // a femur's proximal end named alone, which may be peritrochanteric (its name reads
            // `siteSegment`).
            if segment == nil { copy.segment = BoneSegment.settled(in: note, bone: bone) }
        }
        return copy
    }
}

extension Lesion {
    /// The acetabulum: recorded so, or a pelvis whose note names it ("右髋臼", "periacetabular",
    /// "髋臼上方"). A rectal cancer's pelvis noted "右髋臼" was judged without the hip joint its
    /// socket carries (unseen record cb63-b).
    public var isAcetabular: Bool {
        if bone == .acetabulum { return true }
        guard bone == .pelvis, let text = note?.lowercased() else { return false }
        return text.contains("髋臼") || text.contains("acetabul")
    }
}
