/// The segment of a long bone a text names — an EHR's body-site text, a case record's lesion
/// note ("左股骨近端", "intertrochanteric", "肱骨干") — when it names one that the bone has. A femur
/// named with its trochanters (转子, 粗隆) is peritrochanteric, whatever else the text says of its
/// proximal end; two other segments named are none.
extension BoneSegment {
    public static func named(in text: String, bone: Bone) -> BoneSegment? {
        let t = text.lowercased()
        if BoneSegment.peritrochanteric.fits(bone), ["trochanter", "转子", "粗隆"].contains(where: t.contains) { return .peritrochanteric }
        let named = names.filter { $0.1.contains(where: t.contains) }.map(\.0)
        guard named.count == 1, let segment = named.first, segment.fits(bone) else { return nil }
        return segment
    }

    static let names: [(BoneSegment, [String])] = [
        (.proximal, ["proximal", "femoral neck", "femoral head", "humeral head", "surgical neck", "近端", "股骨颈", "股骨头", "肱骨头", "肱骨颈"]),
        (.diaphysis, ["diaphys", "shaft", "midshaft", "骨干", "中段"]),
        (.distal, ["distal", "condyl", "远端", "髁"]),
    ]
}
