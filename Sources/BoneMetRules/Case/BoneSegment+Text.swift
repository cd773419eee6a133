/// The segment of a long bone a text names — an EHR's body-site text, a case record's lesion
/// note ("左股骨近端", "intertrochanteric", "肱骨干") — when it names one that the bone has. A femur
/// named with its trochanters (转子, 粗隆) is peritrochanteric, whatever else the text says of its
/// proximal end; two other segments named are none.
extension BoneSegment {
    public static func named(in text: String, bone: Bone) -> BoneSegment? {
        let t = text.lowercased()
        if BoneSegment.peritrochanteric.fits(bone), ["trochanter", "转子", "粗隆"].contains(where: t.contains) { return .peritrochanteric }
        // The junctions of the thirds ("中上段", "中下段") are the shaft, not its ends.
        if ["中上段", "中下段", "上中段", "下中段"].contains(where: t.contains) { return BoneSegment.diaphysis.fits(bone) ? .diaphysis : nil }
        let named = names.filter { $0.1.contains(where: t.contains) }.map(\.0)
        guard named.count == 1, let segment = named.first, segment.fits(bone) else { return nil }
        return segment
    }

    /// A femur's proximal end named as such ("股骨近端", "股骨上段", "proximal femur"), without the
    /// neck, the head or the trochanters: it may be peritrochanteric (Mirels 1989 scores that
    /// region 3, the rest of the lower limb 2). Read as lower limb, "左股骨上段" and "左股骨近端"
    /// scored their site 2 where the record allows 3 (cb64).
    public static func namesProximalFemurOnly(_ text: String) -> Bool {
        guard named(in: text, bone: .femur) == .proximal else { return false }
        let t = text.lowercased()
        return !["neck", "head", "颈", "股骨头"].contains(where: t.contains)
    }

    /// The segment a text names that a record takes as its own (a note's, an EHR body site's):
    /// not a femur's proximal end named alone, which stays open for Mirels
    /// (`Lesion.proximalNoteOnly`).
    public static func settled(in text: String, bone: Bone) -> BoneSegment? {
        bone == .femur && namesProximalFemurOnly(text) ? nil : named(in: text, bone: bone)
    }

    static let names: [(BoneSegment, [String])] = [
        (.proximal, ["proximal", "femoral neck", "femoral head", "humeral head", "surgical neck", "近端", "上段", "股骨颈", "股骨头", "肱骨头", "肱骨颈"]),
        (.diaphysis, ["diaphys", "shaft", "midshaft", "骨干", "中段"]),
        (.distal, ["distal", "condyl", "远端", "下段", "髁"]),
    ]
}
