/// A femoral lesion whose note names the head or neck of the femur ("左股骨颈", "femoral neck") —
/// the proximal segment read more finely, as the trochanters are (`siteSegment`). A pathological
/// fracture there is reconstructed by arthroplasty: fixation heals poorly in the femoral head and
/// neck (Axelrod 2021). A lung cancer's displaced femoral-neck fracture read "orthopaedic referral
/// for fixation" (unseen record cb27-m).
extension Lesion {
    static let femoralHeadOrNeckNames = ["femoral neck", "femoral head", "neck of femur", "head of femur", "股骨颈", "股骨头"]

    /// The note names the femoral head or neck, and nothing recorded places the lesion elsewhere
    /// (a diaphysis, or the trochanters: "股骨颈基底至转子间" is peritrochanteric).
    public var isFemoralHeadOrNeck: Bool {
        guard bone == .femur, let note, siteSegment == nil || siteSegment == .proximal else { return false }
        let text = note.lowercased()
        return Self.femoralHeadOrNeckNames.contains(where: text.contains)
    }
}
